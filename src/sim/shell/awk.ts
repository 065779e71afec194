/**
 * awk: a model of mawk 1.3.4 20200120, Ubuntu's awk (/usr/bin/awk → /etc/alternatives/awk →
 * /usr/bin/mawk; it names itself by argv[0], so messages begin `awk:` or `mawk:`). gawk is not
 * installed on a stock node.
 *
 * The language as learners use it: patterns (regex, expressions, ranges, BEGIN/END), fields and $0
 * rebuilt with OFS, NR NF FNR FS OFS RS ORS FILENAME SUBSEP RSTART RLENGTH CONVFMT OFMT ENVIRON ARGV,
 * -F, -v, `var=value` operands, print/printf (C formats), output to files (> >>) and to commands
 * (`| "sort"`, run by the simulated shell), getline in its forms, string and math builtins, strnum
 * comparisons, associative arrays, user functions, and mawk's quirks (integers print as such only
 * within ±2147483647; printf %d clamps there; substr with a start below 1). Messages as mawk prints
 * them (`awk: line 1: syntax error at or near }`, run time errors with FILENAME/FNR/NR), exit 2.
 *
 * Not modelled: `for (k in a)` visits keys in insertion order, where mawk walks its hash tables (an
 * order that looks random); srand/rand give a different sequence.
 */
import { FileSystem } from './fs.ts';
import { globalMatches, ReError, toJs } from './posixre.ts';
import type { CommandContext, CommandFn } from './shell.ts';

// ---------------------------------------------------------------- values

/** A string from input (a field, getline, split, -v, ARGV): numeric if it looks like a number. */
class StrNum {
  s: string;
  n: number | null;
  constructor(s: string) {
    this.s = s;
    this.n = looksNumeric(s);
  }
}
type Val = number | string | StrNum;

const NUM_PREFIX = /^[ \t\n\f\r\v]*([-+]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][-+]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf(?:inity)?|nan))/i;

function strtod(s: string): [number, number] {
  const m = NUM_PREFIX.exec(s);
  if (!m) return [0, 0];
  let t = m[1];
  let sign = 1;
  if (t[0] === '-' || t[0] === '+') {
    sign = t[0] === '-' ? -1 : 1;
    t = t.slice(1);
  }
  let v: number;
  const low = t.toLowerCase();
  if (low.startsWith('inf')) v = Infinity;
  else if (low === 'nan') v = NaN;
  else if (low.startsWith('0x')) {
    const [mant, exp] = low.slice(2).split('p');
    const [ip, fp = ''] = mant.split('.');
    v = parseInt(ip || '0', 16) + (fp ? parseInt(fp, 16) / 16 ** fp.length : 0);
    if (exp) v *= 2 ** Number(exp);
  } else v = Number(t);
  return [sign * v, m[0].length];
}

function looksNumeric(s: string): number | null {
  if (/^[ \t\n\f\r\v]*[-+]?0[xX]/.test(s)) return null;
  const [v, len] = strtod(s);
  if (!len) return null;
  return /^[ \t\n\f\r\v]*$/.test(s.slice(len)) ? v : null;
}

/** An uninitialized variable: "" and 0, compared as a number. */
const UNINIT = new StrNum('');
UNINIT.n = 0;

function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return strtod(v)[0];
  return v.n ?? strtod(v.s)[0];
}

const MAX_INT = 2147483647;

function numToStr(d: number, fmt: string): string {
  if (Number.isInteger(d) && d >= -MAX_INT && d <= MAX_INT) return String(d);
  return sprintf(fmt, [d], null);
}

// ---------------------------------------------------------------- printf

