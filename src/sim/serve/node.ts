/**
 * The Node.js side of `kubesim serve`: node:http on 127.0.0.1, request bodies in, responses out
 * (chunked for watch streams, with their timeoutSeconds), WebSocket upgrades for pods/exec, and the
 * SPDY fallback kubectl tries after a failed WebSocket upgrade answered with the same Status.
 * The handler behind it may answer synchronously (KubeHandler) or asynchronously (the differential
 * harness relays requests to the thread that owns the simulated cluster).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseQuery, type ExecResult, type HttpRequest, type HttpResponse } from './types.ts';
import { channelMessage, closeFrame, ERROR, PROTOCOLS, StdinCollector, STDERR, STDOUT } from './websocket.ts';

export type ExecOutcome = { ok: true; result: ExecResult } | { ok: false; response: HttpResponse };

export interface Backend {
  handle(req: HttpRequest): HttpResponse | Promise<HttpResponse>;
  exec(req: HttpRequest, stdin: string | undefined): ExecOutcome | Promise<ExecOutcome>;
}

export interface ListenOptions {
  port: number;
  host?: string;
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

/** kube-apiserver's answer to an exec stream: 101 + channels, or the Status before upgrading. */
async function upgrade(backend: Backend, req: IncomingMessage, socket: Duplex, head: Buffer) {
  const r = toRequest(req, Buffer.alloc(0));
  const isWebSocket = (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
  const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  const protocol = PROTOCOLS.find((p) => offered.includes(p));
  if (!isWebSocket || !protocol) {
    // SPDY/3.1 (kubectl's fallback) is not spoken: answer with the validation error if there is one.
    const out = await backend.exec(r, undefined);
    rawResponse(socket, out.ok ? { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'kubesim serve speaks the WebSocket streaming protocol (v5.channel.k8s.io) only', reason: 'BadRequest', code: 400 }) } : out.response);
    return;
  }
  const wantsStdin = ['1', 'true'].includes(r.query.stdin?.[0] ?? '');
  const accept = createHash('sha1').update(String(req.headers['sec-websocket-key'] ?? '') + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  const run = async (stdin: string | undefined) => {
    const out = await backend.exec(r, stdin);
    if (!out.ok) {
      const body = typeof out.response.body === 'string' ? out.response.body : '';
      socket.write(channelMessage(ERROR, body));
    } else {
      const tty = ['1', 'true'].includes(r.query.tty?.[0] ?? '');
      if (out.result.stdout) socket.write(channelMessage(STDOUT, out.result.stdout));
      if (out.result.stderr) socket.write(channelMessage(tty ? STDOUT : STDERR, out.result.stderr));
      socket.write(channelMessage(ERROR, JSON.stringify(out.result.status)));
    }
    socket.write(closeFrame());
    socket.end();
  };
  if (!wantsStdin) {
    // Validate before upgrading: a bad container or pod is an HTTP error (kubectl prints the Status).
    const out = await backend.exec(r, undefined);
    if (!out.ok) {
      rawResponse(socket, out.response);
      return;
    }
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`);
    const tty = ['1', 'true'].includes(r.query.tty?.[0] ?? '');
    if (out.result.stdout) socket.write(channelMessage(STDOUT, out.result.stdout));
    if (out.result.stderr) socket.write(channelMessage(tty ? STDOUT : STDERR, out.result.stderr));
    socket.write(channelMessage(ERROR, JSON.stringify(out.result.status)));
    socket.write(closeFrame());
    socket.end();
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
  const server = createServer(async (req, res) => {
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
  });
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
        url: `http://${host}:${port}`,
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
