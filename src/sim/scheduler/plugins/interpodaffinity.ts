/**
 * InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity/, v1.35: filtering.go,
 * scoring.go, plugin.go).
 *
 * Filter, in this order:
 *   1. the pod's required podAffinity: every term's topology domain of the node must hold a pod
 *      matching all terms (the first pod of a self-affine series is let through), else
 *      UnschedulableAndUnresolvable "node(s) didn't match pod affinity rules";
 *   2. the pod's required podAntiAffinity: no matching pod in the node's domain, else Unschedulable
 *      "node(s) didn't match pod anti-affinity rules";
 *   3. existing pods' required anti-affinity against this pod, else Unschedulable
 *      "node(s) didn't satisfy existing pods anti-affinity rules".
 *   PreFilter returns Skip when none of these can apply.
 * Score: Σ over existing pods of preferred (anti-)affinity weights in the node's domains (plus the
 *   existing pods' required affinity with hardPodAffinityWeight 1); normalised min–max to 0–100.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Selector } from '../../api/labels.ts';
import type { Labels } from '../../api/labels.ts';
import { AffinityTerm, Code, MaxNodeScore, PodInfo, Status, WeightedAffinityTerm } from '../framework/types.ts';
import type { NodeInfo } from '../framework/types.ts';
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

export const Name = 'InterPodAffinity';

/** ErrReasonExistingAntiAffinityRulesNotMatch */
export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
/** ErrReasonAffinityRulesNotMatch */
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
/** ErrReasonAntiAffinityRulesNotMatch */
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

const statusAffinity = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonAffinityRulesNotMatch], Name);
const statusAntiAffinity = new Status(Code.Unschedulable, [ErrReasonAntiAffinityRulesNotMatch], Name);
const statusExisting = new Status(Code.Unschedulable, [ErrReasonExistingAntiAffinityRulesNotMatch], Name);

const preFilterStateKey = stateKey('PreFilter' + Name);
const SKIP = { status: Status.skip() };
const preScoreStateKey = stateKey('PreScore' + Name);

/** InterPodAffinityArgs */
export interface InterPodAffinityArgs {
  hardPodAffinityWeight?: number;
  ignorePreferredTermsOfExistingPods?: boolean;
}

/** topologyToMatchedTermCount, keyed "key\0value". */
class TopologyCounts {
  readonly m = new Map<string, number>();

  static key(k: string, v: string): string {
    return `${k}\u0000${v}`;
  }

  get(k: string, v: string): number {
    return this.m.get(TopologyCounts.key(k, v)) ?? 0;
  }

  get size(): number {
    return this.m.size;
  }

  /** update: only if the node has the topology key; entries reaching 0 are deleted. */
  update(node: Node, tk: string, value: number): void {
    const labels = node.metadata?.labels;
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, tk)) return;
    const key = TopologyCounts.key(tk, labels[tk]);
    const n = (this.m.get(key) ?? 0) + value;
    if (n === 0) this.m.delete(key);
    else this.m.set(key, n);
  }

  updateWithAffinityTerms(terms: readonly AffinityTerm[], pod: PodInfo, node: Node, value: number): void {
    if (podMatchesAllAffinityTerms(terms, pod)) for (const t of terms) this.update(node, t.topologyKey, value);
  }

  updateWithAntiAffinityTerms(terms: readonly AffinityTerm[], pod: PodInfo, nsLabels: Labels, node: Node, value: number): void {
    for (const t of terms) if (t.matches(pod, nsLabels)) this.update(node, t.topologyKey, value);
  }

  clone(): TopologyCounts {
    const c = new TopologyCounts();
    for (const [k, v] of this.m) c.m.set(k, v);
    return c;
  }
}

/** podMatchesAllAffinityTerms: true iff there are terms and the pod matches all of them. */
function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: PodInfo): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!t.matches(pod, null)) return false;
  return true;
}

class PreFilterState implements StateData {
  existingAntiAffinityCounts = new TopologyCounts();
  affinityCounts = new TopologyCounts();
  antiAffinityCounts = new TopologyCounts();
  requiredAffinityTerms: AffinityTerm[] = [];
  requiredAntiAffinityTerms: AffinityTerm[] = [];
  podInfo!: PodInfo;
  namespaceLabels: Labels = undefined;

