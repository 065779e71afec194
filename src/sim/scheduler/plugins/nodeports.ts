/**
 * NodePorts (pkg/scheduler/framework/plugins/nodeports/node_ports.go, v1.35): the pod's host ports
 * (containers and sidecar init containers, hostPort > 0) must be free on the node. 0.0.0.0 (or an
 * empty hostIP) conflicts with the same protocol/port on any IP; protocol defaults to TCP.
 * PreFilter returns Skip for pods without host ports. Filter failure is Unschedulable (preemption
 * may free the port).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { Code, Status, getHostPorts } from '../framework/types.ts';
import type { HostPort, NodeInfo, PodInfo } from '../framework/types.ts';
import { ActionType, QueueingHint } from '../framework/interface.ts';
import type { ClusterEventWithHint, EnqueueExtensions, FilterPlugin, Handle, PreFilterOutcome, PreFilterPlugin } from '../framework/interface.ts';
import { stateKey } from '../framework/cycle_state.ts';
import type { CycleState, StateData } from '../framework/cycle_state.ts';

export const Name = 'NodePorts';

/** ErrReason */
export const ErrReason = "node(s) didn't have free ports for the requested pod ports";

const statusConflict = new Status(Code.Unschedulable, [ErrReason], Name);
const preFilterStateKey = stateKey('PreFilter' + Name);
const SKIP = { status: Status.skip() };

class PreFilterState implements StateData {
  readonly ports: HostPort[];
  constructor(p: HostPort[]) {
    this.ports = p;
  }
  clone(): StateData {
    return this;
  }
}

/** fitsPorts */
export function fitsPorts(want: readonly HostPort[], nodeInfo: NodeInfo): boolean {
  for (const p of want) if (nodeInfo.usedPorts.checkConflict(p.hostIP, p.protocol, p.hostPort)) return false;
  return true;
}

function portsConflict(a: readonly HostPort[], b: readonly HostPort[]): boolean {
  const norm = (p: HostPort) => [p.hostIP || '0.0.0.0', p.protocol || 'TCP', p.hostPort] as const;
  for (const x of a) {
    const [ipA, prA, poA] = norm(x);
    for (const y of b) {
      const [ipB, prB, poB] = norm(y);
      if (prA === prB && poA === poB && (ipA === ipB || ipA === '0.0.0.0' || ipB === '0.0.0.0')) return true;
    }
  }
  return false;
}

export class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  readonly name = Name;

  preFilter(state: CycleState, pod: PodInfo): PreFilterOutcome | null {
    if (pod.hostPorts.length === 0) return SKIP;
    state.write(preFilterStateKey, new PreFilterState(pod.hostPorts));
    return null;
  }

  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(preFilterStateKey);
    const want = s ? s.ports : pod.hostPorts;
    return fitsPorts(want, nodeInfo) ? null : statusConflict;
  }

  eventsToRegister(): ClusterEventWithHint[] {
    return [
      // Deleting a pod that used a conflicting host port may free it.
      { event: { resource: 'Pod', actionType: ActionType.Delete }, hint: isSchedulableAfterPodDeleted },
      // A new node has every port free.
      { event: { resource: 'Node', actionType: ActionType.Add } },
    ];
  }
}

export function isSchedulableAfterPodDeleted(pod: Pod, oldObj: unknown): QueueingHint {
  const deleted = oldObj as Pod;
  if (!deleted?.spec?.nodeName && !deleted?.status?.nominatedNodeName) return QueueingHint.QueueSkip;
  return portsConflict(getHostPorts(deleted), getHostPorts(pod)) ? QueueingHint.Queue : QueueingHint.QueueSkip;
}

export function New(_h?: Handle): NodePorts {
  return new NodePorts();
}
