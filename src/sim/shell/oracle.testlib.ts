/**
 * Table-driven tests against a real binary (GNU sed, mawk): each case runs through the model and,
 * where the binary is installed, through the binary on the same input, files and arguments in a
 * scratch directory; stdout, stderr, the exit status and the files afterwards must be equal. Where
 * the binary is missing, the results recorded from it (NAME.oracle.json, written with
 * UPDATE_ORACLE=1) stand in; ORACLE_OFFLINE=1 uses them even where the binary is installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSystem } from './fs.ts';
import type { CommandContext, CommandFn } from './shell.ts';

export interface Case {
  args: string[];
  stdin?: string;
  /** Files in the working directory before the run. */
  files?: Record<string, string>;
  /** argv[0] for the real binary (awk vs mawk): the name it prints in messages. */
  name?: string;
}

export interface Result {
  out: string;
  err: string;
  code: number;
  /** The working directory's files afterwards. */
  files: Record<string, string>;
}

const CWD = '/root/t';

export function runModel(fn: CommandFn, c: Case, name: string): Result {
  const fs = new FileSystem();
  fs.mkdirp(CWD);
  for (const [f, content] of Object.entries(c.files ?? {})) {
    if (f.endsWith('/')) fs.mkdirp(`${CWD}/${f.slice(0, -1)}`);
    else fs.write(`${CWD}/${f}`, content);
  }
  let out = '';
  let err = '';
  const ctx = {
    name,
    args: c.args,
    stdin: c.stdin ?? '',
    env: { HOME: '/root', PATH: '/usr/bin:/bin' },
    out: (s: string) => void (out += s),
    err: (s: string) => void (err += s),
    shell: undefined as never,
    fs,
    cwd: CWD,
  } as CommandContext;
  const code = fn(ctx);
  const files: Record<string, string> = {};
  for (const p of fs.walk(CWD)) files[p.slice(CWD.length + 1)] = fs.read(p)!;
  return { out, err, code, files };
}

function runReal(bin: string, c: Case, name: string): Result {
  const dir = mkdtempSync(join(tmpdir(), 'oracle-'));
  try {
    for (const [f, content] of Object.entries(c.files ?? {})) {
      if (f.endsWith('/')) mkdirSync(join(dir, f), { recursive: true });
      else writeFileSync(join(dir, f), content);
    }
    const r = spawnSync(bin, c.args, { cwd: dir, input: c.stdin ?? '', encoding: 'utf8', timeout: 5000, argv0: name, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8', HOME: '/root' } });
    const files: Record<string, string> = {};
    const walk = (d: string, pre: string) => {
      for (const e of readdirSync(d)) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) walk(p, `${pre}${e}/`);
        else files[pre + e] = readFileSync(p, 'utf8');
      }
    };
    walk(dir, '');
    return { out: r.stdout, err: r.stderr, code: r.status ?? -1, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const keyOf = (c: Case) => JSON.stringify([c.name ?? '', c.args, c.stdin ?? '', c.files ?? {}]);

/**
 * One test per case. `bin` is the real binary's path; `snapshot` the JSON file of recorded results.
 * Returns how many cases were checked against the real binary (0 where it is missing).
 */
export function oracleTests(title: string, fn: CommandFn, bin: string, snapshot: string, cases: Case[], defaultName: string): void {
  const real = existsSync(bin) && process.env.ORACLE_OFFLINE !== '1';
  const recorded: Record<string, Result> = existsSync(snapshot) ? JSON.parse(readFileSync(snapshot, 'utf8')) : {};
  const update = real && process.env.UPDATE_ORACLE === '1';
  const fresh: Record<string, Result> = {};
  let i = 0;
  for (const c of cases) {
    const name = c.name ?? defaultName;
    const label = `${title} #${++i}: ${name} ${c.args.map((a) => JSON.stringify(a)).join(' ')}`.slice(0, 200);
    test(label, () => {
      const want = real ? runReal(bin, c, name) : recorded[keyOf(c)];
      if (update) fresh[keyOf(c)] = want;
      assert.ok(want, 'no recorded result (run with the real binary and UPDATE_ORACLE=1)');
      const got = runModel(fn, c, name);
      assert.deepEqual(
        { out: got.out, err: got.err, code: got.code, files: got.files },
        { out: want.out, err: want.err, code: want.code, files: want.files },
        `stdin: ${JSON.stringify(c.stdin ?? '')}`,
      );
    });
  }
  if (update) test(`${title}: record`, () => writeFileSync(snapshot, JSON.stringify(fresh, null, 0).replace(/\],"/g, '],\n"').replace(/\},"/g, '},\n"') + '\n'));
}
