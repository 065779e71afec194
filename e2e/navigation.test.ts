/** Sidebar, previous/next, table of contents, mobile menu and skip link, driven as a reader would. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { builtRoutes, noteRoutes, startSite, type Site } from './support.ts';

const notes = noteRoutes(builtRoutes());
let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const pathOf = (href: string) => new URL(href).pathname;

test('sidebar marks the current page and lists the topics of its section only', async () => {
  const context = await site.context({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    for (const route of [notes[0], notes[Math.floor(notes.length / 2)], notes[notes.length - 1], '/sections/scheduling/']) {
      await page.goto(route);
      const current = page.locator('#sidebar a[aria-current="page"]');
      assert.equal(await current.count(), 1, `${route}: one current link`);
      assert.equal(pathOf(await current.evaluate((a) => (a as HTMLAnchorElement).href)), route);
      assert.ok(await current.isVisible(), `${route}: current link visible`);
      assert.equal(await page.locator('#sidebar a.sidebar-section').count(), 6, `${route}: six section links`);
      assert.equal(await page.locator('#sidebar li:has(> ul)').count(), 1, `${route}: one section lists its topics`);
      assert.equal(await page.locator('#sidebar li:has(> ul) a[aria-current="page"]').count(), 1, `${route}: the current page is in it`);
    }
  } finally {
    await context.close();
  }
});

test('sidebar navigation: another section\'s link opens its overview, whose topic links load the notes', async () => {
  const context = await site.context({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(notes[0]);
    const section = page.locator('#sidebar li:not(:has(> ul)) > a.sidebar-section').last();
    const sectionHref = (await section.getAttribute('href'))!;
    await section.click();
    await page.waitForURL(`**${sectionHref}`);
    assert.equal(await page.locator('#sidebar a[aria-current="page"]').getAttribute('href'), sectionHref);
    // Now that section lists its topics; the first one loads that note.
    const link = page.locator('#sidebar li:has(> ul) a[href^="/notes/"]').first();
    const title = (await link.locator('span').last().innerText()).trim();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    assert.equal((await page.locator('h1').innerText()).trim(), title);
    assert.equal(await page.locator('#sidebar a[aria-current="page"]').getAttribute('href'), href);
  } finally {
    await context.close();
  }
});

test('next links walk the whole course in sidebar order, previous links walk it back', async () => {
  const context = await site.context({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    // The course order: each section's page lists that section's topics in the sidebar.
    await page.goto(notes[0]);
    const order: string[] = [];
    for (const route of await page.$$eval('#sidebar a.sidebar-section', (as) => as.map((a) => a.getAttribute('href')!))) {
      await page.goto(route);
      order.push(...(await page.$$eval('#sidebar li:has(> ul) a[href^="/notes/"]', (as) => as.map((a) => a.getAttribute('href')!))));
    }
    assert.deepEqual([...order].sort(), notes, 'the sections list every note page once');

    await page.goto('/');
    await page.locator('a.start-link').click();
    await page.waitForURL(/\/notes\//);

    const forward = [pathOf(page.url())];
    assert.equal(await page.locator('a[rel="prev"]').count(), 0, 'the first note has no previous');
    while ((await page.locator('a[rel="next"]').count()) > 0) {
      const next = page.locator('a[rel="next"]');
      const title = (await next.locator('.pager-title').innerText()).trim();
      await next.click();
      await page.waitForURL((url) => url.pathname !== forward[forward.length - 1]);
      assert.equal((await page.locator('h1').innerText()).trim(), title);
      forward.push(pathOf(page.url()));
      assert.ok(forward.length <= notes.length, 'next links loop');
    }
    assert.deepEqual(forward, order);

    const backward = [pathOf(page.url())];
    while ((await page.locator('a[rel="prev"]').count()) > 0) {
      await page.locator('a[rel="prev"]').click();
      await page.waitForURL((url) => url.pathname !== backward[backward.length - 1]);
      backward.push(pathOf(page.url()));
      assert.ok(backward.length <= notes.length, 'previous links loop');
    }
    assert.deepEqual(backward, [...order].reverse());
  } finally {
    await context.close();
  }
});

test('table of contents lists the h2/h3 headings and its links scroll to them', async () => {
  const context = await site.context({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    let checked = 0;
    for (const route of notes) {
      await page.goto(route);
      const headings = await page.$$eval('.prose :is(h2, h3)[id]', (hs) => hs.map((h) => `#${h.id}`));
      const toc = await page.$$eval('.toc a', (as) => as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).hash)));
      assert.deepEqual(toc, headings, `${route}: TOC matches the headings`);
      if (headings.length < 2 || checked >= 2) continue;
      checked++;
      // Wide screens show the TOC as a column without opening anything; the last entry scrolls.
      const last = page.locator('.toc a').last();
      assert.ok(await last.isVisible());
      await last.click();
      await page.waitForFunction((id) => decodeURIComponent(location.hash) === id, headings[headings.length - 1]);
      const top = await page.locator(`[id="${headings[headings.length - 1].slice(1)}"]`).evaluate((h) => h.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 900, `heading scrolled into view (top ${top})`);
    }
    assert.ok(checked > 0, 'some note has two headings');
  } finally {
    await context.close();
  }
});

test('on a 360 px screen the sidebar is a menu behind the 목차 button', async () => {
  const context = await site.context({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  try {
    // A note with a table of contents.
    let route = '';
    for (const r of notes) {
      await page.goto(r);
      if ((await page.locator('.toc').count()) > 0) {
        route = r;
        break;
      }
    }
    assert.ok(route, 'some note has a table of contents');
    const sidebar = page.locator('#sidebar');
    const button = page.getByRole('button', { name: '목차' });
    assert.equal(await sidebar.isVisible(), false, 'sidebar hidden at first');
    // The table of contents is a closed disclosure here; opening it shows its links.
    const tocLink = page.locator('.toc a').first();
    assert.equal(await tocLink.isVisible(), false, 'TOC closed at first');
    await page.locator('.toc summary').click();
    assert.ok(await tocLink.isVisible(), 'TOC opens');
    await button.click();
    assert.ok(await sidebar.isVisible(), 'menu opens');
    assert.ok(await sidebar.locator('a[aria-current="page"]').isVisible());
    const box = await sidebar.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, 'menu fits the screen');
    await page.keyboard.press('Escape');
    assert.equal(await sidebar.isVisible(), false, 'Escape closes it');
    await button.click();
    await sidebar.getByRole('button', { name: '닫기' }).click();
    assert.equal(await sidebar.isVisible(), false, '닫기 closes it');
    // Following a link from the menu navigates.
    await button.click();
    const target = sidebar.locator('li:has(> ul) a:not([aria-current])').first();
    const href = (await target.getAttribute('href'))!;
    await target.click();
    await page.waitForURL(`**${href}`);
    assert.equal(await page.locator('#sidebar a[aria-current="page"]').getAttribute('href'), href);
  } finally {
    await context.close();
  }
});

test('the skip link is the first tab stop and moves focus to the main content', async () => {
  const context = await site.context({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(notes[0]);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    assert.equal(await skip.evaluate((a) => a === document.activeElement), true);
    assert.ok(await skip.isVisible());
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0, 'skip link visible on screen when focused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  } finally {
    await context.close();
  }
});
