// Runnable notes, measured (called by `npm run bench`, scripts/bench.mjs):
//  - what a reading page loads before any interaction: JS bytes (gzip) and render-blocking scripts
//    (goals: 0 KB blocking, ≤ 5 KB gzip in all);
//  - the run UI + simulator code loaded on first use (goal ≤ 100 KB gzip), and what loads later
//    only for `kubectl explain`;
//  - click-to-output in Chromium on this machine: the first click on a fresh page (code load, worker
//    start, cluster boot, run), the same with the load started by hovering the button first, the
//    first click on the next page (code cached, its own cluster boots), and later clicks (goals:
//    ≤ 150 ms first use, ≤ 16 ms after).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { builtRoutes } from './lib/routes.mjs';
import { median, pageWeight, parseHtml, table } from './lib/page-weight.mjs';
import { fileOf } from './lib/routes.mjs';
import { serve } from './lib/static-server.mjs';
import { CHROMIUM_ARGS, ensureChromium } from './ensure-chromium.mjs';

const gz = (/** @type {Buffer | string} */ b) => gzipSync(b).length;
const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} KB`;
const ROUTE = '/notes/31-taints-and-tolerations/';
const SECOND = '/notes/15-kube-apiserver/';

/**
 * What loads with the run UI and with the simulator worker: each entry chunk with every chunk it
 * imports statically (the code shared with on-demand chunks sits in chunks of its own); and what
 * the worker fetches only when a command asks for it (src/components/run/lazy.ts).
 * @param {string} dist
 */
function chunkSizes(dist) {
  const dir = join(dist, '_astro');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  /** @type {Map<string, string>} */ const code = new Map();
  const read = (/** @type {string} */ f) => code.get(f) ?? code.set(f, readFileSync(join(dir, f), 'utf8')).get(f) ?? '';
  const imports = (/** @type {string} */ f, /** @type {RegExp} */ re) => [...read(f).matchAll(re)].map((m) => m[1]);
  const STATIC = /(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g;
  const DYNAMIC = /import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g;
  /** @param {string[]} roots */
  const closure = (roots) => {
    const seen = new Set(roots);
    for (const f of seen) for (const d of imports(f, STATIC)) seen.add(d);
    return seen;
  };
  const entry = (/** @type {RegExp} */ re) => files.filter((f) => re.test(f));
  const gzOf = (/** @type {Set<string>} */ set) => [...set].reduce((n, f) => n + gz(read(f)), 0);
  const rawOf = (/** @type {Set<string>} */ set) => [...set].reduce((n, f) => n + read(f).length, 0);
  const runtime = closure(entry(/^runtime\./));
  const worker = closure(entry(/^sim\.worker/));
  const descriptions = closure(entry(/^descriptions/));
  /** @type {Set<string>} */ const later = new Set();
  for (const f of worker) for (const d of imports(f, DYNAMIC)) for (const x of closure([d])) if (!worker.has(x) && !descriptions.has(x)) later.add(x);
  return { runtime: gzOf(runtime), worker: gzOf(worker), workerRaw: rawOf(worker), descriptions: gzOf(descriptions), onDemand: gzOf(later), onDemandCount: later.size };
}

/**
 * Click-to-output: from the click to the block's transcript on screen (a MutationObserver in the
 * page sees the text arrive), in ms.
 * @param {import('playwright-core').Page} page
 * @param {string} selector the run-block
 */
function clickToOutput(page, selector) {
  return page.evaluate(
    (sel) =>
      new Promise((resolve) => {
        const block = /** @type {HTMLElement} */ (document.querySelector(sel));
        const old = block.querySelector('.run-transcript');
        const t0 = performance.now();
        const done = () => {
          const pre = block.querySelector('.run-transcript');
          if (pre && pre !== old && pre.textContent) return true;
          if (pre && pre === old && pre.dataset.bench !== 'old' && pre.textContent) return true;
          return false;
        };
        if (old) /** @type {HTMLElement} */ (old).dataset.bench = 'old';
        const mo = new MutationObserver(() => {
          if (done()) {
            mo.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        mo.observe(block, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-bench'] });
        // A new run replaces the transcript's children; mark the old text so it does not count.
        if (old) {
          const mo2 = new MutationObserver(() => {
            mo2.disconnect();
            delete /** @type {HTMLElement} */ (old).dataset.bench;
          });
          mo2.observe(old, { childList: true });
        }
        /** @type {HTMLButtonElement} */ (block.querySelector('button.run-primary')).click();
      }),
    selector,
  );
}

/** @param {string} dist */
export async function benchRunnable(dist) {
  console.log('\n--- runnable notes (scripts/bench-run.mjs) ---\n');
  const notes = builtRoutes(dist).filter((r) => r.startsWith('/notes/'));
  const rows = notes.map((r) => {
    const w = pageWeight(dist, r);
    const html = readFileSync(fileOf(dist, r), 'utf8');
    // Render-blocking: classic scripts in <head> without async/defer (the inline theme script).
    const head = html.slice(0, html.indexOf('<body'));
    const blocking = [...head.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, a]) => !/type\s*=\s*["']?module|\b(async|defer)\b/i.test(a));
    // A blocking script with a src is a download the first paint waits for; an inline one is not.
    const requests = blocking.filter(([, a]) => /\bsrc\s*=/i.test(a)).length;
    return { route: r, jsGz: w.js.gz, blockingGz: blocking.reduce((n, m) => n + gz(m[2]), 0), blockingCount: blocking.length, blockingRequests: requests };
  });
  const js = rows.map((r) => r.jsGz);
  const blockingMax = Math.max(...rows.map((r) => r.blockingGz));
  const blockingRequests = Math.max(...rows.map((r) => r.blockingRequests));
  const { scripts } = parseHtml(readFileSync(fileOf(dist, ROUTE), 'utf8'));
  const sizes = chunkSizes(dist);
  const firstUse = sizes.runtime + sizes.worker;

  // Chromium timings.
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  /** @type {number[]} */ const cold = [];
  /** @type {number[]} */ const hovered = [];
  /** @type {number[]} */ const settled = [];
  /** @type {number[]} */ const after = [];
  /** @type {number[]} */ const boot = [];
  /** @type {number[]} */ const start = [];
  /** @type {number[]} */ const cached = [];
  const shell = 'run-block:not([data-kind]):not([data-mistake])'; // a shell block has no data-kind
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.origin + ROUTE);
      await page.locator('run-block .run-bar').first().waitFor();
      // Cold: a programmatic click, no pointer over the button before it.
      cold.push(await clickToOutput(page, shell));
      // Lab.boot's measure: from spawning the worker to its answer (simulator code fetched and
      // compiled, cluster booted); detail.bootMs is the boot alone, timed in the worker.
      const m = await page.evaluate(() => performance.getEntriesByName('kubenote:sim-start').map((e) => [e.duration, /** @type {PerformanceMeasure} */ (e).detail?.bootMs ?? 0]));
      for (const [d, b] of m) {
        start.push(d);
        boot.push(b);
      }
      for (let j = 0; j < 10; j++) after.push(await clickToOutput(page, shell));
      // The next page the learner opens: the run UI and simulator code come from the browser's
      // caches; its own cluster still boots.
      await page.goto(server.origin + SECOND);
      await page.locator('run-block .run-bar').first().waitFor();
      cached.push(await clickToOutput(page, shell));
      await context.close();

      const c2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p2 = await c2.newPage();
      await p2.goto(server.origin + ROUTE);
      await p2.locator('run-block .run-bar').first().waitFor();
      // Intent: the pointer rests on the button ~300 ms before the click (a typical approach).
      await p2.locator(`${shell} button.run-primary`).first().hover();
      await p2.waitForTimeout(300);
      hovered.push(await clickToOutput(p2, shell));
      await c2.close();

      // The same cold click on a page that has finished rendering (a reader clicks after reading):
      // apart from the page's own first layout and paint, which share the two cores with the worker.
      const c3 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p3 = await c3.newPage();
      await p3.goto(server.origin + ROUTE);
      await p3.locator('run-block .run-bar').first().waitFor();
      await p3.waitForTimeout(1000);
      settled.push(await clickToOutput(p3, shell));
      await c3.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const ms = (/** @type {number} */ n) => `${n.toFixed(1)} ms`;
  const stat = (/** @type {number[]} */ xs) => ({ median: median(xs.map((x) => Math.round(x * 10))) / 10, max: Math.max(...xs) });
  const c = stat(cold);
  const h = stat(hovered);
  const a = stat(after);
  console.log(table(
    ['measure', 'value', 'goal', ''],
    [
      ['reading page JS before interaction, max (gzip)', kb(Math.max(...js)), '≤ 5 KB', Math.max(...js) <= 5000 ? 'ok' : 'OVER'],
      ['reading page JS before interaction, median (gzip)', kb(median(js)), '', ''],
      ['render-blocking script downloads, max per page', String(blockingRequests), '0', blockingRequests === 0 ? 'ok' : 'OVER'],
      ['render-blocking JS, max (gzip; inline, the theme script)', kb(blockingMax), '0 KB', blockingMax === 0 ? 'ok' : 'OVER'],
      ['run UI loaded on first use (runtime chunks, gzip)', kb(sizes.runtime), '', ''],
      ['simulator worker on first use (gzip)', `${kb(sizes.worker)} (raw ${kb(sizes.workerRaw)})`, '', ''],
      ['simulator + UI on first use (gzip)', kb(firstUse), '≤ 100 KB', firstUse <= 100_000 ? 'ok' : 'OVER'],
      ['simulator code the worker loads on demand, all of it (gzip)', `${kb(sizes.onDemand)} in ${sizes.onDemandCount} chunks`, '', ''],
      ['kubectl explain descriptions, on demand (gzip)', kb(sizes.descriptions), '', ''],
      ['first use: from the run UI\'s init to the booted cluster (median; the worker started with the UI\'s load)', ms(stat(start).median), '', ''],
      ['first use: of which cluster boot + page setup in the worker (median; boot as the worker starts)', ms(stat(boot).median), '', ''],
      ['first use: the rest = run UI load, the command, rendering (median; overlaps the worker\'s start)', ms(Math.max(0, c.median - stat(start).median)), '', ''],
      ['click-to-output, first use, cold (median / max of 5)', `${ms(c.median)} / ${ms(c.max)}`, '≤ 150 ms', c.median <= 150 ? 'ok' : 'OVER'],
      ['click-to-output, first use, cold, on a page settled for 1 s (median / max of 5)', `${ms(stat(settled).median)} / ${ms(stat(settled).max)}`, '', ''],
      ['click-to-output, first use after 300 ms hover (median / max of 5)', `${ms(h.median)} / ${ms(h.max)}`, '≤ 150 ms', h.median <= 150 ? 'ok' : 'OVER'],
      ['click-to-output, first use on the next page, code cached (median / max of 5)', `${ms(stat(cached).median)} / ${ms(stat(cached).max)}`, '≤ 150 ms', stat(cached).median <= 150 ? 'ok' : 'OVER'],
      ['click-to-output, later clicks (median / max of 50)', `${ms(a.median)} / ${ms(a.max)}`, '≤ 16 ms', a.median <= 16 ? 'ok' : 'OVER'],
    ],
  ));
  console.log(`\nPage: ${ROUTE} (scripts before interaction: ${scripts.join(', ')}). "First use" starts a Web Worker that
boots a 3-node kubeadm cluster (15 simulated minutes of uptime) before the command runs; feedback
("실행 준비 중…") is shown within the click's frame either way.`);
}
