/**
 * Runs a query plan (query.ts) against pagefind and merges the results.
 *
 * One pagefind search per distinct query string (the raw query, the combined normalised query, and
 * every form of every unit), cached for the session. A unit is found on a page when any of its forms
 * is; pages are ranked by how much of the query they cover (soft AND: every unit 1, weak words less),
 * then by score (each unit's best form score × form weight, summed, plus the raw query's own score).
 * Pages the raw query finds always count as fully covered, so normalising never loses a result the
 * raw query had.
 *
 * No DOM; the pagefind API is passed in, so the merge is unit-tested with a fake (engine.test.ts) and
 * the same code runs in the browser and in the e2e query-set test.
 */
import { planQuery, queriesOf, titleMatch, type QueryPlan } from './query.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text: string; location: number };
  locations?: number[];
}
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  score: number;
  /** Where in the page text the query matched (empty when only the metadata did). */
  words?: number[];
  data(): Promise<PagefindData>;
}
export interface PagefindSearchOptions {
  filters?: Record<string, string | string[]>;
}
/** The part of pagefind's JS API (/pagefind/pagefind.js) the search uses. */
export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

export interface Hit {
  id: string;
  /** The page's data, once loaded (the first `SearchEngine.search` `top` hits come loaded). */
  data?: PagefindData;
  /** 0–1: the share of the query (by unit weight) the page contains. */
  coverage: number;
  score: number;
  /** The pagefind result whose excerpt best shows the whole query on this page. */
  result: PagefindResult;
}

export type ResultsByQuery = ReadonlyMap<string, readonly PagefindResult[]>;

/**
 * How much the raw query's own score adds. pagefind 1.6 also matches near spellings of a raw word
 * (쿠버네티스란 ~ 쿠버네티스), so the raw score is a hint, not proof of an exact form.
 */
export const RAW_WEIGHT = 0.5;

const highlights = (r: PagefindResult) => r.words === undefined || r.words.length > 0;

/** How much the other forms a page matches add to a unit's best form score. */
export const OTHER_FORMS = 0.25;

/** Score factor for a page whose title is (2) or contains (1) a unit's name. */
export const TITLE_BOOST = [1, 1.3, 2] as const;

/**
 * Merges the results of every query of a plan into one ranked list (pure). `titles` (page id →
 * title), where known, boosts pages whose title names a unit of the query.
 */
export function rank(plan: QueryPlan, byQuery: ResultsByQuery, titles?: ReadonlyMap<string, string>): Hit[] {
  interface Acc {
    id: string;
    units: number[];
    /** Per unit: the sum of all its forms' scores (a page naming a concept several ways is about it). */
    sums: number[];
    raw: number;
    best: PagefindResult;
    bestScore: number;
    /** The best-scoring result that matched words in the text (its excerpt has highlights). */
    shown?: PagefindResult;
    shownScore: number;
    combined?: PagefindResult;
    rawResult?: PagefindResult;
  }
  const pages = new Map<string, Acc>();
  const acc = (r: PagefindResult): Acc => {
    let a = pages.get(r.id);
    if (!a) {
      a = { id: r.id, units: plan.units.map(() => 0), sums: plan.units.map(() => 0), raw: 0, best: r, bestScore: -1, shownScore: -1 };
      pages.set(r.id, a);
    }
    return a;
  };
  const found = plan.units.map(() => false);
  plan.units.forEach((unit, k) => {
    for (const form of unit.forms) {
      for (const r of byQuery.get(form.q) ?? []) {
        const a = acc(r);
        const s = r.score * form.weight;
        found[k] = true;
        a.units[k] = Math.max(a.units[k], s, Number.MIN_VALUE);
        a.sums[k] += s;
        if (s > a.bestScore) {
          a.best = r;
          a.bestScore = s;
        }
        if (s > a.shownScore && highlights(r)) {
          a.shown = r;
          a.shownScore = s;
        }
      }
    }
  });
  for (const r of byQuery.get(plan.combined) ?? []) acc(r).combined = r;
  for (const r of byQuery.get(plan.raw) ?? []) {
    const a = acc(r);
    a.raw = r.score;
    a.rawResult = r;
  }
  const totalWeight = plan.units.reduce((sum, u, k) => sum + (found[k] ? u.weight : 0), 0);
  const hits: Hit[] = [];
  for (const a of pages.values()) {
    const covered = plan.units.reduce((sum, u, k) => sum + (a.units[k] > 0 ? u.weight : 0), 0);
    const coverage = a.rawResult || a.combined || totalWeight === 0 ? 1 : covered / totalWeight;
    const title = titles?.get(a.id);
    const unitScore = (k: number) => a.units[k] + OTHER_FORMS * (a.sums[k] - a.units[k]);
    const score = plan.units.reduce((sum, u, k) => sum + unitScore(k) * u.weight * (title ? TITLE_BOOST[titleMatch(title, u)] : 1), 0) + RAW_WEIGHT * a.raw;
    // The excerpt: the whole normalised query's if it marks words on this page, else the raw
    // query's, else the best form's that marks any (a page found only by its terms has none).
    const result = [a.combined, a.rawResult].find((r) => r && highlights(r)) ?? a.shown ?? a.combined ?? a.rawResult ?? a.best;
    hits.push({ id: a.id, coverage, score, result });
  }
  return hits.sort((x, y) => y.coverage - x.coverage || y.score - x.score || (x.id < y.id ? -1 : 1));
}

