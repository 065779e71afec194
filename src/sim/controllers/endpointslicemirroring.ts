/**
 * EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): the Endpoints a user
 * writes by hand for a Service without a selector are mirrored into EndpointSlices, so kube-proxy —
 * which reads only EndpointSlices — routes to them. One slice per distinct port set and address type,
 * named from the Endpoints (generateName `NAME-`), owned by the Endpoints, labelled
 * `endpointslice.kubernetes.io/managed-by: endpointslicemirroring-controller.k8s.io`.
 */
import type { KubeObject } from '../api/object.ts';
import { res } from '../apiserver/client.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const SERVICE_NAME = 'kubernetes.io/service-name';
const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER_ELECTION = 'control-plane.alpha.kubernetes.io/leader';
/** Annotations not copied to the slices (utils.go newEndpointSlice). */
const NOT_COPIED = ['endpoints.kubernetes.io/last-change-trigger-time', 'kubectl.kubernetes.io/last-applied-configuration'];
/** --mirroring-max-endpoints-per-subset default. */
const MAX_ENDPOINTS_PER_SUBSET = 1000;

const ENDPOINTS = res('endpoints');
const SLICES = res('endpointslices', 'discovery.k8s.io');
const SERVICES = res('services');

/** Mirrored as long as it is not the endpoints controller's own (skip-mirror) or a leader-election lock. */
function shouldMirror(ep: KubeObject | undefined): boolean {
  return !!ep && ep.metadata.labels?.[SKIP_MIRROR] !== 'true' && ep.metadata.annotations?.[LEADER_ELECTION] === undefined;
}

function isIPv4(ip: string): boolean {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip) && ip.split('.').every((p) => Number(p) <= 255);
}

export class EndpointSliceMirroringController extends Controller {
  readonly name = 'endpointslice-mirroring';
  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(SERVICES, (ev) => {
      const sel = (o: KubeObject | undefined) => (o?.spec as Obj | undefined)?.selector !== undefined;
      // A Service matters when it has no selector, or when it gains or loses one.
      if (ev.type === 'MODIFIED' ? sel(ev.object) !== sel(ev.old) : !sel(ev.object)) this.enqueue(keyOf(ev.object));
    });
    this.watch(ENDPOINTS, (ev) => {
      if (shouldMirror(ev.object) || (ev.type === 'MODIFIED' && shouldMirror(ev.old))) this.enqueue(keyOf(ev.object));
    });
    this.watch(SLICES, (ev) => {
      // A mirrored slice changed or deleted by someone else is put back.
      const l = ev.object.metadata.labels ?? {};
      if (l[MANAGED_BY] === MIRRORING_CONTROLLER_NAME && l[SERVICE_NAME]) this.enqueue(`${ev.object.metadata.namespace}/${l[SERVICE_NAME]}`);
    });
  }

  private mirrored(ns: string, name: string): KubeObject[] {
    return this.ctx.client.list(SLICES, ns).filter((s) => s.metadata.labels?.[SERVICE_NAME] === name && s.metadata.labels?.[MANAGED_BY] === MIRRORING_CONTROLLER_NAME);
  }

  private deleteMirrored(ns: string, name: string): void {
    for (const s of this.mirrored(ns, name)) this.ctx.client.delete(SLICES, ns, s.metadata.name!);
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client, recorder } = this.ctx;
    const ep = client.get(ENDPOINTS, ns, name);
    const svc = client.get(SERVICES, ns, name);
    if (!ep || !shouldMirror(ep) || !svc || (svc.spec as Obj)?.selector !== undefined) return this.deleteMirrored(ns, name);

    // Desired endpoints by port set (reconciler.go reconcile; only IPv4 addresses exist here).
    const desired = new Map<string, { ports: Obj[]; endpoints: Obj[] }>();
    let invalid = 0;
    let skipped = 0;
    for (const subset of ((ep as Obj).subsets ?? []) as Obj[]) {
      const ports = ((subset.ports ?? []) as Obj[]).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}) }));
      const portKey = JSON.stringify([...ports].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.port - b.port)));
      const group = desired.get(portKey) ?? { ports, endpoints: [] };
      desired.set(portKey, group);
      let added = 0;
      const total = (subset.addresses?.length ?? 0) + (subset.notReadyAddresses?.length ?? 0);
      for (const [list, ready] of [[subset.addresses ?? [], true], [subset.notReadyAddresses ?? [], false]] as [Obj[], boolean][]) {
        for (const a of list) {
          if (added >= MAX_ENDPOINTS_PER_SUBSET) break;
          if (!isIPv4(String(a.ip))) {
            invalid++;
            continue;
          }
          added++;
          if (group.endpoints.some((e) => e.addresses[0] === a.ip)) continue;
          group.endpoints.push({
            addresses: [a.ip],
            conditions: { ready },
            ...(a.hostname ? { hostname: a.hostname } : {}),
            ...(a.targetRef ? { targetRef: a.targetRef } : {}),
            ...(a.nodeName ? { nodeName: a.nodeName } : {}),
          });
        }
      }
      skipped += total - added;
    }
    if (invalid) recorder.event(ep, 'Warning', 'InvalidIPAddress', `Skipped ${invalid} invalid IP addresses when mirroring to EndpointSlices`, { component: 'endpoint-slice-mirroring-controller' });
    if (skipped > invalid) recorder.event(ep, 'Warning', 'TooManyAddressesToMirror', `A max of ${MAX_ENDPOINTS_PER_SUBSET} addresses can be mirrored to EndpointSlices per Endpoints subset. ${skipped} addresses were skipped`, { component: 'endpoint-slice-mirroring-controller' });

    const labels = { ...(ep.metadata.labels ?? {}), [SERVICE_NAME]: name, [MANAGED_BY]: MIRRORING_CONTROLLER_NAME };
    const annotations = Object.fromEntries(Object.entries(ep.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.includes(k)));
    const ownerReferences = [{ apiVersion: 'v1', kind: 'Endpoints', name, uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true }];
    const existing = this.mirrored(ns, name);
    const byKey = new Map<string, KubeObject[]>();
    for (const s of existing) {
      const k = JSON.stringify([...(((s as Obj).ports ?? []) as Obj[])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.port - b.port)));
      byKey.set(k, [...(byKey.get(k) ?? []), s]);
    }
    const toDelete: KubeObject[] = [];
    for (const [k, slices] of byKey) if (!desired.get(k)?.endpoints.length) toDelete.push(...slices);
    for (const [k, want] of desired) {
      if (!want.endpoints.length) continue;
      const have = byKey.get(k) ?? [];
      toDelete.push(...have.slice(1));
      const body = { addressType: 'IPv4', endpoints: want.endpoints, ports: want.ports };
      const reused = have[0] ?? toDelete.shift(); // finalize recycleSlices: update a slice marked for deletion instead of creating one
      if (reused) {
        client.mutate(SLICES, ns, reused.metadata.name!, (o) => {
          Object.assign(o, body);
          o.metadata.labels = labels;
          o.metadata.annotations = annotations;
          if (!Object.keys(annotations).length) delete o.metadata.annotations;
        });
      } else {
        client.create(SLICES, {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { generateName: `${name}-`, namespace: ns, labels, ...(Object.keys(annotations).length ? { annotations } : {}), ownerReferences },
          ...body,
        });
      }
    }
    for (const s of toDelete) client.delete(SLICES, ns, s.metadata.name!);
  }
}
