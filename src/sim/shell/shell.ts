/**
 * The shell that scripts, run buttons and the terminal share: runs parsed command lines against a set of
 * commands (builtins, kubectl, sim, node tools), with pipes, redirections, variables and aliases.
 */
import { ArithError, evalArith } from './arith.ts';
import { FileSystem } from './fs.ts';
import { parseLine, parseScript, type AndOr, type Command, type Pipeline, type Redirect, type SimpleCommand, type Word } from './parse.ts';

export interface Output {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A command's standard input; `read` consumes it line by line (shared by a loop's commands). */
export interface Input {
  buf: string;
}

interface IO {
  emit: (o: Output) => void;
  input: Input;
  /** Standard output is the terminal (not a pipe, a file or a command substitution). */
  tty?: boolean;
}

export interface CommandContext {
  name: string;
  args: string[];
  stdin: string;
  input?: Input;
  env: Record<string, string>;
  out(s: string): void;
  err(s: string): void;
  shell: Shell;
  fs: FileSystem;
  cwd: string;
  /** Standard output is the terminal (curl then shows no progress meter, as isatty(1) tells it). */
  tty?: boolean;
}

/** A command returns its exit status. */
export type CommandFn = (ctx: CommandContext) => number;

/** Where the shell is: the machine's name and filesystem (ssh switches it). */
export interface Host {
  name: string;
  fs: FileSystem;
  user: string;
  home: string;
}

const MAX_ALIAS_DEPTH = 10;

/** Stops the whole command line: a loop cap, an arithmetic error (bash aborts the line). */
export class ShellAbort extends Error {
  status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** `break N` / `continue N` on their way to the loop they leave. */
export class LoopControl {
  kind: 'break' | 'continue';
  n: number;
  constructor(kind: 'break' | 'continue', n: number) {
    this.kind = kind;
    this.n = n;
  }
}

/** `exit N` in a script that runs as a process (a container's `sh -c`). */
export class ShellExit {
  code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/**
 * The node shell runs a command line synchronously, so a loop that never ends must be stopped:
 * a `while`/`until` loop after 1000 iterations or 5 minutes of simulated time (`sleep` in the loop
 * moves the cluster's clock), and all loops of one command line after 10000 iterations together.
 * The line then ends with status 130 (as after Ctrl+C) and a message on stderr.
 */
export const LOOP_CAP = { iterations: 1000, simMs: 5 * 60_000, lineIterations: 10_000 };

export class Shell {
  readonly commands = new Map<string, CommandFn>();
  env: Record<string, string>;
  aliases = new Map<string, string>();
  host: Host;
  cwd: string;
  lastStatus = 0;
  /** Host stack for ssh/exit. */
  private hostStack: { host: Host; cwd: string; env: Record<string, string> }[] = [];
  /** Emits output chunks to whoever runs the shell (terminal, transcript). */
  sink: (o: Output) => void = () => {};
  /** The simulated clock (for the loop cap's time limit). */
  now?: () => number;
  /** Loop limits (null: none — a container's script runs until it is stopped from outside). */
  loopCap: typeof LOOP_CAP | null = LOOP_CAP;
  /** Process time every simple command costs (a container's script: 1 ms), yielded by execList. */
  stepMs = 0;
  /** Process time the current command asked to wait (a container's `sleep`), yielded after it. */
  waitMs = 0;
  /** How an unknown command is reported (bash here; busybox sh says `sh: NAME: not found`). */
  notFound: (name: string) => string = (name) => `${name}: command not found`;
  /** Name in the shell's own messages. */
  prog = 'bash';
  /** A redirection's target that cannot be created: the message and status (bash: `bash: F: errno`, 1). */
  cannotCreate: (target: string, errno: string) => { text: string; status: number } = (target, errno) => ({ text: `${this.prog}: ${target}: ${errno}`, status: 1 });
  /** Loops being run (break/continue are meaningful inside one). */
  loopDepth = 0;
  /**
   * The interactive shell's history (bash adds a line before running it): null in a script, where
   * bash keeps none and `history` prints nothing. The page's terminal turns it on (run/host.ts).
   */
  history: string[] | null = null;
  private iterations = 0;
  private running = false;

