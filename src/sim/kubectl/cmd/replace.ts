/**
 * kubectl replace (k8s.io/kubectl/pkg/cmd/replace/replace.go): PUT every object of -f, with the live
 * resourceVersion filled in (resource.Helper.Replace with overwrite); `pod/x replaced`.
 * --force deletes first (printing `pod "x" deleted from default namespace`), waits once a second until
 * each object is gone (up to --timeout, default 5m), then creates them again. --grace-period=0 becomes 1.
 */
import { clone, type KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { FileSystem } from '../../shell/fs.ts';
import { CmdError, usageError } from '../errors.ts';
import type { Command, KubectlContext } from '../types.ts';
import { LAST_APPLIED, lastAppliedOf } from './apply.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, kindString, printObjects } from './common.ts';
import { VALIDATE_FLAG, fieldValidation } from './create.ts';
import { CHANGE_CAUSE, RECORD_FLAG, changeCause, recordDeprecation } from './record.ts';
import { durationFlag } from './scale.ts';
import { buildInfos, reportErrors } from './visit.ts';

/** cmdutil.AddSourceToErr: API errors (except Invalid, printed from details) name the file. */
export function addSourceToErr(verb: string, source: string | undefined, e: unknown): unknown {
  if (source && e instanceof ApiError && e.status.reason !== 'Invalid') {
    return new ApiError({ ...e.status, message: `error when ${verb} ${JSON.stringify(source)}: ${e.status.message}` });
  }
  return e;
}

/** util.CreateOrUpdateAnnotation: --save-config creates last-applied; otherwise only an existing one is refreshed. */
export function createOrUpdateAnnotation(create: boolean, obj: KubeObject): void {
  if (!create && !obj.metadata?.annotations?.[LAST_APPLIED]) return;
  obj.metadata = { ...(obj.metadata ?? {}) };
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(obj) };
}

export const replace: Command = {
  name: 'replace',
  flags: [
    ...PRINT_FLAGS,
    RECORD_FLAG,
    FILENAME_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    RECURSIVE_FLAG,
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'wait', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'subresource', type: 'string' },
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-replace' },
  ],
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const validation = fieldValidation(flags.str('validate'));
    const dryRun = dryRunOf(flags, ctx);
    const files = flags.list('filename');
    if (!files.length && !flags.str('kustomize')) throw new CmdError('must specify one of -f and -k');
    const force = flags.bool('force');
    let grace = flags.int('grace-period');
    let waitForDeletion = flags.bool('wait');
    if (grace === 0) {
      // "To preserve backwards compatibility, but prevent accidental data loss" (replace.go Complete).
      grace = 1;
      waitForDeletion = true;
    }
    const timeoutMs = durationFlag(flags, 'timeout');
    if (grace >= 0 && !force) throw new CmdError('--grace-period must have --force specified');
    if (timeoutMs !== 0 && !force) throw new CmdError('--timeout must have --force specified');
    if (flags.str('raw')) {
      // rawhttp.RawPut reads the one file first; the raw PUT itself is not simulated.
      const f = files[0] ?? '';
      if (files.length !== 1) throw usageError('--raw can only use a single local file or stdin');
      if (f !== '-' && ctx.fs.read(FileSystem.normalize(f, ctx.cwd)) === undefined) throw new CmdError(`open ${f}: no such file or directory`);
      throw usageError('--raw is not supported by this simulator');
    }
    const sub = flags.str('subresource');
    if (sub && sub !== 'status' && sub !== 'scale') throw new CmdError(`invalid subresource value: ${JSON.stringify(sub)}. Must be one of [status scale]`);
    const saveConfig = flags.bool('save-config');
    const record = flags.bool('record') ? changeCause('kubectl replace', args, flags) : undefined;

    if (force) return forceReplace(ctx, args, flags, { grace, waitForDeletion, timeoutMs, validation, saveConfig, record });

    const r = buildInfos(ctx, { files, recursive: flags.bool('recursive') });
    const errs: unknown[] = [...r.errors];
    for (const it of r.infos) {
      try {
        const obj = clone(it.object);
        createOrUpdateAnnotation(saveConfig, obj);
        if (record) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: record };
        if (dryRun === 'client') {
          printObjects(ctx, [obj], flags, 'replaced', dryRun);
          continue;
        }
        const out = put(ctx, it.info, it.namespace, it.name, obj, { dryRun: dryRun === 'server', validation, subresource: sub || undefined });
        printObjects(ctx, [out], flags, 'replaced', dryRun);
      } catch (e) {
        errs.push(addSourceToErr('replacing', it.source, e));
      }
    }
    return reportErrors(ctx, errs);
  },
};

