/**
 * The kube-scheduler component (pkg/scheduler/scheduler.go, schedule_one.go, eventhandlers.go):
 * informers feed the scheduler cache and the SchedulingQueue (../scheduler/queue.ts: activeQ,
 * backoffQ, unschedulablePods, one queue for all profiles); each cycle pops a pod, runs its
 * profile's framework (../scheduler/schedule.ts), then binds (POST pods/binding) and records
 * `Scheduled`, or records `FailedScheduling`, sets the PodScheduled condition and hands the pod back
 * to the queue, which keeps it until a cluster event its rejecting plugins' queueing hints accept,
 * or the 5-minute leftover flush.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import { res } from '../apiserver/client.ts';
import type { ControllerContext } from '../controllers/controller.ts';
import type { TimerHandle } from '../clock/clock.ts';
import { SchedulerCache } from '../scheduler/framework/cache.ts';
import { newFramework, type PluginConfig } from '../scheduler/framework/registry.ts';
import type { Framework } from '../scheduler/framework/runtime.ts';
import { SchedulingQueue, type QueuedPodInfo } from '../scheduler/queue.ts';
import { SchedulingAlgorithm, scheduledEventMessage, truncateMessage, type DecisionRecord } from '../scheduler/schedule.ts';

/** flushBackoffQCompleted runs every second (scheduling_queue.go Run: wait.Until(…, 1.0*time.Second)). */
const BACKOFF_FLUSH_PERIOD_MS = 1_000;
/** flushUnschedulablePodsLeftover runs every 30 seconds (scheduling_queue.go Run). */
const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

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

export class KubeScheduler {
  private ctx: ControllerContext;
  private profiles = new Map<string, SchedulingAlgorithm>();
  private cache = new SchedulerCache();
  private unwatch: (() => void)[] = [];
  /** The SchedulingQueue of this process (rebuilt when the process restarts). */
  queue: SchedulingQueue;
  /** The profiles the queue was built for (JSON): an unchanged configuration keeps the queue. */
  private config = '';
  private popScheduled = false;
  private backoffFlush: { at: number; timer: TimerHandle } | null = null;
  /** The last decision for each pod (by uid): what the UI explains. */
  readonly decisions = new Map<string, DecisionRecord>();
  /** Decision records kept (oldest dropped): the UI explains recent pods, not a 50,000-pod history. */
  static readonly MAX_DECISIONS = 500;
  /** Full per-node records only below this cluster size; large clusters record winners only. */
  static readonly RECORD_MAX_NODES = 200;
  /** False while the scheduler's static pod is not running. */
  running = true;
  /** The process's host name (its events' reportingInstance): the node of a host-network pod, else the pod. */
  hostname = 'controlplane';

  constructor(ctx: ControllerContext, profiles: string[] | SchedulerProfile[] = ['default-scheduler']) {
    this.ctx = ctx;
    this.queue = this.configure(profiles.map((p) => (typeof p === 'string' ? { schedulerName: p } : p)));
  }

  get schedulerNames(): string[] {
    return [...this.profiles.keys()];
  }

  /**
   * (Re)build one framework per profile (a restarted kube-scheduler with a new --config) and the
   * process's fresh queue: a new process knows nothing of earlier attempts or back-offs.
   */
  configure(profiles: SchedulerProfile[]): SchedulingQueue {
    this.profiles.clear();
    for (const p of profiles) this.profiles.set(p.schedulerName, new SchedulingAlgorithm(this.framework(p), { rng: this.ctx.server.rng.stream('scheduler') }));
    const config = JSON.stringify(profiles);
    // The supervisor's first look at a scheduler that already runs this configuration is no restart:
    // the queue stays (the new frameworks are equivalent; the queue is their nominator).
    if (this.queue && config === this.config) {
      for (const a of this.profiles.values()) a.framework.handle.nominator = this.queue;
      return this.queue;
    }
    this.config = config;
    return this.newQueue();
  }

  /** NewSchedulingQueue with every profile's framework, filled from the pod informer's list once started. */
  private newQueue(): SchedulingQueue {
    const frameworks = [...this.profiles.values()].map((a) => a.framework);
    this.queue = new SchedulingQueue({ clock: this.ctx.clock, framework: frameworks[0], frameworks });
    this.backoffFlush?.timer.cancel();
    this.backoffFlush = null;
    if (this.unwatch.length) {
      for (const p of this.ctx.client.list(res('pods'))) {
        const pod = p as Pod;
        if (!pod.spec?.nodeName && !pod.metadata?.deletionTimestamp) this.queue.add(pod);
      }
      this.kick();
    }
    return this.queue;
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
    this.backoffFlush?.timer.cancel();
    this.backoffFlush = null;
  }

