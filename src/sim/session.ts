/**
 * The one interface the UI, the CLI and the HTTP server use: a cluster plus a shell on its control
 * plane. `run(script)` returns the transcript a terminal would show; time moves only through `sim`
 * commands, commands that wait, and the per-command step.
 */
import { parseDuration } from './clock/clock.ts';
import { Cluster, type ClusterOptions } from './cluster/cluster.ts';
import { quantityOf } from './api/quantity.ts';
import { runKubectl } from './kubectl/kubectl.ts';
import { installNodeTools } from './node/index.ts';
import { fromPackage } from './node/versions.ts';
import { NodeWorld } from './node/world.ts';
import { registerBuiltins } from './shell/builtins.ts';
import { Shell, type CommandContext, type Output } from './shell/shell.ts';

export interface TranscriptEntry {
  command: string;
  output: Output[];
  /** Exit status of the command line (the shell's `$?` after it). */
  status?: number;
}

export interface SessionOptions extends ClusterOptions {
  /** Simulated time that passes after every command (default 0). */
  stepMs?: number;
}

export class Session {
  readonly cluster: Cluster;
  readonly shell: Shell;
  stepMs: number;
  private tempCounter = 0;

  constructor(opts: SessionOptions = {}) {
    this.cluster = Cluster.create(opts);
    this.stepMs = opts.stepMs ?? 0;
    const cp = this.cluster.machines.get('controlplane')!;
    this.shell = new Shell({ name: 'controlplane', fs: cp, user: 'root', home: '/root' });
    registerBuiltins(this.shell);
    installNodeTools(this.cluster, this.shell);
    this.shell.register('kubectl', (ctx) => this.kubectl(ctx));
    this.shell.register('sim', (ctx) => this.sim(ctx));
    this.shell.now = () => this.cluster.clock.now();
    this.shell.register('sleep', (ctx) => {
      const ms = parseDuration(/^\d+(\.\d+)?$/.test(ctx.args[0] ?? '') ? `${ctx.args[0]}s` : (ctx.args[0] ?? ''));
      if (ms === undefined) {
        ctx.err(`sleep: invalid time interval '${ctx.args[0] ?? ''}'\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      this.cluster.clock.advance(ms);
      return 0;
    });
    for (const ed of ['vi', 'vim', 'nano']) {
      this.shell.register(ed, (ctx) => {
        ctx.err(`${ed}: 이 터미널에서는 대화형 편집기를 열 수 없습니다. 'cat <<EOF > 파일' 이나 'sed -i' 로 파일을 고치세요.\n`);
        return 1;
      });
    }
  }

  /** Run a script; returns the transcript entries (command as typed + its output in order). */
  run(script: string): TranscriptEntry[] {
    const entries: TranscriptEntry[] = [];
    let current: TranscriptEntry | undefined;
    this.shell.sink = (o) => {
      if (!current) {
        current = { command: '', output: [] };
        entries.push(current);
      }
      const last = current.output[current.output.length - 1];
      if (last && last.stream === o.stream) last.text += o.text;
      else current.output.push({ ...o });
    };
    this.shell.runScript(script, (text) => {
      if (current) this.finishEntry(current);
      current = { command: text, output: [] };
      entries.push(current);
    });
    if (current) this.finishEntry(current);
    return entries;
  }

  private finishEntry(entry: TranscriptEntry) {
    entry.status = this.shell.lastStatus;
    this.afterCommand();
  }

  private afterCommand() {
    this.cluster.clock.settle();
    if (this.stepMs) this.cluster.clock.advance(this.stepMs);
  }

  /** Format a transcript as `kubesim run` prints it. */
  static format(entries: TranscriptEntry[]): string {
    let s = '';
    for (const e of entries) {
      if (e.command) s += `$ ${e.command}\n`;
      for (const o of e.output) s += o.text;
    }
    return s;
  }

  private kubectl(ctx: CommandContext): number {
    const clock = this.cluster.clock;
    return runKubectl(
      {
        server: this.cluster.server,
        fs: ctx.fs,
        cwd: ctx.cwd,
        env: ctx.env,
        stdin: ctx.stdin,
        out: ctx.out,
        err: ctx.err,
        wait: (ms) => clock.advance(ms),
        runShell: (line) => this.shell.runLine(line),
        exec: (argv) => {
          const fn = ctx.shell.commands.get(argv[0]) ?? ctx.shell.commands.get(argv[0].split('/').pop()!);
          return fn?.({ name: argv[0], args: argv.slice(1), stdin: '', env: ctx.env, out: ctx.out, err: ctx.err, shell: ctx.shell, fs: ctx.fs, cwd: ctx.cwd });
        },
        tempSuffix: () => String(1000000000 + (++this.tempCounter * 7919) % 899999999),
        clientVersion: this.kubectlVersionOn(ctx.shell.host.name),
      },
      ctx.args,
      'default',
    );
  }

  /** The kubectl package installed on a machine ("1.35.1-1.1" → "v1.35.1"). */
  private kubectlVersionOn(host: string): string | undefined {
    const pkg = NodeWorld.of(this.cluster)?.machine(host)?.packages.get('kubectl')?.version;
    return pkg ? fromPackage(pkg) : undefined;
  }

  /** `sim` meta-commands: advance, step, fail-node, recover-node, add-node, now. */
  private sim(ctx: CommandContext): number {
    const [sub, ...rest] = ctx.args;
    const { clock } = this.cluster;
    switch (sub) {
      case 'advance': {
        const ms = parseDuration(rest[0] ?? '');
        if (ms === undefined) {
          ctx.err(`sim advance: 올바른 시간이 아닙니다: "${rest[0] ?? ''}" (예: 30s, 2m, 1h)\n`);
          return 1;
        }
        clock.advance(ms);
        return 0;
      }
      case 'step': {
        const ms = parseDuration(rest[0] ?? '');
        if (ms === undefined) {
          ctx.err(`sim step: 올바른 시간이 아닙니다: "${rest[0] ?? ''}"\n`);
          return 1;
        }
        this.stepMs = ms;
        return 0;
      }
      case 'now':
        ctx.out(clock.rfc3339() + '\n');
        return 0;
      case 'fail-node':
      case 'recover-node': {
        const k = this.cluster.kubelets.get(rest[0] ?? '');
        if (!k) {
          ctx.err(`sim ${sub}: 노드 "${rest[0] ?? ''}" 이(가) 없습니다\n`);
          return 1;
        }
        if (sub === 'fail-node') k.stop(true);
        else k.resume();
        return 0;
      }
      case 'add-node': {
        const name = rest[0];
        if (!name || name.startsWith('-')) {
          ctx.err('사용법: sim add-node NAME [--cpu N] [--memory Q] [--labels k=v,…]\n');
          return 1;
        }
        if (this.cluster.kubelets.has(name)) {
          ctx.err(`sim add-node: 노드 "${name}" 이(가) 이미 있습니다\n`);
          return 1;
        }
        const opts: { cpu?: string; memoryKi?: number; labels?: Record<string, string> } = {};
        for (let i = 1; i < rest.length; i++) {
          const [flag, inline] = rest[i].split('=', 2);
          const val = inline ?? rest[++i];
          if (flag === '--cpu') opts.cpu = val;
          else if (flag === '--memory') {
            const q = quantityOf(val);
            if (!q) {
              ctx.err(`sim add-node: 메모리 값이 올바르지 않습니다: ${val}\n`);
              return 1;
            }
            opts.memoryKi = Math.floor(q.value() / 1024);
          } else if (flag === '--labels') opts.labels = Object.fromEntries((val ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
          else {
            ctx.err(`sim add-node: 알 수 없는 옵션 ${flag}\n`);
            return 1;
          }
        }
        this.cluster.addNode(name, opts);
        return 0;
      }
      default:
        ctx.err('사용법: sim advance DURATION | sim step DURATION | sim now | sim fail-node NODE | sim recover-node NODE | sim add-node NAME [--cpu N] [--memory Q] [--labels k=v,…]\n');
        return 1;
    }
  }
}
