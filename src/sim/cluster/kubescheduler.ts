/**
 * The kube-scheduler component (pkg/scheduler/scheduler.go, schedule_one.go, eventhandlers.go):
 * informers feed the scheduler cache; unscheduled pods of its scheduler names wait in a queue;
 * each cycle runs the framework (./scheduler), then binds (POST pods/binding) and records
 * `Scheduled`, or records `FailedScheduling`, sets the PodScheduled condition and parks the pod
 * until a cluster event may make it schedulable (or the 5-minute flush).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import { res } from '../apiserver/client.ts';
import type { ControllerContext } from '../controllers/controller.ts';
import { SchedulerCache } from '../scheduler/framework/cache.ts';
import { newFramework, type PluginConfig } from '../scheduler/framework/registry.ts';
import type { Framework } from '../scheduler/framework/runtime.ts';
import { SchedulingAlgorithm, scheduledEventMessage, truncateMessage, type DecisionRecord } from '../scheduler/schedule.ts';

const BACKOFF_INITIAL_MS = 1_000;
const BACKOFF_MAX_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: parked pods are retried at least this often. */
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;

/**
 * One scheduling profile of a KubeSchedulerConfiguration (pkg/scheduler/apis/config): its
 * schedulerName, the MultiPoint plugin list with weights, and plugins disabled at single extension
 * points (e.g. `score: {disabled: [{name: ImageLocality}]}` keeps its filter, drops its score).
 */
export interface SchedulerProfile {
  schedulerName: string;
  plugins?: readonly PluginConfig[];
  pluginArgs?: Readonly<Record<string, unknown>>;
  disabledAt?: Partial<Record<'preFilter' | 'filter' | 'postFilter' | 'preScore' | 'score', string[]>>;
  percentageOfNodesToScore?: number;
}

interface QueuedPod {
  key: string;
  attempts: number;
  /** When the pod may be tried again (back-off). */
  readyAt: number;
  addedAt: number;
}

export class KubeScheduler {
  private ctx: ControllerContext;
  private profiles = new Map<string, SchedulingAlgorithm>();
  private cache = new SchedulerCache();
  private unwatch: (() => void)[] = [];
  private active = new Map<string, QueuedPod>();
  private unschedulable = new Map<string, QueuedPod>();
  private scheduled = false;
  /** The last decision for each pod (by uid): what the UI explains. */
  readonly decisions = new Map<string, DecisionRecord>();
  /** Decision records kept (oldest dropped): the UI explains recent pods, not a 50,000-pod history. */
  static readonly MAX_DECISIONS = 500;
  /** Full per-node records only below this cluster size; large clusters record winners only. */
  static readonly RECORD_MAX_NODES = 200;
  /** False while the scheduler's static pod is not running. */
  running = true;

  constructor(ctx: ControllerContext, profiles: string[] | SchedulerProfile[] = ['default-scheduler']) {
    this.ctx = ctx;
    this.configure(profiles.map((p) => (typeof p === 'string' ? { schedulerName: p } : p)));
  }

  get schedulerNames(): string[] {
    return [...this.profiles.keys()];
  }

  /** (Re)build one framework per profile (a restarted kube-scheduler with a new --config). */
  configure(profiles: SchedulerProfile[]): void {
    this.profiles.clear();
    for (const p of profiles) this.profiles.set(p.schedulerName, new SchedulingAlgorithm(this.framework(p), { rng: this.ctx.server.rng.stream('scheduler') }));
  }

  private framework(p: SchedulerProfile): Framework {
    const { client } = this.ctx;
    const ctx = this.ctx;
    const fw = newFramework({
      profileName: p.schedulerName,
      ...(p.percentageOfNodesToScore !== undefined ? { percentageOfNodesToScore: p.percentageOfNodesToScore } : {}),
      ...(p.plugins ? { plugins: p.plugins } : {}),
      ...(p.pluginArgs ? { pluginArgs: p.pluginArgs } : {}),
      rng: ctx.server.rng.stream('preemption'),
      snapshot: this.cache,
      listers: {
        services: (ns) => client.list(res('services'), ns) as never,
        replicaSet: (ns, name) => client.get(res('replicasets', 'apps'), ns, name) as never,
        replicationController: (ns, name) => client.get(res('replicationcontrollers'), ns, name) as never,
        statefulSet: (ns, name) => client.get(res('statefulsets', 'apps'), ns, name) as never,
        namespaceLabels: (ns) => client.get(res('namespaces'), undefined, ns)?.metadata.labels,
        namespaces: () => client.list(res('namespaces')).map((n) => ({ name: n.metadata.name!, labels: n.metadata.labels })),
      },
    });
    const lists: Record<string, { name: string }[]> = { preFilter: fw.preFilterPlugins, filter: fw.filterPlugins, postFilter: fw.postFilterPlugins, preScore: fw.preScorePlugins, score: fw.scorePlugins };
    for (const [point, names] of Object.entries(p.disabledAt ?? {})) {
      const list = lists[point];
      if (!list) continue;
      for (let i = list.length - 1; i >= 0; i--) if (names.includes('*') || names.includes(list[i].name)) list.splice(i, 1);
    }
    return fw;
  }