  constructor(host: Host) {
    this.host = host;
    this.cwd = host.home;
    this.env = { HOME: host.home, USER: host.user, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', SHELL: '/bin/bash', HOSTNAME: host.name, PWD: host.home };
  }

  get fs(): FileSystem {
    return this.host.fs;
  }

  register(name: string, fn: CommandFn): void {
    this.commands.set(name, fn);
  }

  /** The prompt as a Killercoda-style terminal shows it: `controlplane:~$ `. */
  prompt(): string {
    const dir = this.cwd === this.host.home ? '~' : this.cwd.startsWith(this.host.home + '/') ? '~' + this.cwd.slice(this.host.home.length) : this.cwd;
    return `${this.host.name}:${dir}${this.host.user === 'root' ? '#' : '$'} `;
  }

  pushHost(host: Host): void {
    this.hostStack.push({ host: this.host, cwd: this.cwd, env: this.env });
    this.host = host;
    this.cwd = host.home;
    this.env = { ...this.env, HOME: host.home, HOSTNAME: host.name, PWD: host.home, USER: host.user };
  }

  popHost(): boolean {
    const prev = this.hostStack.pop();
    if (!prev) return false;
    this.host = prev.host;
    this.cwd = prev.cwd;
    this.env = prev.env;
    return true;
  }

  get depth(): number {
    return this.hostStack.length;
  }

  /** Run a whole script; `onLine` sees each logical line before it runs (for transcripts). */
  runScript(src: string, onLine?: (text: string) => void): void {
    for (const l of parseScript(src)) {
      if ('error' in l) {
        if (l.text) onLine?.(l.text);
        this.sink({ stream: 'stderr', text: l.error + '\n' });
        this.lastStatus = 2;
        continue;
      }
      onLine?.(l.text);
      this.runParsed(l.list, (o) => this.sink(o));
    }
  }

  /** Run one logical line as typed (may include here-document lines). */
  runLine(text: string): number {
    this.runScript(text);
    return this.lastStatus;
  }

  /**
   * Run a parsed list to its end (the node shell: time moves only through commands such as `sleep`).
   * A loop cap or an arithmetic error stops the whole command line, as Ctrl+C or bash's expansion
   * error would.
   */
  private runParsed(list: AndOr[], emit: (o: Output) => void): void {
    const outer = this.running;
    if (!outer) this.iterations = 0;
    this.running = true;
    try {
      const gen = this.execList(list, { emit, input: { buf: '' }, tty: true });
      while (!gen.next().done);
    } catch (e) {
      if (e instanceof ShellAbort) {
        emit({ stream: 'stderr', text: e.message + '\n' });
        this.lastStatus = e.status;
      } else if (e instanceof LoopControl) {
        // `break`/`continue` outside a loop (reported by the builtin) end nothing else.
      } else throw e;
    } finally {
      this.running = outer;
    }
  }

  /** Run a command line and capture its stdout (command substitution). */
  capture(src: string): string {
    let out = '';
    const saved = this.sink;
    try {
      const list = parseLine(src);
      const gen = this.execList(list, { emit: (o) => (o.stream === 'stdout' ? (out += o.text) : saved(o)), input: { buf: '' } });
      // Time the substitution takes is the enclosing command's.
      for (let r = gen.next(); !r.done; r = gen.next()) this.waitMs += r.value;
    } catch (e) {
      if (e instanceof ShellExit) this.lastStatus = e.code;
      else if (!(e instanceof LoopControl)) saved({ stream: 'stderr', text: (e instanceof Error ? e.message : String(e)) + '\n' });
    }
    return out.replace(/\n+$/, '');
  }

  /**
   * Execute a list. A generator: after every simple command it yields the process time that command
   * took (`stepMs` plus what a non-blocking `sleep` asked for), so a container's script can be run
   * lazily up to "now"; the node shell just runs it through.
   */
  *execList(list: AndOr[], io: IO): Generator<number, number> {
    let status = this.lastStatus;
    for (const item of list) {
      status = yield* this.execPipeline(item.first, io);
      for (const r of item.rest) {
        if ((r.op === '&&' && status !== 0) || (r.op === '||' && status === 0)) continue;
        status = yield* this.execPipeline(r.pipeline, io);
      }
      this.lastStatus = status;
    }
    return status;
  }

  private *execPipeline(p: Pipeline, io: IO): Generator<number, number> {
    let input = io.input;
    let status = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      let captured = '';
      const emit = last ? io.emit : (o: Output) => (o.stream === 'stdout' ? (captured += o.text) : io.emit(o));
      status = yield* this.execCommand(p.commands[i], { emit, input, tty: last && io.tty });
      input = { buf: captured };
    }
    return p.negate ? (status === 0 ? 1 : 0) : status;
  }

