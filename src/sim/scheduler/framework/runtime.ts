/**
 * The framework runtime (pkg/scheduler/framework/runtime/framework.go, v1.35): one profile's
 * plugins per extension point, in configuration order, and the Run*Plugins functions.
 *
 *   runPreFilterPlugins  — Skip → the plugin's Filter is skipped this cycle; PreFilterResults are
 *                          intersected; UnschedulableAndUnresolvable stops at once, Unschedulable
 *                          runs the rest (so preemption can happen)
 *   runFilterPlugins     — per node, stops at the FIRST non-success status (a cordoned and tainted
 *                          node reports only "node(s) were unschedulable")
 *   runPostFilterPlugins — until the first Success / UnschedulableAndUnresolvable / Error
 *   runPreScorePlugins   — Skip → the plugin's Score is skipped
 *   runScorePlugins      — Score for every feasible node, NormalizeScore, × weight, summed
 *
 * Hot paths avoid allocation: a passing filter returns null, and the active filter list is computed
 * once per cycle.
 */
import { CycleState } from './cycle_state.ts';
import { Code, MaxNodeScore, MinNodeScore, Status } from './types.ts';
import type { NodeInfo, PodInfo } from './types.ts';
import type {
  ClusterEventWithHint,
  EnqueueExtensions,
  FilterPlugin,
  FrameworkRunner,
  Handle,
  NodeInfoLister,
  NodeToStatus,
  Plugin,
  PostFilterPlugin,
  PostFilterResult,
  PreEnqueuePlugin,
  PreFilterPlugin,
  PreFilterResult,
  PreScorePlugin,
  QueueSortPlugin,
  ScorePlugin,
} from './interface.ts';

/** One filter plugin's verdict on one node, for the decision record. */
export interface FilterTraceEntry {
  plugin: string;
  code: Code;
  reasons: readonly string[];
}

/** Scores of one cycle: per active score plugin, per feasible node. */
export interface ScoreRun {
  /**
   * Active (not skipped) score plugins, in order. Without a record, a plugin that scored every node
   * alike (uniformScore) is left out of plugins / weights / normalized: its score is in the totals.
   */
  plugins: string[];
  weights: number[];
  /** Raw Score() results — only when recording. */
  raw: Float64Array[] | null;
  /** After NormalizeScore (or the raw score if the plugin has none). */
  normalized: Float64Array[];
  /** Σ normalized × weight, per node. */
  totals: Float64Array;
}

export interface PreFilterRun {
  result: PreFilterResult;
  status: Status | null;
  /** Plugins whose PreFilterResult narrowed the node set (Go: pluginsWithNodes). */
  unschedulablePlugins: Set<string>;
  /** Per plugin outcome, for the decision record. */
  trace: { plugin: string; code: Code; reasons: readonly string[]; nodeNames: string[] | null }[];
}

/** A PreFilter plugin's current state, kept on the CycleState for the filter loop. */
interface ActiveFilters {
  filters: FilterPlugin[];
}

const ACTIVE_FILTERS = Symbol('activeFilters');

type StateWithFilters = CycleState & { [ACTIVE_FILTERS]?: ActiveFilters };

function hasFn<T>(p: Plugin, fn: string): p is Plugin & T {
  return typeof (p as unknown as Record<string, unknown>)[fn] === 'function';
}

export interface FrameworkOptions {
  profileName?: string;
  /** KubeSchedulerProfile.percentageOfNodesToScore (unset = adaptive). */
  percentageOfNodesToScore?: number;
}

export class Framework implements FrameworkRunner {
  readonly profileName: string;
  readonly percentageOfNodesToScore: number | undefined;
  readonly handle: Handle;
  readonly plugins: Plugin[];
  readonly preEnqueuePlugins: PreEnqueuePlugin[] = [];
  queueSortPlugin: QueueSortPlugin | null = null;
  readonly preFilterPlugins: PreFilterPlugin[] = [];
  readonly filterPlugins: FilterPlugin[] = [];
  readonly postFilterPlugins: PostFilterPlugin[] = [];
  readonly preScorePlugins: PreScorePlugin[] = [];
  readonly scorePlugins: ScorePlugin[] = [];
  readonly scorePluginWeight = new Map<string, number>();
  readonly enqueueExtensions: EnqueueExtensions[] = [];

