/**
 * What a container's process does, decided from its image and command — a plausible model, not an
 * emulator: servers run, `sleep N` sleeps, `echo`/`exit` finish, unknown executables fail to start,
 * memory hogs over their limit are OOM-killed.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { quantityOf } from '../api/quantity.ts';
import type { ContainerRunner } from './exec.ts';
import type { ImageInfo } from './images.ts';
import type { FileSystem } from '../shell/fs.ts';
import { ScriptProcess } from './script.ts';

export type Behaviour =
  | { kind: 'run'; logs: string[]; memoryMi: number; cpuMilli: number }
  /** `sh -c SCRIPT`: the script runs as a process over simulated time (script.ts). */
  | { kind: 'script'; process: ScriptProcess; memoryMi: number }
  | { kind: 'exit'; afterMs: number; exitCode: number; reason: 'Completed' | 'Error' | 'OOMKilled'; logs: string[]; memoryMi: number }
  | { kind: 'startError'; message: string };

function parseBytes(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]?)/.exec(s);
  if (!m) return 0;
  const mult: Record<string, number> = { '': 1, k: 1024, K: 1024, m: 1024 ** 2, M: 1024 ** 2, g: 1024 ** 3, G: 1024 ** 3 };
  return parseFloat(m[1]) * mult[m[2]];
}

/** Effective argv: command overrides ENTRYPOINT, args override CMD (the Kubernetes/Docker rule). */
export function argv(c: Container, image: ImageInfo): string[] {
  const entry = c.command ?? image.entrypoint;
  const args = c.args ?? (c.command ? [] : image.cmd);
  return [...entry, ...args];
}

const ENTRYPOINT_WRAPPERS = new Set(['/docker-entrypoint.sh', 'docker-entrypoint.sh']);

/**
 * Commands whose output the container model (exec.ts) knows: as a container's main command they run
 * once at the start, their stdout and stderr becoming the log (`kubectl run t --rm -i -- nslookup web`).
 */
const CONTAINER_COMMANDS = new Set(['nslookup', 'wget', 'curl', 'env', 'printenv', 'cat', 'ls', 'head', 'grep', 'wc', 'hostname', 'id', 'whoami', 'uname', 'pwd', 'date']);

/** `run`: the container's own commands (exec.ts), when the kubelet provides them. */
/** `files`: the container's writable files, made when a script first needs them (most containers never do). */
export function behaviourOf(c: Container, image: ImageInfo, env: Record<string, string>, run?: ContainerRunner, files?: () => FileSystem): Behaviour {
  let av = argv(c, image);
  const memLimitMi = limitMi(c);
  // Entry-point wrappers exec their arguments.
  while (av.length > 1 && ENTRYPOINT_WRAPPERS.has(av[0])) av = av.slice(1);
  if (!av.length) return { kind: 'startError', message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown' };
  const bin = av[0];
  const base = bin.split('/').pop()!;
  const known = image.binaries.some((b) => b === bin || b.split('/').pop() === base);
  if (!known) {
    return { kind: 'startError', message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${bin}": executable file not found in $PATH: unknown` };
  }
  const isDefault = !c.command && !c.args;
  if (isDefault) {
    if (image.serves) return { kind: 'run', logs: image.startLogs ?? [], memoryMi: image.memoryMi, cpuMilli: image.cpuMilli };
    return { kind: 'exit', afterMs: 100, exitCode: 0, reason: 'Completed', logs: [], memoryMi: 1 };
  }
  return script(av, image, env, memLimitMi, run, files);
}

function limitMi(c: Container): number | undefined {
  const q = quantityOf(c.resources?.limits?.memory as string | undefined);
  return q ? q.value() / (1024 * 1024) : undefined;
}

function expand(s: string, env: Record<string, string>): string {
  return s.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a, b, c) => env[a ?? b ?? c] ?? '');
}

function script(av: string[], image: ImageInfo, env: Record<string, string>, memLimitMi?: number, run?: ContainerRunner, files?: () => FileSystem): Behaviour {
  const base = av[0].split('/').pop()!;
  if ((base === 'sh' || base === 'bash' || base === 'ash') && av[1] === '-c') return shellScript(av[2] ?? '', image, env, memLimitMi, run, files);
  if (base === 'sh' || base === 'bash') return { kind: 'exit', afterMs: 100, exitCode: 0, reason: 'Completed', logs: [], memoryMi: 1 };
  const expanded = av.map((a) => expand(a, env));
  if (run && CONTAINER_COMMANDS.has(base)) return containerCommand(expanded, run);
  return simpleCommand(expanded, image, memLimitMi);
}

