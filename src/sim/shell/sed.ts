/**
 * sed: a model of GNU sed 4.9 — the script compiled as compile.c reads it (with its error messages,
 * expression numbers and char positions) and run as execute.c runs it.
 *
 * Options: -n/--quiet/--silent, -e/--expression, -f/--file, -i[SUFFIX]/--in-place[=SUFFIX], -E/-r,
 * -s, -l N, -z, -u, --posix (accepted), --debug (ignored), --help, --version; GNU getopt order (options
 * after file names count). Addresses: N, $, /re/ and \%re% with I and M, first~step, addr1,+N,
 * addr1,~N, 0,/re/, `!`. Commands: { } = a b c d D F g G h H i l n N p P q Q r R s t T v w W x y z # :
 * (s with g p N i/I m/M w e flags and \L \U \l \u \E in the replacement). `e` and `s///e` run the
 * command through the simulated shell (its messages are bash's, not dash's as GNU sed's `sh -c`).
 *
 * Regular expressions go through posixre.ts (POSIX BRE/ERE as JS): leftmost-first where glibc is
 * leftmost-longest, which only shows with an alternation whose earlier branch is a prefix of a later one.
 */
import { FileSystem } from './fs.ts';
import { ReError, compile, globalMatches } from './posixre.ts';
import type { CommandContext, CommandFn } from './shell.ts';

type Rx = RegExp & { groups_: number };

interface Addr {
  t: 'num' | 'last' | 're' | 'mod' | 'step' | 'stepmod';
  n: number;
  step: number;
  /** null: the empty regex (the last one used). */
  re: Rx | null;
}

interface Repl {
  lit?: string;
  ref?: number;
  /** Case conversion: L U E (persistent), l u (next character). */
  kase?: string;
}

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  bang: boolean;
  ch: string;
  range: 'inactive' | 'active' | 'closed';
  rangeEnd: number;
  text: string;
  label: string;
  jump: number;
  int: number;
  fname: string;
  // s
  re: Rx | null;
  repl: Repl[];
  global: boolean;
  eval: boolean;
  print: number;
  numb: number;
  // y
  ymap: Map<string, string>;
}

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`;

const VERSION = `sed (GNU sed) 4.9
Packaged by Debian
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Jay Fenlason, Tom Lord, Ken Pizzini,
Paolo Bonzini, Jim Meyering, and Assaf Gordon.

This sed program was built with SELinux support.
SELinux is disabled on this system.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.
`;

/** A compile error: the message as sed prints it, exit status 1 (4 for a panic). */
class SedError extends Error {
  status: number;
  constructor(msg: string, status = 1) {
    super(msg);
    this.status = status;
  }
}

interface Script {
  text: string;
  /** `-e expression #N` or `file F`. */
  where: { kind: 'e'; n: number } | { kind: 'f'; name: string };
}

const EOF = '';
const isBlank = (c: string) => c === ' ' || c === '\t';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isDigit = (c: string) => c >= '0' && c <= '9';

/** Compiles scripts one after another into one program (a `{` may close in a later -e). */
class Compiler {
  cmds: Cmd[] = [];
  blocks: { idx: number; where: string }[] = [];
  labels = new Map<string, number>();
  jumps: { idx: number; label: string }[] = [];
  ere: boolean;
  quietByHash = false;
  /** Files `w` writes: opened (truncated) at compile time. */
  wfiles = new Set<string>();
  private src = '';
  private pos = 0;
  private line = 1;
  private script!: Script;
  private first = true;
  /** The previous text command (a/i/c) whose text continues into the next -e (`-e 'a\' -e text`). */
  private pendingText: Cmd | null = null;

  constructor(ere: boolean) {
    this.ere = ere;
  }

  private where(): string {
    const w = this.script.where;
    return w.kind === 'e' ? `-e expression #${w.n}, char ${this.pos}` : `file ${w.name} line ${this.line}`;
  }
  bad(msg: string): never {
    throw new SedError(`sed: ${this.where()}: ${msg}`);
  }
  private inchar(): string {
    if (this.pos >= this.src.length) return EOF;
    const c = this.src[this.pos++];
    if (c === '\n') this.line++;
    return c;
  }
  private savchar(c: string): void {
    if (c === EOF) return;
    this.pos--;
    if (c === '\n' && this.line > 1) this.line--;
  }
  private inNonblank(): string {
    let c: string;
    do c = this.inchar();
    while (isBlank(c));
    return c;
  }
  private inInteger(c: string): number {
    let n = 0;
    while (isDigit(c)) {
      n = n * 10 + Number(c);
      c = this.inchar();
    }
    this.savchar(c);
    return n;
  }
  private readEnd(): void {
    const c = this.inNonblank();
    if (c === '}' || c === '#') this.savchar(c);
    else if (c !== EOF && c !== '\n' && c !== ';') this.bad('extra characters after command');
  }
  private readLabel(): string {
    let b = '';
    let c = this.inNonblank();
    while (c !== EOF && c !== '\n' && !isSpace(c) && c !== ';') {
      b += c;
      c = this.inchar();
    }
    this.savchar(c);
    // A label ends at a blank or `;`; what follows is the next command.
    return b;
  }
  private readFilename(): string {
    let b = '';
    let c = this.inNonblank();
    while (c !== EOF && c !== '\n') {
      b += c;
      c = this.inchar();
    }
    return b;
  }

