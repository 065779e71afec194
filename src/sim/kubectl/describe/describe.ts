/**
 * Describer lookup (k8s.io/kubectl/pkg/describe/describe.go v1.35: describerMap, DescriberFor,
 * GenericDescriberFor): a describer per group/kind, the generic one for every other kind.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { DescribeClient } from './client.ts';
import {
  describeConfigMapByName,
  describeLimitRangeByName,
  describeNamespaceByName,
  describePersistentVolumeByName,
  describePersistentVolumeClaimByName,
  describePriorityClassByName,
  describeQuotaByName,
  describeSecretByName,
  describeServiceAccountByName,
} from './core.ts';
import { describeGenericByName } from './generic.ts';
import { describeNodeByName } from './node.ts';
import { describePodByName } from './pod.ts';
import { describeRbacByName } from './rbac.ts';
import { describeEndpointsByName, describeEndpointSliceByName, describeServiceByName } from './service.ts';
import type { DescriberSettings } from './util.ts';
import {
  describeCronJobByName,
  describeDaemonSetByName,
  describeDeploymentByName,
  describeJobByName,
  describeReplicaSetByName,
  describeReplicationControllerByName,
  describeStatefulSetByName,
} from './workloads.ts';

export type { DescriberSettings } from './util.ts';
export { DEFAULT_SETTINGS } from './util.ts';

/** ResourceDescriber.Describe(namespace, name, settings). Throws ApiError when the GET fails. */
export type Describer = (client: DescribeClient, namespace: string, name: string, settings: DescriberSettings) => string;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': (c, ns, n, s) => describePodByName(c, ns, n, s),
  '/ReplicationController': (c, ns, n, s) => describeReplicationControllerByName(c, ns, n, s),
  '/Secret': (c, ns, n) => describeSecretByName(c, ns, n),
  '/Service': (c, ns, n, s) => describeServiceByName(c, ns, n, s),
  '/ServiceAccount': (c, ns, n, s) => describeServiceAccountByName(c, ns, n, s),
  '/Node': (c, _ns, n, s) => describeNodeByName(c, n, s),
  '/LimitRange': (c, ns, n) => describeLimitRangeByName(c, ns, n),
  '/ResourceQuota': (c, ns, n) => describeQuotaByName(c, ns, n),
  '/PersistentVolume': (c, _ns, n, s) => describePersistentVolumeByName(c, n, s),
  '/PersistentVolumeClaim': (c, ns, n, s) => describePersistentVolumeClaimByName(c, ns, n, s),
  '/Namespace': (c, _ns, n) => describeNamespaceByName(c, n),
  '/Endpoints': (c, ns, n, s) => describeEndpointsByName(c, ns, n, s),
  '/ConfigMap': (c, ns, n, s) => describeConfigMapByName(c, ns, n, s),
  'discovery.k8s.io/EndpointSlice': (c, ns, n, s) => describeEndpointSliceByName(c, ns, n, s),
  'batch/Job': (c, ns, n, s) => describeJobByName(c, ns, n, s),
  'batch/CronJob': (c, ns, n, s) => describeCronJobByName(c, ns, n, s),
  'apps/StatefulSet': (c, ns, n, s) => describeStatefulSetByName(c, ns, n, s),
  'apps/Deployment': (c, ns, n, s) => describeDeploymentByName(c, ns, n, s),
  'apps/DaemonSet': (c, ns, n, s) => describeDaemonSetByName(c, ns, n, s),
  'apps/ReplicaSet': (c, ns, n, s) => describeReplicaSetByName(c, ns, n, s),
  'rbac.authorization.k8s.io/Role': (c, ns, n) => describeRbacByName(c, 'roles', ns, n),
  'rbac.authorization.k8s.io/ClusterRole': (c, _ns, n) => describeRbacByName(c, 'clusterroles', undefined, n),
  'rbac.authorization.k8s.io/RoleBinding': (c, ns, n) => describeRbacByName(c, 'rolebindings', ns, n),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (c, _ns, n) => describeRbacByName(c, 'clusterrolebindings', undefined, n),
  'scheduling.k8s.io/PriorityClass': (c, _ns, n, s) => describePriorityClassByName(c, n, s),
};

/** DescriberFor, falling back to the generic describer. */
export function describerFor(info: ResourceInfo): Describer {
  return DESCRIBERS[`${info.group}/${info.kind}`] ?? ((c, ns, n, s) => describeGenericByName(c, info, ns, n, s));
}
