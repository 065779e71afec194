/** Printing a note leaves the note: no header, menu, table of contents, pager or buttons. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { builtRoutes, builtHtml, noteRoutes, startSite, type Site } from './support.ts';

const notes = noteRoutes(builtRoutes());
const route = notes.find((r) => builtHtml(r).includes('<pre') && builtHtml(r).includes('class="toc"')) ?? notes[0];
let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

test('print hides navigation and buttons, keeps the note, in light colours', async () => {
  const context = await site.context({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(route);
    const chrome = ['.site-header', '#sidebar', '.toc', '.pager', '.copy-button', '.site-footer'];
    const visible = async () => {
      const out: string[] = [];
      for (const sel of chrome) if ((await page.locator(sel).count()) && (await page.locator(sel).first().isVisible())) out.push(sel);
      return out;
    };
    assert.ok((await visible()).length >= 3, 'on screen the navigation shows');
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await visible(), []);
    assert.ok(await page.locator('h1').isVisible());
    assert.ok(await page.locator('.prose').isVisible());
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  } finally {
    await context.close();
  }
});
