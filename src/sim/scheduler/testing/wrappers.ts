/**
 * Test builders, in the spirit of pkg/scheduler/testing/wrappers.go (st.MakePod(), st.MakeNode()),
 * plus the usual 3-node CKA lab cluster (kubeadm control plane tainted NoSchedule, two workers).
 * Usable by other packages' tests too.
 */
import type { Affinity, Container, ContainerPort, Node, Pod, Taint, Toleration, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { NodeInfo, PodInfo } from '../framework/types.ts';
import { SchedulerCache } from '../framework/cache.ts';

export interface NodeSpec {
  cpu?: string;
  memory?: string;
  pods?: string;
  ephemeralStorage?: string;
  extra?: Record<string, string>;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

export function makeNode(name: string, spec: NodeSpec = {}): Node {
  const allocatable: Record<string, string> = {
    cpu: spec.cpu ?? '2',
    memory: spec.memory ?? '2Gi',
    pods: spec.pods ?? '110',
    ...(spec.ephemeralStorage ? { 'ephemeral-storage': spec.ephemeralStorage } : {}),
    ...(spec.extra ?? {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-node-${name}`,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...(spec.labels ?? {}) },
    },
    spec: { ...(spec.taints ? { taints: spec.taints } : {}), ...(spec.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: { ...allocatable }, allocatable, ...(spec.images ? { images: spec.images } : {}) },
  };
}

export interface PodSpecLite {
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  /** Requests of a single container; use `containers` for more. */
  cpu?: string;
  memory?: string;
  requests?: Record<string, string>;
  containers?: Container[];
  initContainers?: Container[];
  image?: string;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: Affinity;
  ports?: ContainerPort[];
  priority?: number;
  preemptionPolicy?: string;
  topologySpreadConstraints?: TopologySpreadConstraint[];
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
  schedulingGates?: { name: string }[];
  nominatedNodeName?: string;
  startTime?: string;
  phase?: string;
}

export function makePod(name: string, s: PodSpecLite = {}): Pod {
  const requests: Record<string, string> = { ...(s.requests ?? {}) };
  if (s.cpu) requests.cpu = s.cpu;
  if (s.memory) requests.memory = s.memory;
  const containers: Container[] = s.containers ?? [
    {
      name: 'c',
      image: s.image ?? 'nginx',
      ...(Object.keys(requests).length ? { resources: { requests } } : {}),
      ...(s.ports ? { ports: s.ports } : {}),
    },
  ];
  const ns = s.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      uid: s.uid ?? `uid-${ns}-${name}`,
      ...(s.labels ? { labels: s.labels } : {}),
      ...(s.ownerReferences ? { ownerReferences: s.ownerReferences } : {}),
    },
    spec: {
      containers,
      ...(s.initContainers ? { initContainers: s.initContainers } : {}),
      ...(s.nodeName ? { nodeName: s.nodeName } : {}),
      ...(s.nodeSelector ? { nodeSelector: s.nodeSelector } : {}),
      ...(s.tolerations ? { tolerations: s.tolerations } : {}),
      ...(s.affinity ? { affinity: s.affinity } : {}),
      ...(s.priority !== undefined ? { priority: s.priority } : {}),
      ...(s.preemptionPolicy ? { preemptionPolicy: s.preemptionPolicy } : {}),
      ...(s.topologySpreadConstraints ? { topologySpreadConstraints: s.topologySpreadConstraints } : {}),
      ...(s.schedulingGates ? { schedulingGates: s.schedulingGates } : {}),
    },
    status: {
      ...(s.nominatedNodeName ? { nominatedNodeName: s.nominatedNodeName } : {}),
      ...(s.startTime ? { startTime: s.startTime } : {}),
      ...(s.phase ? { phase: s.phase } : {}),
    },
  };
}

/** A NodeInfo with the given pods on it (pods get spec.nodeName). */
export function makeNodeInfo(node: Node, pods: Pod[] = []): NodeInfo {
  const ni = new NodeInfo(node);
  for (const p of pods) ni.addPod(new PodInfo({ ...p, spec: { ...p.spec!, nodeName: node.metadata!.name } }));
  return ni;
}

/** kubeadm's control-plane taint. */
export const ControlPlaneTaint: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

/**
 * The 3-node lab cluster of the notes: `controlplane` (tainted node-role.kubernetes.io/control-plane:NoSchedule)
 * and `node01`, `node02`; 2 CPU / 2Gi / 110 pods each unless overridden.
 */
export function labCluster(spec: NodeSpec = {}): Node[] {
  return [
    makeNode('controlplane', { ...spec, taints: [ControlPlaneTaint], labels: { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } }),
    makeNode('node01', spec),
    makeNode('node02', spec),
  ];
}

/** A SchedulerCache holding the nodes and the (assigned) pods. */
export function cacheWith(nodes: Node[], pods: Pod[] = []): SchedulerCache {
  const c = new SchedulerCache();
  for (const n of nodes) c.addNode(n);
  for (const p of pods) c.addPod(p);
  return c;
}

/** A deterministic RNG for tests: returns the given values in turn (then 0). */
export function fixedRng(values: number[] = []): { intn(n: number): number } {
  let i = 0;
  return { intn: (n: number) => Math.min(values[i++] ?? 0, n - 1) };
}
