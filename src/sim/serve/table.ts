/**
 * Server-side printing over HTTP: `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` turns a get
 * or list into a meta.k8s.io Table whose rows come from the one printer implementation
 * (src/sim/apiserver/printers/printers.ts, as pkg/printers/internalversion/printers.go serves both
 * kubectl and the API). Rows carry the object as PartialObjectMetadata unless `includeObject`
 * says Object or None (apiserver pkg/endpoints/handlers/response.go asTable; metav1.TableOptions).
 */
import type { KubeObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';
import { toTable } from '../apiserver/printers/printers.ts';
import type { MediaType } from './types.ts';

export type Target =
  | { as: 'Table'; version: 'v1' | 'v1beta1' }
  | { as: 'PartialObjectMetadata' | 'PartialObjectMetadataList'; version: 'v1' | 'v1beta1' }
  | { as: 'object' };

/** The representation the client asked for (first acceptable media range wins). */
export function negotiate(accept: MediaType[]): Target {
  for (const m of accept) {
    const { as, g, v } = m.params;
    if (!as) {
      if (m.type === 'application/json' || m.type === '*/*' || m.type === 'application/*' || m.type === 'application/yaml') return { as: 'object' };
      continue;
    }
    if (g !== 'meta.k8s.io' || (v !== 'v1' && v !== 'v1beta1')) continue;
    if (as === 'Table') return { as: 'Table', version: v };
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { as, version: v };
  }
  return { as: 'object' };
}

/** Column descriptions of the built-in printers (metav1.ObjectMeta field docs for Name/Age). */
const COLUMN_DOC: Record<string, string> = {
  Name: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  Age: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
};

export function partialMetadata(o: KubeObject, version: string) {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: o.metadata };
}

export interface TableOptions {
  version: 'v1' | 'v1beta1';
  includeObject?: string;
  noHeaders?: boolean;
}

export function tableOf(info: ResourceInfo, objects: KubeObject[], nowMs: number, resourceVersion: string | undefined, opts: TableOptions) {
  const t = toTable(info, objects, nowMs, resourceVersion);
  const include = opts.includeObject || 'Metadata';
  const out: Record<string, unknown> = {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${opts.version}`,
    metadata: resourceVersion === undefined ? {} : { resourceVersion },
  };
  if (!opts.noHeaders) {
    out.columnDefinitions = t.columnDefinitions.map((c) => ({ ...c, type: cellType(t.rows[0]?.cells[t.columnDefinitions.indexOf(c)], c.type), description: c.description || COLUMN_DOC[c.name] || '' }));
  }
  out.rows = t.rows.map((r) => {
    const row: Record<string, unknown> = { cells: r.cells };
    if (include === 'Object') row.object = r.object;
    else if (include !== 'None') row.object = partialMetadata(r.object, opts.version);
    return row;
  });
  return out;
}

/** The column type the real printers declare: integer and boolean cells (printPriorityClass) as such. */
function cellType(cell: unknown, fallback: string): string {
  if (typeof cell === 'number') return 'integer';
  if (typeof cell === 'boolean') return 'boolean';
  return fallback;
}
