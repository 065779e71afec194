/**
 * Running a page's blocks on a simulator session. DOM-free and free of any import from src/sim
 * beyond types, so the browser worker (src/components/run/sim.worker.ts) and the notes test share it
 * and the simulator still loads only where it is used.
 */
import type { Session } from '../../sim/session.ts';
import { planFor, stepsFor, type Action, type BlockSpec, type Step } from './blocks.ts';
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

/** Runs `action` of a block with the given code (the original or the learner's edit). */
export function runBlock(session: Session, block: Pick<BlockSpec, 'kind' | 'file' | 'then'>, action: Action, code: string): RunEntry[] {
  const plan = planFor(block, action, code);
  const shell = session.shell;
  for (const f of plan.files) shell.fs.write(resolve(f.path, shell.cwd), f.content);
  return session.run(plan.script);
}

/** Homes of relative paths in steps: the control plane's root home, where the shell starts. */
const HOME = '/root';

/** Runs one step (see `stepsFor`) and returns its transcript. */
export function execStep(session: Session, step: Step): RunEntry[] {
  const fs = session.cluster.machines.get('controlplane');
  if (fs) {
    for (const f of step.lay) {
      const path = resolve(f.path, HOME);
      if (!fs.exists(path)) fs.write(path, f.content);
    }
    for (const f of step.write) fs.write(resolve(f.path, HOME), f.content);
  }
  return session.run(step.script);
}

export interface BlockRun {
  /** Prerequisite blocks run first (declared with `needs`), with their transcripts. */
  before: { n: number; entries: RunEntry[] }[];
  entries: RunEntry[];
  /** `needs` references that name no block on the page. */
  unknown: string[];
}

/**
 * Runs a block of a page the way the page runtime does (the same steps): the page's files are laid
 * down, the block's prerequisites that have not run on this cluster yet run first (in page order),
 * then the block. `done` (block numbers already run on this cluster) is updated.
 */
export function runOnPage(
  session: Session,
  blocks: readonly BlockSpec[],
  block: BlockSpec,
  action: Action,
  opts: { done: Set<number>; codeOf?: (b: BlockSpec) => string },
): BlockRun {
  const { steps, unknown } = stepsFor(blocks, block, action, opts.done, opts.codeOf);
  const before: BlockRun['before'] = [];
  let entries: RunEntry[] = [];
  for (const step of steps) {
    const out = execStep(session, step);
    if (step.restore) continue;
    if (step.n !== undefined) opts.done.add(step.n);
    if (step.pre) before.push({ n: step.n!, entries: out });
    else entries = out;
  }
  return { before, entries, unknown };
}