  start(): void {
    const { server, clock } = this.ctx;
    if (this.unwatch.length) return;
    // Informers: the initial list, then every change (eventhandlers.go addAllEventHandlers).
    for (const n of this.ctx.client.list(res('nodes'))) this.cache.addNode(n as Node);
    for (const p of this.ctx.client.list(res('pods'))) {
      const pod = p as Pod;
      if (pod.spec?.nodeName && !isTerminal(pod) && !this.cache.getPod(podKey(pod))) this.cache.addPod(pod);
    }
    this.unwatch.push(server.watch(res('nodes'), (ev) => {
      const node = ev.object as Node;
      if (ev.type === 'ADDED') {
        this.cache.addNode(node);
        this.queue.nodeAdded(node);
      } else if (ev.type === 'MODIFIED') {
        this.cache.updateNode(ev.old as Node, node);
        this.queue.nodeUpdated(ev.old as Node, node);
      } else {
        this.cache.removeNode(node.metadata!.name!);
        this.queue.nodeDeleted(node);
      }
      this.kick();
    }));
    this.unwatch.push(server.watch(res('pods'), (ev) => {
      this.podEvent(ev.type, ev.old as Pod | undefined, ev.object as Pod);
      this.kick();
    }, 'kube-scheduler'));
    // The queue of the running process, from the initial list (the unwatch list now says "started").
    this.newQueue();
    const flushLeftover = () => {
      if (!this.unwatch.length) return;
      this.queue.flushUnschedulablePodsLeftover();
      this.kick();
      clock.after(UNSCHEDULABLE_FLUSH_PERIOD_MS, flushLeftover);
    };
    clock.after(UNSCHEDULABLE_FLUSH_PERIOD_MS, flushLeftover);
  }

  /**
   * A pod event, split as the two filtered informer handlers split it: assigned (non-terminal) pods
   * feed the cache and the queue's AssignedPod events; unassigned pods of this scheduler's profiles
   * are the queue's own (a pod that gets a node leaves the queue: the filter turns it into a delete).
   */
  private podEvent(type: string, old: Pod | undefined, pod: Pod): void {
    const key = podKey(pod);
    const assigned = !!pod.spec?.nodeName;
    const wasAssigned = !!old?.spec?.nodeName && !isTerminal(old);
    if (type === 'DELETED' || (assigned && isTerminal(pod))) {
      if (this.cache.getPod(key)) {
        this.cache.removePod(pod);
        this.queue.assignedPodDeleted(pod);
      }
      if (!assigned || type === 'DELETED') this.queue.delete(pod);
      return;
    }
    if (assigned) {
      if (!wasAssigned) this.queue.delete(pod);
      const inCache = !!this.cache.getPod(key);
      // An assumed pod is confirmed by its first assigned version (Cache.AddPod).
      if (inCache) this.cache.updatePod(old, pod);
      else this.cache.addPod(pod);
      if (wasAssigned && old) this.queue.assignedPodUpdated(old, pod);
      else this.queue.assignedPodAdded(pod);
      return;
    }
    if (!this.profiles.has(pod.spec?.schedulerName ?? 'default-scheduler')) return;
    if (type === 'ADDED' || !old) this.queue.add(pod);
    else this.queue.update(old, pod);
  }

  /** Pop soon when the queue has a pod to give (Pop wakes up), and keep the backoff flush armed. */
  private kick(): void {
    if (!this.running || !this.unwatch.length) return;
    if (!this.popScheduled && this.queue.canPop()) {
      this.popScheduled = true;
      this.ctx.clock.soon(() => this.scheduleReady());
    }
    this.armBackoffFlush();
  }

  /**
   * flushBackoffQCompleted ticks every whole second; only the ticks that can move a pod are
   * simulated: the first one at or after the earliest backoff expiry (already aligned down to the
   * 1-second ordering window).
   */
  private armBackoffFlush(): void {
    const next = this.queue.nextBackoffCompletion();
    if (next === null) return;
    const { clock } = this.ctx;
    const at = Math.max(Math.ceil(next / BACKOFF_FLUSH_PERIOD_MS) * BACKOFF_FLUSH_PERIOD_MS, clock.now());
    if (this.backoffFlush && this.backoffFlush.at <= at) return;
    this.backoffFlush?.timer.cancel();
    const timer = clock.after(at - clock.now(), () => {
      this.backoffFlush = null;
      if (!this.running || !this.unwatch.length) return;
      this.queue.flushBackoffQCompleted();
      this.kick();
    });
    this.backoffFlush = { at, timer };
  }

