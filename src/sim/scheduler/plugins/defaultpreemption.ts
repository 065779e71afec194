/**
 * DefaultPreemption (pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and
 * pkg/scheduler/framework/preemption/preemption.go, v1.35): the PostFilter that runs when no node
 * fits.
 *
 *   - pods with preemptionPolicy Never: "not eligible due to preemptionPolicy=Never."
 *   - candidates are the nodes whose filter status was Unschedulable; nodes that failed with
 *     UnschedulableAndUnresolvable (taints, node affinity, cordon, too-big requests…) are left out
 *     and reported as "Preemption is not helpful for scheduling"
 *   - on each candidate, every pod of lower priority is a potential victim; with none:
 *     "No preemption victims found for incoming pod"; if the pod still does not fit with all of them
 *     removed, that filter status is reported; otherwise victims are reprieved, most important
 *     first (PDB-violating ones first), and the node becomes a candidate
 *   - no candidate: the status message is a FitError over those per-node statuses, prefixed by
 *     "preemption: " — e.g. "preemption: 0/3 nodes are available: 1 Preemption is not helpful for
 *     scheduling, 2 No preemption victims found for incoming pod."
 *   - otherwise the best candidate (fewest PDB violations, lowest highest victim priority, lowest
 *     priority sum, fewest victims, latest start) is returned as the nominated node with its
 *     victims; deleting them is the caller's job (the async API calls of the real plugin).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { labelSelectorAsSelector } from '../../api/labels.ts';
import { Code, Status } from '../framework/types.ts';
import type { NodeInfo, PodInfo } from '../framework/types.ts';
import { FitError, NodeToStatus, newDiagnosis } from '../framework/interface.ts';
import type { Handle, PostFilterPlugin, PostFilterResult } from '../framework/interface.ts';
import type { CycleState } from '../framework/cycle_state.ts';

export const Name = 'DefaultPreemption';

export const MsgNotHelpful = 'Preemption is not helpful for scheduling';
export const MsgNoVictims = 'No preemption victims found for incoming pod';
export const MsgPreemptionPolicyNever = 'not eligible due to preemptionPolicy=Never.';
export const MsgTerminatingPodOnNominatedNode = 'not eligible due to a terminating pod on the nominated node.';

/** DefaultPreemptionArgs */
export interface DefaultPreemptionArgs {
  minCandidateNodesPercentage?: number;
  minCandidateNodesAbsolute?: number;
}

/** A preemption candidate: a node and the pods to evict there. */
export interface Candidate {
  node: string;
  victims: Pod[];
  numPDBViolations: number;
}

export interface Rng {
  intn(n: number): number;
}

function startTime(p: Pod): number {
  const t = p.status?.startTime;
  return t ? Date.parse(t) : Number.MAX_SAFE_INTEGER;
}

/** util.MoreImportantPod: higher priority, then earlier start. */
export function moreImportantPod(a: Pod, b: Pod): boolean {
  const pa = a.spec?.priority ?? 0;
  const pb = b.spec?.priority ?? 0;
  if (pa !== pb) return pa > pb;
  return startTime(a) < startTime(b);
}

function podTerminatingByPreemption(p: Pod): boolean {
  if (!p.metadata?.deletionTimestamp) return false;
  for (const c of p.status?.conditions ?? []) {
    if (c.type === 'DisruptionTarget') return c.status === 'True' && c.reason === 'PreemptionByScheduler';
  }
  return false;
}

