/**
 * The builtins loops and conditions use: `test`/`[` (POSIX test's argument-count rules, bash's
 * messages), `break`/`continue [N]`, `read`, and GNU `seq`.
 */
import { FileSystem } from './fs.ts';
import { LoopControl, type CommandContext, type CommandFn } from './shell.ts';

const UNARY = new Set(['-z', '-n', '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);

class TestError extends Error {}

function evaluate(ctx: CommandContext, args: string[]): boolean {
  const int = (s: string): number => {
    const t = s.trim();
    if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${t || s}: integer expression expected`);
    return Number(t);
  };
  const unary = (op: string, a: string): boolean => {
    if (op === '-z') return a === '';
    if (op === '-n') return a !== '';
    const p = FileSystem.normalize(a, ctx.cwd);
    if (op === '-d') return ctx.fs.isDir(p);
    if (op === '-f') return ctx.fs.isFile(p);
    if (op === '-s') return (ctx.fs.read(p) ?? '') !== '';
    if (op === '-L' || op === '-h') return false;
    return ctx.fs.isFile(p) || ctx.fs.isDir(p);
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-eq':
        return int(a) === int(b);
      case '-ne':
        return int(a) !== int(b);
      case '-lt':
        return int(a) < int(b);
      case '-le':
        return int(a) <= int(b);
      case '-gt':
        return int(a) > int(b);
      default:
        return int(a) >= int(b);
    }
  };
  // POSIX: the number of arguments decides how they are read.
  const byCount = (a: string[]): boolean => {
    switch (a.length) {
      case 0:
        return false;
      case 1:
        return a[0] !== '';
      case 2:
        if (a[0] === '!') return !byCount(a.slice(1));
        if (UNARY.has(a[0])) return unary(a[0], a[1]);
        throw new TestError(`${a[0]}: unary operator expected`);
      case 3:
        if (BINARY.has(a[1])) return binary(a[0], a[1], a[2]);
        if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
        if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
        if (a[0] === '!') return !byCount(a.slice(1));
        if (a[0] === '(' && a[2] === ')') return a[1] !== '';
        throw new TestError(`${a[1]}: binary operator expected`);
      case 4:
        if (a[0] === '!') return !byCount(a.slice(1));
        if (a[0] === '(' && a[3] === ')') return byCount(a.slice(1, 3));
    }
    return expr(a);
  };
  // More arguments: -a binds tighter than -o, ! and ( ) as usual.
  const expr = (a: string[]): boolean => {
    let i = 0;
    const primary = (): boolean => {
      if (a[i] === '!') {
        i++;
        return !primary();
      }
      if (a[i] === '(') {
        i++;
        const v = or();
        if (a[i++] !== ')') throw new TestError("`)' expected");
        return v;
      }
      if (UNARY.has(a[i]) && i + 1 < a.length) {
        i += 2;
        return unary(a[i - 2], a[i - 1]);
      }
      if (BINARY.has(a[i + 1]) && i + 2 < a.length) {
        i += 3;
        return binary(a[i - 3], a[i - 2], a[i - 1]);
      }
      return a[i++] !== '' && a[i - 1] !== undefined;
    };
    const and = (): boolean => {
      let v = primary();
      while (a[i] === '-a') {
        i++;
        v = primary() && v;
      }
      return v;
    };
    const or = (): boolean => {
      let v = and();
      while (a[i] === '-o') {
        i++;
        v = and() || v;
      }
      return v;
    };
    const v = or();
    if (i < a.length) throw new TestError('too many arguments');
    return v;
  };
  return byCount(args);
}

export const test: CommandFn = (ctx) => {
  let args = ctx.args;
  if (ctx.name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.err(`${ctx.shell.prog}: [: missing \`]'\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.err(`${ctx.shell.prog}: ${ctx.name}: ${e.message}\n`);
    return 2;
  }
};

const loopControl =
  (kind: 'break' | 'continue'): CommandFn =>
  (ctx) => {
    const n = ctx.args.length ? Number(ctx.args[0]) : 1;
    if (!Number.isInteger(n) || n < 1) {
      ctx.err(`${ctx.shell.prog}: ${kind}: ${ctx.args[0]}: loop count out of range\n`);
      return 1;
    }
    if (ctx.shell.loopDepth === 0) {
      ctx.err(`${ctx.shell.prog}: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    throw new LoopControl(kind, n);
  };

/** `read [-r] [NAME…]`: one line of the input (shared by a loop's commands) into variables. */
const read: CommandFn = (ctx) => {
  const raw = ctx.args.includes('-r');
  const names = ctx.args.filter((a) => !a.startsWith('-'));
  const input = ctx.input ?? { buf: ctx.stdin };
  if (!input.buf) return 1;
  const nl = input.buf.indexOf('\n');
  let line = nl < 0 ? input.buf : input.buf.slice(0, nl);
  input.buf = nl < 0 ? '' : input.buf.slice(nl + 1);
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const vars = names.length ? names : ['REPLY'];
  const fields = line.trim().split(/\s+/);
  vars.forEach((v, i) => {
    ctx.shell.env[v] = i === vars.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '');
  });
  return nl < 0 ? 1 : 0;
};

/** More lines than this and seq stops (a typo like `seq 1 10000000` must not fill the page). */
export const SEQ_MAX_LINES = 100_000;

/** GNU seq: `seq LAST`, `seq FIRST LAST`, `seq FIRST INCREMENT LAST`, `-s SEP`, `-w`. */
const seq: CommandFn = (ctx) => {
  let sep = '\n';
  let width = false;
  const nums: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i];
    if (a === '-s') sep = ctx.args[++i] ?? '';
    else if (a.startsWith('-s') && a.length > 2) sep = a.slice(2);
    else if (a === '-w') width = true;
    else nums.push(a);
  }
  if (!nums.length) {
    ctx.err("seq: missing operand\nTry 'seq --help' for more information.\n");
    return 1;
  }
  if (nums.length > 3) {
    ctx.err(`seq: extra operand ‘${nums[3]}’\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  for (const n of nums) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n)) {
      ctx.err(`seq: invalid floating point argument: ‘${n}’\nTry 'seq --help' for more information.\n`);
      return 1;
    }
  }
  const [first, step, last] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums;
  const decimals = Math.max(...[first, step].map((n) => (n.includes('.') ? n.split('.')[1].length : 0)));
  const a = Number(first);
  const s = Number(step);
  const b = Number(last);
  if (s === 0) {
    ctx.err(`seq: invalid Zero increment value: ‘${step}’\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const out: string[] = [];
  for (let k = 0; ; k++) {
    const v = a + k * s;
    if ((s > 0 && v > b + 1e-9) || (s < 0 && v < b - 1e-9)) break;
    if (out.length >= SEQ_MAX_LINES) {
      ctx.out(out.join(sep) + '\n');
      ctx.err(`seq: ${SEQ_MAX_LINES}줄까지만 출력했습니다\n`);
      return 1;
    }
    out.push(v.toFixed(decimals));
  }
  if (width && out.length) {
    const w = Math.max(...out.map((x) => x.length));
    for (let i = 0; i < out.length; i++) out[i] = out[i].startsWith('-') ? '-' + out[i].slice(1).padStart(w - 1, '0') : out[i].padStart(w, '0');
  }
  if (out.length) ctx.out(out.join(sep) + '\n');
  return 0;
};

export function registerControl(reg: (name: string, fn: CommandFn) => void): void {
  reg('test', test);
  reg('[', test);
  reg('break', loopControl('break'));
  reg('continue', loopControl('continue'));
  reg('read', read);
  reg('seq', seq);
  reg(':', () => 0);
}
