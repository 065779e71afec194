/**
 * PodDescriber and the pieces other describers reuse (DescribePodTemplate, describeContainers,
 * describeVolumes, DescribeProbe), ported from k8s.io/kubectl/pkg/describe/describe.go (v1.35);
 * QoS from k8s.io/kubectl/pkg/util/qos/qos.go, resource env values from
 * k8s.io/kubectl/pkg/util/resource (ExtractContainerResourceValue).
 */
import type { KubeObject } from '../../api/object.ts';
import { parseQuantity, type Quantity } from '../../api/quantity.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { type DescribeClient, resourceInfo } from './client.ts';
import { goSort } from './gosort.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, newNestedPrefixWriter, newPrefixWriter, type PrefixWriter } from './prefixwriter.ts';
import { tabbedString } from './tabwriter.ts';
import {
  describeEvents,
  formatLabelSelector,
  goSlice,
  intOrString,
  type DescriberSettings,
  type Obj,
  printAnnotationsMultiline,
  printBool,
  printController,
  printLabelsMultiline,
  printPodTolerationsMultiline,
  quantityString,
  rfc1123z,
  searchEvents,
  since,
  stringOrNone,
} from './util.ts';

// ---- PodDescriber ------------------------------------------------------------------------------

export function describePodByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  let pod: KubeObject;
  try {
    pod = client.get(resourceInfo('pods'), namespace, name);
  } catch (err) {
    if (settings.showEvents && err instanceof ApiError) {
      // The pod is gone but its events may not be.
      let events: KubeObject[] = [];
      try {
        events = client.list(resourceInfo('events'), namespace, { fieldSelector: `involvedObject.name=${name},involvedObject.namespace=${namespace}` });
      } catch {
        events = [];
      }
      if (events.length > 0) {
        return tabbedString((out) => {
          const w = newPrefixWriter(out);
          w.write(LEVEL_0, `Pod '${name}': error '${err.message}', but found events.\n`);
          describeEvents(events, w, client.now());
        });
      }
    }
    throw err;
  }
  let events: KubeObject[] | undefined;
  if (settings.showEvents) {
    // ref.Kind is cleared for pods; a mirror pod's events are about the static pod (its config hash).
    const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'];
    events = searchEvents(client, { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', uid: mirror !== undefined ? mirror : (pod.metadata.uid ?? '') });
  }
  return describePod(pod, events, client.now());
}

export function describePod(pod: KubeObject, events: KubeObject[] | undefined, nowMs: number): string {
  const spec = (pod.spec ?? {}) as Obj;
  const status = (pod.status ?? {}) as Obj;
  const meta = pod.metadata;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, nowMs)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIPs(status, w, '');
    const controlledBy = printController(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(spec.resources, w, LEVEL_1);
    }
    const resolver = envValueRetriever(pod);
    if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolver, w, '');
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, resolver, w, '');
    if (spec.ephemeralContainers?.length) describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, resolver, w, '');
    if (spec.readinessGates?.length) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates as Obj[]) {
        const c = ((status.conditions ?? []) as Obj[]).find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions as Obj[]) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${getPodQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printPodTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (events) describeEvents(events, w, nowMs);
  });
}

