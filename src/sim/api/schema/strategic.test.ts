/** Patch semantics from the generated schema, against the struct tags of k8s.io/api v1.35 (types.go). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitionOf, patchMeta } from './strategic.ts';

const CASES: [def: string, field: string, want: ReturnType<typeof patchMeta>][] = [
  // core/v1 types.go: Containers `patchStrategy:"merge" patchMergeKey:"name"`
  ['io.k8s.api.core.v1.PodSpec', 'containers', { def: 'io.k8s.api.core.v1.Container', list: 'merge', key: 'name' }],
  // Container.Ports patchMergeKey:"containerPort"; ServiceSpec.Ports patchMergeKey:"port"
  ['io.k8s.api.core.v1.Container', 'ports', { def: 'io.k8s.api.core.v1.ContainerPort', list: 'merge', key: 'containerPort' }],
  ['io.k8s.api.core.v1.ServiceSpec', 'ports', { def: 'io.k8s.api.core.v1.ServicePort', list: 'merge', key: 'port' }],
  // Tolerations carry no patch strategy: replaced; NodeSpec.Taints is +listType=atomic
  ['io.k8s.api.core.v1.PodSpec', 'tolerations', { def: 'io.k8s.api.core.v1.Toleration', list: 'replace' }],
  ['io.k8s.api.core.v1.NodeSpec', 'taints', { def: 'io.k8s.api.core.v1.Taint', list: 'replace' }],
  // ObjectMeta.Finalizers `patchStrategy:"merge"` on []string: a set
  ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'finalizers', { def: undefined, list: 'set' }],
  ['io.k8s.api.core.v1.Container', 'args', { def: undefined, list: 'replace' }],
  ['io.k8s.api.apps.v1.DeploymentSpec', 'template', { def: 'io.k8s.api.core.v1.PodTemplateSpec' }],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'labels', { def: undefined }],
  ['io.k8s.api.core.v1.PodSpec', 'noSuchField', {}],
];

for (const [def, field, want] of CASES) {
  test(`patchMeta ${def.split('.').pop()}.${field}`, () => assert.deepEqual(patchMeta(def, field), want));
}

test('definitionOf reads apiVersion and kind', () => {
  assert.equal(definitionOf({ apiVersion: 'apps/v1', kind: 'Deployment' }), 'io.k8s.api.apps.v1.Deployment');
  assert.equal(definitionOf({ apiVersion: 'v1', kind: 'Service' }), 'io.k8s.api.core.v1.Service');
  assert.equal(definitionOf({ apiVersion: 'example.com/v1', kind: 'Widget' }), undefined);
  assert.equal(definitionOf('x'), undefined);
});
