/**
 * Shell builtins and the coreutils a CKA candidate types: echo, cat, grep, head, tail, wc, sort, uniq,
 * cut, tr, base64, ls, rm, mkdir, cp, mv, touch, cd, pwd, alias, export … with the messages
 * GNU coreutils and bash print.
 */
import { FileSystem, baseName } from './fs.ts';
import { registerControl } from './control.ts';
import { diff } from './diff.ts';
import { basename, column, date, dirname, find, realpath, xargs } from './coreutils.ts';
import { sed } from './sed.ts';
import { awk } from './awk.ts';
import type { CommandContext, CommandFn, Shell } from './shell.ts';

function readInput(ctx: CommandContext, files: string[], cmd: string): string | null {
  if (!files.length || (files.length === 1 && files[0] === '-')) return ctx.stdin;
  let s = '';
  let ok = true;
  for (const f of files) {
    const p = FileSystem.normalize(f, ctx.cwd);
    if (ctx.fs.isDir(p)) {
      ctx.err(`${cmd}: ${f}: Is a directory\n`);
      ok = false;
      continue;
    }
    const c = ctx.fs.read(p);
    if (c === undefined) {
      ctx.err(`${cmd}: ${f}: No such file or directory\n`);
      ok = false;
      continue;
    }
    s += c;
  }
  return ok || s ? s : null;
}

function lines(s: string): string[] {
  if (!s) return [];
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** Split short flags like -ivn into ['-i','-v','-n'] for simple option parsing. */
function splitFlags(args: string[], withValue: string[] = []): { flags: Map<string, string | true>; rest: string[] } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(0, eq), a.slice(eq + 1));
      else if (withValue.includes(a)) flags.set(a, args[++i] ?? '');
      else flags.set(a, true);
    } else if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = '-' + a[j];
        if (withValue.includes(f)) {
          flags.set(f, a.slice(j + 1) || args[++i] || '');
          break;
        }
        flags.set(f, true);
      }
    } else rest.push(a);
  }
  return { flags, rest };
}

const echo: CommandFn = (ctx) => {
  let args = ctx.args;
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes('n')) newline = false;
    if (args[0].includes('e')) escapes = true;
    args = args.slice(1);
  }
  let s = args.join(' ');
  if (escapes) s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  ctx.out(s + (newline ? '\n' : ''));
  return 0;
};

const printf: CommandFn = (ctx) => {
  const [fmt = '', ...vals] = ctx.args;
  let i = 0;
  const s = fmt.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%[sd]/g, () => vals[i++] ?? '');
  ctx.out(s);
  return 0;
};

const cat: CommandFn = (ctx) => {
  const s = readInput(ctx, ctx.args.filter((a) => a !== '-n'), 'cat');
  if (s === null) return 1;
  ctx.out(s);
  return ctx.args.some((f) => f !== '-' && !ctx.fs.isFile(FileSystem.normalize(f, ctx.cwd))) && ctx.args.length ? 1 : 0;
};

/**
 * A POSIX basic regular expression with GNU grep's extensions (`\|`, `\+`, `\?`, `\{n,m\}`, `\(…\)`)
 * as a JavaScript one: in a BRE those are operators only when escaped, and the bare characters are
 * literal.
 */
export function breToJs(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i];
    if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i];
      out += '|+?(){}'.includes(n) ? n : '\\' + n;
    } else if (c === '[') {
      // A bracket expression is copied whole (']' first in it is literal).
      let j = i + 1;
      if (bre[j] === '^') j++;
      if (bre[j] === ']') j++;
      while (j < bre.length && bre[j] !== ']') j++;
      out += bre.slice(i, j + 1);
      i = j;
    } else out += '|+?(){}'.includes(c) ? '\\' + c : c;
  }
  return out;
}

