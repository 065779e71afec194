/**
 * The search query set (e2e/search-queries.json): what learners type — particles attached, spelling
 * variants, English terms, kubectl fragments and flags, several words — and the note each query must
 * return first or among the first three. Run against the built index in Chromium, through the same
 * code the search dialog runs (<site-search>.search(): query normalisation, pagefind, merging).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, startSite, watch, type Site } from './support.ts';

interface Case {
  q: string;
  expect: string;
  within: 1 | 3;
  kind: string;
}
const { queries } = JSON.parse(readFileSync(new URL('./search-queries.json', import.meta.url), 'utf8')) as { queries: Case[] };

let site: Site;
let page: Page;
let problems: string[];
before(async () => {
  site = await startSite();
  const context = await site.context({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  problems = watch(page, site.origin);
  await page.goto('/');
});
after(async () => {
  await site?.close();
});

/** The first three results' note slugs, as the dialog would list them. */
async function top3(q: string): Promise<string[]> {
  const urls = await page.evaluate(async (query) => {
    const el = document.querySelector('site-search') as HTMLElement & {
      search(q: string): Promise<{ results: { url: string }[] }>;
    };
    const answer = await el.search(query);
    return answer.results.slice(0, 3).map((r) => r.url);
  }, q);
  return urls.map((u) => new URL(u, 'http://x').pathname.replace(/^\/notes\/|\/$/g, ''));
}

test(`query set: ${queries.length} queries (at least 60), each naming a built note; the index is built`, () => {
  assert.ok(queries.length >= 60);
  assert.ok(existsSync(join(DIST, 'pagefind', 'pagefind.js')), 'dist/pagefind/: the build runs pagefind (astro.config.mjs)');
  for (const c of queries) {
    assert.ok(c.q && c.expect && (c.within === 1 || c.within === 3), JSON.stringify(c));
    assert.ok(existsSync(join(DIST, 'notes', c.expect, 'index.html')), `no note ${c.expect}`);
  }
});

let passed = 0;
for (const c of queries) {
  test(`${c.kind}: "${c.q}" → ${c.expect} ${c.within === 1 ? 'first' : 'in the top 3'}`, async () => {
    const got = await top3(c.q);
    const at = got.indexOf(c.expect);
    assert.ok(at >= 0 && at < c.within, `got ${got.join(', ') || 'nothing'}`);
    passed++;
  });
}

test('query set: pass rate, and no console error or failed request on the way', (t) => {
  t.diagnostic(`search query set: ${passed}/${queries.length} passed`);
  console.log(`search query set: ${passed}/${queries.length} passed (${((100 * passed) / queries.length).toFixed(1)}%)`);
  assert.deepEqual(problems, []);
});
