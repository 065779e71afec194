/**
 * Dark and light theme: follows the system, the 테마 switch overrides it, the choice survives a
 * reload and other pages, and is applied before the first frame (no flash of the other theme).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { builtRoutes, builtHtml, noteRoutes, startSite, type Site } from './support.ts';

const notes = noteRoutes(builtRoutes());
// A note with a code block, so syntax colours can be checked too.
const withCode = notes.find((r) => builtHtml(r).includes('class="astro-code')) ?? notes[0];
let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

/** The theme as the reader sees it: data-theme, the page background, and a code token's colour. */
async function look(page: Page) {
  return page.evaluate(() => {
    // A coloured token: its class (src/lib/shiki-compact.ts) gives it the theme pair as --shiki-light/-dark.
    const span = document.querySelector<HTMLElement>('.astro-code span[class]');
    const style = span && getComputedStyle(span);
    return {
      theme: document.documentElement.dataset.theme,
      bg: getComputedStyle(document.body).backgroundColor,
      token: style ? style.color : null,
      tokenLight: style?.getPropertyValue('--shiki-light').trim().toLowerCase() ?? null,
      tokenDark: style?.getPropertyValue('--shiki-dark').trim().toLowerCase() ?? null,
    };
  });
}
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(13, 17, 23)';
const hex = (rgb: string | null) =>
  rgb && '#' + (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');

for (const scheme of ['light', 'dark'] as const) {
  test(`without a stored choice the page follows the system (${scheme})`, async () => {
    const context = await site.context({ colorScheme: scheme });
    const page = await context.newPage();
    try {
      await page.goto(withCode);
      const seen = await look(page);
      assert.equal(seen.theme, scheme);
      assert.equal(seen.bg, scheme === 'dark' ? DARK_BG : LIGHT_BG);
      assert.equal(await page.locator('theme-switch select').inputValue(), 'auto');
      if (seen.token) assert.equal(hex(seen.token), scheme === 'dark' ? seen.tokenDark : seen.tokenLight, 'code token colour');
    } finally {
      await context.close();
    }
  });
}

test('choosing 어둡게 switches at once, persists across reload and pages, without a flash', async () => {
  const context = await site.context({ colorScheme: 'light' });
  // Record the theme and background at the first animation frame, i.e. before the first paint.
  await context.addInitScript(() => {
    requestAnimationFrame(() => {
      (window as unknown as { firstFrame: unknown }).firstFrame = {
        theme: document.documentElement.dataset.theme,
        bg: document.body ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.documentElement).colorScheme,
      };
    });
  });
  const page = await context.newPage();
  const firstFrame = () => page.waitForFunction(() => (window as unknown as { firstFrame?: unknown }).firstFrame).then((h) => h.jsonValue());
  try {
    await page.goto(withCode);
    assert.deepEqual(await firstFrame(), { theme: 'light', bg: LIGHT_BG });

    await page.getByLabel('테마').selectOption('dark');
    const dark = await look(page);
    assert.equal(dark.theme, 'dark');
    assert.equal(dark.bg, DARK_BG);
    if (dark.token) assert.equal(hex(dark.token), dark.tokenDark);
    assert.equal(await page.evaluate(() => localStorage.getItem('kubenote-theme')), 'dark');

    await page.reload();
    assert.deepEqual(await firstFrame(), { theme: 'dark', bg: DARK_BG }, 'dark before the first paint after reload');
    assert.equal(await page.locator('theme-switch select').inputValue(), 'dark');

    await page.goto('/');
    assert.deepEqual(await firstFrame(), { theme: 'dark', bg: DARK_BG }, 'dark on another page');

    await page.getByLabel('테마').selectOption('light');
    assert.equal((await look(page)).bg, LIGHT_BG);
    await page.reload();
    assert.deepEqual(await firstFrame(), { theme: 'light', bg: LIGHT_BG });
  } finally {
    await context.close();
  }
});

test('choosing 시스템 forgets the choice and follows the system live', async () => {
  const context = await site.context({ colorScheme: 'dark' });
  const page = await context.newPage();
  try {
    await page.goto(notes[0]);
    await page.getByLabel('테마').selectOption('light');
    assert.equal((await look(page)).theme, 'light');
    await page.getByLabel('테마').selectOption('auto');
    assert.equal(await page.evaluate(() => localStorage.getItem('kubenote-theme')), null);
    assert.equal((await look(page)).theme, 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.equal((await look(page)).bg, LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal((await look(page)).bg, DARK_BG);
  } finally {
    await context.close();
  }
});

test('the theme switch works from the keyboard', async () => {
  const context = await site.context({ colorScheme: 'light' });
  const page = await context.newPage();
  try {
    await page.goto('/');
    const select = page.getByLabel('테마');
    await select.focus();
    await page.keyboard.press('ArrowDown'); // 시스템 → 밝게
    await page.keyboard.press('ArrowDown'); // 밝게 → 어둡게
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal(await page.evaluate(() => localStorage.getItem('kubenote-theme')), 'dark');
  } finally {
    await context.close();
  }
});
