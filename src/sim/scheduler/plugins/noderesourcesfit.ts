/**
 * NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go, v1.35).
 *
 * PreFilter: the pod's requests (max of Σcontainers+sidecars and each init container, plus
 *   overhead, pod-level requests if set) — PodInfo.requests.
 * Filter: "Too many pods" when pods+1 > allocatable pods; then for cpu, memory, ephemeral-storage
 *   and each requested scalar resource, "Insufficient <name>" when request > allocatable − requested.
 *   All failing reasons are kept, in that order. The status is Unschedulable, or
 *   UnschedulableAndUnresolvable if some request exceeds the node's whole allocatable (preemption
 *   cannot help there).
 * Score: the scoring strategy, default LeastAllocated over cpu and memory (weight 1 each) with the
 *   non-zero requests (100m / 200Mi for containers without requests):
 *   Σ_r ((alloc_r − req_r) × 100 / alloc_r) × w_r / Σ w_r.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Code, NodeInfo, PodInfo, Resource, Status } from '../framework/types.ts';
import { ActionType, QueueingHint } from '../framework/interface.ts';
import type { ClusterEventWithHint, EnqueueExtensions, FilterPlugin, Handle, PreFilterOutcome, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/interface.ts';
import { stateKey } from '../framework/cycle_state.ts';
import type { CycleState, StateData } from '../framework/cycle_state.ts';
import { isExtendedResourceName } from '../util/resources.ts';
import {
  DefaultResourceSpecs,
  calculatePodResourceRequestList,
  fillResourceAllocation,
  leastRequestedScore,
  mostRequestedScore,
  weightedResourceScore,
} from './helper/resource_allocation.ts';
import type { ResourceSpec } from './helper/resource_allocation.ts';

export const Name = 'NodeResourcesFit';

export const ReasonTooManyPods = 'Too many pods';
export function reasonInsufficient(resource: string): string {
  return `Insufficient ${resource}`;
}

const preFilterStateKey = stateKey('PreFilter' + Name);
const preScoreStateKey = stateKey('PreScore' + Name);

class PreFilterState implements StateData {
  readonly request: Resource;
  constructor(r: Resource) {
    this.request = r;
  }
  clone(): StateData {
    return this;
  }
}

class PreScoreState implements StateData {
  readonly podRequests: number[];
  constructor(r: number[]) {
    this.podRequests = r;
  }
  clone(): StateData {
    return this;
  }
}

/** InsufficientResource */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  /** The request alone exceeds the node's allocatable: preemption cannot help. */
  unresolvable: boolean;
}

export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated';

/** NodeResourcesFitArgs */
export interface NodeResourcesFitArgs {
  ignoredResources?: string[];
  ignoredResourceGroups?: string[];
  scoringStrategy?: { type: ScoringStrategyType; resources?: ResourceSpec[] };
}

/**
 * fitsRequest: what the node lacks for `podRequest`. `ignored*` apply to extended resources only.
 */
export function fitsRequest(
  podRequest: Resource,
  nodeInfo: NodeInfo,
  ignoredResources?: ReadonlySet<string>,
  ignoredResourceGroups?: ReadonlySet<string>,
): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  const allowedPodNumber = alloc.allowedPodNumber;
  if (nodeInfo.pods.length + 1 > allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: ReasonTooManyPods, requested: 1, used: nodeInfo.pods.length, capacity: allowedPodNumber, unresolvable: false });
  }
  if (podRequest.milliCPU === 0 && podRequest.memory === 0 && podRequest.ephemeralStorage === 0 && (!podRequest.scalar || podRequest.scalar.size === 0)) {
    return out;
  }
  if (podRequest.milliCPU > 0 && podRequest.milliCPU > alloc.milliCPU - used.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: podRequest.milliCPU, used: used.milliCPU, capacity: alloc.milliCPU, unresolvable: podRequest.milliCPU > alloc.milliCPU });
  }
  if (podRequest.memory > 0 && podRequest.memory > alloc.memory - used.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', requested: podRequest.memory, used: used.memory, capacity: alloc.memory, unresolvable: podRequest.memory > alloc.memory });
  }
  if (podRequest.ephemeralStorage > 0 && podRequest.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push({
      resourceName: 'ephemeral-storage',
      reason: 'Insufficient ephemeral-storage',
      requested: podRequest.ephemeralStorage,
      used: used.ephemeralStorage,
      capacity: alloc.ephemeralStorage,
      unresolvable: podRequest.ephemeralStorage > alloc.ephemeralStorage,
    });
  }
  if (podRequest.scalar) {
    for (const [name, q] of podRequest.scalar) {
      if (q === 0) continue;
      if (isExtendedResourceName(name)) {
        const prefix = name.split('/')[0];
        if (ignoredResources?.has(name) || ignoredResourceGroups?.has(prefix)) continue;
      }
      const a = alloc.getScalar(name);
      const u = used.getScalar(name);
      if (q > a - u) out.push({ resourceName: name, reason: reasonInsufficient(name), requested: q, used: u, capacity: a, unresolvable: q > a });
    }
  }
  return out;
}

