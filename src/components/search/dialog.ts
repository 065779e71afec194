/**
 * The search dialog, loaded by <site-search> (Search.astro) on the first open, as one chunk with the
 * query code (src/search/*) and its CSS; pagefind's JS and index load from /pagefind/ at the same time.
 *
 * Builds a native modal <dialog> inside the host element: a combobox input with a listbox of results
 * (↑/↓ move, Enter opens, Esc closes), section filter chips, a live status ("N개 결과"), results as
 * you type. Text and chips come from strings.ts, URLs from the host's data-* attributes; excerpts are
 * built as text nodes and <mark> elements from pagefind's excerpt (src/search/excerpt.ts), never inserted as HTML.
 */
import css from './dialog.css?inline';
import { SearchEngine, type Hit, type PageInfo, type PageList, type PagefindApi, type PagefindData } from '../../search/engine.ts';
import { parseExcerpt, type ExcerptPart } from '../../search/excerpt.ts';
import { alsoSearched } from '../../search/query.ts';
import { SEARCH_SECTIONS, SEARCH_STRINGS, type Section, type Strings } from './strings.ts';

export type { Section, Strings };

/** One result as shown, and as returned by search() (which the e2e tests and the bench call too). */
export interface ShownResult {
  url: string;
  title: string;
  section: string;
  heading: string;
  excerpt: ExcerptPart[];
}
export interface SearchAnswer {
  total: number;
  results: ShownResult[];
  also: string[];
}

type Pagefind = PagefindApi & { options(o: object): Promise<void>; init(): Promise<void>; preload(term: string): Promise<void> };
type ShownHit = Hit & { page?: PageInfo };

