/**
 * Plugin interfaces and the cycle-level result types, mirroring k8s.io/kube-scheduler/framework
 * (interface.go, events.go) and pkg/scheduler/framework (types.go: Diagnosis, FitError;
 * NodeToStatus) of kubernetes v1.35.
 *
 * Extension points implemented: PreEnqueue, QueueSort, PreFilter (+AddPod/RemovePod extensions),
 * Filter, PostFilter, PreScore, Score (+NormalizeScore), and EnqueueExtensions (queueing hints).
 * Reserve/Permit/PreBind/Bind are the integrator's business (binding goes through the API server).
 */
import type { Node, Pod, ReplicationController, Service } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CycleState } from './cycle_state.ts';
import { Code, Status } from './types.ts';
import type { NodeInfo, PodInfo } from './types.ts';

// ---------------------------------------------------------------------------------------------
// listers the plugins may consult

/** The node list a cycle runs over (Go: SharedLister.NodeInfos()). */
export interface NodeInfoLister {
  list(): readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  /** Nodes with at least one pod that has (anti-)affinity. */
  havePodsWithAffinityList(): readonly NodeInfo[];
  /** Nodes with at least one pod that has required anti-affinity. */
  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[];
  /** Optional: false when no node has any image state (ImageLocality fast path). */
  hasImageStates?(): boolean;
  /** Optional: what any node of the list has at all (filter / score fast paths for a plain cluster). */
  nodeFlags?(): NodeFlags;
}

/** Cluster-wide facts about the listed nodes' specs. */
export interface NodeFlags {
  /** some node has spec.unschedulable */
  unschedulable: boolean;
  /** some node has a taint */
  taints: boolean;
  /** some node has a PreferNoSchedule taint */
  preferNoSchedule: boolean;
}

/** Informer-backed listers (all optional: without them the dependent behaviour is off). */
export interface ClusterListers {
  /** Services in a namespace (PodTopologySpread system-default constraints). */
  services?(namespace: string): readonly Service[];
  replicationController?(namespace: string, name: string): ReplicationController | undefined;
  replicaSet?(namespace: string, name: string): ReplicaSet | undefined;
  statefulSet?(namespace: string, name: string): StatefulSet | undefined;
  /** Labels of a namespace (inter-pod affinity namespaceSelector). */
  namespaceLabels?(namespace: string): Readonly<Record<string, string>> | undefined;
  /** All namespaces with their labels (resolving namespaceSelector to names). */
  namespaces?(): readonly { name: string; labels?: Readonly<Record<string, string>> }[];
  /** PodDisruptionBudgets (preemption). */
  podDisruptionBudgets?(): readonly PodDisruptionBudget[];
}

/** Pods nominated to a node by preemption (Go: PodNominator). */
export interface PodNominator {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
  /** Fast check: is any pod nominated at all? */
  hasNominatedPods?(): boolean;
}

/** What plugins get at construction (Go: framework.Handle). */
export interface Handle {
  /** The node list of the current cycle; the framework points it at the cycle's nodes. */
  snapshot: NodeInfoLister;
  listers: ClusterListers;
  nominator: PodNominator | null;
  /** Runs the filter plugins (used by preemption). Set by the framework. */
  framework?: FrameworkRunner;
}

/** The subset of the framework runtime a PostFilter plugin needs. */
export interface FrameworkRunner {
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null;
  runPreFilterExtensionAddPod(state: CycleState, podToSchedule: PodInfo, podToAdd: PodInfo, nodeInfo: NodeInfo): Status | null;
  runPreFilterExtensionRemovePod(state: CycleState, podToSchedule: PodInfo, podToRemove: PodInfo, nodeInfo: NodeInfo): Status | null;
}

// ---------------------------------------------------------------------------------------------
// plugin interfaces

export interface Plugin {
  readonly name: string;
}

/** PreFilterResult: nil = all nodes; otherwise only these node names are evaluated. */
export type PreFilterResult = ReadonlySet<string> | null;

export interface PreFilterOutcome {
  result?: PreFilterResult;
  status?: Status | null;
}

export interface PreFilterExtensions {
  addPod(state: CycleState, podToSchedule: PodInfo, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | null;
  removePod(state: CycleState, podToSchedule: PodInfo, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | null;
}

export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: Pod): Status | null;
}

export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfoLike, b: QueuedPodInfoLike): boolean;
}

export interface QueuedPodInfoLike {
  podInfo: PodInfo;
  /** Time the pod was (re-)added to the queue, ms. */
  timestamp: number;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterOutcome | null;
  preFilterExtensions?(): PreFilterExtensions | null;
}

export interface FilterPlugin extends Plugin {
  /** null = Success. */
  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null;
  /**
   * Optional fast path, same result as filter() on each node (not a Kubernetes extension point):
   * for the nodes at positions idx[0..n) of `nodes`, store each failing node's status (plugin set)
   * at statuses[position], compact idx to the passing positions (keeping their order) and return
   * how many passed.
   */
  filterBatch?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], idx: Int32Array, n: number, statuses: (Status | null)[]): number;
}

