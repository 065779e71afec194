/**
 * PATCH bodies: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic merge patch
 * (k8s.io/apimachinery/pkg/util/strategicpatch), whose list semantics come from the API types'
 * patch tags (../api/schema/strategic.ts).
 */
import { isObject } from '../api/object.ts';
import { definitionOf } from '../api/schema/strategic.ts';
import { strategicMerge } from '../api/strategicpatch.ts';


export function applyPatch(target: unknown, patch: unknown, type: 'json' | 'merge' | 'strategic' | 'apply'): unknown {
  switch (type) {
    case 'json':
      return jsonPatch(target, patch);
    case 'merge':
      return mergePatch(target, patch);
    case 'strategic':
    case 'apply': {
      // A type without a schema here (none is served today) gets merge-patch rules.
      const def = definitionOf(target);
      return def ? strategicMerge(target, patch, def) : mergePatch(target, patch);
    }
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
