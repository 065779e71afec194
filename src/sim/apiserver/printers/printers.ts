/**
 * Server-side printing: the Table a real kube-apiserver returns for `kubectl get`
 * (pkg/printers/internalversion/printers.go). One printer implementation serves the simulator's own
 * kubectl and the HTTP API.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { toCoreEvent } from '../../api/eventsv1.ts';
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { formatLabelSelector } from '../../api/selector.ts';
import { humanDuration, since } from './duration.ts';
import { podRow } from './pod.ts';

export interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: (string | number | boolean)[];
  object: KubeObject;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string };
  columnDefinitions: Column[];
  rows: TableRow[];
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Printer {
  columns: [name: string, priority?: number][];
  row(o: Obj, now: number): (string | number | boolean)[];
}

const none = (s: string | undefined | null) => (s ? s : '<none>');

/** printers.go listWithMoreString: the first 3 joined by commas, then " + N more..."; `empty` when none. */
function listWithMore(list: string[], empty = ''): string {
  if (list.length > 3) return `${list.slice(0, 3).join(',')} + ${list.length - 3} more...`;
  return list.length ? list.join(',') : empty;
}
const age = (o: Obj, now: number) => since(o.metadata?.creationTimestamp, now);

function labelsString(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

function containersAndImages(template: Obj | undefined): [string, string] {
  const cs = (template?.spec?.containers ?? []) as { name: string; image: string }[];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const r = k.slice('node-role.kubernetes.io/'.length);
      if (r) roles.add(r);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function nodeStatus(node: Node): string {
  const conds = node.status?.conditions ?? [];
  const ready = conds.find((c) => c.type === 'Ready');
  const list: string[] = [];
  if (!ready) list.push('Unknown');
  else list.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (node.spec?.unschedulable) list.push('SchedulingDisabled');
  return list.join(',');
}

function servicePorts(ports: Obj[] | undefined): string {
  if (!ports?.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

function externalIP(svc: Obj): string {
  const spec = svc.spec ?? {};
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return spec.externalIPs?.length ? spec.externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ing = (svc.status?.loadBalancer?.ingress ?? []) as Obj[];
      const ips = ing.map((i) => i.ip || i.hostname).filter(Boolean);
      const all = [...ips, ...(spec.externalIPs ?? [])];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '<none>';
  }
  return '<unknown>';
}

const PRINTERS: Record<string, Printer> = {
  pods: {
    columns: [['Name'], ['Ready'], ['Status'], ['Restarts'], ['Age'], ['IP', 1], ['Node', 1], ['Nominated Node', 1], ['Readiness Gates', 1]],
    row(o, now) {
      const r = podRow(o as Pod, now);
      const gates = (o.spec?.readinessGates ?? []) as Obj[];
      const conds = (o.status?.conditions ?? []) as Obj[];
      const readyGates = gates.filter((g) => conds.some((c) => c.type === g.conditionType && c.status === 'True')).length;
      return [o.metadata.name, r.ready, r.status, r.restarts, age(o, now), none(o.status?.podIP), none(o.spec?.nodeName), none(o.status?.nominatedNodeName), gates.length ? `${readyGates}/${gates.length}` : '<none>'];
    },
  },
  nodes: {
    columns: [['Name'], ['Status'], ['Roles'], ['Age'], ['Version'], ['Internal-IP', 1], ['External-IP', 1], ['OS-Image', 1], ['Kernel-Version', 1], ['Container-Runtime', 1]],
    row(o, now) {
      const n = o as Node;
      const addr = (t: string) => n.status?.addresses?.find((a) => a.type === t)?.address ?? '<none>';
      const info = n.status?.nodeInfo;
      return [o.metadata.name, nodeStatus(n), nodeRoles(n), age(o, now), info?.kubeletVersion ?? '', addr('InternalIP'), addr('ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>'];
    },
  },
  namespaces: {
    columns: [['Name'], ['Status'], ['Age']],
    row: (o, now) => [o.metadata.name, o.status?.phase ?? '', age(o, now)],
  },
  services: {
    columns: [['Name'], ['Type'], ['Cluster-IP'], ['External-IP'], ['Port(s)'], ['Age'], ['Selector', 1]],
    row(o, now) {
      const spec = o.spec ?? {};
      const cip = spec.clusterIPs?.[0] ?? spec.clusterIP;
      return [o.metadata.name, spec.type, cip ? cip : '<none>', externalIP(o), servicePorts(spec.ports), age(o, now), labelsString(spec.selector)];
    },
  },
  deployments: {
    columns: [['Name'], ['Ready'], ['Up-to-date'], ['Available'], ['Age'], ['Containers', 1], ['Images', 1], ['Selector', 1]],
    row(o, now) {
      const st = o.status ?? {};
      const [c, i] = containersAndImages(o.spec?.template);
      return [o.metadata.name, `${st.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, st.updatedReplicas ?? 0, st.availableReplicas ?? 0, age(o, now), c, i, formatLabelSelector(o.spec?.selector)];
    },
  },
  replicasets: {
    columns: [['Name'], ['Desired'], ['Current'], ['Ready'], ['Age'], ['Containers', 1], ['Images', 1], ['Selector', 1]],
    row(o, now) {
      const [c, i] = containersAndImages(o.spec?.template);
      return [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, age(o, now), c, i, formatLabelSelector(o.spec?.selector)];
    },
  },
  replicationcontrollers: {
    columns: [['Name'], ['Desired'], ['Current'], ['Ready'], ['Age'], ['Containers', 1], ['Images', 1], ['Selector', 1]],
    row(o, now) {
      const [c, i] = containersAndImages(o.spec?.template);
      return [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, age(o, now), c, i, labelsString(o.spec?.selector)];
    },
  },
  daemonsets: {
    columns: [['Name'], ['Desired'], ['Current'], ['Ready'], ['Up-to-date'], ['Available'], ['Node Selector'], ['Age'], ['Containers', 1], ['Images', 1], ['Selector', 1]],
    row(o, now) {
      const st = o.status ?? {};
      const [c, i] = containersAndImages(o.spec?.template);
      return [o.metadata.name, st.desiredNumberScheduled ?? 0, st.currentNumberScheduled ?? 0, st.numberReady ?? 0, st.updatedNumberScheduled ?? 0, st.numberAvailable ?? 0, labelsString(o.spec?.template?.spec?.nodeSelector), age(o, now), c, i, formatLabelSelector(o.spec?.selector)];
    },
  },
  // printJob: STATUS from the first true condition of Complete, Failed, (deleting) Terminating,
  // Suspended, FailureTarget, SuccessCriteriaMet, else Running; COMPLETIONS succeeded/completions (or
  // "/1", "/1 of P" for work queues); DURATION start → completion, or start → now while it runs.
  jobs: {
    columns: [['Name'], ['Status'], ['Completions'], ['Duration'], ['Age'], ['Containers', 1], ['Images', 1], ['Selector', 1]],
    row(o, now) {
      const spec = o.spec ?? {};
      const st = o.status ?? {};
      const is = (t: string) => ((st.conditions ?? []) as Obj[]).some((c) => c.type === t && c.status === 'True');
      let status = 'Running';
      if (is('Complete')) status = 'Complete';
      else if (is('Failed')) status = 'Failed';
      else if (o.metadata.deletionTimestamp) status = 'Terminating';
      else if (is('Suspended')) status = 'Suspended';
      else if (is('FailureTarget')) status = 'FailureTarget';
      else if (is('SuccessCriteriaMet')) status = 'SuccessCriteriaMet';
      const succeeded = st.succeeded ?? 0;
      let completions = `${succeeded}/1`;
      if (spec.completions !== undefined && spec.completions !== null) completions = `${succeeded}/${spec.completions}`;
      else if ((spec.parallelism ?? 0) > 1) completions = `${succeeded}/1 of ${spec.parallelism}`;
      let duration = '';
      if (st.startTime) duration = humanDuration((st.completionTime ? Date.parse(st.completionTime) : now) - Date.parse(st.startTime));
      const [c, i] = containersAndImages(spec.template);
      return [o.metadata.name, status, completions, duration, age(o, now), c, i, formatLabelSelector(spec.selector)];
    },
  },
  // printCronJob: TIMEZONE and LAST SCHEDULE `<none>` when unset, SUSPEND printBoolPtr, ACTIVE the
  // number of running jobs.
  cronjobs: {
    columns: [['Name'], ['Schedule'], ['Timezone'], ['Suspend'], ['Active'], ['Last Schedule'], ['Age'], ['Containers', 1], ['Images', 1], ['Selector', 1]],
    row(o, now) {
      const spec = o.spec ?? {};
      const suspend = spec.suspend === undefined || spec.suspend === null ? '<unset>' : spec.suspend ? 'True' : 'False';
      const last = o.status?.lastScheduleTime ? since(o.status.lastScheduleTime, now) : '<none>';
      const [c, i] = containersAndImages(spec.jobTemplate?.spec?.template);
      return [o.metadata.name, spec.schedule ?? '', spec.timeZone ?? '<none>', suspend, (o.status?.active ?? []).length, last, age(o, now), c, i, formatLabelSelector(spec.jobTemplate?.spec?.selector)];
    },
  },
  configmaps: {
    columns: [['Name'], ['Data'], ['Age']],
    row: (o, now) => [o.metadata.name, Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length, age(o, now)],
  },
  secrets: {
    columns: [['Name'], ['Type'], ['Data'], ['Age']],
    row: (o, now) => [o.metadata.name, o.type ?? '', Object.keys(o.data ?? {}).length, age(o, now)],
  },
  serviceaccounts: {
    columns: [['Name'], ['Secrets'], ['Age']],
    row: (o, now) => [o.metadata.name, (o.secrets ?? []).length, age(o, now)],
  },
  endpoints: {
    columns: [['Name'], ['Endpoints'], ['Age']],
    // formatEndpoints: `<none>` only without subsets; per subset, port by port, the ready addresses as
    // ip:port (a subset of not-ready addresses alone leaves the cell empty); 3 shown, "+ N more...".
    row(o, now) {
      const subsets = (o.subsets ?? []) as Obj[];
      if (!subsets.length) return [o.metadata.name, '<none>', age(o, now)];
      const eps: string[] = [];
      for (const s of subsets) {
        const addrs = (s.addresses ?? []) as Obj[];
        const ports = (s.ports ?? []) as Obj[];
        if (!ports.length) for (const a of addrs) eps.push(a.ip);
        else for (const p of ports) for (const a of addrs) eps.push(`${a.ip}:${p.port}`);
      }
      return [o.metadata.name, listWithMore(eps), age(o, now)];
    },
  },
  // printEndpointSlice: ADDRESSTYPE, PORTS (port, else name, else *), ENDPOINTS (every address of
  // every endpoint, ready or not), through listWithMoreString (`<unset>` when empty).
  endpointslices: {
    columns: [['Name'], ['AddressType'], ['Ports'], ['Endpoints'], ['Age']],
    row(o, now) {
      const ports = ((o.ports ?? []) as Obj[]).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*'));
      const addrs = ((o.endpoints ?? []) as Obj[]).flatMap((e) => (e.addresses ?? []) as string[]);
      return [o.metadata.name, o.addressType ?? '', listWithMore(ports, '<unset>'), listWithMore(addrs, '<unset>'), age(o, now)];
    },
  },
  resourcequotas: {
    columns: [['Name'], ['Age'], ['Request'], ['Limit']],
    row(o, now) {
      const hard = (o.status?.hard ?? o.spec?.hard ?? {}) as Record<string, string>;
      const used = (o.status?.used ?? {}) as Record<string, string>;
      const req: string[] = [];
      const lim: string[] = [];
      for (const k of Object.keys(hard).sort()) {
        const s = `${k}: ${used[k] ?? '0'}/${hard[k]}`;
        (k.startsWith('limits.') ? lim : req).push(s);
      }
      return [o.metadata.name, age(o, now), req.join(', '), lim.join(', ')];
    },
  },
  // printPriorityClass: VALUE an integer, GLOBAL-DEFAULT a boolean, PREEMPTIONPOLICY after AGE
  // (PreemptLowerPriority when unset).
  priorityclasses: {
    columns: [['Name'], ['Value'], ['Global-Default'], ['Age'], ['PreemptionPolicy']],
    row: (o, now) => [o.metadata.name, o.value ?? 0, o.globalDefault ?? false, age(o, now), o.preemptionPolicy ?? 'PreemptLowerPriority'],
  },
  limitranges: {
    columns: [['Name'], ['Created At']],
    row: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ''],
  },
  events: {
    columns: [['Last Seen'], ['Type'], ['Reason'], ['Object'], ['Subobject', 1], ['Source', 1], ['Message'], ['First Seen', 1], ['Count', 1], ['Name', 1]],
    // printEvent: events written through events.k8s.io have eventTime instead of first/last
    // timestamps, a series instead of a count, and reporting fields instead of a source.
    // An events.k8s.io/v1 Event prints as its core Event (the server prints the internal version of both).
    row(ev, now) {
      const o = toCoreEvent(ev as unknown as KubeObject) as unknown as typeof ev;
      const first = since(o.firstTimestamp ?? o.eventTime, now);
      let last = o.lastTimestamp ? since(o.lastTimestamp, now) : first;
      let count = o.count ?? 0;
      if (o.series) {
        last = since(o.series.lastObservedTime, now);
        count = o.series.count ?? 0;
      } else if (!count) count = 1;
      const io = o.involvedObject ?? {};
      const component = o.source?.component || o.reportingComponent || '';
      const instance = o.source?.host || o.reportingInstance || '';
      const src = instance ? `${component}, ${instance}` : component;
      const target = io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase();
      return [last, o.type ?? '', o.reason ?? '', target, io.fieldPath ?? '', src, String(o.message ?? '').trim(), first, count, o.metadata.name];
    },
  },
};

const DEFAULT_PRINTER: Printer = { columns: [['Name'], ['Age']], row: (o, now) => [o.metadata.name, age(o, now)] };

export function printerFor(info: ResourceInfo): Printer {
  return PRINTERS[info.resource] ?? DEFAULT_PRINTER;
}

export function toTable(info: ResourceInfo, objects: KubeObject[], nowMs: number, resourceVersion?: string): Table {
  const p = printerFor(info);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: p.columns.map(([name, priority = 0]) => ({ name, type: 'string', format: name === 'Name' ? 'name' : '', description: '', priority })),
    rows: objects.map((o) => ({ cells: p.row(o as Obj, nowMs), object: o })),
  };
}
