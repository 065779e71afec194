import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESOURCES, apiVersionOf, lookupResource, resourceForKind } from './discovery.ts';
import { definitionForKind, getDefinition, KUBERNETES_VERSION } from './schema.ts';

// Expected rows: `kubectl api-resources` (NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND) as printed by
// a real cluster (transcript in the search index); categories from pkg/registry/*/storage/storage.go.
const table: [string, string, string, boolean, string][] = [
  ['configmaps', 'cm', 'v1', true, 'ConfigMap'],
  ['endpoints', 'ep', 'v1', true, 'Endpoints'],
  ['events', 'ev', 'v1', true, 'Event'],
  ['limitranges', 'limits', 'v1', true, 'LimitRange'],
  ['namespaces', 'ns', 'v1', false, 'Namespace'],
  ['nodes', 'no', 'v1', false, 'Node'],
  ['persistentvolumeclaims', 'pvc', 'v1', true, 'PersistentVolumeClaim'],
  ['persistentvolumes', 'pv', 'v1', false, 'PersistentVolume'],
  ['pods', 'po', 'v1', true, 'Pod'],
  ['replicationcontrollers', 'rc', 'v1', true, 'ReplicationController'],
  ['resourcequotas', 'quota', 'v1', true, 'ResourceQuota'],
  ['secrets', '', 'v1', true, 'Secret'],
  ['serviceaccounts', 'sa', 'v1', true, 'ServiceAccount'],
  ['services', 'svc', 'v1', true, 'Service'],
  ['daemonsets', 'ds', 'apps/v1', true, 'DaemonSet'],
  ['deployments', 'deploy', 'apps/v1', true, 'Deployment'],
  ['replicasets', 'rs', 'apps/v1', true, 'ReplicaSet'],
  ['statefulsets', 'sts', 'apps/v1', true, 'StatefulSet'],
  ['cronjobs', 'cj', 'batch/v1', true, 'CronJob'],
  ['jobs', '', 'batch/v1', true, 'Job'],
  ['leases', '', 'coordination.k8s.io/v1', true, 'Lease'],
  ['endpointslices', '', 'discovery.k8s.io/v1', true, 'EndpointSlice'],
  ['events', 'ev', 'events.k8s.io/v1', true, 'Event'],
  ['clusterrolebindings', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding'],
  ['clusterroles', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRole'],
  ['rolebindings', '', 'rbac.authorization.k8s.io/v1', true, 'RoleBinding'],
  ['roles', '', 'rbac.authorization.k8s.io/v1', true, 'Role'],
  ['priorityclasses', 'pc', 'scheduling.k8s.io/v1', false, 'PriorityClass'],
];

test('discovery rows match kubectl api-resources', () => {
  for (const [resource, short, apiVersion, namespaced, kind] of table) {
    const r = resourceForKind(apiVersion, kind);
    assert.ok(r, `${apiVersion} ${kind}`);
    assert.equal(r.resource, resource);
    assert.equal(r.shortNames.join(','), short);
    assert.equal(r.namespaced, namespaced);
    assert.equal(apiVersionOf(r), apiVersion);
  }
});

test('every resource has a schema definition', () => {
  assert.equal(KUBERNETES_VERSION, 'v1.35.0');
  for (const r of RESOURCES) {
    assert.ok(getDefinition(r.definition), r.definition);
    assert.equal(definitionForKind(apiVersionOf(r), r.kind), r.definition);
  }
});

test('category "all" holds the workload kinds and services', () => {
  const all = RESOURCES.filter((r) => r.categories.includes('all')).map((r) => r.resource).sort();
  assert.deepEqual(all, ['cronjobs', 'daemonsets', 'deployments', 'jobs', 'pods', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets']);
});

test('lookupResource resolves what users type', () => {
  const cases: [string, string | undefined][] = [
    ['po', 'v1/pods'], ['pod', 'v1/pods'], ['Pods', 'v1/pods'], ['deploy', 'apps/v1/deployments'],
    ['deployments.apps', 'apps/v1/deployments'], ['deployments.v1.apps', 'apps/v1/deployments'],
    ['events', 'v1/events'], ['events.events.k8s.io', 'events.k8s.io/v1/events'], ['quota', 'v1/resourcequotas'],
    ['eviction', undefined], ['foo', undefined],
  ];
  for (const [name, want] of cases) {
    const r = lookupResource(name);
    assert.equal(r ? `${apiVersionOf(r)}/${r.resource}` : undefined, want, name);
  }
});
