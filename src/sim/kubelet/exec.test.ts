import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import { containerProcess, serviceEnv, serviceAccountToken, type ContainerContext, type ContainerProcess } from './exec.ts';
import { lookupImage } from './images.ts';

// Sources of the expected texts: kubelet pkg/kubelet/envvars/envvars.go (FromServices,
// makeLinkVariables), kubelet_pods.go (managedHostsHeader, the hosts file), pkg/kubelet/network/dns
// (ClusterFirst resolv.conf: search <ns>.svc.<domain> svc.<domain> <domain>, ndots:5), containerd CRI
// env order (PATH, HOSTNAME, image ENV, CRI env, HOME), busybox/coreutils/runc error texts.

const T = Date.UTC(2026, 0, 15, 9, 20, 0);

function svc(name: string, ns: string, ip: string, ports: object[], created = T - 60_000): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, creationTimestamp: new Date(created).toISOString() }, spec: { clusterIP: ip, ports } };
}

const SERVICES = [
  svc('kubernetes', 'default', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }]),
  svc('web-api', 'default', '10.100.1.2', [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }]),
  svc('later', 'default', '10.100.1.3', [{ port: 81, protocol: 'TCP' }], T + 1),
  svc('headless', 'default', 'None', [{ port: 80, protocol: 'TCP' }]),
  svc('kube-dns', 'kube-system', '10.96.0.10', [{ name: 'dns', port: 53, protocol: 'UDP' }]),
];

function proc(over: { image?: string; spec?: object; container?: Partial<Container>; env?: Record<string, string>; files?: Record<string, string> } = {}): ContainerProcess {
  const image = over.image ?? 'nginx';
  const l = lookupImage(image);
  const container = { name: 'app', image, ...(over.container ?? {}) } as Container;
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u-1' }, spec: { nodeName: 'node01', containers: [container], ...(over.spec ?? {}) }, status: { podIP: '10.244.1.7' } };
  const ctx: ContainerContext = {
    pod,
    container,
    image: l.ok ? l.image : undefined,
    imageRef: l.ref.full,
    declaredEnv: over.env ?? {},
    startedAt: T,
    now: T + 5000,
    node: { name: 'node01', internalIP: '172.30.2.2' },
    services: () => SERVICES,
    pods: () => [],
    mountedFile: (p) => over.files?.[p],
    configMap: () => undefined,
    secret: () => undefined,
    caCert: '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n',
  };
  return containerProcess(ctx);
}

test('serviceEnv: FromServices + makeLinkVariables for a two-port service', () => {
  assert.deepEqual(serviceEnv(SERVICES[1]), [
    ['WEB_API_SERVICE_HOST', '10.100.1.2'],
    ['WEB_API_SERVICE_PORT', '80'],
    ['WEB_API_SERVICE_PORT_HTTP', '80'],
    ['WEB_API_SERVICE_PORT_METRICS', '9090'],
    ['WEB_API_PORT', 'tcp://10.100.1.2:80'],
    ['WEB_API_PORT_80_TCP', 'tcp://10.100.1.2:80'],
    ['WEB_API_PORT_80_TCP_PROTO', 'tcp'],
    ['WEB_API_PORT_80_TCP_PORT', '80'],
    ['WEB_API_PORT_80_TCP_ADDR', '10.100.1.2'],
    ['WEB_API_PORT_9090_TCP', 'tcp://10.100.1.2:9090'],
    ['WEB_API_PORT_9090_TCP_PROTO', 'tcp'],
    ['WEB_API_PORT_9090_TCP_PORT', '9090'],
    ['WEB_API_PORT_9090_TCP_ADDR', '10.100.1.2'],
  ]);
  assert.deepEqual(serviceEnv(SERVICES[3]), [], 'headless services have no variables');
});

test('env: PATH, HOSTNAME, image ENV, declared env, service links of services that existed at start, HOME', () => {
  const p = proc({ env: { APP: 'x', WEB_API_SERVICE_HOST: 'override' } });
  const keys = [...p.env.keys()];
  assert.deepEqual(keys.slice(0, 3), ['PATH', 'HOSTNAME', 'NGINX_VERSION']);
  assert.equal(keys[keys.length - 1], 'HOME');
  assert.equal(p.env.get('WEB_API_SERVICE_HOST'), 'override', 'declared variables win over service links');
  assert.equal(p.env.get('KUBERNETES_SERVICE_HOST'), '10.96.0.1');
  assert.equal(p.env.has('LATER_SERVICE_HOST'), false, 'a service created after the container started is not in its environment');
  assert.equal(p.env.has('KUBE_DNS_SERVICE_HOST'), false, 'other namespaces are not linked');
  const noLinks = proc({ spec: { enableServiceLinks: false } });
  assert.equal(noLinks.env.has('WEB_API_SERVICE_HOST'), false);
  assert.equal(noLinks.env.get('KUBERNETES_SERVICE_PORT'), '443', 'the master service is always there');
});

