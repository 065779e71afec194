/**
 * The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go, backoff_queue.go,
 * active_queue.go, v1.35) as a plain, synchronous data structure. Time comes from an injected
 * clock `{ now(): number }` (milliseconds); nothing here sets timers — the caller asks when the
 * next backoff completes (`nextBackoffCompletion()`) and calls the flush methods.
 *
 * Three places a pending pod can be:
 *   activeQ            — ready to be scheduled; popped by priority (higher first), then by the time
 *                        it was (re)queued (PrioritySort)
 *   backoffQ           — rejected before, waiting for its backoff (1 s, doubling per failed attempt,
 *                        at most 10 s) to complete; pods that failed with an error wait in their
 *                        own error backoff queue
 *   unschedulablePods  — rejected, parked until a cluster event may help: the rejecting plugins'
 *                        queueing hints decide (e.g. a NodeAdd that the pod's taints/affinity/size
 *                        allow), or 5 minutes pass (flushUnschedulablePodsLeftover)
 * Pods with scheduling gates (SchedulingGates PreEnqueue) wait in unschedulablePods as "gated".
 *
 * Lifecycle, as the scheduler drives it:
 *   q.add(pod)                                  unscheduled pod created (informer Add)
 *   const qp = q.pop()                          next pod (null: nothing ready); qp.attempts++
 *   …run a scheduling cycle (SchedulingAlgorithm.schedule)…
 *   success → q.done(qp)                        (bind it; its AssignedPodAdd comes through assignedPodAdded)
 *   failure → q.addUnschedulableIfNotPresent(qp, outcome)   with the plugins that rejected it
 *   cluster events:
 *     q.nodeAdded(node) / q.nodeUpdated(old, new) / q.nodeDeleted(node)
 *     q.assignedPodAdded(pod) / q.assignedPodUpdated(old, new) / q.assignedPodDeleted(pod)
 *     q.update(oldPod, newPod) / q.delete(pod)  for unscheduled pods
 *   every second: q.flushBackoffQCompleted(); every 30 s: q.flushUnschedulablePodsLeftover()
 *
 * With SchedulerPopFromBackoffQ (beta, on since v1.33) pop() takes from the backoffQ when the
 * activeQ is empty; with queueing hints (on since v1.32) events move only pods a rejecting plugin
 * says may now fit, and events that arrive while a pod is being scheduled ("in flight") are
 * replayed when it comes back.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { PodInfo } from './framework/types.ts';
import { ActionType, EventUnschedulableTimeout, QueueingHint, isWildCard, matchClusterEvents } from './framework/interface.ts';
import type { ClusterEvent, ClusterEventWithHint, PodNominator, QueueSortPlugin, QueuedPodInfoLike } from './framework/interface.ts';
import { EventAssignedPodAdd, EventAssignedPodDelete, EventNodeAdd, EventNodeDelete, nodeSchedulingPropertiesChange, podSchedulingPropertiesChange } from './framework/events.ts';
import type { Framework } from './framework/runtime.ts';
import type { Status } from './framework/types.ts';

export interface Clock {
  /** Milliseconds. */
  now(): number;
}

/** DefaultPodInitialBackoffDuration */
export const DefaultPodInitialBackoffMs = 1000;
/** DefaultPodMaxBackoffDuration */
export const DefaultPodMaxBackoffMs = 10000;
/** DefaultPodMaxInUnschedulablePodsDuration */
export const DefaultPodMaxInUnschedulablePodsMs = 5 * 60 * 1000;
/** backoffQ ordering window (SchedulerPopFromBackoffQ) */
export const BackoffOrderingWindowMs = 1000;