/** filterPodsWithPDBViolation: split victims by whether evicting them would violate a PDB. */
function filterPodsWithPDBViolation(pods: PodInfo[], pdbs: readonly PodDisruptionBudget[]): [PodInfo[], PodInfo[]] {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const pi of pods) {
    let violated = false;
    if (pi.labels && Object.keys(pi.labels).length) {
      pdbs.forEach((pdb, i) => {
        if ((pdb.metadata?.namespace ?? 'default') !== pi.namespace) return;
        let sel;
        try {
          sel = labelSelectorAsSelector(pdb.spec?.selector);
        } catch {
          return;
        }
        if (sel.empty() || !sel.matches(pi.labels)) return;
        if (pdb.status?.disruptedPods && Object.prototype.hasOwnProperty.call(pdb.status.disruptedPods, pi.name)) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pi);
  }
  return [violating, nonViolating];
}

export class DefaultPreemption implements PostFilterPlugin {
  readonly name = Name;
  private readonly handle: Handle;
  private readonly rng: Rng;
  readonly minCandidateNodesPercentage: number;
  readonly minCandidateNodesAbsolute: number;

  constructor(h: Handle, args: DefaultPreemptionArgs = {}, rng: Rng = { intn: () => 0 }) {
    this.handle = h;
    this.rng = rng;
    this.minCandidateNodesPercentage = args.minCandidateNodesPercentage ?? 10;
    this.minCandidateNodesAbsolute = args.minCandidateNodesAbsolute ?? 100;
  }

  postFilter(state: CycleState, pod: PodInfo, m: NodeToStatus): { result: PostFilterResult | null; status: Status } {
    const { result, status } = this.preempt(state, pod, m);
    const msg = status.message();
    if (msg.length > 0) return { result, status: new Status(status.code, [`preemption: ${msg}`], '', status.error) };
    return { result, status };
  }

  /** PodEligibleToPreemptOthers */
  podEligibleToPreemptOthers(pod: Pod, nominatedNodeStatus: Status): [boolean, string] {
    if (pod.spec?.preemptionPolicy === 'Never') return [false, MsgPreemptionPolicyNever];
    const nom = pod.status?.nominatedNodeName;
    if (nom) {
      if (nominatedNodeStatus.code === Code.UnschedulableAndUnresolvable) return [true, ''];
      const ni = this.handle.snapshot.get(nom);
      if (ni) {
        const prio = pod.spec?.priority ?? 0;
        for (const p of ni.pods) if (p.priority < prio && podTerminatingByPreemption(p.pod)) return [false, MsgTerminatingPodOnNominatedNode];
      }
    }
    return [true, ''];
  }

  /** Evaluator.Preempt */
  preempt(state: CycleState, pod: PodInfo, m: NodeToStatus): { result: PostFilterResult | null; status: Status } {
    const [ok, msg] = this.podEligibleToPreemptOthers(pod.pod, m.get(pod.pod.status?.nominatedNodeName ?? ''));
    if (!ok) return { result: null, status: new Status(Code.Unschedulable, [msg]) };
    const allNodes = this.handle.snapshot.list();
    if (allNodes.length === 0) return { result: null, status: Status.asStatus(new Error('no nodes available')) };
    const { candidates, nodeToStatus } = this.findCandidates(state, pod, m);
    if (candidates.length === 0) {
      const d = newDiagnosis();
      d.nodeToStatus = nodeToStatus;
      nodeToStatus.setAbsentNodesStatus(new Status(Code.UnschedulableAndUnresolvable, [MsgNotHelpful]));
      const fe = new FitError(pod.pod, allNodes.length, d);
      return { result: { nominatedNodeName: '' }, status: new Status(Code.Unschedulable, [fe.message]) };
    }
    const best = this.selectCandidate(candidates);
    return { result: { nominatedNodeName: best.node, victims: best.victims }, status: Status.success() };
  }

  /** calculateNumCandidates */
  calculateNumCandidates(numNodes: number): number {
    let n = Math.trunc((numNodes * this.minCandidateNodesPercentage) / 100);
    if (n < this.minCandidateNodesAbsolute) n = this.minCandidateNodesAbsolute;
    if (n > numNodes) n = numNodes;
    return n;
  }

  /** findCandidates + DryRunPreemption (sequential: stops once enough non-violating candidates). */
  findCandidates(state: CycleState, pod: PodInfo, m: NodeToStatus): { candidates: Candidate[]; nodeToStatus: NodeToStatus } {
    const potential = m.nodesForStatusCode(this.handle.snapshot, Code.Unschedulable);
    const nodeToStatus = new NodeToStatus();
    if (potential.length === 0) return { candidates: [], nodeToStatus };
    const pdbs = this.handle.listers.podDisruptionBudgets?.() ?? [];
    const offset = this.rng.intn(potential.length);
    const numCandidates = this.calculateNumCandidates(potential.length);
    const nonViolating: Candidate[] = [];
    const violating: Candidate[] = [];
    for (let i = 0; i < potential.length; i++) {
      if (nonViolating.length >= numCandidates) break;
      const ni = potential[(offset + i) % potential.length].clone();
      const st = state.clone();
      const { victims, numPDBViolations, status } = this.selectVictimsOnNode(st, pod, ni, pdbs);
      let s = status;
      if (s.isSuccess() && victims.length > 0) {
        const c: Candidate = { node: ni.name, victims, numPDBViolations };
        (numPDBViolations === 0 ? nonViolating : violating).push(c);
      }
      if (s.isSuccess() && victims.length === 0) s = Status.asStatus(new Error(`expected at least one victim pod on node "${ni.name}"`));
      nodeToStatus.set(ni.name, s);
    }
    return { candidates: [...nonViolating, ...violating], nodeToStatus };
  }

  /** SelectVictimsOnNode */
  selectVictimsOnNode(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo, pdbs: readonly PodDisruptionBudget[]): { victims: Pod[]; numPDBViolations: number; status: Status } {
    const fw = this.handle.framework!;
    const potential = nodeInfo.pods.filter((p) => p.priority < pod.priority);
    for (const pi of potential) {
      nodeInfo.removePod(pi.key);
      const s = fw.runPreFilterExtensionRemovePod(state, pod, pi, nodeInfo);
      if (s && !s.isSuccess()) return { victims: [], numPDBViolations: 0, status: s };
    }
    if (potential.length === 0) return { victims: [], numPDBViolations: 0, status: new Status(Code.UnschedulableAndUnresolvable, [MsgNoVictims]) };
    const fits = fw.runFilterPluginsWithNominatedPods(state, pod, nodeInfo);
    if (fits) return { victims: [], numPDBViolations: 0, status: fits };
    potential.sort((a, b) => (moreImportantPod(a.pod, b.pod) ? -1 : moreImportantPod(b.pod, a.pod) ? 1 : 0));
    const [violatingVictims, nonViolatingVictims] = filterPodsWithPDBViolation(potential, pdbs);
    const victims: PodInfo[] = [];
    let numViolating = 0;
    const reprieve = (pi: PodInfo): boolean => {
      nodeInfo.addPod(pi);
      fw.runPreFilterExtensionAddPod(state, pod, pi, nodeInfo);
      const ok = fw.runFilterPluginsWithNominatedPods(state, pod, nodeInfo) === null;
      if (!ok) {
        nodeInfo.removePod(pi.key);
        fw.runPreFilterExtensionRemovePod(state, pod, pi, nodeInfo);
        victims.push(pi);
      }
      return ok;
    };
    for (const p of violatingVictims) if (!reprieve(p)) numViolating++;
    for (const p of nonViolatingVictims) reprieve(p);
    if (violatingVictims.length && nonViolatingVictims.length) {
      victims.sort((a, b) => (moreImportantPod(a.pod, b.pod) ? -1 : moreImportantPod(b.pod, a.pod) ? 1 : 0));
    }
    return { victims: victims.map((v) => v.pod), numPDBViolations: numViolating, status: Status.success() };
  }

  /** SelectCandidate / pickOneNodeForPreemption with the default ordered score functions. */
  selectCandidate(candidates: Candidate[]): Candidate {
    if (candidates.length === 1) return candidates[0];
    const prio = (p: Pod) => p.spec?.priority ?? 0;
    const scoreFuncs: ((c: Candidate) => number)[] = [
      (c) => -c.numPDBViolations,
      (c) => -prio(c.victims[0]),
      (c) => -c.victims.reduce((s, p) => s + prio(p) + 2147483648, 0),
      (c) => -c.victims.length,
      (c) => Math.min(...c.victims.map(startTime)),
    ];
    let remaining = candidates;
    for (const f of scoreFuncs) {
      let best = -Infinity;
      let next: Candidate[] = [];
      for (const c of remaining) {
        const s = f(c);
        if (s > best) {
          best = s;
          next = [c];
        } else if (s === best) next.push(c);
      }
      remaining = next;
      if (remaining.length === 1) break;
    }
    return remaining[0];
  }
}

export function New(h: Handle, args?: DefaultPreemptionArgs, rng?: Rng): DefaultPreemption {
  return new DefaultPreemption(h, args, rng);
}