  /** The kube-scheduler process ends: no more watches, nothing scheduled. */
  stop(): void {
    this.running = false;
    for (const u of this.unwatch) u();
    this.unwatch = [];
  }

  start(): void {
    const { server, clock } = this.ctx;
    if (this.unwatch.length) return;
    // Informers: the initial list, then every change.
    for (const n of this.ctx.client.list(res('nodes'))) this.cache.addNode(n as Node);
    for (const p of this.ctx.client.list(res('pods'))) {
      const pod = p as Pod;
      const done = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (pod.spec?.nodeName && !done && !this.cache.getPod(podKey(pod))) this.cache.addPod(pod);
      else if (!pod.spec?.nodeName && !pod.metadata?.deletionTimestamp && this.profiles.has(pod.spec?.schedulerName ?? 'default-scheduler')) {
        const key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
        this.active.set(key, { key, attempts: 0, readyAt: clock.now(), addedAt: clock.now() });
      }
    }
    if (this.active.size) this.kick();
    this.unwatch.push(server.watch(res('nodes'), (ev) => {
      const node = ev.object as Node;
      if (ev.type === 'ADDED') this.cache.addNode(node);
      else if (ev.type === 'MODIFIED') this.cache.updateNode(ev.old as Node, node);
      else this.cache.removeNode(node.metadata!.name!);
      if (ev.type !== 'DELETED' && this.nodeChangeMatters(ev.old as Node | undefined, node)) this.moveAllToActive();
    }));
    this.unwatch.push(server.watch(res('pods'), (ev) => {
      const pod = ev.object as Pod;
      const key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
      const assigned = !!pod.spec?.nodeName;
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (ev.type === 'DELETED' || (assigned && finished)) {
        if (this.cache.getPod(podKey(pod))) {
          this.cache.removePod(pod);
          this.moveAllToActive();
        }
        this.active.delete(key);
        this.unschedulable.delete(key);
        return;
      }
      if (assigned) {
        if (this.cache.getPod(podKey(pod))) this.cache.updatePod(ev.old as Pod, pod);
        else this.cache.addPod(pod);
        this.active.delete(key);
        this.unschedulable.delete(key);
        return;
      }
      if (!this.profiles.has(pod.spec?.schedulerName ?? 'default-scheduler')) return;
      if (pod.metadata?.deletionTimestamp) return;
      if (ev.type === 'ADDED' || (!this.active.has(key) && !this.unschedulable.has(key))) {
        this.active.set(key, { key, attempts: 0, readyAt: clock.now(), addedAt: clock.now() });
        this.kick();
      } else if (this.unschedulable.has(key) && ev.old && JSON.stringify(ev.old.spec) !== JSON.stringify(pod.spec)) {
        this.requeue(key);
      }
    }, 'kube-scheduler'));
    const flush = () => {
      if (!this.unwatch.length) return;
      const now = clock.now();
      for (const [key, q] of this.unschedulable) if (now - q.readyAt >= UNSCHEDULABLE_FLUSH_MS) this.requeue(key);
      clock.after(30_000, flush);
    };
    clock.after(30_000, flush);
  }

  /** Node events that can make parked pods schedulable (label, taint, allocatable, schedulable changes). */
  private nodeChangeMatters(old: Node | undefined, node: Node): boolean {
    if (!old) return true;
    return (
      JSON.stringify(old.metadata?.labels) !== JSON.stringify(node.metadata?.labels) ||
      JSON.stringify(old.spec?.taints) !== JSON.stringify(node.spec?.taints) ||
      old.spec?.unschedulable !== node.spec?.unschedulable ||
      JSON.stringify(old.status?.allocatable) !== JSON.stringify(node.status?.allocatable) ||
      JSON.stringify(old.status?.conditions?.map((c) => [c.type, c.status])) !== JSON.stringify(node.status?.conditions?.map((c) => [c.type, c.status]))
    );
  }

  private moveAllToActive() {
    for (const key of [...this.unschedulable.keys()]) this.requeue(key);
  }

  private requeue(key: string) {
    const q = this.unschedulable.get(key);
    if (!q) return;
    this.unschedulable.delete(key);
    this.active.set(key, q);
    this.kick();
  }

  /** Schedule soon: at the current instant, or when the earliest back-off ends. */
  private kick() {
    if (this.scheduled || !this.running) return;
    const { clock } = this.ctx;
    const now = clock.now();
    let earliest = Infinity;
    for (const q of this.active.values()) earliest = Math.min(earliest, q.readyAt);
    if (earliest === Infinity) return;
    this.scheduled = true;
    if (earliest <= now) clock.soon(() => this.drain());
    else clock.after(earliest - now, () => this.drain());
  }

