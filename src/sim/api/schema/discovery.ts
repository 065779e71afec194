// API discovery facts for the kinds the simulator serves: resource (plural), singular, namespaced,
// short names, categories. These come from the API server's REST storage, not from OpenAPI:
//   short names / categories: kubernetes/kubernetes pkg/registry/<group>/<resource>/storage/storage.go
//     (`func (r *REST) ShortNames() []string`, `func (r *REST) Categories() []string`, category "all"
//     for pods, replicationcontrollers, services, daemonsets, deployments, replicasets, statefulsets,
//     jobs, cronjobs);
//   NAME / SHORTNAMES / APIVERSION / NAMESPACED / KIND as printed by a real `kubectl api-resources`
//     (v1.31 k3s transcript in the search index; the rows below did not change up to v1.35).
// Eviction is not a resource of its own: it is the `pods/eviction` subresource (policy/v1 Eviction,
// pkg/registry/core/pod/storage/eviction.go) and so is not listed by `kubectl api-resources`.
// Binding is served as `bindings` (create only) and as the `pods/binding` subresource.

export interface ResourceInfo {
  group: string; // '' for the core group
  version: string;
  kind: string;
  /** plural resource name, as in URLs and `kubectl api-resources` NAME */
  resource: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** OpenAPI definition id of the kind */
  definition: string;
  /** for subresource-only kinds: the parent resource, e.g. 'pods' for pods/eviction */
  subresourceOf?: string;
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(group: string, version: string, kind: string, resource: string, namespaced: boolean,
  shortNames: string[] = [], categories: string[] = [], verbs: string[] = CRUD): ResourceInfo {
  const pkg = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '').split('.')[0];
  return {
    group, version, kind, resource, singular: kind.toLowerCase(), namespaced, shortNames, categories, verbs,
    definition: `io.k8s.api.${pkg}.${version}.${kind}`,
  };
}

export const RESOURCES: readonly ResourceInfo[] = [
  r('', 'v1', 'Binding', 'bindings', true, [], [], ['create']),
  r('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  r('', 'v1', 'Endpoints', 'endpoints', true, ['ep']),
  r('', 'v1', 'Event', 'events', true, ['ev']),
  r('', 'v1', 'LimitRange', 'limitranges', true, ['limits']),
  r('', 'v1', 'Namespace', 'namespaces', false, ['ns'], [], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  r('', 'v1', 'Node', 'nodes', false, ['no']),
  r('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']),
  r('', 'v1', 'PersistentVolume', 'persistentvolumes', false, ['pv']),
  r('', 'v1', 'Pod', 'pods', true, ['po'], ['all']),
  r('', 'v1', 'ReplicationController', 'replicationcontrollers', true, ['rc'], ['all']),
  r('', 'v1', 'ResourceQuota', 'resourcequotas', true, ['quota']),
  r('', 'v1', 'Secret', 'secrets', true),
  r('', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa']),
  r('', 'v1', 'Service', 'services', true, ['svc'], ['all'], ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']),
  r('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds'], ['all']),
  r('apps', 'v1', 'Deployment', 'deployments', true, ['deploy'], ['all']),
  r('apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs'], ['all']),
  r('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts'], ['all']),
  r('batch', 'v1', 'CronJob', 'cronjobs', true, ['cj'], ['all']),
  r('batch', 'v1', 'Job', 'jobs', true, [], ['all']),
  r('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  r('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  r('events.k8s.io', 'v1', 'Event', 'events', true, ['ev']),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  r('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  r('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  r('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, ['pc']),
  { ...r('policy', 'v1', 'Eviction', 'eviction', true, [], [], ['create']), subresourceOf: 'pods' },
];

export function apiVersionOf(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group === '' ? info.version : `${info.group}/${info.version}`;
}

/** The resource serving a kind in an apiVersion ("v1", "apps/v1"), if the simulator knows it. */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((x) => apiVersionOf(x) === apiVersion && x.kind === kind);
}

/** All versions known for a kind name (for "no matches for kind" style messages). */
export function resourcesForKindName(kind: string): ResourceInfo[] {
  return RESOURCES.filter((x) => x.kind === kind);
}

/**
 * Resolves what a user typed as a resource (`pods`, `pod`, `po`, `deployments.apps`, `deploy`,
 * `Deployment`) the way kubectl's RESTMapper + shortcut expander do: plural, singular, short name or
 * kind (case-insensitive), optionally qualified with `.<group>` or `.<version>.<group>`.
 * When a name matches several groups (`events`), the core group wins, as in kubectl's priority order.
 * Subresource-only kinds (Eviction) are not resolvable.
 */
export function lookupResource(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  const candidates: ResourceInfo[] = [];
  for (const x of RESOURCES) {
    if (x.subresourceOf) continue;
    const names = [x.resource, x.singular, x.kind.toLowerCase(), ...x.shortNames];
    for (const n of names) {
      if (lower === n) candidates.push(x);
      else if (x.group !== '' && (lower === `${n}.${x.group}` || lower === `${n}.${x.version}.${x.group}`)) candidates.push(x);
    }
  }
  if (candidates.length === 0) return undefined;
  return candidates.find((x) => x.group === '') ?? candidates[0];
}
