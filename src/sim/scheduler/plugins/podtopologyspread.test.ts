// Table tests after pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go
// (TestSingleConstraint, TestMultipleConstraints) and scoring_test.go (TestPodTopologySpreadScore:
// expected scores copied from there), v1.35.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { ErrReasonConstraintsNotMatch, ErrReasonNodeLabelNotMatch, New } from './podtopologyspread.ts';
import { CycleState } from '../framework/cycle_state.ts';
import { PodInfo } from '../framework/types.ts';
import type { ClusterListers } from '../framework/interface.ts';
import { handleFor, nodeInfosFor, runFilter } from '../testing/harness.ts';

const foo: LabelSelector = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
const bar: LabelSelector = { matchExpressions: [{ key: 'bar', operator: 'Exists' }] };

function node(name: string, labels: Record<string, string>): Node {
  return { metadata: { name, labels }, status: { allocatable: { pods: '110' } } };
}

function pod(name: string, labels: Record<string, string>, nodeName?: string, tsc: TopologySpreadConstraint[] = [], ns = 'default'): Pod {
  return { metadata: { name, namespace: ns, uid: name, labels }, spec: { containers: [], ...(nodeName ? { nodeName } : {}), ...(tsc.length ? { topologySpreadConstraints: tsc } : {}) } };
}

const spread = (maxSkew: number, key: string, when: 'DoNotSchedule' | 'ScheduleAnyway', sel: LabelSelector, extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew,
  topologyKey: key,
  whenUnsatisfiable: when,
  labelSelector: sel,
  ...extra,
});

/** existing pods "p-a1" … on node-a etc., labelled foo */
function existing(spec: Record<string, number>, labels: Record<string, string> = { foo: '' }): Pod[] {
  const out: Pod[] = [];
  for (const [n, count] of Object.entries(spec)) for (let i = 1; i <= count; i++) out.push(pod(`p-${n}${i}`, labels, `node-${n}`));
  return out;
}

const fourNodes = [
  node('node-a', { zone: 'zone1', node: 'node-a', 'kubernetes.io/hostname': 'node-a' }),
  node('node-b', { zone: 'zone1', node: 'node-b', 'kubernetes.io/hostname': 'node-b' }),
  node('node-x', { zone: 'zone2', node: 'node-x', 'kubernetes.io/hostname': 'node-x' }),
  node('node-y', { zone: 'zone2', node: 'node-y', 'kubernetes.io/hostname': 'node-y' }),
];

const NOT = `Unschedulable: ${ErrReasonConstraintsNotMatch}`;
const MISSING = `UnschedulableAndUnresolvable: ${ErrReasonNodeLabelNotMatch}`;

