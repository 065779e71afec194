/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch), as the API server applies it
 * and kubectl uses it client-side (`run --overrides`): maps merge key by key, lists follow their
 * field's patch tags (./schema/strategic.ts), and the `$patch`, `$deleteFromPrimitiveList/…`,
 * `$setElementOrder/…` and `$retainKeys` directives are honoured (the last two only as far as the
 * result's content goes: element order and retained keys are not re-imposed).
 */
import { isObject } from './object.ts';
import { patchMeta } from './schema/strategic.ts';

/** Strategic merge of `patch` into `target`, a value of definition `def`. */
export function strategicMerge(target: unknown, patch: unknown, def: string | undefined): unknown {
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
    if (v === null) {
      delete out[k];
      continue;
    }
    const meta = patchMeta(def, k);
    const merged = Array.isArray(v) ? mergeList(out[k], v, meta.list, meta.key, meta.def) : strategicMerge(out[k], v, meta.def);
    if (merged === undefined) delete out[k];
    else out[k] = merged;
  }
  return out;
}

function mergeList(target: unknown, patch: unknown[], list: 'merge' | 'set' | 'replace' | undefined, key: string | undefined, itemDef: string | undefined): unknown {
  if (list === 'set' && Array.isArray(target)) {
    const out = [...target];
    for (const p of patch) if (!out.includes(p)) out.push(p);
    return out;
  }
  if (list !== 'merge' || !key || !Array.isArray(target)) return patch.filter((p) => !(isObject(p) && p.$patch === 'delete'));
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
    } else if (i >= 0) out[i] = strategicMerge(out[i], p, itemDef);
    else out.push(strategicMerge(undefined, p, itemDef));
  }
  return out;
}