const grep: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args, ['-e', '-A', '-B', '-C', '-m']);
  const pattern = (flags.get('-e') as string | undefined) ?? rest.shift();
  if (pattern === undefined) {
    ctx.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const files = rest;
  const fixed = flags.has('-F');
  const ext = flags.has('-E');
  let src = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern;
  if (!fixed && !ext) src = breToJs(src);
  if (flags.has('-w')) src = `\\b(?:${src})\\b`;
  let re: RegExp;
  try {
    re = new RegExp(src, flags.has('-i') ? 'i' : '');
  } catch {
    ctx.err('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const invert = flags.has('-v');
  const after = Number(flags.get('-A') ?? flags.get('-C') ?? 0);
  const before = Number(flags.get('-B') ?? flags.get('-C') ?? 0);
  let matched = 0;
  const sources = files.length ? files : ['-'];
  let status = 1;
  for (const f of sources) {
    const content = f === '-' ? ctx.stdin : ctx.fs.read(FileSystem.normalize(f, ctx.cwd));
    if (content === undefined) {
      ctx.err(`grep: ${f}: No such file or directory\n`);
      status = 2;
      continue;
    }
    const ls = lines(content);
    const prefix = sources.length > 1 ? `${f}:` : '';
    let lastPrinted = -1;
    let count = 0;
    for (let i = 0; i < ls.length; i++) {
      const hit = re.test(ls[i]) !== invert;
      if (!hit) continue;
      count++;
      if (flags.has('-c') || flags.has('-q') || flags.has('-l')) continue;
      const from = Math.max(0, i - before, lastPrinted + 1);
      if ((before || after) && lastPrinted >= 0 && from > lastPrinted + 1) ctx.out('--\n');
      for (let j = from; j <= Math.min(ls.length - 1, i + after); j++) {
        if (j <= lastPrinted) continue;
        const n = flags.has('-n') ? `${j + 1}${j === i ? ':' : '-'}` : '';
        if (flags.has('-o') && j === i) {
          for (const m of ls[i].match(new RegExp(re.source, re.flags + 'g')) ?? []) ctx.out(prefix + n + m + '\n');
        } else ctx.out(prefix + n + ls[j] + '\n');
        lastPrinted = j;
      }
    }
    if (flags.has('-c')) ctx.out(prefix + count + '\n');
    if (flags.has('-l') && count) ctx.out(f + '\n');
    matched += count;
  }
  if (matched) status = status === 2 ? 2 : 0;
  return flags.has('-q') ? (matched ? 0 : 1) : status;
};

function headTail(tail: boolean): CommandFn {
  return (ctx) => {
    let n = 10;
    let fromStart = false;
    /** `-c N`: bytes instead of lines (GNU coreutils; the output ends where the bytes end). */
    let bytes: number | undefined;
    const files: string[] = [];
    for (let i = 0; i < ctx.args.length; i++) {
      const a = ctx.args[i];
      const c = a === '-c' ? (ctx.args[++i] ?? '') : /^-c./.test(a) ? a.slice(2) : a.startsWith('--bytes=') ? a.slice(8) : undefined;
      if (c !== undefined) {
        if (!/^\+?\d+$/.test(c)) {
          ctx.err(`${tail ? 'tail' : 'head'}: invalid number of bytes: ‘${c}’\n`);
          return 1;
        }
        fromStart = c.startsWith('+');
        bytes = parseInt(c.replace(/^\+/, ''), 10);
      } else if (a === '-n') {
        const v = ctx.args[++i] ?? '10';
        fromStart = v.startsWith('+');
        n = Math.abs(parseInt(v, 10));
      } else if (/^-n\+?\d+$/.test(a)) {
        fromStart = a.includes('+');
        n = parseInt(a.replace(/^-n\+?/, ''), 10);
      } else if (/^-\d+$/.test(a)) n = parseInt(a.slice(1), 10);
      else if (a === '-f') continue;
      else files.push(a);
    }
    const s = readInput(ctx, files, tail ? 'tail' : 'head');
    if (s === null) return 1;
    if (bytes !== undefined) {
      const b = new TextEncoder().encode(s);
      const part = tail ? (fromStart ? b.subarray(Math.max(0, bytes - 1)) : b.subarray(Math.max(0, b.length - bytes))) : b.subarray(0, bytes);
      if (part.length) ctx.out(new TextDecoder().decode(part));
      return 0;
    }
    const ls = lines(s);
    const pick = tail ? (fromStart ? ls.slice(Math.max(0, n - 1)) : ls.slice(Math.max(0, ls.length - n))) : ls.slice(0, n);
    if (pick.length) ctx.out(pick.join('\n') + '\n');
    return 0;
  };
}

const wc: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args);
  const s = readInput(ctx, rest, 'wc');
  if (s === null) return 1;
  const l = (s.match(/\n/g) ?? []).length;
  const w = s.split(/\s+/).filter(Boolean).length;
  const c = new TextEncoder().encode(s).length;
  const only = [flags.has('-l') && l, flags.has('-w') && w, flags.has('-c') && c].filter((x) => x !== false) as number[];
  const suffix = rest.length ? ' ' + rest.join(' ') : '';
  if (only.length === 1) ctx.out(`${only[0]}${suffix}\n`);
  else if (only.length) ctx.out(only.join(' ') + suffix + '\n');
  else ctx.out(`${String(l).padStart(rest.length ? 1 : 7)} ${String(w).padStart(rest.length ? 1 : 7)} ${String(c).padStart(rest.length ? 1 : 7)}${suffix}\n`);
  return 0;
};

