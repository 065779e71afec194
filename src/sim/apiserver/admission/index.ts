/**
 * The admission chain of a kubeadm v1.35 kube-apiserver, in the order of the recommended plugin list
 * (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins) restricted to what the model covers.
 */
import type { PodSpec, Toleration, Volume } from 'kubernetes-types/core/v1';
import { resourceFor } from '../../api/resources.ts';
import { NAME_ALPHABET } from '../server.ts';
import * as errors from '../errors.ts';
import type { AdmissionPlugin, ServerContext } from '../types.ts';
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

/**
 * Priority (plugin/pkg/admission/priority/admission.go): a new pod's priority and preemptionPolicy from
 * its class, or from the global default class (the lowest-valued one if several), or 0; a pod that
 * states other values is refused. A PriorityClass may become globalDefault only while no other is.
 */
type PriorityClassObj = { metadata: { name?: string }; value?: number; globalDefault?: boolean; preemptionPolicy?: string };
const priorityClassesInfo = () => resourceFor('scheduling.k8s.io', 'priorityclasses')!;

function defaultPriorityClass(ctx: ServerContext): PriorityClassObj | undefined {
  let dpc: PriorityClassObj | undefined;
  for (const pc of ctx.list(priorityClassesInfo(), undefined) as PriorityClassObj[]) {
    if (pc.globalDefault && (!dpc || (dpc.value ?? 0) > (pc.value ?? 0))) dpc = pc;
  }
  return dpc;
}

export const priority: AdmissionPlugin = {
  name: 'Priority',
  admit(a, ctx) {
    if (a.info.resource !== 'pods' || a.info.group !== '' || a.subresource || !a.object) return;
    const spec = a.object.spec as PodSpec;
    if (a.operation === 'UPDATE') {
      // The values set at create are kept when an update leaves them out (validation forbids changes).
      const old = a.oldObject?.spec as PodSpec | undefined;
      if (spec.priority === undefined && old?.priority !== undefined) spec.priority = old.priority;
      if (spec.preemptionPolicy === undefined && old?.preemptionPolicy !== undefined) spec.preemptionPolicy = old.preemptionPolicy;
      return;
    }
    if (a.operation !== 'CREATE') return;
    let value: number;
    let policy: string | undefined;
    if (!spec.priorityClassName) {
      const dpc = defaultPriorityClass(ctx);
      if (dpc) spec.priorityClassName = dpc.metadata.name;
      value = dpc ? dpc.value ?? 0 : 0;
      policy = dpc ? dpc.preemptionPolicy : 'PreemptLowerPriority';
    } else {
      const pc = ctx.read(priorityClassesInfo(), undefined, spec.priorityClassName) as PriorityClassObj | undefined;
      if (!pc) throw errors.forbidden('', 'pods', a.name, `no PriorityClass with name ${spec.priorityClassName} was found`);
      value = pc.value ?? 0;
      policy = pc.preemptionPolicy;
    }
    if (spec.priority !== undefined && spec.priority !== null && spec.priority !== value) {
      throw errors.forbidden('', 'pods', a.name, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`);
    }
    spec.priority = value;
    if (policy !== undefined) {
      if (spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
        throw errors.forbidden('', 'pods', a.name, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
      }
      spec.preemptionPolicy = policy as PodSpec['preemptionPolicy'];
    }
  },
  validate(a, ctx) {
    if (a.info.resource !== 'priorityclasses' || a.subresource || (a.operation !== 'CREATE' && a.operation !== 'UPDATE')) return;
    const pc = a.object as unknown as PriorityClassObj;
    if (!pc.globalDefault) return;
    const dpc = defaultPriorityClass(ctx);
    if (dpc && (a.operation === 'CREATE' || dpc.metadata.name !== pc.metadata.name)) {
      throw errors.forbidden('scheduling.k8s.io', 'priorityclasses', a.name, `PriorityClass ${dpc.metadata.name} is already marked as default. Only one default can exist`);
    }
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