  /** The text between delimiters (compile.c match_slash); null if unterminated. */
  private matchSlash(slash: string, regex: boolean): string | null {
    let b = '';
    let c: string;
    while ((c = this.inchar()) !== EOF && c !== '\n') {
      if (c === slash) break;
      if (c === '\\') {
        c = this.inchar();
        if (c === EOF) break;
        else if (c === 'n' && regex) c = '\n';
        else if (c !== '\n' && (c !== slash || (!regex && c === '&'))) b += '\\';
      } else if (c === '[' && regex) {
        // A bracket expression is read whole: a delimiter in it is an ordinary character.
        b += c;
        let j = this.pos;
        const s = this.src;
        if (s[j] === '^') j++;
        if (s[j] === ']') j++;
        while (j < s.length && s[j] !== ']' && s[j] !== '\n') {
          if (s[j] === '[' && /[:.=]/.test(s[j + 1] ?? '')) {
            const end = s.indexOf(s[j + 1] + ']', j + 2);
            if (end < 0) break;
            j = end + 2;
          } else j++;
        }
        if (s[j] !== ']') {
          this.pos = j;
          return null;
        }
        let inner = s.slice(this.pos, j + 1);
        this.pos = j + 1;
        inner = inner.replace(/\\n/g, '\n');
        b += inner;
        continue;
      }
      b += c;
    }
    if (c === '\n') this.savchar(c);
    return c === slash && c !== EOF ? b : null;
  }

  private compileRx(src: string, flags: string, needGroups: number): Rx | null {
    if (src === '') {
      if (flags) this.bad('cannot specify modifiers on empty regexp');
      return null;
    }
    try {
      const re = compile(src, { ere: this.ere }, flags);
      if (needGroups > re.groups_ + 1) this.bad(`invalid reference \\${needGroups - 1} on \`s' command's RHS`);
      return re;
    } catch (e) {
      if (e instanceof ReError) this.bad(e.message);
      throw e;
    }
  }

  private compileAddress(c: string): Addr | null {
    const a: Addr = { t: 'num', n: 0, step: 0, re: null };
    if (c === '/' || c === '\\') {
      if (c === '\\') c = this.inchar();
      const b = this.matchSlash(c, true);
      if (b === null) this.bad('unterminated address regex');
      let flags = '';
      for (;;) {
        const d = this.inNonblank();
        if (d === 'I') flags += flags.includes('i') ? '' : 'i';
        else if (d === 'M') flags += flags.includes('m') ? '' : 'm';
        else {
          this.savchar(d);
          a.t = 're';
          a.re = this.compileRx(b, flags, 0);
          return a;
        }
      }
    } else if (isDigit(c)) {
      a.n = this.inInteger(c);
      const d = this.inNonblank();
      if (d !== '~') this.savchar(d);
      else {
        const step = this.inInteger(this.inNonblank());
        if (step > 0) {
          a.step = step;
          a.t = 'mod';
        }
      }
    } else if (c === '+' || c === '~') {
      a.n = this.inInteger(this.inNonblank());
      a.t = c === '+' ? 'step' : 'stepmod';
    } else if (c === '$') a.t = 'last';
    else return null;
    return a;
  }

  private readText(cmd: Cmd, leadin: string): void {
    let b = '';
    if (leadin === EOF) {
      cmd.text = '';
      this.pendingText = cmd;
      return;
    }
    if (leadin !== '\n') b += leadin;
    let c = this.inchar();
    while (c !== EOF && c !== '\n') {
      if (c === '\\') {
        c = this.inchar();
        if (c !== EOF) b += '\\';
      }
      if (c === EOF) {
        cmd.text = normalizeText(b + '\n');
        this.pendingText = cmd;
        return;
      }
      b += c;
      c = this.inchar();
    }
    cmd.text = normalizeText(b + '\n');
    this.pendingText = null;
  }

