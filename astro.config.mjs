// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import pagefindIndex from './src/search/pagefind-integration.mjs';
import sheetPdf from './src/lib/sheet/pdf-integration.mjs';
import cssPrune from './src/lib/css-prune.mjs';
import { runnableBlocks } from './src/lib/remark-runnable.ts';
import { compactShiki } from './src/lib/shiki-compact.ts';
import { lazyModules, lazyRegistryPath } from './src/lib/lazy-modules.mjs';

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

/**
 * Vite wraps every dynamic import of the browser code in its preload helper (`__vitePreload`,
 * ~1.8 KB, a chunk of its own that every reading page loads before any interaction) so that it can
 * preload the imported chunk's dependencies and wait for its CSS. The site's lazy chunks (run UI,
 * search dialog) have no CSS (their styles are strings, `?inline`), and their dependencies need no
 * head start: each import fetches its own one step later, while the run UI's load overlaps the
 * simulator worker's start, which takes longer (loader.ts). In a chunk whose dependency lists
 * (`__vite__mapDeps`) hold no CSS, this step replaces the helper with a function that just calls the
 * import, drops the lists (bytes on every reading page), and drops the helper chunk when no chunk
 * imports it any more. (Nothing listens for the helper's 'vite:preloadError' event.)
 * @returns {import('vite').Plugin}
 */
function smallPreloadHelper() {
  return {
    name: 'kubenote:small-preload-helper',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const esc = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        for (const helper of Object.values(bundle)) {
          if (helper.type !== 'chunk' || !/(^|\/)preload-helper[.-][^/]*\.js$/.test(helper.fileName)) continue;
          const name = helper.fileName.split('/').pop() ?? '';
          let users = 0;
          for (const chunk of Object.values(bundle)) {
            if (chunk.type !== 'chunk' || chunk === helper || !chunk.imports.includes(helper.fileName)) continue;
            const m = new RegExp(`import\\s*\\{\\s*\\w+\\s+as\\s+([\\w$]+)\\s*\\}\\s*from\\s*(["'\`])\\./${esc(name)}\\2;?`).exec(chunk.code);
            const deps = /m\.f=(\[[^\]]*\])/.exec(chunk.code)?.[1] ?? '[]';
            if (!m || /\.css["'\`]/.test(deps)) { users++; continue; }
            chunk.code = dropDepLists(chunk.code.slice(0, m.index) + `function ${m[1]}(f){return f()}` + chunk.code.slice(m.index + m[0].length));
            chunk.imports = chunk.imports.filter((f) => f !== helper.fileName);
          }
          if (users === 0) delete bundle[helper.fileName];
        }
      },
    },
  };
}

/**
 * Vite names each lazy import's dependency list by indexes into one table (`__vite__mapDeps([0,1])`
 * and a `const __vite__mapDeps=…` prelude); with the helper that read them gone, both go. The code
 * is left as it is unless every use could be dropped.
 * @param {string} code
 */
function dropDepLists(code) {
  const prelude = /^const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=(\[[^\]]*\])\)\)\)=>i\.map\(i=>d\[i\]\);\n?/.exec(code);
  const body = prelude ? code.slice(prelude[0].length) : code;
  const out = body.replace(/,\s*__vite__mapDeps\(\[[\d,]*\]\)/g, '');
  return out.includes('__vite__mapDeps') ? code : out;
}

/**
 * The client build's entry file names (Astro's pattern, `_astro/<name>.<hash>.js`, with the suffix
 * Astro gives a component's script left out).
 * @param {{ name: string }} chunk
 */
function scriptFileName(chunk) {
  const name = chunk.name.replace(/\.astro_astro_type_script_index_(\d+)_lang$/, (_, i) => (i === '0' ? '' : `-${i}`));
  return `_astro/${name.replace(/[^\w.-]/g, '_')}.[hash].js`;
}

// Static site: everything heavy happens at build time (MDX, shiki, pagefind).
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  // cssPrune: each page keeps only the CSS rules that can apply to it (before the PDF is printed).
  // pagefindIndex: the search index, written to <outDir>/pagefind/ after every build.
  // sheetPdf: the all-in-one cheat sheet as an A4 PDF, written to <outDir>/sheets/ after every build.
  integrations: [mdx(), cssPrune(), pagefindIndex(), sheetPdf()],
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
  vite: {
    build: { rolldownOptions: { onwarn } },
    // A component's script is named after it ("Search.<hash>.js"), not "Search.astro_astro_type_script_
    // index_0_lang.<hash>.js": every page names its scripts, so the long names were bytes on each page.
    environments: { client: { build: { rolldownOptions: { output: { entryFileNames: scriptFileName } } } } },
    plugins: [lazyDescriptions(), smallPreloadHelper()],
    worker: { format: 'es', plugins: () => [lazyDescriptions(), lazyModules(lazyRegistryPath)] },
  },
  devToolbar: { enabled: false },
});
