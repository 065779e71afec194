/**
 * A container's `sh -c` script as a process over simulated time (script.ts). Expected shell output
 * follows POSIX sh as dash runs these scripts on this machine (busybox ash behaves the same here);
 * `date` is busybox's default `%a %b %e %H:%M:%S %Z %Y` (coreutils/date.c), unknown commands
 * `sh: NAME: not found` (127), syntax errors busybox's `sh: syntax error: unexpected "X"` (2).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busyboxDate, LOG_ROTATE_BYTES, ScriptProcess, STEP_CAP } from './script.ts';
import { lookupImage } from './images.ts';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const busybox = (() => {
  const l = lookupImage('busybox');
  if (!l.ok) throw new Error('no busybox');
  return l.image;
})();

function proc(src: string, env: Record<string, string> = { HOSTNAME: 'pod1' }): ScriptProcess {
  const p = new ScriptProcess(src, env, busybox, () => undefined);
  p.start(T0);
  return p;
}

const at = (p: ScriptProcess) => p.lines.map((l) => `${(l.time - T0) / 1000}s ${l.text}`);

// Each command costs 1 ms of the process's time (`true` too), so times read 0.001s, 5.004s, …
const CASES: [name: string, src: string, atMs: number, lines: string[], exit?: { code: number; atMs: number }][] = [
  ['echo then exit', 'echo hello', 1000, ['0s hello'], { code: 0, atMs: 1 }],
  ['a loop with sleep prints over time', 'while true; do echo hello; sleep 5; done', 12_000, ['0.001s hello', '5.004s hello', '10.007s hello']],
  ['a finite loop exits after its last command', 'for i in 1 2 3; do echo $i; sleep 1; done', 10_000, ['0s 1', '1.002s 2', '2.004s 3'], { code: 0, atMs: 3006 }],
  ['counter with arithmetic and date', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done', 2500, ['0.002s 0: Thu Jan 15 09:00:00 UTC 2026', '1.007s 1: Thu Jan 15 09:00:01 UTC 2026', '2.012s 2: Thu Jan 15 09:00:02 UTC 2026']],
  ['exit N ends the process with N', 'echo bye; sleep 2; exit 3; echo never', 5000, ['0s bye'], { code: 3, atMs: 2002 }],
  ['the last command decides the exit code', 'echo x; false', 5000, ['0s x'], { code: 1, atMs: 2 }],
  ['HOSTNAME, hostname and env vars', 'echo "$GREETING from $HOSTNAME"; hostname', 100, ['0s hi from pod1', '0.001s pod1'], { code: 0, atMs: 2 }],
  ['output redirected to a file is not logged', 'echo hidden >> /app.log; cat /app.log > /dev/null; echo shown', 100, ['0.002s shown'], { code: 0, atMs: 3 }],
  ['unknown command', 'nosuch; echo "status $?"', 100, ['0s sh: nosuch: not found', '0.001s status 127'], { code: 0, atMs: 2 }],
  ['syntax error', 'for i in 1 2; echo $i; done', 100, ['0s sh: syntax error: unexpected "echo"'], { code: 2, atMs: 0 }],
  ['sleep infinity blocks for good', 'echo up; sleep infinity; echo never', 3_600_000, ['0s up']],
  ['tail -f blocks for good', 'echo up; tail -f /dev/null', 3_600_000, ['0s up']],
  ['echo -n joins the next output', 'echo -n a; echo b', 100, ['0.001s ab'], { code: 0, atMs: 2 }],
];

for (const [name, src, atMs, lines, exit] of CASES) {
  test(`script: ${name}`, () => {
    const env = { HOSTNAME: 'pod1', GREETING: 'hi' };
    const p = proc(src, env);
    p.sync(T0 + atMs);
    assert.deepEqual(at(p), lines);
    if (exit) assert.deepEqual(p.exited && { code: p.exited.code, atMs: p.exited.at - T0 }, exit);
    else assert.equal(p.exited, undefined);
  });
}

test('lines appear only as the clock reaches them; nextCheck finds the exit ahead', () => {
  const p = proc('for i in 1 2 3; do echo $i; sleep 10; done; exit 4');
  assert.equal(p.nextCheck(T0), T0 + 30_006);
  p.sync(T0 + 15_000);
  assert.deepEqual(at(p), ['0s 1', '10.002s 2']);
  p.sync(T0 + 40_000);
  assert.equal(p.lines.length, 3);
  assert.deepEqual(p.exited, { at: T0 + 30_006, code: 4, reason: 'Error' });
});

test('an endless loop is looked at again after the run-ahead; a busy loop is throttled', () => {
  const slow = proc('while true; do echo tick; sleep 60; done');
  assert.ok(slow.nextCheck(T0) > T0 + 10 * 60_000 - 1);
  assert.equal(slow.lines.length, 0);
  const busy = proc('while true; do echo x; done');
  const t = Date.now();
  busy.sync(T0 + 24 * 3_600_000);
  assert.ok(busy.lines.length <= STEP_CAP, 'at most STEP_CAP commands per catch-up');
  assert.ok(Date.now() - t < 5000);
  assert.equal(busy.exited, undefined);
});

test('the log is rotated past 10 MiB: older lines are no longer read', () => {
  const p = proc('while true; do echo 0123456789012345678901234567890123456789012345678901234567890123456789; sleep 0.001; done');
  let last = 0;
  for (let i = 1; i <= 200; i++) {
    p.sync(T0 + i * 10_000);
    const bytes = p.lines.reduce((n, l) => n + l.text.length + 41, 0);
    assert.ok(bytes <= LOG_ROTATE_BYTES + 200);
    last = p.lines.length;
  }
  assert.ok(last > 0);
});

test('busybox date format', () => {
  assert.equal(busyboxDate(Date.UTC(2026, 0, 5, 9, 0, 30)), 'Mon Jan  5 09:00:30 UTC 2026');
  assert.equal(busyboxDate(Date.UTC(2026, 0, 15, 9, 0, 30), '%Y-%m-%d %T'), '2026-01-15 09:00:30');
});

test('container commands: wget/nslookup run by the container model at the time the script reaches them', () => {
  const calls: { argv: string[]; at?: number }[] = [];
  let up = false;
  const run = (argv: string[], _stdin: string, at?: number) => {
    calls.push({ argv, at });
    if (argv[0] === 'wget') return up ? { stdout: '<title>Welcome to nginx!</title>\n', stderr: '', exitCode: 0, ms: 3 } : { stdout: '', stderr: "wget: can't connect to remote host (10.96.0.20): Connection refused\n", exitCode: 1, ms: 1 };
    if (argv[0] === 'cat') return { stdout: 'nameserver 10.96.0.10\n', stderr: '', exitCode: 0 };
    return { stdout: '', stderr: '', exitCode: 127, startError: 'exec: "x": executable file not found in $PATH: unknown' };
  };
  const p = new ScriptProcess('while true; do wget -qO- web; sleep 5; done', { HOSTNAME: 'pod1' }, busybox, () => undefined, run);
  p.start(T0);
  // Not run ahead: the kubelet is told to look again at the process's own clock.
  let t = T0;
  for (let i = 0; i < 20 && t < T0 + 5000; i++) t = p.nextCheck(t);
  assert.ok(t > T0 + 5000 && t < T0 + 5010, `next check at ${t - T0}`);
  assert.equal(calls.length, 1);
  up = true;
  p.sync(T0 + 11_000);
  assert.deepEqual(at(p), ["0.001s wget: can't connect to remote host (10.96.0.20): Connection refused", '5.005s <title>Welcome to nginx!</title>', '10.011s <title>Welcome to nginx!</title>']);
  // Each wget ran at its own time (its duration moves the clock: 1 ms refused, 3 ms a page).
  assert.deepEqual(calls.map((c) => (c.at! - T0) / 1000), [0.001, 5.005, 10.011]);
  const c = new ScriptProcess('cat /etc/resolv.conf; curl web; echo $?', { HOSTNAME: 'pod1' }, busybox, () => undefined, run);
  c.start(T0);
  c.sync(T0 + 1000);
  assert.deepEqual(c.lines.map((l) => l.text), ['nameserver 10.96.0.10', 'sh: curl: not found', '127']);
});
