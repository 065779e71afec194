import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import { ContainerProcess, serviceEnv, serviceAccountToken, type ContainerContext } from './exec.ts';
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
  return new ContainerProcess(ctx);
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
