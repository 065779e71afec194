/**
 * Property-based robustness: random command lines and mutated manifests never crash the simulator
 * (no "internal error", no exception out of Session.run) and never break its invariants:
 * every bound pod's node exists, resourceVersions only grow, controllers converge.
 * FUZZ_RUNS overrides the number of cases (CI runs at least 10,000 in total).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Session } from './session.ts';
import { res } from './apiserver/client.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 7000);

const verbs = ['get', 'describe', 'create', 'apply', 'delete', 'run', 'expose', 'scale', 'label', 'annotate', 'taint', 'cordon', 'uncordon', 'drain', 'rollout', 'set', 'edit', 'logs', 'exec', 'explain', 'replace', 'patch', 'top', 'version', 'api-resources', 'config', 'wait', 'gett', ''];
const types = ['pods', 'po', 'pod', 'deploy', 'deployments.apps', 'rs', 'rc', 'svc', 'no', 'nodes', 'ns', 'ds', 'cm', 'secret', 'sa', 'all', 'events', 'quota', 'limits', 'foo', 'pod/nginx', 'deploy/web', 'node/node01'];
const names = ['nginx', 'web', 'node01', 'node02', 'controlplane', 'x', 'kube-system', 'default', 'Bad_Name', '-', "''", 'a'.repeat(70)];
const flags = ['-o yaml', '-o json', '-o wide', '-o name', '-o jsonpath={.items[*].metadata.name}', '-A', '-n kube-system', '-n dev', '--all', '-l app=web', '-l "app in (a,b)"', '--dry-run=client', '--dry-run=server', '--dry-run', '--image=nginx', '--image=nginx:1.99', '--replicas=3', '--replicas=-1', '--port=80', '--force', '--grace-period=0', '--ignore-daemonsets', '--show-labels', '--selector', '-o', '--foo', '-x', '--', 'app=blue:NoSchedule', 'app=blue:NoSchdule', 'app-', '--overwrite', '--to-revision=2', 'status', 'history', 'undo', 'image', 'deployment', 'namespace', 'configmap', '--from-literal=a=b', 'service', 'nodeport', '--tcp=80:80'];

const commandLine = fc
  .tuple(fc.constantFrom(...verbs), fc.array(fc.constantFrom(...types, ...names, ...flags), { maxLength: 6 }))
  .map(([v, rest]) => `kubectl ${v} ${rest.join(' ')}`.trim());

const shellNoise = fc.constantFrom('echo "hi" | grep h', 'cat nope.yaml', 'ls /etc/kubernetes/manifests', "sed -i 's/a/b/' nope", 'alias k=kubectl', 'k get po', 'export X=1; echo $X', 'base64 -d <<< "aGk="', 'sim advance 30s', 'sim advance abc', 'sim fail-node node02', 'sim recover-node node02', '| |', 'echo "unterminated', 'cat <<EOF\nx\nEOF');

const manifest = fc.record({
  kind: fc.constantFrom('Pod', 'Deployment', 'ReplicaSet', 'Service', 'ConfigMap', 'Secret', 'DaemonSet', 'Namespace', 'ResourceQuota', 'LimitRange', 'Foo'),
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'v2', 'apps/v1beta1'),
  name: fc.constantFrom('nginx', 'web', 'Web', '', 'x'.repeat(300)),
  replicas: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom('3', 1.5, null)),
  image: fc.constantFrom('nginx', 'nginx:1.27', 'busybox', 'nosuchimage', '', 42),
  extra: fc.constantFrom('', 'cotainerPort: 80', 'nodePort:30008', '  bad: [', '\t tab: x', 'spec: {}', 'foo: bar'),
  port: fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constant('http')),
});

function render(m: { kind: string; apiVersion: string; name: string; replicas: unknown; image: unknown; extra: string; port: unknown }): string {
  return `apiVersion: ${m.apiVersion}
kind: ${m.kind}
metadata:
  name: ${JSON.stringify(m.name)}
  labels:
    app: web
spec:
  replicas: ${JSON.stringify(m.replicas)}
  selector:
    matchLabels:
      app: web
  ports:
  - port: ${JSON.stringify(m.port)}
  containers:
  - name: c
    image: ${JSON.stringify(m.image)}
    ${m.extra}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: c
        image: ${JSON.stringify(m.image)}
data:
  key: ${m.extra ? 'plain text' : 'dmFsdWU='}
`;
}

function checkInvariants(s: Session, lastRv: { v: number }) {
  const { client, store } = s.cluster;
  const nodes = new Set(client.list(res('nodes')).map((n) => n.metadata.name));
  for (const p of client.list(res('pods'))) {
    const node = (p.spec as { nodeName?: string }).nodeName;
    if (node) assert.ok(nodes.has(node), `pod ${p.metadata.namespace}/${p.metadata.name} bound to missing node ${node}`);
  }
  const rv = store.revision();
  assert.ok(rv >= lastRv.v, `store revision went back: ${rv} < ${lastRv.v}`);
  lastRv.v = rv;
}

function assertNoCrash(out: string) {
  assert.ok(!out.includes('internal error'), `internal error in output:\n${out}`);
}

test(`fuzz: ${RUNS} random command lines keep the cluster sound`, () => {
  let s = new Session({ seed: 7 });
  const rv = { v: 0 };
  let n = 0;
  fc.assert(
    fc.property(fc.oneof({ weight: 4, arbitrary: commandLine }, { weight: 1, arbitrary: shellNoise }), (line) => {
      if (++n % 500 === 0) {
        s = new Session({ seed: n });
        rv.v = 0;
      }
      const out = Session.format(s.run(line));
      assertNoCrash(out);
      checkInvariants(s, rv);
    }),
    { numRuns: RUNS, seed: 42 },
  );
});

test(`fuzz: ${Math.ceil(RUNS / 2)} mutated manifests through create/apply/delete`, () => {
  let s = new Session({ seed: 11 });
  const rv = { v: 0 };
  let n = 0;
  fc.assert(
    fc.property(manifest, fc.constantFrom('create', 'apply', 'delete', 'replace'), (m, verb) => {
      if (++n % 300 === 0) {
        s = new Session({ seed: n });
        rv.v = 0;
      }
      const out = Session.format(s.run(`cat <<'EOF' > m.yaml\n${render(m)}EOF\nkubectl ${verb} -f m.yaml\nsim advance 5s`));
      assertNoCrash(out);
      checkInvariants(s, rv);
    }),
    { numRuns: Math.ceil(RUNS / 2), seed: 43 },
  );
});

test('controllers converge after random churn', () => {
  const s = new Session({ seed: 3 });
  s.run(`cat <<'EOF' > d.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
EOF
kubectl apply -f d.yaml
sim advance 20s
sim fail-node node02
sim advance 6m
sim recover-node node02
sim advance 2m`);
  const { client } = s.cluster;
  const d = client.get(res('deployments', 'apps'), 'default', 'web')!;
  const status = d.status as { readyReplicas?: number; replicas?: number };
  assert.equal(status.readyReplicas, 4);
  const active = client.list(res('pods'), 'default').filter((p) => !p.metadata.deletionTimestamp && p.metadata.labels?.app === 'web');
  assert.equal(active.length, 4);
});

test('pathological input is answered quickly', () => {
  const s = new Session({ seed: 5 });
  const cases = [
    'x'.repeat(10 * 1024 * 1024),
    `cat <<'EOF' > bomb.yaml\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nEOF\nkubectl apply -f bomb.yaml`,
    `cat <<'EOF' > deep.yaml\n${Array.from({ length: 100 }, (_, i) => ' '.repeat(i * 2) + `k${i}:`).join('\n')} v\nEOF\nkubectl create -f deep.yaml`,
    `kubectl create deployment big --image=nginx --replicas=1000000`,
  ];
  for (const c of cases) {
    // CPU time of this process, not wall time: other test files run in parallel on a small machine.
    const before = process.cpuUsage();
    const out = Session.format(s.run(c));
    const used = process.cpuUsage(before);
    const ms = (used.user + used.system) / 1000;
    assertNoCrash(out);
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms of CPU: ${c.slice(0, 60)}`);
  }
});
