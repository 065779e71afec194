/**
 * The image catalogue: real public images the kubelet can "pull", with their sizes (bytes as the
 * kubelet's Pulled event reports them), default command and how a container of them behaves.
 * Unknown repositories or tags fail to pull the way containerd fails.
 */
export interface ImageInfo {
  /** Registry-qualified repository, e.g. docker.io/library/nginx. */
  repo: string;
  size: number;
  tags: string[];
  /** Default ENTRYPOINT + CMD, as `docker inspect` shows. */
  entrypoint: string[];
  cmd: string[];
  /** Executables a command may name. */
  binaries: string[];
  /** What the default process does: serve forever, or exit at once. */
  serves: boolean;
  /** Resident memory of the default process in MiB (OOM decisions, kubectl top). */
  memoryMi: number;
  /** Idle CPU in millicores. */
  cpuMilli: number;
  /** Log lines the default process prints at start (strings may use {pod}, {ip}). */
  startLogs?: string[];
}

const SHELL = ['sh', 'echo', 'cat', 'ls', 'env', 'sleep', 'true', 'false', 'date', 'hostname', 'printenv', 'tail', 'head', 'wget', 'ps', 'touch', 'mkdir', 'id', 'whoami', 'df', 'free', 'uname', 'yes', 'nslookup', 'ping'];

const NGINX_LOGS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '{ts} [notice] 1#1: using the "epoll" event method',
  '{ts} [notice] 1#1: nginx/1.29.3',
  '{ts} [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) ',
  '{ts} [notice] 1#1: OS: Linux 6.8.0-85-generic',
  '{ts} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
  '{ts} [notice] 1#1: start worker processes',
  '{ts} [notice] 1#1: start worker process 29',
  '{ts} [notice] 1#1: start worker process 30',
];

const REDIS_LOGS = [
  '1:C {redists} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
  '1:C {redists} * Redis version=8.2.3, bits=64, commit=00000000, modified=1, pid=1, just started',
  '1:C {redists} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
  '1:M {redists} * monotonic clock: POSIX clock_gettime',
  '1:M {redists} * Running mode=standalone, port=6379.',
  '1:M {redists} * Server initialized',
  '1:M {redists} * Ready to accept connections tcp',
];

function img(repo: string, size: number, tags: string[], o: Partial<ImageInfo>): ImageInfo {
  return { repo, size, tags, entrypoint: [], cmd: [], binaries: SHELL, serves: false, memoryMi: 1, cpuMilli: 0, ...o };
}