  resume(): void {
    this.running = true;
    // A restarted process: a fresh queue from the informers' list.
    this.newQueue();
  }

  /**
   * scheduleOne for every pod the queue gives now. Watch events reach the scheduler as later tasks,
   * so the pods popped here are scheduled against the cache as this cycle left it (assumed pods
   * included), as the real loop does between informer deliveries.
   */
  private scheduleReady(): void {
    this.popScheduled = false;
    if (!this.running) return;
    for (;;) {
      const qp = this.queue.pop();
      if (!qp) break;
      this.scheduleOne(qp);
    }
    this.kick();
  }

  /** The popped pod as the API server has it now, if it still waits to be scheduled (skipPodSchedule). */
  private pendingPod(qp: QueuedPodInfo): KubeObject | undefined {
    const pi = qp.podInfo;
    const pod = this.ctx.client.get(res('pods'), pi.namespace, pi.name);
    if (!pod || (pod.spec as Pod['spec'])?.nodeName || pod.metadata.deletionTimestamp) return undefined;
    return pod;
  }

  private scheduleOne(qp: QueuedPodInfo) {
    const { client, recorder, server } = this.ctx;
    const pod = this.pendingPod(qp);
    if (!pod) {
      this.queue.done(qp);
      return;
    }
    const p = pod as Pod;
    const schedulerName = p.spec?.schedulerName ?? 'default-scheduler';
    const algorithm = this.profiles.get(schedulerName);
    if (!algorithm) {
      this.queue.done(qp);
      return;
    }
    // the queue's PodInfo when it is of this very object (informer and client share stored objects)
    const podInfo = qp.podInfo.pod === p ? qp.podInfo : p;
    const outcome = algorithm.schedule(podInfo, this.cache, { record: this.cache.nodeCount() <= KubeScheduler.RECORD_MAX_NODES });
    if (outcome.record) {
      this.decisions.set(pod.metadata.uid!, outcome.record);
      if (this.decisions.size > KubeScheduler.MAX_DECISIONS) this.decisions.delete(this.decisions.keys().next().value!);
    }
    const source = (action: string) => ({ controller: schedulerName, hostname: this.hostname, action });
    if (outcome.ok) {
      this.cache.assumePod(p, outcome.node, outcome.podInfo);
      try {
        client.bind(pod.metadata.namespace!, pod.metadata.name!, outcome.node);
        recorder.eventV1(pod, 'Normal', 'Scheduled', scheduledEventMessage(p, outcome.node), source('Binding'));
        this.queue.done(qp);
      } catch {
        // handleBindingCycleError: forget the assumed pod; the pod retries after the error backoff.
        this.cache.removePod(p);
        this.queue.addUnschedulableIfNotPresent(qp, {}, p);
      }
      return;
    }
    // handleSchedulingFailure: back to the queue with the plugins that rejected it, then the event
    // and the PodScheduled condition.
    this.queue.addUnschedulableIfNotPresent(
      qp,
      { unschedulablePlugins: outcome.unschedulablePlugins, pendingPlugins: outcome.pendingPlugins, nominatedNodeName: outcome.nominatedNodeName },
      p,
    );
    const message = truncateMessage(outcome.error.message);
    recorder.eventV1(pod, 'Warning', 'FailedScheduling', message, source('Scheduling'));
    for (const v of outcome.victims) {
      // preemption.go PreemptPod: the victim first gets the DisruptionTarget condition, then is
      // deleted (gracefully: it terminates like any deleted pod).
      client.mutate(
        res('pods'),
        v.metadata!.namespace,
        v.metadata!.name!,
        (o) => {
          const st = (o.status ??= {}) as NonNullable<Pod['status']>;
          const conds = (st.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
          conds.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: server.now(), reason: 'PreemptionByScheduler', message: `${schedulerName}: preempting to accommodate a higher priority pod` });
          st.conditions = conds;
        },
        true,
      );
      client.delete(res('pods'), v.metadata!.namespace, v.metadata!.name!);
      recorder.eventV1(v as KubeObject, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${outcome.nominatedNodeName}`, source('Preempting'), pod);
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
  }
}

/** Succeeded or Failed: a pod that holds no resources on its node any more. */
function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** The scheduler cache's key for a pod: "namespace/name". */
function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}
