/**
 * TaintToleration (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go, v1.35).
 *
 * Filter: the first NoSchedule/NoExecute taint the pod does not tolerate rejects the node with
 *   UnschedulableAndUnresolvable "node(s) had untolerated taint(s)".
 *   Since v1.35 (and the v1.34/v1.33 patch releases) the reason no longer names the taint:
 *   kubernetes PR #134740 "remove taint values from unschedulable messages in pod status"
 *   (CHANGELOG-1.35: "Pod statuses no longer include specific taint keys or values when scheduling
 *   fails because of untolerated taints"). Up to v1.34.1 it was `node(s) had untolerated taint {k: v}`,
 *   kept here as ErrReasonUntoleratedTaintLegacy for notes that quote older clusters.
 * PreScore/Score: the number of PreferNoSchedule taints not tolerated by the pod's tolerations with
 *   effect PreferNoSchedule or empty; NormalizeScore reversed (fewest intolerable taints → 100).
 */
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { Code, MaxNodeScore, Status } from '../framework/types.ts';
import type { NodeInfo, PodInfo } from '../framework/types.ts';
import { ActionType, QueueingHint } from '../framework/interface.ts';
import type { ClusterEventWithHint, EnqueueExtensions, FilterPlugin, Handle, PreScorePlugin, ScorePlugin } from '../framework/interface.ts';
import { stateKey } from '../framework/cycle_state.ts';
import type { CycleState, StateData } from '../framework/cycle_state.ts';
import { findMatchingUntoleratedTaint, isDoNotScheduleTaint, tolerationsTolerateTaint } from '../util/corev1.ts';
import { defaultNormalizeScore } from './helper/normalize_score.ts';

export const Name = 'TaintToleration';

/** The v1.35 filter reason. */
export const ErrReasonUntoleratedTaint = 'node(s) had untolerated taint(s)';

/** The pre-#134740 reason: `node(s) had untolerated taint {key: value}` (v1.25 – v1.34.1). */
export function ErrReasonUntoleratedTaintLegacy(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

const statusUntolerated = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonUntoleratedTaint], Name);

const preScoreStateKey = stateKey('PreScore' + Name);

class PreScoreState implements StateData {
  readonly tolerationsPreferNoSchedule: Toleration[];
  constructor(t: Toleration[]) {
    this.tolerationsPreferNoSchedule = t;
  }
  clone(): StateData {
    return this;
  }
}

/** getAllTolerationPreferNoSchedule: tolerations with effect PreferNoSchedule or empty (= all effects). */
export function getAllTolerationPreferNoSchedule(tolerations: readonly Toleration[] | undefined): Toleration[] {
  return (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** countIntolerableTaintsPreferNoSchedule */
export function countIntolerableTaintsPreferNoSchedule(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[]): number {
  if (!taints) return 0;
  let n = 0;
  for (const t of taints) {
    if (t.effect !== 'PreferNoSchedule') continue;
    if (!tolerationsTolerateTaint(tolerations, t)) n++;
  }
  return n;
}

export interface TaintTolerationArgs {
  /** Use the pre-v1.35 reason that names the taint (for reproducing older transcripts). */
  legacyReasonWithTaint?: boolean;
}

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = Name;
  private readonly legacy: boolean;
  private readonly handle: Handle | undefined;

  constructor(args: TaintTolerationArgs = {}, h?: Handle) {
    this.legacy = !!args.legacyReasonWithTaint;
    this.handle = h;
  }

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const taints = nodeInfo.taints;
    if (taints === null) return null;
    const taint = findMatchingUntoleratedTaint(taints, pod.pod.spec?.tolerations, isDoNotScheduleTaint);
    if (!taint) return null;
    if (this.legacy) return new Status(Code.UnschedulableAndUnresolvable, [ErrReasonUntoleratedTaintLegacy(taint)], Name);
    return statusUntolerated;
  }

  filterBatch(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], idx: Int32Array, n: number, statuses: (Status | null)[]): number {
    // no node of the cluster has a taint: every node passes
    if (this.handle?.snapshot.nodeFlags?.().taints === false) return n;
    let m = 0;
    for (let k = 0; k < n; k++) {
      const pos = idx[k];
      const ni = nodes[pos];
      const s = ni.taints === null ? null : this.filter(state, pod, ni);
      if (s !== null) statuses[pos] = s;
      else idx[m++] = pos;
    }
    return m;
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    state.write(preScoreStateKey, new PreScoreState(getAllTolerationPreferNoSchedule(pod.pod.spec?.tolerations)));
    return null;
  }

  scoreBatch(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: Float64Array): void {
    for (let i = 0; i < nodes.length; i++) out[i] = nodes[i].hasPreferNoScheduleTaint ? this.score(state, pod, nodes[i]) : 0;
  }

  /**
   * No node has a PreferNoSchedule taint: every raw score is 0 and the reversed normalization
   * (DefaultNormalizeScore(MaxNodeScore, true, …)) makes each MaxNodeScore.
   */
  uniformScore(_state: CycleState, _pod: PodInfo, nodes: readonly NodeInfo[]): number | null {
    if (this.handle?.snapshot.nodeFlags?.().preferNoSchedule !== false) {
      for (let i = 0; i < nodes.length; i++) if (nodes[i].hasPreferNoScheduleTaint) return null;
    }
    return MaxNodeScore;
  }

  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const taints = nodeInfo.taints;
    if (taints === null) return 0;
    const s = state.read<PreScoreState>(preScoreStateKey);
    const tolerations = s ? s.tolerationsPreferNoSchedule : getAllTolerationPreferNoSchedule(pod.pod.spec?.tolerations);
    return countIntolerableTaintsPreferNoSchedule(taints, tolerations);
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, scores: Float64Array): Status | null {
    defaultNormalizeScore(MaxNodeScore, true, scores);
    return null;
  }

  eventsToRegister(): ClusterEventWithHint[] {
    return [
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeTaint }, hint: isSchedulableAfterNodeChange },
      { event: { resource: 'Pod', actionType: ActionType.UpdatePodToleration }, hint: isSchedulableAfterPodTolerationChange },
    ];
  }
}

/** Queue only when the node goes from untolerated (or absent) to tolerated. */
export function isSchedulableAfterNodeChange(pod: Pod, oldObj: unknown, newObj: unknown): QueueingHint {
  const oldNode = oldObj as Node | null | undefined;
  const newNode = newObj as Node;
  const tol = pod.spec?.tolerations;
  const wasUntolerated = oldNode ? findMatchingUntoleratedTaint(oldNode.spec?.taints, tol, isDoNotScheduleTaint) !== null : true;
  const isUntolerated = findMatchingUntoleratedTaint(newNode?.spec?.taints, tol, isDoNotScheduleTaint) !== null;
  return wasUntolerated && !isUntolerated ? QueueingHint.Queue : QueueingHint.QueueSkip;
}

/** A toleration change of the unschedulable pod itself may make it schedulable. */
export function isSchedulableAfterPodTolerationChange(pod: Pod, _oldObj: unknown, newObj: unknown): QueueingHint {
  return (newObj as Pod)?.metadata?.uid === pod.metadata?.uid ? QueueingHint.Queue : QueueingHint.QueueSkip;
}

export function New(h?: Handle, args?: TaintTolerationArgs): TaintToleration {
  return new TaintToleration(args, h);
}
