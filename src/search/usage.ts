/**
 * Which notes use which glossary term, for the glossary page (/glossary/). Computed at build time
 * from each note's text, title and front-matter `terms`, with the search's own lexicon and particle
 * stripping (query.ts): a note "uses" 테인트 when it writes 테인트, 테인트를, taint or Taints.
 * Pure, unit-tested in usage.test.ts.
 */
import { AMBIGUOUS_SHORT, GLOSSARY, type GlossaryEntry } from '../data/glossary.ts';
import { buildLexicon, keyOf, lookup, phraseTails, stripSteps, type Lexicon } from './query.ts';

export interface NoteText {
  href: string;
  title: string;
  /** Raw MDX body (front-matter excluded). */
  body: string;
  terms: string[];
}

export interface PageUse {
  href: string;
  title: string;
  /** Times the text names the term (any form). */
  count: number;
  inTitle: boolean;
  inTerms: boolean;
}

/** Splits note text into words: whitespace, brackets, quotes, Markdown and MDX punctuation separate. */
export function textWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s()[\]{}<>`"'*|,:;!?…·~#“”‘’]+/)
    .map((w) => w.replace(/^[.]+|[.]+$/g, ''))
    .filter(Boolean);
}

/** Glossary entry ids named in a text, with counts (multi-word terms too; particles stripped). */
export function termsIn(text: string, lex: Lexicon): Map<string, number> {
  const found = new Map<string, number>();
  const list = textWords(text);
  const steps = list.map((w) => stripSteps(w, lex));
  for (let i = 0; i < list.length; i++) {
    for (let n = 1; n <= lex.maxWords && i + n <= list.length; n++) {
      const head = list.slice(i, i + n - 1).join(' ');
      for (const last of n === 1 ? steps[i] : phraseTails(list[i + n - 1], steps[i + n - 1])) {
        const phrase = n === 1 ? last : `${head} ${last}`;
        const hit = lookup(phrase, lex);
        if (!hit) continue;
        if (hit.kind === 'short' && AMBIGUOUS_SHORT.has(keyOf(phrase))) break;
        found.set(hit.entry.id, (found.get(hit.entry.id) ?? 0) + 1);
        break;
      }
    }
  }
  return found;
}

/**
 * For every glossary entry, the notes that use it, best first: named in the title, then listed in
 * `terms`, then by how often the text names it; notes keep their given (course) order otherwise.
 */
export function termUsage(notes: NoteText[], entries: GlossaryEntry[] = GLOSSARY): Map<string, PageUse[]> {
  const lex = buildLexicon(entries);
  const usage = new Map<string, PageUse[]>(entries.map((e) => [e.id, []]));
  for (const note of notes) {
    const inBody = termsIn(note.body, lex);
    const inTitle = termsIn(note.title, lex);
    const inTerms = new Set<string>();
    for (const t of note.terms) {
      const hit = lookup(t, lex);
      if (hit) inTerms.add(hit.entry.id);
    }
    for (const id of new Set([...inBody.keys(), ...inTitle.keys(), ...inTerms])) {
      usage.get(id)?.push({
        href: note.href,
        title: note.title,
        count: (inBody.get(id) ?? 0) + (inTitle.get(id) ?? 0),
        inTitle: inTitle.has(id),
        inTerms: inTerms.has(id),
      });
    }
  }
  for (const pages of usage.values()) {
    const order = new Map(notes.map((n, i) => [n.href, i]));
    pages.sort(
      (a, b) =>
        Number(b.inTitle) - Number(a.inTitle) ||
        Number(b.inTerms) - Number(a.inTerms) ||
        b.count - a.count ||
        order.get(a.href)! - order.get(b.href)!,
    );
  }
  return usage;
}
