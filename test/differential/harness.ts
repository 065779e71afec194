/**
 * Differential harness, main thread: runs a scenario script with the real kubectl binary against
 * `kubesim serve`'s handler. This thread owns the HTTP server (127.0.0.1, a free port) and the kubectl
 * child processes; the simulated cluster and the scenario's shell live in a worker (./worker.ts), which
 * serves the relayed requests while it waits for each kubectl to finish.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, realpathSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { listen, type Backend, type ExecOutcome } from '../../src/sim/serve/node.ts';
import type { HttpRequest, HttpResponse } from '../../src/sim/serve/types.ts';
import type { Chunk, FromNet, ToNet } from './protocol.ts';
import type { PageProgram } from './page.ts';

/** The real kubectl to compare with: $KUBECTL_REAL, the Google Cloud SDK's v1.33, or `kubectl` on PATH. */
export function findRealKubectl(): { path: string; version: string } | undefined {
  const candidates = [process.env.KUBECTL_REAL, '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'];
  try {
    candidates.push(realpathSync(execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim()));
  } catch {
    // no kubectl on PATH
  }
  for (const c of candidates) {
    if (!c || !existsSync(c)) continue;
    try {
      const v = JSON.parse(execFileSync(c, ['version', '--client', '-o', 'json'], { encoding: 'utf8', timeout: 20_000 })).clientVersion.gitVersion as string;
      return { path: c, version: v };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** A port nothing listens on (connections to it are refused). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RunOptions {
  seed: number;
  version?: string;
  kubectl: string;
}

/**
 * Run `script` on a fresh cluster, every `kubectl` line through the real binary. Returns that transcript
 * (`real`) and the simulator's own transcript of the same script and seed (`sim`), made by the same
 * loaded code. `script` may also be a note page (./page.ts), run block by block as the page runtime does.
 */
export async function runWithRealKubectl(script: string | PageProgram, opts: RunOptions): Promise<{ real: string; sim: string }> {
  const { port1: net, port2: sim } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  let nextId = 0;
  const pending = new Map<number, (m: ToNet) => void>();
  const streams = new Map<number, { send: (c: string) => void; end: () => void }>();
  const execs = new Map<number, (o: ExecOutcome) => void>();
  const written = { stdout: '', stderr: '' };
  let watchers: (() => boolean)[] = [];
  const wrote = (stream: 'stdout' | 'stderr', t: string) => {
    written[stream] += t;
    watchers = watchers.filter((w) => !w());
  };
  const toSim = (m: FromNet) => {
    net.postMessage(m);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };

  const backend: Backend = {
    handle(req: HttpRequest): Promise<HttpResponse> {
      const id = ++nextId;
      return new Promise((resolve) => {
        pending.set(id, (m) => {
          if (m.type !== 'httpres') return;
          if (!m.stream) {
            resolve({ status: m.res.status, headers: m.res.headers, body: m.res.body });
            return;
          }
          resolve({
            status: m.res.status,
            headers: m.res.headers,
            timeoutMs: m.res.timeoutMs,
            stream: {
              start(send, end) {
                streams.set(id, { send, end });
                return () => {
                  if (streams.delete(id)) toSim({ type: 'cancel', id });
                };
              },
            },
          });
        });
        toSim({ type: 'http', id, req });
      });
    },
    // What the running kubectl wrote so far: the exec stream sends stderr only after its stdout came
    // out of the process (kubectl's two copying goroutines would otherwise race on a loaded machine).
    delivered(text: string, stream: 'stdout' | 'stderr'): Promise<void> {
      return new Promise((resolve) => {
        const give = setTimeout(resolve, 5000);
        const check = () => {
          if (!written[stream].endsWith(text)) return false;
          clearTimeout(give);
          resolve();
          return true;
        };
        if (!check()) watchers.push(check);
      });
    },
    exec(req: HttpRequest, stdin: string | undefined): Promise<ExecOutcome> {
      const id = ++nextId;
      return new Promise((resolve) => {
        execs.set(id, resolve);
        toSim({ type: 'exec', id, req, stdin });
      });
    },
  };

  const tls = new URL('./tls/', import.meta.url);
  const server = await listen(backend, { port: 0, tls: { key: readFileSync(new URL('server.key', tls), 'utf8'), cert: readFileSync(new URL('server.crt', tls), 'utf8') } });
  const refusedPort = await freePort();
  let listening = true;
  const setUp = async (up: boolean) => {
    if (up === listening) return;
    listening = up;
    // A stopped kube-apiserver refuses connections: stop listening, and listen again on the same port.
    if (!up) await new Promise<void>((r) => server.server.close(() => r()));
    else await new Promise<void>((r) => server.server.listen(server.port, '127.0.0.1', () => r()));
  };
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    workerData: { port: sim, signal, seed: opts.seed, version: opts.version, ...(typeof script === 'string' ? { script } : { script: '', page: script }), serverUrl: server.url, refusedPort },
    transferList: [sim],
  });
  const children = new Map<number, ChildProcess>();
  const caches: string[] = [];
  // kubectl names itself after argv[0] (user agent, --record's change-cause): run it as `kubectl`.
  const binDir = mkdtempSync(join(tmpdir(), 'kubesim-kbin-'));
  caches.push(binDir);
  const bin = join(binDir, 'kubectl');
  symlinkSync(opts.kubectl, bin);

  try {
    return await new Promise<{ real: string; sim: string }>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`differential worker exited with ${code}`));
      });
      net.on('message', async (m: ToNet) => {
        switch (m.type) {
          case 'httpres':
            pending.get(m.id)?.(m);
            pending.delete(m.id);
            break;
          case 'chunk':
            streams.get(m.id)?.send(m.data);
            break;
          case 'end': {
            const s = streams.get(m.id);
            streams.delete(m.id);
            s?.end();
            break;
          }
          case 'execres':
            execs.get(m.id)?.(m.out);
            execs.delete(m.id);
            break;
          case 'spawn': {
            await setUp(m.up);
            // A fresh discovery cache per command: discovery changes as the cluster does (metrics.k8s.io).
            const cache = mkdtempSync(join(tmpdir(), 'kubesim-kcache-'));
            caches.push(cache);
            const chunks: Chunk[] = [];
            // Its own process group: an editor or a pager it starts is stopped with it.
            const child = spawn(bin, m.args, { cwd: m.cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...m.env, KUBECACHEDIR: cache }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
            children.set(m.id, child);
            let killed = false;
            child.stdout!.setEncoding('utf8');
            child.stderr!.setEncoding('utf8');
            written.stdout = written.stderr = '';
            child.stdout!.on('data', (t: string) => {
              chunks.push({ stream: 'stdout', text: t });
              wrote('stdout', t);
            });
            child.stderr!.on('data', (t: string) => {
              chunks.push({ stream: 'stderr', text: t });
              wrote('stderr', t);
            });
            child.stdin!.on('error', () => {});
            child.stdin!.end(m.stdin);
            child.on('error', (e) => chunks.push({ stream: 'stderr', text: `harness: ${e.message}\n` }));
            child.on('close', (code, sig) => {
              children.delete(m.id);
              toSim({ type: 'done', id: m.id, code: killed ? 130 : (code ?? (sig ? 130 : 1)), chunks });
            });
            (child as ChildProcess & { markKilled?: () => void }).markKilled = () => (killed = true);
            break;
          }
          case 'interrupt': {
            const c = children.get(m.id);
            try {
              if (c?.pid) process.kill(-c.pid, 'SIGINT');
            } catch {
              // already gone
            }
            break;
          }
          case 'kill': {
            const c = children.get(m.id) as (ChildProcess & { markKilled?: () => void }) | undefined;
            c?.markKilled?.();
            const group = (sig: NodeJS.Signals) => {
              try {
                if (c?.pid) process.kill(-c.pid, sig);
              } catch {
                // already gone
              }
            };
            group('SIGINT');
            setTimeout(() => group('SIGKILL'), 3000).unref();
            break;
          }
          case 'finished':
            resolve({ real: m.transcript, sim: m.own });
            break;
        }
      });
    });
  } finally {
    for (const c of children.values()) {
      try {
        if (c.pid) process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    net.close();
    await worker.terminate();
    if (listening) await server.close();
    else for (const f of [...streams.values()]) f.end();
    for (const c of caches) rmSync(c, { recursive: true, force: true });
  }
}
