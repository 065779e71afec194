/**
 * One scheduling cycle, as pkg/scheduler/schedule_one.go (v1.35) runs it:
 *
 *   schedulingCycle(pod)
 *     schedulePod
 *       no nodes → "no nodes available to schedule pods"
 *       findNodesThatFitPod
 *         RunPreFilterPlugins (a rejection → FitError with PreFilterMsg; a PreFilterResult narrows
 *         the nodes, the others get "node(s) didn't satisfy plugin(s) [X]")
 *         nominated node first (status.nominatedNodeName)
 *         findNodesThatPassFilters — from nextStartNodeIndex, round robin, until
 *           numFeasibleNodesToFind feasible nodes are found (all nodes below 100 nodes; else
 *           max(100, n × (50 − n/125)%, n × 5%)); per node, filters stop at the first failure
 *       0 feasible → FitError; 1 feasible → that node, no scoring
 *       prioritizeNodes: RunPreScorePlugins, RunScorePlugins (normalise, × weight, Σ)
 *       selectHost: highest total; ties broken by reservoir sampling with the injected RNG
 *     on FitError: RunPostFilterPlugins (DefaultPreemption) → PostFilterMsg, nomination
 *
 * The caller binds (POST pods/binding), records events ("Scheduled" / "FailedScheduling") and
 * updates the PodScheduled condition — see `eventMessage` and `truncateMessage`.
 *
 * DECISION RECORD: with `{ record: true }` every cycle also returns what each plugin said about
 * each node (filters in order up to the first failure; for feasible nodes each score plugin's raw,
 * normalised and weighted score and the total), the ties and the winner, so the UI can explain
 * "why this node" and "why Pending". Without it only what the result needs is computed.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { CycleState } from './framework/cycle_state.ts';
import { Code, CODE_NAMES, PodInfo, Status } from './framework/types.ts';
import type { NodeInfo } from './framework/types.ts';
import { FitError, NoNodesAvailableError, addPluginStatus, newDiagnosis } from './framework/interface.ts';
import type { Diagnosis, NodeInfoLister } from './framework/interface.ts';
import { Snapshot } from './framework/snapshot.ts';
import type { Framework, FilterTraceEntry, PreFilterRun, ScoreRun } from './framework/runtime.ts';
import { NOT_SIMULATED } from './framework/registry.ts';
import type { Rng } from './framework/registry.ts';

/** Nodes filtered per batch on the fast path (results identical to node-by-node filtering). */
const CHUNK = 128;

/** minFeasibleNodesToFind */
export const minFeasibleNodesToFind = 100;
/** minFeasibleNodesPercentageToFind */
export const minFeasibleNodesPercentageToFind = 5;

/**
 * numFeasibleNodesToFind: how many feasible nodes to find before scoring. Every node below 100
 * nodes; with the default (unset/0) percentageOfNodesToScore, 50% − 1% per 125 nodes, at least 5%,
 * and never fewer than 100 nodes.
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < minFeasibleNodesToFind) return numAllNodes;
  let percentage = percentageOfNodesToScore ?? 0;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < minFeasibleNodesPercentageToFind) percentage = minFeasibleNodesPercentageToFind;
  }
  if (percentage >= 100) return numAllNodes;
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  if (numNodes < minFeasibleNodesToFind) return minFeasibleNodesToFind;
  return numNodes;
}

/**
 * selectHost: the highest total; among equal totals each later node replaces the pick with
 * probability 1/count (reservoir sampling, rand.Intn(cntOfMaxScore) == 0).
 */
export function selectHost(totals: Float64Array | readonly number[], rng: Rng): number {
  if (totals.length === 0) throw new Error('empty priorityList');
  let maxScore = totals[0];
  let selected = 0;
  let cntOfMaxScore = 1;
  for (let i = 1; i < totals.length; i++) {
    const s = totals[i];
    if (s > maxScore) {
      maxScore = s;
      selected = i;
      cntOfMaxScore = 1;
    } else if (s === maxScore) {
      cntOfMaxScore++;
      if (rng.intn(cntOfMaxScore) === 0) selected = i;
    }
  }
  return selected;
}

