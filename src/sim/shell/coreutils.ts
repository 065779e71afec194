/**
 * More of the tools an Ubuntu 24.04 node has, loaded on demand: date (GNU coreutils 9.4), xargs and
 * find (GNU findutils 4.9), column (util-linux 2.39), basename, dirname, realpath. Messages are the C
 * locale's (ASCII quotes), as the other tools of the simulated shell print them; the clock is the
 * cluster's (the machines run in UTC). find walks directories in name order (a real ext4 directory is
 * read in hash order, which no two machines share).
 */
import { FileSystem, baseName } from './fs.ts';
import type { CommandContext, CommandFn } from './shell.ts';

// ---- date -----------------------------------------------------------------------------------------

const DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isoWeek(d: Date): { year: number; week: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y0 = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - y0) / 86400000 + 1) / 7) };
}

/** GNU strftime (as date uses it) in UTC, C locale; flags - _ 0 ^ # and a width. */
export function strftime(fmt: string, ms: number, nanos = 0): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const yday = Math.floor((Date.UTC(Y, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(Y, 0, 1)) / 86400000);
  const wday = d.getUTCDay();
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch !== '%' || i === fmt.length - 1) {
      out += ch;
      continue;
    }
    let j = i + 1;
    let flag = '';
    while ('-_0^#'.includes(fmt[j]) && j < fmt.length) flag += fmt[j++];
    let width = '';
    while (/\d/.test(fmt[j] ?? '')) width += fmt[j++];
    let colons = 0;
    while (fmt[j] === ':') {
      colons++;
      j++;
    }
    const conv = fmt[j];
    if (conv === undefined) {
      out += fmt.slice(i);
      break;
    }
    i = j;
    // [value, default pad char, default width] for numbers; strings otherwise.
    const num = (v: number, w: number, pad = '0'): string => {
      const p = flag.includes('-') ? '' : flag.includes('_') ? ' ' : flag.includes('0') ? '0' : pad;
      const ww = width ? Number(width) : w;
      const s = String(Math.abs(v));
      return (v < 0 ? '-' : '') + (p ? s.padStart(ww - (v < 0 ? 1 : 0), p) : s);
    };
    const str = (s: string): string => {
      let r = flag.includes('^') ? s.toUpperCase() : flag.includes('#') ? (/[a-z]/.test(s) ? s.toUpperCase() : s.toLowerCase()) : s;
      if (width) r = r.padStart(Number(width), flag.includes('0') ? '0' : ' ');
      return r;
    };
    const H = d.getUTCHours();
    const I = H % 12 || 12;
    switch (conv) {
      case 'a': out += str(DAY[wday].slice(0, 3)); break;
      case 'A': out += str(DAY[wday]); break;
      case 'b': case 'h': out += str(MONTH[d.getUTCMonth()].slice(0, 3)); break;
      case 'B': out += str(MONTH[d.getUTCMonth()]); break;
      case 'c': out += str(strftime('%a %b %e %H:%M:%S %Y', ms)); break;
      case 'C': out += num(Math.floor(Y / 100), 2); break;
      case 'd': out += num(d.getUTCDate(), 2); break;
      case 'D': out += str(strftime('%m/%d/%y', ms)); break;
      case 'e': out += num(d.getUTCDate(), 2, ' '); break;
      case 'F': out += str(strftime('%Y-%m-%d', ms)); break;
      case 'g': out += num(isoWeek(d).year % 100, 2); break;
      case 'G': out += num(isoWeek(d).year, 1); break;
      case 'H': out += num(H, 2); break;
      case 'I': out += num(I, 2); break;
      case 'j': out += num(yday + 1, 3); break;
      case 'k': out += num(H, 2, ' '); break;
      case 'l': out += num(I, 2, ' '); break;
      case 'm': out += num(d.getUTCMonth() + 1, 2); break;
      case 'M': out += num(d.getUTCMinutes(), 2); break;
      case 'n': out += '\n'; break;
      case 'N': {
        const n = String(nanos + (ms % 1000) * 1e6).padStart(9, '0');
        out += width ? n.slice(0, Number(width)).padEnd(Number(width), '0') : n;
        break;
      }
      case 'p': out += flag.includes('#') ? (H < 12 ? 'am' : 'pm') : str(H < 12 ? 'AM' : 'PM'); break;
      case 'P': out += H < 12 ? 'am' : 'pm'; break;
      case 'r': out += str(strftime('%I:%M:%S %p', ms)); break;
      case 'R': out += str(strftime('%H:%M', ms)); break;
      case 's': out += num(Math.floor(ms / 1000), 1); break;
      case 'S': out += num(d.getUTCSeconds(), 2); break;
      case 't': out += '\t'; break;
      case 'T': out += str(strftime('%H:%M:%S', ms)); break;
      case 'u': out += num(wday || 7, 1); break;
      case 'U': out += num(Math.floor((yday + 7 - wday) / 7), 2); break;
      case 'V': out += num(isoWeek(d).week, 2); break;
      case 'w': out += num(wday, 1); break;
      case 'W': out += num(Math.floor((yday + 7 - ((wday + 6) % 7)) / 7), 2); break;
      case 'x': out += str(strftime('%m/%d/%y', ms)); break;
      case 'X': out += str(strftime('%H:%M:%S', ms)); break;
      case 'y': out += num(Y % 100, 2); break;
      case 'Y': out += num(Y, 1); break;
      case 'z': out += ['+0000', '+00:00', '+00:00:00', '+00'][Math.min(colons, 3)]; break;
      case 'Z': out += str('UTC'); break;
      case '%': out += '%'; break;
      default: out += `%${flag}${width}${':'.repeat(colons)}${conv}`;
    }
  }
  return out;
}

