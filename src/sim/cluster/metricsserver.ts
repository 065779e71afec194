/**
 * metrics-server as the aggregated API `metrics.k8s.io/v1beta1` (kubernetes-sigs/metrics-server):
 * NodeMetrics and PodMetrics computed from the kubelets' container usage model, served through
 * kube-apiserver's aggregation layer (ApiServer.registerAggregatedAPI).
 *
 * Availability follows a real install of components.yaml on a kubeadm cluster:
 *  - no `metrics-server` Deployment in kube-system, or no pod of it running → the APIService
 *    v1beta1.metrics.k8s.io is not available: 503 "the server is currently unable to handle the
 *    request" (kubectl top: `error: Metrics API not available`);
 *  - without `--kubelet-insecure-tls` it cannot scrape the kubelets (self-signed serving
 *    certificates: "x509: cannot validate certificate … because it doesn't contain any IP SANs"),
 *    never gets ready and stays unavailable — the classic fix in CKA labs;
 *  - the first usable data needs the pod ready and a scrape (readiness initialDelaySeconds 20 s,
 *    --metric-resolution=15s): the API answers once the pod has run for READY_AFTER_MS.
 *  - a pod shows up once its containers have run for one scrape window (POD_WINDOW_MS); a node whose
 *    kubelet does not answer has no NodeMetrics (kubectl top prints `<unknown>` for it).
 * Usage values: the kubelet's per-container model (kubelet.usage) plus each node's system overhead
 * (OS, kubelet, containerd), with a small deterministic wobble per 15 s scrape so repeated `top`
 * calls look alive.
 */
import type { KubeObject } from '../api/object.ts';
import { parseSelector } from '../api/labels.ts';
import { res, type Client } from '../apiserver/client.ts';
import type { Status } from '../apiserver/errors.ts';
import type { ApiRequest, ApiResponse } from '../apiserver/types.ts';
import type { Kubelet } from '../kubelet/kubelet.ts';
import { fakeDigest } from '../kubelet/kubelet.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const READY_AFTER_MS = 60_000;
const POD_WINDOW_MS = 15_000;
const SCRAPE_MS = 15_000;
/** OS + kubelet + containerd on each machine (millicores, MiB). */
const SYSTEM_OVERHEAD = { controlPlane: { cpu: 62, mem: 812 }, worker: { cpu: 24, mem: 433 } };

function unavailable(): ApiResponse {
  const body: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server is currently unable to handle the request', reason: 'ServiceUnavailable', code: 503 };
  return { code: 503, body };
}

