/**
 * A small POSIX-shell parser: the subset scripts, run buttons and the terminal need — quoting,
 * `$VAR`/`${VAR}`/`$(…)`/`$((…))` expansion, pipes, `&&`/`||`/`;`, redirections (`>`, `>>`, `<`, `2>`,
 * `2>&1`, `&>`), here-documents (`<<EOF`, `<<-EOF`, `<<'EOF'`), backslash line continuation and the
 * compound commands `for NAME in WORDS; do LIST; done`, `while`/`until LIST; do LIST; done`,
 * `if LIST; then LIST; [elif LIST; then LIST;] [else LIST;] fi` and `{ LIST; }`, on one line or over
 * several (bash's grammar, parse.y; its error texts as interactive bash 5 prints them).
 */

export interface Redirect {
  fd: 1 | 2 | 0;
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

/** A word is kept as parts so expansion happens at run time, with the quoting it had. */
export type WordPart =
  | { t: 'lit'; v: string; quoted: boolean }
  | { t: 'var'; name: string; quoted: boolean }
  | { t: 'cmd'; src: string; quoted: boolean }
  | { t: 'arith'; src: string; quoted: boolean };
export type Word = WordPart[];

export interface SimpleCommand {
  kind?: undefined;
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
  heredoc?: { body: string; expand: boolean };
}

/** A compound command (bash's `for`, `while`/`until`, `if`, `{ … }`), with its own redirections. */
export type CompoundCommand = (
  | { kind: 'for'; name: string; items: Word[] | null; body: AndOr[] }
  | { kind: 'while'; until: boolean; cond: AndOr[]; body: AndOr[] }
  | { kind: 'if'; clauses: { cond: AndOr[]; body: AndOr[] }[]; otherwise?: AndOr[] }
  | { kind: 'group'; body: AndOr[] }
) & { redirects: Redirect[] };

export type Command = SimpleCommand | CompoundCommand;

export interface Pipeline {
  commands: Command[];
  negate: boolean;
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** One logical command line of a script: its text (as typed) and its parsed form. */
export interface ScriptLine {
  text: string;
  list: AndOr[];
}

export class ShellSyntaxError extends Error {}

/** The input ended inside a compound command, a quote or after `&&`/`||`/`|`: more lines are needed. */
export class ShellIncompleteError extends ShellSyntaxError {
  constructor(message = 'bash: syntax error: unexpected end of file') {
    super(message);
  }
}

interface Token {
  kind: 'word' | 'op' | 'nl';
  value: string;
  word?: Word;
}

/** A line ending in an odd number of backslashes continues on the next one. */
const CONTINUED = /(^|[^\\])(\\\\)*\\$/;

/** Read one physical line group: the line (with continuations) and its here-document bodies. */
function readLogical(lines: string[], i: number): { text: string; src: string; full: string; bodies: { body: string; expand: boolean }[]; next: number; unterminated?: string } {
  let text = lines[i++];
  let src = text;
  // Backslash-newline continuation: the text keeps the line break as typed; the parsed source drops both.
  while (CONTINUED.test(text) && i < lines.length) {
    text = text.slice(0, -1) + '\n' + lines[i];
    src = src.slice(0, -1) + lines[i];
    i++;
  }
  const docs = text.includes('<<') ? heredocDelimiters(text) : [];
  const bodies: { body: string; expand: boolean }[] = [];
  let full = text;
  let unterminated: string | undefined;
  for (const d of docs) {
    const body: string[] = [];
    let found = false;
    while (i < lines.length) {
      const l = lines[i++];
      full += '\n' + l;
      const cmp = d.strip ? l.replace(/^\t+/, '') : l;
      if (cmp === d.delim) {
        found = true;
        break;
      }
      body.push(d.strip ? l.replace(/^\t+/, '') : l);
    }
    if (!found) unterminated = d.delim;
    bodies.push({ body: body.length ? body.join('\n') + '\n' : '', expand: d.expand });
  }
  return { text, src, full, bodies, next: i, unterminated };
}

/**
 * Split a script into logical lines (continuations and here-documents folded in), then parse each;
 * a line that leaves a compound command (or a quote, or `&&`/`||`/`|`) open takes the following lines
 * in, as bash reads them.
 */
export function parseScript(src: string): (ScriptLine | { text: string; error: string; incomplete?: boolean })[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: (ScriptLine | { text: string; error: string; incomplete?: boolean })[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = readLogical(lines, i);
    i = first.next;
    const trimmed = first.text.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    let source = first.src;
    let full = first.full;
    const bodies = [...first.bodies];
    let unterminated = first.unterminated;
    for (;;) {
      try {
        const list = parseLine(source, bodies);
        out.push({ text: full, list });
        if (unterminated) {
          // bash warns and uses what it read.
          out.push({ text: '', error: `bash: warning: here-document delimited by end-of-file (wanted \`${unterminated}')` });
        }
      } catch (e) {
        if (e instanceof ShellIncompleteError && i < lines.length) {
          const more = readLogical(lines, i);
          i = more.next;
          source += '\n' + more.src;
          full += '\n' + more.full;
          bodies.push(...more.bodies);
          unterminated ??= more.unterminated;
          continue;
        }
        out.push({ text: full, error: e instanceof Error ? e.message : String(e), ...(e instanceof ShellIncompleteError ? { incomplete: true } : {}) });
      }
      break;
    }
  }
  return out;
}

/** Whether typed text leaves something open (a compound command, a quote, a trailing `&&`): keep reading. */
export function needsMore(src: string): boolean {
  const last = parseScript(src).at(-1);
  return !!last && 'error' in last && !!last.incomplete;
}

function heredocDelimiters(line: string): { delim: string; strip: boolean; expand: boolean }[] {
  const out: { delim: string; strip: boolean; expand: boolean }[] = [];
  const re = /<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([^\s;&|<>()]+))/g;
  // Skip text inside quotes.
  const masked = maskQuotes(line);
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    if (masked[m.index + 2] === '<') continue; // here-string <<<
    const raw = line.slice(m.index, m.index + m[0].length);
    const mm = /<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([^\s;&|<>()]+))/.exec(raw)!;
    out.push({ delim: mm[2] ?? mm[3] ?? mm[4], strip: mm[1] === '-', expand: mm[2] === undefined && mm[3] === undefined && !raw.includes('\\') });
  }
  return out;
}

