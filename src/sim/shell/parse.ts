/**
 * A small POSIX-shell parser: the subset scripts, run buttons and the terminal need — quoting,
 * `$VAR`/`${VAR}`/`$(…)` expansion, pipes, `&&`/`||`/`;`, redirections (`>`, `>>`, `<`, `2>`, `2>&1`,
 * `&>`), here-documents (`<<EOF`, `<<-EOF`, `<<'EOF'`) and backslash line continuation.
 */

export interface Redirect {
  fd: 1 | 2 | 0;
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

/** A word is kept as parts so expansion happens at run time, with the quoting it had. */
export type WordPart = { t: 'lit'; v: string; quoted: boolean } | { t: 'var'; name: string; quoted: boolean } | { t: 'cmd'; src: string; quoted: boolean };
export type Word = WordPart[];

export interface SimpleCommand {
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
  heredoc?: { body: string; expand: boolean };
}

export interface Pipeline {
  commands: SimpleCommand[];
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

interface Token {
  kind: 'word' | 'op';
  value: string;
  word?: Word;
}

/** Split a script into logical lines (continuations and here-documents folded in), then parse each. */
export function parseScript(src: string): (ScriptLine | { text: string; error: string })[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: (ScriptLine | { text: string; error: string })[] = [];
  let i = 0;
  while (i < lines.length) {
    let text = lines[i++];
    // Backslash-newline continuation.
    while (/(^|[^\\])(\\\\)*\\$/.test(text) && i < lines.length) text = text.slice(0, -1) + '\n' + lines[i++];
    const trimmed = text.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    // Here-documents: the lines after the command, up to the delimiter.
    const docs = text.includes('<<') ? heredocDelimiters(text) : [];
    const bodies: { body: string; expand: boolean }[] = [];
    let full = text;
    let unterminated = false;
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
      if (!found) unterminated = true;
      bodies.push({ body: body.length ? body.join('\n') + '\n' : '', expand: d.expand });
    }
    try {
      const list = parseLine(text, bodies);
      out.push({ text: full, list });
      if (unterminated) {
        // bash warns and uses what it read.
        out.push({ text: '', error: `bash: warning: here-document delimited by end-of-file (wanted \`${docs[docs.length - 1].delim}')` });
      }
    } catch (e) {
      out.push({ text: full, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
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

/** Parse one logical line (here-document bodies supplied in order). */
export function parseLine(line: string, heredocs: { body: string; expand: boolean }[] = []): AndOr[] {
  const tokens = tokenize(line);
  let pos = 0;
  let doc = 0;
  const peek = () => tokens[pos];
  const list: AndOr[] = [];

  const parseCommand = (): SimpleCommand => {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = peek();
      if (!t) break;
      if (t.kind === 'op') {
        const m = /^(\d?)(>>|>&|>|<<-?|<|&>)$/.exec(t.value);
        if (!m) break;
        pos++;
        const fdRaw = m[1];
        const op = m[2];
        if (op === '<<' || op === '<<-') {
          const target = tokens[pos++];
          if (!target || target.kind !== 'word') throw new ShellSyntaxError("bash: syntax error near unexpected token `newline'");
          cmd.heredoc = heredocs[doc++] ?? { body: '', expand: true };
          continue;
        }
        const target = tokens[pos++];
        if (!target || target.kind !== 'word') throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${target?.value ?? 'newline'}'`);
        if (op === '&>') {
          cmd.redirects.push({ fd: 1, op: '>', target: target.word! });
          cmd.redirects.push({ fd: 2, op: '>&', target: [{ t: 'lit', v: '1', quoted: false }] });
        } else {
          const fd = (fdRaw ? Number(fdRaw) : op === '<' ? 0 : 1) as 0 | 1 | 2;
          cmd.redirects.push({ fd, op: op as Redirect['op'], target: target.word! });
        }
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

  const parsePipeline = (): Pipeline => {
    let negate = false;
    if (peek()?.kind === 'word' && peek()!.value === '!') {
      negate = true;
      pos++;
    }
    const commands = [parseCommand()];
    while (peek()?.kind === 'op' && peek()!.value === '|') {
      pos++;
      if (!peek()) throw new ShellSyntaxError("bash: syntax error near unexpected token `|'");
      commands.push(parseCommand());
    }
    for (const c of commands) {
      if (!c.words.length && !c.assigns.length && !c.redirects.length && !c.heredoc) {
        throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${peek()?.value ?? '|'}'`);
      }
    }
    return { commands, negate };
  };

  while (pos < tokens.length) {
    if (peek()!.kind === 'op' && peek()!.value === ';') {
      throw new ShellSyntaxError("bash: syntax error near unexpected token `;'");
    }
    const first = parsePipeline();
    const rest: AndOr['rest'] = [];
    while (peek()?.kind === 'op' && (peek()!.value === '&&' || peek()!.value === '||')) {
      const op = peek()!.value as '&&' | '||';
      pos++;
      if (!peek()) throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${op}'`);
      rest.push({ op, pipeline: parsePipeline() });
    }
    list.push({ first, rest });
    if (peek()?.kind === 'op' && (peek()!.value === ';' || peek()!.value === '&')) pos++;
    else if (peek()) throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${peek()!.value}'`);
  }
  return list;
}

const OPS = ['&&', '||', '2>&1', '>>', '>&', '<<-', '<<', '&>', '|', ';', '&', '>', '<'];

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') break; // comment to end of line
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
      if (end < 0) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `''");
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
      if (i >= s.length) throw new ShellSyntaxError('bash: unexpected EOF while looking for matching `"\'');
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
  if (rest.startsWith('(')) {
    let depth = 0;
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === '(') depth++;
      else if (s[j] === ')' && --depth === 0) return [{ t: 'cmd', src: s.slice(i + 2, j), quoted }, j + 1];
    }
    throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `)'");
  }
  const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$])\}/.exec(rest);
  if (braced) return [{ t: 'var', name: braced[1], quoted }, i + 1 + braced[0].length];
  const plain = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$])/.exec(rest);
  if (plain) return [{ t: 'var', name: plain[1], quoted }, i + 1 + plain[0].length];
  return [null, i + 1];
}
