/**
 * Shared e2e plumbing: the built site served from dist/ on a free port, the list of its routes,
 * a system Chromium, and a watcher for console errors, failed or foreign requests.
 */
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { serve } from '../scripts/lib/static-server.mjs';
import { builtRoutes as routesIn, readRoute } from '../scripts/lib/routes.mjs';
import { ensureChromium, CHROMIUM_ARGS } from '../scripts/ensure-chromium.mjs';

/** The built site; KUBENOTE_DIST points the tests at another build (e.g. `astro build --outDir`). */
export const DIST = process.env.KUBENOTE_DIST ?? join(import.meta.dirname, '..', 'dist');

/** Every page the build produced, as URL paths: "/", "/notes/31-…/", "/404.html". */
export function builtRoutes(dist = DIST): string[] {
  const routes = routesIn(dist);
  if (routes.length === 0) throw new Error(`no pages in ${dist}: run \`astro build\` first`);
  return routes;
}

export const noteRoutes = (routes: string[]) => routes.filter((r) => r.startsWith('/notes/'));

export function builtHtml(route: string, dist = DIST): string {
  return readRoute(dist, route);
}

export interface Site {
  origin: string;
  browser: Browser;
  /** A new context that can only reach the site (anything else is aborted and reported). */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const origin = server.origin;
  return {
    origin,
    browser,
    async context(options = {}) {
      const context = await browser.newContext({ baseURL: origin, ...options });
      await context.route(
        (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
        (route) => route.abort('blockedbyclient'),
      );
      return context;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Collects what should never happen on a page: console errors, uncaught exceptions, failed
 * requests, HTTP errors, and requests to any other host than the site.
 */
export function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) problems.push(`foreign request: ${r.url()}`);
  });
  // ERR_ABORTED is the browser cancelling a request because the page moved on (a favicon still
  // loading when a test navigates); a file that is really missing shows as an HTTP 404 below.
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${reason})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}