test('/etc/resolv.conf by dnsPolicy', () => {
  const read = (spec: object) => proc({ spec }).readFile('/etc/resolv.conf').content;
  assert.equal(read({}), 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  assert.equal(read({ dnsPolicy: 'Default' }), 'nameserver 127.0.0.53\noptions edns0 trust-ad\n');
  assert.equal(read({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp.local'], options: [{ name: 'ndots', value: '2' }] } }), 'search corp.local\nnameserver 1.1.1.1\noptions ndots:2\n');
});

test('/etc/hosts is kubelet-managed, with the pod IP and hostname', () => {
  const hosts = proc().readFile('/etc/hosts').content!;
  assert.ok(hosts.startsWith('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n'));
  assert.ok(hosts.endsWith('10.244.1.7\tweb\n'));
  assert.equal(proc({ spec: { hostname: 'h1', subdomain: 'sub' } }).readFile('/etc/hosts').content!.split('\n').at(-2), '10.244.1.7\th1.sub.default.svc.cluster.local\th1');
});

test('commands: output, exit codes and the errors of the image\'s tools', () => {
  const nginx = proc();
  const busybox = proc({ image: 'busybox', container: { securityContext: { runAsUser: 1000 } } });
  const cases: [ContainerProcess, string[], Partial<ReturnType<ContainerProcess['exec']>>][] = [
    [nginx, ['hostname'], { stdout: 'web\n', exitCode: 0 }],
    [nginx, ['printenv', 'HOSTNAME', 'NOPE'], { stdout: 'web\n', exitCode: 1 }],
    [nginx, ['cat', '/etc/hostname'], { stdout: 'web\n' }],
    [nginx, ['cat', '/nope'], { stderr: 'cat: /nope: No such file or directory\n', exitCode: 1 }],
    [nginx, ['ls', '/nope'], { stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 }],
    [busybox, ['ls', '/nope'], { stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 }],
    [busybox, ['whoami'], { stderr: 'whoami: unknown uid 1000\n', exitCode: 1 }],
    [nginx, ['whoami'], { stdout: 'root\n' }],
    [nginx, ['sh', '-c', 'echo $HOSTNAME && false || echo fallback; exit 4'], { stdout: 'web\nfallback\n', exitCode: 4 }],
    [nginx, ['sh', '-c', 'cat /etc/hosts | grep -c localhost'], { stdout: '2\n' }],
    [nginx, ['sh', '-c', 'nosuch'], { stderr: 'sh: nosuch: not found\n', exitCode: 127 }],
    [nginx, ['nslookup', 'web-api'], { startError: 'exec: "nslookup": executable file not found in $PATH: unknown' }],
    [nginx, ['/usr/bin/nothing'], { startError: 'exec: "/usr/bin/nothing": stat /usr/bin/nothing: no such file or directory: unknown' }],
  ];
  for (const [p, argv, want] of cases) {
    const got = p.exec(argv);
    for (const [k, v] of Object.entries(want)) assert.equal(got[k as keyof typeof got], v, `${argv.join(' ')} → ${k}`);
  }
});

test('nslookup: busybox 1.28 and current busybox forms', () => {
  const old = proc({ image: 'busybox:1.28' }).exec(['nslookup', 'web-api']);
  assert.equal(old.stdout, 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web-api\nAddress 1: 10.100.1.2 web-api.default.svc.cluster.local\n');
  const cur = proc({ image: 'busybox' }).exec(['nslookup', 'kube-dns.kube-system']);
  assert.equal(cur.stdout, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkube-dns.kube-system.svc.cluster.local\nAddress: 10.96.0.10\n\n');
  const miss = proc({ image: 'busybox:1.28' }).exec(['nslookup', 'nope']);
  assert.equal(miss.stderr, "nslookup: can't resolve 'nope'\n");
  assert.equal(miss.exitCode, 1);
});

test('service-account volume: namespace, ca.crt, a JWT bound to the pod', () => {
  const p = proc({ container: { volumeMounts: [{ name: 'kube-api-access-x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }, spec: { volumes: [{ name: 'kube-api-access-x', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }] } });
  assert.deepEqual(p.dirEntries('/var/run/secrets/kubernetes.io/serviceaccount'), ['ca.crt', 'namespace', 'token']);
  assert.equal(p.readFile('/var/run/secrets/kubernetes.io/serviceaccount/namespace').content, 'default');
  const token = serviceAccountToken(p.ctx.pod, T);
  const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  assert.equal(claims.sub, 'system:serviceaccount:default:default');
  assert.equal(claims['kubernetes.io'].pod.name, 'web');
});

// ---- wget / curl through the network model (network.ts) -------------------------------------------
// Sources: busybox networking/wget.c, libbb/xconnect.c, libbb/progress.c (as real transcripts show the
// bar); curl 8 lib/connect.c, lib/strerror.c, lib/multi.c; kube-proxy iptables rules (docs
// reference/networking/virtual-ips.md: random endpoint, REJECT without endpoints); nginx's default page.

function netPod(name: string, ip: string, image: string, labels: Record<string, string>, over: { command?: string[]; ready?: boolean; ports?: object[] } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { nodeName: 'node01', containers: [{ name: 'c', image, ...(over.command ? { command: over.command } : {}), ...(over.ports ? { ports: over.ports } : {}) }] },
    status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: over.ready === false ? 'False' : 'True' }], containerStatuses: [{ name: 'c', state: { running: {} } }] },
  };
}

const NET_PODS = [
  netPod('web-a', '10.244.1.5', 'nginx', { app: 'web' }),
  netPod('web-b', '10.244.2.6', 'nginx', { app: 'web' }),
  netPod('apache', '10.244.1.8', 'httpd', { app: 'apache' }, { ports: [{ name: 'http', containerPort: 80 }] }),
  netPod('sleeper', '10.244.2.9', 'nginx', { app: 'sleeper' }, { command: ['sleep', '3600'] }),
  netPod('cache', '10.244.1.10', 'redis', { app: 'cache' }),
];

function netSvc(name: string, ip: string, selector: Record<string, string>, ports: object[], type = 'ClusterIP'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type, clusterIP: ip, selector, ports } };
}

const NET_SERVICES = [
  netSvc('web', '10.96.20.1', { app: 'web' }, [{ port: 80, targetPort: 80, protocol: 'TCP' }]),
  netSvc('apache', '10.96.20.2', { app: 'apache' }, [{ port: 8080, targetPort: 'http', protocol: 'TCP', nodePort: 30080 }], 'NodePort'),
  netSvc('empty', '10.96.20.3', { app: 'none' }, [{ port: 80, targetPort: 80, protocol: 'TCP' }]),
  netSvc('sleeper', '10.96.20.4', { app: 'sleeper' }, [{ port: 80, targetPort: 80, protocol: 'TCP' }]),
  netSvc('cache', '10.96.20.5', { app: 'cache' }, [{ port: 6379, protocol: 'TCP' }]),
];

function netProc(image: string, picks: number[] = [], tty = false): ContainerProcess {
  const l = lookupImage(image);
  const container = { name: 'client', image } as Container;
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [container] }, status: { podIP: '10.244.2.20' } };
  const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, status: { addresses: [{ type: 'InternalIP', address: '172.30.2.2' }] } };
  return containerProcess({
    pod,
    container,
    image: l.ok ? l.image : undefined,
    imageRef: l.ref.full,
    declaredEnv: {},
    startedAt: T,
    now: T,
    node: { name: 'node01', internalIP: '172.30.2.2' },
    services: () => NET_SERVICES,
    pods: () => NET_PODS,
    nodes: () => [node],
    pick: () => picks.shift() ?? 0,
    mountedFile: () => undefined,
    configMap: () => undefined,
    secret: () => undefined,
    caCert: '',
    tty,
  });
}

const NGINX_PAGE_START = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>';
const BAR = (name: string, size: number) => `${name.padEnd(20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;

test('wget: names, addresses and what answers (busybox wget.c messages)', () => {
  const cases: [string[], { stdout?: string | RegExp; stderr?: string; exitCode: number }][] = [
    [['wget', '-qO-', 'web'], { stdout: new RegExp('^' + NGINX_PAGE_START), stderr: '', exitCode: 0 }],
    [['wget', '-qO-', 'web.default.svc.cluster.local'], { stdout: new RegExp('^' + NGINX_PAGE_START), exitCode: 0 }],
    [['wget', '-qO-', 'http://web.default/'], { stdout: new RegExp('^' + NGINX_PAGE_START), exitCode: 0 }],
    [['wget', '-qO-', '10.244.1.5'], { stdout: new RegExp('^' + NGINX_PAGE_START), exitCode: 0 }],
    [['wget', '-O-', 'apache:8080'], { stdout: '<html><body><h1>It works!</h1></body></html>\n', stderr: `Connecting to apache:8080 (10.96.20.2:8080)\nwriting to stdout\n${BAR('-', 45)}written to stdout\n`, exitCode: 0 }],
    [['wget', '-qO-', '172.30.2.2:30080'], { stdout: '<html><body><h1>It works!</h1></body></html>\n', exitCode: 0 }],
    [['wget', 'web'], { stdout: '', stderr: `Connecting to web (10.96.20.1:80)\nsaving to 'index.html'\n${BAR('index.html', 615)}'index.html' saved\n`, exitCode: 0 }],
    [['wget', '-q', '--spider', 'web'], { stdout: '', stderr: '', exitCode: 0 }],
    [['wget', '--spider', 'web'], { stderr: 'Connecting to web (10.96.20.1:80)\nremote file exists\n', exitCode: 0 }],
    [['wget', '-qO-', 'web/nope'], { stdout: '', stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 }],
    [['wget', '-qO-', 'empty'], { stderr: "wget: can't connect to remote host (10.96.20.3): Connection refused\n", exitCode: 1 }],
    [['wget', '-qO-', 'sleeper'], { stderr: "wget: can't connect to remote host (10.96.20.4): Connection refused\n", exitCode: 1 }],
    [['wget', '-qO-', '10.244.1.5:8080'], { stderr: "wget: can't connect to remote host (10.244.1.5): Connection refused\n", exitCode: 1 }],
    [['wget', '-qO-', '172.30.2.2'], { stderr: "wget: can't connect to remote host (172.30.2.2): Connection refused\n", exitCode: 1 }],
    [['wget', '-T', '2', '-qO-', 'web:81'], { stderr: 'wget: download timed out\n', exitCode: 1 }],
    [['wget', '--timeout=3', '-qO-', '10.99.99.99'], { stderr: 'wget: download timed out\n', exitCode: 1 }],
    [['wget', '-qO-', '10.99.99.99'], { stderr: "wget: can't connect to remote host (10.99.99.99): Connection timed out\n", exitCode: 1 }],
    [['wget', '-qO-', 'nosuch'], { stderr: "wget: bad address 'nosuch'\n", exitCode: 1 }],
    [['wget', '-qO-', 'cache:6379'], { stderr: 'wget: error getting response\n', exitCode: 1 }],
  ];
  for (const [argv, want] of cases) {
    const got = netProc('busybox').exec(argv);
    if (want.stdout instanceof RegExp) assert.match(got.stdout, want.stdout, argv.join(' '));
    else if (want.stdout !== undefined) assert.equal(got.stdout, want.stdout, argv.join(' '));
    if (want.stderr !== undefined) assert.equal(got.stderr, want.stderr, argv.join(' '));
    assert.equal(got.exitCode, want.exitCode, argv.join(' '));
  }
});

test('wget: the page is 615 bytes, output keeps write order, -S indents the response', () => {
  const r = netProc('busybox').exec(['wget', '-O-', 'web']);
  assert.equal(new TextEncoder().encode(r.stdout).length, 615);
  assert.deepEqual(r.ordered!.map((c) => c.stream), ['stderr', 'stderr', 'stdout', 'stderr', 'stderr']);
  const s = netProc('busybox').exec(['wget', '-S', '-q', '--spider', 'web']);
  assert.equal(s.stderr.split('\n')[0], '  HTTP/1.1 200 OK');
  assert.ok(s.stderr.includes('  Content-Length: 615\n  Last-Modified: Tue, 28 Oct 2025 12:05:10 GMT\n  Connection: close\n'));
});

test('kube-proxy: a random ready endpoint from the seeded choice', () => {
  assert.equal(netProc('busybox', [1]).exec(['wget', '-qO-', 'web']).exitCode, 0);
  // Both endpoints serve the same page; the choice reaches the pod the picker names.
  const apacheAndNginx = [...NET_PODS];
  NET_PODS.splice(0, NET_PODS.length, netPod('w1', '10.244.1.5', 'nginx', { app: 'web' }), netPod('w2', '10.244.2.6', 'httpd', { app: 'web' }));
  try {
    assert.match(netProc('busybox', [0]).exec(['wget', '-qO-', 'web']).stdout, /nginx/);
    assert.match(netProc('busybox', [1]).exec(['wget', '-qO-', 'web']).stdout, /It works!/);
    NET_PODS[0] = netPod('w1', '10.244.1.5', 'nginx', { app: 'web' }, { ready: false });
    assert.match(netProc('busybox', [0]).exec(['wget', '-qO-', 'web']).stdout, /It works!/);
  } finally {
    NET_PODS.splice(0, NET_PODS.length, ...apacheAndNginx);
  }
});

test('curl: body, meter, -s/-S/-I/-w and its error codes (curl 8 texts)', () => {
  const meter = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const zero = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n';
  const cases: [string[], { stdout?: string | RegExp; stderr?: string; exitCode: number }, boolean?][] = [
    [['curl', 'web'], { stdout: new RegExp('^' + NGINX_PAGE_START), stderr: meter + '100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n', exitCode: 0 }],
    [['curl', 'web'], { stdout: new RegExp('^' + NGINX_PAGE_START), stderr: '', exitCode: 0 }, true],
    [['curl', '-s', 'apache:8080'], { stdout: '<html><body><h1>It works!</h1></body></html>\n', stderr: '', exitCode: 0 }],
    [['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'web/nope'], { stdout: '404\n', exitCode: 0 }],
    [['curl', '-sf', 'web/nope'], { stdout: '', stderr: '', exitCode: 22 }],
    [['curl', '-sI', 'web'], { stdout: /^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.29\.3\r\nDate: Thu, 15 Jan 2026 09:20:00 GMT\r\nContent-Type: text\/html\r\nContent-Length: 615\r\n/, exitCode: 0 }],
    [['curl', 'empty'], { stdout: '', stderr: meter + zero + "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n", exitCode: 7 }],
    [['curl', '-s', 'nosuch'], { stdout: '', stderr: '', exitCode: 6 }],
    [['curl', '-sS', 'nosuch'], { stderr: 'curl: (6) Could not resolve host: nosuch\n', exitCode: 6 }],
    [['curl', '-sS', '--connect-timeout', '2', 'web:81'], { stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n', exitCode: 28 }],
    [['curl', '-sS', '-m', '5', '10.99.99.99'], { stderr: 'curl: (28) Connection timed out after 5001 milliseconds\n', exitCode: 28 }],
    [['curl', '-sS', 'cache:6379'], { stderr: 'curl: (52) Empty reply from server\n', exitCode: 52 }],
  ];
  for (const [argv, want, tty] of cases) {
    const got = netProc('nginx', [], tty).exec(argv);
    if (want.stdout instanceof RegExp) assert.match(got.stdout, want.stdout, argv.join(' '));
    else if (want.stdout !== undefined) assert.equal(got.stdout, want.stdout, argv.join(' '));
    if (want.stderr !== undefined) assert.equal(got.stderr, want.stderr, argv.join(' '));
    assert.equal(got.exitCode, want.exitCode, argv.join(' '));
  }
  assert.equal(netProc('busybox').exec(['curl', 'web']).startError, 'exec: "curl": executable file not found in $PATH: unknown');
  assert.equal(netProc('httpd').exec(['wget', 'web']).startError, 'exec: "wget": executable file not found in $PATH: unknown');
});

test('alpine variants carry busybox wget and nslookup; the Debian images do not', () => {
  assert.equal(netProc('nginx:alpine').exec(['wget', '-qO-', 'apache:8080']).stdout, '<html><body><h1>It works!</h1></body></html>\n');
  assert.equal(netProc('nginx:alpine').exec(['curl', '-s', 'apache:8080']).exitCode, 0);
  assert.equal(netProc('httpd:alpine').exec(['curl', 'web']).startError, 'exec: "curl": executable file not found in $PATH: unknown');
  assert.equal(netProc('redis').exec(['nslookup', 'web']).startError, 'exec: "nslookup": executable file not found in $PATH: unknown');
  assert.equal(netProc('redis:alpine').exec(['nslookup', 'web']).exitCode, 0);
});
