/**
 * NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go, v1.35):
 * a node with spec.unschedulable (cordoned) rejects pods, unless the pod tolerates the
 * `node.kubernetes.io/unschedulable:NoSchedule` taint. UnschedulableAndUnresolvable: preemption
 * cannot help.
 */
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { Code, Status } from '../framework/types.ts';
import type { NodeInfo, PodInfo } from '../framework/types.ts';
import { ActionType, QueueingHint } from '../framework/interface.ts';
import type { ClusterEventWithHint, EnqueueExtensions, FilterPlugin, Handle } from '../framework/interface.ts';
import type { CycleState } from '../framework/cycle_state.ts';
import { tolerationsTolerateTaint } from '../util/corev1.ts';

export const Name = 'NodeUnschedulable';

/** ErrReasonUnschedulable */
export const ErrReasonUnschedulable = 'node(s) were unschedulable';
/** ErrReasonUnknownCondition */
export const ErrReasonUnknownCondition = 'node(s) had unknown conditions';

/** v1.TaintNodeUnschedulable with effect NoSchedule */
export const TaintNodeUnschedulable: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

const statusUnschedulable = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonUnschedulable], Name);

function toleratesUnschedulable(pod: Pod): boolean {
  return tolerationsTolerateTaint(pod.spec?.tolerations, TaintNodeUnschedulable);
}

export class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  readonly name = Name;
  private readonly handle: Handle | undefined;

  constructor(h?: Handle) {
    this.handle = h;
  }

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    if (!nodeInfo.unschedulable) return null;
    if (toleratesUnschedulable(pod.pod)) return null;
    return statusUnschedulable;
  }

  filterBatch(_state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], idx: Int32Array, n: number, statuses: (Status | null)[]): number {
    // no node of the cluster is cordoned: every node passes
    if (this.handle?.snapshot.nodeFlags?.().unschedulable === false) return n;
    let m = 0;
    let tolerates: boolean | null = null;
    for (let k = 0; k < n; k++) {
      const pos = idx[k];
      if (nodes[pos].unschedulable && !(tolerates ??= toleratesUnschedulable(pod.pod))) statuses[pos] = statusUnschedulable;
      else idx[m++] = pos;
    }
    return m;
  }

  eventsToRegister(): ClusterEventWithHint[] {
    return [
      { event: { resource: 'Node', actionType: ActionType.Add | ActionType.UpdateNodeTaint }, hint: isSchedulableAfterNodeChange },
      { event: { resource: 'Pod', actionType: ActionType.UpdatePodToleration }, hint: isSchedulableAfterPodTolerationChange },
    ];
  }
}

/** Queue when a node is added schedulable, or goes from unschedulable to schedulable. */
export function isSchedulableAfterNodeChange(_pod: Pod, oldObj: unknown, newObj: unknown): QueueingHint {
  const oldNode = oldObj as Node | null | undefined;
  const newNode = newObj as Node;
  const wasUnschedulable = !!oldNode?.spec?.unschedulable;
  const isUnschedulable = !!newNode?.spec?.unschedulable;
  if ((oldNode && wasUnschedulable && !isUnschedulable) || (!oldNode && !isUnschedulable)) return QueueingHint.Queue;
  return QueueingHint.QueueSkip;
}

/** Queue when the pod itself now tolerates the unschedulable taint. */
export function isSchedulableAfterPodTolerationChange(pod: Pod, _oldObj: unknown, newObj: unknown): QueueingHint {
  const modified = newObj as Pod;
  if (modified?.metadata?.uid === pod.metadata?.uid && toleratesUnschedulable(modified)) return QueueingHint.Queue;
  return QueueingHint.QueueSkip;
}

export function New(h?: Handle): NodeUnschedulable {
  return new NodeUnschedulable(h);
}
