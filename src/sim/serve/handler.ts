/**
 * `kubesim serve`'s request handler: the Kubernetes HTTP API over the simulated API server
 * (src/sim/apiserver/server.ts). Routing follows kube-apiserver's REST layout
 * (k8s.io/apiserver pkg/endpoints/installer.go):
 *   /api/v1/[namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE]]   core group
 *   /apis/GROUP/VERSION/[namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE]]
 * with the verb from the method (GET → get/list/watch, POST → create, PUT → update, PATCH → patch by
 * Content-Type, DELETE → delete/deletecollection), plus discovery, OpenAPI, /version, health checks
 * and the simulator's own endpoint under /kubesim/. Everything a client may see comes from the one
 * ApiServer: this file only translates HTTP to ApiRequest and responses to HTTP.
 * Pure TypeScript (no node: imports): the Node adapter is ./node.ts.
 */
import { inGoOrder } from './protobuf.ts';
import { toCoreEvent, toEventsV1 } from '../api/eventsv1.ts';
import { resourcePath } from '../apiserver/paths.ts';
import { load as loadYAML } from 'js-yaml';
import { clone, isObject, type KubeObject } from '../api/object.ts';
import { resourceFor, type ResourceInfo } from '../api/resources.ts';
import { ApiError, type Status } from '../apiserver/errors.ts';
import * as errors from '../apiserver/errors.ts';
import { applyPatch } from '../apiserver/patch.ts';
import { LogFollower } from '../apiserver/nodeproxy.ts';
import type { ApiRequest, ApiResponse } from '../apiserver/types.ts';
import type { Session } from '../session.ts';
import { aggregatedDiscovery, apiGroupList, apiResourceList, apiVersions, groupVersions, subresourceInfo, type GroupVersion } from './discovery.ts';
import { FieldManager } from './fieldmanager.ts';
import { openAPIV2, openAPIV3Document, openAPIV3Index } from './openapi.ts';
import { encodeOpenAPIV2 } from './openapiproto.ts';
import { decodeKubernetesProtobuf, ProtobufError } from './protobuf.ts';
import { negotiate, partialMetadata, tableOf, type Target } from './table.ts';
import { first, parseAccept, type ExecResult, type HttpRequest, type HttpResponse } from './types.ts';
import { versionInfo } from './version.ts';
import { WatchCache } from './watch.ts';

const JSON_TYPE = 'application/json';
const PROTOBUF_TYPE = 'application/vnd.kubernetes.protobuf';
const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const AGGREGATED_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
const OPENAPI_V2_PB = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

/** metrics.k8s.io as the metrics-server APIService registers it (served through the aggregation hook). */
const METRICS_GV: GroupVersion = { group: 'metrics.k8s.io', version: 'v1beta1' };
const METRICS_RESOURCES = [
  { resource: 'nodes', kind: 'NodeMetrics', namespaced: false, verbs: ['get', 'list'] },
  { resource: 'pods', kind: 'PodMetrics', namespaced: true, verbs: ['get', 'list'] },
];

export interface HandlerOptions {
  /** host:port the server is reachable at (APIVersions.serverAddressByClientCIDRs). */
  serverAddress: string;
  /** Called after requests that may have changed the cluster (the server settles the clock). */
  afterWrite?: () => void;
}

export class KubeHandler {
  readonly session: Session;
  readonly watches: WatchCache;
  readonly fieldManager: FieldManager;
  private opts: HandlerOptions;

  constructor(session: Session, opts: HandlerOptions) {
    this.session = session;
    this.opts = opts;
    this.watches = new WatchCache(session.cluster.store);
    this.fieldManager = new FieldManager(session.cluster.server);
    this.fieldManager.install();
  }

  private get server() {
    return this.session.cluster.server;
  }

  handle(req: HttpRequest): HttpResponse {
    try {
      return this.route(req);
    } catch (e) {
      if (e instanceof ApiError) return json(e.status.code, e.status);
      const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
      return json(500, errors.internalError(msg).status);
    }
  }

