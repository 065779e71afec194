/**
 * `curl` on a node (Ubuntu 24.04: curl 8.5.0, OpenSSL 3.0.13). What answers is decided as on a real
 * kubeadm node:
 *   - the node's own servers, by the address they bind: kube-apiserver *:6443 (TLS, kubeadm's serving
 *     certificate), the kubelet *:10250 (TLS, a self-signed certificate: kubeadm leaves
 *     serverTLSBootstrap off) and 127.0.0.1:10248 (healthz, plain HTTP), kube-proxy *:10256 (healthz)
 *     and 127.0.0.1:10249 (metrics), kube-scheduler 127.0.0.1:10259 and kube-controller-manager
 *     127.0.0.1:10257 (TLS, in-memory self-signed certificates), etcd 127.0.0.1:2381 (metrics/health,
 *     HTTP) and 127.0.0.1+node:2379 (client-certificate TLS), sshd *:22 — each only while its process
 *     runs;
 *   - a ClusterIP:port, a NodePort (on any node address, 127.0.0.1 too: kube-proxy's iptables mode
 *     keeps `--iptables-localhost-nodeports` on and sets route_localnet), a pod IP: through the same
 *     kube-proxy/pod-network model the containers' clients use (kubelet/network.ts) — kube-proxy
 *     programs the KUBE-SERVICES chain on every node, flannel routes every pod CIDR;
 *   - names: `localhost` (curl resolves it itself since 7.78, to ::1 and 127.0.0.1), /etc/hosts, the
 *     cluster's node names (the lab's DNS knows the machines — `ssh node01` works); nothing else: the
 *     node's resolv.conf points at systemd-resolved (127.0.0.53), which knows nothing of
 *     `*.svc.cluster.local`, so a Service name fails with (6).
 * Texts: curl lib/connect.c ("Failed to connect to %s port %u after %d ms: %s", ETIMEDOUT → 28),
 * lib/strerror.c, lib/vtls/openssl.c ("SSL certificate problem: %s", "error setting certificate file:
 * %s"), src/tool_operate.c (CURL_CA_CERT_ERRORMSG after a (60)); the kube-apiserver's anonymous answers
 * (system:public-info-viewer: /healthz, /livez, /readyz, /version; everything else 403), the kubelet's
 * auth filter (`resp.WriteErrorString(http.StatusUnauthorized, "Unauthorized")`, server.go).
 */
import { res } from '../apiserver/client.ts';
import type { KubeObject } from '../api/object.ts';
import type { CommandContext } from '../shell/shell.ts';
import { FileSystem } from '../shell/fs.ts';
import { connect, documentPath, httpAnswer, httpDate, serviceTarget, type Connection, type HttpResponse, type NetworkView } from '../kubelet/network.ts';
import { info } from '../kubectl/cmd/version.ts';
import { healthBody } from '../apiserver/health.ts';
import type { MachineState, NodeWorld } from './world.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const CURL_VERSION = '8.5.0';
const OPENSSL = 'OpenSSL/3.0.13';

const CA_CERT_ERRORMSG = `More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`;

/** A control-plane or node component's server. */
interface Component {
  name: string;
  /** 'tls': server certificate only; 'mtls': a client certificate is required (etcd). */
  tls?: 'tls' | 'mtls';
  /** Who signed the serving certificate: the cluster CA (with these SANs), etcd's CA, or itself. */
  cert?: { ca: 'kubernetes' | 'etcd' | 'self'; sans?: string[] };
  /** Go's HTTP/2 over TLS (curl negotiates h2 by ALPN). */
  h2?: boolean;
  /** Not HTTP at all (sshd's banner). */
  raw?: boolean;
  answer(req: Request): HttpResponse;
}

interface Request {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  clientCert: boolean;
}

type HostConn = Connection | { kind: 'component'; c: Component; bind: Bind };
type Bind = '*' | 'lo' | 'lo+ip' | 'ip';

// ---- the servers of a node ----------------------------------------------------------------------

