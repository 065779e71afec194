/**
 * kubectl scale (k8s.io/kubectl/pkg/cmd/scale/scale.go + pkg/scale/scale.go): sets spec.replicas through
 * the scale subresource — resources without one answer NotFound ("the server could not find the
 * requested resource"), --current-replicas / --resource-version are preconditions checked on a GET of
 * the scale, --timeout waits until status.replicas matches. Prints `deployment.apps/web scaled`.
 */
import { clone, type KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { parseDuration } from '../../clock/clock.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { CmdError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import type { Command, KubectlContext } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, printObjects } from './common.ts';
import { RECORD_FLAG, changeCause, recordDeprecation } from './record.ts';
import { AggregateError, buildInfos, goError, reportErrors } from './visit.ts';

/** The NotFound a GET/PATCH of `<resource>/scale` gets when the resource has no scale subresource. */
export function noScaleSubresource(): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
}

/** The scale subresource's view of an object (autoscaling/v1 Scale): spec and status replicas. */
export function scaleOf(ctx: KubectlContext, info: ResourceInfo, ns: string | undefined, name: string): { spec: number; status: number; resourceVersion: string; generation: number; observed: number } {
  if (!info.subresources.includes('scale')) throw noScaleSubresource();
  const o = call(ctx, info, { verb: 'get', namespace: ns, name }) as KubeObject;
  const spec = (o.spec ?? {}) as { replicas?: number };
  const status = (o.status ?? {}) as { replicas?: number; observedGeneration?: number };
  return { spec: spec.replicas ?? 0, status: status.replicas ?? 0, resourceVersion: o.metadata.resourceVersion ?? '', generation: o.metadata.generation ?? 0, observed: status.observedGeneration ?? 0 };
}

export const scale: Command = {
  name: 'scale',
  flags: [
    ...PRINT_FLAGS,
    RECORD_FLAG,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    DRY_RUN_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'resource-version', type: 'string' },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'replicas', type: 'int', default: 0, required: true },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run(ctx, args, flags) {
    // cobra: MarkFlagRequired("replicas")
    if (!flags.isSet('replicas')) throw new CmdError('required flag(s) "replicas" not set');
    recordDeprecation(ctx, flags);
    const dryRun = dryRunOf(flags, ctx);
    const timeoutMs = durationFlag(flags, 'timeout');
    const replicas = flags.int('replicas');
    const current = flags.int('current-replicas');
    const rv = flags.str('resource-version');
    if (replicas < 0) throw new CmdError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (current < -1) throw new CmdError('The --current-replicas must specify an integer of -1 or greater');

    const { infos, errors } = buildInfos(ctx, { args, files: flags.list('filename'), recursive: flags.bool('recursive'), selector: flags.str('selector'), all: flags.bool('all') });
    if (rv && infos.length > 1) throw new CmdError('cannot use --resource-version with multiple resources');
    if (!infos.length) {
      // v1.33: fmt.Errorf("no objects passed to scale %w", infoErr) when nothing could be read.
      if (errors.length) throw new CmdError(`no objects passed to scale ${errors.length === 1 ? goError(errors[0]) : new AggregateError(errors).message}`);
      throw new CmdError('no objects passed to scale');
    }
    const record = flags.bool('record') ? changeCause('kubectl scale', args, flags) : undefined;
    for (const it of infos) {
      const obj = clone(it.object);
      if (dryRun !== 'client') {
        if (current !== -1 || rv) {
          const s = scaleOf(ctx, it.info, it.namespace, it.name);
          if (current !== -1 && s.spec !== current) throw new CmdError(`Expected replicas to be ${current}, was ${s.spec}`);
          if (rv && s.resourceVersion !== rv) throw new CmdError(`Expected resource version to be ${rv}, was ${s.resourceVersion}`);
        }
        if (!it.info.subresources.includes('scale')) throw noScaleSubresource();
        call(ctx, it.info, { verb: 'patch', patchType: 'merge', namespace: it.namespace, name: it.name, body: { spec: { replicas } }, dryRun: dryRun === 'server' });
        if (timeoutMs > 0 && dryRun === 'none') waitForReplicas(ctx, it.info, it.namespace, it.name, replicas, timeoutMs);
        if (record) {
          try {
            call(ctx, it.info, { verb: 'patch', patchType: 'merge', namespace: it.namespace, name: it.name, body: { metadata: { annotations: { 'kubernetes.io/change-cause': record } } } });
          } catch {
            // klog.V(4) "error recording reason"
          }
        }
      }
      // updateReplicas: only built-in kinds (apps, core) have spec.replicas for sure.
      if (it.info.group === 'apps' || it.info.group === '') ((obj.spec ??= {}) as { replicas?: number }).replicas = replicas;
      printObjects(ctx, [obj], flags, 'scaled', dryRun);
    }
    return reportErrors(ctx, errors);
  },
};

/** WaitForScaleHasDesiredReplicas: poll every second until status.replicas matches. */
function waitForReplicas(ctx: KubectlContext, info: ResourceInfo, ns: string | undefined, name: string, desired: number, timeoutMs: number) {
  let waited = 0;
  for (;;) {
    const s = scaleOf(ctx, info, ns, name);
    if (s.spec !== desired) return;
    if (s.status === desired) return;
    if (waited >= timeoutMs) throw new CmdError(`timed out waiting for "${name}" to be synced: timed out waiting for the condition`);
    ctx.wait(1000);
    waited += 1000;
  }
}

/** A duration flag's value in ms (the parser already rejected malformed ones). */
export function durationFlag(flags: Flags, name: string): number {
  const v = flags.str(name).replace(/^[+]/, '');
  if (v === '' || v === '0' || v.startsWith('-')) return 0;
  return parseDuration(v.replace(/[µμ]s/g, 'us')) ?? 0;
}
