// `--overrides` / `--override-type` of kubectl run and expose (kubectl pkg/cmd/util
// override_options.go → polymorphichelpers Merge / JSONPatch / StrategicMerge). The result is
// decoded back into the typed object by kubectl; ./normalize.ts plays that part.

import { fail, type GenResult, type Obj } from './common.ts';
import { strategicMerge } from '../../api/strategicpatch.ts';
import { definitionOf } from '../../api/schema/strategic.ts';

export type OverrideType = 'json' | 'merge' | 'strategic';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function isObj(v: unknown): v is { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** RFC 7386 JSON merge patch (evanphx/json-patch MergePatch). */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return clone(patch);
  const out: { [k: string]: Json } = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

/** A strategic merge patch, with the list semantics of the object's API type (apimachinery strategicpatch). */
export function strategicMergePatch(target: Json, patch: Json): Json {
  // strategicMerge builds new objects but shares untouched parts with its inputs: one copy at the end.
  return clone(strategicMerge(target, patch, definitionOf(target)) as Json);
}

function decodePointer(path: string): string[] | null {
  if (path === '') return [];
  if (!path.startsWith('/')) return null;
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). Returns an error text on failure. */
export function jsonPatch(doc: Json, ops: Json): Json | string {
  if (!Array.isArray(ops)) return 'Invalid JSON Patch';
  let root = clone(doc);
  const parentOf = (parts: string[]): { parent: Json; key: string } | null => {
    let cur: Json = root;
    for (let i = 0; i < parts.length - 1; i++) {
      if (Array.isArray(cur)) cur = cur[Number(parts[i])];
      else if (isObj(cur)) cur = cur[parts[i]];
      else return null;
      if (cur === undefined) return null;
    }
    return { parent: cur, key: parts[parts.length - 1] };
  };
  const get = (parts: string[]): Json | undefined => {
    let cur: Json | undefined = root;
    for (const p of parts) {
      if (Array.isArray(cur)) cur = cur[Number(p)];
      else if (isObj(cur)) cur = cur[p];
      else return undefined;
    }
    return cur;
  };
  const add = (parts: string[], value: Json): string | null => {
    if (parts.length === 0) {
      root = value;
      return null;
    }
    const pk = parentOf(parts);
    if (!pk) return `add operation does not apply: doc is missing path: "/${parts.join('/')}": missing value`;
    const { parent, key } = pk;
    if (Array.isArray(parent)) {
      const idx = key === '-' ? parent.length : Number(key);
      if (!Number.isInteger(idx) || idx < 0 || idx > parent.length) return `Unable to access invalid index: ${key}`;
      parent.splice(idx, 0, value);
    } else if (isObj(parent)) {
      parent[key] = value;
    } else {
      return `add operation does not apply: doc is missing path: "/${parts.join('/')}": missing value`;
    }
    return null;
  };
  const remove = (parts: string[]): string | null => {
    const pk = parentOf(parts);
    if (!pk) return `remove operation does not apply: doc is missing path: "/${parts.join('/')}": missing value`;
    const { parent, key } = pk;
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (isObj(parent) && key in parent) delete parent[key];
    else return `remove operation does not apply: doc is missing path: "/${parts.join('/')}": missing value`;
    return null;
  };
  for (const op of ops) {
    if (!isObj(op) || typeof op.op !== 'string' || typeof op.path !== 'string') return 'Invalid JSON Patch';
    const parts = decodePointer(op.path);
    if (parts === null) return 'Invalid JSON Patch';
    let err: string | null = null;
    switch (op.op) {
      case 'add':
        err = add(parts, clone(op.value ?? null));
        break;
      case 'remove':
        err = remove(parts);
        break;
      case 'replace':
        if (get(parts) === undefined) err = `replace operation does not apply: doc is missing key: ${op.path}: missing value`;
        else err = remove(parts) ?? add(parts, clone(op.value ?? null));
        break;
      case 'move':
      case 'copy': {
        const from = decodePointer(String(op.from ?? ''));
        const v = from ? get(from) : undefined;
        if (from === null || v === undefined) {
          err = `${op.op} operation does not apply: doc is missing from path: ${String(op.from)}: missing value`;
          break;
        }
        if (op.op === 'move') err = remove(from);
        err = err ?? add(parts, clone(v));
        break;
      }
      case 'test':
        if (JSON.stringify(get(parts)) !== JSON.stringify(op.value)) err = 'testing value ' + op.path + ' failed: test failed';
        break;
      default:
        err = `Unexpected kind: ${op.op}`;
    }
    if (err) return err;
  }
  return root;
}

/** cmdutil.Overrider.Apply on a generated object. */
export function applyOverrides(obj: Obj, overrides: string, type: string = 'merge'): GenResult {
  if (overrides.length === 0) return { ok: true, object: obj };
  let patch: Json;
  try {
    patch = JSON.parse(overrides) as Json;
  } catch {
    // evanphx/json-patch: errBadJSONPatch / errBadJSONDoc
    return fail(type === 'json' ? "invalid character in JSON patch" : 'Invalid JSON Patch');
  }
  const doc = clone(obj) as Json;
  switch (type || 'merge') {
    case 'merge':
      return { ok: true, object: mergePatch(doc, patch) as Obj };
    case 'strategic':
      return { ok: true, object: strategicMergePatch(doc, patch) as Obj };
    case 'json': {
      const r = jsonPatch(doc, patch);
      if (typeof r === 'string') return fail(r);
      return { ok: true, object: r as Obj };
    }
    default:
      return fail(`invalid override type: ${type}`);
  }
}