/** QueuedPodInfo (framework/types.go) */
export interface QueuedPodInfo extends QueuedPodInfoLike {
  podInfo: PodInfo;
  /** when the pod was (re)added to the queue, ms */
  timestamp: number;
  /**
   * Arrival order among equal timestamps: the real clock counts nanoseconds, so pods queued "at
   * once" still have distinct times in arrival order; the simulated clock counts milliseconds.
   */
  seq: number;
  /** scheduling attempts (incremented by pop) */
  attempts: number;
  /** attempts that ended Unschedulable (drives the backoff) */
  unschedulableCount: number;
  /** consecutive attempts that ended with an Error */
  consecutiveErrorsCount: number;
  initialAttemptTimestamp: number | null;
  /** cached backoff expiry, ms (0 = not computed) */
  backoffExpiration: number;
  unschedulablePlugins: Set<string>;
  pendingPlugins: Set<string>;
  /** PreEnqueue plugin holding the pod back ("" = not gated) */
  gatingPlugin: string;
  gatingStatus: Status | null;
}

export type QueueName = 'Active' | 'Backoff' | 'Unschedulable';

type Strategy = 'skip' | 'afterBackoff' | 'immediately';

export interface SchedulingQueueOptions {
  clock: Clock;
  /** Supplies the QueueSort, PreEnqueue plugins and the queueing hints. */
  framework: Framework;
  /**
   * Every profile of the scheduler, when it has more than one (`framework` is then the first): one
   * queue holds the pods of all profiles, each pod's own profile gives its PreEnqueue plugins and
   * queueing hints (NewSchedulingQueue's preEnqueuePluginMap / queueingHintMap by profile name);
   * all profiles share the QueueSort plugin, as the real configuration validation demands.
   */
  frameworks?: readonly Framework[];
  podInitialBackoffMs?: number;
  podMaxBackoffMs?: number;
  podMaxInUnschedulablePodsMs?: number;
  /** SchedulerPopFromBackoffQ (default true, as in v1.35). */
  popFromBackoffQ?: boolean;
}

/** A binary heap with removal by key. */
class Heap<T> {
  private items: T[] = [];
  private readonly index = new Map<string, number>();
  private readonly key: (t: T) => string;
  private readonly less: (a: T, b: T) => boolean;

  constructor(key: (t: T) => string, less: (a: T, b: T) => boolean) {
    this.key = key;
    this.less = less;
  }

  get length(): number {
    return this.items.length;
  }

  has(k: string): boolean {
    return this.index.has(k);
  }

  get(k: string): T | undefined {
    const i = this.index.get(k);
    return i === undefined ? undefined : this.items[i];
  }

  peek(): T | undefined {
    return this.items[0];
  }

  addOrUpdate(t: T): void {
    const k = this.key(t);
    const i = this.index.get(k);
    if (i !== undefined) {
      this.items[i] = t;
      this.fix(i);
      return;
    }
    this.items.push(t);
    this.index.set(k, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  delete(k: string): T | undefined {
    const i = this.index.get(k);
    if (i === undefined) return undefined;
    const t = this.items[i];
    const last = this.items.pop()!;
    this.index.delete(k);
    if (i < this.items.length) {
      this.items[i] = last;
      this.index.set(this.key(last), i);
      this.fix(i);
    }
    return t;
  }

  pop(): T | undefined {
    const t = this.items[0];
    if (t === undefined) return undefined;
    this.delete(this.key(t));
    return t;
  }

  list(): T[] {
    return [...this.items];
  }

  private fix(i: number): void {
    if (!this.down(i)) this.up(i);
  }

  private swap(i: number, j: number): void {
    const a = this.items[i];
    const b = this.items[j];
    this.items[i] = b;
    this.items[j] = a;
    this.index.set(this.key(b), i);
    this.index.set(this.key(a), j);
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(this.items[i], this.items[p])) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i0: number): boolean {
    let i = i0;
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let j = l;
      const r = l + 1;
      if (r < n && this.less(this.items[r], this.items[l])) j = r;
      if (!this.less(this.items[j], this.items[i])) break;
      this.swap(i, j);
      i = j;
    }
    return i > i0;
  }
}

const keyOf = (q: QueuedPodInfo) => q.podInfo.key;

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}

