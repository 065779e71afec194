import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripIndexOnly } from './pagefind-integration.mjs';

test('after indexing, the pages lose SearchMeta\'s index-only element and nothing else', () => {
  const site = mkdtempSync(join(tmpdir(), 'kubenote-index-only-'));
  mkdirSync(join(site, 'notes', 'a'), { recursive: true });
  const meta = '<div hidden data-pagefind-ignore data-index-only><span data-pagefind-filter="section">scheduling</span><span data-pagefind-meta="terms">taint, 테인트</span></div>';
  const page = (m: string) => `<article class="note" data-pagefind-body>${m}<header><h1>t</h1></header><div class="prose"><p>x</p></div></article>`;
  writeFileSync(join(site, 'notes', 'a', 'index.html'), page(meta));
  writeFileSync(join(site, 'index.html'), '<div hidden data-pagefind-ignore><p>kept</p></div>');
  assert.equal(stripIndexOnly(site), 1);
  assert.equal(readFileSync(join(site, 'notes', 'a', 'index.html'), 'utf8'), page(''));
  assert.equal(readFileSync(join(site, 'index.html'), 'utf8'), '<div hidden data-pagefind-ignore><p>kept</p></div>');
});
