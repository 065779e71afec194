// `kubectl explain` as kubectl v1.35 prints it: the OpenAPI-v3 explainer (kubectl >= 1.27,
// --output=plaintext), i.e. the Go template
//   kubernetes/kubectl pkg/explain/v2/templates/plaintext.tmpl
// with the template functions of pkg/explain/v2/funcs.go ("wrap" = k8s.io/kubectl/pkg/util/term
// NewWordWrapWriter = github.com/mitchellh/go-wordwrap v1.0.1 WrapString; "indent" pads the first
// line and every line after a "\n", blank ones included).
//
// The OpenAPI v3 shapes the template walks are rebuilt from the compact schema:
//   a property referring to a definition = {allOf: [{$ref}], description}; an array = {type: array,
//   items}; a map = {type: object, additionalProperties}; a primitive = {type, enum?, description}.
// typeGuess prints a $ref by its short name unless the referenced schema has a primitive `type`
// (Time and MicroTime are `string` in the v3 spec; Quantity and IntOrString have no `type`, so they
// print as <Quantity> / <IntOrString>); integers print as <integer>, byte strings as <string>.
//
// Field lines are `<indent><name>\t<<type>>`: kubectl writes a real TAB there (terminals expand it to
// the next multiple of 8 columns, which is how transcripts show it).
import descriptionsJson from './generated/descriptions.json' with { type: 'json' };
import type { DescriptionsDocument, TypeExpr } from './types.ts';
import { parseType, shortName } from './types.ts';
import { getDefinition } from './schema.ts';
import { lookupResource } from './discovery.ts';

const descriptions = (descriptionsJson as unknown as DescriptionsDocument).descriptions;

const SPECIAL_IDS: Record<string, string> = {
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  Time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  MicroTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  FieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
};

// ---------------------------------------------------------------------------------------------
// A minimal OpenAPI v3 schema view.
interface Node {
  /** `$ref` target (on a bare reference) or the definition id (on a resolved definition) */
  ref?: string;
  /** a bare `{$ref}` */
  refOnly?: boolean;
  description?: string;
  /** primitive `type` as in the v3 spec; undefined for Quantity / IntOrString */
  type?: string;
  enum?: string[];
  properties?: Map<string, Node>;
  required?: string[];
  items?: Node;
  additionalProperties?: Node;
  allOf?: Node[];
}

const defCache = new Map<string, Node>();

/** The resolved schema of a definition id (components/schemas/<id>). */
function definitionNode(id: string): Node {
  let n = defCache.get(id);
  if (n) return n;
  const special = Object.entries(SPECIAL_IDS).find(([, v]) => v === id)?.[0];
  if (special) {
    const type = special === 'Time' || special === 'MicroTime' ? 'string'
      : special === 'RawExtension' || special === 'FieldsV1' ? 'object' : undefined;
    n = { ref: id, description: descriptions[id]?.[''], type };
  } else {
    const def = getDefinition(id);
    if (!def) throw new Error(`schema has no definition ${id}`);
    n = { ref: id, description: descriptions[id]?.[''], type: 'object', required: def.r ?? [] };
    const props = new Map<string, Node>();
    n.properties = props;
    defCache.set(id, n);
    for (const name of Object.keys(def.p).sort()) {
      const p = def.p[name];
      const node = typeNode(parseType(p.t), p.e);
      node.description = descriptions[id]?.[name];
      props.set(name, node);
    }
  }
  defCache.set(id, n);
  return n;
}

function refNode(id: string): Node {
  // {allOf: [{$ref}]}: the definition itself is resolved lazily by the walkers
  return { allOf: [{ ref: id, refOnly: true }] };
}

function typeNode(t: TypeExpr, enumValues?: string[]): Node {
  switch (t.kind) {
    case 'array': return { type: 'array', items: typeNode(t.items, enumValues) };
    case 'map': return { type: 'object', additionalProperties: typeNode(t.values, enumValues) };
    case 'ref': return refNode(t.id);
    case 'special': return refNode(SPECIAL_IDS[t.name]);
    case 'primitive': {
      const type = t.name === 'int32' || t.name === 'int64' ? 'integer' : t.name === 'byte' ? 'string' : t.name;
      return enumValues ? { type, enum: enumValues } : { type };
    }
  }
}

/** resolveRef: a bare {ref} stands for `$ref`; anything else is already a schema. */
function isRef(n: Node): boolean {
  return n.refOnly === true;
}
function resolve(n: Node): Node {
  return isRef(n) ? definitionNode(n.ref!) : n;
}
function refString(n: Node): string {
  return isRef(n) ? n.ref! : '';
}

// ---------------------------------------------------------------------------------------------
// Template functions.

/** github.com/mitchellh/go-wordwrap v1.0.1 WrapString (rune counts; NBSP is not a break). */
export function wordWrap(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else { current += spaceLen; buf += space; }
        space = ''; spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        space = ''; spaceLen = 0; word = ''; wordLen = 0;
      }
      buf += ch;
      current = 0;
    } else if (/\s/u.test(ch) && ch !== '\u00a0') {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = ''; spaceLen = 0; word = ''; wordLen = 0;
      }
      space += ch; spaceLen++;
    } else {
      word += ch; wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = ''; spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join('\n' + pad);
}

