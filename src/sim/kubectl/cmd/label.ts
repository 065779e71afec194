/**
 * kubectl label (k8s.io/kubectl/pkg/cmd/label/label.go): `KEY=VALUE` adds, `KEY-` removes, existing
 * keys need --overwrite; the change goes to the server as a JSON merge patch computed from the object
 * before and after. Messages: `pod/x labeled`, `pod/x not labeled` (nothing changed), `pod/x unlabeled`
 * (the object got smaller without --overwrite), `label "k" not found.` for a removal of an absent key.
 */
import { isValidLabelValue } from '../../api/labels.ts';
import { clone, type KubeObject } from '../../api/object.ts';
import { marshalJSON } from '../printers/json.ts';
import { CmdError } from '../errors.ts';
import type { FlagDef, Flags } from '../flags.ts';
import type { Command, KubectlContext } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, printObjects, type DryRun } from './common.ts';
import { CHANGE_CAUSE, RECORD_FLAG, changeCause, recordDeprecation } from './record.ts';
import { aggregate, buildInfos, reportErrors, type Info } from './visit.ts';

export const MsgLabeled = 'labeled';
export const MsgNotLabeled = 'not labeled';
export const MsgUnLabeled = 'unlabeled';

/** Flags label and annotate share. */
export function metaFlags(fieldManager: string): FlagDef[] {
  return [
    ...PRINT_FLAGS,
    RECORD_FLAG,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    DRY_RUN_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    { name: 'list', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'resource-version', type: 'string' },
    { name: 'field-manager', type: 'string', default: fieldManager },
    { name: 'selector', short: 'l', type: 'string' },
  ];
}

/** cmdutil.GetResourcesAndPairs: resources first, then KEY=VALUE / KEY- pairs. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let found = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s[0] !== '-');
    if (nonResource) {
      found = true;
      pairs.push(s);
    } else if (!found) resources.push(s);
    else throw new CmdError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** label.go parseLabels. */
