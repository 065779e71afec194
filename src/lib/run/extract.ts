/**
 * Node-only: the runnable blocks of every note, found by running the very build step
 * (src/lib/remark-runnable.ts) over each MDX file with Sätteri, as Astro does. Used by the test that
 * runs every block of every page and by the benchmarks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mdxToJs } from 'satteri';
import { load } from 'js-yaml';
import { runnableBlocks } from '../remark-runnable.ts';
import type { BlockSpec } from './blocks.ts';

export const NOTES_DIR = join(import.meta.dirname, '..', '..', 'content', 'notes');

export interface PageBlocks {
  /** "scheduling/31-taints-and-tolerations.mdx" */
  file: string;
  /** URL slug: "31-taints-and-tolerations" */
  slug: string;
  /** The page scenario: shell lines run on a fresh cluster before any block (front-matter `setup`). */
  setup: string;
  blocks: BlockSpec[];
}

export function splitFrontmatter(src: string): { frontmatter: Record<string, unknown>; content: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(src);
  if (!m) return { frontmatter: {}, content: src };
  const data = load(m[1]);
  return { frontmatter: data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, content: src.slice(m[0].length) };
}

export function blocksOf(source: string): { blocks: BlockSpec[]; frontmatter: Record<string, unknown> } {
  const { frontmatter, content } = splitFrontmatter(source);
  let blocks: BlockSpec[] = [];
  mdxToJs(content, {
    mdastPlugins: [runnableBlocks({ collect: (b) => (blocks = b) })],
    data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });
  return { blocks, frontmatter };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : []));
}

export function allPages(dir = NOTES_DIR): PageBlocks[] {
  return walk(dir)
    .sort()
    .map((path) => {
      const { blocks, frontmatter } = blocksOf(readFileSync(path, 'utf8'));
      const slug = path.split('/').pop()!.replace(/\.mdx$/, '');
      return { file: relative(dir, path), slug, setup: typeof frontmatter.setup === 'string' ? frontmatter.setup : '', blocks };
    });
}
