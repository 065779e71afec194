// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// Static site: everything heavy happens at build time (MDX, shiki, pagefind).
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      wrap: false,
    },
  },
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  telemetry: false,
});
