/**
 * `kubectl get --raw PATH` (k8s.io/kubectl pkg/rawhttp RawGet): a GET of the path as it is, the
 * response body copied to stdout unchanged, a non-2xx answer becoming client-go's error
 * ("Error from server (NotFound): …"). The bodies are what kube-apiserver writes for each path:
 * /version through responsewriters.WriteRawJSON (indented, no final newline), the health checks'
 * "ok", discovery and resources through the JSON serializer (compact, one final newline).
 */
import { inGoOrder } from '../serve/protobuf.ts';
import { resourceFor } from '../api/resources.ts';
import { ApiError, type Status } from '../apiserver/errors.ts';
import { resourcePath } from '../apiserver/paths.ts';
import { apiGroupList, apiResourceList, apiVersions, groupVersions } from '../serve/discovery.ts';
import { info, serverVersion } from './cmd/version.ts';
import type { KubectlContext } from './types.ts';
import { printWarnings } from './cmd/common.ts';
import { healthBody } from '../apiserver/health.ts';

function notFound(): never {
  throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 } as Status);
}

/** The body kube-apiserver answers a GET of rawPath with (path and query as typed). */
export function rawGet(ctx: KubectlContext, rawPath: string): string {
  const [p, query = ''] = rawPath.split(/\?(.*)/s);
  const path = p.replace(/\/+$/, '') || '/';
  const segs = path.split('/').filter(Boolean);
  if (path === '/version') return JSON.stringify(info(serverVersion(ctx), true), null, 2);
  // The health checks (all passing while the API server answers), ?verbose lists them (apiserver/health.ts).
  const health = healthBody(path, query);
  if (health !== undefined) return health;
  // As kube-apiserver's serializer writes it: Go's field order, a newline at the end.
  const compact = (v: unknown) => JSON.stringify(inGoOrder(v)) + '\n';
  if (path === '/api') return compact(apiVersions(ctx.client?.host ?? 'localhost:8080'));
  if (path === '/apis') return compact(apiGroupList([]));
  const gvEnd = segs[0] === 'api' ? 2 : segs[0] === 'apis' ? 3 : -1;
  if (gvEnd < 0 || segs.length < gvEnd) notFound();
  const gv = segs[0] === 'api' ? { group: '', version: segs[1] } : { group: segs[1], version: segs[2] };
  if (!groupVersions().some((g) => g.group === gv.group && g.version === gv.version)) notFound();
  if (segs.length === gvEnd) return compact(apiResourceList(gv));
  const { namespace, resource, name, subresource, extra } = resourcePath(segs.slice(gvEnd));
  const r = resourceFor(gv.group, resource);
  if (!r || r.version !== gv.version || extra.length || (!r.namespaced && namespace !== undefined)) notFound();
  const params = new URLSearchParams(query);
  const res = ctx.server.handle({
    verb: name ? 'get' : 'list',
    group: gv.group,
    version: gv.version,
    resource,
    namespace,
    name,
    subresource,
    labelSelector: params.get('labelSelector') || undefined,
    fieldSelector: params.get('fieldSelector') || undefined,
  });
  // Request.Stream hands a 2xx response's Warning headers to the warning handler.
  if (res.code < 300) printWarnings(ctx, res.warnings);
  if (res.code >= 300) throw new ApiError(res.body as Status);
  return subresource === 'log' ? String(res.body) : compact(res.body);
}
