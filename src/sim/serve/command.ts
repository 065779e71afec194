/**
 * `kubesim serve [--port N] [--seed N] [--speed X] [--kubeconfig FILE] [--verbose]`: boots the default
 * cluster, serves it on 127.0.0.1 and writes a kubeconfig for it; the simulated clock runs at real time
 * × --speed (0 = frozen: only `sim advance` moves it). Ctrl+C (SIGINT) or SIGTERM shut it down.
 *
 * `kubesim sim ARGS… [--server URL | --kubeconfig FILE]`: a `sim` operation (advance 30s, fail-node
 * node01, now, add-node …) on a running server, through its /kubesim/v1/sim endpoint.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseDuration } from '../clock/clock.ts';
import { Session } from '../session.ts';
import { KubeHandler } from './handler.ts';
import { listen, type RunningServer } from './node.ts';

export const SERVE_USAGE = `Usage:
  kubesim serve [--port N] [--seed N] [--speed X] [--kubeconfig FILE] [--verbose]
      serve the simulated cluster's Kubernetes API on 127.0.0.1 (default port 6443, 0 = any free port)
      and write a kubeconfig for kubectl; the clock runs at real time × --speed (default 1, 0 = frozen)
  kubesim sim ARGS… [--server URL | --kubeconfig FILE]
      run a sim operation on a running server: advance 30s | now | fail-node NODE | recover-node NODE |
      add-node NAME [--cpu N] [--memory Q] [--labels k=v,…] | step DURATION
`;

export function kubeconfigFor(url: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${url}
  name: kubesim
contexts:
- context:
    cluster: kubesim
    namespace: default
    user: kubesim
  name: kubesim
current-context: kubesim
preferences: {}
users:
- name: kubesim
  user: {}
`;
}

export interface ServeOptions {
  port: number;
  seed: number;
  speed: number;
  kubeconfig?: string;
  verbose?: boolean;
  /** Real milliseconds between clock ticks. */
  tickMs?: number;
}

export interface Serving {
  session: Session;
  handler: KubeHandler;
  server: RunningServer;
  kubeconfig: string;
  stop(): Promise<void>;
}

/** Start serving (used by the CLI and by tests). */
export async function startServing(opts: ServeOptions, out: (s: string) => void = () => {}): Promise<Serving> {
  // Take the port first (a port in use is reported at once), then boot the cluster.
  let handler: KubeHandler | undefined;
  const starting = { status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the cluster is starting', reason: 'ServiceUnavailable', code: 503 }) };
  const backend = {
    handle: (r: Parameters<KubeHandler['handle']>[0]) => handler?.handle(r) ?? starting,
    exec: (r: Parameters<KubeHandler['exec']>[0], stdin: string | undefined) => handler?.exec(r, stdin) ?? { ok: false as const, response: starting },
  };
  let clockNow = () => '';
  const server = await listen(backend, { port: opts.port, log: opts.verbose ? (l) => out(`${clockNow()} ${l}\n`) : undefined });
  const session = new Session({ seed: opts.seed });
  const clock = session.cluster.clock;
  clockNow = () => clock.rfc3339();
  handler = new KubeHandler(session, { serverAddress: `127.0.0.1:${server.port}`, afterWrite: () => clock.settle() });
  const kubeconfig = opts.kubeconfig ? resolve(opts.kubeconfig) : join(tmpdir(), 'kubesim', `kubeconfig-${server.port}.yaml`);
  mkdirSync(dirname(kubeconfig), { recursive: true });
  writeFileSync(kubeconfig, kubeconfigFor(server.url));
  // Simulated time follows real time × speed.
  let last = performance.now();
  let carry = 0;
  // While the simulated kube-apiserver is down (a broken static pod manifest, an etcd restore) the port
  // refuses connections, as a stopped kube-apiserver's does.
  let listening = true;
  const followApiServer = () => {
    const up = session.cluster.server.up;
    if (up === listening) return;
    listening = up;
    if (!up) server.server.close();
    else server.server.listen(server.port, '127.0.0.1');
  };
  const tick = setInterval(() => {
    followApiServer();
    const now = performance.now();
    carry += (now - last) * opts.speed;
    last = now;
    const ms = Math.floor(carry);
    if (ms > 0) {
      carry -= ms;
      clock.advance(ms);
    } else clock.settle();
  }, opts.tickMs ?? 100);
  let stopped = false;
  return {
    session,
    handler,
    server,
    kubeconfig,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(tick);
      await server.close();
      if (!opts.kubeconfig) rmSync(kubeconfig, { force: true });
    },
  };
}

