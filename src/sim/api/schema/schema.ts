// Schema lookup over generated/schema.json (structure only; descriptions live in
// generated/descriptions.json and are loaded by explain.ts alone).
import schemaJson from './generated/schema.json' with { type: 'json' };
import type { DefinitionSchema, PropertySchema, SchemaDocument, TypeExpr } from './types.ts';
import { parseType, shortName } from './types.ts';
import { resourceForKind } from './discovery.ts';
import type { ResourceInfo } from './discovery.ts';

export const schema = schemaJson as unknown as SchemaDocument;

/** "v1.35.0" */
export const KUBERNETES_VERSION = schema.kubernetesVersion;

export function getDefinition(id: string): DefinitionSchema | undefined {
  return schema.definitions[id];
}

export function getProperty(id: string, name: string): PropertySchema | undefined {
  const def = schema.definitions[id];
  return def && Object.hasOwn(def.p, name) ? def.p[name] : undefined;
}

export function isRequired(id: string, name: string): boolean {
  return schema.definitions[id]?.r?.includes(name) ?? false;
}

/** The definition id for a GVK the simulator serves, e.g. ('apps/v1', 'Deployment'). */
export function definitionForKind(apiVersion: string, kind: string): string | undefined {
  const info = resourceForKind(apiVersion, kind);
  return info && schema.definitions[info.definition] ? info.definition : undefined;
}

export function resourceInfoForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return resourceForKind(apiVersion, kind);
}

/**
 * Go's reflect.Type.String() of the type a field decodes into, as quoted by encoding/json errors
 * (`of type int32`, `of type []v1.Container`, `of type v1.PodSpec`, `map[string]string`).
 * Every modelled API package is named `v1` (k8s.io/api/<group>/v1, k8s.io/apimachinery/pkg/apis/meta/v1).
 * Named string/map types that OpenAPI does not record (v1.RestartPolicy, v1.ResourceList, ...) print
 * as their underlying type here; see GO_NAMED_TYPES for the ones that matter most.
 */
export function goTypeString(t: TypeExpr): string {
  switch (t.kind) {
    case 'primitive':
      switch (t.name) {
        case 'number': return 'float64';
        case 'byte': return '[]uint8';
        case 'boolean': return 'bool';
        default: return t.name;
      }
    case 'special':
      switch (t.name) {
        case 'Quantity': return 'resource.Quantity';
        case 'IntOrString': return 'intstr.IntOrString';
        case 'RawExtension': return 'runtime.RawExtension';
        default: return 'v1.' + t.name; // Time, MicroTime, FieldsV1
      }
    case 'ref': return 'v1.' + shortName(t.id);
    case 'array': return '[]' + goTypeString(t.items);
    case 'map': return 'map[string]' + goTypeString(t.values);
  }
}

/**
 * Go named types of fields whose Go type is not visible in OpenAPI (k8s.io/api core/v1 types.go):
 * `<definition>.<field>` -> type string. Only consulted for type-mismatch messages.
 */
export const GO_NAMED_TYPES: Readonly<Record<string, string>> = {
  'io.k8s.api.core.v1.ResourceRequirements.limits': 'v1.ResourceList',
  'io.k8s.api.core.v1.ResourceRequirements.requests': 'v1.ResourceList',
  'io.k8s.api.core.v1.PodSpec.restartPolicy': 'v1.RestartPolicy',
  'io.k8s.api.core.v1.PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'io.k8s.api.core.v1.Container.imagePullPolicy': 'v1.PullPolicy',
  'io.k8s.api.core.v1.ContainerPort.protocol': 'v1.Protocol',
  'io.k8s.api.core.v1.ServicePort.protocol': 'v1.Protocol',
  'io.k8s.api.core.v1.ServiceSpec.type': 'v1.ServiceType',
  'io.k8s.api.core.v1.Toleration.operator': 'v1.TolerationOperator',
  'io.k8s.api.core.v1.Toleration.effect': 'v1.TaintEffect',
  'io.k8s.api.core.v1.Taint.effect': 'v1.TaintEffect',
  'io.k8s.api.apps.v1.DeploymentStrategy.type': 'v1.DeploymentStrategyType',
};

export { parseType, shortName };
