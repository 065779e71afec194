/**
 * NodeDescriber (k8s.io/kubectl/pkg/describe/describe.go v1.35: describeNode, describeNodeLease,
 * describeNodeResource, getPodsTotalRequestsAndLimits) with resourcehelper.PodRequestsAndLimits
 * (k8s.io/kubectl/pkg/util/resource/resource.go).
 */
import type { KubeObject } from '../../api/object.ts';
import { parseQuantity, Quantity } from '../../api/quantity.ts';
import { type DescribeClient, resourceInfo } from './client.ts';
import { LEVEL_0, LEVEL_1, newPrefixWriter } from './prefixwriter.ts';
import { tabbedString } from './tabwriter.ts';
import { describeEvents, type DescriberSettings, type Obj, printAnnotationsMultiline, printLabelsMultiline, printNodeTaintsMultiline, quantityString, rfc1123z, searchEvents, since } from './util.ts';

type ResourceList = Map<string, Quantity>;

function toList(rl: Record<string, unknown> | undefined): ResourceList {
  const m: ResourceList = new Map();
  for (const [k, v] of Object.entries(rl ?? {})) {
    try {
      m.set(k, parseQuantity(String(v)));
    } catch {
      // invalid quantities do not pass validation
    }
  }
  return m;
}

/** addResourceList */
function addResourceList(list: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) list.set(name, list.has(name) ? list.get(name)!.add(q) : q);
}

/** maxResourceList */
function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const cur = list.get(name);
    if (!cur || q.cmp(cur) > 0) list.set(name, q);
  }
}

function podResources(pod: KubeObject, which: 'requests' | 'limits'): ResourceList {
  const spec = (pod.spec ?? {}) as Obj;
  const out: ResourceList = new Map();
  for (const c of (spec.containers ?? []) as Obj[]) addResourceList(out, toList(c.resources?.[which]));
  const restartable: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of (spec.initContainers ?? []) as Obj[]) {
    let containerRes = toList(c.resources?.[which]);
    if (c.restartPolicy === 'Always') {
      // Sidecars run alongside the app containers and the later init containers.
      addResourceList(out, containerRes);
      addResourceList(restartable, containerRes);
      containerRes = new Map(restartable);
    } else {
      const tmp: ResourceList = new Map();
      addResourceList(tmp, containerRes);
      addResourceList(tmp, restartable);
      containerRes = tmp;
    }
    maxResourceList(initMax, containerRes);
  }
  maxResourceList(out, initMax);
  // Pod-level resources, when set, replace the aggregate for the resources they name.
  for (const [name, q] of toList(spec.resources?.[which])) out.set(name, q);
  if (which === 'requests' && spec.overhead) addResourceList(out, toList(spec.overhead));
  if (which === 'limits' && spec.overhead) {
    for (const [name, q] of toList(spec.overhead)) if (out.has(name)) out.set(name, out.get(name)!.add(q));
  }
  return out;
}

/** resourcehelper.PodRequestsAndLimits */
export function podRequestsAndLimits(pod: KubeObject): [ResourceList, ResourceList] {
  return [podResources(pod, 'requests'), podResources(pod, 'limits')];
}

const ZERO = Quantity.zero();

