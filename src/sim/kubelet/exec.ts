/**
 * What `kubectl exec POD -- CMD` runs inside a container: a model of the container's process
 * environment and filesystem (the image's files and volumes as read; what the container writes kept in
 * its writable layer and emptyDir volumes, containerfs.ts), and a handful of commands over it. Not an
 * emulator — enough for the things a CKA candidate checks from inside a pod:
 *   env / printenv     the process environment as containerd builds it (CRI containerd
 *                      internal/cri/server/container_create*.go): PATH and the image's ENV, HOSTNAME,
 *                      the container's env/envFrom (resolved by the kubelet), the service link
 *                      variables (kubelet pkg/kubelet/envvars/envvars.go FromServices), HOME
 *   cat / ls / head / tail / wc / grep
 *                      /etc/hostname, /etc/hosts (kubelet_pods.go managedHostsHeader), /etc/resolv.conf
 *                      (dns ClusterFirst: cluster DNS 10.96.0.10, search <ns>.svc.cluster.local
 *                      svc.cluster.local cluster.local, options ndots:5), ConfigMap / Secret /
 *                      projected service-account / hostPath volumes, a few image files
 *   hostname, whoami, id, echo, pwd, date, uname, sleep, true, false, nslookup, touch, mkdir,
 *                      sh -c '…' with redirections
 * Anything else that is not on the image's PATH fails the way containerd + runc fail an exec:
 * `OCI runtime exec failed: exec failed: unable to start container process: exec: "x": executable
 * file not found in $PATH: unknown`, reported by kube-apiserver as an InternalError.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import { res, type Client } from '../apiserver/client.ts';
import type { Rng } from '../clock/rng.ts';
import { HTTPD_INDEX, NGINX_INDEX, SERVERS, type ImageInfo } from './images.ts';
import { connect, documentPath, httpAnswer, type Connection, type Document } from './network.ts';
import { ALPINE_ROOT, BUSYBOX_ROOT, DEBIAN_ROOT, family, readOnlyMount, type ContainerFiles } from './containerfs.ts';
import { ISSUER, signedToken } from '../apiserver/tokenrequest.ts';
import { DAYS, MONTHS } from '../clock/clock.ts';
import { FileSystem } from '../shell/fs.ts';
import { evalArith } from '../shell/arith.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const CLUSTER_DNS = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** What the kubelet hands the exec model about one running container. */
export interface ContainerContext {
  pod: KubeObject;
  container: Container;
  image?: ImageInfo;
  /** Fully qualified image reference (docker.io/library/nginx:latest). */
  imageRef: string;
  /** The container's declared environment as the kubelet resolved it (envFrom, env). */
  declaredEnv: Record<string, string>;
  /** When the container (this instance) started, epoch ms. */
  startedAt: number;
  now: number;
  node: { name: string; internalIP: string };
  /** Services of the cluster (for service links and DNS). */
  services(): KubeObject[];
  /** Pods of the cluster (for DNS of pod A records and headless services). */
  pods(): KubeObject[];
  /** EndpointSlices (kube-proxy's view of a Service's endpoints, network.ts); optional in tests. */
  endpointSlices?(): KubeObject[];
  /** Nodes (their InternalIPs answer NodePorts). */
  nodes?(): KubeObject[];
  /** kube-proxy's random endpoint choice among n (the session's seeded stream). */
  pick?(n: number): number;
  /** The exec has a terminal (kubectl exec -t): curl then shows no progress meter. */
  tty?: boolean;
  /** A file through the container's volume mounts (hostPath, configMap, secret); undefined if absent. */
  mountedFile(path: string): string | undefined;
  /** The files of a configMap/secret/downwardAPI/projected volume of the pod by path inside it (optional in tests). */
  volumeFiles?(volumeName: string): Record<string, string> | undefined;
  /**
   * The running container's writable files: its layer and its emptyDir mounts (containerfs.ts). Without
   * it (unit tests) an exec writes to a scratch filesystem of its own.
   */
  files?: FileSystem;
  /** Another running container's writable files (the documents a web server it runs serves). */
  podFiles?(pod: KubeObject, container: string): ContainerFiles | undefined;
  configMap(ns: string, name: string): KubeObject | undefined;
  secret(ns: string, name: string): KubeObject | undefined;
  /** The cluster CA certificate (PEM) for the service-account volume. */
  caCert: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set when the process could not be started at all (runc's error text). */
  startError?: string;
  /** stdout and stderr in the order they were written (a log file keeps that order). */
  ordered?: { stream: 'stdout' | 'stderr'; text: string }[];
  /** Simulated time the command took (a script's clock moves by it), ms. */
  ms?: number;
}

/** The cluster-reading part of a ContainerContext, through an API client (kube-proxy picks with `rng`). */
export function clusterView(client: Client, rng?: Rng): Pick<ContainerContext, 'services' | 'pods' | 'endpointSlices' | 'nodes' | 'pick' | 'configMap' | 'secret'> {
  return {
    services: () => client.list(res('services')),
    pods: () => client.list(res('pods')),
    endpointSlices: () => client.list(res('endpointslices', 'discovery.k8s.io')),
    nodes: () => client.list(res('nodes')),
    configMap: (ns, name) => client.get(res('configmaps'), ns, name),
    secret: (ns, name) => client.get(res('secrets'), ns, name),
    ...(rng ? { pick: (n: number) => rng.intn(n) } : {}),
  };
}

/** Runs argv in a container at simulated time `at` (now when omitted): a ContainerProcess's exec. */
export type ContainerRunner = (argv: string[], stdin: string, at?: number) => ExecResult;

/** Collects a command's output in write order. */
class Out {
  chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  out(text: string) {
    if (text) this.chunks.push({ stream: 'stdout', text });
  }
  err(text: string) {
    if (text) this.chunks.push({ stream: 'stderr', text });
  }
  done(exitCode: number, ms: number): ExecResult {
    const pick = (k: 'stdout' | 'stderr') => this.chunks.filter((c) => c.stream === k).map((c) => c.text).join('');
    return { stdout: pick('stdout'), stderr: pick('stderr'), exitCode, ordered: this.chunks, ms };
  }
}

// ---- images ---------------------------------------------------------------------------------------

/** The image's ENV (docker inspect .Config.Env), PATH first. */
const IMAGE_ENV: Record<string, string[]> = {
  'docker.io/library/nginx': ['PATH=' + DEFAULT_PATH, 'NGINX_VERSION=1.29.3', 'NJS_VERSION=0.9.4', 'NJS_RELEASE=1~trixie', 'ACME_VERSION=0.3.1', 'PKG_RELEASE=1~trixie', 'DYNPKG_RELEASE=1~trixie'],
  'docker.io/library/httpd': ['PATH=/usr/local/apache2/bin:' + DEFAULT_PATH, 'HTTPD_PREFIX=/usr/local/apache2', 'HTTPD_VERSION=2.4.65', 'HTTPD_SHA256=58b8be97d9940ec17f7656c0c6b9f41b618aac468b894b534148e3296c53b8b3', 'HTTPD_PATCHES='],
  'docker.io/library/redis': ['PATH=' + DEFAULT_PATH, 'REDIS_DOWNLOAD_URL=https://github.com/redis/redis/archive/refs/tags/8.2.3.tar.gz', 'REDIS_DOWNLOAD_SHA=0b3ed5cbe9ddea1dcb7e6bb3e6d1d6a8d1f1ad8b6e6b0b7d0d37fd48f4d2d0f1'],
  'docker.io/library/python': ['PATH=/usr/local/bin:' + DEFAULT_PATH, 'LANG=C.UTF-8', 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', 'PYTHON_VERSION=3.14.0', 'PYTHON_SHA256=2299dae542d395ce3883aca00d3c910307cd68e0b2f7336098c8e7b7eee9f3e9'],
  'docker.io/library/node': ['PATH=' + DEFAULT_PATH, 'NODE_VERSION=24.11.1', 'YARN_VERSION=1.22.22'],
  'docker.io/library/postgres': ['PATH=' + DEFAULT_PATH + ':/usr/lib/postgresql/18/bin', 'GOSU_VERSION=1.19', 'LANG=en_US.utf8', 'PG_MAJOR=18', 'PG_VERSION=18.1-1.pgdg13+2', 'PGDATA=/var/lib/postgresql/18/docker'],
  'docker.io/library/mysql': ['PATH=' + DEFAULT_PATH, 'GOSU_VERSION=1.19', 'MYSQL_MAJOR=9.5', 'MYSQL_VERSION=9.5.0-1.el9', 'MYSQL_SHELL_VERSION=9.5.0-1.el9'],
};

/** Executables an image really lacks though the generic catalogue lists them (Debian slim bases). */
const MISSING: Record<string, string[]> = {
  'docker.io/library/nginx': ['ps', 'free', 'ping', 'nslookup', 'wget'],
  'docker.io/library/httpd': ['ps', 'free', 'ping', 'nslookup', 'wget', 'curl'],
  'docker.io/library/redis': ['ps', 'free', 'ping', 'nslookup', 'wget', 'curl'],
  'docker.io/library/debian': ['ps', 'free', 'ping', 'nslookup', 'wget', 'curl'],
  'docker.io/library/ubuntu': ['ps', 'free', 'ping', 'nslookup', 'wget', 'curl'],
};

/** Tools of every image that has a shell, beyond what the catalogue lists. */
const BASE_TOOLS = ['grep', 'wc', 'head', 'tail', 'cat', 'ls', 'echo', 'env', 'printenv', 'id', 'pwd', 'uname', 'date', 'sleep', 'true', 'false', 'mkdir', 'touch', 'hostname', 'whoami'];

/** Where a binary lives, for `which`-style lookups and absolute paths. */
const BIN_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];


const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
NAME="Debian GNU/Linux"
VERSION_ID="13"
VERSION="13 (trixie)"
VERSION_CODENAME=trixie
DEBIAN_VERSION_FULL=13.2
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const ALPINE_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.22.2
PRETTY_NAME="Alpine Linux v3.22"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;


function imageFiles(repo: string, tag: string): Record<string, string> {
  const files: Record<string, string> = {};
  const fam = tag.includes('alpine') ? 'alpine' : family(repo);
  if (fam === 'debian') files['/etc/os-release'] = DEBIAN_OS_RELEASE;
  if (fam === 'alpine') files['/etc/os-release'] = ALPINE_OS_RELEASE;
  if (repo === 'docker.io/library/nginx') {
    files['/usr/share/nginx/html/index.html'] = NGINX_INDEX;
    files['/etc/nginx/conf.d/default.conf'] = NGINX_DEFAULT_CONF;
  }
  if (repo === 'docker.io/library/httpd') files['/usr/local/apache2/htdocs/index.html'] = HTTPD_INDEX;
  return files;
}

// ---- the container --------------------------------------------------------------------------------

/** makeEnvVariableName (envvars.go): upper-case, '-' → '_'. */
function envName(s: string): string {
  return s.toUpperCase().replace(/-/g, '_');
}

/** Service link variables of one service (envvars.go FromServices + makeLinkVariables). */
export function serviceEnv(svc: KubeObject): [string, string][] {
  const spec = (svc.spec ?? {}) as Obj;
  const ip: string | undefined = spec.clusterIP;
  if (!ip || ip === 'None') return [];
  const ports: Obj[] = spec.ports ?? [];
  if (!ports.length) return [];
  const p = envName(svc.metadata.name!);
  const out: [string, string][] = [[`${p}_SERVICE_HOST`, ip], [`${p}_SERVICE_PORT`, String(ports[0].port)]];
  for (const sp of ports) if (sp.name) out.push([`${p}_SERVICE_PORT_${envName(sp.name)}`, String(sp.port)]);
  ports.forEach((sp, i) => {
    const proto = String(sp.protocol ?? 'TCP');
    const url = `${proto.toLowerCase()}://${ip}:${sp.port}`;
    if (i === 0) out.push([`${p}_PORT`, url]);
    const base = `${p}_PORT_${sp.port}_${proto.toUpperCase()}`;
    out.push([base, url], [`${base}_PROTO`, proto.toLowerCase()], [`${base}_PORT`, String(sp.port)], [`${base}_ADDR`, ip]);
  });
  return out;
}

class ContainerProcess {
  readonly ctx: ContainerContext;
  readonly repo: string;
  readonly tag: string;
  readonly env: Map<string, string>;
  private files: Record<string, string>;
  /** What the container wrote: its layer and emptyDir volumes. */
  private writable: FileSystem;

