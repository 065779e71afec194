/**
 * The shape every controller shares (k8s.io/client-go/util/workqueue + informers): watch events
 * enqueue object keys; the queue is drained as a clock task, one sync per key, deduplicated.
 */
import type { KubeObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';
import type { Client } from '../apiserver/client.ts';
import type { EventRecorder } from '../apiserver/events.ts';
import type { ApiServer, WatchEvent } from '../apiserver/server.ts';
import type { Clock } from '../clock/clock.ts';

export interface ControllerContext {
  server: ApiServer;
  client: Client;
  clock: Clock;
  recorder: EventRecorder;
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

  resume(): void {
    this.running = true;
    if (this.queue.size && !this.scheduled) {
      this.scheduled = true;
      this.ctx.clock.soon(() => this.drain());
    }
  }

  private drain() {
    this.scheduled = false;
    if (!this.running) return;
    const keys = [...this.queue];
    this.queue.clear();
    for (const k of keys) this.sync(k);
  }
}
