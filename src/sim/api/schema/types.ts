// The compact schema model stored in generated/schema.json (written by scripts/gen-schema.mjs).
//
// A definition id is the OpenAPI definition name, e.g. `io.k8s.api.core.v1.PodSpec`.
// A property type (`t`) is a small type expression:
//   primitives   string | int32 | int64 | number | boolean
//   byte         base64 string ([]byte in Go, `format: byte`)
//   special      Quantity | IntOrString | Time | MicroTime | RawExtension | FieldsV1
//   reference    <definition id>
//   containers   []<T> | map[string]<T>
// `e` lists enum values (OpenAPI `enum`, applies to the innermost scalar), `f` a string format.
// List/map semantics (x-kubernetes-patch-strategy / -patch-merge-key / -list-type / -list-map-keys /
// -map-type), when known (sources/list-semantics.json), are `ps`, `pk`, `lt`, `lk`, `mt`.

export interface PropertySchema {
  t: string;
  e?: string[];
  f?: string;
  ps?: string;
  pk?: string;
  lt?: 'atomic' | 'set' | 'map';
  lk?: string[];
  /** x-kubernetes-map-type */
  mt?: 'atomic' | 'granular';
}

export interface DefinitionSchema {
  /** required property names */
  r?: string[];
  /** properties by JSON name */
  p: Record<string, PropertySchema>;
  /** additionalProperties type, if any */
  a?: string;
}

export interface SchemaDocument {
  kubernetesVersion: string;
  source: string;
  generatedBy: string;
  definitions: Record<string, DefinitionSchema>;
}

export interface DescriptionsDocument {
  kubernetesVersion: string;
  source: string;
  generatedBy: string;
  /** definition id -> property name ('' = the definition itself) -> text */
  descriptions: Record<string, Record<string, string>>;
}

export const PRIMITIVES = ['string', 'int32', 'int64', 'number', 'boolean', 'byte'] as const;
export const SPECIALS = ['Quantity', 'IntOrString', 'Time', 'MicroTime', 'RawExtension', 'FieldsV1'] as const;
export type Primitive = (typeof PRIMITIVES)[number];
export type Special = (typeof SPECIALS)[number];

export type TypeExpr =
  | { kind: 'primitive'; name: Primitive }
  | { kind: 'special'; name: Special }
  | { kind: 'ref'; id: string }
  | { kind: 'array'; items: TypeExpr }
  | { kind: 'map'; values: TypeExpr };

const parsedTypes = new Map<string, TypeExpr>();

/** Parses a compact type string (see the header comment). Results are cached. */
export function parseType(t: string): TypeExpr {
  let r = parsedTypes.get(t);
  if (r) return r;
  if (t.startsWith('[]')) r = { kind: 'array', items: parseType(t.slice(2)) };
  else if (t.startsWith('map[string]')) r = { kind: 'map', values: parseType(t.slice(11)) };
  else if ((PRIMITIVES as readonly string[]).includes(t)) r = { kind: 'primitive', name: t as Primitive };
  else if ((SPECIALS as readonly string[]).includes(t)) r = { kind: 'special', name: t as Special };
  else if (t.startsWith('io.k8s.')) r = { kind: 'ref', id: t };
  else throw new Error(`unknown schema type ${JSON.stringify(t)}`);
  parsedTypes.set(t, r);
  return r;
}

/** The definition a type refers to: itself, or its list items' or map values' (undefined for scalars). */
export function refOf(t: TypeExpr): string | undefined {
  if (t.kind === 'ref') return t.id;
  if (t.kind === 'array') return refOf(t.items);
  if (t.kind === 'map') return refOf(t.values);
  return undefined;
}

/** The definition's short name, e.g. `PodSpec` for `io.k8s.api.core.v1.PodSpec`. */
export function shortName(id: string): string {
  return id.slice(id.lastIndexOf('.') + 1);
}