function describePodIPs(status: Obj, w: PrefixWriter, space: string): void {
  const ips = (status.podIPs ?? []) as Obj[];
  if (ips.length === 0) {
    w.write(LEVEL_0, `${space}IPs:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}IPs:\n`);
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip ?? ''}\n`);
}

function describeTopologySpreadConstraints(tscs: Obj[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs?.length) return;
  const sorted = goSort([...tscs], (a, b) => (a.topologyKey ?? '') < (b.topologyKey ?? ''));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((tsc, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    w.write(LEVEL_0, `${tsc.topologyKey ?? ''}:`);
    w.write(LEVEL_0, `${tsc.whenUnsatisfiable ?? ''}`);
    w.write(LEVEL_0, ` when max skew ${tsc.maxSkew ?? 0} is exceeded`);
    if (tsc.labelSelector) w.write(LEVEL_0, ` for selector ${formatLabelSelector(tsc.labelSelector)}`);
    w.write(LEVEL_0, '\n');
  });
}

// ---- QoS ---------------------------------------------------------------------------------------

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** qos.GetPodQOS: status.qosClass when set, else ComputePodQOS. */
export function getPodQOS(pod: KubeObject): string {
  const st = (pod.status ?? {}) as Obj;
  if (st.qosClass) return st.qosClass;
  return computePodQOS(pod);
}

function computePodQOS(pod: KubeObject): string {
  const spec = (pod.spec ?? {}) as Obj;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  const zero = parseQuantity('0');
  let isGuaranteed = true;
  const add = (m: Map<string, Quantity>, name: string, q: Quantity) => m.set(name, m.has(name) ? q.add(m.get(name)!) : q);
  const scan = (res: Obj | undefined) => {
    for (const [name, v] of Object.entries((res?.requests ?? {}) as Record<string, string>)) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q = parseQuantity(String(v));
      if (q.cmp(zero) === 1) add(requests, name, q);
    }
    const found = new Set<string>();
    for (const [name, v] of Object.entries((res?.limits ?? {}) as Record<string, string>)) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q = parseQuantity(String(v));
      if (q.cmp(zero) === 1) {
        found.add(name);
        add(limits, name, q);
      }
    }
    if (!found.has('memory') || !found.has('cpu')) isGuaranteed = false;
  };
  if (spec.resources) scan(spec.resources);
  else for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])] as Obj[]) scan(c.resources);
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

// ---- containers --------------------------------------------------------------------------------

export type EnvVarResolver = (e: Obj) => string;

/**
 * EnvValueRetriever: a fieldRef is resolved through kubectl's scheme, which only knows the default
 * field label conversion (metadata.name, metadata.namespace); any other path prints empty.
 */
export function envValueRetriever(pod: KubeObject): EnvVarResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath;
    if (path === 'metadata.name') return pod.metadata.name ?? '';
    if (path === 'metadata.namespace') return pod.metadata.namespace ?? '';
    return '';
  };
}

export function describeContainers(label: string, containers: Obj[], statuses: Obj[] | undefined, resolver: EnvVarResolver | undefined, w: PrefixWriter, space: string): void {
  const byName = new Map<string, Obj>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const st = byName.get(c.name);
    describeContainerBasicInfo(c, st, space, w);
    describeContainerCommand(c, w);
    if (st) describeContainerState(st, w);
    describeResources(c.resources, w, LEVEL_2);
    describeContainerProbe(c, w);
    if (c.envFrom?.length) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

function describeContainerBasicInfo(c: Obj, st: Obj | undefined, space: string, w: PrefixWriter): void {
  const nameIndent = space ? ' ' : '';
  w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
  if (st) w.write(LEVEL_2, `Container ID:\t${st.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (st) w.write(LEVEL_2, `Image ID:\t${st.imageID ?? ''}\n`);
  const ports = ((c.ports ?? []) as Obj[]).map((p) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(', ');
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = ((c.ports ?? []) as Obj[]).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function describeContainerCommand(c: Obj, w: PrefixWriter): void {
  if (c.command?.length) {
    w.write(LEVEL_2, 'Command:\n');
    for (const s of c.command as string[]) for (const line of String(s).split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
  if (c.args?.length) {
    w.write(LEVEL_2, 'Args:\n');
    for (const s of c.args as string[]) for (const line of String(s).split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

/** describeResources: Limits then Requests, resource names sorted. */
export function describeResources(res: Obj | undefined, w: PrefixWriter, level: number): void {
  if (!res) return;
  const limits = (res.limits ?? {}) as Record<string, unknown>;
  const requests = (res.requests ?? {}) as Record<string, unknown>;
  const lk = Object.keys(limits).sort();
  if (lk.length) w.write(level, 'Limits:\n');
  for (const k of lk) w.write(level + 1, `${k}:\t${quantityString(limits[k])}\n`);
  const rk = Object.keys(requests).sort();
  if (rk.length) w.write(level, 'Requests:\n');
  for (const k of rk) w.write(level + 1, `${k}:\t${quantityString(requests[k])}\n`);
}

function describeContainerState(st: Obj, w: PrefixWriter): void {
  describeStatus('State', st.state ?? {}, w);
  if (st.lastState?.terminated) describeStatus('Last State', st.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(st.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${st.restartCount ?? 0}\n`);
}

function describeStatus(stateName: string, state: Obj, w: PrefixWriter): void {
  if (state.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeContainerProbe(c: Obj, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/** net.JoinHostPort */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** DescribeProbe */
export function describeProbe(p: Obj): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec ${goSlice(p.exec.command)} ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const scheme = String(h.scheme ?? '').toLowerCase();
    const port = h.port === undefined || h.port === null ? '' : intOrString(h.port);
    const host = port.length > 0 ? joinHostPort(h.host ?? '', port) : (h.host ?? '');
    // url.URL{Scheme, Host, Path}.String()
    const path = String(h.path ?? '').replace(/ /g, '%20');
    let url = scheme ? `${scheme}:` : '';
    if (scheme || host) {
      if (host || path) url += '//';
      url += host;
    }
    if (path && !path.startsWith('/') && host) url += '/';
    url += path;
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** resourcehelper.ExtractContainerResourceValue */
function extractContainerResourceValue(fs: Obj, c: Obj): string | undefined {
  let divisor: Quantity;
  try {
    const d = fs.divisor === undefined || fs.divisor === null ? null : parseQuantity(String(fs.divisor));
    divisor = !d || d.isZero() ? parseQuantity('1') : d;
  } catch {
    return undefined;
  }
  const get = (m: Record<string, unknown> | undefined, k: string) => {
    const v = m?.[k];
    return v === undefined || v === null ? parseQuantity('0') : parseQuantity(String(v));
  };
  const limits = c.resources?.limits as Record<string, unknown> | undefined;
  const requests = c.resources?.requests as Record<string, unknown> | undefined;
  const cpu = (q: Quantity) => String(Math.ceil(q.milliValue() / divisor.milliValue()));
  const bytes = (q: Quantity) => String(Math.ceil(q.value() / divisor.value()));
  switch (fs.resource) {
    case 'limits.cpu':
      return cpu(get(limits, 'cpu'));
    case 'limits.memory':
      return bytes(get(limits, 'memory'));
    case 'limits.ephemeral-storage':
      return bytes(get(limits, 'ephemeral-storage'));
    case 'requests.cpu':
      return cpu(get(requests, 'cpu'));
    case 'requests.memory':
      return bytes(get(requests, 'memory'));
    case 'requests.ephemeral-storage':
      return bytes(get(requests, 'ephemeral-storage'));
  }
  const m = /^(limits|requests)\.(hugepages-.+)$/.exec(String(fs.resource ?? ''));
  if (m) return bytes(get(m[1] === 'limits' ? limits : requests, m[2]));
  return undefined;
}

function describeContainerEnvVars(c: Obj, resolver: EnvVarResolver | undefined, w: PrefixWriter): void {
  const env = (c.env ?? []) as Obj[];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      const value = resolver ? resolver(e) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath ?? ''})\n`);
    } else if (vf.resourceFieldRef) {
      let value = extractContainerResourceValue(vf.resourceFieldRef, c) ?? '';
      const resource = vf.resourceFieldRef.resource ?? '';
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key ?? ''}' in secret '${vf.secretKeyRef.name ?? ''}'>\tOptional: ${!!vf.secretKeyRef.optional}\n`);
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key ?? ''}' of config map '${vf.configMapKeyRef.name ?? ''}'>\tOptional: ${!!vf.configMapKeyRef.optional}\n`);
    }
  }
}

function describeContainerEnvFrom(c: Obj, w: PrefixWriter): void {
  const from = (c.envFrom ?? []) as Obj[];
  w.write(LEVEL_2, `Environment Variables from:${from.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of from) {
    let kind = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      kind = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = !!e.configMapRef.optional;
    } else if (e.secretRef) {
      kind = 'Secret';
      name = e.secretRef.name ?? '';
      optional = !!e.secretRef.optional;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${kind}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${kind} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

/** strconv.Quote for the ASCII-printable strings sub-paths are. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

function describeContainerVolumes(c: Obj, w: PrefixWriter): void {
  const mounts = goSort([...((c.volumeMounts ?? []) as Obj[])], (a, b) => (a.mountPath ?? '') < (b.mountPath ?? ''));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = (c.volumeDevices ?? []) as Obj[];
  if (devices.length) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of goSort([...devices], (a, b) => (a.devicePath ?? '') < (b.devicePath ?? ''))) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

// ---- volumes -----------------------------------------------------------------------------------

export function describeVolumes(volumes: Obj[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    const nameIndent = space ? ' ' : '';
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    if (v.hostPath) printHostPathVolumeSource(v.hostPath, w);
    else if (v.emptyDir) printEmptyDirVolumeSource(v.emptyDir, w);
    else if (v.gcePersistentDisk) {
      const g = v.gcePersistentDisk;
      w.write(LEVEL_2, `Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n    PDName:\t${g.pdName ?? ''}\n    FSType:\t${g.fsType ?? ''}\n    Partition:\t${g.partition ?? 0}\n    ReadOnly:\t${!!g.readOnly}\n`);
    } else if (v.awsElasticBlockStore) {
      const a = v.awsElasticBlockStore;
      w.write(LEVEL_2, `Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t${a.volumeID ?? ''}\n    FSType:\t${a.fsType ?? ''}\n    Partition:\t${a.partition ?? 0}\n    ReadOnly:\t${!!a.readOnly}\n`);
    } else if (v.gitRepo) {
      w.write(LEVEL_2, `Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t${v.gitRepo.repository ?? ''}\n    Revision:\t${v.gitRepo.revision ?? ''}\n`);
    } else if (v.secret) {
      w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${!!v.secret.optional}\n`);
    } else if (v.configMap) {
      w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${!!v.configMap.optional}\n`);
    } else if (v.nfs) {
      w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server ?? ''}\n    Path:\t${v.nfs.path ?? ''}\n    ReadOnly:\t${!!v.nfs.readOnly}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName ?? ''}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`);
    } else if (v.ephemeral) {
      w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
      const t = v.ephemeral.volumeClaimTemplate;
      if (t) printPersistentVolumeClaim(newNestedPrefixWriter(w, LEVEL_2), { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: t.metadata ?? {}, spec: t.spec ?? {} }, false);
    } else if (v.downwardAPI) {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const m of (v.downwardAPI.items ?? []) as Obj[]) {
        if (m.fieldRef) w.write(LEVEL_3, `${m.fieldRef.fieldPath ?? ''} -> ${m.path ?? ''}\n`);
        if (m.resourceFieldRef) w.write(LEVEL_3, `${m.resourceFieldRef.resource ?? ''} -> ${m.path ?? ''}\n`);
      }
    } else if (v.projected) printProjectedVolumeSource(v.projected, w);
    else if (v.csi) printCSIVolumeSource(v.csi, w);
    else if (v.image) {
      w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${v.image.reference ?? ''}\n    PullPolicy:\t${v.image.pullPolicy ?? ''}\n`);
    } else w.write(LEVEL_1, '<unknown>\n');
  }
}

export function printHostPathVolumeSource(h: Obj, w: PrefixWriter): void {
  const type = h.type === undefined || h.type === null ? '<none>' : String(h.type);
  w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${h.path ?? ''}\n    HostPathType:\t${type}\n`);
}

function printEmptyDirVolumeSource(e: Obj, w: PrefixWriter): void {
  let sizeLimit = '<unset>';
  if (e.sizeLimit !== undefined && e.sizeLimit !== null) {
    try {
      const q = parseQuantity(String(e.sizeLimit));
      if (q.sign() > 0) sizeLimit = q.toString();
    } catch {
      // invalid quantities do not pass validation
    }
  }
  w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${e.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
}

function printProjectedVolumeSource(p: Obj, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of (p.sources ?? []) as Obj[]) {
    if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${!!s.secret.optional}\n`);
    else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${!!s.configMap.optional}\n`);
    else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
  }
}

export function printCSIVolumeSource(csi: Obj, w: PrefixWriter, persistent = false): void {
  if (persistent) w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${csi.driver ?? ''}\n    FSType:\t${csi.fsType ?? ''}\n    VolumeHandle:\t${csi.volumeHandle ?? ''}\n    ReadOnly:\t${!!csi.readOnly}\n`);
  else w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${csi.driver ?? ''}\n    FSType:\t${csi.fsType ?? ''}\n    ReadOnly:\t${!!csi.readOnly}\n`);
  // printCSIPersistentVolumeAttributesMultilineIndent(w, "", "VolumeAttributes", "\t", attrs, {})
  const attrs = (csi.volumeAttributes ?? {}) as Record<string, string>;
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = Object.keys(attrs).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${attrs[k]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

// ---- PVCs (shared with ephemeral volumes) ------------------------------------------------------

/** storageutil.GetPersistentVolumeClaimClass */
export function pvcClass(pvc: KubeObject): string {
  const beta = pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (beta !== undefined) return beta;
  return ((pvc.spec as Obj | undefined)?.storageClassName as string | undefined) ?? '';
}

/** storageutil.GetAccessModesAsString */
export function accessModesString(modes: string[] | undefined): string {
  const has = (m: string) => (modes ?? []).includes(m);
  const out: string[] = [];
  if (has('ReadWriteOnce')) out.push('RWO');
  if (has('ReadOnlyMany')) out.push('ROX');
  if (has('ReadWriteMany')) out.push('RWX');
  if (has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** printPersistentVolumeClaim (isFullPVC false for ephemeral volume claim templates). */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: KubeObject, isFull: boolean, nowMs = 0): void {
  const spec = (pvc.spec ?? {}) as Obj;
  const status = (pvc.status ?? {}) as Obj;
  if (isFull) {
    w.write(LEVEL_0, `Name:\t${pvc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${pvcClass(pvc)}\n`);
  if (isFull) {
    if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  if (isFull) w.write(LEVEL_0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`);
  let capacity = '';
  let accessModes = '';
  if (spec.volumeName) {
    accessModes = accessModesString(status.accessModes);
    capacity = quantityString(status.capacity?.storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (spec.dataSource.apiGroup !== undefined && spec.dataSource.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name ?? ''}\n`);
  }
}

// ---- pod templates -----------------------------------------------------------------------------

/** DescribePodTemplate */
export function describePodTemplate(template: Obj | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = (template.metadata ?? {}) as Obj;
  const spec = (template.spec ?? {}) as Obj;
  printLabelsMultiline(w, '  Labels', meta.labels);
  if (meta.annotations && Object.keys(meta.annotations).length > 0) printAnnotationsMultiline(w, '  Annotations', meta.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printPodTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

