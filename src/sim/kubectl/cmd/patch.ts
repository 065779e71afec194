/**
 * kubectl patch (k8s.io/kubectl/pkg/cmd/patch/patch.go): -p/--patch or --patch-file, --type
 * strategic (default) | merge | json. The patch text goes through yaml.ToJSON (YAML unless it starts
 * with `{`) and is sent to the server, which applies it. Prints `deployment.apps/web patched`, or
 * `… patched (no change)` when the object the server returns equals the one read before.
 */
import { isObject, type KubeObject } from '../../api/object.ts';
import { JsonSyntaxError, parseJSON } from '../../api/schema/json.ts';
import { ApiError } from '../../apiserver/errors.ts';
import * as apiErrors from '../../apiserver/errors.ts';
import { applyPatch } from '../../apiserver/patch.ts';
import { FileSystem } from '../../shell/fs.ts';
import { CmdError } from '../errors.ts';
import { yamlToJSON } from '../yaml/goyaml/decode.ts';
import type { Command } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, printObjects } from './common.ts';
import { RECORD_FLAG, changeCause, recordDeprecation } from './record.ts';
import { buildInfos, reportErrors } from './visit.ts';

const PATCH_TYPES = ['json', 'merge', 'strategic'];

/** Deep equality the way reflect.DeepEqual sees two decoded JSON objects (key order ignored). */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJSON(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => k in b && sameJSON(a[k], b[k]));
  }
  return false;
}

/**
 * yaml.ToJSON, then the JSON decoding the API server does: the patch value, or the error the
 * server answers (BadRequest with encoding/json's message).
 */
export function decodePatch(text: string, shown: string): unknown {
  if (!/^\s*\{/.test(text)) {
    const r = yamlToJSON(text);
    if (!r.ok) throw new CmdError(`unable to parse ${JSON.stringify(shown)}: ${r.error}`);
    return r.value;
  }
  try {
    return parseJSON(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw apiErrors.badRequest(e.message);
    throw e;
  }
}

export const patch: Command = {
  name: 'patch',
  flags: [
    ...PRINT_FLAGS,
    RECORD_FLAG,
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    DRY_RUN_FLAG,
    FILENAME_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    RECURSIVE_FLAG,
    { name: 'local', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
    { name: 'subresource', type: 'string' },
  ],
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const dryRun = dryRunOf(flags, ctx);
    const p = flags.str('patch');
    const pf = flags.str('patch-file');
    const local = flags.bool('local');
    const type = flags.str('type');
    if (p && pf) throw new CmdError('cannot specify --patch and --patch-file together');
    if (!p && !pf) throw new CmdError('must specify --patch or --patch-file containing the contents of the patch');
    if (local && args.length) throw new CmdError('cannot specify --local and server resources');
    if (local && dryRun === 'server') throw new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (type && !PATCH_TYPES.includes(type.toLowerCase())) throw new CmdError(`--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(type)}`);
    const patchType = (type || 'strategic').toLowerCase() as 'json' | 'merge' | 'strategic';
    let text = p;
    if (pf) {
      const content = ctx.fs.read(FileSystem.normalize(pf, ctx.cwd));
      if (content === undefined) throw new CmdError(`unable to read patch file: open ${pf}: no such file or directory`);
      text = content;
    }
    const sub = flags.str('subresource');
    const record = flags.bool('record') ? changeCause('kubectl patch', args, flags) : undefined;

    const r = local ? buildInfos(ctx, { files: flags.list('filename'), recursive: flags.bool('recursive') }) : buildInfos(ctx, { args, files: flags.list('filename'), recursive: flags.bool('recursive') });
    const errs: unknown[] = [...r.errors];
    let count = 0;
    for (const it of r.infos) {
      count++;
      try {
        const body = decodePatch(text, p);
        if (!local && dryRun !== 'client') {
          let out = call(ctx, it.info, { verb: 'patch', patchType, namespace: it.namespace, name: it.name, body, subresource: sub || undefined, dryRun: dryRun === 'server' }) as KubeObject;
          const didPatch = !sameJSON(it.object, out);
          if (record) {
            try {
              out = call(ctx, it.info, { verb: 'patch', patchType: 'merge', namespace: it.namespace, name: it.name, body: { metadata: { annotations: { 'kubernetes.io/change-cause': record } } } }) as KubeObject;
            } catch {
              // klog.V(4) only
            }
          }
          // ToPrinter sets the operation after PrintFlagsWithDryRunStrategy: no "(dry run)" suffix.
          printObjects(ctx, [out], flags, didPatch ? 'patched' : 'patched (no change)');
          continue;
        }
        const target = localPatch(it.object, body, patchType);
        printObjects(ctx, [target], flags, sameJSON(it.object, target) ? 'patched (no change)' : 'patched');
      } catch (e) {
        errs.push(e);
      }
    }
    const status = reportErrors(ctx, errs);
    if (status) return status;
    if (!count) throw new CmdError('no objects passed to patch');
    return 0;
  },
};

/** getPatchedJSON: the patch applied on the client (--local, --dry-run=client). */
function localPatch(obj: KubeObject, body: unknown, type: 'json' | 'merge' | 'strategic'): KubeObject {
  try {
    return applyPatch(structuredClone(obj), body, type) as KubeObject;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new CmdError(e instanceof Error ? e.message : String(e));
  }
}
