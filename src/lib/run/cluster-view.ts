/**
 * What the cluster view shows, computed from a session's API objects (in the simulator worker):
 * nodes with their pods, the pods waiting to be scheduled, Services with their endpoints. Plain
 * data (structured-clone friendly); the page renders it as text.
 */
import type { Endpoints, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Session } from '../../sim/session.ts';
import { res } from '../../sim/apiserver/client.ts';
import { podRow } from '../../sim/apiserver/printers/pod.ts';
import { podRequests } from '../../sim/scheduler/util/resources.ts';
import { quantityOf } from '../../sim/api/quantity.ts';

export type PodTone = 'ok' | 'wait' | 'bad' | 'done' | 'gone';

export interface PodView {
  uid: string;
  ns: string;
  name: string;
  /** STATUS as `kubectl get pods` prints it. */
  status: string;
  ready: string;
  restarts: string;
  tone: PodTone;
  node: string;
  /** The owner's kind and name ("ReplicaSet web-5d…"), or "" for a bare pod. */
  owner: string;
  /** The scheduler recorded a decision for it (the "why" view can explain it). */
  explained: boolean;
  /** Static or mirror pod (not placed by the scheduler). */
  mirror: boolean;
}

export interface NodeView {
  name: string;
  /** Ready condition: "True", "False" or "Unknown". */
  ready: string;
  roles: string[];
  unschedulable: boolean;
  taints: string[];
  labels: [string, string][];
  /** milli-CPU, MiB, pods: requested by the pods on it / allocatable. */
  cpu: [number, number];
  memory: [number, number];
  pods: [number, number];
  podList: PodView[];
}

export interface ServiceView {
  ns: string;
  name: string;
  type: string;
  clusterIP: string;
  ports: string;
  selector: string;
  /** Ready endpoint addresses with the pod they point at ("10.244.1.3 (web-…)"). */
  endpoints: string[];
  notReady: number;
}

export interface ClusterView {
  /** Simulated time, ms since the epoch. */
  now: number;
  nodes: NodeView[];
  /** Pods no node was chosen for yet (the scheduling queue). */
  pending: PodView[];
  services: ServiceView[];
  namespaces: string[];
}

/**
 * Names and label keys in byte order, as kubectl sorts them (Go's sort.Strings); also far cheaper
 * than localeCompare, whose collator the first cluster view would otherwise set up.
 */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const milli = (q: unknown) => quantityOf(q as string | number | undefined)?.milliValue() ?? 0;
const mebi = (q: unknown) => Math.round((quantityOf(q as string | number | undefined)?.value() ?? 0) / (1024 * 1024));

export function toneOf(status: string, pod: Pod): PodTone {
  if (pod.metadata?.deletionTimestamp) return 'gone';
  if (status === 'Running') {
    const cs = pod.status?.containerStatuses ?? [];
    return cs.every((c) => c.ready) ? 'ok' : 'wait';
  }
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (/Err|BackOff|Failed|Error|Evicted|OOMKilled|Unknown|Invalid|NodeLost|Init:Error|Init:CrashLoopBackOff/.test(status)) return 'bad';
  return 'wait';
}

export function podView(pod: Pod, now: number, explained: boolean): PodView {
  const row = podRow(pod, now);
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
  const annotations = pod.metadata?.annotations ?? {};
  return {
    uid: pod.metadata?.uid ?? '',
    ns: pod.metadata?.namespace ?? 'default',
    name: pod.metadata?.name ?? '',
    status: row.status,
    ready: row.ready,
    restarts: row.restarts,
    tone: toneOf(row.status, pod),
    node: pod.spec?.nodeName ?? '',
    owner: owner ? `${owner.kind} ${owner.name}` : '',
    explained,
    mirror: 'kubernetes.io/config.mirror' in annotations,
  };
}

function taintText(t: { key: string; value?: string; effect: string }): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

export function clusterView(session: Session): ClusterView {
  const { client, clock, scheduler } = session.cluster;
  const now = clock.now();
  const pods = client.list(res('pods')) as unknown as Pod[];
  const nodes = client.list(res('nodes')) as unknown as Node[];
  const services = client.list(res('services')) as unknown as Service[];
  const endpoints = client.list(res('endpoints')) as unknown as Endpoints[];
  const namespaces = client.list(res('namespaces')).map((n) => n.metadata.name ?? '').sort();

  const byNode = new Map<string, PodView[]>();
  const pending: PodView[] = [];
  const used = new Map<string, { cpu: number; mem: number; pods: number }>();
  for (const pod of pods) {
    const v = podView(pod, now, scheduler.decisions.has(v0(pod)));
    if (!v.node) {
      if (!pod.metadata?.deletionTimestamp) pending.push(v);
      continue;
    }
    (byNode.get(v.node) ?? byNode.set(v.node, []).get(v.node)!).push(v);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const u = used.get(v.node) ?? { cpu: 0, mem: 0, pods: 0 };
    const req = podRequests(pod);
    u.cpu += req.get('cpu')?.milliValue() ?? 0;
    u.mem += Math.round((req.get('memory')?.value() ?? 0) / (1024 * 1024));
    u.pods += 1;
    used.set(v.node, u);
  }
  const byName = (a: { ns: string; name: string }, b: { ns: string; name: string }) => byteOrder(a.ns, b.ns) || byteOrder(a.name, b.name);

  const nodeViews: NodeView[] = nodes
    .map((n) => {
      const name = n.metadata?.name ?? '';
      const labels = n.metadata?.labels ?? {};
      const alloc = n.status?.allocatable ?? {};
      const u = used.get(name) ?? { cpu: 0, mem: 0, pods: 0 };
      const roles = Object.keys(labels)
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length));
      return {
        name,
        ready: n.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown',
        roles,
        unschedulable: !!n.spec?.unschedulable,
        taints: (n.spec?.taints ?? []).map(taintText),
        labels: Object.entries(labels).sort(([a], [b]) => byteOrder(a, b)),
        cpu: [u.cpu, milli(alloc.cpu)] as [number, number],
        memory: [u.mem, mebi(alloc.memory)] as [number, number],
        pods: [u.pods, Number(alloc.pods ?? 0)] as [number, number],
        podList: (byNode.get(name) ?? []).sort(byName),
      };
    })
    .sort((a, b) => Number(b.roles.includes('control-plane')) - Number(a.roles.includes('control-plane')) || byteOrder(a.name, b.name));

  const epByKey = new Map(endpoints.map((e) => [`${e.metadata?.namespace}/${e.metadata?.name}`, e]));
  const serviceViews: ServiceView[] = services
    .map((s) => {
      const ep = epByKey.get(`${s.metadata?.namespace}/${s.metadata?.name}`);
      const ready: string[] = [];
      let notReady = 0;
      for (const sub of ep?.subsets ?? []) {
        for (const a of sub.addresses ?? []) ready.push(a.targetRef?.name ? `${a.ip} (${a.targetRef.name})` : a.ip);
        notReady += (sub.notReadyAddresses ?? []).length;
      }
      return {
        ns: s.metadata?.namespace ?? 'default',
        name: s.metadata?.name ?? '',
        type: s.spec?.type ?? 'ClusterIP',
        clusterIP: s.spec?.clusterIP ?? '',
        ports: (s.spec?.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(', '),
        selector: Object.entries(s.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
        endpoints: ready,
        notReady,
      };
    })
    .sort(byName);

  return { now, nodes: nodeViews, pending: pending.sort(byName), services: serviceViews, namespaces };
}

function v0(pod: Pod): string {
  return pod.metadata?.uid ?? '';
}