/** noderesources.Fits: the pod's requests against a node (also what kubelet admission uses). */
export function fits(pod: PodInfo, nodeInfo: NodeInfo): InsufficientResource[] {
  return fitsRequest(pod.requests, nodeInfo);
}

function hasRestartableInitContainer(pod: Pod): boolean {
  return (pod.spec?.initContainers ?? []).some((c) => c.restartPolicy === 'Always');
}

export class NodeResourcesFit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = Name;
  readonly resources: readonly ResourceSpec[];
  readonly strategy: ScoringStrategyType;
  private readonly ignoredResources: ReadonlySet<string>;
  private readonly ignoredResourceGroups: ReadonlySet<string>;
  /** SidecarContainers is GA; kept switchable for completeness. */
  enableSidecarContainers = true;
  private readonly reqBuf: Float64Array;
  private readonly allocBuf: Float64Array;
  private readonly perResource: (req: number, cap: number) => number;

  constructor(args: NodeResourcesFitArgs = {}) {
    this.ignoredResources = new Set(args.ignoredResources ?? []);
    this.ignoredResourceGroups = new Set(args.ignoredResourceGroups ?? []);
    this.strategy = args.scoringStrategy?.type ?? 'LeastAllocated';
    this.resources = args.scoringStrategy?.resources ?? DefaultResourceSpecs;
    this.reqBuf = new Float64Array(this.resources.length);
    this.allocBuf = new Float64Array(this.resources.length);
    this.perResource = this.strategy === 'MostAllocated' ? mostRequestedScore : leastRequestedScore;
  }

  preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome | null {
    if (!this.enableSidecarContainers && hasRestartableInitContainer(pod.pod)) {
      return { status: new Status(Code.UnschedulableAndUnresolvable, ['Pod has a restartable init container and the SidecarContainers feature is disabled']) };
    }
    state.write(preFilterStateKey, new PreFilterState(pod.requests));
    return null;
  }

  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(preFilterStateKey);
    const req = s ? s.request : pod.requests;
    // fast path: everything fits (the common case), no allocation
    if (
      nodeInfo.pods.length + 1 <= nodeInfo.allocPods &&
      req.milliCPU <= nodeInfo.allocMilliCPU - nodeInfo.reqMilliCPU &&
      req.memory <= nodeInfo.allocMemory - nodeInfo.reqMemory &&
      req.ephemeralStorage <= nodeInfo.allocEphemeralStorage - nodeInfo.reqEphemeralStorage &&
      !req.scalar
    ) {
      return null;
    }
    const insufficient = fitsRequest(req, nodeInfo, this.ignoredResources, this.ignoredResourceGroups);
    if (insufficient.length === 0) return null;
    let code: Code = Code.Unschedulable;
    const reasons: string[] = [];
    for (const r of insufficient) {
      reasons.push(r.reason);
      if (r.unresolvable) code = Code.UnschedulableAndUnresolvable;
    }
    return new Status(code, reasons, Name);
  }

  filterBatch(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], idx: Int32Array, n: number, statuses: (Status | null)[]): number {
    const st = state.read<PreFilterState>(preFilterStateKey);
    const req = st ? st.request : pod.requests;
    const cpu = req.milliCPU;
    const mem = req.memory;
    const eph = req.ephemeralStorage;
    const simple = !req.scalar;
    let m = 0;
    for (let k = 0; k < n; k++) {
      const pos = idx[k];
      const ni = nodes[pos];
      if (simple && ni.pods.length < ni.allocPods && cpu <= ni.allocMilliCPU - ni.reqMilliCPU && mem <= ni.allocMemory - ni.reqMemory && eph <= ni.allocEphemeralStorage - ni.reqEphemeralStorage) {
        idx[m++] = pos;
        continue;
      }
      const s = this.filter(state, pod, ni);
      if (s !== null) statuses[pos] = s;
      else idx[m++] = pos;
    }
    return m;
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    state.write(preScoreStateKey, new PreScoreState(calculatePodResourceRequestList(pod, this.resources, false)));
    return null;
  }

  /** cpu+memory with weight 1 each (the default): the inlined loop below applies */
  private get defaultResources(): boolean {
    const r = this.resources;
    return r.length === 2 && r[0].name === 'cpu' && r[1].name === 'memory' && r[0].weight === 1 && r[1].weight === 1;
  }

  scoreBatch(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: Float64Array): void {
    const s = state.read<PreScoreState>(preScoreStateKey);
    if (!this.defaultResources || !s) {
      for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, pod, nodes[i]);
      return;
    }
    const cpu = s.podRequests[0];
    const mem = s.podRequests[1];
    const most = this.strategy === 'MostAllocated';
    for (let i = 0; i < nodes.length; i++) {
      const ni = nodes[i];
      const ac = ni.allocMilliCPU;
      const am = ni.allocMemory;
      let sum = 0;
      let w = 0;
      if (ac !== 0) {
        sum += most ? mostRequestedScore(ni.nonZeroMilliCPU + cpu, ac) : leastRequestedScore(ni.nonZeroMilliCPU + cpu, ac);
        w++;
      }
      if (am !== 0) {
        sum += most ? mostRequestedScore(ni.nonZeroMemory + mem, am) : leastRequestedScore(ni.nonZeroMemory + mem, am);
        w++;
      }
      out[i] = w === 0 ? 0 : Math.trunc(sum / w);
    }
  }

  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const s = state.read<PreScoreState>(preScoreStateKey);
    const podReqs = s ? s.podRequests : calculatePodResourceRequestList(pod, this.resources, false);
    fillResourceAllocation(nodeInfo, this.resources, podReqs, false, this.reqBuf, this.allocBuf);
    return weightedResourceScore(this.reqBuf, this.allocBuf, this.resources, this.perResource);
  }

  eventsToRegister(): ClusterEventWithHint[] {
    return [
      { event: { resource: 'Pod', actionType: ActionType.Delete | ActionType.UpdatePodScaleDown }, hint: isSchedulableAfterPodEvent },
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeAllocatable }, hint: isSchedulableAfterNodeChange },
    ];
  }
}