const UNITS: Record<string, number> = { sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000, fortnight: 1_209_600_000 };

/** The date strings a script passes to `date -d` (parse-datetime.y, the common forms). */
export function parseDate(s: string, now: number): number | undefined {
  let t = s.trim().toLowerCase();
  const d0 = new Date(now);
  if (t === '') return Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), d0.getUTCDate());
  if (t === 'now' || t === 'today') return now;
  let m = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (m) return Math.round(Number(m[1]) * 1000);
  let base = now;
  const abs = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?/.exec(t);
  if (abs) {
    const [all, y, mo, dd, hh = '0', mi = '0', ss = '0', frac = '', tz] = abs;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(dd) < 1 || Number(dd) > 31 || Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 60) return undefined;
    base = Date.UTC(Number(y), Number(mo) - 1, Number(dd), Number(hh), Number(mi), Number(ss), Number((frac + '000').slice(0, 3)));
    // 2024-02-30 is no date (GNU: "invalid date"), not March 1st.
    if (new Date(base).getUTCDate() !== Number(dd) && Number(ss) < 60) return undefined;
    if (tz && tz !== 'z' && tz !== 'utc') {
      const sign = tz[0] === '-' ? -1 : 1;
      const digits = tz.slice(1).replace(':', '');
      base -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    t = t.slice(all.length).trim();
  } else {
    const hm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(t);
    if (hm) {
      const d = new Date(now);
      base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Number(hm[1]), Number(hm[2]), Number(hm[3] ?? 0));
      t = t.slice(hm[0].length).trim();
    }
  }
  // Relative items: "N unit(s) [ago]", "+N unit", "tomorrow", "yesterday", "next/last unit".
  while (t) {
    if ((m = /^(tomorrow|yesterday)\b/.exec(t))) {
      base += m[1] === 'tomorrow' ? 86_400_000 : -86_400_000;
    } else if ((m = /^(?:([+-]?\d+)|(next|last|this))?\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?\b(\s+ago)?/.exec(t)) && (m[1] || m[2] || m[3])) {
      let n = m[1] !== undefined ? Number(m[1]) : m[2] === 'last' ? -1 : m[2] === 'this' ? 0 : 1;
      if (m[4]) n = -n;
      const unit = m[3];
      if (unit === 'month' || unit === 'year') {
        const d = new Date(base);
        if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
        else d.setUTCFullYear(d.getUTCFullYear() + n);
        base = d.getTime();
      } else base += n * UNITS[unit];
    } else if ((m = /^ago\b/.exec(t))) {
      // handled with the unit
    } else return undefined;
    t = t.slice(m[0].length).trim();
  }
  return base;
}

