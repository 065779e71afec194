/**
 * What a describer needs from the cluster: GET and LIST through the API (as client-go does for
 * kubectl's describers), and the current time for ages. Backed by the simulated API server's REST
 * handler in the command; by a fixture list in unit tests.
 */
import type { KubeObject } from '../../api/object.ts';
import { RESOURCES, type ResourceInfo } from '../../api/resources.ts';
import { ApiError, notFound, type Status } from '../../apiserver/errors.ts';
import { fieldSelectorMatcher, labelSelectorMatcher } from '../../apiserver/selectors.ts';
import type { ApiServer } from '../../apiserver/server.ts';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface DescribeClient {
  /** The client's "now" (time.Now()), in ms. */
  now(): number;
  /** GET; throws ApiError (NotFound, …) as the API answers. */
  get(info: ResourceInfo, namespace: string | undefined, name: string): KubeObject;
  /** LIST in one namespace, or in all of them when `namespace` is undefined. */
  list(info: ResourceInfo, namespace: string | undefined, opts?: ListOptions): KubeObject[];
}

export function resourceInfo(resource: string, group = ''): ResourceInfo {
  const info = RESOURCES.find((r) => r.group === group && r.resource === resource);
  if (!info) throw new Error(`unknown resource ${group}/${resource}`);
  return info;
}

/** A DescribeClient on the simulated kube-apiserver. */
export function serverClient(server: ApiServer): DescribeClient {
  const call = (info: ResourceInfo, req: { verb: 'get' | 'list'; namespace?: string; name?: string } & ListOptions): unknown => {
    const r = server.handle({ ...req, group: info.group, version: info.version, resource: info.resource });
    if (r.code >= 400) throw new ApiError(r.body as Status);
    return r.body;
  };
  return {
    now: () => server.clock.now(),
    get: (info, namespace, name) => call(info, { verb: 'get', namespace: info.namespaced ? namespace : undefined, name }) as KubeObject,
    list: (info, namespace, opts = {}) =>
      (call(info, { verb: 'list', namespace: info.namespaced ? namespace : undefined, labelSelector: opts.labelSelector || undefined, fieldSelector: opts.fieldSelector || undefined }) as { items: KubeObject[] }).items,
  };
}

/** A DescribeClient over a fixed set of objects (unit tests). */
export function fixtureClient(objects: KubeObject[], nowMs: number): DescribeClient {
  const infoOf = (o: KubeObject) => {
    const i = o.apiVersion.indexOf('/');
    const group = i < 0 ? '' : o.apiVersion.slice(0, i);
    return RESOURCES.find((r) => r.group === group && r.kind === o.kind);
  };
  const of = (info: ResourceInfo) => objects.filter((o) => infoOf(o) === info);
  return {
    now: () => nowMs,
    get(info, namespace, name) {
      const o = of(info).find((x) => x.metadata.name === name && (!info.namespaced || x.metadata.namespace === namespace));
      if (!o) throw notFound(info.group, info.resource, name);
      return o;
    },
    list(info, namespace, opts = {}) {
      let items = of(info).filter((x) => !info.namespaced || namespace === undefined || x.metadata.namespace === namespace);
      if (opts.labelSelector) {
        const m = labelSelectorMatcher(opts.labelSelector);
        items = items.filter((x) => m(x.metadata.labels ?? {}));
      }
      if (opts.fieldSelector) items = items.filter(fieldSelectorMatcher(info, opts.fieldSelector));
      return items;
    },
  };
}
