/**
 * The resource part of an API path, after /api/v1 or /apis/GROUP/VERSION, as kube-apiserver's
 * RequestInfoFactory reads it (k8s.io/apiserver pkg/endpoints/request/requestinfo.go):
 * `namespaces/NS/RESOURCE[/NAME[/SUBRESOURCE]]` or `RESOURCE[/NAME[/SUBRESOURCE]]`, where a
 * namespace's own `status` and `finalize` are subresources of `namespaces/NAME`. Segments beyond
 * the subresource are left in `extra` (no such path exists).
 */
export interface ResourcePath {
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  extra: string[];
}

export function resourcePath(segments: readonly string[]): ResourcePath {
  let rest = segments;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && rest[2] !== 'status' && rest[2] !== 'finalize') {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource = '', name, subresource, ...extra] = rest;
  return { namespace, resource, name, subresource, extra };
}
