/**
 * Client-side apply's three-way strategic merge (k8s.io/apimachinery/pkg/util/strategicpatch
 * CreateThreeWayMergePatch): additions and changes come from modified vs current, deletions from
 * original (last-applied) vs modified. Lists with a merge key are merged element by element, lists
 * of scalars with the merge strategy as sets; the semantics come from the API types' patch tags.
 */
import { isObject } from '../../api/object.ts';
import { definitionOf, patchMeta } from '../../api/schema/strategic.ts';
import { goStringLess } from '../printers/json.ts';

type J = unknown;

/**
 * mergepatch.ErrNoMergeKey: a list element without its merge key (`ports: [{cotainerPort: 8080}]`)
 * makes the patch impossible to compute — strategicpatch getMapAndMergeKeyValueByIndex,
 * `fmt.Errorf("map: %v does not contain declared merge key: %s", m, k)`.
 */
export class MergeKeyError extends Error {}

/** fmt's %v of a float64 (json.Unmarshal into interface{}): %g, shortest digits, exponent when exp < -4 or ≥ 6. */
function goFloatV(n: number): string {
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, e] = n.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** fmt's %v of a decoded JSON value: map[k:v …] (keys sorted), [a b], <nil>. */
function goV(v: J): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goFloatV(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  const o = v as Record<string, J>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(goStringLess);
  return `map[${keys.map((k) => `${k}:${goV(o[k])}`).join(' ')}]`;
}

function equal(a: J, b: J): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Returns the patch (possibly empty object) turning `current` into `modified`, deleting what
 * `original` had; `def` is the definition the values follow (by default the one of `modified`'s kind).
 */
export function threeWayPatch(original: J, modified: J, current: J, def: string | undefined = definitionOf(modified)): J {
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
      const meta = patchMeta(def, k);
      if (isObject(v) && isObject(cur[k])) {
        const sub = threeWayPatch(orig[k], v, cur[k], meta.def);
        if (isObject(sub) && Object.keys(sub).length) out[k] = sub;
      } else if (Array.isArray(v) && Array.isArray(cur[k]) && meta.list === 'merge' && meta.key) {
        const sub = listPatch(Array.isArray(orig[k]) ? (orig[k] as J[]) : [], v, cur[k] as J[], meta.key, meta.def);
        if (sub) out[k] = sub;
      } else if (Array.isArray(v) && Array.isArray(cur[k]) && meta.list === 'set') {
        // Scalars: the additions, and what last-applied had and modified dropped as
        // $deleteFromPrimitiveList/<field> (strategicpatch diffListsOfScalars).
        const curList = cur[k] as J[];
        const added = v.filter((x) => !curList.some((c) => equal(c, x)));
        const dropped = (Array.isArray(orig[k]) ? (orig[k] as J[]) : []).filter((o) => !v.some((x) => equal(x, o)) && curList.some((c) => equal(c, o)));
        if (added.length) out[k] = added;
        if (dropped.length) out[`$deleteFromPrimitiveList/${k}`] = dropped;
      } else out[k] = v;
    }
    // Deletions are what last-applied had and modified dropped, whether the live object still has it
    // or not (CreateThreeWayMergePatch: diffMaps(original, modified, IgnoreChangesAndAdditions) —
    // `stringData` the server never stores is deleted as `"stringData":null`).
    for (const k of Object.keys(orig)) if (!(k in modified)) out[k] = null;
    return out;
  }
  return modified;
}

function listPatch(original: J[], modified: J[], current: J[], key: string, itemDef: string | undefined): J[] | null {
  const keyOf = (x: J) => (isObject(x) ? x[key] : undefined);
  // diffListsOfMaps walks the live list and the modified one and reads each element's merge key.
  for (const x of [...current, ...modified]) if (isObject(x) && !(key in x)) throw new MergeKeyError(`map: ${goV(x)} does not contain declared merge key: ${key}`);
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
    const sub = threeWayPatch(o, m, c, itemDef);
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