  /**
   * @param plugins instantiated plugins in MultiPoint order; each is added to every extension point
   *                it implements (as the default profile's MultiPoint expansion does)
   * @param weights score weights by plugin name (0 / missing → 1)
   */
  constructor(plugins: Plugin[], weights: ReadonlyMap<string, number>, handle: Handle, opts: FrameworkOptions = {}) {
    this.profileName = opts.profileName ?? 'default-scheduler';
    this.percentageOfNodesToScore = opts.percentageOfNodesToScore;
    this.handle = handle;
    this.plugins = plugins;
    handle.framework = this;
    for (const p of plugins) {
      if (hasFn<PreEnqueuePlugin>(p, 'preEnqueue')) this.preEnqueuePlugins.push(p);
      if (hasFn<QueueSortPlugin>(p, 'less') && !this.queueSortPlugin) this.queueSortPlugin = p;
      if (hasFn<PreFilterPlugin>(p, 'preFilter')) this.preFilterPlugins.push(p);
      if (hasFn<FilterPlugin>(p, 'filter')) this.filterPlugins.push(p);
      if (hasFn<PostFilterPlugin>(p, 'postFilter')) this.postFilterPlugins.push(p);
      if (hasFn<PreScorePlugin>(p, 'preScore')) this.preScorePlugins.push(p);
      if (hasFn<ScorePlugin>(p, 'score')) {
        this.scorePlugins.push(p);
        const w = weights.get(p.name);
        this.scorePluginWeight.set(p.name, w && w > 0 ? w : 1);
      }
      if (hasFn<EnqueueExtensions>(p, 'eventsToRegister')) this.enqueueExtensions.push(p);
    }
  }

  plugin<T extends Plugin>(name: string): T | undefined {
    return this.plugins.find((p) => p.name === name) as T | undefined;
  }

  hasFilterPlugins(): boolean {
    return this.filterPlugins.length > 0;
  }

  hasScorePlugins(): boolean {
    return this.scorePlugins.length > 0;
  }

  hasPostFilterPlugins(): boolean {
    return this.postFilterPlugins.length > 0;
  }

  /** Point the plugins' handle at this cycle's nodes. */
  setSnapshot(snapshot: NodeInfoLister): void {
    this.handle.snapshot = snapshot;
  }

  /** RunPreEnqueuePlugins: the first rejecting plugin's status (with plugin set), or null. */
  runPreEnqueuePlugins(pod: PodInfo): Status | null {
    for (const p of this.preEnqueuePlugins) {
      const s = p.preEnqueue(pod.pod);
      if (s && !s.isSuccess()) return s.withPlugin(p.name);
    }
    return null;
  }

  /** RunPreFilterPlugins */
  runPreFilterPlugins(state: CycleState, pod: PodInfo, record = false): PreFilterRun {
    const nodes = this.handle.snapshot.list();
    const skip = new Set<string>();
    let result: Set<string> | null = null;
    const pluginsWithNodes = new Set<string>();
    let returnStatus: Status | null = null;
    const trace: PreFilterRun['trace'] = [];
    const finish = this.finishPreFilter;
    for (const pl of this.preFilterPlugins) {
      const out = pl.preFilter(state, pod, nodes);
      const s = out?.status ?? null;
      const r = out?.result ?? null;
      if (s && s.isSkip()) {
        skip.add(pl.name);
        if (record) trace.push({ plugin: pl.name, code: Code.Skip, reasons: [], nodeNames: null });
        continue;
      }
      if (s && !s.isSuccess()) {
        const st = s.withPlugin(pl.name);
        if (record) trace.push({ plugin: pl.name, code: st.code, reasons: st.reasons, nodeNames: null });
        if (st.code === Code.UnschedulableAndUnresolvable) {
          return finish(state, skip, { result: null, status: st, unschedulablePlugins: new Set(), trace });
        }
        if (st.code === Code.Unschedulable) {
          returnStatus = st;
          continue;
        }
        const err = Status.asStatus(new Error(`running PreFilter plugin "${pl.name}": ${st.message()}`)).withPlugin(pl.name);
        return finish(state, skip, { result: null, status: err, unschedulablePlugins: new Set(), trace });
      }
      if (record) trace.push({ plugin: pl.name, code: Code.Success, reasons: [], nodeNames: r ? [...r].sort() : null });
      if (r) {
        pluginsWithNodes.add(pl.name);
        if (result === null) result = new Set(r);
        else for (const n of result) if (!r.has(n)) result.delete(n);
        if (result.size === 0) {
          const names = [...pluginsWithNodes].sort();
          const msg = names.length === 1 ? `node(s) didn't satisfy plugin ${names[0]}` : `node(s) didn't satisfy plugin(s) [${names.join(' ')}] simultaneously`;
          return finish(state, skip, { result, status: new Status(Code.UnschedulableAndUnresolvable, [msg]), unschedulablePlugins: pluginsWithNodes, trace });
        }
      }
    }
    return finish(state, skip, { result, status: returnStatus, unschedulablePlugins: pluginsWithNodes, trace });
  }

