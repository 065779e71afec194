/**
 * NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go,
 * v1.35): favours nodes whose cpu and memory usage fractions (actual requests, this pod included,
 * each capped at 1) are close: score = trunc((1 − std) × 100), std = |f_cpu − f_mem| / 2 for two
 * resources. PreScore returns Skip for best-effort pods (no requests at all; since v1.33, PR #130260).
 * The v1.36 formula (50 + (50 + with − without)/2, PR #135573) is not in v1.35.
 */
import { Status } from '../framework/types.ts';
import type { NodeInfo, PodInfo } from '../framework/types.ts';
import type { Handle, PreScorePlugin, ScorePlugin } from '../framework/interface.ts';
import { stateKey } from '../framework/cycle_state.ts';
import type { CycleState, StateData } from '../framework/cycle_state.ts';
import { DefaultResourceSpecs, balancedResourceScore, calculatePodResourceRequestList, fillResourceAllocation, isBestEffortPod } from './helper/resource_allocation.ts';
import type { ResourceSpec } from './helper/resource_allocation.ts';

export const Name = 'NodeResourcesBalancedAllocation';

const preScoreStateKey = stateKey('PreScore' + Name);

class PreScoreState implements StateData {
  readonly podRequests: number[];
  constructor(r: number[]) {
    this.podRequests = r;
  }
  clone(): StateData {
    return this;
  }
}

/** NodeResourcesBalancedAllocationArgs */
export interface BalancedAllocationArgs {
  resources?: ResourceSpec[];
}

export class BalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = Name;
  readonly resources: readonly ResourceSpec[];
  private readonly reqBuf: Float64Array;
  private readonly allocBuf: Float64Array;

  constructor(args: BalancedAllocationArgs = {}) {
    this.resources = args.resources ?? DefaultResourceSpecs;
    this.reqBuf = new Float64Array(this.resources.length);
    this.allocBuf = new Float64Array(this.resources.length);
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const podRequests = calculatePodResourceRequestList(pod, this.resources, true);
    // Skip best-effort pods so they are not all piled onto the same node (kubernetes#129138).
    if (isBestEffortPod(podRequests)) return Status.skip();
    state.write(preScoreStateKey, new PreScoreState(podRequests));
    return null;
  }

  scoreBatch(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: Float64Array): void {
    const s = state.read<PreScoreState>(preScoreStateKey);
    const r = this.resources;
    const isDefault = r.length === 2 && r[0].name === 'cpu' && r[1].name === 'memory';
    if (!s || !isDefault) {
      for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, pod, nodes[i]);
      return;
    }
    const cpu = s.podRequests[0];
    const mem = s.podRequests[1];
    for (let i = 0; i < nodes.length; i++) {
      const ni = nodes[i];
      const ac = ni.allocMilliCPU;
      const am = ni.allocMemory;
      if (ac === 0 || am === 0) {
        out[i] = this.score(state, pod, ni);
        continue;
      }
      let fc = (ni.reqMilliCPU + cpu) / ac;
      if (fc > 1) fc = 1;
      let fm = (ni.reqMemory + mem) / am;
      if (fm > 1) fm = 1;
      out[i] = Math.trunc((1 - Math.abs((fc - fm) / 2)) * 100);
    }
  }

  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const s = state.read<PreScoreState>(preScoreStateKey);
    let podReqs: readonly number[];
    if (s) podReqs = s.podRequests;
    else {
      podReqs = calculatePodResourceRequestList(pod, this.resources, true);
      if (isBestEffortPod(podReqs)) return 0;
    }
    fillResourceAllocation(nodeInfo, this.resources, podReqs, true, this.reqBuf, this.allocBuf);
    return balancedResourceScore(this.reqBuf, this.allocBuf, this.resources.length);
  }
}

export function New(_h?: Handle, args?: BalancedAllocationArgs): BalancedAllocation {
  return new BalancedAllocation(args);
}