interface RecordedEvent {
  event: ClusterEvent;
  oldObj: unknown;
  newObj: unknown;
}

export class SchedulingQueue implements PodNominator {
  private readonly clock: Clock;
  private readonly framework: Framework;
  private readonly initialBackoff: number;
  private readonly maxBackoff: number;
  private readonly maxInUnschedulable: number;
  private readonly popFromBackoffQ: boolean;
  private readonly sort: QueueSortPlugin | null;
  private readonly activeQ: Heap<QueuedPodInfo>;
  private readonly backoffQ: Heap<QueuedPodInfo>;
  private readonly errorBackoffQ: Heap<QueuedPodInfo>;
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  /** popped and not yet done: the events seen meanwhile */
  private readonly inFlight = new Map<string, RecordedEvent[]>();
  /** profile name → its framework and plugin → the events it registered, with hints (QueueingHintMapPerProfile) */
  private readonly profiles = new Map<string, { framework: Framework; hints: Map<string, ClusterEventWithHint[]> }>();
  private schedulingCycle = 0;
  private arrivals = 0;
  /** nominator: node → pods nominated to it (status.nominatedNodeName), by key */
  private readonly nominated = new Map<string, Map<string, PodInfo>>();
  private readonly nominatedNodeOf = new Map<string, string>();

  constructor(opts: SchedulingQueueOptions) {
    this.clock = opts.clock;
    this.framework = opts.framework;
    this.initialBackoff = opts.podInitialBackoffMs ?? DefaultPodInitialBackoffMs;
    this.maxBackoff = opts.podMaxBackoffMs ?? DefaultPodMaxBackoffMs;
    this.maxInUnschedulable = opts.podMaxInUnschedulablePodsMs ?? DefaultPodMaxInUnschedulablePodsMs;
    this.popFromBackoffQ = opts.popFromBackoffQ ?? true;
    this.sort = opts.framework.queueSortPlugin;
    for (const fw of opts.frameworks ?? [opts.framework]) {
      this.profiles.set(fw.profileName, { framework: fw, hints: fw.queueingHints() });
      // the queue is every profile's PodNominator (Go: PriorityQueue embeds the nominator)
      fw.handle.nominator = this;
    }
    const less = (a: QueuedPodInfo, b: QueuedPodInfo) => this.lessActive(a, b);
    this.activeQ = new Heap(keyOf, less);
    const backoffLess = (a: QueuedPodInfo, b: QueuedPodInfo) => {
      const ba = this.backoffTime(a);
      const bb = this.backoffTime(b);
      return ba !== bb ? ba < bb : this.lessActive(a, b);
    };
    this.backoffQ = new Heap(keyOf, backoffLess);
    this.errorBackoffQ = new Heap(keyOf, backoffLess);
  }

  // ----- nominator (nominator.go)

  /** AddNominatedPod: record (or with null/"" clear) the node a pod is nominated to. */
  addNominatedPod(pi: PodInfo, nodeName: string | null): void {
    this.deleteNominatedPodIfExists(pi.key);
    const nn = nodeName ?? pi.pod.status?.nominatedNodeName ?? '';
    if (!nn) return;
    let m = this.nominated.get(nn);
    if (!m) this.nominated.set(nn, (m = new Map()));
    m.set(pi.key, pi);
    this.nominatedNodeOf.set(pi.key, nn);
  }

  deleteNominatedPodIfExists(key: string): void {
    const nn = this.nominatedNodeOf.get(key);
    if (nn === undefined) return;
    this.nominatedNodeOf.delete(key);
    const m = this.nominated.get(nn);
    m?.delete(key);
    if (m && m.size === 0) this.nominated.delete(nn);
  }

  nominatedPodsForNode(nodeName: string): readonly PodInfo[] {
    const m = this.nominated.get(nodeName);
    return m ? [...m.values()] : [];
  }

  hasNominatedPods(): boolean {
    return this.nominated.size > 0;
  }

