/**
 * Printing, checked on real PDFs: Chromium prints the cheat sheets and several note pages, poppler
 * (scripts/ensure-poppler.mjs) reads them back. A4 pages, page counts within the sheets' limits, no
 * navigation text in the PDF's text layer, Korean text extractable, the site name and page numbers in
 * the margin, white paper with light code colours in both screen themes. The first pages are rendered
 * to PNG under test-results/print/ for a human look. The build's own PDF is checked too.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensurePoppler } from '../scripts/ensure-poppler.mjs';
import { builtRoutes, builtHtml, noteRoutes, startSite, watch, DIST, type Site } from './support.ts';

const OUT = join(import.meta.dirname, '..', 'test-results', 'print');
const routes = builtRoutes();
const sheets = routes.filter((r) => r.startsWith('/sheets/'));
const notes = noteRoutes(routes);

/** A few notes that exercise what printing has to handle: diagrams, self-checks, runnable blocks, long pages. */
function sampleNotes(): string[] {
  const pick = (f: (html: string) => boolean) => notes.find((r) => f(builtHtml(r)));
  const chosen = [
    pick((h) => h.includes('class="dg')),
    pick((h) => h.includes('class="selfcheck')),
    pick((h) => h.includes('<run-block') && h.includes('callout mistake')),
    notes.find((r) => r.includes('tips-1')),
    notes.find((r) => r.includes('kubeadm-upgrade')),
  ].filter((r): r is string => !!r);
  return [...new Set(chosen)];
}

/** Text of the site's chrome: none of it may reach paper (unless the page's own content says it). */
const CHROME = ['본문으로 건너뛰기', '강의 목차', '이 페이지의 내용', '← 이전', '다음 →', '섹션 개요', '검색', '테마', '복사', '▶ 실행', '클러스터 보기', '터미널 열기', '인쇄할 섹션', 'PDF로 내려받기', 'kubenote — 쿠버네티스'];
const SITE_NAME = 'kubenote · 쿠버네티스 CKA 학습 노트';