  private setupReplacement(text: string, cmd: Cmd): number {
    const parts: Repl[] = [];
    let lit = '';
    let maxRef = 0;
    const flush = () => {
      if (lit) parts.push({ lit });
      lit = '';
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length) {
        const d = text[++i];
        if (isDigit(d)) {
          flush();
          parts.push({ ref: Number(d) });
          maxRef = Math.max(maxRef, Number(d));
        } else if ('LUElu'.includes(d)) {
          flush();
          parts.push({ kase: d });
        } else if (d === '&') lit += '&';
        else if (d === 'n') lit += '\n';
        else {
          const conv = ctrlEscape(text, i);
          if (conv) {
            lit += conv[0];
            i = conv[1] - 1;
          } else lit += d;
        }
      } else if (c === '&') {
        flush();
        parts.push({ ref: 0 });
      } else lit += c;
    }
    flush();
    cmd.repl = parts;
    return maxRef + 1;
  }

  private markSubstOpts(cmd: Cmd): string {
    let flags = '';
    for (;;) {
      const c = this.inchar();
      switch (c) {
        case 'i':
        case 'I':
          if (!flags.includes('i')) flags += 'i';
          break;
        case 'm':
        case 'M':
          if (!flags.includes('m')) flags += 'm';
          break;
        case 'e':
          cmd.eval = true;
          break;
        case 'p':
          if (cmd.print) this.bad("multiple `p' options to `s' command");
          cmd.print = 1;
          break;
        case 'g':
          if (cmd.global) this.bad("multiple `g' options to `s' command");
          cmd.global = true;
          break;
        case 'w':
          cmd.fname = this.openW();
          return flags;
        case '}':
        case '#':
          this.savchar(c);
          return flags;
        case '\n':
        case ';':
        case EOF:
          return flags;
        case ' ':
        case '\t':
          break;
        default:
          if (isDigit(c)) {
            if (cmd.numb) this.bad('multiple number options to `s\' command');
            cmd.numb = this.inInteger(c);
            if (!cmd.numb) this.bad("number option to `s' command may not be zero");
            break;
          }
          this.bad("unknown option to `s'");
      }
    }
  }

  private openW(): string {
    const f = this.readFilename();
    if (!f) this.bad('missing filename in r/R/w/W commands');
    this.wfiles.add(f);
    return f;
  }

  compile(script: Script): void {
    this.script = script;
    this.src = script.text;
    this.pos = 0;
    this.line = 1;
    if (this.pendingText) {
      // `-e 'a\' -e 'text'`: the text is the next expression's first line.
      const cmd = this.pendingText;
      this.pendingText = null;
      const keep = cmd.text;
      this.readText(cmd, '\n');
      cmd.text = keep + cmd.text;
    }
    if (this.first && /^#n(\n|$)/.test(this.src)) this.quietByHash = true;
    this.first = false;
    let c: string;
    while ((c = this.inchar()) !== EOF) {
      if (c === ';' || isSpace(c)) continue;
      const cmd: Cmd = {
        bang: false, ch: '', range: 'inactive', rangeEnd: 0, text: '', label: '', jump: -1, int: -1, fname: '',
        re: null, repl: [], global: false, eval: false, print: 0, numb: 0, ymap: new Map(),
      };
      const a1 = this.compileAddress(c);
      if (a1) {
        if (a1.t === 'step' || a1.t === 'stepmod') this.bad('invalid usage of +N or ~N as first address');
        cmd.a1 = a1;
        c = this.inNonblank();
        if (c === ',') {
          const a2 = this.compileAddress(this.inNonblank());
          if (!a2) this.bad("unexpected `,'");
          cmd.a2 = a2;
          c = this.inNonblank();
        }
        if (a1.t === 'num' && a1.n === 0 && (!cmd.a2 || cmd.a2.t !== 're')) this.bad('invalid usage of line address 0');
        if (a1.t === 'num' && a1.n === 0) cmd.range = 'active';
      }
      if (c === '!') {
        cmd.bang = true;
        c = this.inNonblank();
        while (isSpace(c)) c = this.inNonblank();
        if (c === '!') this.bad("multiple `!'s");
      }
      cmd.ch = c;
      const idx = this.cmds.length;
      switch (c) {
        case '#':
          if (cmd.a1) this.bad("comments don't accept any addresses");
          while (c !== EOF && c !== '\n') c = this.inchar();
          continue;
        case 'v': {
          const v = this.readLabel();
          if (v && compareVersion(v, '4.9') > 0) this.bad('expected newer version of sed');
          continue;
        }
        case '{':
          this.blocks.push({ idx, where: this.where() });
          break;
        case '}': {
          const open = this.blocks.pop();
          if (!open) this.bad("unexpected `}'");
          if (cmd.a1) this.bad("} doesn't want any addresses");
          this.readEnd();
          this.cmds[open.idx].jump = idx + 1;
          break;
        }
        case 'e':
          cmd.text = this.readFilename();
          break;
        case 'a':
        case 'i':
        case 'c': {
          c = this.inNonblank();
          if (c === EOF) this.bad("expected \\ after `a', `c' or `i'");
          if (c === '\\') c = this.inchar();
          else {
            this.savchar(c);
            c = '\n';
          }
          this.readText(cmd, c);
          break;
        }
        case ':': {
          if (cmd.a1) this.bad(": doesn't want any addresses");
          const label = this.readLabel();
          if (!label) this.bad('":" lacks a label');
          if (!this.labels.has(label)) this.labels.set(label, idx);
          break;
        }
        case 'T':
        case 'b':
        case 't':
          cmd.label = this.readLabel();
          this.jumps.push({ idx, label: cmd.label });
          break;
        case 'Q':
        case 'q':
        case 'L':
        case 'l': {
          if ((c === 'q' || c === 'Q') && cmd.a2) this.bad('command only uses one address');
          c = this.inNonblank();
          if (isDigit(c)) {
            cmd.int = this.inInteger(c);
            c = this.inNonblank();
          } else cmd.int = -1;
          if (c === '}' || c === '#') this.savchar(c);
          else if (c !== EOF && c !== '\n' && c !== ';') this.bad('extra characters after command');
          break;
        }
        case '=':
        case 'd':
        case 'D':
        case 'F':
        case 'g':
        case 'G':
        case 'h':
        case 'H':
        case 'n':
        case 'N':
        case 'p':
        case 'P':
        case 'z':
        case 'x':
          this.readEnd();
          break;
        case 'r':
        case 'R': {
          const f = this.readFilename();
          if (!f) this.bad('missing filename in r/R/w/W commands');
          cmd.fname = f;
          break;
        }
        case 'w':
        case 'W':
          cmd.fname = this.openW();
          break;
        case 's': {
          const slash = this.inchar();
          const b = this.matchSlash(slash, true);
          if (b === null) this.bad("unterminated `s' command");
          const b2 = this.matchSlash(slash, false);
          if (b2 === null) this.bad("unterminated `s' command");
          const need = this.setupReplacement(b2, cmd);
          const flags = this.markSubstOpts(cmd);
          cmd.re = this.compileRx(normalizeRegex(b), flags, need);
          if (!cmd.re && need > 1) {
            // The empty regex: references are checked against the last regex when it runs.
          }
          break;
        }
        case 'y': {
          const slash = this.inchar();
          const b = this.matchSlash(slash, false);
          if (b === null) this.bad("unterminated `y' command");
          const b2 = this.matchSlash(slash, false);
          if (b2 === null) this.bad("unterminated `y' command");
          const from = yText(b);
          const to = yText(b2);
          if (from === null || to === null || from.length !== to.length) this.bad("strings for `y' command are different lengths");
          from.forEach((ch, k) => {
            if (!cmd.ymap.has(ch)) cmd.ymap.set(ch, to[k]);
          });
          this.readEnd();
          break;
        }
        case EOF:
          this.bad('missing command');
          break;
        default:
          this.bad(`unknown command: \`${c}'`);
      }
      this.cmds.push(cmd);
    }
  }

  finish(): void {
    if (this.blocks.length) {
      const b = this.blocks[this.blocks.length - 1];
      throw new SedError(`sed: ${b.where.replace(/char \d+$/, 'char 0')}: unmatched \`{'`);
    }
    for (const j of this.jumps) {
      if (!j.label) continue;
      const to = this.labels.get(j.label);
      if (to === undefined) throw new SedError(`sed: can't find label for jump to \`${j.label}'`, 4);
      this.cmds[j.idx].jump = to;
    }
  }
}

