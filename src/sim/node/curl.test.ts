/**
 * curl on a node. Argument errors are checked against the real curl when this machine has one (its
 * texts for these cases are the same in 7.88 and 8.5); the network answers against the kube-proxy and
 * API-server model (sources in curl.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Session } from '../session.ts';
import { healthBody } from '../apiserver/health.ts';

function run(s: Session, line: string): { out: string; err: string; status: number } {
  const [e] = s.run(line);
  const pick = (k: string) => e.output.filter((o) => o.stream === k).map((o) => o.text).join('');
  return { out: pick('stdout'), err: pick('stderr'), status: e.status ?? -1 };
}

const hasCurl = spawnSync('curl', ['--version']).status === 0;

test('argument errors as the real curl prints them', () => {
  const s = new Session();
  const cases: [string[], string, number][] = [
    [['--foo'], "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    [['-o'], "curl: option -o: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    [['--cacert'], "curl: option --cacert: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    [['-s'], "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    [[], "curl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    [['-m', 'abc', 'http://127.0.0.1:9'], "curl: option -m: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    [['--connect-timeout', 'x', 'http://127.0.0.1:9'], "curl: option --connect-timeout: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    [['-m', '-1', 'http://127.0.0.1:9'], "curl: option -m: expected a positive numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
  ];
  let verified = 0;
  for (const [args, err, status] of cases) {
    const r = run(s, ['curl', ...args].join(' '));
    assert.equal(r.err, err, args.join(' '));
    assert.equal(r.status, status);
    if (hasCurl) {
      const real = spawnSync('curl', args, { encoding: 'utf8' });
      assert.equal(r.err, real.stderr, `real curl ${args.join(' ')}`);
      assert.equal(r.status, real.status);
      verified++;
    }
  }
  if (hasCurl) assert.equal(verified, cases.length);
});

test('health endpoints: ok, ?verbose, ?exclude, a single check', () => {
  assert.equal(healthBody('/healthz', ''), 'ok');
  assert.equal(healthBody('/livez/etcd', ''), 'ok');
  assert.equal(healthBody('/livez/nope', ''), undefined);
  const v = healthBody('/readyz', 'verbose&exclude=etcd')!;
  assert.match(v, /^\[\+\]ping ok\n\[\+\]log ok\n\[\+\]etcd excluded: ok\n\[\+\]etcd-readiness ok\n\[\+\]informer-sync ok\n/);
  assert.match(v, /\[\+\]shutdown ok\nreadyz check passed\n$/);
  assert.equal(healthBody('/api', ''), undefined);
});

test('from the control plane: Services, NodePorts, pods, the API server and the kubelet', () => {
  const s = new Session();
  s.run('kubectl create deploy web --image=nginx --replicas=1\nkubectl expose deploy web --port=80 --type=NodePort\nkubectl create svc clusterip empty --tcp=80\nsim advance 30s');
  const ip = run(s, "kubectl get svc web -o jsonpath='{.spec.clusterIP}'").out;
  const np = run(s, "kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'").out;
  const empty = run(s, "kubectl get svc empty -o jsonpath='{.spec.clusterIP}'").out;
  assert.match(run(s, `curl -s ${ip}`).out, /<title>Welcome to nginx!<\/title>/);
  assert.match(run(s, `curl -s node01:${np}`).out, /Welcome to nginx/);
  assert.match(run(s, `curl -s localhost:${np}`).out, /Welcome to nginx/);
  assert.deepEqual(run(s, `curl -sS ${empty}`), { out: '', err: `curl: (7) Failed to connect to ${empty} port 80 after 0 ms: Couldn't connect to server\n`, status: 7 });
  assert.deepEqual(run(s, `curl -sS -m 2 ${ip}:8080`), { out: '', err: 'curl: (28) Connection timed out after 2001 milliseconds\n', status: 28 });
  assert.deepEqual(run(s, 'curl -sS web.default.svc.cluster.local'), { out: '', err: 'curl: (6) Could not resolve host: web.default.svc.cluster.local\n', status: 6 });
  // --write-out comes whatever the result: 000 without a response, the status with -f.
  assert.deepEqual(run(s, `curl -s -o /dev/null -w '%{http_code}' ${empty}`), { out: '000', err: '', status: 7 });
  assert.deepEqual(run(s, "curl -fsk -o /dev/null -w '%{http_code}' https://localhost:6443/api"), { out: '403', err: '', status: 22 });
  // Piped: the meter goes to stderr; to the terminal it does not.
  assert.match(run(s, `curl ${ip} | head -1`).err, /^ {2}% Total {4}% Received/);
  assert.equal(run(s, `curl ${ip}`).err, '');
  assert.equal(run(s, 'curl -k https://localhost:6443/healthz').out, 'ok');
  assert.equal(run(s, 'curl -sk https://10.96.0.1/readyz').out, 'ok');
  assert.equal(run(s, 'curl -s --cacert /etc/kubernetes/pki/ca.crt https://controlplane:6443/livez').out, 'ok');
  const sans = run(s, 'curl -sS --cacert /etc/kubernetes/pki/ca.crt https://localhost:6443/livez');
  assert.equal(sans.status, 60);
  assert.match(sans.err, /^curl: \(60\) SSL: no alternative certificate subject name matches target host name 'localhost'\nMore details here: https:\/\/curl.se\/docs\/sslcerts.html\n/);
  assert.equal(run(s, 'curl -s https://localhost:6443/').status, 60);
  assert.equal(run(s, 'curl -sS --cacert /nope https://localhost:6443/').err, 'curl: (77) error setting certificate file: /nope\n');
  assert.equal(run(s, 'curl -sk https://localhost:10250/pods').out, 'Unauthorized');
  assert.equal(run(s, 'curl -s localhost:10248/healthz').out, 'ok');
  assert.equal(run(s, 'curl -s http://localhost:6443/').out, 'Client sent an HTTP request to an HTTPS server.\n');
  assert.match(run(s, 'curl -sk https://localhost:6443/api/v1/namespaces/default/pods').out, /"message": "pods is forbidden: User \\"system:anonymous\\" cannot list resource \\"pods\\" in API group \\"\\" in the namespace \\"default\\""/);
  assert.deepEqual(run(s, 'curl -sS https://web'), { out: '', err: 'curl: (6) Could not resolve host: web\n', status: 6 });
  assert.equal(run(s, `curl -s -o /root/page ${ip}; wc -c < /root/page`).out, '615\n');
  // A node's own kubelet healthz listens on 127.0.0.1 only.
  assert.equal(run(s, 'curl -sS 172.30.1.2:10248').status, 7);
  assert.equal(run(s, 'ssh node01 curl -sk https://localhost:6443/healthz').status, 7);
});