  constructor(ctx: ContainerContext) {
    this.ctx = ctx;
    this.writable = ctx.files ?? new FileSystem();
    const at = ctx.imageRef.lastIndexOf(':');
    this.repo = ctx.image?.repo ?? ctx.imageRef.slice(0, at);
    this.tag = ctx.imageRef.slice(at + 1);
    this.env = this.buildEnv();
    this.files = imageFiles(this.repo, this.tag);
  }

  get ns(): string {
    return this.ctx.pod.metadata.namespace ?? 'default';
  }

  get spec(): Obj {
    return (this.ctx.pod.spec ?? {}) as Obj;
  }

  get hostname(): string {
    return this.spec.hostname || this.ctx.pod.metadata.name!;
  }

  private buildEnv(): Map<string, string> {
    const env = new Map<string, string>();
    const imageEnv = IMAGE_ENV[this.repo] ?? ['PATH=' + DEFAULT_PATH];
    const [pathVar, ...rest] = imageEnv;
    env.set('PATH', pathVar.slice(5));
    env.set('HOSTNAME', this.hostname);
    for (const kv of rest) env.set(kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1));
    for (const [k, v] of Object.entries(this.ctx.declaredEnv)) env.set(k, v);
    // Service links: services of the pod's namespace that existed when the container started, and
    // always the master service (kubelet_pods.go getServiceEnvVarMap).
    const links = this.spec.enableServiceLinks !== false;
    const svcs = this.ctx
      .services()
      .filter((s) => Date.parse(s.metadata.creationTimestamp ?? '') <= this.ctx.startedAt)
      .filter((s) => (links && s.metadata.namespace === this.ns) || (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes'))
      .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    for (const s of svcs) for (const [k, v] of serviceEnv(s)) if (!(k in this.ctx.declaredEnv)) env.set(k, v);
    if (!env.has('HOME')) env.set('HOME', this.user().home);
    return env;
  }

  user(): { uid: number; name?: string; home: string } {
    const sc = { ...((this.spec.securityContext ?? {}) as Obj), ...((this.ctx.container.securityContext ?? {}) as Obj) };
    const uid = typeof sc.runAsUser === 'number' ? sc.runAsUser : 0;
    if (uid === 0) return { uid, name: 'root', home: '/root' };
    if (uid === 65534) return { uid, name: 'nobody', home: family(this.repo) === 'debian' ? '/nonexistent' : '/home' };
    return { uid, home: '/' };
  }

  /** Which executables exist, by base name. */
  private hasBinary(name: string): boolean {
    const base = name.split('/').pop()!;
    // The Debian images lack them; an alpine variant has busybox's applets (wget, nslookup, ping…), and
    // curl only where the catalogue lists it (nginx's alpine Dockerfile adds curl).
    if (!this.tag.includes('alpine') && MISSING[this.repo]?.includes(base)) return false;
    if (this.ctx.image?.binaries.some((b) => b === name || b.split('/').pop() === base)) return true;
    // Every image with a shell (Debian coreutils/grep, busybox applets) has the basic text tools.
    return !!this.ctx.image?.binaries.includes('sh') && BASE_TOOLS.includes(base);
  }

  // ---- files ----

  private resolvConf(): string {
    const policy = this.spec.dnsPolicy ?? 'ClusterFirst';
    const hostNet = !!this.spec.hostNetwork;
    const cfg = (this.spec.dnsConfig ?? {}) as Obj;
    let servers: string[] = [];
    let searches: string[] = [];
    let options: string[] = [];
    if (policy === 'ClusterFirst' && !hostNet || policy === 'ClusterFirstWithHostNet') {
      servers = [CLUSTER_DNS];
      searches = [`${this.ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
      options = ['ndots:5'];
    } else if (policy !== 'None') {
      servers = ['127.0.0.53'];
      options = ['edns0', 'trust-ad'];
    }
    servers = [...servers, ...(cfg.nameservers ?? [])];
    searches = [...searches, ...(cfg.searches ?? [])];
    for (const o of (cfg.options ?? []) as Obj[]) options.push(o.value !== undefined ? `${o.name}:${o.value}` : o.name);
    let out = '';
    if (searches.length) out += `search ${searches.join(' ')}\n`;
    for (const s of servers) out += `nameserver ${s}\n`;
    if (options.length) out += `options ${options.join(' ')}\n`;
    return out;
  }

  private hostsFile(): string {
    const podIP = (this.ctx.pod.status as Obj | undefined)?.podIP;
    if (this.spec.hostNetwork) {
      return `# Kubernetes-managed hosts file (host network).\n127.0.0.1 localhost\n${this.ctx.node.internalIP} ${this.ctx.node.name}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
    }
    let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
    if (podIP) {
      const sub = this.spec.subdomain;
      out += sub ? `${podIP}\t${this.hostname}.${sub}.${this.ns}.svc.${CLUSTER_DOMAIN}\t${this.hostname}\n` : `${podIP}\t${this.hostname}\n`;
    }
    for (const ha of (this.spec.hostAliases ?? []) as Obj[]) {
      out += `\n# Entries added by HostAliases.\n${ha.ip}\t${(ha.hostnames ?? []).join('\t')}\n`;
    }
    return out;
  }

  /** The projected service-account volume's files. */
  private saFile(name: string): string | undefined {
    if (name === 'namespace') return this.ns;
    if (name === 'ca.crt') {
      const cm = this.ctx.configMap(this.ns, 'kube-root-ca.crt');
      return ((cm?.data as Record<string, string> | undefined)?.['ca.crt']) ?? this.ctx.caCert;
    }
    if (name === 'token') return serviceAccountToken(this.ctx.pod, this.ctx.startedAt);
    return undefined;
  }

  /** Without the kubelet's volumeFiles (unit tests): a configMap or secret volume's keys or item paths. */
  private keyedFiles(vol: Obj): Record<string, string> {
    const src = vol.configMap ? this.ctx.configMap(this.ns, vol.configMap.name) : vol.secret ? this.ctx.secret(this.ns, vol.secret.secretName) : undefined;
    const data = (src?.data ?? {}) as Record<string, string>;
    const items = (vol.configMap ?? vol.secret)?.items as Obj[] | undefined;
    return Object.fromEntries(items ? items.map((i) => [String(i.path), '']) : Object.keys(data).map((k) => [k, '']));
  }

  /** Mount point → the entries it shows (for ls) and how to read them. */
  private mounts(): { path: string; entries: () => string[]; read: (rel: string) => string | undefined }[] {
    const out: { path: string; entries: () => string[]; read: (rel: string) => string | undefined }[] = [];
    for (const m of (this.ctx.container.volumeMounts ?? []) as Obj[]) {
      const vol = ((this.spec.volumes ?? []) as Obj[]).find((v) => v.name === m.name);
      if (!vol) continue;
      const path = String(m.mountPath).replace(/\/+$/, '') || '/';
      if (vol.projected && (vol.projected.sources ?? []).some((s: Obj) => s.serviceAccountToken)) {
        out.push({ path, entries: () => ['ca.crt', 'namespace', 'token'], read: (rel) => this.saFile(rel) });
        continue;
      }
      if (vol.configMap || vol.secret || vol.projected || vol.downwardAPI) {
        // A subPath mount shows the one file (or directory) it names.
        const files = () => {
          const all = Object.keys(this.ctx.volumeFiles?.(vol.name) ?? this.keyedFiles(vol));
          if (!m.subPath) return all;
          const pre = String(m.subPath).replace(/\/+$/, '') + '/';
          return all.filter((f) => f.startsWith(pre)).map((f) => f.slice(pre.length));
        };
        out.push({ path, entries: files, read: (rel: string) => (m.subPath && !rel ? this.ctx.mountedFile(path) : this.ctx.mountedFile(`${path}/${rel}`)) });
      } else if ((vol.emptyDir || vol.hostPath) && this.ctx.files) {
        // Its files are among the writable ones.
        continue;
      } else if (vol.hostPath || vol.emptyDir || vol.persistentVolumeClaim) {
        out.push({ path, entries: () => [], read: (rel) => this.ctx.mountedFile(rel ? `${path}/${rel}` : path) });
      }
    }
    return out.sort((a, b) => b.path.length - a.path.length);
  }

  /** A path as the process resolves it: relative to its working directory (workingDir, else /). */
  private abs(path: string): string {
    return normalize(path.startsWith('/') ? path : `${this.ctx.container.workingDir || '/'}/${path}`);
  }

  readFile(path: string): { content?: string; isDir?: boolean } {
    const p = this.abs(path);
    for (const m of this.mounts()) {
      if (p === m.path) {
        const single = this.ctx.mountedFile(p);
        return single !== undefined ? { content: single } : { isDir: true };
      }
      if (p.startsWith(m.path + '/')) {
        const rel = p.slice(m.path.length + 1);
        const c = m.read(rel);
        if (c !== undefined) return { content: c };
        // An item path with directories (private/tls.key) makes those directories.
        return m.entries().some((f) => f.startsWith(rel + '/')) ? { isDir: true } : {};
      }
    }
    if (this.writable.isFile(p)) return { content: this.writable.read(p) };
    if (p === '/etc/hostname') return { content: this.hostname + '\n' };
    if (p === '/etc/hosts') return { content: this.hostsFile() };
    if (p === '/etc/resolv.conf') return { content: this.resolvConf() };
    if (this.files[p] !== undefined) return { content: this.files[p] };
    if (this.dirEntries(p)) return { isDir: true };
    return {};
  }

  /** Entries of a directory the model knows, or undefined. */
  dirEntries(path: string): string[] | undefined {
    const p = this.abs(path);
    const names = new Set<string>();
    let known = false;
    for (const m of this.mounts()) {
      if (p === m.path) {
        known = true;
        for (const e of m.entries()) names.add(e.split('/')[0]);
      } else if (p.startsWith(m.path + '/')) {
        const pre = p.slice(m.path.length + 1) + '/';
        for (const e of m.entries()) {
          if (!e.startsWith(pre)) continue;
          known = true;
          names.add(e.slice(pre.length).split('/')[0]);
        }
        if (known) break;
      } else if (m.path.startsWith(p === '/' ? '/' : p + '/')) {
        known = true;
        names.add(m.path.slice(p === '/' ? 1 : p.length + 1).split('/')[0]);
      }
    }
    const all = [...Object.keys(this.files), '/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];
    for (const f of all) {
      if (f.startsWith(p === '/' ? '/' : p + '/')) {
        known = true;
        names.add(f.slice(p === '/' ? 1 : p.length + 1).split('/')[0]);
      }
    }
    if (p === '/') {
      known = true;
      const fam = this.tag.includes('alpine') ? 'alpine' : family(this.repo);
      for (const d of fam === 'busybox' ? BUSYBOX_ROOT : fam === 'alpine' ? ALPINE_ROOT : DEBIAN_ROOT) names.add(d);
      if (this.ctx.image?.entrypoint.includes('/docker-entrypoint.sh')) names.add('docker-entrypoint.sh').add('docker-entrypoint.d');
    }
    if (['/tmp', '/root', '/home', '/mnt', '/opt', '/srv', '/media'].includes(p)) known = true;
    if (this.writable.isDir(p)) {
      known = true;
      for (const n of this.writable.list(p)) names.add(n);
    }
    if (p === '/bin' || p === '/usr/bin') {
      known = true;
      for (const b of this.ctx.image?.binaries ?? []) if (!b.includes('/') && this.hasBinary(b)) names.add(b);
    }
    return known ? [...names].sort() : undefined;
  }

  /**
   * Where a write to `path` would fail, with the error's text (errno), or undefined when it can be
   * written: a ConfigMap, Secret, projected or downward API volume and a readOnly mount are read-only,
   * so is the rest with securityContext.readOnlyRootFilesystem; the directory must exist.
   */
  private writeError(path: string): 'Read-only file system' | 'No such file or directory' | 'Is a directory' | undefined {
    const p = this.abs(path);
    if (this.readOnly(p)) return 'Read-only file system';
    if (this.readFile(p).isDir) return 'Is a directory';
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    return this.readFile(parent).isDir ? undefined : 'No such file or directory';
  }

  /** Whether `p` lies on a read-only filesystem of the container. */
  private readOnly(p: string): boolean {
    const volumes = (this.spec.volumes ?? []) as Obj[];
    for (const m of [...((this.ctx.container.volumeMounts ?? []) as Obj[])].sort((a, b) => String(b.mountPath).length - String(a.mountPath).length)) {
      const mp = String(m.mountPath).replace(/\/+$/, '') || '/';
      if (p !== mp && !p.startsWith(mp + '/')) continue;
      return readOnlyMount(m, volumes.find((v) => v.name === m.name));
    }
    return !!this.ctx.container.securityContext?.readOnlyRootFilesystem;
  }

  /** Write (or append to) a file the container can write; the errno text when it cannot. */
  private writeFile(path: string, content: string, append: boolean): string | undefined {
    const err = this.writeError(path);
    if (err) return err;
    const p = this.abs(path);
    if (append && this.writable.isFile(p)) this.writable.append(p, content);
    else this.writable.write(p, append ? (this.readFile(p).content ?? '') + content : content);
    return undefined;
  }

  // ---- running commands ----

  /** Run argv as the container's runtime would start it. */
  exec(argv: string[], stdin = ''): ExecResult {
    const bin = argv[0] ?? '';
    if (bin.includes('/')) {
      if (!this.hasBinary(bin) || !BIN_DIRS.includes(bin.slice(0, bin.lastIndexOf('/'))) && !this.ctx.image?.binaries.includes(bin)) {
        return { stdout: '', stderr: '', exitCode: 126, startError: `exec: "${bin}": stat ${bin}: no such file or directory: unknown` };
      }
    } else if (!this.hasBinary(bin)) {
      return { stdout: '', stderr: '', exitCode: 127, startError: `exec: "${bin}": executable file not found in $PATH: unknown` };
    }
    return this.run(argv, stdin);
  }

  private run(argv: string[], stdin: string): ExecResult {
    const base = argv[0].split('/').pop()!;
    const args = argv.slice(1);
    const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
    const fail = (stderr: string, exitCode = 1, stdout = ''): ExecResult => ({ stdout, stderr, exitCode });
    const isBusybox = this.busybox;
    switch (base) {
      case 'env':
        if (args.length && !args[0].startsWith('-')) {
          // env VAR=x cmd …: run with extra variables
          const extra = args.filter((a) => a.includes('='));
          const rest = args.slice(extra.length);
          for (const kv of extra) this.env.set(kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1));
          if (rest.length) return this.exec(rest, stdin);
        }
        return ok([...this.env].map(([k, v]) => `${k}=${v}\n`).join(''));
      case 'printenv': {
        if (!args.length) return ok([...this.env].map(([k, v]) => `${k}=${v}\n`).join(''));
        let out = '';
        let missing = false;
        for (const a of args) {
          if (this.env.has(a)) out += this.env.get(a) + '\n';
          else missing = true;
        }
        return { stdout: out, stderr: '', exitCode: missing ? 1 : 0 };
      }
      case 'echo': {
        const noNewline = args[0] === '-n';
        const words = noNewline ? args.slice(1) : args;
        return ok(words.join(' ') + (noNewline ? '' : '\n'));
      }
      case 'hostname':
        return ok(this.hostname + '\n');
      case 'whoami': {
        const u = this.user();
        if (u.name) return ok(u.name + '\n');
        return fail(isBusybox ? `whoami: unknown uid ${u.uid}\n` : `whoami: cannot find name for user ID ${u.uid}\n`);
      }
      case 'id': {
        const u = this.user();
        return ok(u.uid === 0 ? (isBusybox ? 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n' : 'uid=0(root) gid=0(root) groups=0(root)\n') : `uid=${u.uid}${u.name ? `(${u.name})` : ''} gid=0(root) groups=0(root)\n`);
      }
      case 'pwd':
        return ok((this.ctx.container.workingDir || '/') + '\n');
      case 'true':
      case 'sleep':
        return ok('');
      case 'false':
        return { stdout: '', stderr: '', exitCode: 1 };
      case 'date':
        return ok(goDate(this.ctx.now) + '\n');
      case 'uname':
        return ok(args.includes('-a') ? `Linux ${this.hostname} 6.8.0-85-generic #85-Ubuntu SMP PREEMPT_DYNAMIC Thu Sep 18 15:26:59 UTC 2025 x86_64${isBusybox ? ' GNU/Linux' : ' GNU/Linux'}\n` : args.includes('-r') ? '6.8.0-85-generic\n' : 'Linux\n');
      case 'cat':
        return this.cat(args, stdin, base);
      case 'head':
      case 'tail':
        return this.headTail(base, args, stdin);
      case 'wc':
        return this.wc(args, stdin);
      case 'grep':
        return this.grep(args, stdin);
      case 'ls':
        return this.ls(args);
      case 'nslookup':
        return this.nslookup(args);
      case 'wget':
        return this.wget(args);
      case 'curl':
        return this.curl(args);
      case 'nginx':
        // nginx -v prints the version to stderr (ngx_show_version_info); the server itself runs.
        if (args[0] === '-v') {
          // The version the tag names: a full x.y.z, or the catalogue's own build for latest/mainline/1.29.
          const full = /^(\d+\.\d+\.\d+)(-|$)/.exec(this.tag)?.[1];
          const current = SERVERS['docker.io/library/nginx'][0].http!.server.split('/')[1];
          const v = full ?? (['latest', 'mainline', 'alpine', 'mainline-alpine', '1.29', '1.29-alpine'].includes(this.tag) ? current : undefined);
          return v ? { stdout: '', stderr: `nginx version: nginx/${v}\n`, exitCode: 0 } : ok('');
        }
        return ok('');
      case 'sh':
      case 'bash':
      case 'ash': {
        if (args[0] === '-c') return this.shell(args[1] ?? '', stdin);
        if (!args.length || args[0] === '-i' || args[0] === '-il' || args[0] === '-l') return this.shell(stdin, '');
        const script = this.readFile(args[0]);
        if (script.content === undefined) return fail(`${base}: can't open '${args[0]}': No such file or directory\n`, 2);
        return this.shell(script.content, stdin);
      }
      case 'touch':
        return this.touch(args, isBusybox);
      case 'mkdir':
        return this.mkdir(args, isBusybox);
      default:
        // Servers and tools the model has no output for: they start and end quietly.
        return ok('');
    }
  }

  /** touch FILE…: an empty file where there is none (coreutils and busybox word their errors apart). */
  private touch(args: string[], busybox: boolean): ExecResult {
    let err = '';
    const files: string[] = [];
    let create = true;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-c' || a === '--no-create') create = false;
      else if (a === '-d' || a === '-r' || a === '-t') i++; // its argument: a time or a reference file
      else if (!a.startsWith('-') || a === '-') files.push(a);
    }
    for (const a of files) {
      const f = this.readFile(a);
      // An existing file gets new times: refused on a read-only filesystem too (utimensat: EROFS).
      const e = f.content !== undefined || f.isDir ? (this.readOnly(this.abs(a)) ? 'Read-only file system' : undefined) : create ? this.writeFile(a, '', false) : undefined;
      if (e) err += busybox ? `touch: ${a}: ${e}\n` : `touch: cannot touch '${a}': ${e}\n`;
    }
    return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
  }

  /** mkdir [-p] DIR…: a directory in the container's writable files. */
  private mkdir(args: string[], busybox: boolean): ExecResult {
    const parents = args.some((a) => /^-[a-z]*p/.test(a) || a === '--parents');
    let err = '';
    const cannot = (d: string, e: string) => (err += busybox ? `mkdir: can't create directory '${d}': ${e}\n` : `mkdir: cannot create directory '${d}': ${e}\n`);
    const dirs = args.filter((x, i) => !x.startsWith('-') && args[i - 1] !== '-m');
    for (const d of dirs) {
      const p = this.abs(d);
      const f = this.readFile(p);
      if (f.isDir || f.content !== undefined) {
        if (!parents || f.content !== undefined) cannot(d, 'File exists');
        continue;
      }
      const parent = p.slice(0, p.lastIndexOf('/')) || '/';
      if (this.readOnly(p)) cannot(d, 'Read-only file system');
      else if (!parents && !this.readFile(parent).isDir) cannot(d, 'No such file or directory');
      else this.writable.mkdirp(p);
    }
    return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
  }

  /** busybox applets (busybox, alpine images) word their errors apart from GNU coreutils (Debian images). */
  private get busybox(): boolean {
    return family(this.repo) !== 'debian' || this.tag.includes('alpine');
  }

  private cat(args: string[], stdin: string, name: string): ExecResult {
    if (!args.length) return { stdout: stdin, stderr: '', exitCode: 0 };
    let out = '';
    let err = '';
    for (const a of args) {
      const f = this.readFile(a);
      if (f.content !== undefined) out += f.content;
      // busybox: open_or_warn's "can't open '%s'", a directory fails at read; coreutils: "%s: %s".
      else if (f.isDir) err += this.busybox ? `${name}: read error: Is a directory\n` : `${name}: ${a}: Is a directory\n`;
      else err += this.busybox ? `${name}: can't open '${a}': No such file or directory\n` : `${name}: ${a}: No such file or directory\n`;
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  }

  private inputOf(files: string[], stdin: string, name: string): { text: string; err: string } {
    if (!files.length) return { text: stdin, err: '' };
    let text = '';
    let err = '';
    for (const f of files) {
      const r = this.readFile(f);
      if (r.content !== undefined) text += r.content;
      // busybox: tail opens with open_or_warn ("can't open '%s'"), head and wc with fopen_or_warn_stdin.
      else if (this.busybox && name === 'tail') err += `${name}: can't open '${f}': No such file or directory\n`;
      else if (this.busybox) err += `${name}: ${f}: No such file or directory\n`;
      // GNU: head and tail "cannot open 'f' for reading", wc and grep "f: No such file or directory".
      else err += name === 'head' || name === 'tail' ? `${name}: cannot open '${f}' for reading: No such file or directory\n` : `${name}: ${f}: No such file or directory\n`;
    }
    return { text, err };
  }

  private headTail(name: string, args: string[], stdin: string): ExecResult {
    let n = 10;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-n') n = Number(args[++i]);
      else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
      else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
      else if (a === '-f') continue;
      else files.push(a);
    }
    const { text, err } = this.inputOf(files, stdin, name);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const pick = name === 'head' ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n));
    return { stdout: pick.map((l) => l + '\n').join(''), stderr: err, exitCode: err ? 1 : 0 };
  }

  private wc(args: string[], stdin: string): ExecResult {
    const flags = args.filter((a) => a.startsWith('-'));
    const files = args.filter((a) => !a.startsWith('-'));
    const { text, err } = this.inputOf(files, stdin, 'wc');
    // A file that cannot be opened gets its error and no count line.
    if (files.length === 1 && err) return { stdout: '', stderr: err, exitCode: 1 };
    const lines = (text.match(/\n/g) ?? []).length;
    const words = text.split(/\s+/).filter(Boolean).length;
    const bytes = new TextEncoder().encode(text).length;
    if (flags.includes('-l')) return { stdout: `${lines}${files[0] ? ' ' + files[0] : ''}\n`, stderr: err, exitCode: err ? 1 : 0 };
    if (flags.includes('-c')) return { stdout: `${bytes}${files[0] ? ' ' + files[0] : ''}\n`, stderr: err, exitCode: err ? 1 : 0 };
    return { stdout: `${String(lines).padStart(7)} ${String(words).padStart(7)} ${String(bytes).padStart(7)}${files[0] ? ' ' + files[0] : ''}\n`, stderr: err, exitCode: err ? 1 : 0 };
  }

  private grep(args: string[], stdin: string): ExecResult {
    const flags = new Set<string>();
    const rest: string[] = [];
    for (const a of args) {
      if (a.startsWith('-') && a.length > 1 && !rest.length) for (const c of a.slice(1)) flags.add(c);
      else rest.push(a);
    }
    const [pattern, ...files] = rest;
    if (pattern === undefined) return { stdout: '', stderr: 'Usage: grep [OPTION]... PATTERNS [FILE]...\nTry \'grep --help\' for more information.\n', exitCode: 2 };
    const { text, err } = this.inputOf(files, stdin, 'grep');
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags.has('i') ? 'i' : '');
    } catch {
      re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags.has('i') ? 'i' : '');
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const hits = lines.filter((l) => re.test(l) !== flags.has('v'));
    if (flags.has('c')) return { stdout: `${hits.length}\n`, stderr: err, exitCode: hits.length ? 0 : 1 };
    return { stdout: hits.map((l) => l + '\n').join(''), stderr: err, exitCode: err ? 2 : hits.length ? 0 : 1 };
  }

