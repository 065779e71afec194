#!/usr/bin/env node
// Generates src/sim/api/schema/generated/{schema,descriptions}.json from the Kubernetes OpenAPI spec
// as shipped (pre-processed) in the npm package `kubernetes-models` (a devDependency), plus the
// documented v1.35 overlay in src/sim/api/schema/sources/overlay-v1.35.json.
//
// Run by a developer (never at build or run time):   npx node scripts/gen-schema.mjs
// Output is committed. Re-run after bumping kubernetes-models or editing the overlay.
//
// Why kubernetes-models: it is the only npm package reachable here that carries, per OpenAPI
// definition, the property types *with the $ref names* (Quantity, IntOrString, Time, ObjectMeta...),
// `required`, `enum` and the full multi-paragraph descriptions, generated from the official
// Kubernetes OpenAPI spec (tommy351/kubernetes-models-ts, CHANGELOG 5.0.0: "Update to Kubernetes
// v1.36.0"; the spec is the upstream swagger regenerated with enums, tommy351/kubernetes-openapi-spec).
// Its .d.ts files hold the structure and descriptions; integer/byte formats are not in the .d.ts, so
// they are read back from the package's compiled JSON-schema validators (_schemas/*.js) by probing
// each numeric/string leaf (see probeFormat).
//
// What the spec does not carry (x-kubernetes-patch-*, x-kubernetes-list-*) is not in this package;
// see sources/list-semantics.json (cited per field) — applied here too.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const KM = path.dirname(require.resolve('kubernetes-models/package.json'));
const AM = path.join(path.dirname(KM), '@kubernetes-models', 'apimachinery');
const SCHEMA_DIR = path.join(ROOT, 'src/sim/api/schema');
const OUT_DIR = path.join(SCHEMA_DIR, 'generated');
const SOURCES = path.join(SCHEMA_DIR, 'sources');