export interface PostFilterResult {
  /** NominatingMode Override with this node name ("" clears the nomination); null = keep as is. */
  nominatedNodeName: string | null;
  /** Pods that must be deleted for the preemptor to fit (preemption). */
  victims?: readonly Pod[];
}

export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, nodeToStatus: NodeToStatus): { result: PostFilterResult | null; status: Status };
}

export interface PreScorePlugin extends Plugin {
  /** Return Status.skip() to skip this plugin's Score for the cycle. */
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null;
}

export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number;
  /** Optional fast path, same result as score() on each node: out[i] = score of nodes[i]. */
  scoreBatch?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: Float64Array): void;
  /** ScoreExtensions().NormalizeScore, in place over the feasible nodes' scores. */
  normalizeScore?(state: CycleState, pod: PodInfo, scores: Float64Array, nodes: readonly NodeInfo[]): Status | null;
  /**
   * Simulator fast path (no Go counterpart): when Score then NormalizeScore give every node of
   * `nodes` the same value, that value (else null), found without per-node score passes. The
   * runtime adds it to every total; the decision is the one the full passes would give.
   */
  uniformScore?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): number | null;
}

// ---------------------------------------------------------------------------------------------
// cluster events and queueing hints (kube-scheduler framework/events.go, types.go)

export const ActionType = {
  Add: 1 << 0,
  Delete: 1 << 1,
  UpdateNodeAllocatable: 1 << 2,
  UpdateNodeLabel: 1 << 3,
  UpdateNodeTaint: 1 << 4,
  UpdateNodeCondition: 1 << 5,
  UpdateNodeAnnotation: 1 << 6,
  UpdatePodLabel: 1 << 7,
  UpdatePodScaleDown: 1 << 8,
  UpdatePodToleration: 1 << 9,
  UpdatePodSchedulingGatesEliminated: 1 << 10,
  UpdatePodGeneratedResourceClaim: 1 << 11,
  UpdatePodOther: 1 << 12,
  UpdateNodeDeclaredFeature: 1 << 13,
  /** Every update sub-type. */
  Update: ((1 << 14) - 1) & ~((1 << 0) | (1 << 1)),
  All: (1 << 14) - 1,
} as const;

const ACTION_NAMES: [number, string][] = Object.entries(ActionType)
  .filter(([k]) => k !== 'Update' && k !== 'All')
  .map(([k, v]) => [v, k]);

export function actionTypeString(a: number): string {
  if (a === ActionType.All) return 'All';
  if (a === ActionType.Update) return 'Update';
  const parts = ACTION_NAMES.filter(([v]) => (a & v) !== 0).map(([, k]) => k);
  return parts.join('|');
}

/** Pod = any pod event; AssignedPod / UnschedulablePod are what incoming events carry. */
export type EventResource = 'Pod' | 'AssignedPod' | 'UnschedulablePod' | 'Node' | 'PersistentVolume' | 'PersistentVolumeClaim' | 'StorageClass' | 'CSINode' | '*';

export interface ClusterEvent {
  resource: EventResource;
  actionType: number;
  /** Optional label (Go: ClusterEvent.label), e.g. "UnschedulableTimeout". */
  label?: string;
}

export function clusterEventLabel(e: ClusterEvent): string {
  if (e.label) return e.label;
  return `${e.resource}${actionTypeString(e.actionType)}`;
}

export const WildCardEvent: ClusterEvent = { resource: '*', actionType: ActionType.All, label: 'WildCard' };
export const EventUnschedulableTimeout: ClusterEvent = { resource: '*', actionType: ActionType.All, label: 'UnschedulableTimeout' };
export const EventForceActivate: ClusterEvent = { resource: '*', actionType: ActionType.All, label: 'ForceActivate' };

export function isWildCard(e: ClusterEvent): boolean {
  return e.resource === '*' && e.actionType === ActionType.All;
}

/** framework.MatchClusterEvents: is `incoming` the same as or more specific than `registered`? */
export function matchClusterEvents(registered: ClusterEvent, incoming: ClusterEvent): boolean {
  if (isWildCard(registered)) return true;
  const resOk =
    registered.resource === '*' ||
    registered.resource === incoming.resource ||
    (registered.resource === 'Pod' && (incoming.resource === 'AssignedPod' || incoming.resource === 'UnschedulablePod'));
  return resOk && (registered.actionType & incoming.actionType) !== 0 && incoming.actionType <= registered.actionType;
}

export const QueueingHint = { QueueSkip: 0, Queue: 1 } as const;
export type QueueingHint = (typeof QueueingHint)[keyof typeof QueueingHint];

/** QueueingHintFn(pod, oldObj, newObj): may this event make the (rejected) pod schedulable? */
export type QueueingHintFn = (pod: Pod, oldObj: unknown, newObj: unknown) => QueueingHint;