function maskQuotes(s: string): string {
  let out = '';
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = null;
      out += c === q || q === null ? c : ' ';
      continue;
    }
    if (c === '\\') {
      out += '  ';
      i++;
      continue;
    }
    if (c === "'" || c === '"') q = c;
    out += c;
  }
  return out;
}

/** Words that end a list: the parser stops at them where a command would start. */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parse one logical line, or several lines of a compound command (here-document bodies supplied in order). */
export function parseLine(line: string, heredocs: { body: string; expand: boolean }[] = []): AndOr[] {
  const tokens = tokenize(line);
  let pos = 0;
  let doc = 0;
  const peek = () => tokens[pos];
  /** The unquoted literal text of a word token (reserved words are recognised only so). */
  const bare = (t: Token | undefined): string | undefined => (t?.kind === 'word' && t.word!.length === 1 && t.word![0].t === 'lit' && !t.word![0].quoted ? t.word![0].v : undefined);
  const unexpected = (t: Token | undefined): never => {
    if (!t) throw new ShellIncompleteError();
    throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${t.kind === 'nl' ? 'newline' : t.value}'`);
  };
  const skipNewlines = () => {
    while (peek()?.kind === 'nl') pos++;
  };
  const expectWord = (w: string) => {
    skipNewlines();
    if (bare(peek()) !== w) unexpected(peek());
    pos++;
  };

  const parseRedirect = (redirects: Redirect[], cmd?: SimpleCommand): boolean => {
    const t = peek();
    if (t?.kind !== 'op') return false;
    const m = /^(\d?)(>>|>&|>|<<-?|<|&>)$/.exec(t.value);
    if (!m) return false;
    pos++;
    const fdRaw = m[1];
    const op = m[2];
    const target = tokens[pos++];
    if (op === '<<' || op === '<<-') {
      if (!target || target.kind !== 'word') throw new ShellSyntaxError("bash: syntax error near unexpected token `newline'");
      if (cmd) cmd.heredoc = heredocs[doc++] ?? { body: '', expand: true };
      else doc++;
      return true;
    }
    if (!target || target.kind !== 'word') throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${!target || target.kind === 'nl' ? 'newline' : target.value}'`);
    if (op === '&>') {
      redirects.push({ fd: 1, op: '>', target: target.word! });
      redirects.push({ fd: 2, op: '>&', target: [{ t: 'lit', v: '1', quoted: false }] });
    } else {
      const fd = (fdRaw ? Number(fdRaw) : op === '<' ? 0 : 1) as 0 | 1 | 2;
      redirects.push({ fd, op: op as Redirect['op'], target: target.word! });
    }
    return true;
  };

  const parseSimple = (): SimpleCommand => {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = peek();
      if (!t || t.kind === 'nl') break;
      if (t.kind === 'op') {
        if (!parseRedirect(cmd.redirects, cmd)) break;
        continue;
      }
      pos++;
      const w = t.word!;
      const first = w[0];
      if (!cmd.words.length && first?.t === 'lit' && !first.quoted) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
        if (m) {
          const rest: Word = [{ t: 'lit', v: first.v.slice(m[0].length), quoted: false }, ...w.slice(1)];
          cmd.assigns.push({ name: m[1], value: rest });
          continue;
        }
      }
      cmd.words.push(w);
    }
    return cmd;
  };

  /** A list up to one of `closers` (not consumed); at least one command. */
  const parseList = (closers: Set<string> | null): AndOr[] => {
    const list: AndOr[] = [];
    for (;;) {
      skipNewlines();
      const t = peek();
      if (!t) {
        if (closers) throw new ShellIncompleteError();
        break;
      }
      const b = bare(t);
      if (b !== undefined && CLOSERS.has(b)) {
        if (closers?.has(b) && list.length) break;
        unexpected(t);
      }
      if (t.kind === 'op' && (t.value === ';' || t.value === '&' || t.value === ';;')) unexpected(t);
      list.push(parseAndOr());
      const sep = peek();
      if (!sep) {
        if (closers) throw new ShellIncompleteError();
        break;
      }
      if (sep.kind === 'nl' || (sep.kind === 'op' && (sep.value === ';' || sep.value === '&'))) {
        pos++;
        continue;
      }
      const sb = bare(sep);
      if (sb !== undefined && closers?.has(sb)) break;
      unexpected(sep);
    }
    return list;
  };

  const parseAndOr = (): AndOr => {
    const first = parsePipeline();
    const rest: AndOr['rest'] = [];
    while (peek()?.kind === 'op' && (peek()!.value === '&&' || peek()!.value === '||')) {
      const op = peek()!.value as '&&' | '||';
      pos++;
      skipNewlines();
      if (!peek()) throw new ShellIncompleteError();
      rest.push({ op, pipeline: parsePipeline() });
    }
    return { first, rest };
  };

  const parsePipeline = (): Pipeline => {
    let negate = false;
    if (bare(peek()) === '!') {
      negate = true;
      pos++;
    }
    const commands = [parseCommand()];
    while (peek()?.kind === 'op' && peek()!.value === '|') {
      pos++;
      skipNewlines();
      if (!peek()) throw new ShellIncompleteError();
      commands.push(parseCommand());
    }
    return { commands, negate };
  };

  const parseCommand = (): Command => {
    const t = peek();
    const b = bare(t);
    let c: CompoundCommand | undefined;
    if (b === 'for') {
      pos++;
      const n = peek();
      const name = bare(n);
      if (name === undefined || !NAME.test(name)) unexpected(n);
      pos++;
      let items: Word[] | null = null;
      skipNewlines();
      if (bare(peek()) === 'in') {
        pos++;
        items = [];
        while (peek()?.kind === 'word') items.push(tokens[pos++].word!);
        const sep = peek();
        if (!sep) throw new ShellIncompleteError();
        if (sep.kind === 'nl' || (sep.kind === 'op' && sep.value === ';')) pos++;
        else unexpected(sep);
      } else if (peek()?.kind === 'op' && peek()!.value === ';') pos++;
      expectWord('do');
      const body = parseList(new Set(['done']));
      expectWord('done');
      c = { kind: 'for', name: name!, items, body, redirects: [] };
    } else if (b === 'while' || b === 'until') {
      pos++;
      const cond = parseList(new Set(['do']));
      expectWord('do');
      const body = parseList(new Set(['done']));
      expectWord('done');
      c = { kind: 'while', until: b === 'until', cond, body, redirects: [] };
    } else if (b === 'if') {
      pos++;
      const clauses: { cond: AndOr[]; body: AndOr[] }[] = [];
      let otherwise: AndOr[] | undefined;
      for (;;) {
        const cond = parseList(new Set(['then']));
        expectWord('then');
        const body = parseList(new Set(['elif', 'else', 'fi']));
        clauses.push({ cond, body });
        const k = bare(peek());
        pos++;
        if (k === 'elif') continue;
        if (k === 'else') {
          otherwise = parseList(new Set(['fi']));
          expectWord('fi');
        }
        break;
      }
      c = { kind: 'if', clauses, otherwise, redirects: [] };
    } else if (b === '{') {
      pos++;
      const body = parseList(new Set(['}']));
      expectWord('}');
      c = { kind: 'group', body, redirects: [] };
    }
    if (c) {
      while (parseRedirect(c.redirects));
      const n = peek();
      if (n && n.kind === 'word') unexpected(n);
      return c;
    }
    const cmd = parseSimple();
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length && !cmd.heredoc) unexpected(peek());
    return cmd;
  };

  const list = parseList(null);
  if (pos < tokens.length) unexpected(peek());
  return list;
}