/** resource.Helper.Replace(overwrite=true): take the live resourceVersion when the object has none. */
function put(ctx: KubectlContext, info: ResourceInfo, ns: string | undefined, name: string, obj: KubeObject, o: { dryRun: boolean; validation: 'Strict' | 'Warn' | 'Ignore'; subresource?: string }): KubeObject {
  if (!obj.metadata.resourceVersion) {
    const live = ctx.server.read(info, ns, name);
    if (live) obj.metadata.resourceVersion = live.metadata.resourceVersion;
  }
  return call(ctx, info, { verb: 'update', namespace: ns, name, body: obj, dryRun: o.dryRun, fieldValidation: o.validation, subresource: o.subresource }) as KubeObject;
}

interface ForceOptions {
  grace: number;
  waitForDeletion: boolean;
  timeoutMs: number;
  validation: 'Strict' | 'Warn' | 'Ignore';
  saveConfig: boolean;
  record?: string;
}

/** replace.go forceReplace: DeleteResult (IgnoreNotFound), wait until gone, create. */
function forceReplace(ctx: KubectlContext, args: string[], flags: Parameters<NonNullable<Command['run']>>[2], o: ForceOptions): number {
  const files = flags.list('filename');
  const r = buildInfos(ctx, { args: args.length ? args : undefined, files, recursive: flags.bool('recursive') });
  if (r.errors.length) return reportErrors(ctx, r.errors);
  const output = flags.str('output');
  const cascade = flags.str('cascade');
  const propagation = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';
  // DeleteResult
  for (const it of r.infos) {
    try {
      call(ctx, it.info, { verb: 'delete', namespace: it.namespace, name: it.name, gracePeriodSeconds: o.grace >= 0 ? o.grace : undefined, propagationPolicy: propagation });
    } catch (e) {
      if (e instanceof ApiError && e.status.code === 404) continue;
      return reportErrors(ctx, [addSourceToErr('deleting', it.source, e)]);
    }
    if (output === 'name') ctx.out(`${kindString(it.info)}/${it.name}\n`);
    else ctx.out(`${kindString(it.info)} "${it.name}" deleted${it.info.namespaced ? ` from ${it.namespace} namespace` : ''}\n`);
  }
  // wait.PollImmediate(1s, timeout (default 5m)) until every object is NotFound.
  const timeout = o.timeoutMs || 5 * 60_000;
  for (const it of r.infos) {
    let waited = 0;
    while (ctx.server.read(it.info, it.namespace, it.name)) {
      if (waited >= timeout) return reportErrors(ctx, [new CmdError('timed out waiting for the condition')]);
      ctx.wait(1000);
      waited += 1000;
    }
  }
  const errs: unknown[] = [];
  let count = 0;
  for (const it of r.infos) {
    try {
      const obj = clone(it.object);
      createOrUpdateAnnotation(o.saveConfig, obj);
      if (o.record) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: o.record };
      delete obj.metadata.resourceVersion;
      const out = call(ctx, it.info, { verb: 'create', namespace: it.namespace, body: obj, fieldValidation: o.validation }) as KubeObject;
      count++;
      printObjects(ctx, [out], flags, 'replaced');
    } catch (e) {
      errs.push(e);
    }
  }
  if (errs.length) return reportErrors(ctx, errs);
  if (!count) throw new CmdError('no objects passed to replace');
  void o.waitForDeletion;
  return 0;
}
