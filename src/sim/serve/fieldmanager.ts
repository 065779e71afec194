/**
 * metadata.managedFields and server-side apply, after sigs.k8s.io/structured-merge-diff (v4/v6:
 * fieldpath, typed.ToFieldSet/Compare/Merge, merge.Updater) and k8s.io/apiserver
 * pkg/endpoints/handlers/fieldmanager:
 *  - every create/update records, per (manager, operation, subresource), the fields it set
 *    (FieldsV1: `f:name`, `k:{"name":"x"}` for associative list items, `v:"x"` for set items,
 *    `.` for the node itself); an Update takes the fields it changed away from other managers;
 *  - an Apply (PATCH application/apply-patch+yaml) merges the configuration into the live object
 *    (structs and granular maps by key, associative lists by their keys, sets as sets, atomic lists
 *    and scalars replaced), owns exactly the fields of the configuration, prunes fields it owned
 *    before and no longer applies (unless another manager owns them), and fails with 409 Conflict
 *    when it would change a field another manager owns — unless `force=true`, which takes them over.
 * Field types and list semantics come from the same schema the server decodes with
 * (api/schema/generated/schema.json, x-kubernetes-list-type / -list-map-keys / -map-type).
 */
import { clone, isObject, type KubeObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';
import { getDefinition } from '../api/schema/schema.ts';
import { parseType, type TypeExpr } from '../api/schema/types.ts';
import { ApiError } from '../apiserver/errors.ts';
import type { ApiServer } from '../apiserver/server.ts';
import type { ApiRequest } from '../apiserver/types.ts';

type Json = unknown;
type Obj = Record<string, unknown>;

// ---- schema view ------------------------------------------------------------------------------

export type Shape =
  | { kind: 'struct'; def: string; atomic: boolean }
  | { kind: 'map'; values: Shape; atomic: boolean }
  | { kind: 'list'; items: Shape; listType: 'atomic' | 'set' | 'map'; keys: string[] }
  | { kind: 'scalar' }
  | { kind: 'unknown' };

const ATOMIC_DEFS = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'io.k8s.api.core.v1.NodeSelector', 'io.k8s.api.core.v1.ObjectReference']);

/** List semantics the generated schema does not carry yet: by field name (struct tags of k8s.io/api). */
const LIST_FALLBACK: Record<string, { listType: 'atomic' | 'set' | 'map'; keys?: string[] }> = {
  conditions: { listType: 'map', keys: ['type'] },
  subsets: { listType: 'atomic' },
  endpoints: { listType: 'atomic' },
  rules: { listType: 'atomic' },
  subjects: { listType: 'atomic' },
  addresses: { listType: 'atomic' },
};

function shapeOf(t: TypeExpr, prop?: { lt?: string; lk?: string[]; mt?: string }, field = ''): Shape {
  switch (t.kind) {
    case 'primitive':
    case 'special':
      return t.kind === 'special' && t.name === 'RawExtension' ? { kind: 'unknown' } : { kind: 'scalar' };
    case 'ref':
      return { kind: 'struct', def: t.id, atomic: ATOMIC_DEFS.has(t.id) || prop?.mt === 'atomic' };
    case 'map':
      return { kind: 'map', values: shapeOf(t.values), atomic: prop?.mt === 'atomic' };
    case 'array': {
      const items = shapeOf(t.items);
      let listType = prop?.lt as 'atomic' | 'set' | 'map' | undefined;
      let keys = prop?.lk ?? [];
      if (!listType) {
        const fb = LIST_FALLBACK[field];
        listType = fb?.listType ?? (items.kind === 'scalar' ? 'atomic' : 'atomic');
        keys = fb?.keys ?? [];
      }
      if (listType === 'map' && !keys.length) listType = 'atomic';
      return { kind: 'list', items, listType, keys };
    }
  }
}

export function rootShape(info: ResourceInfo): Shape {
  return getDefinition(info.definition) ? { kind: 'struct', def: info.definition, atomic: false } : { kind: 'unknown' };
}

