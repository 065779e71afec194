/**
 * Client-side apply's three-way strategic merge (k8s.io/apimachinery/pkg/util/strategicpatch
 * CreateThreeWayMergePatch): additions and changes come from modified vs current, deletions from
 * original (last-applied) vs modified. Lists with a merge key are merged element by element.
 */
import { isObject } from '../../api/object.ts';

const MERGE_KEYS: Record<string, string> = {
  containers: 'name', initContainers: 'name', env: 'name', volumes: 'name', volumeMounts: 'mountPath', ports: 'containerPort', imagePullSecrets: 'name', tolerations: '', hostAliases: 'ip',
};

type J = unknown;

function equal(a: J, b: J): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Returns the patch (possibly empty object) turning `current` into `modified`, deleting what `original` had. */
export function threeWayPatch(original: J, modified: J, current: J, field = ''): J {
  if (isObject(modified)) {
    const out: Record<string, J> = {};
    const cur = isObject(current) ? current : {};
    const orig = isObject(original) ? original : {};
    for (const [k, v] of Object.entries(modified)) {
      if (!(k in cur)) {
        out[k] = v;
        continue;
      }
      if (equal(cur[k], v)) continue;
      if (isObject(v) && isObject(cur[k])) {
        const sub = threeWayPatch(orig[k], v, cur[k], k);
        if (isObject(sub) && Object.keys(sub).length) out[k] = sub;
      } else if (Array.isArray(v) && Array.isArray(cur[k]) && MERGE_KEYS[k]) {
        const sub = listPatch(Array.isArray(orig[k]) ? (orig[k] as J[]) : [], v, cur[k] as J[], MERGE_KEYS[k]);
        if (sub) out[k] = sub;
      } else out[k] = v;
    }
    for (const k of Object.keys(orig)) if (!(k in modified) && k in cur) out[k] = null;
    return out;
  }
  void field;
  return modified;
}

function listPatch(original: J[], modified: J[], current: J[], key: string): J[] | null {
  const keyOf = (x: J) => (isObject(x) ? x[key] : undefined);
  const out: J[] = [];
  let changed = false;
  for (const m of modified) {
    const c = current.find((x) => keyOf(x) === keyOf(m));
    if (!c) {
      out.push(m);
      changed = true;
      continue;
    }
    const o = original.find((x) => keyOf(x) === keyOf(m));
    const sub = threeWayPatch(o, m, c);
    if (isObject(sub) && Object.keys(sub).length) {
      out.push({ ...sub, [key]: keyOf(m) });
      changed = true;
    }
  }
  for (const o of original) {
    if (!modified.some((m) => keyOf(m) === keyOf(o)) && current.some((c) => keyOf(c) === keyOf(o))) {
      out.push({ [key]: keyOf(o), $patch: 'delete' });
      changed = true;
    }
  }
  // Order changes alone do not count; a patch carries only changed elements.
  return changed ? out : null;
}

export function isEmptyPatch(p: J): boolean {
  return isObject(p) && Object.keys(p).length === 0;
}
