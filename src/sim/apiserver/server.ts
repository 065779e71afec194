/**
 * The simulated kube-apiserver. Every write goes through the real request path:
 * decode (strict) → defaults → mutating admission → prepare/validate (registry strategy) →
 * validating admission → storage. Only this class writes the store.
 * Shaped like REST (ApiRequest → ApiResponse) so an HTTP front end can serve it unchanged.
 */
import { apiVersionOf, clone, isObject, type KubeObject } from '../api/object.ts';
import { resourceFor, storageKey, storagePrefix, SUBRESOURCE_VERBS, type ResourceInfo } from '../api/resources.ts';
import type { Clock } from '../clock/clock.ts';
import type { Rng } from '../clock/rng.ts';
import { Store, type StoreEvent } from '../store/store.ts';
import * as errors from './errors.ts';
import { ApiError } from './errors.ts';
import { validateObjectMeta } from './meta.ts';
import { fieldSelectorMatcher, labelSelectorMatcher } from './selectors.ts';
import type { AdmissionAttributes, AdmissionPlugin, ApiRequest, ApiResponse, ServerContext, Strategy } from './types.ts';
import { applyPatch } from './patch.ts';
import { podExec, podLog, type NodeDialer } from './nodeproxy.ts';
import { issueToken } from './tokenrequest.ts';
import { definitionForKind, getProperty } from '../api/schema/schema.ts';
import { toCoreEvent, toEventsV1 } from '../api/eventsv1.ts';
import { parseType, refOf } from '../api/schema/types.ts';

/** Characters of generated name suffixes (apimachinery pkg/util/rand). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export type StrictDecoder = (info: ResourceInfo, body: unknown) => string[];

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  info: ResourceInfo;
  object: KubeObject;
  old?: KubeObject;
}

export type WatchHandler = (ev: WatchEvent) => void;

interface Watcher {
  fn: WatchHandler;
  who: string;
  /** Order of subscription: events reach watchers in this order. */
  seq: number;
}

/**
 * metadata.managedFields bookkeeping and server-side apply (k8s.io/apiserver fieldmanager), installed
 * by `kubesim serve` (src/sim/serve/fieldmanager.ts). Without it objects carry no managedFields and
 * apply patches are merged as strategic merge patches.
 */
export interface FieldManagerHook {
  /** A create/update is about to be stored: record the request's field manager. */
  track(info: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, req: ApiRequest | undefined): void;
  /** patchType 'apply': the object to store (live object merged with the configuration); throws conflicts. */
  apply(info: ResourceInfo, live: KubeObject | undefined, config: unknown, req: ApiRequest): KubeObject;
}