  private ls(args: string[]): ExecResult {
    const opts = new Set<string>();
    const paths: string[] = [];
    for (const a of args) {
      if (a.startsWith('-') && a.length > 1) for (const c of a.slice(1)) opts.add(c);
      else paths.push(a);
    }
    if (!paths.length) paths.push(this.ctx.container.workingDir || '/');
    let out = '';
    let err = '';
    const many = paths.length > 1;
    const isBusybox = family(this.repo) !== 'debian';
    paths.forEach((p, i) => {
      const entries = this.dirEntries(p);
      if (!entries) {
        const f = this.readFile(p);
        if (f.content !== undefined) {
          out += (opts.has('l') ? `-rw-r--r--    1 root     root     ${String(f.content.length).padStart(8)} ${lsDate(this.ctx.startedAt)} ${p}` : p) + '\n';
          return;
        }
        err += isBusybox ? `ls: ${p}: No such file or directory\n` : `ls: cannot access '${p}': No such file or directory\n`;
        return;
      }
      if (many) out += `${i > 0 ? '\n' : ''}${p}:\n`;
      let names = entries;
      if (opts.has('a')) names = ['.', '..', ...names];
      if (opts.has('l')) {
        const rows = names.map((n) => {
          const full = normalize(`${p}/${n}`);
          const dir = n === '.' || n === '..' || !!this.dirEntries(full);
          return { n, dir, links: dir ? 2 : 1, size: dir ? 4096 : new TextEncoder().encode(this.readFile(full).content ?? '').length };
        });
        out += `total ${rows.reduce((t, r) => t + Math.max(4, Math.ceil(r.size / 4096) * 4), 0)}\n`;
        // GNU coreutils aligns columns to the widest entry; busybox uses fixed widths.
        const lw = Math.max(...rows.map((r) => String(r.links).length));
        const sw = Math.max(...rows.map((r) => String(r.size).length));
        for (const r of rows) {
          const mode = r.dir ? 'drwxr-xr-x' : '-rw-r--r--';
          out += isBusybox
            ? `${mode}    ${r.links} root     root     ${String(r.size).padStart(8)} ${lsDate(this.ctx.startedAt)} ${r.n}\n`
            : `${mode} ${String(r.links).padStart(lw)} root root ${String(r.size).padStart(sw)} ${lsDate(this.ctx.startedAt)} ${r.n}\n`;
        }
      } else out += names.map((n) => n + '\n').join('');
    });
    return { stdout: out, stderr: err, exitCode: err ? (isBusybox ? 1 : 2) : 0 };
  }