export const date: CommandFn = (ctx) => {
  const now = ctx.shell.now?.() ?? Date.now();
  let fmt: string | undefined;
  let when = now;
  let rfc = false;
  let iso: string | undefined;
  const args = ctx.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('+')) {
      if (fmt !== undefined) {
        ctx.err(`date: extra operand '${a}'\nTry 'date --help' for more information.\n`);
        return 1;
      }
      fmt = a.slice(1);
    } else if (a === '-u' || a === '--utc' || a === '--universal') continue;
    else if (a === '-R' || a === '--rfc-email') rfc = true;
    else if (a === '-I' || a.startsWith('--iso-8601') || /^-I(date|hours|minutes|seconds|ns)$/.test(a)) iso = a.includes('=') ? a.slice(a.indexOf('=') + 1) : a.startsWith('-I') && a.length > 2 ? a.slice(2) : 'date';
    else if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
      const v = a === '-d' || a === '--date' ? args[++i] : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
      if (v === undefined) {
        ctx.err(`date: option requires an argument -- 'd'\nTry 'date --help' for more information.\n`);
        return 1;
      }
      const t = parseDate(v, now);
      if (t === undefined) {
        ctx.err(`date: invalid date '${v}'\n`);
        return 1;
      }
      when = t;
    } else if (a === '-s' || a.startsWith('--set')) {
      ctx.err('date: cannot set date: Operation not permitted\n');
      return 1;
    } else if (a.startsWith('--')) {
      ctx.err(`date: unrecognized option '${a}'\nTry 'date --help' for more information.\n`);
      return 1;
    } else if (a.startsWith('-') && a.length > 1) {
      ctx.err(`date: invalid option -- '${a[1]}'\nTry 'date --help' for more information.\n`);
      return 1;
    } else {
      ctx.err(`date: invalid date '${a}'\n`);
      return 1;
    }
  }
  if (rfc) fmt = '%a, %d %b %Y %H:%M:%S %z';
  else if (iso !== undefined) fmt = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z' }[iso] ?? '%Y-%m-%d';
  ctx.out(strftime(fmt ?? '%a %b %e %H:%M:%S %Z %Y', when) + '\n');
  return 0;
};

// ---- running a program (xargs, find -exec) --------------------------------------------------------

/** Shell builtins with no program of their name in /usr/bin: execvp cannot run them. */
const NOT_PROGRAMS = new Set(['cd', 'export', 'alias', 'unalias', 'source', '.', 'exit', 'logout', 'set', 'unset', 'read', 'shift', 'return', 'break', 'continue', 'eval', 'exec', 'declare', 'local', 'history', 'type', 'hash', 'ulimit', 'umask', 'wait', 'jobs', 'fg', 'bg']);

/** Run argv as a program (no aliases, no functions): its status, or undefined when it does not exist. */
function exec(ctx: CommandContext, argv: string[], stdin = ''): number | undefined {
  const name = argv[0];
  if (NOT_PROGRAMS.has(name)) return undefined;
  const fn = ctx.shell.commands.get(name) ?? ctx.shell.commands.get(name.split('/').pop()!);
  if (!fn) return undefined;
  return fn({ ...ctx, name, args: argv.slice(1), stdin, input: { buf: stdin } });
}

// ---- xargs ----------------------------------------------------------------------------------------

/** Split xargs input into items: blanks and newlines separate, quotes and backslash escape (POSIX). */
function xargsItems(s: string): { items: string[]; error?: string } {
  const items: string[] = [];
  let cur = '';
  let have = false;
  let q: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = undefined;
      else if (c === '\n') return { items, error: `unmatched ${q === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option` };
      else cur += c;
    } else if (c === '"' || c === "'") {
      q = c;
      have = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      have = true;
    } else if (/\s/.test(c)) {
      if (have) items.push(cur);
      cur = '';
      have = false;
    } else {
      cur += c;
      have = true;
    }
  }
  if (q) return { items, error: `unmatched ${q === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option` };
  if (have) items.push(cur);
  return { items };
}

