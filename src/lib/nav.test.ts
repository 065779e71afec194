import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupBySection, neighbours, sectionHref, topicLabel, tocTree, type NavItem } from './nav.ts';
import { SECTIONS } from '../sections.ts';

const item = (href: string, section: NavItem['section'], topics: number[] = []): NavItem => ({
  href,
  title: href,
  section,
  topics,
  summary: '',
});

test('groupBySection keeps every section, in course order, with its items in list order', () => {
  const items = [item('/a/', 'scheduling', [29]), item('/b/', 'architecture', [1]), item('/c/', 'scheduling', [30])];
  const groups = groupBySection(items);
  assert.deepEqual(
    groups.map((g) => g.section.id),
    SECTIONS.map((s) => s.id),
  );
  assert.deepEqual(
    groups.map((g) => g.number),
    [1, 2, 3, 4, 5, 6],
  );
  assert.deepEqual(
    groups[0].items.map((i) => i.href),
    ['/b/'],
  );
  assert.deepEqual(
    groups[1].items.map((i) => i.href),
    ['/a/', '/c/'],
  );
  assert.equal(groups[5].items.length, 0);
  assert.equal(groups[1].href, '/sections/scheduling/');
});

test('sectionHref', () => {
  assert.equal(sectionHref('exam-tips'), '/sections/exam-tips/');
});

const cases: { name: string; href: string; prev?: string; next?: string }[] = [
  { name: 'first has only next', href: '/1/', next: '/2/' },
  { name: 'middle has both', href: '/2/', prev: '/1/', next: '/3/' },
  { name: 'last has only prev', href: '/3/', prev: '/2/' },
  { name: 'unknown has neither', href: '/x/' },
];
for (const c of cases) {
  test(`neighbours: ${c.name}`, () => {
    const list = [item('/1/', 'architecture'), item('/2/', 'architecture'), item('/3/', 'scheduling')];
    const { prev, next } = neighbours(list, c.href);
    assert.equal(prev?.href, c.prev);
    assert.equal(next?.href, c.next);
  });
}

test('topicLabel', () => {
  assert.equal(topicLabel([31]), '31');
  assert.equal(topicLabel([3, 4]), '3·4');
  assert.equal(topicLabel([]), '');
});

test('tocTree nests h3 under the preceding h2 and drops other depths', () => {
  const toc = tocTree([
    { depth: 1, slug: 'title', text: '제목' },
    { depth: 3, slug: 'early', text: '앞선 h3' },
    { depth: 2, slug: 'a', text: ' 가 ' },
    { depth: 3, slug: 'a-1', text: '가-1' },
    { depth: 4, slug: 'a-1-x', text: '깊은 제목' },
    { depth: 3, slug: 'a-2', text: '가-2' },
    { depth: 2, slug: 'b', text: '나' },
    { depth: 2, slug: '', text: '슬러그 없음' },
  ]);
  assert.deepEqual(toc, [
    { slug: 'early', text: '앞선 h3', children: [] },
    {
      slug: 'a',
      text: '가',
      children: [
        { slug: 'a-1', text: '가-1' },
        { slug: 'a-2', text: '가-2' },
      ],
    },
    { slug: 'b', text: '나', children: [] },
  ]);
});

test('tocTree of a page without headings is empty', () => {
  assert.deepEqual(tocTree([]), []);
});
