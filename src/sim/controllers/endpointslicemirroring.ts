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
import { hasSelector } from './endpoints.ts';

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

/** getAddressType: IPv4 or IPv6 and the address as Go's net.IP String() writes it; undefined if no IP. */
function addressOf(ip: string): { type: 'IPv4' | 'IPv6'; text: string } | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) return v4.slice(1).every((p) => Number(p) <= 255) ? { type: 'IPv4', text: v4.slice(1).map(Number).join('.') } : undefined;
  if (!ip.includes(':') || !/^[0-9a-fA-F:.]+$/.test(ip)) return undefined;
  try {
    // The URL parser writes an IPv6 address in the RFC 5952 form Go prints.
    return { type: 'IPv6', text: new URL(`http://[${ip}]/`).hostname.slice(1, -1) };
  } catch {
    return undefined;
  }
}

/** addrTypePortMapKey: the address type and the port set, in an order that does not depend on how the ports were written. */
function portMapKey(type: string, ports: readonly Obj[]): string {
  const t = ports.map((p) => [p.name ?? '', p.port ?? 0, p.protocol ?? 'TCP', p.appProtocol ?? ''] as const);
  t.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)));
  return JSON.stringify([type, t]);
}

export class EndpointSliceMirroringController extends Controller {
  readonly name = 'endpointslice-mirroring';
  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  /** Names of the slices this controller owns, by Service key (kept from the slice watch: the informer index). */
  private owned = new Map<string, Set<string>>();
  /** The Service key each owned slice (ns/name) is filed under, so a slice event finds its entry at once. */
  private ownerOf = new Map<string, string>();

  start(): void {
    this.watch(SERVICES, (ev) => {
      const sel = (o: KubeObject | undefined) => !!o && hasSelector(o);
      // A Service matters when it has no selector, or when it gains or loses one.
      if (ev.type === 'MODIFIED' ? sel(ev.object) !== sel(ev.old) : !sel(ev.object)) this.enqueue(keyOf(ev.object));
    });
    this.watch(ENDPOINTS, (ev) => {
      if (shouldMirror(ev.object) || (ev.type === 'MODIFIED' && shouldMirror(ev.old))) this.enqueue(keyOf(ev.object));
    });
    this.watch(SLICES, (ev) => {
      const ns = ev.object.metadata.namespace ?? '';
      const name = ev.object.metadata.name!;
      const l = ev.object.metadata.labels ?? {};
      const mine = ev.type !== 'DELETED' && l[MANAGED_BY] === MIRRORING_CONTROLLER_NAME && !!l[SERVICE_NAME];
      const sliceKey = `${ns}/${name}`;
      const filedUnder = this.ownerOf.get(sliceKey);
      if (filedUnder !== undefined) {
        const names = this.owned.get(filedUnder)!;
        names.delete(name);
        if (!names.size) this.owned.delete(filedUnder);
        this.ownerOf.delete(sliceKey);
      }
      if (mine) {
        const k = `${ns}/${l[SERVICE_NAME]}`;
        this.owned.set(k, (this.owned.get(k) ?? new Set()).add(name));
        this.ownerOf.set(sliceKey, k);
      }
      // A mirrored slice changed or deleted by someone else is put back.
      const was = ev.old?.metadata.labels ?? {};
      for (const labels of [l, was]) if (labels[MANAGED_BY] === MIRRORING_CONTROLLER_NAME && labels[SERVICE_NAME]) this.enqueue(`${ns}/${labels[SERVICE_NAME]}`);
    });
  }

  private mirrored(ns: string, name: string): KubeObject[] {
    const names = this.owned.get(`${ns}/${name}`);
    if (!names) return [];
    return [...names].map((n) => this.ctx.client.get(SLICES, ns, n)).filter((s): s is KubeObject => !!s);
  }

  private deleteMirrored(ns: string, name: string): void {
    for (const s of this.mirrored(ns, name)) this.ctx.client.delete(SLICES, ns, s.metadata.name!);
  }

