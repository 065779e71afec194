import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocks, composedPrefixes, prunePage, pruneCss, selectorList, selectorNeeds, words } from './css-prune.mjs';

test('selectorNeeds: the classes and element names a match needs, nothing inside attributes or functional pseudo-classes', () => {
  const cases: [string, string[] | null][] = [
    ['.dg .b-red', ['dg', 'b-red']],
    ['.note>.pager', ['note', 'pager']],
    ['.prose h2', ['prose', 'h2']],
    ['h1', ['h1']],
    [':root[data-theme=dark]', []],
    ['*', []],
    ['.sidebar:popover-open', ['sidebar']],
    ['.selfcheck>summary::-webkit-details-marker', ['selfcheck', 'summary']],
    [':not(pre)>code', ['code']],
    ['run-block:not(:has(>.run-bar)):after', ['run-block']],
    ["run-block[data-state='failed'] .run-status", ['run-block', 'run-status']],
    ['a[href$=".pdf"]', ['a']],
    ['site-search:not(:defined) .search-button', ['site-search', 'search-button']],
    ['#main.Wide', ['wide']],
    ['.md\\:flex', null],
  ];
  for (const [sel, want] of cases) assert.deepEqual(selectorNeeds(sel)?.sort() ?? null, want?.sort() ?? null, sel);
});

test('selectorList splits at top-level commas only', () => {
  assert.deepEqual(selectorList('.a,:is(.b,.c) .d,[title="x,y"]'), ['.a', ':is(.b,.c) .d', '[title="x,y"]']);
});

test('blocks: rules, block at-rules and statements, braces in strings left alone', () => {
  assert.deepEqual(blocks('@import "x.css";.a{content:"}"}@media print{.b{c:d}}'), [
    { prelude: '@import "x.css";', body: null },
    { prelude: '.a', body: 'content:"}"' },
    { prelude: '@media print', body: '.b{c:d}' },
  ]);
});

test('pruneCss drops rules only when every selector needs an absent word; keeps other at-rules whole', () => {
  const present = new Set(['dg', 'b', 'b-blue', 'prose', 'h2', 'callout', 'mistake']);
  const css =
    '.dg .b{fill:red}.dg .b-red{fill:pink}.dg .b-blue,.dg .b-green{stroke:blue}' +
    '.callout.todo{x:y}.callout.mistake .t:before{content:"✕"}' +
    '@media print{.run-out{display:none}.prose h2{break-after:avoid}}@media (width>=60rem){.toc{a:b}}' +
    '@page{margin:1cm;@bottom-left{content:"x"}}@keyframes spin{to{rotate:1turn}}:root{--x:1}';
  assert.equal(
    pruneCss(css, present),
    '.dg .b{fill:red}.dg .b-blue{stroke:blue}' +
      '@media print{.prose h2{break-after:avoid}}' +
      '@page{margin:1cm;@bottom-left{content:"x"}}@keyframes spin{to{rotate:1turn}}:root{--x:1}',
  );
});

test('prunePage: classes the page\'s scripts (and the modules they import, also on demand) can create count as present', () => {
  const assets: Record<string, string> = {
    '/_astro/loader.js': 'const r=()=>import(`./ui.js`);b.className=`run-bar`;',
    '/_astro/ui.js': 'import{x}from"./shared.js";el.className="run-dock"',
    '/_astro/shared.js': 'export const x="run-toast"',
    '/_astro/other.js': 'el.className="lab-only"',
  };
  const css = '.run-bar{a:b}.run-dock{a:b}.run-toast{a:b}.lab-only{a:b}.copy-button{a:b}.x-note{a:b}';
  const html =
    `<html><head><style>${css}</style></head><body><p class="x-note">hi</p>` +
    '<script type="module" src="/_astro/loader.js"></script>' +
    '<script type="module">d.className=`copy-button`</script></body></html>';
  const out = prunePage(html, '/notes/a/', (url) => assets[url] ?? null);
  assert.match(out, /<style>\.run-bar\{a:b\}\.run-dock\{a:b\}\.run-toast\{a:b\}\.copy-button\{a:b\}\.x-note\{a:b\}<\/style>/);
});

test('a class a script composes (`cv-${tone}`, "cv-" + tone) keeps every rule whose class starts so', () => {
  assert.deepEqual([...composedPrefixes('a={class:`cv-pod cv-${p.tone}`};b="why-"+r;c=`x ${y}`')], ['cv-', 'why-']);
  const css = '.cv-running{a:b}.cv-run-x{a:b}.why-fail{a:b}.other-x{a:b}';
  const html = `<style>${css}</style><script type="module">e.className=\`cv-\${t}\`;f.className="why-"+r</script>`;
  assert.equal(prunePage(html, '/', () => null), `<style>.cv-running{a:b}.cv-run-x{a:b}.why-fail{a:b}</style>${html.slice(html.indexOf('<script'))}`);
});

test('words are case-folded', () => {
  assert.deepEqual([...words('<P class="Run-Bar">')], ['p', 'class', 'run-bar']);
});