function fieldShape(s: Shape, name: string): Shape {
  if (s.kind === 'struct') {
    const def = getDefinition(s.def);
    const p = def?.p[name];
    if (!p) return { kind: 'unknown' };
    return shapeOf(parseType(p.t), p, name);
  }
  if (s.kind === 'map') return s.values;
  return { kind: 'unknown' };
}

// ---- field sets -------------------------------------------------------------------------------

/** A set of field paths as a tree of path elements; `self` marks the node itself as a member. */
export class FieldSet {
  self = false;
  children = new Map<string, FieldSet>();

  child(pe: string): FieldSet {
    let c = this.children.get(pe);
    if (!c) this.children.set(pe, (c = new FieldSet()));
    return c;
  }

  empty(): boolean {
    return !this.self && [...this.children.values()].every((c) => c.empty());
  }

  /** Every member path as a list of path elements. */
  paths(prefix: string[] = []): string[][] {
    const out: string[][] = [];
    if (this.self) out.push(prefix);
    for (const [pe, c] of this.children) out.push(...c.paths([...prefix, pe]));
    return out;
  }

  has(path: string[]): boolean {
    let n: FieldSet | undefined = this;
    for (const pe of path) {
      n = n.children.get(pe);
      if (!n) return false;
    }
    return n.self;
  }

  insert(path: string[]): void {
    let n: FieldSet = this;
    for (const pe of path) n = n.child(pe);
    n.self = true;
  }

  remove(path: string[]): void {
    let n: FieldSet | undefined = this;
    for (const pe of path) {
      n = n.children.get(pe);
      if (!n) return;
    }
    n.self = false;
  }

  union(o: FieldSet): FieldSet {
    const r = this.copy();
    for (const p of o.paths()) r.insert(p);
    return r;
  }

  difference(o: FieldSet): FieldSet {
    const r = new FieldSet();
    for (const p of this.paths()) if (!o.has(p)) r.insert(p);
    return r;
  }

  intersection(o: FieldSet): FieldSet {
    const r = new FieldSet();
    for (const p of this.paths()) if (o.has(p)) r.insert(p);
    return r;
  }

  copy(): FieldSet {
    const r = new FieldSet();
    for (const p of this.paths()) r.insert(p);
    return r;
  }

  /** FieldsV1 JSON (`{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}`), children sorted as SMD writes them. */
  toJSON(): Obj {
    const out: Obj = {};
    if (this.self && this.children.size) out['.'] = {};
    for (const pe of [...this.children.keys()].sort()) {
      const c = this.children.get(pe)!;
      if (c.empty()) continue;
      out[pe] = c.toJSON();
    }
    return out;
  }

  static fromJSON(v: unknown): FieldSet {
    const r = new FieldSet();
    const walk = (o: unknown, n: FieldSet) => {
      if (!isObject(o)) return;
      const keys = Object.keys(o);
      if (!keys.length) {
        n.self = true;
        return;
      }
      for (const k of keys) {
        if (k === '.') n.self = true;
        else walk(o[k], n.child(k));
      }
    };
    walk(v, r);
    return r;
  }
}

function keyElement(item: Obj, keys: string[]): string {
  const k: Obj = {};
  for (const name of [...keys].sort()) if (item[name] !== undefined) k[name] = item[name];
  return `k:${JSON.stringify(k)}`;
}

function itemElement(item: Json, s: Shape & { kind: 'list' }, index: number): string {
  if (s.listType === 'map' && isObject(item)) return keyElement(item, s.keys);
  if (s.listType === 'set') return `v:${JSON.stringify(item)}`;
  return `i:${index}`;
}