function takeFlag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) {
      const v = args[i + 1];
      args.splice(i, 2);
      return v ?? '';
    }
    if (args[i].startsWith(`--${name}=`)) {
      const v = args[i].slice(name.length + 3);
      args.splice(i, 1);
      return v;
    }
  }
  return undefined;
}

export async function serveMain(argv: string[]): Promise<number> {
  const args = [...argv];
  const port = Number(takeFlag(args, 'port') ?? 6443);
  const seed = Number(takeFlag(args, 'seed') ?? 1);
  const speed = Number(takeFlag(args, 'speed') ?? 1);
  const kubeconfig = takeFlag(args, 'kubeconfig');
  const verbose = args.includes('--verbose') || args.includes('-v');
  const rest = args.filter((a) => a !== '--verbose' && a !== '-v');
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  if (rest.length) {
    process.stderr.write(`kubesim serve: unexpected argument "${rest[0]}"\n${SERVE_USAGE}`);
    return 2;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('kubesim serve: --port must be an integer between 0 and 65535\n');
    return 2;
  }
  if (!Number.isInteger(seed)) {
    process.stderr.write('kubesim serve: --seed must be an integer\n');
    return 2;
  }
  if (!Number.isFinite(speed) || speed < 0) {
    process.stderr.write('kubesim serve: --speed must be a number ≥ 0\n');
    return 2;
  }
  let serving: Serving;
  try {
    serving = await startServing({ port, seed, speed, kubeconfig, verbose }, (s) => process.stderr.write(s));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      process.stderr.write(`kubesim serve: port ${port} on 127.0.0.1 is already in use (another kubesim serve or an API server?); choose another with --port N, or --port 0 for a free one\n`);
      return 1;
    }
    if (err.code === 'EACCES') {
      process.stderr.write(`kubesim serve: not allowed to listen on port ${port}: ${err.message}\n`);
      return 1;
    }
    throw e;
  }
  const { server } = serving;
  process.stdout.write(
    `kubesim: serving the simulated cluster (seed ${seed}, clock ×${speed}) at ${server.url}\n` +
      `kubesim: kubeconfig written to ${serving.kubeconfig}\n\n` +
      `  export KUBECONFIG=${serving.kubeconfig}\n  kubectl get nodes\n  kubesim sim advance 30s --server ${server.url}\n\n` +
      `Press Ctrl+C to stop.\n`,
  );
  return new Promise<number>((done) => {
    const shutdown = (sig: string) => {
      process.stdout.write(`\nkubesim: ${sig}, shutting down\n`);
      void serving.stop().then(() => done(0));
    };
    process.once('SIGINT', () => shutdown('interrupt'));
    process.once('SIGTERM', () => shutdown('terminated'));
  });
}

/** `kubesim sim ARGS… --server URL`: POST /kubesim/v1/sim on a running server. */
export async function simMain(argv: string[]): Promise<number> {
  const args = [...argv];
  let server = takeFlag(args, 'server');
  const kubeconfig = takeFlag(args, 'kubeconfig') ?? process.env.KUBECONFIG?.split(':')[0];
  if (!server && kubeconfig) {
    try {
      server = /^\s*server:\s*(\S+)/m.exec(readFileSync(kubeconfig, 'utf8'))?.[1];
    } catch (e) {
      process.stderr.write(`kubesim sim: cannot read ${kubeconfig}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  if (!server) {
    process.stderr.write(`kubesim sim: no server: pass --server URL (printed by kubesim serve) or --kubeconfig FILE\n${SERVE_USAGE}`);
    return 2;
  }
  if (!args.length) {
    process.stderr.write(SERVE_USAGE);
    return 2;
  }
  if (args[0] === 'advance' && parseDuration(args[1] ?? '') === undefined) {
    process.stderr.write(`kubesim sim advance: not a duration: "${args[1] ?? ''}" (e.g. 30s, 2m, 1h)\n`);
    return 2;
  }
  let res: Response;
  try {
    res = await fetch(`${server.replace(/\/+$/, '')}/kubesim/v1/sim`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ args }), signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    process.stderr.write(`kubesim sim: cannot reach ${server}: ${(e as Error).cause ?? (e as Error).message}\n`);
    return 1;
  }
  const body = (await res.json().catch(() => ({}))) as { stdout?: string; stderr?: string; exitCode?: number; now?: string; message?: string };
  if (body.stdout) process.stdout.write(body.stdout);
  if (body.stderr) process.stderr.write(body.stderr);
  if (body.message && !res.ok && body.exitCode === undefined) process.stderr.write(`kubesim sim: ${body.message}\n`);
  if (res.ok && args[0] === 'advance') process.stdout.write(`clock: ${body.now}\n`);
  return body.exitCode ?? (res.ok ? 0 : 1);
}