/** A stable UUID-shaped id from a seed (audit ids, flow-schema uids). */
function uuid(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let i = 0; out.length < 32; i++) {
    h = Math.imul(h ^ (seed.charCodeAt(i % Math.max(1, seed.length)) + i), 0x01000193) >>> 0;
    out += (h >>> 4).toString(16).padStart(7, '0').slice(0, 4);
  }
  out = out.slice(0, 32);
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-a${out.slice(17, 20)}-${out.slice(20, 32)}`;
}

function bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

function apiserver(world: NodeWorld, node: string): Component {
  const now = () => world.cluster.clock.now();
  let seq = 0;
  return {
    name: 'kube-apiserver',
    tls: 'tls',
    h2: true,
    // kubeadm's apiserver serving certificate (pkiutil.GetAPIServerAltNames): the kubernetes Service
    // names, the node name, the Service IP and the advertise address — not localhost nor 127.0.0.1.
    cert: { ca: 'kubernetes', sans: ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', node, '10.96.0.1', world.cluster.kubelets.get(node)?.spec.internalIP ?? ''] },
    answer(req) {
      const pathOnly = req.path;
      const audit = uuid(`${now()}-${++seq}`);
      const headers = (type: string, len: number, pf = 'probes'): [string, string][] => [
        ['audit-id', audit],
        ['cache-control', 'no-cache, private'],
        ['content-type', type],
        ['x-content-type-options', 'nosniff'],
        ['x-kubernetes-pf-flowschema-uid', uuid(`flowschema-${pf}`)],
        ['x-kubernetes-pf-prioritylevel-uid', uuid(`prioritylevel-${pf === 'probes' ? 'exempt' : pf}`)],
        ['content-length', String(len)],
        ['date', httpDate(now())],
      ];
      const health = healthBody(pathOnly, req.query);
      if (health !== undefined) return { status: 200, reason: 'OK', headers: headers('text/plain; charset=utf-8', bytes(health)), body: health };
      if (pathOnly === '/version' || pathOnly === '/version/') {
        const img = world.machine(node)?.kubelet.runtimeContainers().find((c) => c.static && /kube-apiserver$/.test(c.argv[0] ?? ''))?.image ?? '';
        const v = /:(v\d+\.\d+\.\d+)/.exec(img)?.[1] ?? world.clusterVersion;
        const body = JSON.stringify(info(v, true), null, 2);
        return { status: 200, reason: 'OK', headers: headers('application/json', bytes(body), 'global-default'), body };
      }
      // Anonymous requests are authorized only for the public-info paths; the user agent is curl, so the
      // Status comes pretty-printed (apiserver negotiation: isPrettyPrint).
      const status: Obj = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: forbiddenMessage(pathOnly), reason: 'Forbidden', details: forbiddenDetails(pathOnly), code: 403 };
      const body = JSON.stringify(status, null, 2) + '\n';
      return { status: 403, reason: 'Forbidden', headers: headers('application/json', bytes(body), 'global-default'), body };
    },
  };
}

/** The RBAC denial of an anonymous request (authorization filter + rbac's reason). */
function forbiddenMessage(path: string): string {
  const r = resourceOf(path);
  if (!r) return `forbidden: User "system:anonymous" cannot get path "${path}"`;
  const where = r.namespace ? `in the namespace "${r.namespace}"` : 'at the cluster scope';
  const verb = r.name ? 'get' : 'list';
  return `${r.resource}${r.name ? ` "${r.name}"` : ''} is forbidden: User "system:anonymous" cannot ${verb} resource "${r.resource}" in API group "${r.group}" ${where}`;
}

function forbiddenDetails(path: string): Obj {
  const r = resourceOf(path);
  if (!r) return {};
  return { ...(r.name ? { name: r.name } : {}), ...(r.group ? { group: r.group } : {}), kind: r.resource };
}

function resourceOf(path: string): { group: string; namespace?: string; resource: string; name?: string } | undefined {
  const s = path.split('/').filter(Boolean);
  let rest: string[];
  let group = '';
  if (s[0] === 'api' && s.length >= 3) rest = s.slice(2);
  else if (s[0] === 'apis' && s.length >= 4) {
    group = s[1];
    rest = s.slice(3);
  } else return undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) return { group, namespace: rest[1], resource: rest[2], name: rest[3] };
  return { group, resource: rest[0], name: rest[1] };
}

/** kubelet, kube-scheduler and kube-controller-manager serve plain `ok` at /healthz (Go's mux). */
function goHealth(name: string, now: () => number, opts: { tls: boolean; auth?: boolean }): Component {
  return {
    name,
    ...(opts.tls ? { tls: 'tls' as const, cert: { ca: 'self' as const }, h2: true } : {}),
    answer(req) {
      const date: [string, string] = [opts.tls ? 'date' : 'Date', httpDate(now())];
      const h = (k: string) => (opts.tls ? k.toLowerCase() : k);
      if (opts.auth) {
        // The kubelet: anonymous auth is off in kubeadm's KubeletConfiguration.
        return { status: 401, reason: 'Unauthorized', headers: [[h('Content-Type'), 'text/plain; charset=utf-8'], [h('Content-Length'), '12'], date], body: 'Unauthorized' };
      }
      if (/^\/(healthz|livez|readyz)$/.test(req.path)) {
        // net/http writes the handler's headers, then Date and Content-Length (HTTP/1.1); HTTP/2 sorts them.
        const length: [string, string] = [h('Content-Length'), '2'];
        return { status: 200, reason: 'OK', headers: [[h('Content-Type'), 'text/plain; charset=utf-8'], [h('X-Content-Type-Options'), 'nosniff'], ...(opts.tls ? [length, date] : [date, length])], body: 'ok' };
      }
      if (opts.tls) {
        // Authorization delegated to the API server; the anonymous user may only read the health paths.
        const body = `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"forbidden: User \\"system:anonymous\\" cannot get path \\"${req.path}\\"","reason":"Forbidden","details":{},"code":403}\n`;
        return { status: 403, reason: 'Forbidden', headers: [['cache-control', 'no-cache, private'], ['content-type', 'application/json'], ['x-content-type-options', 'nosniff'], ['content-length', String(bytes(body))], date], body };
      }
      const body = '404 page not found\n';
      return { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(now())], ['Content-Length', String(bytes(body))]], body };
    },
  };
}

/** time.Time.String() of time.Now() in UTC: "2006-01-02 15:04:05.999999999 +0000 UTC m=+1.500000000". */
function goTimeString(ms: number, processStart: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  const mono = ((ms - processStart) / 1000).toFixed(9);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? '.' + frac : ''} +0000 UTC m=+${mono}`;
}

