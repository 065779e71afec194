// Astro integration: builds the pagefind search index right after `astro build`, into
// <outDir>/pagefind/ — whatever runs the build (npm run build, npm test, the e2e and bench scripts,
// `astro build --outDir …`). Uses pagefind's Node API (the `pagefind` devDependency and its
// platform binary); nothing is downloaded.
//
// Only elements with data-pagefind-body are indexed: the note articles (src/pages/notes/[slug].astro,
// with src/components/search/SearchMeta.astro for the section filter and the `terms` metadata).
// Inside them, navigation is left out: the on-page table of contents, the previous/next links and the
// section eyebrow would otherwise match every query naming a neighbouring page or the section.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

/** Written beside the index: pagefind page id → [title, section, url], for src/search/engine.ts. */
export const PAGES_FILE = 'kubenote-pages.json';

/** @type {import('pagefind').PagefindServiceConfig} */
export const PAGEFIND_CONFIG = {
  excludeSelectors: ['.toc', '.pager', '.eyebrow'],
};

/** @returns {import('astro').AstroIntegration} */
export default function pagefindIndex() {
  return {
    name: 'kubenote:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          if (added.page_count === 0) throw new Error('no page has data-pagefind-body: nothing to index');
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          // pagefind's ready-made UIs are not used (src/components/search/ is the UI): not deployed.
          for (const name of readdirSync(written.outputPath)) {
            if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(name)) rmSync(join(written.outputPath, name));
          }
          const pages = writePages(written.outputPath);
          const stripped = stripIndexOnly(site);
          logger.info(`index-only metadata removed from ${stripped} pages`);
          logger.info(`${pages} pages listed in ${PAGES_FILE}`);
          logger.info(`read ${added.page_count} pages (those with data-pagefind-body indexed) into ${written.outputPath} in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * Lists every indexed page as id → [title, section filter, url], read back from pagefind's own
 * fragments (gzip, "pagefind_dcd" + JSON). The search loads this small file with the index, so it
 * can rank by title, filter by section and list results before any page fragment arrives.
 * @param {string} outputPath the pagefind bundle folder
 * @returns {number} pages listed
 */
export function writePages(outputPath) {
  const dir = join(outputPath, 'fragment');
  /** @type {Record<string, [string, string, string]>} */
  const pages = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.pf_fragment')).sort()) {
    const raw = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    const json = JSON.parse(raw.slice(raw.indexOf('{')));
    pages[name.replace(/\.pf_fragment$/, '')] = [json.meta?.title ?? '', json.filters?.section?.[0] ?? '', json.url];
  }
  writeFileSync(join(outputPath, PAGES_FILE), JSON.stringify(pages));
  return Object.keys(pages).length;
}

/** SearchMeta's element: read by pagefind at build time, of no use in the page afterwards. */
export const INDEX_ONLY = /<div hidden data-pagefind-ignore data-index-only>(?:(?!<\/?div\b)[\s\S])*<\/div>/g;

/**
 * Removes the index-only elements from the built pages once the index is written (a note page
 * ships its search terms only inside the index).
 * @param {string} site the build's output folder
 * @returns {number} pages changed
 */
export function stripIndexOnly(site) {
  let changed = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-index-only')) continue;
    const out = html.replace(INDEX_ONLY, '');
    if (out !== html) {
      writeFileSync(file, out);
      changed++;
    }
  }
  return changed;
}
