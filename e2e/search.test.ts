/**
 * The search dialog: nothing of it loads before the first open; `/`, Ctrl+K and the header button
 * open it; typing shows Korean results with headings and highlighted excerpts; ↑/↓ move, Enter opens,
 * Esc closes and gives focus back; section chips narrow the results; user text is shown as text;
 * full screen at 360 px; axe finds nothing with the dialog open, in both themes and both widths.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { startSite, watch, type Site } from './support.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NOTE = '/notes/20-pods/';
let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

async function withPage(options: BrowserContextOptions, fn: (page: Page, problems: string[], requests: string[]) => Promise<void>) {
  const context = await site.context({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = watch(page, site.origin);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await fn(page, problems, requests);
  } finally {
    await context.close();
  }
}

const dialog = (page: Page) => page.locator('dialog.search-dialog');
const input = (page: Page) => page.locator('#search-input');
const status = (page: Page) => page.locator('#search-status');
const options = (page: Page) => page.locator('#search-results [role="option"]');

/** Types a query and waits until the dialog shows its results for it. */
async function searchFor(page: Page, q: string) {
  const rendered = page.evaluate(
    (query) =>
      new Promise<void>((ok) => {
        const host = document.querySelector('site-search')!;
        const on = (e: Event) => {
          if ((e as CustomEvent<{ query: string }>).detail.query !== query) return;
          host.removeEventListener('search-rendered', on);
          ok();
        };
        host.addEventListener('search-rendered', on);
      }),
    q.trim(),
  );
  await input(page).fill(q);
  await rendered;
}

const selected = (page: Page) =>
  page.evaluate(() => {
    const input = document.querySelector('#search-input')!;
    const active = input.getAttribute('aria-activedescendant');
    const chosen = [...document.querySelectorAll('#search-results [aria-selected="true"]')].map((o) => o.id);
    return { active, chosen };
  });

test('nothing of the search loads before the first open; the button, / and Ctrl+K open it, Esc closes', async () => {
  await withPage({}, async (page, problems, requests) => {
    await page.goto(NOTE);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(requests.filter((p) => p.includes('pagefind') || p.includes('dialog')), [], 'no search request before opening');
    assert.equal(await dialog(page).count(), 0, 'the dialog is built on the first open');

    await page.keyboard.press('/');
    await dialog(page).waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    await page.waitForResponse((r) => r.url().includes('/pagefind/') && r.url().endsWith('.pf_meta'));
    assert.ok(requests.some((p) => p.endsWith('/pagefind/pagefind.js')), 'pagefind loads on the first open');
    assert.equal(await input(page).inputValue(), '', 'the / that opened the dialog is not typed into it');

    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('search-button')), true, 'focus returns to the button');

    await page.keyboard.press('Control+k');
    await dialog(page).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: '닫기' }).click();
    await dialog(page).waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '검색' }).click();
    await dialog(page).waitFor({ state: 'visible' });
    assert.deepEqual(problems, []);
  });
});

test('typing shows Korean results: count, title, heading, highlighted excerpt; ↑/↓ move; Enter opens', async () => {
  await withPage({}, async (page, problems) => {
    await page.goto(NOTE);
    await page.keyboard.press('Control+k');
    await searchFor(page, '톨러레이션이 뭐야');
    assert.match((await status(page).textContent()) ?? '', /^\d+개 결과$/);
    const first = options(page).first();
    assert.match((await first.locator('.search-hit-title').textContent()) ?? '', /톨러레이션/);
    assert.ok((await page.locator('#search-results mark').count()) > 0, 'matched words are marked');
    assert.ok((await page.locator('#search-results .search-hit-heading').count()) > 0, 'a matching section heading is shown');
    assert.match((await page.locator('.search-also').textContent()) ?? '', /함께 찾은 표현: .*톨러레이션/);

    assert.equal((await selected(page)).active, 'search-hit-0');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await selected(page), { active: 'search-hit-1', chosen: ['search-hit-1'] });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    assert.deepEqual(await selected(page), { active: 'search-hit-1', chosen: ['search-hit-1'] });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const count = await options(page).count();
    assert.equal((await selected(page)).active, `search-hit-${count - 1}`, '↑ from the first wraps to the last');
    await page.keyboard.press('ArrowDown');

    const href = await page.locator('#search-hit-0').getAttribute('href');
    await Promise.all([page.waitForURL((u) => u.pathname + u.hash === decodeURI(href!) || u.href.endsWith(href!)), page.keyboard.press('Enter')]);
    assert.ok(new URL(page.url()).pathname.startsWith('/notes/'));
    assert.deepEqual(problems, []);
  });
});

test('section chips narrow the results; an unknown word gets the Korean empty state; user text stays text', async () => {
  await withPage({}, async (page, problems) => {
    await page.goto(NOTE);
    await page.keyboard.press('/');
    await searchFor(page, '파드');
    const all = Number(((await status(page).textContent()) ?? '').match(/(\d+)개 결과/)?.[1]);
    const chip = page.locator('.search-chip[data-section="scheduling"]');
    const counted = Number(await chip.locator('.search-chip-count').textContent());
    assert.equal(await page.locator('.search-chip[data-section=""] .search-chip-count').textContent(), String(all), '전체 shows the total');
    await chip.click();
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.startsWith('스케줄링에서'));
    const some = Number(((await status(page).textContent()) ?? '').match(/(\d+)개 결과/)?.[1]);
    assert.ok(some > 0 && some < all, `${some} of ${all}`);
    assert.equal(some, counted, 'the chip said how many');
    assert.deepEqual([...new Set(await page.locator('.search-hit-section').allTextContents())], ['스케줄링']);
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    await page.locator('.search-chip[data-section=""]').click();

    await searchFor(page, 'zzzqx');
    assert.match((await status(page).textContent()) ?? '', /^‘zzzqx’에 맞는 노트가 없습니다\./);
    assert.equal(await options(page).count(), 0);

    const evil = '<img src=x onerror="window.pwned=1">';
    await searchFor(page, evil);
    assert.equal(await page.locator('dialog img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    assert.equal(await input(page).inputValue(), evil);
    const said = (await status(page).textContent()) ?? '';
    if (said.includes('없습니다')) assert.ok(said.includes(`‘${evil}’`), said);
    assert.deepEqual(problems, []);
  });
});

test('at 360 px the dialog fills the screen', async () => {
  await withPage({ viewport: { width: 360, height: 780 } }, async (page) => {
    await page.goto(NOTE);
    await page.getByRole('button', { name: '검색' }).click();
    await searchFor(page, '테인트');
    const box = await dialog(page).boundingBox();
    assert.deepEqual(box && [box.x, box.y, box.width, box.height], [0, 0, 360, 780]);
    const overflow = await page.evaluate(() => document.querySelector('.search-panel')!.scrollWidth - 360);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
  });
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 360]) {
    test(`axe: no violations with the dialog open and results shown (${theme}, ${width} px)`, async () => {
      await withPage({ colorScheme: theme, viewport: { width, height: width > 500 ? 900 : 780 } }, async (page) => {
        await page.goto(NOTE);
        await page.keyboard.press('/');
        await searchFor(page, '파드를 스케줄링');
        await page.keyboard.press('ArrowDown');
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        assert.deepEqual(
          result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
          [],
        );
      });
    });
  }
}
