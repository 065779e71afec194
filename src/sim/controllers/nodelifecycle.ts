/**
 * Node lifecycle controller (pkg/controller/nodelifecycle) and taint-based eviction
 * (pkg/controller/tainteviction). Every node-monitor-period (5 s) it checks each node's lease; a node
 * silent for node-monitor-grace-period (50 s since v1.32) gets Ready=Unknown and the
 * node.kubernetes.io/unreachable taints. Pods that do not tolerate a NoExecute taint are evicted, after
 * their tolerationSeconds (300 s by DefaultTolerationSeconds admission) if they have one.
 */
import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import { res } from '../apiserver/client.ts';
import type { TimerHandle } from '../clock/clock.ts';
import { Controller, type ControllerContext } from './controller.ts';
import { toleratesTaint } from './nodeutil.ts';

export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export class NodeLifecycleController extends Controller {
  readonly name = 'nodelifecycle';
  private evictions = new Map<string, TimerHandle>();

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    const tick = () => {
      if (this.running) this.monitor();
      this.ctx.clock.after(NODE_MONITOR_PERIOD_MS, tick);
    };
    this.ctx.clock.after(NODE_MONITOR_PERIOD_MS, tick);
    this.watch(res('nodes'), (ev) => {
      if (ev.type !== 'DELETED') this.enqueue(`node/${ev.object.metadata.name}`);
    });
    this.watch(res('pods'), (ev) => {
      const node = (ev.object.spec as Pod['spec'])?.nodeName;
      if (ev.type !== 'DELETED' && node) this.enqueue(`pod/${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
    });
  }

  /** monitorNodeHealth: lease age → Ready=Unknown. */
  private monitor() {
    const { client, clock, server } = this.ctx;
    for (const node of client.list(res('nodes')) as Node[]) {
      const name = node.metadata!.name!;
      const lease = client.get(res('leases', 'coordination.k8s.io'), 'kube-node-lease', name) as { spec?: { renewTime?: string } } | undefined;
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
      const lastHeard = Math.max(Date.parse(lease?.spec?.renewTime ?? '') || 0, Date.parse(ready?.lastHeartbeatTime ?? '') || 0, Date.parse(node.metadata!.creationTimestamp ?? '') || 0);
      if (clock.now() - lastHeard < NODE_MONITOR_GRACE_PERIOD_MS) continue;
      if (ready?.status === 'Unknown') continue;
      const now = server.now();
      client.mutate(
        res('nodes'),
        undefined,
        name,
        (n) => {
          const conds = ((n.status as Node['status'])?.conditions ?? []) as NodeCondition[];
          for (const c of conds) {
            if (!['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].includes(c.type)) continue;
            c.status = 'Unknown';
            c.reason = 'NodeStatusUnknown';
            c.message = 'Kubelet stopped posting node status.';
            c.lastTransitionTime = now;
          }
        },
        true,
      );
      this.ctx.recorder.event(node as KubeObject, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { component: 'node-controller' });
      this.markPodsNotReady(name);
    }
  }

  /** MarkPodsNotReady: pods on an unresponsive node lose their Ready condition. */
  private markPodsNotReady(nodeName: string) {
    const { client, server } = this.ctx;
    for (const p of client.list(res('pods'))) {
      if ((p.spec as Pod['spec'])?.nodeName !== nodeName) continue;
      client.mutate(
        res('pods'),
        p.metadata.namespace,
        p.metadata.name!,
        (o) => {
          const conds = (o.status as Pod['status'])?.conditions ?? [];
          let changed = false;
          for (const c of conds) {
            if (c.type === 'Ready' && c.status !== 'False') {
              c.status = 'False';
              c.lastTransitionTime = server.now();
              changed = true;
            }
          }
          if (!changed) return false;
        },
        true,
      );
    }
  }

  protected sync(key: string): void {
    if (key.startsWith('node/')) this.syncNodeTaints(key.slice(5));
    else this.syncPodEviction(key.slice(4));
  }

  /** doNoExecuteTaintingPass + unschedulable taint: conditions → taints. */
  private syncNodeTaints(name: string) {
    const { client } = this.ctx;
    const node = client.get(res('nodes'), undefined, name) as Node | undefined;
    if (!node) return;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const want: Taint[] = [];
    if (ready?.status === 'Unknown') want.push({ key: UNREACHABLE, effect: 'NoSchedule' }, { key: UNREACHABLE, effect: 'NoExecute' });
    else if (ready?.status === 'False') want.push({ key: NOT_READY, effect: 'NoSchedule' }, { key: NOT_READY, effect: 'NoExecute' });
    if (node.spec?.unschedulable) want.push({ key: UNSCHEDULABLE, effect: 'NoSchedule' });
    const managed = [UNREACHABLE, NOT_READY, UNSCHEDULABLE];
    const cur = node.spec?.taints ?? [];
    const keep = cur.filter((t) => !managed.includes(t.key));
    const next = [...keep];
    for (const t of want) {
      const existing = cur.find((c) => c.key === t.key && c.effect === t.effect);
      next.push(existing ?? { ...t, ...(t.effect === 'NoExecute' ? { timeAdded: this.ctx.server.now() } : {}) });
    }
    const sameSet = (a: Taint[], b: Taint[]) => a.length === b.length && a.every((t) => b.some((u) => u.key === t.key && u.effect === t.effect));
    if (!sameSet(cur, next)) {
      client.mutate(res('nodes'), undefined, name, (n) => {
        const spec = ((n.spec ??= {}) as Node['spec'])!;
        spec.taints = next.length ? next : undefined;
        if (!spec.taints) delete spec.taints;
      });
    }
    for (const p of client.list(res('pods'))) if ((p.spec as Pod['spec'])?.nodeName === name) this.enqueue(`pod/${p.metadata.namespace}/${p.metadata.name}`);
  }

  /** Taint-eviction: untolerated NoExecute → delete now; tolerated with seconds → delete later. */
  private syncPodEviction(key: string) {
    const { client, clock, recorder } = this.ctx;
    const [ns, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    const pod = client.get(res('pods'), ns, name);
    const pending = this.evictions.get(key);
    if (!pod || pod.metadata.deletionTimestamp) {
      pending?.cancel();
      this.evictions.delete(key);
      return;
    }
    const spec = pod.spec as Pod['spec'];
    const node = client.get(res('nodes'), undefined, spec!.nodeName!) as Node | undefined;
    const taints = (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    const tols = spec?.tolerations ?? [];
    if (!taints.length) {
      if (pending) {
        pending.cancel();
        this.evictions.delete(key);
        recorder.event(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${ns}/${name}`, { component: 'taint-eviction-controller' });
      }
      return;
    }
    // GetMatchingTolerations: the first toleration of each taint (none: evict now); getMinTolerationTime:
    // the least tolerationSeconds among them, for ever when none has seconds.
    let minSeconds = Infinity;
    for (const t of taints) {
      const first = tols.find((x) => toleratesTaint(x, t));
      if (!first) {
        minSeconds = 0;
        break;
      }
      if (first.tolerationSeconds !== undefined && first.tolerationSeconds !== null) minSeconds = Math.min(minSeconds, Math.max(0, first.tolerationSeconds));
    }
    if (minSeconds === Infinity) {
      // Tolerated for ever: a scheduled deletion is cancelled (cancelWorkWithEvent).
      if (pending) {
        pending.cancel();
        this.evictions.delete(key);
        recorder.event(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${ns}/${name}`, { component: 'taint-eviction-controller' });
      }
      return;
    }
    if (pending) return;
    const evict = () => {
      this.evictions.delete(key);
      const cur = client.get(res('pods'), ns, name);
      if (!cur || cur.metadata.deletionTimestamp) return;
      recorder.event(cur, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`, { component: 'taint-eviction-controller' });
      // addConditionAndDeletePod: the DisruptionTarget condition, then the delete.
      client.mutate(
        res('pods'),
        ns,
        name,
        (o) => {
          const st = (o.status ??= {}) as NonNullable<Pod['status']>;
          const conds = (st.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
          conds.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: this.ctx.server.now(), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
          st.conditions = conds;
        },
        true,
      );
      client.delete(res('pods'), ns, name);
    };
    if (minSeconds === 0) evict();
    else {
      // Seconds count from when the taint was added.
      const added = Math.max(...taints.map((t) => Date.parse(t.timeAdded ?? '') || clock.now()));
      const delay = Math.max(0, added + minSeconds * 1000 - clock.now());
      this.evictions.set(key, clock.after(delay, evict));
    }
  }
}
