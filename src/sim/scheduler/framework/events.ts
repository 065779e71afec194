/**
 * Cluster events the scheduling queue reacts to (pkg/scheduler/framework/events.go, v1.35):
 * what changed in a Node or Pod update, as the specific ActionTypes plugins register for.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { ActionType } from './interface.ts';
import type { ClusterEvent } from './interface.ts';
import { podRequests } from '../util/resources.ts';

export const EventNodeAdd: ClusterEvent = { resource: 'Node', actionType: ActionType.Add, label: 'NodeAdd' };
export const EventNodeDelete: ClusterEvent = { resource: 'Node', actionType: ActionType.Delete, label: 'NodeDelete' };
export const EventAssignedPodAdd: ClusterEvent = { resource: 'AssignedPod', actionType: ActionType.Add, label: 'AssignedPodAdd' };
export const EventAssignedPodDelete: ClusterEvent = { resource: 'AssignedPod', actionType: ActionType.Delete, label: 'AssignedPodDelete' };
export const EventUnscheduledPodAdd: ClusterEvent = { resource: 'UnschedulablePod', actionType: ActionType.Add, label: 'UnscheduledPodAdd' };
export const EventUnscheduledPodUpdate: ClusterEvent = { resource: 'UnschedulablePod', actionType: ActionType.Update, label: 'UnscheduledPodUpdate' };

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function sortedEntries(o: Record<string, string> | undefined): string {
  return JSON.stringify(Object.entries(o ?? {}).sort());
}

/**
 * NodeSchedulingPropertiesChange: one event per kind of change that may matter to scheduling. (A part
 * that is the same object in both versions is unchanged: the store keeps an update's unchanged parts.)
 */
export function nodeSchedulingPropertiesChange(newNode: Node, oldNode: Node): ClusterEvent[] {
  const out: ClusterEvent[] = [];
  const push = (a: number, label: string) => out.push({ resource: 'Node', actionType: a, label });
  // extractNodeSpecUnschedulableChange: only becoming schedulable counts (reported as a taint update)
  if (!!newNode.spec?.unschedulable !== !!oldNode.spec?.unschedulable && !newNode.spec?.unschedulable) push(ActionType.UpdateNodeTaint, 'NodeSpecUnschedulableChange');
  if (newNode.status?.allocatable !== oldNode.status?.allocatable && !sameJSON(sortedEntries(newNode.status?.allocatable as Record<string, string>), sortedEntries(oldNode.status?.allocatable as Record<string, string>))) push(ActionType.UpdateNodeAllocatable, 'NodeAllocatableChange');
  if (newNode.metadata?.labels !== oldNode.metadata?.labels && sortedEntries(newNode.metadata?.labels) !== sortedEntries(oldNode.metadata?.labels)) push(ActionType.UpdateNodeLabel, 'NodeLabelChange');
  if (newNode.spec?.taints !== oldNode.spec?.taints && !sameJSON(newNode.spec?.taints ?? [], oldNode.spec?.taints ?? [])) push(ActionType.UpdateNodeTaint, 'NodeTaintChange');
  const conds = (n: Node) => JSON.stringify((n.status?.conditions ?? []).map((c) => [c.type, c.status]).sort());
  if (newNode.status?.conditions !== oldNode.status?.conditions && conds(newNode) !== conds(oldNode)) push(ActionType.UpdateNodeCondition, 'NodeConditionChange');
  if (newNode.metadata?.annotations !== oldNode.metadata?.annotations && sortedEntries(newNode.metadata?.annotations) !== sortedEntries(oldNode.metadata?.annotations)) push(ActionType.UpdateNodeAnnotation, 'NodeAnnotationChange');
  return out;
}

/** PodSchedulingPropertiesChange (resource AssignedPod or UnschedulablePod by spec.nodeName). */
export function podSchedulingPropertiesChange(newPod: Pod, oldPod: Pod): ClusterEvent[] {
  const r = newPod.spec?.nodeName ? 'AssignedPod' : 'UnschedulablePod';
  const out: ClusterEvent[] = [];
  const push = (a: number, label: string) => out.push({ resource: r, actionType: a, label: `${r}${label}` });
  // (the store keeps an update's unchanged parts as the same objects: most updates are status-only)
  if (newPod.metadata?.labels !== oldPod.metadata?.labels && sortedEntries(newPod.metadata?.labels) !== sortedEntries(oldPod.metadata?.labels)) push(ActionType.UpdatePodLabel, 'UpdatePodLabel');
  if (newPod.spec !== oldPod.spec) {
    // extractPodScaleDown: a request removed or lowered
    const oldReq = podRequests(oldPod);
    const newReq = podRequests(newPod);
    for (const [name, q] of oldReq) {
      const nq = newReq.get(name);
      if (!nq || q.milliValue() > nq.milliValue()) {
        push(ActionType.UpdatePodScaleDown, 'UpdatePodScaleDown');
        break;
      }
    }
    if ((newPod.spec?.schedulingGates ?? []).length === 0 && (oldPod.spec?.schedulingGates ?? []).length !== 0) push(ActionType.UpdatePodSchedulingGatesEliminated, 'UpdatePodSchedulingGatesEliminated');
    if ((newPod.spec?.tolerations ?? []).length !== (oldPod.spec?.tolerations ?? []).length) push(ActionType.UpdatePodToleration, 'UpdatePodToleration');
  }
  if (out.length === 0) push(ActionType.UpdatePodOther, 'UpdatePodOther');
  return out;
}
