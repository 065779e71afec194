/**
 * A container's `sh -c SCRIPT` as a process that runs over simulated time: the script is parsed by the
 * node shell's parser and run by the same interpreter (src/sim/shell), lazily — only as far as someone
 * looks (`kubectl logs`, crictl, the kubelet waiting for it to exit). Each simple command costs 1 ms of
 * the process's own time and `sleep N` moves that time by N seconds, so a line printed in
 * `while true; do echo "$(date)"; sleep 5; done` carries the simulated time it was printed at.
 *
 * Limits (documented, so nothing hangs):
 * - STEP_CAP commands per catch-up: a loop without `sleep` is throttled — past the cap the process's
 *   clock jumps to the time asked for, and that stretch prints nothing (nor does its work: a script
 *   of more than STEP_CAP commands without sleeps ends late).
 * - LOOKAHEAD_MS: to learn when a script exits the kubelet runs it ahead at most this far (or STEP_CAP
 *   commands); the lines wait until the cluster clock reaches them. A busy loop is looked at again
 *   after LOOKAHEAD_MS, doubling each time (up to 256×), so a long `sim advance` stays cheap.
 * - A script that runs wget, curl or nslookup (answered by the container model, exec.ts, from the cluster
 *   as it is when they run) is never run ahead of the cluster clock: the kubelet wakes it at its own
 *   clock instead (after each `sleep`).
 * - LOG_ROTATE_BYTES: the kubelet rotates a container's log at 10 MiB (containerLogMaxSize) and
 *   `kubectl logs` reads only the current file, so older lines are dropped past 10 MiB (bytes counted
 *   as the CRI log file stores them: `TIMESTAMP stdout F TEXT\n`).
 */
import { FileSystem } from '../shell/fs.ts';
import { parseScript, type AndOr } from '../shell/parse.ts';
import { registerBuiltins } from '../shell/builtins.ts';
import { LoopControl, Shell, ShellAbort, ShellExit, type CommandFn } from '../shell/shell.ts';
import type { ImageInfo } from './images.ts';
import type { ContainerRunner } from './exec.ts';
import { DAYS, MONTHS } from '../clock/clock.ts';

export const STEP_CAP = 10_000;
export const LOOKAHEAD_MS = 10 * 60_000;
export const LOG_ROTATE_BYTES = 10 * 1024 * 1024;
/** What one simple command costs the process. */
export const COMMAND_MS = 1;
/** Bytes a CRI log line adds to its text: RFC3339Nano timestamp, stream, tag, spaces, newline. */
const CRI_OVERHEAD = 30 + 1 + 6 + 1 + 1 + 1 + 1;

export interface ScriptLine {
  time: number;
  text: string;
}

/** Commands run by the container model (exec.ts) at the time the script runs them: the network clients. */
const CONTAINER_COMMANDS = ['nslookup', 'wget', 'curl'];
/** File readers that read the container's files (resolv.conf, mounted volumes…) the script did not write. */
const FILE_READERS = ['cat', 'head', 'ls'];

/** A command the script runs that the shell does not model: the generic behaviour of that binary. */
export type SubCommand = (argv: string[]) => { logs: string[]; ms: number; exitCode: number; oom?: boolean; memoryMi: number } | 'run' | undefined;


/** busybox `date [+FORMAT]` in UTC; the default is `%a %b %e %H:%M:%S %Z %Y` (coreutils/date.c). */
export function busyboxDate(ms: number, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(ms);
  const p = (n: number, w = 2, c = '0') => String(n).padStart(w, c);
  const map: Record<string, string> = {
    a: DAYS[d.getUTCDay()],
    b: MONTHS[d.getUTCMonth()],
    e: p(d.getUTCDate(), 2, ' '),
    d: p(d.getUTCDate()),
    m: p(d.getUTCMonth() + 1),
    Y: String(d.getUTCFullYear()),
    H: p(d.getUTCHours()),
    M: p(d.getUTCMinutes()),
    S: p(d.getUTCSeconds()),
    Z: 'UTC',
    s: String(Math.floor(ms / 1000)),
    '%': '%',
  };
  map.T = `${map.H}:${map.M}:${map.S}`;
  map.F = `${map.Y}-${map.m}-${map.d}`;
  return format.replace(/%([a-zA-Z%])/g, (m, k: string) => map[k] ?? m);
}

export class ScriptProcess {
  /** Lines `kubectl logs` can see (time ≤ the last sync); the kubelet hands this array out as is. */
  readonly lines: ScriptLine[] = [];
  /** The process's own clock (ms); Infinity once it blocks for good (`sleep infinity`, a server). */
  time = 0;
  exited?: { at: number; code: number; reason: 'Completed' | 'Error' | 'OOMKilled' };
  memoryMi = 1;
  startedAt = 0;
  private produced: ScriptLine[] = [];
  private partial = '';
  private busyChecks = 0;
  private bytes = 0;
  private shell: Shell;
  private gen?: Generator<number, number>;
  private list: AndOr[] | null = null;
  private syntaxError?: string;
  private render: (text: string, at: number) => string = (t) => t;
  /** The script runs container commands that read the cluster (never run ahead of the cluster clock). */
  private live = false;

