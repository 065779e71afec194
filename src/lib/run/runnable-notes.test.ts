/**
 * Every runnable block of every note, run headless through the simulator, does what the note
 * declares (success, or the expected error — fence meta `mistake`, `error="…"`, `expect=`, `output=`;
 * see src/lib/run/blocks.ts). A mismatch fails CI.
 *
 * Each block runs as a learner who jumps straight to it would run it: a fresh cluster for the page
 * (seeded by the page's slug, like the page runtime), the page scenario (front-matter `setup`), the
 * page's files, the block's declared prerequisites (`needs`), then the block. A second pass runs
 * every page top to bottom on one cluster, as a reader who runs everything in order, and checks
 * that nothing breaks the simulator (outcomes there may differ: re-applying a changed Pod is a real
 * error).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../sim/session.ts';
import { allPages } from './extract.ts';
import { findBlock } from './blocks.ts';
import { judge, type RunEntry } from './outcome.ts';
import { runOnPage, seedOf } from './runner.ts';

const pages = allPages();
const withBlocks = pages.filter((p) => p.blocks.length > 0);

const show = (entries: RunEntry[]) =>
  entries
    .map((e) => `$ ${e.command}  [exit ${e.status}]\n${e.output.map((o) => (o.stream === 'stderr' ? o.text.replace(/^/gm, '! ') : o.text)).join('')}`)
    .join('')
    .slice(0, 2000);

function pageSession(slug: string, setup: string): Session {
  const session = new Session({ seed: seedOf(slug) });
  if (setup) {
    const entries = session.run(setup);
    const failed = entries.filter((e) => e.status !== 0);
    assert.deepEqual(failed.map((e) => e.command), [], `${slug}: the page scenario (setup) fails:\n${show(entries)}`);
  }
  return session;
}

test('the notes have runnable blocks', () => {
  assert.ok(withBlocks.length >= 10, `${withBlocks.length} pages with runnable blocks`);
});

test('every `needs` names a block on its page', () => {
  const bad = withBlocks.flatMap((p) => p.blocks.flatMap((b) => b.needs.filter((r) => !findBlock(p.blocks, r) || findBlock(p.blocks, r)!.n === b.n).map((r) => `${p.file} #${b.n}: needs "${r}"`)));
  assert.deepEqual(bad, []);
});

for (const page of withBlocks) {
  test(`${page.file}: every block alone does what it declares`, async (t) => {
    for (const block of page.blocks) {
      await t.test(`#${block.n} ${block.id} (${block.kind}, ${block.expect.ok ? 'ok' : 'error'}${block.expect.error ? `: ${block.expect.error}` : ''})`, () => {
        const session = pageSession(page.slug, page.setup);
        const run = runOnPage(session, page.blocks, block, block.action, { done: new Set() });
        for (const b of run.before) {
          const dep = page.blocks.find((x) => x.n === b.n)!;
          const v = judge(dep.expect, b.entries);
          assert.ok(v.asExpected, `prerequisite #${dep.n} of #${block.n}: ${v.reason}\n${show(b.entries)}`);
        }
        const verdict = judge(block.expect, run.entries);
        assert.ok(verdict.asExpected, `${verdict.reason}\n${show(run.entries)}`);
      });
    }
  });
}

test('every page run top to bottom on one cluster', async (t) => {
  for (const page of withBlocks) {
    await t.test(page.file, () => {
      const session = pageSession(page.slug, page.setup);
      const done = new Set<number>();
      for (const block of page.blocks) {
        const run = runOnPage(session, page.blocks, block, block.action, { done });
        assert.ok(run.entries.length > 0, `#${block.n} printed no transcript`);
      }
    });
  }
});