/** findNodeRoles: sorted, deduplicated. */
export function findNodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function describeNodeByName(client: DescribeClient, name: string, settings: DescriberSettings): string {
  const node = client.get(resourceInfo('nodes'), undefined, name);
  const pods = client.list(resourceInfo('pods'), undefined, { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  let events: KubeObject[] | undefined;
  if (settings.showEvents) {
    // Controllers record node events with node.uid, the kubelet with the node name as uid.
    const ref = { kind: 'Node', name, namespace: '', uid: node.metadata.uid ?? '' };
    events = [...searchEvents(client, ref), ...searchEvents(client, { ...ref, uid: name })];
  }
  let lease: KubeObject | Error;
  try {
    lease = client.get(resourceInfo('leases', 'coordination.k8s.io'), 'kube-node-lease', name);
  } catch (e) {
    lease = e instanceof Error ? e : new Error(String(e));
  }
  return describeNode(node, pods, events, lease, client.now());
}

export function describeNode(node: KubeObject, pods: KubeObject[], events: KubeObject[] | undefined, lease: KubeObject | Error | undefined, nowMs: number): string {
  const spec = (node.spec ?? {}) as Obj;
  const status = (node.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${node.metadata.name ?? ''}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printNodeTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${!!spec.unschedulable}\n`);
    if (lease !== undefined) {
      if (lease instanceof Error) w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease.message}\n`);
      else {
        const ls = (lease.spec ?? {}) as Obj;
        w.write(LEVEL_0, 'Lease:\n');
        w.write(LEVEL_1, `HolderIdentity:\t${ls.holderIdentity ?? '<unset>'}\n`);
        w.write(LEVEL_1, `AcquireTime:\t${ls.acquireTime ? rfc1123z(ls.acquireTime) : '<unset>'}\n`);
        w.write(LEVEL_1, `RenewTime:\t${ls.renewTime ? rfc1123z(ls.renewTime) : '<unset>'}\n`);
      }
    }
    const conds = (status.conditions ?? []) as Obj[];
    if (conds.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) {
        w.write(LEVEL_1, `${c.type ?? ''} \t${c.status ?? ''} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of (status.addresses ?? []) as Obj[]) w.write(LEVEL_1, `${a.type ?? ''}:\t${a.address ?? ''}\n`);
    const printResourceList = (rl: Record<string, unknown>) => {
      for (const k of Object.keys(rl).sort()) w.write(LEVEL_0, `  ${k}:\t${quantityString(rl[k])}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(status.capacity);
    }
    if (Object.keys(status.allocatable ?? {}).length) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(status.allocatable);
    }
    const info = (status.nodeInfo ?? {}) as Obj;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, w, nowMs);
    if (events) describeEvents(events, w, nowMs);
  });
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function pct(n: number, d: number): number {
  return Math.trunc((n / d) * 100);
}

function describeNodeResource(pods: KubeObject[], node: KubeObject, w: ReturnType<typeof newPrefixWriter>, nowMs: number): void {
  const status = (node.status ?? {}) as Obj;
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = toList(Object.keys(status.allocatable ?? {}).length ? status.allocatable : status.capacity);
  const alloc = (k: string) => allocatable.get(k) ?? ZERO;
  for (const pod of pods) {
    const [req, lim] = podRequestsAndLimits(pod);
    const cpuReq = req.get('cpu') ?? ZERO;
    const cpuLim = lim.get('cpu') ?? ZERO;
    const memReq = req.get('memory') ?? ZERO;
    const memLim = lim.get('memory') ?? ZERO;
    const cpuA = alloc('cpu').milliValue();
    const memA = alloc('memory').value();
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${cpuReq.toString()} (${pct(cpuReq.milliValue(), cpuA)}%)\t${cpuLim.toString()} (${pct(cpuLim.milliValue(), cpuA)}%)\t${memReq.toString()} (${pct(memReq.value(), memA)}%)\t${memLim.toString()} (${pct(memLim.value(), memA)}%)\t${since(pod.metadata.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const [r, l] = podRequestsAndLimits(pod);
    addResourceList(reqs, r);
    addResourceList(limits, l);
  }
  const row = (name: string, scale: (q: Quantity) => number) => {
    const r = reqs.get(name) ?? ZERO;
    const l = limits.get(name) ?? ZERO;
    const a = scale(alloc(name));
    const fr = a !== 0 ? pct(scale(r), a) : 0;
    const fl = a !== 0 ? pct(scale(l), a) : 0;
    w.write(LEVEL_1, `${name}\t${r.toString()} (${fr}%)\t${l.toString()} (${fl}%)\n`);
  };
  row('cpu', (q) => q.milliValue());
  row('memory', (q) => q.value());
  row('ephemeral-storage', (q) => q.value());
  const names = [...allocatable.keys()];
  const hugePages = names.filter((n) => n.startsWith('hugepages-')).sort();
  const ext = names.filter((n) => !n.startsWith('hugepages-') && !STANDARD_CONTAINER_RESOURCES.has(n) && n !== 'pods' && !isStandardContainerResourceName(n)).sort();
  for (const n of hugePages) row(n, (q) => q.value());
  for (const n of ext) w.write(LEVEL_1, `${n}\t${(reqs.get(n) ?? ZERO).toString()}\t${(limits.get(n) ?? ZERO).toString()}\n`);
}

/** resourcehelper.IsStandardContainerResourceName: cpu, memory, ephemeral-storage and hugepages-*. */
function isStandardContainerResourceName(n: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.has(n) || n.startsWith('hugepages-');
}
