/**
 * Node-only: the cheat-sheet items of the notes. A note puts a code block on the sheets with the fence
 * meta word `sheet` (caption: the note's own sentence just before the block) or `sheet="…"` (caption
 * given). The block is parsed by the very build step that makes it runnable
 * (src/lib/remark-runnable.ts, run with Sätteri as Astro runs it), so a sheet item is the note's block
 * itself — same code, same declared outcome, same prerequisites — never a second copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mdxToJs, type MdastPluginDefinition } from 'satteri';
import { runnableBlocks } from '../remark-runnable.ts';
import { splitFrontmatter, NOTES_DIR } from '../run/extract.ts';
import { parseMeta } from '../run/meta.ts';
import { classify, type BlockSpec } from '../run/blocks.ts';
import { SECTION_IDS, type SectionId } from '../../sections.ts';

/** One fence of a note as the sheets see it. */
export interface NoteFence {
  lang: string;
  meta: string;
  code: string;
  /** The `sheet` mark: null when the block is not on the sheets; '' when the caption comes from the note. */
  sheet: string | null;
  /** Markdown of the note's sentence just before the block (a paragraph, or the last item of a list). */
  before: string;
  /** Text of the nearest heading above the block. */
  heading: string;
  /** The step number when the block sits in an ordered list item ("1.", "2.", …). */
  step?: number;
  /** 1-based line of the fence in the file (front-matter included), for error messages. */
  line: number;
}

export interface NoteSource {
  /** "exam-tips/tips-1.mdx" */
  file: string;
  /** URL slug: "tips-1" */
  slug: string;
  title: string;
  section: SectionId;
  order: number;
  setup: string;
  /** Every fence of the note, in order. */
  fences: NoteFence[];
  /** The runnable blocks exactly as the build step numbers them. */
  blocks: BlockSpec[];
  /** fences[i] → its runnable block (same order), or undefined. */
  blockOf: (BlockSpec | undefined)[];
}

type Node = { type: string; children?: Node[]; position?: { start: { offset?: number; line: number }; end: { offset?: number } }; ordered?: boolean | null; start?: number | null; depth?: number; value?: string };

/** The markdown source of a node, trimmed, with a list item's marker and a paragraph's line breaks flattened. */
function sourceOf(node: Node, src: string): string {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined) return '';
  return src
    .slice(s, e)
    .split('\n')
    .map((l) => l.trim())
    .join(' ')
    .trim();
}

/** The sentence a block follows: the previous paragraph, the last item of the previous list, or the list item's own first paragraph. */
function captionBefore(siblings: readonly Node[], index: number, src: string): string {
  for (let i = index - 1; i >= 0; i--) {
    const prev = siblings[i];
    if (prev.type === 'paragraph') return sourceOf(prev, src);
    if (prev.type === 'list') {
      const items = prev.children ?? [];
      const last = items[items.length - 1];
      const para = last?.children?.find((c) => c.type === 'paragraph');
      return para ? sourceOf(para, src) : '';
    }
    if (prev.type === 'code' || prev.type === 'heading' || prev.type.startsWith('mdx')) return '';
  }
  return '';
}

/** Parses one note (MDX source) into its fences and runnable blocks. */
export function parseNote(source: string): { frontmatter: Record<string, unknown>; fences: NoteFence[]; blocks: BlockSpec[]; blockOf: (BlockSpec | undefined)[] } {
  const { frontmatter, content } = splitFrontmatter(source);
  const fmLines = source.length - content.length ? source.slice(0, source.length - content.length).split('\n').length - 1 : 0;
  const fences: NoteFence[] = [];
  let blocks: BlockSpec[] = [];
  let heading = '';
  const walker: MdastPluginDefinition = {
    name: 'kubenote-sheet-items',
    options: { position: true },
    heading(node, ctx) {
      heading = ctx.textContent(node).trim();
    },
    code(node, ctx) {
      const parent = ctx.parent(node) as unknown as Node | undefined;
      const index = ctx.indexOf(node) ?? 0;
      const siblings = parent?.children ?? [];
      const { attrs, flags } = parseMeta(node.meta);
      const before = captionBefore(siblings, index, content);
      let step: number | undefined;
      if (parent?.type === 'listItem') {
        const list = ctx.parent(parent as never) as unknown as Node | undefined;
        if (list?.ordered) step = (list.start ?? 1) + (ctx.indexOf(parent as never) ?? 0);
      }
      fences.push({
        lang: (node.lang ?? '').toLowerCase(),
        meta: node.meta ?? '',
        code: node.value,
        sheet: attrs.sheet !== undefined ? attrs.sheet : flags.has('sheet') ? '' : null,
        before,
        heading,
        step,
        line: (node.position?.start.line ?? 0) + fmLines,
      });
    },
  };
  mdxToJs(content, {
    mdastPlugins: [walker, runnableBlocks({ collect: (b) => (blocks = b) })],
    data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });
  // The build step numbers the runnable fences 1, 2, …; classify() says which fences those are.
  const blockOf: (BlockSpec | undefined)[] = [];
  let n = 0;
  for (const f of fences) {
    const runnable = classify(f.lang, f.meta, f.code, n + 1);
    blockOf.push(runnable ? blocks[n++] : undefined);
  }
  if (n !== blocks.length) throw new Error(`sheet extraction: ${n} runnable fences found, the build step found ${blocks.length}`);
  return { frontmatter, fences, blocks, blockOf };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : []));
}

/** Every note, parsed for the sheets. */
export function readNotes(dir = NOTES_DIR): NoteSource[] {
  return walk(dir)
    .sort()
    .map((path) => {
      const { frontmatter: fm, fences, blocks, blockOf } = parseNote(readFileSync(path, 'utf8'));
      const section = String(fm.section ?? '');
      if (!(SECTION_IDS as readonly string[]).includes(section)) throw new Error(`${path}: unknown section "${section}"`);
      return {
        file: relative(dir, path),
        slug: path.split('/').pop()!.replace(/\.mdx$/, ''),
        title: String(fm.title ?? ''),
        section: section as SectionId,
        order: Number(fm.order ?? 0),
        setup: typeof fm.setup === 'string' ? fm.setup : '',
        fences,
        blocks,
        blockOf,
      };
    });
}
