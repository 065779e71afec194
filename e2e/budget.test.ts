/**
 * The page weight budget: every note page costs a reader at most 15 KB gzip of HTML + CSS + JS
 * before any interaction, and no page refers to an asset on another host.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET_GZIP, pageWeight } from '../scripts/lib/page-weight.mjs';
import { builtRoutes, builtHtml, noteRoutes, DIST } from './support.ts';

const routes = builtRoutes();

test(`every note page is within ${BUDGET_GZIP.toLocaleString('en-US')} bytes gzip (HTML + CSS + JS)`, () => {
  // The longest notes (diagrams, self-checks, runnable examples) once went past it and were listed as
  // debt; the build now ships each page only the CSS rules it can use (src/lib/css-prune.mjs), so
  // every note page, the longest included, is held to the budget.
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

test('reading pages carry a few KB of JS at most, and nothing that blocks rendering but the tiny theme script', () => {
  for (const r of noteRoutes(routes)) {
    const w = pageWeight(DIST, r);
    assert.ok(w.js.gz <= 4_000, `${r}: ${w.js.gz} bytes of JS (gzip) before any interaction`);
    const html = builtHtml(r);
    // Classic (parser-blocking) scripts: only the inline theme script in <head>, under 500 bytes.
    const classic = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
      ([, attrs]) => !/type\s*=\s*["']?(module|application\/(ld\+)?json)/i.test(attrs) && !/\b(defer|async)\b/i.test(attrs),
    );
    assert.equal(classic.length, 1, `${r}: one classic script (the theme), found ${classic.length}`);
    assert.ok(!/\bsrc\s*=/.test(classic[0][1]) && classic[0][2].length < 500, `${r}: the classic script is inline and tiny`);
    assert.ok(html.indexOf(classic[0][0]) < html.indexOf('<body'), `${r}: the theme script is in <head>`);
  }
});
