/**
 * The page's end of a simulator worker's request/reply channel, shared by the note pages' cluster
 * (lab.ts) and the lab and exam pages' (labs/client.ts): each request gets an id and a deadline, a
 * reply settles its request, and a worker that misses a deadline or dies is reported to the owner,
 * who decides what follows (rebuild from the log, or wait for the next request).
 */

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: number;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface RpcOptions<Req extends { type: string }, Ev> {
  /** How long a request of this type may take before the worker counts as stuck (ms). */
  deadline(type: Req['type']): number;
  /** The worker missed a deadline ('timeout') or died (its error message). */
  stuck(why: string): void;
  /** A message from the worker that is not a reply (a pushed view, progress of a long request). */
  event?(m: Ev): void;
}

export class WorkerRpc<Req extends { type: string }, Rep extends Record<Req['type'], unknown>, Ev extends { type: string } = never> {
  worker: Worker | null = null;
  /** The id the next request will carry. */
  nextId = 1;
  private pending = new Map<number, Pending>();
  private opts: RpcOptions<Req, Ev>;

  constructor(opts: RpcOptions<Req, Ev>) {
    this.opts = opts;
  }

  /** Talks to `w` from now on. */
  attach(w: Worker): void {
    w.onmessage = (ev: MessageEvent<Reply | Ev>) => this.receive(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      this.opts.stuck(ev.message || 'worker error');
    };
    this.worker = w;
  }

  private receive(m: Reply | Ev) {
    if ('type' in m) {
      this.opts.event?.(m);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }

  private arm(id: number, ms: number): number {
    return window.setTimeout(() => this.pending.has(id) && this.opts.stuck('timeout'), ms);
  }

  send<T extends Req['type']>(req: Extract<Req, { type: T }>): Promise<Rep[T]> {
    const w = this.worker;
    if (!w) return Promise.reject(new Error('not started'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer: this.arm(id, this.opts.deadline(req.type)) });
      w.postMessage({ ...req, id });
    });
  }

  /** A message that wants no answer (a cancel); nothing if no worker runs. */
  post(req: Req): void {
    this.worker?.postMessage({ ...req, id: this.nextId++ });
  }

  /** The worker is still working on request `id` (it reported progress): its deadline starts over. */
  extend(id: number, ms: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    p.timer = this.arm(id, ms);
  }

  /** Ends the worker; what is still in flight is rejected with `e`. */
  drop(e: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const inFlight = [...this.pending.values()];
    this.pending.clear();
    for (const p of inFlight) {
      clearTimeout(p.timer);
      p.reject(e);
    }
  }
}

/**
 * Runs each function after the ones before it have settled, so the log of operations is in the order
 * the worker ran them; a failure does not stop the ones after it.
 */
export function inOrder(): <T>(fn: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
}
