/**
 * LimitRanger (plugin/pkg/admission/limitranger/admission.go): applies a namespace's LimitRange
 * defaults to containers (annotating the pod) and rejects pods outside min/max/ratio bounds.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { quantityOf, type Quantity } from '../../api/quantity.ts';
import { resourceFor } from '../../api/resources.ts';
import * as errors from '../errors.ts';
import type { AdmissionPlugin } from '../types.ts';

type Limits = Record<string, string>;
interface LimitItem {
  type?: string;
  max?: Limits;
  min?: Limits;
  default?: Limits;
  defaultRequest?: Limits;
  maxLimitRequestRatio?: Limits;
}

const q = (v: string | number | undefined) => (v === undefined ? null : quantityOf(v));

/**
 * Defaults for one container: requests ← defaultRequest, limits ← default (only where missing).
 * Returns the annotation parts as mergeContainerResources writes them:
 * "cpu, memory request for container nginx", "cpu limit for container nginx".
 */
function applyDefaults(c: Container, item: LimitItem, containerType: string): string[] {
  c.resources ??= {};
  const res = c.resources;
  const setRequests: string[] = [];
  const setLimits: string[] = [];
  for (const [r, v] of Object.entries(item.default ?? {})) {
    res.limits ??= {};
    if (res.limits[r] === undefined) {
      res.limits[r] = v;
      setLimits.push(r);
    }
  }
  for (const [r, v] of Object.entries(item.defaultRequest ?? {})) {
    res.requests ??= {};
    if (res.requests[r] === undefined) {
      res.requests[r] = v;
      setRequests.push(r);
    }
  }
  const out: string[] = [];
  if (setRequests.length) out.push(`${setRequests.sort().join(', ')} request for ${containerType} ${c.name}`);
  if (setLimits.length) out.push(`${setLimits.sort().join(', ')} limit for ${containerType} ${c.name}`);
  return out;
}

function validate(c: Container, item: LimitItem, kind: string, errs: string[]): void {
  const req = (c.resources?.requests ?? {}) as Limits;
  const lim = (c.resources?.limits ?? {}) as Limits;
  for (const [r, v] of Object.entries(item.min ?? {})) {
    const min = q(v)!;
    const rq = q(req[r]);
    const lq = q(lim[r]);
    if (!rq) errs.push(`minimum ${r} usage per ${kind} is ${min}.  No request is specified`);
    else if (rq.cmp(min) < 0) errs.push(`minimum ${r} usage per ${kind} is ${min}, but request is ${rq}`);
    if (lq && lq.cmp(min) < 0) errs.push(`minimum ${r} usage per ${kind} is ${min}, but limit is ${lq}`);
  }
  for (const [r, v] of Object.entries(item.max ?? {})) {
    const max = q(v)!;
    const lq = q(lim[r]);
    if (!lq) errs.push(`maximum ${r} usage per ${kind} is ${max}.  No limit is specified`);
    else if (lq.cmp(max) > 0) errs.push(`maximum ${r} usage per ${kind} is ${max}, but limit is ${lq}`);
  }
  for (const [r, v] of Object.entries(item.maxLimitRequestRatio ?? {})) {
    const ratio = q(v)!;
    const rq = q(req[r]);
    const lq = q(lim[r]);
    if (!rq || !lq) continue;
    const actual = Number(lq.milliValue()) / Number(rq.milliValue());
    if (actual > ratio.asApproximateFloat64()) errs.push(`${r} max limit to request ratio per ${kind} is ${ratio}, but provided ratio is ${formatRatio(actual)}`);
  }
}

function formatRatio(x: number): string {
  return x.toFixed(6);
}

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a, ctx) {
    if (a.info.resource !== 'pods' || a.operation !== 'CREATE' || a.subresource) return;
    const items = ctx.list(resourceFor('', 'limitranges')!, a.namespace).flatMap((lr) => ((lr.spec as { limits?: LimitItem[] } | undefined)?.limits ?? []).filter((l) => l.type === 'Container'));
    if (!items.length) return;
    const spec = a.object!.spec as PodSpec;
    const set: string[] = [];
    for (const item of items) {
      for (const c of spec.initContainers ?? []) set.push(...applyDefaults(c, item, 'init container'));
      for (const c of spec.containers ?? []) set.push(...applyDefaults(c, item, 'container'));
    }
    if (set.length) {
      const meta = a.object!.metadata;
      meta.annotations = { ...(meta.annotations ?? {}), 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${set.join('; ')}` };
    }
  },
  validate(a, ctx) {
    if (a.info.resource !== 'pods' || a.operation !== 'CREATE' || a.subresource) return;
    const items = ctx.list(resourceFor('', 'limitranges')!, a.namespace).flatMap((lr) => ((lr.spec as { limits?: LimitItem[] } | undefined)?.limits ?? []).filter((l) => l.type === 'Container'));
    if (!items.length) return;
    const spec = a.object!.spec as PodSpec;
    const errs: string[] = [];
    for (const item of items) for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) validate(c, item, 'Container', errs);
    if (errs.length) throw errors.forbidden('', 'pods', a.name, errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  },
};

export type { Quantity };
