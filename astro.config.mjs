// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import pagefindIndex from './src/search/pagefind-integration.mjs';
import sheetPdf from './src/lib/sheet/pdf-integration.mjs';
import { runnableBlocks } from './src/lib/remark-runnable.ts';
import { compactShiki } from './src/lib/shiki-compact.ts';

/**
 * @astrojs/mdx marks every compiled MDX module with the directive "use astro:head-inject", which
 * Astro reads from the module graph itself; rolldown only warns that it cannot keep the directive in
 * the bundle. That one warning is expected, so it is dropped; every other warning is passed on.
 * @param {{ code?: string, message: string }} warning
 * @param {(warning: any) => void} warn
 */
function onwarn(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
  warn(warning);
}

/**
 * src/sim/api/schema/explain.ts imports the field descriptions (~375 KB) that only `kubectl explain`
 * prints. In the browser bundle that import resolves to a stand-in the simulator worker fills on
 * demand (src/components/run/descriptions-lazy.ts), so the simulator chunk stays small. Only the
 * browser code imports the simulator through Vite; Node (tests, kubesim) keeps the plain import.
 * @returns {import('vite').Plugin}
 */
function lazyDescriptions() {
  const standIn = fileURLToPath(new URL('./src/components/run/descriptions-lazy.ts', import.meta.url));
  return {
    name: 'kubenote:lazy-descriptions',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.endsWith('/generated/descriptions.json') && importer?.replace(/\\/g, '/').endsWith('/api/schema/explain.ts')) return standIn;
      return null;
    },
  };
}

// Static site: everything heavy happens at build time (MDX, shiki, pagefind).
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  // pagefindIndex: the search index, written to <outDir>/pagefind/ after every build.
  // sheetPdf: the all-in-one cheat sheet as an A4 PDF, written to <outDir>/sheets/ after every build.
  integrations: [mdx(), pagefindIndex(), sheetPdf()],
  markdown: {
    // Sätteri (Astro 7's Markdown/MDX processor) with one mdast step: runnable code blocks.
    processor: satteri({ mdastPlugins: [runnableBlocks()] }),
    shikiConfig: {
      // The "-default" GitHub themes: every token colour meets WCAG AA (4.5:1) on the theme's own
      // background (plain github-dark's comment grey does not).
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      wrap: false,
      // A class per token colour pair instead of inline styles, no line wrappers (src/lib/shiki-compact.ts).
      transformers: [compactShiki()],
    },
  },
  build: { inlineStylesheets: 'always' },
  vite: { build: { rolldownOptions: { onwarn } }, plugins: [lazyDescriptions()], worker: { format: 'es', plugins: () => [lazyDescriptions()] } },
  devToolbar: { enabled: false },
});
