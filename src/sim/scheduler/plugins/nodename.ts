/**
 * NodeName (pkg/scheduler/framework/plugins/nodename/node_name.go, v1.35): a pod with spec.nodeName
 * fits only that node. (Pods created with nodeName never reach the scheduler; the filter matters
 * for kubelet admission and preemption what-ifs.)
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Code, Status } from '../framework/types.ts';
import type { NodeInfo, PodInfo } from '../framework/types.ts';
import { ActionType, QueueingHint } from '../framework/interface.ts';
import type { ClusterEventWithHint, EnqueueExtensions, FilterPlugin, Handle } from '../framework/interface.ts';
import type { CycleState } from '../framework/cycle_state.ts';

export const Name = 'NodeName';

/** ErrReason */
export const ErrReason = "node(s) didn't match the requested node name";

const statusMismatch = new Status(Code.UnschedulableAndUnresolvable, [ErrReason], Name);

/** nodename.Fits */
export function fits(pod: Pod, nodeName: string): boolean {
  const nn = pod.spec?.nodeName;
  return !nn || nn === nodeName;
}

export class NodeName implements FilterPlugin, EnqueueExtensions {
  readonly name = Name;

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    return fits(pod.pod, nodeInfo.name) ? null : statusMismatch;
  }

  filterBatch(_state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], idx: Int32Array, n: number, statuses: (Status | null)[]): number {
    const nn = pod.pod.spec?.nodeName;
    if (!nn) return n;
    let m = 0;
    for (let k = 0; k < n; k++) {
      const pos = idx[k];
      if (nodes[pos].name !== nn) statuses[pos] = statusMismatch;
      else idx[m++] = pos;
    }
    return m;
  }

  eventsToRegister(): ClusterEventWithHint[] {
    return [{ event: { resource: 'Node', actionType: ActionType.Add }, hint: isSchedulableAfterNodeAdded }];
  }
}

export function isSchedulableAfterNodeAdded(pod: Pod, _oldObj: unknown, newObj: unknown): QueueingHint {
  const node = newObj as Node;
  return fits(pod, node?.metadata?.name ?? '') ? QueueingHint.Queue : QueueingHint.QueueSkip;
}

export function New(_h?: Handle): NodeName {
  return new NodeName();
}
