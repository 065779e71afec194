// Astro integration: builds the pagefind search index right after `astro build`, into
// <outDir>/pagefind/ — whatever runs the build (npm run build, npm test, the e2e and bench scripts,
// `astro build --outDir …`). Uses pagefind's Node API (the `pagefind` devDependency and its
// platform binary); nothing is downloaded.
//
// Only elements with data-pagefind-body are indexed: the note articles (src/pages/notes/[slug].astro,
// with src/components/search/SearchMeta.astro for the section filter and the `terms` metadata).
// Inside them, navigation is left out: the on-page table of contents, the previous/next links and the
// section eyebrow would otherwise match every query naming a neighbouring page or the section.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

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
          logger.info(`read ${added.page_count} pages (those with data-pagefind-body indexed) into ${written.outputPath} in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