/** kube-proxy's healthz server (pkg/proxy/healthcheck/proxier_health.go): a JSON document. */
function kubeProxyHealth(now: () => number, since: number): Component {
  return {
    name: 'kube-proxy',
    answer(req) {
      if (req.path !== '/healthz' && req.path !== '/livez') {
        const body = '404 page not found\n';
        return { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(now())], ['Content-Length', String(bytes(body))]], body };
      }
      // Healthy: lastUpdated is currentTime. %q of a time.Time is its String(): Go's default layout with
      // the trailing zeros of the fraction cut, and the monotonic reading since the process started.
      const t = goTimeString(now(), since);
      const body = req.path === '/healthz' ? `{"lastUpdated": "${t}","currentTime": "${t}", "nodeEligible": true}` : `{"lastUpdated": "${t}","currentTime": "${t}"}`;
      return { status: 200, reason: 'OK', headers: [['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(now())], ['Content-Length', String(bytes(body))]], body };
    },
  };
}

function etcdMetrics(now: () => number): Component {
  return {
    name: 'etcd',
    answer(req) {
      if (req.path === '/health' || req.path === '/livez' || req.path === '/readyz') {
        const body = req.path === '/health' ? '{"health":"true","reason":""}' : 'ok';
        return { status: 200, reason: 'OK', headers: [['Content-Type', req.path === '/health' ? 'text/plain; charset=utf-8' : 'text/plain; charset=utf-8'], ['Date', httpDate(now())], ['Content-Length', String(bytes(body))]], body };
      }
      const body = '404 page not found\n';
      return { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(now())], ['Content-Length', String(bytes(body))]], body };
    },
  };
}

function etcdClient(now: () => number, version: string): Component {
  const base = etcdMetrics(now);
  return {
    name: 'etcd',
    tls: 'mtls',
    cert: { ca: 'etcd', sans: ['localhost', '127.0.0.1', '::1'] },
    answer(req) {
      if (req.path === '/version') {
        const v = version.replace(/-\d+$/, '');
        const body = `{"etcdserver":"${v}","etcdcluster":"${v.replace(/\.\d+$/, '.0')}"}`;
        return { status: 200, reason: 'OK', headers: [['Content-Type', 'application/json'], ['Date', httpDate(now())], ['Content-Length', String(bytes(body))]], body };
      }
      return base.answer(req);
    },
  };
}

const SSHD: Component = { name: 'sshd', raw: true, answer: () => ({ status: 0, reason: '', headers: [], body: '' }) };

/** Listening sockets of a machine: port → where bound ('*', 'lo' = 127.0.0.1, 'lo+ip') and the server. */
export function listeners(world: NodeWorld, m: MachineState): { port: number; bind: Bind; proc: string; c: Component }[] {
  const now = () => world.cluster.clock.now();
  const out: { port: number; bind: Bind; proc: string; c: Component }[] = [{ port: 22, bind: '*', proc: 'sshd', c: SSHD }];
  const up = m.kubelet.powered;
  if (!up) return [];
  const containers = m.kubelet.runtimeContainers().filter((c) => c.state === 'Running');
  const proc = (bin: string) => containers.find((c) => (c.argv[0] ?? '').split('/').pop() === bin);
  const runs = (bin: string) => !!proc(bin);
  if (m.unit.active) {
    out.push({ port: 10248, bind: 'lo', proc: 'kubelet', c: goHealth('kubelet', now, { tls: false }) });
    out.push({ port: 10250, bind: '*', proc: 'kubelet', c: goHealth('kubelet', now, { tls: true, auth: true }) });
  }
  if (runs('kube-proxy')) {
    out.push({ port: 10249, bind: 'lo', proc: 'kube-proxy', c: goHealth('kube-proxy', now, { tls: false }) });
    out.push({ port: 10256, bind: '*', proc: 'kube-proxy', c: kubeProxyHealth(now, proc('kube-proxy')!.createdAt) });
  }
  if (m.controlPlane) {
    if (runs('etcd')) {
      out.push({ port: 2379, bind: 'lo+ip', proc: 'etcd', c: etcdClient(now, world.etcdVersion()) });
      out.push({ port: 2380, bind: 'ip', proc: 'etcd', c: { ...etcdClient(now, world.etcdVersion()), cert: { ca: 'etcd', sans: [m.name, 'localhost'] } } });
      out.push({ port: 2381, bind: 'lo', proc: 'etcd', c: etcdMetrics(now) });
    }
    if (runs('kube-apiserver') && world.cluster.server.up) out.push({ port: 6443, bind: '*', proc: 'kube-apiserver', c: apiserver(world, m.name) });
    if (runs('kube-scheduler')) out.push({ port: 10259, bind: 'lo', proc: 'kube-scheduler', c: goHealth('kube-scheduler', now, { tls: true }) });
    if (runs('kube-controller-manager')) out.push({ port: 10257, bind: 'lo', proc: 'kube-controller-manager', c: goHealth('kube-controller-manager', now, { tls: true }) });
  }
  return out.sort((a, b) => a.port - b.port);
}