/** Fields an apply configuration sets (typed.ToFieldSet). */
export function toFieldSet(v: Json, s: Shape, set = new FieldSet(), path: string[] = []): FieldSet {
  if (s.kind === 'scalar' || v === null || !isContainer(v) || (s.kind === 'list' && s.listType === 'atomic') || ((s.kind === 'map' || s.kind === 'struct') && s.atomic)) {
    set.insert(path);
    return set;
  }
  if (Array.isArray(v)) {
    if (s.kind !== 'list') {
      set.insert(path);
      return set;
    }
    v.forEach((item, i) => {
      const p = [...path, itemElement(item, s, i)];
      toFieldSet(item, s.items, set, p);
      set.insert(p);
    });
    return set;
  }
  const o = v as Obj;
  for (const [k, val] of Object.entries(o)) {
    const fs = fieldShape(s, k);
    const p = [...path, `f:${k}`];
    toFieldSet(val, fs, set, p);
    const declared = s.kind === 'struct' && !!getDefinition(s.def)?.p[k];
    if (val === null || (isObject(val) && !Object.keys(val).length) || !declared) set.insert(p);
  }
  return set;
}

function isContainer(v: Json): boolean {
  return Array.isArray(v) || isObject(v);
}

/** Structs that exist in every (zero-valued) object, so creating them adds no `.` entry. */
const ALWAYS_PRESENT = new Set(['metadata', 'spec', 'status', 'template', 'strategy', 'updateStrategy']);

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** What changed between two objects (typed.Compare), leaves and newly created nodes. */
export function compare(a: Json, b: Json, s: Shape, out: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() }, path: string[] = [], field = ''): Comparison {
  const leaf = s.kind === 'scalar' || (s.kind === 'list' && s.listType === 'atomic') || ((s.kind === 'map' || s.kind === 'struct') && s.atomic) || (!isContainer(a) && !isContainer(b));
  if (a === undefined && b === undefined) return out;
  if (leaf || (Array.isArray(a) !== Array.isArray(b) && a !== undefined && b !== undefined)) {
    if (a === undefined) out.added.insert(path);
    else if (b === undefined) out.removed.insert(path);
    else if (JSON.stringify(a) !== JSON.stringify(b)) out.modified.insert(path);
    return out;
  }
  if (a === undefined && path.length && !(s.kind === 'struct' && ALWAYS_PRESENT.has(field))) out.added.insert(path);
  if (b === undefined) {
    out.removed.insert(path);
    return out;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (s.kind !== 'list') return out;
    const index = (arr: Json) => {
      const m = new Map<string, Json>();
      (Array.isArray(arr) ? arr : []).forEach((item, i) => m.set(itemElement(item, s, i), item));
      return m;
    };
    const ia = index(a);
    const ib = index(b);
    for (const [pe, item] of ib) {
      const p = [...path, pe];
      if (!ia.has(pe)) out.added.insert(p);
      compare(ia.get(pe), item, s.items, out, p);
    }
    for (const [pe] of ia) if (!ib.has(pe)) out.removed.insert([...path, pe]);
    return out;
  }
  const oa = (isObject(a) ? a : {}) as Obj;
  const ob = b as Obj;
  for (const k of new Set([...Object.keys(oa), ...Object.keys(ob)])) {
    compare(oa[k], ob[k], fieldShape(s, k), out, [...path, `f:${k}`], k);
  }
  return out;
}

/** typed.Merge: the live object with the configuration applied on top. */
export function merge(live: Json, config: Json, s: Shape): Json {
  if (config === undefined) return live;
  if (config === null || !isContainer(config) || !isContainer(live)) return clone(config);
  if (s.kind === 'scalar' || (s.kind === 'list' && s.listType === 'atomic') || ((s.kind === 'map' || s.kind === 'struct') && s.atomic)) return clone(config);
  if (Array.isArray(config)) {
    if (!Array.isArray(live) || s.kind !== 'list') return clone(config);
    const out = live.map((x) => clone(x));
    const elems = out.map((item, i) => itemElement(item, s, i));
    config.forEach((item, i) => {
      const pe = itemElement(item, s, i);
      const at = elems.indexOf(pe);
      if (at >= 0) out[at] = merge(out[at], item, s.items);
      else {
        out.push(clone(item));
        elems.push(pe);
      }
    });
    return out;
  }
  if (Array.isArray(live)) return clone(config);
  const out = clone(live) as Obj;
  for (const [k, v] of Object.entries(config as Obj)) out[k] = merge(out[k], v, fieldShape(s, k));
  return out;
}

