/**
 * ServiceDescriber (with formatEndpointSlices), EndpointsDescriber and EndpointSliceDescriber,
 * ported from k8s.io/kubectl/pkg/describe/describe.go (v1.35).
 */
import type { KubeObject } from '../../api/object.ts';
import { type DescribeClient, resourceInfo } from './client.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, newPrefixWriter } from './prefixwriter.ts';
import { tabbedString } from './tabwriter.ts';
import { describeEvents, type DescriberSettings, formatLabels, type Obj, printAnnotationsMultiline, printLabelsMultiline, refOf, searchEvents } from './util.ts';

/** net.JoinHostPort */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpointSlices: ready endpoints of the named ports, at most 3 then "+ N more...". */
export function formatEndpointSlices(slices: KubeObject[], ports: Set<string> | null): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices as Obj[]) {
    const endpoints = (s.endpoints ?? []) as Obj[];
    const isReady = (e: Obj) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
    if (!s.ports?.length) {
      // headless services may have no ports
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(e.addresses?.[0] ?? '');
        count++;
      }
    } else {
      for (const port of s.ports as Obj[]) {
        if (ports !== null && !ports.has(port.name ?? '')) continue;
        for (const e of endpoints) {
          if (list.length === max) more = true;
          const addr = e.addresses?.[0] ?? '';
          if (!isReady(e)) continue;
          if (!more) list.push(joinHostPort(addr, String(port.port ?? 0)));
          count++;
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeServiceByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const svc = client.get(resourceInfo('services'), namespace, name);
  let slices: KubeObject[] = [];
  try {
    slices = client.list(resourceInfo('endpointslices', 'discovery.k8s.io'), namespace, { labelSelector: `kubernetes.io/service-name=${name}` });
  } catch {
    slices = [];
  }
  const ev = settings.showEvents ? searchEvents(client, refOf(svc)) : undefined;
  return describeService(svc, slices, ev, client.now());
}

function buildIngressString(ingress: Obj[]): string {
  return ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
}

export function describeService(svc: KubeObject, slices: KubeObject[], ev: KubeObject[] | undefined, nowMs: number): string {
  const spec = (svc.spec ?? {}) as Obj;
  const status = (svc.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${svc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    if (spec.ipFamilies?.length) w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies.join(',')}\n`);
    else w.write(LEVEL_0, 'IP Families:\t<none>\n');
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    if (spec.clusterIPs?.length) w.write(LEVEL_0, `IPs:\t${spec.clusterIPs.join(',')}\n`);
    else w.write(LEVEL_0, 'IPs:\t<none>\n');
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = (status.loadBalancer?.ingress ?? []) as Obj[];
    if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${buildIngressString(ingress)}\n`);
    for (const sp of (spec.ports ?? []) as Obj[]) {
      const name = sp.name ? sp.name : '<unset>';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port ?? 0}/${sp.protocol ?? ''}\n`);
      // An unset targetPort is the zero IntOrString: Type Int, value 0.
      const tp = sp.targetPort === undefined || sp.targetPort === null ? 0 : sp.targetPort;
      w.write(LEVEL_0, `TargetPort:\t${tp}/${sp.protocol ?? ''}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol ?? ''}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? '']))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    if (ev) describeEvents(ev, w, nowMs);
  });
}

export function describeEndpointsByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const ep = client.get(resourceInfo('endpoints'), namespace, name);
  const ev = settings.showEvents ? searchEvents(client, refOf(ep)) : undefined;
  return describeEndpoints(ep, ev, client.now());
}

export function describeEndpoints(ep: KubeObject, ev: KubeObject[] | undefined, nowMs: number): string {
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${ep.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of (ep.subsets ?? []) as Obj[]) {
      const addresses = ((subset.addresses ?? []) as Obj[]).map((a) => a.ip ?? '').join(',');
      w.write(LEVEL_1, `Addresses:\t${addresses || '<none>'}\n`);
      const notReady = ((subset.notReadyAddresses ?? []) as Obj[]).map((a) => a.ip ?? '').join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      const ports = (subset.ports ?? []) as Obj[];
      if (ports.length) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) w.write(LEVEL_2, `${p.name ? p.name : '<unset>'}\t${p.port ?? 0}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (ev) describeEvents(ev, w, nowMs);
  });
}

export function describeEndpointSliceByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const eps = client.get(resourceInfo('endpointslices', 'discovery.k8s.io'), namespace, name);
  const ev = settings.showEvents ? searchEvents(client, refOf(eps)) : undefined;
  return describeEndpointSlice(eps, ev, client.now());
}

export function describeEndpointSlice(eps: KubeObject, ev: KubeObject[] | undefined, nowMs: number): string {
  const o = eps as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${eps.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${o.addressType ?? ''}\n`);
    const ports = (o.ports ?? []) as Obj[];
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) w.write(LEVEL_1, `${p.name ? p.name : '<unset>'}\t${p.port === undefined || p.port === null ? '<unset>' : p.port}\t${p.protocol ?? ''}\n`);
    }
    const endpoints = (o.endpoints ?? []) as Obj[];
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${((e.addresses ?? []) as string[]).join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    if (ev) describeEvents(ev, w, nowMs);
  });
}