  private route(req: HttpRequest): HttpResponse {
    const path = req.path.replace(/\/+$/, '') || '/';
    const segs = path.split('/').filter(Boolean);
    const accept = parseAccept(req.headers.accept);
    // responsewriters.WriteRawJSON: indented, no final newline (kubectl get --raw /version shows it).
    if (path === '/version') return { status: 200, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(versionInfo(this.session), null, 2) };
    if (['/healthz', '/readyz', '/livez'].includes(path)) {
      return this.server.up ? text(200, 'ok') : text(500, `[-]etcd failed: reason withheld\n${path.slice(1)} check failed`);
    }
    if (segs[0] === 'kubesim') return this.sim(req, segs.slice(1));
    if (path === '/openapi/v2') {
      if (accept.some((m) => m.type === OPENAPI_V2_PB.split(';')[0])) return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: encodeOpenAPIV2(openAPIV2()) };
      return marshalled(200, openAPIV2());
    }
    // kube-apiserver always serves apiextensions.k8s.io, and the simulated kubeadm cluster has no
    // CustomResourceDefinitions. kubectl's field validation lists them (cli-runtime pkg/resource
    // query_param_verifier.go HasSupport → CRDFromDynamic) for a kind whose OpenAPI has no PATCH
    // operation — a create-only Binding — then validates on the client; without this answer it fails
    // with "failed to check CRD: failed to list CRDs: the server could not find the requested resource".
    // Only the list is answered: the simulator does not model the group (its discovery does not list it).
    if (path === '/apis/apiextensions.k8s.io/v1/customresourcedefinitions' && req.method === 'GET' && req.query.watch === undefined) {
      return marshalled(200, { kind: 'CustomResourceDefinitionList', apiVersion: 'apiextensions.k8s.io/v1', metadata: { resourceVersion: String(this.session.cluster.store.revision()) }, items: [] });
    }
    if (path === '/openapi/v3') return marshalled(200, openAPIV3Index());
    if (segs[0] === 'openapi' && segs[1] === 'v3') {
      const doc = openAPIV3Document(segs.slice(2).join('/'));
      if (!doc) return json(404, notFoundStatus());
      return marshalled(200, doc);
    }
    if (path === '/api' || path === '/apis') {
      const aggregated = accept.find((m) => m.params.as === 'APIGroupDiscoveryList' && m.params.g === 'apidiscovery.k8s.io' && (m.params.v === 'v2' || m.params.v === 'v2beta1'));
      if (aggregated) {
        const v = aggregated.params.v;
        return { status: 200, headers: { 'content-type': v === 'v2' ? AGGREGATED_V2 : AGGREGATED_V2BETA1 }, body: JSON.stringify(aggregatedDiscovery(path === '/api', this.extraDiscovery(), v)) + '\n' };
      }
      return json(200, path === '/api' ? apiVersions(this.opts.serverAddress) : apiGroupList(this.extraDiscovery().map((e) => e.gv)));
    }
    const gvEnd = segs[0] === 'api' ? 2 : segs[0] === 'apis' ? 3 : -1;
    if (gvEnd < 0) return json(404, notFoundStatus());
    const gv: GroupVersion = segs[0] === 'api' ? { group: '', version: segs[1] ?? '' } : { group: segs[1] ?? '', version: segs[2] ?? '' };
    if (segs.length === gvEnd - 1 && segs[0] === 'apis') {
      // /apis/GROUP: APIGroup
      const g = groupVersions(this.extraDiscovery().map((e) => e.gv)).find((x) => x.group === gv.group);
      if (!g) return json(404, notFoundStatus());
      const gvs = `${g.group}/${g.version}`;
      return json(200, { kind: 'APIGroup', apiVersion: 'v1', name: g.group, versions: [{ groupVersion: gvs, version: g.version }], preferredVersion: { groupVersion: gvs, version: g.version } });
    }
    if (segs.length === gvEnd) {
      if (gv.group === METRICS_GV.group && gv.version === METRICS_GV.version && this.metricsRegistered()) {
        if (!this.metricsAvailable()) return json(503, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server is currently unable to handle the request', reason: 'ServiceUnavailable', code: 503 });
        return json(200, apiResourceList(gv, METRICS_RESOURCES.map((r) => ({ name: r.resource, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs }))));
      }
      if (!groupVersions().some((x) => x.group === gv.group && x.version === gv.version)) return json(404, notFoundStatus());
      return json(200, apiResourceList(gv));
    }
    return this.resource(req, gv, segs.slice(gvEnd));
  }

  // ---- resources ------------------------------------------------------------------------------