const PAGE = 10;
const DEBOUNCE_MS = 60;
/** pagefind ranking: the title and the front-matter terms count more than body text. */
const RANKING = { metaWeights: { title: 10, terms: 3 } };
const WARM_UP = ['쿠버네티스', 'kubectl'];

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** A small element builder: attributes as strings, children as nodes or text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function icon(size: number): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', width: String(size), height: String(size), 'aria-hidden': 'true', focusable: 'false', class: 'search-icon' })) svg.setAttribute(k, v);
  const circle = document.createElementNS(ns, 'circle');
  for (const [k, v] of Object.entries({ cx: '10.5', cy: '10.5', r: '6.5', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.2' })) circle.setAttribute(k, v);
  const path = document.createElementNS(ns, 'path');
  for (const [k, v] of Object.entries({ d: 'M15.5 15.5 21 21', stroke: 'currentColor', 'stroke-width': '2.2', 'stroke-linecap': 'round' })) path.setAttribute(k, v);
  svg.append(circle, path);
  return svg;
}

export class SearchDialog {
  private host: HTMLElement;
  private sections: Section[];
  private t: Strings;
  private pagefindUrl: string;
  private loaded?: Promise<SearchEngine>;
  private section = '';
  private hits: ShownHit[] = [];
  private shown = 0;
  private active = -1;
  private seq = 0;
  private timer = 0;
  private typedAt = 0;
  readonly dialog: HTMLDialogElement;
  private input: HTMLInputElement;
  private list: HTMLElement;
  private status: HTMLElement;
  private also: HTMLElement;
  private more: HTMLButtonElement;
  private chips: HTMLButtonElement[];

  constructor(host: HTMLElement) {
    this.host = host;
    this.sections = SEARCH_SECTIONS;
    this.t = SEARCH_STRINGS;
    this.pagefindUrl = `${host.dataset.pagefind ?? '/pagefind/'}pagefind.js`;
    const t = this.t;

    if (!document.getElementById('search-dialog-css')) document.head.append(el('style', { id: 'search-dialog-css' }, css));

    this.input = el('input', {
      id: 'search-input',
      class: 'search-input',
      type: 'search',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
      'aria-autocomplete': 'list',
      'aria-describedby': 'search-status',
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      enterkeyhint: 'search',
      placeholder: t.placeholder,
    });
    const close = el('button', { type: 'button', class: 'search-close' }, t.close);
    this.chips = [{ id: '', title: t.all, full: t.all }, ...this.sections].map((s) =>
      el('button', { type: 'button', class: 'search-chip', 'data-section': s.id, 'aria-pressed': String(s.id === ''), title: s.full }, s.title),
    );
    this.status = el('p', { id: 'search-status', class: 'search-status', role: 'status' });
    this.also = el('p', { class: 'search-also', hidden: '' });
    this.list = el('div', { id: 'search-results', class: 'search-results', role: 'listbox', 'aria-label': t.results, hidden: '' });
    this.more = el('button', { type: 'button', class: 'search-more', hidden: '' }, t.more);
    const [up, down, enter, esc] = ['↑', '↓', 'Enter', 'Esc'].map((k) => el('kbd', {}, k));
    const keys = el('span', { class: 'search-keys', 'aria-hidden': 'true' });
    // "{up}{down} 이동 {enter} 열기 {esc} 닫기": the key caps go where the string puts them.
    for (const piece of t.keys.split(/(\{\w+\})/)) {
      const key = { '{up}': up, '{down}': down, '{enter}': enter, '{esc}': esc }[piece];
      keys.append(key ?? piece);
    }
    this.dialog = el(
      'dialog',
      { class: 'search-dialog', 'aria-labelledby': 'search-title' },
      el(
        'div',
        { class: 'search-panel' },
        el('h2', { id: 'search-title', class: 'sr-only' }, t.title),
        el('div', { class: 'search-bar' }, icon(20), el('label', { class: 'sr-only', for: 'search-input' }, t.label), this.input, close),
        el('div', { class: 'search-filters', role: 'group', 'aria-label': t.filters }, ...this.chips),
        el('div', { class: 'search-body' }, this.status, this.also, this.list, this.more),
        el('div', { class: 'search-foot' }, keys, el('a', { class: 'search-glossary', href: host.dataset.glossary ?? '/glossary/' }, t.glossary)),
      ),
    );
    host.append(this.dialog);
    this.say(t.hint);

    close.addEventListener('click', () => this.dialog.close());
    // A click on the backdrop (outside the panel) closes.
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.dialog.close();
    });
    this.dialog.addEventListener('close', () => {
      document.documentElement.classList.remove('search-open');
      const opener = host.querySelector<HTMLButtonElement>('.search-button');
      // The browser gives focus back to where it was before the dialog opened; when that was
      // nowhere (opened with a shortcut), the header button gets it. The check runs after the
      // browser's own focus fix-up.
      requestAnimationFrame(() => {
        const a = document.activeElement;
        if (!a || a === document.body || this.dialog.contains(a)) opener?.focus();
      });
    });
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.more.addEventListener('click', () => void this.showMore());
    for (const chip of this.chips) {
      chip.addEventListener('click', () => {
        this.section = chip.dataset.section ?? '';
        for (const c of this.chips) c.setAttribute('aria-pressed', String(c === chip));
        void this.run();
      });
    }
    this.list.addEventListener('mousemove', (e) => {
      const option = (e.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (option && Number(option.dataset.index) !== this.active) this.setActive(Number(option.dataset.index), false);
    });
  }

  open() {
    if (!this.dialog.open) {
      this.dialog.showModal();
      document.documentElement.classList.add('search-open');
    }
    this.input.focus();
    this.input.select();
    void this.engine().catch(() => this.say(this.t.failed));
  }

  /**
   * pagefind, its index and the build's page list: fetched on the first open. The index chunks
   * load right away (a warm-up preload) while the reader types the first query.
   */
  engine(): Promise<SearchEngine> {
    this.loaded ??= (async () => {
      if (!this.input.value.trim()) this.say(this.t.loading);
      const base = this.pagefindUrl.replace(/[^/]*$/, '');
      const [pagefind, pages] = await Promise.all([
        import(/* @vite-ignore */ this.pagefindUrl) as Promise<Pagefind>,
        fetch(`${base}kubenote-pages.json`)
          .then((r) => (r.ok ? (r.json() as Promise<PageList>) : undefined))
          .catch(() => undefined),
      ]);
      await pagefind.options({ excerptLength: 24, ranking: RANKING });
      await pagefind.init();
      // One Korean and one Latin word: the index chunks most queries need.
      void Promise.all(WARM_UP.map((w) => pagefind.preload(w))).catch(() => undefined);
      if (!this.input.value.trim()) this.say(this.t.hint);
      return new SearchEngine(pagefind, pages);
    })();
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  /**
   * The search the dialog shows: normalised query, merged pagefind results, the first `count` with
   * their section, best matching heading and excerpt.
   */
  async search(query: string, section = '', count = PAGE): Promise<SearchAnswer> {
    const engine = await this.engine();
    const outcome = await engine.search(query, section || undefined, count);
    this.hits = outcome.hits;
    const results = await Promise.all(outcome.hits.slice(0, count).map((h) => this.describe(h)));
    return { total: outcome.hits.length, results, also: alsoSearched(outcome.plan) };
  }

  /** A result as far as the page list knows it (no fragment loaded yet). */
  private outline(hit: ShownHit): ShownResult | undefined {
    if (!hit.page) return undefined;
    const { title, section, url } = hit.page;
    return { url, title, section: this.sections.find((s) => s.id === section)?.title ?? '', heading: '', excerpt: [] };
  }

  private async describe(hit: Hit): Promise<ShownResult> {
    const data: PagefindData = hit.data ?? (await hit.result.data());
    const title = data.meta.title ?? data.url;
    // The section (heading) with the most matches, when it is not the page top.
    const best = [...data.sub_results].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
    const inSection = Boolean(best && best.url.includes('#') && best.title !== title);
    const sectionId = data.filters.section?.[0] ?? '';
    return {
      url: inSection ? best.url : data.url,
      title,
      section: this.sections.find((s) => s.id === sectionId)?.title ?? '',
      heading: inSection ? best.title : '',
      excerpt: parseExcerpt(inSection ? best.excerpt : data.excerpt),
    };
  }

  private schedule() {
    this.typedAt ||= performance.now();
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  private async run() {
    const query = this.input.value.trim();
    const seq = ++this.seq;
    const started = this.typedAt || performance.now();
    this.typedAt = 0;
    if (!query) {
      this.hits = [];
      this.render([], 0, []);
      this.countChips();
      this.say(this.t.hint);
      return;
    }
    try {
      const engine = await this.engine();
      const outcome = await engine.search(query, this.section || undefined, PAGE);
      if (seq !== this.seq) return;
      this.hits = outcome.hits;
      const total = outcome.hits.length;
      const head = outcome.hits.slice(0, PAGE);
      const also = alsoSearched(outcome.plan);
      const sectionName = this.sections.find((s) => s.id === this.section)?.title;
      const announce = () => {
        if (total === 0) this.say(fill(this.t.empty, { q: query }), this.t.emptyTip);
        else this.say(sectionName ? fill(this.t.countIn, { n: total, section: sectionName }) : fill(this.t.count, { n: total }));
      };
      this.countChips(outcome.counts);
      // With the page list, the titles show at once and the excerpts follow.
      const outlines = head.map((h) => this.outline(h));
      let listedMs = -1;
      if (outlines.every(Boolean)) {
        this.render(outlines as ShownResult[], total, also);
        announce();
        listedMs = performance.now() - started;
      }
      const results = await Promise.all(head.map((h) => this.describe(h)));
      if (seq !== this.seq) return;
      if (listedMs < 0) {
        this.render(results, total, also);
        announce();
        listedMs = performance.now() - started;
      } else results.forEach((r, i) => this.fill(i, r));
      this.host.dispatchEvent(new CustomEvent('search-rendered', { detail: { query, total, listedMs, ms: performance.now() - started } }));
    } catch {
      if (seq === this.seq) this.say(this.t.failed);
    }
  }

  /** Shows the result counts per section on the chips (none when unknown). */
  private countChips(counts?: Record<string, number>) {
    const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
    for (const chip of this.chips) {
      const id = chip.dataset.section ?? '';
      const n = counts ? (id ? (counts[id] ?? 0) : all) : undefined;
      let badge = chip.querySelector<HTMLElement>('.search-chip-count');
      if (n === undefined) {
        badge?.remove();
        continue;
      }
      if (!badge) chip.append(' ', (badge = el('span', { class: 'search-chip-count' })));
      badge.textContent = String(n);
    }
  }

  private say(text: string, tip?: string) {
    this.status.replaceChildren(text);
    if (tip) this.status.append(el('span', { class: 'search-tip' }, tip));
  }

  private render(results: ShownResult[], total: number, also: string[]) {
    this.shown = 0;
    this.active = -1;
    this.list.replaceChildren();
    this.appendHits(results);
    this.also.hidden = also.length === 0 || total === 0;
    this.also.textContent = this.also.hidden ? '' : this.t.also + also.join(', ');
    this.more.hidden = this.shown >= total;
    if (results.length > 0) this.setActive(0);
  }

  private appendHits(results: ShownResult[]) {
    for (const r of results) {
      const i = this.shown++;
      const id = `search-hit-${i}`;
      const title = el('span', { class: 'search-hit-title', id: `${id}-title` }, r.title);
      const top = el('span', { class: 'search-hit-top' }, title);
      if (r.section) top.append(el('span', { class: 'search-hit-section' }, r.section));
      const option = el('a', {
        class: 'search-hit',
        href: r.url,
        id,
        tabindex: '-1',
        role: 'option',
        'aria-selected': 'false',
        'data-index': String(i),
        'aria-labelledby': `${id}-title`,
      });
      option.append(top);
      this.list.append(option);
      this.fill(i, r);
    }
    this.list.hidden = this.shown === 0;
    this.input.setAttribute('aria-expanded', String(this.shown > 0));
  }

  /** Puts a result's best heading, link and highlighted excerpt into its (already listed) option. */
  private fill(i: number, r: ShownResult) {
    const option = this.list.querySelector<HTMLAnchorElement>(`#search-hit-${i}`);
    if (!option) return;
    const id = option.id;
    option.href = r.url;
    option.querySelector('.search-hit-heading')?.remove();
    option.querySelector('.search-hit-excerpt')?.remove();
    if (r.heading) option.append(el('span', { class: 'search-hit-heading', id: `${id}-heading` }, r.heading));
    option.setAttribute('aria-labelledby', r.heading ? `${id}-title ${id}-heading` : `${id}-title`);
    if (r.excerpt.length > 0) {
      const excerpt = el('span', { class: 'search-hit-excerpt', id: `${id}-excerpt` });
      for (const part of r.excerpt) excerpt.append(part.mark ? el('mark', {}, part.text) : part.text);
      option.append(excerpt);
      option.setAttribute('aria-describedby', excerpt.id);
    } else option.removeAttribute('aria-describedby');
  }

  private async showMore() {
    const next = this.hits.slice(this.shown, this.shown + PAGE);
    const described = await Promise.all(next.map((h) => this.describe(h)));
    const first = this.shown;
    this.appendHits(described);
    this.more.hidden = this.shown >= this.hits.length;
    this.setActive(first);
    this.input.focus();
  }

  private options(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  private setActive(index: number, scroll = true) {
    const options = this.options();
    if (options.length === 0) {
      this.active = -1;
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    this.active = (index + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === this.active)));
    const current = options[this.active];
    this.input.setAttribute('aria-activedescendant', current.id);
    if (scroll) current.scrollIntoView({ block: 'nearest' });
  }

  private onKey(e: KeyboardEvent) {
    // Korean IME: Enter and the arrows first finish the syllable being composed. (Safari ends a
    // composition with a keydown that is not isComposing but has keyCode 229.)
    if (e.isComposing || Reflect.get(e, 'keyCode') === 229) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.options().length > 0) this.setActive(this.active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      const option = this.options()[Math.max(this.active, 0)] as HTMLAnchorElement | undefined;
      if (option) {
        e.preventDefault();
        this.dialog.close();
        location.assign(option.href);
      }
    }
  }
}

export function mount(host: HTMLElement): SearchDialog {
  return new SearchDialog(host);
}
