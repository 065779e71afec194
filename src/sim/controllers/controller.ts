/**
 * The shape every controller shares (k8s.io/client-go/util/workqueue + informers): watch events
 * enqueue object keys; the queue is drained as a clock task, one sync per key, deduplicated.
 */
import type { KubeObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';
import type { Client } from '../apiserver/client.ts';
import type { EventRecorder } from '../apiserver/events.ts';
import type { ApiServer, WatchEvent } from '../apiserver/server.ts';
import type { Clock, TimerHandle } from '../clock/clock.ts';
import { ApiError } from '../apiserver/errors.ts';

export interface ControllerContext {
  server: ApiServer;
  client: Client;
  clock: Clock;
  recorder: EventRecorder;
  /** kube-controller-manager's client rate limit, shared by its controllers (may be absent in tests). */
  limiter?: RateLimiter;
}

/**
 * client-go's token bucket (flowcontrol.NewTokenBucketRateLimiter) on simulated time.
 * kube-controller-manager defaults: --kube-api-qps=20, --kube-api-burst=30 — which is why a
 * 1,000-replica Deployment takes tens of seconds to create its pods on a real cluster.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  readonly qps: number;
  readonly burst: number;
  private clock: Clock;

  constructor(clock: Clock, qps = 20, burst = 30) {
    this.clock = clock;
    this.qps = qps;
    this.burst = burst;
    this.tokens = burst;
    this.last = clock.now();
  }

  private refill() {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.qps) / 1000);
    this.last = now;
  }

  /** Take a token if one is available now. */
  tryAccept(): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Milliseconds until the next token. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.qps);
  }
}

export function keyOf(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!;
}

export function splitKey(key: string): [ns: string | undefined, name: string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

export abstract class Controller {
  abstract readonly name: string;
  protected ctx: ControllerContext;
  private queue = new Set<string>();
  private scheduled = false;
  /** When false (kube-controller-manager down) keys pile up and are synced when it comes back. */
  running = true;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }

  /** Subscribe to the resources this controller cares about. */
  abstract start(): void;
  protected abstract sync(key: string): void;

  /** An informer: the initial list (as ADDED events), then every change. */
  protected watch(info: ResourceInfo | undefined, fn: (ev: WatchEvent) => void) {
    this.ctx.server.watch(info, (ev) => fn(ev));
    if (info) {
      for (const object of this.ctx.server.list(info, undefined)) this.ctx.clock.soon(() => fn({ type: 'ADDED', info, object }));
    }
  }

  enqueue(key: string): void {
    this.queue.add(key);
    if (!this.scheduled && this.running) {
      this.scheduled = true;
      this.ctx.clock.soon(() => this.drain());
    }
  }

  enqueueAfter(key: string, ms: number): void {
    this.ctx.clock.after(ms, () => this.enqueue(key));
  }

  /** Wake-ups kept by requeueAfter: when each key is due back, and its timer. */
  private wakeUps = new Map<string, { at: number; handle: TimerHandle }>();

  /**
   * The delaying queue's AddAfter: one wake-up per key, the earliest asked for (a later request
   * while an earlier one waits changes nothing; an earlier one replaces it).
   */
  protected requeueAfter(key: string, delay: number): void {
    const { clock } = this.ctx;
    const at = clock.now() + Math.max(0, delay);
    const cur = this.wakeUps.get(key);
    if (cur && cur.at <= at) return;
    cur?.handle.cancel();
    const handle = clock.after(Math.max(0, delay), () => {
      this.wakeUps.delete(key);
      this.enqueue(key);
    });
    this.wakeUps.set(key, { at, handle });
  }

  resume(): void {
    this.running = true;
    if (this.queue.size && !this.scheduled) {
      this.scheduled = true;
      this.ctx.clock.soon(() => this.drain());
    }
  }

  /** Failed syncs per key (workqueue NumRequeues), for the retry back-off. */
  private syncFailures = new Map<string, number>();

  private drain() {
    this.scheduled = false;
    if (!this.running) return;
    const keys = [...this.queue];
    this.queue.clear();
    for (const k of keys) {
      try {
        this.sync(k);
        // queue.Forget, unless the sync asked for a retry itself.
        if (!this.retrying.delete(k)) this.syncFailures.delete(k);
      } catch (e) {
        // A write the API server refused (quota, validation, conflict): the sync returns its error
        // and the key comes back later — the controller, and the simulation, go on.
        if (!(e instanceof ApiError)) throw e;
        this.retry(k);
        this.retrying.delete(k);
      }
    }
  }

  /** Keys whose sync in this drain called retry(). */
  private retrying = new Set<string>();

  /** AddRateLimited: the key comes back after 5 ms, doubling with each failure in a row, at most 1000 s. */
  protected retry(key: string): void {
    const n = this.syncFailures.get(key) ?? 0;
    this.syncFailures.set(key, n + 1);
    this.retrying.add(key);
    this.enqueueAfter(key, Math.min(5 * 2 ** n, 1_000_000));
  }
}