const EXPECTED_KM_VERSION = '5.1.0'; // Kubernetes v1.36.0 spec
const kmVersion = JSON.parse(fs.readFileSync(path.join(KM, 'package.json'), 'utf8')).version;
const amVersion = JSON.parse(fs.readFileSync(path.join(AM, 'package.json'), 'utf8')).version;
if (kmVersion !== EXPECTED_KM_VERSION) {
  console.error(`kubernetes-models ${kmVersion} installed, overlay written against ${EXPECTED_KM_VERSION}: ` +
    're-check sources/overlay-v1.35.json before trusting the output.');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Root kinds modelled by the simulator (definition ids as in the OpenAPI spec).
const ROOTS = [
  'io.k8s.api.core.v1.Pod', 'io.k8s.api.core.v1.Binding', 'io.k8s.api.core.v1.Node',
  'io.k8s.api.core.v1.Namespace', 'io.k8s.api.core.v1.ReplicationController', 'io.k8s.api.core.v1.Service',
  'io.k8s.api.core.v1.Endpoints', 'io.k8s.api.core.v1.ConfigMap', 'io.k8s.api.core.v1.Secret',
  'io.k8s.api.core.v1.ResourceQuota', 'io.k8s.api.core.v1.LimitRange', 'io.k8s.api.core.v1.ServiceAccount',
  'io.k8s.api.core.v1.Event', 'io.k8s.api.core.v1.PersistentVolume', 'io.k8s.api.core.v1.PersistentVolumeClaim',
  'io.k8s.api.apps.v1.Deployment', 'io.k8s.api.apps.v1.ReplicaSet', 'io.k8s.api.apps.v1.DaemonSet',
  'io.k8s.api.apps.v1.StatefulSet', 'io.k8s.api.discovery.v1.EndpointSlice', 'io.k8s.api.events.v1.Event',
  'io.k8s.api.batch.v1.Job', 'io.k8s.api.batch.v1.CronJob', 'io.k8s.api.policy.v1.Eviction',
  'io.k8s.api.scheduling.v1.PriorityClass', 'io.k8s.api.rbac.v1.Role', 'io.k8s.api.rbac.v1.RoleBinding',
  'io.k8s.api.rbac.v1.ClusterRole', 'io.k8s.api.rbac.v1.ClusterRoleBinding', 'io.k8s.api.coordination.v1.Lease',
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta',
];
// The <Kind>List definitions exist in the spec too; they are generated generically (ListMeta + items).

// ---------------------------------------------------------------------------------------------
// File <-> definition id.
// kubernetes-models lays out `<group dir>/<version>/<Name>.d.ts` ("v1/…" for the core group);
// @kubernetes-models/apimachinery lays out `<apimachinery package path>/<Name>.d.ts`.
function idForFile(file) {
  if (file.startsWith(AM + path.sep)) {
    const rel = path.relative(AM, file).replace(/\.d\.ts$/, '').split(path.sep);
    return 'io.k8s.apimachinery.pkg.' + rel.join('.');
  }
  const rel = path.relative(KM, file).replace(/\.d\.ts$/, '').split(path.sep);
  if (rel.length === 2) return `io.k8s.api.core.${rel[0]}.${rel[1]}`;
  const [groupDir, version, name] = rel;
  const group = groupDir.replace(/\.k8s\.io$/, '').split('.')[0];
  return `io.k8s.api.${group}.${version}.${name}`;
}
function fileForId(id) {
  let m;
  if ((m = /^io\.k8s\.apimachinery\.pkg\.(.+)$/.exec(id))) return path.join(AM, ...m[1].split('.')) + '.d.ts';
  if ((m = /^io\.k8s\.api\.core\.(v1)\.(\w+)$/.exec(id))) return path.join(KM, m[1], m[2] + '.d.ts');
  if ((m = /^io\.k8s\.api\.(\w+)\.(\w+)\.(\w+)$/.exec(id))) {
    const dirs = fs.readdirSync(KM).filter((d) => d === m[1] || d.startsWith(m[1] + '.'));
    for (const d of dirs) {
      const f = path.join(KM, d, m[2], m[3] + '.d.ts');
      if (fs.existsSync(f)) return f;
    }
  }
  throw new Error('no file for ' + id);
}
function schemaFileForId(id) {
  // _schemas/IoK8sApiCoreV1PodSpec.js: the id's segments, each upper-cased first letter, dots removed.
  const base = id.split('.').map((s) => s.split('-').map((p) => p[0].toUpperCase() + p.slice(1)).join('')).join('');
  const dir = id.startsWith('io.k8s.apimachinery.') ? AM : KM;
  return path.join(dir, '_schemas', base + '.js');
}

// ---------------------------------------------------------------------------------------------
// Description comments: kubernetes-models' formatComment() (@kubernetes-models/string-util) writes
// " * " + line.replace(/\*/g, "\\*").replace(/\*\//g, "*\\/") per line. Undo exactly that.
function unescapeComment(raw) {
  const body = raw.replace(/^\/\*\*\n?/, '').replace(/\n?\s*\*\/$/, '');
  const lines = body.split('\n').map((l) => {
    const m = /^\s*\* ?(.*)$/.exec(l);
    return m ? m[1] : l;
  });
  return lines.map((l) => l.replace(/\*\\\//g, '*/').replace(/\\\*/g, '*')).join('\n');
}
function leadingDoc(sf, node) {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) || [];
  const docs = ranges.filter((r) => sf.text.startsWith('/**', r.pos));
  if (!docs.length) return undefined;
  const r = docs[docs.length - 1];
  return unescapeComment(sf.text.slice(r.pos, r.end));
}

// ---------------------------------------------------------------------------------------------
// Parse one definition file.
const SPECIAL = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'Quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'IntOrString',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'Time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'MicroTime',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'RawExtension',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'FieldsV1',
};

const parsed = new Map(); // id -> { description, properties: Map(name -> {type, required, description}), kind? }
function parseDefinition(id) {
  if (parsed.has(id)) return parsed.get(id);
  const added = (overlay.addDefinitions || []).find((d) => d.id === id);
  if (added) {
    const def = { id, description: added.description, properties: new Map(), required: [], fromOverlay: true };
    for (const [name, e] of Object.entries(added.properties)) {
      def.properties.set(name, { ...decodeOverlayType(e.type), description: e.description, required: !!e.required });
    }
    parsed.set(id, def);
    return def;
  }
  const file = fileForId(id);
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map(); // imported identifier -> definition id
  let iface, alias, typeMeta = false;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      const spec = st.moduleSpecifier.text;
      let target;
      if (spec.startsWith('.')) target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.d.ts'));
      else if (spec.startsWith('@kubernetes-models/apimachinery/')) target = path.join(AM, spec.slice('@kubernetes-models/apimachinery/'.length) + '.d.ts');
      else continue;
      for (const el of st.importClause.namedBindings.elements) imports.set(el.name.text, idForFile(target));
    }
    if (ts.isInterfaceDeclaration(st) && !iface) {
      iface = st;
      typeMeta = (st.heritageClauses || []).some((h) => h.types.some((t) => t.expression.getText(sf) === 'TypeMeta'));
    }
    if (ts.isTypeAliasDeclaration(st) && !alias && !iface) alias = st;
  }
  const def = { id, description: undefined, properties: new Map(), required: [] };
  if (iface) {
    def.description = leadingDoc(sf, iface);
    for (const m of iface.members) {
      if (!ts.isPropertySignature(m)) {
        if (ts.isIndexSignatureDeclaration(m)) def.additional = typeOf(m.type, imports, sf, id, '*');
        continue;
      }
      const name = m.name.text ?? m.name.getText(sf);
      let type = typeOf(m.type, imports, sf, id, name);
      // kubernetes-models turns apiVersion/kind of GVK types into required string literals
      // (CHANGELOG 2.0.2); in the spec they are optional plain strings.
      const gvkField = typeMeta && (name === 'apiVersion' || name === 'kind');
      if (gvkField) type = { t: 'string' };
      def.properties.set(name, { ...type, description: leadingDoc(sf, m), required: !m.questionToken && !gvkField });
    }
  } else if (alias) {
    def.description = leadingDoc(sf, alias);
  } else {
    throw new Error('no interface/alias in ' + file);
  }
  parsed.set(id, def);
  return def;
}