function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d) return d;
  }
  return 0;
}

/** `\t`, `\oNNN`, `\dNNN`, `\xHH`, `\cX` at text[i] (just past the backslash): [char, index past]. */
function ctrlEscape(text: string, i: number): [string, number] | null {
  const d = text[i];
  const simple: Record<string, string> = { a: '\x07', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  if (simple[d] !== undefined) return [simple[d], i + 1];
  let m: RegExpExecArray | null;
  if (d === 'd' && (m = /^\d{1,3}/.exec(text.slice(i + 1)))) return [String.fromCharCode(Number(m[0]) & 255), i + 1 + m[0].length];
  if (d === 'o' && (m = /^[0-7]{1,3}/.exec(text.slice(i + 1)))) return [String.fromCharCode(parseInt(m[0], 8) & 255), i + 1 + m[0].length];
  if (d === 'x' && (m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1)))) return [String.fromCharCode(parseInt(m[0], 16)), i + 1 + m[0].length];
  if (d === 'c' && i + 1 < text.length) return [String.fromCharCode(text[i + 1].toUpperCase().charCodeAt(0) ^ 0x40), i + 2];
  return null;
}

/** a/i/c text: `\X` is X, but for the control escapes. */
function normalizeText(t: string): string {
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && i + 1 < t.length) {
      const conv = ctrlEscape(t, i + 1);
      if (conv) {
        out += conv[0];
        i = conv[1] - 1;
      } else out += t[++i];
    } else out += t[i];
  }
  return out;
}

/** A regex's `\dNNN`, `\oNNN`, `\xHH`, `\cX` as the characters (special ones escaped). */
function normalizeRegex(t: string): string {
  if (!/\\[doxc]/.test(t)) return t;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && i + 1 < t.length) {
      if ('doxc'.includes(t[i + 1])) {
        const conv = ctrlEscape(t, i + 1);
        if (conv) {
          out += /[\\^$.*[\]]/.test(conv[0]) ? '\\' + conv[0] : conv[0];
          i = conv[1] - 1;
          continue;
        }
      }
      out += t[i] + t[i + 1];
      i++;
    } else out += t[i];
  }
  return out;
}

/** y's strings: `\\` a backslash, `\n` a newline, other escapes as in text; null if a stray backslash. */
function yText(b: string): string[] | null {
  const out: string[] = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i] === '\\') {
      const d = b[i + 1];
      if (d === '\\') out.push('\\');
      else if (d === 'n') out.push('\n');
      else {
        const conv = ctrlEscape(b, i + 1);
        if (!conv) {
          if (d === undefined) return null;
          out.push(d);
        } else {
          out.push(conv[0]);
          i = conv[1] - 2;
        }
      }
      i++;
    } else out.push(b[i]);
  }
  return out;
}

/** One destination's output, with GNU's "missing newline" rule (a last line without one gets it before more output). */
class Out {
  text = '';
  missing = false;
  sep = '\n';
  write(s: string, nl: boolean): void {
    if (this.missing) {
      this.text += '\n';
      this.missing = false;
    }
    this.text += s;
    if (nl) this.text += this.sep;
    else this.missing = true;
  }
  raw(s: string): void {
    if (this.missing) {
      this.text += '\n';
      this.missing = false;
    }
    this.text += s;
  }
}

interface InFile {
  name: string;
  lines: string[];
  /** The last line ends without a newline. */
  noEol: boolean;
}

interface Opts {
  quiet: boolean;
  separate: boolean;
  inPlace: string | null;
  lineLen: number;
  nul: boolean;
}