  private *execCommand(cmd: Command, io: IO): Generator<number, number> {
    if (cmd.kind === undefined) return yield* this.execSimple(cmd, io);
    const r = this.openRedirects(cmd.redirects, io.input, (t) => io.emit({ stream: 'stdout', text: t }), (t) => io.emit({ stream: 'stderr', text: t }));
    if (typeof r === 'number') return r;
    const inner: IO = { input: r.input, emit: (o) => (o.stream === 'stdout' ? r.out(o.text) : r.err(o.text)), tty: io.tty && !r.stdoutRedirected };
    let status = 0;
    try {
      switch (cmd.kind) {
        case 'group':
          status = yield* this.execList(cmd.body, inner);
          break;
        case 'if': {
          let taken = false;
          for (const c of cmd.clauses) {
            if ((yield* this.execList(c.cond, inner)) === 0) {
              status = yield* this.execList(c.body, inner);
              taken = true;
              break;
            }
          }
          if (!taken) status = cmd.otherwise ? yield* this.execList(cmd.otherwise, inner) : 0;
          break;
        }
        case 'for': {
          const items = cmd.items ? cmd.items.flatMap((w) => this.expandWord(w)) : [];
          status = yield* this.loop(false, function* (this: Shell, n: number) {
            if (n >= items.length) return false;
            this.env[cmd.name] = items[n];
            return true;
          }, cmd.body, inner);
          break;
        }
        case 'while':
          status = yield* this.loop(true, function* (this: Shell) {
            const s = yield* this.execList(cmd.cond, inner);
            return cmd.until ? s !== 0 : s === 0;
          }, cmd.body, inner);
          break;
      }
    } finally {
      r.finish();
    }
    return status;
  }