/** Removes one field path from an object (pruning fields an applier stopped applying). */
export function removePath(obj: Json, path: string[], s: Shape): Json {
  if (!path.length) return undefined;
  const [pe, ...rest] = path;
  if (Array.isArray(obj) && s.kind === 'list') {
    const out: Json[] = [];
    obj.forEach((item, i) => {
      if (itemElement(item, s, i) !== pe) out.push(item);
      else if (rest.length) out.push(removePath(item, rest, s.items));
    });
    return out;
  }
  if (!isObject(obj) || !pe.startsWith('f:')) return obj;
  const name = pe.slice(2);
  const out = { ...obj };
  if (!(name in out)) return obj;
  if (rest.length) out[name] = removePath(out[name], rest, fieldShape(s, name));
  else delete out[name];
  return out;
}

/** `.spec.template.spec.containers[name="nginx"].image` (fieldpath.Path.String). */
export function pathString(path: string[]): string {
  let s = '';
  for (const pe of path) {
    if (pe.startsWith('f:')) s += `.${pe.slice(2)}`;
    else if (pe.startsWith('k:')) {
      const k = JSON.parse(pe.slice(2)) as Obj;
      s += `[${Object.entries(k).map(([n, v]) => `${n}=${JSON.stringify(v)}`).join(',')}]`;
    } else if (pe.startsWith('v:')) s += `[=${pe.slice(2)}]`;
    else if (pe.startsWith('i:')) s += `[${pe.slice(2)}]`;
  }
  return s;
}

// ---- managedFields entries ----------------------------------------------------------------------

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Obj;
  subresource?: string;
}

interface Managed {
  entry: ManagedFieldsEntry;
  set: FieldSet;
}

function decodeManaged(o: KubeObject | undefined): Managed[] {
  const list = (o?.metadata?.managedFields ?? []) as unknown as ManagedFieldsEntry[];
  return list.map((e) => ({ entry: { ...e }, set: FieldSet.fromJSON(e.fieldsV1) }));
}

function encodeManaged(list: Managed[]): ManagedFieldsEntry[] {
  const out = list
    .filter((m) => !m.set.empty())
    .map((m) => {
      const e: ManagedFieldsEntry = { manager: m.entry.manager, operation: m.entry.operation, apiVersion: m.entry.apiVersion, time: m.entry.time, fieldsType: 'FieldsV1', fieldsV1: m.set.toJSON() };
      if (m.entry.subresource) e.subresource = m.entry.subresource;
      return e;
    });
  // internal/managedfields.go sortEncodedManagedFields: operation (Apply first), time, manager, apiVersion.
  out.sort((p, q) => {
    if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
    if ((p.time ?? '') !== (q.time ?? '')) return (p.time ?? '') < (q.time ?? '') ? -1 : 1;
    if (p.manager !== q.manager) return p.manager < q.manager ? -1 : 1;
    return p.apiVersion < q.apiVersion ? -1 : p.apiVersion > q.apiVersion ? 1 : 0;
  });
  return out;
}

