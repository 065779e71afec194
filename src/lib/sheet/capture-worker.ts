/** Worker thread: runs capture jobs (see capture.ts) and posts their transcripts back. */
import { parentPort, workerData } from 'node:worker_threads';
import { captureNote, type CaptureJob } from './capture.ts';

const jobs = workerData as CaptureJob[];
const results: { slug: string; runs: Record<number, unknown> }[] = [];
try {
  for (const job of jobs) results.push({ slug: job.slug, runs: captureNote(job) });
  parentPort!.postMessage({ ok: true, results });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
}
