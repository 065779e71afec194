/**
 * API discovery documents built from the resources the simulated API server serves
 * (src/sim/api/resources.ts, names/short names/categories from api/schema/discovery.ts):
 *   legacy    GET /api (APIVersions), /apis (APIGroupList), /api/v1 and /apis/G/V (APIResourceList)
 *             — k8s.io/apimachinery pkg/apis/meta/v1/types.go, apiserver pkg/endpoints/discovery;
 *   aggregated GET /api and /apis with `Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`
 *             — k8s.io/api apidiscovery/v2 types (KEP-3352), which kubectl ≥ v1.30 asks for first.
 * Subresources carry their own kind and verbs as kube-apiserver lists them (pods/eviction is
 * policy/v1 Eviction — kubectl drain's CheckEvictionSupport looks for exactly that entry;
 * …/scale is autoscaling/v1 Scale — kubectl scale uses it).
 */
import { RESOURCES, SUBRESOURCE_VERBS, type ResourceInfo } from '../api/resources.ts';

export interface SubresourceInfo {
  name: string;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
}

/** Kind of each subresource (kube-apiserver `kubectl get --raw /api/v1`); verbs from SUBRESOURCE_VERBS. */
const SUB: Record<string, (info: ResourceInfo) => SubresourceInfo> = {
  status: (i) => ({ name: 'status', kind: i.kind, verbs: SUBRESOURCE_VERBS.status }),
  scale: () => ({ name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: SUBRESOURCE_VERBS.scale }),
  binding: () => ({ name: 'binding', kind: 'Binding', verbs: SUBRESOURCE_VERBS.binding }),
  eviction: () => ({ name: 'eviction', group: 'policy', version: 'v1', kind: 'Eviction', verbs: SUBRESOURCE_VERBS.eviction }),
  log: () => ({ name: 'log', kind: 'Pod', verbs: SUBRESOURCE_VERBS.log }),
  exec: () => ({ name: 'exec', kind: 'PodExecOptions', verbs: SUBRESOURCE_VERBS.exec }),
  proxy: (i) => ({ name: 'proxy', kind: `${i.kind}ProxyOptions`, verbs: SUBRESOURCE_VERBS.proxy }),
  finalize: (i) => ({ name: 'finalize', kind: i.kind, verbs: SUBRESOURCE_VERBS.finalize }),
  token: () => ({ name: 'token', group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: SUBRESOURCE_VERBS.token }),
};

export function subresourcesOf(info: ResourceInfo): SubresourceInfo[] {
  return info.subresources.filter((s) => SUB[s]).map((s) => SUB[s](info));
}

export function subresourceInfo(info: ResourceInfo, name: string): SubresourceInfo | undefined {
  return subresourcesOf(info).find((s) => s.name === name);
}

export interface GroupVersion {
  group: string;
  version: string;
}

/** Groups in the order kube-apiserver lists them (core first, then by first appearance). */
export function groupVersions(extra: GroupVersion[] = []): GroupVersion[] {
  const out: GroupVersion[] = [];
  for (const r of [...RESOURCES, ...extra]) {
    if (!out.some((g) => g.group === r.group && g.version === r.version)) out.push({ group: r.group, version: r.version });
  }
  return out;
}

function gvString(g: GroupVersion): string {
  return g.group ? `${g.group}/${g.version}` : g.version;
}

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList(extra: GroupVersion[]) {
  const groups = groupVersions(extra).filter((g) => g.group !== '');
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((g) => ({
      name: g.group,
      versions: [{ groupVersion: gvString(g), version: g.version }],
      preferredVersion: { groupVersion: gvString(g), version: g.version },
    })),
  };
}

export function resourcesIn(g: GroupVersion): ResourceInfo[] {
  return RESOURCES.filter((r) => r.group === g.group && r.version === g.version);
}

export function apiResourceList(g: GroupVersion, extra?: { name: string; namespaced: boolean; kind: string; verbs: string[] }[]) {
  const resources: Record<string, unknown>[] = [];
  for (const r of resourcesIn(g)) {
    const entry: Record<string, unknown> = { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
    if (r.shortNames.length) entry.shortNames = r.shortNames;
    if (r.categories.length) entry.categories = r.categories;
    resources.push(entry);
    for (const s of subresourcesOf(r)) {
      const sub: Record<string, unknown> = { name: `${r.resource}/${s.name}`, singularName: '', namespaced: r.namespaced, kind: s.kind, verbs: s.verbs };
      if (s.group !== undefined) {
        sub.group = s.group;
        sub.version = s.version;
      }
      resources.push(sub);
    }
  }
  for (const e of extra ?? []) resources.push({ singularName: '', ...e });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gvString(g), resources };
}

/** apidiscovery.k8s.io/v2 APIGroupDiscoveryList for /api (core) or /apis (named groups). */
export function aggregatedDiscovery(core: boolean, extra: { gv: GroupVersion; resources: { resource: string; kind: string; namespaced: boolean; verbs: string[] }[] }[], version = 'v2') {
  const gvs = groupVersions(extra.map((e) => e.gv)).filter((g) => (g.group === '') === core);
  const items = gvs.map((g) => {
    const resources: Record<string, unknown>[] = resourcesIn(g).map((r) => {
      const e: Record<string, unknown> = {
        resource: r.resource,
        responseKind: { group: r.group, version: r.version, kind: r.kind },
        scope: r.namespaced ? 'Namespaced' : 'Cluster',
        singularResource: r.singular,
        verbs: r.verbs,
      };
      if (r.shortNames.length) e.shortNames = r.shortNames;
      if (r.categories.length) e.categories = r.categories;
      const subs = subresourcesOf(r);
      if (subs.length) {
        e.subresources = subs.map((s) => ({ subresource: s.name, responseKind: { group: s.group ?? r.group, version: s.version ?? r.version, kind: s.kind }, verbs: s.verbs }));
      }
      return e;
    });
    for (const x of extra) {
      if (x.gv.group !== g.group || x.gv.version !== g.version) continue;
      for (const r of x.resources) {
        resources.push({ resource: r.resource, responseKind: { group: g.group, version: g.version, kind: r.kind }, scope: r.namespaced ? 'Namespaced' : 'Cluster', singularResource: '', verbs: r.verbs });
      }
    }
    return { metadata: { name: g.group, creationTimestamp: null }, versions: [{ version: g.version, resources, freshness: 'Current' }] };
  });
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}
