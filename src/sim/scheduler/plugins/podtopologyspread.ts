/**
 * PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread/, v1.35: plugin.go,
 * common.go, filtering.go, scoring.go).
 *
 * Constraints come from pod.spec.topologySpreadConstraints; a pod without any gets the cluster
 * default constraints — with the default `defaultingType: System` these are
 *   {topologyKey: kubernetes.io/hostname, maxSkew: 3, ScheduleAnyway}
 *   {topologyKey: topology.kubernetes.io/zone, maxSkew: 5, ScheduleAnyway}
 * and apply only when the pod belongs to a Service / ReplicationController / ReplicaSet /
 * StatefulSet (their selector counts the siblings, helper.DefaultSelector).
 *
 * Filter (whenUnsatisfiable: DoNotSchedule): skew = matching pods in the node's domain + self
 *   − global minimum (0 if fewer than minDomains domains) must be ≤ maxSkew, else Unschedulable
 *   "node(s) didn't match pod topology spread constraints"; a node without the topology key is
 *   UnschedulableAndUnresolvable "… (missing required label)". Domains count only nodes that match
 *   the pod's node affinity/selector (nodeAffinityPolicy Honor) — taints ignored by default.
 * Score (ScheduleAnyway): Σ_constraints matching × log(domains + 2) + (maxSkew − 1), rounded;
 *   normalised 100 × (max + min − s) / max (fewer matching pods → higher score).
 */
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { LabelSelectorError, Requirement, Selector, labelSelectorAsSelector, selectorFromSet } from '../../api/labels.ts';
import { Code, MaxNodeScore, Status } from '../framework/types.ts';
import type { NodeInfo, PodInfo } from '../framework/types.ts';
import { ActionType, QueueingHint } from '../framework/interface.ts';
import type {
  ClusterEventWithHint,
  EnqueueExtensions,
  FilterPlugin,
  Handle,
  PreFilterExtensions,
  PreFilterOutcome,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
} from '../framework/interface.ts';
import { stateKey } from '../framework/cycle_state.ts';
import type { CycleState, StateData } from '../framework/cycle_state.ts';
import { RequiredNodeAffinity, findMatchingUntoleratedTaint, isDoNotScheduleTaint } from '../util/corev1.ts';
import { defaultSelector } from './helper/spread.ts';

export const Name = 'PodTopologySpread';

/** ErrReasonConstraintsNotMatch */
export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
/** ErrReasonNodeLabelNotMatch */
export const ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + ' (missing required label)';

export const LabelHostname = 'kubernetes.io/hostname';
export const LabelTopologyZone = 'topology.kubernetes.io/zone';

/** systemDefaultConstraints */
export const SystemDefaultConstraints: readonly TopologySpreadConstraint[] = [
  { topologyKey: LabelHostname, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LabelTopologyZone, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

const statusConstraintsNotMatch = new Status(Code.Unschedulable, [ErrReasonConstraintsNotMatch], Name);
const statusNodeLabelNotMatch = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonNodeLabelNotMatch], Name);

const preFilterStateKey = stateKey('PreFilter' + Name);
const SKIP = { status: Status.skip() };
const preScoreStateKey = stateKey('PreScore' + Name);
const MAX_INT32 = 2147483647;

/** topologySpreadConstraint: the internal, parsed constraint. */
export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

/** PodTopologySpreadArgs */
export interface PodTopologySpreadArgs {
  defaultingType?: 'System' | 'List';
  defaultConstraints?: TopologySpreadConstraint[];
}

function matchNodeInclusionPolicies(c: Constraint, pod: Pod, node: Node, required: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.match(node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findMatchingUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, isDoNotScheduleTaint)) return false;
  return true;
}