export const xargs: CommandFn = (ctx) => {
  const args = ctx.args;
  let maxArgs = 0;
  let maxLines = 0;
  let replace: string | undefined;
  let noRunEmpty = false;
  let nul = false;
  let delim: string | undefined;
  let trace = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    const val = (short: string, long: string): string | undefined => {
      if (a === short || a === long) return args[++i];
      if (a.startsWith(long + '=')) return a.slice(long.length + 1);
      if (a.startsWith(short)) return a.slice(short.length);
      return undefined;
    };
    if (a === '-r' || a === '--no-run-if-empty') noRunEmpty = true;
    else if (a === '-0' || a === '--null') nul = true;
    else if (a === '-t' || a === '--verbose') trace = true;
    else if (a === '-x' || a === '--exit' || a === '-p') continue;
    else if (a.startsWith('-n') || a.startsWith('--max-args')) {
      const v = val('-n', '--max-args');
      if (!v || !/^\d+$/.test(v) || Number(v) < 1) {
        ctx.err(v && /^\d+$/.test(v) ? `xargs: value ${v} for -n option should be >= 1\nTry 'xargs --help' for more information.\n` : `xargs: invalid number "${v ?? ''}" for -n option\nTry 'xargs --help' for more information.\n`);
        return 1;
      }
      maxArgs = Number(v);
    } else if (a.startsWith('-L') || a.startsWith('--max-lines')) maxLines = Number(val('-L', '--max-lines') ?? 1);
    else if (a === '-I' || a.startsWith('-I')) {
      replace = a === '-I' ? args[++i] : a.slice(2);
      if (replace === undefined) {
        ctx.err("xargs: option requires an argument -- 'I'\nTry 'xargs --help' for more information.\n");
        return 1;
      }
    } else if (a === '-i' || a.startsWith('--replace')) replace = a.includes('=') ? a.slice(a.indexOf('=') + 1) : '{}';
    else if (a.startsWith('-d') || a.startsWith('--delimiter')) delim = (val('-d', '--delimiter') ?? '').replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
    else if (a.startsWith('-P') || a.startsWith('--max-procs') || a.startsWith('-s') || a.startsWith('-E') || a.startsWith('-a')) {
      if (a.length === 2) i++;
    } else if (a.startsWith('--')) {
      ctx.err(`xargs: unrecognized option '${a}'\nTry 'xargs --help' for more information.\n`);
      return 1;
    } else {
      ctx.err(`xargs: invalid option -- '${a[1]}'\nTry 'xargs --help' for more information.\n`);
      return 1;
    }
  }
  const command = args.slice(i).length ? args.slice(i) : ['echo'];
  let items: string[];
  let lines: string[][] | undefined;
  let warn: string | undefined;
  if (nul || delim !== undefined) {
    const sep = nul ? '\0' : delim!;
    items = ctx.stdin.split(sep);
    if (items[items.length - 1] === '' ) items.pop();
  } else if (replace !== undefined || maxLines) {
    // -I and -L: one input line per command (blanks inside a line kept with -I; leading ones dropped).
    lines = [];
    for (const line of ctx.stdin.split('\n')) {
      if (replace !== undefined) {
        const l = line.replace(/^[ \t]+/, '');
        if (l) lines.push([xargsItems(l).items.join(' ') === l.trim() ? l : xargsItems(l).items.join(' ')]);
      } else {
        const it = xargsItems(line).items;
        if (it.length) lines.push(it);
      }
    }
    items = lines.flat();
  } else {
    const r = xargsItems(ctx.stdin);
    items = r.items;
    warn = r.error;
  }
  const batches: string[][] = [];
  if (replace !== undefined) for (const l of lines!) batches.push(l);
  else if (lines && maxLines) for (let k = 0; k < lines.length; k += maxLines) batches.push(lines.slice(k, k + maxLines).flat());
  else if (maxArgs) for (let k = 0; k < items.length; k += maxArgs) batches.push(items.slice(k, k + maxArgs));
  else if (items.length) batches.push(items);
  if (!batches.length && !noRunEmpty && replace === undefined && !warn) batches.push([]);
  let status = 0;
  for (const b of batches) {
    const argv = replace !== undefined ? command.map((w) => w.split(replace!).join(b[0] ?? '')) : [...command, ...b];
    if (trace) ctx.err(argv.join(' ') + '\n');
    const s = exec(ctx, argv);
    if (s === undefined) {
      ctx.err(`xargs: ${argv[0]}: No such file or directory\n`);
      return 127;
    }
    if (s === 255) {
      ctx.err(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (s !== 0) status = 123;
  }
  if (warn) {
    ctx.err(`xargs: ${warn}\n`);
    return 1;
  }
  return status;
};

// ---- find -----------------------------------------------------------------------------------------

type Node = { t: 'test'; f: (p: string, depth: number) => boolean } | { t: 'not'; e: Node } | { t: 'and' | 'or'; l: Node; r: Node } | { t: 'action'; f: (p: string) => boolean };

function globRe(pat: string, flags = ''): RegExp {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const j = pat.indexOf(']', i + 2);
      if (j < 0) re += '\\[';
      else {
        re += '[' + pat.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = j;
      }
    } else if (c === '\\' && i + 1 < pat.length) re += '\\' + pat[++i];
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, `s${flags}`);
}

