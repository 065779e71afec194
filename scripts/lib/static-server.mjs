// A tiny static file server for the built site (dist/), used by the e2e tests, screenshots and
// bench. It behaves like the static hosts the site targets: "/x/" serves x/index.html, "/x" redirects
// to "/x/" when x is a folder, unknown paths get 404.html with status 404.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/**
 * Maps a request path to a file under root, or null when it would leave root or is malformed.
 * @param {string} root absolute folder
 * @param {string} urlPath the path part of the request URL, still percent-encoded
 * @returns {string | null}
 */
export function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

/**
 * Starts serving `root` on a free port of 127.0.0.1 (or the given one).
 * @param {string} root
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ origin: string, port: number, close: () => Promise<void> }>}
 */
export async function serve(root, { port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    const send = (/** @type {number} */ status, /** @type {string | Buffer} */ body, type = MIME['.txt'], extra = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', undefined, { allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://x');
    let file = resolvePath(root, url.pathname);
    if (!file) return send(400, 'bad path');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!url.pathname.endsWith('/')) return send(301, '', undefined, { location: url.pathname + '/' + url.search });
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const type = /** @type {Record<string, string>} */ (MIME)[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, await readFile(file), type);
    } catch {
      try {
        return send(404, await readFile(join(root, '404.html')), MIME['.html']);
      } catch {
        return send(404, 'not found');
      }
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://${host}:${actual}`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
