import * as discovery from './schema/discovery.ts';

export interface ResourceInfo extends discovery.ResourceInfo {
  /** Subresources served (status, scale, binding, eviction, log, exec). */
  subresources: string[];
}

const SUBRESOURCES: Record<string, string[]> = {
  pods: ['status', 'binding', 'eviction', 'log', 'exec'],
  nodes: ['status', 'proxy'],
  namespaces: ['status', 'finalize'],
  services: ['status'],
  serviceaccounts: ['token'],
  replicationcontrollers: ['status', 'scale'],
  deployments: ['status', 'scale'],
  replicasets: ['status', 'scale'],
  statefulsets: ['status', 'scale'],
  daemonsets: ['status'],
  resourcequotas: ['status'],
  persistentvolumes: ['status'],
  persistentvolumeclaims: ['status'],
  jobs: ['status'],
  cronjobs: ['status'],
};

/**
 * The resources the simulated API server serves: what discovery (`kubectl api-resources`) lists.
 * Names, short names and categories come from ./schema/discovery.ts.
 */
/**
 * The verbs kube-apiserver serves on each subresource (it registers routes for these only: any other
 * method there is 405 MethodNotAllowed). Discovery lists them (serve/discovery.ts).
 */
export const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  binding: ['create'],
  eviction: ['create'],
  log: ['get'],
  exec: ['create', 'get'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
  finalize: ['update'],
  token: ['create'],
};

export const RESOURCES: ResourceInfo[] = discovery.RESOURCES.filter((r) => !r.subresourceOf).map((r) => ({ ...r, subresources: SUBRESOURCES[r.resource] ?? [] }));

const byGroupResource = new Map<string, ResourceInfo>();
const byDiscovery = new Map<discovery.ResourceInfo, ResourceInfo>();
for (const [i, info] of RESOURCES.entries()) {
  byGroupResource.set(`${info.group}/${info.resource}`, info);
  byDiscovery.set(discovery.RESOURCES.filter((r) => !r.subresourceOf)[i], info);
}

export function resourceFor(group: string, resource: string): ResourceInfo | undefined {
  return byGroupResource.get(`${group}/${resource}`);
}

/** The resource serving `kind` in `group` at `version`, if this server has that version. */
export function resourceForKind(group: string, version: string, kind: string): ResourceInfo | undefined {
  const d = discovery.resourceForKind(group ? `${group}/${version}` : version, kind);
  return d && byDiscovery.get(d);
}

/** kubectl's RESTMapper lookup of a user-typed resource name (plural, singular, short name, kind, name.group). */
export function lookupResource(typed: string): ResourceInfo | undefined {
  const d = discovery.lookupResource(typed);
  return d && byDiscovery.get(d);
}

/** Registry key of an object: /registry/<resource>/<namespace>/<name>. */
export function storageKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  const prefix = storagePrefix(info);
  return info.namespaced ? `${prefix}${namespace}/${name}` : `${prefix}${name}`;
}

/** Resources whose etcd prefix differs from their REST name (as kube-apiserver stores them). */
const STORAGE_PREFIX: Record<string, string> = {
  services: 'services/specs',
  replicationcontrollers: 'controllers',
  nodes: 'minions',
  endpoints: 'services/endpoints',
};

export function storagePrefix(info: ResourceInfo): string {
  return `/registry/${STORAGE_PREFIX[info.resource] ?? info.resource}/`;
}
