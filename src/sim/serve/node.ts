/**
 * The Node.js side of `kubesim serve`: node:http on 127.0.0.1, request bodies in, responses out
 * (chunked for watch streams, with their timeoutSeconds), WebSocket upgrades for pods/exec, and the
 * SPDY fallback kubectl tries after a failed WebSocket upgrade answered with the same Status.
 * The handler behind it may answer synchronously (KubeHandler) or asynchronously (the differential
 * harness relays requests to the thread that owns the simulated cluster).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTLSServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { parseQuery, type ExecResult, type HttpRequest, type HttpResponse } from './types.ts';
import { channelMessage, closeFrame, ERROR, PROTOCOLS, StdinCollector, STDERR, STDOUT } from './websocket.ts';

export type ExecOutcome = { ok: true; result: ExecResult } | { ok: false; response: HttpResponse };

export interface Backend {
  handle(req: HttpRequest): HttpResponse | Promise<HttpResponse>;
  exec(req: HttpRequest, stdin: string | undefined): ExecOutcome | Promise<ExecOutcome>;
  /**
   * Resolves once the client has written `text` to its own stdout or stderr. A test harness that
   * watches the client process uses it to order the streams exactly; without it a short pause does.
   */
  delivered?(text: string, stream: 'stdout' | 'stderr'): Promise<void>;
}

export interface ListenOptions {
  port: number;
  host?: string;
  /** Serve HTTPS with this key pair (PEM). */
  tls?: { key: string; cert: string };
  /** Called for each request (logging). */
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toRequest(req: IncomingMessage, bytes: Buffer): HttpRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return { method: req.method ?? 'GET', path: decodeURIComponent(q < 0 ? url : url.slice(0, q)), query: parseQuery(q < 0 ? '' : url.slice(q + 1)), headers, body: bytes.toString('utf8'), bodyBytes: new Uint8Array(bytes) };
}

function send(res: ServerResponse, r: HttpResponse, openStreams: Set<() => void>) {
  const headers: Record<string, string> = { ...r.headers, 'cache-control': 'no-cache, private' };
  if (r.stream) {
    delete headers['transfer-encoding'];
    res.writeHead(r.status, headers);
    res.flushHeaders();
    let ended = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      if (ended) return;
      ended = true;
      if (timer) clearTimeout(timer);
      stop();
      openStreams.delete(finish);
      res.end();
    };
    const stop = r.stream.start(
      (chunk) => {
        if (!ended) res.write(chunk);
      },
      finish,
    );
    openStreams.add(finish);
    if (r.timeoutMs) timer = setTimeout(finish, r.timeoutMs);
    res.on('close', finish);
    return;
  }
  const body = r.body ?? '';
  headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  res.writeHead(r.status, headers);
  res.end(typeof body === 'string' ? body : Buffer.from(body));
}

function rawResponse(socket: Duplex, r: HttpResponse) {
  const body = typeof r.body === 'string' ? Buffer.from(r.body) : Buffer.from(r.body ?? '');
  const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[r.status] ?? 'Error';
  const headers = { ...r.headers, 'content-length': String(body.length), connection: 'close' };
  socket.end(`HTTP/1.1 ${r.status} ${reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n` + body.toString('utf8'));
}

