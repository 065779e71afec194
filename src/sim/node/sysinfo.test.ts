/**
 * free and df: the layouts and the unit scaling held to the real tools' output (procps-ng 4.0.2's free
 * and coreutils 9.1's df on Debian 12, captured together so the numbers agree); the model's numbers
 * are fixed (sysinfo.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../session.ts';
import { freeTable, human } from './sysinfo.ts';

function run(s: Session, line: string): { out: string; err: string; status: number } {
  const [e] = s.run(line);
  const pick = (k: string) => e.output.filter((o) => o.stream === k).map((o) => o.text).join('');
  return { out: pick('stdout'), err: pick('stderr'), status: e.status ?? -1 };
}

const REAL = { total: 24684084, used: 799596, free: 19831376, shared: 8872, cache: 4387744, available: 23884488 };

test('free: the real free -k/-h/-m/-g for the same numbers', () => {
  const head = '               total        used        free      shared  buff/cache   available\n';
  assert.equal(freeTable(REAL, 'k', false, false, false), head + 'Mem:        24684084      799596    19831376        8872     4387744    23884488\nSwap:              0           0           0\n');
  assert.equal(freeTable(REAL, 'h', false, false, false), head + 'Mem:            23Gi       780Mi        18Gi       8.7Mi       4.2Gi        22Gi\nSwap:             0B          0B          0B\n');
  assert.equal(freeTable(REAL, 'm', false, false, false), head + 'Mem:           24105         780       19366           8        4284       23324\nSwap:              0           0           0\n');
  assert.equal(freeTable(REAL, 'g', false, false, false), head + 'Mem:              23           0          18           0           4          22\nSwap:              0           0           0\n');
});

test('df -h: coreutils rounds up, one decimal below 10', () => {
  // Real: 264212084 → 252G, 42540976 → 41G, 63849936 → 61G, 24684084 → 24G; 0 → 0.
  assert.deepEqual([264212084, 42540976, 63849936, 24684084, 0].map(human), ['252G', '41G', '61G', '24G', '0']);
  assert.deepEqual([1148, 6512340, 5120, 106858, 6182, 12].map(human), ['1.2M', '6.3G', '5.0M', '105M', '6.1M', '12K']);
});

test('df on a node: the cloud image\'s mounts and the pods\', a path\'s mount, errors', () => {
  const s = new Session();
  const df = run(s, 'df -h').out.split('\n');
  assert.equal(df[0], 'Filesystem      Size  Used Avail Use% Mounted on');
  assert.equal(df[2], '/dev/vda1        20G  6.3G   13G  35% /');
  assert.ok(df.some((l) => /^shm {14}64M {5}0 {3}64M {3}0% \/run\/containerd\/io\.containerd\.grpc\.v1\.cri\/sandboxes\/[0-9a-f]{64}\/shm$/.test(l)));
  assert.equal(run(s, 'df -hT /boot/efi').out, 'Filesystem     Type  Size  Used Avail Use% Mounted on\n/dev/vda15     vfat  105M  6.1M   99M   6% /boot/efi\n');
  assert.deepEqual(run(s, 'df /nope'), { out: '', err: 'df: /nope: No such file or directory\n', status: 1 });
  assert.deepEqual(run(s, 'df -Q'), { out: '', err: "df: invalid option -- 'Q'\nTry 'df --help' for more information.\n", status: 1 });
  assert.deepEqual(run(s, 'df -x'), { out: '', err: "df: option requires an argument -- 'x'\nTry 'df --help' for more information.\n", status: 1 });
  assert.equal(run(s, 'df -h -x tmpfs -x overlay -x shm').out.split('\n').length - 2, 3);
  assert.equal(run(s, 'df -t ext4 | wc -l').out, '3\n');
  assert.match(run(s, 'free -h').out, /^Mem: {11}3\.8Gi/m);
});
