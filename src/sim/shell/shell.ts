/**
 * The shell that scripts, run buttons and the terminal share: runs parsed command lines against a set of
 * commands (builtins, kubectl, sim, node tools), with pipes, redirections, variables and aliases.
 */
import { FileSystem } from './fs.ts';
import { parseLine, parseScript, type AndOr, type SimpleCommand, type Word } from './parse.ts';

export interface Output {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface CommandContext {
  name: string;
  args: string[];
  stdin: string;
  env: Record<string, string>;
  out(s: string): void;
  err(s: string): void;
  shell: Shell;
  fs: FileSystem;
  cwd: string;
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
      this.runList(l.list);
    }
  }

  /** Run one logical line as typed (may include here-document lines). */
  runLine(text: string): number {
    this.runScript(text);
    return this.lastStatus;
  }

  private runList(list: AndOr[]): void {
    for (const item of list) {
      let status = this.runPipeline(item.first.commands, item.first.negate, (o) => this.sink(o));
      for (const r of item.rest) {
        if ((r.op === '&&' && status !== 0) || (r.op === '||' && status === 0)) continue;
        status = this.runPipeline(r.pipeline.commands, r.pipeline.negate, (o) => this.sink(o));
      }
      this.lastStatus = status;
    }
  }

  /** Run a command line and capture its stdout (command substitution). */
  capture(src: string): string {
    let out = '';
    const saved = this.sink;
    try {
      const list = parseLine(src);
      for (const item of list) {
        let status = this.runPipeline(item.first.commands, item.first.negate, (o) => (o.stream === 'stdout' ? (out += o.text) : saved(o)));
        for (const r of item.rest) {
          if ((r.op === '&&' && status !== 0) || (r.op === '||' && status === 0)) continue;
          status = this.runPipeline(r.pipeline.commands, r.pipeline.negate, (o) => (o.stream === 'stdout' ? (out += o.text) : saved(o)));
        }
        this.lastStatus = status;
      }
    } catch (e) {
      saved({ stream: 'stderr', text: (e instanceof Error ? e.message : String(e)) + '\n' });
    }
    return out.replace(/\n+$/, '');
  }

  private runPipeline(cmds: SimpleCommand[], negate: boolean, emit: (o: Output) => void): number {
    let input = '';
    let status = 0;
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      let captured = '';
      const stdoutTo = last ? (t: string) => emit({ stream: 'stdout', text: t }) : (t: string) => (captured += t);
      status = this.runSimple(cmds[i], input, stdoutTo, (t) => emit({ stream: 'stderr', text: t }));
      input = captured;
    }
    return negate ? (status === 0 ? 1 : 0) : status;
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
      else s += this.capture(p.src);
    }
    // Unquoted expansions split on whitespace (IFS).
    const hasUnquotedExpansion = w.some((p) => p.t !== 'lit' && !p.quoted);
    if (hasUnquotedExpansion && !anyQuoted) return s.split(/\s+/).filter(Boolean);
    if (!s && !anyQuoted && hasUnquotedExpansion) return [];
    if (globbable && !anyQuoted) return this.glob(s);
    return [s];
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

  private runSimple(cmd: SimpleCommand, stdin: string, out: (t: string) => void, err: (t: string) => void): number {
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
      const words = parseLine(expansion)[0]?.first.commands[0]?.words.flatMap((w) => this.expandWord(w)) ?? [];
      argv = [...words, ...argv.slice(1)];
    }
    if (cmd.heredoc) stdin = cmd.heredoc.expand ? this.expandHeredoc(cmd.heredoc.body) : cmd.heredoc.body;

    // Redirections.
    let stdoutFile: { path: string; append: boolean } | undefined;
    let stderrFile: { path: string; append: boolean } | undefined;
    let stderrToStdout = false;
    for (const r of cmd.redirects) {
      const target = this.expandWord(r.target).join(' ');
      if (r.op === '<') {
        const p = FileSystem.normalize(target, this.cwd);
        const content = this.fs.read(p);
        if (content === undefined) {
          err(`bash: ${target}: No such file or directory\n`);
          return 1;
        }
        stdin = content;
      } else if (r.op === '>&') {
        if (r.fd === 2 && target === '1') stderrToStdout = true;
      } else {
        const p = FileSystem.normalize(target, this.cwd);
        if (p !== '/dev/null' && this.fs.isDir(p)) {
          err(`bash: ${target}: Is a directory\n`);
          return 1;
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

    const name = argv[0];
    const fn = this.commands.get(name) ?? this.commands.get(name.split('/').pop()!);
    let status: number;
    if (!fn) {
      writeErr(`${name}: command not found\n`);
      status = 127;
    } else {
      try {
        status = fn({ name, args: argv.slice(1), stdin, env, out: writeOut, err: writeErr, shell: this, fs: this.fs, cwd: this.cwd });
      } catch (e) {
        // A bug in a command must never take the session down: report it like a crashed program.
        writeErr(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        status = 1;
      }
    }
    if (stdoutFile && stdoutFile.path !== '/dev/null') this.fs[stdoutFile.append ? 'append' : 'write'](stdoutFile.path, outBuf);
    if (stderrFile && stderrFile.path !== '/dev/null') this.fs[stderrFile.append ? 'append' : 'write'](stderrFile.path, errBuf);
    return status;
  }

  private expandHeredoc(body: string): string {
    return body.replace(/\\\$/g, '\u0000').replace(/\$\(([^)]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|\?)/g, (_m, cmd, a, b) => (cmd !== undefined ? this.capture(cmd) : this.varValue(a ?? b))).replace(/\u0000/g, '$');
  }
}
