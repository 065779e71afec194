// Search bench, on a built site (dist/ with dist/pagefind/): the index size, the bytes a reader
// fetches for the first search, and search latency in Chromium (goal: first query ≤ 150 ms, later
// queries ≤ 15 ms). Usage: `node scripts/bench-search.mjs [dist]`, or `benchSearch(dist)` from
// scripts/bench.mjs after its build.
//
// Latencies are measured in the page with performance.now() around the same call the dialog makes
// (<site-search>.search(): query normalisation, every pagefind search, merging, the top results'
// data), without the dialog's 60 ms typing debounce. "first query" runs after the dialog has opened
// and its warm-up has loaded the index chunks (the result pages' fragments are still to fetch);
// "later" are other queries after it. "open → results" is the whole cold path from the first
// click on 검색 to results on screen for a query typed at once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from './ensure-chromium.mjs';
import { serve } from './lib/static-server.mjs';

export const GOAL_FIRST_MS = 150;
export const GOAL_LATER_MS = 15;
const FIRST_QUERY = '테인트';
const LATER_QUERIES = ['파드를 스케줄링', '스케쥴러', 'kubectl drain', 'NodePort', '컨피그 맵을', '톨러레이션이 뭐야', 'etcd 백업', '레플리카셋', '--dry-run', '노드 어피니티와 테인트 차이', '초기화 컨테이너', 'taint', '롤백', '쿠버네티스의', '리소스 쿼터', '드레인하는 방법'];
const ROUNDS = 3;