function isKubeletFailure(r: HttpResponse): boolean {
  try {
    return r.status >= 500 && (JSON.parse(String(r.body)) as { reason?: string }).reason === 'InternalError';
  } catch {
    return false;
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * stdout, stderr, then the status. The model hands back each stream whole; kubectl copies the two
 * channels in two goroutines, so the next one is sent only after the previous one got through (a
 * short pause, or the backend's word that the client wrote it) — a terminal shows them in order.
 */
async function writeResult(backend: Backend, socket: Duplex, result: ExecResult, tty: boolean) {
  const through = (text: string, stream: 'stdout' | 'stderr') => backend.delivered?.(text, stream) ?? pause(30);
  if (result.stdout) socket.write(channelMessage(STDOUT, result.stdout));
  if (result.stdout && result.stderr) await through(result.stdout, 'stdout');
  if (result.stderr) socket.write(channelMessage(tty ? STDOUT : STDERR, result.stderr));
  if (result.stderr) await through(result.stderr, tty ? 'stdout' : 'stderr');
  else if (result.stdout) await through(result.stdout, 'stdout');
  socket.write(channelMessage(ERROR, JSON.stringify(result.status)));
  socket.write(closeFrame());
  socket.end();
}

/** How long a stream's first message waits after the upgrade (see upgrade()). */
const STREAM_SETUP_MS = 30;

/** Exec requests refused before the upgrade, by URL (kubectl retries them over SPDY). */
const refusedExecs = new Map<string, HttpResponse>();

/** kube-apiserver's answer to an exec stream: 101 + channels, or the Status before upgrading. */
async function upgrade(backend: Backend, req: IncomingMessage, socket: Duplex, head: Buffer) {
  const r = toRequest(req, Buffer.alloc(0));
  const isWebSocket = (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
  const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  const protocol = PROTOCOLS.find((p) => offered.includes(p));
  if (!isWebSocket || !protocol) {
    // SPDY/3.1 is not spoken. kubectl falls back to it only after a WebSocket upgrade was refused with a
    // Status; answer the same Status again (without running anything twice).
    const refused = refusedExecs.get(req.url ?? '');
    rawResponse(socket, refused ?? { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'kubesim serve speaks the WebSocket streaming protocol (v5.channel.k8s.io) only', reason: 'BadRequest', code: 400 }) });
    return;
  }
  const wantsStdin = ['1', 'true'].includes(r.query.stdin?.[0] ?? '');
  const accept = createHash('sha1').update(String(req.headers['sec-websocket-key'] ?? '') + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  const run = async (stdin: string | undefined) => {
    const out = await backend.exec(r, stdin);
    if (!out.ok) {
      const body = typeof out.response.body === 'string' ? out.response.body : '';
      socket.write(channelMessage(ERROR, body));
      socket.write(closeFrame());
      socket.end();
    } else await writeResult(backend, socket, out.result, ['1', 'true'].includes(r.query.tty?.[0] ?? ''));
  };
  if (!wantsStdin) {
    // Validate before upgrading: a bad container or pod is an HTTP error (kubectl prints the Status).
    const out = await backend.exec(r, undefined);
    // Refused by the API server itself (validation, no route to the kubelet): an HTTP error before the
    // upgrade. Failures inside the kubelet (reason InternalError) come on the error channel after it.
    if (!out.ok && !isKubeletFailure(out.response)) {
      refusedExecs.set(req.url ?? '', out.response);
      if (refusedExecs.size > 100) refusedExecs.delete(refusedExecs.keys().next().value!);
      rawResponse(socket, out.response);
      return;
    }
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`);
    // client-go as kubectl v1.33 has it starts reading the connection before it has created its stdout/stderr streams
    // and drops a message for a stream it does not know yet ("Unknown stream id 1, discarding message");
    // a real process takes a moment to write, so give the client that moment.
    await new Promise((done) => setTimeout(done, STREAM_SETUP_MS));
    if (!out.ok) {
      // The API server upgraded and proxied to the kubelet, which failed: the Status comes on the error channel.
      socket.write(channelMessage(ERROR, typeof out.response.body === 'string' ? out.response.body : ''));
      socket.write(closeFrame());
      socket.end();
      return;
    }
    await writeResult(backend, socket, out.result, ['1', 'true'].includes(r.query.tty?.[0] ?? ''));
    return;
  }
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`);
  const collector = new StdinCollector();
  let started = false;
  const maybeRun = () => {
    for (const reply of collector.replies.splice(0)) socket.write(reply);
    if (!collector.done || started) return;
    started = true;
    void run(collector.text());
  };
  if (head.length) collector.feed(new Uint8Array(head));
  socket.on('data', (d: Buffer) => {
    collector.feed(new Uint8Array(d));
    maybeRun();
  });
  socket.on('end', () => {
    collector.done = true;
    maybeRun();
  });
  socket.on('error', () => {});
  maybeRun();
}

export function listen(backend: Backend, opts: ListenOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const openStreams = new Set<() => void>();
  const sockets = new Set<Duplex>();
  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readBody(req);
      const r = toRequest(req, body);
      const out = await backend.handle(r);
      opts.log?.(`${r.method} ${req.url} ${out.status}`);
      send(res, out, openStreams);
    } catch (e) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(e instanceof Error ? e.message : e), reason: 'InternalError', code: 500 }));
      } else res.end();
    }
  };
  const server: Server = opts.tls ? createTLSServer({ key: opts.tls.key, cert: opts.tls.cert }, onRequest) : createServer(onRequest);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    opts.log?.(`${req.method} ${req.url} upgrade ${req.headers.upgrade}`);
    upgrade(backend, req, socket, head).catch(() => socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        server,
        port,
        url: `${opts.tls ? 'https' : 'http'}://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const f of [...openStreams]) f();
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(opts.port, host);
  });
}
