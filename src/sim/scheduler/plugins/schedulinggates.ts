/**
 * SchedulingGates (pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go, v1.35):
 * a PreEnqueue plugin — a pod with spec.schedulingGates stays out of the active queue
 * (kubectl shows STATUS SchedulingGated) until the gates are removed.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { Code, Status } from '../framework/types.ts';
import { ActionType, QueueingHint } from '../framework/interface.ts';
import type { ClusterEventWithHint, EnqueueExtensions, Handle, PreEnqueuePlugin } from '../framework/interface.ts';

export const Name = 'SchedulingGates';

export class SchedulingGates implements PreEnqueuePlugin, EnqueueExtensions {
  readonly name = Name;

  preEnqueue(pod: Pod): Status | null {
    const gates = pod.spec?.schedulingGates ?? [];
    if (gates.length === 0) return null;
    return new Status(Code.UnschedulableAndUnresolvable, [`waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`]);
  }

  eventsToRegister(): ClusterEventWithHint[] {
    return [{ event: { resource: 'Pod', actionType: ActionType.UpdatePodSchedulingGatesEliminated }, hint: isSchedulableAfterUpdatePodSchedulingGatesEliminated }];
  }
}

export function isSchedulableAfterUpdatePodSchedulingGatesEliminated(pod: Pod, _oldObj: unknown, newObj: unknown): QueueingHint {
  return (newObj as Pod)?.metadata?.uid === pod.metadata?.uid ? QueueingHint.Queue : QueueingHint.QueueSkip;
}

export function New(_h?: Handle): SchedulingGates {
  return new SchedulingGates();
}
