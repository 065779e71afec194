/**
 * Namespace controller (pkg/controller/namespace): a namespace being deleted (phase Terminating) has its
 * content deleted; when nothing is left, the `kubernetes` finalizer is removed and the namespace goes.
 */
import { RESOURCES } from '../api/resources.ts';
import { res } from '../apiserver/client.ts';
import { Controller, keyOf, type ControllerContext } from './controller.ts';

export class NamespaceController extends Controller {
  readonly name = 'namespace';
  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(res('namespaces'), (ev) => {
      if (ev.object.metadata.deletionTimestamp) this.enqueue(keyOf(ev.object));
    });
  }

  protected sync(name: string): void {
    const { client, server } = this.ctx;
    const ns = client.get(res('namespaces'), undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const info of RESOURCES) {
      if (!info.namespaced || !info.verbs.includes('delete')) continue;
      for (const o of client.list(info, name)) {
        remaining++;
        if (!o.metadata.deletionTimestamp) client.delete(info, name, o.metadata.name!);
      }
    }
    if (remaining) {
      // Pods take their grace period to go; look again shortly, as the controller re-queues.
      this.enqueueAfter(name, 1000);
      return;
    }
    const left = RESOURCES.some((info) => info.namespaced && client.list(info, name).length);
    if (left) {
      this.enqueueAfter(name, 1000);
      return;
    }
    server.finalizeNamespace(name);
  }
}