const OPS = ['&&', '||', '2>&1', '>>', '>&', '<<-', '<<', '&>', '|', ';', '&', '>', '<'];

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ kind: 'nl', value: '\n' });
      i++;
      continue;
    }
    if (c === '#') {
      // A comment runs to the end of its line.
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
      continue;
    }
    // fd-prefixed redirections: 2>, 2>>, 1>, 2>&1
    const fdm = /^([012])(>>|>&|>)/.exec(s.slice(i));
    if (fdm && (i === 0 || /\s/.test(s[i - 1]))) {
      tokens.push({ kind: 'op', value: fdm[1] + fdm[2] });
      i += fdm[0].length;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (op && op !== '2>&1') {
      tokens.push({ kind: 'op', value: op });
      i += op.length;
      continue;
    }
    const [word, next, raw] = readWord(s, i);
    tokens.push({ kind: 'word', value: raw, word });
    i = next;
  }
  return tokens;
}

function readWord(s: string, start: number): [Word, number, string] {
  const parts: Word = [];
  let i = start;
  let lit = '';
  let litQuoted = false;
  const flush = () => {
    if (lit) parts.push({ t: 'lit', v: lit, quoted: litQuoted });
    lit = '';
  };
  const pushLit = (v: string, quoted: boolean) => {
    if (lit && litQuoted !== quoted) flush();
    litQuoted = quoted;
    lit += v;
  };
  const plain = /[^ \t\n;&|<>\\'"$]+/y;
  while (i < s.length) {
    // Runs of ordinary characters are taken in one slice (long pastes stay linear and cheap).
    plain.lastIndex = i;
    const run = plain.exec(s);
    if (run) {
      pushLit(run[0], false);
      i += run[0].length;
      continue;
    }
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || ';&|<>'.includes(c)) break;
    if (c === '\\') {
      if (i + 1 < s.length) pushLit(s[i + 1], true);
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ShellIncompleteError("bash: unexpected EOF while looking for matching `''");
      pushLit(s.slice(i + 1, end), true);
      // An empty '' still makes a (quoted, empty) word.
      if (end === i + 1) {
        flush();
        parts.push({ t: 'lit', v: '', quoted: true });
      }
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let any = false;
      while (i < s.length && s[i] !== '"') {
        any = true;
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1])) {
          pushLit(s[i + 1], true);
          i += 2;
        } else if (s[i] === '$') {
          const [part, n] = readDollar(s, i, true);
          if (part) {
            flush();
            parts.push(part);
          } else pushLit('$', true);
          i = n;
        } else {
          pushLit(s[i], true);
          i++;
        }
      }
      if (i >= s.length) throw new ShellIncompleteError('bash: unexpected EOF while looking for matching `"\'');
      if (!any) {
        flush();
        parts.push({ t: 'lit', v: '', quoted: true });
      }
      i++;
      continue;
    }
    if (c === '$') {
      const [part, n] = readDollar(s, i, false);
      if (part) {
        flush();
        parts.push(part);
      } else pushLit('$', false);
      i = n;
      continue;
    }
    pushLit(c, false);
    i++;
  }
  flush();
  return [parts, i, s.slice(start, i)];
}

function readDollar(s: string, i: number, quoted: boolean): [WordPart | null, number] {
  const rest = s.slice(i + 1);
  if (rest.startsWith('((')) {
    // $((expr)): arithmetic expansion, up to the `))` that closes it.
    let depth = 0;
    for (let j = i + 3; j < s.length; j++) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')') {
        if (depth > 0) depth--;
        else if (s[j + 1] === ')') return [{ t: 'arith', src: s.slice(i + 3, j), quoted }, j + 2];
        else break;
      }
    }
  }
  if (rest.startsWith('(')) {
    let depth = 0;
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')' && --depth === 0) return [{ t: 'cmd', src: s.slice(i + 2, j), quoted }, j + 1];
    }
    throw new ShellIncompleteError("bash: unexpected EOF while looking for matching `)'");
  }
  const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$])\}/.exec(rest);
  if (braced) return [{ t: 'var', name: braced[1], quoted }, i + 1 + braced[0].length];
  const plain = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$])/.exec(rest);
  if (plain) return [{ t: 'var', name: plain[1], quoted }, i + 1 + plain[0].length];
  return [null, i + 1];
}
