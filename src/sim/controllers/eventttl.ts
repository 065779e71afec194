/**
 * Event expiry: kube-apiserver stores events with a TTL (--event-ttl, default 1h), so old events
 * disappear from `kubectl get events` and `describe`. Modelled as a sweep every minute.
 */
import { res } from '../apiserver/client.ts';
import { Controller, type ControllerContext } from './controller.ts';

export const EVENT_TTL_MS = 60 * 60_000;

export class EventTTL extends Controller {
  readonly name = 'event-ttl';
  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    const tick = () => {
      this.enqueue('sweep');
      this.ctx.clock.after(60_000, tick);
    };
    this.ctx.clock.after(60_000, tick);
  }

  protected sync(): void {
    const { server, clock } = this.ctx;
    const info = res('events');
    const cutoff = clock.now() - EVENT_TTL_MS;
    for (const e of server.list(info, undefined)) {
      const last = Date.parse(String(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? ''));
      if (last && last < cutoff) server.deleteObject(info, e);
    }
  }
}
