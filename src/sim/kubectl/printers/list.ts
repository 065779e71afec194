// The `v1/List` kubectl builds when `get -o yaml|json` returns several objects
// (kubectl pkg/cmd/get/get.go: `list := &unstructured.UnstructuredList{Object: {"kind": "List",
// "apiVersion": "v1", "metadata": {}}}`; printed with `metadata.resourceVersion: ""`).

export interface ListObject {
  apiVersion: 'v1';
  items: unknown[];
  kind: 'List';
  metadata: { resourceVersion: string };
}

export function toList(items: unknown[]): ListObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** `--show-managed-fields=false` (the default): metadata.managedFields is dropped before printing. */
export function omitManagedFields<T>(obj: T): T {
  if (obj === null || typeof obj !== 'object') return obj;
  const o = obj as { metadata?: Record<string, unknown>; items?: unknown[] };
  let out: Record<string, unknown> = o as Record<string, unknown>;
  if (o.metadata && 'managedFields' in o.metadata) {
    const { managedFields: _drop, ...rest } = o.metadata;
    void _drop;
    out = { ...out, metadata: rest };
  }
  if (Array.isArray(o.items)) out = { ...out, items: o.items.map(omitManagedFields) };
  return out as T;
}