function typeGuess(n: Node): string {
  if (n.items) return '[]' + typeGuess(n.items);
  if (n.additionalProperties) return 'map[string]' + typeGuess(n.additionalProperties);
  if (n.allOf && !n.properties && n.allOf.length === 1) return typeGuess(n.allOf[0]);
  if (isRef(n)) {
    const r = definitionNode(n.ref!);
    if (!r.type || r.type === 'object') return shortName(n.ref!) || 'Object';
    return r.type;
  }
  if (n.type === 'object') return 'Object';
  return n.type || 'Object';
}

function extractEnum(n: Node, longView: boolean, limit: number, indentAmount: number): string {
  if (!n.enum || n.enum.length === 0) return '';
  let out = longView ? 'ENUM:' : '\n' + ' '.repeat(indentAmount) + 'enum: ';
  for (let i = 0; i < n.enum.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n    ';
    out += n.enum[i] === '' ? '""' : n.enum[i];
  }
  return out;
}

function description(n: Node): string {
  const r = resolve(n);
  let out = '';
  if (r.description) out += r.description + '\n';
  for (const a of r.allOf ?? []) out += description(a);
  if (r.items) out += description(r.items);
  if (r.additionalProperties) out += description(r.additionalProperties);
  return out;
}

function fieldDetail(name: string, schema: Node, short: boolean, level: number): string {
  const indentAmount = level * 2;
  const field = schema.properties!.get(name)!;
  let out = indent(indentAmount, name) + '\t<' + typeGuess(field) + '>';
  if (schema.required?.includes(name)) out += ' -required-';
  out += extractEnum(field, false, 4, indentAmount);
  out += '\n';
  if (!short) {
    out += indent(indentAmount + 2, wordWrap(field.description || '<no description>', 78 - indentAmount)) + '\n';
    out += '\n';
  }
  return out;
}

function fieldList(schema: Node, level: number, recursive: boolean, history: Set<string>): string {
  const ref = refString(schema);
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const r = resolve(schema);
  let out = '';
  for (const [k, v] of r.properties ?? []) {
    out += fieldDetail(k, r, recursive, level);
    if (recursive) out += fieldList(v, level + 1, recursive, next);
  }
  for (const a of r.allOf ?? []) out += fieldList(a, level, recursive, next);
  if (r.items) out += fieldList(r.items, level, recursive, next);
  if (r.additionalProperties) out += fieldList(r.additionalProperties, level, recursive, next);
  return out;
}

function output(schema: Node, fieldPath: string[], recursive: boolean, history: Set<string>): string {
  const ref = refString(schema);
  const next = new Set(history).add(ref);
  const r = resolve(schema);
  if (fieldPath.length === 0) {
    let out = 'DESCRIPTION:\n';
    out += indent(4, wordWrap(description(r) || '<empty>', 76)) + '\n';
    const fields = fieldList(r, 1, recursive, new Set());
    if (fields) out += 'FIELDS:\n' + fields;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const sub = r.properties?.get(fieldPath[0]);
  if (sub) {
    let out = '';
    if (fieldPath.length === 1) {
      out += `FIELD: ${fieldPath[0]} <${typeGuess(sub)}>\n`;
      out += extractEnum(sub, true, -1, 0) + '\n';
      out += '\n';
    }
    return out + output(sub, fieldPath.slice(1), recursive, new Set());
  }
  if (r.items) return output(r.items, fieldPath, recursive, next);
  if (r.additionalProperties) return output(r.additionalProperties, fieldPath, recursive, next);
  for (const a of r.allOf ?? []) {
    const o = output(a, fieldPath, recursive, next);
    if (o) return o;
  }
  return '';
}

export interface ExplainOptions {
  recursive?: boolean;
}

export type ExplainResult = { output: string } | { error: string };

/**
 * `kubectl explain <target> [--recursive]`, e.g. target `pods`, `pod.spec.containers`,
 * `deploy.spec.strategy`. Returns stdout, or the line kubectl prints on stderr (with `error: `).
 */
export function explain(target: string, opts: ExplainOptions = {}): ExplainResult {
  const [resourceName, ...fieldPath] = target.replace(/\.$/, '').split('.');
  const info = lookupResource(resourceName);
  if (!info) return { error: `error: the server doesn't have a resource type ${JSON.stringify(resourceName)}` };
  let out = '';
  if (info.group) out += `GROUP:      ${info.group}\n`;
  out += `KIND:       ${info.kind}\n`;
  out += `VERSION:    ${info.version}\n`;
  out += '\n';
  const body = output({ ref: info.definition, refOnly: true }, fieldPath, !!opts.recursive, new Set());
  if (!body) return { error: `error: field ${JSON.stringify(fieldPath[fieldPath.length - 1])} does not exist` };
  return { output: out + body + '\n' };
}
