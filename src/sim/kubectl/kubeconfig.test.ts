import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSystem } from '../shell/fs.ts';
import { clientSettings, dialError, hostOf, loadKubeconfig, parseKubeconfig, saveKubeconfig, serializeKubeconfig, toV1 } from './kubeconfig.ts';

// Expected texts: client-go tools/clientcmd (loader.go, client_config.go, api/v1 types) and kubectl
// v1.33.1 run against kubeconfigs written the same way (the oracle described in
// test/scenarios/kubectl2/config.sh).

const ADMIN = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: Q0E=
    server: https://172.30.1.2:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
`;

function machine(files: Record<string, string>): FileSystem {
  const fs = new FileSystem();
  for (const [p, c] of Object.entries(files)) fs.write(p, c);
  return fs;
}

test('serializeKubeconfig writes what clientcmd.Write writes (keys sorted, kubeadm admin.conf shape)', () => {
  const c = parseKubeconfig(ADMIN, 'admin.conf');
  assert.equal(serializeKubeconfig(c), ADMIN);
});

test('an empty config marshals nil lists as null (kubectl config view with no kubeconfig)', () => {
  const fs = new FileSystem();
  const loaded = loadKubeconfig({ fs, env: { HOME: '/root' }, cwd: '/root' });
  assert.equal(serializeKubeconfig(loaded.config), 'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n');
});

test('toV1 keeps the v1 struct field order for -o json (kind, apiVersion, preferences, clusters, users, contexts)', () => {
  const v1 = toV1(parseKubeconfig(ADMIN, 'x'));
  assert.deepEqual(Object.keys(v1), ['kind', 'apiVersion', 'preferences', 'clusters', 'users', 'contexts', 'current-context']);
  assert.deepEqual(Object.keys((v1.clusters as { cluster: object }[])[0].cluster), ['server', 'certificate-authority-data']);
});

test('loading rules: --kubeconfig, $KUBECONFIG (merged, first wins), ~/.kube/config', () => {
  const other = ADMIN.replace(/kubernetes-admin@kubernetes/g, 'other').replace('https://172.30.1.2:6443', 'https://10.0.0.1:6443');
  const fs = machine({ '/root/.kube/config': ADMIN, '/tmp/b.conf': other });
  assert.equal(loadKubeconfig({ fs, env: { HOME: '/root' }, cwd: '/' }).config.currentContext, 'kubernetes-admin@kubernetes');
  const merged = loadKubeconfig({ fs, env: { HOME: '/root', KUBECONFIG: '/tmp/b.conf:/root/.kube/config:/missing' }, cwd: '/' });
  assert.equal(merged.config.currentContext, 'other');
  assert.deepEqual(merged.config.contexts.map((c) => c.name), ['kubernetes-admin@kubernetes', 'other']);
  // the cluster "kubernetes" is defined by both; the first file wins
  assert.equal(merged.config.clusters[0].cluster.server, 'https://10.0.0.1:6443');
  assert.throws(() => loadKubeconfig({ fs, env: {}, cwd: '/', explicitPath: '/nope' }), /^Error: stat \/nope: no such file or directory$/);
});

test('clientSettings: namespace from the context, kubectl\'s configuration errors', () => {
  const withNs = ADMIN.replace('    user: kubernetes-admin\n  name', '    namespace: dev\n    user: kubernetes-admin\n  name');
  const fs = machine({ '/root/.kube/config': withNs });
  const o = { fs, env: { HOME: '/root' }, cwd: '/' };
  const cases: [Parameters<typeof clientSettings>[1], Partial<ReturnType<typeof clientSettings>>][] = [
    [{}, { namespace: 'dev', server: 'https://172.30.1.2:6443', host: '172.30.1.2:6443', contextName: 'kubernetes-admin@kubernetes' }],
    [{ namespace: 'x' }, { namespace: 'x' }],
    [{ context: 'nope' }, { error: 'Error in configuration: context was not found for specified context: nope' }],
    [{ cluster: 'zzz' }, { error: 'error: cluster "zzz" does not exist' }],
    [{ user: 'zzz' }, { error: 'error: auth info "zzz" does not exist' }],
    [{ server: 'https://1.2.3.4:6443' }, { host: '1.2.3.4:6443' }],
  ];
  for (const [over, want] of cases) {
    const got = clientSettings(o, over);
    for (const [k, v] of Object.entries(want)) assert.equal(got[k as keyof typeof got], v, `${JSON.stringify(over)} → ${k}`);
  }
  // No kubeconfig at all: the client defaults to http://localhost:8080.
  assert.equal(clientSettings({ fs: new FileSystem(), env: { HOME: '/root' }, cwd: '/' }, {}).host, 'localhost:8080');
});

test('saveKubeconfig writes a changed stanza back to the file that defined it', () => {
  const other = ADMIN.replace(/kubernetes-admin@kubernetes/g, 'other').replace(/name: kubernetes$/m, 'name: second').replace('cluster: kubernetes', 'cluster: second');
  const fs = machine({ '/a.conf': ADMIN, '/b.conf': other });
  const o = { fs, env: { KUBECONFIG: '/a.conf:/b.conf' }, cwd: '/' };
  const loaded = loadKubeconfig(o);
  const next = structuredClone(loaded.config);
  next.contexts.find((c) => c.name === 'other')!.context.namespace = 'dev';
  saveKubeconfig(o, loaded, next);
  assert.match(fs.read('/b.conf')!, /namespace: dev/);
  assert.doesNotMatch(fs.read('/a.conf')!, /namespace: dev/);
});

test('dialError: which server URLs reach kube-apiserver from which machine', () => {
  const cases: [string, string, boolean, string | undefined][] = [
    ['https://172.30.1.2:6443', 'controlplane', true, undefined],
    ['https://controlplane:6443', 'node01', true, undefined],
    ['https://127.0.0.1:6443', 'controlplane', true, undefined],
    ['https://127.0.0.1:6443', 'node01', true, 'dial tcp 127.0.0.1:6443: connect: connection refused'],
    ['http://localhost:8080', 'node01', true, 'dial tcp 127.0.0.1:8080: connect: connection refused'],
    ['https://172.30.1.2:6444', 'controlplane', true, 'dial tcp 172.30.1.2:6444: connect: connection refused'],
    ['https://172.30.1.2:6443', 'controlplane', false, 'dial tcp 172.30.1.2:6443: connect: connection refused'],
    ['https://10.9.9.9:6443', 'controlplane', true, 'dial tcp 10.9.9.9:6443: i/o timeout'],
    ['https://k8s.example:6443', 'controlplane', true, 'dial tcp: lookup k8s.example on 127.0.0.53:53: no such host'],
  ];
  for (const [server, machineName, up, want] of cases) assert.equal(dialError(server, machineName, up)?.dial, want, server);
  assert.equal(hostOf('https://172.30.1.2:6443'), '172.30.1.2:6443');
});
