/**
 * A note page as a differential program: the page scenario (front-matter `setup`) and then every
 * runnable block in page order on one cluster, each through the page runtime's own code
 * (src/lib/run/runner.ts `runOnPage`: the page's files laid down, the block's file written, its
 * plan's script run, a mistake manifest's good file put back) — what a reader who runs the page top
 * to bottom gets. Shared by the differential worker (both transcripts) and ./notes.ts.
 */
import { Session } from '../../src/sim/session.ts';
import type { BlockSpec } from '../../src/lib/run/blocks.ts';
import { runOnPage } from '../../src/lib/run/runner.ts';

export interface PageProgram {
  setup: string;
  blocks: BlockSpec[];
}

/** A marker line in the transcript before each block's output (not run: it only locates diffs). */
export const blockMarker = (b: Pick<BlockSpec, 'n' | 'id' | 'kind' | 'action'>) => `### block #${b.n} ${b.id} (${b.kind === 'shell' ? 'shell' : b.action})\n`;

export function playPage(session: Session, page: PageProgram): string {
  let out = page.setup ? '### setup\n' + Session.format(session.run(page.setup)) : '';
  const done = new Set<number>();
  for (const block of page.blocks) {
    const run = runOnPage(session, page.blocks, block, block.action, { done });
    out += blockMarker(block);
    for (const b of run.before) out += Session.format(b.entries);
    out += Session.format(run.entries);
  }
  return out;
}
