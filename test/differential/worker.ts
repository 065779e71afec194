/**
 * The simulator's side of the differential harness (a worker thread): one Session runs a scenario
 * script; its `kubectl` command is replaced by the real kubectl binary talking over HTTP to
 * `kubesim serve`'s handler of that same Session. The shell is synchronous, so while a kubectl process
 * runs this thread blocks on Atomics.wait and serves its HTTP requests, relayed from the main thread
 * (which owns the HTTP server and the child process) with receiveMessageOnPort.
 *
 * Time: as in the simulator's own kubectl, simulated time passes only while a command waits. A command
 * that waits (delete's wait, rollout status, wait, drain, scale --timeout, replace --force, run --rm)
 * gets the same step the simulator's kubectl uses, applied whenever the client is idle — it has
 * a watch open, or it made a request since the last step — and has been quiet for QUIET_MS (REACT_MS
 * after a step that delivered watch events; no wait after one that delivered none), up to its --timeout.
 * `kubectl get -w/--watch-only` follows the simulator's rule (getwatch.ts followWatch): once its watch is
 * open and the client quiet, time passes for --request-timeout=D in one go and the stream ends (kubectl
 * exits 0 as when its client times the stream out); without a request timeout it steps 1s at a time
 * until nothing came for a while, and then the process gets Ctrl+C (SIGINT; kubectl exits 1).
 * `kubectl logs -f` is followed the same way (its stream is the pods/log response kept open by
 * `kubesim serve`), except that following stops without Ctrl+C when the server ends the stream
 * because the container stopped running.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { Session } from '../../src/sim/session.ts';
import { KubeHandler } from '../../src/sim/serve/handler.ts';
import type { CommandContext } from '../../src/sim/shell/shell.ts';
import type { HttpRequest } from '../../src/sim/serve/types.ts';
import type { FromNet, ToNet } from './protocol.ts';
import { followWatch, requestTimeoutMs } from '../../src/sim/kubectl/cmd/getwatch.ts';
import { playPage, type PageProgram } from './page.ts';

const { port, signal, seed, version, script, page, serverUrl, refusedPort } = workerData as { port: MessagePort; signal: Int32Array; seed: number; version?: string; script: string; page?: PageProgram; serverUrl: string; refusedPort: number };

/** Real quiet time before simulated time may move on (the client had its chance to act). */
const QUIET_MS = 120;
/** Requests of kubectl's discovery and schema reads: /version, /openapi/…, /api, /api/v1, /apis, /apis/G, /apis/G/V. */
const DISCOVERY = /^\/(?:version|openapi\/.*|api(?:\/v1)?|apis(?:\/[^/]+){0,2})\/?$/;
/** After a step that delivered watch events: give the client this long to react (or exit). */
const REACT_MS = 1000;
/** Parallel drain requests that arrive within this long of each other are served together, in order. */
const HOLD_MS = 60;
/** One real kubectl invocation may take this long before it is interrupted (Ctrl-C). */
const COMMAND_LIMIT_MS = 90_000;