function fmtFloat(d: number, conv: string, prec: number, alt: boolean): string {
  if (!Number.isFinite(d)) {
    // glibc prints the default NaN of an invalid operation (0 % 0, log(-1)) with its sign bit: -nan.
    const s = Number.isNaN(d) ? '-nan' : d < 0 ? '-inf' : 'inf';
    return conv === conv.toUpperCase() ? s.toUpperCase() : s;
  }
  const lc = conv.toLowerCase();
  let s: string;
  if (lc === 'f') {
    const scaled = d * 10 ** prec;
    // An exact tie rounds to even in glibc (2.5 → 2); toFixed rounds it up.
    if (prec <= 15 && Number.isInteger(scaled * 2) && !Number.isInteger(scaled) && Math.floor(scaled) % 2 === 0) s = (Math.floor(scaled) / 10 ** prec).toFixed(prec);
    else s = d.toFixed(prec);
  }
  else if (lc === 'e') s = expo(d, prec);
  else {
    const p = prec === 0 ? 1 : prec;
    if (d === 0) s = alt ? (0).toFixed(p - 1) : '0';
    else {
      const x = Number(expo(d, p - 1).split('e')[1]);
      if (x < p && x >= -4) s = d.toFixed(p - 1 - x);
      else s = expo(d, p - 1);
      if (!alt) {
        s = s.replace(/^([^e]*\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
      }
    }
    if (Object.is(d, -0)) s = '-' + s;
  }
  if (lc === 'f' && Object.is(d, -0)) s = '-' + s;
  if (alt && prec === 0 && !s.includes('.') && lc !== 'g') s = s.replace(/^(-?\d+)/, '$1.');
  return conv === conv.toUpperCase() ? s.toUpperCase() : s;
}

function expo(d: number, prec: number): string {
  const [m, e] = d.toExponential(prec).split('e');
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

class AwkRuntimeError extends Error {
  /** What printf had formatted before the error (mawk writes it). */
  partial = '';
}

/** C printf as mawk does it; `name` for the error (printf/sprintf), null where no error can happen. */
function sprintf(fmt: string, args: Val[], name: string | null, convfmt = '%.6g'): string {
  let out = '';
  let ai = 0;
  const next = (): Val => {
    if (ai >= args.length) {
      if (name) {
        const e = new AwkRuntimeError(`not enough arguments passed to ${name}("${fmt}")`);
        e.partial = out;
        throw e;
      }
      return '';
    }
    return args[ai++];
  };
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlLqjzt]*)([a-zA-Z%])?/.exec(fmt.slice(i));
    if (!m || !m[5]) {
      out += fmt.slice(i);
      break;
    }
    i += m[0].length - 1;
    const flags = m[1];
    const conv = m[5];
    if (conv === '%') {
      out += '%';
      continue;
    }
    let width = m[2] === '*' ? Math.trunc(toNum(next())) : m[2] ? Number(m[2]) : 0;
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    let prec = m[3] === undefined ? -1 : m[3] === '*' ? Math.trunc(toNum(next())) : Number(m[3] || '0');
    const v = next();
    let s: string;
    let numeric = true;
    switch (conv) {
      case 'd':
      case 'i': {
        let d = Math.trunc(toNum(v));
        if (Number.isNaN(d)) d = 0;
        d = Math.max(-MAX_INT, Math.min(MAX_INT, d));
        s = String(Math.abs(d));
        if (prec >= 0) s = prec === 0 && d === 0 ? '' : s.padStart(prec, '0');
        s = (d < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
        break;
      }
      case 'o':
      case 'x':
      case 'X':
      case 'u': {
        let d = Math.trunc(toNum(v));
        if (Number.isNaN(d)) d = 0;
        d = Math.max(-MAX_INT - 1, Math.min(MAX_INT, d));
        const u = d < 0 ? BigInt.asUintN(64, BigInt(d)) : BigInt(d);
        s = u.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
        if (conv === 'X') s = s.toUpperCase();
        if (prec >= 0) s = prec === 0 && d === 0 ? '' : s.padStart(prec, '0');
        if (flags.includes('#') && d !== 0) s = conv === 'o' ? (s.startsWith('0') ? s : '0' + s) : conv === 'x' ? '0x' + s : conv === 'X' ? '0X' + s : s;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const d = toNum(v);
        if (Number.isNaN(d)) {
          s = fmtFloat(d, conv, 0, false);
          break;
        }
        s = fmtFloat(Math.abs(d), conv, prec < 0 ? 6 : prec, flags.includes('#'));
        const neg = d < 0 || Object.is(d, -0);
        s = (neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s.replace(/^-/, '');
        break;
      }
      case 'c': {
        numeric = false;
        if (typeof v === 'number') s = String.fromCharCode(Math.trunc(v) & 255);
        else {
          const t = typeof v === 'string' ? v : v.s;
          s = t === '' ? '\0' : t[0];
        }
        break;
      }
      case 's': {
        numeric = false;
        s = typeof v === 'number' ? numToStr(v, convfmt) : typeof v === 'string' ? v : v.s;
        if (prec >= 0) s = s.slice(0, prec);
        break;
      }
      default:
        throw new AwkRuntimeError(`bad conversion character ${conv} in ${name ?? 'printf'}("${fmt}")`);
    }
    if (s.length < width) {
      if (left) s = s.padEnd(width);
      else if (numeric && flags.includes('0') && (prec < 0 || !'diouxX'.includes(conv)) && /^[-+ ]?(0x|0X)?[0-9a-fA-F.]/.test(s)) {
        const sign = /^([-+ ]|0x|0X)*/.exec(s)![0];
        s = sign + s.slice(sign.length).padStart(width - sign.length, '0');
      } else s = s.padStart(width);
    }
    out += s;
  }
  return out;
}

// ---------------------------------------------------------------- lexer

type Tok = { t: string; v: string; line: number };

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);

class AwkSyntaxError extends Error {
  line: number;
  constructor(line: number, msg: string) {
    super(msg);
    this.line = line;
  }
}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  const push = (t: string, v = t) => toks.push({ t, v, line });
  const operandEnd = () => {
    const p = toks[toks.length - 1];
    return !!p && (['NUMBER', 'STRING', 'ERE', 'NAME', 'BUILTIN', ')', ']', '$', 'INCR', 'DECR'].includes(p.t) && !(p.t === '$'));
  };
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\r' && src[i + 2] === '\n') {
      i += 3;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push('NEWLINE', '\n');
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      let j = i + 1;
      for (;;) {
        if (j >= n || src[j] === '\n') throw new AwkSyntaxError(line, `runaway string constant "${src.slice(i + 1, j).slice(0, 10)} ...`);
        const d = src[j];
        if (d === '"') break;
        if (d === '\\' && j + 1 < n) {
          const e = src[j + 1];
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (map[e] !== undefined) {
            s += map[e];
            j += 2;
          } else if (e >= '0' && e <= '7') {
            const m = /^[0-7]{1,3}/.exec(src.slice(j + 1))!;
            s += String.fromCharCode(parseInt(m[0], 8) & 255);
            j += 1 + m[0].length;
          } else if (e === '\n') {
            j += 2;
            line++;
          } else {
            s += '\\' + e;
            j += 2;
          }
          continue;
        }
        s += d;
        j++;
      }
      push('STRING', s);
      i = j + 1;
      continue;
    }
    if (c === '/' && !operandEnd()) {
      let j = i + 1;
      let s = '';
      let inBr = false;
      for (;;) {
        if (j >= n || src[j] === '\n') throw new AwkSyntaxError(line, `runaway regular expression ${src.slice(i, j).slice(0, 10)} ...`);
        const d = src[j];
        if (d === '\\' && j + 1 < n) {
          if (src[j + 1] === '/') s += '/';
          else s += d + src[j + 1];
          j += 2;
          continue;
        }
        if (d === '[' && !inBr) {
          inBr = true;
          s += d;
          j++;
          if (src[j] === '^') (s += '^'), j++;
          if (src[j] === ']') (s += ']'), j++;
          continue;
        }
        if (d === ']' && inBr) inBr = false;
        else if (d === '/' && !inBr) break;
        s += d;
        j++;
      }
      push('ERE', s);
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(src.slice(i, i + 64));
    if (num && (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? '')))) {
      push('NUMBER', num[0]);
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
    if (word) {
      const w = word[0];
      i += w.length;
      if (KEYWORDS.has(w)) push(w === 'func' ? 'function' : w, w);
      else if (BUILTINS.has(w)) push('BUILTIN', w);
      else if (src[i] === '(') push('FUNC_NAME', w);
      else push('NAME', w);
      continue;
    }
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    if (three === '**=') throw new AwkSyntaxError(line, 'syntax error at or near *');
    if (['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '&&', '||', '>>', '++', '--', '!~'].includes(two)) {
      if (two === '/=' && !operandEnd()) {
        // `/=` where an operand is due starts a regex.
      } else {
        push(two === '++' ? 'INCR' : two === '--' ? 'DECR' : two);
        i += 2;
        continue;
      }
    }
    if ('{}()[];,+-*/%^!<>|?:~$='.includes(c)) {
      push(c);
      i++;
      continue;
    }
    throw new AwkSyntaxError(line, `\x01unexpected character '${c}'`);
  }
  push('EOF', '');
  return toks;
}

// ---------------------------------------------------------------- parser

type Node = any;

interface Func {
  name: string;
  params: string[];
  body: Node;
}

interface Program {
  begin: Node[];
  end: Node[];
  items: { pattern?: Node; pattern2?: Node; action: Node | null; inRange: boolean }[];
  funcs: Map<string, Func>;
}

class Parser {
  toks: Tok[];
  p = 0;
  funcs = new Map<string, Func>();
  calls: { name: string; argc: number; line: number }[] = [];
  inFunc: string[] | null = null;
  loopDepth = 0;
  inBeginEnd = '';
  /** Names used as arrays and as scalars (mawk checks at parse time). */
  constructor(toks: Tok[]) {
    this.toks = toks;
  }
  get tok(): Tok {
    return this.toks[this.p];
  }
  at(t: string): boolean {
    return this.toks[this.p].t === t;
  }
  peek(k = 1): Tok {
    return this.toks[Math.min(this.p + k, this.toks.length - 1)];
  }
  err(t: Tok = this.tok): never {
    if (t.t === ')') throw new AwkSyntaxError(t.line, "extra ')'");
    const near = t.t === 'NEWLINE' ? 'end of line' : t.t === 'EOF' ? 'end of file' : t.t === 'STRING' ? `"${t.v}"` : t.t === 'ERE' ? `/${t.v}/` : t.v;
    if (t.t === 'EOF') throw new AwkSyntaxError(t.line + 1, `syntax error at or near end of file`);
    throw new AwkSyntaxError(t.line, `syntax error at or near ${near}`);
  }
  eat(t: string): Tok {
    if (this.tok.t !== t) {
      if (t === '}' && this.tok.t === 'EOF') throw new AwkSyntaxError(this.tok.line + 1, 'missing } near end of file');
      if (t === ')' && this.tok.t !== 'EOF') throw new AwkSyntaxError(this.tok.line, `missing ) near ${this.nearText(this.tok)}`);
      this.err();
    }
    return this.toks[this.p++];
  }
  nearText(t: Tok): string {
    return t.t === 'NEWLINE' ? 'end of line' : t.t === 'EOF' ? 'end of file' : t.t === 'STRING' ? `"${t.v}"` : t.v;
  }
  opt(t: string): boolean {
    if (this.tok.t === t) {
      this.p++;
      return true;
    }
    return false;
  }
  nl(): void {
    while (this.tok.t === 'NEWLINE') this.p++;
  }
  terms(): void {
    while (this.tok.t === 'NEWLINE' || this.tok.t === ';') this.p++;
  }

