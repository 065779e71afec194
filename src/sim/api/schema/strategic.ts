/**
 * Strategic-merge semantics of the API types' fields, read from their patch tags
 * (`patchStrategy`/`patchMergeKey` → x-kubernetes-patch-strategy / -patch-merge-key, kept in the
 * generated schema as `ps`/`pk`): what k8s.io/apimachinery/pkg/util/strategicpatch does with a
 * field. The same field name can differ by type — a Service's `ports` merge on `port`, a
 * container's on `containerPort` — so the lookup goes by the definition that holds the field.
 */
import { definitionForKind, getProperty } from './schema.ts';
import { parseType, refOf } from './types.ts';

export interface PatchMeta {
  /**
   * 'merge': a list of objects merged element by element on `key`; 'set': a list of scalars
   * merged as a set (patchStrategy merge, no key: finalizers, podCIDRs); 'replace': a list
   * replaced whole (no strategy: tolerations, args; listType atomic: taints). Undefined for
   * fields that are not lists.
   */
  list?: 'merge' | 'set' | 'replace';
  key?: string;
  /** Definition of the field's object value, of its list items, or of its map values. */
  def?: string;
}

const NONE: PatchMeta = {};
const cache = new Map<string, PatchMeta>();

/** The patch semantics of `field` in definition `def` (nothing known: plain merge-patch rules). */
export function patchMeta(def: string | undefined, field: string): PatchMeta {
  if (!def) return NONE;
  const id = `${def}#${field}`;
  let m = cache.get(id);
  if (m) return m;
  const prop = getProperty(def, field);
  if (!prop) m = NONE;
  else {
    const t = parseType(prop.t);
    const strategies = (prop.ps ?? '').split(',');
    m = { def: refOf(t) };
    if (t.kind === 'array') {
      if (strategies.includes('merge') && prop.pk) m = { ...m, list: 'merge', key: prop.pk };
      else if (strategies.includes('merge')) m = { ...m, list: 'set' };
      else m = { ...m, list: 'replace' };
    }
  }
  cache.set(id, m);
  return m;
}

/** The definition an object follows, from its apiVersion and kind (undefined when not served). */
export function definitionOf(obj: unknown): string | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  const { apiVersion, kind } = obj as { apiVersion?: unknown; kind?: unknown };
  return typeof apiVersion === 'string' && typeof kind === 'string' ? definitionForKind(apiVersion, kind) : undefined;
}