export const IMAGES: ImageInfo[] = [
  img('docker.io/library/nginx', 72195292, ['latest', '1.29', '1.29.3', '1.28', '1.27', '1.25', 'alpine', 'stable', 'mainline', '1.14.2', '1.16', '1.17', '1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.26', '1.25-alpine', '1.26-alpine', '1.27-alpine', '1.28-alpine', '1.29-alpine', 'stable-alpine', 'mainline-alpine'], { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], binaries: [...SHELL, 'nginx', 'bash', 'curl'], serves: true, memoryMi: 3, cpuMilli: 1, startLogs: NGINX_LOGS }),
  img('docker.io/library/redis', 52310472, ['latest', '8', '8.2', '7', '7.4', 'alpine', '7.2', '6', '6.2', '8-alpine', '8.2-alpine', '7-alpine', '7.4-alpine', '7.2-alpine', '6.2-alpine'], { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], binaries: [...SHELL, 'redis-server', 'redis-cli', 'bash'], serves: true, memoryMi: 3, cpuMilli: 2, startLogs: REDIS_LOGS }),
  img('docker.io/library/busybox', 2223685, ['latest', '1.28', '1.36', '1.37', 'stable', 'musl', 'glibc', '1.35', '1.34', '1.36.1', '1.37.0'], { cmd: ['sh'] }),
  img('docker.io/library/alpine', 3802452, ['latest', '3', '3.22', '3.21', '3.20', '3.19', 'edge'], { cmd: ['/bin/sh'] }),
  img('docker.io/library/ubuntu', 29724688, ['latest', '24.04', '22.04', '20.04', 'noble', 'jammy', 'focal'], { cmd: ['/bin/bash'], binaries: [...SHELL, 'bash', 'apt-get'] }),
  img('docker.io/library/debian', 48486042, ['latest', 'bookworm', 'trixie', '12', '13', 'bookworm-slim', 'stable-slim'], { cmd: ['bash'], binaries: [...SHELL, 'bash'] }),
  img('docker.io/library/httpd', 45303010, ['latest', '2.4', 'alpine', '2'], { cmd: ['httpd-foreground'], binaries: [...SHELL, 'httpd', 'httpd-foreground', 'bash'], serves: true, memoryMi: 5, cpuMilli: 1, startLogs: ["AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {ip}. Set the 'ServerName' directive globally to suppress this message", '[{apache}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations', '[{apache}] [core:notice] [pid 1:tid 1] AH00094: Command line: \'httpd -D FOREGROUND\''] }),
  img('docker.io/library/mysql', 235602178, ['latest', '8', '8.4', '9', '5.7', '8.0'], { entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], binaries: [...SHELL, 'mysqld', 'mysql', 'bash'], serves: true, memoryMi: 360, cpuMilli: 5 }),
  img('docker.io/library/postgres', 158347712, ['latest', '18', '17', '16', '15', 'alpine'], { entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], binaries: [...SHELL, 'postgres', 'psql', 'bash'], serves: true, memoryMi: 40, cpuMilli: 2 }),
  img('docker.io/library/memcached', 33012345, ['latest', '1.6', 'alpine'], { entrypoint: ['docker-entrypoint.sh'], cmd: ['memcached'], binaries: [...SHELL, 'memcached'], serves: true, memoryMi: 2, cpuMilli: 1 }),
  img('docker.io/library/python', 412538223, ['latest', '3', '3.13', '3.12', '3.11', 'slim', '3.12-slim', 'alpine'], { cmd: ['python3'], binaries: [...SHELL, 'python', 'python3', 'pip', 'bash'] }),
  img('docker.io/library/node', 402193847, ['latest', '24', '22', '20', 'lts', 'alpine', 'slim'], { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], binaries: [...SHELL, 'node', 'npm', 'bash'] }),
  img('docker.io/library/mongo', 300441210, ['latest', '8', '7'], { entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'], binaries: [...SHELL, 'mongod', 'mongosh', 'bash'], serves: true, memoryMi: 90, cpuMilli: 4 }),
  img('docker.io/library/rabbitmq', 104823410, ['latest', '4', '3', 'management'], { cmd: ['rabbitmq-server'], binaries: [...SHELL, 'rabbitmq-server'], serves: true, memoryMi: 110, cpuMilli: 6 }),
  img('docker.io/kodekloud/webapp-color', 31742318, ['latest', 'v1', 'v2', 'v3'], { entrypoint: ['python', 'app.py'], binaries: [...SHELL, 'python', 'python3'], serves: true, memoryMi: 25, cpuMilli: 1, startLogs: [' This is a sample web application that displays a colored background. ', ' A color can be specified in two ways. ', '', ' 1. As a command line argument with --color as the argument. Accepts one of red,green,blue,blue2,pink,darkblue ', ' 2. As an Environment variable APP_COLOR. Accepts one of red,green,blue,blue2,pink,darkblue ', ' 3. If none of the above then a random color is picked from the above list. ', ' Note: Command line argument precedes over environment variable.', '', '', 'No command line argument. Color from environment variable =blue', ' * Serving Flask app "app" (lazy loading)', ' * Environment: production', '   WARNING: Do not use the development server in a production environment.', '   Use a production WSGI server instead.', ' * Debug mode: off', ' * Running on http://0.0.0.0:8080/ (Press CTRL+C to quit)'] }),
  img('docker.io/kodekloud/simple-webapp', 283212011, ['latest'], { entrypoint: ['python', 'app.py'], binaries: [...SHELL, 'python'], serves: true, memoryMi: 25, cpuMilli: 1 }),
  img('docker.io/kodekloud/event-simulator', 49011234, ['latest'], { entrypoint: ['python', 'event-simulator.py'], binaries: [...SHELL, 'python'], serves: true, memoryMi: 10, cpuMilli: 1 }),
  img('docker.io/polinux/stress', 4332102, ['latest'], { cmd: ['stress'], binaries: [...SHELL, 'stress'] }),
  img('registry.k8s.io/pause', 320368, ['3.10', '3.10.1', '3.9'], { cmd: ['/pause'], binaries: ['/pause'], serves: true }),
  img('registry.k8s.io/fluentd-elasticsearch', 140000000, ['1.20'], { cmd: ['/run.sh'], binaries: [...SHELL, '/run.sh', 'td-agent'], serves: true, memoryMi: 60, cpuMilli: 3 }),
  img('registry.k8s.io/kube-proxy', 30600244, ['v1.35.0', 'v1.34.3', 'v1.35.1'], { cmd: ['/usr/local/bin/kube-proxy'], binaries: ['/usr/local/bin/kube-proxy', 'kube-proxy'], serves: true, memoryMi: 20, cpuMilli: 1 }),
  img('registry.k8s.io/coredns/coredns', 22384805, ['v1.13.1', 'v1.12.1'], { entrypoint: ['/coredns'], binaries: ['/coredns'], serves: true, memoryMi: 15, cpuMilli: 3, startLogs: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b', 'CoreDNS-1.13.1', 'linux/amd64, go1.25.2, 1db4568'] }),
  img('registry.k8s.io/metrics-server/metrics-server', 19843212, ['v0.8.0', 'v0.7.2'], { entrypoint: ['/metrics-server'], binaries: ['/metrics-server'], serves: true, memoryMi: 18, cpuMilli: 4 }),
  img('registry.k8s.io/etcd', 23653491, ['3.6.6-0', '3.6.5-0', '3.5.21-0'], { cmd: ['etcd'], binaries: ['etcd', 'etcdctl', 'etcdutl', 'sh'], serves: true, memoryMi: 40, cpuMilli: 20 }),
  img('registry.k8s.io/kube-apiserver', 27090156, ['v1.35.0', 'v1.34.3', 'v1.35.1'], { cmd: ['kube-apiserver'], binaries: ['kube-apiserver'], serves: true, memoryMi: 250, cpuMilli: 40 }),
  img('registry.k8s.io/kube-controller-manager', 22807458, ['v1.35.0', 'v1.34.3', 'v1.35.1'], { cmd: ['kube-controller-manager'], binaries: ['kube-controller-manager'], serves: true, memoryMi: 45, cpuMilli: 15 }),
  img('registry.k8s.io/kube-scheduler', 17371610, ['v1.35.0', 'v1.34.3', 'v1.35.1'], { cmd: ['kube-scheduler'], binaries: ['kube-scheduler'], serves: true, memoryMi: 25, cpuMilli: 4 }),
  img('ghcr.io/flannel-io/flannel', 32132142, ['v0.27.4'], { cmd: ['/opt/bin/flanneld'], binaries: [...SHELL, '/opt/bin/flanneld'], serves: true, memoryMi: 12, cpuMilli: 2 }),
];

// ---- what answers on a port ------------------------------------------------------------------------

/** nginx's default page, /usr/share/nginx/html/index.html of the official image (615 bytes). */
export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** httpd's /usr/local/apache2/htdocs/index.html (45 bytes). */
export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

/** A static page a server answers with, and the file metadata its headers carry. */
export interface Page {
  body: string;
  contentType: string;
  lastModified: string;
  etag: string;
}

/**
 * What listens inside a container of an image that runs its server (default command, or a command
 * naming `bin`). `http`: an HTTP/1.1 server answering `pages` by path and its 404 for the rest (the
 * `Server` header, the error page as the server writes it); `tcp`: a non-HTTP protocol server, which
 * closes on an HTTP request without an HTTP answer (Redis drops a connection that sends `Host:`,
 * src/networking.c "Possible SECURITY ATTACK"; the databases wait for their own handshake) — wget says
 * `error getting response`, curl `(52) Empty reply from server`. An image not listed listens nowhere:
 * every port of its pod is refused (the kernel's RST: "Connection refused").
 */
export interface Listener {
  port: number;
  bin: string[];
  /** An HTTP server: its image's own pages, and the document root its files are served from. */
  http?: { server: string; pages: Record<string, Page>; notFound: string; notFoundType: string; docroot: string; forbidden?: string };
}

const NGINX_404 = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.3</center>\r\n</body>\r\n</html>\r\n';
/** A directory without index.html (the autoindex module is off): ngx_http_special_response.c. */
const NGINX_403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.29.3</center>\r\n</body>\r\n</html>\r\n';
const HTTPD_404 = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

export const SERVERS: Record<string, Listener[]> = {
  // nginx 1.29.3: conf.d/default.conf listens on 80; index.html built 2025-10-28 (ETag = hex mtime - hex size).
  'docker.io/library/nginx': [{ port: 80, bin: ['nginx'], http: { server: 'nginx/1.29.3', pages: { '/': { body: NGINX_INDEX, contentType: 'text/html', lastModified: 'Tue, 28 Oct 2025 12:05:10 GMT', etag: '"6900b176-267"' } }, notFound: NGINX_404, notFoundType: 'text/html', docroot: '/usr/share/nginx/html', forbidden: NGINX_403 } }],
  // httpd 2.4.65: Listen 80; htdocs/index.html unchanged since 2007 (ETag "size-mtime µs").
  'docker.io/library/httpd': [{ port: 80, bin: ['httpd-foreground', 'httpd'], http: { server: 'Apache/2.4.65 (Unix)', pages: { '/': { body: HTTPD_INDEX, contentType: 'text/html', lastModified: 'Mon, 11 Jun 2007 18:53:14 GMT', etag: '"2d-432a5e4a73a80"' } }, notFound: HTTPD_404, notFoundType: 'text/html; charset=iso-8859-1', docroot: '/usr/local/apache2/htdocs' } }],
  'docker.io/library/redis': [{ port: 6379, bin: ['redis-server'] }],
  'docker.io/library/mysql': [{ port: 3306, bin: ['mysqld'] }, { port: 33060, bin: ['mysqld'] }],
  'docker.io/library/postgres': [{ port: 5432, bin: ['postgres'] }],
  'docker.io/library/memcached': [{ port: 11211, bin: ['memcached'] }],
  'docker.io/library/mongo': [{ port: 27017, bin: ['mongod'] }],
  'docker.io/library/rabbitmq': [{ port: 5672, bin: ['rabbitmq-server'] }],
};

const SHORT_REGISTRY: Record<string, string> = { 'k8s.gcr.io': 'registry.k8s.io' };

export interface ImageRef {
  /** Fully qualified, e.g. docker.io/library/nginx:latest */
  full: string;
  repo: string;
  tag: string;
}

/** Normalise an image reference as containerd does (docker.io/library/ prefix, :latest). */
export function parseImageRef(image: string): ImageRef {
  let name = image;
  let tag = 'latest';
  const at = name.indexOf('@');
  if (at >= 0) {
    tag = name.slice(at + 1);
    name = name.slice(0, at);
  } else {
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    if (colon > slash) {
      tag = name.slice(colon + 1);
      name = name.slice(0, colon);
    }
  }
  const first = name.split('/')[0];
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repo = hasRegistry ? name : name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
  const reg = repo.split('/')[0];
  if (SHORT_REGISTRY[reg]) repo = SHORT_REGISTRY[reg] + repo.slice(reg.length);
  return { full: `${repo}${at >= 0 ? '@' : ':'}${tag}`, repo, tag };
}

export type Lookup = { ok: true; image: ImageInfo; ref: ImageRef } | { ok: false; ref: ImageRef; message: string };

/** Resolve a reference against the catalogue; failures carry containerd's error text. */
export function lookupImage(image: string): Lookup {
  const ref = parseImageRef(image);
  const info = IMAGES.find((i) => i.repo === ref.repo);
  if (!info) {
    return { ok: false, ref, message: `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` };
  }
  if (!ref.tag.startsWith('sha256:') && !info.tags.includes(ref.tag)) {
    return { ok: false, ref, message: `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${ref.full}: not found` };
  }
  return { ok: true, image: info, ref };
}

/** Pull time: a registry round trip plus the layers at ~35 MB/s (deterministic). */
export function pullMillis(size: number): number {
  return 400 + Math.round(size / 35_000);
}