let poppler = '';
let site: Site;
before(async () => {
  poppler = ensurePoppler();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const tool = (name: string, args: string[]) => execFileSync(join(poppler, name), args, { encoding: 'utf8', maxBuffer: 64 << 20 });

interface PdfFacts {
  pages: number;
  size: string;
  text: string;
}

function readPdf(file: string): PdfFacts {
  const info = tool('pdfinfo', [file]);
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    size: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '',
    text: tool('pdftotext', ['-enc', 'UTF-8', file, '-']),
  };
}

/** Mean brightness (0–1) of page `n` rendered small, and the PNG kept for a look. */
function paperBrightness(file: string, n: number, png: string): number {
  tool('pdftoppm', ['-r', '60', '-f', String(n), '-l', String(n), '-png', '-singlefile', file, png]);
  const ppm = execFileSync(join(poppler, 'pdftoppm'), ['-r', '20', '-f', String(n), '-l', String(n), '-singlefile', file]);
  // P6 header: "P6\n<w> <h>\n255\n", then RGB bytes.
  let i = 0;
  for (let fields = 0; fields < 4; ) {
    while (/\s/.test(String.fromCharCode(ppm[i]))) i++;
    while (!/\s/.test(String.fromCharCode(ppm[i]))) i++;
    fields++;
  }
  const pixels = ppm.subarray(i + 1);
  let sum = 0;
  for (const b of pixels) sum += b;
  return sum / pixels.length / 255;
}

/** Prints `route` to a PDF in the given screen theme; returns the file. */
async function printRoute(route: string, theme: 'light' | 'dark', prepare?: (page: Page) => Promise<void>, format: 'A4' | 'Letter' = 'A4'): Promise<{ file: string; problems: string[]; content: string }> {
  const context = await site.context({ colorScheme: theme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watch(page, site.origin);
  try {
    await page.goto(route);
    await page.evaluate(() => document.fonts.ready);
    if (prepare) await prepare(page);
    const content = await page.evaluate(() => (document.querySelector('article') as HTMLElement | null)?.innerText ?? '');
    const file = join(OUT, `${route.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${theme}${format === 'A4' ? '' : '-letter'}.pdf`);
    await page.pdf({ path: file, format, printBackground: true });
    return { file, problems, content };
  } finally {
    await context.close();
  }
}

function assertNoChrome(route: string, text: string, content: string) {
  const leaked = CHROME.filter((s) => text.includes(s) && !content.includes(s));
  assert.deepEqual(leaked, [], `${route}: navigation text on paper`);
}

const hangul = (text: string) => (text.match(/[가-힣]/g) ?? []).length;

test('the sheets exist: the all-in-one and one per section', () => {
  assert.ok(sheets.includes('/sheets/'), sheets.join(' '));
  assert.ok(sheets.length >= 6, sheets.join(' '));
});

test('each cheat sheet prints on A4 within its page limit, text extractable, no navigation, in both themes', async (t) => {
  for (const route of sheets) {
    for (const theme of ['dark', 'light'] as const) {
      if (theme === 'light' && route !== '/sheets/') continue;
      await t.test(`${route} (${theme})`, async () => {
        const { file, problems, content } = await printRoute(route, theme);
        const pdf = readPdf(file);
        const limit = route === '/sheets/' ? 4 : 1;
        assert.match(pdf.size, /\(A4\)/, `${route}: ${pdf.size}`);
        assert.ok(pdf.pages >= 1 && pdf.pages <= limit, `${route}: ${pdf.pages} pages, at most ${limit}`);
        assert.ok(hangul(pdf.text) > (route === "/sheets/" ? 300 : 20), `${route}: Korean text in the PDF (${hangul(pdf.text)} syllables)`);
        assert.ok(pdf.text.includes('kubectl'), `${route}: commands in the PDF`);
        assert.ok(pdf.text.includes(SITE_NAME), `${route}: the site name in the margin`);
        assert.match(pdf.text, new RegExp(`\\b1\\s*/\\s*${pdf.pages}\\b`), `${route}: page numbers in the margin`);
        assertNoChrome(route, pdf.text, content);
        assert.ok(!pdf.text.includes('준비: 이 노트의 블록보다'), `${route}: setup blocks stay off paper`);
        const brightness = paperBrightness(file, 1, join(OUT, `${route.replace(/\//g, '_')}-${theme}-p1`));
        assert.ok(brightness > 0.85, `${route} (${theme}): paper is light (mean ${brightness.toFixed(2)})`);
        assert.deepEqual(problems, []);
      });
    }
  }
});

test('the all-in-one sheet with every section also fits 4 US Letter pages', async () => {
  const { file } = await printRoute('/sheets/', 'light', undefined, 'Letter');
  const pdf = readPdf(file);
  assert.match(pdf.size, /\(letter\)/i);
  assert.ok(pdf.pages <= 4, `${pdf.pages} Letter pages`);
});

test('on paper: three columns, every item whole, headings inside the item they head, light code colours in the dark theme', async () => {
  const context = await site.context({ colorScheme: 'dark' });
  const page = await context.newPage();
  try {
    await page.goto('/sheets/');
    await page.emulateMedia({ media: 'print' });
    const facts = await page.evaluate(() => {
      const body = document.querySelector('.sheet-body')!;
      const items = [...document.querySelectorAll('.sheet-item')];
      const headings = [...body.querySelectorAll('h2, h3')];
      // Token spans: the light colour is the span's --shiki-light (inline, or from a token class).
      const spans = ([...document.querySelectorAll('.sheet-body .astro-code span')] as HTMLElement[])
        .filter((s) => !s.children.length && getComputedStyle(s).getPropertyValue('--shiki-light').trim())
        .slice(0, 200);
      return {
        columns: getComputedStyle(body).columnCount,
        whole: items.filter((i) => getComputedStyle(i).breakInside !== 'avoid').length,
        orphanHeadings: headings.filter((h) => !h.parentElement?.classList.contains('sheet-item') || !h.nextElementSibling).map((h) => h.textContent),
        darkCode: spans.filter((s) => {
          const light = getComputedStyle(s).getPropertyValue('--shiki-light').trim();
          const probe = document.createElement('span');
          probe.style.color = light;
          document.body.append(probe);
          const want = getComputedStyle(probe).color;
          probe.remove();
          return getComputedStyle(s).color !== want;
        }).length,
        checked: spans.length,
        bodyBg: getComputedStyle(document.body).backgroundColor,
        visibleChrome: ['.site-header', '.sheet-picker', '.sheet-links', '.run-bar', '.run-page', '.copy-button', '.sheet-item-setup']
          .filter((sel) => [...document.querySelectorAll(sel)].some((e) => (e as HTMLElement).offsetParent !== null)),
      };
    });
    assert.equal(facts.columns, '3');
    assert.equal(facts.whole, 0, 'items that may break');
    assert.deepEqual(facts.orphanHeadings, []);
    assert.ok(facts.checked > 50, `${facts.checked} code spans checked`);
    assert.equal(facts.darkCode, 0, 'code spans not in the light theme colour');
    assert.equal(facts.bodyBg, 'rgb(255, 255, 255)');
    assert.deepEqual(facts.visibleChrome, []);
  } finally {
    await context.close();
  }
});

test('the reader chooses the sections of their own sheet; the choice is kept', async () => {
  const context = await site.context({ colorScheme: 'light' });
  const page = await context.newPage();
  try {
    await page.goto('/sheets/');
    const picker = page.locator('sheet-picker');
    await picker.waitFor({ state: 'visible' });
    const boxes = picker.locator('input[type=checkbox]');
    const n = await boxes.count();
    assert.ok(n >= 6, `${n} sections to choose from`);
    // Keep only the exam tips.
    for (let i = 0; i < n; i++) {
      const box = boxes.nth(i);
      if ((await box.getAttribute('value')) !== 'exam-tips') await box.uncheck();
    }
    assert.equal(await page.locator('.sheet-section[data-print="skip"]').count(), n - 1);
    await page.reload();
    await picker.waitFor({ state: 'visible' });
    assert.equal(await page.locator('.sheet-section[data-print="skip"]').count(), n - 1, 'the choice survives a reload');
    const file = join(OUT, 'sheets-chosen.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    const pdf = readPdf(file);
    assert.equal(pdf.pages, 1);
    assert.ok(pdf.text.includes('시험팁'));
    assert.ok(!pdf.text.includes('클러스터 유지보수') && !pdf.text.includes('단축 이름'), 'left-out sections are not printed');
  } finally {
    await context.close();
  }
});

test('note pages print cleanly: content, code and diagrams only, on A4, in both themes', async (t) => {
  const chosen = sampleNotes();
  assert.ok(chosen.length >= 3, chosen.join(' '));
  for (const route of chosen) {
    for (const theme of ['dark', 'light'] as const) {
      if (theme === 'light' && route !== chosen[0]) continue;
      await t.test(`${route} (${theme})`, async () => {
        const { file, problems, content } = await printRoute(route, theme);
        const pdf = readPdf(file);
        const html = builtHtml(route);
        assert.match(pdf.size, /\(A4\)/);
        assert.ok(hangul(pdf.text) > 50, `${route}: Korean text in the PDF`);
        const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1]?.trim() ?? '';
        assert.ok(title && pdf.text.replace(/\s+/g, ' ').includes(title.replace(/&amp;/g, '&').replace(/\s+/g, ' ')), `${route}: title "${title}" on paper`);
        assert.ok(pdf.text.includes(SITE_NAME), `${route}: the site name in the margin`);
        assertNoChrome(route, pdf.text, content);
        if (html.includes('<pre')) assert.ok(/kubectl|apiVersion|kubeadm|etcdctl/.test(pdf.text), `${route}: code on paper`);
        const caption = /<figcaption[^>]*>([^<]+)<\/figcaption>/.exec(html)?.[1]?.trim();
        if (caption) assert.ok(pdf.text.replace(/\s+/g, ' ').includes(caption.slice(0, 12)), `${route}: the diagram's caption on paper`);
        const brightness = paperBrightness(file, 1, join(OUT, `${route.replace(/\//g, '_')}-${theme}-p1`));
        assert.ok(brightness > 0.85, `${route} (${theme}): paper is light (mean ${brightness.toFixed(2)})`);
        assert.deepEqual(problems, []);
      });
    }
  }
});

test('the build made the all-in-one sheet as an A4 PDF, linked from the sheet', async () => {
  const html = builtHtml('/sheets/');
  const links = [...html.matchAll(/href="(\/sheets\/[^"]+\.pdf)"/g)].map((m) => m[1]);
  assert.ok(links.length >= 1, 'the sheet links its PDF');
  for (const href of links) {
    const file = join(DIST, href);
    assert.ok(existsSync(file), `${href} is in the build`);
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
    const pdf = readPdf(file);
    assert.ok(pdf.pages <= 4, `${href}: ${pdf.pages} pages`);
    assert.match(pdf.size, href.includes('letter') ? /\(letter\)/i : /\(A4\)/);
    assert.ok(hangul(pdf.text) > 100 && pdf.text.includes(SITE_NAME));
    const res = await fetch(site.origin + href);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
  }
});
