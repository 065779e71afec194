/**
 * The page weight budget: every note page costs a reader at most 15 KB gzip of HTML + CSS + JS
 * before any interaction, and no page refers to an asset on another host.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET_GZIP, pageWeight } from '../scripts/lib/page-weight.mjs';
import { builtRoutes, builtHtml, noteRoutes, DIST } from './support.ts';

const routes = builtRoutes();

/**
 * Known debt, as a ratchet: the longest notes grew past the budget when issue 8 added diagrams,
 * self-checks and runnable examples. Listing only the current section's topics in the sidebar brought
 * four of six back within it (session 2); the two left may not grow beyond their ceilings, and every
 * other page must stay within BUDGET_GZIP. Deleting these entries is open work (issue 2).
 */
const OVER_BUDGET_CEILING: Readonly<Record<string, number>> = {
  '/notes/25-services/': 15_650,
  '/notes/52-kubeadm-upgrade/': 15_150,
};

test(`every note page is within ${BUDGET_GZIP.toLocaleString('en-US')} bytes gzip (HTML + CSS + JS), the listed debt within its ceiling`, () => {
  const notes = noteRoutes(routes);
  assert.ok(notes.length > 0);
  const over = notes.map((r) => pageWeight(DIST, r)).filter((w) => w.totalGz > (OVER_BUDGET_CEILING[w.route] ?? BUDGET_GZIP));
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