const sort: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args, ['-k', '-t']);
  const s = readInput(ctx, rest, 'sort');
  if (s === null) return 1;
  let ls = lines(s);
  const key = flags.get('-k') ? parseInt(String(flags.get('-k')), 10) - 1 : -1;
  const sep = flags.get('-t') as string | undefined;
  const field = (x: string) => (key >= 0 ? (sep ? x.split(sep) : x.trim().split(/\s+/))[key] ?? '' : x);
  ls.sort((a, b) => {
    const fa = field(a);
    const fb = field(b);
    if (flags.has('-n') || flags.has('-h')) return (parseFloat(fa) || 0) - (parseFloat(fb) || 0);
    return fa < fb ? -1 : fa > fb ? 1 : 0;
  });
  if (flags.has('-r')) ls.reverse();
  if (flags.has('-u')) ls = ls.filter((x, i) => i === 0 || x !== ls[i - 1]);
  if (ls.length) ctx.out(ls.join('\n') + '\n');
  return 0;
};

const uniq: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args);
  const s = readInput(ctx, rest, 'uniq');
  if (s === null) return 1;
  const out: [string, number][] = [];
  for (const l of lines(s)) {
    if (out.length && out[out.length - 1][0] === l) out[out.length - 1][1]++;
    else out.push([l, 1]);
  }
  for (const [l, n] of out) ctx.out(flags.has('-c') ? `${String(n).padStart(7)} ${l}\n` : l + '\n');
  return 0;
};

const cut: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args, ['-d', '-f', '-c']);
  const s = readInput(ctx, rest, 'cut');
  if (s === null) return 1;
  const d = (flags.get('-d') as string) ?? '\t';
  const spec = String(flags.get('-f') ?? flags.get('-c') ?? '1');
  const want = (n: number) => spec.split(',').some((r) => {
    const [a, b] = r.split('-');
    const lo = a ? parseInt(a, 10) : 1;
    const hi = r.includes('-') ? (b ? parseInt(b, 10) : Infinity) : lo;
    return n >= lo && n <= hi;
  });
  for (const l of lines(s)) {
    if (flags.has('-c')) ctx.out([...l].filter((_c, i) => want(i + 1)).join('') + '\n');
    else ctx.out(l.split(d).filter((_p, i) => want(i + 1)).join(d) + '\n');
  }
  return 0;
};

const tr: CommandFn = (ctx) => {
  const del = ctx.args[0] === '-d';
  const expand = (set: string) => set.replace(/(.)-(.)/g, (_m, a: string, b: string) => {
    let r = '';
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) r += String.fromCharCode(c);
    return r;
  }).replace(/\[:upper:\]/g, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ').replace(/\[:lower:\]/g, 'abcdefghijklmnopqrstuvwxyz').replace(/\\n/g, '\n');
  if (del) {
    const set = expand(ctx.args[1] ?? '');
    ctx.out([...ctx.stdin].filter((c) => !set.includes(c)).join(''));
    return 0;
  }
  const a = expand(ctx.args[0] ?? '');
  const b = expand(ctx.args[1] ?? '');
  ctx.out([...ctx.stdin].map((c) => (a.includes(c) ? (b[a.indexOf(c)] ?? b[b.length - 1] ?? '') : c)).join(''));
  return 0;
};

function utf8ToBase64(s: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

const base64: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args, ['-w']);
  const s = readInput(ctx, rest, 'base64');
  if (s === null) return 1;
  if (flags.has('-d') || flags.has('--decode')) {
    const clean = s.replace(/\s+/g, '');
    try {
      const bin = atob(clean);
      ctx.out(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
      return 0;
    } catch {
      ctx.err('base64: invalid input\n');
      return 1;
    }
  }
  const enc = utf8ToBase64(s);
  const wrap = flags.has('-w') ? Number(flags.get('-w')) : 76;
  ctx.out((wrap > 0 ? enc.match(new RegExp(`.{1,${wrap}}`, 'g'))?.join('\n') ?? '' : enc) + '\n');
  return 0;
};

