/**
 * POSIX regular expressions (glibc's dialects as GNU sed and mawk read them) as JavaScript ones.
 * mawk 1.3.4 20200120 has no interval expressions: in awk, `{` and `}` are literal.
 *
 * BRE (sed without -E): `\( \)`, `\{m,n\}`, and the GNU extensions `\+ \? \|` are operators only when
 * escaped; bare `+ ? ( ) { } |` are literal; `*` first in the expression (or a group, or a branch)
 * is literal; `^` anchors only first, `$` only last. ERE (sed -E, awk): the operators bare. Both:
 * bracket expressions with `[:alpha:]`-style classes (a backslash in them is literal in sed, an
 * escape in awk), back-references `\1`–`\9` (sed), GNU's `\w \W \s \S \b \B \< \> \` \'`.
 *
 * The JavaScript expression uses the `s` flag (`.` matches a newline, as in sed's pattern space and
 * awk's records); it matches leftmost-first where POSIX matches leftmost-longest: an alternation whose
 * earlier branch is a prefix of a later one (`a|ab`) matches less than glibc would.
 */

export interface JsRe {
  source: string;
  /** Capturing groups. */
  groups: number;
}

/** A glibc regcomp error message ("Unmatched ( or \\(", …). */
export class ReError extends Error {}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