const session = new Session({ seed, ...(version ? { version } : {}) });
const clock = session.cluster.clock;
const handler = new KubeHandler(session, { serverAddress: serverUrl.replace(/^https?:\/\//, '') });
const root = mkdtempSync(join(tmpdir(), 'kubesim-diff-'));
let nextId = 0;

function post(m: ToNet) {
  port.postMessage(m);
}

/** Streams (watches) this thread serves: id → stop. */
const streams = new Map<number, () => void>();

function serveHttp(id: number, req: HttpRequest): boolean {
  const res = handler.handle(req);
  if (res.stream) {
    post({ type: 'httpres', id, res: { status: res.status, headers: res.headers, timeoutMs: res.timeoutMs }, stream: true });
    let watchEvents = false;
    const stop = res.stream.start(
      (chunk) => {
        watchEvents = true;
        activity.watchChunks++;
        post({ type: 'chunk', id, data: chunk });
      },
      () => {
        endedStreams.add(id);
        post({ type: 'end', id });
      },
    );
    streams.set(id, stop);
    return watchEvents;
  }
  post({ type: 'httpres', id, res: { status: res.status, headers: res.headers, body: res.body } });
  return false;
}

const activity = { watchChunks: 0 };
/** Streams the server ended (a followed log whose container stopped). */
const endedStreams = new Set<number>();

/** Go duration (`10s`, `2m`, `1h30m`, `500ms`) in ms; undefined if malformed. */
function goDuration(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  let ms = 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let m: RegExpExecArray | null;
  let seen = '';
  while ((m = re.exec(v))) {
    ms += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    seen += m[0];
  }
  return seen === v ? ms : undefined;
}

/**
 * How much simulated time a waiting command may see: its --timeout (kubectl measures it on the wall
 * clock; the simulator's kubectl in simulated time), `wait`'s default 30s; otherwise no limit.
 */
function limitFor(args: string[]): number {
  const i = args.findIndex((a) => a === '--timeout' || a.startsWith('--timeout='));
  const v = i < 0 ? undefined : args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
  const ms = goDuration(v);
  if (ms !== undefined && ms > 0) return ms;
  if (args.filter((a) => !a.startsWith('-'))[0] === 'wait' && ms === undefined) return 30_000;
  return Infinity;
}

/** Which simulated step a waiting command takes (the simulator's kubectl: delete.ts, rollout.ts, …). */
function stepFor(args: string[]): number {
  const words = args.filter((a) => !a.startsWith('-'));
  const has = (f: string) => args.some((a) => a === f || a.startsWith(`${f}=`));
  const flagValue = (f: string) => {
    const i = args.findIndex((a) => a === f || a.startsWith(`${f}=`));
    if (i < 0) return undefined;
    return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
  };
  switch (words[0]) {
    case 'delete':
      return flagValue('--wait') === 'false' ? 0 : 500;
    case 'rollout':
      return words[1] === 'status' ? 1000 : 0;
    case 'wait':
      return 250;
    case 'drain':
      return 1000;
    case 'scale':
      return has('--timeout') ? 1000 : 0;
    case 'replace':
      return has('--force') ? 1000 : 0;
    case 'run':
      return has('--rm') || has('-i') || has('-it') || has('--attach') || has('--stdin') ? 500 : 0;
    case 'apply':
      return has('--wait') ? 500 : 0;
    default:
      return 0;
  }
}

/** `kubectl logs -f` / `--follow`. */
function isFollow(args: string[]): boolean {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'logs' && args.some((a) => a === '-f' || a === '--follow' || a === '--follow=true');
}

/**
 * `kubectl get` with -w/--watch/--watch-only, or `kubectl logs -f`: the stream's request timeout in ms
 * (0 = none), else undefined.
 */
function watchTimeout(args: string[]): number | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const watching = words[0] === 'get' && args.some((a) => a === '-w' || a === '--watch' || a === '--watch=true' || a === '--watch-only' || a === '--watch-only=true');
  if (!watching && !isFollow(args)) return undefined;
  const i = args.findIndex((a) => a === '--request-timeout' || a.startsWith('--request-timeout='));
  const v = i < 0 ? '0' : args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : (args[i + 1] ?? '0');
  return requestTimeoutMs(v) ?? 0;
}

// ---- files ----------------------------------------------------------------------------------------

const API_SERVER = 'https://172.30.1.2:6443';
const TLS = new URL('./tls/', import.meta.url);
const b64 = (f: string) => Buffer.from(readFileSync(new URL(f, TLS))).toString('base64');
const FIXTURE_CA = b64('ca.crt');
const FIXTURE_CLIENTS = [1, 2, 3, 4, 5, 6].map((i) => ({ cert: b64(`client${i}.crt`), key: b64(`client${i}.key`) }));
/** Placeholder certificate data of the simulated kubeconfigs ↔ the real test certificates standing in for them. */
const toReal = new Map<string, string>();
const toVirtual = new Map<string, string>();

let nextFixture = 0;
let lastFixture = 0;

function mapData(text: string): string {
  for (const [, kind, value] of text.matchAll(/(certificate-authority-data|client-certificate-data|client-key-data): (\S+)/g)) {
    if (kind === 'client-certificate-data' && toReal.has(value)) lastFixture = FIXTURE_CLIENTS.findIndex((c) => c.cert === toReal.get(value));
    if (toReal.has(value)) continue;
    let real: string;
    if (kind === 'certificate-authority-data') real = FIXTURE_CA;
    else if (kind === 'client-certificate-data') {
      lastFixture = nextFixture++ % FIXTURE_CLIENTS.length;
      real = FIXTURE_CLIENTS[lastFixture].cert;
    } else real = FIXTURE_CLIENTS[Math.max(0, lastFixture)].key;
    toReal.set(value, real);
    if (!toVirtual.has(real)) toVirtual.set(real, value);
  }
  return text.replace(/(certificate-authority-data|client-certificate-data|client-key-data): (\S+)/g, (_m, k: string, v: string) => `${k}: ${toReal.get(v) ?? v}`);
}

/** Other API server addresses a scenario points kubectl at (a wrong port): a closed local port. */
const otherServers = new Map<string, string>();

function toRealText(text: string): string {
  let t = text.split(API_SERVER).join(serverUrl);
  t = t.replace(/https:\/\/172\.30\.1\.2:(\d+)/g, (m) => {
    const real = `https://127.0.0.1:${refusedPort}`;
    otherServers.set(real, m);
    return real;
  });
  return mapData(t);
}

function toVirtualText(text: string): string {
  let t = text.split(serverUrl).join(API_SERVER);
  for (const [real, virtual] of otherServers) t = t.split(real).join(virtual);
  return t.replace(/(certificate-authority-data|client-certificate-data|client-key-data): (\S+)/g, (_m, k: string, v: string) => `${k}: ${toVirtual.get(v) ?? v}`);
}

/** What kubectl prints, back in the simulated machine's terms (paths, addresses). */
function unreal(s: string): string {
  let t = s.split(root).join('').split(serverUrl).join(API_SERVER).split(serverUrl.replace(/^https?:\/\//, '')).join('172.30.1.2:6443');
  for (const [real, virtual] of otherServers) t = t.split(real.replace(/^https:\/\//, '')).join(virtual.replace(/^https:\/\//, ''));
  return t;
}

/** Copy a path of the virtual machine to the real scratch tree (files, or directories recursively). */
function materialize(ctx: CommandContext, path: string) {
  const abs = path.startsWith('/') ? path : `${ctx.cwd.replace(/\/$/, '')}/${path}`;
  const fs = ctx.fs;
  // `-f dir/`: the machine's paths have no trailing slash.
  const norm = abs.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  if (fs.isFile(norm)) {
    const dest = join(root, norm);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, fs.read(norm) ?? '');
  } else if (fs.isDir(norm)) {
    for (const f of fs.walk(norm)) if (fs.isFile(f)) materialize(ctx, f);
    mkdirSync(join(root, norm), { recursive: true });
  }
}

/** The kubeconfig kubectl would read on the virtual machine, pointed at the HTTPS server. */
function materializeKubeconfig(ctx: CommandContext, explicit?: string): { env: string; files: { virtual: string; real: string; written: string }[] } {
  const list = explicit ? [explicit] : ctx.env.KUBECONFIG ? ctx.env.KUBECONFIG.split(':').filter(Boolean) : [`${ctx.env.HOME ?? '/root'}/.kube/config`];
  const files = list.map((p) => {
    const virtual = p.startsWith('/') ? p : `${ctx.cwd}/${p}`;
    const real = join(root, virtual);
    mkdirSync(dirname(real), { recursive: true });
    const text = ctx.fs.read(virtual);
    let written = '';
    if (text !== undefined) {
      written = toRealText(text);
      writeFileSync(real, written);
    } else rmSync(real, { force: true });
    return { virtual, real, written };
  });
  return { env: files.map((f) => f.real).join(':'), files };
}

const FILE_FLAGS = new Set(['-f', '--filename', '-k', '--kustomize', '--kubeconfig', '--patch-file', '--env-file']);
/** Flags whose value may be `key=path` (kubectl create configmap/secret --from-file / --from-env-file). */
const KEYED_FILE_FLAGS = new Set(['--from-file', '--from-env-file']);

function rewriteArgs(ctx: CommandContext, args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (FILE_FLAGS.has(a) && i + 1 < args.length) {
      out.push(a, fileArg(ctx, args[++i], a === '--kubeconfig'));
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0 && FILE_FLAGS.has(a.slice(0, eq))) {
      out.push(`${a.slice(0, eq)}=${fileArg(ctx, a.slice(eq + 1), a.startsWith('--kubeconfig='))}`);
      continue;
    }
    const keyed = KEYED_FILE_FLAGS.has(a) ? [a, args[i + 1]] : eq > 0 && KEYED_FILE_FLAGS.has(a.slice(0, eq)) ? [a.slice(0, eq), a.slice(eq + 1)] : undefined;
    if (keyed && keyed[1] !== undefined) {
      const v = keyed[1];
      const k = v.indexOf('=');
      const mapped = k > 0 ? `${v.slice(0, k)}=${fileArg(ctx, v.slice(k + 1))}` : fileArg(ctx, v);
      if (KEYED_FILE_FLAGS.has(a)) {
        out.push(a, mapped);
        i++;
      } else out.push(`${keyed[0]}=${mapped}`);
      continue;
    }
    if (a.startsWith('-f') && a.length > 2 && !a.startsWith('--')) {
      out.push(`-f${fileArg(ctx, a.slice(2))}`);
      continue;
    }
    out.push(a);
  }
  return out;
}

function fileArg(ctx: CommandContext, p: string, kubeconfig = false): string {
  if (p === '-' || /^https?:\/\//.test(p)) return p;
  if (!kubeconfig) materialize(ctx, p);
  return p.startsWith('/') ? join(root, p) : p;
}

/** --kubeconfig FILE given on the command line (materialized like the default one). */
function explicitKubeconfig(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--kubeconfig') return args[i + 1];
    if (args[i].startsWith('--kubeconfig=')) return args[i].slice('--kubeconfig='.length);
  }
  return undefined;
}

// ---- running kubectl --------------------------------------------------------------------------------

function realKubectl(ctx: CommandContext): number {
  const id = ++nextId;
  const explicit = explicitKubeconfig(ctx.args);
  const kc = materializeKubeconfig(ctx, explicit);
  const args = rewriteArgs(ctx, ctx.args.map((a) => a));
  const cwd = join(root, ctx.cwd);
  mkdirSync(cwd, { recursive: true });
  const env: Record<string, string> = { KUBECONFIG: kc.env, HOME: join(root, ctx.env.HOME ?? '/root') };
  for (const k of ['KUBE_EDITOR', 'EDITOR', 'KUBECTL_EXTERNAL_DIFF']) if (ctx.env[k] !== undefined) env[k] = ctx.env[k];
  // No editor chosen: kubectl would start vi, which the simulated machine's terminal refuses; make the
  // real one fail at once instead of waiting for a terminal.
  if (env.KUBE_EDITOR === undefined && env.EDITOR === undefined) env.EDITOR = 'false';
  const step = stepFor(ctx.args);
  const limit = limitFor(ctx.args);
  const isDrain = ctx.args.filter((a) => !a.startsWith('-'))[0] === 'drain';
  const watch = watchTimeout(ctx.args);
  // A followed log ends when the server ends it (the container stopped): no Ctrl+C then.
  const follow = isFollow(ctx.args);
  let watchFollowed = false;
  let watchInterrupted = false;
  const held: Extract<FromNet, { type: 'http' }>[] = [];
  let advanced = 0;
  post({ type: 'spawn', id, args, stdin: ctx.stdin, env, cwd, up: session.cluster.server.up });
  const started = performance.now();
  let lastActivity = performance.now();
  let requestsSinceStep = 0;
  // A polling client (drain) needs time after its last request to finish and exit before time moves.
  const requestQuiet = isDrain ? 4 * QUIET_MS : QUIET_MS;
  let quiet = requestQuiet;
  let done: Extract<FromNet, { type: 'done' }> | undefined;
  let interrupted = false;
  while (!done) {
    const seen = Atomics.load(signal, 0);
    let msg = receiveMessageOnPort(port);
    if (!msg) {
      Atomics.wait(signal, 0, seen, Math.max(0, Math.min(25, quiet - (performance.now() - lastActivity))));
      msg = receiveMessageOnPort(port);
    }
    while (msg) {
      const m = msg.message as FromNet;
      if (m.type === 'http') {
        // Discovery (and openapi, version) is kubectl starting up, not acting on what it waits for:
        // on a loaded machine its start can be slow enough that counting it let time pass before
        // the first read of the object (rollout status then saw the rollout already done).
        if (!DISCOVERY.test(m.req.path)) requestsSinceStep++;
        // kubectl drain evicts (or deletes) its pods from parallel goroutines, so they arrive in any
        // order; the simulator's drain goes down the pod list. Requests that arrive together are
        // served in that order, so controllers see the same sequence (and draw the same names).
        if (isDrain && /\/pods\/[^/]+(\/eviction)?$/.test(m.req.path) && (m.req.method === 'POST' || m.req.method === 'DELETE')) held.push(m);
        else serveHttp(m.id, m.req);
        lastActivity = performance.now();
        quiet = requestQuiet;
      } else if (m.type === 'exec') {
        const r = handler.exec(m.req, m.stdin);
        post({ type: 'execres', id: m.id, out: r });
        lastActivity = performance.now();
      } else if (m.type === 'cancel') {
        streams.get(m.id)?.();
        streams.delete(m.id);
      } else if (m.type === 'done' && m.id === id) done = m;
      msg = receiveMessageOnPort(port);
    }
    if (held.length && performance.now() - lastActivity >= HOLD_MS) {
      held.sort((a, b) => (a.req.path < b.req.path ? -1 : a.req.path > b.req.path ? 1 : 0));
      for (const h of held.splice(0)) serveHttp(h.id, h.req);
      lastActivity = performance.now();
    }
    if (done) break;
    const now = performance.now();
    if (!interrupted && now - started > COMMAND_LIMIT_MS) {
      interrupted = true;
      post({ type: 'kill', id });
    }
    if (watch !== undefined && !watchFollowed && streams.size > 0 && now - lastActivity >= QUIET_MS) {
      watchFollowed = true;
      const { interrupted: byCtrlC } = followWatch(
        watch,
        (ms) => {
          const before = activity.watchChunks;
          clock.advance(ms);
          return activity.watchChunks - before;
        },
        follow ? () => streams.size > 0 && [...streams.keys()].every((sid) => endedStreams.has(sid)) : undefined,
      );
      if (byCtrlC) {
        // Let it print what it got, then Ctrl+C (real kubectl exits 1 on SIGINT).
        const until = performance.now() + REACT_MS;
        while (performance.now() < until) Atomics.wait(signal, 0, Atomics.load(signal, 0), 25);
        watchInterrupted = true;
        post({ type: 'interrupt', id });
      } else {
        for (const [sid, stop] of streams) {
          stop();
          post({ type: 'end', id: sid });
        }
        streams.clear();
      }
      lastActivity = performance.now();
      continue;
    }
    if (step > 0 && !held.length && advanced < limit && now - lastActivity >= quiet && (requestsSinceStep > 0 || streams.size > 0)) {
      const before = activity.watchChunks;
      const ms = Math.min(step, limit - advanced);
      clock.advance(ms);
      advanced += ms;
      requestsSinceStep = 0;
      lastActivity = performance.now();
      // Events delivered: give the client time to react. None: nothing changed for it, go on at once.
      quiet = activity.watchChunks > before ? REACT_MS : streams.size > 0 ? 0 : requestQuiet;
    }
  }
  // Streams of a finished process are over.
  for (const stop of streams.values()) stop();
  streams.clear();
  // kubectl config … may have written the kubeconfig: carry it back to the virtual machine.
  for (const f of kc.files) {
    if (!existsSync(f.real)) continue;
    const now = readFileSync(f.real, 'utf8');
    if (now !== f.written) ctx.fs.write(f.virtual, toVirtualText(now));
  }
  for (const c of done.chunks) (c.stream === 'stdout' ? ctx.out : ctx.err)(unreal(c.text));
  if (interrupted || watchInterrupted) ctx.err('^C\n');
  return done.code;
}

/** The scenario script, or a note page's blocks run top to bottom as the page runtime runs them. */
const play = (s: Session) => (page ? playPage(s, page) : Session.format(s.run(script)));

session.shell.register('kubectl', (ctx) => realKubectl(ctx));
const transcript = play(session);
rmSync(root, { recursive: true, force: true });
// The simulator's own transcript, from the same loaded code (a file edited meanwhile cannot split them).
const own = play(new Session({ seed, ...(version ? { version } : {}) }));
post({ type: 'finished', transcript, own });