/** Runs a compiled program over the input. */
class Runner {
  cmds: Cmd[];
  opts: Opts;
  ctx: CommandContext;
  stdout = new Out();
  out: Out;
  files: InFile[] = [];
  fi = 0;
  li = 0;
  lineNo = 0;
  ps = '';
  chomped = true;
  hold = '';
  holdChomped = true;
  append: string[] = [];
  lastRe: Rx | null = null;
  replaced = false;
  quitStatus: number | null = null;
  wouts = new Map<string, Out>();
  rfiles = new Map<string, { lines: string[]; i: number }>();
  status = 0;
  curName = '-';

  constructor(cmds: Cmd[], opts: Opts, ctx: CommandContext) {
    this.cmds = cmds;
    this.opts = opts;
    this.ctx = ctx;
    this.out = this.stdout;
    if (opts.nul) this.stdout.sep = '\0';
  }


  /** Next input line into ps; false at the end of the input (of this file with -s/-i). */
  private read(): boolean {
    while (this.fi < this.files.length && this.li >= this.files[this.fi].lines.length) {
      if (this.opts.separate) return false;
      this.fi++;
      this.li = 0;
    }
    if (this.fi >= this.files.length) return false;
    const f = this.files[this.fi];
    this.curName = f.name;
    this.ps = f.lines[this.li++];
    this.chomped = !(this.li === f.lines.length && f.noEol);
    this.lineNo++;
    this.replaced = false;
    return true;
  }

  private isLast(): boolean {
    const f = this.files[this.fi];
    if (this.li < f.lines.length) return false;
    if (this.opts.separate) return true;
    for (let k = this.fi + 1; k < this.files.length; k++) if (this.files[k].lines.length) return false;
    return true;
  }

  private matchOne(a: Addr): boolean {
    switch (a.t) {
      case 'num':
        return this.lineNo === a.n;
      case 'mod':
        return this.lineNo >= a.n && (this.lineNo - a.n) % a.step === 0;
      case 'last':
        return this.isLast();
      case 're':
        return this.test(a.re, this.ps);
      default:
        return false;
    }
  }

  private regex(re: Rx | null): Rx {
    const r = re ?? this.lastRe;
    if (!r) throw new SedError('sed: -e expression #1, char 0: no previous regular expression', 1);
    this.lastRe = r;
    return r;
  }

  private test(re: Rx | null, s: string): boolean {
    const r = this.regex(re);
    r.lastIndex = 0;
    return r.test(s);
  }

  private matchAddress(c: Cmd): boolean {
    if (!c.a1) return true;
    const l = this.lineNo;
    if (c.range === 'active' && c.a2) {
      const a2 = c.a2;
      switch (a2.t) {
        case 'mod':
        case 'num':
        case 'step':
        case 'stepmod': {
          const end = a2.t === 'num' || a2.t === 'mod' ? a2.n : c.rangeEnd;
          if (l > end) {
            c.range = 'inactive';
            return this.matchAddressInactive(c);
          }
          if (l === end) c.range = c.a1.t === 'num' ? 'closed' : 'inactive';
          return true;
        }
        case 'last':
          if (this.isLast()) c.range = 'closed';
          return true;
        case 're':
          if (this.test(a2.re, this.ps)) c.range = c.a1.t === 'num' ? 'closed' : 'inactive';
          return true;
      }
    }
    if (c.range === 'closed') return false;
    return this.matchAddressInactive(c);
  }

  private matchAddressInactive(c: Cmd): boolean {
    if (!this.matchOne(c.a1!)) return false;
    const a2 = c.a2;
    if (!a2) return true;
    const l = this.lineNo;
    switch (a2.t) {
      case 'num':
      case 'mod':
        if (a2.n <= l) return true;
        break;
      case 'step':
        c.rangeEnd = l + a2.n;
        if (c.rangeEnd === l) return true;
        break;
      case 'stepmod':
        if (a2.n <= 0) return true;
        c.rangeEnd = (Math.floor(l / a2.n) + 1) * a2.n;
        break;
      case 'last':
        if (this.isLast()) return true;
        break;
      case 're':
        break;
    }
    c.range = 'active';
    return true;
  }

  private output(s: string, nl: boolean, to: Out = this.out): void {
    to.write(s, nl);
  }

  private dumpAppend(): void {
    for (const a of this.append) this.out.raw(a);
    this.append = [];
  }

  private wout(name: string): Out | 'stdout' | 'stderr' {
    if (name === '/dev/stdout') return 'stdout';
    if (name === '/dev/stderr') return 'stderr';
    let o = this.wouts.get(name);
    if (!o) this.wouts.set(name, (o = new Out()));
    return o;
  }

  private writeTo(name: string, s: string): void {
    const o = this.wout(name);
    if (o === 'stdout') this.stdout.write(s, true);
    else if (o === 'stderr') this.ctx.err(s + '\n');
    else o.write(s, true);
  }

  private readFile(name: string): string | undefined {
    if (name === '/dev/stdin') return this.ctx.stdin;
    const p = FileSystem.normalize(name, this.ctx.cwd);
    return this.ctx.fs.isFile(p) ? this.ctx.fs.read(p) : undefined;
  }