const escChar = (c: string) => (/[\\\]\[^\-]/.test(c) ? '\\' + c : c);
const escLit = (c: string) => (/[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c === '\n' ? '\\n' : c === '\t' ? '\\t' : c);

/** Control escapes both dialects know: `\t`, `\n`, … (the character, or undefined). */
const CTRL: Record<string, string> = { a: '\x07', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export interface ReOptions {
  ere: boolean;
  /** A backslash inside brackets escapes (awk); in sed it is literal but for `\n`, `\t`, … and `\\`. */
  awk?: boolean;
}

/** Translate; throws ReError with glibc's message. */
export function toJs(src: string, opts: ReOptions): JsRe {
  const { ere, awk = false } = opts;
  let out = '';
  let groups = 0;
  const open: { at: number; n: number }[] = [];
  const closed = new Set<number>();
  /** Where the last atom starts in `out` (-1: none, a quantifier here has nothing to repeat). */
  let atom = -1;
  let quantified = false;
  /** At the start of the expression, a group or a branch (BRE: `*` literal, `^` an anchor). */
  let start = true;
  const n = src.length;
  const quant = (q: string) => {
    if (atom < 0) {
      throw new ReError('Invalid preceding regular expression');
    }
    if (quantified) {
      // glibc: a BRE quantifier may not follow another (`a**`); an ERE one may.
      if (!ere) throw new ReError('Invalid preceding regular expression');
      out = out.slice(0, atom) + '(?:' + out.slice(atom) + ')';
    }
    out += q;
    quantified = true;
    start = false;
  };
  const lit = (s: string) => {
    atom = out.length;
    out += s;
    quantified = false;
    start = false;
  };
  const interval = (i: number, close: string): number => {
    // i is just past `{` / `\{`.
    const end = src.indexOf(close, i);
    if (end < 0) throw new ReError('Unmatched \\{');
    const body = src.slice(i, end);
    const m = /^(\d*)(,(\d*))?$/.exec(body);
    if (!m || (m[1] === '' && m[2] === undefined)) throw new ReError('Invalid content of \\{\\}');
    const lo = m[1] === '' ? 0 : Number(m[1]);
    const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (hi < lo || lo > 32767 || (hi !== Infinity && hi > 32767)) throw new ReError('Invalid content of \\{\\}');
    quant(hi === Infinity ? `{${lo},}` : hi === lo ? `{${lo}}` : `{${lo},${hi}}`);
    return end + close.length;
  };
  for (let i = 0; i < n; ) {
    const c = src[i];
    if (c === '\\') {
      if (i + 1 >= n) throw new ReError('Trailing backslash');
      const d = src[i + 1];
      i += 2;
      if (!ere && d === '(') {
        open.push({ at: out.length, n: ++groups });
        out += '(';
        atom = -1;
        start = true;
      } else if (!ere && d === ')') {
        const g = open.pop();
        if (!g) throw new ReError('Unmatched ) or \\)');
        out += ')';
        closed.add(g.n);
        atom = g.at;
        quantified = false;
        start = false;
      } else if (!ere && d === '|') {
        out += '|';
        atom = -1;
        start = true;
      } else if (!ere && d === '{') {
        if (start && atom < 0) throw new ReError('Invalid preceding regular expression');
        i = interval(i, '\\}');
      } else if (!ere && (d === '+' || d === '?')) {
        if (atom < 0) lit('\\' + d);
        else quant(d);
      } else if (d >= '1' && d <= '9') {
        if (!closed.has(Number(d))) throw new ReError('Invalid back reference');
        lit('\\' + d);
      } else if (d === 'w' || d === 'W' || d === 's' || d === 'S') lit('\\' + d);
      else if (d === 'b' || d === 'B') {
        out += '\\' + d;
        atom = -1;
      } else if (d === '<') {
        out += '\\b(?=\\w)';
        atom = -1;
      } else if (d === '>') {
        out += '\\b(?<=\\w)';
        atom = -1;
      } else if (d === '`') {
        out += '(?<![\\s\\S])';
        atom = -1;
      } else if (d === "'") {
        out += '(?![\\s\\S])';
        atom = -1;
      } else if (CTRL[d] !== undefined) lit(escLit(CTRL[d]));
      else lit(escLit(d));
      continue;
    }
    i++;
    if (c === '[') {
      i = bracket(src, i, awk, (s) => lit(s));
    } else if (c === '.') lit('.');
    else if (c === '*') {
      if (!ere && (start || atom < 0)) lit('\\*');
      else quant('*');
    } else if (ere && (c === '+' || c === '?')) quant(c);
    else if (ere && c === '{' && !awk) {
      if (atom < 0) throw new ReError('Invalid preceding regular expression');
      i = interval(i, '}');
    } else if (ere && c === '(') {
      open.push({ at: out.length, n: ++groups });
      out += '(';
      atom = -1;
      start = true;
    } else if (ere && c === ')') {
      const g = open.pop();
      if (!g) {
        if (awk) lit('\\)');
        else throw new ReError('Unmatched ) or \\)');
      } else {
        out += ')';
        closed.add(g.n);
        atom = g.at;
        quantified = false;
        start = false;
      }
    } else if (ere && c === '|') {
      out += '|';
      atom = -1;
      start = true;
    } else if (c === '^') {
      if (ere || start) {
        out += '^';
        atom = -1;
        // BRE: `^*` has the star literal.
      } else lit('\\^');
    } else if (c === '$') {
      const last = i >= n || (!ere && (src.startsWith('\\)', i) || src.startsWith('\\|', i)));
      if (ere || last) {
        out += '$';
        atom = -1;
        start = false;
      } else lit('\\$');
    } else lit(escLit(c));
  }
  if (open.length) throw new ReError('Unmatched ( or \\(');
  return { source: out, groups };
}

/** A bracket expression from just past `[`; emits the JS class, returns the index past `]`. */
function bracket(src: string, i: number, awk: boolean, emit: (s: string) => void): number {
  const n = src.length;
  let negate = false;
  if (src[i] === '^') {
    negate = true;
    i++;
  }
  const items: string[] = [];
  let first = true;
  const unmatched = () => new ReError('Unmatched [, [^, [:, [., or [=');
  /** One bracket character (or a class) at i: [text for JS, next i, is a class]. */
  const one = (): [string, number, boolean] => {
    const c = src[i];
    if (c === '[' && (src[i + 1] === ':' || src[i + 1] === '=' || src[i + 1] === '.')) {
      const kind = src[i + 1];
      const end = src.indexOf(kind + ']', i + 2);
      if (end < 0) throw unmatched();
      const name = src.slice(i + 2, end);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) throw new ReError('Invalid character class name');
        return [cls, end + 2, true];
      }
      if ([...name].length !== 1) throw new ReError('Invalid collation character');
      return [escChar(name), end + 2, false];
    }
    if (c === '\\' && i + 1 < n) {
      const d = src[i + 1];
      if (awk) return [CTRL[d] !== undefined ? escChar(CTRL[d]) : d === '/' || d === '"' ? d : escChar(d), i + 2, false];
      if (CTRL[d] !== undefined) return [escChar(CTRL[d]), i + 2, false];
      if (d === '\\') return ['\\\\', i + 2, false];
      if (d === ']') return ['\\\\', i + 1, false];
    }
    return [escChar(c), i + 1, false];
  };
  while (true) {
    if (i >= n) throw unmatched();
    if (src[i] === ']' && !first) {
      i++;
      break;
    }
    first = false;
    const [a, next, isClass] = one();
    i = next;
    if (!isClass && src[i] === '-' && i + 1 < n && src[i + 1] !== ']') {
      i++;
      const [b, next2, bClass] = one();
      if (bClass) throw new ReError('Invalid range end');
      const code = (s: string) => (s.length > 1 && s[0] === '\\' ? s.slice(1) : s).charCodeAt(0);
      if (code(b) < code(a)) throw new ReError('Invalid range end');
      i = next2;
      items.push(`${a}-${b}`);
    } else items.push(a);
  }
  if (!items.length) throw unmatched();
  // [^…] does not match a newline in awk records? It does (POSIX leaves it to the implementation; glibc and mawk match it).
  emit(`[${negate ? '^' : ''}${items.join('')}]`);
  return i;
}

/** Compile, throwing ReError; flags as JS (`i`, `m`, `g`), `s` always added. */
export function compile(src: string, opts: ReOptions, flags = ''): RegExp & { groups_: number } {
  const { source, groups } = toJs(src, opts);
  let re: RegExp;
  try {
    re = new RegExp(source, flags + 's');
  } catch {
    throw new ReError('Invalid preceding regular expression');
  }
  return Object.assign(re, { groups_: groups });
}

/**
 * The matches a global substitution replaces, left to right, as sed's `s///g` and awk's gsub take
 * them: after a match, an empty match at the same place does not count, and an empty match moves
 * the search on by one character.
 */
export function* globalMatches(re: RegExp, s: string): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length) {
    g.lastIndex = pos;
    const m = g.exec(s);
    if (!m) return;
    const start = m.index;
    const end = start + m[0].length;
    if (start === end && start === prevEnd) {
      pos = start + 1;
      continue;
    }
    yield m;
    prevEnd = end;
    pos = end > start ? end : end + 1;
  }
}
