// `kubectl expose` (kubectl pkg/cmd/expose/expose.go) and the service generator it shares with
// `kubectl run --expose` (pkg/generate/versioned/service.go generateService), plus the object
// introspection helpers from pkg/polymorphichelpers (mapbasedselectorforobject.go,
// portsforobject.go, protocolsforobject.go, canbeexposed.go).

import { atoi, fail, goMap, makeLabels, objectMeta, parseLabels, type GenResult, type Obj } from './common.ts';
import { applyOverrides } from './overrides.ts';
import { normalizeTyped } from './normalize.ts';

/** Parameters of generateService (the "service/v2" generator). */
export interface ServiceParams {
  name?: string;
  defaultName: string;
  /** `k=v,k2=v2` */
  selector: string;
  /** one port, from --port or the only port of the exposed object */
  port?: string;
  /** comma-separated ports, when the exposed object has several and --port was not given */
  ports?: string;
  labels?: string;
  externalIp?: string;
  loadBalancerIp?: string;
  type?: string;
  protocol?: string;
  /** `port/proto,…` derived from the exposed object */
  protocols?: string;
  targetPort?: string;
  portName?: string;
  sessionAffinity?: string;
  clusterIp?: string;
  /** set when -n/--namespace was given explicitly */
  namespace?: string;
}

/** generate.ParseProtocols */
function parseProtocols(s: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const item of s.split(',')) {
    const pp = item.split('/');
    if (pp.length !== 2) return `unexpected port protocol mapping: ${item}`;
    if (pp[0].length === 0) return 'unexpected empty port';
    if (pp[1].length === 0) return 'unexpected empty protocol';
    out[pp[0]] = pp[1];
  }
  return out;
}

/** versioned/service.go generateService. */
export function generateService(p: ServiceParams): GenResult {
  if (!p.selector) return fail("'selector' is a required parameter");
  const selector = parseLabels(p.selector);
  if (typeof selector === 'string') return fail(selector);
  let labels: Record<string, string> | null = null;
  if (p.labels) {
    const l = parseLabels(p.labels);
    if (typeof l === 'string') return fail(l);
    labels = l;
  }
  const name = p.name || p.defaultName;
  if (!name) return fail("'name' is a required parameter");
  const headless = p.clusterIp === 'None';
  let protocolMap: Record<string, string> | null = null;
  if (p.protocols) {
    const m = parseProtocols(p.protocols);
    if (typeof m === 'string') return fail(m);
    protocolMap = m;
  }
  let portString: string | undefined = p.ports;
  if (portString === undefined) {
    portString = p.port;
    if (portString === undefined && !headless) return fail("'ports' or 'port' is a required parameter");
  }
  const ports: Obj[] = [];
  if (portString) {
    const list = portString.split(',');
    for (let i = 0; i < list.length; i++) {
      const n = atoi(list[i]);
      if (typeof n === 'string') return fail(n);
      const portName = list.length > 1 ? `port-${i + 1}` : (p.portName ?? '');
      let protocol = p.protocol ?? '';
      const hasMap = protocolMap !== null && Object.keys(protocolMap).length > 0;
      if (protocol.length === 0 && !hasMap) protocol = 'TCP';
      else if (protocol.length === 0 && hasMap) protocol = protocolMap![list[i]] ?? 'TCP';
      const sp: Obj = {};
      if (portName) sp.name = portName;
      if (protocol) sp.protocol = protocol;
      sp.port = n;
      ports.push(sp);
    }
  }
  let target: string | number | null = null;
  if (p.targetPort) {
    const n = atoi(p.targetPort);
    target = typeof n === 'number' ? n : p.targetPort;
  }
  for (const sp of ports) sp.targetPort = target ?? sp.port;

  const spec: Obj = {};
  if (ports.length > 0) spec.ports = ports;
  if (Object.keys(selector).length > 0) spec.selector = goMap(selector);
  if (p.clusterIp) spec.clusterIP = p.clusterIp;
  if (p.type) spec.type = p.type;
  if (p.externalIp) spec.externalIPs = [p.externalIp];
  if (p.sessionAffinity) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') {
      return fail(`unknown session affinity: ${p.sessionAffinity}`);
    }
    spec.sessionAffinity = p.sessionAffinity;
  }
  if (p.type === 'LoadBalancer' && p.loadBalancerIp) spec.loadBalancerIP = p.loadBalancerIp;
  const service: Obj = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta({ name, namespace: p.namespace, labels }),
    spec,
    status: { loadBalancer: {} },
  };
  return { ok: true, object: service };
}

