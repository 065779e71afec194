/**
 * The pod network as a client inside a container sees it — small and honest, for `wget`/`curl` in
 * exec.ts:
 *   - a Service's ClusterIP:port is DNAT-ed by kube-proxy (iptables mode, kubeadm's default) to one ready
 *     endpoint of its EndpointSlices, chosen at random (KUBE-SVC-* statistic-mode-random rules; here the
 *     session's seeded RNG, so transcripts stay reproducible); the endpoint port is the slice's port of
 *     the same name (targetPort resolved by number or by the container port's name);
 *   - a ClusterIP whose port has no ready endpoint is rejected: kube-proxy's KUBE-SERVICES "has no
 *     endpoints" rule `-j REJECT` answers an ICMP port-unreachable, which connect() reports as
 *     ECONNREFUSED ("Connection refused");
 *   - a ClusterIP port the Service does not declare has no rule at all: the packet leaves for the
 *     default route and is dropped, so the connection times out;
 *   - NodePort: a node's InternalIP at a Service's nodePort goes the same way (KUBE-NODEPORTS);
 *     any other port of a node is refused (nothing listens), except host-network pods' servers;
 *   - a pod IP goes straight to that pod: what listens is decided by its running containers' images
 *     (SERVERS in images.ts); a port nothing listens on is refused (RST);
 *   - any other address (no pod, no Service) does not answer: timeout.
 * No NetworkPolicy is enforced (the simulated CNI is flannel, which does not enforce them).
 */
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import { argv as containerArgv } from './behaviour.ts';
import { lookupImage, SERVERS, type Listener, type Page } from './images.ts';
import { DAYS, MONTHS } from '../clock/clock.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The cluster state the network model reads. */
export interface NetworkView {
  services(): KubeObject[];
  pods(): KubeObject[];
  /** EndpointSlices of the cluster; without them the ready pods a Service selects are used. */
  endpointSlices?(): KubeObject[];
  nodes?(): KubeObject[];
  /** kube-proxy's random choice among n endpoints (a seeded stream). */
  pick?(n: number): number;
}

export type Connection =
  | { kind: 'refused' }
  | { kind: 'timeout' }
  /** Connected to a server (in `container` of `pod`); `listener.http` undefined for a non-HTTP server. */
  | { kind: 'open'; listener: Listener; pod: KubeObject; container: string };

