// Astro integration: after `astro build`, every page keeps only the CSS rules that can apply to it.
//
// The stylesheets are inlined into every page (astro.config: inlineStylesheets 'always'), and Astro
// ships a component's whole stylesheet with every page that uses the component: each diagram page
// carries the rules of all diagram colours, each note the rules of every callout kind. This step
// drops, page by page, the style rules whose selector needs a class or an element name that the page
// can never contain: one that is neither in the page's own markup and scripts nor anywhere in the
// JavaScript the page can load (its module scripts and everything they import, statically or on
// demand: the run UI, the search dialog — the code that creates elements later). Words are matched
// loosely (any word of that code counts as "present"; a class a script composes, `cv-${tone}` or
// "cv-" + tone, makes every class starting "cv-" present), so a rule is kept whenever in doubt;
// at-rules other than @media/@supports/@container/@layer (@page, @keyframes, @font-face) are kept
// whole. Workers are not followed: they have no document.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @returns {import('astro').AstroIntegration} */
export default function cssPrune() {
  return {
    name: 'kubenote:css-prune',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { pages, saved } = pruneSite(fileURLToPath(dir));
        logger.info(`unused CSS rules dropped from ${pages} pages (${saved.toLocaleString('en-US')} bytes)`);
      },
    },
  };
}

/**
 * @param {string} site the build's output folder
 * @returns {{ pages: number, saved: number }}
 */
export function pruneSite(site) {
  /** @type {Map<string, string | null>} */
  const cache = new Map();
  const readAsset = (/** @type {string} */ url) => {
    if (!cache.has(url)) {
      let code = null;
      try {
        code = readFileSync(join(site, ...url.split('/').filter(Boolean)), 'utf8');
      } catch {
        /* not in the build (another host, a URL computed at run time) */
      }
      cache.set(url, code);
    }
    return cache.get(url) ?? null;
  };
  let pages = 0;
  let saved = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const html = readFileSync(file, 'utf8');
    const route = '/' + relative(site, file).split(sep).join('/');
    const out = prunePage(html, route, readAsset);
    if (out !== html) {
      writeFileSync(file, out);
      pages++;
      saved += Buffer.byteLength(html) - Buffer.byteLength(out);
    }
  }
  return { pages, saved };
}

const STYLE = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi;

/**
 * The page with the rules of its <style> elements that cannot apply to it removed.
 * @param {string} html
 * @param {string} route the page's URL path (to resolve relative script URLs)
 * @param {(url: string) => string | null} readAsset the text of a site URL ("/_astro/x.js"), null if none
 */
export function prunePage(html, route, readAsset) {
  const markup = html.replace(STYLE, '');
  const present = words(markup);
  for (const code of pageScripts(markup, route, readAsset)) {
    words(code, present);
    for (const prefix of composedPrefixes(code)) present.add(prefix + '*');
  }
  return html.replace(STYLE, (_, open, css, close) => open + pruneCss(css, present) + close);
}

/**
 * The beginnings of names a script composes: `cv-${tone}` and "cv-" + tone give "cv-".
 * @param {string} code
 */