  private readonly finishPreFilter = (state: CycleState, skip: Set<string>, run: PreFilterRun): PreFilterRun => {
    state.skipFilterPlugins = skip;
    this.computeActiveFilters(state);
    return run;
  };

  private computeActiveFilters(state: CycleState): void {
    const skip = state.skipFilterPlugins;
    let filters = this.filterPlugins;
    if (skip.size !== 0) {
      // the same skip set recurs cycle after cycle: keep the last filtered list
      const key = [...skip].join('\u0000');
      if (key !== this.lastSkipKey) {
        this.lastSkipKey = key;
        this.lastActive = this.filterPlugins.filter((p) => !skip.has(p.name));
      }
      filters = this.lastActive;
    }
    (state as StateWithFilters)[ACTIVE_FILTERS] = { filters };
  }

  private lastSkipKey = '';
  private lastActive: FilterPlugin[] = [];

  private activeFilters(state: CycleState): FilterPlugin[] {
    let af = (state as StateWithFilters)[ACTIVE_FILTERS];
    if (!af) {
      this.computeActiveFilters(state);
      af = (state as StateWithFilters)[ACTIVE_FILTERS]!;
    }
    return af.filters;
  }

  /** RunPreFilterExtensionAddPod */
  runPreFilterExtensionAddPod(state: CycleState, podToSchedule: PodInfo, podToAdd: PodInfo, nodeInfo: NodeInfo): Status | null {
    for (const pl of this.preFilterPlugins) {
      if (state.skipFilterPlugins.has(pl.name)) continue;
      const ext = pl.preFilterExtensions?.();
      if (!ext) continue;
      const s = ext.addPod(state, podToSchedule, podToAdd, nodeInfo);
      if (s && !s.isSuccess()) return Status.asStatus(new Error(`running AddPod on PreFilter plugin "${pl.name}": ${s.message()}`));
    }
    return null;
  }

  /** RunPreFilterExtensionRemovePod */
  runPreFilterExtensionRemovePod(state: CycleState, podToSchedule: PodInfo, podToRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    for (const pl of this.preFilterPlugins) {
      if (state.skipFilterPlugins.has(pl.name)) continue;
      const ext = pl.preFilterExtensions?.();
      if (!ext) continue;
      const s = ext.removePod(state, podToSchedule, podToRemove, nodeInfo);
      if (s && !s.isSuccess()) return Status.asStatus(new Error(`running RemovePod on PreFilter plugin "${pl.name}": ${s.message()}`));
    }
    return null;
  }

  /**
   * RunFilterPlugins: null if every (non-skipped) filter passes, else the first failure with its plugin.
   * With `trace`, every plugin's verdict up to and including the first failure is appended.
   */
  runFilterPlugins(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo, trace?: FilterTraceEntry[]): Status | null {
    const filters = this.activeFilters(state);
    for (let i = 0; i < filters.length; i++) {
      const pl = filters[i];
      let s = pl.filter(state, pod, nodeInfo);
      if (s !== null && s.code !== Code.Success) {
        if (!s.isRejected()) s = Status.asStatus(new Error(`running "${pl.name}" filter plugin: ${s.message()}`));
        s = s.withPlugin(pl.name);
        if (trace) trace.push({ plugin: pl.name, code: s.code, reasons: s.reasons });
        return s;
      }
      if (trace) trace.push({ plugin: pl.name, code: Code.Success, reasons: [] });
    }
    return null;
  }