/** validation.NoteLengthLimit: event notes longer than this are cut (truncateMessage). */
export const NoteLengthLimit = 1024;

/** truncateMessage (schedule_one.go): what goes into the FailedScheduling event. */
export function truncateMessage(message: string): string {
  if (message.length <= NoteLengthLimit) return message;
  const suffix = ' ...';
  return message.slice(0, NoteLengthLimit - suffix.length) + suffix;
}

/** The "Scheduled" event message: "Successfully assigned default/nginx to node01". */
export function scheduledEventMessage(pod: Pod, nodeName: string): string {
  return `Successfully assigned ${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''} to ${nodeName}`;
}

// ---------------------------------------------------------------------------------------------
// decision record

export interface StatusView {
  plugin: string;
  code: string;
  reasons: readonly string[];
}

export interface ScoreView {
  plugin: string;
  raw: number;
  normalized: number;
  weight: number;
  weighted: number;
}

export interface NodeDecision {
  node: string;
  /** false: never run through the filters (not in the PreFilterResult, or the search stopped early). */
  evaluated: boolean;
  /** Filter plugins in order, up to and including the first failure. */
  filters: { plugin: string; code: string; reasons: readonly string[] }[];
  feasible: boolean;
  /** The status that counts for this node (the failing filter, or the absent-node status). */
  status: StatusView | null;
  /** For feasible nodes that were scored. */
  scores: ScoreView[] | null;
  total: number | null;
}

export interface DecisionRecord {
  pod: string;
  profile: string;
  numAllNodes: number;
  /** numFeasibleNodesToFind for this cycle. */
  numNodesToFind: number;
  /** Round-robin start (nextStartNodeIndex) of this cycle. */
  startIndex: number;
  preFilter: { plugin: string; code: string; reasons: readonly string[]; nodeNames: string[] | null }[];
  /** A PreFilter rejection, if any (then no node was filtered). */
  preFilterStatus: StatusView | null;
  /** Nodes kept by PreFilterResult (null = all). */
  preFilterResult: string[] | null;
  skippedFilterPlugins: string[];
  skippedScorePlugins: string[];
  /** Nodes in evaluation order, then the nodes that were not evaluated. */
  nodes: NodeDecision[];
  scorePlugins: string[];
  weights: number[];
  /** Why scoring did not run, if it did not. */
  scoringSkipped: 'single-feasible-node' | 'nominated-node' | 'no-score-plugins' | null;
  evaluatedNodes: number;
  feasibleNodes: number;
  maxScore: number | null;
  ties: string[];
  winner: string | null;
  /** FitError.Error(), PostFilter included. */
  fitError: string | null;
  postFilter: { plugin: string; code: string; message: string; nominatedNodeName: string | null; victims: string[] } | null;
  notSimulated: readonly string[];
}

function statusView(s: Status | null | undefined): StatusView | null {
  if (!s) return null;
  return { plugin: s.plugin, code: CODE_NAMES[s.code], reasons: s.reasons };
}

function traceView(t: FilterTraceEntry[]): NodeDecision['filters'] {
  return t.map((e) => ({ plugin: e.plugin, code: CODE_NAMES[e.code], reasons: e.reasons }));
}

// ---------------------------------------------------------------------------------------------
// results

export interface ScheduleSuccess {
  ok: true;
  podInfo: PodInfo;
  /** ScheduleResult.SuggestedHost */
  node: string;
  evaluatedNodes: number;
  feasibleNodes: number;
  record: DecisionRecord | null;
}

export interface ScheduleFailure {
  ok: false;
  podInfo: PodInfo;
  /** FitError (message = the FailedScheduling text), NoNodesAvailableError, or another Error. */
  error: Error;
  /** PodScheduled condition reason: "Unschedulable" (rejected) or "SchedulerError". */
  reason: 'Unschedulable' | 'SchedulerError';
  /**
   * nominatingInfo: a node name to set as status.nominatedNodeName, "" to clear it, null to leave
   * it unchanged.
   */
  nominatedNodeName: string | null;
  /** Pods DefaultPreemption wants deleted so the pod fits on the nominated node. */
  victims: readonly Pod[];
  /** Plugins that rejected the pod (for the queue's requeueing hints). */
  unschedulablePlugins: Set<string>;
  pendingPlugins: Set<string>;
  record: DecisionRecord | null;
}