// ---- the network as a node sees it --------------------------------------------------------------

export function hostView(world: NodeWorld): NetworkView {
  const client = world.cluster.client;
  const rng = world.cluster.server.rng.stream('kube-proxy');
  return {
    services: () => client.list(res('services')),
    pods: () => client.list(res('pods')),
    endpointSlices: () => client.list(res('endpointslices', 'discovery.k8s.io')),
    nodes: () => client.list(res('nodes')),
    pick: (n) => rng.intn(n),
  };
}

function nodeIPs(world: NodeWorld): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, k] of world.cluster.kubelets) out.set(k.spec.internalIP, name);
  return out;
}

/** getaddrinfo on a node: /etc/hosts, then the lab's DNS, which knows the machines' names. */
export function resolveOnNode(world: NodeWorld, fs: FileSystem, name: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
  const host = name.replace(/\.$/, '');
  for (const line of (fs.read('/etc/hosts') ?? '').split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f.length > 1 && /^\d+\.\d+\.\d+\.\d+$/.test(f[0]) && f.slice(1).includes(host)) return f[0];
  }
  return world.cluster.kubelets.get(host)?.spec.internalIP;
}

/** Open a TCP connection from machine `from` to ip:port. */
export function connectFromNode(world: NodeWorld, from: MachineState, ip: string, port: number): HostConn {
  const ips = nodeIPs(world);
  const view = hostView(world);
  const loopback = /^127\./.test(ip);
  const target = loopback ? from : ips.has(ip) ? world.machine(ips.get(ip)!) : undefined;
  if (target) {
    const l = listeners(world, target).find((x) => x.port === port && (x.bind === '*' || (loopback ? x.bind === 'lo' || x.bind === 'lo+ip' : x.bind === 'ip' || x.bind === 'lo+ip')));
    if (l) return { kind: 'component', c: l.c, bind: l.bind };
    if (!target.kubelet.powered) return { kind: 'timeout' };
    const nodeIP = target.kubelet.spec.internalIP;
    return viaNetwork(world, view, nodeIP, port);
  }
  return viaNetwork(world, view, ip, port);
}

/** A ClusterIP goes to one endpoint (a node's own server for the `kubernetes` Service); the rest through network.ts. */
function viaNetwork(world: NodeWorld, view: NetworkView, ip: string, port: number): HostConn {
  const t = serviceTarget(view, ip, port);
  if (t && 'ip' in t) {
    const name = nodeIPs(world).get(t.ip);
    const m = name ? world.machine(name) : undefined;
    if (m) {
      const l = listeners(world, m).find((x) => x.port === t.port && (x.bind === '*' || x.bind === 'ip' || x.bind === 'lo+ip'));
      return l ? { kind: 'component', c: l.c, bind: l.bind } : { kind: 'refused' };
    }
  }
  return connect(view, ip, port);
}

// ---- curl -----------------------------------------------------------------------------------------

interface Opts {
  silent: boolean;
  showError: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  verbose: boolean;
  insecure: boolean;
  remoteName: boolean;
  location: boolean;
  cacert?: string;
  cert?: string;
  output?: string;
  maxTime: number;
  connectTimeout: number;
  writeOut?: string;
  method?: string;
  headers: string[];
  data?: string;
  urls: string[];
}

