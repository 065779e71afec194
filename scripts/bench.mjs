// `npm run bench`: a clean `astro build` (dist/ removed first) and its wall time, then what each
// content page (/notes/…) costs a reader before any interaction: the HTML document, its CSS
// (inline and linked) and the JS it loads, raw and gzip, against the 15 KB gzip budget.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, NODE, ASTRO, run, seconds } from './lib/run.mjs';
import { builtRoutes } from './lib/routes.mjs';
import { BUDGET_GZIP, pageWeight, median, table } from './lib/page-weight.mjs';

const dist = join(ROOT, 'dist');
rmSync(dist, { recursive: true, force: true });
console.log('clean build: astro build (dist/ removed)\n');
const build = await run(NODE, [ASTRO, 'build']);
if (build.code !== 0) {
  console.error(`astro build failed (exit ${build.code})`);
  process.exit(1);
}

const routes = builtRoutes(dist);
const notes = routes.filter((r) => r.startsWith('/notes/'));
const weights = notes.map((r) => pageWeight(dist, r));
const kb = (/** @type {number} */ n) => (n / 1000).toFixed(1);

console.log(`\n${table(
  ['page', 'HTML raw', 'HTML gz', 'CSS raw', 'CSS gz', 'JS raw', 'JS gz', 'total gz', ''],
  weights.map((w) => [
    w.route.replace(/^\/notes\/|\/$/g, ''),
    w.html.raw,
    w.html.gz,
    w.css.raw,
    w.css.gz,
    w.js.raw,
    w.js.gz,
    w.totalGz,
    w.totalGz > BUDGET_GZIP ? 'OVER BUDGET' : '',
  ]),
)}`);

const totals = weights.map((w) => w.totalGz);
const over = weights.filter((w) => w.totalGz > BUDGET_GZIP);
const maxW = weights.reduce((a, b) => (b.totalGz > a.totalGz ? b : a), weights[0]);
console.log(`
Bytes. HTML = the whole document as served, inline <style>/<script> included; CSS and JS = inline plus
linked files (their gzip sizes are shares, shown alone); total gz = what goes over the wire: the gzip
of every file the page loads before interaction (document + linked stylesheets + scripts), added up.

build (clean)      ${seconds(build.ms)}
pages built        ${routes.length} (content pages: ${notes.length})
total gz, max      ${maxW ? `${maxW.totalGz.toLocaleString('en-US')} B (${kb(maxW.totalGz)} KB) ${maxW.route}` : '-'}
total gz, median   ${median(totals).toLocaleString('en-US')} B (${kb(median(totals))} KB)
budget             ${BUDGET_GZIP.toLocaleString('en-US')} B gzip per content page: ${over.length === 0 ? 'all pages within' : `${over.length} over: ${over.map((w) => w.route).join(', ')}`}`);

const { benchSearch } = await import('./bench-search.mjs');
await benchSearch(dist);

const { benchSim } = await import('./bench-sim.mjs');
benchSim();

// ---- runnable notes: page JS, first-use code size, click-to-output (scripts/bench-run.mjs) ----
const { benchRunnable } = await import('./bench-run.mjs');
await benchRunnable(dist);
