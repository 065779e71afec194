/**
 * Compact code blocks. Shiki with two themes and `defaultColor: false` writes every token as
 * `<span style="--shiki-light:#0A3069;--shiki-dark:#A5D6FF">` and wraps every line in
 * `<span class="line">`; on a note page with many blocks that is most of the page's bytes. The two
 * GitHub "-default" themes give the notes' languages (sh, yaml) only a handful of colour pairs, so:
 *
 * - a token whose pair is known gets a short class instead (`TOKEN_CLASSES`; global.css gives each
 *   class the same pair as `--shiki-light`/`--shiki-dark`, and `.astro-code span` picks one with
 *   light-dark(), as before); an unknown pair keeps its inline style, so nothing is ever uncoloured;
 * - a token in the theme's plain text colour (the <pre>'s own colour) is bare text;
 * - neighbouring tokens of one colour become one span (whitespace between them joins them);
 * - the line wrappers go (nothing styles or reads them; the text, newlines included, is unchanged);
 * - the <pre> keeps its `astro-code` class and `tabindex` (a scroll box), nothing else: the theme
 *   background and text colour are the site's own (global.css), `overflow-x: auto` is in the `pre`
 *   rule, and nothing reads `data-language`.
 *
 * The colours are the themes' own, so they keep the themes' contrast (AA) in both.
 */
import type { ShikiTransformer } from 'shiki';
import type { Element, ElementContent } from 'hast';

/** "light dark" (lower-case hex) → class. Keep in step with the `.k*` rules in src/styles/global.css. */
export const TOKEN_CLASSES: Readonly<Record<string, string>> = {
  '#0a3069 #a5d6ff': 'ks', // strings, plain scalars, command arguments
  '#116329 #7ee787': 'kt', // YAML keys
  '#0550ae #79c0ff': 'kc', // constants, numbers, flags
  '#953800 #ffa657': 'kf', // commands
  '#cf222e #ff7b72': 'kk', // keywords, operators
  '#6e7781 #8b949e': 'km', // comments
};

/** The themes' text colour: the <pre>'s colour, so such tokens need no span. */
export const PLAIN_PAIR = '#1f2328 #e6edf3';

/** The colour pair of a token's style attribute ("light dark", lower-case), or null. */
export function pairOf(style: unknown): string | null {
  if (typeof style !== 'string') return null;
  const light = /--shiki-light:\s*(#[0-9a-f]+)/i.exec(style)?.[1];
  const dark = /--shiki-dark:\s*(#[0-9a-f]+)/i.exec(style)?.[1];
  if (!light || !dark) return null;
  // Only a plain colour pair can become a class (no font-style, background, …).
  if (style.replace(/--shiki-(light|dark):\s*#[0-9a-f]+;?/gi, '').trim() !== '') return null;
  return `${light} ${dark}`.toLowerCase();
}

/** What one piece of a line looks like: bare text, a class, or (unknown pair) its own style. */
type Look = { kind: 'plain' } | { kind: 'class'; name: string } | { kind: 'style'; style: string };
interface Piece {
  look: Look | null; // null: whitespace only, takes any look
  text: string;
  /** A node kept as it is (anything that is not a plain one-colour token). */
  node?: ElementContent;
}

const sameLook = (a: Look, b: Look) =>
  a.kind === b.kind && (a.kind !== 'class' || a.name === (b as { name: string }).name) && (a.kind !== 'style' || a.style === (b as { style: string }).style);

const textOf = (n: ElementContent): string | null =>
  n.type === 'text' ? n.value : n.type === 'element' && n.children.length === 1 && n.children[0].type === 'text' ? n.children[0].value : null;

const unknownPairs = new Set<string>();

/** The pieces of a code element's content, lines flattened. */
function piecesOf(children: ElementContent[], out: Piece[] = []): Piece[] {
  for (const child of children) {
    if (child.type === 'text') {
      out.push({ look: /\S/.test(child.value) ? { kind: 'plain' } : null, text: child.value });
      continue;
    }
    if (child.type !== 'element') continue; // comments: none in shiki's output
    const props = child.properties ?? {};
    const cls = props.class ?? props.className; // shiki writes `class` as a string
    const isLine = Array.isArray(cls) ? cls.length === 1 && cls[0] === 'line' : cls === 'line';
    if (child.tagName === 'span' && isLine && Object.keys(props).length === 1) {
      piecesOf(child.children, out);
      continue;
    }
    const text = textOf(child);
    const keys = Object.keys(props);
    if (child.tagName !== 'span' || text === null || keys.some((k) => k !== 'style')) {
      out.push({ look: { kind: 'plain' }, text: '', node: child }); // kept whole, never merged
      continue;
    }
    const style = props.style;
    const pair = pairOf(style);
    let look: Look;
    if (pair === PLAIN_PAIR || style === undefined) look = { kind: 'plain' };
    else if (pair && TOKEN_CLASSES[pair]) look = { kind: 'class', name: TOKEN_CLASSES[pair] };
    else {
      if (pair && !unknownPairs.has(pair)) {
        unknownPairs.add(pair);
        console.warn(`[shiki-compact] colour pair ${pair} has no class: kept inline (add it to TOKEN_CLASSES and global.css)`);
      }
      look = { kind: 'style', style: String(style) };
    }
    out.push({ look: /\S/.test(text) ? look : null, text });
  }
  return out;
}

/** Code element content from pieces: one-colour runs merged, plain text bare. */
export function compactCode(children: ElementContent[]): ElementContent[] {
  const pieces = piecesOf(children);
  // Whitespace takes the look of the piece before it (or after it, at the start).
  let last: Look | null = null;
  for (const p of pieces) if (p.look) { last = p.look; break; }
  for (const p of pieces) {
    if (p.look === null) p.look = last ?? { kind: 'plain' };
    else last = p.look;
  }
  const out: ElementContent[] = [];
  let run: { look: Look; text: string } | null = null;
  const flush = () => {
    if (!run || run.text === '') return;
    const { look, text } = run;
    if (look.kind === 'plain') out.push({ type: 'text', value: text });
    else {
      const properties = look.kind === 'class' ? { class: look.name } : { style: look.style };
      out.push({ type: 'element', tagName: 'span', properties, children: [{ type: 'text', value: text }] });
    }
  };
  for (const p of pieces) {
    if (p.node) {
      flush();
      run = null;
      out.push(p.node);
      continue;
    }
    const look = p.look as Look;
    if (run && sameLook(run.look, look)) run.text += p.text;
    else {
      flush();
      run = { look, text: p.text };
    }
  }
  flush();
  return out;
}

export function compactShiki(): ShikiTransformer {
  return {
    name: 'kubenote:compact',
    code(node: Element) {
      node.children = compactCode(node.children);
    },
    pre(node: Element) {
      const { tabindex } = node.properties;
      node.properties = { class: 'astro-code', ...(tabindex !== undefined ? { tabindex } : {}) };
    },
  };
}