const LONG: Record<string, keyof Opts | 'skip'> = {
  '--silent': 'silent', '--show-error': 'showError', '--head': 'head', '--include': 'include', '--fail': 'fail',
  '--verbose': 'verbose', '--insecure': 'insecure', '--remote-name': 'remoteName', '--location': 'location',
};
const LONG_VALUE: Record<string, string> = {
  '--cacert': 'cacert', '--cert': 'cert', '--key': 'skip', '--output': 'output', '--max-time': 'maxTime', '--connect-timeout': 'connectTimeout',
  '--write-out': 'writeOut', '--request': 'method', '--header': 'headers', '--data': 'data', '--data-raw': 'data', '--data-binary': 'data',
  '--user': 'skip', '--user-agent': 'skip', '--resolve': 'skip', '--capath': 'skip', '--cert-type': 'skip', '--key-type': 'skip', '--retry': 'skip',
};
const SHORT: Record<string, keyof Opts> = { s: 'silent', S: 'showError', I: 'head', i: 'include', f: 'fail', v: 'verbose', k: 'insecure', O: 'remoteName', L: 'location' };
const SHORT_VALUE: Record<string, string> = { o: 'output', m: 'maxTime', w: 'writeOut', X: 'method', H: 'headers', d: 'data', E: 'cert', u: 'skip', A: 'skip', e: 'skip', x: 'skip', b: 'skip', c: 'skip', r: 'skip', T: 'skip', F: 'skip', U: 'skip', Y: 'skip', y: 'skip', z: 'skip', K: 'skip', Q: 'skip', C: 'skip' };

