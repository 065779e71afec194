/**
 * What each command on a sheet prints, from the simulator: the note's marked blocks (and what they
 * need) run in page order on one cluster seeded as the note's page is, after the note's scenario —
 * what a reader who runs them in order on the note sees. A block whose run there does not match its
 * declared outcome is run again alone on a fresh cluster, as the notes test runs it; if that does not
 * match either, capturing fails (the sheet would claim something false).
 *
 * Imports the simulator: run it in Node (tests, the capture workers), never in the browser.
 */
import { Session } from '../../sim/session.ts';
import type { BlockSpec } from '../run/blocks.ts';
import { judge, type RunEntry } from '../run/outcome.ts';
import { runOnPage, seedOf } from '../run/runner.ts';

export interface CaptureJob {
  slug: string;
  setup: string;
  blocks: BlockSpec[];
  /** Block numbers to run, in page order. */
  items: number[];
}

function fresh(job: CaptureJob): Session {
  const session = new Session({ seed: seedOf(job.slug) });
  if (job.setup.trim()) {
    const failed = session.run(job.setup).filter((e) => (e.status ?? 0) !== 0);
    if (failed.length) throw new Error(`${job.slug}: the page scenario fails at "${failed[0].command}"`);
  }
  return session;
}

/** Transcripts of the job's blocks by block number. */
export function captureNote(job: CaptureJob): Record<number, RunEntry[]> {
  const out: Record<number, RunEntry[]> = {};
  const session = fresh(job);
  const done = new Set<number>();
  for (const n of job.items) {
    const block = job.blocks[n - 1];
    let entries = runOnPage(session, job.blocks, block, block.action, { done }).entries;
    if (!judge(block.expect, entries).asExpected) {
      entries = runOnPage(fresh(job), job.blocks, block, block.action, { done: new Set() }).entries;
      const verdict = judge(block.expect, entries);
      if (!verdict.asExpected) throw new Error(`${job.slug} #${n}: ${verdict.reason}`);
    }
    out[n] = entries.map((e) => ({ command: e.command, output: e.output.map((o) => ({ stream: o.stream, text: o.text })), status: e.status }));
  }
  return out;
}