// ------------------------------------------------------------------ introspection

type LabelSelectorLike = { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | null | undefined;

function groupKindOf(obj: Obj): { group: string; kind: string } {
  const apiVersion = String(obj.apiVersion ?? '');
  const i = apiVersion.indexOf('/');
  return { group: i < 0 ? '' : apiVersion.slice(0, i), kind: String(obj.kind ?? '') };
}

/** polymorphichelpers.canBeExposed: `cannot expose a DaemonSet.apps`. */
export function canBeExposed(group: string, kind: string): string | null {
  const ok =
    (group === '' && (kind === 'ReplicationController' || kind === 'Service' || kind === 'Pod')) ||
    ((group === 'apps' || group === 'extensions') && (kind === 'Deployment' || kind === 'ReplicaSet'));
  if (ok) return null;
  return `cannot expose a ${group ? `${kind}.${group}` : kind}`;
}

/** Go's %+v of []LabelSelectorRequirement, for the "couldn't convert expressions" message. */
function formatExpressions(exprs: unknown[]): string {
  const parts = exprs.map((e) => {
    const r = e as { key?: string; operator?: string; values?: string[] };
    return `{Key:${r.key ?? ''} Operator:${r.operator ?? ''} Values:[${(r.values ?? []).join(' ')}]}`;
  });
  return `[${parts.join(' ')}]`;
}

/** polymorphichelpers.mapBasedSelectorForObject */
export function mapBasedSelectorForObject(obj: Obj): string | { error: string } {
  const { group, kind } = groupKindOf(obj);
  const spec = (obj.spec ?? {}) as Obj;
  const meta = (obj.metadata ?? {}) as Obj;
  const apps = group === 'apps';
  if (group === '' && kind === 'ReplicationController') return makeLabels(spec.selector as Record<string, string>);
  if (group === '' && kind === 'Pod') {
    const labels = meta.labels as Record<string, string> | undefined;
    if (!labels || Object.keys(labels).length === 0) return { error: 'the pod has no labels and cannot be exposed' };
    return makeLabels(labels);
  }
  if (group === '' && kind === 'Service') {
    if (!spec.selector) return { error: 'the service has no pod selector set' };
    return makeLabels(spec.selector as Record<string, string>);
  }
  if ((kind === 'Deployment' || kind === 'ReplicaSet') && apps) {
    const sel = spec.selector as LabelSelectorLike;
    if (!sel || !sel.matchLabels || Object.keys(sel.matchLabels).length === 0) {
      return { error: `invalid ${kind === 'Deployment' ? 'deployment' : 'replicaset'}: no selectors, therefore cannot be exposed` };
    }
    if (sel.matchExpressions && sel.matchExpressions.length > 0) {
      return { error: `couldn't convert expressions - "${formatExpressions(sel.matchExpressions)}" to map-based selector format` };
    }
    return makeLabels(sel.matchLabels);
  }
  if ((kind === 'Deployment' || kind === 'ReplicaSet') && group === 'extensions') {
    const sel = spec.selector as LabelSelectorLike;
    let labels: Record<string, string> | undefined;
    if (sel) {
      if (sel.matchExpressions && sel.matchExpressions.length > 0) {
        return { error: `couldn't convert expressions - "${formatExpressions(sel.matchExpressions)}" to map-based selector format` };
      }
      labels = sel.matchLabels;
    } else {
      labels = ((spec.template as Obj | undefined)?.metadata as Obj | undefined)?.labels as Record<string, string> | undefined;
    }
    if (!labels || Object.keys(labels).length === 0) {
      return {
        error: `the ${kind === 'Deployment' ? 'deployment' : 'replica set'} has no labels or selectors and cannot be exposed`,
      };
    }
    return makeLabels(labels);
  }
  return { error: `cannot extract pod selector from ${kind}` };
}

function podSpecOf(obj: Obj): Obj | null {
  const spec = (obj.spec ?? {}) as Obj;
  if (obj.kind === 'Pod') return spec;
  const template = spec.template as Obj | undefined;
  return (template?.spec as Obj | undefined) ?? null;
}

/** polymorphichelpers.portsForObject (container ports, or a service's ports). */
export function portsForObject(obj: Obj): string[] {
  if (obj.kind === 'Service') {
    return (((obj.spec as Obj | undefined)?.ports as Obj[] | undefined) ?? []).map((p) => String(p.port ?? 0));
  }
  const out: string[] = [];
  for (const c of ((podSpecOf(obj)?.containers as Obj[] | undefined) ?? [])) {
    for (const p of ((c.ports as Obj[] | undefined) ?? [])) out.push(String(p.containerPort ?? 0));
  }
  return out;
}

/** polymorphichelpers.protocolsForObject (empty protocols are TCP). */
export function protocolsForObject(obj: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  if (obj.kind === 'Service') {
    for (const p of (((obj.spec as Obj | undefined)?.ports as Obj[] | undefined) ?? [])) {
      out[String(p.port ?? 0)] = String(p.protocol || 'TCP');
    }
    return out;
  }
  for (const c of ((podSpecOf(obj)?.containers as Obj[] | undefined) ?? [])) {
    for (const p of ((c.ports as Obj[] | undefined) ?? [])) out[String(p.containerPort ?? 0)] = String(p.protocol || 'TCP');
  }
  return out;
}

// ------------------------------------------------------------------ kubectl expose

export interface ExposeFlags {
  port?: string;
  protocol?: string;
  targetPort?: string;
  type?: string;
  name?: string;
  selector?: string;
  labels?: string;
  externalIp?: string;
  loadBalancerIp?: string;
  sessionAffinity?: string;
  clusterIp?: string;
  overrides?: string;
  overrideType?: string;
  /** set when -n/--namespace was given explicitly */
  namespace?: string;
}

/** The Service `kubectl expose <resource> <name>` builds from the fetched object. */
export function generateExpose(source: Obj, flags: ExposeFlags): GenResult {
  const { group, kind } = groupKindOf(source);
  const cannot = canBeExposed(group, kind);
  if (cannot) return fail(cannot);
  let defaultName = String((source.metadata as Obj | undefined)?.name ?? '');
  if (defaultName.length > 63) defaultName = defaultName.slice(0, 63); // DNS1035LabelMaxLength
  let selector = flags.selector ?? '';
  if (!selector) {
    const s = mapBasedSelectorForObject(source);
    if (typeof s !== 'string') return fail(`couldn't retrieve selectors via --selector flag or introspection: ${s.error}`);
    selector = s;
  }
  const headless = flags.clusterIp === 'None';
  let port = flags.port;
  let ports: string | undefined;
  if (!port) {
    const found = portsForObject(source);
    if (found.length === 0) {
      if (!headless) return fail("couldn't find port via --port flag or introspection");
    } else if (found.length === 1) {
      port = found[0];
    } else {
      ports = found.join(',');
    }
  }
  const protocols = Object.entries(protocolsForObject(source))
    .map(([p, proto]) => `${p}/${proto}`)
    .join(',');
  let labels = flags.labels ?? '';
  if (!labels) labels = makeLabels((source.metadata as Obj | undefined)?.labels as Record<string, string> | undefined);
  const r = generateService({
    name: flags.name,
    defaultName,
    selector,
    port,
    ports,
    labels,
    externalIp: flags.externalIp,
    loadBalancerIp: flags.loadBalancerIp,
    type: flags.type,
    protocol: flags.protocol,
    protocols,
    targetPort: flags.targetPort,
    sessionAffinity: flags.sessionAffinity,
    clusterIp: flags.clusterIp,
    namespace: flags.namespace,
  });
  if (!r.ok || !flags.overrides) return r;
  const o = applyOverrides(r.object, flags.overrides, flags.overrideType);
  if (!o.ok) return o;
  return { ok: true, object: normalizeTyped(o.object) };
}
