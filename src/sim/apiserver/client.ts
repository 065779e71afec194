/**
 * An in-process client of the API server, as client-go is for controllers and the kubelet: every call
 * is a REST-shaped request through ApiServer.handle, so admission and validation apply to it too.
 */
import { clone, jsonEqual, type KubeObject } from '../api/object.ts';
import { RESOURCES, type ResourceInfo } from '../api/resources.ts';
import { ApiError, type Status } from './errors.ts';
import type { ApiServer } from './server.ts';
import type { ApiRequest } from './types.ts';

const infoCache = new Map<string, ResourceInfo>();
export function res(resource: string, group = ''): ResourceInfo {
  const k = `${group}/${resource}`;
  let info = infoCache.get(k);
  if (!info) {
    info = RESOURCES.find((r) => r.group === group && r.resource === resource);
    if (!info) throw new Error(`unknown resource ${k}`);
    infoCache.set(k, info);
  }
  return info;
}

export class Client {
  readonly server: ApiServer;
  constructor(server: ApiServer) {
    this.server = server;
  }

  private call(req: Omit<ApiRequest, 'group' | 'version' | 'resource'>, info: ResourceInfo): unknown {
    // In-process components send well-formed typed objects: no strict field validation pass.
    const r = this.server.handle({ fieldValidation: 'Ignore', ...req, group: info.group, version: info.version, resource: info.resource });
    if (r.code >= 400) throw new ApiError(r.body as Status);
    return r.body;
  }

  get(info: ResourceInfo, ns: string | undefined, name: string): KubeObject | undefined {
    return this.server.read(info, ns, name);
  }

  list(info: ResourceInfo, ns?: string): KubeObject[] {
    return this.server.list(info, ns);
  }

  create(info: ResourceInfo, obj: KubeObject, ns = obj.metadata.namespace): KubeObject {
    return this.call({ verb: 'create', namespace: ns, body: obj }, info) as KubeObject;
  }

  update(info: ResourceInfo, obj: KubeObject): KubeObject {
    return this.call({ verb: 'update', namespace: obj.metadata.namespace, name: obj.metadata.name, body: obj }, info) as KubeObject;
  }

  updateStatus(info: ResourceInfo, obj: KubeObject): KubeObject {
    return this.call({ verb: 'update', subresource: 'status', namespace: obj.metadata.namespace, name: obj.metadata.name, body: obj }, info) as KubeObject;
  }

  /** Read-modify-write of the latest version, retried on conflicts (retry.RetryOnConflict). */
  mutate(info: ResourceInfo, ns: string | undefined, name: string, fn: (o: KubeObject) => void | false, status = false): KubeObject | undefined {
    for (let i = 0; i < 5; i++) {
      const cur = this.get(info, ns, name);
      if (!cur) return undefined;
      const next = clone(cur);
      if (fn(next) === false) return cur;
      if (jsonEqual(next, cur)) return cur;
      try {
        return status ? this.updateStatus(info, next) : this.update(info, next);
      } catch (e) {
        if (e instanceof ApiError && e.status.reason === 'Conflict') continue;
        throw e;
      }
    }
    return undefined;
  }

  delete(info: ResourceInfo, ns: string | undefined, name: string, opts: { gracePeriodSeconds?: number; propagationPolicy?: ApiRequest['propagationPolicy'] } = {}): KubeObject | undefined {
    try {
      return this.call({ verb: 'delete', namespace: ns, name, ...opts }, info) as KubeObject;
    } catch (e) {
      if (e instanceof ApiError && e.status.code === 404) return undefined;
      throw e;
    }
  }

  bind(ns: string, name: string, node: string): void {
    this.call({ verb: 'create', subresource: 'binding', namespace: ns, name, body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns }, target: { apiVersion: 'v1', kind: 'Node', name: node } } }, res('pods'));
  }
}