function ready(p: KubeObject): boolean {
  return ((p.status as Obj)?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
}

/** The (ip, port) pairs of a Service port's ready endpoints. */
function endpointsOf(view: NetworkView, svc: KubeObject, sp: Obj): { ip: string; port: number }[] {
  const ns = svc.metadata.namespace;
  if (view.endpointSlices) {
    const out: { ip: string; port: number }[] = [];
    for (const s of view.endpointSlices()) {
      if (s.metadata.namespace !== ns || s.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
      const port = ((s as Obj).ports ?? []).find((p: Obj) => (p.name ?? '') === (sp.name ?? '') && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
      if (!port || port.port == null) continue;
      for (const e of ((s as Obj).endpoints ?? []) as Obj[]) if (e.conditions?.ready !== false) for (const a of e.addresses ?? []) out.push({ ip: a, port: port.port });
    }
    return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
  }
  const sel = ((svc.spec as Obj)?.selector ?? {}) as Record<string, string>;
  if (!Object.keys(sel).length) return [];
  const out: { ip: string; port: number }[] = [];
  for (const p of view.pods()) {
    if (p.metadata.namespace !== ns || !Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v) || !ready(p)) continue;
    const port = targetPort(p, sp);
    const ip = (p.status as Obj)?.podIP;
    if (ip && port !== undefined) out.push({ ip, port });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

/** targetPort by number, or by the name of a container port (endpoints controller's FindPort). */
function targetPort(pod: KubeObject, sp: Obj): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(String(tp))) return Number(tp);
  for (const c of ((pod.spec as Obj)?.containers ?? []) as Obj[]) for (const p of c.ports ?? []) if (p.name === tp) return p.containerPort;
  return undefined;
}

/** The servers listening in a pod: its running containers whose process is their image's server. */
export function listenersOf(pod: KubeObject): Listener[] {
  return serversOf(pod).map((s) => s.listener);
}

/** listenersOf, with the container each server runs in. */
function serversOf(pod: KubeObject): { listener: Listener; container: string }[] {
  const statuses: ContainerStatus[] = ((pod.status as Obj)?.containerStatuses ?? []) as ContainerStatus[];
  const out: { listener: Listener; container: string }[] = [];
  for (const c of ((pod.spec as Obj)?.containers ?? []) as Container[]) {
    if (!statuses.find((s) => s.name === c.name)?.state?.running) continue;
    const l = lookupImage(c.image ?? '');
    if (!l.ok) continue;
    const listeners = SERVERS[l.image.repo];
    if (!listeners) continue;
    const av = containerArgv(c, l.image).map((a) => a.split('/').pop()!);
    const isDefault = !c.command && !c.args;
    for (const ls of listeners) if (isDefault || ls.bin.some((b) => av.includes(b))) out.push({ listener: ls, container: c.name });
  }
  return out;
}

/**
 * Where kube-proxy's KUBE-SERVICES rules send a packet for ip:port: undefined when ip is no ClusterIP;
 * a timeout for a port the Service does not declare (no rule), refused when it has no ready endpoint
 * (the REJECT rule); else the endpoint chosen (KUBE-SVC-* random).
 */
export function serviceTarget(view: NetworkView, ip: string, port: number): { kind: 'timeout' | 'refused' } | { ip: string; port: number; svc: KubeObject } | undefined {
  for (const svc of view.services()) {
    const spec = (svc.spec ?? {}) as Obj;
    if (!spec.clusterIP || spec.clusterIP === 'None' || !(spec.clusterIPs ?? [spec.clusterIP]).includes(ip)) continue;
    const sp = ((spec.ports ?? []) as Obj[]).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    if (!sp) return { kind: 'timeout' };
    const eps = endpointsOf(view, svc, sp);
    if (!eps.length) return { kind: 'refused' };
    const ep = eps.length === 1 ? eps[0] : eps[view.pick ? view.pick(eps.length) : 0];
    return { ...ep, svc };
  }
  return undefined;
}

/** Open a TCP connection from a pod to ip:port. */
export function connect(view: NetworkView, ip: string, port: number, self?: KubeObject): Connection {
  if (ip === '127.0.0.1' && self) return toPod(self, port);
  const t = serviceTarget(view, ip, port);
  if (t) return 'kind' in t ? t : toEndpoint(view, t.svc, t);
  const node = (view.nodes?.() ?? []).find((n) => ((n.status as Obj)?.addresses ?? []).some((a: Obj) => a.type === 'InternalIP' && a.address === ip));
  if (node) {
    for (const svc of view.services()) {
      const spec = (svc.spec ?? {}) as Obj;
      if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') continue;
      const sp = ((spec.ports ?? []) as Obj[]).find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
      if (sp) return viaService(view, svc, sp);
    }
    for (const p of view.pods()) {
      if ((p.spec as Obj)?.hostNetwork && (p.spec as Obj)?.nodeName === node.metadata.name) {
        const s = serversOf(p).find((x) => x.listener.port === port);
        if (s) return { kind: 'open', listener: s.listener, pod: p, container: s.container };
      }
    }
    return { kind: 'refused' };
  }
  const pod = view.pods().find((p) => (p.status as Obj)?.podIP === ip && !(p.spec as Obj)?.hostNetwork && ['Running', 'Pending'].includes((p.status as Obj)?.phase));
  if (pod) return toPod(pod, port);
  return { kind: 'timeout' };
}

function viaService(view: NetworkView, svc: KubeObject, sp: Obj): Connection {
  const eps = endpointsOf(view, svc, sp);
  if (!eps.length) return { kind: 'refused' };
  return toEndpoint(view, svc, eps.length === 1 ? eps[0] : eps[view.pick ? view.pick(eps.length) : 0]);
}

function toEndpoint(view: NetworkView, svc: KubeObject, ep: { ip: string; port: number }): Connection {
  const pod = view.pods().find((p) => (p.status as Obj)?.podIP === ep.ip && p.metadata.namespace === svc.metadata.namespace) ?? view.pods().find((p) => (p.status as Obj)?.podIP === ep.ip);
  if (!pod) return { kind: 'timeout' };
  return toPod(pod, ep.port);
}

function toPod(pod: KubeObject, port: number): Connection {
  const s = serversOf(pod).find((x) => x.listener.port === port);
  return s ? { kind: 'open', listener: s.listener, pod, container: s.container } : { kind: 'refused' };
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}


/** A file of the server's document root that the container wrote, with when it was written. */
export interface Document {
  name: string;
  content: string;
  mtime: number;
}

/** The file of the document root a request path names (a directory's index.html), relative to the root. */
export function documentPath(path: string): string {
  const clean = path.replace(/[?#].*$/, '') || '/';
  return clean.endsWith('/') ? clean + 'index.html' : clean;
}

/**
 * A written document as the server sends it: the type by its extension (nginx mime.types, httpd
 * mime.types), Last-Modified from its write, ETag as each server makes it (nginx: "mtime-size" in hex
 * seconds; httpd: "size-mtime" in hex, mtime in microseconds).
 */
function documentPage(doc: Document, server: string): Page {
  const ext = doc.name.slice(doc.name.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', json: 'application/json', xml: 'text/xml' };
  const size = bytes(doc.content);
  const apache = server.startsWith('Apache');
  const etag = apache ? `"${size.toString(16)}-${(doc.mtime * 1000).toString(16)}"` : `"${Math.floor(doc.mtime / 1000).toString(16)}-${size.toString(16)}"`;
  // Without a known type nginx sends its default_type; httpd 2.4 sends no Content-Type at all.
  return { body: doc.content, contentType: types[ext] ?? (apache ? '' : 'application/octet-stream'), lastModified: httpDate(doc.mtime), etag };
}

/** IMF-fixdate, the HTTP Date header. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

function bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * An HTTP server's answer to GET/HEAD `path`, headers in the order nginx (ngx_http_header_filter_module)
 * and Apache httpd write them; `keepAlive` as the client asked (curl keeps alive, busybox wget sends
 * `Connection: close`).
 */
export function httpAnswer(ls: Listener, path: string, now: number, keepAlive: boolean, doc?: Document | 'hidden'): HttpResponse | undefined {
  const h = ls.http;
  if (!h) return undefined;
  const clean = path.replace(/[?#].*$/, '') || '/';
  const conn = keepAlive ? 'keep-alive' : 'close';
  const apache = h.server.startsWith('Apache');
  if (doc === 'hidden' && clean.endsWith('/') && h.forbidden) {
    // A volume over the document root hides the image's pages: a directory without index.html.
    return { status: 403, reason: 'Forbidden', headers: [['Server', h.server], ['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(bytes(h.forbidden))], ['Connection', conn]], body: h.forbidden };
  }
  const page = doc === 'hidden' ? undefined : doc ? documentPage(doc, h.server) : h.pages[clean] ?? (clean.endsWith('/index.html') ? h.pages[clean.slice(0, -'index.html'.length)] : undefined);
  if (page) {
    const len = String(bytes(page.body));
    const headers: [string, string][] = apache
      ? [['Date', httpDate(now)], ['Server', h.server], ['Last-Modified', page.lastModified], ['ETag', page.etag], ['Accept-Ranges', 'bytes'], ['Content-Length', len], ...(keepAlive ? [] : [['Connection', 'close']] as [string, string][]), ...(page.contentType ? [['Content-Type', page.contentType]] as [string, string][] : [])]
      : [['Server', h.server], ['Date', httpDate(now)], ['Content-Type', page.contentType], ['Content-Length', len], ['Last-Modified', page.lastModified], ['Connection', conn], ['ETag', page.etag], ['Accept-Ranges', 'bytes']];
    return { status: 200, reason: 'OK', headers, body: page.body };
  }
  const len = String(bytes(h.notFound));
  const headers: [string, string][] = apache
    ? [['Date', httpDate(now)], ['Server', h.server], ['Content-Length', len], ...(keepAlive ? [] : [['Connection', 'close']] as [string, string][]), ['Content-Type', h.notFoundType]]
    : [['Server', h.server], ['Date', httpDate(now)], ['Content-Type', h.notFoundType], ['Content-Length', len], ['Connection', conn]];
  return { status: 404, reason: 'Not Found', headers, body: h.notFound };
}
