/**
 * The build step that makes the notes' code blocks runnable (Astro 7's Markdown/MDX processor is
 * Sätteri; this is its mdast plugin, the counterpart of a remark plugin).
 *
 * Every fence that `classify` (src/lib/run/blocks.ts) finds runnable — ```sh lines, ```yaml
 * manifests — is wrapped in a `<run-block>` element whose data-* attributes carry what the page
 * runtime needs: kind, number, id, file name, default action, declared outcome, prerequisites. The
 * fence itself stays a fence, so shiki still highlights it at build time and the page reads (and
 * prints) the same without JavaScript. The code text is not repeated: the runtime reads it from
 * the highlighted <pre>.
 */
import type { MdastPluginDefinition } from 'satteri';
import { blockAttributes, classify, type BlockSpec } from './run/blocks.ts';

/** Collected per document when `collect` is given (the notes test reads the blocks this way). */
export interface RunnableOptions {
  collect?: (blocks: BlockSpec[], frontmatter: Record<string, unknown>) => void;
}

export function runnableBlocks(options: RunnableOptions = {}) {
  // A factory: Sätteri calls it once per document, so the block numbering starts again on each page.
  return (): MdastPluginDefinition => {
    const blocks: BlockSpec[] = [];
    let frontmatter: Record<string, unknown> = {};
    return {
      name: 'kubenote-runnable-blocks',
      code(node, ctx) {
        const astro = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
        if (astro?.frontmatter) frontmatter = astro.frontmatter;
        const spec = classify(node.lang, node.meta, node.value, blocks.length + 1);
        if (!spec) return;
        blocks.push(spec);
        ctx.wrapNode(node, {
          type: 'runBlock',
          children: [],
          data: { hName: 'run-block', hProperties: blockAttributes(spec) }, // styled by element name: no class
        });
      },
      after() {
        options.collect?.(blocks, frontmatter);
      },
    };
  };
}