test('Filter (filtering_test.go TestSingleConstraint / TestMultipleConstraints)', () => {
  const cases: { name: string; pod: Pod; nodes?: Node[]; existing: Pod[]; want: Record<string, string | null> }[] = [
    {
      name: 'no existing pods',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'DoNotSchedule', foo)]),
      existing: [],
      want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': null },
    },
    {
      name: 'no existing pods, incoming pod doesn\'t match itself',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'DoNotSchedule', bar)]),
      existing: [],
      want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': null },
    },
    {
      name: 'existing pods in a different namespace do not count',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'DoNotSchedule', foo)]),
      existing: [pod('p-a1', { foo: '' }, 'node-a', [], 'ns1'), pod('p-b1', { foo: '' }, 'node-a', [], 'ns2'), pod('p-x1', { foo: '' }, 'node-x'), pod('p-y1', { foo: '' }, 'node-y'), pod('p-y2', { foo: '' }, 'node-y')],
      want: { 'node-a': null, 'node-b': null, 'node-x': NOT, 'node-y': NOT },
    },
    {
      name: 'pods spread across zones as 3/3, all nodes fit',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'DoNotSchedule', foo)]),
      existing: existing({ a: 1, b: 2, x: 1, y: 2 }),
      want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': null },
    },
    {
      name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'DoNotSchedule', foo)]),
      nodes: [node('node-a', { zone: 'zone1', node: 'node-a' }), node('node-b', { zon: 'zone1', node: 'node-b' }), node('node-x', { zone: 'zone2', node: 'node-x' }), node('node-y', { zone: 'zone2', node: 'node-y' })],
      existing: existing({ a: 1, b: 1, x: 1, y: 1 }),
      want: { 'node-a': null, 'node-b': MISSING, 'node-x': NOT, 'node-y': NOT },
    },
    {
      name: 'pod cannot be scheduled as all nodes don\'t have label \'rack\'',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'rack', 'DoNotSchedule', foo)]),
      nodes: [node('node-a', { zone: 'zone1', node: 'node-a' }), node('node-x', { zone: 'zone2', node: 'node-x' })],
      existing: [],
      want: { 'node-a': MISSING, 'node-x': MISSING },
    },
    {
      name: 'pods spread across nodes as 2/1/0/3, only node-x fits',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'node', 'DoNotSchedule', foo)]),
      existing: existing({ a: 2, b: 1, y: 3 }),
      want: { 'node-a': NOT, 'node-b': NOT, 'node-x': null, 'node-y': NOT },
    },
    {
      name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit',
      pod: pod('p', { foo: '' }, undefined, [spread(2, 'node', 'DoNotSchedule', foo)]),
      existing: existing({ a: 2, b: 1, y: 3 }),
      want: { 'node-a': NOT, 'node-b': null, 'node-x': null, 'node-y': NOT },
    },
    {
      name: 'incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits',
      pod: {
        ...pod('p', { foo: '' }, undefined, [spread(1, 'node', 'DoNotSchedule', foo)]),
        spec: {
          containers: [],
          topologySpreadConstraints: [spread(1, 'node', 'DoNotSchedule', foo)],
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'NotIn', values: ['node-b', 'node-x'] }] }] } } },
        },
      },
      existing: existing({ a: 2, b: 1, y: 3 }),
      // node-b and node-x are no domains (nodeAffinityPolicy Honor); NodeAffinity itself rejects them
      want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': NOT },
    },
    {
      name: 'minDomains: fewer domains than minDomains makes the global minimum 0',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'DoNotSchedule', foo, { minDomains: 3 })]),
      existing: existing({ a: 1, x: 1 }),
      want: { 'node-a': NOT, 'node-b': NOT, 'node-x': NOT, 'node-y': NOT },
    },
    {
      name: 'two constraints on zone and node, spread as 3/3/1/0: only node-y fits',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'DoNotSchedule', foo), spread(1, 'node', 'DoNotSchedule', foo)]),
      existing: existing({ a: 3, b: 1, x: 1 }),
      want: { 'node-a': NOT, 'node-b': NOT, 'node-x': NOT, 'node-y': null },
    },
  ];
  for (const c of cases) {
    const infos = nodeInfosFor(c.nodes ?? fourNodes, c.existing);
    const r = runFilter(New(handleFor(infos)), c.pod, infos);
    assert.deepEqual(r.nodes, c.want, c.name);
  }
});

test('PreFilter: Skip without hard constraints (system defaults are ScheduleAnyway)', () => {
  const infos = nodeInfosFor(fourNodes);
  assert.deepEqual(runFilter(New(handleFor(infos)), pod('p', { foo: '' }), infos).preFilter, { code: 'Skip', reasons: [] });
  assert.deepEqual(runFilter(New(handleFor(infos)), pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'ScheduleAnyway', foo)]), infos).preFilter, { code: 'Skip', reasons: [] });
});

