/**
 * OpenAPI documents of the served API, generated from the schema the simulated API server decodes
 * and validates with (api/schema/generated/schema.json + descriptions.json, which come from the
 * official Kubernetes OpenAPI spec through kubernetes-models):
 *   GET /openapi/v3          index: {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}}}
 *   GET /openapi/v3/api/v1   one OpenAPI 3.0 document per group/version (kubectl explain, field
 *                            validation support check, strategic-merge metadata for apply)
 *   GET /openapi/v2          the Swagger 2.0 document (JSON, or protobuf: ./openapiproto.ts)
 * Shapes follow kube-openapi's builders (k8s.io/kube-openapi pkg/builder, pkg/builder3): a property
 * that refers to a definition is `{allOf: [{$ref}]}` in v3 and `{$ref}` in v2; kinds carry
 * `x-kubernetes-group-version-kind`; list fields their x-kubernetes-list-type/-list-map-keys and
 * x-kubernetes-patch-strategy/-patch-merge-key; every operation names its GVK and action, and PATCH
 * lists the `fieldValidation` query parameter (kubectl's QueryParamVerifierV3 looks for exactly that).
 */
import descriptionsJson from '../api/schema/generated/descriptions.json' with { type: 'json' };
import { RESOURCES, type ResourceInfo } from '../api/resources.ts';
import { getDefinition, KUBERNETES_VERSION } from '../api/schema/schema.ts';
import { parseType, type DescriptionsDocument, type PropertySchema, type TypeExpr } from '../api/schema/types.ts';
import { groupVersions, subresourcesOf, type GroupVersion } from './discovery.ts';

const descriptions = (descriptionsJson as unknown as DescriptionsDocument).descriptions;

type Obj = Record<string, unknown>;
type Flavor = 'v2' | 'v3';

const SPECIAL_IDS: Record<string, string> = {
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  Time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  MicroTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  FieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
};
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
/** Definitions every group/version document has (operation parameters and responses). */
const ALWAYS = [`${META}.Status`, `${META}.DeleteOptions`, `${META}.Patch`, `${META}.ListMeta`, `${META}.WatchEvent`, `${META}.APIResourceList`];
/** Definitions with x-kubernetes-map-type: atomic (k8s.io/apimachinery types.go +structType=atomic). */
const ATOMIC_STRUCTS = new Set([`${META}.LabelSelector`, 'io.k8s.api.core.v1.NodeSelector', 'io.k8s.api.core.v1.ObjectReference', 'io.k8s.api.core.v1.LocalObjectReference', 'io.k8s.api.core.v1.TypedLocalObjectReference', 'io.k8s.api.core.v1.ConfigMapKeySelector', 'io.k8s.api.core.v1.SecretKeySelector', 'io.k8s.api.core.v1.ObjectFieldSelector', 'io.k8s.api.core.v1.ResourceFieldSelector', 'io.k8s.api.core.v1.NodeSelectorTerm', 'io.k8s.api.core.v1.TopologySelectorTerm']);

function ref(id: string, flavor: Flavor): Obj {
  return flavor === 'v3' ? { $ref: `#/components/schemas/${id}` } : { $ref: `#/definitions/${id}` };
}

function gvkOf(info: Pick<ResourceInfo, 'group' | 'version' | 'kind'>, kind = info.kind) {
  return { group: info.group, kind, version: info.version };
}

/** The schema of one property type. */
function typeSchema(t: TypeExpr, flavor: Flavor, p?: PropertySchema): Obj {
  switch (t.kind) {
    case 'array':
      return { type: 'array', items: itemSchema(t.items, flavor, p) };
    case 'map':
      return { type: 'object', additionalProperties: itemSchema(t.values, flavor, p) };
    case 'ref':
      return flavor === 'v3' ? { allOf: [ref(t.id, flavor)] } : ref(t.id, flavor);
    case 'special':
      return flavor === 'v3' ? { allOf: [ref(SPECIAL_IDS[t.name], flavor)] } : ref(SPECIAL_IDS[t.name], flavor);
    case 'primitive': {
      const s: Obj = primitive(t.name);
      if (p?.e) s.enum = p.e;
      if (p?.f) s.format = p.f;
      return s;
    }
  }
}