  /** `files`: the container's writable files (containerfs.ts); a private scratch filesystem without it. */
  constructor(src: string, env: Record<string, string>, image: ImageInfo, sub: SubCommand, container?: ContainerRunner, files: FileSystem = new FileSystem()) {
    const hostname = env.HOSTNAME ?? 'localhost';
    const shell = new Shell({ name: hostname, fs: files, user: 'root', home: '/root' });
    this.shell = shell;
    registerBuiltins(shell);
    shell.env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...env, HOSTNAME: hostname };
    shell.loopCap = null;
    shell.stepMs = COMMAND_MS;
    shell.prog = 'sh';
    shell.notFound = (name) => `sh: ${name}: not found`;
    // busybox ash and Debian's dash word a redirection they cannot open their own way; both give 2.
    const ash = /\/(busybox|alpine)$/.test(image.repo);
    // errmsg(): ENOENT on create is "nonexistent directory" (ash) / "Directory nonexistent" (dash).
    shell.cannotCreate = (target, errno) => {
      const enoent = errno === 'No such file or directory';
      return { text: ash ? `sh: can't create ${target}: ${enoent ? 'nonexistent directory' : errno}` : `sh: 1: cannot create ${target}: ${enoent ? 'Directory nonexistent' : errno}`, status: 2 };
    };
    shell.sink = (o) => this.write(o.text);
    const reg = (n: string, f: CommandFn) => shell.register(n, f);
    reg('sleep', (ctx) => {
      const a = ctx.args[0] ?? '';
      const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a);
      if (a === 'infinity' || a === 'inf') {
        shell.waitMs = Infinity;
        return 0;
      }
      if (!m) {
        ctx.err(a ? `sleep: invalid number '${a}'\n` : 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n');
        return 1;
      }
      shell.waitMs += Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
      return 0;
    });
    reg('date', (ctx) => {
      const f = ctx.args.find((x) => x.startsWith('+'));
      ctx.out(busyboxDate(this.time, f?.slice(1)) + '\n');
      return 0;
    });
    reg('hostname', (ctx) => (ctx.out(hostname + '\n'), 0));
    reg('exit', (ctx) => {
      throw new ShellExit(ctx.args.length ? Number(ctx.args[0]) & 255 : shell.lastStatus);
    });
    const tail = shell.commands.get('tail')!;
    reg('tail', (ctx) => {
      if (ctx.args.includes('-f') || ctx.args.includes('-F')) {
        shell.waitMs = Infinity;
        return 0;
      }
      return tail(ctx);
    });
    if (container) {
      // The container's own commands, at the simulated time the script reaches them; their output in
      // write order, their duration on the process's clock.
      const viaContainer = (ctx: Parameters<CommandFn>[0]): number => {
        const r = container([ctx.name, ...ctx.args], ctx.stdin, this.time);
        if (r.startError) {
          ctx.err(shell.notFound(ctx.name) + '\n');
          return 127;
        }
        for (const c of r.ordered ?? [{ stream: 'stdout' as const, text: r.stdout }, { stream: 'stderr' as const, text: r.stderr }]) (c.stream === 'stdout' ? ctx.out : ctx.err)(c.text);
        shell.waitMs += r.ms ?? 0;
        return r.exitCode;
      };
      for (const n of CONTAINER_COMMANDS) reg(n, viaContainer);
      // A script that writes files is not run ahead either: another container (or an exec) may read
      // them, and must not see lines written in the script's future.
      this.live = CONTAINER_COMMANDS.some((n) => new RegExp(`\\b${n}\\b`).test(src)) || /[^&]>|\b(tee|touch|rm|rmdir|mkdir|cp|mv|ln)\b/.test(src);
      for (const n of FILE_READERS) {
        const own = shell.commands.get(n)!;
        reg(n, (ctx) => {
          const paths = ctx.args.filter((a) => !a.startsWith('-'));
          const abs = (p: string) => (p.startsWith('/') ? p : `${ctx.cwd.replace(/\/$/, '')}/${p}`);
          return paths.length && paths.every((p) => !ctx.fs.exists(abs(p))) ? viaContainer(ctx) : own(ctx);
        });
      }
    }
    // Anything else the image has: its generic behaviour (servers run for good, stress may be OOM-killed).
    const known = new Set(shell.commands.keys());
    const binaries = new Set(image.binaries.map((b) => b.split('/').pop()!));
    for (const b of binaries) {
      if (known.has(b) || b === 'sh' || b === 'bash' || b === 'ash') continue;
      reg(b, (ctx) => {
        const r = sub([ctx.name, ...ctx.args]);
        if (r === undefined) return 0;
        if (r === 'run') {
          shell.waitMs = Infinity;
          return 0;
        }
        for (const l of r.logs) ctx.out(this.render(l, this.time) + '\n');
        this.memoryMi = Math.max(this.memoryMi, r.memoryMi);
        if (r.oom) throw new Killed(137, 'OOMKilled', r.ms);
        shell.waitMs += r.ms;
        return r.exitCode;
      });
    }
    const parsed = parseScript(src);
    const bad = parsed.find((l) => 'error' in l);
    if (bad && 'error' in bad) this.syntaxError = busyboxSyntaxError(bad.error);
    else this.list = parsed.flatMap((l) => ('list' in l ? l.list : []));
  }

  /** Start at `now`; `render` fills a sub-command's log templates ({ts}, {pod}, {ip}). */
  start(now: number, render?: (text: string, at: number) => string): void {
    this.startedAt = now;
    this.time = now;
    if (render) this.render = render;
    if (this.syntaxError !== undefined) {
      this.write(this.syntaxError + '\n');
      this.finish(2);
      return;
    }
    this.gen = this.shell.execList(this.list ?? [], { emit: (o) => this.shell.sink(o), input: { buf: '' } });
  }

  /** Run up to `now` and show the lines printed by then. */
  sync(now: number): void {
    this.run(now, true);
    let n = 0;
    while (n < this.produced.length && this.produced[n].time <= now) n++;
    if (n) this.reveal(this.produced.splice(0, n));
  }

  /**
   * When the kubelet should look again: the exit time if the script ends within LOOKAHEAD_MS, else how
   * far it has run ahead (Infinity: blocked for good).
   */
  nextCheck(now: number): number {
    // A script that talks to the cluster (wget, curl, nslookup) is not run ahead: what it gets depends on
    // the cluster at the time it asks, so it runs only as far as the cluster clock and is woken at its own.
    const capped = this.run(this.live ? now : now + LOOKAHEAD_MS, false);
    if (this.exited) return this.exited.at;
    if (!capped) {
      this.busyChecks = 0;
      return this.time;
    }
    return now + LOOKAHEAD_MS * 2 ** Math.min(this.busyChecks++, 8);
  }

  private reveal(lines: ScriptLine[]) {
    for (const l of lines) {
      this.lines.push(l);
      this.bytes += l.text.length + CRI_OVERHEAD;
    }
    if (this.bytes > LOG_ROTATE_BYTES) {
      // Rotated: `kubectl logs` reads only the new, empty file.
      this.lines.length = 0;
      this.bytes = 0;
    }
  }

  private write(text: string) {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    for (const t of parts) this.produced.push({ time: this.time, text: t });
  }

  private finish(code: number, reason?: 'OOMKilled') {
    if (this.partial) {
      this.produced.push({ time: this.time, text: this.partial });
      this.partial = '';
    }
    this.exited = { at: this.time, code, reason: reason ?? (code === 0 ? 'Completed' : 'Error') };
  }

  /** Run the script while its clock is at most `until`; a busy loop past STEP_CAP skips ahead (`jump`) or pauses. */
  private run(until: number, jump: boolean): boolean {
    if (!this.gen || this.exited) return false;
    let steps = 0;
    while (!this.exited && this.time <= until) {
      if (steps++ >= STEP_CAP) {
        // A busy loop: the rest of this stretch passes without output.
        if (jump) this.time = until + COMMAND_MS;
        return true;
      }
      let r: IteratorResult<number, number>;
      try {
        r = this.gen.next();
      } catch (e) {
        if (e instanceof ShellExit) this.finish(e.code);
        else if (e instanceof Killed) {
          this.time += e.ms;
          this.finish(e.code, e.reason);
        } else if (e instanceof ShellAbort) {
          this.write(e.message.replace(/^bash: /, 'sh: ') + '\n');
          this.finish(2);
        } else if (e instanceof LoopControl) this.finish(0);
        else throw e;
        break;
      }
      if (r.done) {
        this.finish(r.value);
        break;
      }
      this.time += r.value;
    }
    return false;
  }
}

class Killed {
  code: number;
  reason: 'OOMKilled';
  ms: number;
  constructor(code: number, reason: 'OOMKilled', ms: number) {
    this.code = code;
    this.reason = reason;
    this.ms = ms;
  }
}

/** busybox ash's form of a syntax error: `sh: syntax error: unexpected "done"`. */
function busyboxSyntaxError(bash: string): string {
  const m = /near unexpected token `(.*)'$/.exec(bash);
  if (m) return `sh: syntax error: unexpected ${m[1] === 'newline' ? 'newline' : `"${m[1]}"`}`;
  if (/unexpected end of file/.test(bash)) return 'sh: syntax error: unexpected end of file';
  if (/matching `(.)'/.test(bash)) return `sh: syntax error: unterminated quoted string`;
  return bash.replace(/^bash: /, 'sh: ');
}
