/**
 * axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) finds nothing on any page, in the light and the dark
 * theme, nor in the small-screen states (open menu, open table of contents, copied code).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { builtRoutes, builtHtml, noteRoutes, startSite, type Site } from './support.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const routes = builtRoutes();
let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

async function violations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself, about twice as fast; the default mode opens an extra
  // page per run to merge results across frames, so it is kept for pages that have frames.
  const result = await new AxeBuilder({ page })
    .withTags(TAGS)
    .setLegacyMode(page.frames().length === 1)
    .analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`).join('\n')}`,
  );
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: every page in the ${theme} theme`, async (t) => {
    const context = await site.context({ colorScheme: theme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      for (const route of routes) {
        await t.test(route, async () => {
          await page.goto(route);
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
          assert.deepEqual(await violations(page), []);
        });
      }
    } finally {
      await context.close();
    }
  });
}

const note = noteRoutes(routes).find((r) => builtHtml(r).includes('class="toc"') && builtHtml(r).includes('<pre'));

for (const theme of ['light', 'dark'] as const) {
  test(`axe: 360 px states in the ${theme} theme (menu open, TOC open, code copied)`, { skip: note ? false : 'no note with TOC and code' }, async () => {
    const context = await site.context({ colorScheme: theme, viewport: { width: 360, height: 780 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    try {
      await page.goto(note!);
      await page.locator('.toc summary').click();
      await page.locator('.copy-button').first().click();
      await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent === '복사됨');
      assert.deepEqual(await violations(page), [], 'TOC open, code copied');
      await page.getByRole('button', { name: '목차' }).click();
      assert.ok(await page.locator('#sidebar').isVisible());
      assert.deepEqual(await violations(page), [], 'menu open');
    } finally {
      await context.close();
    }
  });
}
