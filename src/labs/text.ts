/**
 * The tiny markup of lab texts (task, hints): paragraphs separated by blank lines, lines starting
 * with "- " as list items, `code` in backticks. Parsed to plain data, so pages render it as text
 * nodes (Astro at build time, the exam page in the browser) — never as HTML.
 */
export interface Inline {
  code: boolean;
  text: string;
}
export type Block = { kind: 'p'; inl: Inline[] } | { kind: 'ul'; items: Inline[][] };

export function inline(s: string): Inline[] {
  const out: Inline[] = [];
  const parts = s.split('`');
  // An odd number of backticks leaves the last one as text.
  if (parts.length % 2 === 0) parts[parts.length - 2] += '`' + parts.pop();
  parts.forEach((text, i) => {
    if (text) out.push({ code: i % 2 === 1, text });
  });
  return out;
}

export function parseText(src: string): Block[] {
  const blocks: Block[] = [];
  for (const para of src.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let text: string[] = [];
    let items: string[] = [];
    const flushText = () => {
      if (text.length) blocks.push({ kind: 'p', inl: inline(text.join(' ')) });
      text = [];
    };
    const flushItems = () => {
      if (items.length) blocks.push({ kind: 'ul', items: items.map(inline) });
      items = [];
    };
    for (const raw of para.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (line.startsWith('- ')) {
        flushText();
        items.push(line.slice(2));
      } else {
        flushItems();
        text.push(line);
      }
    }
    flushText();
    flushItems();
  }
  return blocks;
}

/** The text without markup (for titles, aria labels). */
export function plainText(src: string): string {
  return parseText(src)
    .map((b) => (b.kind === 'p' ? b.inl.map((i) => i.text).join('') : b.items.map((it) => it.map((i) => i.text).join('')).join(' ')))
    .join(' ');
}