  /** A loop: `more(n)` decides whether iteration n runs; break/continue [N]; the node shell's cap. */
  private *loop(capped: boolean, more: (this: Shell, n: number) => Generator<number, boolean>, body: AndOr[], io: IO): Generator<number, number> {
    let status = 0;
    const cap = this.loopCap;
    const started = this.now?.();
    this.loopDepth++;
    try {
      for (let n = 0; ; n++) {
        if (cap) {
          this.iterations++;
          if ((capped && n >= cap.iterations) || this.iterations > cap.lineIterations) throw new ShellAbort(`무한 루프로 보여 ${n}번 반복한 뒤 멈췄습니다`, 130);
          if (capped && started !== undefined && this.now!() - started >= cap.simMs) throw new ShellAbort(`무한 루프로 보여 시뮬레이션 시간 ${cap.simMs / 60_000}분 동안 ${n}번 반복한 뒤 멈췄습니다`, 130);
        }
        if (!(yield* more.call(this, n))) break;
        try {
          status = yield* this.execList(body, io);
        } catch (e) {
          if (!(e instanceof LoopControl)) throw e;
          if (e.n > 1 && this.loopDepth > 1) {
            e.n--;
            throw e;
          }
          status = 0;
          if (e.kind === 'break') break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  expandWord(w: Word): string[] {
    let s = '';
    let anyQuoted = false;
    let globbable = false;
    for (const p of w) {
      if (p.quoted) anyQuoted = true;
      if (p.t === 'lit') {
        let v = p.v;
        if (!p.quoted && s === '' && (v === '~' || v.startsWith('~/'))) v = this.env.HOME + v.slice(1);
        if (!p.quoted && /[*?]/.test(v)) globbable = true;
        s += v;
      } else if (p.t === 'var') s += this.varValue(p.name);
      else if (p.t === 'arith') s += this.arith(p.src);
      else s += this.capture(p.src);
    }
    // Unquoted expansions split on whitespace (IFS).
    const hasUnquotedExpansion = w.some((p) => p.t !== 'lit' && !p.quoted);
    if (hasUnquotedExpansion && !anyQuoted) return s.split(/\s+/).filter(Boolean);
    if (!s && !anyQuoted && hasUnquotedExpansion) return [];
    if (globbable && !anyQuoted) return this.glob(s);
    return [s];
  }

  /** `$((expr))`: parameters and command substitutions inside are expanded first, then evaluated. */
  private arith(src: string): string {
    const text = this.expandText(src);
    try {
      return String(evalArith(text, { get: (n) => this.env[n], set: (n, v) => (this.env[n] = v) }, this.prog));
    } catch (e) {
      if (e instanceof ArithError) throw new ShellAbort(e.message, 1);
      throw e;
    }
  }

  private glob(pattern: string): string[] {
    const abs = FileSystem.normalize(pattern, this.cwd);
    const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
    const base = abs.slice(abs.lastIndexOf('/') + 1);
    const re = new RegExp('^' + base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
    const matches = this.fs.list(dir).filter((n) => re.test(n) && !n.startsWith('.'));
    if (!matches.length) return [pattern];
    const prefix = pattern.includes('/') ? pattern.slice(0, pattern.lastIndexOf('/') + 1) : '';
    return matches.map((m) => prefix + m);
  }

  private varValue(name: string): string {
    if (name === '?') return String(this.lastStatus);
    if (name === '$') return '1';
    if (name === 'PWD') return this.cwd;
    return this.env[name] ?? '';
  }

  /** Redirections of a command: the streams it writes to, its input, and what to do when it ends. */
  private openRedirects(redirects: Redirect[], input: Input, out: (t: string) => void, err: (t: string) => void, heredoc?: string): { out: (t: string) => void; err: (t: string) => void; input: Input; stdoutRedirected: boolean; finish(): void } | number {
    let stdoutFile: { path: string; append: boolean } | undefined;
    let stderrFile: { path: string; append: boolean } | undefined;
    let stderrToStdout = false;
    if (heredoc !== undefined) input = { buf: heredoc };
    for (const r of redirects) {
      const target = this.expandWord(r.target).join(' ');
      if (r.op === '<') {
        const p = FileSystem.normalize(target, this.cwd);
        const content = this.fs.read(p);
        if (content === undefined) {
          err(`${this.prog}: ${target}: No such file or directory\n`);
          return 1;
        }
        input = { buf: content };
      } else if (r.op === '>&') {
        if (r.fd === 2 && target === '1') stderrToStdout = true;
      } else {
        const p = FileSystem.normalize(target, this.cwd);
        if (p !== '/dev/null' && this.fs.isDir(p)) {
          err(`${this.prog}: ${target}: Is a directory\n`);
          return 1;
        }
        // open(O_CREAT) does not make directories: a missing or non-directory parent fails.
        const parent = p.slice(0, p.lastIndexOf('/')) || '/';
        const denied = p === '/dev/null' ? undefined : !this.fs.canCreateIn(parent) ? (this.fs.isFile(parent) ? 'Not a directory' : 'No such file or directory') : this.fs.writeError(p);
        if (denied) {
          const c = this.cannotCreate(target, denied);
          err(c.text + '\n');
          return c.status;
        }
        if (r.fd === 2) stderrFile = { path: p, append: r.op === '>>' };
        else stdoutFile = { path: p, append: r.op === '>>' };
      }
    }
    let outBuf = '';
    let errBuf = '';
    const writeOut = stdoutFile ? (t: string) => (outBuf += t) : out;
    const writeErr = stderrToStdout ? writeOut : stderrFile ? (t: string) => (errBuf += t) : err;
    if (stdoutFile && stdoutFile.path !== '/dev/null' && !stdoutFile.append) this.fs.write(stdoutFile.path, '');
    return {
      out: writeOut,
      err: writeErr,
      input,
      stdoutRedirected: !!stdoutFile,
      finish: () => {
        if (stdoutFile && stdoutFile.path !== '/dev/null') this.fs[stdoutFile.append ? 'append' : 'write'](stdoutFile.path, outBuf);
        if (stderrFile && stderrFile.path !== '/dev/null') this.fs[stderrFile.append ? 'append' : 'write'](stderrFile.path, errBuf);
      },
    };
  }

  private *execSimple(cmd: SimpleCommand, io: IO): Generator<number, number> {
    const status = this.runSimple(cmd, io);
    const ms = this.stepMs + this.waitMs;
    this.waitMs = 0;
    yield ms;
    return status;
  }

  private runSimple(cmd: SimpleCommand, io: IO): number {
    const out = (t: string) => io.emit({ stream: 'stdout', text: t });
    const err = (t: string) => io.emit({ stream: 'stderr', text: t });
    const env = { ...this.env };
    for (const a of cmd.assigns) env[a.name] = this.expandWord(a.value).join(' ');
    let argv = cmd.words.flatMap((w) => this.expandWord(w));
    if (!argv.length) {
      // Bare assignments set shell variables.
      for (const a of cmd.assigns) this.env[a.name] = env[a.name];
      return 0;
    }
    // Aliases: the first word, repeatedly (stopping at a self-reference).
    const seen = new Set<string>();
    for (let d = 0; d < MAX_ALIAS_DEPTH && this.aliases.has(argv[0]) && !seen.has(argv[0]); d++) {
      seen.add(argv[0]);
      const expansion = this.aliases.get(argv[0])!;
      const first = parseLine(expansion)[0]?.first.commands[0];
      const words = first && first.kind === undefined ? first.words.flatMap((w) => this.expandWord(w)) : [];
      argv = [...words, ...argv.slice(1)];
    }
    const heredoc = cmd.heredoc ? (cmd.heredoc.expand ? this.expandHeredoc(cmd.heredoc.body) : cmd.heredoc.body) : undefined;
    const r = this.openRedirects(cmd.redirects, io.input, out, err, heredoc);
    if (typeof r === 'number') return r;

    const name = argv[0];
    const fn = this.commands.get(name) ?? this.commands.get(name.split('/').pop()!);
    let status: number;
    if (!fn) {
      r.err(this.notFound(name) + '\n');
      status = 127;
    } else {
      try {
        status = fn({ name, args: argv.slice(1), stdin: r.input.buf, input: r.input, env, out: r.out, err: r.err, shell: this, fs: this.fs, cwd: this.cwd, tty: !!io.tty && !r.stdoutRedirected });
      } catch (e) {
        if (e instanceof LoopControl || e instanceof ShellExit || e instanceof ShellAbort) {
          r.finish();
          throw e;
        }
        // A bug in a command must never take the session down: report it like a crashed program.
        r.err(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        status = 1;
      }
    }
    r.finish();
    return status;
  }

  /** Expand `$VAR`, `${VAR}`, `$?`, `$((expr))` and `$(cmd)` in a text (here-document bodies, arithmetic). */
  private expandText(body: string): string {
    return body.replace(/\$\(\((.*?)\)\)|\$\(([^)]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|\?)/g, (_m, ar, cmd, a, b) => (ar !== undefined ? this.arith(ar) : cmd !== undefined ? this.capture(cmd) : this.varValue(a ?? b)));
  }

  private expandHeredoc(body: string): string {
    return this.expandText(body.replace(/\\\$/g, '\u0000')).replace(/\u0000/g, '$');
  }
}
