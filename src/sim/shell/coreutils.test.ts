/**
 * date, xargs, find, column, basename, dirname against the real GNU coreutils / findutils /
 * util-linux binaries of this machine when it has them (TZ=UTC, LC_ALL=C, as the simulated nodes
 * run). date's formats and -d forms also carry the real outputs (coreutils 9.1) for machines without
 * it; find, xargs and column are compared only where the binary exists (findutils 4.9, util-linux
 * 2.38). find's order is compared sorted: a real directory is read in its filesystem's hash order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Shell } from './shell.ts';
import { registerBuiltins } from './builtins.ts';
import { FileSystem } from './fs.ts';
import { baseOf, dirOf, parseDate, strftime } from './coreutils.ts';

const ENV = { ...process.env, TZ: 'UTC', LC_ALL: 'C' };
const real = (cmd: string, args: string[], input = '', cwd?: string) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: ENV, input, cwd });
  // EPIPE when the program exits without reading its input is no failure of the program.
  return r.status === null ? undefined : { out: r.stdout, err: r.stderr, status: r.status };
};
const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;
let verified = 0;

function shellOn(fs: FileSystem, now = Date.UTC(2026, 0, 15, 9, 15, 0)) {
  const sh = new Shell({ name: 'controlplane', fs, user: 'root', home: '/root' });
  registerBuiltins(sh);
  sh.now = () => now;
  return (line: string) => {
    let out = '';
    let err = '';
    sh.sink = (o) => (o.stream === 'stdout' ? (out += o.text) : (err += o.text));
    sh.runScript(line);
    return { out, err, status: sh.lastStatus };
  };
}

const T = Date.UTC(2026, 0, 15, 9, 5, 7);
const FORMATS: [string, string][] = [
  ['%a %b %e %H:%M:%S %Z %Y', 'Thu Jan 15 09:05:07 UTC 2026'],
  ['%Y-%m-%d', '2026-01-15'], ['%F %T', '2026-01-15 09:05:07'], ['%s', '1768467907'], ['%D', '01/15/26'],
  ['%A %B', 'Thursday January'], ['%j %U %W %V %G %g %u %w', '015 02 02 03 2026 26 4 4'], ['%I %l %p %P %r', '09  9 AM am 09:05:07 AM'],
  ['%k|%-d|%_m|%3d|%^a|%#Z|%C|%y', ' 9|15| 1|015|THU|utc|20|26'], ['%z %:z %::z', '+0000 +00:00 +00:00:00'], ['%c', 'Thu Jan 15 09:05:07 2026'],
  ['%x %X %R %h %n%t%%', '01/15/26 09:05:07 09:05 Jan \n\t%'], ['%N', '000000000'], ['%3N', '000'], ['%Q', '%Q'],
];

test('date +FORMAT: strftime as GNU date prints it', () => {
  const live = has('date');
  for (const [fmt, want] of FORMATS) {
    assert.equal(strftime(fmt, T), want, fmt);
    if (live) {
      assert.equal(real('date', ['-u', '-d', `@${T / 1000}`, `+${fmt}`])!.out, want + '\n', `real date +${fmt}`);
      verified++;
    }
  }
  // Week numbers around the year's ends.
  for (const t of [Date.UTC(2024, 11, 30), Date.UTC(2027, 0, 1), Date.UTC(2026, 11, 31, 23, 59, 59)]) {
    const fmt = '%G-%V %U %W %j';
    const got = strftime(fmt, t);
    if (live) {
      assert.equal(real('date', ['-u', '-d', `@${t / 1000}`, `+${fmt}`])!.out, got + '\n');
      verified++;
    }
  }
});

test('date -d: the forms scripts use', () => {
  const now = T;
  const cases: [string, number][] = [
    ['@0', 0], ['2026-01-15', Date.UTC(2026, 0, 15)], ['2026-01-15 10:20', Date.UTC(2026, 0, 15, 10, 20)],
    ['2026-01-15T10:20:30Z', Date.UTC(2026, 0, 15, 10, 20, 30)], ['2026-01-15 10:20:30 +02:00', Date.UTC(2026, 0, 15, 8, 20, 30)],
    ['2026-01-15 2 days ago', Date.UTC(2026, 0, 13)], ['2026-01-31 +1 month', Date.UTC(2026, 2, 3)], ['2026-01-15 10:00 3 hours', Date.UTC(2026, 0, 15, 13)],
  ];
  const live = has('date');
  for (const [s, want] of cases) {
    assert.equal(parseDate(s, now), want, s);
    if (live) {
      assert.equal(real('date', ['-u', '-d', s, '+%s'])!.out, `${want / 1000}\n`, `real date -d '${s}'`);
      verified++;
    }
  }
  assert.equal(parseDate('1 hour ago', now), now - 3_600_000);
  assert.equal(parseDate('tomorrow', now), now + 86_400_000);
  assert.equal(parseDate('bogus', now), undefined);
});

test('date: options and errors', () => {
  const run = shellOn(new FileSystem());
  const cases: [string, string, string, number, string[]][] = [
    ['date -d @1768467907', 'Thu Jan 15 09:05:07 UTC 2026\n', '', 0, ['-d', '@1768467907']],
    ['date -u -R -d @1768467907', 'Thu, 15 Jan 2026 09:05:07 +0000\n', '', 0, ['-u', '-R', '-d', '@1768467907']],
    ['date -Iseconds -d @1768467907', '2026-01-15T09:05:07+00:00\n', '', 0, ['-Iseconds', '-d', '@1768467907']],
    ['date -I -d @1768467907', '2026-01-15\n', '', 0, ['-I', '-d', '@1768467907']],
    ['date -d foo', '', "date: invalid date 'foo'\n", 1, ['-d', 'foo']],
    ['date -u -d 2024-02-30', '', "date: invalid date '2024-02-30'\n", 1, ['-u', '-d', '2024-02-30']],
    ['date -u -d 2024-02-29', 'Thu Feb 29 00:00:00 UTC 2024\n', '', 0, ['-u', '-d', '2024-02-29']],
    ['date -x', '', "date: invalid option -- 'x'\nTry 'date --help' for more information.\n", 1, ['-x']],
    ['date --bogus', '', "date: unrecognized option '--bogus'\nTry 'date --help' for more information.\n", 1, ['--bogus']],
  ];
  const live = has('date');
  for (const [line, out, err, status, args] of cases) {
    assert.deepEqual(run(line), { out, err, status }, line);
    if (live) {
      assert.deepEqual(real('date', args), { out, err, status }, `real ${line}`);
      verified++;
    }
  }
  assert.equal(run('date').out, 'Thu Jan 15 09:15:00 UTC 2026\n');
});

/** A tree laid down both in the simulated filesystem and in a real temporary directory. */
const TREE = ['etc/kubernetes/admin.conf', 'etc/kubernetes/manifests/etcd.yaml', 'etc/kubernetes/manifests/kube-apiserver.yaml', 'etc/kubernetes/pki/ca.crt', 'etc/kubernetes/pki/etcd/ca.crt', 'etc/kubernetes/empty.txt', 'root/notes.md'];
const CONTENT = (f: string) => (f.endsWith('empty.txt') ? '' : `# ${f}\n`);

