/**
 * ResourceQuota controller (pkg/controller/resourcequota): keeps status.hard and status.used of every
 * quota in step with what its namespace holds.
 */
import { res } from '../apiserver/client.ts';
import { namespaceUsage } from '../apiserver/admission/resourcequota.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';

export class ResourceQuotaController extends Controller {
  readonly name = 'resourcequota';
  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(res('resourcequotas'), (ev) => {
      if (ev.type !== 'DELETED') this.enqueue(keyOf(ev.object));
    });
    this.watch(undefined, (ev) => {
      if (!ev.object.metadata.namespace || ev.info.resource === 'resourcequotas' || ev.info.resource === 'events' || ev.info.resource === 'leases') return;
      for (const q of this.ctx.client.list(res('resourcequotas'), ev.object.metadata.namespace)) this.enqueue(keyOf(q));
    });
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client, server } = this.ctx;
    const q = client.get(res('resourcequotas'), ns, name);
    if (!q) return;
    const hard = ((q.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) as Record<string, string>;
    const used = namespaceUsage(server, ns!, Object.keys(hard));
    const status = { hard: { ...hard }, used: Object.fromEntries([...used].map(([k, v]) => [k, v.toString()])) };
    client.mutate(res('resourcequotas'), ns, name, (o) => {
      if (JSON.stringify(o.status) === JSON.stringify(status)) return false;
      o.status = status;
    }, true);
  }
}
