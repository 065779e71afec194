/**
 * helper.DefaultSelector / GetPodServices (pkg/scheduler/framework/plugins/helper/spread.go, v1.35):
 * the selector that groups a pod with its siblings — the union of the selectors of the Services
 * selecting it, plus the selector of its controlling ReplicationController, ReplicaSet or
 * StatefulSet. Empty when the pod belongs to none of them.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { LabelSelectorError, Requirement, Selector, labelSelectorAsSelector, selectorFromSet } from '../../../api/labels.ts';
import type { ClusterListers } from '../../framework/interface.ts';

/** GetPodServices: services in the pod's namespace whose (non-nil) selector matches the pod's labels. */
export function getPodServices(listers: ClusterListers, pod: Pod): Service[] {
  const ns = pod.metadata?.namespace ?? 'default';
  const out: Service[] = [];
  for (const svc of listers.services?.(ns) ?? []) {
    const sel = svc.spec?.selector;
    if (sel == null) continue;
    if (selectorFromSet(sel).matches(pod.metadata?.labels)) out.push(svc);
  }
  return out;
}

/** metav1.GetControllerOf */
export function controllerOf(pod: Pod): { apiVersion: string; kind: string; name: string; uid: string } | null {
  for (const r of pod.metadata?.ownerReferences ?? []) if (r.controller) return r;
  return null;
}

/** DefaultSelector */
export function defaultSelector(pod: Pod, listers: ClusterListers): Selector {
  const labelSet: Record<string, string> = {};
  for (const svc of getPodServices(listers, pod)) Object.assign(labelSet, svc.spec?.selector ?? {});
  let selector = selectorFromSet(labelSet);
  const owner = controllerOf(pod);
  if (!owner) return selector;
  const ns = pod.metadata?.namespace ?? 'default';
  const addFrom = (ls: Parameters<typeof labelSelectorAsSelector>[0]) => {
    try {
      const other = labelSelectorAsSelector(ls);
      if (!other.nothing) selector = selector.add(...(other.requirements as Requirement[]));
    } catch (e) {
      if (!(e instanceof LabelSelectorError)) throw e;
    }
  };
  if (owner.apiVersion === 'v1' && owner.kind === 'ReplicationController') {
    const rc = listers.replicationController?.(ns, owner.name);
    if (rc) selector = selectorFromSet({ ...labelSet, ...(rc.spec?.selector ?? {}) });
  } else if (owner.apiVersion === 'apps/v1' && owner.kind === 'ReplicaSet') {
    const rs = listers.replicaSet?.(ns, owner.name);
    if (rs) addFrom(rs.spec?.selector);
  } else if (owner.apiVersion === 'apps/v1' && owner.kind === 'StatefulSet') {
    const ss = listers.statefulSet?.(ns, owner.name);
    if (ss) addFrom(ss.spec?.selector);
  }
  return selector;
}
