/**
 * ResourceQuota admission (plugin/pkg/admission/resourcequota/controller.go) and the usage evaluators
 * (pkg/quota/v1/evaluator/core): a create is rejected when the namespace's usage plus the new object
 * would exceed a quota's hard limits, or when a constrained resource is not specified.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object.ts';
import { Quantity, quantityOf } from '../../api/quantity.ts';
import { resourceFor, type ResourceInfo } from '../../api/resources.ts';
import * as errors from '../errors.ts';
import type { AdmissionPlugin, ServerContext } from '../types.ts';

export type Usage = Map<string, Quantity>;

const COUNTED: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
  persistentvolumeclaims: 'persistentvolumeclaims',
};

function add(u: Usage, k: string, v: Quantity) {
  u.set(k, (u.get(k) ?? Quantity.zero()).add(v));
}

/** Requests and limits of a pod: sum of app containers, at least the largest init container. */
export function podResources(spec: PodSpec): { requests: Usage; limits: Usage } {
  const sum = (which: 'requests' | 'limits') => {
    const apps: Usage = new Map();
    for (const c of spec.containers ?? []) for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) add(apps, k, quantityOf(v)!);
    for (const c of spec.initContainers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
        const qv = quantityOf(v)!;
        if (!apps.has(k) || apps.get(k)!.cmp(qv) < 0) apps.set(k, qv);
      }
    }
    return apps;
  };
  return { requests: sum('requests'), limits: sum('limits') };
}

/** What one object counts for, per quota resource name. */
export function usageOf(info: ResourceInfo, obj: KubeObject): Usage {
  const u: Usage = new Map();
  const one = Quantity.fromValue(1);
  const gr = info.group ? `${info.resource}.${info.group}` : info.resource;
  add(u, `count/${gr}`, one);
  if (COUNTED[info.resource]) add(u, COUNTED[info.resource], one);
  if (info.resource === 'pods') {
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return new Map();
    const { requests, limits } = podResources(obj.spec as PodSpec);
    for (const [k, v] of requests) {
      add(u, `requests.${k}`, v);
      if (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage') add(u, k, v);
    }
    for (const [k, v] of limits) add(u, `limits.${k}`, v);
  }
  if (info.resource === 'services') {
    const type = (obj.spec as { type?: string; ports?: unknown[] } | undefined)?.type;
    const ports = ((obj.spec as { ports?: unknown[] } | undefined)?.ports ?? []).length;
    if (type === 'NodePort' || type === 'LoadBalancer') add(u, 'services.nodeports', Quantity.fromValue(ports));
    if (type === 'LoadBalancer') add(u, 'services.loadbalancers', one);
  }
  return u;
}

/** Current usage of a namespace for the resources a quota names. */
export function namespaceUsage(ctx: ServerContext, ns: string, names: string[]): Usage {
  const out: Usage = new Map(names.map((n) => [n, Quantity.zero()]));
  const kinds = new Set<string>();
  for (const n of names) {
    const base = n.startsWith('count/') ? n.slice(6).split('.')[0] : n.startsWith('requests.') || n.startsWith('limits.') || ['cpu', 'memory', 'ephemeral-storage'].includes(n) ? 'pods' : n.startsWith('services.') ? 'services' : n;
    kinds.add(base);
  }
  for (const k of kinds) {
    const group = ['deployments', 'replicasets', 'daemonsets', 'statefulsets'].includes(k) ? 'apps' : ['jobs', 'cronjobs'].includes(k) ? 'batch' : '';
    const info = resourceFor(group, k);
    if (!info) continue;
    for (const o of ctx.list(info, ns)) {
      if (o.metadata.deletionTimestamp && info.resource === 'pods') continue;
      for (const [r, v] of usageOf(info, o)) if (out.has(r)) add(out, r, v);
    }
  }
  return out;
}

function pretty(u: Usage): string {
  return [...u.keys()].sort().map((k) => `${k}=${u.get(k)!.toString()}`).join(',');
}

const quotas = () => resourceFor('', 'resourcequotas')!;

export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource || !a.info.namespaced) return;
    const list = ctx.list(quotas(), a.namespace);
    if (!list.length) return;
    const delta = usageOf(a.info, a.object!);
    for (const quota of list) {
      const hard = ((quota.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) as Record<string, string>;
      const names = Object.keys(hard);
      // A pod under a compute quota must say what it needs (the evaluator's "must specify").
      if (a.info.resource === 'pods') {
        const spec = a.object!.spec as PodSpec;
        const missing: string[] = [];
        for (const r of names.filter((n) => /^(requests|limits)\.(cpu|memory)$|^(cpu|memory)$/.test(n)).sort()) {
          const [which, res] = r.includes('.') ? (r.split('.') as ['requests' | 'limits', string]) : (['requests', r] as ['requests', string]);
          for (const c of spec.containers ?? []) if (c.resources?.[which]?.[res] === undefined) missing.push(`${r} for: ${c.name}`);
        }
        if (missing.length) throw errors.forbidden(a.info.group, a.info.resource, a.name, `failed quota: ${quota.metadata.name}: must specify ${missing.join('; ')}`);
      }
      const relevant = names.filter((n) => delta.has(n));
      if (!relevant.length) continue;
      const used = namespaceUsage(ctx, a.namespace!, relevant);
      const exceeded = relevant.filter((n) => used.get(n)!.add(delta.get(n)!).cmp(quantityOf(hard[n])!) > 0);
      if (exceeded.length) {
        const pick = (u: Usage) => new Map(exceeded.map((n) => [n, u.get(n) ?? Quantity.zero()]));
        const hardU: Usage = new Map(exceeded.map((n) => [n, quantityOf(hard[n])!]));
        throw errors.forbidden(a.info.group, a.info.resource, a.name, `exceeded quota: ${quota.metadata.name}, requested: ${pretty(pick(delta))}, used: ${pretty(pick(used))}, limited: ${pretty(hardU)}`);
      }
    }
  },
};