export type ScheduleOutcome = ScheduleSuccess | ScheduleFailure;

export interface ScheduleOptions {
  /** Build the full decision record (costs allocations; off for bulk scheduling). */
  record?: boolean;
}

export interface SchedulingAlgorithmOptions {
  /** Tie-break randomness (Go: math/rand). Required: nothing in the simulator uses Math.random. */
  rng: Rng;
  /** KubeSchedulerConfiguration.percentageOfNodesToScore (the profile's value wins if set). */
  percentageOfNodesToScore?: number;
}

interface FilterOutcome {
  feasible: NodeInfo[];
  diagnosis: Diagnosis;
  error: Error | null;
  /** record mode: decisions of evaluated nodes, in order */
  decisions: NodeDecision[] | null;
  evaluated: Set<string> | null;
}

/**
 * The scheduler's per-profile algorithm with its round-robin position (Scheduler.nextStartNodeIndex).
 * Use one instance per simulated kube-scheduler.
 */
export class SchedulingAlgorithm {
  readonly framework: Framework;
  readonly rng: Rng;
  readonly percentageOfNodesToScore: number | undefined;
  nextStartNodeIndex = 0;
  private readonly chunkNodes: NodeInfo[] = [];
  private readonly chunkStatuses: (Status | null)[] = new Array(CHUNK).fill(null);
  private readonly chunkIdx = new Int32Array(CHUNK);
  /** reused across cycles (nothing keeps it after a cycle without a record) */
  private readonly feasibleBuf: NodeInfo[] = [];

  constructor(framework: Framework, opts: SchedulingAlgorithmOptions) {
    this.framework = framework;
    this.rng = opts.rng;
    this.percentageOfNodesToScore = opts.percentageOfNodesToScore;
  }

