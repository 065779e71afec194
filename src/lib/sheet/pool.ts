/**
 * Node-only: captures the sheets' outputs (capture.ts) for every note that has sheet items — in up to
 * two worker threads (the build machine has two cores), with an on-disk cache keyed by the simulator's
 * sources and each note's job, so an unchanged build runs no simulation at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunEntry } from '../run/outcome.ts';
import type { CaptureJob } from './capture.ts';
import type { NoteSource } from './extract.ts';
import type { SheetItem } from './compose.ts';

/** One job per note: its sheet items in page order. */
export function captureJobs(notes: readonly NoteSource[], items: readonly SheetItem[]): CaptureJob[] {
  const jobs: CaptureJob[] = [];
  for (const note of notes) {
    const ns = items.filter((i) => i.slug === note.slug && i.kind !== 'setup').map((i) => i.block.n);
    if (ns.length) jobs.push({ slug: note.slug, setup: note.setup, blocks: note.blocks, items: ns });
  }
  return jobs;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => !f.endsWith('.test.ts') && !f.includes('/testdata/'))
    .sort();
}

/** A hash of everything a capture depends on besides its job: the simulator and the block runner. */
export function codeFingerprint(root: string): string {
  const h = createHash('sha256');
  for (const f of [...files(join(root, 'src/sim')), ...files(join(root, 'src/lib/run')), join(root, 'src/lib/sheet/capture.ts')]) {
    h.update(f.slice(root.length)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex');
}

const jobKey = (fingerprint: string, job: CaptureJob) => createHash('sha256').update(fingerprint).update(JSON.stringify(job)).digest('hex');

type Runs = Record<number, RunEntry[]>;

async function runInWorkers(jobs: CaptureJob[], workers: number): Promise<Map<string, Runs>> {
  // Heaviest first, dealt out so the workers finish together.
  const weight = (j: CaptureJob) => j.items.length + 3;
  const lanes: CaptureJob[][] = Array.from({ length: workers }, () => []);
  for (const job of [...jobs].sort((a, b) => weight(b) - weight(a))) {
    lanes.sort((a, b) => a.reduce((s, j) => s + weight(j), 0) - b.reduce((s, j) => s + weight(j), 0))[0].push(job);
  }
  const script = new URL('./capture-worker.ts', import.meta.url);
  const parts = await Promise.all(
    lanes
      .filter((l) => l.length)
      .map(
        (lane) =>
          new Promise<{ slug: string; runs: Runs }[]>((resolve, reject) => {
            const w = new Worker(script, { workerData: lane });
            w.once('message', (m: { ok: boolean; error?: string; results?: { slug: string; runs: Runs }[] }) => (m.ok ? resolve(m.results!) : reject(new Error(m.error))));
            w.once('error', reject);
            w.once('exit', (code) => code !== 0 && reject(new Error(`sheet capture worker exited with ${code}`)));
          }),
      ),
  );
  return new Map(parts.flat().map((r) => [r.slug, r.runs]));
}

export interface CaptureStats {
  jobs: number;
  cached: number;
  ms: number;
}

/**
 * Transcripts by item key ("tips-1#3") for every job, from the cache or the simulator.
 * `cacheFile`: where to keep them between builds (null: no cache).
 */
export async function captureOutputs(jobs: CaptureJob[], opts: { root: string; cacheFile: string | null }): Promise<{ outputs: Map<string, RunEntry[]>; stats: CaptureStats }> {
  const started = performance.now();
  const fingerprint = codeFingerprint(opts.root);
  let cache: Record<string, Runs> = {};
  if (opts.cacheFile) {
    try {
      cache = JSON.parse(readFileSync(opts.cacheFile, 'utf8'));
    } catch {
      cache = {};
    }
  }
  const keys = jobs.map((j) => jobKey(fingerprint, j));
  const missing = jobs.filter((_, i) => !cache[keys[i]]);
  if (missing.length) {
    const fresh = await runInWorkers(missing, Math.max(1, Math.min(2, availableParallelism(), missing.length)));
    for (const job of missing) cache[jobKey(fingerprint, job)] = fresh.get(job.slug)!;
  }
  const outputs = new Map<string, RunEntry[]>();
  const kept: Record<string, Runs> = {};
  jobs.forEach((job, i) => {
    const runs = cache[keys[i]];
    kept[keys[i]] = runs;
    for (const n of job.items) outputs.set(`${job.slug}#${n}`, runs[n]);
  });
  if (opts.cacheFile && missing.length) {
    mkdirSync(dirname(opts.cacheFile), { recursive: true });
    writeFileSync(opts.cacheFile, JSON.stringify(kept));
  }
  return { outputs, stats: { jobs: jobs.length, cached: jobs.length - missing.length, ms: Math.round(performance.now() - started) } };
}
