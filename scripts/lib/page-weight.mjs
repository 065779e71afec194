// What a reader downloads for a page before any interaction: the HTML document (with its inline
// <style> and <script>), the stylesheets it links, and the scripts it loads (classic and module
// scripts, modulepreloads, and the static imports of those modules; not dynamic import()s).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { posix } from 'node:path';
import { fileOf } from './routes.mjs';

/** The page budget: HTML + CSS + JS, gzip, bytes (15 KB). */
export const BUDGET_GZIP = 15_000;

/** @param {string | Buffer} data */
export const gzipSize = (data) => gzipSync(data).length;
/** @param {string | Buffer} data */
export const byteSize = (data) => (typeof data === 'string' ? Buffer.byteLength(data) : data.length);

/** @param {string} tag @param {string} name */
function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

/**
 * The assets an HTML document refers to before interaction, and its inline CSS/JS.
 * @param {string} html
 */
export function parseHtml(html) {
  const doc = html.replace(/<!--[\s\S]*?-->/g, '');
  /** @type {string[]} */ const stylesheets = [];
  /** @type {string[]} */ const scripts = [];
  let inlineCss = '';
  let inlineJs = '';
  for (const m of doc.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineCss += m[1];
  for (const m of doc.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) stylesheets.push(href);
    else if (rel.includes('modulepreload')) scripts.push(href);
  }
  for (const m of doc.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const open = `<script${m[1]}>`;
    const type = (attr(open, 'type') ?? '').toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue; // JSON, templates
    const src = attr(open, 'src');
    if (src) scripts.push(src);
    else inlineJs += m[2];
  }
  return { stylesheets, scripts, inlineCss, inlineJs };
}

/**
 * Static imports of an ES module ("import x from './a.js'", "import './b.js'", "export * from").
 * @param {string} code
 */
export function staticImports(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g)) out.add(m[1]);
  return [...out];
}

/**
 * Resolves an asset URL of a page to a path in dist, or null for another host.
 * @param {string} pageRoute
 * @param {string} ref
 */
export function assetPath(pageRoute, ref) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) return null;
  const clean = ref.split(/[?#]/)[0];
  const base = pageRoute.endsWith('/') ? pageRoute : posix.dirname(pageRoute) + '/';
  return clean.startsWith('/') ? clean : posix.normalize(base + clean);
}

/**
 * @param {string} dist
 * @param {string} route
 */
export function pageWeight(dist, route) {
  const html = readFileSync(fileOf(dist, route), 'utf8');
  const { stylesheets, scripts, inlineCss, inlineJs } = parseHtml(html);
  /** @type {string[]} */ const external = [];
  const read = (/** @type {string} */ p) => readFileSync(fileOf(dist, p));

  let linkedCss = Buffer.alloc(0);
  for (const href of stylesheets) {
    const p = assetPath(route, href);
    if (!p) { external.push(href); continue; }
    linkedCss = Buffer.concat([linkedCss, read(p)]);
  }
  const seen = new Set();
  /** @type {Buffer[]} */ const jsFiles = [];
  const queue = scripts.map((s) => ({ from: route, ref: s }));
  while (queue.length) {
    const { from, ref } = /** @type {{ from: string, ref: string }} */ (queue.shift());
    const p = assetPath(from, ref);
    if (!p) { external.push(ref); continue; }
    if (seen.has(p)) continue;
    seen.add(p);
    const code = read(p);
    jsFiles.push(code);
    for (const dep of staticImports(code.toString('utf8'))) queue.push({ from: p, ref: dep });
  }
  const linkedJs = Buffer.concat(jsFiles);
  const cssFiles = stylesheets.map((h) => assetPath(route, h)).filter((p) => p !== null).map((p) => read(p));

  const htmlGz = gzipSize(html);
  const totalGz = htmlGz + cssFiles.reduce((n, f) => n + gzipSize(f), 0) + jsFiles.reduce((n, f) => n + gzipSize(f), 0);
  return {
    route,
    html: { raw: byteSize(html), gz: htmlGz },
    css: { raw: byteSize(inlineCss) + linkedCss.length, gz: gzipSize(inlineCss + linkedCss.toString('utf8')), files: stylesheets.length },
    js: { raw: byteSize(inlineJs) + linkedJs.length, gz: gzipSize(inlineJs + linkedJs.toString('utf8')), files: seen.size },
    /** Bytes on the wire: the gzip of each transferred file, added up. */
    totalGz,
    /** References to other hosts (there should be none). */
    external,
  };
}

/** @param {number[]} values */
export function median(values) {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
}

/**
 * A plain text table; numbers right-aligned.
 * @param {string[]} header
 * @param {(string | number)[][]} rows
 */
export function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const width = header.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const line = (/** @type {string[]} */ r) =>
    r.map((c, i) => (numeric[i] ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
  return [line(cells[0]), width.map((w) => '-'.repeat(w)).join('  ').trimEnd(), ...cells.slice(1).map(line)].join('\n');
}