/** PreScore over `filtered` with the snapshot holding filtered + failed nodes, then Score + NormalizeScore. */
function scores(p: Pod, filtered: Node[], failed: Node[], pods: Pod[], listers: ClusterListers = {}): Record<string, number> | 'skip' {
  const all = nodeInfosFor([...filtered, ...failed], pods);
  const byName = new Map(all.map((n) => [n.name, n]));
  const fl = filtered.map((n) => byName.get(n.metadata!.name!)!);
  const pl = New(handleFor(all, listers));
  const state = new CycleState();
  const pi = new PodInfo(p);
  const s = pl.preScore(state, pi, fl);
  if (s && s.isSkip()) return 'skip';
  const sc = Float64Array.from(fl.map((n) => pl.score(state, pi, n)));
  pl.normalizeScore(state, pi, sc, fl);
  return Object.fromEntries(fl.map((n, i) => [n.name, sc[i]]));
}

test('Score (scoring_test.go TestPodTopologySpreadScore)', () => {
  const host = (n: string) => node(`node-${n}`, { 'kubernetes.io/hostname': `node-${n}` });
  const zoned = (n: string, z: string) => node(`node-${n}`, { zone: z, 'kubernetes.io/hostname': `node-${n}` });
  const H = 'kubernetes.io/hostname';
  const cases: { name: string; pod: Pod; filtered: Node[]; failed?: Node[]; existing: Pod[]; want: Record<string, number> | 'skip'; listers?: ClusterListers }[] = [
    { name: 'one constraint on node, no existing pods', pod: pod('p', { foo: '' }, undefined, [spread(1, H, 'ScheduleAnyway', foo)]), filtered: [host('a'), host('b')], existing: [], want: { 'node-a': 100, 'node-b': 100 } },
    { name: 'one constraint on node, only one node is candidate', pod: pod('p', { foo: '' }, undefined, [spread(1, H, 'ScheduleAnyway', foo)]), filtered: [host('a')], failed: [host('b')], existing: existing({ a: 1, b: 1 }), want: { 'node-a': 100 } },
    { name: 'one constraint on node, all nodes have the same number of matching pods', pod: pod('p', { foo: '' }, undefined, [spread(1, H, 'ScheduleAnyway', foo)]), filtered: [host('a'), host('b')], existing: existing({ a: 1, b: 1 }), want: { 'node-a': 100, 'node-b': 100 } },
    {
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2',
      pod: pod('p', { foo: '' }, undefined, [spread(2, H, 'ScheduleAnyway', foo)]),
      filtered: [host('a'), host('b'), host('c'), host('d')],
      existing: existing({ a: 2, b: 1, d: 3 }),
      want: { 'node-a': 33, 'node-b': 66, 'node-c': 100, 'node-d': 16 },
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3',
      pod: pod('p', { foo: '' }, undefined, [spread(3, H, 'ScheduleAnyway', foo)]),
      filtered: [host('a'), host('b'), host('c'), host('d')],
      existing: existing({ a: 4, b: 3, c: 2, d: 1 }),
      want: { 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 },
    },
    {
      name: "system defaulting, nodes don't have zone, pods match service",
      pod: pod('p', { foo: '' }),
      filtered: [host('a'), host('b'), host('c'), host('d')],
      existing: existing({ a: 4, b: 3, c: 2, d: 1 }),
      listers: { services: () => [{ metadata: { name: 's', namespace: 'default' }, spec: { selector: { foo: '' } } }] },
      want: { 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 },
    },
    {
      name: 'system defaulting without a Service/RC/RS/STS selecting the pod: Skip',
      pod: pod('p', { foo: '' }),
      filtered: [host('a'), host('b')],
      existing: existing({ a: 4 }),
      want: 'skip',
    },
    {
      name: 'one constraint on node, 3 out of 4 nodes are candidates',
      pod: pod('p', { foo: '' }, undefined, [spread(1, H, 'ScheduleAnyway', foo)]),
      filtered: [host('a'), host('b'), host('x')],
      failed: [host('y')],
      existing: existing({ a: 4, b: 2, x: 1, y: 3 }),
      want: { 'node-a': 33, 'node-b': 83, 'node-x': 100 },
    },
    {
      name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
      pod: pod('p', { foo: '' }, undefined, [spread(1, H, 'ScheduleAnyway', foo)]),
      filtered: [host('a'), node('node-b', { n: 'node-b' }), host('x')],
      failed: [host('y')],
      existing: existing({ a: 4, b: 2, x: 1, y: 3 }),
      want: { 'node-a': 16, 'node-b': 0, 'node-x': 100 },
    },
    {
      name: 'one constraint on zone, 3 out of 4 nodes are candidates',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'ScheduleAnyway', foo)]),
      filtered: [zoned('a', 'zone1'), zoned('b', 'zone1'), zoned('x', 'zone2')],
      failed: [zoned('y', 'zone2')],
      existing: existing({ a: 4, b: 2, x: 1, y: 3 }),
      want: { 'node-a': 75, 'node-b': 75, 'node-x': 100 },
    },
    {
      name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
      pod: pod('p', { foo: '' }, undefined, [spread(1, 'zone', 'ScheduleAnyway', foo), spread(1, H, 'ScheduleAnyway', foo)]),
      filtered: [zoned('a', 'zone1'), zoned('x', 'zone2')],
      failed: [zoned('b', 'zone1'), zoned('y', 'zone2')],
      existing: existing({ a: 2, b: 1, x: 2, y: 4 }),
      want: { 'node-a': 100, 'node-x': 63 },
    },
    {
      name: 'two Constraints on zone and node, with different labelSelectors',
      pod: pod('p', { foo: '', bar: '' }, undefined, [spread(1, 'zone', 'ScheduleAnyway', foo), spread(1, H, 'ScheduleAnyway', bar)]),
      filtered: [zoned('a', 'zone1'), zoned('b', 'zone1'), zoned('x', 'zone2'), zoned('y', 'zone2')],
      existing: [pod('p-a1', { foo: '' }, 'node-a'), pod('p-b1', { foo: '', bar: '' }, 'node-b'), pod('p-y1', { foo: '' }, 'node-y'), pod('p-y2', { bar: '' }, 'node-y')],
      want: { 'node-a': 60, 'node-b': 20, 'node-x': 100, 'node-y': 60 },
    },
    {
      name: 'two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods',
      pod: pod('p', { foo: '', bar: '' }, undefined, [spread(1, 'zone', 'ScheduleAnyway', foo), spread(1, H, 'ScheduleAnyway', bar)]),
      filtered: [zoned('a', 'zone1'), zoned('b', 'zone1'), zoned('x', 'zone2'), zoned('y', 'zone2')],
      existing: [pod('p-b1', { bar: '' }, 'node-b'), pod('p-x1', { foo: '' }, 'node-x'), pod('p-y1', { foo: '', bar: '' }, 'node-y')],
      want: { 'node-a': 100, 'node-b': 60, 'node-x': 40, 'node-y': 0 },
    },
  ];
  for (const c of cases) {
    assert.deepEqual(scores(c.pod, c.filtered, c.failed ?? [], c.existing, c.listers), c.want, c.name);
  }
});

test('system default constraints use the ReplicaSet selector of the controlling owner (helper.DefaultSelector)', () => {
  const owned = (name: string, nodeName?: string): Pod => ({
    ...pod(name, { app: 'web' }, nodeName),
    metadata: { name, namespace: 'default', uid: name, labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs', controller: true }] },
  });
  const listers: ClusterListers = { replicaSet: () => ({ metadata: { name: 'web-1' }, spec: { selector: { matchLabels: { app: 'web' } } } }) };
  const host = (n: string) => node(`node-${n}`, { 'kubernetes.io/hostname': `node-${n}` });
  // hostname maxSkew 3: counts 2/0 → weight log(4) → a: round(2×1.386+2)=5, b: 2 → a 100×(5+2−5)/5 = 40, b 100
  assert.deepEqual(scores(owned('p'), [host('a'), host('b')], [], [owned('e1', 'node-a'), owned('e2', 'node-a')], listers), { 'node-a': 40, 'node-b': 100 });
});