/** Array items / map values: a bare $ref (kube-openapi puts defaults beside allOf only at property level). */
function itemSchema(t: TypeExpr, flavor: Flavor, p?: PropertySchema): Obj {
  if (t.kind === 'ref') return flavor === 'v3' ? { allOf: [ref(t.id, flavor)], default: {} } : ref(t.id, flavor);
  if (t.kind === 'special') return ref(SPECIAL_IDS[t.name], flavor);
  return typeSchema(t, flavor, p);
}

function primitive(name: string): Obj {
  switch (name) {
    case 'int32':
      return { type: 'integer', format: 'int32' };
    case 'int64':
      return { type: 'integer', format: 'int64' };
    case 'number':
      return { type: 'number', format: 'double' };
    case 'byte':
      return { type: 'string', format: 'byte' };
    default:
      return { type: name };
  }
}

function specialDefinition(name: string, flavor: Flavor): Obj {
  const id = SPECIAL_IDS[name];
  const description = descriptions[id]?.[''] ?? '';
  switch (name) {
    case 'Quantity':
      return flavor === 'v3' ? { description, oneOf: [{ type: 'string' }, { type: 'number' }] } : { description, type: 'string' };
    case 'IntOrString':
      return flavor === 'v3' ? { description, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] } : { description, type: 'string', format: 'int-or-string' };
    case 'Time':
    case 'MicroTime':
      return { description, type: 'string', format: 'date-time' };
    default:
      return { description, type: 'object' };
  }
}

/** Definitions that are kinds of their own, with their GVKs. */
function kindsByDefinition(): Map<string, Obj[]> {
  const m = new Map<string, Obj[]>();
  for (const r of RESOURCES) {
    if (!getDefinition(r.definition)) continue;
    const list = m.get(r.definition) ?? [];
    if (!list.some((g) => g.group === r.group && g.version === r.version && g.kind === r.kind)) list.push(gvkOf(r));
    m.set(r.definition, list);
  }
  m.set(`${META}.Status`, [{ group: '', kind: 'Status', version: 'v1' }]);
  m.set(`${META}.DeleteOptions`, groupVersions().map((g) => ({ group: g.group, kind: 'DeleteOptions', version: g.version })));
  m.set(`${META}.WatchEvent`, groupVersions().map((g) => ({ group: g.group, kind: 'WatchEvent', version: g.version })));
  return m;
}

const LIST_SUFFIX = 'List';

