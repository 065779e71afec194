/**
 * Scheduler framework data types, mirroring k8s.io/kube-scheduler/framework (interface.go, types.go)
 * and pkg/scheduler/framework/types.go (kubernetes v1.35):
 *
 *   Code / Status     — plugin result codes and reasons (Status.Message() = reasons joined by ", ")
 *   Resource          — milliCPU / memory / ephemeral-storage / pods / scalar resources (int64 in Go,
 *                       JS numbers here: exact below 2^53 bytes)
 *   PodInfo           — a pod plus what the plugins pre-compute once: requests, non-zero requests,
 *                       host ports, parsed (anti-)affinity terms
 *   NodeInfo          — a node plus the pods on it, kept incrementally: Requested, NonZeroRequested,
 *                       UsedPorts, PodsWithAffinity, PodsWithRequiredAntiAffinity, ImageStates
 *
 * Everything is synchronous and single-threaded, so NodeInfos are shared, not snapshotted: the
 * scheduling cycle reads the live NodeInfo list the cache maintains.
 */
import type { Node, Pod, PodAffinityTerm, Taint, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { LabelSelectorError, Selector, labelSelectorAsSelector } from '../../api/labels.ts';
import type { Labels } from '../../api/labels.ts';
import { cachedQuantity, fastPodRequests, isPodLevelRequestsSet, isScalarResourceName, nonMissingContainerRequests, podRequests } from '../util/resources.ts';
import type { QuantityMap } from '../util/resources.ts';
import { podPriority } from '../util/corev1.ts';

// ---------------------------------------------------------------------------------------------
// Status (kube-scheduler framework/interface.go)

export const Code = {
  Success: 0,
  Error: 1,
  Unschedulable: 2,
  UnschedulableAndUnresolvable: 3,
  Wait: 4,
  Skip: 5,
  Pending: 6,
} as const;
export type Code = (typeof Code)[keyof typeof Code];

export const CODE_NAMES: readonly string[] = ['Success', 'Error', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Wait', 'Skip', 'Pending'];

/** A plugin result. `null` stands for Go's nil *Status (= Success) on hot paths. */
export class Status {
  readonly code: Code;
  readonly reasons: readonly string[];
  /** The plugin that returned it (Status.Plugin()); set by the framework. */
  readonly plugin: string;
  /** For Code.Error: the underlying error. */
  readonly error: Error | null;

  constructor(code: Code, reasons: readonly string[] = [], plugin = '', error: Error | null = null) {
    this.code = code;
    this.reasons = reasons;
    this.plugin = plugin;
    this.error = error;
  }

  static success(): Status {
    return SUCCESS;
  }

  static unschedulable(...reasons: string[]): Status {
    return new Status(Code.Unschedulable, reasons);
  }

  static unresolvable(...reasons: string[]): Status {
    return new Status(Code.UnschedulableAndUnresolvable, reasons);
  }

  static skip(): Status {
    return SKIP;
  }

  /** fwk.AsStatus(err) */
  static asStatus(err: Error): Status {
    return new Status(Code.Error, [err.message], '', err);
  }

  withPlugin(plugin: string): Status {
    return plugin === this.plugin ? this : new Status(this.code, this.reasons, plugin, this.error);
  }

  /** Status.Message(): reasons joined by ", " */
  message(): string {
    return this.reasons.join(', ');
  }

  codeName(): string {
    return CODE_NAMES[this.code];
  }

  isSuccess(): boolean {
    return this.code === Code.Success;
  }

  isSkip(): boolean {
    return this.code === Code.Skip;
  }

  /** Unschedulable, UnschedulableAndUnresolvable or Pending. */
  isRejected(): boolean {
    return this.code === Code.Unschedulable || this.code === Code.UnschedulableAndUnresolvable || this.code === Code.Pending;
  }

  asError(): Error {
    return this.error ?? new Error(this.message());
  }
}

const SUCCESS = new Status(Code.Success);
const SKIP = new Status(Code.Skip);

export function isSuccess(s: Status | null | undefined): boolean {
  return s == null || s.code === Code.Success;
}

/** fwk.MaxNodeScore / MinNodeScore / MaxTotalScore */
export const MaxNodeScore = 100;
export const MinNodeScore = 0;

// ---------------------------------------------------------------------------------------------
// Resource (framework/types.go)

export class Resource {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  /** Only meaningful for allocatable (the `pods` resource). */
  allowedPodNumber = 0;
  /** hugepages-*, extended resources (example.com/gpu), attachable-volumes-* */
  scalar: Map<string, number> | null = null;

  /** framework.NewResource(rl) / Resource.Add(rl) */
  static fromList(rl: Readonly<Record<string, string | number>> | undefined): Resource {
    const r = new Resource();
    if (rl) for (const k of Object.keys(rl)) r.addQuantity(k, cachedQuantity(rl[k]));
    return r;
  }

  static fromQuantityMap(m: QuantityMap): Resource {
    const r = new Resource();
    for (const [k, q] of m) r.addQuantity(k, q);
    return r;
  }

  private addQuantity(name: string, q: { milliValue(): number; value(): number }): void {
    switch (name) {
      case 'cpu':
        this.milliCPU += q.milliValue();
        break;
      case 'memory':
        this.memory += q.value();
        break;
      case 'pods':
        this.allowedPodNumber += q.value();
        break;
      case 'ephemeral-storage':
        this.ephemeralStorage += q.value();
        break;
      default:
        if (isScalarResourceName(name)) this.addScalar(name, q.value());
    }
  }

  addScalar(name: string, v: number): void {
    if (!this.scalar) this.scalar = new Map();
    this.scalar.set(name, (this.scalar.get(name) ?? 0) + v);
  }

  getScalar(name: string): number {
    return this.scalar?.get(name) ?? 0;
  }

  clone(): Resource {
    const r = new Resource();
    r.milliCPU = this.milliCPU;
    r.memory = this.memory;
    r.ephemeralStorage = this.ephemeralStorage;
    r.allowedPodNumber = this.allowedPodNumber;
    r.scalar = this.scalar ? new Map(this.scalar) : null;
    return r;
  }

  isZero(): boolean {
    if (this.milliCPU !== 0 || this.memory !== 0 || this.ephemeralStorage !== 0) return false;
    if (this.scalar) for (const v of this.scalar.values()) if (v !== 0) return false;
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Affinity terms (framework/types.go AffinityTerm, newAffinityTerm, getNamespacesFromPodAffinityTerm)

export class AffinityTerm {
  namespaces: Set<string>;
  readonly selector: Selector;
  readonly topologyKey: string;
  namespaceSelector: Selector;

  constructor(namespaces: Set<string>, selector: Selector, topologyKey: string, namespaceSelector: Selector) {
    this.namespaces = namespaces;
    this.selector = selector;
    this.topologyKey = topologyKey;
    this.namespaceSelector = namespaceSelector;
  }

  /** AffinityTerm.Matches(pod, nsLabels) */
  matches(pod: PodInfo, nsLabels: Labels): boolean {
    if (this.namespaces.has(pod.namespace) || this.namespaceSelector.matches(nsLabels)) {
      return this.selector.matches(pod.labels);
    }
    return false;
  }
}

export class WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;

  constructor(term: AffinityTerm, weight: number) {
    super(term.namespaces, term.selector, term.topologyKey, term.namespaceSelector);
    this.weight = weight;
  }
}

function newAffinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const selector = labelSelectorAsSelector(term.labelSelector);
  const namespaces = new Set<string>();
  if ((term.namespaces ?? []).length === 0 && term.namespaceSelector == null) namespaces.add(pod.metadata?.namespace ?? 'default');
  else for (const n of term.namespaces ?? []) namespaces.add(n);
  const nsSelector = labelSelectorAsSelector(term.namespaceSelector);
  return new AffinityTerm(namespaces, selector, term.topologyKey, nsSelector);
}

const NO_TERMS: AffinityTerm[] = [];
const NO_WEIGHTED_TERMS: WeightedAffinityTerm[] = [];
const NO_PORTS: HostPort[] = [];
const NO_ERRORS: string[] = [];

function getAffinityTerms(pod: Pod, terms: readonly PodAffinityTerm[] | undefined, errs: string[]): AffinityTerm[] {
  if (!terms || terms.length === 0) return NO_TERMS;
  const out: AffinityTerm[] = [];
  for (const t of terms ?? []) {
    try {
      out.push(newAffinityTerm(pod, t));
    } catch (e) {
      if (e instanceof LabelSelectorError) errs.push(e.message);
      else throw e;
    }
  }
  return out;
}

function getWeightedAffinityTerms(pod: Pod, terms: readonly WeightedPodAffinityTerm[] | undefined, errs: string[]): WeightedAffinityTerm[] {
  if (!terms || terms.length === 0) return NO_WEIGHTED_TERMS;
  const out: WeightedAffinityTerm[] = [];
  for (const t of terms ?? []) {
    try {
      out.push(new WeightedAffinityTerm(newAffinityTerm(pod, t.podAffinityTerm), t.weight));
    } catch (e) {
      if (e instanceof LabelSelectorError) errs.push(e.message);
      else throw e;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Host ports (framework/types.go HostPortInfo, schedutil.GetHostPorts)

export const DefaultBindAllHostIP = '0.0.0.0';

export interface HostPort {
  hostIP: string;
  protocol: string;
  hostPort: number;
}

/** schedutil.GetHostPorts: host ports of containers and of restartable (sidecar) init containers. */
export function getHostPorts(pod: Pod): HostPort[] {
  const ports: HostPort[] = [];
  const spec = pod.spec;
  if (!spec) return ports;
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) ports.push({ hostIP: p.hostIP ?? '', protocol: p.protocol ?? '', hostPort: p.hostPort! });
  }
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) ports.push({ hostIP: p.hostIP ?? '', protocol: p.protocol ?? '', hostPort: p.hostPort! });
  }
  return ports;
}

/** HostPortInfo: ip → set of "PROTOCOL/port" (with a count, so that removal of duplicates is exact). */
export class HostPortInfo {
  private readonly byIP = new Map<string, Map<string, number>>();

  get size(): number {
    return this.byIP.size;
  }

  private static sanitize(ip: string, protocol: string): [string, string] {
    return [ip || DefaultBindAllHostIP, protocol || 'TCP'];
  }

  add(ip: string, protocol: string, port: number): void {
    if (port <= 0) return;
    const [i, p] = HostPortInfo.sanitize(ip, protocol);
    let m = this.byIP.get(i);
    if (!m) this.byIP.set(i, (m = new Map()));
    const k = `${p}/${port}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }

  remove(ip: string, protocol: string, port: number): void {
    if (port <= 0) return;
    const [i, p] = HostPortInfo.sanitize(ip, protocol);
    const m = this.byIP.get(i);
    if (!m) return;
    const k = `${p}/${port}`;
    const n = (m.get(k) ?? 0) - 1;
    if (n > 0) m.set(k, n);
    else m.delete(k);
    if (m.size === 0) this.byIP.delete(i);
  }

  /** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with every IP; a specific IP with itself and 0.0.0.0. */
  checkConflict(ip: string, protocol: string, port: number): boolean {
    if (port <= 0) return false;
    const [i, p] = HostPortInfo.sanitize(ip, protocol);
    const k = `${p}/${port}`;
    if (i === DefaultBindAllHostIP) {
      for (const m of this.byIP.values()) if (m.has(k)) return true;
      return false;
    }
    return (this.byIP.get(DefaultBindAllHostIP)?.has(k) ?? false) || (this.byIP.get(i)?.has(k) ?? false);
  }
}

// ---------------------------------------------------------------------------------------------
// PodInfo

let podInfoSeq = 0;

export class PodInfo {
  readonly pod: Pod;
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  /** "namespace/name", the key the queue and the cache use. */
  readonly key: string;
  readonly labels: Labels;
  readonly priority: number;
  /** Requested resources (CalculateResource().Resource; also NodeResourcesFit's preFilterState). */
  readonly requests: Resource;
  /** Non-zero cpu/memory (defaults 100m / 200Mi for containers that do not request them). */
  readonly non0CPU: number;
  readonly non0Mem: number;
  readonly hostPorts: HostPort[];
  readonly requiredAffinityTerms: AffinityTerm[];
  readonly requiredAntiAffinityTerms: AffinityTerm[];
  readonly preferredAffinityTerms: WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: WeightedAffinityTerm[];
  /** Errors parsing the affinity terms (the API server does not fully validate them). */
  readonly parseErrors: string[];
  /** Stable insertion sequence, used to break ties where Go relies on creation timestamps. */
  readonly seq: number;
  /** podWithAffinity: has pod affinity or anti-affinity (required or preferred). */
  readonly hasAffinity: boolean;
  /** podWithRequiredAntiAffinity */
  readonly hasRequiredAntiAffinity: boolean;
  /** spec.resources.requests sets cpu or memory (pod-level resources) */
  readonly podLevelRequestsSet: boolean;

  constructor(pod: Pod) {
    this.pod = pod;
    const md = pod.metadata ?? {};
    this.name = md.name ?? '';
    this.namespace = md.namespace ?? 'default';
    this.uid = md.uid ?? `${this.namespace}/${this.name}`;
    this.key = `${this.namespace}/${this.name}`;
    this.labels = md.labels;
    this.priority = podPriority(pod);
    this.seq = podInfoSeq++;

    this.podLevelRequestsSet = isPodLevelRequestsSet(pod);
    const fast = this.podLevelRequestsSet ? null : fastPodRequests(pod);
    if (fast) {
      const r = new Resource();
      r.milliCPU = fast.milliCPU;
      r.memory = fast.memory;
      r.ephemeralStorage = fast.ephemeralStorage;
      r.scalar = fast.scalar;
      this.requests = r;
      this.non0CPU = fast.non0CPU;
      this.non0Mem = fast.non0Mem;
    } else {
      const reqs = podRequests(pod);
      this.requests = Resource.fromQuantityMap(reqs);
      const nonMissing = nonMissingContainerRequests(reqs, this.podLevelRequestsSet);
      const non0 = podRequests(pod, { nonMissingContainerRequests: nonMissing });
      this.non0CPU = non0.get('cpu')?.milliValue() ?? 0;
      this.non0Mem = non0.get('memory')?.value() ?? 0;
    }
    const ports = getHostPorts(pod);
    this.hostPorts = ports.length ? ports : NO_PORTS;

    const aff = pod.spec?.affinity;
    if (aff && (aff.podAffinity || aff.podAntiAffinity)) {
      const errs: string[] = [];
      this.requiredAffinityTerms = getAffinityTerms(pod, aff.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, errs);
      this.requiredAntiAffinityTerms = getAffinityTerms(pod, aff.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, errs);
      this.preferredAffinityTerms = getWeightedAffinityTerms(pod, aff.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, errs);
      this.preferredAntiAffinityTerms = getWeightedAffinityTerms(pod, aff.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, errs);
      this.parseErrors = errs.length ? errs : NO_ERRORS;
    } else {
      this.requiredAffinityTerms = NO_TERMS;
      this.requiredAntiAffinityTerms = NO_TERMS;
      this.preferredAffinityTerms = NO_WEIGHTED_TERMS;
      this.preferredAntiAffinityTerms = NO_WEIGHTED_TERMS;
      this.parseErrors = NO_ERRORS;
    }
    this.hasAffinity = !!aff && (aff.podAffinity != null || aff.podAntiAffinity != null);
    this.hasRequiredAntiAffinity = (aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length !== 0;
  }

}

// ---------------------------------------------------------------------------------------------
// Image states

/** fwk.ImageStateSummary: size of an image and on how many nodes it is (shared across NodeInfos). */
export interface ImageStateSummary {
  size: number;
  /** Number of nodes that have the image (kept up to date by the cache). */
  numNodes: number;
}

// ---------------------------------------------------------------------------------------------
// NodeInfo

let generation = 0;

export function nextGeneration(): number {
  return ++generation;
}

export class NodeInfo {
  node: Node;
  name: string;
  readonly pods: PodInfo[] = [];
  readonly podsWithAffinity: PodInfo[] = [];
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];
  readonly usedPorts = new HostPortInfo();
  readonly requested = new Resource();
  readonly nonZeroRequested = new Resource();
  allocatable: Resource;
  /** image name → summary, for each name in node.status.images[].names */
  imageStates: Map<string, ImageStateSummary> = new Map();
  generation: number;

  // Flattened copies of the hottest fields, for the plugins' batch fast paths. Kept in sync by
  // setNode / addPod / removePod; treat as read-only (and call setNode after changing the Node).
  allocMilliCPU = 0;
  allocMemory = 0;
  allocEphemeralStorage = 0;
  allocPods = 0;
  reqMilliCPU = 0;
  reqMemory = 0;
  reqEphemeralStorage = 0;
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  /** requested or allocatable has scalar resources */
  hasScalar = false;
  /** node.spec.unschedulable */
  unschedulable = false;
  /** node.spec.taints when non-empty, else null */
  taints: readonly Taint[] | null = null;
  /** some taint has effect PreferNoSchedule */
  hasPreferNoScheduleTaint = false;
  /**
   * Plugin-private memo of values derived from this node's pods (e.g. how many match a selector),
   * valid while `generation` is unchanged. Keys are namespaced by the plugin.
   */
  memo: Map<string, { generation: number; value: number }> | null = null;

  constructor(node: Node) {
    this.node = node;
    this.name = node.metadata?.name ?? '';
    this.allocatable = Resource.fromList(node.status?.allocatable);
    this.generation = nextGeneration();
    this.syncNode();
  }

  /** NodeInfo.SetNode */
  setNode(node: Node): void {
    this.node = node;
    this.name = node.metadata?.name ?? '';
    this.allocatable = Resource.fromList(node.status?.allocatable);
    this.generation = nextGeneration();
    this.syncNode();
  }

  private syncNode(): void {
    const a = this.allocatable;
    this.allocMilliCPU = a.milliCPU;
    this.allocMemory = a.memory;
    this.allocEphemeralStorage = a.ephemeralStorage;
    this.allocPods = a.allowedPodNumber;
    this.hasScalar = (a.scalar !== null && a.scalar.size > 0) || (this.requested.scalar !== null && this.requested.scalar.size > 0);
    this.unschedulable = !!this.node.spec?.unschedulable;
    const taints = this.node.spec?.taints;
    this.taints = taints && taints.length > 0 ? taints : null;
    this.hasPreferNoScheduleTaint = !!this.taints && this.taints.some((t) => t.effect === 'PreferNoSchedule');
  }

  /** NodeInfo.AddPodInfo */
  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.hasAffinity) this.podsWithAffinity.push(pi);
    if (pi.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(pi);
    this.update(pi, 1);
  }

  /** NodeInfo.RemovePod (by key "ns/name"); returns the removed PodInfo or null. */
  removePod(key: string): PodInfo | null {
    const i = this.pods.findIndex((p) => p.key === key);
    if (i < 0) return null;
    const pi = this.pods[i];
    // swap-remove, as removeFromSlice does
    this.pods[i] = this.pods[this.pods.length - 1];
    this.pods.pop();
    removeFrom(this.podsWithAffinity, key);
    removeFrom(this.podsWithRequiredAntiAffinity, key);
    this.update(pi, -1);
    return pi;
  }

  private update(pi: PodInfo, sign: number): void {
    const r = pi.requests;
    this.requested.milliCPU += sign * r.milliCPU;
    this.requested.memory += sign * r.memory;
    this.requested.ephemeralStorage += sign * r.ephemeralStorage;
    if (r.scalar) for (const [k, v] of r.scalar) this.requested.addScalar(k, sign * v);
    this.nonZeroRequested.milliCPU += sign * pi.non0CPU;
    this.nonZeroRequested.memory += sign * pi.non0Mem;
    this.reqMilliCPU = this.requested.milliCPU;
    this.reqMemory = this.requested.memory;
    this.reqEphemeralStorage = this.requested.ephemeralStorage;
    this.nonZeroMilliCPU = this.nonZeroRequested.milliCPU;
    this.nonZeroMemory = this.nonZeroRequested.memory;
    if (r.scalar) this.hasScalar = true;
    for (const p of pi.hostPorts) {
      if (sign > 0) this.usedPorts.add(p.hostIP, p.protocol, p.hostPort);
      else this.usedPorts.remove(p.hostIP, p.protocol, p.hostPort);
    }
    this.generation = nextGeneration();
  }

  /** A copy whose pod list and sums can be changed independently (NodeInfo.Snapshot); used by preemption. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.node);
    for (const p of this.pods) c.addPod(p);
    c.imageStates = this.imageStates;
    return c;
  }
}

function removeFrom(list: PodInfo[], key: string): void {
  const i = list.findIndex((p) => p.key === key);
  if (i >= 0) {
    list[i] = list[list.length - 1];
    list.pop();
  }
}