  /**
   * schedulingCycle up to (not including) assume/bind: find a node or explain why not, running
   * PostFilter (preemption) on failure.
   */
  schedule(podOrInfo: Pod | PodInfo, nodeList: NodeInfoLister | readonly NodeInfo[], opts: ScheduleOptions = {}): ScheduleOutcome {
    const pod = podOrInfo instanceof PodInfo ? podOrInfo : new PodInfo(podOrInfo);
    const lister: NodeInfoLister = Array.isArray(nodeList) ? new Snapshot(nodeList as readonly NodeInfo[]) : (nodeList as NodeInfoLister);
    const fw = this.framework;
    fw.setSnapshot(lister);
    const record = !!opts.record;
    const state = new CycleState();
    const allNodes = lister.list();
    const numAllNodes = allNodes.length;

    const rec: DecisionRecord | null = record
      ? {
          pod: pod.key,
          profile: fw.profileName,
          numAllNodes,
          numNodesToFind: 0,
          startIndex: this.nextStartNodeIndex,
          preFilter: [],
          preFilterStatus: null,
          preFilterResult: null,
          skippedFilterPlugins: [],
          skippedScorePlugins: [],
          nodes: [],
          scorePlugins: [],
          weights: [],
          scoringSkipped: null,
          evaluatedNodes: 0,
          feasibleNodes: 0,
          maxScore: null,
          ties: [],
          winner: null,
          fitError: null,
          postFilter: null,
          notSimulated: NOT_SIMULATED,
        }
      : null;

    const fail = (error: Error, diagnosis: Diagnosis | null, reason: 'Unschedulable' | 'SchedulerError'): ScheduleFailure => ({
      ok: false,
      podInfo: pod,
      error,
      reason,
      nominatedNodeName: '',
      victims: [],
      unschedulablePlugins: diagnosis?.unschedulablePlugins ?? new Set(),
      pendingPlugins: diagnosis?.pendingPlugins ?? new Set(),
      record: rec,
    });

    if (numAllNodes === 0) return fail(new NoNodesAvailableError(), null, 'Unschedulable');

    // ----- findNodesThatFitPod
    const diagnosis = newDiagnosis();
    const pre: PreFilterRun = fw.runPreFilterPlugins(state, pod, record);
    diagnosis.unschedulablePlugins = pre.unschedulablePlugins;
    if (rec) {
      rec.preFilter = pre.trace.map((t) => ({ plugin: t.plugin, code: CODE_NAMES[t.code], reasons: t.reasons, nodeNames: t.nodeNames }));
      rec.skippedFilterPlugins = [...state.skipFilterPlugins];
      rec.preFilterResult = pre.result ? [...pre.result].sort() : null;
    }
    if (pre.status && !pre.status.isSuccess()) {
      if (!pre.status.isRejected()) {
        if (rec) rec.preFilterStatus = statusView(pre.status);
        return fail(pre.status.asError(), diagnosis, 'SchedulerError');
      }
      diagnosis.nodeToStatus.setAbsentNodesStatus(pre.status);
      diagnosis.preFilterMsg = pre.status.message();
      addPluginStatus(diagnosis, pre.status);
      if (rec) {
        rec.preFilterStatus = statusView(pre.status);
        rec.nodes = allNodes.map((n) => absentDecision(n.name, pre.status));
      }
      return this.postFilter(state, pod, new FitError(pod.pod, numAllNodes, diagnosis), rec);
    }

    // the nominated node (set by an earlier preemption) is tried first
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated) {
      const ni = lister.get(nominated);
      if (ni) {
        const trace: FilterTraceEntry[] | undefined = record ? [] : undefined;
        const s = fw.runFilterPluginsWithNominatedPods(state, pod, ni, trace);
        if (s === null) {
          if (rec) {
            rec.nodes = [{ node: ni.name, evaluated: true, filters: traceView(trace!), feasible: true, status: null, scores: null, total: null }];
            rec.scoringSkipped = 'nominated-node';
            rec.evaluatedNodes = 1 + diagnosis.nodeToStatus.size;
            rec.feasibleNodes = 1;
            rec.winner = ni.name;
          }
          return { ok: true, podInfo: pod, node: ni.name, evaluatedNodes: 1 + diagnosis.nodeToStatus.size, feasibleNodes: 1, record: rec };
        }
        if (s.code === Code.Error) return fail(s.asError(), diagnosis, 'SchedulerError');
        diagnosis.nodeToStatus.set(ni.name, s);
        addPluginStatus(diagnosis, s);
      }
    }

    let nodes = allNodes;
    if (pre.result) {
      const narrowed: NodeInfo[] = [];
      for (const name of pre.result) {
        const ni = lister.get(name);
        if (ni) narrowed.push(ni);
      }
      nodes = narrowed;
      const names = [...pre.unschedulablePlugins].sort();
      diagnosis.nodeToStatus.setAbsentNodesStatus(new Status(Code.UnschedulableAndUnresolvable, [`node(s) didn't satisfy plugin(s) [${names.join(' ')}]`]));
    }

    const fo = this.findNodesThatPassFilters(state, pod, diagnosis, nodes, numAllNodes, rec);
    if (rec) {
      rec.nodes = fo.decisions!;
      for (const n of allNodes) if (!fo.evaluated!.has(n.name)) rec.nodes.push(absentDecision(n.name, diagnosis.nodeToStatus.getExplicit(n.name) ?? (pre.result && !pre.result.has(n.name) ? diagnosis.nodeToStatus.absentNodesStatus() : null)));
    }
    if (fo.error) return fail(fo.error, diagnosis, 'SchedulerError');
    const feasible = fo.feasible;
    const evaluatedNodes = feasible.length + diagnosis.nodeToStatus.size;
    if (rec) {
      rec.evaluatedNodes = evaluatedNodes;
      rec.feasibleNodes = feasible.length;
    }

    if (feasible.length === 0) return this.postFilter(state, pod, new FitError(pod.pod, numAllNodes, diagnosis), rec);

    if (feasible.length === 1) {
      if (rec) {
        rec.scoringSkipped = 'single-feasible-node';
        rec.winner = feasible[0].name;
        rec.maxScore = null;
      }
      return { ok: true, podInfo: pod, node: feasible[0].name, evaluatedNodes, feasibleNodes: 1, record: rec };
    }