const ls: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args);
  const targets = rest.length ? rest : ['.'];
  let status = 0;
  const long = flags.has('-l');
  const all = flags.has('-a') || flags.has('-A');
  const show = (names: string[], dir: string) => {
    const shown = names.filter((n) => all || !n.startsWith('.'));
    if (long) {
      ctx.out(`total ${shown.length * 4}\n`);
      for (const n of shown) {
        const p = dir === '/' ? `/${n}` : `${dir}/${n}`;
        const isDir = ctx.fs.isDir(p);
        const size = isDir ? 4096 : new TextEncoder().encode(ctx.fs.read(p) ?? '').length;
        ctx.out(`${isDir ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} root root ${String(size).padStart(5)} Jan  1 00:00 ${n}\n`);
      }
    } else if (shown.length) ctx.out(shown.join(ctx.tty === false || flags.has('-1') ? '\n' : '  ') + '\n'); // one per line into a pipe (GNU ls)
  };
  for (const t of targets) {
    const p = FileSystem.normalize(t, ctx.cwd);
    if (ctx.fs.isDir(p)) {
      if (targets.length > 1) ctx.out(`${t}:\n`);
      show(ctx.fs.list(p), p);
    } else if (ctx.fs.isFile(p)) {
      ctx.out((long ? `-rw-r--r-- 1 root root ${String(new TextEncoder().encode(ctx.fs.read(p)!).length).padStart(5)} Jan  1 00:00 ` : '') + t + '\n');
    } else {
      ctx.err(`ls: cannot access '${t}': No such file or directory\n`);
      status = 2;
    }
  }
  return status;
};

