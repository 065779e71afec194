/**
 * Endpoints and EndpointSlice controllers (pkg/controller/endpoint, endpointslice): the addresses of the
 * pods a Service selects, ready ones in `addresses`, the rest in `notReadyAddresses`.
 */
import type { Pod, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import { res } from '../apiserver/client.ts';
import { ApiError } from '../apiserver/errors.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';
import { isPodReady } from './podutil.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function resolvePort(pod: Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(String(tp))) return Number(tp);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  return undefined;
}

/**
 * Whether a Service selects pods. An empty selector is none: it does not survive storage (protobuf
 * drops an empty map), so both endpoint controllers and the mirroring controller see nil.
 */
export function hasSelector(svc: KubeObject): boolean {
  return Object.keys(((svc.spec as Obj | undefined)?.selector ?? {}) as object).length > 0;
}

export class EndpointsController extends Controller {
  readonly name = 'endpoints';
  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(res('services'), (ev) => this.enqueue(keyOf(ev.object)));
    this.watch(res('pods'), (ev) => {
      const labels = ev.object.metadata.labels ?? {};
      const oldLabels = ev.old?.metadata.labels ?? {};
      for (const svc of this.ctx.client.list(res('services'), ev.object.metadata.namespace)) {
        const sel = (svc.spec as Obj).selector as Record<string, string> | undefined;
        if (!sel || !Object.keys(sel).length) continue;
        const m = (l: Record<string, string>) => Object.entries(sel).every(([k, v]) => l[k] === v);
        if (m(labels) || m(oldLabels)) this.enqueue(keyOf(svc));
      }
    });
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client, server } = this.ctx;
    const svc = client.get(res('services'), ns, name) as Obj | undefined;
    if (!svc) {
      client.delete(res('endpoints'), ns, name);
      for (const s of client.list(res('endpointslices', 'discovery.k8s.io'), ns)) {
        if (s.metadata.labels?.['kubernetes.io/service-name'] === name && s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io') client.delete(res('endpointslices', 'discovery.k8s.io'), ns, s.metadata.name!);
      }
      return;
    }
    if (!hasSelector(svc as KubeObject)) return; // Services without selectors keep user-managed endpoints.
    const sel = svc.spec.selector as Record<string, string>;
    const pods = client
      .list(res('pods'), ns)
      .filter((p) => Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v))
      .filter((p) => (p.status as Obj)?.podIP && !p.metadata.deletionTimestamp) as Pod[];
    const ports: ServicePort[] = svc.spec.ports ?? [];
    // One subset per distinct port set (usually one), addresses sorted by IP as the repacker does.
    const ready: Obj[] = [];
    const notReady: Obj[] = [];
    for (const p of pods) {
      const addr: Obj = { ip: p.status!.podIP, nodeName: p.spec!.nodeName, targetRef: { kind: 'Pod', name: p.metadata!.name, namespace: ns, uid: p.metadata!.uid } };
      (isPodReady(p as KubeObject) ? ready : notReady).push(addr);
    }
    const byIp = (a: Obj, b: Obj) => (a.ip < b.ip ? -1 : 1);
    ready.sort(byIp);
    notReady.sort(byIp);
    const epPorts = pods.length
      ? ports.map((sp) => ({ ...(sp.name ? { name: sp.name } : {}), port: resolvePort(pods[0], sp) ?? (typeof sp.targetPort === 'number' ? sp.targetPort : sp.port), protocol: sp.protocol ?? 'TCP' }))
      : [];
    const subsets = ready.length || notReady.length ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports: epPorts }] : undefined;
    const labels = { ...(svc.metadata.labels ?? {}) };
    const existing = client.get(res('endpoints'), ns, name);
    const ep: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': server.now() } }, ...(subsets ? { subsets } : {}) };
    if (!Object.keys(labels).length) delete ep.metadata.labels;
    if (!existing) client.create(res('endpoints'), ep);
    else if (JSON.stringify(existing.subsets) !== JSON.stringify(ep.subsets)) {
      client.mutate(res('endpoints'), ns, name, (o) => {
        o.subsets = ep.subsets;
        if (!ep.subsets) delete o.subsets;
        o.metadata.annotations = ep.metadata.annotations;
      });
    }
    try {
      this.syncSlice(svc, pods, ports);
    } catch (e) {
      // endpointslice controller: the error is an event on the Service, and the sync is retried.
      if (e instanceof ApiError) this.ctx.recorder.event(svc as KubeObject, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${ns}/${name}: ${e.status.message}`, { component: 'endpoint-slice-controller' });
      throw e;
    }
  }

  private syncSlice(svc: Obj, pods: Pod[], ports: ServicePort[]) {
    const { client, server } = this.ctx;
    const info = res('endpointslices', 'discovery.k8s.io');
    const ns = svc.metadata.namespace;
    const mine = client.list(info, ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name && s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io');
    const endpoints = pods.map((p) => {
      const ready = isPodReady(p as KubeObject);
      return { addresses: [p.status!.podIP], conditions: { ready, serving: ready, terminating: false }, nodeName: p.spec!.nodeName, targetRef: { kind: 'Pod', name: p.metadata!.name, namespace: ns, uid: p.metadata!.uid } };
    });
    const slicePorts = ports.map((sp) => ({ name: sp.name ?? '', port: pods.length ? (resolvePort(pods[0], sp) ?? sp.port) : null, protocol: sp.protocol ?? 'TCP' }));
    const body = { addressType: 'IPv4', endpoints, ports: pods.length ? slicePorts : null };
    if (!mine.length) {
      client.create(info, {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: `${svc.metadata.name}-`,
          namespace: ns,
          labels: { ...(svc.metadata.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc.metadata.name },
          annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': server.now() },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
        ...body,
      });
    } else {
      client.mutate(info, ns, mine[0].metadata.name!, (o) => {
        if (JSON.stringify(o.endpoints) === JSON.stringify(endpoints) && JSON.stringify(o.ports) === JSON.stringify(body.ports)) return false;
        Object.assign(o, body);
      });
    }
  }
}