export class ApiServer implements ServerContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly rng: Rng;
  private strategies = new Map<string, Strategy>();
  private admission: AdmissionPlugin[] = [];
  private decoder?: StrictDecoder;
  /**
   * Watchers by resource (undefined: every resource), and pod watchers with a spec.nodeName field
   * selector by node (a kubelet sees only its own pods): a write reaches only the watchers it
   * concerns, in the order they started watching (`seq`), so 5,000 kubelets cost nothing per pod write.
   */
  private watchers = new Map<ResourceInfo | undefined, Watcher[]>();
  private nodeWatchers = new Map<string, Watcher[]>();
  private watchSeq = 0;
  /**
   * Sees each watch event as it reaches a named watcher ("kube-scheduler", "kubelet/node01"), just
   * before that watcher handles it. Optional; nothing in the simulator depends on it (the run UI's
   * pod-creation flow, src/lib/run/pod-flow.ts, follows a pod with it).
   */
  onDeliver?: (who: string, ev: WatchEvent) => void;
  /** False while the apiserver pod is down (static pod manifest broken, etcd restore). */
  up = true;

  constructor(store: Store, clock: Clock, rng: Rng) {
    this.store = store;
    this.clock = clock;
    this.rng = rng;
    // Watch delivery happens as clock tasks: controllers see events "right after" the write,
    // never in the middle of the request that made it.
    store.watch((ev) => this.dispatch(ev));
  }

  registerStrategy(group: string, resource: string, s: Strategy): void {
    this.strategies.set(`${group}/${resource}`, s);
  }
  setAdmission(plugins: AdmissionPlugin[]): void {
    this.admission = plugins;
  }
  setDecoder(d: StrictDecoder): void {
    this.decoder = d;
  }
  /** How this API server reaches kubelets for pods/log and pods/exec (registered by the Cluster). */
  private nodeDialer: NodeDialer = (node) => ({ address: node, dialError: `dial tcp: lookup ${node}: no such host` });
  setNodeDialer(d: NodeDialer): void {
    this.nodeDialer = d;
  }
  /** API groups served by an extension API server behind the aggregation layer (metrics.k8s.io). */
  private aggregated = new Map<string, (req: ApiRequest) => ApiResponse>();
  registerAggregatedAPI(group: string, handler: (req: ApiRequest) => ApiResponse): void {
    this.aggregated.set(group, handler);
  }

  now(): string {
    return this.clock.rfc3339();
  }

  /** The API group of the request being served (a strategy's requestGroupVersion from the context). */
  requestGroup(): string {
    return this.current?.group ?? '';
  }

  read(info: ResourceInfo, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(storageKey(info, namespace, name))?.value as KubeObject | undefined;
  }

  /** Objects of a resource (informer cache view: insertion order, no copy). */
  list(info: ResourceInfo, namespace: string | undefined, sorted = false): KubeObject[] {
    const prefix = info.namespaced && namespace ? `${storagePrefix(info)}${namespace}/` : storagePrefix(info);
    const entries = sorted ? this.store.list(prefix) : this.store.scan(prefix);
    const out: KubeObject[] = [];
    for (const e of entries) {
      const o = e.value as KubeObject;
      if (o.kind === info.kind) out.push(o);
    }
    return out;
  }

  /**
   * Subscribe to changes of one resource (or all). Events arrive as clock tasks. `who` names the
   * component. `nodeName` (pods only) is the field selector spec.nodeName=<node> a kubelet watches with.
   */
  watch(info: ResourceInfo | undefined, fn: WatchHandler, who = '', nodeName?: string): () => void {
    const w: Watcher = { fn, who, seq: this.watchSeq++ };
    const index = nodeName !== undefined && info?.resource === 'pods' && info.group === '' ? this.nodeWatchers : this.watchers;
    const key = index === this.nodeWatchers ? nodeName : info;
    const list = index.get(key as never) ?? [];
    list.push(w);
    index.set(key as never, list);
    return () => {
      const l = index.get(key as never);
      if (!l) return;
      const rest = l.filter((x) => x !== w);
      if (rest.length) index.set(key as never, rest);
      else index.delete(key as never);
    };
  }

  private fieldManager?: FieldManagerHook;
  /** The request being served (for the field manager); nested calls restore the outer one. */
  private current?: ApiRequest;
  setFieldManager(f: FieldManagerHook): void {
    this.fieldManager = f;
  }

  handle(req: ApiRequest): ApiResponse {
    const outer = this.current;
    this.current = req;
    const deprecated = DEPRECATED[`${req.group}/${req.version}/${req.resource}`];
    const withWarning = (r: ApiResponse): ApiResponse => (deprecated ? { ...r, warnings: [...(r.warnings ?? []), deprecated] } : r);
    try {
      const r = this.route(req);
      return withWarning(req.group === 'events.k8s.io' && req.resource === 'events' ? asEventsV1(r) : r);
    } catch (e) {
      if (e instanceof ApiError) return withWarning({ code: e.status.code, body: e.status });
      const msg = e instanceof Error ? e.message : String(e);
      return { code: 500, body: errors.internalError(msg).status };
    } finally {
      this.current = outer;
    }
  }

  private route(req: ApiRequest): ApiResponse {
    if (!this.up) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'apiserver unavailable', reason: 'ServiceUnavailable', code: 503 });
    const aggregated = this.aggregated.get(req.group);
    if (aggregated) return aggregated(req);
    const info = resourceFor(req.group, req.resource);
    if (!info || info.version !== req.version) {
      throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
    }
    const ns = info.namespaced ? req.namespace : undefined;
    if (info.namespaced && !ns && req.verb !== 'list') throw errors.badRequest('namespace is required');
    // A subresource has routes for its own verbs only (pods/eviction: POST; pods/status: GET, PUT, PATCH).
    const subVerbs = req.subresource ? SUBRESOURCE_VERBS[req.subresource] : undefined;
    if (subVerbs && !subVerbs.includes(req.verb)) throw errors.methodNotAllowed();
    switch (req.verb) {
      case 'get':
        if (info.resource === 'pods' && req.subresource === 'log') return { code: 200, body: podLog(this.mustGet(info, ns, req.name!), req.query ?? {}, this.nodeDialer) };
        return { code: 200, body: this.mustGet(info, ns, req.name!) };
      case 'list':
        return { code: 200, body: this.doList(info, ns, req) };
      case 'create':
        return req.subresource ? this.createSubresource(info, ns, req) : this.create(info, ns, req);
      case 'update':
        return this.update(info, ns, req);
      case 'patch':
        return this.patch(info, ns, req);
      case 'delete':
        return this.delete(info, ns, req.name!, req);
      case 'deletecollection':
        return this.deleteCollection(info, ns, req);
    }
  }

  mustGet(info: ResourceInfo, ns: string | undefined, name: string): KubeObject {
    const obj = this.read(info, ns, name);
    if (!obj) throw errors.notFound(info.group, info.resource, name);
    return obj;
  }

  private doList(info: ResourceInfo, ns: string | undefined, req: ApiRequest) {
    let items = this.list(info, ns, true);
    if (req.labelSelector) {
      const m = labelSelectorMatcher(req.labelSelector);
      items = items.filter((o) => m(o.metadata.labels ?? {}));
    }
    if (req.fieldSelector) {
      const m = fieldSelectorMatcher(info, req.fieldSelector);
      items = items.filter(m);
    }
    return {
      apiVersion: apiVersionOf(info.group, info.version),
      kind: `${info.kind}List`,
      metadata: { resourceVersion: String(this.store.revision()) },
      items,
    };
  }

  // ---- create ---------------------------------------------------------------------------------

  /** Decode a request body into a fresh, mutable object of `info`'s kind (strict field validation). */
  private decode(info: ResourceInfo, body: unknown, req: ApiRequest): KubeObject {
    if (!isObject(body)) throw errors.badRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
    const obj = clone(body) as KubeObject;
    const gv = apiVersionOf(info.group, info.version);
    if (obj.kind !== undefined && obj.kind !== info.kind) {
      throw errors.badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: the object provided is unrecognized (must be of type ${info.kind}): ${obj.kind}`);
    }
    if (req.fieldValidation !== 'Ignore' && this.decoder) {
      const errs = this.decoder(info, obj);
      if (errs.length && req.fieldValidation !== 'Warn') {
        throw errors.badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${errs.join(', ')}`);
      }
    }
    dropNulls(obj, definitionForKind(gv, info.kind));
    obj.apiVersion = gv;
    obj.kind = info.kind;
    if (!isObject(obj.metadata)) obj.metadata = {};
    this.strategy(info)?.defaults?.(obj, this);
    // events.k8s.io/v1 shares the core Event's storage: stored (and validated) as core (Convert_v1_Event_To_core_Event).
    return isEventsV1(info) ? toCoreEvent(obj) : obj;
  }

  private create(info: ResourceInfo, ns: string | undefined, req: ApiRequest): ApiResponse {
    const obj = this.decode(info, req.body, req);
    const meta = obj.metadata;
    if (info.group === '' && info.resource === 'bindings') {
      if (meta.namespace && meta.namespace !== ns) throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      return this.bindPod(resourceFor('', 'pods')!, ns, meta.name ?? '', obj, !!req.dryRun);
    }
    if (info.namespaced) {
      if (meta.namespace && meta.namespace !== ns) {
        throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = ns;
    } else {
      delete meta.namespace;
    }
    return this.createObject(info, obj, !!req.dryRun);
  }

  /** The shared tail of create: names, admission, validation, storage. Used by controllers' writes too. */
  createObject(info: ResourceInfo, obj: KubeObject, dryRun = false): ApiResponse {
    const meta = obj.metadata;
    const s = this.strategy(info);
    if (!meta.name && meta.generateName) {
      meta.name = generateName(meta.generateName, this.rng.stream('names'));
    }
    const attrs: AdmissionAttributes = { operation: 'CREATE', info, namespace: meta.namespace, name: meta.name ?? '', object: obj, dryRun };
    this.runAdmit(attrs);
    // rest.BeforeCreate: system fields, PrepareForCreate, validation.
    meta.uid = uuid(this.rng.stream('uids'));
    meta.creationTimestamp = this.now();
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.resourceVersion;
    delete meta.selfLink;
    s?.prepareForCreate?.(obj, this);
    let stored = false;
    try {
      const errs = [...validateObjectMeta(obj, info), ...(s?.validate?.(obj, this) ?? [])];
      if (errs.length) throw errors.invalid(info.group, info.kind, meta.name ?? '', errs);
      this.runValidate(attrs);
      const key = storageKey(info, meta.namespace, meta.name!);
      if (this.store.get(key)) {
        if (meta.generateName && !obj.metadata.name?.length) throw errors.alreadyExists(info.group, info.resource, meta.name!);
        throw errors.alreadyExists(info.group, info.resource, meta.name!);
      }
      this.fieldManager?.track(info, isEventsV1(info) ? toEventsV1(obj) : obj, undefined, this.current);
      if (dryRun) {
        meta.uid = meta.uid ?? '';
        return { code: 201, body: obj };
      }
      this.store.put(key, obj, stampResourceVersion);
      stored = true;
      return { code: 201, body: obj };
    } finally {
      s?.finishWrite?.(obj, undefined, stored);
    }
  }

  /**
   * pods/binding, and the create-only `bindings` resource (pkg/registry/core/pod/storage BindingREST):
   * sets the pod's nodeName and PodScheduled condition; answers a Status.
   */
  private bindPod(info: ResourceInfo, ns: string | undefined, name: string, body: unknown, dryRun: boolean): ApiResponse {
    const pod = this.mustGet(info, ns, name);
    const binding = body as { target?: { name?: string } };
    const nodeName = binding?.target?.name;
    if (!nodeName) throw errors.invalid('', 'Binding', name, [{ type: 'FieldValueRequired', field: 'target.name', value: '', detail: '' }]);
    const spec = pod.spec as { nodeName?: string };
    if (pod.metadata.deletionTimestamp) throw errors.conflict('', 'pods', name, 'pod is being deleted, cannot be assigned to a host');
    if (spec.nodeName) throw errors.conflict('', 'pods', name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
    const next = clone(pod);
    (next.spec as { nodeName?: string }).nodeName = nodeName;
    const status = (next.status ??= {}) as { conditions?: { type: string; status: string; lastProbeTime: null; lastTransitionTime: string }[] };
    const conds = (status.conditions ??= []);
    const c = conds.find((x) => x.type === 'PodScheduled');
    if (c) {
      c.status = 'True';
      c.lastTransitionTime = this.now();
      delete (c as Record<string, unknown>).reason;
      delete (c as Record<string, unknown>).message;
    } else conds.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.now() });
    // ClearingNominatedNodeNameAfterBinding (beta, on by default in v1.35): a bound pod's
    // nomination is stale (setPodNodeAndMetadata).
    delete (status as { nominatedNodeName?: string }).nominatedNodeName;
    if (!dryRun) this.store.put(storageKey(info, ns, name), next, stampResourceVersion);
    return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  }

  private createSubresource(info: ResourceInfo, ns: string | undefined, req: ApiRequest): ApiResponse {
    const name = req.name!;
    if (info.resource === 'pods' && req.subresource === 'binding') return this.bindPod(info, ns, name, req.body, !!req.dryRun);
    if (info.resource === 'pods' && req.subresource === 'eviction') {
      this.mustGet(info, ns, name);
      // policy/v1 Eviction carries the DeleteOptions (drain --grace-period).
      const opts = (req.body as { deleteOptions?: { gracePeriodSeconds?: number } } | undefined)?.deleteOptions;
      this.delete(info, ns, name, { dryRun: req.dryRun, gracePeriodSeconds: opts?.gracePeriodSeconds });
      return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
    }
    if (info.resource === 'pods' && req.subresource === 'exec') {
      return { code: 200, body: podExec(this.mustGet(info, ns, name), req.query ?? {}, typeof req.body === 'string' ? req.body : undefined, this.nodeDialer) };
    }
    if (info.resource === 'serviceaccounts' && req.subresource === 'token') {
      const body = issueToken({
        body: req.body,
        serviceAccount: this.mustGet(info, ns, name),
        lookup: (kind, n) => (kind === 'Node' ? this.mustGet(resourceFor('', 'nodes')!, undefined, n) : this.mustGet(resourceFor('', kind === 'Pod' ? 'pods' : 'secrets')!, ns, n)),
        nodeUid: (n) => this.read(resourceFor('', 'nodes')!, undefined, n)?.metadata.uid,
        nowMs: this.clock.now(),
        jti: uuid(this.rng.stream('token-ids')),
      });
      return { code: 201, body };
    }
    throw errors.methodNotSupported(info.group, `${info.resource}/${req.subresource}`, 'create');
  }

  // ---- update / patch -------------------------------------------------------------------------

  private update(info: ResourceInfo, ns: string | undefined, req: ApiRequest): ApiResponse {
    const obj = this.decode(info, req.body, req);
    if (info.namespaced) obj.metadata.namespace = ns;
    if (obj.metadata.name !== req.name) {
      throw errors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${req.name})`);
    }
    return this.updateObject(info, obj, { subresource: req.subresource, dryRun: !!req.dryRun });
  }

  /** Shared tail of update/patch: conflict check, admission, validation, storage. */
  updateObject(info: ResourceInfo, obj: KubeObject, opts: { subresource?: string; dryRun?: boolean } = {}): ApiResponse {
    const meta = obj.metadata;
    const old = this.read(info, meta.namespace, meta.name!);
    if (!old) throw errors.notFound(info.group, info.resource, meta.name!);
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
      throw errors.conflict(info.group, info.resource, meta.name!, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const s = this.strategy(info);
    // System metadata cannot be changed by clients.
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) {
      meta.deletionTimestamp = old.metadata.deletionTimestamp;
      meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (meta.generation === undefined && old.metadata.generation !== undefined) meta.generation = old.metadata.generation;
    if (opts.subresource === 'status') {
      s?.prepareForStatusUpdate?.(obj, old);
    } else {
      if (old.status !== undefined) obj.status = clone(old.status);
      else delete obj.status;
      s?.prepareForUpdate?.(obj, old, this);
      // Generation moves when the spec changes (metadata.generation semantics).
      if (old.metadata.generation !== undefined && !sameContent(obj.spec, old.spec)) {
        meta.generation = (old.metadata.generation ?? 0) + 1;
      }
    }
    const attrs: AdmissionAttributes = { operation: 'UPDATE', info, subresource: opts.subresource, namespace: meta.namespace, name: meta.name!, object: obj, oldObject: old, dryRun: !!opts.dryRun };
    let stored = false;
    try {
      this.runAdmit(attrs);
      if (opts.subresource !== 'status') {
        const errs = [...validateObjectMeta(obj, info), ...(s?.validateUpdate?.(obj, old, this) ?? s?.validate?.(obj, this) ?? [])];
        if (errs.length) throw errors.invalid(info.group, info.kind, meta.name!, errs);
      }
      this.runValidate(attrs);
      if (isEventsV1(info)) this.fieldManager?.track(info, toEventsV1(obj), toEventsV1(old), this.current);
      else this.fieldManager?.track(info, obj, old, this.current);
      // A dry run is not written: the object keeps the live resourceVersion (DryRunnableStorage.GuaranteedUpdate).
      if (opts.dryRun) {
        meta.resourceVersion = old.metadata.resourceVersion;
        return { code: 200, body: obj };
      }
      // An update that changes nothing does not bump the resourceVersion (etcd is not written).
      meta.resourceVersion = old.metadata.resourceVersion;
      if (sameContent(obj, old)) return { code: 200, body: old };
      const key = storageKey(info, meta.namespace, meta.name!);
      // Finalizers removed from an object being deleted: finish the deletion.
      if (meta.deletionTimestamp && !(meta.finalizers?.length) && this.gracefulDone(info, obj)) {
        this.store.delete(key);
        s?.afterDelete?.(obj, this);
        return { code: 200, body: obj };
      }
      this.store.put(key, obj, stampResourceVersion);
      stored = true;
      return { code: 200, body: obj };
    } finally {
      if (opts.subresource !== 'status') s?.finishWrite?.(obj, old, stored);
    }
  }

  private patch(info: ResourceInfo, ns: string | undefined, req: ApiRequest): ApiResponse {
    if (req.patchType === 'apply' && this.fieldManager) return this.serverSideApply(info, ns, req, this.fieldManager);
    const old = this.mustGet(info, ns, req.name!);
    let patched: unknown;
    try {
      // A patch applies to the object as the request's version has it.
      patched = applyPatch(clone(isEventsV1(info) ? toEventsV1(old) : old), req.body, req.patchType ?? 'merge');
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw errors.badRequest(e instanceof Error ? e.message : String(e));
    }
    const obj = this.decode(info, patched, req);
    obj.metadata.namespace = old.metadata.namespace;
    obj.metadata.name = old.metadata.name;
    delete obj.metadata.resourceVersion;
    return this.updateObject(info, obj, { subresource: req.subresource, dryRun: !!req.dryRun });
  }

  /** PATCH application/apply-patch+yaml: creates the object when it does not exist yet. */
  private serverSideApply(info: ResourceInfo, ns: string | undefined, req: ApiRequest, fm: FieldManagerHook): ApiResponse {
    const stored = this.read(info, ns, req.name!);
    const live = stored && isEventsV1(info) ? toEventsV1(stored) : stored;
    const obj = this.decode(info, fm.apply(info, live, req.body, req), req);
    if (!live) {
      if (info.namespaced) {
        if (obj.metadata.namespace && obj.metadata.namespace !== ns) throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
        obj.metadata.namespace = ns;
      }
      obj.metadata.name = req.name;
      return this.createObject(info, obj, !!req.dryRun);
    }
    obj.metadata.namespace = live.metadata.namespace;
    obj.metadata.name = live.metadata.name;
    delete obj.metadata.resourceVersion;
    return this.updateObject(info, obj, { subresource: req.subresource, dryRun: !!req.dryRun });
  }

  // ---- delete ---------------------------------------------------------------------------------

  private delete(info: ResourceInfo, ns: string | undefined, name: string, req: Pick<ApiRequest, 'dryRun' | 'gracePeriodSeconds' | 'propagationPolicy'>): ApiResponse {
    this.strategy(info)?.beforeDelete?.(name);
    const obj = this.mustGet(info, ns, name);
    const attrs: AdmissionAttributes = { operation: 'DELETE', info, namespace: ns, name, oldObject: obj, dryRun: !!req.dryRun };
    this.runAdmit(attrs);
    this.runValidate(attrs);
    if (req.dryRun) return { code: 200, body: obj };
    return { code: 200, body: this.deleteObject(info, obj, req.gracePeriodSeconds, req.propagationPolicy) };
  }

  /**
   * Graceful deletion (rest.BeforeDelete): objects with finalizers or a grace period get a
   * deletionTimestamp and stay; the rest are removed at once.
   */
  deleteObject(info: ResourceInfo, obj: KubeObject, gracePeriodSeconds?: number, propagation?: string): KubeObject {
    const s = this.strategy(info);
    const key = storageKey(info, obj.metadata.namespace, obj.metadata.name!);
    const next = clone(obj);
    const meta = next.metadata;
    const finalizers = [...(meta.finalizers ?? [])];
    if (propagation === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (propagation === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    const grace = s?.gracePeriod?.(obj, gracePeriodSeconds);
    const graceful = grace !== undefined && grace > 0;
    if (meta.deletionTimestamp) {
      // Already terminating: a shorter grace period may still shorten it.
      if (graceful && grace! < (meta.deletionGracePeriodSeconds ?? Infinity)) {
        meta.deletionGracePeriodSeconds = grace;
        meta.deletionTimestamp = this.clock.rfc3339(this.clock.now() + grace! * 1000);
        this.store.put(key, next, stampResourceVersion);
        return next;
      }
      if (grace === 0 && !finalizers.length) {
        this.store.delete(key);
        s?.afterDelete?.(obj, this);
      }
      return next;
    }
    if (s?.pendingDelete?.(next)) {
      meta.deletionTimestamp = this.now();
      this.store.put(key, next, stampResourceVersion);
      return next;
    }
    if (!graceful && !finalizers.length) {
      this.store.delete(key);
      s?.afterDelete?.(obj, this);
      return next;
    }
    meta.finalizers = finalizers.length ? finalizers : undefined;
    if (!meta.finalizers) delete meta.finalizers;
    meta.deletionTimestamp = this.clock.rfc3339(this.clock.now() + (graceful ? grace! * 1000 : 0));
    meta.deletionGracePeriodSeconds = graceful ? grace : 0;
    if (meta.generation !== undefined) meta.generation += 1;
    this.store.put(key, next, stampResourceVersion);
    return next;
  }

  /** For objects with a grace period, the deletion completes only when the owner (kubelet) says so. */
  private gracefulDone(info: ResourceInfo, obj: KubeObject): boolean {
    return !((obj.metadata.deletionGracePeriodSeconds ?? 0) > 0 && this.strategy(info)?.gracePeriod);
  }

  private deleteCollection(info: ResourceInfo, ns: string | undefined, req: ApiRequest): ApiResponse {
    const list = this.doList(info, ns, req);
    const deleted = list.items.map((o) => this.deleteObject(info, o, req.gracePeriodSeconds, req.propagationPolicy));
    return { code: 200, body: { ...list, items: deleted } };
  }

  /** The namespace controller's `finalize` call: drop spec.finalizers and let the namespace go. */
  finalizeNamespace(name: string): void {
    const info = resourceFor('', 'namespaces')!;
    const ns = this.read(info, undefined, name);
    if (!ns) return;
    const key = storageKey(info, undefined, name);
    if (ns.metadata.finalizers?.length) {
      const next = clone(ns);
      (next.spec as { finalizers?: string[] }).finalizers = [];
      this.store.put(key, next, stampResourceVersion);
      return;
    }
    this.store.delete(key);
  }

  // ---- helpers --------------------------------------------------------------------------------

  strategy(info: ResourceInfo): Strategy | undefined {
    return this.strategies.get(`${info.group}/${info.resource}`);
  }

  private runAdmit(attrs: AdmissionAttributes) {
    for (const p of this.admission) p.admit?.(attrs, this);
  }
  private runValidate(attrs: AdmissionAttributes) {
    for (const p of this.admission) p.validate?.(attrs, this);
  }

  private dispatch(ev: StoreEvent) {
    if (!this.watchers.size && !this.nodeWatchers.size) return;
    const object = ev.value as KubeObject;
    if (!object || typeof object !== 'object' || !object.kind) return;
    const [group] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [''];
    const resource = resourceFromKey(ev.key);
    const info = resourceFor(group, resource) ?? undefined;
    if (!info) return;
    const event: WatchEvent = { type: ev.type, info, object, old: ev.prev as KubeObject | undefined };
    const all = this.watchers.get(undefined);
    const mine = this.watchers.get(info);
    const onNode = this.nodeWatchers.size && info.resource === 'pods' && info.group === '' ? this.nodeWatchers.get((object.spec as { nodeName?: string } | undefined)?.nodeName ?? '') : undefined;
    // Merge the (short) lists in watch order.
    let a = 0;
    let b = 0;
    let c = 0;
    for (;;) {
      const wa = all?.[a];
      const wb = mine?.[b];
      const wc = onNode?.[c];
      let w = wa;
      if (wb && (!w || wb.seq < w.seq)) w = wb;
      if (wc && (!w || wc.seq < w.seq)) w = wc;
      if (!w) break;
      if (w === wa) a++;
      else if (w === wb) b++;
      else c++;
      const d = w;
      this.clock.soon(() => {
        if (d.who) this.onDeliver?.(d.who, event);
        d.fn(event);
      });
    }
  }
}

function isEventsV1(info: ResourceInfo): boolean {
  return info.group === 'events.k8s.io' && info.resource === 'events';
}

/** An events.k8s.io response: the stored core Events it carries as events.k8s.io/v1 (Convert_core_Event_To_v1_Event). */
function asEventsV1(r: ApiResponse): ApiResponse {
  const body = r.body as { kind?: string; items?: KubeObject[] } | undefined;
  if (!body || typeof body !== 'object') return r;
  if (body.kind === 'Event') return { ...r, body: toEventsV1(body as KubeObject) };
  if (body.kind === 'EventList' && Array.isArray(body.items)) return { ...r, body: { ...body, items: body.items.map(toEventsV1) } };
  return r;
}

const KEY_RESOURCE: Record<string, string> = { minions: 'nodes', controllers: 'replicationcontrollers', 'services/specs': 'services', 'services/endpoints': 'endpoints' };
function resourceFromKey(key: string): string {
  const rest = key.slice('/registry/'.length);
  const parts = rest.split('/');
  const two = `${parts[0]}/${parts[1]}`;
  return KEY_RESOURCE[two] ?? KEY_RESOURCE[parts[0]] ?? parts[0];
}

/**
 * Whether two values have equal JSON content whatever the order of their keys (sortedJSON(a) ===
 * sortedJSON(b)), compared in place: no strings built, and the first difference ends it.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (a === undefined || b === undefined || typeof a === 'object' || typeof b === 'object') return a === undefined && b === undefined ? true : sortedJSON(a) === sortedJSON(b);
    return JSON.stringify(a) === JSON.stringify(b);
  }
  const aa = Array.isArray(a);
  if (aa !== Array.isArray(b)) return false;
  if (aa) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameContent(x[i] === undefined ? null : x[i], y[i] === undefined ? null : y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // for…in over plain JSON objects: no key arrays allocated (this runs on every write).
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!Object.prototype.hasOwnProperty.call(y, k) || !sameContent(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/** JSON with object keys sorted: equal for equal content, whatever order a client sent the keys in. */
function sortedJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : sortedJSON(x))).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${sortedJSON(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function stampResourceVersion(obj: KubeObject, rev: number) {
  obj.metadata.resourceVersion = String(rev);
}

/** names.SimpleNameGenerator: base truncated to 58 characters + 5 random characters. */
export function generateName(base: string, rng: Rng): string {
  return base.slice(0, 58) + rng.string(5, NAME_ALPHABET);
}

const HEX = '0123456789abcdef';

/**
 * Deprecated APIs the server warns about on every request (the `Warning` header, apiserver
 * endpoints/deprecation: "<group/version> <Kind> is deprecated in v<major.minor>+; use <replacement>"),
 * by group/version/resource. Endpoints: deprecated in v1.33 (KEP-4974), replaced by EndpointSlice.
 */
const DEPRECATED: Record<string, string> = {
  '/v1/endpoints': 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
};

/** A version-4 UUID drawn from the seeded RNG. */
export function uuid(rng: Rng): string {
  // Joined from characters, not concatenated: one flat string (see flat() in clock.ts).
  const cs: string[] = [];
  for (let i = 0; i < 32; i++) {
    if (i === 8 || i === 12 || i === 16 || i === 20) cs.push('-');
    if (i === 12) cs.push('4');
    else if (i === 16) cs.push('89ab'[rng.intn(4)]);
    else cs.push(HEX[rng.intn(16)]);
  }
  return cs.join('');
}

/**
 * `field: null` decodes into Go's zero value (nil pointer, 0, "", nil slice), which the API's
 * omitempty fields then leave out — except a metav1.Time, whose zero value encodes as null
 * (`lastProbeTime: null`, a template's `creationTimestamp: null`). Walks the object with its schema.
 */
function dropNulls(v: unknown, def: string | undefined): void {
  if (Array.isArray(v)) {
    for (const x of v) dropNulls(x, def);
  } else if (isObject(v)) {
    for (const k in v) {
      const x = v[k];
      // A string, number or boolean holds no null: only objects, arrays and nulls need the schema.
      if (x !== null && typeof x !== 'object') continue;
      const prop = def ? getProperty(def, k) : undefined;
      const t = prop ? parseType(prop.t) : undefined;
      if (x === null) {
        if (!(t?.kind === 'special' && (t.name === 'Time' || t.name === 'MicroTime'))) delete v[k];
      } else dropNulls(x, t ? refOf(t) : undefined);
    }
  }
}