  program(): Program {
    const prog: Program = { begin: [], end: [], items: [], funcs: this.funcs };
    this.terms();
    while (this.tok.t !== 'EOF') {
      if (this.tok.t === 'BEGIN' || this.tok.t === 'END') {
        const which = this.tok.t;
        this.p++;
        this.nl();
        if (!this.at('{')) this.err();
        this.inBeginEnd = which;
        const a = this.block();
        this.inBeginEnd = '';
        (which === 'BEGIN' ? prog.begin : prog.end).push(a);
      } else if (this.tok.t === 'function') {
        this.p++;
        const nameTok = this.tok;
        if (nameTok.t !== 'NAME' && nameTok.t !== 'FUNC_NAME') this.err();
        this.p++;
        this.eat('(');
        const params: string[] = [];
        while (!this.at(')')) {
          if (!this.at('NAME')) this.err();
          params.push(this.tok.v);
          this.p++;
          if (!this.opt(',')) break;
          this.nl();
        }
        this.eat(')');
        this.nl();
        this.inFunc = params;
        const body = this.block();
        this.inFunc = null;
        this.funcs.set(nameTok.v, { name: nameTok.v, params, body });
      } else if (this.tok.t === '{') {
        prog.items.push({ action: this.block(), inRange: false });
      } else {
        const pattern = this.expr();
        let pattern2: Node | undefined;
        if (this.opt(',')) {
          this.nl();
          pattern2 = this.expr();
        }
        const action = this.tok.t === '{' ? this.block() : null;
        prog.items.push({ pattern, pattern2, action, inRange: false });
      }
      if (this.tok.t === '}') throw new AwkSyntaxError(this.tok.line, "extra '}'\n" + `${'\0'}line ${this.tok.line}: syntax error at or near end of line`);
      if (this.tok.t === ')') throw new AwkSyntaxError(this.tok.line, "extra ')'");
      this.terms();
    }
    for (const c of this.calls) {
      const f = this.funcs.get(c.name);
      if (!f) throw new AwkSyntaxError(this.tok.line + 1, `function ${c.name} never defined`);
      if (c.argc > f.params.length) throw new AwkSyntaxError(c.line, `too many arguments in call to ${c.name}`);
    }
    return prog;
  }

  block(): Node {
    this.eat('{');
    const body: Node[] = [];
    this.terms();
    while (this.tok.t !== '}') {
      if (this.tok.t === 'EOF') throw new AwkSyntaxError(this.tok.line + 1, 'missing } near end of file');
      body.push(this.stmt());
      this.terms();
    }
    this.p++;
    return { k: 'block', body };
  }

  /** A simple statement's end: `;`, newline, or before `}`. */
  endSimple(): void {
    if (this.tok.t === ';' || this.tok.t === 'NEWLINE') {
      this.p++;
      return;
    }
    if (this.tok.t === '}' || this.tok.t === 'EOF') return;
    this.err();
  }

  stmtBody(): Node {
    this.nl();
    if (this.tok.t === '}') return { k: 'block', body: [] };
    if (this.tok.t === ';') {
      this.p++;
      return { k: 'block', body: [] };
    }
    return this.stmt();
  }

  stmt(): Node {
    const t = this.tok;
    switch (t.t) {
      case '{':
        return this.block();
      case 'if': {
        this.p++;
        this.eat('(');
        const cond = this.expr();
        this.eat(')');
        const then = this.stmtBody();
        // `else` may follow newlines or a `;`.
        const save = this.p;
        this.terms();
        if (this.tok.t === 'else') {
          this.p++;
          return { k: 'if', cond, then, else: this.stmtBody() };
        }
        this.p = save;
        return { k: 'if', cond, then };
      }
      case 'while': {
        this.p++;
        this.eat('(');
        const cond = this.expr();
        this.eat(')');
        if (this.tok.t === ';') {
          this.p++;
          return { k: 'while', cond, body: { k: 'block', body: [] } };
        }
        this.loopDepth++;
        const body = this.stmtBody();
        this.loopDepth--;
        return { k: 'while', cond, body };
      }
      case 'do': {
        this.p++;
        this.loopDepth++;
        const body = this.stmtBody();
        this.loopDepth--;
        this.terms();
        this.eat('while');
        this.eat('(');
        const cond = this.expr();
        this.eat(')');
        this.endSimple();
        return { k: 'do', cond, body };
      }
      case 'for': {
        this.p++;
        this.eat('(');
        if (this.tok.t === 'NAME' && this.peek().t === 'in' && this.peek(2).t === 'NAME' && this.peek(3).t === ')') {
          const v = this.tok.v;
          const arr = this.peek(2).v;
          this.use(arr, 'array', this.tok.line);
          this.use(this.tok.v, 'scalar', this.tok.line);
          this.p += 4;
          this.loopDepth++;
          const body = this.stmtBody();
          this.loopDepth--;
          return { k: 'forin', v, arr, body };
        }
        const init = this.tok.t === ';' ? null : this.simpleStmt();
        this.eat(';');
        this.nl();
        const cond = this.tok.t === ';' ? null : this.expr();
        this.eat(';');
        this.nl();
        const step = this.tok.t === ')' ? null : this.simpleStmt();
        this.eat(')');
        if (this.tok.t === ';') {
          this.p++;
          return { k: 'for', init, cond, step, body: { k: 'block', body: [] } };
        }
        this.loopDepth++;
        const body = this.stmtBody();
        this.loopDepth--;
        return { k: 'for', init, cond, step, body };
      }
      case ';':
        this.p++;
        return { k: 'block', body: [] };
    }
    const s = this.simpleStmt();
    this.endSimple();
    return s;
  }

  simpleStmt(): Node {
    const t = this.tok;
    switch (t.t) {
      case 'print':
      case 'printf': {
        this.p++;
        let args: Node[] = [];
        if (!['NEWLINE', ';', '}', '>', '>>', '|', 'EOF'].includes(this.tok.t)) {
          args = this.exprList(true);
          if (args.length === 1 && args[0].k === 'group') args = args[0].list;
        }
        let redir: string | undefined;
        let dest: Node | undefined;
        if (this.tok.t === '>' || this.tok.t === '>>' || this.tok.t === '|') {
          redir = this.tok.t;
          this.p++;
          dest = this.concat(true);
        }
        if (t.t === 'printf' && !args.length) this.err();
        return { k: t.t, args, redir, dest };
      }
      case 'next':
      case 'nextfile':
        if (this.inBeginEnd || this.inFunc) {
          if (this.inBeginEnd) throw new AwkSyntaxError(t.line, `improper use of ${t.t}`);
        }
        this.p++;
        return { k: t.t };
      case 'exit': {
        this.p++;
        const e = ['NEWLINE', ';', '}', 'EOF'].includes(this.tok.t) ? null : this.expr();
        return { k: 'exit', e };
      }
      case 'return': {
        if (!this.inFunc) throw new AwkSyntaxError(t.line, 'return outside function body');
        this.p++;
        const e = ['NEWLINE', ';', '}', 'EOF'].includes(this.tok.t) ? null : this.expr();
        return { k: 'return', e };
      }
      case 'break':
      case 'continue':
        if (!this.loopDepth) throw new AwkSyntaxError(t.line, `${t.t} statement outside of loop`);
        this.p++;
        return { k: t.t };
      case 'delete': {
        this.p++;
        const name = this.eat('NAME').v;
        this.use(name, 'array', t.line);
        if (this.opt('[')) {
          const subs = this.exprList(false);
          this.eat(']');
          return { k: 'delete', name, subs };
        }
        return { k: 'delete', name };
      }
    }
    return { k: 'expr', e: this.expr() };
  }

  exprList(noGt: boolean): Node[] {
    const list = [this.expr(noGt)];
    while (this.opt(',')) {
      this.nl();
      list.push(this.expr(noGt));
    }
    return list;
  }

  expr(noGt = false): Node {
    return this.ternary(noGt);
  }

  isLvalue(n: Node): boolean {
    return n.k === 'var' || n.k === 'index' || n.k === 'field';
  }

