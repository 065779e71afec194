/**
 * kube-apiserver's health endpoints (/healthz, /livez, /readyz): what `kubectl get --raw` and a
 * `curl` on the node both read. Kept apart from either client so that neither loads the other.
 */

/**
 * kube-apiserver's health checks (v1.34, as kubeadm's control-plane check logs the /livez body on a
 * real cluster: kubevirt CI kubeadm logs, k8s 1.34); /readyz adds etcd-readiness, informer-sync and
 * shutdown (a v1.3x `kubectl get --raw='/readyz?verbose'` transcript).
 */
const HOOKS = [
  'start-apiserver-admission-initializer', 'generic-apiserver-start-informers', 'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter', 'storage-object-count-tracker-hook', 'start-apiextensions-informers',
  'start-apiextensions-controllers', 'crd-informer-synced', 'start-system-namespaces-controller',
  'start-cluster-authentication-info-controller', 'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector', 'start-legacy-token-tracking-controller',
  'start-service-ip-repair-controllers', 'rbac/bootstrap-roles', 'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer', 'bootstrap-controller', 'start-kubernetes-service-cidr-controller',
  'aggregator-reload-proxy-client-cert', 'start-kube-aggregator-informers', 'apiservice-status-local-available-controller',
  'apiservice-status-remote-available-controller', 'apiservice-registration-controller', 'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
];

/** The checks of /healthz, /livez or /readyz, in the order kube-apiserver lists them. */
export function healthChecks(endpoint: 'healthz' | 'livez' | 'readyz'): string[] {
  const hooks = HOOKS.map((h) => `poststarthook/${h}`);
  const head = ['ping', 'log', 'etcd', ...(endpoint === 'readyz' ? ['etcd-readiness', 'informer-sync'] : [])];
  return [...head, ...hooks, 'autoregister-completion', 'poststarthook/apiservice-openapi-controller', 'poststarthook/apiservice-openapiv3-controller', ...(endpoint === 'readyz' ? ['shutdown'] : [])];
}

/**
 * The body of a health endpoint (k8s.io/apiserver pkg/server/healthz): `ok`, or with ?verbose each
 * check as `[+]NAME ok` and `NAME check passed`; ?exclude=NAME marks one `excluded: ok`; a single
 * check `/livez/NAME` answers `ok`. Undefined for a path that is no health endpoint.
 */
export function healthBody(path: string, query: string): string | undefined {
  const m = /^\/(healthz|livez|readyz)(?:\/(.+))?$/.exec(path.replace(/\/+$/, ''));
  if (!m) return undefined;
  const endpoint = m[1] as 'healthz' | 'livez' | 'readyz';
  const checks = healthChecks(endpoint);
  if (m[2]) return checks.includes(m[2]) ? 'ok' : undefined;
  const params = new URLSearchParams(query);
  if (!params.has('verbose')) return 'ok';
  const excluded = new Set(params.getAll('exclude'));
  return checks.map((c) => `[+]${c} ${excluded.has(c) ? 'excluded: ok' : 'ok'}\n`).join('') + `${endpoint} check passed\n`;
}
