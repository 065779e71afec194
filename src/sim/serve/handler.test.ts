/**
 * kubesim serve's request handler, driven in-process with HTTP-shaped requests (no sockets): discovery
 * (legacy and aggregated), Table responses from the server-side printers, watch resourceVersion
 * semantics, scale subresource, protobuf request bodies, managedFields and server-side apply conflicts,
 * OpenAPI documents. Expected shapes follow kube-apiserver (cited per case).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../session.ts';
import { KubeHandler } from './handler.ts';
import { parseQuery, type HttpRequest, type HttpResponse } from './types.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function setup() {
  const session = new Session({ seed: 1 });
  const handler = new KubeHandler(session, { serverAddress: '127.0.0.1:6443', afterWrite: () => session.cluster.clock.settle() });
  const call = (method: string, url: string, opts: { body?: unknown; headers?: Record<string, string>; bytes?: Uint8Array } = {}): HttpResponse => {
    const q = url.indexOf('?');
    const req: HttpRequest = {
      method,
      path: q < 0 ? url : url.slice(0, q),
      query: parseQuery(q < 0 ? '' : url.slice(q + 1)),
      headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) },
      body: opts.body === undefined ? '' : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
      bodyBytes: opts.bytes,
    };
    return handler.handle(req);
  };
  const json = (r: HttpResponse): Obj => JSON.parse(String(r.body));
  return { session, handler, call, json };
}

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

test('discovery: legacy documents and aggregated v2', () => {
  const { call, json } = setup();
  // apiserver pkg/endpoints/discovery: /api → APIVersions, /apis → APIGroupList
  assert.deepEqual(json(call('GET', '/api')).versions, ['v1']);
  const groups = json(call('GET', '/apis')).groups.map((g: Obj) => g.preferredVersion.groupVersion);
  assert.ok(groups.includes('apps/v1') && groups.includes('rbac.authorization.k8s.io/v1'));
  const core = json(call('GET', '/api/v1')).resources as Obj[];
  const pods = core.find((r) => r.name === 'pods')!;
  assert.deepEqual([pods.kind, pods.namespaced, pods.shortNames, pods.categories], ['Pod', true, ['po'], ['all']]);
  // kubectl drain's CheckEvictionSupport looks for pods/eviction with group policy and version v1
  assert.deepEqual(core.find((r) => r.name === 'pods/eviction'), { name: 'pods/eviction', singularName: '', namespaced: true, kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' });
  // KEP-3352 aggregated discovery, answered with its own content type
  const r = call('GET', '/apis', { headers: { accept: AGGREGATED } });
  assert.equal(r.headers['content-type'], 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
  const apps = json(r).items.find((i: Obj) => i.metadata.name === 'apps');
  const deploy = apps.versions[0].resources.find((x: Obj) => x.resource === 'deployments');
  assert.deepEqual(deploy.subresources.find((s: Obj) => s.subresource === 'scale').responseKind, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  assert.equal(call('GET', '/apis/nope.example.com/v1').status, 404);
});

test('get and list as Table: the server-side printers, rows with PartialObjectMetadata', () => {
  const { call, json } = setup();
  const t = json(call('GET', '/api/v1/nodes', { headers: { accept: TABLE } }));
  assert.equal(t.kind, 'Table');
  assert.deepEqual(t.columnDefinitions.map((c: Obj) => c.name), ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']);
  assert.deepEqual(t.rows[0].cells.slice(0, 5), ['controlplane', 'Ready', 'control-plane', '15m', 'v1.35.0']);
  assert.equal(t.rows[0].object.kind, 'PartialObjectMetadata');
  assert.equal(t.rows[0].object.metadata.name, 'controlplane');
  // includeObject=Object carries the whole object (kubectl get --sort-by / -o custom-columns style consumers)
  const full = json(call('GET', '/api/v1/nodes/node01?includeObject=Object', { headers: { accept: TABLE } }));
  assert.equal(full.rows[0].object.kind, 'Node');
  // errors stay Status objects
  const nf = call('GET', '/api/v1/namespaces/default/pods/nope', { headers: { accept: TABLE } });
  assert.equal(nf.status, 404);
  assert.equal(json(nf).message, 'pods "nope" not found');
});

test('watch: replay after a resourceVersion, Table events without headers after the first, 410 for a too old one', () => {
  const { call, json, session } = setup();
  const rv = json(call('GET', '/api/v1/namespaces/default/pods')).metadata.resourceVersion;
  call('POST', '/api/v1/namespaces/default/pods', { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'w' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
  session.cluster.clock.advance(5000);
  const r = call('GET', `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}&fieldSelector=metadata.name%3Dw`, { headers: { accept: TABLE } });
  assert.equal(r.status, 200);
  const chunks: Obj[] = [];
  const stop = r.stream!.start((c) => chunks.push(JSON.parse(c)), () => {});
  assert.equal(chunks[0].type, 'ADDED');
  assert.ok(chunks[0].object.columnDefinitions, 'first Table event carries the columns');
  assert.ok(chunks.length > 2, 'scheduling and start-up are replayed');
  assert.equal(chunks[1].object.columnDefinitions, undefined);
  assert.equal(chunks.at(-1)!.object.rows[0].cells[2], 'Running');
  // live events follow
  const before = chunks.length;
  call('DELETE', '/api/v1/namespaces/default/pods/w', { body: { propagationPolicy: 'Background' } });
  assert.ok(chunks.length > before);
  stop();
  // a resourceVersion before the cache window: ERROR 410 Expired (watch_cache.go "too old resource version")
  const { handler } = setup();
  (handler.watches as unknown as { oldest: number }).oldest = 100;
  const r2 = handler.handle({ method: 'GET', path: '/api/v1/pods', query: parseQuery('watch=true&resourceVersion=5'), headers: {}, body: '' });
  const ev: Obj[] = [];
  r2.stream!.start((c) => ev.push(JSON.parse(c)), () => {});
  assert.equal(ev[0].type, 'ERROR');
  assert.equal(ev[0].object.code, 410);
  assert.match(ev[0].object.message, /^too old resource version: 5 \(101\)$/);
});

test('scale subresource: autoscaling/v1 Scale, merge patch of spec.replicas', () => {
  const { call, json } = setup();
  const s = json(call('GET', '/apis/apps/v1/namespaces/kube-system/deployments/coredns/scale'));
  assert.deepEqual([s.kind, s.apiVersion, s.spec.replicas, s.status.selector], ['Scale', 'autoscaling/v1', 2, 'k8s-app=kube-dns']);
  const p = call('PATCH', '/apis/apps/v1/namespaces/kube-system/deployments/coredns/scale?fieldManager=kubectl-scale', { body: { spec: { replicas: 3 } }, headers: { 'content-type': 'application/merge-patch+json' } });
  assert.equal(json(p).spec.replicas, 3);
  const d = json(call('GET', '/apis/apps/v1/namespaces/kube-system/deployments/coredns'));
  assert.equal(d.spec.replicas, 3);
  const mf = (d.metadata.managedFields as Obj[]).find((m) => m.manager === 'kubectl-scale');
  assert.deepEqual([mf?.subresource, mf?.fieldsV1], ['scale', { 'f:spec': { 'f:replicas': {} } }]);
});

test('server-side apply: create, ownership, conflict with another manager, force', () => {
  const { call, json } = setup();
  const cm = (data: Obj) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data });
  const apply = (body: Obj, manager: string, force = false) => call('PATCH', `/api/v1/namespaces/default/configmaps/cfg?fieldManager=${manager}${force ? '&force=true' : ''}`, { body, headers: { 'content-type': 'application/apply-patch+yaml' } });
  const created = apply(cm({ a: '1', b: '2' }), 'alice');
  assert.equal(created.status, 201);
  const mf = json(created).metadata.managedFields;
  assert.deepEqual(mf, [{ manager: 'alice', operation: 'Apply', apiVersion: 'v1', time: '2026-01-15T09:15:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } }]);
  // a different value for a field alice owns: 409 with the structured-merge-diff message
  const c = apply(cm({ a: 'x' }), 'bob');
  assert.equal(c.status, 409);
  assert.equal(json(c).message, 'Apply failed with 1 conflict: conflict with "alice" using v1: .data.a');
  assert.deepEqual(json(c).details.causes, [{ reason: 'FieldManagerConflict', message: 'conflict with "alice" using v1', field: '.data.a' }]);
  // the same value: shared ownership, no conflict
  assert.equal(apply(cm({ a: '1' }), 'carol').status, 200);
  // force takes the field over
  const f = json(apply(cm({ a: 'x' }), 'bob', true));
  assert.equal(f.data.a, 'x');
  const owners = Object.fromEntries((f.metadata.managedFields as Obj[]).map((m) => [m.manager, m.fieldsV1]));
  assert.deepEqual(owners.alice, { 'f:data': { 'f:b': {} } });
  // alice stops applying b: pruned, since nobody else owns it
  const pruned = json(apply(cm({}), 'alice'));
  assert.equal(pruned.data.b, undefined);
  assert.equal(pruned.data.a, 'x');
  // an Update through another manager (kubectl-edit style) records an Update entry
  const u = json(call('PATCH', '/api/v1/namespaces/default/configmaps/cfg?fieldManager=kubectl-edit', { body: { data: { c: '3' } }, headers: { 'content-type': 'application/merge-patch+json' } }));
  assert.ok((u.metadata.managedFields as Obj[]).some((m) => m.manager === 'kubectl-edit' && m.operation === 'Update'));
  // apply without fieldManager is invalid (PatchOptions validation)
  assert.equal(call('PATCH', '/api/v1/namespaces/default/configmaps/cfg', { body: cm({}), headers: { 'content-type': 'application/apply-patch+yaml' } }).status, 422);
});

test('protobuf request bodies (kubectl typed clients): k8s\\0 + runtime.Unknown', () => {
  const { call, json } = setup();
  // A v1 ConfigMap {metadata {name: "pb"}, data {k: "v"}} as gogo-protobuf encodes it.
  const str = (no: number, s: string) => [(no << 3) | 2, s.length, ...Buffer.from(s)];
  const msg = (no: number, body: number[]) => [(no << 3) | 2, body.length, ...body];
  const meta = msg(1, [...str(1, 'pb'), ...str(2, ''), ...str(3, '')]);
  const data = msg(2, [...str(1, 'k'), ...str(2, 'v')]);
  const raw = [...meta, ...data];
  const typeMeta = msg(1, [...str(1, 'v1'), ...str(2, 'ConfigMap')]);
  const unknown = [...typeMeta, ...msg(2, raw), ...str(3, ''), ...str(4, '')];
  const bytes = Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...unknown]);
  const r = call('POST', '/api/v1/namespaces/default/configmaps', { bytes, body: Buffer.from(bytes).toString('latin1'), headers: { 'content-type': 'application/vnd.kubernetes.protobuf' } });
  assert.equal(r.status, 201, String(r.body));
  const o = json(r);
  assert.deepEqual([o.metadata.name, o.data, o.metadata.generateName], ['pb', { k: 'v' }, undefined]);
});

test('OpenAPI: v3 documents per group/version with GVK, patch parameters and list semantics', () => {
  const { call, json } = setup();
  const index = json(call('GET', '/openapi/v3'));
  assert.match(index.paths['apis/apps/v1'].serverRelativeURL, /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]+$/);
  const doc = json(call('GET', '/openapi/v3/api/v1'));
  const pod = doc.components.schemas['io.k8s.api.core.v1.Pod'];
  assert.deepEqual(pod['x-kubernetes-group-version-kind'], [{ group: '', kind: 'Pod', version: 'v1' }]);
  const containers = doc.components.schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
  assert.deepEqual([containers['x-kubernetes-list-type'], containers['x-kubernetes-list-map-keys'], containers['x-kubernetes-patch-merge-key']], ['map', ['name'], 'name']);
  // kubectl's QueryParamVerifierV3 looks for fieldValidation among the PATCH parameters of the GVK
  const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: '', kind: 'Pod', version: 'v1' });
  assert.ok(patch.parameters.some((p: Obj) => p.name === 'fieldValidation' && p.in === 'query'));
  const v2 = json(call('GET', '/openapi/v2', { headers: { accept: 'application/json' } }));
  assert.equal(v2.swagger, '2.0');
  assert.deepEqual(v2.definitions['io.k8s.api.apps.v1.DeploymentSpec'].properties.template, { $ref: '#/definitions/io.k8s.api.core.v1.PodTemplateSpec', description: v2.definitions['io.k8s.api.apps.v1.DeploymentSpec'].properties.template.description });
});

test('sim endpoint: sim operations on the served cluster', () => {
  const { call, json } = setup();
  const r = call('POST', '/kubesim/v1/sim', { body: { args: ['advance', '2m'] } });
  assert.equal(r.status, 200);
  assert.equal(json(r).now, '2026-01-15T09:17:00Z');
  const bad = call('POST', '/kubesim/v1/sim', { body: { args: ['advance', 'soon'] } });
  assert.equal(bad.status, 400);
  assert.match(json(bad).stderr, /sim advance/);
  assert.equal(json(call('GET', '/kubesim/v1/clock')).now, '2026-01-15T09:17:00Z');
});

test('apiextensions: the CRD list kubectl validation asks for is empty, nothing else of the group is served', () => {
  const { call, json } = setup();
  // cli-runtime query_param_verifier.go: a kind without a PATCH operation (Binding) is checked against the CRDs.
  const list = call('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
  assert.equal(list.status, 200);
  assert.equal(json(list).kind, 'CustomResourceDefinitionList');
  assert.deepEqual(json(list).items, []);
  assert.equal(call('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x').status, 404);
  assert.equal(call('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: {} }).status, 404);
});

test('events.k8s.io/v1: the core Events converted in watches, in Go field order; written events stored as core', () => {
  // pkg/apis/events/v1/conversion.go: one storage, two versions.
  const { call, json, session } = setup();
  const rv = json(call('GET', '/apis/events.k8s.io/v1/namespaces/default/events')).metadata.resourceVersion;
  call('POST', '/api/v1/namespaces/default/pods', { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'w' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
  session.cluster.clock.advance(5000);
  const r = call('GET', `/apis/events.k8s.io/v1/namespaces/default/events?watch=1&resourceVersion=${rv}`);
  const chunks: Obj[] = [];
  const stop = r.stream!.start((c) => chunks.push(JSON.parse(c)), () => {});
  assert.ok(chunks.length > 2);
  const scheduled = chunks.find((c) => c.object.reason === 'Scheduled')!.object;
  assert.deepEqual(Object.keys(scheduled), ['kind', 'apiVersion', 'metadata', 'eventTime', 'reportingController', 'reportingInstance', 'action', 'reason', 'regarding', 'note', 'type', 'deprecatedSource', 'deprecatedFirstTimestamp', 'deprecatedLastTimestamp']);
  assert.equal(scheduled.apiVersion, 'events.k8s.io/v1');
  assert.equal(scheduled.regarding.name, 'w');
  const pulled = chunks.find((c) => c.object.reason === 'Pulling')!.object;
  assert.deepEqual(pulled.deprecatedSource, { component: 'kubelet', host: 'node01' });
  assert.equal(pulled.deprecatedCount, 1);
  assert.equal(pulled.eventTime, null);
  // Written through events.k8s.io, read through v1.
  const made = call('POST', '/apis/events.k8s.io/v1/namespaces/default/events', { body: { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e1' }, eventTime: '2026-01-15T09:20:00.000000Z', reportingController: 'x.io/c', reportingInstance: 'c-1', action: 'A', reason: 'R', type: 'Normal', note: 'n', regarding: { kind: 'Pod', name: 'w', namespace: 'default' } } });
  assert.equal(made.status, 201);
  assert.equal(json(made).note, 'n');
  assert.equal(chunks.at(-1)!.object.note, 'n', 'the live event is converted too');
  stop();
  const core = json(call('GET', '/api/v1/namespaces/default/events/e1'));
  assert.equal(core.message, 'n');
  assert.equal(core.reportingComponent, 'x.io/c');
  assert.deepEqual(core.involvedObject, { kind: 'Pod', name: 'w', namespace: 'default' });
});