export const find: CommandFn = (ctx) => {
  const args = ctx.args;
  let k = 0;
  const roots: string[] = [];
  while (k < args.length && !/^[-!(]/.test(args[k]) || (k < args.length && args[k] === '-' )) roots.push(args[k++]);
  if (!roots.length) roots.push('.');
  let maxDepth = Infinity;
  let minDepth = 0;
  let hasAction = false;
  const pending: { argv: string[]; paths: string[] }[] = [];
  const execStatus = { bad: false };
  let err: string | undefined;
  const expr = args.slice(k);
  let pos = 0;
  const fsOf = ctx.fs;
  const isDir = (p: string) => fsOf.isDir(p);
  const abs = (p: string) => FileSystem.normalize(p, ctx.cwd);

  const primary = (): Node | undefined => {
    const a = expr[pos++];
    const arg = (): string | undefined => {
      const v = expr[pos++];
      if (v === undefined) err = `find: missing argument to \`${a}'\n`;
      return v;
    };
    switch (a) {
      case '(': {
        const e = orExpr();
        if (expr[pos++] !== ')') {
          err ??= "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n";
          return undefined;
        }
        return e;
      }
      case '!': case '-not': {
        const e = primary();
        return e && { t: 'not', e };
      }
      case '-name': case '-iname': {
        const v = arg();
        if (v === undefined) return undefined;
        const re = globRe(v, a === '-iname' ? 'i' : '');
        return { t: 'test', f: (p) => re.test(p === '/' ? '/' : baseName(p.replace(/\/+$/, '')) || p) };
      }
      case '-path': case '-wholename': case '-ipath': {
        const v = arg();
        if (v === undefined) return undefined;
        const re = globRe(v, a === '-ipath' ? 'i' : '');
        return { t: 'test', f: (p) => re.test(p) };
      }
      case '-type': {
        const v = arg();
        if (v === undefined) return undefined;
        if (!/^[fdlbcps](,[fdlbcps])*$/.test(v)) {
          err = `find: Unknown argument to -type: ${v}\n`;
          return undefined;
        }
        const types = v.split(',');
        return { t: 'test', f: (p) => (isDir(abs(p)) ? types.includes('d') : types.includes('f')) };
      }
      case '-maxdepth': case '-mindepth': {
        const v = arg();
        if (v === undefined) return undefined;
        if (!/^\d+$/.test(v)) {
          err = `find: Expected a positive decimal integer argument to ${a}, but got '${v}'\n`;
          return undefined;
        }
        if (a === '-maxdepth') maxDepth = Number(v);
        else minDepth = Number(v);
        return { t: 'test', f: () => true };
      }
      case '-empty':
        return { t: 'test', f: (p) => (isDir(abs(p)) ? fsOf.list(abs(p)).length === 0 : (fsOf.read(abs(p)) ?? '') === '') };
      case '-true':
        return { t: 'test', f: () => true };
      case '-false':
        return { t: 'test', f: () => false };
      case '-print':
        hasAction = true;
        return { t: 'action', f: (p) => (ctx.out(p + '\n'), true) };
      case '-print0':
        hasAction = true;
        return { t: 'action', f: (p) => (ctx.out(p + '\0'), true) };
      case '-delete':
        hasAction = true;
        return { t: 'action', f: (p) => {
          const ap = abs(p);
          if (isDir(ap) && fsOf.list(ap).length) {
            ctx.err(`find: cannot delete '${p}': Directory not empty\n`);
            execStatus.bad = true;
            return false;
          }
          fsOf.remove(ap);
          return true;
        } };
      case '-exec': case '-ok': {
        hasAction = true;
        const argv: string[] = [];
        while (pos < expr.length && expr[pos] !== ';' && !(expr[pos] === '+' && expr[pos - 1] === '{}')) argv.push(expr[pos++]);
        if (pos >= expr.length || !argv.length) {
          err = `find: missing argument to \`${a}'\n`;
          return undefined;
        }
        const plus = expr[pos++] === '+';
        if (plus) {
          const batch = { argv: argv.slice(0, -1), paths: [] as string[] };
          pending.push(batch);
          return { t: 'action', f: (p) => (batch.paths.push(p), true) };
        }
        return { t: 'action', f: (p) => {
          const s = exec(ctx, argv.map((w) => w.split('{}').join(p)));
          if (s === undefined) {
            ctx.err(`find: '${argv[0]}': No such file or directory\n`);
            execStatus.bad = true;
            return false;
          }
          return s === 0;
        } };
      }
      case undefined:
        return undefined;
      default:
        err = a.startsWith('-') ? `find: unknown predicate \`${a}'\n` : `find: paths must precede expression: \`${a}'\n`;
        return undefined;
    }
  };
  const andExpr = (): Node | undefined => {
    let l = primary();
    while (l && !err && pos < expr.length && expr[pos] !== ')' && expr[pos] !== '-o' && expr[pos] !== '-or' && expr[pos] !== ',') {
      if (expr[pos] === '-a' || expr[pos] === '-and') pos++;
      const r = primary();
      if (!r) return undefined;
      l = { t: 'and', l, r };
    }
    return l;
  };
  const orExpr = (): Node | undefined => {
    let l = andExpr();
    while (l && !err && (expr[pos] === '-o' || expr[pos] === '-or')) {
      pos++;
      const r = andExpr();
      if (!r) {
        err ??= `find: invalid expression; you have used a binary operator '-o' with nothing before it.\n`;
        return undefined;
      }
      l = { t: 'or', l, r };
    }
    return l;
  };
  let tree: Node | undefined = expr.length ? orExpr() : { t: 'test', f: () => true };
  if (!err && pos < expr.length) err = expr[pos] === ')' ? "find: invalid expression; you have too many ')'\n" : `find: paths must precede expression: \`${expr[pos]}'\n`;
  if (err || !tree) {
    ctx.err(err ?? 'find: invalid expression\n');
    return 1;
  }
  if (!hasAction) tree = { t: 'and', l: tree, r: { t: 'action', f: (p) => (ctx.out(p + '\n'), true) } };
  const evaluate = (n: Node, p: string, depth: number): boolean => {
    switch (n.t) {
      case 'test': return n.f(p, depth);
      case 'action': return n.f(p);
      case 'not': return !evaluate(n.e, p, depth);
      case 'and': return evaluate(n.l, p, depth) && evaluate(n.r, p, depth);
      case 'or': return evaluate(n.l, p, depth) || evaluate(n.r, p, depth);
    }
  };
  let status = 0;
  const deletes = args.includes('-delete');
  const walk = (shown: string, ap: string, depth: number) => {
    const children = isDir(ap) && depth < maxDepth ? fsOf.list(ap) : [];
    // -delete implies -depth: children first.
    if (!deletes && depth >= minDepth) evaluate(tree!, shown, depth);
    for (const c of children) walk(shown.endsWith('/') ? shown + c : `${shown}/${c}`, ap === '/' ? `/${c}` : `${ap}/${c}`, depth + 1);
    if (deletes && depth >= minDepth) evaluate(tree!, shown, depth);
  };
  for (const r of roots) {
    const ap = abs(r);
    if (!fsOf.exists(ap)) {
      ctx.err(`find: '${r}': No such file or directory\n`);
      status = 1;
      continue;
    }
    walk(r, ap, 0);
  }
  for (const b of pending) {
    if (!b.paths.length) continue;
    const s = exec(ctx, [...b.argv, ...b.paths]);
    if (s === undefined) {
      ctx.err(`find: '${b.argv[0]}': No such file or directory\n`);
      status = 1;
    } else if (s !== 0) status = 1;
  }
  return execStatus.bad ? 1 : status;
};

// ---- column ---------------------------------------------------------------------------------------

export const column: CommandFn = (ctx) => {
  let table = false;
  let seps: string | undefined;
  let outSep = '  ';
  let width = 80;
  const files: string[] = [];
  const args = ctx.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--table') table = true;
    else if (a === '-s' || a === '--separator') seps = args[++i];
    else if (a.startsWith('-s') && a.length > 2) seps = a.slice(2);
    else if (a === '-o' || a === '--output-separator') outSep = args[++i] ?? '  ';
    else if (a.startsWith('-o') && a.length > 2) outSep = a.slice(2);
    else if (a === '-c' || a === '--output-width') width = Number(args[++i]);
    else if (/^-t[s]/.test(a)) {
      table = true;
      seps = a.slice(3) || args[++i];
    } else if (a.startsWith('-') && a.length > 1) {
      ctx.err(`column: invalid option -- '${a[1]}'\nTry 'column --help' for more information.\n`);
      return 1;
    } else files.push(a);
  }
  let input = '';
  if (!files.length) input = ctx.stdin;
  for (const f of files) {
    const c = ctx.fs.read(FileSystem.normalize(f, ctx.cwd));
    if (c === undefined) {
      ctx.err(`column: cannot open ${f}: No such file or directory\n`);
      return 1;
    }
    input += c;
  }
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (table) {
    const splitter = seps === undefined ? /[ \t]+/ : new RegExp(`[${seps.replace(/[\]\\^-]/g, '\\$&')}]+`);
    const rows = nonEmpty.map((l) => (seps === undefined ? l.trim() : l).split(splitter));
    const widths: number[] = [];
    for (const r of rows) r.forEach((c, j) => (widths[j] = Math.max(widths[j] ?? 0, [...c].length)));
    ctx.out(rows.map((r) => r.map((c, j) => (j === r.length - 1 ? c : c + ' '.repeat(widths[j] - [...c].length))).join(outSep)).join('\n') + (rows.length ? '\n' : ''));
    return 0;
  }
  // Fill columns first (util-linux columnate_fillcols): each column a multiple of 8 wide, tab-padded.
  const items = nonEmpty;
  if (!items.length) return 0;
  const maxLen = Math.max(...items.map((s) => [...s].length));
  const colW = (Math.floor(maxLen / 8) + 1) * 8;
  const cols = Math.max(1, Math.floor(width / colW));
  const rows = Math.ceil(items.length / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const idx = c * rows + r;
      if (idx >= items.length) break;
      const s = items[idx];
      const last = (c + 1) * rows + r >= items.length;
      line += s;
      if (!last) {
        let w = [...s].length;
        while (w < colW) {
          line += '\t';
          w = (Math.floor(w / 8) + 1) * 8;
        }
      }
    }
    out += line + '\n';
  }
  ctx.out(out);
  return 0;
};

