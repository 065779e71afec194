/**
 * PrioritySort (pkg/scheduler/framework/plugins/queuesort/priority_sort.go, v1.35): the activeQ
 * order — higher spec.priority first, then the earlier queue timestamp.
 */
import type { Handle, QueueSortPlugin, QueuedPodInfoLike } from '../framework/interface.ts';

export const Name = 'PrioritySort';

export class PrioritySort implements QueueSortPlugin {
  readonly name = Name;

  less(a: QueuedPodInfoLike, b: QueuedPodInfoLike): boolean {
    const p1 = a.podInfo.priority;
    const p2 = b.podInfo.priority;
    return p1 > p2 || (p1 === p2 && a.timestamp < b.timestamp);
  }
}

export function New(_h?: Handle): PrioritySort {
  return new PrioritySort();
}