  /** The filter plugins not skipped in this cycle, in order. */
  activeFilterPlugins(state: CycleState): FilterPlugin[] {
    return this.activeFilters(state);
  }

  /**
   * Filter a chunk of nodes plugin by plugin (filterBatch where a plugin has it): the same statuses
   * as RunFilterPlugins per node — a node leaves the chunk at its first failing plugin. Positions
   * idx[0..n) are the candidates; failing statuses land in statuses[position]; returns the number
   * of positions that passed every filter (compacted at the front of idx).
   */
  runFilterPluginsBatch(filters: readonly FilterPlugin[], state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], idx: Int32Array, n: number, statuses: (Status | null)[]): number {
    for (let f = 0; f < filters.length && n > 0; f++) {
      const pl = filters[f];
      if (pl.filterBatch) {
        n = pl.filterBatch(state, pod, nodes, idx, n, statuses);
        continue;
      }
      let m = 0;
      for (let k = 0; k < n; k++) {
        const pos = idx[k];
        let s = pl.filter(state, pod, nodes[pos]);
        if (s !== null && s.code !== Code.Success) {
          if (!s.isRejected()) s = Status.asStatus(new Error(`running "${pl.name}" filter plugin: ${s.message()}`));
          statuses[pos] = s.withPlugin(pl.name);
        } else {
          idx[m++] = pos;
        }
      }
      n = m;
    }
    return n;
  }

  /** Whether any pod is nominated anywhere (then the per-node path with nominated pods is used). */
  hasNominatedPods(): boolean {
    const nom = this.handle.nominator;
    return !!nom && (nom.hasNominatedPods?.() ?? true);
  }

  /**
   * RunFilterPluginsWithNominatedPods: if pods of equal or higher priority are nominated to the node,
   * filters must pass both with them added and without them.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo, trace?: FilterTraceEntry[]): Status | null {
    const nominator = this.handle.nominator;
    if (nominator) {
      const nominated = nominator.nominatedPodsForNode(nodeInfo.name);
      if (nominated.length > 0) {
        let stateOut: CycleState | null = null;
        let nodeOut: NodeInfo | null = null;
        for (const pi of nominated) {
          if (pi.priority >= pod.priority && pi.uid !== pod.uid) {
            if (!stateOut) {
              stateOut = state.clone();
              nodeOut = nodeInfo.clone();
            }
            nodeOut!.addPod(pi);
            const s = this.runPreFilterExtensionAddPod(stateOut, pod, pi, nodeOut!);
            if (s && !s.isSuccess()) return s;
          }
        }
        if (stateOut && nodeOut) {
          const s = this.runFilterPlugins(stateOut, pod, nodeOut, trace);
          if (s !== null) return s;
          if (trace) trace.length = 0;
        }
      }
    }
    return this.runFilterPlugins(state, pod, nodeInfo, trace);
  }

  /** RunPostFilterPlugins */
  runPostFilterPlugins(state: CycleState, pod: PodInfo, nodeToStatus: NodeToStatus): { result: PostFilterResult | null; status: Status } {
    let result: PostFilterResult | null = null;
    const reasons: string[] = [];
    let rejector = '';
    for (const pl of this.postFilterPlugins) {
      const { result: r, status: s } = pl.postFilter(state, pod, nodeToStatus);
      if (s.isSuccess()) return { result: r, status: s };
      if (s.code === Code.UnschedulableAndUnresolvable) return { result: r, status: s.withPlugin(pl.name) };
      if (!s.isRejected()) return { result: null, status: Status.asStatus(s.asError()).withPlugin(pl.name) };
      if (r && r.nominatedNodeName !== null) result = r;
      reasons.push(...s.reasons);
      if (!rejector) rejector = pl.name;
    }
    return { result, status: new Status(Code.Unschedulable, reasons, rejector) };
  }

  /** RunPreScorePlugins: returns an Error status or null; Skip marks the plugin in state.skipScorePlugins. */
  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    const skip = new Set<string>();
    try {
      for (const pl of this.preScorePlugins) {
        const s = pl.preScore(state, pod, nodes);
        if (s && s.isSkip()) {
          skip.add(pl.name);
          continue;
        }
        if (s && !s.isSuccess()) return Status.asStatus(new Error(`running PreScore plugin "${pl.name}": ${s.message()}`));
      }
      return null;
    } finally {
      state.skipScorePlugins = skip;
    }
  }

  /** RunScorePlugins: Score → NormalizeScore → × weight, into a ScoreRun. Throws on an invalid score. */
  runScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], record = false): ScoreRun {
    const n = nodes.length;
    const totals = record ? new Float64Array(n) : this.scratch(0, n);
    const run: ScoreRun = { plugins: [], weights: [], raw: record ? [] : null, normalized: [], totals };
    // Plugins that score every node alike (uniformScore, without a record) only shift all totals:
    // their Σ score × weight starts every total (integer sums: the order of additions is exact).
    let offset = 0;
    /** bit k: scorePlugins[k] is uniform this cycle */
    let uniform = 0;
    const plugins = this.scorePlugins;
    if (!record) {
      for (let k = 0; k < plugins.length && k < 31; k++) {
        const pl = plugins[k];
        if (!pl.uniformScore || state.skipScorePlugins.has(pl.name)) continue;
        const u = pl.uniformScore(state, pod, nodes);
        if (u === null) continue;
        if (u > MaxNodeScore || u < MinNodeScore) {
          throw new Error(`applying score defaultWeights on Score plugins: plugin "${pl.name}" returns an invalid score ${u}, it should in the range of [${MinNodeScore}, ${MaxNodeScore}] after normalizing`);
        }
        offset += u * (this.scorePluginWeight.get(pl.name) ?? 1);
        uniform |= 1 << k;
      }
    }
    totals.fill(offset);
    let buf = 1;
    for (let k = 0; k < plugins.length; k++) {
      const pl = plugins[k];
      if ((uniform & (1 << k)) !== 0 || state.skipScorePlugins.has(pl.name)) continue;
      // scratch buffers are reused across cycles unless the record keeps them
      const scores = record ? new Float64Array(n) : this.scratch(buf++, n);
      if (pl.scoreBatch) pl.scoreBatch(state, pod, nodes, scores);
      else for (let i = 0; i < n; i++) scores[i] = pl.score(state, pod, nodes[i]);
      if (run.raw) run.raw.push(Float64Array.from(scores));
      if (pl.normalizeScore) {
        const s = pl.normalizeScore(state, pod, scores, nodes);
        if (s && !s.isSuccess()) throw new Error(`running Normalize on Score plugins: plugin "${pl.name}" failed with: ${s.message()}`);
      }
      const weight = this.scorePluginWeight.get(pl.name) ?? 1;
      const max = MaxNodeScore;
      const min = MinNodeScore;
      for (let i = 0; i < n; i++) {
        const sc = scores[i];
        if (sc > max || sc < min) {
          throw new Error(`applying score defaultWeights on Score plugins: plugin "${pl.name}" returns an invalid score ${sc}, it should in the range of [${MinNodeScore}, ${MaxNodeScore}] after normalizing`);
        }
        totals[i] += sc * weight;
      }
      run.plugins.push(pl.name);
      run.weights.push(weight);
      run.normalized.push(scores);
    }
    return run;
  }

  private scratchBufs: Float64Array[] = [];

  private scratch(i: number, n: number): Float64Array {
    let b = this.scratchBufs[i];
    if (!b || b.length < n) this.scratchBufs[i] = b = new Float64Array(Math.max(n, 64));
    return b.length === n ? b : b.subarray(0, n);
  }

  /** EventsToRegister of every plugin: plugin name → events with hints (the queue's QueueingHintMap). */
  queueingHints(): Map<string, ClusterEventWithHint[]> {
    const m = new Map<string, ClusterEventWithHint[]>();
    for (const p of this.enqueueExtensions) m.set(p.name, p.eventsToRegister());
    return m;
  }
}