  /** updateWithPod (AddPod/RemovePod) */
  updateWithPod(pi: PodInfo, node: Node, multiplier: number): void {
    this.existingAntiAffinityCounts.updateWithAntiAffinityTerms(pi.requiredAntiAffinityTerms, this.podInfo, this.namespaceLabels, node, multiplier);
    this.affinityCounts.updateWithAffinityTerms(this.requiredAffinityTerms, pi, node, multiplier);
    this.antiAffinityCounts.updateWithAntiAffinityTerms(this.requiredAntiAffinityTerms, pi, null, node, multiplier);
  }

  clone(): StateData {
    const c = new PreFilterState();
    c.existingAntiAffinityCounts = this.existingAntiAffinityCounts.clone();
    c.affinityCounts = this.affinityCounts.clone();
    c.antiAffinityCounts = this.antiAffinityCounts.clone();
    c.requiredAffinityTerms = this.requiredAffinityTerms;
    c.requiredAntiAffinityTerms = this.requiredAntiAffinityTerms;
    c.podInfo = this.podInfo;
    c.namespaceLabels = this.namespaceLabels;
    return c;
  }
}

class PreScoreState implements StateData {
  /** topologyKey → value → score */
  topologyScore = new Map<string, Map<string, number>>();
  preferredAffinityTerms: WeightedAffinityTerm[] = [];
  preferredAntiAffinityTerms: WeightedAffinityTerm[] = [];
  namespaceLabels: Labels = undefined;
  clone(): StateData {
    return this;
  }
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, nodeInfo: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size > 0) {
    const labels = nodeInfo.node.metadata?.labels ?? {};
    for (const k of Object.keys(labels)) if (s.existingAntiAffinityCounts.get(k, labels[k]) > 0) return false;
  }
  return true;
}

function satisfyPodAntiAffinity(s: PreFilterState, nodeInfo: NodeInfo): boolean {
  if (s.antiAffinityCounts.size > 0) {
    const labels = nodeInfo.node.metadata?.labels;
    for (const t of s.requiredAntiAffinityTerms) {
      if (labels && Object.prototype.hasOwnProperty.call(labels, t.topologyKey) && s.antiAffinityCounts.get(t.topologyKey, labels[t.topologyKey]) > 0) return false;
    }
  }
  return true;
}