  /** The `s` command; whether it replaced. */
  private subst(c: Cmd): boolean {
    const re = this.regex(c.re);
    const s = this.ps;
    let count = 0;
    let out = '';
    let copied = 0;
    let did = false;
    const state = { persist: '', once: '' };
    for (const m of globalMatches(re, s)) {
      count++;
      if (count >= (c.numb || 1)) {
        out += s.slice(copied, m.index) + this.expand(c.repl, m, state);
        copied = m.index + m[0].length;
        did = true;
        if (!c.global) break;
      }
    }
    if (!did) return false;
    this.ps = out + s.slice(copied);
    return true;
  }

  private expand(repl: Repl[], m: RegExpExecArray, state: { persist: string; once: string }): string {
    let out = '';
    const add = (t: string) => {
      if (!t) return;
      const conv = (x: string, k: string) => (k === 'U' || k === 'u' ? x.toUpperCase() : k === 'L' || k === 'l' ? x.toLowerCase() : x);
      if (state.once) {
        out += conv(t[0], state.once) + conv(t.slice(1), state.persist);
        state.once = '';
      } else out += conv(t, state.persist);
    };
    state.persist = '';
    state.once = '';
    for (const p of repl) {
      if (p.lit !== undefined) add(p.lit);
      else if (p.ref !== undefined) add(m[p.ref] ?? '');
      else if (p.kase === 'l' || p.kase === 'u') state.once = p.kase;
      else if (p.kase === 'E') {
        state.persist = '';
        state.once = '';
      } else state.persist = p.kase!;
    }
    return out;
  }

  private list(width: number): void {
    const len = width === -1 ? this.opts.lineLen : width;
    let o = '';
    let w = 0;
    const esc: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
    for (const b of new TextEncoder().encode(this.ps)) {
      const ch = String.fromCharCode(b);
      const obuf = esc[ch] ?? (b >= 32 && b < 127 ? ch : '\\' + b.toString(8).padStart(3, '0'));
      if (w + obuf.length > len - 1 && len > 0) {
        o += '\\\n';
        w = 0;
      }
      o += obuf;
      w += obuf.length;
    }
    this.output(o + '$', true);
  }

  /** Runs the program over the current pattern space: -1 the end of the script (autoprint), -2 no autoprint. */
  private execute(): number {
    const cmds = this.cmds;
    let pc = 0;
    while (pc < cmds.length) {
      const c = cmds[pc];
      const sel = this.matchAddress(c) !== c.bang;
      if (!sel) {
        pc = c.ch === '{' ? c.jump : pc + 1;
        continue;
      }
      switch (c.ch) {
        case '{':
        case '}':
        case ':':
          break;
        case '=':
          this.output(String(this.lineNo), true);
          break;
        case 'a':
          this.append.push(c.text);
          break;
        case 'i':
          this.out.raw(c.text);
          break;
        case 'c':
          if (c.range !== 'active') this.out.raw(c.text);
          return -2;
        case 'b':
          if (c.jump >= 0) {
            pc = c.jump;
            continue;
          }
          return -1;
        case 't':
        case 'T': {
          const r = this.replaced;
          this.replaced = false;
          if (r === (c.ch === 't')) {
            if (c.jump >= 0) {
              pc = c.jump;
              continue;
            }
            return -1;
          }
          break;
        }
        case 'd':
          return -2;
        case 'D': {
          const k = this.ps.indexOf('\n');
          if (k < 0) return -2;
          this.ps = this.ps.slice(k + 1);
          return -3;
        }
        case 'F':
          this.output(this.curName, true);
          break;
        // Each buffer keeps whether its text ended with a newline; copying or appending carries it over.
        case 'g':
          this.ps = this.hold;
          this.chomped = this.holdChomped;
          break;
        case 'G':
          this.ps += '\n' + this.hold;
          this.chomped = this.holdChomped;
          break;
        case 'h':
          this.hold = this.ps;
          this.holdChomped = this.chomped;
          break;
        case 'H':
          this.hold += '\n' + this.ps;
          this.holdChomped = this.chomped;
          break;
        case 'x': {
          const t = this.ps;
          this.ps = this.hold;
          this.hold = t;
          const tc = this.chomped;
          this.chomped = this.holdChomped;
          this.holdChomped = tc;
          break;
        }
        case 'l':
          this.list(c.int);
          break;
        case 'L':
          throw new SedError('sed: INTERNAL ERROR: Bad cmd L', 4);
        case 'e': {
          // Runs through the simulated shell: its stdout (one trailing newline dropped for the pattern space).
          const run = (cmd: string) => (this.ctx.shell ? this.ctx.shell.capture(cmd) : '');
          if (c.text) this.out.raw(run(c.text) + '\n');
          else this.ps = run(this.ps);
          break;
        }
        case 'n':
          if (this.isLastInput()) return -1;
          if (!this.opts.quiet) this.output(this.ps, this.chomped);
          this.dumpAppend();
          this.read();
          break;
        case 'N': {
          if (this.isLastInput()) return -1;
          this.dumpAppend();
          const prev = this.ps;
          this.read();
          this.ps = prev + '\n' + this.ps;
          break;
        }
        case 'p':
          this.output(this.ps, this.chomped);
          break;
        case 'P': {
          const k = this.ps.indexOf('\n');
          this.output(k < 0 ? this.ps : this.ps.slice(0, k), k < 0 ? this.chomped : true);
          break;
        }
        case 'q':
          this.quitStatus = c.int < 0 ? 0 : c.int;
          return -4;
        case 'Q':
          this.quitStatus = c.int < 0 ? 0 : c.int;
          return -5;
        case 'r': {
          const t = this.readFile(c.fname);
          if (t !== undefined) this.append.push(t);
          break;
        }
        case 'R': {
          let r = this.rfiles.get(c.fname);
          if (!r) {
            const t = this.readFile(c.fname);
            const ls = t === undefined ? [] : t.split('\n');
            if (ls.length && ls[ls.length - 1] === '') ls.pop();
            this.rfiles.set(c.fname, (r = { lines: ls.map((x) => x + '\n'), i: 0 }));
          }
          if (r.i < r.lines.length) this.append.push(r.lines[r.i++]);
          break;
        }
        case 's':
          if (this.subst(c)) {
            this.replaced = true;
            if (c.eval && this.ctx.shell) this.ps = this.ctx.shell.capture(this.ps);
            if (c.print) this.output(this.ps, this.chomped);
            if (c.fname) this.writeTo(c.fname, this.ps);
          }
          break;
        case 'w':
          this.writeTo(c.fname, this.ps);
          break;
        case 'W': {
          const k = this.ps.indexOf('\n');
          this.writeTo(c.fname, k < 0 ? this.ps : this.ps.slice(0, k));
          break;
        }
        case 'y':
          this.ps = [...this.ps].map((ch) => c.ymap.get(ch) ?? ch).join('');
          break;
        case 'z':
          this.ps = '';
          break;
      }
      pc++;
    }
    return -1;
  }