// TS type node -> { t, items?, values?, ref?, enum? }
function typeOf(node, imports, sf, ctx, field) {
  if (!node) throw new Error(`no type for ${ctx}.${field}`);
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return { t: 'string' };
    case ts.SyntaxKind.NumberKeyword: return { t: 'number' };
    case ts.SyntaxKind.BooleanKeyword: return { t: 'boolean' };
    case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword: return { t: 'any' };
    case ts.SyntaxKind.ParenthesizedType: return typeOf(node.type, imports, sf, ctx, field);
  }
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { t: 'string', enum: [node.literal.text] };
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
    if (parts.length === 1) return typeOf(parts[0], imports, sf, ctx, field);
    if (parts.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
      return { t: 'string', enum: parts.map((t) => t.literal.text) };
    }
    throw new Error(`unsupported union in ${ctx}.${field}: ${node.getText(sf)}`);
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(sf);
    if (name === 'Array') return { t: 'array', items: typeOf(node.typeArguments[0], imports, sf, ctx, field + '[]') };
    const id = imports.get(name);
    if (!id) throw new Error(`unresolved type ${name} in ${ctx}.${field}`);
    return { t: 'ref', ref: id };
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0])) {
    return { t: 'map', values: typeOf(node.members[0].type, imports, sf, ctx, field + '{}') };
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 0) return { t: 'object' };
  if (ts.isTypeLiteralNode(node)) {
    // kubernetes-models inlines an embedded GVK object (StatefulSetSpec.volumeClaimTemplates, its
    // CHANGELOG 2.0.2) to relax apiVersion/kind; the spec has a plain $ref to the kind ("<X>Spec" -> "<X>").
    const spec = node.members.find((m) => ts.isPropertySignature(m) && m.name.text === 'spec');
    const ref = spec && typeOf(spec.type, imports, sf, ctx, field + '.spec');
    if (ref?.t === 'ref' && ref.ref.endsWith('Spec')) return { t: 'ref', ref: ref.ref.slice(0, -4) };
  }
  throw new Error(`unsupported type in ${ctx}.${field}: ${node.getText(sf)}`);
}