  ternary(noGt: boolean): Node {
    const c = this.or(noGt);
    if (this.tok.t === '?') {
      this.p++;
      this.nl();
      const a = this.ternary(noGt);
      this.nl();
      this.eat(':');
      this.nl();
      const b = this.ternary(noGt);
      return { k: 'cond', c, a, b };
    }
    const op = this.tok.t;
    if (['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(op) && this.isLvalue(c)) {
      this.p++;
      this.nl();
      const v = this.ternary(noGt);
      return { k: 'assign', op, target: c, v };
    }
    return c;
  }

  or(noGt: boolean): Node {
    let l = this.and(noGt);
    while (this.tok.t === '||') {
      this.p++;
      this.nl();
      l = { k: 'or', l, r: this.and(noGt) };
    }
    return l;
  }
  and(noGt: boolean): Node {
    let l = this.inExpr(noGt);
    while (this.tok.t === '&&') {
      this.p++;
      this.nl();
      l = { k: 'and', l, r: this.inExpr(noGt) };
    }
    return l;
  }
  inExpr(noGt: boolean): Node {
    let l = this.match(noGt);
    while (this.tok.t === 'in') {
      this.p++;
      const arr = this.eat('NAME').v;
      this.use(arr, 'array', this.tok.line);
      l = { k: 'in', subs: l.k === 'group' ? l.list : [l], arr };
    }
    return l;
  }
  match(noGt: boolean): Node {
    let l = this.compare(noGt);
    while (this.tok.t === '~' || this.tok.t === '!~') {
      const neg = this.tok.t === '!~';
      this.p++;
      l = { k: 'match', neg, l, r: this.compare(noGt) };
    }
    return l;
  }
  compare(noGt: boolean): Node {
    const l = this.concat(noGt);
    const op = this.tok.t;
    if (['<', '<=', '!=', '==', '>=', ...(noGt ? [] : ['>'])].includes(op)) {
      this.p++;
      return { k: 'cmp', op, l, r: this.concat(noGt) };
    }
    if (op === '|' && this.peek().t === 'getline') {
      this.p += 2;
      const target = this.optLvalue();
      let n: Node = { k: 'getline', src: 'cmd', cmd: l, target };
      // `cmd | getline > 0` and chains.
      while (this.tok.t === '|' && this.peek().t === 'getline') {
        this.p += 2;
        n = { k: 'getline', src: 'cmd', cmd: n, target: this.optLvalue() };
      }
      const op2 = this.tok.t;
      if (['<', '<=', '!=', '==', '>=', ...(noGt ? [] : ['>'])].includes(op2)) {
        this.p++;
        return { k: 'cmp', op: op2, l: n, r: this.concat(noGt) };
      }
      return n;
    }
    return l;
  }
  startsOperand(): boolean {
    const t = this.tok.t;
    return ['NUMBER', 'STRING', 'ERE', 'NAME', 'FUNC_NAME', 'BUILTIN', '$', '!', '(', '-', '+', 'INCR', 'DECR'].includes(t) || (t === 'getline');
  }
  concat(noGt: boolean): Node {
    let l = this.additive();
    while (this.startsOperand() && !['-', '+', '!'].includes(this.tok.t) && this.tok.t !== 'in') {
      if (this.tok.t === 'getline') {
        l = { k: 'concat', l, r: this.additive() };
        continue;
      }
      l = { k: 'concat', l, r: this.additive() };
    }
    return l;
  }
  additive(): Node {
    let l = this.mul();
    while (this.tok.t === '+' || this.tok.t === '-') {
      const op = this.tok.t;
      this.p++;
      l = { k: 'arith', op, l, r: this.mul() };
    }
    return l;
  }
  mul(): Node {
    let l = this.unary();
    while (this.tok.t === '*' || this.tok.t === '/' || this.tok.t === '%') {
      const op = this.tok.t;
      this.p++;
      l = { k: 'arith', op, l, r: this.unary() };
    }
    return l;
  }
  unary(): Node {
    const t = this.tok.t;
    if (t === '!') {
      this.p++;
      return { k: 'not', e: this.unary() };
    }
    if (t === '-' || t === '+') {
      this.p++;
      return { k: 'neg', op: t, e: this.unary() };
    }
    return this.pow();
  }
  pow(): Node {
    const b = this.postfix();
    if (this.tok.t === '^') {
      this.p++;
      // Right associative; the exponent may be signed.
      const e = this.at('-') || this.at('+') || this.at('!') ? this.unary() : this.pow();
      return { k: 'arith', op: '^', l: b, r: e };
    }
    return b;
  }
  postfix(): Node {
    const t = this.tok.t;
    if (t === 'INCR' || t === 'DECR') {
      this.p++;
      const target = this.postfix();
      if (!this.isLvalue(target)) this.err();
      return { k: 'incr', pre: true, d: t === 'INCR' ? 1 : -1, target };
    }
    const e = this.primary();
    if (this.isLvalue(e) && (this.tok.t === 'INCR' || this.tok.t === 'DECR')) {
      const d = this.tok.t === 'INCR' ? 1 : -1;
      this.p++;
      return { k: 'incr', pre: false, d, target: e };
    }
    return e;
  }
  optLvalue(): Node | null {
    const t = this.tok.t;
    if (t === '$') {
      this.p++;
      return { k: 'field', e: this.fieldOperand() };
    }
    if (t === 'NAME') return this.nameRef();
    return null;
  }
  /** mawk types each global name at parse time: a scalar used as an array (or back) is an error. */
  kinds = new Map<string, string>();
  use(name: string, kind: 'scalar' | 'array', line: number): void {
    if (this.inFunc?.includes(name)) return;
    const k = this.kinds.get(name);
    if (k && k !== kind) throw new AwkSyntaxError(line, `illegal reference to ${k === 'array' ? 'array' : 'variable'} ${name}`);
    this.kinds.set(name, kind);
  }
  nameRef(): Node {
    const t = this.eat('NAME');
    const name = t.v;
    this.use(name, this.tok.t === '[' ? 'array' : 'scalar', t.line);
    if (this.tok.t === '[') {
      this.p++;
      const subs = this.exprList(false);
      this.eat(']');
      return { k: 'index', name, subs };
    }
    return { k: 'var', name };
  }
  fieldOperand(): Node {
    const t = this.tok.t;
    if (t === 'INCR' || t === 'DECR') {
      this.p++;
      const target = this.primary();
      return { k: 'incr', pre: true, d: t === 'INCR' ? 1 : -1, target };
    }
    if (t === '-' || t === '+' || t === '!') {
      this.p++;
      return t === '!' ? { k: 'not', e: this.fieldOperand() } : { k: 'neg', op: t, e: this.fieldOperand() };
    }
    return this.primary();
  }
  primary(): Node {
    const t = this.tok;
    switch (t.t) {
      case 'NUMBER':
        this.p++;
        return { k: 'num', v: strtod(t.v)[0] };
      case 'STRING':
        this.p++;
        return { k: 'str', v: t.v };
      case 'ERE':
        this.p++;
        return { k: 're', src: t.v };
      case '$': {
        this.p++;
        return { k: 'field', e: this.fieldOperand() };
      }
      case '(': {
        this.p++;
        this.nl();
        const e = this.expr();
        if (this.tok.t === ',') {
          const list = [e];
          while (this.opt(',')) {
            this.nl();
            list.push(this.expr());
          }
          this.eat(')');
          if (!this.at('in') && !['NEWLINE', ';', '}', '>', '>>', '|', 'EOF'].includes(this.tok.t)) this.err();
          return { k: 'group', list };
        }
        this.nl();
        this.eat(')');
        return { k: 'paren', e };
      }
      case 'NAME':
        return this.nameRef();
      case 'FUNC_NAME': {
        this.p++;
        this.eat('(');
        this.nl();
        const args: Node[] = [];
        while (this.tok.t !== ')') {
          // A bare name passed to a function may be an array or a scalar: typed by the callee's use.
          if (this.at('NAME') && [',', ')'].includes(this.peek().t)) {
            args.push({ k: 'var', name: this.tok.v });
            this.p++;
          } else args.push(this.expr());
          this.nl();
          if (!this.opt(',')) break;
          this.nl();
        }
        this.eat(')');
        this.calls.push({ name: t.v, argc: args.length, line: t.line });
        return { k: 'call', name: t.v, args };
      }
      case 'BUILTIN': {
        this.p++;
        const args: Node[] = [];
        if (this.tok.t === '(') {
          this.p++;
          this.nl();
          while (!this.at(')')) {
            // split's array, and length's argument (an array or not), are names, not scalar uses.
            const bare = this.at('NAME') && [',', ')'].includes(this.peek().t);
            if (bare && ((t.v === 'split' && args.length === 1) || t.v === 'length')) {
              const nm = this.tok;
              this.p++;
              if (t.v === 'split') this.use(nm.v, 'array', nm.line);
              else if (this.kinds.get(nm.v) !== 'array') this.use(nm.v, 'scalar', nm.line);
              args.push({ k: 'var', name: nm.v });
            } else args.push(this.expr());
            this.nl();
            if (!this.opt(',')) break;
            this.nl();
          }
          this.eat(')');
        } else if (t.v !== 'length') this.err();
        return { k: 'builtin', name: t.v, args };
      }
      case 'getline': {
        this.p++;
        const target = this.optLvalue();
        if (this.tok.t === '<') {
          this.p++;
          const file = this.primaryNoConcat();
          return { k: 'getline', src: 'file', file, target };
        }
        return { k: 'getline', src: 'main', target };
      }
      case '-':
      case '+':
      case '!':
        return this.unary();
      case 'INCR':
      case 'DECR':
        return this.postfix();
    }
    if (t.t === 'EOF') throw new AwkSyntaxError(t.line + 1, 'syntax error at or near end of file');
    if (this.toks[this.p - 1]?.t === '(' && (t.t === '}' || t.t === 'NEWLINE')) throw new AwkSyntaxError(t.line, `missing ) near ${this.nearText(t)}`);
    return this.err();
  }
  primaryNoConcat(): Node {
    return this.postfix();
  }
}

// ---------------------------------------------------------------- interpreter

class Cell {
  v: Val = UNINIT;
  arr: Map<string, Val> | null = null;
  /** A parameter passed an untyped variable: made an array, it is the caller's. */
  alias: Cell | null = null;
}

class NextSignal {}
class NextFileSignal {}
class ExitSignal {
  code: number;
  constructor(code: number) {
    this.code = code;
  }
}
class ReturnSignal {
  v: Val;
  constructor(v: Val) {
    this.v = v;
  }
}
class BreakSignal {}
class ContinueSignal {}

interface Reader {
  text: string;
  pos: number;
}

const USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a "--" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed with "-W".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W posix_space   do not consider "\\n" a space.
    -W usage         show this message and exit.
`;

const VERSION = `mawk 1.3.4 20200120
Copyright 2008-2019,2020, Thomas E. Dickey
Copyright 1991-1996,2014, Michael D. Brennan

random-funcs:       srandom/random
regex-funcs:        internal
compiled limits:
sprintf buffer      8192
maximum-integer     2147483647
`;

/** Escape sequences in -v values, `var=value` operands and -F. */
function unescape(s: string): string {
  return s.replace(/\\([ntrabfv\\"/]|[0-7]{1,3})/g, (_m, e: string) => {
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', '/': '/' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8) & 255);
  });
}

class Interp {
  ctx: CommandContext;
  prog: Program;
  name: string;
  globals = new Map<string, Cell>();
  frames: Map<string, Cell>[] = [];
  record = '';
  fields: string[] | null = null;
  nf = 0;
  out = '';
  files = new Map<string, { text: string; kind: 'file' | 'cmd' }>();
  readers = new Map<string, Reader>();
  reCache = new Map<string, RegExp>();
  main: { args: string[]; i: number; cur: Reader | null; stdinUsed: boolean; done: boolean };
  status = 0;
  exiting = false;

  constructor(ctx: CommandContext, prog: Program, name: string) {
    this.ctx = ctx;
    this.prog = prog;
    this.name = name;
    this.main = { args: [], i: 1, cur: null, stdinUsed: false, done: false };
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', NR: 0, FNR: 0, SUBSEP: '\x1c', RSTART: 0, RLENGTH: -1, CONVFMT: '%.6g', OFMT: '%.6g', FILENAME: '' })) this.cell(k).v = v;
    const env = this.cell('ENVIRON');
    env.arr = new Map(Object.entries(ctx.env).map(([k, v]) => [k, new StrNum(v)]));
  }

  cell(name: string): Cell {
    const f = this.frames[this.frames.length - 1];
    const local = f?.get(name);
    if (local) return local;
    let c = this.globals.get(name);
    if (!c) this.globals.set(name, (c = new Cell()));
    return c;
  }
  arr(name: string): Map<string, Val> {
    let c = this.cell(name);
    while (c.alias) c = c.alias;
    if (!c.arr) c.arr = new Map();
    return c.arr;
  }
  sv(name: string): string {
    return this.str(this.cell(name).v);
  }

  str(v: Val): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return numToStr(v, this.sv('CONVFMT'));
    return v.s;
  }
  outStr(v: Val): string {
    if (typeof v === 'number') return numToStr(v, this.sv('OFMT'));
    return this.str(v);
  }

  regex(src: string): RegExp {
    let re = this.reCache.get(src);
    if (!re) {
      try {
        re = new RegExp(toJs(src, { ere: true, awk: true }).source, 's');
      } catch (e) {
        if (e instanceof ReError || e instanceof SyntaxError) {
          throw new AwkRuntimeError(`regular expression compile failed (${e instanceof ReError ? e.message : 'bad regex'})\n${src}`);
        }
        throw e;
      }
      this.reCache.set(src, re);
    }
    return re;
  }
  /** A regex operand: a literal, or any value's string. */
  reOf(n: Node): RegExp {
    if (n.k === 're') return this.regex(n.src);
    return this.regex(this.str(this.eval(n)));
  }

  // ---- fields
  splitRecord(): void {
    if (this.fields) return;
    this.fields = this.splitWith(this.record, this.sv('FS'), true);
    this.nf = this.fields.length;
  }
  splitWith(s: string, fs: string, isRecord: boolean): string[] {
    if (s === '') return [];
    const paragraph = isRecord && this.sv('RS') === '';
    if (fs === ' ') {
      const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t ? t.split(/[ \t\n]+/) : [];
    }
    let parts: string[];
    if (fs.length === 1 && fs !== '\\') parts = s.split(fs === ' ' ? / / : fs);
    else {
      const re = new RegExp(this.regex(fs).source, 'gs');
      parts = [];
      let last = 0;
      for (const m of s.matchAll(re)) {
        if (m[0] === '') continue;
        parts.push(s.slice(last, m.index));
        last = m.index + m[0].length;
      }
      parts.push(s.slice(last));
    }
    if (paragraph) parts = parts.flatMap((p) => p.split('\n'));
    return parts;
  }
  getField(i: number): Val {
    if (i === 0) return new StrNum(this.record);
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    this.splitRecord();
    // A field past NF is an empty string (compared as a string, unlike an unset variable).
    return new StrNum(i <= this.nf ? this.fields![i - 1] : '');
  }
  setField(i: number, v: string): void {
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    this.splitRecord();
    while (this.fields!.length < i) this.fields!.push('');
    this.fields![i - 1] = v;
    this.nf = this.fields!.length;
    this.rebuild();
  }
  setNF(n: number): void {
    this.splitRecord();
    n = Math.trunc(n);
    while (this.fields!.length < n) this.fields!.push('');
    this.fields!.length = Math.max(0, n);
    this.nf = this.fields!.length;
    this.rebuild();
  }
  rebuild(): void {
    this.record = this.fields!.join(this.sv('OFS'));
  }
  setRecord(s: string): void {
    this.record = s;
    this.fields = null;
  }

  // ---- variables
  getVar(name: string): Val {
    if (name === 'NF') {
      this.splitRecord();
      return this.nf;
    }
    const c = this.cell(name);
    return c.v;
  }
  setVar(name: string, v: Val): void {
    if (name === 'NF') {
      this.setNF(toNum(v));
      return;
    }
    const c = this.cell(name);
    if (c.arr) throw new AwkRuntimeError(`can't assign to array ${name}`);
    c.v = v;
  }
  subKey(subs: Node[]): string {
    if (subs.length === 1) return this.str(this.eval(subs[0]));
    return subs.map((s) => this.str(this.eval(s))).join(this.sv('SUBSEP'));
  }
  get(target: Node): Val {
    switch (target.k) {
      case 'var':
        return this.getVar(target.name);
      case 'index': {
        const a = this.arr(target.name);
        const key = this.subKey(target.subs);
        let v = a.get(key);
        if (v === undefined) a.set(key, (v = UNINIT));
        return v;
      }
      case 'field':
        return this.getField(Math.trunc(toNum(this.eval(target.e))));
    }
    throw new Error('not an lvalue');
  }
  set(target: Node, v: Val): Val {
    switch (target.k) {
      case 'var':
        this.setVar(target.name, v);
        return v;
      case 'index':
        this.arr(target.name).set(this.subKey(target.subs), v);
        return v;
      case 'field': {
        const i = Math.trunc(toNum(this.eval(target.e)));
        const s = typeof v === 'number' ? this.str(v) : typeof v === 'string' ? v : v.s;
        this.setField(i, s);
        return typeof v === 'number' ? v : new StrNum(s);
      }
    }
    throw new Error('not an lvalue');
  }

  // ---- comparisons
  compare(a: Val, b: Val): number {
    const an = typeof a === 'number' ? a : typeof a === 'string' ? null : a.n;
    const bn = typeof b === 'number' ? b : typeof b === 'string' ? null : b.n;
    if (an !== null && bn !== null) return an < bn ? -1 : an > bn ? 1 : an === bn ? 0 : 1;
    const as = this.str(a);
    const bs = this.str(b);
    return as < bs ? -1 : as > bs ? 1 : 0;
  }
  truthy(v: Val): boolean {
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    if (v === UNINIT) return false;
    return v.n !== null ? v.n !== 0 : v.s !== '';
  }

  // ---- evaluation
  eval(n: Node): Val {
    switch (n.k) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 're':
        return this.regex(n.src).test(this.record) ? 1 : 0;
      case 'paren':
        return this.eval(n.e);
      case 'group':
        return this.str(this.eval(n.list[n.list.length - 1]));
      case 'var':
      case 'index':
      case 'field':
        return this.get(n);
      case 'assign': {
        if (n.op === '=') {
          let v = this.eval(n.v);
          if (v === UNINIT) v = UNINIT;
          return this.set(n.target, v);
        }
        const r = toNum(this.eval(n.v));
        const l = toNum(this.get(n.target));
        return this.set(n.target, arith(n.op[0], l, r));
      }
      case 'cond':
        return this.truthy(this.eval(n.c)) ? this.eval(n.a) : this.eval(n.b);
      case 'or':
        return this.truthy(this.eval(n.l)) || this.truthy(this.eval(n.r)) ? 1 : 0;
      case 'and':
        return this.truthy(this.eval(n.l)) && this.truthy(this.eval(n.r)) ? 1 : 0;
      case 'in':
        return this.arr(n.arr).has(this.subKey(n.subs)) ? 1 : 0;
      case 'match': {
        const s = this.str(this.eval(n.l));
        const hit = this.reOf(n.r).test(s);
        return hit !== n.neg ? 1 : 0;
      }
      case 'cmp': {
        const c = this.compare(this.eval(n.l), this.eval(n.r));
        switch (n.op) {
          case '<':
            return c < 0 ? 1 : 0;
          case '<=':
            return c <= 0 ? 1 : 0;
          case '>':
            return c > 0 ? 1 : 0;
          case '>=':
            return c >= 0 ? 1 : 0;
          case '==':
            return c === 0 ? 1 : 0;
          default:
            return c !== 0 ? 1 : 0;
        }
      }
      case 'concat':
        return this.str(this.eval(n.l)) + this.str(this.eval(n.r));
      case 'arith':
        return arith(n.op, toNum(this.eval(n.l)), toNum(this.eval(n.r)));
      case 'not':
        return this.truthy(this.eval(n.e)) ? 0 : 1;
      case 'neg': {
        const v = toNum(this.eval(n.e));
        return n.op === '-' ? -v : v;
      }
      case 'incr': {
        const old = toNum(this.get(n.target));
        this.set(n.target, old + n.d);
        return n.pre ? old + n.d : old;
      }
      case 'call':
        return this.call(n);
      case 'builtin':
        return this.builtin(n);
      case 'getline':
        return this.getline(n);
    }
    throw new Error(`awk: node ${n.k}`);
  }

  call(n: Node): Val {
    const f = this.prog.funcs.get(n.name)!;
    const frame = new Map<string, Cell>();
    f.params.forEach((p, i) => {
      const c = new Cell();
      const a = n.args[i];
      if (a && a.k === 'var') {
        let src = this.cell(a.name);
        while (src.alias) src = src.alias;
        if (src.arr) c.arr = src.arr;
        else if (src.v === UNINIT) c.alias = src;
        else c.v = src.v;
      } else if (a) c.v = this.eval(a);
      frame.set(p, c);
    });
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep');
    this.frames.push(frame);
    try {
      this.exec(f.body);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.v;
      throw e;
    } finally {
      this.frames.pop();
    }
    return UNINIT;
  }

  builtin(n: Node): Val {
    const a = n.args as Node[];
    const s = (i: number) => this.str(this.eval(a[i]));
    const num = (i: number) => toNum(this.eval(a[i]));
    switch (n.name) {
      case 'length': {
        if (!a.length) return utf8Len(this.record);
        if (a[0].k === 'var') {
          const c = this.cell(a[0].name);
          if (c.arr || c.alias?.arr) return this.arr(a[0].name).size;
        }
        return utf8Len(s(0));
      }
      case 'substr': {
        const str = s(0);
        let b = Math.trunc(num(1));
        let len = a.length > 2 ? Math.trunc(num(2)) : Infinity;
        if (Number.isNaN(b)) b = 1;
        if (b < 1) {
          len -= b;
          b = 1;
        }
        if (len <= 0) return '';
        return str.slice(b - 1, len === Infinity ? undefined : b - 1 + len);
      }
      case 'index':
        return s(0).indexOf(s(1)) + 1;
      case 'split': {
        const str = s(0);
        const fs = a.length > 2 ? (a[2].k === 're' ? null : s(2)) : this.sv('FS');
        let parts: string[];
        if (fs === null) parts = str === '' ? [] : this.splitRe(str, this.regex(a[2].src));
        else if (fs === '') parts = [...str];
        else parts = this.splitWith(str, fs, false);
        const arr = this.arr(a[1].name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = this.reOf(a[0]);
        const repl = s(1);
        const target = a[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
        const str = this.str(this.get(target));
        const [res, count] = substitute(str, re, repl, n.name === 'gsub');
        if (count) this.set(target, res);
        return count;
      }
      case 'match': {
        const str = s(0);
        const re = this.reOf(a[1]);
        const m = new RegExp(re.source, 's').exec(str);
        const rs = m ? m.index + 1 : 0;
        const rl = m ? m[0].length : -1;
        this.cell('RSTART').v = rs;
        this.cell('RLENGTH').v = rl;
        return rs;
      }
      case 'sprintf':
        if (!a.length) return '';
        return sprintf(s(0), a.slice(1).map((x) => this.eval(x)), 'sprintf', this.sv('CONVFMT'));
      // mawk works on bytes: only ASCII letters change case.
      case 'tolower':
        return s(0).replace(/[A-Z]+/g, (x) => x.toLowerCase());
      case 'toupper':
        return s(0).replace(/[a-z]+/g, (x) => x.toUpperCase());
      case 'int':
        return Math.trunc(num(0));
      case 'sqrt':
        return Math.sqrt(num(0));
      case 'exp':
        return Math.exp(num(0));
      case 'log':
        return Math.log(num(0));
      case 'sin':
        return Math.sin(num(0));
      case 'cos':
        return Math.cos(num(0));
      case 'atan2':
        return Math.atan2(num(0), num(1));
      case 'rand':
        return Math.random();
      case 'srand':
        return 0;
      case 'system': {
        this.flushOut();
        const sh = this.ctx.shell;
        if (!sh) return 0;
        const o = sh.capture(s(0));
        if (o) this.ctx.out(o + '\n');
        return (sh as unknown as { lastStatus: number }).lastStatus ?? 0;
      }
      case 'close': {
        const name = s(0);
        if (this.files.has(name)) {
          this.closeOut(name);
          return 0;
        }
        if (this.readers.delete(name)) return 0;
        return -1;
      }
      case 'fflush':
        return 0;
    }
    throw new Error(n.name);
  }

  splitRe(str: string, re: RegExp): string[] {
    const g = new RegExp(re.source, 'gs');
    const parts: string[] = [];
    let last = 0;
    for (const m of str.matchAll(g)) {
      if (m[0] === '') continue;
      parts.push(str.slice(last, m.index));
      last = m.index + m[0].length;
    }
    parts.push(str.slice(last));
    return parts;
  }

  // ---- input
  /** The next record from a reader, by RS. */
  readRecord(r: Reader): string | null {
    const rs = this.sv('RS');
    const t = r.text;
    if (r.pos >= t.length) return null;
    if (rs === '\n' || (rs.length === 1 && rs !== ' ')) {
      const k = t.indexOf(rs, r.pos);
      const rec = t.slice(r.pos, k < 0 ? t.length : k);
      r.pos = k < 0 ? t.length : k + 1;
      return rec;
    }
    if (rs === '') {
      let p = r.pos;
      while (t[p] === '\n') p++;
      if (p >= t.length) {
        r.pos = t.length;
        return null;
      }
      const m = /\n\n+/g;
      m.lastIndex = p;
      const hit = m.exec(t);
      const rec = t.slice(p, hit ? hit.index : t.length).replace(/\n$/, '');
      r.pos = hit ? hit.index + hit[0].length : t.length;
      return rec;
    }
    const re = new RegExp(this.regex(rs).source, 'gs');
    re.lastIndex = r.pos;
    const hit = re.exec(t);
    if (!hit || hit[0] === '') {
      const rec = t.slice(r.pos);
      r.pos = t.length;
      return rec;
    }
    const rec = t.slice(r.pos, hit.index);
    r.pos = hit.index + hit[0].length;
    return rec;
  }

  /** The next main-input record (across the operands), or null. */
  nextMain(): string | null {
    const m = this.main;
    for (;;) {
      if (m.cur) {
        const rec = this.readRecord(m.cur);
        if (rec !== null) return rec;
        m.cur = null;
      }
      if (m.done) return null;
      const argc = Math.trunc(toNum(this.cell('ARGC').v));
      const argv = this.arr('ARGV');
      let opened = false;
      while (m.i < argc) {
        const arg = argv.get(String(m.i++));
        const a = arg === undefined ? '' : this.str(arg);
        if (a === '') continue;
        const eq = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
        if (eq) {
          this.cell(eq[1]).v = new StrNum(unescape(eq[2]));
          continue;
        }
        m.stdinUsed = true;
        let text: string | undefined;
        if (a === '-' || a === '/dev/stdin') text = this.ctx.stdin;
        else {
          const p = FileSystem.normalize(a, this.ctx.cwd);
          text = this.ctx.fs.isDir(p) ? '' : this.ctx.fs.read(p);
        }
        if (text === undefined) {
          this.flushOut();
          this.ctx.err(`${this.name}: cannot open ${a} (No such file or directory)\n`);
          throw new ExitSignal(2);
        }
        m.cur = { text, pos: 0 };
        this.cell('FILENAME').v = a;
        this.cell('FNR').v = 0;
        opened = true;
        break;
      }
      if (!opened) {
        if (m.stdinUsed) {
          m.done = true;
          return null;
        }
        m.stdinUsed = true;
        m.cur = { text: this.ctx.stdin, pos: 0 };
        this.cell('FILENAME').v = '-';
        m.done = true;
      }
    }
  }

  getline(n: Node): Val {
    if (n.src === 'main') {
      const rec = this.nextMain();
      if (rec === null) return 0;
      this.cell('NR').v = toNum(this.cell('NR').v) + 1;
      this.cell('FNR').v = toNum(this.cell('FNR').v) + 1;
      if (n.target) this.set(n.target, new StrNum(rec));
      else this.setRecord(rec);
      return 1;
    }
    let r: Reader | undefined;
    if (n.src === 'file') {
      const name = this.str(this.eval(n.file));
      r = this.readers.get(name);
      if (!r) {
        let text: string | undefined;
        if (name === '-' || name === '/dev/stdin') text = this.ctx.stdin;
        else text = this.ctx.fs.read(FileSystem.normalize(name, this.ctx.cwd));
        if (text === undefined) return -1;
        this.readers.set(name, (r = { text, pos: 0 }));
      }
    } else {
      const cmd = this.str(this.eval(n.cmd));
      r = this.readers.get(cmd);
      if (!r) {
        this.flushOut();
        const o = this.ctx.shell ? this.ctx.shell.capture(cmd) : '';
        this.readers.set(cmd, (r = { text: o ? o + '\n' : '', pos: 0 }));
      }
      this.cell('NR').v = toNum(this.cell('NR').v) + 1;
    }
    const rec = this.readRecord(r);
    if (rec === null) {
      if (n.src === 'cmd') this.cell('NR').v = toNum(this.cell('NR').v) - 1;
      return 0;
    }
    if (n.target) this.set(n.target, new StrNum(rec));
    else {
      this.setRecord(rec);
      if (n.src === 'cmd') this.cell('FNR').v = toNum(this.cell('FNR').v) + 0;
    }
    return 1;
  }

  // ---- output
  emit(s: string, redir?: string, dest?: Node): void {
    if (!redir) {
      this.out += s;
      return;
    }
    const name = this.str(this.eval(dest));
    if (redir !== '|' && (name === '/dev/stdout' || name === '-')) {
      this.out += s;
      return;
    }
    if (redir !== '|' && name === '/dev/stderr') {
      this.flushOut();
      this.ctx.err(s);
      return;
    }
    let f = this.files.get(name);
    if (!f) {
      let text = '';
      if (redir !== '|' && this.ctx.fs.isDir(FileSystem.normalize(name, this.ctx.cwd))) {
        this.flushOut();
        this.ctx.err(`${this.name}: cannot open "${name}" for output (Is a directory)\n`);
        throw new ExitSignal(2);
      }
      if (redir === '>>') text = this.ctx.fs.read(FileSystem.normalize(name, this.ctx.cwd)) ?? '';
      this.files.set(name, (f = { text, kind: redir === '|' ? 'cmd' : 'file' }));
      if (redir !== '|') {
        const p = FileSystem.normalize(name, this.ctx.cwd);
        if (this.ctx.fs.isDir(p)) {
          this.flushOut();
          this.ctx.err(`${this.name}: cannot open "${name}" for output (Is a directory)\n`);
          throw new ExitSignal(2);
        }
        this.ctx.fs.write(p, text);
      }
    }
    f.text += s;
  }
  closeOut(name: string): void {
    const f = this.files.get(name)!;
    this.files.delete(name);
    if (f.kind === 'file') this.ctx.fs.write(FileSystem.normalize(name, this.ctx.cwd), f.text);
    else {
      this.flushOut();
      const sh = this.ctx.shell;
      if (!sh) return;
      const q = f.text.replace(/'/g, `'\\''`);
      const o = sh.capture(`printf '%s' '${q}' | ${name}`);
      if (o) this.ctx.out(o + '\n');
    }
  }
  flushOut(): void {
    if (this.out) this.ctx.out(this.out);
    this.out = '';
  }
  closeAll(): void {
    for (const name of [...this.files.keys()]) this.closeOut(name);
    this.flushOut();
  }

  // ---- statements
  exec(n: Node): void {
    switch (n.k) {
      case 'block':
        for (const s of n.body) this.exec(s);
        return;
      case 'expr':
        this.eval(n.e);
        return;
      case 'print': {
        const parts = n.args.length ? n.args.map((a: Node) => this.outStr(this.eval(a))) : [this.record];
        this.emit(parts.join(this.sv('OFS')) + this.sv('ORS'), n.redir, n.dest);
        return;
      }
      case 'printf': {
        const vals = n.args.map((a: Node) => this.eval(a));
        const fmt = this.str(vals[0]);
        let text: string;
        try {
          text = sprintf(fmt, vals.slice(1), 'printf', this.sv('CONVFMT'));
        } catch (e) {
          if (e instanceof AwkRuntimeError && e.partial) this.emit(e.partial, n.redir, n.dest);
          throw e;
        }
        this.emit(text, n.redir, n.dest);
        return;
      }
      case 'if':
        if (this.truthy(this.eval(n.cond))) this.exec(n.then);
        else if (n.else) this.exec(n.else);
        return;
      case 'while':
        while (this.truthy(this.eval(n.cond))) {
          try {
            this.exec(n.body);
          } catch (e) {
            if (e instanceof BreakSignal) break;
            if (e instanceof ContinueSignal) continue;
            throw e;
          }
        }
        return;
      case 'do':
        do {
          try {
            this.exec(n.body);
          } catch (e) {
            if (e instanceof BreakSignal) break;
            if (e instanceof ContinueSignal) continue;
            throw e;
          }
        } while (this.truthy(this.eval(n.cond)));
        return;
      case 'for':
        if (n.init) this.exec(n.init);
        while (!n.cond || this.truthy(this.eval(n.cond))) {
          try {
            this.exec(n.body);
          } catch (e) {
            if (e instanceof BreakSignal) break;
            if (!(e instanceof ContinueSignal)) throw e;
          }
          if (n.step) this.exec(n.step);
        }
        return;
      case 'forin': {
        const keys = [...this.arr(n.arr).keys()];
        for (const k of keys) {
          this.setVar(n.v, new StrNum(k));
          try {
            this.exec(n.body);
          } catch (e) {
            if (e instanceof BreakSignal) break;
            if (!(e instanceof ContinueSignal)) throw e;
          }
        }
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'next':
        throw new NextSignal();
      case 'nextfile':
        throw new NextFileSignal();
      case 'exit':
        throw new ExitSignal(n.e ? Math.trunc(toNum(this.eval(n.e))) : this.status);
      case 'return':
        throw new ReturnSignal(n.e ? this.eval(n.e) : UNINIT);
      case 'delete':
        if (n.subs) this.arr(n.name).delete(this.subKey(n.subs));
        else this.arr(n.name).clear();
        return;
    }
    throw new Error(`awk: statement ${n.k}`);
  }

  run(): number {
    const p = this.prog;
    try {
      for (const b of p.begin) this.exec(b);
      if (p.items.length || p.end.length) {
        for (;;) {
          const rec = this.nextMain();
          if (rec === null) break;
          this.cell('NR').v = toNum(this.cell('NR').v) + 1;
          this.cell('FNR').v = toNum(this.cell('FNR').v) + 1;
          this.setRecord(rec);
          try {
            for (const it of p.items) {
              let sel: boolean;
              if (it.pattern2) {
                if (it.inRange) {
                  sel = true;
                  if (this.truthy(this.eval(it.pattern2))) it.inRange = false;
                } else if (this.truthy(this.eval(it.pattern))) {
                  sel = true;
                  it.inRange = !this.truthy(this.eval(it.pattern2));
                } else sel = false;
              } else sel = !it.pattern || this.truthy(this.eval(it.pattern));
              if (!sel) continue;
              if (it.action) this.exec(it.action);
              else this.emit(this.record + this.sv('ORS'));
            }
          } catch (e) {
            if (e instanceof NextSignal) continue;
            if (e instanceof NextFileSignal) {
              this.main.cur = null;
              continue;
            }
            throw e;
          }
        }
      }
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      this.status = e.code;
      if (e.code === 2 && !this.main.done && this.main.cur === null && this.main.stdinUsed && !this.exiting) {
        // cannot open: mawk stops without END.
        this.closeAll();
        return 2;
      }
    }
    try {
      for (const b of p.end) this.exec(b);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      this.status = e.code;
    }
    this.closeAll();
    return this.status;
  }
}

/** mawk's length counts bytes. */
function utf8Len(s: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.length : new TextEncoder().encode(s).length;
}

function arith(op: string, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '%':
      return l % r;
    default:
      return Math.pow(l, r);
  }
}

/** sub/gsub: `&` the match, `\&` a literal &, `\\` a backslash. */
function substitute(s: string, re: RegExp, repl: string, global: boolean): [string, number] {
  let out = '';
  let last = 0;
  let count = 0;
  for (const m of globalMatches(new RegExp(re.source, 's'), s)) {
    out += s.slice(last, m.index);
    for (let i = 0; i < repl.length; i++) {
      const c = repl[i];
      if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) {
        out += repl[++i];
      } else if (c === '&') out += m[0];
      else out += c;
    }
    last = m.index + m[0].length;
    count++;
    if (!global) break;
  }
  if (!count) return [s, 0];
  return [out + s.slice(last), count];
}

export const awk: CommandFn = (ctx) => {
  const name = ctx.name || 'awk';
  const args = ctx.args;
  const assigns: [string, string][] = [];
  let fs: string | null = null;
  const progFiles: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const opt = a[1];
    const val = () => (a.length > 2 ? a.slice(2) : args[++i]);
    if (opt === 'F' || opt === 'v' || opt === 'f') {
      const v = val();
      if (v === undefined) {
        ctx.err(`${name}: option requires an argument -- ${opt}\n${USAGE}`);
        return 2;
      }
      if (opt === 'F') fs = v;
      else if (opt === 'f') progFiles.push(v);
      else {
        const eq = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(v);
        if (!eq) {
          ctx.err(`${name}: improper assignment: -v ${v}\n`);
          return 2;
        }
        assigns.push([eq[1], eq[2]]);
      }
    } else if (opt === 'W') {
      const w = val() ?? '';
      if (/^v/.test(w)) {
        // mawk writes the limits to stderr.
        const cut = VERSION.indexOf('random-funcs');
        ctx.out(VERSION.slice(0, cut));
        ctx.err(VERSION.slice(cut));
        return 0;
      }
      if (/^(u|h)/.test(w)) {
        ctx.err(USAGE);
        return 0;
      }
    } else {
      ctx.err(`${name}: not an option: ${a}\n`);
      return 2;
    }
  }
  let src: string;
  if (progFiles.length) {
    src = '';
    for (const f of progFiles) {
      const t = f === '-' ? ctx.stdin : ctx.fs.read(FileSystem.normalize(f, ctx.cwd));
      if (t === undefined) {
        ctx.err(`${name}: cannot open ${f} (No such file or directory)\n`);
        return 2;
      }
      src += t.endsWith('\n') || !t ? t : t + '\n';
    }
  } else {
    if (i >= args.length) {
      ctx.err(USAGE);
      return 0;
    }
    src = args[i++];
  }
  let prog: Program;
  try {
    prog = new Parser(lex(src)).program();
  } catch (e) {
    if (e instanceof AwkSyntaxError) {
      const msg = e.message.replace(/\0/g, `${name}: `);
      ctx.err(msg.startsWith('\x01') ? `${name}: ${e.line}: ${msg.slice(1)}\n` : `${name}: line ${e.line}: ${msg}\n`);
      return 2;
    }
    throw e;
  }
  const it = new Interp(ctx, prog, name);
  if (fs !== null) it.cell('FS').v = unescape(fs);
  for (const [k, v] of assigns) it.cell(k).v = new StrNum(unescape(v));
  const operands = args.slice(i);
  it.cell('ARGC').v = operands.length + 1;
  const argv = it.arr('ARGV');
  argv.set('0', name);
  operands.forEach((o, k) => argv.set(String(k + 1), new StrNum(o)));
  try {
    return it.run();
  } catch (e) {
    if (e instanceof AwkRuntimeError) {
      it.flushOut();
      ctx.err(`${name}: run time error: ${e.message}\n\tFILENAME="${it.sv('FILENAME')}" FNR=${it.str(it.cell('FNR').v)} NR=${it.str(it.cell('NR').v)}\n`);
      return 2;
    }
    if (e instanceof ExitSignal) {
      it.closeAll();
      return e.code;
    }
    throw e;
  }
};