  /** nslookup against CoreDNS (kubernetes plugin records: services, headless endpoints, pods). */
  private nslookup(args: string[]): ExecResult {
    const name = args.find((a) => !a.startsWith('-'));
    if (!name) return { stdout: '', stderr: 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n', exitCode: 1 };
    const old = this.tag === '1.28';
    const candidates = name.endsWith('.') ? [name.slice(0, -1)] : name.split('.').length > 5 ? [name] : [`${name}.${this.ns}.svc.${CLUSTER_DOMAIN}`, `${name}.svc.${CLUSTER_DOMAIN}`, `${name}.${CLUSTER_DOMAIN}`, name];
    let found: { fqdn: string; ips: string[] } | undefined;
    for (const c of candidates) {
      const ips = this.resolve(c);
      if (ips.length) {
        found = { fqdn: c, ips };
        break;
      }
    }
    if (old) {
      let out = `Server:    ${CLUSTER_DNS}\nAddress 1: ${CLUSTER_DNS} kube-dns.kube-system.svc.${CLUSTER_DOMAIN}\n\n`;
      if (!found) return { stdout: out, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
      out += `Name:      ${name}\n`;
      found.ips.forEach((ip, i) => (out += `Address ${i + 1}: ${ip} ${this.reverse(ip) ?? ''}`.trimEnd() + '\n'));
      return { stdout: out, stderr: '', exitCode: 0 };
    }
    let out = `Server:\t\t${CLUSTER_DNS}\nAddress:\t${CLUSTER_DNS}:53\n\n`;
    if (!found) {
      for (const c of candidates) out += `** server can't find ${c}: NXDOMAIN\n\n`;
      return { stdout: out, stderr: '', exitCode: 1 };
    }
    out += `Name:\t${found.fqdn}\n`;
    for (const ip of found.ips) out += `Address: ${ip}\n`;
    out += '\n';
    return { stdout: out, stderr: '', exitCode: 0 };
  }

  /** CoreDNS kubernetes plugin A records. */
  private resolve(fqdn: string): string[] {
    const suffix = `.svc.${CLUSTER_DOMAIN}`;
    if (fqdn.endsWith(suffix)) {
      const parts = fqdn.slice(0, -suffix.length).split('.');
      if (parts.length === 2) {
        const [svcName, ns] = parts;
        const svc = this.ctx.services().find((s) => s.metadata.name === svcName && s.metadata.namespace === ns);
        if (!svc) return [];
        const spec = (svc.spec ?? {}) as Obj;
        if (spec.type === 'ExternalName') return [];
        if (spec.clusterIP && spec.clusterIP !== 'None') return [spec.clusterIP];
        // Headless: the ready endpoints (pods selected by the service).
        return this.selectedPods(svc).map((p) => (p.status as Obj).podIP).filter(Boolean).sort();
      }
      if (parts.length === 3) {
        // A pod of a headless Service named by hostname + subdomain (StatefulSet pods: web-0.nginx.ns.svc).
        const [host, sub, ns] = parts;
        const svc = this.ctx.services().find((s) => s.metadata.name === sub && s.metadata.namespace === ns && (s.spec as Obj)?.clusterIP === 'None');
        const pod = svc && this.selectedPods(svc).find((p) => ((p.spec as Obj)?.hostname ?? p.metadata.name) === host && (p.spec as Obj)?.subdomain === sub);
        const ip = pod && (pod.status as Obj)?.podIP;
        return ip ? [ip] : [];
      }
      return [];
    }
    const podSuffix = `.pod.${CLUSTER_DOMAIN}`;
    if (fqdn.endsWith(podSuffix)) {
      const parts = fqdn.slice(0, -podSuffix.length).split('.');
      if (parts.length === 2 && /^\d+-\d+-\d+-\d+$/.test(parts[0])) return [parts[0].replace(/-/g, '.')];
    }
    return [];
  }

  private selectedPods(svc: KubeObject): KubeObject[] {
    const sel = ((svc.spec as Obj)?.selector ?? {}) as Record<string, string>;
    if (!Object.keys(sel).length) return [];
    return this.ctx.pods().filter((p) => p.metadata.namespace === svc.metadata.namespace && Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v) && ((p.status as Obj)?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True'));
  }

  private reverse(ip: string): string | undefined {
    for (const s of this.ctx.services()) if ((s.spec as Obj)?.clusterIP === ip) return `${s.metadata.name}.${s.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    if (ip === CLUSTER_DNS) return `kube-dns.kube-system.svc.${CLUSTER_DOMAIN}`;
    return undefined;
  }

  /** A document the serving container wrote under its server's document root (an emptyDir or its layer). */
  servedDocument(conn: Extract<Connection, { kind: 'open' }>, path: string): Document | 'hidden' | undefined {
    const root = conn.listener.http?.docroot;
    const files = root ? this.ctx.podFiles?.(conn.pod, conn.container) : undefined;
    if (!root || !files) return undefined;
    const name = normalize(root + documentPath(path));
    const content = files.read(name);
    if (content !== undefined) return { name, content, mtime: files.mtime(name) ?? this.ctx.now };
    // A volume mounted over the document root (nginx's image has no other pages to show then).
    return files.mounted(name) && conn.listener.http?.forbidden ? 'hidden' : undefined;
  }

  /**
   * getaddrinfo as the container's libc does it: /etc/hosts first, then the cluster DNS through the
   * resolv.conf search list (ndots:5: a name with fewer than 5 dots tries the search domains first).
   */
  lookupHost(name: string): string | undefined {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    if (name === 'localhost') return '127.0.0.1';
    for (const line of this.hostsFile().split('\n')) {
      const f = line.replace(/#.*/, '').trim().split(/\s+/);
      if (f.length > 1 && /^\d+\.\d+\.\d+\.\d+$/.test(f[0]) && f.slice(1).includes(name)) return f[0];
    }
    const policy = this.spec.dnsPolicy ?? 'ClusterFirst';
    if (!(policy === 'ClusterFirst' && !this.spec.hostNetwork) && policy !== 'ClusterFirstWithHostNet') return undefined;
    const candidates = name.endsWith('.') ? [name.slice(0, -1)] : name.split('.').length > 5 ? [name] : [`${name}.${this.ns}.svc.${CLUSTER_DOMAIN}`, `${name}.svc.${CLUSTER_DOMAIN}`, `${name}.${CLUSTER_DOMAIN}`, name];
    for (const c of candidates) {
      const ips = this.resolve(c);
      if (ips.length) return ips[0];
    }
    return undefined;
  }

  /** Connect to host:port through the network model (network.ts). */
  open(ip: string, port: number) {
    return connect({ services: this.ctx.services, pods: this.ctx.pods, endpointSlices: this.ctx.endpointSlices, nodes: this.ctx.nodes, pick: this.ctx.pick }, ip, port, this.ctx.pod);
  }

  /**
   * busybox wget (networking/wget.c): `Connecting to HOST (IP:PORT)`, `writing to stdout` / `saving to
   * 'F'`, the progress bar (libbb/progress.c: the name in 20 columns, ratio, 32 stars for an 80-column
   * default, size, ETA; only its last state is kept, as a terminal shows it), `written to stdout` /
   * `'F' saved`; -q silences all of these but not the errors (`wget: bad address 'H'` from
   * str2sockaddr, `can't connect to remote host (IP): …` from xconnect, `download timed out` at -T,
   * `server returned error: STATUS LINE`); -S prints the response lines indented by two spaces;
   * --spider fetches no body and says `remote file exists`. The file -O FILE / index.html is not kept.
   */
  private wget(args: string[]): ExecResult {
    const o = new Out();
    let quiet = false;
    let spider = false;
    let serverResponse = false;
    let outFile: string | undefined;
    let timeout = 900;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--spider') spider = true;
      else if (a === '--quiet') quiet = true;
      else if (a === '--server-response') serverResponse = true;
      else if (a.startsWith('--output-document=')) outFile = a.slice(18);
      else if (a === '--output-document') outFile = args[++i];
      else if (a.startsWith('--timeout=')) timeout = Number(a.slice(10));
      else if (a === '--timeout') timeout = Number(args[++i]);
      else if (a.startsWith('--')) continue;
      else if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j];
          if (c === 'q') quiet = true;
          else if (c === 'S') serverResponse = true;
          else if (c === 'O' || c === 'T' || c === 'U' || c === 'P' || c === 'Y' || c === 'o' || c === 't') {
            const v = a.slice(j + 1) || args[++i] || '';
            if (c === 'O') outFile = v;
            if (c === 'T') timeout = Number(v);
            break;
          }
        }
      } else urls.push(a);
    }
    if (!urls.length) return { stdout: '', stderr: 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n', exitCode: 1 };
    let ms = 0;
    for (const url of urls) {
      const u = parseUrl(url);
      const die = (msg: string, extra = 0) => o.done((o.err(`wget: ${msg}\n`), 1), ms + extra);
      const ip = this.lookupHost(u.host);
      if (!ip) return die(`bad address '${u.hostport}'`, 2);
      if (!quiet) o.err(`Connecting to ${u.hostport} (${ip}:${u.port})\n`);
      const conn = this.open(ip, u.port);
      if (conn.kind === 'refused') return die(`can't connect to remote host (${ip}): Connection refused`, 1);
      if (conn.kind === 'timeout') return timeout > 0 && timeout < 127 ? die('download timed out', timeout * 1000) : die(`can't connect to remote host (${ip}): Connection timed out`, 127_000);
      const res = httpAnswer(conn.listener, u.path, this.ctx.now + ms, false, this.servedDocument(conn, u.path));
      if (!res) return die('error getting response', 2);
      ms += 3;
      if (serverResponse) o.err(`  HTTP/1.1 ${res.status} ${res.reason}\n`);
      if (res.status >= 400) return die(`server returned error: HTTP/1.1 ${res.status} ${res.reason}`);
      if (serverResponse) o.err(res.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('') + '  \n');
      if (spider) {
        if (!quiet) o.err('remote file exists\n');
        continue;
      }
      const toStdout = outFile === '-';
      const name = outFile ?? (u.path.split('/').pop() || 'index.html');
      if (!quiet) o.err(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`);
      if (toStdout) o.out(res.body);
      if (!quiet) {
        const size = new TextEncoder().encode(res.body).length;
        const cur = toStdout ? '-' : name.split('/').pop()!;
        o.err(`${cur.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`);
        o.err(toStdout ? 'written to stdout\n' : `'${name}' saved\n`);
      }
    }
    return o.done(0, ms);
  }

  /**
   * curl 8 (the Debian image's): the body on stdout; unless -s, the progress meter on stderr when stdout
   * is no terminal (tool_progress.c) and errors as `curl: (N) TEXT` (lib/strerror.c, connect.c
   * "Failed to connect to %s port %u after %d ms: %s", multi.c "Connection timed out after %d
   * milliseconds"); -S shows errors under -s; -I a HEAD request's header block, -i headers before the
   * body (CRLF line ends, as the server sends them); -o FILE (not kept); -f fails an HTTP error with 22.
   */
  private curl(args: string[]): ExecResult {
    const o = new Out();
    const f = { silent: false, showError: false, head: false, include: false, fail: false };
    let outFile: string | undefined;
    let maxTime = 0;
    let connectTimeout = 0;
    let writeOut: string | undefined;
    const urls: string[] = [];
    const value = new Set(['o', 'm', 'X', 'H', 'd', 'u', 'A', 'e', 'w', 'x', 'T', 'F', 'b', 'c', 'C', 'r', 'U', 'y', 'Y', 'z', 'E', 'K', 'Q']);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--silent') f.silent = true;
      else if (a === '--show-error') f.showError = true;
      else if (a === '--head') f.head = true;
      else if (a === '--include') f.include = true;
      else if (a === '--fail') f.fail = true;
      else if (a === '--output') outFile = args[++i];
      else if (a === '--max-time') maxTime = Number(args[++i]);
      else if (a === '--connect-timeout') connectTimeout = Number(args[++i]);
      else if (/^--(max-time|connect-timeout|output)=/.test(a)) {
        const [k, v] = [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
        if (k === 'max-time') maxTime = Number(v);
        else if (k === 'connect-timeout') connectTimeout = Number(v);
        else outFile = v;
      } else if (a === '--write-out') writeOut = args[++i];
      else if (/^--(request|header|data|user|user-agent|proxy|resolve|cacert|cert|key)$/.test(a)) i++;
      else if (a.startsWith('--')) continue;
      else if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j];
          if (c === 's') f.silent = true;
          else if (c === 'S') f.showError = true;
          else if (c === 'I') f.head = true;
          else if (c === 'i') f.include = true;
          else if (c === 'f') f.fail = true;
          else if (value.has(c)) {
            const v = a.slice(j + 1) || args[++i] || '';
            if (c === 'o') outFile = v;
            if (c === 'm') maxTime = Number(v);
            if (c === 'w') writeOut = v;
            break;
          }
        }
      } else urls.push(a);
    }
    if (!urls.length) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
    const meter = !f.silent && (!this.ctx.tty || outFile !== undefined);
    const header = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
    const zero = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n';
    let ms = 0;
    for (const url of urls) {
      const u = parseUrl(url);
      const fail = (code: number, msg: string, took: number) => {
        if (meter) o.err(header + zero);
        if (!f.silent || f.showError) o.err(`curl: (${code}) ${msg}\n`);
        return o.done(code, ms + took);
      };
      const ip = this.lookupHost(u.host);
      if (!ip) return fail(6, `Could not resolve host: ${u.host}`, 2);
      const conn = this.open(ip, u.port);
      if (conn.kind === 'refused') return fail(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`, 0);
      if (conn.kind === 'timeout') {
        const limit = [connectTimeout, maxTime].filter((t) => t > 0);
        if (limit.length) {
          const t = Math.round(Math.min(...limit) * 1000) + 1;
          return fail(28, `Connection timed out after ${t} milliseconds`, t);
        }
        return fail(28, `Failed to connect to ${u.host} port ${u.port} after 127000 ms: Couldn't connect to server`, 127_000);
      }
      const res = httpAnswer(conn.listener, u.path, this.ctx.now + ms, true, this.servedDocument(conn, u.path));
      if (!res) return fail(52, 'Empty reply from server', 2);
      ms += 2;
      if (f.fail && res.status >= 400) return fail(22, `The requested URL returned error: ${res.status}`, 0);
      const head = `HTTP/1.1 ${res.status} ${res.reason}\r\n` + res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
      const size = new TextEncoder().encode(res.body).length;
      const got = f.head ? 0 : size;
      if (meter) {
        const speed = got * 1000;
        o.err(header + `${String(got ? 100 : 0).padStart(3)} ${curlSize(size).padStart(5)}  ${String(got ? 100 : 0).padStart(3)} ${curlSize(got).padStart(5)}    0     0  ${curlSize(speed).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${curlSize(speed).padStart(5)}\n`);
      }
      const text = f.head ? head : (f.include ? head : '') + res.body;
      if (outFile === undefined || outFile === '-') o.out(text);
      // -w: the variables a CKA check uses (tool_writeout.c), with \n and \t escapes.
      if (writeOut !== undefined) o.out(writeOut.replace(/%\{(http_code|response_code)\}/g, String(res.status)).replace(/%\{size_download\}/g, String(got)).replace(/\\n/g, '\n').replace(/\\t/g, '\t'));
    }
    return o.done(0, ms);
  }

  /**
   * A command with redirections, as ash (busybox, alpine) or dash (Debian's /bin/sh) opens them: left
   * to right before the command runs, `>` truncating at once; a file that cannot be opened stops the
   * command with the shell's own message and status 2 (redirectsafe).
   */
  private redirected(words: string[], redirects: Redirect[], stdin: string, run: (words: string[], input: string) => ExecResult): ExecResult {
    const ash = this.busybox;
    // ash's and dash's errmsg() word ENOENT by the action (ash: "nonexistent directory", "no such
    // file"; dash: "Directory nonexistent", "No such file"), strerror otherwise.
    const cannot = (what: 'open' | 'create', path: string, errno: string): string => {
      const enoent = errno === 'No such file or directory';
      return ash
        ? `sh: can't ${what} ${path}: ${enoent ? (what === 'create' ? 'nonexistent directory' : 'no such file') : errno}\n`
        : `sh: 1: cannot ${what} ${path}: ${enoent ? (what === 'create' ? 'Directory nonexistent' : 'No such file') : errno}\n`;
    };
    type Sink = { file: string } | 'stdout' | 'stderr' | 'null';
    let out: Sink = 'stdout';
    let err: Sink = 'stderr';
    let input = stdin;
    const result: ExecResult = { stdout: '', stderr: '', exitCode: 0 };
    const emit = (sink: Sink, text: string) => {
      if (sink === 'stdout') result.stdout += text;
      else if (sink === 'stderr') result.stderr += text;
      else if (sink !== 'null') this.writeFile(sink.file, text, true);
    };
    // A redirection that cannot be opened stops the command (status 2, redirectsafe); its message
    // goes where fd 2 points by then.
    const fail = (text: string): ExecResult => {
      emit(err, text);
      result.exitCode = 2;
      return result;
    };
    for (const r of redirects) {
      if (r.op === '>&') {
        if (r.target === '1' || r.target === '2') {
          const to: Sink = r.target === '1' ? out : err;
          if (r.fd === 2) err = to;
          else out = to;
        }
        continue;
      }
      if (!r.target) return fail('sh: syntax error: unexpected newline\n');
      if (r.op === '<') {
        const f = this.readFile(r.target);
        if (f.content === undefined && !f.isDir) return fail(cannot('open', r.target, 'No such file or directory'));
        input = f.content ?? '';
        continue;
      }
      let sink: Sink = 'null';
      if (r.target === '/dev/stdout' || r.target === '/dev/stderr') sink = r.target === '/dev/stdout' ? out : err;
      else if (r.target !== '/dev/null') {
        const e = this.writeError(r.target);
        if (e) return fail(cannot('create', r.target, e));
        if (r.op === '>') this.writeFile(r.target, '', false);
        sink = { file: r.target };
      }
      if (r.fd === 2) err = sink;
      else if (r.fd === 1) out = sink;
    }
    const res = words.length ? run(words, input) : { stdout: '', stderr: '', exitCode: 0 };
    result.exitCode = res.exitCode;
    for (const c of res.ordered ?? [{ stream: 'stdout' as const, text: res.stdout }, { stream: 'stderr' as const, text: res.stderr }]) emit(c.stream === 'stdout' ? out : err, c.text);
    return result;
  }

  /** A small POSIX-ish shell: `;`, `&&`, `||`, `|`, quotes, $VAR / ${VAR}, redirections, `exit N`. */
  shell(script: string, stdin: string): ExecResult {
    let stdout = '';
    let stderr = '';
    let status = 0;
    const shellName = 'sh';
    for (const line of script.split('\n')) {
      for (const { pipeline, op } of splitList(line)) {
        if (op === '&&' && status !== 0) continue;
        if (op === '||' && status === 0) continue;
        let input = stdin;
        let last: ExecResult = { stdout: '', stderr: '', exitCode: 0 };
        for (const piece of pipeline) {
          const lookup = (v: string) => (v === '?' ? String(status) : this.env.get(v) ?? '');
          const subst = (sub: string) => this.shell(sub, '').stdout;
          const { cmd, redirects } = splitRedirects(piece);
          const words = shellWords(cmd, lookup, subst);
          if (!words.length && !redirects.length) continue;
          if (words[0] === 'exit') return { stdout: stdout + last.stdout, stderr, exitCode: Number(words[1] ?? status) || 0 };
          // A command the image lacks: the shell's "not found" (on the command's own stderr).
          const runOne = (argv: string[], inp: string): ExecResult => {
            if (argv[0] === 'cd') return { stdout: '', stderr: '', exitCode: 0 };
            if (argv[0] === 'export' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
              for (const w of argv[0] === 'export' ? argv.slice(1) : argv) if (w.includes('=')) this.env.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
              return { stdout: '', stderr: '', exitCode: 0 };
            }
            const r = this.exec(argv, inp);
            return r.startError ? { stdout: '', stderr: `${shellName}: ${argv[0]}: not found\n`, exitCode: 127 } : r;
          };
          last = redirects.length ? this.redirected(words, redirects.map((x) => ({ ...x, target: shellWords(x.target, lookup, subst)[0] ?? '' })), input, runOne) : runOne(words, input);
          stderr += last.stderr;
          input = last.stdout;
        }
        stdout += last.stdout;
        status = last.exitCode;
      }
    }
    return { stdout, stderr, exitCode: status };
  }
}

// ---- helpers ----------------------------------------------------------------------------------------

/** A URL as wget and curl take it: http:// optional, HOST[:PORT][/PATH]. */
function parseUrl(url: string): { host: string; hostport: string; port: number; path: string } {
  let rest = url;
  let port = 80;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    if (m[1].toLowerCase() === 'https') port = 443;
    rest = rest.slice(m[0].length);
  }
  const cut = rest.search(/[/?#]/);
  const hostport = cut < 0 ? rest : rest.slice(0, cut);
  const path = cut < 0 ? '/' : rest[cut] === '/' ? rest.slice(cut) : '/' + rest.slice(cut);
  const at = hostport.lastIndexOf('@');
  const hp = at >= 0 ? hostport.slice(at + 1) : hostport;
  const colon = hp.lastIndexOf(':');
  const host = colon >= 0 ? hp.slice(0, colon) : hp;
  if (colon >= 0 && /^\d+$/.test(hp.slice(colon + 1))) port = Number(hp.slice(colon + 1));
  return { host, hostport: hp, port, path };
}

/** curl's max5data (tool_progress.c): a size in at most 5 columns. */
function curlSize(n: number): string {
  if (n < 100000) return String(n);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`;
  if (n < 100 * 1024 * 1024) return `${Math.floor(n / (1024 * 1024))}.${Math.floor(((n % (1024 * 1024)) * 10) / (1024 * 1024))}M`;
  return `${Math.floor(n / (1024 * 1024))}M`;
}


function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** Split a shell line into pipelines joined by ; && || (quotes respected). */
function splitList(line: string): { pipeline: string[]; op: ';' | '&&' | '||' }[] {
  const out: { pipeline: string[]; op: ';' | '&&' | '||' }[] = [];
  let cur = '';
  let pipeline: string[] = [];
  let op: ';' | '&&' | '||' = ';';
  let q: string | undefined;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q === "'" || (q === '"' && c !== '$' && c !== ')')) {
      if (c === q) q = undefined;
      cur += c;
      continue;
    }
    if (c === '$' && line[i + 1] === '(') {
      depth++;
      cur += '$(';
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '(') depth++;
      if (c === ')') depth--;
      cur += c;
      continue;
    }
    if (q === '"') {
      if (c === q) q = undefined;
      cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      cur += c;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    const two = line.slice(i, i + 2);
    if (two === '&&' || two === '||' || c === ';') {
      pipeline.push(cur);
      out.push({ pipeline, op });
      op = c === ';' ? ';' : (two as '&&' | '||');
      pipeline = [];
      cur = '';
      if (c !== ';') i++;
      continue;
    }
    if (c === '|') {
      pipeline.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  pipeline.push(cur);
  out.push({ pipeline, op });
  return out.filter((x) => x.pipeline.some((p) => p.trim()));
}

interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  /** The target word as written (expanded by the caller). */
  target: string;
}

/** A simple command's redirections (`> f`, `>> f`, `2> f`, `2>&1`, `< f`), taken out of its text; quotes respected. */
function splitRedirects(cmd: string): { cmd: string; redirects: Redirect[] } {
  const redirects: Redirect[] = [];
  let rest = '';
  let q: string | undefined;
  let depth = 0;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (q) {
      if (c === q) q = undefined;
      else if (c === '\\' && q === '"') rest += cmd[i++];
      rest += c;
      continue;
    }
    if (c === '\\') {
      rest += c + (cmd[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    if (c === '`') {
      // A command substitution's text is its own.
      const end = cmd.indexOf('`', i + 1);
      const j = end < 0 ? cmd.length : end + 1;
      rest += cmd.slice(i, j);
      i = j - 1;
      continue;
    }
    if (c === '$' && cmd[i + 1] === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    if (depth > 0 || (c !== '>' && c !== '<')) {
      rest += c;
      continue;
    }
    // Digits right before the operator are its fd (2>, 12>) when they stand alone (POSIX IO_NUMBER).
    let fd = c === '<' ? 0 : 1;
    const m = /(^|\s)(\d+)$/.exec(rest);
    if (m) {
      fd = Number(m[2]);
      rest = rest.slice(0, rest.length - m[2].length);
    }
    let op: Redirect['op'] = c === '<' ? '<' : '>';
    if (c === '>' && cmd[i + 1] === '>') {
      op = '>>';
      i++;
    } else if (c === '>' && cmd[i + 1] === '&') {
      op = '>&';
      i++;
    }
    // The target: the next word (quotes kept for the caller's expansion).
    let j = i + 1;
    while (j < cmd.length && /\s/.test(cmd[j])) j++;
    let target = '';
    let tq: string | undefined;
    for (; j < cmd.length; j++) {
      const d = cmd[j];
      if (tq) {
        if (d === tq) tq = undefined;
        target += d;
        continue;
      }
      if (d === '"' || d === "'") tq = d;
      else if (/\s/.test(d) || d === '>' || d === '<') break;
      target += d;
    }
    redirects.push({ fd, op, target });
    rest += ' ';
    i = j - 1;
  }
  return { cmd: rest, redirects };
}

/** Words of one simple command with quote removal and parameter expansion. */
function shellWords(cmd: string, lookup: (name: string) => string, subst: (script: string) => string = () => ''): string[] {
  const words: string[] = [];
  let cur = '';
  let has = false;
  let q: string | undefined;
  // `command`: its output, trailing newlines removed (an unclosed one runs to the end).
  const backquoted = (s: string, i: number): [string, number] => {
    const end = s.indexOf('`', i + 1);
    const j = end < 0 ? s.length : end;
    return [subst(s.slice(i + 1, j)).replace(/\n+$/, ''), j];
  };
  const expand = (s: string, i: number): [string, number] => {
    if (s[i + 1] === '(' && s[i + 2] === '(') {
      // $((expression)): arithmetic, with the shell's variables.
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      try {
        return [String(evalArith(s.slice(i + 3, j - 1), { get: (n) => lookup(n) || undefined, set: () => undefined }, 'sh')), j];
      } catch {
        return ['', j];
      }
    }
    if (s[i + 1] === '(') {
      // $(command): its output, trailing newlines removed.
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      return [subst(s.slice(i + 2, j)).replace(/\n+$/, ''), j];
    }
    if (s[i + 1] === '{') {
      const end = s.indexOf('}', i);
      return [lookup(s.slice(i + 2, end)), end];
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^\?/.exec(s.slice(i + 1));
    if (!m) return ['$', i];
    return [lookup(m[0]), i + m[0].length];
  };
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (q === "'") {
      if (c === "'") q = undefined;
      else cur += c;
      continue;
    }
    if (q === '"') {
      if (c === '"') q = undefined;
      else if (c === '$') {
        const [v, j] = expand(cmd, i);
        cur += v;
        i = j;
      } else if (c === '`') {
        const [v, j] = backquoted(cmd, i);
        cur += v;
        i = j;
      } else if (c === '\\' && /["$\\`]/.test(cmd[i + 1] ?? '')) cur += cmd[++i];
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      q = c;
      has = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (has || cur) words.push(cur);
      cur = '';
      has = false;
      continue;
    }
    if (c === '$') {
      const [v, j] = expand(cmd, i);
      cur += v;
      i = j;
      continue;
    }
    if (c === '`') {
      const [v, j] = backquoted(cmd, i);
      cur += v;
      i = j;
      continue;
    }
    if (c === '\\') {
      cur += cmd[++i] ?? '';
      continue;
    }
    cur += c;
  }
  if (has || cur) words.push(cur);
  return words;
}


/** `date` in a container (TZ UTC): `Thu Jan 15 09:15:00 UTC 2026`. */
function goDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function lsDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** The process model of one container; a function, not the class, is exported: in the browser this module loads on demand. */
export function containerProcess(ctx: ContainerContext): ContainerProcess {
  return new ContainerProcess(ctx);
}

/** A container's probe handler (exec, httpGet, tcpSocket, grpc). */
export interface ProbeHandler {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number };
}

/**
 * Runs a probe's handler as the kubelet's prober does (pkg/probe/exec, http, tcp): success, or the
 * output a failure reports ("Liveness probe failed: <output>"): an exec's combined output, the HTTP
 * status, the dial error.
 */
export function runProbe(ctx: ContainerContext, probe: ProbeHandler): { ok: boolean; output: string; error?: string } {
  const proc = new ContainerProcess(ctx);
  if (probe.exec) {
    const r = proc.exec(probe.exec.command ?? [], '');
    if (r.startError) return { ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: ${r.startError}` };
    const output = (r.ordered ?? [{ text: r.stdout }, { text: r.stderr }]).map((c) => c.text).join('');
    return { ok: r.exitCode === 0, output };
  }
  const ip = String((ctx.pod.status as Obj | undefined)?.podIP ?? '');
  // probe.ResolveContainerPort: a number, or the name of one of the probed container's ports.
  const portOf = (port: number | string): number => {
    if (typeof port === 'number' || /^\d+$/.test(port)) return Number(port);
    for (const p of (ctx.container.ports ?? []) as Obj[]) if (p.name === port) return p.containerPort;
    return -1;
  };
  const named = probe.httpGet?.port ?? probe.tcpSocket?.port;
  if (named !== undefined && portOf(named) < 0) return { ok: false, output: '', error: `strconv.Atoi: parsing ${JSON.stringify(String(named))}: invalid syntax` };
  if (probe.httpGet) {
    const host = probe.httpGet.host || ip;
    const port = portOf(probe.httpGet.port);
    const path = probe.httpGet.path || '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : '/' + path}`;
    const conn = proc.open(host, port);
    if (conn.kind === 'refused') return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (conn.kind === 'timeout') return { ok: false, output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
    const res = httpAnswer(conn.listener, path, ctx.now, false, proc.servedDocument(conn, path));
    if (!res) return { ok: false, output: `Get "${url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response` };
    // DoHTTPProbe: 2xx and 3xx are success; the body is not read further.
    return res.status >= 200 && res.status < 400 ? { ok: true, output: '' } : { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket) {
    const host = probe.tcpSocket.host || ip;
    const port = portOf(probe.tcpSocket.port);
    const conn = proc.open(host, port);
    if (conn.kind === 'refused') return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
    if (conn.kind === 'timeout') return { ok: false, output: `dial tcp ${host}:${port}: i/o timeout` };
    return { ok: true, output: '' };
  }
  return { ok: true, output: '' };
}

export type { ContainerProcess };

/** A bound service-account token (JWT) as the kubelet's token manager writes it; the signature is filler. */
export function serviceAccountToken(pod: KubeObject, issuedAt: number): string {
  const spec = (pod.spec ?? {}) as Obj;
  const iat = Math.floor(issuedAt / 1000);
  const claims = {
    aud: [ISSUER],
    exp: iat + 3607,
    iat,
    iss: ISSUER,
    jti: pod.metadata.uid,
    'kubernetes.io': {
      namespace: pod.metadata.namespace,
      node: { name: spec.nodeName },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: spec.serviceAccountName ?? 'default' },
      warnafter: iat + 3600,
    },
    nbf: iat,
    sub: `system:serviceaccount:${pod.metadata.namespace}:${spec.serviceAccountName ?? 'default'}`,
  };
  return signedToken(claims, `${pod.metadata.uid}/${iat}`);
}
