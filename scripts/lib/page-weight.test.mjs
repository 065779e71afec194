import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHtml, staticImports, assetPath, pageWeight, median, table, BUDGET_GZIP } from './page-weight.mjs';
import { builtRoutes, routeOf } from './routes.mjs';

test('parseHtml finds inline and linked CSS and JS, skipping JSON scripts and comments', () => {
  const html = `<!doctype html><head><style>a{}</style><link rel="stylesheet" href="/_astro/a.css">
    <link rel=modulepreload href='/_astro/m.js'><link rel="icon" href="/f.svg">
    <!-- <script src="/commented.js"></script> -->
    <script>var x=1</script><script type="application/ld+json">{"a":1}</script>
    </head><body><script type="module" src="/_astro/p.js"></script><style>b{}</style></body>`;
  assert.deepEqual(parseHtml(html), {
    stylesheets: ['/_astro/a.css'],
    scripts: ['/_astro/m.js', '/_astro/p.js'],
    inlineCss: 'a{}b{}',
    inlineJs: 'var x=1',
  });
});

test('staticImports reads minified and spaced static imports, not dynamic ones', () => {
  const code = `import{a as b}from"./c.js";import "./d.js";export*from'./e.js';const f=()=>import("./lazy.js");import x, { y } from './g.js'`;
  assert.deepEqual(staticImports(code), ['./c.js', './d.js', './e.js', './g.js']);
});

test('assetPath resolves relative to the page and ignores other hosts', () => {
  assert.equal(assetPath('/notes/a/', '/_astro/x.css'), '/_astro/x.css');
  assert.equal(assetPath('/notes/a/', '../../_astro/x.css?v=1'), '/_astro/x.css');
  assert.equal(assetPath('/_astro/p.js', './c.js'), '/_astro/c.js');
  assert.equal(assetPath('/', 'https://cdn.example/x.js'), null);
  assert.equal(assetPath('/', '//cdn.example/x.js'), null);
});

test('median and table', () => {
  assert.equal(median([]), 0);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 3);
  assert.equal(table(['page', 'bytes'], [['/a/', 1200], ['/bb/', 5]]), 'page  bytes\n----  -----\n/a/   1,200\n/bb/      5');
  assert.equal(BUDGET_GZIP, 15000);
});

let dist = '';
before(async () => {
  dist = await mkdtemp(join(tmpdir(), 'kubenote-weight-'));
  await mkdir(join(dist, 'notes', 'a'), { recursive: true });
  await mkdir(join(dist, '_astro'));
  await writeFile(join(dist, 'index.html'), '<h1>home</h1>');
  await writeFile(join(dist, '404.html'), '<h1>404</h1>');
  await writeFile(
    join(dist, 'notes', 'a', 'index.html'),
    '<style>p{color:red}</style><link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/p.js"></script><script src="https://cdn.example/x.js"></script><h1>a</h1>',
  );
  await writeFile(join(dist, '_astro', 's.css'), 'h1{margin:0}');
  await writeFile(join(dist, '_astro', 'p.js'), 'import{a}from"./c.js";a();import("./lazy.js")');
  await writeFile(join(dist, '_astro', 'c.js'), 'import"./p.js";export const a=()=>1;');
  await writeFile(join(dist, '_astro', 'lazy.js'), 'x'.repeat(1000));
});
after(() => rm(dist, { recursive: true, force: true }));

test('builtRoutes lists every html file as a URL path', () => {
  assert.deepEqual(builtRoutes(dist), ['/', '/404.html', '/notes/a/']);
  assert.equal(routeOf('notes/a/index.html'), '/notes/a/');
});

test('pageWeight adds up the document, its stylesheet and its module graph (not lazy chunks)', () => {
  const w = pageWeight(dist, '/notes/a/');
  const htmlText = '<style>p{color:red}</style><link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/p.js"></script><script src="https://cdn.example/x.js"></script><h1>a</h1>';
  const p = 'import{a}from"./c.js";a();import("./lazy.js")';
  const c = 'import"./p.js";export const a=()=>1;';
  assert.equal(w.html.raw, htmlText.length);
  assert.equal(w.css.raw, 'p{color:red}'.length + 'h1{margin:0}'.length);
  assert.equal(w.js.raw, p.length + c.length);
  assert.equal(w.js.files, 2);
  assert.deepEqual(w.external, ['https://cdn.example/x.js']);
  const gz = (/** @type {string} */ s) => gzipSync(s).length;
  assert.equal(w.totalGz, gz(htmlText) + gz('h1{margin:0}') + gz(p) + gz(c));
});