/** Fields the field manager never tracks (fieldmanager.NewStripMetaManager). */
function stripped(o: Json, subresource: string | undefined, hasStatus: boolean): Obj {
  const c = (isObject(o) ? clone(o) : {}) as Obj;
  delete c.apiVersion;
  delete c.kind;
  if (isObject(c.metadata)) {
    const m = c.metadata as Obj;
    for (const k of ['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'managedFields', 'generateName']) delete m[k];
    if (!Object.keys(m).length) delete c.metadata;
  }
  // Reset fields (registry strategies' GetResetFields): status through the main resource, spec through status.
  if (hasStatus) {
    if (subresource === 'status') {
      for (const k of Object.keys(c)) if (k !== 'status' && k !== 'metadata') delete c[k];
    } else delete c.status;
  }
  return c;
}

function conflictError(info: ResourceInfo, name: string, conflicts: { manager: string; apiVersion: string; path: string[] }[]): ApiError {
  const byManager = new Map<string, { apiVersion: string; paths: string[][] }>();
  for (const c of conflicts) {
    const e = byManager.get(c.manager) ?? { apiVersion: c.apiVersion, paths: [] };
    e.paths.push(c.path);
    byManager.set(c.manager, e);
  }
  const n = conflicts.length;
  // merge.Conflicts.Error(): one conflict inline; several listed per manager.
  let msg: string;
  if (n === 1) {
    const c = conflicts[0];
    msg = `Apply failed with 1 conflict: conflict with "${c.manager}" using ${c.apiVersion}: ${pathString(c.path)}`;
  } else {
    const parts: string[] = [];
    for (const [m, e] of [...byManager].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      parts.push(`conflicts with "${m}" using ${e.apiVersion}:\n${e.paths.map((p) => `- ${pathString(p)}`).sort().join('\n')}`);
    }
    msg = `Apply failed with ${n} conflicts: ${parts.join('\n')}`;
  }
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: msg,
    reason: 'Conflict',
    details: { name, group: info.group || undefined, kind: info.resource, causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: pathString(c.path) })) },
    code: 409,
  });
}

function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

export class FieldManager {
  private server: ApiServer;

  constructor(server: ApiServer) {
    this.server = server;
  }

  install(): void {
    this.server.setFieldManager({
      track: (info, obj, old, req) => this.track(info, obj, old, req),
      apply: (info, live, config, req) => this.apply(info, live, config, req),
    });
  }

  /** Update operations (create, update, non-apply patch): the manager owns what it changed. */
  track(info: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, req: ApiRequest | undefined): void {
    if (req?.patchType === 'apply' && req.verb === 'patch') return;
    const meta = obj.metadata;
    // A request without managedFields keeps the stored ones (fieldmanager: "empty means unchanged").
    if (old && meta.managedFields === undefined) {
      if (old.metadata.managedFields) meta.managedFields = clone(old.metadata.managedFields);
      else delete meta.managedFields;
    }
    const manager = req?.fieldManager;
    if (!manager) return;
    const hasStatus = info.subresources.includes('status');
    const shape = rootShape(info);
    const cmp = compare(old ? stripped(old, req?.subresource, hasStatus) : undefined, stripped(obj, req?.subresource, hasStatus), shape);
    const changed = cmp.added.union(cmp.modified);
    if (changed.empty() && cmp.removed.empty()) return;
    const managed = old ? decodeManaged(obj) : [];
    for (const m of managed) m.set = m.set.difference(changed).difference(cmp.removed);
    const subresource = req?.subresource;
    let mine = managed.find((m) => m.entry.manager === manager && m.entry.operation === 'Update' && (m.entry.subresource ?? '') === (subresource ?? ''));
    if (!mine) {
      mine = { entry: { manager, operation: 'Update', apiVersion: apiVersionOf(info), fieldsType: 'FieldsV1', fieldsV1: {} }, set: new FieldSet() };
      if (subresource) mine.entry.subresource = subresource;
      managed.push(mine);
    }
    mine.set = mine.set.union(changed).difference(cmp.removed);
    mine.entry.time = this.server.now();
    meta.managedFields = encodeManaged(managed) as unknown as KubeObject['metadata']['managedFields'];
    if (!meta.managedFields?.length) delete meta.managedFields;
  }

