/**
 * kubectl's polymorphic helpers for commands that act on "a pod of this object"
 * (k8s.io/kubectl pkg/polymorphichelpers): resolving `POD`, `TYPE/NAME` the way
 * builder.ResourceNames("pods", arg) does, SelectorsForObject, GetFirstPod with the
 * podutils.ByLogging (logs) and reversed ActivePods (exec, attach) orders.
 */
import type { KubeObject } from '../../api/object.ts';
import { labelSelectorAsSelector, selectorFromSet } from '../../api/labels.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { res } from '../../apiserver/client.ts';
import { resolveType } from '../builder.ts';
import { CmdError } from '../errors.ts';
import type { KubectlContext } from '../types.ts';
import { getObject, listObjects } from './common.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `x` → pods/x; `deploy/x` → deployments/x (builder.ResourceNames with default type "pods"). */
export function resolveNamed(arg: string): { info: ResourceInfo; name: string } {
  const i = arg.indexOf('/');
  if (i < 0) return { info: res('pods'), name: arg };
  const name = arg.slice(i + 1);
  if (!name) throw new CmdError('arguments in resource/name form must have a single resource and name');
  return { info: resolveType(arg.slice(0, i)), name };
}

export function fetchNamed(ctx: KubectlContext, arg: string): { info: ResourceInfo; obj: KubeObject } {
  const { info, name } = resolveNamed(arg);
  return { info, obj: getObject(ctx, info, ctx.namespace, name) };
}

/** SelectorsForObject (polymorphichelpers/helpers.go). */
export function selectorForObject(obj: KubeObject): string {
  const spec = (obj.spec ?? {}) as Obj;
  switch (obj.kind) {
    case 'ReplicationController':
      return selectorFromSet(spec.selector ?? {}).toString();
    case 'Service':
      if (!spec.selector || !Object.keys(spec.selector).length) throw new CmdError(`invalid service '${obj.metadata.name}': Service is defined without a selector`);
      return selectorFromSet(spec.selector).toString();
    case 'ReplicaSet':
    case 'Deployment':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return labelSelectorAsSelector(spec.selector).toString();
    default:
      throw new CmdError(`selector for *v1.${obj.kind} not implemented`);
  }
}

function isReady(p: KubeObject): boolean {
  return (((p.status as Obj)?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True');
}
function readyTime(p: KubeObject): number {
  const c = (((p.status as Obj)?.conditions ?? []) as Obj[]).find((x) => x.type === 'Ready' && x.status === 'True');
  return c ? Date.parse(c.lastTransitionTime) : 0;
}
function maxRestarts(p: KubeObject): number {
  return Math.max(0, ...(((p.status as Obj)?.containerStatuses ?? []) as Obj[]).map((c) => c.restartCount ?? 0));
}
function phaseRank(p: KubeObject, order: Record<string, number>): number {
  return order[(p.status as Obj)?.phase ?? ''] ?? 0;
}
const created = (p: KubeObject) => Date.parse(p.metadata.creationTimestamp ?? '') || 0;

/** podutils.ByLogging: assigned, Running < Unknown < Pending, ready, ready longer, more restarts, older. */
export function byLogging(a: KubeObject, b: KubeObject): number {
  const an = !!(a.spec as Obj)?.nodeName;
  const bn = !!(b.spec as Obj)?.nodeName;
  if (an !== bn) return an ? -1 : 1;
  const order = { Running: 0, Unknown: 1, Pending: 2 };
  const pa = phaseRank(a, order);
  const pb = phaseRank(b, order);
  if (pa !== pb) return pa - pb;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return readyTime(a) - readyTime(b);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  if (created(a) !== created(b)) return created(a) - created(b);
  return 0;
}

/** sort.Reverse(podutils.ActivePods): the most "active" pod first (exec, attach). */
export function mostActiveFirst(a: KubeObject, b: KubeObject): number {
  const an = !!(a.spec as Obj)?.nodeName;
  const bn = !!(b.spec as Obj)?.nodeName;
  if (an !== bn) return an ? -1 : 1;
  const order = { Pending: 0, Unknown: 1, Running: 2 };
  const pa = phaseRank(a, order);
  const pb = phaseRank(b, order);
  if (pa !== pb) return pb - pa;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return readyTime(a) - readyTime(b);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) - maxRestarts(b);
  if (created(a) !== created(b)) return created(a) - created(b);
  return 0;
}

/**
 * GetFirstPod: the best pod for a selector; waits (simulated time) up to `timeoutMs` for one to
 * appear, then fails with wait.ErrWaitTimeout's text.
 */
export function firstPod(ctx: KubectlContext, namespace: string, selector: string, timeoutMs: number, order: (a: KubeObject, b: KubeObject) => number): { pod: KubeObject; count: number } {
  const step = 1000;
  for (let waited = 0; ; waited += step) {
    const pods = listObjects(ctx, res('pods'), namespace, selector);
    if (pods.length) return { pod: [...pods].sort(order)[0], count: pods.length };
    if (waited >= timeoutMs) throw new CmdError('timed out waiting for the condition');
    ctx.wait(step);
  }
}

/** --pod-running-timeout: a Go duration, must be > 0 (cmdutil.GetPodRunningTimeoutFlag). */
export function podRunningTimeout(raw: string): number {
  const ms = parseGoDuration(raw);
  if (ms === undefined) throw new CmdError(`invalid argument "${raw}" for "--pod-running-timeout" flag: time: invalid duration "${raw}"`);
  if (ms <= 0) throw new CmdError('--pod-running-timeout must be higher than zero');
  return ms;
}

/** time.ParseDuration, in milliseconds. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(s);
  if (!m) return undefined;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const part of s.replace(/^[+-]/, '').matchAll(/((?:\d+(?:\.\d*)?|\.\d+))(ns|us|µs|ms|s|m|h)/g)) total += parseFloat(part[1]) * unit[part[2]];
  return m[1] === '-' ? -total : total;
}
