/**
 * kubectl apply (k8s.io/kubectl/pkg/cmd/apply): client-side apply with the
 * kubectl.kubernetes.io/last-applied-configuration annotation — created / configured / unchanged.
 */
import { clone, type KubeObject } from '../../api/object.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { isEmptyPatch, MergeKeyError, threeWayPatch } from '../apply/threeway.ts';
import { enforceNamespace, readFileTargets } from '../builder.ts';
import { CmdError, reportApiErrors } from '../errors.ts';
import { marshalJSON } from '../printers/json.ts';
import type { Command } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, getIfExists, printObjects } from './common.ts';
import { VALIDATE_FLAG, fieldValidation } from './create.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The annotation value: the applied object (without the annotation itself) as compact JSON + "\n".
 * kubectl sets the annotation on the object and encodes it with the key emptied
 * (pkg/util/apply.go GetModifiedConfiguration), so `"annotations":{}` is part of it even when the
 * manifest had none, and so is the namespace the builder put on it (checked against kubectl v1.33.1).
 */
export function lastAppliedOf(obj: KubeObject, namespace?: string): string {
  const c = clone(obj);
  c.metadata = { ...(c.metadata ?? {}) };
  const annotations = { ...(c.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  c.metadata.annotations = annotations;
  if (namespace && !c.metadata.namespace) c.metadata.namespace = namespace;
  return marshalJSON(c) + '\n';
}

export function withLastApplied(obj: KubeObject, namespace?: string): KubeObject {
  const c = clone(obj);
  c.metadata = { ...(c.metadata ?? {}) };
  c.metadata.annotations = { ...(c.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(obj, namespace) };
  return c;
}

/**
 * `%v` of a resource.Info (cli-runtime pkg/resource/visitor.go Info.String): the mapping's
 * GroupVersionResource and GroupVersionKind String() — "group/version, Resource=…", with the slash
 * for the core group too ("/v1, Resource=pods") — then the name and namespace.
 */
function infoString(info: ResourceInfo, name: string, ns: string | undefined): string {
  return `Resource: "${info.group}/${info.version}, Resource=${info.resource}", GroupVersionKind: "${info.group}/${info.version}, Kind=${info.kind}"\nName: "${name}", Namespace: "${ns ?? ''}"`;
}

export const apply: Command = {
  name: 'apply',
  flags: [...PRINT_FLAGS, FILENAME_FLAG, RECURSIVE_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG, { name: 'server-side', type: 'bool' }, { name: 'force-conflicts', type: 'bool' }, { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' }, { name: 'prune', type: 'bool' }, { name: 'selector', short: 'l', type: 'string' }, { name: 'overwrite', type: 'bool', default: true }, { name: 'force', type: 'bool' }, { name: 'grace-period', type: 'int', default: -1 }, { name: 'wait', type: 'bool' }, { name: 'timeout', type: 'string' }, { name: 'kustomize', short: 'k', type: 'string' }, { name: 'all', type: 'bool' }, { name: 'openapi-patch', type: 'bool', default: true }],
  run(ctx, args, flags) {
    const files = flags.list('filename');
    if (args.length) throw new CmdError(`Unexpected args: [${args.join(' ')}]`, 'usage');
    if (!files.length) throw new CmdError('error: must specify one of -f and -k');
    const dryRun = dryRunOf(flags, ctx);
    const validation = fieldValidation(flags.str('validate'));
    const serverSide = flags.bool('server-side');
    const targets = readFileTargets(ctx, files, flags.bool('recursive'), validation !== 'Ignore');
    if (!targets.length) throw new CmdError('no objects passed to apply');
    let status = 0;
    // apply.go Run collects the objects' API errors and returns them at the end: one as CheckErr
    // reports it (an Invalid one as "The Kind "name" is invalid: …"), several as an aggregate, each
    // "Error from server (Reason): error when … : message".
    const apiErrors: ApiError[] = [];
    for (const t of targets) {
      const source = t.source ?? '';
      try {
        const ns = enforceNamespace(t, ctx);
        const name = t.object!.metadata?.name;
        if (!name) throw new CmdError(`error when retrieving current configuration of:\n${infoString(t.info, '', ns)}\nfrom server for: "${source}": resource name may not be empty`);
        // Client-side apply GETs the live object first (its warnings, e.g. a deprecated API's, come
        // before apply's own); server-side apply sends its patch without looking.
        const current = serverSide ? ctx.server.read(t.info, ns, name) : getIfExists(ctx, t.info, ns, name);
        const desired = serverSide ? clone(t.object!) : withLastApplied(t.object!, t.info.namespaced ? ns : undefined);
        // The builder puts the namespace on the object it read (resource.Builder DefaultNamespace).
        if (!serverSide && t.info.namespaced && ns && !desired.metadata.namespace) desired.metadata.namespace = ns;
        if (!current) {
          if (dryRun === 'client') {
            printObjects(ctx, [desired], flags, serverSide ? 'serverside-applied' : 'created', dryRun);
            continue;
          }
          try {
            const created = call(ctx, t.info, { verb: 'create', namespace: ns, body: desired, dryRun: dryRun === 'server', fieldValidation: validation }) as KubeObject;
            printObjects(ctx, [created], flags, serverSide ? 'serverside-applied' : 'created', dryRun);
          } catch (e) {
            // cmdutil.AddSourceToErr("creating", …)
            if (e instanceof ApiError && source) throw new ApiError({ ...e.status, message: `error when creating "${source}": ${e.status.message}` });
            throw e;
          }
          continue;
        }
        const original = current.metadata.annotations?.[LAST_APPLIED];
        let originalObj: unknown = undefined;
        try {
          originalObj = original ? JSON.parse(original) : undefined;
        } catch {
          originalObj = undefined;
        }
        if (!original && !serverSide) {
          ctx.err(`Warning: resource ${t.info.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
        }
        let patch: unknown;
        try {
          patch = threeWayPatch(originalObj, desired, current);
        } catch (e) {
          if (!(e instanceof MergeKeyError)) throw e;
          // patcher.go patchSimple: the patch is tried from the OpenAPI v3 schema, then from v2 (each
          // failure a warning), then from the built-in types, whose error ends it: wrapped
          // (errors.Wrapf createPatchErrFormat), then by Patch (AddSourceToErr "patching") and by
          // applyOneObject ("applying patch:\n%s\nto:\n%v\nfor:" with no patch bytes).
          if (flags.bool('openapi-patch')) ctx.err(`warning: error calculating patch from openapi v3 spec: ${e.message}\nwarning: error calculating patch from openapi spec: ${e.message}\n`);
          const created = `creating patch with:\noriginal:\n${original ?? ''}\nmodified:\n${marshalJSON(desired)}\n\ncurrent:\n${marshalJSON(current)}\n\nfor:: ${e.message}`;
          throw new CmdError(`error when applying patch:\n\nto:\n${infoString(t.info, name, ns)}\nfor: "${source}": error when patching "${source}": ${created}`);
        }
        if (isEmptyPatch(patch)) {
          // --server-side always sends the apply patch: there is no `unchanged` (apply.go applyOneObject).
          printObjects(ctx, [current], flags, serverSide ? 'serverside-applied' : 'unchanged', dryRun);
          continue;
        }
        if (dryRun === 'client') {
          printObjects(ctx, [current], flags, 'configured', dryRun);
          continue;
        }
        try {
          const updated = call(ctx, t.info, { verb: 'patch', patchType: 'strategic', namespace: ns, name, body: patch, dryRun: dryRun === 'server', fieldValidation: validation }) as KubeObject;
          printObjects(ctx, [updated], flags, serverSide ? 'serverside-applied' : 'configured', dryRun);
        } catch (e) {
          if (e instanceof ApiError && source) {
            // Patcher.Patch: AddSourceToErr("patching", …); applyOneObject: AddSourceToErr("applying patch:\n%s\nto:\n%v\nfor:", …).
            throw new ApiError({ ...e.status, message: `error when applying patch:\n${marshalJSON(patch)}\nto:\n${infoString(t.info, name, ns)}\nfor: "${source}": error when patching "${source}": ${e.status.message}` });
          }
          throw e;
        }
      } catch (e) {
        status = 1;
        if (e instanceof ApiError) apiErrors.push(e);
        else {
          reportApiErrors(ctx, apiErrors);
          throw e;
        }
      }
    }
    reportApiErrors(ctx, apiErrors);
    return status;
  },
};
