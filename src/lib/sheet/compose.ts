/**
 * Cheat sheets from the notes' marked blocks (see extract.ts): which items go on which sheet, in what
 * order, with which prerequisites, and the Markdown a sheet page is rendered from. Pure: no file
 * system, no simulator (outputs come in as data, see capture.ts).
 *
 * A sheet is one page of fences run by the same runnable-blocks step as a note, so every command on
 * it has a run control and a declared outcome. A block keeps its note's meta (title, error, expect,
 * output, action, then); its `needs` are rewritten to sheet ids, and a block it needs — or a manifest
 * file it reads — that is not marked is pulled onto the sheet too, so every block runs there as it
 * runs on its note.
 */
import { classify, findBlock, isManifest, pageFiles, prerequisites, type BlockSpec } from '../run/blocks.ts';
import { parseMeta } from '../run/meta.ts';
import type { RunEntry } from '../run/outcome.ts';
import { SECTIONS, type SectionId } from '../../sections.ts';
import type { NoteFence, NoteSource } from './extract.ts';
import type { SheetId } from './links.ts';

export type { SheetId };

/** `setup`: a note's scenario (front-matter `setup`) as a block its items need; shown on screen, not printed. */
export type ItemKind = 'generator' | 'command' | 'manifest' | 'setup';

export interface SheetItem {
  /** "tips-1#3": note slug and the block's number on its note. */
  key: string;
  /** The block's id on the sheet pages ("tips-1-3"). */
  id: string;
  slug: string;
  section: SectionId;
  fence: NoteFence;
  /** The block on its note (number, declared outcome, needs). */
  block: BlockSpec;
  kind: ItemKind;
  /** Markdown caption (the note's words). */
  caption: string;
  /** false: not marked, on the sheet because a marked block needs it. */
  marked: boolean;
}

export interface SheetNote {
  slug: string;
  title: string;
  href: string;
  items: SheetItem[];
}

export interface SheetSection {
  id: SectionId;
  title: string;
  notes: SheetNote[];
}


export interface Sheet {
  id: SheetId;
  title: string;
  /** Sections in sheet order (the exam tips first). */
  sections: SheetSection[];
}

/** Sheet order of the sections: the exam tips first, then the course order. */
export const SHEET_SECTION_ORDER: SectionId[] = ['exam-tips', ...SECTIONS.map((s) => s.id).filter((id) => id !== 'exam-tips')];

export function kindOf(block: BlockSpec): ItemKind {
  if (block.kind === 'manifest') return 'manifest';
  return /--dry-run(=client)?\b/.test(block.code) ? 'generator' : 'command';
}

/** Problems with the marks themselves: a mark on a block that cannot run, on a mistake, without a caption. */
export function markProblems(notes: readonly NoteSource[]): string[] {
  const out: string[] = [];
  for (const note of notes) {
    note.fences.forEach((f, i) => {
      if (f.sheet === null) return;
      const where = `${note.file}:${f.line}`;
      const block = note.blockOf[i];
      if (!block) out.push(`${where}: \`sheet\` on a block that does not run (norun, or not sh/yaml manifest): the sheets only carry runnable commands`);
      else if (block.mistake || !block.expect.ok) out.push(`${where}: \`sheet\` on a block that is expected to fail: the sheets show the right form`);
      if (!(f.sheet || f.before || f.heading)) out.push(`${where}: \`sheet\` block without a caption: write one with sheet="…"`);
    });
  }
  return out;
}

const fileNameIn = (code: string, file: string) => new RegExp(`(^|[\\s=/'"])${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s'";|])`, 'm').test(code);

export const SETUP_CAPTION = '준비: 이 노트의 블록보다 먼저 실행되는 시나리오 (인쇄에는 나오지 않음)';

/**
 * Every sheet item of the notes, in course order: the marked blocks, plus the blocks they need and the
 * manifests whose files they read (pulled in unmarked).
 */