/** A main command the container model runs: its output is the log, its exit the container's. */
function containerCommand(av: string[], run: ContainerRunner): Behaviour {
  const r = run(av, '');
  if (r.startError) return { kind: 'startError', message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${r.startError}` };
  const text = (r.ordered ?? [{ text: r.stdout }, { text: r.stderr }]).map((c) => c.text).join('');
  const logs = text.split('\n');
  if (logs[logs.length - 1] === '') logs.pop();
  return { kind: 'exit', afterMs: Math.max(10, r.ms ?? 0), exitCode: r.exitCode, reason: r.exitCode === 0 ? 'Completed' : 'Error', logs, memoryMi: 1 };
}

function simpleCommand(av: string[], image: ImageInfo, memLimitMi?: number): Behaviour {
  const base = av[0].split('/').pop()!;
  switch (base) {
    case 'sleep': {
      const n = av[1] === 'infinity' ? Infinity : parseFloat(av[1] ?? '');
      if (Number.isNaN(n)) return { kind: 'exit', afterMs: 10, exitCode: 1, reason: 'Error', logs: ['sleep: invalid number \'' + (av[1] ?? '') + "'"], memoryMi: 1 };
      if (n === Infinity) return { kind: 'run', logs: [], memoryMi: 1, cpuMilli: 0 };
      return { kind: 'exit', afterMs: n * 1000, exitCode: 0, reason: 'Completed', logs: [], memoryMi: 1 };
    }
    case 'echo':
      return { kind: 'exit', afterMs: 10, exitCode: 0, reason: 'Completed', logs: [av.slice(1).join(' ')], memoryMi: 1 };
    case 'true':
      return { kind: 'exit', afterMs: 10, exitCode: 0, reason: 'Completed', logs: [], memoryMi: 1 };
    case 'false':
      return { kind: 'exit', afterMs: 10, exitCode: 1, reason: 'Error', logs: [], memoryMi: 1 };
    case 'stress': {
      const i = av.indexOf('--vm-bytes');
      const bytes = i >= 0 ? parseBytes(av[i + 1] ?? '') : 256 * 1024 * 1024;
      const mi = bytes / (1024 * 1024);
      if (memLimitMi !== undefined && mi >= memLimitMi) return { kind: 'exit', afterMs: 1500, exitCode: 137, reason: 'OOMKilled', logs: ['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd'], memoryMi: mi };
      return { kind: 'run', logs: ['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd'], memoryMi: mi, cpuMilli: 1000 };
    }
    case 'tail':
      if (av.includes('-f')) return { kind: 'run', logs: [], memoryMi: 1, cpuMilli: 0 };
      return { kind: 'exit', afterMs: 10, exitCode: 0, reason: 'Completed', logs: [], memoryMi: 1 };
  }
  // A named server binary of the image (nginx, redis-server, python app.py …) runs.
  if (image.serves || ['python', 'python3', 'node', 'java', 'nginx', 'redis-server', 'httpd'].includes(base)) {
    return { kind: 'run', logs: image.startLogs ?? [], memoryMi: image.memoryMi, cpuMilli: image.cpuMilli };
  }
  return { kind: 'exit', afterMs: 50, exitCode: 0, reason: 'Completed', logs: [], memoryMi: 1 };
}

/** `sh -c "…"`: the script, run by the shell interpreter as a process (script.ts); other binaries it names behave as above. */
function shellScript(src: string, image: ImageInfo, env: Record<string, string>, memLimitMi?: number, run?: ContainerRunner, files?: () => FileSystem): Behaviour {
  const process = new ScriptProcess(src, env, image, (argv) => {
    const b = simpleCommand(argv, image, memLimitMi);
    if (b.kind === 'run') return b.logs.length ? { logs: b.logs, ms: Infinity, exitCode: 0, memoryMi: b.memoryMi } : 'run';
    if (b.kind === 'exit') return { logs: b.logs, ms: b.afterMs, exitCode: b.exitCode, oom: b.reason === 'OOMKilled', memoryMi: b.memoryMi };
    return undefined;
  }, run, files?.());
  return {
    kind: 'script',
    process,
    get memoryMi() {
      return process.memoryMi;
    },
  };
}