/** @param {string} dir */
function files(dir) {
  /** @type {string[]} */
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** @param {number[]} xs @param {number} p */
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} KB`;
const ms = (/** @type {number} */ n) => `${n.toFixed(1)} ms`;

/** Size of dist/pagefind on disk, by kind of file (the UI bundles pagefind ships are not used). */
export function indexSize(dist) {
  const root = join(dist, 'pagefind');
  /** @type {Record<string, { files: number, bytes: number, gz: number }>} */
  const kinds = {};
  for (const f of files(root)) {
    const rel = relative(root, f);
    const kind = rel.includes('/') ? rel.split('/')[0] : /ui|highlight/.test(rel) ? 'ui bundles (unused)' : 'runtime';
    const data = readFileSync(f);
    kinds[kind] ??= { files: 0, bytes: 0, gz: 0 };
    kinds[kind].files++;
    kinds[kind].bytes += statSync(f).size;
    kinds[kind].gz += gzipSync(data).length;
  }
  return kinds;
}

/**
 * @param {string} dist
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function benchSearch(dist, { log = console.log } = {}) {
  const size = indexSize(dist);
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  /** @type {Record<'firstMs' | 'firstDoneMs' | 'laterMs' | 'laterDoneMs' | 'coldMs' | 'bytes' | 'bytesGz' | 'requests', number[]>} */
  const r = { firstMs: [], firstDoneMs: [], laterMs: [], laterDoneMs: [], coldMs: [], bytes: [], bytesGz: [], requests: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // A fresh context each round: nothing cached.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/notes/20-pods/`);
      await page.waitForLoadState('networkidle');
      /** @type {Buffer[]} */
      const bodies = [];
      page.on('response', async (res) => {
        try {
          bodies.push(await res.body());
        } catch {
          /* redirects have no body */
        }
      });

      // Cold: click 검색, type the query at once, until results are on screen.
      const cold = await page.evaluate(async (q) => {
        const host = /** @type {any} */ (document.querySelector('site-search'));
        const t0 = performance.now();
        const rendered = new Promise((ok) => host.addEventListener('search-rendered', ok, { once: true }));
        host.querySelector('button').click();
        let input;
        while (!(input = document.querySelector('#search-input'))) await new Promise((ok) => setTimeout(ok, 1));
        /** @type {HTMLInputElement} */ (input).value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await rendered;
        return performance.now() - t0;
      }, FIRST_QUERY);
      r.coldMs.push(cold);
      await page.waitForLoadState('networkidle');
      r.bytes.push(bodies.reduce((n, b) => n + b.length, 0));
      r.bytesGz.push(bodies.reduce((n, b) => n + gzipSync(b).length, 0));
      r.requests.push(bodies.length);
      await context.close();

      // Warm path: dialog open and pagefind initialised, then the first and the later queries.
      const context2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page2 = await context2.newPage();
      await page2.goto(`${server.origin}/notes/20-pods/`);
      const times = await page2.evaluate(
        async ({ first, later }) => {
          const host = /** @type {any} */ (document.querySelector('site-search'));
          const dialog = await host.dialog();
          dialog.open();
          const engine = await dialog.engine();
          // Let the warm-up the dialog starts on open finish (a reader is still typing).
          await new Promise((ok) => setTimeout(ok, 1500));
          /** Listed: ranked results with titles and sections; complete: the top 10 excerpts too. */
          const time = async (/** @type {string} */ q) => {
            const t0 = performance.now();
            const out = await engine.search(q);
            const t1 = performance.now();
            await Promise.all(out.hits.slice(0, 10).map((/** @type {any} */ h) => h.result.data()));
            return { listed: t1 - t0, complete: performance.now() - t0 };
          };
          const firstMs = await time(first);
          const laterMs = [];
          for (const q of later) laterMs.push(await time(q));
          return { firstMs, laterMs };
        },
        { first: FIRST_QUERY, later: LATER_QUERIES },
      );
      r.firstMs.push(times.firstMs.listed);
      r.firstDoneMs.push(times.firstMs.complete);
      r.laterMs.push(...times.laterMs.map((t) => t.listed));
      r.laterDoneMs.push(...times.laterMs.map((t) => t.complete));
      await context2.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const total = Object.values(size).reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes, gz: a.gz + b.gz }), { files: 0, bytes: 0, gz: 0 });
  const result = {
    index: { ...size, total },
    firstSearch: { bytes: median(r.bytes), bytesGz: median(r.bytesGz), requests: median(r.requests) },
    coldMs: median(r.coldMs),
    firstMs: median(r.firstMs),
    firstDoneMs: median(r.firstDoneMs),
    laterMedianMs: median(r.laterMs),
    laterP95Ms: pct(r.laterMs, 95),
    laterDoneMedianMs: median(r.laterDoneMs),
    laterDoneP95Ms: pct(r.laterDoneMs, 95),
  };
  log('\nsearch (pagefind + Korean query normalisation), Chromium');
  for (const [kind, s] of Object.entries(size)) log(`  index ${kind.padEnd(20)} ${String(s.files).padStart(3)} files ${kb(s.bytes).padStart(9)} on disk`);
  log(`  index total                ${String(total.files).padStart(3)} files ${kb(total.bytes).padStart(9)} on disk`);
  log(`  first search fetches       ${result.firstSearch.requests} requests, ${kb(result.firstSearch.bytes)} as served (${kb(result.firstSearch.bytesGz)} if gzipped): dialog chunk, pagefind JS + worker + WASM, index, fragments`);
  log(`  open → results (cold)      ${ms(result.coldMs)} median of ${ROUNDS} (click 검색, query typed at once, 60 ms debounce included)`);
  log(`  first query: listed        ${ms(result.firstMs)} median of ${ROUNDS}   goal ≤ ${GOAL_FIRST_MS} ms ${result.firstMs <= GOAL_FIRST_MS ? 'ok' : 'OVER'}`);
  log(`  first query: with excerpts ${ms(result.firstDoneMs)} median of ${ROUNDS}`);
  log(`  later queries: listed      ${ms(result.laterMedianMs)} median, ${ms(result.laterP95Ms)} p95 of ${r.laterMs.length}   goal ≤ ${GOAL_LATER_MS} ms ${result.laterMedianMs <= GOAL_LATER_MS ? 'ok' : 'OVER'}`);
  log(`  later: with excerpts       ${ms(result.laterDoneMedianMs)} median, ${ms(result.laterDoneP95Ms)} p95 (top 10 page fragments fetched)`);
  log('  (listed = ranked results with titles and sections on screen; excerpts fill in after. Without the 60 ms typing debounce.)');
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));
  await benchSearch(dist);
}