function definition(id: string, flavor: Flavor, kinds: Map<string, Obj[]>): Obj | undefined {
  const special = Object.entries(SPECIAL_IDS).find(([, v]) => v === id)?.[0];
  if (special) return specialDefinition(special, flavor);
  if (id === `${META}.Patch`) return { description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.', type: 'object' };
  if (id === `${META}.WatchEvent`) {
    return { description: 'Event represents a single event to a watched resource.', properties: { object: { ...(flavor === 'v3' ? { allOf: [ref(SPECIAL_IDS.RawExtension, flavor)] } : ref(SPECIAL_IDS.RawExtension, flavor)), description: 'Object is:\n * If Type is Added or Modified: the new state of the object.\n * If Type is Deleted: the state of the object immediately before deletion.\n * If Type is Error: *Status is recommended; other types may make sense\n   depending on context.' }, type: { type: 'string', default: '' } }, required: ['type', 'object'], type: 'object', 'x-kubernetes-group-version-kind': kinds.get(id) };
  }
  if (id === `${META}.APIResourceList`) return { description: 'APIResourceList is a list of APIResource, it is used to expose the name of the resources supported in a specific group and version, and if the resource is namespaced.', type: 'object' };
  const list = listDefinition(id, flavor, kinds);
  if (list) return list;
  const def = getDefinition(id);
  if (!def) return undefined;
  const props: Obj = {};
  for (const name of Object.keys(def.p).sort()) {
    const p = def.p[name];
    const s: Obj = { ...typeSchema(parseType(p.t), flavor, p) };
    const d = descriptions[id]?.[name];
    if (d) s.description = d;
    if (p.lk) s['x-kubernetes-list-map-keys'] = p.lk;
    if (p.lt) s['x-kubernetes-list-type'] = p.lt;
    if (p.mt) s['x-kubernetes-map-type'] = p.mt;
    if (p.pk) s['x-kubernetes-patch-merge-key'] = p.pk;
    if (p.ps) s['x-kubernetes-patch-strategy'] = p.ps;
    props[name] = sortKeys(s);
  }
  const out: Obj = { description: descriptions[id]?.[''] ?? '', properties: props };
  if (def.r?.length) out.required = def.r;
  out.type = 'object';
  const gvk = kinds.get(id);
  if (gvk) out['x-kubernetes-group-version-kind'] = gvk;
  if (ATOMIC_STRUCTS.has(id)) out['x-kubernetes-map-type'] = 'atomic';
  return out;
}

/** `io.k8s.api.core.v1.PodList`: synthesised as kube-openapi generates list types. */
function listDefinition(id: string, flavor: Flavor, kinds: Map<string, Obj[]>): Obj | undefined {
  if (!id.endsWith(LIST_SUFFIX)) return undefined;
  const itemId = id.slice(0, -LIST_SUFFIX.length);
  const r = RESOURCES.find((x) => x.definition === itemId);
  if (!r || !getDefinition(itemId)) return undefined;
  const plural = r.resource;
  return {
    description: `${r.kind}List is a list of ${r.kind} objects.`,
    properties: {
      apiVersion: { description: descriptions[itemId]?.apiVersion, type: 'string' },
      items: { description: `List of ${plural}.`, items: flavor === 'v3' ? { allOf: [ref(itemId, flavor)], default: {} } : ref(itemId, flavor), type: 'array' },
      kind: { description: descriptions[itemId]?.kind, type: 'string' },
      metadata: { ...(flavor === 'v3' ? { allOf: [ref(`${META}.ListMeta`, flavor)], default: {} } : ref(`${META}.ListMeta`, flavor)), description: 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds' },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': (kinds.get(itemId) ?? []).map((g) => ({ ...g, kind: `${g.kind}${LIST_SUFFIX}` })),
  };
}

function sortKeys(o: Obj): Obj {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/** Every definition id reachable from `roots` (refs inside the generated schemas). */
function closure(roots: string[], flavor: Flavor, kinds: Map<string, Obj[]>): Map<string, Obj> {
  const out = new Map<string, Obj>();
  const queue = [...roots];
  while (queue.length) {
    const id = queue.shift()!;
    if (out.has(id)) continue;
    const d = definition(id, flavor, kinds);
    if (!d) continue;
    out.set(id, d);
    const prefix = flavor === 'v3' ? '#/components/schemas/' : '#/definitions/';
    JSON.stringify(d, (k, v) => {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(prefix)) queue.push(v.slice(prefix.length));
      return v;
    });
  }
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

// ---- paths ------------------------------------------------------------------------------------

const Q = (name: string, description: string, type = 'string', extra: Obj = {}) => ({ name, in: 'query', description, type, ...extra });
const PARAMS = {
  pretty: Q('pretty', "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget)."),
  dryRun: Q('dryRun', 'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed', 'string', { uniqueItems: true }),
  fieldManager: Q('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.', 'string', { uniqueItems: true }),
  fieldValidation: Q('fieldValidation', 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.', 'string', { uniqueItems: true }),
  force: Q('force', 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.', 'boolean', { uniqueItems: true }),
  labelSelector: Q('labelSelector', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.', 'string', { uniqueItems: true }),
  fieldSelector: Q('fieldSelector', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.', 'string', { uniqueItems: true }),
  watch: Q('watch', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.', 'boolean', { uniqueItems: true }),
  resourceVersion: Q('resourceVersion', 'resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset', 'string', { uniqueItems: true }),
  gracePeriodSeconds: Q('gracePeriodSeconds', 'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used. Defaults to a per object value if not specified. zero means delete immediately.', 'integer', { uniqueItems: true }),
  propagationPolicy: Q('propagationPolicy', "Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both. The default policy is decided by the existing finalizer set in the metadata.finalizers and the resource-specific default policy. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground.", 'string', { uniqueItems: true }),
};

function param(p: Obj, flavor: Flavor): Obj {
  if (flavor === 'v2') return p;
  const { type, uniqueItems, ...rest } = p;
  return { ...rest, schema: { type, ...(uniqueItems ? { uniqueItems } : {}) } };
}

const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

function operation(flavor: Flavor, o: { id: string; description: string; action: string; gvk: Obj; params: Obj[]; body?: string; response: string; patch?: boolean; tag: string }): Obj {
  const out: Obj = { description: o.description, operationId: o.id };
  const params = o.params.map((p) => param(p, flavor));
  if (flavor === 'v2') {
    if (o.body) params.unshift({ name: 'body', in: 'body', required: true, schema: ref(o.body, flavor) });
    if (params.length) out.parameters = params;
    out.consumes = o.patch ? PATCH_TYPES : ['*/*'];
    out.produces = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
    out.responses = { '200': { description: 'OK', schema: ref(o.response, flavor) }, '401': { description: 'Unauthorized' } };
    out.schemes = ['https'];
  } else {
    if (params.length) out.parameters = params;
    if (o.body) {
      const types = o.patch ? PATCH_TYPES : ['*/*'];
      out.requestBody = { content: Object.fromEntries(types.map((t) => [t, { schema: ref(o.body!, flavor) }])), required: true };
    }
    out.responses = { '200': { content: Object.fromEntries(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'].map((t) => [t, { schema: ref(o.response, flavor) }])), description: 'OK' }, '401': { description: 'Unauthorized' } };
  }
  out.tags = [o.tag];
  out['x-kubernetes-action'] = o.action;
  out['x-kubernetes-group-version-kind'] = o.gvk;
  return out;
}

function pascal(s: string): string {
  return s.split(/[.-]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function groupTag(g: GroupVersion): string {
  return `${g.group ? g.group.replace(/\.k8s\.io$/, '').replace(/\./g, '_') : 'core'}_${g.version}`;
}

function pathsFor(g: GroupVersion, flavor: Flavor): Obj {
  const out: Obj = {};
  const prefix = g.group ? `/apis/${g.group}/${g.version}` : `/api/${g.version}`;
  const groupName = g.group ? pascal(g.group.replace(/\.k8s\.io$/, '')) : 'Core';
  const tag = groupTag(g);
  for (const r of RESOURCES.filter((x) => x.group === g.group && x.version === g.version)) {
    if (!getDefinition(r.definition)) continue;
    const gvk = gvkOf(r);
    const scope = r.namespaced ? 'Namespaced' : '';
    const opBase = `${groupName}${pascal(g.version)}${scope}${r.kind}`;
    const pathParams = (named: boolean) => [
      ...(named ? [{ name: 'name', in: 'path', description: `name of the ${r.kind}`, required: true, type: 'string', uniqueItems: true }] : []),
      ...(r.namespaced ? [{ name: 'namespace', in: 'path', description: 'object name and auth scope, such as for teams and projects', required: true, type: 'string', uniqueItems: true }] : []),
      PARAMS.pretty,
    ];
    const collection = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.resource}` : `${prefix}/${r.resource}`;
    const item = `${collection}/{name}`;
    const listId = `${r.definition}${LIST_SUFFIX}`;
    const coll: Obj = { parameters: pathParams(false).map((p) => param(p, flavor)) };
    if (r.verbs.includes('list')) coll.get = operation(flavor, { id: `list${opBase}`, description: `list or watch objects of kind ${r.kind}`, action: 'list', gvk, params: [PARAMS.labelSelector, PARAMS.fieldSelector, PARAMS.resourceVersion, PARAMS.watch], response: listId, tag });
    if (r.verbs.includes('create')) coll.post = operation(flavor, { id: `create${opBase}`, description: `create a ${r.kind}`, action: 'post', gvk, params: [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation], body: r.definition, response: r.definition, tag });
    if (r.verbs.includes('deletecollection')) coll.delete = operation(flavor, { id: `deletecollection${opBase}`, description: `delete collection of ${r.kind}`, action: 'deletecollection', gvk, params: [PARAMS.dryRun, PARAMS.gracePeriodSeconds, PARAMS.propagationPolicy, PARAMS.labelSelector, PARAMS.fieldSelector], body: `${META}.DeleteOptions`, response: `${META}.Status`, tag });
    out[collection] = coll;
    if (r.verbs.includes('get')) {
      const it: Obj = { parameters: pathParams(true).map((p) => param(p, flavor)) };
      it.get = operation(flavor, { id: `read${opBase}`, description: `read the specified ${r.kind}`, action: 'get', gvk, params: [], response: r.definition, tag });
      if (r.verbs.includes('update')) it.put = operation(flavor, { id: `replace${opBase}`, description: `replace the specified ${r.kind}`, action: 'put', gvk, params: [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation], body: r.definition, response: r.definition, tag });
      if (r.verbs.includes('patch')) it.patch = operation(flavor, { id: `patch${opBase}`, description: `partially update the specified ${r.kind}`, action: 'patch', gvk, params: [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation, PARAMS.force], body: `${META}.Patch`, response: r.definition, tag, patch: true });
      if (r.verbs.includes('delete')) it.delete = operation(flavor, { id: `delete${opBase}`, description: `delete a ${r.kind}`, action: 'delete', gvk, params: [PARAMS.dryRun, PARAMS.gracePeriodSeconds, PARAMS.propagationPolicy], body: `${META}.DeleteOptions`, response: `${META}.Status`, tag });
      out[item] = it;
    }
    for (const s of subresourcesOf(r)) {
      if (s.name !== 'status') continue;
      const sp: Obj = { parameters: pathParams(true).map((p) => param(p, flavor)) };
      sp.get = operation(flavor, { id: `read${opBase}Status`, description: `read status of the specified ${r.kind}`, action: 'get', gvk, params: [], response: r.definition, tag });
      sp.put = operation(flavor, { id: `replace${opBase}Status`, description: `replace status of the specified ${r.kind}`, action: 'put', gvk, params: [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation], body: r.definition, response: r.definition, tag });
      sp.patch = operation(flavor, { id: `patch${opBase}Status`, description: `partially update status of the specified ${r.kind}`, action: 'patch', gvk, params: [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation, PARAMS.force], body: `${META}.Patch`, response: r.definition, tag, patch: true });
      out[`${item}/status`] = sp;
    }
    if (r.namespaced && r.verbs.includes('list')) {
      out[`${prefix}/${r.resource}`] = { parameters: [param(PARAMS.pretty, flavor)], get: operation(flavor, { id: `list${groupName}${pascal(g.version)}${r.kind}ForAllNamespaces`, description: `list or watch objects of kind ${r.kind}`, action: 'list', gvk, params: [PARAMS.labelSelector, PARAMS.fieldSelector, PARAMS.resourceVersion, PARAMS.watch], response: listId, tag }) };
    }
  }
  return out;
}

function rootsFor(g: GroupVersion): string[] {
  const defs = RESOURCES.filter((r) => r.group === g.group && r.version === g.version && getDefinition(r.definition)).flatMap((r) => [r.definition, `${r.definition}${LIST_SUFFIX}`]);
  return [...defs, ...ALWAYS];
}

// ---- documents --------------------------------------------------------------------------------

const v3Cache = new Map<string, Obj>();
let v2Cache: Obj | undefined;
let indexCache: Obj | undefined;

function gvPath(g: GroupVersion): string {
  return g.group ? `apis/${g.group}/${g.version}` : `api/${g.version}`;
}

/** The document for `api/v1` or `apis/apps/v1`, or undefined. */
export function openAPIV3Document(path: string): Obj | undefined {
  const g = groupVersions().find((x) => gvPath(x) === path);
  if (!g) return undefined;
  let doc = v3Cache.get(path);
  if (!doc) {
    const kinds = kindsByDefinition();
    const schemas = closure(rootsFor(g), 'v3', kinds);
    doc = {
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
      paths: pathsFor(g, 'v3'),
      components: { schemas: Object.fromEntries(schemas), securitySchemes: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } } },
    };
    v3Cache.set(path, doc);
  }
  return doc;
}

/** A content hash for serverRelativeURL (clients cache documents by it). */
function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 + s.charCodeAt(i), 2246822519) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).toUpperCase().repeat(8);
}

export function openAPIV3Index(): Obj {
  if (!indexCache) {
    const paths: Obj = {};
    for (const g of groupVersions()) {
      const p = gvPath(g);
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hash(JSON.stringify(openAPIV3Document(p)))}` };
    }
    indexCache = { paths };
  }
  return indexCache;
}

/** The Swagger 2.0 document of every group/version (GET /openapi/v2). */
export function openAPIV2(): Obj {
  if (!v2Cache) {
    const kinds = kindsByDefinition();
    const paths: Obj = {};
    const roots: string[] = [];
    for (const g of groupVersions()) {
      Object.assign(paths, pathsFor(g, 'v2'));
      roots.push(...rootsFor(g));
    }
    v2Cache = {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
      paths,
      definitions: Object.fromEntries(closure(roots, 'v2', kinds)),
      securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
      security: [{ BearerToken: [] }],
    };
  }
  return v2Cache;
}