  resume(): void {
    this.running = true;
    this.moveAllToActive();
    this.kick();
  }

  /**
   * Pop ready pods in priority order (PrioritySort: priority, then queue time; ties in queue order)
   * and schedule each. A cycle only parks or binds its own pod and watch events arrive as later
   * tasks, so the ready set is sorted once per drain, not searched once per pod.
   */
  private drain() {
    this.scheduled = false;
    if (!this.running) return;
    const { clock } = this.ctx;
    const now = clock.now();
    const ready: { q: QueuedPod; prio: number; order: number }[] = [];
    for (const q of this.active.values()) {
      if (q.readyAt > now) continue;
      const pod = this.pendingPod(q);
      if (!pod) continue;
      ready.push({ q, prio: (pod.spec as Pod['spec'])?.priority ?? 0, order: ready.length });
    }
    ready.sort((a, b) => b.prio - a.prio || a.q.addedAt - b.q.addedAt || a.order - b.order);
    for (const { q } of ready) {
      if (this.active.get(q.key) !== q) continue;
      const pod = this.pendingPod(q);
      if (!pod) continue;
      this.active.delete(q.key);
      this.scheduleOne(pod, q);
    }
    this.kick();
  }

  /** The queued pod, if it still waits to be scheduled (else it leaves the queue). */
  private pendingPod(q: QueuedPod): KubeObject | undefined {
    const i = q.key.indexOf('/');
    const pod = this.ctx.client.get(res('pods'), q.key.slice(0, i), q.key.slice(i + 1));
    if (!pod || (pod.spec as Pod['spec'])?.nodeName || pod.metadata.deletionTimestamp) {
      this.active.delete(q.key);
      return undefined;
    }
    return pod;
  }

  private scheduleOne(pod: KubeObject, q: QueuedPod) {
    const { client, recorder, server } = this.ctx;
    const p = pod as Pod;
    const schedulerName = p.spec?.schedulerName ?? 'default-scheduler';
    const algorithm = this.profiles.get(schedulerName);
    if (!algorithm) return;
    const outcome = algorithm.schedule(p, this.cache, { record: this.cache.nodeCount() <= KubeScheduler.RECORD_MAX_NODES });
    if (outcome.record) {
      this.decisions.set(pod.metadata.uid!, outcome.record);
      if (this.decisions.size > KubeScheduler.MAX_DECISIONS) this.decisions.delete(this.decisions.keys().next().value!);
    }
    const source = { component: schedulerName };
    if (outcome.ok) {
      this.cache.assumePod(p, outcome.node);
      try {
        client.bind(pod.metadata.namespace!, pod.metadata.name!, outcome.node);
        recorder.event(pod, 'Normal', 'Scheduled', scheduledEventMessage(p, outcome.node), source);
      } catch {
        this.cache.removePod(p);
        this.park(q);
      }
      return;
    }
    const message = truncateMessage(outcome.error.message);
    recorder.event(pod, 'Warning', 'FailedScheduling', message, source);
    for (const v of outcome.victims) {
      client.delete(res('pods'), v.metadata!.namespace, v.metadata!.name!);
      recorder.event(v as KubeObject, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${outcome.nominatedNodeName}`, source);
    }
    client.mutate(
      res('pods'),
      pod.metadata.namespace,
      pod.metadata.name!,
      (o) => {
        const st = (o.status ??= {}) as NonNullable<Pod['status']>;
        const conds = [...(st.conditions ?? [])];
        const i = conds.findIndex((c) => c.type === 'PodScheduled');
        const cond = { type: 'PodScheduled', status: 'False', lastProbeTime: null as unknown as string, lastTransitionTime: server.now(), reason: outcome.reason, message };
        if (i >= 0) {
          if (conds[i].status === 'False' && conds[i].message === message) return false;
          conds[i] = { ...cond, lastTransitionTime: conds[i].status === 'False' ? conds[i].lastTransitionTime! : server.now() };
        } else conds.push(cond);
        st.conditions = conds;
        if (outcome.nominatedNodeName !== null) {
          if (outcome.nominatedNodeName) st.nominatedNodeName = outcome.nominatedNodeName;
          else delete st.nominatedNodeName;
        }
      },
      true,
    );
    this.park(q);
  }

  private park(q: QueuedPod) {
    q.attempts++;
    const backoff = Math.min(BACKOFF_INITIAL_MS * 2 ** (q.attempts - 1), BACKOFF_MAX_MS);
    q.readyAt = this.ctx.clock.now() + backoff;
    this.unschedulable.set(q.key, q);
  }
}

/** The scheduler cache's key for a pod: "namespace/name". */
function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}