/** What the build lists for every indexed page (pagefind page id → [title, section, url]). */
export type PageList = Record<string, [title: string, section: string, url: string]>;
export interface PageInfo {
  title: string;
  section: string;
  url: string;
}

export interface SearchOutcome {
  plan: QueryPlan;
  /** Ranked; only pages of `section` when one was asked for. */
  hits: (Hit & { page?: PageInfo })[];
  /** Results per section for the query without the section filter (known with a page list only). */
  counts?: Record<string, number>;
  /** How many pagefind searches this query needed that were not cached yet. */
  searches: number;
}

/**
 * A session's search: caches every pagefind search by query (and filter).
 *
 * With the build's page list (src/search/pagefind-integration.mjs) it ranks every hit by title,
 * filters by section itself and counts results per section, all before any page fragment loads.
 * Without it, it asks pagefind to filter and loads the `top` pages' data to rank them by title.
 */
export class SearchEngine {
  readonly pagefind: PagefindApi;
  readonly pages?: ReadonlyMap<string, PageInfo>;
  private cache = new Map<string, Promise<readonly PagefindResult[]>>();

  constructor(pagefind: PagefindApi, pages?: PageList) {
    this.pagefind = pagefind;
    if (pages) this.pages = new Map(Object.entries(pages).map(([id, [title, section, url]]) => [id, { title, section, url }]));
  }

  private async results(plan: QueryPlan, filter?: string) {
    const options: PagefindSearchOptions = filter ? { filters: { section: [filter] } } : {};
    let searches = 0;
    const entries = await Promise.all(
      queriesOf(plan).map(async (q) => {
        const key = `${filter ?? ''}\u0000${q}`;
        let pending = this.cache.get(key);
        if (!pending) {
          searches++;
          pending = this.pagefind.search(q, options).then((r) => r?.results ?? []);
          this.cache.set(key, pending);
          pending.catch(() => this.cache.delete(key));
        }
        return [q, await pending] as const;
      }),
    );
    return { byQuery: new Map(entries), searches };
  }

  async search(raw: string, section?: string, top = 10): Promise<SearchOutcome> {
    const plan = planQuery(raw);
    const pages = this.pages;
    if (pages) {
      const { byQuery, searches } = await this.results(plan);
      const titles = new Map([...pages].map(([id, p]) => [id, p.title]));
      const all = rank(plan, byQuery, titles).map((h) => ({ ...h, page: pages.get(h.id) }));
      const counts: Record<string, number> = {};
      for (const h of all) if (h.page) counts[h.page.section] = (counts[h.page.section] ?? 0) + 1;
      const hits = section ? all.filter((h) => h.page?.section === section) : all;
      return { plan, hits, counts, searches };
    }
    const { byQuery, searches } = await this.results(plan, section);
    const first = rank(plan, byQuery);
    const head = first.slice(0, top);
    const loaded = await Promise.all(head.map((h) => h.result.data()));
    const data = new Map(head.map((h, i) => [h.id, loaded[i]]));
    const titles = new Map(head.map((h, i) => [h.id, loaded[i].meta.title ?? '']));
    const reranked = rank(plan, byQuery, titles).map((h) => ({ ...h, data: data.get(h.id) }));
    // Only the loaded pages can move; the rest keep their order behind them.
    const ids = new Set(head.map((h) => h.id));
    const hits = [...reranked.filter((h) => ids.has(h.id)), ...reranked.filter((h) => !ids.has(h.id))];
    return { plan, hits, searches };
  }
}
