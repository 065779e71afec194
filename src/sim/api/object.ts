/** Plain JSON objects as they travel through the API: loosely typed on purpose (any kind, any version). */
import type { ObjectMeta as ReadonlyObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { OwnerReference };

/** kubernetes-types marks system fields readonly; the API server is the one that writes them. */
export type ObjectMeta = { -readonly [K in keyof ReadonlyObjectMeta]: ReadonlyObjectMeta[K] };

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // Kind-specific content (spec, status, data, …).
  [field: string]: unknown;
}

/**
 * Deep copy of JSON data: objects in the store are frozen, so anything that edits one copies it
 * first. Keys whose value is undefined are dropped, as a JSON round trip would.
 */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v[i] === undefined ? null : clone(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = clone(x);
  }
  return out as T;
}

/**
 * JSON.stringify(a) === JSON.stringify(b) for plain data, compared in place (keys in order, undefined
 * properties skipped, undefined array elements as null), stopping at the first difference.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return JSON.stringify(a) === JSON.stringify(b);
  if ('toJSON' in a || 'toJSON' in b) return JSON.stringify(a) === JSON.stringify(b);
  const arr = Array.isArray(a);
  if (arr !== Array.isArray(b)) return false;
  if (arr) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const u = x[i] === undefined || typeof x[i] === 'function' ? null : x[i];
      const v = y[i] === undefined || typeof y[i] === 'function' ? null : y[i];
      if (!jsonEqual(u, v)) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xk = Object.keys(x);
  const yk = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < xk.length && (x[xk[i]] === undefined || typeof x[xk[i]] === 'function')) i++;
    while (j < yk.length && (y[yk[j]] === undefined || typeof y[yk[j]] === 'function')) j++;
    if (i === xk.length || j === yk.length) return i === xk.length && j === yk.length;
    if (xk[i] !== yk[j] || !jsonEqual(x[xk[i]], y[yk[j]])) return false;
    i++;
    j++;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "apps/v1" → ["apps", "v1"]; "v1" → ["", "v1"]. */
export function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

export function controllerOf(meta: ObjectMeta): OwnerReference | undefined {
  return meta.ownerReferences?.find((r) => r.controller);
}