  private isLastInput(): boolean {
    return this.isLast();
  }

  /** Process files[from..] (one file with -s/-i); false once q/Q ended the run. */
  run(): boolean {
    let again = false;
    for (;;) {
      if (!again && !this.read()) return true;
      again = false;
      const st = this.execute();
      if (st === -1 || st === -4) {
        if (!this.opts.quiet) this.output(this.ps, this.chomped);
      }
      if (st === -3) {
        // D: the rest of the pattern space starts the next cycle without reading a line.
        this.dumpAppend();
        again = true;
        this.replaced = false;
        continue;
      }
      this.dumpAppend();
      if (st === -4 || st === -5) return false;
    }
  }
}

/** GNU getopt_long for sed's options: [options, operands] or an error message. */
function parseArgs(args: string[]): { scripts: ({ e: string } | { f: string })[]; files: string[]; opts: Opts & { ere: boolean; help: boolean; version: boolean } } | { error: string } {
  const opts = { quiet: false, separate: false, inPlace: null as string | null, lineLen: 70, nul: false, ere: false, help: false, version: false };
  const scripts: ({ e: string } | { f: string })[] = [];
  const files: string[] = [];
  const longs = ['quiet', 'silent', 'debug', 'expression', 'file', 'follow-symlinks', 'in-place', 'line-length', 'posix', 'regexp-extended', 'separate', 'sandbox', 'unbuffered', 'null-data', 'zero-terminated', 'help', 'version', 'binary'];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = longs.filter((l) => l.startsWith(name));
      const full = longs.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      if (!full) {
        if (matches.length > 1) return { error: `sed: option '${a}' is ambiguous; possibilities:${matches.map((m) => ` '--${m}'`).join('')}\n` };
        return { error: `sed: unrecognized option '${a}'\n` };
      }
      const val = eq < 0 ? undefined : a.slice(eq + 1);
      const needs = ['expression', 'file', 'line-length'].includes(full);
      if (!needs && val !== undefined && full !== 'in-place') return { error: `sed: option '--${full}' doesn't allow an argument\n` };
      let v = val;
      if (needs && v === undefined) {
        if (i + 1 >= args.length) return { error: `sed: option '--${full}' requires an argument\n` };
        v = args[++i];
      }
      switch (full) {
        case 'quiet':
        case 'silent':
          opts.quiet = true;
          break;
        case 'expression':
          scripts.push({ e: v! });
          break;
        case 'file':
          scripts.push({ f: v! });
          break;
        case 'in-place':
          opts.inPlace = val ?? '';
          opts.separate = true;
          break;
        case 'line-length':
          opts.lineLen = Number(v);
          break;
        case 'regexp-extended':
          opts.ere = true;
          break;
        case 'separate':
          opts.separate = true;
          break;
        case 'null-data':
        case 'zero-terminated':
          opts.nul = true;
          break;
        case 'help':
          opts.help = true;
          break;
        case 'version':
          opts.version = true;
          break;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        const rest = a.slice(j + 1);
        if (f === 'e' || f === 'f' || f === 'l') {
          let v = rest;
          if (!v) {
            if (i + 1 >= args.length) return { error: `sed: option requires an argument -- '${f}'\n` };
            v = args[++i];
          }
          if (f === 'e') scripts.push({ e: v });
          else if (f === 'f') scripts.push({ f: v });
          else {
            if (!/^\d+$/.test(v)) return { error: `sed: invalid line length: ${v}\n`, };
            opts.lineLen = Number(v);
          }
          break;
        }
        if (f === 'i') {
          opts.inPlace = rest;
          opts.separate = true;
          break;
        }
        if (f === 'n') opts.quiet = true;
        else if (f === 'E' || f === 'r') opts.ere = true;
        else if (f === 's') opts.separate = true;
        else if (f === 'z') opts.nul = true;
        else if (f === 'u' || f === 'b') continue;
        else return { error: `sed: invalid option -- '${f}'\n` };
      }
      continue;
    }
    files.push(a);
  }
  return { scripts, files, opts };
}