  /** Pods the scheduler does not queue: assigned ones and those of another scheduler. */
  private responsibleFor(pod: Pod): boolean {
    return !pod.spec?.nodeName && this.profiles.has(pod.spec?.schedulerName ?? 'default-scheduler');
  }

  /** The pod's profile (a pod of no profile here is never queued; the first one answers for it). */
  private profileOf(pod: Pod): { framework: Framework; hints: Map<string, ClusterEventWithHint[]> } {
    return this.profiles.get(pod.spec?.schedulerName ?? 'default-scheduler') ?? this.profiles.get(this.framework.profileName)!;
  }

  private lessActive(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    if (this.sort) return this.sort.less(a, b) || (!this.sort.less(b, a) && a.seq < b.seq);
    return a.podInfo.priority > b.podInfo.priority || (a.podInfo.priority === b.podInfo.priority && (a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.seq < b.seq)));
  }

  private newQueuedPodInfo(pod: Pod | PodInfo): QueuedPodInfo {
    const podInfo = pod instanceof PodInfo ? pod : new PodInfo(pod);
    return {
      podInfo,
      timestamp: this.clock.now(),
      seq: ++this.arrivals,
      attempts: 0,
      unschedulableCount: 0,
      consecutiveErrorsCount: 0,
      initialAttemptTimestamp: null,
      backoffExpiration: 0,
      unschedulablePlugins: new Set(),
      pendingPlugins: new Set(),
      gatingPlugin: '',
      gatingStatus: null,
    };
  }

  // ----- backoff (backoff_queue.go)

  /** calculateBackoffDuration: initial × 2^(count−1), capped at max. */
  backoffDuration(count: number): number {
    if (count <= 0) return 0;
    let d = this.initialBackoff;
    for (let i = 1; i < count; i++) {
      if (d > this.maxBackoff - d) return this.maxBackoff;
      d += d;
    }
    return Math.min(d, this.maxBackoff);
  }

  /** getBackoffTime: timestamp + backoff, aligned down to the ordering window; 0 = no backoff. */
  backoffTime(q: QueuedPodInfo): number {
    if (this.maxBackoff === 0) return 0;
    const count = q.consecutiveErrorsCount > 0 ? q.consecutiveErrorsCount : q.unschedulableCount;
    if (count === 0) return 0;
    if (q.backoffExpiration === 0) {
      const t = q.timestamp + this.backoffDuration(count);
      q.backoffExpiration = this.popFromBackoffQ ? Math.floor(t / BackoffOrderingWindowMs) * BackoffOrderingWindowMs : t;
    }
    return q.backoffExpiration;
  }

  isPodBackingOff(q: QueuedPodInfo): boolean {
    return this.backoffTime(q) > this.clock.now();
  }

  /** When the earliest backoff completes (ms), or null: when to call flushBackoffQCompleted next. */
  nextBackoffCompletion(): number | null {
    const a = this.backoffQ.peek();
    const b = this.errorBackoffQ.peek();
    const ta = a ? this.backoffTime(a) : Infinity;
    const tb = b ? this.backoffTime(b) : Infinity;
    const t = Math.min(ta, tb);
    return t === Infinity ? null : t;
  }

  // ----- PreEnqueue

  private runPreEnqueue(q: QueuedPodInfo): void {
    const s = this.profileOf(q.podInfo.pod).framework.runPreEnqueuePlugins(q.podInfo);
    if (s) {
      q.gatingPlugin = s.plugin;
      q.gatingStatus = s;
      q.unschedulablePlugins.add(s.plugin);
    } else {
      q.gatingPlugin = '';
      q.gatingStatus = null;
    }
  }

  private removeEverywhere(k: string): void {
    this.unschedulable.delete(k);
    this.backoffQ.delete(k);
    this.errorBackoffQ.delete(k);
  }

  /** moveToActiveQ: gated pods go to unschedulablePods instead. */
  private moveToActiveQ(q: QueuedPodInfo, movesFromBackoffQ: boolean): boolean {
    if (!(this.popFromBackoffQ && movesFromBackoffQ)) this.runPreEnqueue(q);
    const k = keyOf(q);
    if (q.gatingPlugin) {
      if (this.activeQ.has(k) || this.backoffQ.has(k) || this.errorBackoffQ.has(k) || this.unschedulable.has(k)) return false;
      this.unschedulable.set(k, q);
      return false;
    }
    if (q.initialAttemptTimestamp === null) q.initialAttemptTimestamp = this.clock.now();
    this.removeEverywhere(k);
    this.activeQ.addOrUpdate(q);
    return true;
  }

  private moveToBackoffQ(q: QueuedPodInfo): boolean {
    if (this.popFromBackoffQ) {
      this.runPreEnqueue(q);
      if (q.gatingPlugin) {
        if (!this.unschedulable.has(keyOf(q))) this.unschedulable.set(keyOf(q), q);
        return false;
      }
    }
    this.unschedulable.delete(keyOf(q));
    if (q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0) {
      this.errorBackoffQ.addOrUpdate(q);
      this.backoffQ.delete(keyOf(q));
    } else {
      this.backoffQ.addOrUpdate(q);
      this.errorBackoffQ.delete(keyOf(q));
    }
    return true;
  }

  // ----- public API

  /** Add: a new unscheduled pod (assigned pods and other schedulers' pods are ignored). */
  add(pod: Pod | PodInfo): void {
    const p = pod instanceof PodInfo ? pod.pod : pod;
    if (!this.responsibleFor(p)) return;
    const q = this.newQueuedPodInfo(pod);
    if (this.moveToActiveQ(q, false)) this.addNominatedPod(q.podInfo, null);
  }

  /**
   * Pop: the head of the activeQ — or, when it is empty, of the backoffQ (SchedulerPopFromBackoffQ).
   * null when nothing is ready. Increments attempts; the pod is in flight until done() or
   * addUnschedulableIfNotPresent().
   */
  pop(): QueuedPodInfo | null {
    let q = this.activeQ.pop();
    if (!q && this.popFromBackoffQ) q = this.backoffQ.pop();
    if (!q) return null;
    q.attempts++;
    q.backoffExpiration = 0;
    this.schedulingCycle++;
    this.inFlight.set(keyOf(q), []);
    return q;
  }

  /** Whether pop() has a pod to give now (the real Pop blocks until it has). */
  canPop(): boolean {
    return this.activeQ.length > 0 || (this.popFromBackoffQ && this.backoffQ.length > 0);
  }

  /** Done: the cycle for this pod is over (e.g. it was bound). */
  done(q: QueuedPodInfo | string): void {
    this.inFlight.delete(typeof q === 'string' ? q : keyOf(q));
  }

  get cycle(): number {
    return this.schedulingCycle;
  }

  /**
   * AddUnschedulableIfNotPresent: put a pod back after a failed cycle. `rejection` carries the
   * plugins that rejected it (ScheduleFailure.unschedulablePlugins / pendingPlugins); empty sets
   * mean an error (then the error backoff applies). Returns the queue it went to.
   */
  addUnschedulableIfNotPresent(
    q: QueuedPodInfo,
    rejection: { unschedulablePlugins?: Iterable<string>; pendingPlugins?: Iterable<string>; nominatedNodeName?: string | null } = {},
    updatedPod?: Pod,
  ): QueueName | null {
    // handleSchedulingFailure → AddNominatedPod with the PostFilter's nominating info
    if (rejection.nominatedNodeName !== undefined && rejection.nominatedNodeName !== null) {
      if (rejection.nominatedNodeName === '') this.deleteNominatedPodIfExists(keyOf(q));
      else this.addNominatedPod(q.podInfo, rejection.nominatedNodeName);
    }
    const k = keyOf(q);
    const events = this.inFlight.get(k) ?? [];
    this.inFlight.delete(k);
    if (this.unschedulable.has(k) || this.activeQ.has(k) || this.backoffQ.has(k) || this.errorBackoffQ.has(k)) return null;
    if (updatedPod) q.podInfo = new PodInfo(updatedPod);
    q.unschedulablePlugins = new Set(rejection.unschedulablePlugins ?? []);
    q.pendingPlugins = new Set(rejection.pendingPlugins ?? []);
    if (q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0) q.consecutiveErrorsCount++;
    else {
      q.unschedulableCount++;
      q.consecutiveErrorsCount = 0;
    }
    q.timestamp = this.clock.now();
    q.seq = ++this.arrivals;
    q.backoffExpiration = 0;
    // determineSchedulingHintForInFlightPod
    let strategy: Strategy = 'skip';
    if (q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0) strategy = 'afterBackoff';
    else {
      for (const e of events) {
        const s = this.isPodWorthRequeuing(q, e.event, e.oldObj, e.newObj);
        if (s === 'immediately') {
          strategy = s;
          break;
        }
        if (s === 'afterBackoff') {
          strategy = s;
          if (q.pendingPlugins.size === 0) break;
        }
      }
    }
    return this.requeue(q, strategy);
  }

  /** Update: an unscheduled pod changed (a pod that got bound is deleted from the queue). */
  update(oldPod: Pod | null, newPod: Pod): void {
    const k = podKey(newPod);
    if (!this.responsibleFor(newPod)) {
      this.delete(newPod);
      return;
    }
    if (newPod.status?.nominatedNodeName) this.addNominatedPod(new PodInfo(newPod), newPod.status.nominatedNodeName);
    if (this.inFlight.has(k)) {
      if (oldPod) for (const e of podSchedulingPropertiesChange(newPod, oldPod)) this.inFlight.get(k)!.push({ event: e, oldObj: oldPod, newObj: newPod });
      return;
    }
    for (const heap of [this.activeQ, this.backoffQ, this.errorBackoffQ]) {
      const q = heap.get(k);
      if (q) {
        q.podInfo = new PodInfo(newPod);
        heap.addOrUpdate(q);
        return;
      }
    }
    const q = this.unschedulable.get(k);
    if (q) {
      q.podInfo = new PodInfo(newPod);
      const events = oldPod ? podSchedulingPropertiesChange(newPod, oldPod) : [];
      for (const e of events) {
        const s = this.isPodWorthRequeuing(q, e, oldPod, newPod);
        const where = this.requeue(q, s);
        if (where === 'Active' || where === 'Backoff') break;
      }
      return;
    }
    this.moveToActiveQ(this.newQueuedPodInfo(newPod), false);
  }

  /** Delete: an unscheduled pod is gone (deleted, or bound elsewhere). */
  delete(pod: Pod | string): void {
    const k = typeof pod === 'string' ? pod : podKey(pod);
    this.deleteNominatedPodIfExists(k);
    this.activeQ.delete(k);
    this.removeEverywhere(k);
    this.inFlight.delete(k);
  }

  /** Activate: move these pods (from backoffQ or unschedulablePods) to the activeQ now. */
  activate(pods: Pod[]): void {
    for (const p of pods) {
      const k = podKey(p);
      let q = this.unschedulable.get(k);
      let fromBackoff = false;
      if (!q) {
        q = this.backoffQ.get(k) ?? this.errorBackoffQ.get(k);
        fromBackoff = !!q;
      }
      if (q) this.moveToActiveQ(q, fromBackoff);
    }
  }

  /** flushBackoffQCompleted: pods whose backoff is over go to the activeQ. Call every second. */
  flushBackoffQCompleted(): number {
    let moved = 0;
    for (const heap of [this.backoffQ, this.errorBackoffQ]) {
      for (;;) {
        const q = heap.peek();
        if (!q || this.isPodBackingOff(q)) break;
        heap.pop();
        if (this.moveToActiveQ(q, true)) moved++;
      }
    }
    return moved;
  }

  /** flushUnschedulablePodsLeftover: pods parked longer than 5 minutes are retried. Call every 30 s. */
  flushUnschedulablePodsLeftover(): void {
    const now = this.clock.now();
    const toMove = [...this.unschedulable.values()].filter((q) => now - q.timestamp > this.maxInUnschedulable);
    if (toMove.length) this.movePodsToActiveOrBackoffQueue(toMove, EventUnschedulableTimeout, null, null);
  }

  /** MoveAllToActiveOrBackoffQueue: a cluster event; `preCheck` optionally pre-filters pods. */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent, oldObj: unknown, newObj: unknown, preCheck?: (pod: Pod) => boolean): void {
    if (!this.isEventOfInterest(event)) return;
    const pods = [...this.unschedulable.values()].filter((q) => !preCheck || preCheck(q.podInfo.pod));
    this.movePodsToActiveOrBackoffQueue(pods, event, oldObj, newObj);
  }

  // convenience wrappers for the informer events (eventhandlers.go)

  nodeAdded(node: Node): void {
    this.moveAllToActiveOrBackoffQueue(EventNodeAdd, null, node);
  }

  nodeUpdated(oldNode: Node, newNode: Node): void {
    for (const e of nodeSchedulingPropertiesChange(newNode, oldNode)) this.moveAllToActiveOrBackoffQueue(e, oldNode, newNode);
  }

  nodeDeleted(node: Node): void {
    this.moveAllToActiveOrBackoffQueue(EventNodeDelete, node, null);
  }

  /** AssignedPodAdded: only pods whose affinity terms match it, or that PodTopologySpread rejected, can gain. */
  assignedPodAdded(pod: Pod): void {
    this.movePodsToActiveOrBackoffQueue(this.unschedulablePodsWithCrossTopologyTerm(pod), EventAssignedPodAdd, null, pod);
  }

  assignedPodUpdated(oldPod: Pod, newPod: Pod): void {
    for (const e of podSchedulingPropertiesChange(newPod, oldPod)) {
      if (e.actionType & ActionType.UpdatePodScaleDown) this.moveAllToActiveOrBackoffQueue(e, oldPod, newPod);
      else this.movePodsToActiveOrBackoffQueue(this.unschedulablePodsWithCrossTopologyTerm(newPod), e, oldPod, newPod);
    }
  }

  assignedPodDeleted(pod: Pod): void {
    this.moveAllToActiveOrBackoffQueue(EventAssignedPodDelete, pod, null);
  }

  // ----- introspection

  /** PendingPods: what `kubectl get pods` shows as Pending, by queue. */
  pendingPods(): { active: Pod[]; backoff: Pod[]; unschedulable: Pod[]; summary: string } {
    const active = this.activeQ.list().map((q) => q.podInfo.pod);
    const backoff = [...this.backoffQ.list(), ...this.errorBackoffQ.list()].map((q) => q.podInfo.pod);
    const unschedulable = [...this.unschedulable.values()].map((q) => q.podInfo.pod);
    return { active, backoff, unschedulable, summary: `activeQ:${active.length}; backoffQ:${backoff.length}; unschedulablePods:${unschedulable.length}` };
  }

  /** Where a pod is, and its QueuedPodInfo. */
  get(namespace: string, name: string): { queue: QueueName; info: QueuedPodInfo } | null {
    const k = `${namespace}/${name}`;
    let q = this.activeQ.get(k);
    if (q) return { queue: 'Active', info: q };
    q = this.backoffQ.get(k) ?? this.errorBackoffQ.get(k);
    if (q) return { queue: 'Backoff', info: q };
    q = this.unschedulable.get(k);
    if (q) return { queue: 'Unschedulable', info: q };
    return null;
  }

  get length(): number {
    return this.activeQ.length + this.backoffQ.length + this.errorBackoffQ.length + this.unschedulable.size;
  }

  // ----- internals (scheduling_queue.go)

  private isEventOfInterest(event: ClusterEvent): boolean {
    if (isWildCard(event)) return true;
    for (const { hints } of this.profiles.values()) for (const list of hints.values()) for (const h of list) if (matchClusterEvents(h.event, event)) return true;
    return false;
  }

  /** isPodWorthRequeuing: ask the rejecting plugins' hints registered for this event. */
  private isPodWorthRequeuing(q: QueuedPodInfo, event: ClusterEvent, oldObj: unknown, newObj: unknown): Strategy {
    const rejectors = new Set([...q.unschedulablePlugins, ...q.pendingPlugins]);
    if (rejectors.size === 0) return 'afterBackoff';
    if (isWildCard(event)) {
      // a wildcard event carrying a Pod is meant for that pod only (e.g. ForceActivate)
      if (newObj != null) {
        const p = newObj as Pod;
        if (!p.spec || !Array.isArray(p.spec.containers) || p.metadata?.uid !== q.podInfo.pod.metadata?.uid) return 'skip';
      }
      return 'afterBackoff';
    }
    let strategy: Strategy = 'skip';
    for (const [plugin, list] of this.profileOf(q.podInfo.pod).hints) {
      if (!rejectors.has(plugin)) continue;
      for (const h of list) {
        if (!matchClusterEvents(h.event, event)) continue;
        let hint: QueueingHint = QueueingHint.Queue;
        if (h.hint) {
          try {
            hint = h.hint(q.podInfo.pod, oldObj, newObj);
          } catch {
            hint = QueueingHint.Queue;
          }
        }
        if (hint === QueueingHint.QueueSkip) continue;
        if (q.pendingPlugins.has(plugin)) return 'immediately';
        if (q.pendingPlugins.size === 0) return 'afterBackoff';
        strategy = 'afterBackoff';
      }
    }
    return strategy;
  }

  /** requeuePodWithQueueingStrategy */
  private requeue(q: QueuedPodInfo, strategy: Strategy): QueueName {
    const k = keyOf(q);
    if (strategy === 'skip') {
      this.unschedulable.set(k, q);
      return 'Unschedulable';
    }
    if (strategy === 'afterBackoff' && this.isPodBackingOff(q)) {
      return this.moveToBackoffQ(q) ? 'Backoff' : 'Unschedulable';
    }
    return this.moveToActiveQ(q, false) ? 'Active' : 'Unschedulable';
  }

  private movePodsToActiveOrBackoffQueue(pods: QueuedPodInfo[], event: ClusterEvent, oldObj: unknown, newObj: unknown): void {
    if (!this.isEventOfInterest(event)) return;
    for (const q of pods) {
      if (q.gatingPlugin && !this.gatingPluginInterested(q, event)) continue;
      const s = this.isPodWorthRequeuing(q, event, oldObj, newObj);
      if (s === 'skip') continue;
      this.unschedulable.delete(keyOf(q));
      this.requeue(q, s);
    }
    // remember the event for pods being scheduled right now
    for (const list of this.inFlight.values()) list.push({ event, oldObj, newObj });
  }

  private gatingPluginInterested(q: QueuedPodInfo, event: ClusterEvent): boolean {
    return (this.profileOf(q.podInfo.pod).hints.get(q.gatingPlugin) ?? []).some((h) => matchClusterEvents(h.event, event));
  }

  /** getUnschedulablePodsWithCrossTopologyTerm */
  private unschedulablePodsWithCrossTopologyTerm(pod: Pod): QueuedPodInfo[] {
    if (this.unschedulable.size === 0) return [];
    const pi = new PodInfo(pod);
    const out: QueuedPodInfo[] = [];
    for (const q of this.unschedulable.values()) {
      if (q.unschedulablePlugins.has('PodTopologySpread') && q.podInfo.namespace === pi.namespace) {
        out.push(q);
        continue;
      }
      if (q.podInfo.requiredAffinityTerms.some((t) => t.matches(pi, null))) out.push(q);
    }
    return out;
  }
}