// ---------------------------------------------------------------------------------------------
// Formats from the compiled validators. For a leaf at `name` of shape [] / {} / scalar we build a
// minimal object holding one probe value at that leaf and look at the errors reported there.
const validators = new Map();
async function validatorFor(id) {
  if (!validators.has(id)) validators.set(id, (await import(pathToFileURL(schemaFileForId(id)).href)).validate);
  return validators.get(id);
}
function wrap(shape, value) {
  // shape: list of 'a' (array) / 'm' (map) from the property down to the leaf
  let v = value;
  for (let i = shape.length - 1; i >= 0; i--) v = shape[i] === 'a' ? [v] : { k: v };
  return v;
}
async function errorsAt(id, name, shape, value) {
  const validate = await validatorFor(id);
  validate({ [name]: wrap(shape, value) });
  const at = '/' + name + shape.map((s) => (s === 'a' ? '/0' : '/k')).join('');
  return (validate.errors || []).filter((e) => e.instancePath === at);
}
async function probeNumber(id, name, shape) {
  const fmt = async (v) => (await errorsAt(id, name, shape, v)).map((e) => e.params.format || e.params.type);
  const frac = await fmt(1.5);
  if (!frac.includes('integer')) return 'number';
  const big = await fmt(2 ** 31);
  if (big.includes('int32')) return 'int32';
  // ajv-formats' int64 check accepts every integer, so it cannot be probed by value. Kubernetes'
  // built-in API integers are int32 or int64 (Go int32/int64); accept int64 only if the compiled
  // validator of this definition does reference the int64 format.
  if (fs.readFileSync(schemaFileForId(id), 'utf8').includes('formats.int64')) return 'int64';
  throw new Error(`integer without int32/int64 format at ${id}.${name}`);
}
async function probeString(id, name, shape) {
  const errs = await errorsAt(id, name, shape, '%%%');
  const f = errs.map((e) => e.params.format).filter(Boolean);
  return f[0];
}
async function resolveFormats(def) {
  for (const [name, p] of def.properties) {
    const shape = [];
    let leaf = p;
    while (leaf.t === 'array' || leaf.t === 'map') { shape.push(leaf.t === 'array' ? 'a' : 'm'); leaf = leaf.t === 'array' ? leaf.items : leaf.values; }
    if (leaf.t === 'number') leaf.t = await probeNumber(def.id, name, shape);
    else if (leaf.t === 'string' && !leaf.enum) {
      const f = await probeString(def.id, name, shape);
      if (f === 'byte') leaf.t = 'byte';
      else if (f) leaf.format = f;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Overlay (v1.36 spec -> v1.35 API) and list semantics.
const overlay = JSON.parse(fs.readFileSync(path.join(SOURCES, 'overlay-v1.35.json'), 'utf8'));
const listSemantics = fs.existsSync(path.join(SOURCES, 'list-semantics.json'))
  ? JSON.parse(fs.readFileSync(path.join(SOURCES, 'list-semantics.json'), 'utf8')) : { fields: {} };

function applyOverlay(def) {
  for (const e of overlay.remove || []) {
    if (e.definition !== def.id) continue;
    if (!def.properties.delete(e.field)) throw new Error(`overlay remove: ${e.definition}.${e.field} not in source`);
  }
  for (const e of overlay.add || []) {
    if (e.definition !== def.id) continue;
    if (def.properties.has(e.field)) throw new Error(`overlay add: ${e.definition}.${e.field} already in source`);
    def.properties.set(e.field, { ...decodeOverlayType(e.type), description: e.description, required: !!e.required });
  }
  for (const e of overlay.description || []) {
    if (e.definition !== def.id) continue;
    const target = e.field ? def.properties.get(e.field) : def;
    if (!target) throw new Error(`overlay description: ${e.definition}.${e.field} not found`);
    target.description = e.text;
  }
  for (const e of overlay.enum || []) {
    if (e.definition !== def.id) continue;
    const p = def.properties.get(e.field);
    if (!p) throw new Error(`overlay enum: ${e.definition}.${e.field} not found`);
    let leaf = p; while (leaf.t === 'array' || leaf.t === 'map') leaf = leaf.items || leaf.values;
    leaf.enum = e.values;
  }
}
function decodeOverlayType(s) {
  if (s.startsWith('[]')) return { t: 'array', items: decodeOverlayType(s.slice(2)) };
  if (s.startsWith('map[string]')) return { t: 'map', values: decodeOverlayType(s.slice(11)) };
  if (s.startsWith('io.k8s.')) return { t: 'ref', ref: s };
  return { t: s };
}

// ---------------------------------------------------------------------------------------------
// Walk the closure.
const order = [];
const seen = new Set();
function refsOf(p, out) {
  if (p.t === 'ref') out.push(p.ref);
  if (p.items) refsOf(p.items, out);
  if (p.values) refsOf(p.values, out);
}
async function visit(id) {
  if (seen.has(id)) return;
  seen.add(id);
  const def = parseDefinition(id);
  if (!SPECIAL[id] && !def.fromOverlay) {
    applyOverlay(def);
    await resolveFormats(def);
  }
  order.push(id);
  for (const p of def.properties.values()) {
    const out = [];
    refsOf(p, out);
    for (const r of out) await visit(r);
  }
}
for (const r of ROOTS) await visit(r);

// kubernetes-models drops the descriptions of apiVersion/kind on GVK kinds. In the spec they are
// TypeMeta's comments, the same on every kind; copy them from meta/v1 Status, which keeps them.
{
  const status = parsed.get('io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  for (const id of order) {
    const def = parsed.get(id);
    for (const f of ['apiVersion', 'kind']) {
      const p = def.properties?.get(f);
      if (p && !p.description) p.description = status.properties.get(f).description;
    }
  }
}
for (const e of overlay.add || []) {
  const out = [];
  refsOf(decodeOverlayType(e.type), out);
  for (const r of out) if (!seen.has(r)) throw new Error('overlay refers to unvisited ' + r);
}

// ---------------------------------------------------------------------------------------------
// Emit. Compact type strings (see src/sim/api/schema/types.ts):
//   string int32 int64 integer number boolean byte any object Quantity IntOrString Time MicroTime
//   RawExtension FieldsV1 | <definition id> | []<T> | map[string]<T>
function typeString(p) {
  if (p.t === 'array') return '[]' + typeString(p.items);
  if (p.t === 'map') return 'map[string]' + typeString(p.values);
  if (p.t === 'ref') return SPECIAL[p.ref] || p.ref;
  return p.t;
}
function leafOf(p) { while (p.t === 'array' || p.t === 'map') p = p.items || p.values; return p; }

// kubernetes-models has no description for resource.Quantity; kubernetes-types (also generated from
// the official spec, v1.30; this text has not changed since) keeps it as the JSDoc of `type Quantity`.
function fallbackDescription(id) {
  if (id !== 'io.k8s.apimachinery.pkg.api.resource.Quantity') return undefined;
  const file = path.join(path.dirname(require.resolve('kubernetes-types/package.json')), 'api', 'resource.d.ts');
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const st = sf.statements.find((x) => ts.isTypeAliasDeclaration(x) && x.name.text === 'Quantity');
  return st && leadingDoc(sf, st);
}

const definitions = {};
const descriptions = {};
for (const id of order) {
  if (SPECIAL[id]) {
    // no structure to emit (the type string says it all); keep the description for explain
    const d = parsed.get(id).description ?? fallbackDescription(id);
    if (d) descriptions[id] = { '': d };
    continue;
  }
  const def = parsed.get(id);
  const props = {};
  const descs = {};
  if (def.description) descs[''] = def.description;
  for (const name of [...def.properties.keys()].sort()) {
    const p = def.properties.get(name);
    const out = { t: typeString(p) };
    const leaf = leafOf(p);
    if (leaf.enum) out.e = leaf.enum;
    if (leaf.format) out.f = leaf.format;
    const ls = listSemantics.fields?.[`${id}.${name}`];
    if (ls) Object.assign(out, ls.x);
    props[name] = out;
    if (p.description) descs[name] = p.description;
  }
  const required = [...def.properties.entries()].filter(([, p]) => p.required).map(([n]) => n).sort();
  definitions[id] = { ...(required.length ? { r: required } : {}), p: props };
  if (def.additional) definitions[id].a = typeString(def.additional);
  descriptions[id] = descs;
}
for (const e of overlay.keptAfterReview || []) {
  const i = e.field.lastIndexOf('.');
  if (!definitions[e.field.slice(0, i)]?.p[e.field.slice(i + 1)]) throw new Error('overlay keptAfterReview: no field ' + e.field);
}
for (const [k, v] of Object.entries(listSemantics.fields || {})) {
  const i = k.lastIndexOf('.');
  if (!definitions[k.slice(0, i)]?.p[k.slice(i + 1)]) throw new Error('list-semantics entry for unknown field ' + k);
}

const meta = {
  kubernetesVersion: overlay.kubernetesVersion,
  source: `kubernetes-models@${kmVersion} + @kubernetes-models/apimachinery@${amVersion} (Kubernetes ${overlay.sourceKubernetesVersion} OpenAPI), overlay ${path.relative(ROOT, path.join(SOURCES, 'overlay-v1.35.json'))}`,
  generatedBy: 'scripts/gen-schema.mjs',
};
const outputs = {
  'schema.json': JSON.stringify({ ...meta, definitions }) + '\n',
  'descriptions.json': JSON.stringify({ ...meta, descriptions }) + '\n',
};
if (process.argv.includes('--check')) {
  // used by scripts/gen-schema.test.mjs: the committed output must be what the generator produces
  const stale = Object.entries(outputs).filter(([f, text]) => {
    const p = path.join(OUT_DIR, f);
    return !fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text;
  }).map(([f]) => f);
  if (stale.length) {
    console.error(`out of date: ${stale.join(', ')} (run: npx node scripts/gen-schema.mjs)`);
    process.exit(1);
  }
  console.log('generated schema is up to date');
} else {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [f, text] of Object.entries(outputs)) fs.writeFileSync(path.join(OUT_DIR, f), text);
  console.log(`${Object.keys(definitions).length} definitions written to ${path.relative(ROOT, OUT_DIR)}`);
}
