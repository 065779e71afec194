import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLexicon } from './query.ts';
import { termUsage, termsIn, textWords } from './usage.ts';

const lex = buildLexicon();
const found = (text: string) => Object.fromEntries(termsIn(text, lex));

test('textWords: Markdown, MDX and code punctuation separate words; flags and paths stay whole', () => {
  assert.deepEqual(textWords('`kubectl drain node01 --ignore-daemonsets` 테인트(taint)를'), [
    'kubectl',
    'drain',
    'node01',
    '--ignore-daemonsets',
    '테인트',
    'taint',
    '를',
  ]);
  assert.deepEqual(textWords('<Note title="참고">/etc/kubernetes/manifests.</Note>'), ['Note', 'title=', '참고', '/etc/kubernetes/manifests', '/Note']);
});

test('termsIn: particles, English names, plurals and multi-word terms are recognised', () => {
  assert.deepEqual(found('노드에 테인트를 걸고 taints 확인'), { node: 1, taint: 2 });
  assert.equal(found('kubectl drain node01')['drain'], 2, '"kubectl drain" and "drain"');
  assert.equal(found('컨피그 맵을 만든다')['configmap'], 1);
  assert.equal(found('컨트롤 플레인에서')['control-plane'], 1);
});

test('termsIn: a short term is not found inside a longer word', () => {
  const f = found('컨트롤러가 롤백한다');
  assert.equal(f['role'], undefined, '롤 is not in 컨트롤러 or 롤백');
  assert.equal(f['controller'], 1);
  assert.equal(f['rollback'], 1);
  assert.equal(found('kubectl get no')['node'], undefined, 'no is too ambiguous to count');
});

test('termUsage: notes naming the term in the title first, then in terms, then by count', () => {
  const notes = [
    { href: '/a/', title: '노드', body: '테인트 한 번', terms: [] },
    { href: '/b/', title: '테인트와 톨러레이션', body: '테인트', terms: ['taint'] },
    { href: '/c/', title: '기타', body: '테인트 테인트 테인트', terms: [] },
    { href: '/d/', title: '기타 2', body: '아무 말', terms: ['테인트'] },
  ];
  const usage = termUsage(notes);
  assert.deepEqual(
    usage.get('taint')!.map((p) => p.href),
    ['/b/', '/d/', '/c/', '/a/'],
  );
  assert.deepEqual(usage.get('ingress'), []);
  const b = usage.get('taint')!.find((p) => p.href === '/b/')!;
  assert.deepEqual([b.inTitle, b.inTerms, b.count], [true, true, 2]);
});
