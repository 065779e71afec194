// Astro integration: prints the all-in-one cheat sheet (/sheets/) to an A4 PDF right after `astro
// build`, into <outDir>/sheets/ (the page links it; Letter readers print the page itself, whose
// layout fits both papers) — whatever runs the build (npm run build,
// npm test, `astro build --outDir …`). Headless system Chromium through playwright-core, as the e2e
// tests drive it (scripts/ensure-chromium.mjs), offline: the page is served from the build output
// and any other request is refused.
//
// Without a Chromium (and none installable), or with KUBENOTE_SHEET_PDF=0, the build still succeeds:
// it warns and takes the download links out of the built page, so nothing links to a missing file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from '../../../scripts/ensure-chromium.mjs';
import { serve } from '../../../scripts/lib/static-server.mjs';

/** Kept in step with SHEET_PDFS in ./links.ts (the page's links). */
export const SHEET_PDF_FILES = [{ format: 'A4', path: 'sheets/kubenote-cka-sheet-a4.pdf' }];

/** Removes the download links from the built sheet page (marked data-sheet-pdf). */
function dropLinks(site) {
  const file = join(site, 'sheets', 'index.html');
  try {
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, html.replace(/<p\b[^>]*\bdata-sheet-pdf\b[^>]*>[\s\S]*?<\/p>/, ''));
  } catch {
    // No sheet page: nothing links to the PDF.
  }
}

/**
 * Prints `route` of the site in `site` to each of `files`.
 * @param {string} site built site folder
 * @param {{ format: string, path: string }[]} files
 * @param {string} [route]
 */
export async function printSheet(site, files, route = '/sheets/') {
  const server = await serve(site);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ colorScheme: 'light' });
    await context.route((url) => url.origin !== server.origin, (r) => r.abort('blockedbyclient'));
    const page = await context.newPage();
    const response = await page.goto(server.origin + route, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${route}: HTTP ${response?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    for (const f of files) {
      await page.pdf({ path: join(site, f.path), format: f.format, printBackground: true, preferCSSPageSize: false });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** @returns {import('astro').AstroIntegration} */
export default function sheetPdf() {
  return {
    name: 'kubenote:sheet-pdf',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        if (process.env.KUBENOTE_SHEET_PDF === '0') {
          dropLinks(site);
          logger.warn('KUBENOTE_SHEET_PDF=0: no cheat-sheet PDF, download links removed');
          return;
        }
        const started = performance.now();
        try {
          await printSheet(site, SHEET_PDF_FILES);
        } catch (e) {
          dropLinks(site);
          logger.warn(`no cheat-sheet PDF (${/** @type {Error} */ (e).message.split('\n')[0]}); download links removed`);
          return;
        }
        logger.info(`${SHEET_PDF_FILES.map((f) => f.path).join(', ')} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