function satisfyPodAffinity(s: PreFilterState, nodeInfo: NodeInfo): boolean {
  let podsExist = true;
  const labels = nodeInfo.node.metadata?.labels;
  for (const t of s.requiredAffinityTerms) {
    if (labels && Object.prototype.hasOwnProperty.call(labels, t.topologyKey)) {
      if (s.affinityCounts.get(t.topologyKey, labels[t.topologyKey]) <= 0) podsExist = false;
    } else {
      // all topology labels must exist on the node
      return false;
    }
  }
  if (!podsExist) {
    // The first pod of a series with affinity to itself: allowed if no pod anywhere matches the
    // terms and the pod matches its own terms.
    return s.affinityCounts.size === 0 && podMatchesAllAffinityTerms(s.requiredAffinityTerms, s.podInfo);
  }
  return true;
}

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions, PreFilterExtensions {
  readonly name = Name;
  private readonly handle: Handle;
  readonly hardPodAffinityWeight: number;
  readonly ignorePreferredTermsOfExistingPods: boolean;

  constructor(h: Handle, args: InterPodAffinityArgs = {}) {
    this.handle = h;
    this.hardPodAffinityWeight = args.hardPodAffinityWeight ?? 1;
    this.ignorePreferredTermsOfExistingPods = args.ignorePreferredTermsOfExistingPods ?? false;
  }

  private namespaceLabels(ns: string): Labels {
    return this.handle.listers.namespaceLabels?.(ns);
  }

  /** mergeAffinityTermNamespacesIfNotEmpty, on a copy (PodInfo terms are shared across cycles). */
  private mergeNamespaces<T extends AffinityTerm>(t: T): T {
    if (t.namespaceSelector.empty()) return t;
    const names = new Set(t.namespaces);
    for (const ns of this.handle.listers.namespaces?.() ?? []) if (t.namespaceSelector.matches(ns.labels)) names.add(ns.name);
    const copy = Object.create(Object.getPrototypeOf(t)) as T;
    Object.assign(copy, t);
    copy.namespaces = names;
    copy.namespaceSelector = Selector.nothing();
    return copy;
  }

  preFilter(state: CycleState, pod: PodInfo, allNodes: readonly NodeInfo[]): PreFilterOutcome | null {
    if (pod.parseErrors.length) {
      return { status: new Status(Code.UnschedulableAndUnresolvable, [`parsing pod: ${pod.parseErrors.join(', ')}`]) };
    }
    // nothing can apply: no terms of its own and no existing pod with required anti-affinity
    if (pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0 && this.handle.snapshot.havePodsWithRequiredAntiAffinityList().length === 0) {
      return SKIP;
    }
    const s = new PreFilterState();
    s.podInfo = pod;
    s.requiredAffinityTerms = pod.requiredAffinityTerms.map((t) => this.mergeNamespaces(t));
    s.requiredAntiAffinityTerms = pod.requiredAntiAffinityTerms.map((t) => this.mergeNamespaces(t));
    s.namespaceLabels = this.namespaceLabels(pod.namespace);

    // existing pods' required anti-affinity that matches the incoming pod
    for (const ni of this.handle.snapshot.havePodsWithRequiredAntiAffinityList()) {
      for (const existing of ni.podsWithRequiredAntiAffinity) {
        s.existingAntiAffinityCounts.updateWithAntiAffinityTerms(existing.requiredAntiAffinityTerms, pod, s.namespaceLabels, ni.node, 1);
      }
    }
    // existing pods matching the incoming pod's required (anti-)affinity
    if (s.requiredAffinityTerms.length || s.requiredAntiAffinityTerms.length) {
      for (const ni of allNodes) {
        for (const existing of ni.pods) {
          s.affinityCounts.updateWithAffinityTerms(s.requiredAffinityTerms, existing, ni.node, 1);
          s.antiAffinityCounts.updateWithAntiAffinityTerms(s.requiredAntiAffinityTerms, existing, null, ni.node, 1);
        }
      }
    }
    if (s.existingAntiAffinityCounts.size === 0 && s.requiredAffinityTerms.length === 0 && s.requiredAntiAffinityTerms.length === 0) {
      return { status: Status.skip() };
    }
    state.write(preFilterStateKey, s);
    return null;
  }

  preFilterExtensions(): PreFilterExtensions {
    return this;
  }

  addPod(state: CycleState, _podToSchedule: PodInfo, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | null {
    state.read<PreFilterState>(preFilterStateKey)?.updateWithPod(podInfoToAdd, nodeInfo.node, 1);
    return null;
  }

  removePod(state: CycleState, _podToSchedule: PodInfo, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    state.read<PreFilterState>(preFilterStateKey)?.updateWithPod(podInfoToRemove, nodeInfo.node, -1);
    return null;
  }

  filter(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(preFilterStateKey);
    if (!s) return Status.asStatus(new Error(`error reading "PreFilter${Name}" from cycleState: not found`));
    if (!satisfyPodAffinity(s, nodeInfo)) return statusAffinity;
    if (!satisfyPodAntiAffinity(s, nodeInfo)) return statusAntiAffinity;
    if (!satisfyExistingPodsAntiAffinity(s, nodeInfo)) return statusExisting;
    return null;
  }

  // ----- scoring.go

  private processTerm(topoScore: Map<string, Map<string, number>>, term: AffinityTerm, weight: number, pod: PodInfo, nsLabels: Labels, node: Node, multiplier: number): void {
    if (!term.matches(pod, nsLabels)) return;
    const labels = node.metadata?.labels;
    if (!labels || !Object.prototype.hasOwnProperty.call(labels, term.topologyKey)) return;
    let m = topoScore.get(term.topologyKey);
    if (!m) topoScore.set(term.topologyKey, (m = new Map()));
    const v = labels[term.topologyKey];
    m.set(v, (m.get(v) ?? 0) + weight * multiplier);
  }

  private processExistingPod(s: PreScoreState, existing: PodInfo, node: Node, incoming: PodInfo, topoScore: Map<string, Map<string, number>>): void {
    if (!node.metadata?.labels || Object.keys(node.metadata.labels).length === 0) return;
    for (const t of s.preferredAffinityTerms) this.processTerm(topoScore, t, t.weight, existing, null, node, 1);
    for (const t of s.preferredAntiAffinityTerms) this.processTerm(topoScore, t, t.weight, existing, null, node, -1);
    if (this.hardPodAffinityWeight > 0) {
      for (const t of existing.requiredAffinityTerms) this.processTerm(topoScore, t, this.hardPodAffinityWeight, incoming, s.namespaceLabels, node, 1);
    }
    for (const t of existing.preferredAffinityTerms) this.processTerm(topoScore, t, t.weight, incoming, s.namespaceLabels, node, 1);
    for (const t of existing.preferredAntiAffinityTerms) this.processTerm(topoScore, t, t.weight, incoming, s.namespaceLabels, node, -1);
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const aff = pod.pod.spec?.affinity;
    const hasPreferredAffinity = (aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
    const hasPreferredAnti = (aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
    const hasConstraints = hasPreferredAffinity || hasPreferredAnti;
    if (this.ignorePreferredTermsOfExistingPods && !hasConstraints) return Status.skip();
    const nodes = hasConstraints ? this.handle.snapshot.list() : this.handle.snapshot.havePodsWithAffinityList();
    if (nodes.length === 0) return Status.skip();
    const s = new PreScoreState();
    s.preferredAffinityTerms = pod.preferredAffinityTerms.map((t) => this.mergeNamespaces(t));
    s.preferredAntiAffinityTerms = pod.preferredAntiAffinityTerms.map((t) => this.mergeNamespaces(t));
    s.namespaceLabels = this.namespaceLabels(pod.namespace);
    for (const ni of nodes) {
      const podsToProcess = hasConstraints ? ni.pods : ni.podsWithAffinity;
      for (const existing of podsToProcess) this.processExistingPod(s, existing, ni.node, pod, s.topologyScore);
    }
    if (s.topologyScore.size === 0) return Status.skip();
    state.write(preScoreStateKey, s);
    return null;
  }

  score(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): number {
    const s = state.read<PreScoreState>(preScoreStateKey);
    if (!s) return 0;
    const labels = nodeInfo.node.metadata?.labels;
    if (!labels) return 0;
    let score = 0;
    for (const [tpKey, values] of s.topologyScore) {
      if (Object.prototype.hasOwnProperty.call(labels, tpKey)) score += values.get(labels[tpKey]) ?? 0;
    }
    return score;
  }

  normalizeScore(state: CycleState, _pod: PodInfo, scores: Float64Array): Status | null {
    const s = state.read<PreScoreState>(preScoreStateKey);
    if (!s || s.topologyScore.size === 0) return null;
    let minCount = Infinity;
    let maxCount = -Infinity;
    for (const sc of scores) {
      if (sc > maxCount) maxCount = sc;
      if (sc < minCount) minCount = sc;
    }
    const diff = maxCount - minCount;
    for (let i = 0; i < scores.length; i++) {
      scores[i] = diff > 0 ? Math.trunc(MaxNodeScore * ((scores[i] - minCount) / diff)) : 0;
    }
    return null;
  }

  // ----- queueing hints

  eventsToRegister(): ClusterEventWithHint[] {
    return [
      { event: { resource: 'Pod', actionType: ActionType.Add | ActionType.UpdatePodLabel | ActionType.Delete }, hint: (p, o, n) => this.isSchedulableAfterPodChange(p, o, n) },
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeLabel }, hint: (p, o, n) => this.isSchedulableAfterNodeChange(p, o, n) },
    ];
  }

  isSchedulableAfterPodChange(pod: Pod, oldObj: unknown, newObj: unknown): QueueingHint {
    const target = new PodInfo(pod);
    const original = oldObj as Pod | null | undefined;
    const modified = newObj as Pod | null | undefined;
    if (modified && modified.metadata?.uid === pod.metadata?.uid) return QueueingHint.Queue;
    const nsLabels = this.namespaceLabels(target.namespace);
    for (const p of [original, modified]) {
      if (!p) continue;
      const pi = new PodInfo(p);
      for (const t of target.requiredAffinityTerms) if (t.matches(pi, null)) return QueueingHint.Queue;
      for (const t of target.requiredAntiAffinityTerms) if (t.matches(pi, null)) return QueueingHint.Queue;
      for (const t of pi.requiredAntiAffinityTerms) if (t.matches(target, nsLabels)) return QueueingHint.Queue;
    }
    return QueueingHint.QueueSkip;
  }

  isSchedulableAfterNodeChange(pod: Pod, _oldObj: unknown, newObj: unknown): QueueingHint {
    const target = new PodInfo(pod);
    const node = newObj as Node;
    const labels = node?.metadata?.labels ?? {};
    const terms = [...target.requiredAffinityTerms, ...target.requiredAntiAffinityTerms];
    if (terms.length === 0) return QueueingHint.Queue;
    for (const t of terms) if (Object.prototype.hasOwnProperty.call(labels, t.topologyKey)) return QueueingHint.Queue;
    return QueueingHint.QueueSkip;
  }
}

export function New(h: Handle, args?: InterPodAffinityArgs): InterPodAffinity {
  return new InterPodAffinity(h, args);
}