function nodeLabelsMatchSpreadConstraints(labels: Record<string, string> | undefined, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (!labels || !Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return false;
  return true;
}

/**
 * countPodsMatchSelector on a node, memoised per node generation (the count depends only on the
 * node's pods). `key` identifies (namespace, selector).
 */
function countOnNode(ni: NodeInfo, selector: Selector, ns: string, key: string): number {
  if (ni.pods.length === 0) return 0;
  let m = ni.memo;
  if (m === null) ni.memo = m = new Map();
  const e = m.get(key);
  if (e !== undefined && e.generation === ni.generation) return e.value;
  const value = countPodsMatchSelector(ni.pods, selector, ns);
  if (e !== undefined) {
    e.generation = ni.generation;
    e.value = value;
  } else {
    if (m.size > 64) m.clear();
    m.set(key, { generation: ni.generation, value });
  }
  return value;
}

function selectorKey(selector: Selector, ns: string): string {
  return `PodTopologySpread\u0000${ns}\u0000${selector.nothing ? '<nothing>' : selector.toString()}`;
}

/** countPodsMatchSelector: skips terminating pods and other namespaces. */
export function countPodsMatchSelector(pods: readonly PodInfo[], selector: Selector, ns: string): number {
  let n = 0;
  for (let i = 0; i < pods.length; i++) {
    const p = pods[i];
    if (p.namespace !== ns || p.pod.metadata?.deletionTimestamp) continue;
    if (selector.matches(p.labels)) n++;
  }
  return n;
}

/** Per-domain totals of matching pods over every node, with each node's last counted part. */
interface DomainTotals {
  nodes: readonly NodeInfo[];
  generations: Float64Array;
  values: (string | undefined)[];
  counts: Float64Array;
  totals: Map<string, number>;
}

/** criticalPaths: the two domains with the fewest matching pods. */
class CriticalPaths {
  v0 = '';
  n0 = MAX_INT32;
  v1 = '';
  n1 = MAX_INT32;

  update(tpVal: string, num: number): void {
    let i = -1;
    if (tpVal === this.v0) i = 0;
    else if (tpVal === this.v1) i = 1;
    if (i >= 0) {
      if (i === 0) this.n0 = num;
      else this.n1 = num;
      if (this.n0 > this.n1) {
        [this.v0, this.n0, this.v1, this.n1] = [this.v1, this.n1, this.v0, this.n0];
      }
    } else if (num < this.n0) {
      this.v1 = this.v0;
      this.n1 = this.n0;
      this.v0 = tpVal;
      this.n0 = num;
    } else if (num < this.n1) {
      this.v1 = tpVal;
      this.n1 = num;
    }
  }

  clone(): CriticalPaths {
    const c = new CriticalPaths();
    c.v0 = this.v0;
    c.n0 = this.n0;
    c.v1 = this.v1;
    c.n1 = this.n1;
    return c;
  }
}

export class PreFilterState implements StateData {
  constraints: Constraint[];
  criticalPaths: CriticalPaths[];
  tpValueToMatchNum: Map<string, number>[];

  constructor(constraints: Constraint[], criticalPaths: CriticalPaths[], tp: Map<string, number>[]) {
    this.constraints = constraints;
    this.criticalPaths = criticalPaths;
    this.tpValueToMatchNum = tp;
  }

  /** minMatchNum: the global minimum, 0 when there are fewer eligible domains than minDomains. */
  minMatchNum(i: number, minDomains: number): number {
    if (this.tpValueToMatchNum[i].size < minDomains) return 0;
    return this.criticalPaths[i].n0;
  }

  clone(): StateData {
    return new PreFilterState(
      this.constraints,
      this.criticalPaths.map((c) => c.clone()),
      this.tpValueToMatchNum.map((m) => new Map(m)),
    );
  }
}

class PreScoreState implements StateData {
  constraints: Constraint[] = [];
  ignoredNodes = new Set<string>();
  topologyValueToPodCounts: Map<string, number>[] = [];
  topologyNormalizingWeight: number[] = [];
  selectorKeys: string[] = [];
  clone(): StateData {
    return this;
  }
}

/** topologyNormalizingWeight: log(size + 2). */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** scoreForCount: cnt × weight + (maxSkew − 1). */
export function scoreForCount(cnt: number, maxSkew: number, tpWeight: number): number {
  return cnt * tpWeight + (maxSkew - 1);
}

export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions, PreFilterExtensions {
  readonly name = Name;
  private readonly handle: Handle;
  readonly defaultConstraints: readonly TopologySpreadConstraint[];
  readonly systemDefaulted: boolean;

  constructor(h: Handle, args: PodTopologySpreadArgs = {}) {
    this.handle = h;
    const type = args.defaultingType ?? 'System';
    if (type === 'System') {
      this.defaultConstraints = SystemDefaultConstraints;
      this.systemDefaulted = true;
    } else {
      this.defaultConstraints = args.defaultConstraints ?? [];
      this.systemDefaulted = false;
    }
  }

  /** filterTopologySpreadConstraints: parse the constraints with the given whenUnsatisfiable. */
  filterTopologySpreadConstraints(constraints: readonly TopologySpreadConstraint[], podLabels: Record<string, string> | undefined, action: string): Constraint[] {
    const out: Constraint[] = [];
    for (const c of constraints) {
      if (c.whenUnsatisfiable !== action) continue;
      let selector = labelSelectorAsSelector(c.labelSelector);
      const mlk = c.matchLabelKeys ?? [];
      if (mlk.length > 0 && podLabels) {
        const set: Record<string, string> = {};
        for (const k of mlk) if (Object.prototype.hasOwnProperty.call(podLabels, k)) set[k] = podLabels[k];
        if (Object.keys(set).length > 0) {
          const merged = selectorFromSet(set);
          selector = selector.nothing ? selector : merged.add(...(selector.requirements as Requirement[]));
        }
      }
      out.push({
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        selector,
        minDomains: c.minDomains ?? 1,
        nodeAffinityPolicy: (c.nodeAffinityPolicy as 'Honor' | 'Ignore' | undefined) ?? 'Honor',
        nodeTaintsPolicy: (c.nodeTaintsPolicy as 'Honor' | 'Ignore' | undefined) ?? 'Ignore',
      });
    }
    return out;
  }

  /** buildDefaultConstraints */
  buildDefaultConstraints(pod: Pod, action: string): Constraint[] {
    const constraints = this.filterTopologySpreadConstraints(this.defaultConstraints, pod.metadata?.labels, action);
    if (constraints.length === 0) return [];
    const selector = defaultSelector(pod, this.handle.listers);
    if (selector.empty()) return [];
    for (const c of constraints) c.selector = selector;
    return constraints;
  }

  /** getConstraints (hard: DoNotSchedule) */
  getConstraints(pod: Pod, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
    const tsc = pod.spec?.topologySpreadConstraints ?? [];
    if (tsc.length > 0) return this.filterTopologySpreadConstraints(tsc, pod.metadata?.labels, action);
    return this.buildDefaultConstraints(pod, action);
  }

  // ----- filtering.go

  calPreFilterState(pod: PodInfo, allNodes: readonly NodeInfo[]): PreFilterState {
    const constraints = this.getConstraints(pod.pod, 'DoNotSchedule');
    if (constraints.length === 0) return new PreFilterState([], [], []);
    const tp: Map<string, number>[] = constraints.map(() => new Map());
    const keys = constraints.map((c) => selectorKey(c.selector, pod.namespace));
    const required = new RequiredNodeAffinity(pod.pod);
    for (const ni of allNodes) {
      const node = ni.node;
      const labels = node.metadata?.labels;
      if (!nodeLabelsMatchSpreadConstraints(labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i];
        if (!matchNodeInclusionPolicies(c, pod.pod, node, required)) continue;
        const value = labels![c.topologyKey];
        const count = countOnNode(ni, c.selector, pod.namespace, keys[i]);
        tp[i].set(value, (tp[i].get(value) ?? 0) + count);
      }
    }
    const cps = constraints.map((_, i) => {
      const cp = new CriticalPaths();
      for (const [v, n] of tp[i]) cp.update(v, n);
      return cp;
    });
    return new PreFilterState(constraints, cps, tp);
  }

  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome | null {
    // no hard constraints of its own and no DoNotSchedule default: nothing to filter
    if ((pod.pod.spec?.topologySpreadConstraints ?? []).length === 0 && !this.defaultConstraints.some((c) => c.whenUnsatisfiable === 'DoNotSchedule')) {
      return SKIP;
    }
    let s: PreFilterState;
    try {
      s = this.calPreFilterState(pod, nodes);
    } catch (e) {
      if (e instanceof LabelSelectorError) return { status: Status.asStatus(new Error(`get constraints from pod: ${e.message}`)) };
      throw e;
    }
    if (s.constraints.length === 0) return { status: Status.skip() };
    state.write(preFilterStateKey, s);
    return null;
  }

  preFilterExtensions(): PreFilterExtensions {
    return this;
  }

  private updateWithPod(s: PreFilterState, updated: PodInfo, preemptor: PodInfo, node: Node, delta: number): void {
    if (updated.namespace !== preemptor.namespace) return;
    const labels = node.metadata?.labels;
    if (!nodeLabelsMatchSpreadConstraints(labels, s.constraints)) return;
    const required = new RequiredNodeAffinity(preemptor.pod);
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!c.selector.matches(updated.labels)) continue;
      if (!matchNodeInclusionPolicies(c, preemptor.pod, node, required)) continue;
      const v = labels![c.topologyKey];
      const n = (s.tpValueToMatchNum[i].get(v) ?? 0) + delta;
      s.tpValueToMatchNum[i].set(v, n);
      s.criticalPaths[i].update(v, n);
    }
  }

  addPod(state: CycleState, podToSchedule: PodInfo, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(preFilterStateKey);
    if (s) this.updateWithPod(s, podInfoToAdd, podToSchedule, nodeInfo.node, 1);
    return null;
  }

  removePod(state: CycleState, podToSchedule: PodInfo, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(preFilterStateKey);
    if (s) this.updateWithPod(s, podInfoToRemove, podToSchedule, nodeInfo.node, -1);
    return null;
  }

  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(preFilterStateKey);
    if (!s) return Status.asStatus(new Error(`reading "PreFilter${Name}" from cycleState: not found`));
    if (s.constraints.length === 0) return null;
    const labels = nodeInfo.node.metadata?.labels;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!labels || !Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return statusNodeLabelNotMatch;
      const tpVal = labels[c.topologyKey];
      const minMatchNum = s.minMatchNum(i, c.minDomains);
      const selfMatchNum = c.selector.matches(pod.labels) ? 1 : 0;
      const matchNum = s.tpValueToMatchNum[i].get(tpVal) ?? 0;
      const skew = matchNum + selfMatchNum - minMatchNum;
      if (skew > c.maxSkew) return statusConstraintsNotMatch;
    }
    return null;
  }

  // ----- scoring.go

  preScore(state: CycleState, pod: PodInfo, filteredNodes: readonly NodeInfo[]): Status | null {
    const allNodes = this.handle.snapshot.list();
    if (allNodes.length === 0) return Status.skip();
    const s = new PreScoreState();
    const requireAllTopologies = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0 || !this.systemDefaulted;
    try {
      s.constraints = this.getConstraints(pod.pod, 'ScheduleAnyway');
    } catch (e) {
      if (e instanceof LabelSelectorError) return Status.asStatus(new Error(`calculating preScoreState: ${e.message}`));
      throw e;
    }
    if (s.constraints.length === 0) return Status.skip();
    s.topologyValueToPodCounts = s.constraints.map(() => new Map());
    const topoSize = s.constraints.map(() => 0);
    for (const ni of filteredNodes) {
      const labels = ni.node.metadata?.labels;
      if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(labels, s.constraints)) {
        s.ignoredNodes.add(ni.name);
        continue;
      }
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i];
        if (c.topologyKey === LabelHostname) continue;
        const value = labels?.[c.topologyKey] ?? '';
        if (!s.topologyValueToPodCounts[i].has(value)) {
          s.topologyValueToPodCounts[i].set(value, 0);
          topoSize[i]++;
        }
      }
    }
    s.topologyNormalizingWeight = s.constraints.map((c, i) => {
      const sz = c.topologyKey === LabelHostname ? filteredNodes.length - s.ignoredNodes.size : topoSize[i];
      return topologyNormalizingWeight(sz);
    });
    const required = new RequiredNodeAffinity(pod.pod);
    s.selectorKeys = s.constraints.map((c) => selectorKey(c.selector, pod.namespace));
    // only constraints with candidate domains need the all-node pass (hostname is counted in Score)
    const domainConstraints = s.constraints.map((c, i) => i).filter((i) => s.constraints[i].topologyKey !== LabelHostname && s.topologyValueToPodCounts[i].size > 0);
    // Constraints whose node inclusion does not depend on this pod are summed from per-domain totals
    // kept across cycles (only nodes whose generation changed are recounted); the others node by node.
    const podFree = (c: Constraint) => c.nodeTaintsPolicy !== 'Honor' && (c.nodeAffinityPolicy !== 'Honor' || (!required.labelSelector && !required.nodeSelector));
    const perNode: number[] = [];
    for (const i of domainConstraints) {
      const c = s.constraints[i];
      if (!podFree(c)) {
        perNode.push(i);
        continue;
      }
      const totals = this.domainTotals(allNodes, c, s.selectorKeys[i], pod.namespace, requireAllTopologies ? s.constraints : null);
      const counts = s.topologyValueToPodCounts[i];
      for (const value of counts.keys()) counts.set(value, totals.get(value) ?? 0);
    }
    if (perNode.length > 0) {
      for (const ni of allNodes) {
        const node = ni.node;
        const labels = node.metadata?.labels;
        if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(labels, s.constraints)) continue;
        for (const i of perNode) {
          const c = s.constraints[i];
          const value = labels?.[c.topologyKey] ?? '';
          const counts = s.topologyValueToPodCounts[i];
          const cur = counts.get(value);
          if (cur === undefined) continue; // not a candidate domain
          if (!matchNodeInclusionPolicies(c, pod.pod, node, required)) continue;
          counts.set(value, cur + countOnNode(ni, c.selector, pod.namespace, s.selectorKeys[i]));
        }
      }
    }
    state.write(preScoreStateKey, s);
    return null;
  }

  private totalsMemo = new Map<string, DomainTotals>();

  /**
   * Matching pods per value of `c.topologyKey`, summed over `allNodes` (those carrying every
   * constraint's key when `requireAll` is given): the all-node pass of PreScore for a constraint
   * whose node inclusion is the same for every pod. Kept per (selector, key) and brought up to date
   * by recounting only the nodes whose generation changed since the last cycle.
   */
  private domainTotals(allNodes: readonly NodeInfo[], c: Constraint, selectorKey: string, ns: string, requireAll: readonly Constraint[] | null): Map<string, number> {
    const key = `${selectorKey}\u0000${c.topologyKey}\u0000${requireAll ? requireAll.map((x) => x.topologyKey).join('\u0000') : '*'}`;
    let m = this.totalsMemo.get(key);
    const n = allNodes.length;
    if (!m || m.nodes !== allNodes) {
      if (!m && this.totalsMemo.size >= 16) this.totalsMemo.clear();
      m = { nodes: allNodes, generations: new Float64Array(n).fill(-1), values: new Array<string | undefined>(n), counts: new Float64Array(n), totals: new Map() };
      this.totalsMemo.set(key, m);
    }
    for (let idx = 0; idx < n; idx++) {
      const ni = allNodes[idx];
      if (m.generations[idx] === ni.generation) continue;
      const old = m.values[idx];
      if (old !== undefined) m.totals.set(old, m.totals.get(old)! - m.counts[idx]);
      m.generations[idx] = ni.generation;
      const labels = ni.node.metadata?.labels;
      if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, requireAll)) {
        m.values[idx] = undefined;
        continue;
      }
      const value = labels?.[c.topologyKey] ?? '';
      const count = countOnNode(ni, c.selector, ns, selectorKey);
      m.values[idx] = value;
      m.counts[idx] = count;
      m.totals.set(value, (m.totals.get(value) ?? 0) + count);
    }
    return m.totals;
  }

  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const s = state.read<PreScoreState>(preScoreStateKey);
    if (!s) return 0;
    if (s.ignoredNodes.has(nodeInfo.name)) return 0;
    const labels = nodeInfo.node.metadata?.labels;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      if (!labels || !Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) continue;
      const tpVal = labels[c.topologyKey];
      let cnt: number;
      if (c.topologyKey === LabelHostname) cnt = countOnNode(nodeInfo, c.selector, pod.namespace, s.selectorKeys[i] ?? selectorKey(c.selector, pod.namespace));
      else cnt = s.topologyValueToPodCounts[i].get(tpVal) ?? 0;
      score += scoreForCount(cnt, c.maxSkew, s.topologyNormalizingWeight[i]);
    }
    return Math.round(score);
  }

  normalizeScore(state: CycleState, _pod: PodInfo, scores: Float64Array, nodes: readonly NodeInfo[]): Status | null {
    const s = state.read<PreScoreState>(preScoreStateKey);
    if (!s) return null;
    let minScore = Number.MAX_SAFE_INTEGER;
    let maxScore = 0;
    const invalid = new Uint8Array(scores.length);
    for (let i = 0; i < scores.length; i++) {
      if (s.ignoredNodes.has(nodes[i].name)) {
        invalid[i] = 1;
        continue;
      }
      if (scores[i] < minScore) minScore = scores[i];
      if (scores[i] > maxScore) maxScore = scores[i];
    }
    for (let i = 0; i < scores.length; i++) {
      if (invalid[i]) {
        scores[i] = 0;
        continue;
      }
      if (maxScore === 0) {
        scores[i] = MaxNodeScore;
        continue;
      }
      scores[i] = Math.trunc((MaxNodeScore * (maxScore + minScore - scores[i])) / maxScore);
    }
    return null;
  }

  // ----- queueing hints

  /**
   * EventsToRegister (podtopologyspread/plugin.go, queueing hints on): assigned pods added,
   * relabelled or deleted, the pod's own new tolerations (for NodeTaintsPolicy: Honor), and nodes
   * added, deleted, relabelled or retainted. A pod's status update (UpdatePodOther) is not one.
   */
  eventsToRegister(): ClusterEventWithHint[] {
    return [
      { event: { resource: 'Pod', actionType: ActionType.Add | ActionType.UpdatePodLabel | ActionType.UpdatePodToleration | ActionType.Delete }, hint: (p, o, n) => this.isSchedulableAfterPodChange(p, o, n) },
      {
        event: { resource: 'Node', actionType: ActionType.Add | ActionType.Delete | ActionType.UpdateNodeLabel | ActionType.UpdateNodeTaint },
        hint: (p, o, n) => this.isSchedulableAfterNodeChange(p, o, n),
      },
    ];
  }

  private constraintsForHint(pod: Pod): Constraint[] | null {
    try {
      return this.getConstraints(pod, 'DoNotSchedule');
    } catch {
      return null;
    }
  }

  /** isSchedulableAfterPodChange: only assigned pods of the namespace (or the pod itself) take part. */
  isSchedulableAfterPodChange(pod: Pod, oldObj: unknown, newObj: unknown): QueueingHint {
    const original = oldObj as Pod | null | undefined;
    const modified = newObj as Pod | null | undefined;
    const involved = (p: Pod) => p.metadata?.uid === pod.metadata?.uid || (!!p.spec?.nodeName && (p.metadata?.namespace ?? 'default') === (pod.metadata?.namespace ?? 'default'));
    if ((modified && !involved(modified)) || (original && !involved(original))) return QueueingHint.QueueSkip;
    const constraints = this.constraintsForHint(pod);
    if (!constraints) return QueueingHint.Queue;
    const labelsMatch = (labels: Record<string, string> | undefined) => constraints.some((c) => c.selector.matches(labels));
    if (modified && original) {
      if (modified.metadata?.uid === pod.metadata?.uid && !sameJSON(modified.spec?.tolerations, original.spec?.tolerations) && constraints.some((c) => c.nodeTaintsPolicy === 'Honor')) return QueueingHint.Queue;
      if (sameJSON(sortedLabels(modified.metadata?.labels), sortedLabels(original.metadata?.labels))) return QueueingHint.QueueSkip;
      for (const c of constraints) if (c.selector.matches(original.metadata?.labels) !== c.selector.matches(modified.metadata?.labels)) return QueueingHint.Queue;
      return QueueingHint.QueueSkip;
    }
    if (modified) return labelsMatch(modified.metadata?.labels) ? QueueingHint.Queue : QueueingHint.QueueSkip;
    return original && labelsMatch(original.metadata?.labels) ? QueueingHint.Queue : QueueingHint.QueueSkip;
  }

  /** isSchedulableAfterNodeChange: a node that has (or had) every topology key of the constraints. */
  isSchedulableAfterNodeChange(pod: Pod, oldObj: unknown, newObj: unknown): QueueingHint {
    const original = oldObj as Node | null | undefined;
    const modified = newObj as Node | null | undefined;
    const constraints = this.constraintsForHint(pod);
    if (!constraints) return QueueingHint.Queue;
    const originalMatching = !!original && nodeLabelsMatchSpreadConstraints(original.metadata?.labels, constraints);
    const modifiedMatching = !!modified && nodeLabelsMatchSpreadConstraints(modified.metadata?.labels, constraints);
    if (original && modified) {
      if (originalMatching !== modifiedMatching) return QueueingHint.Queue;
      const keyChanged = constraints.some((c) => original.metadata?.labels?.[c.topologyKey] !== modified.metadata?.labels?.[c.topologyKey]);
      if (modifiedMatching && (keyChanged || !sameJSON(original.spec?.taints, modified.spec?.taints))) return QueueingHint.Queue;
      return QueueingHint.QueueSkip;
    }
    if (modified) return modifiedMatching ? QueueingHint.Queue : QueueingHint.QueueSkip;
    return originalMatching ? QueueingHint.Queue : QueueingHint.QueueSkip;
  }
}

/** equality.Semantic.DeepEqual for the small API values the hints compare (nil and empty alike). */
function sameJSON(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v == null || (Array.isArray(v) && v.length === 0) ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function sortedLabels(l: Record<string, string> | undefined): [string, string][] | null {
  const e = Object.entries(l ?? {});
  return e.length ? e.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : null;
}

export function New(h: Handle, args?: PodTopologySpreadArgs): PodTopologySpread {
  return new PodTopologySpread(h, args);
}