export function collectItems(notes: readonly NoteSource[]): SheetItem[] {
  const sectionIndex = (id: SectionId) => SECTIONS.findIndex((s) => s.id === id);
  const ordered = [...notes].sort((a, b) => sectionIndex(a.section) - sectionIndex(b.section) || a.order - b.order);
  const items: SheetItem[] = [];
  for (const note of ordered) {
    const marked = new Set<number>();
    const wanted = new Set<number>();
    note.fences.forEach((f, i) => {
      const b = note.blockOf[i];
      if (f.sheet !== null && b && !b.mistake && b.expect.ok) {
        marked.add(b.n);
        wanted.add(b.n);
      }
    });
    // Close over prerequisites and the manifests a shell block reads, until nothing new comes in.
    for (let changed = true; changed; ) {
      changed = false;
      for (const n of [...wanted]) {
        const b = note.blocks[n - 1];
        const deps = prerequisites(note.blocks, b).order.map((d) => d.n);
        if (b.kind === 'shell') {
          const text = [b.code, ...b.then].join('\n');
          for (const f of pageFiles(note.blocks, b)) {
            if (!fileNameIn(text, f.path)) continue;
            const source = note.blocks.filter((x) => x.kind === 'manifest' && x.file === f.path && x.n < b.n && !x.mistake).pop() ?? note.blocks.find((x) => x.file === f.path && !x.mistake);
            if (source) deps.push(source.n);
          }
        }
        for (const d of deps) if (!wanted.has(d)) (wanted.add(d), (changed = true));
      }
    }
    // A note's scenario becomes a block of its own that the note's items need: on a sheet every block
    // still runs as on its note, and notes with different scenarios share one sheet page.
    if (wanted.size && note.setup.trim()) {
      const code = note.setup.trim();
      items.push({
        key: `${note.slug}#setup`,
        id: `${note.slug}-setup`,
        slug: note.slug,
        section: note.section,
        fence: { lang: 'sh', meta: '', code, sheet: null, before: '', heading: '', line: 0 },
        block: classify('sh', '', code, 0)!,
        kind: 'setup',
        caption: SETUP_CAPTION,
        marked: false,
      });
    }
    note.fences.forEach((f, i) => {
      const b = note.blockOf[i];
      if (!b || !wanted.has(b.n)) return;
      items.push({
        key: `${note.slug}#${b.n}`,
        id: `${note.slug}-${b.n}`,
        slug: note.slug,
        section: note.section,
        fence: f,
        block: b,
        kind: kindOf(b),
        caption: f.sheet || f.before || f.heading,
        marked: marked.has(b.n),
      });
    });
  }
  return items;
}

/** The sheet `id`: all sections, or one. */
export function composeSheet(id: SheetId, notes: readonly NoteSource[], items: readonly SheetItem[]): Sheet {
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const sectionIds = id === 'all' ? SHEET_SECTION_ORDER : [id];
  const sections: SheetSection[] = [];
  for (const sid of sectionIds) {
    const s = SECTIONS.find((x) => x.id === sid)!;
    const groups: SheetNote[] = [];
    for (const item of items.filter((i) => i.section === sid)) {
      let g = groups[groups.length - 1];
      if (!g || g.slug !== item.slug) {
        const note = bySlug.get(item.slug)!;
        g = { slug: note.slug, title: note.title, href: `/notes/${note.slug}/`, items: [] };
        groups.push(g);
      }
      g.items.push(item);
    }
    if (groups.length) sections.push({ id: sid, title: s.title, notes: groups });
  }
  const title = id === 'all' ? 'CKA 치트 시트' : `CKA 치트 시트: ${SECTIONS.find((s) => s.id === id)!.title}`;
  return { id, title, sections };
}

/** Every sheet: the all-in-one and one per section that has items. */
export function composeSheets(notes: readonly NoteSource[]): Sheet[] {
  const items = collectItems(notes);
  const all = composeSheet('all', notes, items);
  return [all, ...all.sections.map((s) => composeSheet(s.id, notes, items))];
}

export const sheetItems = (sheet: Sheet): SheetItem[] => sheet.sections.flatMap((s) => s.notes.flatMap((n) => n.items));

// ---- Markdown ----

