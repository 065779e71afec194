/**
 * PATCH bodies: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic merge patch
 * (k8s.io/apimachinery/pkg/util/strategicpatch) for the list merge keys users meet.
 */
import { isObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';

/** patchMergeKey of list fields, by field name (from the API types' struct tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
  // NodeSpec.taints has no patch strategy (+listType=atomic): a patch replaces the whole list, as
  // kubectl taint relies on (it sends the complete new list).
  ownerReferences: 'uid',
  hostAliases: 'ip',
};
/** Lists merged as sets of scalars (patchStrategy:"merge" on []string). */
const SET_LISTS = new Set(['finalizers']);

export function applyPatch(target: unknown, patch: unknown, type: 'json' | 'merge' | 'strategic' | 'apply', info: ResourceInfo): unknown {
  switch (type) {
    case 'json':
      return jsonPatch(target, patch);
    case 'merge':
      return mergePatch(target, patch);
    case 'strategic':
    case 'apply':
      if (info.group === '' || ['apps', 'batch', 'policy'].includes(info.group)) return strategicMerge(target, patch, '');
      return mergePatch(target, patch);
  }
}

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function strategicMerge(target: unknown, patch: unknown, field: string): unknown {
  if (Array.isArray(patch)) {
    const key = MERGE_KEYS[field];
    if (SET_LISTS.has(field) && Array.isArray(target)) {
      const out = [...target];
      for (const p of patch) if (!out.includes(p)) out.push(p);
      return out;
    }
    if (!key || !Array.isArray(target)) return patch.filter((p) => !(isObject(p) && p.$patch === 'delete'));
    const out = target.map((x) => x);
    for (const p of patch) {
      if (!isObject(p)) continue;
      const i = out.findIndex((x) => isObject(x) && x[key] === p[key]);
      if (p.$patch === 'delete') {
        if (i >= 0) out.splice(i, 1);
      } else if (p.$patch === 'replace') {
        const { $patch: _ignored, ...rest } = p;
        if (i >= 0) out[i] = rest;
        else out.push(rest);
      } else if (i >= 0) out[i] = strategicMerge(out[i], p, '');
      else out.push(strategicMerge(undefined, p, ''));
    }
    return out;
  }
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return rest;
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const f = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[f]) && Array.isArray(v)) out[f] = (out[f] as unknown[]).filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) delete out[k];
    else {
      const merged = strategicMerge(out[k], v, k);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
  }
  return out;
}

interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = target;
  for (const raw of ops as JsonPatchOp[]) {
    const path = parsePointer(raw.path);
    switch (raw.op) {
      case 'add':
        doc = setAt(doc, path, raw.value, 'add');
        break;
      case 'replace':
        getAt(doc, path, raw);
        doc = setAt(doc, path, raw.value, 'replace');
        break;
      case 'remove':
        getAt(doc, path, raw);
        doc = setAt(doc, path, undefined, 'remove');
        break;
      case 'test':
        if (JSON.stringify(getAt(doc, path, raw)) !== JSON.stringify(raw.value)) throw new Error('testing value ' + raw.path + ' failed');
        break;
      case 'move':
      case 'copy': {
        const from = parsePointer(raw.from ?? '');
        const v = getAt(doc, from, raw);
        if (raw.op === 'move') doc = setAt(doc, from, undefined, 'remove');
        doc = setAt(doc, path, v, 'add');
        break;
      }
      default:
        throw new Error(`Unexpected kind: ${raw.op}`);
    }
  }
  return doc;
}

function parsePointer(p: string): string[] {
  if (p === '') return [];
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: unknown, path: string[], op: JsonPatchOp): unknown {
  let cur = doc;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur)) cur = cur[seg];
    else cur = undefined;
    if (cur === undefined) throw new Error(`${op.op} operation does not apply: doc is missing path: "${op.path}": missing value`);
  }
  return cur;
}

function setAt(doc: unknown, path: string[], value: unknown, mode: 'add' | 'replace' | 'remove'): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const arr = [...doc];
    const idx = head === '-' ? arr.length : Number(head);
    if (rest.length) arr[idx] = setAt(arr[idx], rest, value, mode);
    else if (mode === 'add') arr.splice(idx, 0, value);
    else if (mode === 'remove') arr.splice(idx, 1);
    else arr[idx] = value;
    return arr;
  }
  const obj: Record<string, unknown> = isObject(doc) ? { ...doc } : {};
  if (rest.length) obj[head] = setAt(obj[head], rest, value, mode);
  else if (mode === 'remove') delete obj[head];
  else obj[head] = value;
  return obj;
}