test('find: tests, operators, actions, errors (GNU findutils)', () => {
  const fs = new FileSystem();
  for (const f of TREE) fs.write('/' + f, CONTENT(f));
  fs.mkdirp('/etc/kubernetes/tmp');
  const run = shellOn(fs);
  const dir = mkdtempSync(join(tmpdir(), 'find-'));
  try {
    for (const f of TREE) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), CONTENT(f));
    }
    mkdirSync(join(dir, 'etc/kubernetes/tmp'));
    const cases: string[][] = [
      ['etc'], ['etc', '-name', '*.yaml'], ['etc/kubernetes', '-maxdepth', '1'], ['etc/kubernetes', '-mindepth', '2', '-type', 'f'], ['etc', '-type', 'd'],
      ['etc', '-name', 'ca.crt', '-path', '*etcd*'], ['etc', '-not', '-name', '*.crt', '-type', 'f'], ['etc', '(', '-name', '*.conf', '-o', '-name', '*.md', ')'],
      ['etc', '-iname', 'CA.CRT'], ['etc', '-empty'], ['etc', '-name', '*.yaml', '-exec', 'cat', '{}', ';'], ['etc', '-name', '*.crt', '-exec', 'echo', '{}', '+'],
      ['.', '-name', 'notes.md'], ['etc', '-type', 'f', '-name', '*.yaml', '-print'], ['root', 'etc/kubernetes/manifests'], ['etc', '!', '-type', 'f', '-o', '-name', 'x'],
      ['nope'], ['etc', '-foo'], ['etc', '-name'], ['etc', '-type', 'q'], ['etc', '-exec', 'echo'], ['etc', 'extra'],
    ];
    const live = has('find');
    for (const args of cases) {
      const line = 'cd / && find ' + args.map((a) => (/[*;()!]/.test(a) ? `'${a}'` : a)).join(' ');
      const got = run(line);
      if (!live) continue;
      const want = real('find', args, '', dir)!;
      const sort = (s: string) => s.split(/\s+/).filter(Boolean).sort().join('\n');
      assert.equal(sort(got.out), sort(want.out), `stdout of ${line}`);
      assert.equal(got.err, want.err, `stderr of ${line}`);
      assert.equal(got.status, want.status, `status of ${line}`);
      verified++;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('xargs: batching, -n, -I, -r, -0, -t, exit statuses (GNU findutils)', () => {
  const fs = new FileSystem();
  const run = shellOn(fs);
  const cases: [string, string[]][] = [
    ['a b\nc\n', ['echo']], ['a b\nc d e\n', ['-n', '2', 'echo', 'x']], ['', ['echo', 'hi']], ['', ['-r', 'echo', 'hi']],
    ['one\ntwo\n', ['-I', '{}', 'echo', '<{}>']], ['  sp ace  \nz\n', ['-I{}', 'echo', '[{}]']], ['a\0b c\0', ['-0', 'echo']],
    ["'q a' \"b c\" d\\ e\n", ['echo']], ['a\nb\n', ['-t', 'echo']], ['x\n', ['nosuch']], ['x\n', ['cd']], ['x\n', ['false']],
    ['a b c\n', ['-L', '1', 'echo']], ["it's\n", ['echo']], ['x\n', ['-n', '0', 'echo']], ['a,b,c', ['-d', ',', 'echo']],
  ];
  const live = has('xargs');
  for (const [input, args] of cases) {
    const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    fs.write('/in', input);
    const got = run(`xargs ${quoted} < /in`);
    if (!live) continue;
    const want = real('xargs', args, input)!;
    assert.deepEqual(got, want, `xargs ${args.join(' ')} <<< ${JSON.stringify(input)}`);
    verified++;
  }
});

test('column: -t, -s, -o and the filled columns', () => {
  const run = shellOn(new FileSystem());
  const cases: [string, string[]][] = [
    ['NAME READY STATUS\nweb-1 1/1 Running\nlonger-pod-name 0/1 Pending\n', ['-t']],
    ['a:b:c\nlong:x:y\n', ['-t', '-s', ':']], ['a b\nccc d\n', ['-t', '-o', ' | ']], ['one\ntwo\nthree\nfour\nfive\nsix\nseven\n', []],
    ['x  y\n\nzz w\n', ['-t']], ['a-very-long-entry-name\nb\nc\nd\n', ['-c', '40']],
  ];
  const live = has('column');
  for (const [input, args] of cases) {
    const got = run(`printf '${input.replace(/\n/g, '\\n')}' | column ${args.map((a) => `'${a}'`).join(' ')}`);
    if (!live) continue;
    assert.deepEqual(got, real('column', args, input), `column ${args.join(' ')}`);
    verified++;
  }
});

test('basename, dirname (GNU coreutils)', () => {
  const cases = ['/etc/kubernetes/pki/ca.crt', '/etc/kubernetes/', 'file', '/', '//', 'a//b//', '', '.', '../x'];
  const live = has('basename');
  for (const p of cases) {
    if (!live) continue;
    assert.equal(baseOf(p) + '\n', real('basename', [p])!.out, `basename '${p}'`);
    assert.equal(dirOf(p) + '\n', real('dirname', [p])!.out, `dirname '${p}'`);
    verified += 2;
  }
  assert.equal(baseOf('/x/kube.yaml', '.yaml'), 'kube');
  if (live) assert.equal(real('basename', ['-s', '.yaml', '/a/x.yaml', 'y.yaml'])!.out, 'x\ny\n');
  const run = shellOn(new FileSystem());
  assert.equal(run('basename -s .yaml /a/x.yaml y.yaml').out, 'x\ny\n');
  assert.deepEqual(run('basename'), { out: '', err: "basename: missing operand\nTry 'basename --help' for more information.\n", status: 1 });
});

test('checked against real binaries', () => {
  // Printed so a run shows how much was compared with the real tools here.
  console.log(`coreutils.test: ${verified} cases compared with the real binaries`);
});
