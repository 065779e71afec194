/**
 * The page weight budget: every note page costs a reader at most 15 KB gzip of HTML + CSS + JS
 * before any interaction, and no page refers to an asset on another host.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET_GZIP, pageWeight } from '../scripts/lib/page-weight.mjs';
import { builtRoutes, noteRoutes, DIST } from './support.ts';

const routes = builtRoutes();

test(`every note page is within ${BUDGET_GZIP.toLocaleString('en-US')} bytes gzip (HTML + CSS + JS)`, () => {
  const notes = noteRoutes(routes);
  assert.ok(notes.length > 0);
  const over = notes.map((r) => pageWeight(DIST, r)).filter((w) => w.totalGz > BUDGET_GZIP);
  assert.deepEqual(
    over.map((w) => `${w.route}: ${w.totalGz} bytes`),
    [],
  );
});

test('no page refers to a stylesheet or script on another host', () => {
  const external = routes.flatMap((r) => pageWeight(DIST, r).external.map((ref) => `${r}: ${ref}`));
  assert.deepEqual(external, []);
});

test('reading pages load no client JS beyond the theme switch and copy buttons (a few KB)', () => {
  for (const r of noteRoutes(routes)) {
    const w = pageWeight(DIST, r);
    assert.ok(w.js.raw < 4_000, `${r}: ${w.js.raw} bytes of JS`);
  }
});
