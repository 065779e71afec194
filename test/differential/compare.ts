/**
 * Runs one scenario both ways and compares: the simulator's own transcript and the one made with the
 * real kubectl against `kubesim serve` on the same seed, both normalised by ./normalize.ts.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../../src/sim/session.ts';
import { findRealKubectl, runWithRealKubectl } from './harness.ts';
import { allPages, type PageBlocks } from '../../src/lib/run/extract.ts';
import { seedOf } from '../../src/lib/run/runner.ts';
import { normalize, rules, type Rule, type VersionFacts } from './normalize.ts';
import type { Known } from './known.ts';

export const SCENARIOS = new URL('../scenarios/', import.meta.url).pathname;

export function scenarioFiles(dir = SCENARIOS): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...scenarioFiles(p));
    else if (name.endsWith('.sh')) out.push(p);
  }
  return out;
}

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = String(v);
  }
  return out;
}

/** Client build metadata of both clients (for the `kubectl version` rule). */
export function versionFacts(kubectl: string): VersionFacts {
  const real = flatten(JSON.parse(execFileSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' })));
  const simOut = Session.format(new Session({ seed: 1 }).run('kubectl version --client -o json')).replace(/^\$ .*\n/, '');
  const sim = flatten(JSON.parse(simOut));
  // minor "33" vs "35" would also hit unrelated text: replace it only as the JSON/YAML field.
  const pick = (f: Record<string, string>) => ({
    gitVersion: f['clientVersion.gitVersion'],
    gitCommit: f['clientVersion.gitCommit'],
    buildDate: f['clientVersion.buildDate'],
    goVersion: f['clientVersion.goVersion'],
    minorJSON: `"minor": "${f['clientVersion.minor']}"`,
    minorYAML: `minor: "${f['clientVersion.minor']}"`,
    kustomize: f.kustomizeVersion,
  });
  return { real: pick(real), sim: pick(sim) };
}

/** The note pages with runnable blocks (src/lib/run/extract.ts), optionally those whose file contains `filter`. */
export function notePages(filter?: string): PageBlocks[] {
  return allPages().filter((p) => p.blocks.length > 0 && (!filter || p.file.includes(filter)));
}

export interface Outcome {
  name: string;
  identical: boolean;
  sim: string;
  real: string;
  ms: number;
}

export async function compareScenario(file: string, kubectl: string, rs: Rule[]): Promise<Outcome> {
  const script = readFileSync(file, 'utf8');
  const seed = Number(/^#\s*seed:\s*(\d+)/m.exec(script)?.[1] ?? 1);
  const version = /^#\s*version:\s*(v[\d.]+)/m.exec(script)?.[1];
  const t0 = performance.now();
  const both = await runWithRealKubectl(script, { seed, version, kubectl });
  const real = normalize(both.real, 'real', rs);
  const sim = normalize(both.sim, 'sim', rs);
  return { name: file.slice(SCENARIOS.length), identical: sim === real, sim, real, ms: Math.round(performance.now() - t0) };
}

/**
 * Runs one note page both ways (./page.ts: its setup, then every runnable block in page order as the
 * page runtime runs it, on the page's seed) and compares, as `compareScenario` does for a script.
 */
export async function comparePage(page: PageBlocks, kubectl: string, rs: Rule[]): Promise<Outcome> {
  const t0 = performance.now();
  const both = await runWithRealKubectl({ setup: page.setup, blocks: page.blocks }, { seed: seedOf(page.slug), kubectl });
  const real = normalize(both.real, 'real', rs);
  const sim = normalize(both.sim, 'sim', rs);
  return { name: page.file, identical: sim === real, sim, real, ms: Math.round(performance.now() - t0) };
}

/** Changed lines: `-` only in the simulator's transcript, `+` only in real kubectl's. */
export function changedLines(a: string, b: string): { sim: string[]; real: string[] } {
  const sim: string[] = [];
  const real: string[] = [];
  for (const l of lineDiff(a, b, Infinity).split('\n')) {
    if (l.startsWith('- ')) sim.push(l.slice(2));
    else if (l.startsWith('+ ')) real.push(l.slice(2));
  }
  return { sim, real };
}

/** A small line diff (LCS) for reports: `-` simulator, `+` real kubectl, with 2 lines of context. */
export function lineDiff(a: string, b: string, maxLines = 80): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = x[i] === y[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const ops: [string, string][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      ops.push([' ', x[i++]]);
      j++;
    } else if (j < m && (i >= n || dp[i][j + 1] >= dp[i + 1][j])) ops.push(['+', y[j++]]);
    else ops.push(['-', x[i++]]);
  }
  const keep = new Set<number>();
  ops.forEach(([op], k) => {
    if (op !== ' ') for (let d = -2; d <= 2; d++) keep.add(k + d);
  });
  const out: string[] = [];
  let last = -1;
  for (const k of [...keep].filter((k) => k >= 0 && k < ops.length).sort((p, q) => p - q)) {
    if (last >= 0 && k > last + 1) out.push('…');
    out.push(`${ops[k][0]} ${ops[k][1]}`);
    last = k;
  }
  return out.slice(0, maxLines).join('\n') + (out.length > maxLines ? `\n… (${out.length - maxLines} more lines)` : '');
}

export { rules };

/**
 * The command-line tools' start (run.ts, notes.ts): the arguments without `--report FILE`, the real
 * kubectl (or exit 0 saying none was found) and its normalisation rules.
 */
export function cliStart(): { args: string[]; reportFile: string | undefined; kubectl: { path: string; version: string }; rs: Rule[] } {
  const args = process.argv.slice(2);
  const ri = args.indexOf('--report');
  const reportFile = ri >= 0 ? args.splice(ri, 2)[1] : undefined;
  const kubectl = findRealKubectl();
  if (!kubectl) {
    console.log('differential: no real kubectl found (set KUBECTL_REAL=/path/to/kubectl); nothing compared');
    process.exit(0);
  }
  return { args, reportFile, kubectl, rs: rules(versionFacts(kubectl.path)) };
}

/**
 * The changed lines no known difference covers (`- ` simulator, `+ ` real kubectl): a known entry's
 * `sim`/`real` is a substring of the line ('' stands for an empty line).
 */
export function unexplainedLines(o: Pick<Outcome, 'sim' | 'real'>, known: readonly Pick<Known, 'sim' | 'real'>[]): string[] {
  const covered = (pattern: string | undefined, line: string) => pattern !== undefined && (pattern === '' ? line === '' : line.includes(pattern));
  const { sim, real } = changedLines(o.sim, o.real);
  return [...sim.filter((l) => !known.some((k) => covered(k.sim, l))).map((l) => `- ${l}`), ...real.filter((l) => !known.some((k) => covered(k.real, l))).map((l) => `+ ${l}`)];
}