  private resource(req: HttpRequest, gv: GroupVersion, rest: string[]): HttpResponse {
    if (rest[0] === 'watch') throw errors.badRequest('the /watch/ path prefix is deprecated: use ?watch=true');
    const { namespace, resource, name, subresource, extra } = resourcePath(rest);
    if (extra.length) return json(404, notFoundStatus());
    const q = req.query;
    const accept = parseAccept(req.headers.accept);
    const target = negotiate(accept);
    const base: Omit<ApiRequest, 'verb'> = {
      group: gv.group,
      version: gv.version,
      resource,
      namespace,
      name,
      subresource,
      query: Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.length > 1 ? v : v[0]])),
      labelSelector: first(q, 'labelSelector') || undefined,
      fieldSelector: first(q, 'fieldSelector') || undefined,
      fieldManager: first(q, 'fieldManager') || undefined,
      dryRun: (q.dryRun ?? []).includes('All') || undefined,
      fieldValidation: fieldValidationOf(first(q, 'fieldValidation')),
    };
    if (base.dryRun === undefined) delete base.dryRun;
    const info = resourceFor(gv.group, resource);
    // The simulator does not model ControllerRevisions (DaemonSet/StatefulSet history): their list is
    // empty, which is what the simulator's kubectl assumes (`rollout history ds/x`: no history).
    if (gv.group === 'apps' && gv.version === 'v1' && resource === 'controllerrevisions' && !name && req.method.toUpperCase() === 'GET' && !['1', 'true'].includes(first(q, 'watch') ?? '')) {
      return json(200, { kind: 'ControllerRevisionList', apiVersion: 'apps/v1', metadata: { resourceVersion: String(this.session.cluster.store.revision()) }, items: [] });
    }
    const aggregated = gv.group === METRICS_GV.group;
    if (!aggregated && (!info || info.version !== gv.version)) return json(404, notFoundStatus());
    const method = req.method.toUpperCase();
    const watch = ['1', 'true'].includes(first(q, 'watch') ?? '');
    const sub = info && subresource ? subresourceInfo(info, subresource) : undefined;
    if (info && subresource && !sub) return json(404, notFoundStatus());
    // A watch, or a method the subresource has no route for (scale and exec are answered here, before
    // the API server's own check): 405.
    const verb = method === 'GET' ? (watch ? 'watch' : 'get') : ({ POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' } as Record<string, string>)[method];
    if (sub && !(verb && sub.verbs.includes(verb))) return json(405, errors.methodNotAllowed().status);
    if (info && !info.namespaced && namespace !== undefined) return json(404, notFoundStatus());
    const userAgent = req.headers['user-agent'] ?? '';
    if (!base.fieldManager && method !== 'GET') base.fieldManager = defaultManager(userAgent);

    if (info && subresource === 'scale') return this.scale(req, info, base);
    if (info?.resource === 'pods' && subresource === 'exec') {
      return json(400, errors.badRequest('Upgrade request required').status);
    }

    const ctype = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if ((method === 'POST' || method === 'PUT') && ctype !== '' && ctype !== JSON_TYPE && ctype !== 'application/yaml' && ctype !== '*/*' && ctype !== PROTOBUF_TYPE) {
      return json(415, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`, reason: 'UnsupportedMediaType', code: 415 });
    }
    switch (method) {
      case 'GET': {
        if (watch) return this.watch(req, info!, base, target);
        const verb = name ? 'get' : 'list';
        const r = this.server.handle({ ...base, verb });
        if (r.code >= 300) return apiResponse(r);
        if (subresource === 'log') return this.podLog(base, String(r.body), q);
        return this.render(info, r, target, first(q, 'includeObject'), verb === 'list');
      }
      case 'POST': {
        const body = omitZeroTimes(parseBody(req, info));
        const r = this.server.handle({ ...base, verb: 'create', body });
        this.opts.afterWrite?.();
        return this.render(info, r, target);
      }
      case 'PUT': {
        const body = omitZeroTimes(parseBody(req, info));
        const r = this.server.handle({ ...base, verb: 'update', body });
        this.opts.afterWrite?.();
        return this.render(info, r, target);
      }
      case 'PATCH': {
        const patchType = patchTypeOf(req.headers['content-type']);
        if (!patchType) {
          return json(415, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`, reason: 'UnsupportedMediaType', code: 415 });
        }
        const body = patchType === 'apply' ? omitZeroTimes(parseYAMLBody(req.body)) : patchType === 'json' ? omitZeroTimes(parseJSONBody(req.body)) : parseJSONBody(req.body);
        const force = ['1', 'true'].includes(first(q, 'force') ?? '');
        if (patchType === 'apply' && !first(q, 'fieldManager')) {
          throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', reason: 'Invalid', details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }] }, code: 422 });
        }
        const r = this.server.handle({ ...base, verb: 'patch', patchType, body, force: force || undefined });
        this.opts.afterWrite?.();
        return this.render(info, r, target);
      }
      case 'DELETE': {
        const opts = deleteOptions(req);
        const r = this.server.handle({
          ...base,
          verb: name ? 'delete' : 'deletecollection',
          dryRun: base.dryRun || opts.dryRun?.includes('All') || undefined,
          gracePeriodSeconds: intParam(first(q, 'gracePeriodSeconds')) ?? opts.gracePeriodSeconds,
          propagationPolicy: (first(q, 'propagationPolicy') as ApiRequest['propagationPolicy']) ?? opts.propagationPolicy ?? (opts.orphanDependents === true ? 'Orphan' : undefined),
          preconditions: opts.preconditions,
        } as ApiRequest);
        this.opts.afterWrite?.();
        return this.render(info, r, target);
      }
      default:
        return json(405, errors.methodNotSupported(gv.group, resource, method.toLowerCase()).status);
    }
  }

  /** A successful body as the client asked for it (object, Table, PartialObjectMetadata). */
  private render(info: ResourceInfo | undefined, r: ApiResponse, target: Target, includeObject?: string, isList = false): HttpResponse {
    if (r.code >= 300 || !info || target.as === 'object' || !isObject(r.body)) return apiResponse(r);
    const body = r.body as Record<string, unknown>;
    if (body.kind === 'Status') return apiResponse(r);
    const items = isList ? ((body.items ?? []) as KubeObject[]) : [body as unknown as KubeObject];
    const rv = isList ? (body.metadata as { resourceVersion?: string } | undefined)?.resourceVersion : (body as unknown as KubeObject).metadata?.resourceVersion;
    if (target.as === 'Table') {
      return apiResponse({ ...r, body: tableOf(info, items, this.session.cluster.clock.now(), rv, { version: target.version, includeObject }) });
    }
    if (isList) {
      return apiResponse({ ...r, body: { kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${target.version}`, metadata: body.metadata, items: items.map((o) => partialMetadata(o, target.version)) } });
    }
    return apiResponse({ ...r, body: partialMetadata(items[0], target.version) });
  }

  /**
   * pods/log: the text, or with follow=true a stream that goes on with what the container writes as
   * simulated time passes (polled every simulated second, nodeproxy.ts LogFollower) and ends when the
   * container stops running.
   */
  private podLog(base: Omit<ApiRequest, 'verb'>, text: string, q: HttpRequest['query']): HttpResponse {
    const headers = { 'content-type': 'text/plain' };
    if (first(q, 'follow') !== 'true') return { status: 200, headers, body: text };
    const query: Record<string, string> = {};
    for (const k of ['container', 'timestamps']) {
      const v = first(q, k);
      if (v !== undefined) query[k] = v;
    }
    const read = (verbQuery: Record<string, string | string[] | undefined>, subresource?: string) => this.server.handle({ ...base, verb: 'get', subresource, query: verbQuery });
    const follower = new LogFollower(
      () => {
        const r = read({});
        return r.code < 300 ? (r.body as KubeObject) : undefined;
      },
      (lq) => {
        const r = read(lq, 'log');
        if (r.code >= 300) throw new Error(String(r.code));
        return String(r.body);
      },
      query,
    );
    if (follower.ended) return { status: 200, headers, body: text };
    const clock = this.session.cluster.clock;
    return {
      status: 200,
      headers: { ...headers, 'transfer-encoding': 'chunked' },
      stream: {
        start: (send, end) => {
          let timer: { cancel(): void } | undefined;
          const tick = () => {
            const t = follower.poll();
            if (t) send(t);
            if (follower.ended) {
              timer = undefined;
              end();
              return;
            }
            timer = clock.after(1000, tick);
          };
          if (text) send(text);
          timer = clock.after(1000, tick);
          return () => timer?.cancel();
        },
      },
    };
  }

  private watch(req: HttpRequest, info: ResourceInfo, base: Omit<ApiRequest, 'verb'>, target: Target): HttpResponse {
    if (!info) return json(405, errors.methodNotSupported(base.group, base.resource, 'watch').status);
    const q = req.query;
    // Field/label selectors are validated by a list first (same errors as list).
    if (base.name) base.fieldSelector = [`metadata.name=${base.name}`, base.fieldSelector].filter(Boolean).join(',');
    const check = this.server.handle({ ...base, name: undefined, verb: 'list' });
    if (check.code >= 300) return apiResponse(check);
    // events.k8s.io/v1 Events are stored as core Events: the watch cache matches those, the client gets them converted.
    const eventsV1 = info.group === 'events.k8s.io' && info.resource === 'events';
    const listed = (check.body as { items: KubeObject[] }).items.map((o) => (eventsV1 ? toCoreEvent(o) : o));
    const starter = this.watches.open(
      {
        info,
        namespace: base.namespace,
        labelSelector: base.labelSelector,
        fieldSelector: base.fieldSelector,
        resourceVersion: first(q, 'resourceVersion'),
        sendInitialEvents: first(q, 'sendInitialEvents') === 'true',
        allowBookmarks: first(q, 'allowWatchBookmarks') === 'true',
      },
      () => listed,
    );
    const clock = this.session.cluster.clock;
    const timeout = intParam(first(q, 'timeoutSeconds'));
    return {
      status: 200,
      headers: { 'content-type': JSON_TYPE, 'transfer-encoding': 'chunked' },
      timeoutMs: timeout !== undefined && timeout > 0 ? timeout * 1000 : undefined,
      stream: {
        start: (send) => {
          let firstTable = true;
          return starter.start((type, object) => {
            let obj = eventsV1 && (object as KubeObject).kind === 'Event' ? toEventsV1(object as KubeObject) : object;
            if (target.as === 'Table' && (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')) {
              const o = obj as KubeObject;
              obj = tableOf(info, [o], clock.now(), o.metadata.resourceVersion, { version: target.version, includeObject: first(q, 'includeObject'), noHeaders: !firstTable });
              firstTable = false;
            } else if (target.as !== 'object' && target.as !== 'Table' && type !== 'ERROR' && type !== 'BOOKMARK') {
              obj = partialMetadata(obj as KubeObject, target.version);
            }
            send(JSON.stringify({ type, object: inGoOrder(obj) }) + '\n');
          });
        },
      },
    } as HttpResponse;
  }

  /** GET/PUT/PATCH …/scale: autoscaling/v1 Scale over spec.replicas (pkg/registry/apps/deployment/storage ScaleREST). */
  private scale(req: HttpRequest, info: ResourceInfo, base: Omit<ApiRequest, 'verb'>): HttpResponse {
    const ns = info.namespaced ? base.namespace : undefined;
    const obj = this.server.read(info, ns, base.name!);
    if (!obj) return json(404, errors.notFound(info.group, info.resource, base.name!).status);
    const current = scaleOf(info, obj);
    const method = req.method.toUpperCase();
    if (method === 'GET') return json(200, current);
    let next: Record<string, unknown>;
    if (method === 'PUT') next = parseJSONBody(req.body) as Record<string, unknown>;
    else if (method === 'PATCH') {
      const pt = patchTypeOf(req.headers['content-type']);
      if (!pt || pt === 'apply') return json(415, errors.badRequest('unsupported patch type for scale').status);
      try {
        next = applyPatch(clone(current), parseJSONBody(req.body), pt === 'strategic' ? 'merge' : pt) as Record<string, unknown>;
      } catch (e) {
        throw errors.badRequest(e instanceof Error ? e.message : String(e));
      }
    } else return json(405, errors.methodNotSupported(info.group, `${info.resource}/scale`, method.toLowerCase()).status);
    const meta = (next.metadata ?? {}) as { resourceVersion?: string };
    if (meta.resourceVersion && meta.resourceVersion !== obj.metadata.resourceVersion) {
      throw errors.conflict(info.group, info.resource, base.name!, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const replicas = (next.spec as { replicas?: number } | undefined)?.replicas;
    if (typeof replicas === 'number' && replicas < 0) {
      throw errors.invalid('autoscaling', 'Scale', base.name!, [{ type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' }]);
    }
    const updated = clone(obj);
    ((updated.spec ??= {}) as { replicas?: number }).replicas = replicas ?? 0;
    // The scale subresource's field manager owns .spec.replicas of the parent (managedfields scale handler).
    this.fieldManager.track(info, updated, obj, { ...base, verb: 'update', subresource: 'scale' });
    const r = this.server.updateObject(info, updated, { dryRun: !!base.dryRun });
    this.opts.afterWrite?.();
    if (r.code >= 300) return apiResponse(r);
    return json(200, scaleOf(info, r.body as KubeObject));
  }

  // ---- exec -----------------------------------------------------------------------------------

  /** pods/exec over a streaming connection: validated and run through the API server's exec provider. */
  exec(req: HttpRequest, stdin: string | undefined): { ok: true; result: ExecResult } | { ok: false; response: HttpResponse } {
    const segs = req.path.split('/').filter(Boolean);
    const m = segs[0] === 'api' && segs[1] === 'v1' && segs[2] === 'namespaces' && segs[4] === 'pods' && segs[6] === 'exec';
    if (!m || segs.length !== 7) return { ok: false, response: json(404, notFoundStatus()) };
    const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, k === 'command' ? v : v[0]]));
    const r = this.server.handle({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: segs[3], name: segs[5], subresource: 'exec', query, body: stdin });
    this.opts.afterWrite?.();
    if (r.code >= 300) return { ok: false, response: apiResponse(r) };
    const s = r.body as ExecResult;
    return { ok: true, result: { stdout: s.stdout, stderr: s.stderr, status: s.status } };
  }

  /** Is `req` a pods/exec (or attach) request: the Node adapter upgrades those. */
  static isExec(path: string): boolean {
    return /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/(exec|attach)$/.test(path);
  }

  // ---- the simulator's own endpoint ------------------------------------------------------------

  /**
   * /kubesim/v1/sim (POST {"args": ["advance", "30s"]}): a `sim` command on the served cluster, the
   * same operations a script's `sim` line has; /kubesim/v1/clock (GET): the simulated time.
   */
  private sim(req: HttpRequest, segs: string[]): HttpResponse {
    const path = segs.join('/');
    if (path === 'v1/clock' && req.method === 'GET') {
      return json(200, { now: this.session.cluster.clock.rfc3339(), nowMs: this.session.cluster.clock.now() });
    }
    if (path === 'v1/sim' && req.method === 'POST') {
      let args: unknown;
      try {
        args = (JSON.parse(req.body || '{}') as { args?: unknown }).args;
      } catch {
        return json(400, errors.badRequest('body must be JSON: {"args": ["advance", "30s"]}').status);
      }
      if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) return json(400, errors.badRequest('body must be JSON: {"args": ["advance", "30s"]}').status);
      const line = ['sim', ...(args as string[]).map(shellQuote)].join(' ');
      let stdout = '';
      let stderr = '';
      let code = 0;
      const shell = this.session.shell;
      const saved = shell.sink;
      shell.sink = (o) => {
        if (o.stream === 'stderr') stderr += o.text;
        else stdout += o.text;
      };
      try {
        code = shell.runLine(line);
      } finally {
        shell.sink = saved;
      }
      this.session.cluster.clock.settle();
      this.opts.afterWrite?.();
      return json(code === 0 ? 200 : 400, { exitCode: code, stdout, stderr, now: this.session.cluster.clock.rfc3339() });
    }
    return json(404, notFoundStatus());
  }

  // ---- discovery helpers ----------------------------------------------------------------------

  private metricsRegistered(): boolean {
    return !!this.server.read(resourceFor('apps', 'deployments')!, 'kube-system', 'metrics-server');
  }

  private metricsAvailable(): boolean {
    const r = this.server.handle({ verb: 'list', group: METRICS_GV.group, version: METRICS_GV.version, resource: 'nodes' });
    return r.code !== 503;
  }

  private extraDiscovery() {
    return this.metricsRegistered() && this.metricsAvailable() ? [{ gv: METRICS_GV, resources: METRICS_RESOURCES }] : [];
  }
}

// ---- helpers ----------------------------------------------------------------------------------

function scaleOf(info: ResourceInfo, o: KubeObject) {
  const spec = (o.spec ?? {}) as { replicas?: number; selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | Record<string, string> };
  const status = (o.status ?? {}) as { replicas?: number };
  let selector = '';
  const sel = spec.selector as Record<string, unknown> | undefined;
  if (sel) {
    const labels = (info.resource === 'replicationcontrollers' ? sel : (sel.matchLabels ?? {})) as Record<string, string>;
    selector = Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',');
  }
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: o.metadata.name, namespace: o.metadata.namespace, uid: o.metadata.uid, resourceVersion: o.metadata.resourceVersion, creationTimestamp: o.metadata.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector },
  };
}

/** An API object as kube-apiserver's JSON serializer writes it (Go's field order; json.Encoder: a newline ends it). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(inGoOrder(body)) + '\n' };
}

/** A document kube-openapi writes with json.Marshal: as built, no newline. */
function marshalled(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) };
}

function text(status: number, body: string): HttpResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

function apiResponse(r: ApiResponse): HttpResponse {
  const headers: Record<string, string> = {};
  if (r.warnings?.length) headers.warning = r.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
  return json(r.code, r.body, headers);
}

export function notFoundStatus(): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 };
}

function fieldValidationOf(v: string | undefined): ApiRequest['fieldValidation'] {
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  // kube-apiserver's default for requests without the parameter is Warn.
  return 'Warn';
}

function patchTypeOf(ct: string | undefined): ApiRequest['patchType'] | undefined {
  const t = (ct ?? '').split(';')[0].trim().toLowerCase();
  if (t === 'application/json-patch+json') return 'json';
  if (t === 'application/merge-patch+json') return 'merge';
  if (t === 'application/strategic-merge-patch+json') return 'strategic';
  if (t === 'application/apply-patch+yaml' || t === 'application/apply-patch+json') return 'apply';
  return undefined;
}

/**
 * `creationTimestamp: null` (what clients built with apimachinery ≤ v1.33 write for the zero time, e.g.
 * in pod templates) decodes to the zero time, which a v1.35 server never writes back
 * (ObjectMeta.creationTimestamp is `omitzero` since apimachinery v1.34): drop it, as decoding does.
 */
function omitZeroTimes<T>(v: T): T {
  if (Array.isArray(v)) {
    for (const x of v) omitZeroTimes(x);
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'creationTimestamp' && x === null) delete v[k];
      else omitZeroTimes(x);
    }
  }
  return v;
}

function intParam(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw errors.badRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return n;
}

function parseJSONBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (e) {
    throw errors.badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parseYAMLBody(body: string): unknown {
  try {
    return loadYAML(body);
  } catch (e) {
    throw errors.badRequest(`error decoding YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

function parseBody(req: HttpRequest, info: ResourceInfo | undefined): unknown {
  const ct = (req.headers['content-type'] ?? JSON_TYPE).split(';')[0].trim();
  if (ct === 'application/yaml') return parseYAMLBody(req.body);
  if (ct === PROTOBUF_TYPE) {
    try {
      return decodeKubernetesProtobuf(req.bodyBytes ?? new TextEncoder().encode(req.body));
    } catch (e) {
      if (e instanceof ProtobufError) throw errors.badRequest(`the body of the request was in an unknown format: ${e.message}`);
      throw e;
    }
  }
  try {
    return JSON.parse(req.body);
  } catch (e) {
    const kind = info?.kind ?? 'Object';
    throw errors.badRequest(`${kind} in version "${info?.version ?? 'v1'}" cannot be handled as a ${kind}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

interface DeleteOptionsBody {
  gracePeriodSeconds?: number;
  propagationPolicy?: ApiRequest['propagationPolicy'];
  orphanDependents?: boolean;
  dryRun?: string[];
  preconditions?: { uid?: string; resourceVersion?: string };
}

function deleteOptions(req: HttpRequest): DeleteOptionsBody {
  if ((req.headers['content-type'] ?? '').split(';')[0].trim() === PROTOBUF_TYPE && req.bodyBytes?.length) {
    try {
      return decodeKubernetesProtobuf(req.bodyBytes) as DeleteOptionsBody;
    } catch (e) {
      if (e instanceof ProtobufError) throw errors.badRequest(`the body of the request was in an unknown format: ${e.message}`);
      throw e;
    }
  }
  if (!req.body.trim()) return {};
  try {
    const b = JSON.parse(req.body) as DeleteOptionsBody;
    return isObject(b) ? b : {};
  } catch {
    throw errors.badRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml');
  }
}

/** The field manager of a request without ?fieldManager: the user agent's first word (managedfields). */
function defaultManager(userAgent: string): string {
  const name = userAgent.split('/')[0];
  return name.length > 128 ? name.slice(0, 128) : name || 'unknown';
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
