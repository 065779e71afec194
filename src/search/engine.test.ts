import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rank, SearchEngine, type PagefindApi, type PagefindData, type PagefindResult, type PagefindSearchOptions } from './engine.ts';
import { planQuery } from './query.ts';

/** A pagefind stand-in: query → [page id, score][]; records every call. */
function fakePagefind(table: Record<string, [string, number][]>, titles: Record<string, string> = {}) {
  const calls: { q: string | null; options?: PagefindSearchOptions }[] = [];
  const result = (id: string, score: number): PagefindResult => ({
    id,
    score,
    data: async (): Promise<PagefindData> => ({ url: `/notes/${id}/`, excerpt: id, meta: { title: titles[id] ?? id }, filters: {}, sub_results: [] }),
  });
  const api: PagefindApi = {
    async search(q, options) {
      calls.push({ q, options });
      return { results: (table[q ?? ''] ?? []).map(([id, s]) => result(id, s)) };
    },
  };
  return { api, calls, result };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

test('rank: a result of the raw query is never lost, even when no normalised form finds it', () => {
  const { result } = fakePagefind({});
  const plan = planQuery('파드를');
  const hits = rank(plan, new Map([['파드를', [result('only-raw', 0.1)]], ['파드', [result('a', 5)]]]));
  assert.deepEqual(ids(hits).sort(), ['a', 'only-raw']);
  assert.equal(hits.find((h) => h.id === 'only-raw')!.coverage, 1);
});

test('rank: the forms of a unit are ORed (스케쥴러 finds pages that only say 스케줄러)', () => {
  const { result } = fakePagefind({});
  const plan = planQuery('스케쥴러');
  const hits = rank(plan, new Map([['스케쥴러', [result('old-spelling', 2)]], ['스케줄러', [result('standard', 3)]], ['scheduler', [result('en', 1)]]]));
  assert.deepEqual(ids(hits).sort(), ['en', 'old-spelling', 'standard']);
  assert.ok(hits.every((h) => h.coverage === 1));
});

test('rank: units are ANDed softly — pages with every unit first, then pages with some', () => {
  const { result } = fakePagefind({});
  const plan = planQuery('파드 스케줄링');
  const hits = rank(
    plan,
    new Map([
      ['파드', [result('both', 1), result('pod-only', 50)]],
      ['스케줄링', [result('both', 1), result('sched-only', 40)]],
    ]),
  );
  assert.equal(hits[0].id, 'both');
  assert.equal(hits[0].coverage, 1);
  assert.deepEqual(ids(hits.slice(1)), ['pod-only', 'sched-only']);
  assert.equal(hits[1].coverage, 0.5);
});

test('rank: a weak word counts less than a term, and a word found nowhere does not count', () => {
  const { result } = fakePagefind({});
  const plan = planQuery('테인트 방법 없는말');
  const hits = rank(
    plan,
    new Map([
      ['테인트', [result('taint', 10), result('both', 1)]],
      ['방법', [result('both', 1), result('how', 5)]],
    ]),
  );
  assert.deepEqual(ids(hits), ['both', 'taint', 'how']);
  assert.ok(hits[1].coverage > hits[2].coverage);
});

test('rank: a title naming the query boosts the page', () => {
  const { result } = fakePagefind({});
  const plan = planQuery('파드');
  const byQuery = new Map([['파드', [result('static', 10), result('pods', 8)]]]);
  assert.deepEqual(ids(rank(plan, byQuery)), ['static', 'pods']);
  assert.deepEqual(ids(rank(plan, byQuery, new Map([['static', '스태틱 파드'], ['pods', '파드']]))), ['pods', 'static']);
});

test('rank: the excerpt comes from the combined query when it found the page, else the raw one', () => {
  const { result } = fakePagefind({});
  const plan = planQuery('파드를 스케줄링');
  const combined = result('p', 1);
  const hits = rank(plan, new Map([['파드 스케줄링', [combined]], ['파드', [result('p', 9)]], ['스케줄링', [result('p', 9)]]]));
  assert.equal(hits[0].result, combined);
});

test('SearchEngine: searches each query once per session and section, passes the section filter', async () => {
  const { api, calls } = fakePagefind({ 파드: [['pods', 3]], Pod: [['pods', 1]] }, { pods: '파드' });
  const engine = new SearchEngine(api);
  const first = await engine.search('파드');
  assert.deepEqual(ids(first.hits), ['pods']);
  assert.equal(first.hits[0].data?.meta.title, '파드', 'the top hits come with their data');
  assert.equal(first.searches, calls.length);
  const again = await engine.search('파드');
  assert.equal(again.searches, 0);
  await engine.search('파드', 'scheduling');
  assert.deepEqual(calls.at(-1)?.options, { filters: { section: ['scheduling'] } });
  assert.ok(calls.filter((c) => !c.options?.filters).every((c) => c.options && Object.keys(c.options).length === 0));
});

test('SearchEngine: a failed search is not cached', async () => {
  let fail = true;
  const api: PagefindApi = {
    async search() {
      if (fail) throw new Error('offline');
      return { results: [] };
    },
  };
  const engine = new SearchEngine(api);
  await assert.rejects(engine.search('taint'), /offline/);
  fail = false;
  assert.deepEqual((await engine.search('taint')).hits, []);
});

test('SearchEngine with the page list: ranks every hit by title, filters and counts sections itself, loads no data', async () => {
  let loads = 0;
  const result = (id: string, score: number): PagefindResult => ({
    id,
    score,
    data: async () => {
      loads++;
      return { url: `/${id}/`, excerpt: '', meta: { title: id }, filters: {}, sub_results: [] };
    },
  });
  const calls: (PagefindSearchOptions | undefined)[] = [];
  const table: Record<string, [string, number][]> = { 파드: [['static', 5], ['lab', 4.5], ['pods', 4], ['sched', 1]] };
  const api: PagefindApi = {
    async search(q, options) {
      calls.push(options);
      return { results: (table[q ?? ''] ?? []).map(([id, s]) => result(id, s)) };
    },
  };
  const engine = new SearchEngine(api, {
    static: ['스태틱 파드', 'scheduling', '/notes/40/'],
    lab: ['실습 메모', 'architecture', '/notes/22/'],
    pods: ['파드', 'architecture', '/notes/20/'],
    sched: ['수동 스케줄링', 'scheduling', '/notes/29/'],
  });
  const all = await engine.search('파드');
  assert.equal(all.hits[0].id, 'pods', 'the page titled 파드 first, though third by score');
  assert.deepEqual(all.counts, { scheduling: 2, architecture: 2 });
  assert.equal(all.hits[0].page?.url, '/notes/20/');
  const scheduling = await engine.search('파드', 'scheduling');
  assert.deepEqual(ids(scheduling.hits), ['static', 'sched']);
  assert.equal(scheduling.searches, 0, 'the section filter reuses the cached searches');
  assert.ok(calls.every((o) => !o?.filters));
  assert.equal(loads, 0);
});

test('rank: the excerpt comes from a search that matched words in the text, not only the terms metadata', () => {
  const plan = planQuery('스케쥴러');
  const r = (score: number, words: number[]): PagefindResult => ({ id: 'p', score, words, data: async () => ({ url: '', excerpt: '', meta: {}, filters: {}, sub_results: [] }) });
  const metaOnly = r(9, []);
  const inText = r(3, [4, 17]);
  const hits = rank(plan, new Map([['스케쥴러', [metaOnly]], ['스케줄러', [inText]]]));
  assert.equal(hits[0].result, inText);
});