function notFound(resource: string, name: string): ApiResponse {
  const body: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${resource}.metrics.k8s.io "${name}" not found`, reason: 'NotFound', details: { name, group: 'metrics.k8s.io', kind: resource }, code: 404 };
  return { code: 404, body };
}

/** A deterministic factor in [1-spread, 1+spread] for one thing in one scrape window. */
function wobble(key: string, window: number, spread: number): number {
  const h = parseInt(fakeDigest(`${key}/${window}`).slice(0, 8), 16) / 0xffffffff;
  return 1 + (h * 2 - 1) * spread;
}

export class MetricsServer {
  private client: Client;
  private kubelets: Map<string, Kubelet>;

  constructor(client: Client, kubelets: Map<string, Kubelet>) {
    this.client = client;
    this.kubelets = kubelets;
  }

  private now(): number {
    return this.client.server.clock.now();
  }

  /** Is the APIService available (a scraping metrics-server pod running long enough)? */
  available(): boolean {
    const dep = this.client.get(res('deployments', 'apps'), 'kube-system', 'metrics-server');
    if (!dep) return false;
    const selector = ((dep.spec as Obj)?.selector?.matchLabels ?? {}) as Record<string, string>;
    const pods = this.client.list(res('pods'), 'kube-system').filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v));
    return pods.some((p) => {
      // Each pod scrapes with its own flags: without --kubelet-insecure-tls it never gets data.
      const c = ((p.spec as Obj)?.containers ?? [])[0] ?? {};
      const args: string[] = [...(c.command ?? []), ...(c.args ?? [])];
      if (!args.some((a) => a === '--kubelet-insecure-tls' || a === '--kubelet-insecure-tls=true')) return false;
      const running = ((p.status as Obj)?.containerStatuses ?? []).find((c: Obj) => c.state?.running);
      return running && this.now() - Date.parse(running.state.running.startedAt) >= READY_AFTER_MS;
    });
  }

  private window(): number {
    return Math.floor(this.now() / SCRAPE_MS);
  }

  private timestamp(): string {
    return new Date(this.window() * SCRAPE_MS).toISOString().replace('.000Z', 'Z');
  }

  /** Container usage of one pod (metrics-server PodMetrics.containers), or undefined if not scraped yet. */
  podMetrics(pod: KubeObject): Obj | undefined {
    const spec = (pod.spec ?? {}) as Obj;
    const kubelet = this.kubelets.get(spec.nodeName ?? '');
    if (!kubelet || !kubelet.running || !kubelet.powered) return undefined;
    const statuses: Obj[] = (pod.status as Obj)?.containerStatuses ?? [];
    const oldEnough = statuses.length > 0 && statuses.every((c) => c.state?.running && this.now() - Date.parse(c.state.running.startedAt) >= POD_WINDOW_MS);
    if (!oldEnough) return undefined;
    const uid = pod.metadata.annotations?.['kubernetes.io/config.mirror'] ?? pod.metadata.uid ?? '';
    const usage = kubelet.usage(uid);
    if (!usage.length) return undefined;
    const w = this.window();
    const containers = usage.map((u) => {
      const key = `${pod.metadata.uid}/${u.name}`;
      const nano = Math.round(u.cpuMilli * 1e6 * wobble(key + '/cpu', w, 0.18) + (parseInt(fakeDigest(key).slice(0, 6), 16) % 900000));
      const ki = Math.round(u.memoryMi * 1024 * wobble(key + '/mem', w, 0.02));
      return { name: u.name, usage: { cpu: `${nano}n`, memory: `${ki}Ki` } };
    });
    return {
      kind: 'PodMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: new Date(this.now()).toISOString().replace('.000Z', 'Z'), labels: pod.metadata.labels ?? {} },
      timestamp: this.timestamp(),
      window: '15.004s',
      containers,
    };
  }

  nodeMetrics(node: KubeObject): Obj | undefined {
    const kubelet = this.kubelets.get(node.metadata.name!);
    if (!kubelet || !kubelet.running || !kubelet.powered) return undefined;
    const cp = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
    const base = cp ? SYSTEM_OVERHEAD.controlPlane : SYSTEM_OVERHEAD.worker;
    const w = this.window();
    let nano = base.cpu * 1e6 * wobble(`${node.metadata.name}/cpu`, w, 0.25);
    let ki = base.mem * 1024 * wobble(`${node.metadata.name}/mem`, w, 0.01);
    for (const p of this.client.list(res('pods'))) {
      if ((p.spec as Obj)?.nodeName !== node.metadata.name) continue;
      const uid = p.metadata.annotations?.['kubernetes.io/config.mirror'] ?? p.metadata.uid ?? '';
      for (const u of kubelet.usage(uid)) {
        nano += u.cpuMilli * 1e6;
        ki += u.memoryMi * 1024;
      }
    }
    return {
      kind: 'NodeMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: node.metadata.name, creationTimestamp: new Date(this.now()).toISOString().replace('.000Z', 'Z'), labels: node.metadata.labels ?? {} },
      timestamp: this.timestamp(),
      window: '20.012s',
      usage: { cpu: `${Math.round(nano)}n`, memory: `${Math.round(ki)}Ki` },
    };
  }

  /** The aggregated API handler: GET/LIST nodes and pods of metrics.k8s.io/v1beta1. */
  handle(req: ApiRequest): ApiResponse {
    if (!this.available()) return unavailable();
    if (req.version !== 'v1beta1' || (req.resource !== 'nodes' && req.resource !== 'pods') || (req.verb !== 'get' && req.verb !== 'list')) {
      const body: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 };
      return { code: 404, body };
    }
    if (req.resource === 'nodes') {
      if (req.verb === 'get') {
        const node = this.client.get(res('nodes'), undefined, req.name!);
        const m = node && this.nodeMetrics(node);
        return m ? { code: 200, body: m } : notFound('nodemetrics', req.name!);
      }
      const items = this.filter(this.client.list(res('nodes')), req.labelSelector).map((n) => this.nodeMetrics(n)).filter(Boolean);
      return { code: 200, body: { kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items } };
    }
    if (req.verb === 'get') {
      const pod = this.client.get(res('pods'), req.namespace, req.name!);
      const m = pod && this.podMetrics(pod);
      return m ? { code: 200, body: m } : notFound('podmetrics', `${req.namespace}/${req.name}`);
    }
    const pods = this.filter(this.client.list(res('pods'), req.namespace || undefined), req.labelSelector);
    const items = pods.map((p) => this.podMetrics(p)).filter(Boolean);
    return { code: 200, body: { kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items } };
  }

  private filter(objs: KubeObject[], selector: string | undefined): KubeObject[] {
    if (!selector) return objs;
    const sel = parseSelector(selector);
    return objs.filter((o) => sel.matches(o.metadata.labels ?? {}));
  }
}