/** A scheduled pod's deletion (or scale-down) may free resources. */
export function isSchedulableAfterPodEvent(pod: Pod, oldObj: unknown, newObj: unknown): QueueingHint {
  const original = oldObj as Pod | null | undefined;
  const modified = newObj as Pod | null | undefined;
  if (!modified) {
    if (!original?.spec?.nodeName && !original?.status?.nominatedNodeName) return QueueingHint.QueueSkip;
    return QueueingHint.Queue;
  }
  if (modified.metadata?.uid === pod.metadata?.uid) return QueueingHint.Queue;
  return modified.spec?.nodeName ? QueueingHint.Queue : QueueingHint.QueueSkip;
}

/** A node (added, or whose allocatable grew) that the pod's requests fit. */
export function isSchedulableAfterNodeChange(pod: Pod, oldObj: unknown, newObj: unknown): QueueingHint {
  const original = oldObj as Node | null | undefined;
  const modified = newObj as Node;
  const pi = new PodInfo(pod);
  if (fits(pi, new NodeInfo(modified)).length !== 0) return QueueingHint.QueueSkip;
  if (!original) return QueueingHint.Queue;
  const before = Resource.fromList(original.status?.allocatable);
  const after = Resource.fromList(modified.status?.allocatable);
  const r = pi.requests;
  if (after.allowedPodNumber > before.allowedPodNumber) return QueueingHint.Queue;
  if (
    (r.milliCPU > 0 && after.milliCPU > before.milliCPU) ||
    (r.memory > 0 && after.memory > before.memory) ||
    (r.ephemeralStorage > 0 && after.ephemeralStorage > before.ephemeralStorage)
  ) {
    return QueueingHint.Queue;
  }
  if (r.scalar) for (const [n, q] of r.scalar) if (q !== 0 && after.getScalar(n) > before.getScalar(n)) return QueueingHint.Queue;
  return QueueingHint.QueueSkip;
}

export function New(_h?: Handle, args?: NodeResourcesFitArgs): NodeResourcesFit {
  return new NodeResourcesFit(args);
}
