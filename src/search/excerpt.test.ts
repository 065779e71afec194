import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, parseExcerpt } from './excerpt.ts';

test('parseExcerpt: text and marked runs, in order', () => {
  assert.deepEqual(parseExcerpt('노드에 <mark>테인트를</mark> 건다. <mark>taint</mark>'), [
    { text: '노드에 ', mark: false },
    { text: '테인트를', mark: true },
    { text: ' 건다. ', mark: false },
    { text: 'taint', mark: true },
  ]);
});

test('parseExcerpt: entities become characters that stay text; other tags are dropped', () => {
  const cases: [string, { text: string; mark: boolean }[]][] = [
    ['kubectl get &lt;pod이름&gt; &amp;&amp; echo', [{ text: 'kubectl get <pod이름> && echo', mark: false }]],
    ['<img src=x onerror=alert(1)><mark>a</mark>', [{ text: 'a', mark: true }]],
    ['<script>alert(1)</script>b', [{ text: 'alert(1)b', mark: false }]],
    ['&lt;mark&gt;가짜&lt;/mark&gt;', [{ text: '<mark>가짜</mark>', mark: false }]],
    ['<mark></mark>', []],
    ['', []],
  ];
  for (const [html, want] of cases) assert.deepEqual(parseExcerpt(html), want, html);
});

test('decodeEntities: named, decimal and hex; unknown ones stay as written', () => {
  assert.equal(decodeEntities('&quot;a&quot; &#39;b&#39; &#x27;c&#x27; &nbsp;'), '"a" \'b\' \'c\' \u00a0');
  assert.equal(decodeEntities('&bogus; &#0; &#x110000;'), '&bogus; &#0; &#x110000;');
});
