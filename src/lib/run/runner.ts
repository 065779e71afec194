/**
 * Running a page's blocks on a simulator session. DOM-free and free of any import from src/sim
 * beyond types, so the browser worker (src/components/run/sim.worker.ts) and the notes test share it
 * and the simulator still loads only where it is used.
 */
import type { Session } from '../../sim/session.ts';
import { pageFiles, planFor, prerequisites, type Action, type BlockSpec } from './blocks.ts';
import type { RunEntry } from './outcome.ts';

/** The page's cluster seed: the same page always starts from the same cluster. */
export function seedOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 1_000_000_007 || 1;
}

function resolve(path: string, cwd: string): string {
  const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/**
 * Writes the page's manifest files (see `pageFiles`) that are not on the control plane yet, in the
 * home directory, as a learner who follows the page has them.
 */
export function writeMissingFiles(session: Session, files: readonly { path: string; content: string }[]): void {
  const fs = session.cluster.machines.get('controlplane');
  if (!fs) return;
  for (const f of files) {
    const path = resolve(f.path, '/root');
    if (!fs.exists(path)) fs.write(path, f.content);
  }
}

/** Runs `action` of a block with the given code (the original or the learner's edit). */
export function runBlock(session: Session, block: Pick<BlockSpec, 'kind' | 'file' | 'then'>, action: Action, code: string): RunEntry[] {
  const plan = planFor(block, action, code);
  const shell = session.shell;
  for (const f of plan.files) shell.fs.write(resolve(f.path, shell.cwd), f.content);
  return session.run(plan.script);
}

export interface BlockRun {
  /** Prerequisite blocks run first (declared with `needs`), with their transcripts. */
  before: { n: number; entries: RunEntry[] }[];
  entries: RunEntry[];
  /** `needs` references that name no block on the page. */
  unknown: string[];
}

/**
 * Runs a block of a page the way the page runtime does: the page's files are laid down, the
 * block's prerequisites that have not run on this cluster yet run first (in page order), then the
 * block. `done` (block numbers already run on this cluster) is updated.
 */
export function runOnPage(
  session: Session,
  blocks: readonly BlockSpec[],
  block: BlockSpec,
  action: Action,
  opts: { done: Set<number>; codeOf?: (b: BlockSpec) => string },
): BlockRun {
  const codeOf = opts.codeOf ?? ((b: BlockSpec) => b.code);
  const { order, unknown } = prerequisites(blocks, block, opts.done);
  const before: BlockRun['before'] = [];
  for (const dep of order) {
    writeMissingFiles(session, pageFiles(blocks, dep, codeOf));
    before.push({ n: dep.n, entries: runBlock(session, dep, dep.action, codeOf(dep)) });
    opts.done.add(dep.n);
  }
  writeMissingFiles(session, pageFiles(blocks, block, codeOf));
  const entries = runBlock(session, block, action, codeOf(block));
  opts.done.add(block.n);
  return { before, entries, unknown };
}
