/**
 * The admission chain of a kubeadm v1.35 kube-apiserver, in the order of the recommended plugin list
 * (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins) restricted to what the model covers.
 */
import type { PodSpec, Toleration, Volume } from 'kubernetes-types/core/v1';
import { resourceFor } from '../../api/resources.ts';
import { NAME_ALPHABET } from '../server.ts';
import * as errors from '../errors.ts';
import type { AdmissionPlugin } from '../types.ts';
import { limitRanger } from './limitranger.ts';
import { resourceQuota } from './resourcequota.ts';

const namespacesInfo = () => resourceFor('', 'namespaces')!;

/** NamespaceLifecycle: no new objects in a missing or terminating namespace; the system namespaces stay. */
export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(a, ctx) {
    if (a.info.resource === 'namespaces') {
      if (a.operation === 'DELETE' && ['default', 'kube-system', 'kube-public'].includes(a.name)) {
        throw errors.forbidden('', 'namespaces', a.name, 'this namespace may not be deleted');
      }
      return;
    }
    if (!a.info.namespaced || a.operation !== 'CREATE') return;
    const ns = ctx.read(namespacesInfo(), undefined, a.namespace!);
    if (!ns) throw errors.notFound('', 'namespaces', a.namespace!);
    if ((ns.status as { phase?: string } | undefined)?.phase === 'Terminating' && !['events'].includes(a.info.resource)) {
      throw errors.forbidden(a.info.group, a.info.resource, a.name, `unable to create new content in namespace ${a.namespace} because it is being terminated`);
    }
  },
};

/** ServiceAccount: default SA, and the projected token volume mounted in every container. */
export const serviceAccount: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(a, ctx) {
    if (a.info.resource !== 'pods' || a.operation !== 'CREATE' || a.subresource) return;
    const pod = a.object!;
    const spec = pod.spec as PodSpec;
    // Mirror pods (static pods) are left alone.
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return;
    spec.serviceAccountName ||= 'default';
    spec.serviceAccount = spec.serviceAccountName;
    const sa = ctx.read(resourceFor('', 'serviceaccounts')!, a.namespace, spec.serviceAccountName);
    if (!sa) {
      throw errors.forbidden('', 'pods', a.name, `error looking up service account ${a.namespace}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`);
    }
    if (spec.automountServiceAccountToken === false || (sa as { automountServiceAccountToken?: boolean }).automountServiceAccountToken === false && spec.automountServiceAccountToken === undefined) return;
    const existing = (spec.volumes ?? []).find((v) => v.name.startsWith('kube-api-access-'));
    const volName = existing?.name ?? `kube-api-access-${ctx.rng.stream('names').string(5, NAME_ALPHABET)}`;
    if (!existing) {
      const vol: Volume = {
        name: volName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      };
      spec.volumes = [...(spec.volumes ?? []), vol];
    }
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if ((c.volumeMounts ?? []).some((m) => m.mountPath === '/var/run/secrets/kubernetes.io/serviceaccount')) continue;
      c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volName, readOnly: true }];
    }
  },
};

/** Priority: resolves priorityClassName into priority and preemptionPolicy. */
export const priority: AdmissionPlugin = {
  name: 'Priority',
  admit(a, ctx) {
    if (a.info.resource !== 'pods' || a.operation !== 'CREATE' || a.subresource) return;
    const spec = a.object!.spec as PodSpec;
    const name = spec.priorityClassName;
    if (!name) {
      spec.priority ??= 0;
      spec.preemptionPolicy ??= 'PreemptLowerPriority';
      return;
    }
    const builtin: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };
    const pc = ctx.read(resourceFor('scheduling.k8s.io', 'priorityclasses')!, undefined, name) as { value?: number; preemptionPolicy?: string } | undefined;
    const value = pc?.value ?? builtin[name];
    if (value === undefined) throw errors.forbidden('', 'pods', a.name, `no PriorityClass with name ${name} was found`);
    spec.priority = value;
    spec.preemptionPolicy ??= (pc?.preemptionPolicy as PodSpec['preemptionPolicy']) ?? 'PreemptLowerPriority';
  },
};

/** DefaultTolerationSeconds: 300 s tolerations for not-ready and unreachable (plugin/pkg/admission/defaulttolerationseconds). */
export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(a) {
    if (a.info.resource !== 'pods' || a.operation !== 'CREATE' || a.subresource) return;
    const spec = a.object!.spec as PodSpec;
    const tols: Toleration[] = spec.tolerations ?? [];
    const has = (key: string) => tols.some((t) => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || (!t.key && t.operator === 'Exists')));
    const add: Toleration[] = [];
    if (!has('node.kubernetes.io/not-ready')) add.push({ effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 });
    if (!has('node.kubernetes.io/unreachable')) add.push({ effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 });
    if (add.length) spec.tolerations = [...tols, ...add];
  },
};

export function defaultAdmissionChain(): AdmissionPlugin[] {
  return [namespaceLifecycle, limitRanger, serviceAccount, priority, defaultTolerationSeconds, resourceQuota];
}
