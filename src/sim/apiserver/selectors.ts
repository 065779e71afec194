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
    // labels.Parse's own error ("unable to parse requirement: …"), as DecodeParameters returns it.
    throw badRequest(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Field selectors, as the API server handles them: first the kind's field label conversion
 * (`scheme.AddFieldLabelConversionFunc`) decides which labels a list may name and how an unknown one is
 * refused; then the registry's selectable fields (pkg/registry/<res>/strategy.go, `*SelectableFields`)
 * give each object's values. Kinds without a conversion func use
 * `runtime.DefaultMetaV1FieldSelectorConversion` (apimachinery pkg/runtime/conversion.go): only
 * metadata.name and metadata.namespace, also for cluster-scoped kinds.
 */
interface FieldSpec {
  /** Labels the conversion func accepts, with the label each stands for (spec.host → spec.nodeName). */
  labels: Record<string, string>;
  /** The conversion func's error for any other label. */
  refuse: (label: string) => string;
  /** The registry's selectable fields besides metadata.name/namespace. */
  fields: (o: KubeObject) => Record<string, string>;
}

const same = (...ls: string[]): Record<string, string> => Object.fromEntries(ls.map((l) => [l, l]));
// pkg/apis/core/v1/conversion.go
const notSupported = (label: string) => `field label not supported: ${label}`;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const sub = (o: KubeObject, k: string) => ((o as Record<string, unknown>)[k] ?? {}) as Record<string, unknown>;

const SPECS: Record<string, FieldSpec> = {
  pods: {
    labels: {
      ...same('metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'),
      // for old v1 clients that send spec.host
      'spec.host': 'spec.nodeName',
    },
    refuse: notSupported,
    // pkg/registry/core/pod/strategy.go ToSelectableFields (status.podIPs is accepted but not selectable)
    fields: (o) => {
      const spec = sub(o, 'spec');
      const status = sub(o, 'status');
      const ips = (status.podIPs ?? []) as { ip?: string }[];
      return {
        'spec.nodeName': str(spec.nodeName),
        'spec.restartPolicy': str(spec.restartPolicy),
        'spec.schedulerName': str(spec.schedulerName),
        'spec.serviceAccountName': str(spec.serviceAccountName),
        'spec.hostNetwork': String(spec.hostNetwork === true),
        'status.phase': str(status.phase),
        'status.podIP': str(ips[0]?.ip ?? status.podIP),
        'status.nominatedNodeName': str(status.nominatedNodeName),
      };
    },
  },
  nodes: {
    labels: same('metadata.name', 'spec.unschedulable'),
    refuse: notSupported,
    fields: (o) => ({ 'spec.unschedulable': String(sub(o, 'spec').unschedulable === true) }),
  },
  replicationcontrollers: {
    labels: same('metadata.name', 'metadata.namespace', 'status.replicas'),
    refuse: notSupported,
    fields: (o) => ({ 'status.replicas': String(Number(sub(o, 'status').replicas ?? 0)) }),
  },
  events: {
    labels: same(
      'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion',
      'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name',
    ),
    refuse: notSupported,
    // pkg/registry/core/event/strategy.go ToSelectableFields: source is the source component, else the reporting controller
    fields: (o) => {
      const io = sub(o, 'involvedObject');
      const reporting = str((o as Record<string, unknown>).reportingComponent);
      const out: Record<string, string> = {
        reason: str(o.reason),
        reportingComponent: reporting,
        source: str(sub(o, 'source').component) || reporting,
        type: str(o.type),
      };
      for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) out[`involvedObject.${k}`] = str(io[k]);
      return out;
    },
  },
  namespaces: {
    labels: same('status.phase', 'metadata.name'),
    refuse: notSupported,
    fields: (o) => ({ 'status.phase': str(sub(o, 'status').phase) }),
  },
  secrets: {
    labels: same('type', 'metadata.namespace', 'metadata.name'),
    refuse: notSupported,
    fields: (o) => ({ type: str(o.type) }),
  },
  services: {
    labels: same('metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'),
    refuse: notSupported,
    // pkg/registry/core/service/strategy.go SelectableFields
    fields: (o) => ({ 'spec.clusterIP': str(sub(o, 'spec').clusterIP), 'spec.type': str(sub(o, 'spec').type) }),
  },
  jobs: {
    labels: same('metadata.name', 'metadata.namespace', 'status.successful'),
    // pkg/apis/batch/v1/conversion.go
    refuse: (label) => `field label ${JSON.stringify(label)} not supported for batchv1.Job`,
    fields: (o) => ({ 'status.successful': String(Number(sub(o, 'status').succeeded ?? 0)) }),
  },
};

const DEFAULT_SPEC: FieldSpec = {
  labels: same('metadata.name', 'metadata.namespace'),
  refuse: (label) => `${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
  fields: () => ({}),
};

export function fieldSelectorMatcher(info: ResourceInfo, sel: string): (o: KubeObject) => boolean {
  const reqs = sel.split(',').filter(Boolean).map((term) => {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term.trim());
    if (!m) throw badRequest(`invalid selector: '${sel}'; can't understand '${term}'`);
    return { field: m[1], op: m[2], value: m[3] };
  });
  const spec = (!info.group || info.group === 'batch' ? SPECS[info.resource] : undefined) ?? DEFAULT_SPEC;
  for (const r of reqs) {
    const to = spec.labels[r.field];
    if (to === undefined) throw badRequest(spec.refuse(r.field));
    r.field = to;
  }
  return (o) => {
    // generic.ObjectMetaFieldsSet: metadata.namespace only for namespaced kinds (absent reads as "")
    const fields: Record<string, string> = { 'metadata.name': o.metadata.name ?? '', ...(info.namespaced ? { 'metadata.namespace': o.metadata.namespace ?? '' } : {}), ...spec.fields(o) };
    return reqs.every((r) => {
      const v = fields[r.field] ?? '';
      return r.op === '!=' ? v !== r.value : v === r.value;
    });
  };
}
