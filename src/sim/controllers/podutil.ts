/** Pod helpers shared by controllers (pkg/api/v1/pod/util.go, pkg/controller/controller_utils.go). */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../api/object.ts';
import { clone } from '../api/object.ts';

export function isPodActive(p: KubeObject): boolean {
  const phase = (p.status as { phase?: string } | undefined)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

export function isPodReady(p: KubeObject): boolean {
  const conds = (p.status as Pod['status'])?.conditions;
  if (conds) for (const c of conds) if (c.type === 'Ready' && c.status === 'True') return true;
  return false;
}

/** Ready for at least minReadySeconds (IsPodAvailable). */
export function isPodAvailable(p: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const c = ((p.status as Pod['status'])?.conditions ?? []).find((x) => x.type === 'Ready');
  if (!c || c.status !== 'True') return false;
  if (!minReadySeconds) return true;
  return !!c.lastTransitionTime && Date.parse(c.lastTransitionTime) + minReadySeconds * 1000 <= nowMs;
}

export function ownerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export function isControlledBy(o: KubeObject, owner: KubeObject): boolean {
  return !!o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid);
}

/** GetPodFromTemplate: a pod object for a controller to create. */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, generateName: string): KubeObject {
  const t = clone(template);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName,
      namespace: owner.metadata.namespace,
      labels: t.metadata?.labels ? { ...t.metadata.labels } : undefined,
      annotations: t.metadata?.annotations ? { ...t.metadata.annotations } : undefined,
      ownerReferences: [ownerRef(owner)],
      ...(t.metadata?.finalizers ? { finalizers: t.metadata.finalizers } : {}),
    },
    spec: t.spec,
  };
}

/** ActivePods ordering for scale-down (controller.ActivePods Less): the first ones are deleted first. */
export function deletionRank(a: KubeObject, b: KubeObject): number {
  const sa = a.status as Pod['status'];
  const sb = b.status as Pod['status'];
  const na = (a.spec as Pod['spec'])?.nodeName;
  const nb = (b.spec as Pod['spec'])?.nodeName;
  // 1. Unassigned < assigned.
  if (!!na !== !!nb) return na ? 1 : -1;
  // 2. Pending < Unknown < Running.
  const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const pa = phaseRank[sa?.phase ?? 'Pending'] ?? 0;
  const pb = phaseRank[sb?.phase ?? 'Pending'] ?? 0;
  if (pa !== pb) return pa - pb;
  // 3. Not ready < ready.
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  // 4. Higher restart count first.
  const ra = (sa?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const rb = (sb?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  if (ra !== rb) return rb - ra;
  // 5. Newer pods first.
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return tb - ta;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}
