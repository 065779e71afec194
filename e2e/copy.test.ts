/** The 복사 button on code blocks copies the block's text, by mouse and keyboard, and says so. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { builtRoutes, builtHtml, noteRoutes, startSite, type Site } from './support.ts';

// Notes with at least two code blocks; fall back to any with one.
const notes = noteRoutes(builtRoutes());
const counts = notes.map((r) => [r, builtHtml(r).split('<pre').length - 1] as const);
const route = (counts.find(([, n]) => n >= 2) ?? counts.find(([, n]) => n >= 1))?.[0];

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

test('copy buttons copy the code text and announce 복사됨', { skip: route ? false : 'no note has a code block yet' }, async () => {
  const context = await site.context({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const page = await context.newPage();
  try {
    await page.goto(route!);
    const blocks = page.locator('.prose pre');
    const buttons = page.locator('.code-block > .copy-button');
    const n = await blocks.count();
    assert.ok(n >= 1);
    assert.equal(await buttons.count(), n, 'one button per code block');
    assert.equal((await buttons.first().innerText()).trim(), '복사');

    // Expected text: the block as built (tags stripped, entities decoded), without the last newline.
    const expected = await blocks.first().evaluate((pre) => pre.textContent!.replace(/\n$/, ''));
    assert.ok(expected.trim().length > 0);

    await page.evaluate(() => navigator.clipboard.writeText('-'));
    await buttons.first().click();
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent === '복사됨');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
    assert.equal((await buttons.first().innerText()).trim(), '복사됨');
    assert.equal(await page.locator('.copy-status').getAttribute('role'), 'status', 'a polite live region');

    // The label comes back, and the announcement clears for the next copy.
    await page.waitForFunction(() => document.querySelector('.copy-button')?.textContent === '복사', null, { timeout: 4000 });
    assert.equal(await page.locator('.copy-status').textContent(), '');

    // Keyboard: focus the last block's button, press Enter.
    const lastExpected = await blocks.last().evaluate((pre) => pre.textContent!.replace(/\n$/, ''));
    await page.evaluate(() => navigator.clipboard.writeText('-'));
    await buttons.last().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent === '복사됨');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), lastExpected);
    // And Space, as for any button.
    await page.evaluate(() => navigator.clipboard.writeText('-'));
    await page.keyboard.press('Space');
    await page.waitForFunction((want) => navigator.clipboard.readText().then((t) => t === want), lastExpected);
  } finally {
    await context.close();
  }
});

test('the copied text is the code exactly as written in the source block', { skip: route ? false : 'no code block' }, async () => {
  // Independent of the DOM: decode the first <pre> of the built HTML by hand.
  const html = builtHtml(route!);
  const pre = html.slice(html.indexOf('<pre'), html.indexOf('</pre>'));
  const fromHtml = pre
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
  const context = await site.context();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const page = await context.newPage();
  try {
    await page.goto(route!);
    await page.locator('.copy-button').first().click();
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent === '복사됨');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fromHtml.replace(/\n$/, ''));
  } finally {
    await context.close();
  }
});

test('the 복사 button never covers code, on notes and cheat sheets, wide and narrow', async () => {
  const routes = [route, builtRoutes().find((r) => r.startsWith('/sheets/') && r !== '/sheets/')].filter((r): r is string => !!r);
  assert.ok(routes.length === 2, 'a note and a sheet with code');
  for (const width of [1280, 390]) {
    const context = await site.context({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    try {
      for (const r of routes) {
        await page.goto(r);
        const overlaps = await page.evaluate(() =>
          [...document.querySelectorAll('.code-block')].flatMap((b) => {
            const btn = b.querySelector('.copy-button')?.getBoundingClientRect();
            const code = b.querySelector('pre code')?.getBoundingClientRect();
            if (!btn || !code || !btn.width) return [];
            const hit = btn.left < code.right && code.left < btn.right && btn.top < code.bottom && code.top < btn.bottom;
            return hit ? [(b.querySelector('pre')?.textContent ?? '').slice(0, 40)] : [];
          }),
        );
        assert.deepEqual(overlaps, [], `${r} at ${width}px`);
      }
    } finally {
      await context.close();
    }
  }
});