const rm: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args);
  let status = 0;
  for (const f of rest) {
    const p = FileSystem.normalize(f, ctx.cwd);
    if (ctx.fs.isDir(p)) {
      if (flags.has('-r') || flags.has('-R')) ctx.fs.removeTree(p);
      else {
        ctx.err(`rm: cannot remove '${f}': Is a directory\n`);
        status = 1;
      }
    } else if (!ctx.fs.remove(p) && !flags.has('-f')) {
      ctx.err(`rm: cannot remove '${f}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

const mkdir: CommandFn = (ctx) => {
  const { flags, rest } = splitFlags(ctx.args);
  let status = 0;
  for (const d of rest) {
    const p = FileSystem.normalize(d, ctx.cwd);
    if (ctx.fs.exists(p) && !flags.has('-p')) {
      ctx.err(`mkdir: cannot create directory '${d}': File exists\n`);
      status = 1;
    } else if (!flags.has('-p') && !ctx.fs.isDir(p.slice(0, p.lastIndexOf('/')) || '/')) {
      ctx.err(`mkdir: cannot create directory '${d}': No such file or directory\n`);
      status = 1;
    } else ctx.fs.mkdirp(p);
  }
  return status;
};

function copyMove(move: boolean): CommandFn {
  return (ctx) => {
    const { rest } = splitFlags(ctx.args);
    const cmd = move ? 'mv' : 'cp';
    if (rest.length < 2) {
      ctx.err(`${cmd}: missing destination file operand after '${rest[0] ?? ''}'\nTry '${cmd} --help' for more information.\n`);
      return 1;
    }
    const dest = FileSystem.normalize(rest[rest.length - 1], ctx.cwd);
    let status = 0;
    for (const src of rest.slice(0, -1)) {
      const sp = FileSystem.normalize(src, ctx.cwd);
      const content = ctx.fs.read(sp);
      if (content === undefined) {
        ctx.err(`${cmd}: cannot stat '${src}': No such file or directory\n`);
        status = 1;
        continue;
      }
      const target = ctx.fs.isDir(dest) ? `${dest}/${baseName(sp)}` : dest;
      ctx.fs.write(target, content);
      if (move) ctx.fs.remove(sp);
    }
    return status;
  };
}

const touch: CommandFn = (ctx) => {
  for (const f of ctx.args) {
    const p = FileSystem.normalize(f, ctx.cwd);
    if (!ctx.fs.exists(p)) ctx.fs.write(p, '');
  }
  return 0;
};

const cd: CommandFn = (ctx) => {
  const target = ctx.args[0] ?? ctx.env.HOME;
  const p = FileSystem.normalize(target, ctx.cwd);
  if (!ctx.fs.isDir(p)) {
    ctx.err(`bash: cd: ${target}: ${ctx.fs.isFile(p) ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  ctx.shell.cwd = p;
  return 0;
};

const alias: CommandFn = (ctx) => {
  if (!ctx.args.length) {
    for (const [k, v] of [...ctx.shell.aliases].sort()) ctx.out(`alias ${k}='${v}'\n`);
    return 0;
  }
  let status = 0;
  for (const a of ctx.args) {
    const eq = a.indexOf('=');
    if (eq < 0) {
      const v = ctx.shell.aliases.get(a);
      if (v === undefined) {
        ctx.err(`bash: alias: ${a}: not found\n`);
        status = 1;
      } else ctx.out(`alias ${a}='${v}'\n`);
    } else ctx.shell.aliases.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return status;
};

const unalias: CommandFn = (ctx) => {
  for (const a of ctx.args) {
    if (!ctx.shell.aliases.delete(a)) {
      ctx.err(`bash: unalias: ${a}: not found\n`);
      return 1;
    }
  }
  return 0;
};

const exportCmd: CommandFn = (ctx) => {
  for (const a of ctx.args) {
    if (a === '-p') continue;
    const eq = a.indexOf('=');
    if (eq < 0) continue;
    ctx.shell.env[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (!ctx.args.length) for (const [k, v] of Object.entries(ctx.shell.env).sort()) ctx.out(`declare -x ${k}="${v}"\n`);
  return 0;
};

const unset: CommandFn = (ctx) => {
  for (const a of ctx.args) delete ctx.shell.env[a];
  return 0;
};

const env: CommandFn = (ctx) => {
  for (const [k, v] of Object.entries(ctx.env).sort()) ctx.out(`${k}=${v}\n`);
  return 0;
};

/**
 * bash's `history`: `history` lists the session's lines numbered ("%5d  %s"), `history N` the last
 * N, `history -c` clears; a bad count is bash's "numeric argument required" (status 1).
 */
const history: CommandFn = (ctx) => {
  const list = ctx.shell.history;
  if (!list) return 0;
  const a = ctx.args[0];
  if (a === '-c') {
    list.length = 0;
    return 0;
  }
  let from = 0;
  if (a !== undefined) {
    if (!/^\d+$/.test(a)) {
      ctx.err(`bash: history: ${a}: numeric argument required\n`);
      return 1;
    }
    from = Math.max(0, list.length - Number(a));
  }
  ctx.out(list.slice(from).map((l, i) => `${String(from + i + 1).padStart(5)}  ${l}\n`).join(''));
  return 0;
};

export function registerBuiltins(shell: Shell): void {
  const reg = (n: string, f: CommandFn) => shell.register(n, f);
  reg('echo', echo);
  reg('printf', printf);
  reg('cat', cat);
  reg('grep', grep);
  reg('egrep', (ctx) => grep({ ...ctx, args: ['-E', ...ctx.args] }));
  reg('head', headTail(false));
  reg('tail', headTail(true));
  reg('wc', wc);
  reg('sort', sort);
  reg('uniq', uniq);
  reg('cut', cut);
  reg('tr', tr);
  reg('base64', base64);
  reg('ls', ls);
  reg('rm', rm);
  reg('mkdir', mkdir);
  reg('cp', copyMove(false));
  reg('mv', copyMove(true));
  reg('touch', touch);
  reg('sed', sed);
  // Ubuntu's awk is mawk (through /etc/alternatives); gawk is not installed.
  reg('awk', awk);
  reg('mawk', awk);
  reg('diff', diff);
  for (const [n, f] of Object.entries({ date, xargs, find, column, basename, dirname, realpath })) reg(n, f);
  reg('cd', cd);
  reg('pwd', (ctx) => (ctx.out(ctx.shell.cwd + '\n'), 0));
  reg('alias', alias);
  reg('unalias', unalias);
  reg('export', exportCmd);
  reg('unset', unset);
  reg('env', env);
  reg('printenv', (ctx) => {
    if (ctx.args.length) {
      const v = ctx.env[ctx.args[0]];
      if (v === undefined) return 1;
      ctx.out(v + '\n');
      return 0;
    }
    return env(ctx);
  });
  reg('true', () => 0);
  reg('false', () => 1);
  reg('clear', () => 0);
  reg('hostname', (ctx) => (ctx.out(ctx.shell.host.name + '\n'), 0));
  reg('whoami', (ctx) => (ctx.out(ctx.shell.host.user + '\n'), 0));
  reg('which', (ctx) => {
    let status = 0;
    for (const a of ctx.args) {
      if (ctx.shell.commands.has(a)) ctx.out(`/usr/bin/${a}\n`);
      else status = 1;
    }
    return status;
  });
  reg('source', () => 0);
  reg('history', history);
  registerControl(reg);
}