const quote = (v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The fence meta of an item on the sheet: its note's meta with `needs` and `id` rewritten to sheet ids. */
export function sheetMeta(item: SheetItem, note: Pick<NoteSource, 'blocks' | 'setup'>): string {
  const { attrs } = parseMeta(item.fence.meta);
  const out: string[] = [`id=${quote(item.id)}`];
  for (const k of ['title', 'action', 'expect', 'error', 'output', 'then'] as const) if (attrs[k] !== undefined) out.push(`${k}=${quote(attrs[k])}`);
  if (item.kind === 'setup') return out.join(' ');
  const needs = item.block.needs.map((ref) => {
    const dep = findBlock(note.blocks, ref);
    if (!dep) throw new Error(`${item.key}: needs "${ref}" names no block on its note`);
    return `${item.slug}-${dep.n}`;
  });
  if (note.setup.trim()) needs.unshift(`${item.slug}-setup`);
  if (needs.length) out.push(`needs=${quote(needs.join(' '))}`);
  return out.join(' ');
}

/** The fence that can hold `text` (one backtick longer than any run inside it). */
function fence(text: string, info: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${info}\n${text.replace(/\n$/, '')}\n${ticks}`;
}

/**
 * What a block printed, as the sheet shows it: its standard output (warnings and log lines on standard
 * error are left to the screen), or its standard error when that is all it printed.
 */
export function outputText(entries: readonly RunEntry[]): string {
  const stream = (s: 'stdout' | 'stderr') =>
    entries
      .flatMap((e) => e.output.filter((o) => o.stream === s).map((o) => o.text))
      .join('')
      .replace(/\s+$/, '');
  return stream('stdout') || stream('stderr');
}

/**
 * What the sheet shows under a command: a generator all it generates; a command its first lines, each
 * cut to a sheet column (the rest is counted — the whole output is one run away on screen); a block of
 * several commands nothing.
 */
export const COMMAND_OUTPUT_LINES = 4;
export const OUTPUT_COLUMNS = 48;

export function shownOutput(item: Pick<SheetItem, 'kind' | 'block'>, text: string): string {
  // A block of several commands is a recipe: its outputs run together, so the sheet shows none.
  if (item.block.code.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length > 1) return '';
  const lines = text.split('\n').map((l) => l.trimEnd());
  if (item.kind === 'generator') return lines.join('\n');
  // "No resources found in default namespace." says nothing about the command.
  if (/^No resources found\b/.test(text)) return '';
  const cut = (l: string) => (l.length > OUTPUT_COLUMNS ? l.slice(0, OUTPUT_COLUMNS - 1).trimEnd() + '…' : l);
  if (lines.length <= COMMAND_OUTPUT_LINES) return lines.map(cut).join('\n');
  return [...lines.slice(0, COMMAND_OUTPUT_LINES - 1).map(cut), `… (${lines.length - COMMAND_OUTPUT_LINES + 1}줄 더)`].join('\n');
}

export interface MarkdownOptions {
  notes: readonly NoteSource[];
  /** Captured transcripts by item key (shell items); a missing key shows no output. */
  outputs: ReadonlyMap<string, RunEntry[]>;
}

/**
 * The sheet as Markdown for the runnable-blocks pipeline: sections, notes, items (caption, the fence,
 * what it printed). HTML wrappers carry the print layout's classes; every text that is not a note's own
 * Markdown (titles) is escaped.
 */
export function sheetMarkdown(sheet: Sheet, opts: MarkdownOptions): string {
  const bySlug = new Map(opts.notes.map((n) => [n.slug, n]));
  const out: string[] = [];
  out.push('---', `title: ${JSON.stringify(sheet.title)}`, '---', '');
  for (const s of sheet.sections) {
    out.push(`<section class="sheet-section" data-section="${s.id}" aria-labelledby="sheet-${s.id}">`, '');
    s.notes.forEach((g, gi) => {
      out.push(`<div class="sheet-note" data-note="${g.slug}">`, '');
      // The note's list numbers count its prose steps too; the sheet shows only the steps with code,
      // numbered again 1, 2, 3 … (a step with two blocks is numbered once, at its first).
      let shownStep = 0;
      let lastStep: number | undefined;
      g.items.forEach((item, i) => {
        const cls = item.kind === 'setup' ? ' sheet-item-setup' : item.marked ? '' : ' sheet-item-needed';
        out.push(`<div class="sheet-item${cls}" data-kind="${item.kind}" data-key="${item.key}">`, '');
        // Headings ride with the first item under them, so a heading never ends a column.
        if (gi === 0 && i === 0) out.push(`<h2 class="sheet-section-title" id="sheet-${s.id}">${escapeHtml(s.title)}</h2>`, '');
        if (i === 0) out.push(`<h3 class="sheet-note-title"><a href="${g.href}">${escapeHtml(g.title)}</a></h3>`, '');
        let step = '';
        if (item.fence.step !== undefined && item.fence.step !== lastStep) step = `<span class="sheet-step">${++shownStep}.</span> `;
        if (item.fence.step !== undefined) lastStep = item.fence.step;
        if (item.caption) out.push('<div class="sheet-caption">', '', step + item.caption, '', '</div>', '');
        out.push(fence(item.block.code, `${item.block.lang} ${sheetMeta(item, bySlug.get(item.slug)!)}`), '');
        const entries = opts.outputs.get(item.key);
        const text = entries ? shownOutput(item, outputText(entries)) : '';
        if ((item.kind === 'command' || item.kind === 'generator') && text) {
          // Generated YAML is highlighted as YAML but never runnable itself (`norun`).
          const info = item.kind === 'generator' && isManifest(text) ? 'yaml norun' : 'text';
          out.push('<div class="sheet-output">', '', fence(text, info), '', '</div>', '');
        }
        out.push('</div>', '');
      });
      out.push('</div>', '');
    });
    out.push('</section>', '');
  }
  return out.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
