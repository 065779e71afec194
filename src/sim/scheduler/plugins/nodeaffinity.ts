/**
 * NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go, v1.35).
 *
 * PreFilter: Skip when the pod has neither spec.nodeSelector nor required node affinity (and the
 *   profile adds none). Required terms whose matchFields name nodes (`metadata.name In [...]`)
 *   narrow the cycle to those nodes (PreFilterResult); terms that contradict each other give
 *   UnschedulableAndUnresolvable "pod affinity terms conflict".
 * Filter: UnschedulableAndUnresolvable "node(s) didn't match Pod's node affinity/selector"
 *   (or "node(s) didn't match scheduler-enforced node affinity" for the profile's addedAffinity).
 * PreScore/Score: Σ weight of matching preferred terms; Skip when there are none.
 *   NormalizeScore: DefaultNormalizeScore(100, reverse=false).
 */
import type { Node, NodeAffinity as V1NodeAffinity, Pod } from 'kubernetes-types/core/v1';
import { Code, MaxNodeScore, Status } from '../framework/types.ts';
import type { NodeInfo, PodInfo } from '../framework/types.ts';
import { ActionType, QueueingHint } from '../framework/interface.ts';
import type { ClusterEventWithHint, EnqueueExtensions, FilterPlugin, Handle, PreFilterOutcome, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/interface.ts';
import { stateKey } from '../framework/cycle_state.ts';
import type { CycleState, StateData } from '../framework/cycle_state.ts';
import { NodeSelectorMatcher, PreferredSchedulingTerms, RequiredNodeAffinity } from '../util/corev1.ts';
import { defaultNormalizeScore } from './helper/normalize_score.ts';

export const Name = 'NodeAffinity';

/** ErrReasonPod */
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
/** errReasonEnforced */
export const ErrReasonEnforced = "node(s) didn't match scheduler-enforced node affinity";
/** errReasonConflict */
export const ErrReasonConflict = 'pod affinity terms conflict';

const statusPod = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonPod], Name);
const statusEnforced = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonEnforced], Name);

const preFilterStateKey = stateKey('PreFilter' + Name);
const SKIP = { status: Status.skip() };
const preScoreStateKey = stateKey('PreScore' + Name);

class PreFilterState implements StateData {
  readonly required: RequiredNodeAffinity;
  constructor(r: RequiredNodeAffinity) {
    this.required = r;
  }
  clone(): StateData {
    return this;
  }
}

class PreScoreState implements StateData {
  readonly preferred: PreferredSchedulingTerms | null;
  constructor(p: PreferredSchedulingTerms | null) {
    this.preferred = p;
  }
  clone(): StateData {
    return this;
  }
}

/** NodeAffinityArgs */
export interface NodeAffinityArgs {
  /** Node affinity every pod of the profile must (and prefers to) satisfy. */
  addedAffinity?: V1NodeAffinity;
}

function getPodPreferredNodeAffinity(pod: Pod): PreferredSchedulingTerms | null {
  const p = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return p ? new PreferredSchedulingTerms(p) : null;
}

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = Name;
  private readonly addedNodeSelector: NodeSelectorMatcher | null;
  private readonly addedPrefSchedTerms: PreferredSchedulingTerms | null;

  constructor(args: NodeAffinityArgs = {}) {
    const req = args.addedAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.addedNodeSelector = req ? new NodeSelectorMatcher(req) : null;
    const pref = args.addedAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    this.addedPrefSchedTerms = pref && pref.length ? new PreferredSchedulingTerms(pref) : null;
  }

  preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome | null {
    const affinity = pod.pod.spec?.affinity;
    const required = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    const noNodeAffinity = !required;
    if (noNodeAffinity && !this.addedNodeSelector && pod.pod.spec?.nodeSelector == null) {
      return SKIP;
    }
    state.write(preFilterStateKey, new PreFilterState(new RequiredNodeAffinity(pod.pod)));
    if (noNodeAffinity || (required.nodeSelectorTerms ?? []).length === 0) return null;

    // affinity to specific nodes by name narrows the cycle to them
    let nodeNames: Set<string> | null = null;
    for (const t of required.nodeSelectorTerms) {
      let termNodeNames: Set<string> | null = null;
      for (const r of t.matchFields ?? []) {
        if (r.key === 'metadata.name' && r.operator === 'In') {
          const s = new Set<string>(r.values ?? []);
          if (termNodeNames === null) {
            termNodeNames = s;
          } else {
            const both = new Set<string>();
            for (const n of termNodeNames as Set<string>) if (s.has(n)) both.add(n);
            termNodeNames = both;
          }
        }
      }
      // a term without a node-name field: every node is eligible (terms are ORed)
      if (termNodeNames === null) return null;
      nodeNames = nodeNames === null ? termNodeNames : new Set([...nodeNames, ...termNodeNames]);
    }
    if (nodeNames !== null && nodeNames.size === 0) return { status: new Status(Code.UnschedulableAndUnresolvable, [ErrReasonConflict]) };
    if (nodeNames !== null && nodeNames.size > 0) return { result: nodeNames };
    return null;
  }

  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const node = nodeInfo.node;
    if (this.addedNodeSelector && !this.addedNodeSelector.match(node)) return statusEnforced;
    const s = state.read<PreFilterState>(preFilterStateKey);
    const required = s ? s.required : new RequiredNodeAffinity(pod.pod);
    return required.match(node) ? null : statusPod;
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const preferred = getPodPreferredNodeAffinity(pod.pod);
    if (!preferred && !this.addedPrefSchedTerms) return Status.skip();
    state.write(preScoreStateKey, new PreScoreState(preferred));
    return null;
  }

  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const node = nodeInfo.node;
    let count = 0;
    if (this.addedPrefSchedTerms) count += this.addedPrefSchedTerms.score(node);
    const s = state.read<PreScoreState>(preScoreStateKey);
    const preferred = s ? s.preferred : getPodPreferredNodeAffinity(pod.pod);
    if (preferred) count += preferred.score(node);
    return count;
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, scores: Float64Array): Status | null {
    defaultNormalizeScore(MaxNodeScore, false, scores);
    return null;
  }

  eventsToRegister(): ClusterEventWithHint[] {
    return [{ event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel }, hint: (pod, o, n) => this.isSchedulableAfterNodeChange(pod, o, n) }];
  }

  /** Queue when the added node matches, or an update turns a non-matching node into a matching one. */
  isSchedulableAfterNodeChange(pod: Pod, oldObj: unknown, newObj: unknown): QueueingHint {
    const oldNode = oldObj as Node | null | undefined;
    const newNode = newObj as Node;
    if (this.addedNodeSelector && !this.addedNodeSelector.match(newNode)) return QueueingHint.QueueSkip;
    const req = new RequiredNodeAffinity(pod);
    if (!req.match(newNode)) return QueueingHint.QueueSkip;
    if (!oldNode) return QueueingHint.Queue;
    return req.match(oldNode) ? QueueingHint.QueueSkip : QueueingHint.Queue;
  }
}

export function New(_h?: Handle, args?: NodeAffinityArgs): NodeAffinity {
  return new NodeAffinity(args);
}
