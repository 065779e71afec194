/**
 * Garbage collector (pkg/controller/garbagecollector): dependents whose owners are gone are deleted
 * (background cascade); `foregroundDeletion` and `orphan` finalizers are honoured.
 */
import { RESOURCES, type ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/object.ts';
import { Controller, type ControllerContext } from './controller.ts';

export class GarbageCollector extends Controller {
  readonly name = 'garbagecollector';
  private byUid = new Map<string, { info: ResourceInfo; ns?: string; name: string }>();

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(undefined, (ev) => {
      // Events are not in the dependency graph (the garbage collector's ignoredResources).
      if (ev.info.resource === 'events') return;
      const o = ev.object;
      if (ev.type === 'DELETED') {
        this.byUid.delete(o.metadata.uid!);
        this.enqueue(`owner:${o.metadata.uid}`);
      } else {
        this.byUid.set(o.metadata.uid!, { info: ev.info, ns: o.metadata.namespace, name: o.metadata.name! });
        if (o.metadata.ownerReferences?.length) this.enqueue(`dep:${o.metadata.uid}`);
        if (o.metadata.deletionTimestamp && o.metadata.finalizers?.some((f) => f === 'foregroundDeletion' || f === 'orphan')) this.enqueue(`owner:${o.metadata.uid}`);
      }
    });
  }

  private dependentsOf(uid: string): { info: ResourceInfo; obj: KubeObject }[] {
    const out: { info: ResourceInfo; obj: KubeObject }[] = [];
    for (const info of RESOURCES) {
      if (info.resource === 'events' || info.resource === 'bindings') continue;
      for (const o of this.ctx.client.list(info)) if (o.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push({ info, obj: o });
    }
    return out;
  }

  protected sync(key: string): void {
    const { client, server } = this.ctx;
    const [kind, uid] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'dep') {
      const where = this.byUid.get(uid);
      if (!where) return;
      const o = client.get(where.info, where.ns, where.name);
      if (!o || o.metadata.deletionTimestamp) return;
      const refs = o.metadata.ownerReferences ?? [];
      // Deleted only when every owner is gone (attemptToDeleteItem: "solid" owners keep it).
      if (refs.length && refs.every((r) => !this.byUid.has(r.uid))) client.delete(where.info, where.ns, where.name, { propagationPolicy: 'Background' });
      return;
    }
    // An owner went away, or is being deleted in foreground/orphan mode.
    const owner = this.byUid.get(uid);
    const ownerObj = owner ? client.get(owner.info, owner.ns, owner.name) : undefined;
    const deps = this.dependentsOf(uid);
    if (!ownerObj) {
      for (const d of deps) this.enqueue(`dep:${d.obj.metadata.uid}`);
      return;
    }
    const fins = ownerObj.metadata.finalizers ?? [];
    if (fins.includes('orphan')) {
      for (const d of deps) {
        client.mutate(d.info, d.obj.metadata.namespace, d.obj.metadata.name!, (o) => {
          o.metadata.ownerReferences = o.metadata.ownerReferences?.filter((r) => r.uid !== uid);
          if (!o.metadata.ownerReferences?.length) delete o.metadata.ownerReferences;
        });
      }
      this.removeFinalizer(owner!.info, ownerObj, 'orphan');
    } else if (fins.includes('foregroundDeletion')) {
      const blocking = deps.filter((d) => d.obj.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion));
      for (const d of blocking) if (!d.obj.metadata.deletionTimestamp) client.delete(d.info, d.obj.metadata.namespace, d.obj.metadata.name!, { propagationPolicy: 'Foreground' });
      if (!blocking.length) this.removeFinalizer(owner!.info, ownerObj, 'foregroundDeletion');
      else this.enqueueAfter(key, 1000);
    }
    void server;
  }

  private removeFinalizer(info: ResourceInfo, o: KubeObject, f: string) {
    this.ctx.client.mutate(info, o.metadata.namespace, o.metadata.name!, (x) => {
      x.metadata.finalizers = x.metadata.finalizers?.filter((y) => y !== f);
      if (!x.metadata.finalizers?.length) delete x.metadata.finalizers;
    });
  }
}
