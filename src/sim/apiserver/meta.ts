/** ValidateObjectMeta (k8s.io/apimachinery/pkg/api/validation/objectmeta.go) with each kind's name rule. */
import type { KubeObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';
import { invalid, required, type FieldError } from '../api/validation/field.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../api/validation/names.ts';

const NAME_RULE: Record<string, (v: string) => string[]> = {
  services: isDNS1035Label,
  namespaces: isDNS1123Label,
};

export function validateObjectMeta(obj: KubeObject, info: ResourceInfo): FieldError[] {
  const errs: FieldError[] = [];
  const meta = obj.metadata;
  if (!meta.name) {
    if (!meta.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  } else {
    const rule = NAME_RULE[info.resource] ?? isDNS1123Subdomain;
    for (const msg of rule(meta.name)) errs.push(invalid('metadata.name', meta.name, msg));
  }
  if (info.namespaced && meta.namespace) {
    for (const msg of isDNS1123Label(meta.namespace)) errs.push(invalid('metadata.namespace', meta.namespace, msg));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  for (const k of Object.keys(meta.annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid('metadata.annotations', k, msg));
  }
  const annSize = Object.entries(meta.annotations ?? {}).reduce((n, [k, v]) => n + k.length + String(v).length, 0);
  if (annSize > 256 * 1024) errs.push({ type: 'FieldValueTooLong', field: 'metadata.annotations', value: '', detail: 'must have at most 262144 bytes' });
  return errs;
}

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(field, k, msg));
    for (const msg of isValidLabelValue(String(v))) errs.push(invalid(field, v, msg));
  }
  return errs;
}