function parseArgs(args: string[]): Opts | { error: string; code: number } {
  const o: Opts = { silent: false, showError: false, head: false, include: false, fail: false, verbose: false, insecure: false, remoteName: false, location: false, maxTime: 0, connectTimeout: 0, headers: [], urls: [] };
  // str2udouble (tool_paramhlp.c): a number, not negative.
  const set = (k: string, v: string, flag: string): { error: string; code: number } | undefined => {
    if (k === 'skip') return;
    if (k === 'headers') o.headers.push(v);
    else if (k === 'maxTime' || k === 'connectTimeout') {
      const n = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n) || n < 0) return { error: `curl: option ${flag}: expected a ${Number.isNaN(n) ? 'proper' : 'positive'} numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
      (o as Obj)[k] = n;
    } else (o as Obj)[k] = v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (LONG[name]) (o as Obj)[LONG[name]] = true;
      else if (LONG_VALUE[name]) {
        if (eq < 0 && i + 1 >= args.length) return { error: `curl: option ${name}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
        const bad = set(LONG_VALUE[name], eq > 0 ? a.slice(eq + 1) : args[++i], name);
        if (bad) return bad;
      } else if (['--http1.1', '--http2', '--compressed', '--no-progress-meter', '--fail-with-body', '--ipv4', '--ipv6', '--no-keepalive', '--tlsv1.2', '--tlsv1.3', '--progress-bar'].includes(name)) {
        if (name === '--no-progress-meter') o.silent = o.silent || false;
        if (name === '--fail-with-body') o.fail = true;
      } else return { error: `curl: option ${name}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (SHORT[c]) (o as Obj)[SHORT[c]] = true;
        else if (SHORT_VALUE[c]) {
          const v = a.slice(j + 1) || args[++i];
          if (v === undefined) return { error: `curl: option -${c}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
          const bad = set(SHORT_VALUE[c], v, `-${c}`);
          if (bad) return bad;
          break;
        } else if (c === '4' || c === '6' || c === '#' || c === 'N') continue;
        else return { error: `curl: option -${a.slice(j)}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, code: 2 };
      }
    } else o.urls.push(a);
  }
  return o;
}

/** A URL as curl takes it (scheme optional: http). */
function parseUrl(url: string): { scheme: string; host: string; port: number; path: string; query: string; portGiven: boolean } | { bad: string } {
  let scheme = 'http';
  let rest = url;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  const cut = rest.search(/[/?#]/);
  const hostport = cut < 0 ? rest : rest.slice(0, cut);
  let pathq = cut < 0 ? '/' : rest.slice(cut);
  if (!pathq.startsWith('/')) pathq = '/' + pathq;
  pathq = pathq.replace(/#.*$/, '');
  const [path, query = ''] = pathq.split(/\?(.*)/s);
  const hp = hostport.slice(hostport.lastIndexOf('@') + 1);
  const colon = hp.lastIndexOf(':');
  const host = colon >= 0 ? hp.slice(0, colon) : hp;
  const portStr = colon >= 0 ? hp.slice(colon + 1) : '';
  if (!host) return { bad: 'URL rejected: No host part in the URL' };
  if (portStr && !/^\d+$/.test(portStr)) return { bad: 'URL rejected: Port number was not a decimal number between 0 and 65535' };
  const port = portStr ? Number(portStr) : scheme === 'https' ? 443 : 80;
  return { scheme, host, port, path, query, portGiven: !!portStr };
}

/** curl's max5data (tool_progress.c): a size in at most 5 columns. */
function size5(n: number): string {
  if (n < 100000) return String(n);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`;
  if (n < 100 * 1024 * 1024) return `${Math.floor(n / (1024 * 1024))}.${Math.floor(((n % (1024 * 1024)) * 10) / (1024 * 1024))}M`;
  return `${Math.floor(n / (1024 * 1024))}M`;
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const METER_ZERO = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n';

/** The final state of the progress meter after `got` of `size` bytes (the terminal keeps only it). */
function meterLine(size: number, got: number): string {
  const pct = (n: number) => String(size ? Math.floor((n * 100) / size) : n ? 100 : 0).padStart(3);
  const speed = got * 1000;
  return `${pct(got)} ${size5(size).padStart(5)}  ${pct(got)} ${size5(got).padStart(5)}    0     0  ${size5(speed).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${size5(speed).padStart(5)}\n`;
}

/** Which certificate authority file the client trusts: the cluster CA, etcd's CA, or something else. */
function caOf(world: NodeWorld, fs: FileSystem, content: string): 'kubernetes' | 'etcd' | 'other' {
  const cp = world.machine(world.controlPlaneName())?.fs ?? fs;
  if (content === cp.read('/etc/kubernetes/pki/ca.crt')) return 'kubernetes';
  if (content === cp.read('/etc/kubernetes/pki/etcd/ca.crt')) return 'etcd';
  return 'other';
}

export function curl(world: NodeWorld, ctx: CommandContext): number {
  const parsed = parseArgs(ctx.args);
  if ('error' in parsed) {
    ctx.err(parsed.error);
    return parsed.code;
  }
  const o = parsed;
  if (!o.urls.length) {
    ctx.err(`${ctx.args.length ? 'curl: no URL specified!\n' : ''}curl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  const machine = world.machine(ctx.shell.host.name);
  if (!machine) {
    ctx.err(`curl: (6) Could not resolve host: ${o.urls[0]}\n`);
    return 6;
  }
  const clock = world.cluster.clock;
  // curl shows its meter unless -s, or when the body goes to a terminal (tool_cb_prg/isatty).
  const bodyToTty = () => !!ctx.tty && (o.output === undefined || o.output === '-') && !o.remoteName;
  const showMeter = () => !o.silent && !bodyToTty();
  let status = 0;
  for (const url of o.urls) {
    const u = parseUrl(url);
    // post_per_transfer: the error, then --write-out whatever the result (http_code 000 without a response).
    const fail = (code: number, msg: string, ms = 0, extra = '', resp?: HttpResponse) => {
      if (ms) clock.advance(ms);
      if (showMeter() && !o.verbose) ctx.err(METER_HEAD + METER_ZERO);
      if (!o.silent || o.showError) ctx.err(`curl: (${code}) ${msg}\n${extra}`);
      if (o.writeOut !== undefined && !('bad' in u)) ctx.out(writeOut(o.writeOut, resp, 0, u, resp ? ipOf() : ''));
      return code;
    };
    let resolved = '';
    const ipOf = () => resolved;
    if ('bad' in u) {
      status = fail(3, u.bad);
      continue;
    }
    if (u.scheme !== 'http' && u.scheme !== 'https') {
      status = fail(1, `Protocol "${u.scheme}" not supported`);
      continue;
    }
    const v = (s: string) => o.verbose && ctx.err(s);
    const isLocalhost = u.host === 'localhost';
    const ip = isLocalhost ? '127.0.0.1' : resolveOnNode(world, ctx.fs, u.host);
    resolved = ip ?? '';
    if (!ip) {
      v(`* Could not resolve host: ${u.host}\n* Closing connection\n`);
      status = fail(6, `Could not resolve host: ${u.host}`);
      continue;
    }
    if (o.verbose && !/^\d+\.\d+\.\d+\.\d+$/.test(u.host)) v(`* Host ${u.host}:${u.port} was resolved.\n* IPv6: ${isLocalhost ? '::1' : '(none)'}\n* IPv4: ${ip}\n`);
    const conn = connectFromNode(world, machine, ip, u.port);
    // localhost: curl tries ::1 first; only servers bound to every address (Go's "*") answer there.
    if (isLocalhost && o.verbose) {
      v(`*   Trying [::1]:${u.port}...\n`);
      if (conn.kind === 'component' && conn.bind === '*') {
        v(`* Connected to localhost (::1) port ${u.port}\n`);
      } else {
        v(`* connect to ::1 port ${u.port} from ::1 port 48262 failed: Connection refused\n*   Trying 127.0.0.1:${u.port}...\n`);
        if (conn.kind === 'component' || conn.kind === 'open') v(`* Connected to localhost (127.0.0.1) port ${u.port}\n`);
      }
    } else {
      v(`*   Trying ${ip}:${u.port}...\n`);
      if (conn.kind === 'component' || conn.kind === 'open') v(`* Connected to ${u.host} (${ip}) port ${u.port}\n`);
    }
    if (conn.kind === 'refused') {
      v(`* connect to ${ip} port ${u.port} from ${ip.startsWith('127.') ? ip : machine.kubelet.spec.internalIP} port 48262 failed: Connection refused\n* Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server\n* Closing connection\n`);
      status = fail(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`);
      continue;
    }
    if (conn.kind === 'timeout') {
      const limit = [o.connectTimeout, o.maxTime].filter((t) => t > 0);
      if (limit.length) {
        const t = Math.round(Math.min(...limit) * 1000) + 1;
        v(`* Connection timed out after ${t} milliseconds\n* Closing connection\n`);
        status = fail(28, `Connection timed out after ${t} milliseconds`, t);
      } else {
        // The kernel gives up after tcp_syn_retries (6): 127 s; curl maps ETIMEDOUT to 28.
        v(`* connect to ${ip} port ${u.port} from ${machine.kubelet.spec.internalIP} port 48262 failed: Connection timed out\n* Failed to connect to ${u.host} port ${u.port} after 127000 ms: Couldn't connect to server\n* Closing connection\n`);
        status = fail(28, `Failed to connect to ${u.host} port ${u.port} after 127000 ms: Couldn't connect to server`, 127_000);
      }
      continue;
    }
    const tls = conn.kind === 'component' ? conn.c.tls : undefined;
    if (conn.kind === 'component' && conn.c.raw) {
      if (u.scheme === 'https') {
        status = fail(35, `${OPENSSL}: error:0A00010B:SSL routines::wrong version number`);
        continue;
      }
      v(`> GET ${u.path}${u.query ? '?' + u.query : ''} HTTP/1.1\n> Host: ${u.host}${u.portGiven ? ':' + u.port : ''}\n> User-Agent: curl/${CURL_VERSION}\n> Accept: */*\n> \n* Received HTTP/0.9 when not allowed\n* Closing connection\n`);
      status = fail(1, 'Received HTTP/0.9 when not allowed');
      continue;
    }
    let h2 = false;
    if (u.scheme === 'https') {
      if (!tls) {
        status = fail(35, `${OPENSSL}: error:0A00010B:SSL routines::wrong version number`);
        continue;
      }
      const c = (conn as { c: Component }).c;
      if (!o.insecure) {
        let trust: 'kubernetes' | 'etcd' | 'other' = 'other';
        if (o.cacert !== undefined) {
          const content = ctx.fs.read(FileSystem.normalize(o.cacert, ctx.cwd));
          if (content === undefined) {
            status = fail(77, `error setting certificate file: ${o.cacert}`);
            continue;
          }
          trust = caOf(world, ctx.fs, content);
        }
        const ca = c.cert?.ca ?? 'self';
        if (ca === 'self') {
          status = fail(60, 'SSL certificate problem: self-signed certificate in certificate chain', 0, CA_CERT_ERRORMSG);
          continue;
        }
        if (trust !== ca) {
          status = fail(60, 'SSL certificate problem: unable to get local issuer certificate', 0, CA_CERT_ERRORMSG);
          continue;
        }
        if (!(c.cert?.sans ?? []).includes(u.host)) {
          status = fail(60, `SSL: no alternative certificate subject name matches target host name '${u.host}'`, 0, CA_CERT_ERRORMSG);
          continue;
        }
      }
      if (tls === 'mtls' && !o.cert) {
        status = fail(56, `OpenSSL SSL_read: ${OPENSSL}: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0`);
        continue;
      }
      h2 = !!c.h2;
      if (o.verbose) {
        v(`* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n`);
        if (!o.insecure && o.cacert) v(`*  CAfile: ${o.cacert}\n*  CApath: /etc/ssl/certs\n`);
        else if (!o.insecure) v(`*  CAfile: /etc/ssl/certs/ca-certificates.crt\n*  CApath: /etc/ssl/certs\n`);
        v(`* TLSv1.3 (IN), TLS handshake, Server hello (2):\n* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):\n* TLSv1.3 (IN), TLS handshake, Certificate (11):\n* TLSv1.3 (IN), TLS handshake, CERT verify (15):\n* TLSv1.3 (IN), TLS handshake, Finished (20):\n* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):\n* TLSv1.3 (OUT), TLS handshake, Finished (20):\n* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256 / X25519 / RSASSA-PSS\n* ALPN: server accepted ${h2 ? 'h2' : 'http/1.1'}\n`);
      }
    }
    const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
    const reqHeaders: Record<string, string> = {};
    for (const h of o.headers) {
      const i = h.indexOf(':');
      if (i > 0) reqHeaders[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
    }
    const target = `${u.path}${u.query ? '?' + u.query : ''}`;
    const hostHeader = `${u.host}${u.portGiven ? ':' + u.port : ''}`;
    if (o.verbose) {
      const hdrs = h2
        ? `> ${method} ${target} HTTP/2\n> Host: ${hostHeader}\n> User-Agent: curl/${CURL_VERSION}\n> Accept: */*\n`
        : `> ${method} ${target} HTTP/1.1\n> Host: ${hostHeader}\n> User-Agent: curl/${CURL_VERSION}\n> Accept: */*\n`;
      v(hdrs + o.headers.map((h) => `> ${h}\n`).join('') + '> \n');
    }
    let resp: HttpResponse | undefined;
    let version = h2 ? 'HTTP/2' : 'HTTP/1.1';
    if (conn.kind === 'component') {
      if (u.scheme === 'http' && tls) {
        // Go's TLS server answering plain HTTP (net/http server.go): a bare HTTP/1.0 400.
        resp = { status: 400, reason: 'Bad Request', headers: [], body: 'Client sent an HTTP request to an HTTPS server.\n' };
        version = 'HTTP/1.0';
      } else resp = conn.c.answer({ method, path: u.path, query: u.query, headers: reqHeaders, clientCert: !!o.cert });
    } else {
      resp = httpAnswer(conn.listener, u.path, clock.now(), true, servedDocument(world, conn, u.path));
    }
    if (!resp) {
      v('* Empty reply from server\n* Closing connection\n');
      status = fail(52, 'Empty reply from server');
      continue;
    }
    const statusLine = h2 ? `HTTP/2 ${resp.status} ` : `${version} ${resp.status} ${resp.reason}`;
    const head = `${statusLine}\r\n` + resp.headers.map(([k, val]) => `${k}: ${val}\r\n`).join('') + '\r\n';
    if (o.verbose) {
      v(`< ${statusLine}\n` + resp.headers.map(([k, val]) => `< ${k}: ${val}\n`).join('') + '< \n');
      if (version === 'HTTP/1.0') v('* HTTP 1.0, assume close after body\n');
    }
    if (o.fail && resp.status >= 400) {
      v(`* The requested URL returned error: ${resp.status}\n* Closing connection\n`);
      status = fail(22, `The requested URL returned error: ${resp.status}`, 0, '', resp);
      continue;
    }
    const headOnly = method === 'HEAD';
    const body = headOnly ? '' : resp.body;
    const size = bytes(resp.body);
    const got = headOnly ? 0 : size;
    const text = (o.include || headOnly ? head : '') + body;
    if (showMeter() && !o.verbose) ctx.err(METER_HEAD + meterLine(headOnly ? 0 : size, got));
    // The trace marks received data only when stdout is no terminal (tool_cb_dbg.c).
    if (o.verbose && body && !ctx.tty) v(`{ [${got} bytes data]\n`);
    const file = o.output ?? (o.remoteName ? u.path.split('/').pop() || '' : undefined);
    if (o.remoteName && !file) {
      status = fail(23, 'Failed writing received data to disk/application');
      continue;
    }
    if (file === undefined || file === '-') ctx.out(text);
    else if (file !== '/dev/null') {
      const p = FileSystem.normalize(file, ctx.cwd);
      if (ctx.fs.isDir(p) || !ctx.fs.isDir(p.slice(0, p.lastIndexOf('/')) || '/')) {
        status = fail(23, 'Failure writing output to destination');
        continue;
      }
      ctx.fs.write(p, text);
    }
    if (o.verbose) v(version === 'HTTP/1.0' ? '* Closing connection\n' : `* Connection #0 to host ${u.host} left intact\n`);
    if (o.writeOut !== undefined) ctx.out(writeOut(o.writeOut, resp, got, u, ip));
  }
  return status;
}

/** -w: the variables a CKA check uses (tool_writeout.c), with \n, \t and \r escapes. */
function writeOut(fmt: string, r: HttpResponse | undefined, got: number, u: { scheme: string; host: string; port: number; path: string }, ip: string): string {
  const code = String(r?.status ?? 0).padStart(3, '0');
  const vars: Record<string, string> = {
    http_code: code,
    response_code: code,
    size_download: String(got),
    remote_ip: ip,
    remote_port: String(u.port),
    scheme: u.scheme.toUpperCase(),
    url: `${u.scheme}://${u.host}${u.path}`,
    time_total: '0.001000',
    time_connect: '0.000500',
    content_type: r?.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
  };
  return fmt.replace(/%\{([a-z_]+)\}/g, (m, k) => vars[k] ?? m).replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\r/g, '\r');
}

/** A document the serving container wrote under its server's document root (as exec.ts serves it). */
function servedDocument(world: NodeWorld, conn: Extract<Connection, { kind: 'open' }>, path: string) {
  const root = conn.listener.http?.docroot;
  const nodeName = (conn.pod.spec as Obj)?.nodeName as string | undefined;
  const kubelet = nodeName ? world.cluster.kubelets.get(nodeName) : undefined;
  const files = root && kubelet ? kubelet.podFiles(conn.pod as KubeObject, conn.container) : undefined;
  if (!root || !files) return undefined;
  const name = FileSystem.normalize(root + documentPath(path));
  const content = files.read(name);
  if (content !== undefined) return { name, content, mtime: files.mtime(name) ?? world.cluster.clock.now() };
  return files.mounted(name) && conn.listener.http?.forbidden ? ('hidden' as const) : undefined;
}
