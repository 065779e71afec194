// Screenshots of built pages, for looking at the design: light and dark, 1280 px and 360 px.
// Usage: node scripts/screenshots.mjs [out-dir] [/path/ ...]   (run `astro build` first)
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from './ensure-chromium.mjs';
import { serve } from './lib/static-server.mjs';

const [outArg, ...paths] = process.argv.slice(2);
const out = resolve(outArg ?? 'test-results/screenshots');
if (paths.length === 0) paths.push('/');
await mkdir(out, { recursive: true });

const server = await serve(resolve('dist'));
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
try {
  for (const path of paths) {
    for (const width of [1280, 360]) {
      for (const theme of /** @type {const} */ (['light', 'dark'])) {
        const page = await browser.newPage({ viewport: { width, height: width > 500 ? 900 : 780 }, colorScheme: theme });
        await page.goto(server.origin + path);
        const name = `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${width}-${theme}.png`;
        await page.screenshot({ path: resolve(out, name), fullPage: process.env.FULL === '1' });
        console.log(resolve(out, name));
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
