/** Label and field selectors on list requests. */
import type { KubeObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';
import { badRequest } from './errors.ts';
import { parseSelector } from '../api/labels.ts';

export function labelSelectorMatcher(sel: string): (labels: Record<string, string>) => boolean {
  try {
    const s = parseSelector(sel);
    return (labels) => s.matches(labels);
  } catch (e) {
    throw badRequest(`unable to parse requirement: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Fields each resource supports in field selectors (pkg/registry/<res>/strategy.go *ToSelectableFields). */
const FIELDS: Record<string, (o: KubeObject) => Record<string, string>> = {
  pods: (o) => {
    const spec = (o.spec ?? {}) as Record<string, unknown>;
    const status = (o.status ?? {}) as Record<string, unknown>;
    return {
      'spec.nodeName': String(spec.nodeName ?? ''),
      'spec.restartPolicy': String(spec.restartPolicy ?? ''),
      'spec.schedulerName': String(spec.schedulerName ?? ''),
      'spec.serviceAccountName': String(spec.serviceAccountName ?? ''),
      'status.phase': String(status.phase ?? ''),
      'status.podIP': String(status.podIP ?? ''),
      'status.nominatedNodeName': String(status.nominatedNodeName ?? ''),
    };
  },
  nodes: (o) => ({ 'spec.unschedulable': String(!!(o.spec as Record<string, unknown> | undefined)?.unschedulable) }),
  events: (o) => {
    const io = (o.involvedObject ?? {}) as Record<string, unknown>;
    const out: Record<string, string> = { reason: String(o.reason ?? ''), type: String(o.type ?? ''), 'source': String((o.source as Record<string, unknown> | undefined)?.component ?? '') };
    for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) out[`involvedObject.${k}`] = String(io[k] ?? '');
    return out;
  },
  secrets: (o) => ({ type: String(o.type ?? '') }),
  namespaces: (o) => ({ 'status.phase': String((o.status as Record<string, unknown> | undefined)?.phase ?? '') }),
};

export function fieldSelectorMatcher(info: ResourceInfo, sel: string): (o: KubeObject) => boolean {
  const reqs = sel.split(',').filter(Boolean).map((term) => {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term.trim());
    if (!m) throw badRequest(`invalid selector: '${sel}'; can't understand '${term}'`);
    return { field: m[1], op: m[2], value: m[3] };
  });
  const extract = FIELDS[info.resource];
  for (const r of reqs) {
    const known = r.field === 'metadata.name' || (info.namespaced && r.field === 'metadata.namespace');
    if (!known && !(extract && r.field in extract({ apiVersion: '', kind: '', metadata: {} }))) {
      throw badRequest(`"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
    }
  }
  return (o) =>
    reqs.every((r) => {
      const fields = { 'metadata.name': o.metadata.name ?? '', 'metadata.namespace': o.metadata.namespace ?? '', ...(extract?.(o) ?? {}) };
      const v = fields[r.field as keyof typeof fields] ?? '';
      return r.op === '!=' ? v !== r.value : v === r.value;
    });
}