export function parseLabels(spec: string[]): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes('=')) {
      const parts = s.split('=');
      if (parts.length !== 2) throw new CmdError(`invalid label spec: ${s}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length) throw new CmdError(`invalid label value: ${JSON.stringify(s)}: ${errs.join(';')}`);
      add.set(parts[0], parts[1]);
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else throw new CmdError(`unknown label spec: ${s}`);
  }
  for (const r of remove) if (add.has(r)) throw new CmdError('can not both modify and remove a label in the same command');
  return { add, remove };
}

/** Validation label and annotate share (the resource/flag checks before the "at least one" check). */
export function validateMeta(flags: Flags, resources: string[], dryRun: DryRun, what: 'label' | 'annotation'): void {
  const all = flags.bool('all');
  if (all && flags.str('selector')) throw new CmdError('cannot set --all and --selector at the same time');
  if (all && flags.str('field-selector')) throw new CmdError('cannot set --all and --field-selector at the same time');
  const files = flags.list('filename').length > 0 || !!flags.str('kustomize');
  const example = what === 'label' ? 'pod.yaml or --filename=pod.json' : 'rsrc.yaml or --filename=rsrc.json';
  if (flags.bool('local')) {
    if (what === 'label' && dryRun === 'server') throw new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length) throw new CmdError(`can only use local files by -f ${example} when --local=true is set`);
    if (!files) throw new CmdError(`one or more files must be specified as -f ${example}`);
    if (what === 'annotation' && dryRun === 'server') throw new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  } else if (!resources.length && !files) {
    throw new CmdError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
}

/** The objects label/annotate act on (builder with Latest, ContinueOnError, IntoSingleItemImplied). */
export function metaInfos(ctx: KubectlContext, flags: Flags, resources: string[]) {
  if (flags.bool('local')) {
    return buildInfos(ctx, { files: flags.list('filename'), recursive: flags.bool('recursive') });
  }
  return buildInfos(ctx, {
    args: resources,
    files: flags.list('filename'),
    recursive: flags.bool('recursive'),
    selector: flags.str('selector'),
    fieldSelector: flags.str('field-selector'),
    all: flags.bool('all'),
    allNamespaces: flags.bool('all-namespaces'),
    latest: true,
  });
}

/** `--list`: one `k=v` line per entry; several objects get a "Listing … for Kind.group/name:" header. */
export function listMap(ctx: KubectlContext, it: Info, map: Record<string, string> | undefined, single: boolean, what: string): void {
  let indent = '';
  if (!single) {
    indent = ' ';
    ctx.out(`Listing ${what} for ${it.info.kind}.${it.info.group}/${it.name}:\n`);
  }
  // Go ranges over the map in random order; the simulator lists keys sorted.
  for (const k of Object.keys(map ?? {}).sort()) ctx.out(`${indent}${k}=${map![k]}\n`);
}

/** jsonpatch.CreateMergePatch(old, new) restricted to one metadata map (what label/annotate change). */
export function metaMergePatch(field: 'labels' | 'annotations', before: Record<string, string> | undefined, after: Record<string, string>): object | undefined {
  const b = before ?? {};
  const diff: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(after)) if (b[k] !== v) diff[k] = v;
  for (const k of Object.keys(b)) if (!(k in after)) diff[k] = null;
  if (!Object.keys(diff).length) return undefined;
  return { metadata: { [field]: diff } };
}

export const label: Command = {
  name: 'label',
  flags: metaFlags('kubectl-label'),
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const dryRun = dryRunOf(flags, ctx);
    const { resources, pairs } = resourcesAndPairs(args, 'label');
    const { add, remove } = parseLabels(pairs);
    const output = flags.str('output');
    const list = flags.bool('list');
    if (list && output) throw new CmdError('--list and --output may not be specified together');
    validateMeta(flags, resources, dryRun, 'label');
    if (!add.size && !remove.length && !list) throw new CmdError('at least one label update is required');

    const local = flags.bool('local');
    const overwrite = flags.bool('overwrite');
    const rv = flags.str('resource-version');
    const { infos, errors, singleItemImplied } = metaInfos(ctx, flags, resources);
    if (!singleItemImplied && rv) throw new CmdError('--resource-version may only be used with a single resource');
    const record = flags.bool('record') ? changeCause('kubectl label', args, flags) : undefined;
    const errs: unknown[] = [...errors];
    for (const it of infos) {
      try {
        const obj = clone(it.object);
        if (rv) delete obj.metadata.resourceVersion;
        const oldData = marshalJSON(obj);
        const before = it.object.metadata.labels;
        if (!(dryRun === 'client' || local || list)) {
          for (const k of remove) if (!(before && k in before)) ctx.out(`label ${JSON.stringify(k)} not found.\n`);
        }
        labelFunc(obj, overwrite, rv, add, remove);
        if (record && !(dryRun === 'client' || local || list)) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: record };
        const newData = marshalJSON(obj);
        const msg = dataChangeMsg(oldData, newData, overwrite);
        let outputObj: KubeObject = obj;
        if (!(dryRun === 'client' || local || list)) {
          const patch = metaMergePatch('labels', before, obj.metadata.labels ?? {});
          const ann = record ? metaMergePatch('annotations', it.object.metadata.annotations, obj.metadata.annotations ?? {}) : undefined;
          const body = mergeBodies(patch, ann, rv);
          outputObj = body ? (call(ctx, it.info, { verb: 'patch', patchType: 'merge', namespace: it.namespace, name: it.name, body, dryRun: dryRun === 'server' }) as KubeObject) : it.object;
        }
        if (list) {
          listMap(ctx, it, outputObj.metadata.labels, singleItemImplied, 'labels');
          continue;
        }
        printObjects(ctx, [obj], flags, msg, dryRun);
      } catch (e) {
        errs.push(e);
      }
    }
    return reportErrors(ctx, errs);
  },
};

/** The merge patch body: the label/annotation changes, plus resourceVersion when it is a precondition. */
export function mergeBodies(a: object | undefined, b: object | undefined, rv: string): object | undefined {
  const meta: Record<string, unknown> = {};
  for (const p of [a, b]) if (p) Object.assign(meta, (p as { metadata: object }).metadata);
  if (rv && Object.keys(meta).length) meta.resourceVersion = rv;
  return Object.keys(meta).length ? { metadata: meta } : undefined;
}

/**
 * label.go labelFunc: the --overwrite check (validateNoOverwrites: only a *different* value needs
 * --overwrite; the same value is no change, `not labeled`), then set and remove.
 */
function labelFunc(obj: KubeObject, overwrite: boolean, rv: string, add: Map<string, string>, remove: string[]): void {
  const labels = obj.metadata.labels ?? {};
  if (!overwrite) {
    const errs: string[] = [];
    for (const k of [...add.keys()].sort()) if (k in labels && labels[k] !== add.get(k)) errs.push(`'${k}' already has a value (${labels[k]}), and --overwrite is false`);
    if (errs.length) throw aggregate(errs.map((e) => new CmdError(e)));
  }
  const next = { ...labels };
  for (const [k, v] of add) next[k] = v;
  for (const k of remove) delete next[k];
  obj.metadata.labels = next;
  if (rv) obj.metadata.resourceVersion = rv;
}

/** label.go updateDataChangeMsg: compares the JSON of the object before and after. */
function dataChangeMsg(oldData: string, newData: string, overwrite: boolean): string {
  if (oldData === newData) return MsgNotLabeled;
  if (!overwrite && newData.length < oldData.length) return MsgUnLabeled;
  return MsgLabeled;
}