export function composedPrefixes(code) {
  const out = new Set();
  for (const m of code.matchAll(/([A-Za-z_][\w-]*-)(?:\$\{|["'`]\s*\+)/g)) out.add(m[1].toLowerCase());
  return out;
}

/**
 * Whether a word (class or element name) is present: itself, or a name a script may compose.
 * @param {Set<string>} present words, and composed prefixes as "cv-*"
 * @param {string} word
 */
function isPresent(present, word) {
  if (present.has(word)) return true;
  for (let i = word.indexOf('-'); i >= 0; i = word.indexOf('-', i + 1)) if (present.has(word.slice(0, i + 1) + '*')) return true;
  return false;
}

/**
 * Every word (lower case) of a text: class names, element names, and much else.
 * @param {string} text
 * @param {Set<string>} [into]
 */
export function words(text, into = new Set()) {
  for (const m of text.matchAll(/[A-Za-z_][\w-]*/g)) into.add(m[0].toLowerCase());
  return into;
}

/**
 * The code of the page's scripts (inline ones included) and of every module they import, statically
 * or with import(), followed through the build's chunks.
 * @param {string} markup the page without its <style>s
 * @param {string} route
 * @param {(url: string) => string | null} readAsset
 * @returns {string[]}
 */
export function pageScripts(markup, route, readAsset) {
  /** @type {string[]} */ const codes = [];
  /** @type {{ from: string, ref: string }[]} */ const queue = [];
  const base = route.endsWith('/') ? route : posix.dirname(route) + '/';
  for (const m of markup.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[1])?.[1];
    if (src) queue.push({ from: base, ref: src });
    else codes.push(m[2]);
  }
  for (const m of markup.matchAll(/<link\b[^>]*\brel\s*=\s*["']?modulepreload[^>]*>/gi)) {
    const href = /\shref\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    if (href) queue.push({ from: base, ref: href });
  }
  for (const code of [...codes]) queue.push(...moduleRefs(code, base));
  const seen = new Set();
  while (queue.length > 0) {
    const { from, ref } = /** @type {{ from: string, ref: string }} */ (queue.shift());
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) continue;
    const url = ref.startsWith('/') ? posix.normalize(ref) : posix.normalize(from + ref);
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readAsset(url.split(/[?#]/)[0]);
    if (code === null) continue;
    codes.push(code);
    queue.push(...moduleRefs(code, posix.dirname(url) + '/'));
  }
  return codes;
}

/**
 * The modules a script imports: `import … from "./x.js"`, `import "./x.js"`, `import("./x.js")`, and
 * the chunk lists Vite writes for its preload step ("_astro/x.js", from the site root).
 * @param {string} code
 * @param {string} dir the script's folder URL, ending in "/"
 */
function moduleRefs(code, dir) {
  /** @type {{ from: string, ref: string }[]} */ const refs = [];
  for (const m of code.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)["'`]([^"'`$]+\.m?js)["'`]/g)) refs.push({ from: dir, ref: m[1] });
  for (const m of code.matchAll(/["'`](_astro\/[^"'`$]+\.m?js)["'`]/g)) refs.push({ from: '/', ref: m[1] });
  return refs;
}

/**
 * The stylesheet without the rules whose every selector needs a word the page lacks.
 * @param {string} css minified CSS (as the build writes it)
 * @param {Set<string>} present words, and composed prefixes as "cv-*"
 * @returns {string}
 */
export function pruneCss(css, present) {
  let out = '';
  for (const block of blocks(css)) {
    if (block.body === null) {
      out += block.prelude;
      continue;
    }
    const prelude = block.prelude.trim();
    if (prelude.startsWith('@')) {
      if (/^@(media|supports|container|layer)\b/i.test(prelude)) {
        const inner = pruneCss(block.body, present);
        if (inner.trim()) out += `${block.prelude}{${inner}}`;
      } else out += `${block.prelude}{${block.body}}`;
      continue;
    }
    if (block.body.includes('{')) {
      out += `${block.prelude}{${block.body}}`; // nested rules: kept whole
      continue;
    }
    const kept = selectorList(block.prelude).filter((sel) => {
      const needs = selectorNeeds(sel);
      return needs === null || needs.every((w) => isPresent(present, w));
    });
    if (kept.length > 0) out += `${kept.join(',')}{${block.body}}`;
  }
  return out;
}

/**
 * The top-level pieces of a stylesheet: a rule or block at-rule (prelude + body) or a statement
 * ending in ";" (body null, prelude with its ";").
 * @param {string} css
 * @returns {{ prelude: string, body: string | null }[]}
 */
export function blocks(css) {
  /** @type {{ prelude: string, body: string | null }[]} */ const out = [];
  let start = 0;
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '"' || c === "'") i = afterString(css, i);
    else if (c === '/' && css[i + 1] === '*') i = css.indexOf('*/', i + 2) < 0 ? css.length : css.indexOf('*/', i + 2) + 2;
    else if (c === ';') {
      out.push({ prelude: css.slice(start, ++i), body: null });
      start = i;
    } else if (c === '{') {
      let depth = 1;
      let j = i + 1;
      while (j < css.length && depth > 0) {
        const d = css[j];
        if (d === '"' || d === "'") {
          j = afterString(css, j);
          continue;
        }
        if (d === '{') depth++;
        else if (d === '}') depth--;
        j++;
      }
      out.push({ prelude: css.slice(start, i), body: css.slice(i + 1, j - 1) });
      start = i = j;
    } else i++;
  }
  if (start < css.length) out.push({ prelude: css.slice(start), body: null });
  return out;
}

/** @param {string} s @param {number} i the opening quote */
function afterString(s, i) {
  const q = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== q) j += s[j] === '\\' ? 2 : 1;
  return j + 1;
}

/**
 * A selector list split at its top-level commas.
 * @param {string} list
 */
export function selectorList(list) {
  /** @type {string[]} */ const out = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const c of list) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * The class and element names (lower case) an element must have for a selector to match anything:
 * those outside attribute selectors and functional pseudo-classes (:not(), :has(), :is() … say
 * nothing sure). null when the selector has escapes (not read: kept).
 * @param {string} selector
 * @returns {string[] | null}
 */
export function selectorNeeds(selector) {
  if (selector.includes('\\')) return null;
  let s = selector.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '').replace(/\[[^\]]*\]/g, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/:{1,2}[\w-]+\([^()]*\)/g, '');
  }
  s = s.replace(/:{1,2}[\w-]+/g, '').replace(/#[\w-]+/g, '');
  const classes = [...s.matchAll(/\.([\w-]+)/g)].map((m) => m[1].toLowerCase());
  const names = [...s.matchAll(/(?:^|[\s>+~])([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
  return [...classes, ...names];
}