// ---- basename, dirname, realpath ------------------------------------------------------------------

export function baseOf(p: string, suffix = ''): string {
  if (p === '') return '';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  let b = t.slice(t.lastIndexOf('/') + 1);
  if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
  return b;
}

export function dirOf(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p.startsWith('/') ? '/' : '.';
  const i = t.lastIndexOf('/');
  if (i < 0) return '.';
  return t.slice(0, i).replace(/\/+$/, '') || '/';
}

export const basename: CommandFn = (ctx) => {
  let args = ctx.args;
  let multiple = false;
  let suffix = '';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-a' || a === '--multiple') multiple = true;
    else if (a === '-s') (suffix = args[++i] ?? ''), (multiple = true);
    else if (a.startsWith('--suffix=')) (suffix = a.slice(9)), (multiple = true);
    else rest.push(a);
  }
  args = rest;
  if (!args.length) {
    ctx.err("basename: missing operand\nTry 'basename --help' for more information.\n");
    return 1;
  }
  if (!multiple) {
    if (args.length > 2) {
      ctx.err(`basename: extra operand '${args[2]}'\nTry 'basename --help' for more information.\n`);
      return 1;
    }
    ctx.out(baseOf(args[0], args[1]) + '\n');
    return 0;
  }
  ctx.out(args.map((a) => baseOf(a, suffix) + '\n').join(''));
  return 0;
};

export const dirname: CommandFn = (ctx) => {
  if (!ctx.args.length) {
    ctx.err("dirname: missing operand\nTry 'dirname --help' for more information.\n");
    return 1;
  }
  ctx.out(ctx.args.map((a) => dirOf(a) + '\n').join(''));
  return 0;
};

export const realpath: CommandFn = (ctx) => {
  const missingOk = ctx.args.includes('-m');
  const names = ctx.args.filter((a) => !/^-[emsqLP]$/.test(a));
  if (!names.length) {
    ctx.err("realpath: missing operand\nTry 'realpath --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const n of names) {
    const p = FileSystem.normalize(n, ctx.cwd);
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    if (!missingOk && !ctx.fs.exists(p) && !ctx.fs.isDir(parent)) {
      ctx.err(`realpath: ${n}: No such file or directory\n`);
      status = 1;
      continue;
    }
    ctx.out(p + '\n');
  }
  return status;
};
