/**
 * resourceAllocationScorer (pkg/scheduler/framework/plugins/noderesources/resource_allocation.go,
 * v1.35), shared by NodeResourcesFit's scoring strategies and NodeResourcesBalancedAllocation.
 *
 * For each configured resource: allocatable = node allocatable; requested = what the node already
 * has requested (NonZeroRequested for cpu/memory unless useRequested) + this pod's request.
 * Resources the node does not have (allocatable 0) are left out. Extended resources the pod does
 * not request are left out too.
 */
import { Resource } from '../../framework/types.ts';
import type { NodeInfo, PodInfo } from '../../framework/types.ts';
import { NON_ZERO_DEFAULTS, isScalarResourceName, podRequests } from '../../util/resources.ts';

/** config.ResourceSpec */
export interface ResourceSpec {
  name: string;
  weight: number;
}

/** The default resources of both NodeResourcesFit (LeastAllocated) and BalancedAllocation. */
export const DefaultResourceSpecs: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** calculatePodResourceRequestList: cpu in millicores, everything else in units. */
export function calculatePodResourceRequestList(pod: PodInfo, resources: readonly ResourceSpec[], useRequested: boolean): number[] {
  let r: Resource = pod.requests;
  let cpu = r.milliCPU;
  let mem = r.memory;
  if (!useRequested) {
    if (pod.podLevelRequestsSet) {
      // the scorer always applies both defaults, even with pod-level requests
      r = Resource.fromQuantityMap(podRequests(pod.pod, { nonMissingContainerRequests: NON_ZERO_DEFAULTS }));
      cpu = r.milliCPU;
      mem = r.memory;
    } else {
      cpu = pod.non0CPU;
      mem = pod.non0Mem;
    }
  }
  return resources.map((spec) => {
    switch (spec.name) {
      case 'cpu':
        return cpu;
      case 'memory':
        return mem;
      case 'ephemeral-storage':
        return pod.requests.ephemeralStorage;
      default:
        return pod.requests.getScalar(spec.name);
    }
  });
}

export function isBestEffortPod(podRequests: readonly number[]): boolean {
  for (const r of podRequests) if (r !== 0) return false;
  return true;
}

/**
 * Fill `requested`/`allocatable` (length = resources) for one node, as
 * calculateResourceAllocatableRequest does; entries with allocatable 0 stay 0.
 */
export function fillResourceAllocation(
  nodeInfo: NodeInfo,
  resources: readonly ResourceSpec[],
  podReqs: readonly number[],
  useRequested: boolean,
  requested: Float64Array,
  allocatable: Float64Array,
): void {
  const nodeReq = useRequested ? nodeInfo.requested : nodeInfo.nonZeroRequested;
  const alloc = nodeInfo.allocatable;
  for (let i = 0; i < resources.length; i++) {
    const name = resources[i].name;
    const podReq = podReqs[i];
    let a = 0;
    let r = 0;
    if (name === 'cpu') {
      a = alloc.milliCPU;
      r = nodeReq.milliCPU + podReq;
    } else if (name === 'memory') {
      a = alloc.memory;
      r = nodeReq.memory + podReq;
    } else if (name === 'ephemeral-storage') {
      a = alloc.ephemeralStorage;
      r = nodeInfo.requested.ephemeralStorage + podReq;
    } else if (!(podReq === 0 && isScalarResourceName(name)) && alloc.scalar?.has(name)) {
      a = alloc.getScalar(name);
      r = nodeInfo.requested.getScalar(name) + podReq;
    }
    if (a === 0) {
      allocatable[i] = 0;
      requested[i] = 0;
    } else {
      allocatable[i] = a;
      requested[i] = r;
    }
  }
}

/** leastRequestedScore: (capacity - requested) * 100 / capacity, 0 if over capacity. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * 100) / capacity);
}

/** mostRequestedScore: requested * 100 / capacity, requested capped at capacity. */
export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  if (requested > capacity) requested = capacity;
  return Math.trunc((requested * 100) / capacity);
}

/** leastResourceScorer / mostResourceScorer: Σ score×weight / Σ weight over resources the node has. */
export function weightedResourceScore(
  requested: Float64Array,
  allocatable: Float64Array,
  resources: readonly ResourceSpec[],
  per: (req: number, cap: number) => number,
): number {
  let nodeScore = 0;
  let weightSum = 0;
  for (let i = 0; i < resources.length; i++) {
    if (allocatable[i] === 0) continue;
    const w = resources[i].weight;
    nodeScore += per(requested[i], allocatable[i]) * w;
    weightSum += w;
  }
  return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
}

/** balancedResourceScorer (v1.33–v1.35): (1 - std of the usage fractions) × 100. */
export function balancedResourceScore(requested: Float64Array, allocatable: Float64Array, n: number): number {
  let count = 0;
  let total = 0;
  let f0 = 0;
  let f1 = 0;
  for (let i = 0; i < n; i++) {
    if (allocatable[i] === 0) continue;
    let f = requested[i] / allocatable[i];
    if (f > 1) f = 1;
    total += f;
    if (count === 0) f0 = f;
    else if (count === 1) f1 = f;
    count++;
  }
  let std = 0;
  if (count === 2) {
    std = Math.abs((f0 - f1) / 2);
  } else if (count > 2) {
    const mean = total / count;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (allocatable[i] === 0) continue;
      let f = requested[i] / allocatable[i];
      if (f > 1) f = 1;
      sum += (f - mean) * (f - mean);
    }
    std = Math.sqrt(sum / count);
  }
  return Math.trunc((1 - std) * 100);
}
