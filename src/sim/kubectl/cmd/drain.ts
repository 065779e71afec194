/**
 * kubectl cordon, uncordon and drain (k8s.io/kubectl/pkg/cmd/drain/drain.go, pkg/drain/{drain,filters,
 * cordon}.go; texts checked against the kubectl v1.33 binary):
 * - cordon/uncordon patch spec.unschedulable: `node/x cordoned`, `node/x already cordoned`, …;
 * - drain cordons every node first, then per node lists its pods (spec.nodeName field selector) and runs
 *   the filters in order skipDeleted, daemonSet, mirrorPod, localStorage, unreplicated (the first one
 *   that says "don't delete" wins); warnings go to stderr as `Warning: …`, errors stop that node with
 *   `error: unable to drain node "x" due to error: …, continuing command...`;
 * - pods are evicted through pods/eviction (or deleted with --disable-eviction), then polled once a
 *   second until they are gone (`pod/x evicted`), while simulated time passes.
 */
import type { KubeObject } from '../../api/object.ts';
import { parseSelector } from '../../api/labels.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { res } from '../../apiserver/client.ts';
import { CmdError, usageError } from '../errors.ts';
import type { FlagDef, Flags } from '../flags.ts';
import { nameLine } from '../printers/name.ts';
import type { Command, KubectlContext } from '../types.ts';
import { DRY_RUN_FLAG, call, dryRunOf, listObjects, type DryRun } from './common.ts';
import { durationFlag } from './scale.ts';
import { aggregate, buildInfos, checkErr, goError, type Info } from './visit.ts';

const daemonSetFatal = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const daemonSetWarning = 'ignoring DaemonSet-managed Pods';
const localStorageFatal = 'Pods with local storage (use --delete-emptydir-data to override)';
const localStorageWarning = 'deleting Pods with local storage';
// Since v1.31 the constant itself starts with "cannot delete", and errors() prefixes it again.
const unmanagedFatal = 'cannot delete Pods that declare no controller (use --force to override)';
const unmanagedWarning = 'deleting Pods that declare no controller';

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

const FILTER_ORDER = [daemonSetFatal, daemonSetWarning, localStorageFatal, localStorageWarning, unmanagedFatal, unmanagedWarning];

function suffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** The name printer with the drain command's operation (and the dry-run suffix). */
function printOp(ctx: KubectlContext, obj: KubeObject, op: string, dryRun: DryRun): void {
  ctx.out(nameLine(obj as never, op + suffix(dryRun)));
}

const SELECTOR: FlagDef = { name: 'selector', short: 'l', type: 'string' };

/** Complete: the nodes named or selected (builder ResourceNames("nodes", args…) / -l). */
function nodeInfos(ctx: KubectlContext, use: string, args: string[], flags: Flags): Info[] {
  const selector = flags.str('selector');
  if (!args.length && !flags.isSet('selector')) throw usageError(`USAGE: ${use} [flags]`);
  if (args.length && selector) throw usageError('error: cannot specify both a node name and a --selector option');
  const r = selector ? buildInfos(ctx, { args: ['nodes'], selector }) : buildInfos(ctx, { args, defaultType: 'nodes', singleResourceType: true });
  if (r.errors.length) throw r.errors[0];
  return r.infos;
}

/** RunCordonOrUncordon. */
function cordonOrUncordon(ctx: KubectlContext, nodes: Info[], desired: boolean, dryRun: DryRun): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const n of nodes) {
    if (n.info.kind !== 'Node') {
      printOp(ctx, n.object, 'skipped', dryRun);
      continue;
    }
    const cur = !!(n.object.spec as { unschedulable?: boolean } | undefined)?.unschedulable;
    if (cur === desired) {
      printOp(ctx, n.object, desired ? 'already cordoned' : 'already uncordoned', dryRun);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        call(ctx, n.info, { verb: 'patch', patchType: 'strategic', name: n.name, body: { spec: { unschedulable: desired ? true : null } }, dryRun: dryRun === 'server' });
      } catch (e) {
        ctx.err(`error: unable to ${verb} node ${JSON.stringify(n.name)}: ${goError(e)}\n`);
        continue;
      }
    }
    printOp(ctx, n.object, desired ? 'cordoned' : 'uncordoned', dryRun);
  }
}

