/**
 * Every page the build produced: it renders (one h1, a title, landmarks), loads without console
 * errors or failed requests, asks no other host for anything, links only to pages and anchors that
 * exist, and fits a 360 px wide screen without horizontal scrolling.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtRoutes, noteRoutes, startSite, watch, DIST, type Site } from './support.ts';

const routes = builtRoutes();
let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

/** Whether an internal link target is something the build produced. */
function exists(pathname: string): boolean {
  const decoded = decodeURIComponent(pathname);
  if (decoded.endsWith('/')) return existsSync(join(DIST, decoded, 'index.html'));
  return existsSync(join(DIST, decoded));
}

test('the build produced the home page, six section pages, note pages and a 404 page', () => {
  assert.ok(routes.includes('/'));
  assert.ok(routes.includes('/404.html'));
  assert.equal(routes.filter((r) => r.startsWith('/sections/')).length, 6);
  assert.ok(noteRoutes(routes).length > 0, 'no note pages');
});

for (const route of routes) {
  test(`page ${route}`, async () => {
    const context = await site.context({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watch(page, site.origin);
    try {
      const response = await page.goto(route, { waitUntil: 'load' });
      assert.equal(response?.status(), 200);

      assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
      assert.notEqual((await page.locator('h1').innerText()).trim(), '', 'h1 has text');
      assert.match(await page.title(), /\S.*kubenote|kubenote.*\S/, 'title names the page and the site');
      assert.equal(await page.getAttribute('html', 'lang'), 'ko');
      for (const landmark of ['header', 'main', 'footer']) {
        assert.equal(await page.locator(`body > ${landmark}, body > .page > ${landmark}`).count(), 1, landmark);
      }

      // Every link goes somewhere real: same-page anchors to an id, internal paths to built files.
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      const ids = new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id)));
      for (const href of links) {
        const url = new URL(href);
        if (url.origin !== site.origin) continue;
        if (url.pathname === new URL(page.url()).pathname && url.hash) {
          assert.ok(ids.has(decodeURIComponent(url.hash.slice(1))), `anchor ${url.hash} exists`);
        } else {
          assert.ok(exists(url.pathname), `link target ${url.pathname} exists`);
        }
      }

      // 360 px: the page never scrolls sideways (code blocks scroll inside themselves).
      await page.setViewportSize({ width: 360, height: 780 });
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5 && !el.closest('pre'))
          .filter((el) => getComputedStyle(el).display !== 'none' && !el.closest('[popover]:not(:popover-open)'))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide };
      });
      assert.ok(
        overflow.scrollWidth <= overflow.clientWidth,
        `horizontal scroll at 360 px: ${overflow.scrollWidth} > ${overflow.clientWidth} (${overflow.wide.join(', ')})`,
      );

      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('an unknown address gets the 404 page with status 404', async () => {
  const context = await site.context();
  const page = await context.newPage();
  try {
    const response = await page.goto('/notes/no-such-note/');
    assert.equal(response?.status(), 404);
    assert.equal(await page.locator('h1').innerText(), '페이지를 찾을 수 없습니다');
  } finally {
    await context.close();
  }
});

test('the home page maps every note page, grouped in the six sections', async () => {
  const context = await site.context();
  const page = await context.newPage();
  try {
    await page.goto('/');
    const sections = page.locator('.course-map > li');
    assert.equal(await sections.count(), 6);
    const linked = await page.$$eval('.course-map .map-topics a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.deepEqual([...linked].sort(), noteRoutes(routes));
    // Each section shows a title linked to its section page and a summary.
    for (let i = 0; i < 6; i++) {
      const s = sections.nth(i);
      assert.match((await s.locator('h3 a').getAttribute('href')) ?? '', /^\/sections\/[a-z-]+\/$/);
      assert.notEqual((await s.locator('.map-summary').innerText()).trim(), '');
    }
  } finally {
    await context.close();
  }
});
