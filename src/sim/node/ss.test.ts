/**
 * ss (iproute2 6.1) on a node. The layout is held to the real ss's: render() of the rows below gives
 * what iproute2 6.1.0's ss printed into a pipe for the same sockets (listeners opened by a test script
 * on 127.0.0.1:10248, [::]:10250 dual-stack, 0.0.0.0:22, [::]:22 v6only, 127.0.0.53%lo:53,
 * 192.0.2.2:2380, 127.0.0.1:39713, and one foreign socket 0.0.0.0:2024 without a process). The invalid
 * option text and status are compared with the real ss when this machine has one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Session } from '../session.ts';
import { render } from './ss.ts';

function run(s: Session, line: string): { out: string; err: string; status: number } {
  const [e] = s.run(line);
  const pick = (k: string) => e.output.filter((o) => o.stream === k).map((o) => o.text).join('');
  return { out: pick('stdout'), err: pick('stderr'), status: e.status ?? -1 };
}

const REAL_TLNP = `State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                            
LISTEN 0      4096       127.0.0.1:10248      0.0.0.0:*    users:(("python3",pid=20754,fd=3))
LISTEN 0      128          0.0.0.0:2024       0.0.0.0:*                                      
LISTEN 0      4096         0.0.0.0:22         0.0.0.0:*    users:(("python3",pid=20754,fd=5))
LISTEN 0      4096       192.0.2.2:2380       0.0.0.0:*    users:(("python3",pid=20754,fd=8))
LISTEN 0      4096       127.0.0.1:39713      0.0.0.0:*    users:(("python3",pid=20754,fd=9))
LISTEN 0      4096   127.0.0.53%lo:53         0.0.0.0:*    users:(("python3",pid=20754,fd=7))
LISTEN 0      4096            [::]:22            [::]:*    users:(("python3",pid=20754,fd=6))
LISTEN 0      4096               *:10250            *:*    users:(("python3",pid=20754,fd=4))
`;

// Without -p the real ss printed the same rows with the Process column empty: `*` and 10 spaces.
test('render() lays the columns out as the real ss 6.1 does (with and without -p)', () => {
  const socks: [string, string, string, string, number?][] = [
    ['4096', '127.0.0.1', '10248', '0.0.0.0', 3], ['128', '0.0.0.0', '2024', '0.0.0.0'], ['4096', '0.0.0.0', '22', '0.0.0.0', 5],
    ['4096', '192.0.2.2', '2380', '0.0.0.0', 8], ['4096', '127.0.0.1', '39713', '0.0.0.0', 9], ['4096', '127.0.0.53%lo', '53', '0.0.0.0', 7],
    ['4096', '[::]', '22', '[::]', 6], ['4096', '*', '10250', '*', 4],
  ];
  const rows = (p: boolean) => socks.map(([q, a, port, peer, fd]) => ['LISTEN', '0', q, `${a}:`, port, `${peer}:`, '*', p && fd ? ` users:(("python3",pid=20754,fd=${fd}))` : '']);
  assert.equal(render(rows(true), true), REAL_TLNP);
  const plain = REAL_TLNP.split('\n').map((l, i) => (l ? (i === 0 ? 'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess' : l.replace(/:\*.*$/, ':*' + ' '.repeat(10))) : l)).join('\n');
  assert.equal(render(rows(false), true), plain);
});

test('ss -tlnp lists curl.ts listeners() with the pids ps shows', () => {
  const s = new Session();
  const out = run(s, 'ss -tlnp').out;
  assert.match(out, /^LISTEN 0      4096               \*:6443             \*:\*    users:\(\("kube-apiserver",pid=(\d+),fd=3\)\) *$/m);
  const pid = /"kube-apiserver",pid=(\d+)/.exec(out)![1];
  assert.match(run(s, 'ps -ef').out, new RegExp(`^root +${pid} .* kube-apiserver `, 'm'));
  for (const l of ['127.0.0.1:2379 ', '172.30.1.2:2379 ', '172.30.1.2:2380 ', '127.0.0.1:10257 ', '127.0.0.1:10259 ', '*:10250 ', '*:10256 ', '0.0.0.0:22 ']) assert.ok(out.includes(l), l);
  assert.ok(out.includes('"kube-controller",'), 'comm is 15 characters');
  const node = run(s, 'ssh node01 ss -lnt').out;
  assert.ok(!node.includes(':6443 ') && node.includes('*:10250 '));
});

test('a stopped server leaves the list', () => {
  const s = new Session();
  run(s, 'mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/');
  run(s, 'sleep 30');
  assert.ok(!run(s, 'ss -lnt').out.includes(':10259 '));
  run(s, 'systemctl stop kubelet');
  assert.ok(!run(s, 'ss -lnt').out.includes(':10250 '));
});

test('an invalid option: the real ss text and status', () => {
  const s = new Session();
  const r = run(s, 'ss -Q');
  assert.equal(r.status, 255);
  assert.ok(r.err.startsWith("ss: invalid option -- 'Q'\nUsage: ss [ OPTIONS ]\n"));
  const real = spawnSync('ss', ['-Q']);
  if (real.status !== null && real.stderr.toString().includes('Usage: ss')) assert.deepEqual([r.err, r.status], [real.stderr.toString(), real.status]);
});