function cordonCommand(name: 'cordon' | 'uncordon'): Command {
  return {
    name,
    flags: [SELECTOR, DRY_RUN_FLAG],
    run(ctx, args, flags) {
      if (!args.length && !flags.isSet('selector')) throw usageError(`USAGE: ${name} NODE [flags]`);
      const dryRun = dryRunOf(flags, ctx);
      const nodes = nodeInfos(ctx, `${name} NODE`, args, flags);
      cordonOrUncordon(ctx, nodes, name === 'cordon', dryRun);
      return 0;
    },
  };
}

export const cordon = cordonCommand('cordon');
export const uncordon = cordonCommand('uncordon');

interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  gracePeriod: number;
  timeoutMs: number;
  podSelector: string;
  disableEviction: boolean;
  skipWaitForDeleteTimeout: number;
  dryRun: DryRun;
}

type Status = { delete: boolean; reason: 'okay' | 'skip' | 'warning' | 'error'; message?: string };
const okay: Status = { delete: true, reason: 'okay' };

const finished = (p: KubeObject) => {
  const phase = (p.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
};
const controllerOf = (p: KubeObject) => p.metadata.ownerReferences?.find((r) => r.controller);

function shouldSkipPod(ctx: KubectlContext, p: KubeObject, seconds: number): boolean {
  if (seconds <= 0 || !p.metadata.deletionTimestamp) return false;
  return Math.floor((ctx.server.clock.now() - Date.parse(p.metadata.deletionTimestamp)) / 1000) > seconds;
}

/** pkg/drain/filters.go, in makeFilters order. */
function filters(ctx: KubectlContext, o: DrainOptions): ((p: KubeObject) => Status)[] {
  return [
    // skipDeletedFilter
    (p) => (shouldSkipPod(ctx, p, o.skipWaitForDeleteTimeout) ? { delete: false, reason: 'skip' } : okay),
    // daemonSetFilter
    (p) => {
      const ref = controllerOf(p);
      if (!ref || ref.kind !== 'DaemonSet') return okay;
      if (finished(p)) return okay;
      try {
        call(ctx, res('daemonsets', 'apps'), { verb: 'get', namespace: p.metadata.namespace, name: ref.name });
      } catch (e) {
        if (e instanceof ApiError && e.status.code === 404 && o.force) return { delete: true, reason: 'warning', message: e.status.message };
        return { delete: false, reason: 'error', message: goError(e) };
      }
      if (!o.ignoreDaemonSets) return { delete: false, reason: 'error', message: daemonSetFatal };
      return { delete: false, reason: 'warning', message: daemonSetWarning };
    },
    // mirrorPodFilter
    (p) => (p.metadata.annotations && MIRROR_ANNOTATION in p.metadata.annotations ? { delete: false, reason: 'skip' } : okay),
    // localStorageFilter
    (p) => {
      const volumes = ((p.spec as { volumes?: { emptyDir?: unknown }[] } | undefined)?.volumes ?? []);
      if (!volumes.some((v) => v.emptyDir !== undefined && v.emptyDir !== null)) return okay;
      if (finished(p)) return okay;
      if (!o.deleteEmptyDirData) return { delete: false, reason: 'error', message: localStorageFatal };
      return { delete: true, reason: 'warning', message: localStorageWarning };
    },
    // unreplicatedFilter
    (p) => {
      if (finished(p)) return okay;
      if (controllerOf(p)) return okay;
      if (o.force) return { delete: true, reason: 'warning', message: unmanagedWarning };
      return { delete: false, reason: 'error', message: unmanagedFatal };
    },
  ];
}

interface PodDeleteList {
  pods: KubeObject[];
  warnings: string;
  errors: unknown[];
}

/** GetPodsForDeletion: the node's pods through the filters; warnings and errors grouped by message. */
function podsForDeletion(ctx: KubectlContext, node: string, o: DrainOptions): PodDeleteList {
  const pods = listObjects(ctx, res('pods'), undefined, o.podSelector || undefined, `spec.nodeName=${node}`);
  const fs = filters(ctx, o);
  const items = pods.map((p) => {
    let status: Status = okay;
    for (const f of fs) {
      status = f(p);
      if (!status.delete) break;
    }
    return { pod: p, status };
  });
  const group = (reason: Status['reason']) => {
    const m = new Map<string, string[]>();
    for (const i of items) {
      if (i.status.reason !== reason) continue;
      const msg = i.status.message || (reason === 'error' ? 'unexpected error' : '');
      m.set(msg, [...(m.get(msg) ?? []), `${i.pod.metadata.namespace}/${i.pod.metadata.name}`]);
    }
    return m;
  };
  // Go ranges over a map here (random order); the simulator orders the messages as the filters run.
  const rank = (m: string) => {
    const i = FILTER_ORDER.findIndex((x) => x === m);
    return i < 0 ? FILTER_ORDER.length : i;
  };
  const sorted = (m: Map<string, string[]>) => [...m].sort((a, b) => rank(a[0]) - rank(b[0]));
  const warnings = sorted(group('warning')).map(([k, v]) => `${k}: ${v.join(', ')}`).join('; ');
  const errors = sorted(group('error')).map(([k, v]) => new CmdError(`cannot delete ${k}: ${v.join(', ')}`));
  return { pods: items.filter((i) => i.status.delete).map((i) => i.pod), warnings, errors };
}

/** waitForDelete: poll once a second (the first check at once) until every pod is gone. */
function waitForDelete(ctx: KubectlContext, pods: KubeObject[], deadline: number, op: string, o: DrainOptions): KubeObject[] {
  let pending = pods;
  for (;;) {
    const still: KubeObject[] = [];
    for (const p of pending) {
      const cur = ctx.server.read(res('pods'), p.metadata.namespace, p.metadata.name!);
      if (!cur || cur.metadata.uid !== p.metadata.uid) {
        ctx.out(nameLine({ ...p, apiVersion: 'v1', kind: 'Pod' } as never, op));
        continue;
      }
      if (shouldSkipPod(ctx, cur, o.skipWaitForDeleteTimeout)) {
        ctx.out(`pod ${JSON.stringify(p.metadata.name)} has DeletionTimestamp older than ${o.skipWaitForDeleteTimeout} seconds, skipping\n`);
        continue;
      }
      still.push(p);
    }
    pending = still;
    if (!pending.length || ctx.server.clock.now() + 1000 > deadline) return pending;
    ctx.wait(1000);
  }
}

function deleteOptionsBody(o: DrainOptions) {
  return o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : undefined;
}

/** DeleteOrEvictPods: eviction (default) or plain DELETE (--disable-eviction). */
function deleteOrEvictPods(ctx: KubectlContext, pods: KubeObject[], o: DrainOptions): unknown {
  if (!pods.length) return undefined;
  const deadline = o.timeoutMs > 0 ? ctx.server.clock.now() + o.timeoutMs : Infinity;
  const info = res('pods');
  if (!o.disableEviction) {
    const errs: unknown[] = [];
    const evicted: KubeObject[] = [];
    for (const p of pods) {
      const ns = p.metadata.namespace!;
      const name = p.metadata.name!;
      ctx.out(`evicting pod ${ns}/${name}${o.dryRun === 'server' ? ' (server dry run)' : ''}\n`);
      try {
        call(ctx, info, { verb: 'create', subresource: 'eviction', namespace: ns, name, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns }, deleteOptions: deleteOptionsBody(o) ?? {} }, dryRun: o.dryRun === 'server' });
      } catch (e) {
        if (e instanceof ApiError && e.status.code === 404) continue;
        errs.push(new CmdError(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${goError(e)}`));
        continue;
      }
      if (o.dryRun !== 'server') evicted.push(p);
    }
    const left = waitForDelete(ctx, evicted, deadline, 'evicted', o);
    for (const p of left) errs.push(new CmdError(`error when waiting for pod ${JSON.stringify(p.metadata.name)} in namespace ${JSON.stringify(p.metadata.namespace)} to terminate: context deadline exceeded`));
    return errs.length ? aggregate(errs) : undefined;
  }
  for (const p of pods) {
    try {
      call(ctx, info, { verb: 'delete', namespace: p.metadata.namespace, name: p.metadata.name, gracePeriodSeconds: o.gracePeriod >= 0 ? o.gracePeriod : undefined, dryRun: o.dryRun === 'server' });
    } catch (e) {
      if (!(e instanceof ApiError && e.status.code === 404)) return e;
    }
  }
  if (o.dryRun === 'server') return undefined;
  const left = waitForDelete(ctx, pods, deadline, 'deleted', o);
  return left.length ? new CmdError('context deadline exceeded') : undefined;
}

/** deleteOrEvictPodsSimple for one node; returns the error that stops it. */
function drainNode(ctx: KubectlContext, node: string, o: DrainOptions): unknown {
  const list = podsForDeletion(ctx, node, o);
  if (list.errors.length) return aggregate(list.errors);
  if (list.warnings) ctx.err(`Warning: ${list.warnings}\n`);
  if (o.dryRun === 'client') {
    for (const p of list.pods) ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return undefined;
  }
  const err = deleteOrEvictPods(ctx, list.pods, o);
  if (err) {
    const pending = podsForDeletion(ctx, node, o);
    if (pending.pods.length) {
      ctx.err(`There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${goError(err)}\n`);
      for (const p of pending.pods) ctx.err(`pod/${p.metadata.name}\n`);
    }
    if (pending.errors.length) ctx.err(`Following errors occurred while getting the list of pods to delete:\n${goError(aggregate(pending.errors))}`);
    return err;
  }
  return undefined;
}

export const drain: Command = {
  name: 'drain',
  flags: [
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration', default: '0s' },
    SELECTOR,
    { name: 'pod-selector', type: 'string' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
    { name: 'chunk-size', type: 'int', default: 500 },
    DRY_RUN_FLAG,
  ],
  run(ctx, args, flags) {
    // Complete: the usage checks come first, then dry-run, the pod selector, the nodes.
    if (!args.length && !flags.isSet('selector')) throw usageError('USAGE: drain NODE [flags]');
    if (args.length && flags.str('selector')) throw usageError('error: cannot specify both a node name and a --selector option');
    const dryRun = dryRunOf(flags, ctx);
    const podSelector = flags.str('pod-selector');
    if (podSelector) {
      try {
        parseSelector(podSelector);
      } catch {
        throw new CmdError('--pod-selector=<pod_selector> must be a valid label selector');
      }
    }
    const nodes = nodeInfos(ctx, 'drain NODE', args, flags);
    for (const n of nodes) {
      if (n.info.resource !== 'nodes') {
        throw new CmdError(`error: expected resource of type node, got ${JSON.stringify(`${n.info.group}/${n.info.version}, Resource=${n.info.resource}`)}`);
      }
    }
    const o: DrainOptions = {
      force: flags.bool('force'),
      ignoreDaemonSets: flags.bool('ignore-daemonsets'),
      deleteEmptyDirData: flags.bool('delete-emptydir-data'),
      gracePeriod: flags.int('grace-period'),
      timeoutMs: durationFlag(flags, 'timeout'),
      podSelector,
      disableEviction: flags.bool('disable-eviction'),
      skipWaitForDeleteTimeout: flags.int('skip-wait-for-delete-timeout'),
      dryRun,
    };
    cordonOrUncordon(ctx, nodes, true, dryRun);
    const fatal: unknown[] = [];
    const remaining: string[] = [];
    for (const n of nodes) {
      const err = drainNode(ctx, n.name, o);
      if (!err) {
        printOp(ctx, n.object, 'drained', dryRun);
        continue;
      }
      ctx.err(`error: unable to drain node ${JSON.stringify(n.name)} due to error: ${goError(err)}, continuing command...\n`);
      fatal.push(err);
      remaining.push(n.name);
    }
    if (remaining.length) {
      ctx.err('There are pending nodes to be drained:\n');
      for (const r of remaining) ctx.err(` ${r}\n`);
    }
    return fatal.length ? checkErr(ctx, aggregate(fatal)) : 0;
  },
};

