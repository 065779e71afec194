/**
 * The light editor's YAML help, as pure text operations on (text, selection): Enter keeps the
 * indentation (one level deeper after `key:`, aligned under a `- ` list item's content), Tab and
 * Shift+Tab indent and dedent by two spaces (every selected line). Indentation is spaces only, as
 * YAML requires.
 */
import { needsMore } from '../../sim/shell/parse.ts';

export interface Edit {
  text: string;
  start: number;
  end: number;
}

const INDENT = '  ';

const lineStart = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;

/** Enter at the selection. */
export function newline(text: string, start: number, end: number): Edit {
  const ls = lineStart(text, start);
  const line = text.slice(ls, start);
  let indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, INDENT);
  const trimmed = line.trimEnd();
  const item = /^([ ]*)- (?=\S)/.exec(line);
  if (/:$/.test(trimmed) && !/^\s*#/.test(trimmed)) indent += item ? INDENT + INDENT : INDENT;
  else if (item) indent = item[1] + INDENT;
  const insert = '\n' + indent;
  const next = text.slice(0, start) + insert + text.slice(end);
  const caret = start + insert.length;
  return { text: next, start: caret, end: caret };
}

/** Tab (dedent=false) or Shift+Tab (dedent=true). */
export function indent(text: string, start: number, end: number, dedent: boolean): Edit {
  if (!dedent && start === end) {
    const next = text.slice(0, start) + INDENT + text.slice(end);
    return { text: next, start: start + INDENT.length, end: start + INDENT.length };
  }
  const from = lineStart(text, start);
  // A selection ending at a line start does not take that line.
  const to = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const block = text.slice(from, to);
  const lines = block.split('\n');
  let delta0 = 0;
  let total = 0;
  const out = lines.map((l, i) => {
    if (dedent) {
      const n = /^ {0,2}/.exec(l)![0].length;
      if (i === 0) delta0 = -Math.min(n, start - from);
      total -= n;
      return l.slice(n);
    }
    if (i === 0) delta0 = INDENT.length;
    total += INDENT.length;
    return INDENT + l;
  });
  const next = text.slice(0, from) + out.join('\n') + text.slice(to);
  // A selection that starts at the line start keeps starting there.
  const newStart = start === from ? from : Math.max(from, start + delta0);
  return { text: next, start: newStart, end: Math.max(newStart, end + total) };
}

/**
 * Text that needs more lines before it can run: an open here-document, a trailing backslash, or a
 * compound command (`for … do`, `if … then`, `{`), a quote or `&&`/`||`/`|` left open.
 */
export function needsMoreLines(text: string): boolean {
  const lines = text.split('\n');
  if (/(^|[^\\])(\\\\)*\\$/.test(lines[lines.length - 1])) return true;
  const pending: string[] = [];
  for (const l of lines) {
    if (pending.length) {
      if (l.replace(/^\t+/, '') === pending[0]) pending.shift();
      continue;
    }
    for (const m of l.matchAll(/<<-?\s*(['"]?)([A-Za-z_][\w]*)\1/g)) pending.push(m[2]);
  }
  return pending.length > 0 || needsMore(text);
}

/** The longest common prefix of completion candidates (what Tab inserts when there are several). */
export function commonPrefix(xs: readonly string[]): string {
  if (xs.length === 0) return '';
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}