    // ----- prioritizeNodes
    let run: ScoreRun;
    if (!fw.hasScorePlugins()) {
      run = { plugins: [], weights: [], raw: null, normalized: [], totals: new Float64Array(feasible.length).fill(1) };
      if (rec) rec.scoringSkipped = 'no-score-plugins';
    } else {
      const ps = fw.runPreScorePlugins(state, pod, feasible);
      if (rec) rec.skippedScorePlugins = [...state.skipScorePlugins];
      if (ps) return fail(ps.asError(), diagnosis, 'SchedulerError');
      try {
        run = fw.runScorePlugins(state, pod, feasible, record);
      } catch (e) {
        return fail(e as Error, diagnosis, 'SchedulerError');
      }
    }
    const idx = selectHost(run.totals, this.rng);
    const winner = feasible[idx].name;
    if (rec) this.recordScores(rec, feasible, run, winner);
    return { ok: true, podInfo: pod, node: winner, evaluatedNodes, feasibleNodes: feasible.length, record: rec };
  }

  /** findNodesThatPassFilters, sequential: stops once numFeasibleNodesToFind nodes fit. */
  private findNodesThatPassFilters(state: CycleState, pod: PodInfo, diagnosis: Diagnosis, nodes: readonly NodeInfo[], numAllNodesInCluster: number, rec: DecisionRecord | null): FilterOutcome {
    const fw = this.framework;
    const numAllNodes = nodes.length;
    let numNodesToFind = numFeasibleNodesToFind(fw.percentageOfNodesToScore ?? this.percentageOfNodesToScore, numAllNodes);
    if (!fw.hasScorePlugins()) numNodesToFind = 1;
    if (rec) rec.numNodesToFind = numNodesToFind;
    const feasible: NodeInfo[] = rec ? [] : this.feasibleBuf;
    const decisions: NodeDecision[] | null = rec ? [] : null;
    const evaluated: Set<string> | null = rec ? new Set() : null;
    const start = this.nextStartNodeIndex;
    let processed = 0;
    let error: Error | null = null;
    if (numAllNodes === 0) {
      feasible.length = 0;
    } else if (!fw.hasFilterPlugins()) {
      feasible.length = 0;
      for (let i = 0; i < numNodesToFind; i++) feasible.push(nodes[(start + i) % numAllNodes]);
      processed = numNodesToFind;
    } else if (!rec && !fw.hasNominatedPods()) {
      // fast path: chunks of nodes in round-robin order, filtered plugin by plugin
      const nts = diagnosis.nodeToStatus;
      const filters = fw.activeFilterPlugins(state);
      const chunk = this.chunkNodes;
      const statuses = this.chunkStatuses;
      const idx = this.chunkIdx;
      // The buffers keep their size from cycle to cycle (setting an array's length to 0, or much
      // shorter, gives up its backing store, and the next cycle grows it again): the feasible
      // nodes are written by index and the length set once; chunk positions past `c` are not read.
      let nf = 0;
      let scanned = 0;
      // round-robin position (start + scanned) % numAllNodes, kept without a division per node
      let at = start % numAllNodes;
      outer: while (scanned < numAllNodes) {
        // no more nodes than could still be needed: the search stops at numNodesToFind feasible nodes
        const c = Math.min(CHUNK, numAllNodes - scanned, numNodesToFind - nf);
        for (let j = 0; j < c; j++) {
          chunk[j] = nodes[at];
          if (++at === numAllNodes) at = 0;
          statuses[j] = null;
          idx[j] = j;
        }
        fw.runFilterPluginsBatch(filters, state, pod, chunk, idx, c, statuses);
        for (let j = 0; j < c; j++) {
          processed++;
          const s = statuses[j];
          if (s === null) {
            feasible[nf++] = chunk[j];
            if (nf >= numNodesToFind) break outer;
          } else {
            if (s.code === Code.Error) {
              error = s.asError();
              break outer;
            }
            nts.set(chunk[j].name, s);
            addPluginStatus(diagnosis, s);
          }
        }
        scanned += c;
      }
      if (feasible.length !== nf) feasible.length = nf;
    } else {
      feasible.length = 0;
      const nts = diagnosis.nodeToStatus;
      for (let i = 0; i < numAllNodes; i++) {
        const ni = nodes[(start + i) % numAllNodes];
        const trace: FilterTraceEntry[] | undefined = rec ? [] : undefined;
        const s = fw.runFilterPluginsWithNominatedPods(state, pod, ni, trace);
        processed++;
        if (s === null) {
          feasible.push(ni);
          if (decisions) {
            decisions.push({ node: ni.name, evaluated: true, filters: traceView(trace!), feasible: true, status: null, scores: null, total: null });
            evaluated!.add(ni.name);
          }
          if (feasible.length >= numNodesToFind) break;
        } else {
          if (s.code === Code.Error) {
            error = s.asError();
            break;
          }
          nts.set(ni.name, s);
          addPluginStatus(diagnosis, s);
          if (decisions) {
            decisions.push({ node: ni.name, evaluated: true, filters: traceView(trace!), feasible: false, status: statusView(s), scores: null, total: null });
            evaluated!.add(ni.name);
          }
        }
      }
    }
    // always advance the round-robin start so every node gets its turn
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % numAllNodesInCluster;
    return { feasible, diagnosis, error, decisions, evaluated };
  }

  /** On FitError: run PostFilter (preemption), set PostFilterMsg and the nomination. */
  private postFilter(state: CycleState, pod: PodInfo, fitError: FitError, rec: DecisionRecord | null): ScheduleFailure {
    const fw = this.framework;
    const d = fitError.diagnosis;
    let nominated: string | null = '';
    let victims: readonly Pod[] = [];
    if (fw.hasPostFilterPlugins()) {
      const { result, status } = fw.runPostFilterPlugins(state, pod, d.nodeToStatus);
      d.postFilterMsg = status.message();
      nominated = result ? result.nominatedNodeName : null;
      victims = result?.victims ?? [];
      if (rec) {
        rec.postFilter = {
          plugin: status.plugin,
          code: CODE_NAMES[status.code],
          message: status.message(),
          nominatedNodeName: nominated,
          victims: victims.map((v) => `${v.metadata?.namespace ?? 'default'}/${v.metadata?.name ?? ''}`),
        };
      }
    }
    if (rec) rec.fitError = fitError.message;
    return {
      ok: false,
      podInfo: pod,
      error: fitError,
      reason: 'Unschedulable',
      nominatedNodeName: nominated,
      victims,
      unschedulablePlugins: d.unschedulablePlugins,
      pendingPlugins: d.pendingPlugins,
      record: rec,
    };
  }

  private recordScores(rec: DecisionRecord, feasible: NodeInfo[], run: ScoreRun, winner: string): void {
    rec.scorePlugins = run.plugins;
    rec.weights = run.weights;
    let max = -Infinity;
    for (const t of run.totals) if (t > max) max = t;
    rec.maxScore = max;
    rec.winner = winner;
    const byName = new Map(rec.nodes.map((n) => [n.node, n]));
    feasible.forEach((ni, i) => {
      const d = byName.get(ni.name);
      if (!d) return;
      d.scores = run.plugins.map((p, j) => ({
        plugin: p,
        raw: run.raw ? run.raw[j][i] : run.normalized[j][i],
        normalized: run.normalized[j][i],
        weight: run.weights[j],
        weighted: run.normalized[j][i] * run.weights[j],
      }));
      d.total = run.totals[i];
      if (run.totals[i] === max) rec.ties.push(ni.name);
    });
  }
}

function absentDecision(node: string, s: Status | null | undefined): NodeDecision {
  return { node, evaluated: false, filters: [], feasible: false, status: statusView(s ?? null), scores: null, total: null };
}

/**
 * Convenience: one cycle with a fresh round-robin position (nextStartNodeIndex 0). For a running
 * scheduler keep a SchedulingAlgorithm instead.
 */
export function scheduleOne(framework: Framework, pod: Pod | PodInfo, nodes: NodeInfoLister | readonly NodeInfo[], rng: Rng, opts: ScheduleOptions = {}): ScheduleOutcome {
  return new SchedulingAlgorithm(framework, { rng }).schedule(pod, nodes, opts);
}
