/**
 * kubectl annotate (k8s.io/kubectl/pkg/cmd/annotate/annotate.go): `KEY=VALUE` (the value may contain
 * `=`) adds, `KEY-` removes, existing keys need --overwrite (kubernetes.io/change-cause excepted);
 * sent as a JSON merge patch and printed from the server's answer as `pod/x annotated`.
 */
import { clone, type KubeObject } from '../../api/object.ts';
import { CmdError } from '../errors.ts';
import type { Command } from '../types.ts';
import { call, dryRunOf, printObjects } from './common.ts';
import { listMap, mergeBodies, metaFlags, metaInfos, metaMergePatch, resourcesAndPairs, validateMeta } from './label.ts';
import { CHANGE_CAUSE, changeCause, recordDeprecation } from './record.ts';
import { reportErrors } from './visit.ts';

/** cmdutil.ParsePairs(args, "annotation", true). */
export function parsePairs(pairArgs: string[], pairType: string, supportRemove: boolean): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairArgs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      add.set(p.slice(0, i), p.slice(i + 1));
    } else if (supportRemove && p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length) throw new CmdError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { add, remove };
}

export const annotate: Command = {
  name: 'annotate',
  flags: metaFlags('kubectl-annotate'),
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const dryRun = dryRunOf(flags, ctx);
    const list = flags.bool('list');
    if (list && flags.str('output')) throw new CmdError('--list and --output may not be specified together');
    const { resources, pairs } = resourcesAndPairs(args, 'annotation');
    const { add, remove } = parsePairs(pairs, 'annotation', true);
    validateMeta(flags, resources, dryRun, 'annotation');
    if (!add.size && !remove.length && !list) throw new CmdError('at least one annotation update is required');
    const both = remove.filter((r) => add.has(r));
    if (both.length) throw new CmdError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);

    const local = flags.bool('local');
    const overwrite = flags.bool('overwrite');
    const rv = flags.str('resource-version');
    const { infos, errors, singleItemImplied } = metaInfos(ctx, flags, resources);
    if (!singleItemImplied && rv) throw new CmdError('--resource-version may only be used with a single resource');
    const record = flags.bool('record') ? changeCause('kubectl annotate', args, flags) : undefined;
    const errs: unknown[] = [...errors];
    for (const it of infos) {
      try {
        const obj = clone(it.object);
        let outputObj: KubeObject = obj;
        if (dryRun === 'client' || local || list) {
          updateAnnotations(obj, overwrite, rv, add, remove);
        } else {
          if (rv) delete obj.metadata.resourceVersion;
          if (record) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: record };
          updateAnnotations(obj, overwrite, rv, add, remove);
          const body = mergeBodies(metaMergePatch('annotations', it.object.metadata.annotations, obj.metadata.annotations ?? {}), undefined, rv);
          outputObj = body ? (call(ctx, it.info, { verb: 'patch', patchType: 'merge', namespace: it.namespace, name: it.name, body, dryRun: dryRun === 'server' }) as KubeObject) : it.object;
        }
        if (list) {
          listMap(ctx, it, outputObj.metadata.annotations, singleItemImplied, 'annotations');
          continue;
        }
        printObjects(ctx, [outputObj], flags, 'annotated', dryRun);
      } catch (e) {
        errs.push(e);
      }
    }
    return reportErrors(ctx, errs);
  },
};

/** annotate.go updateAnnotations (with validateNoAnnotationOverwrites). */
function updateAnnotations(obj: KubeObject, overwrite: boolean, rv: string, add: Map<string, string>, remove: string[]): void {
  const cur = obj.metadata.annotations ?? {};
  if (!overwrite) {
    const found: string[] = [];
    for (const k of [...add.keys()].sort()) {
      if (k === CHANGE_CAUSE) continue;
      // Only a different value needs --overwrite (kubectl v1.33: the same value just prints "annotated").
      if (k in cur && cur[k] !== add.get(k)) found.push(`'${k}' already has a value (${cur[k]})`);
    }
    if (found.length) throw new CmdError(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`);
  }
  const next = { ...cur };
  for (const [k, v] of add) next[k] = v;
  for (const k of remove) delete next[k];
  obj.metadata.annotations = next;
  if (rv) obj.metadata.resourceVersion = rv;
}
