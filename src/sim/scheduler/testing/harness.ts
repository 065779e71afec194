/**
 * Plugin test harness: runs one plugin's PreFilter/Filter or PreScore/Score/NormalizeScore over a
 * set of nodes, through both the per-node methods and the batch fast paths, and asserts that the
 * two agree (so every plugin table test also checks filterBatch/scoreBatch).
 */
import assert from 'node:assert/strict';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { CycleState } from '../framework/cycle_state.ts';
import { CODE_NAMES, NodeInfo, PodInfo } from '../framework/types.ts';
import type { Status } from '../framework/types.ts';
import type { ClusterListers, FilterPlugin, Handle, Plugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/interface.ts';
import { Snapshot } from '../framework/snapshot.ts';

export function handleFor(nodes: readonly NodeInfo[], listers: ClusterListers = {}): Handle {
  return { snapshot: new Snapshot(nodes), listers, nominator: null };
}

/** NodeInfos for nodes, with the assigned pods (spec.nodeName) placed on them. */
export function nodeInfosFor(nodes: Node[], pods: Pod[] = []): NodeInfo[] {
  const infos = nodes.map((n) => new NodeInfo(n));
  const byName = new Map(infos.map((i) => [i.name, i]));
  for (const p of pods) {
    const ni = byName.get(p.spec?.nodeName ?? '');
    if (ni) ni.addPod(new PodInfo(p));
  }
  return infos;
}

export interface FilterResult {
  /** PreFilter status (null = success) */
  preFilter: { code: string; reasons: readonly string[] } | null;
  preFilterResult: string[] | null;
  /** node name → null (pass) or "Code: reason, reason" */
  nodes: Record<string, string | null>;
}

function show(s: Status | null): string | null {
  return s === null ? null : `${CODE_NAMES[s.code]}: ${s.reasons.join(', ')}`;
}

/** Run PreFilter (if any) then Filter on every node, per node and batched. */
export function runFilter(plugin: Plugin, pod: Pod | PodInfo, nodes: readonly NodeInfo[]): FilterResult {
  const pi = pod instanceof PodInfo ? pod : new PodInfo(pod);
  const state = new CycleState();
  const out: FilterResult = { preFilter: null, preFilterResult: null, nodes: {} };
  const pf = plugin as Partial<PreFilterPlugin>;
  if (pf.preFilter) {
    const r = pf.preFilter(state, pi, nodes);
    if (r?.status && !r.status.isSuccess()) {
      out.preFilter = { code: CODE_NAMES[r.status.code], reasons: r.status.reasons };
      if (r.status.isSkip()) {
        for (const n of nodes) out.nodes[n.name] = null;
        return out;
      }
      if (r.status.isRejected()) return out;
    }
    out.preFilterResult = r?.result ? [...r.result].sort() : null;
  }
  const f = plugin as FilterPlugin;
  const perNode: (Status | null)[] = nodes.map((n) => f.filter(state, pi, n));
  for (let i = 0; i < nodes.length; i++) out.nodes[nodes[i].name] = show(perNode[i]);
  if (f.filterBatch) {
    const idx = Int32Array.from(nodes.map((_, i) => i));
    const statuses: (Status | null)[] = nodes.map(() => null);
    const n = f.filterBatch(state, pi, nodes, idx, nodes.length, statuses);
    const passing = new Set(Array.from(idx.subarray(0, n)));
    for (let i = 0; i < nodes.length; i++) {
      assert.equal(show(passing.has(i) ? null : statuses[i]), show(perNode[i]), `filterBatch differs from filter on ${nodes[i].name}`);
    }
  }
  return out;
}

export interface ScoreResult {
  skipped: boolean;
  raw: Record<string, number>;
  normalized: Record<string, number>;
}

/** Run PreScore (if any), Score on every node (per node and batched), then NormalizeScore. */
export function runScore(plugin: Plugin, pod: Pod | PodInfo, nodes: readonly NodeInfo[], state = new CycleState()): ScoreResult {
  const pi = pod instanceof PodInfo ? pod : new PodInfo(pod);
  const ps = plugin as Partial<PreScorePlugin>;
  if (ps.preScore) {
    const s = ps.preScore(state, pi, nodes);
    if (s && s.isSkip()) return { skipped: true, raw: {}, normalized: {} };
    if (s && !s.isSuccess()) throw new Error(`PreScore: ${s.message()}`);
  }
  const sp = plugin as ScorePlugin;
  const scores = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) scores[i] = sp.score(state, pi, nodes[i]);
  if (sp.scoreBatch) {
    const b = new Float64Array(nodes.length);
    sp.scoreBatch(state, pi, nodes, b);
    assert.deepEqual(Array.from(b), Array.from(scores), 'scoreBatch differs from score');
  }
  const raw: Record<string, number> = {};
  nodes.forEach((n, i) => (raw[n.name] = scores[i]));
  sp.normalizeScore?.(state, pi, scores, nodes);
  const normalized: Record<string, number> = {};
  nodes.forEach((n, i) => (normalized[n.name] = scores[i]));
  return { skipped: false, raw, normalized };
}

/** A pod like st.MakePod(): one container per entry of `reqs` (no containers when empty). */
export function podWithRequests(name: string, reqs: Record<string, string>[] = [], extra: Partial<Pod['spec']> = {}, nodeName?: string): Pod {
  return {
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: {
      containers: reqs.map((r, i) => ({ name: `c${i}`, image: 'pause', resources: { requests: r } })),
      ...(nodeName ? { nodeName } : {}),
      ...extra,
    },
  };
}

/** A node like st.MakeNode().Capacity(...): allocatable = capacity (no pods limit unless given). */
export function nodeWithCapacity(name: string, capacity: Record<string, string> = {}, extra: Partial<Node> = {}): Node {
  const alloc = { pods: '110', ...capacity };
  return { metadata: { name, labels: { 'kubernetes.io/hostname': name } }, status: { capacity: alloc, allocatable: alloc }, ...extra };
}