  /** Server-side apply: merge, ownership, pruning and conflicts (merge.Updater.Apply). */
  apply(info: ResourceInfo, live: KubeObject | undefined, config: unknown, req: ApiRequest): KubeObject {
    if (!isObject(config)) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'error decoding YAML: the body must be an object', reason: 'BadRequest', code: 400 });
    const cfg = clone(config) as KubeObject;
    const gv = apiVersionOf(info);
    if (cfg.apiVersion !== gv || cfg.kind !== info.kind) {
      throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `error decoding patch: apiVersion and kind of the applied object (${cfg.apiVersion ?? ''}, ${cfg.kind ?? ''}) must match the request (${gv}, ${info.kind})`, reason: 'BadRequest', code: 400 });
    }
    if (cfg.metadata?.name !== undefined && cfg.metadata.name !== req.name) {
      throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the name of the object (${cfg.metadata.name}) does not match the name on the URL (${req.name})`, reason: 'BadRequest', code: 400 });
    }
    const manager = req.fieldManager!;
    const force = ['true', '1'].includes(String(Array.isArray(req.query?.force) ? req.query?.force[0] : (req.query?.force ?? '')));
    const shape = rootShape(info);
    const hasStatus = info.subresources.includes('status');
    const sub = req.subresource;
    const liveStripped = live ? stripped(live, sub, hasStatus) : {};
    const cfgStripped = stripped(cfg, sub, hasStatus);
    const managed = decodeManaged(live);
    let mine = managed.find((m) => m.entry.manager === manager && m.entry.operation === 'Apply' && (m.entry.subresource ?? '') === (sub ?? ''));
    const lastSet = mine?.set ?? new FieldSet();
    const newSet = toFieldSet(cfgStripped, shape);
    // Merge the configuration into the live object.
    let merged = merge(live ? clone(live) : {}, cfg, shape) as KubeObject;
    // Prune what this manager applied before and applies no more, unless someone else owns it.
    const others = managed.filter((m) => m !== mine);
    for (const p of withNamedAncestors(lastSet).difference(withNamedAncestors(newSet)).paths()) {
      if (others.some((m) => m.set.has(p))) continue;
      merged = removePathAt(merged, p, shape);
    }
    // Conflicts: fields another manager owns that this apply changes.
    const cmp = compare(liveStripped, stripped(merged, sub, hasStatus), shape);
    const changed = cmp.added.union(cmp.modified);
    const conflicts: { manager: string; apiVersion: string; path: string[] }[] = [];
    for (const m of others) {
      for (const p of m.set.intersection(changed).paths()) conflicts.push({ manager: m.entry.manager, apiVersion: m.entry.apiVersion, path: p });
    }
    if (conflicts.length && !force) throw conflictError(info, req.name!, conflicts);
    for (const m of others) m.set = m.set.difference(changed).difference(cmp.removed);
    if (!mine) {
      mine = { entry: { manager, operation: 'Apply', apiVersion: gv, fieldsType: 'FieldsV1', fieldsV1: {} }, set: new FieldSet() };
      if (sub) mine.entry.subresource = sub;
      managed.push(mine);
    }
    mine.set = newSet;
    mine.entry.time = this.server.now();
    mine.entry.apiVersion = gv;
    merged.metadata = { ...(merged.metadata ?? {}) };
    merged.metadata.managedFields = encodeManaged(managed) as unknown as KubeObject['metadata']['managedFields'];
    if (live) merged.metadata.resourceVersion = live.metadata.resourceVersion;
    return merged;
  }
}

/** fieldpath.Set.EnsureNamedFieldsAreMembers: struct fields leading to a member are members too. */
function withNamedAncestors(set: FieldSet): FieldSet {
  const r = set.copy();
  for (const p of set.paths()) {
    for (let i = 1; i < p.length; i++) if (p[i - 1].startsWith('f:')) r.insert(p.slice(0, i));
  }
  return r;
}

function removePathAt(obj: KubeObject, path: string[], shape: Shape): KubeObject {
  return (removePath(obj, path, shape) ?? obj) as KubeObject;
}
