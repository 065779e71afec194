/**
 * The HTTP shape `kubesim serve` works in, independent of node:http: a request with its path, query,
 * headers and body text; a response that is either complete or a stream of chunks (watch). The Node
 * adapter (./node.ts) and the differential harness (test/differential) both drive the same handler.
 */

export interface HttpRequest {
  method: string;
  /** Path without the query string, e.g. /api/v1/namespaces/default/pods. */
  path: string;
  /** Query parameters; repeated keys (exec `command`) keep every value in order. */
  query: Record<string, string[]>;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: string;
  /** The body as bytes (protobuf request bodies). */
  bodyBytes?: Uint8Array;
}

/** A long-running response body (watch): `start` begins sending chunks; it returns a stop function. */
export interface HttpStream {
  start(send: (chunk: string) => void, end: () => void): () => void;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  stream?: HttpStream;
  /** For streams: end the response after this long (watch `timeoutSeconds`). */
  timeoutMs?: number;
}

/** What an exec over the streaming protocol produces (channels 1, 2 and the status on channel 3). */
export interface ExecResult {
  stdout: string;
  stderr: string;
  /** metav1.Status JSON for the error channel. */
  status: unknown;
}

export function first(q: Record<string, string[]>, k: string): string | undefined {
  return q[k]?.[0];
}

export function parseQuery(search: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const s = search.startsWith('?') ? search.slice(1) : search;
  if (!s) return out;
  for (const part of s.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const v = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    (out[k] ??= []).push(v);
  }
  return out;
}

/** One media range of an Accept header: `application/json;as=Table;v=v1;g=meta.k8s.io`. */
export interface MediaType {
  type: string;
  params: Record<string, string>;
}

export function parseAccept(header: string | undefined): MediaType[] {
  if (!header) return [];
  return header.split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    const p: Record<string, string> = {};
    for (const kv of params) {
      const eq = kv.indexOf('=');
      if (eq > 0) p[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
    }
    return { type: type.toLowerCase(), params: p };
  });
}