export const sed: CommandFn = (ctx) => {
  const parsed = parseArgs(ctx.args);
  if ('error' in parsed) {
    ctx.err(parsed.error + USAGE);
    return 1;
  }
  const { scripts, files, opts } = parsed;
  if (opts.help) {
    ctx.out(USAGE + 'E-mail bug reports to: <bug-sed@gnu.org>.\n');
    return 0;
  }
  if (opts.version) {
    ctx.out(VERSION);
    return 0;
  }
  if (!scripts.length) {
    if (!files.length) {
      ctx.err(USAGE);
      return 1;
    }
    scripts.push({ e: files.shift()! });
  }
  const comp = new Compiler(opts.ere);
  try {
    let en = 0;
    for (const s of scripts) {
      if ('e' in s) comp.compile({ text: s.e, where: { kind: 'e', n: ++en } });
      else {
        const text = s.f === '-' ? ctx.stdin : ctx.fs.read(FileSystem.normalize(s.f, ctx.cwd));
        if (text === undefined) throw new SedError(`sed: couldn't open file ${s.f}: No such file or directory`, 4);
        comp.compile({ text: text.endsWith('\n') ? text.slice(0, -1) : text, where: { kind: 'f', name: s.f } });
      }
    }
    comp.finish();
  } catch (e) {
    if (e instanceof SedError) {
      ctx.err(e.message + '\n');
      return e.status;
    }
    throw e;
  }
  if (comp.quietByHash) opts.quiet = true;
  if (opts.inPlace !== null && !files.length) {
    ctx.err('sed: no input files\n');
    return 4;
  }
  const names = files.length ? files : ['-'];
  const r = new Runner(comp.cmds, opts, ctx);
  // `w` files are created (emptied) when the script is compiled.
  for (const w of comp.wfiles) r['wout'](w);
  const sep = opts.nul ? '\0' : '\n';
  const load = (name: string): InFile | string => {
    let text: string | undefined;
    if (name === '-' && opts.inPlace === null) text = ctx.stdin;
    else {
      const p = FileSystem.normalize(name, ctx.cwd);
      if (ctx.fs.isDir(p)) return opts.inPlace !== null ? `sed: couldn't edit ${name}: not a regular file` : `sed: read error on ${name}: Is a directory`;
      text = ctx.fs.read(p);
      if (text === undefined) return `sed: can't read ${name}: No such file or directory`;
    }
    const noEol = text !== '' && !text.endsWith(sep);
    const ls = text === '' ? [] : (noEol ? text : text.slice(0, -1)).split(sep);
    return { name, lines: ls, noEol };
  };
  let status = 0;
  const finishW = () => {
    for (const [name, o] of r.wouts) ctx.fs.write(FileSystem.normalize(name, ctx.cwd), o.text);
  };
  try {
    if (opts.inPlace === null) {
      let fatal = '';
      for (const n of names) {
        const f = load(n);
        if (typeof f === 'string') {
          // A directory stops sed where it comes (a panic, status 4); a missing file is skipped.
          if (f.includes('read error')) {
            fatal = f;
            break;
          }
          ctx.err(f + '\n');
          status = 2;
          continue;
        }
        r.files.push(f);
      }
      const reset = () => {
        for (const c of r.cmds) if (c.a1) c.range = c.a1.t === 'num' && c.a1.n === 0 ? 'active' : 'inactive';
      };
      let more = true;
      if (opts.separate) {
        for (let k = 0; k < r.files.length && more; k++) {
          r.fi = k;
          r.li = 0;
          r.lineNo = 0;
          reset();
          more = r.run();
        }
      } else more = r.run();
      if (fatal && more) {
        ctx.out(r.stdout.text);
        ctx.err(fatal + '\n');
        finishW();
        return 4;
      }
      ctx.out(r.stdout.text);
    } else {
      for (const n of names) {
        const f = load(n);
        if (typeof f === 'string') {
          ctx.err(f + '\n');
          status = f.includes('not a regular file') ? 4 : 2;
          continue;
        }
        r.files = [f];
        r.fi = 0;
        r.li = 0;
        r.lineNo = 0;
        r.out = new Out();
        r.out.sep = sep;
        for (const c of r.cmds) if (c.a1) c.range = c.a1.t === 'num' && c.a1.n === 0 ? 'active' : 'inactive';
        const more = r.run();
        const p = FileSystem.normalize(n, ctx.cwd);
        if (opts.inPlace) {
          const bak = opts.inPlace.includes('*') ? opts.inPlace.replace(/\*/g, n.slice(n.lastIndexOf('/') + 1)) : n + opts.inPlace;
          ctx.fs.write(FileSystem.normalize(bak.includes('/') || !n.includes('/') ? bak : n.slice(0, n.lastIndexOf('/') + 1) + bak, ctx.cwd), ctx.fs.read(p) ?? '');
        }
        ctx.fs.write(p, r.out.text);
        if (!more) break;
      }
      ctx.out(r.stdout.text);
    }
  } catch (e) {
    if (e instanceof SedError) {
      ctx.out(r.stdout.text);
      ctx.err(e.message + '\n');
      finishW();
      return e.status;
    }
    throw e;
  }
  finishW();
  return r.quitStatus ?? status;
};