  protected sync(key: string): void {
    const [maybeNs, name] = splitKey(key);
    const ns = maybeNs ?? 'default';
    const { client, recorder } = this.ctx;
    const ep = client.get(ENDPOINTS, ns, name);
    const svc = client.get(SERVICES, ns, name);
    if (!ep || !shouldMirror(ep) || !svc || hasSelector(svc)) return this.deleteMirrored(ns, name);

    // Desired endpoints by address type and port set (reconciler.go reconcile, desiredCalc). An
    // endpoint is keyed by its address, hostname and target (hashEndpoint): a later one replaces it.
    const desired = new Map<string, { type: string; ports: Obj[]; endpoints: Map<string, Obj> }>();
    let invalid = 0;
    let skipped = 0;
    for (const subset of ((ep as Obj).subsets ?? []) as Obj[]) {
      const ports = ((subset.ports ?? []) as Obj[]).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}) }));
      const groupOf = (type: string) => {
        const k = portMapKey(type, ports);
        let g = desired.get(k);
        if (!g) desired.set(k, (g = { type, ports, endpoints: new Map() }));
        return g;
      };
      // initPorts: both address types get the port set, so a type with no addresses deletes its slices.
      groupOf('IPv4');
      groupOf('IPv6');
      let added = 0;
      const total = (subset.addresses?.length ?? 0) + (subset.notReadyAddresses?.length ?? 0);
      for (const [list, ready] of [[subset.addresses ?? [], true], [subset.notReadyAddresses ?? [], false]] as [Obj[], boolean][]) {
        for (const a of list) {
          if (added >= MAX_ENDPOINTS_PER_SUBSET) break;
          const addr = addressOf(String(a.ip));
          if (!addr) {
            invalid++;
            continue;
          }
          added++;
          const e: Obj = {
            addresses: [addr.text],
            conditions: { ready },
            ...(a.hostname ? { hostname: a.hostname } : {}),
            ...(a.targetRef ? { targetRef: a.targetRef } : {}),
            ...(a.nodeName ? { nodeName: a.nodeName } : {}),
          };
          const g = groupOf(addr.type);
          const id = JSON.stringify([addr.text, a.hostname ?? '', a.targetRef?.namespace ?? '', a.targetRef?.name ?? '']);
          g.endpoints.delete(id);
          g.endpoints.set(id, e);
        }
      }
      skipped += total - added;
    }
    if (invalid) recorder.event(ep, 'Warning', 'InvalidIPAddress', `Skipped ${invalid} invalid IP addresses when mirroring to EndpointSlices`, { component: 'endpoint-slice-mirroring-controller' });
    if (skipped > invalid) recorder.event(ep, 'Warning', 'TooManyAddressesToMirror', `A max of ${MAX_ENDPOINTS_PER_SUBSET} addresses can be mirrored to EndpointSlices per Endpoints subset. ${skipped} addresses were skipped`, { component: 'endpoint-slice-mirroring-controller' });

    const labels = { ...(ep.metadata.labels ?? {}), [SERVICE_NAME]: name, [MANAGED_BY]: MIRRORING_CONTROLLER_NAME };
    const annotations = Object.fromEntries(Object.entries(ep.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.includes(k)));
    const ownerReferences = [{ apiVersion: 'v1', kind: 'Endpoints', name, uid: ep.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }];
    const existing = this.mirrored(ns, name);
    const byKey = new Map<string, KubeObject[]>();
    for (const s of existing) {
      const k = portMapKey(String((s as Obj).addressType ?? 'IPv4'), ((s as Obj).ports ?? []) as Obj[]);
      byKey.set(k, [...(byKey.get(k) ?? []), s]);
    }
    const toDelete: KubeObject[] = [];
    for (const [k, slices] of byKey) if (!desired.get(k)?.endpoints.size) toDelete.push(...slices);
    for (const [k, want] of desired) {
      if (!want.endpoints.size) continue;
      const have = byKey.get(k) ?? [];
      toDelete.push(...have.slice(1));
      const body = { addressType: want.type, endpoints: [...want.endpoints.values()], ports: want.ports };
      // finalize recycleSlices: update a slice of the same address type marked for deletion instead of creating one.
      const recycle = toDelete.findIndex((d) => ((d as Obj).addressType ?? 'IPv4') === want.type);
      const reused = have[0] ?? (recycle >= 0 ? toDelete.splice(recycle, 1)[0] : undefined);
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