export interface ClusterEventWithHint {
  event: ClusterEvent;
  /** Absent = always Queue. */
  hint?: QueueingHintFn;
}

export interface EnqueueExtensions extends Plugin {
  eventsToRegister(): ClusterEventWithHint[];
}

// ---------------------------------------------------------------------------------------------
// NodeToStatus, Diagnosis, FitError (pkg/scheduler/framework/types.go)

/**
 * Statuses of nodes rejected in PreFilter (via PreFilterResult) or Filter. Nodes that passed are not
 * in it; nodes never evaluated get `absentNodesStatus`.
 */
const DEFAULT_ABSENT = new Status(Code.UnschedulableAndUnresolvable);

export class NodeToStatus {
  private readonly map = new Map<string, Status>();
  private absent: Status;

  constructor(absent: Status = DEFAULT_ABSENT) {
    this.absent = absent;
  }

  get(name: string): Status {
    return this.map.get(name) ?? this.absent;
  }

  getExplicit(name: string): Status | undefined {
    return this.map.get(name);
  }

  set(name: string, s: Status): void {
    this.map.set(name, s);
  }

  get size(): number {
    return this.map.size;
  }

  absentNodesStatus(): Status {
    return this.absent;
  }

  setAbsentNodesStatus(s: Status): void {
    this.absent = s;
  }

  forEachExplicitNode(fn: (name: string, s: Status) => void): void {
    for (const [n, s] of this.map) fn(n, s);
  }

  /** NodesForStatusCode: explicit nodes with the code, plus all absent nodes if the absent status has it. */
  nodesForStatusCode(nodes: NodeInfoLister, code: Code): NodeInfo[] {
    const out: NodeInfo[] = [];
    if (this.absent.code === code) {
      for (const ni of nodes.list()) if (!this.map.has(ni.name)) out.push(ni);
    }
    for (const [n, s] of this.map) {
      if (s.code !== code) continue;
      const ni = nodes.get(n);
      if (ni) out.push(ni);
    }
    return out;
  }
}

export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  /** Plugins that returned Unschedulable or UnschedulableAndUnresolvable. */
  unschedulablePlugins: Set<string>;
  /** Plugins that returned Pending. */
  pendingPlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), pendingPlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
}

/** Diagnosis.AddPluginStatus */
export function addPluginStatus(d: Diagnosis, s: Status): void {
  if (!s.plugin) return;
  if (s.isRejected()) d.unschedulablePlugins.add(s.plugin);
  if (s.code === Code.Pending) d.pendingPlugins.add(s.plugin);
}

/** framework.NoNodeAvailableMsg */
export const NoNodeAvailableMsg = '0/%v nodes are available';

/** Go's sort.Strings: byte-wise comparison (JS `<` compares UTF-16 units; equal for ASCII). */
function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * FitError: no node fits the pod. `message` is FitError.Error() — the text of the FailedScheduling
 * event and the PodScheduled=False condition:
 *   "0/<N> nodes are available: <PreFilterMsg>. <sorted histogram>. <PostFilterMsg>"
 */
export class FitError extends Error {
  readonly pod: Pod;
  readonly numAllNodes: number;
  readonly diagnosis: Diagnosis;

  constructor(pod: Pod, numAllNodes: number, diagnosis: Diagnosis) {
    super();
    this.name = 'FitError';
    this.pod = pod;
    this.numAllNodes = numAllNodes;
    this.diagnosis = diagnosis;
    // computed on read, so a PostFilterMsg set after construction shows up (as in Go's Error())
    Object.defineProperty(this, 'message', { get: () => this.format(), enumerable: false, configurable: true });
  }

  /** The histogram entries "<count> <reason>", sorted as Go's sort.Strings does. */
  histogram(): string[] {
    const reasons = new Map<string, number>();
    const nts = this.diagnosis.nodeToStatus;
    nts.forEachExplicitNode((_, s) => {
      for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    });
    if (nts.size < this.numAllNodes) {
      for (const r of nts.absentNodesStatus().reasons) reasons.set(r, (reasons.get(r) ?? 0) + this.numAllNodes - nts.size);
    }
    return [...reasons].map(([r, n]) => `${n} ${r}`).sort(goStringLess);
  }

  /** FitError.Error() */
  format(): string {
    let msg = `0/${this.numAllNodes} nodes are available:`;
    const pre = this.diagnosis.preFilterMsg;
    if (pre !== '') msg += ` ${pre}.`;
    if (pre === '') {
      const h = this.histogram();
      if (h.length !== 0) msg += ` ${h.join(', ')}.`;
    }
    const post = this.diagnosis.postFilterMsg;
    if (post !== '') msg += ` ${post}`;
    return msg;
  }
}

/** ErrNoNodesAvailable (schedule_one.go) */
export class NoNodesAvailableError extends Error {
  constructor() {
    super('no nodes available to schedule pods');
    this.name = 'NoNodesAvailableError';
  }
}

export type { Node };
