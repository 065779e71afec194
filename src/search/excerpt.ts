/**
 * pagefind excerpts are HTML: the page text, entity-escaped, with <mark> around matched words.
 * parseExcerpt() turns one into plain text runs, so the UI builds text nodes and <mark> elements
 * itself and never assigns HTML. Any other tag is dropped; entities are decoded to their characters
 * (which then stay text). Pure, unit-tested in excerpt.test.ts.
 */

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark\b[^>]*>)/i)) {
    if (/^<mark\b/i.test(piece)) {
      mark = true;
      continue;
    }
    if (/^<\/mark/i.test(piece)) {
      mark = false;
      continue;
    }
    const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
    if (!text) continue;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}
