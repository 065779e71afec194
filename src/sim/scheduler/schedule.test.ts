// Scheduling cycles on the 3-node lab cluster. Every expected message is FitError.Error() of
// pkg/scheduler/framework/types.go (v1.35: "0/%v nodes are available:" + sorted "<n> <reason>"
// histogram + " " + PostFilterMsg), with DefaultPreemption's "preemption: " prefix
// (plugins/defaultpreemption/default_preemption.go) and the preemption sub-reasons of
// framework/preemption/preemption.go ("Preemption is not helpful for scheduling") and
// default_preemption.go SelectVictimsOnNode ("No preemption victims found for incoming pod").
// Filter reasons: tainttoleration/taint_toleration.go ("node(s) had untolerated taint(s)", v1.35 via
// PR #134740), noderesources/fit.go ("Insufficient cpu", "Too many pods"), nodeaffinity/node_affinity.go,
// nodeunschedulable/node_unschedulable.go; "no nodes available to schedule pods" is
// schedule_one.go ErrNoNodesAvailable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from 'kubernetes-types/core/v1';
import { newFramework } from './framework/registry.ts';
import { SchedulingAlgorithm, numFeasibleNodesToFind, selectHost, truncateMessage } from './schedule.ts';
import type { ScheduleOutcome } from './schedule.ts';
import { cacheWith, fixedRng, labCluster, makeNode, makePod } from './testing/wrappers.ts';
import { PodInfo } from './framework/types.ts';
import type { Node } from 'kubernetes-types/core/v1';

function run(nodes: Node[], assigned: Pod[], pod: Pod, rng = fixedRng(), record = false): ScheduleOutcome {
  const cache = cacheWith(nodes, assigned);
  const fw = newFramework({ rng });
  return new SchedulingAlgorithm(fw, { rng }).schedule(pod, cache, { record });
}

function message(o: ScheduleOutcome): string {
  assert.equal(o.ok, false, 'expected a scheduling failure');
  return o.ok ? '' : o.error.message;
}

const busy = (node: string, cpu = '1', extra: Partial<Parameters<typeof makePod>[1]> = {}) => makePod(`busy-${node}`, { nodeName: node, cpu, ...extra });

test('FailedScheduling messages on the lab cluster (types.go FitError.Error + default_preemption.go)', () => {
  const cases: { name: string; nodes?: Node[]; assigned?: Pod[]; pod: Pod; want: string }[] = [
    {
      name: 'cpu short on both workers, nothing to preempt',
      assigned: [busy('node01'), busy('node02')],
      pod: makePod('big', { cpu: '1500m' }),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    },
    {
      name: 'request larger than any node: unresolvable, preemption not helpful anywhere (fit.go Unresolvable, PR #131345)',
      pod: makePod('huge', { cpu: '3' }),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    },
    {
      name: 'cpu and memory both short: one node, two reasons',
      assigned: [busy('node01', '1', { memory: '1Gi' }), busy('node02', '1', { memory: '1Gi' })],
      pod: makePod('big', { cpu: '1500m', memory: '1536Mi' }),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    },
    {
      name: 'nodeSelector matches no node',
      pod: makePod('sel', { nodeSelector: { disktype: 'ssd' } }),
      want: "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    },
    {
      name: 'both workers cordoned (NodeUnschedulable runs before TaintToleration)',
      nodes: [labCluster()[0], makeNode('node01', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }), makeNode('node02', { unschedulable: true })],
      pod: makePod('p'),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    },
    {
      name: 'preemptionPolicy: Never',
      assigned: [busy('node01'), busy('node02')],
      pod: makePod('never', { cpu: '1500m', preemptionPolicy: 'Never' }),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    },
    {
      name: 'Too many pods',
      nodes: labCluster({ pods: '1' }),
      assigned: [busy('node01', '100m'), busy('node02', '100m')],
      pod: makePod('p'),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    },
    {
      name: 'required node affinity to a node that does not exist (PreFilterResult, schedule_one.go)',
      pod: makePod('named', {
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node03'] }] }] } } },
      }),
      want: "0/3 nodes are available: 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    },
    {
      name: 'node affinity by name to a full node',
      assigned: [busy('node01')],
      pod: makePod('named', {
        cpu: '1500m',
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node01'] }] }] } } },
      }),
      want: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    },
    {
      name: 'host port taken on both workers',
      assigned: [busy('node01', '100m', { ports: [{ containerPort: 80, hostPort: 8080 }] }), busy('node02', '100m', { ports: [{ containerPort: 80, hostPort: 8080 }] })],
      pod: makePod('hp', { ports: [{ containerPort: 80, hostPort: 8080 }] }),
      want: "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    },
    {
      name: 'scheduling gates are PreEnqueue only: a gated pod that reaches the cycle is scheduled normally',
      pod: makePod('x', { cpu: '3', schedulingGates: [{ name: 'g' }] }),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    },
  ];
  for (const c of cases) {
    const o = run(c.nodes ?? labCluster(), c.assigned ?? [], c.pod);
    assert.equal(message(o), c.want, c.name);
  }
});

test('no nodes at all: "no nodes available to schedule pods" (schedule_one.go ErrNoNodesAvailable)', () => {
  const o = run([], [], makePod('p'));
  assert.equal(message(o), 'no nodes available to schedule pods');
  assert.equal(o.ok ? '' : o.reason, 'Unschedulable');
});

test('a pod that fits goes to a worker; ties are broken by reservoir sampling (schedule_one.go selectHost)', () => {
  // node01 and node02 score the same; reservoir sampling keeps node01 unless intn(2) returns 0
  const o1 = run(labCluster(), [], makePod('a', { cpu: '100m' }), fixedRng([0]));
  assert.ok(o1.ok);
  assert.equal(o1.ok && o1.node, 'node02');
  const o2 = run(labCluster(), [], makePod('a', { cpu: '100m' }), fixedRng([1]));
  assert.equal(o2.ok && o2.node, 'node01');
  // with node01 busier, LeastAllocated/BalancedAllocation prefer node02 regardless of the RNG
  const o3 = run(labCluster(), [busy('node01', '500m')], makePod('a', { cpu: '100m' }), fixedRng([1, 1, 1]));
  assert.equal(o3.ok && o3.node, 'node02');
});

test('tolerating the control-plane taint makes controlplane feasible', () => {
  const pod = makePod('t', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } });
  const o = run(labCluster(), [], pod, fixedRng(), true);
  assert.ok(o.ok);
  assert.equal(o.ok && o.node, 'controlplane');
  assert.equal(o.record?.scoringSkipped, 'single-feasible-node');
});

test('preemption: a lower-priority victim makes room; the FitError has no PostFilter message', () => {
  const low = (n: string) => makePod(`low-${n}`, { nodeName: n, cpu: '1500m', priority: 0, startTime: '2025-01-01T00:00:00Z' });
  const o = run(labCluster(), [low('node01'), low('node02')], makePod('high', { cpu: '1', priority: 1000 }), fixedRng([0]));
  assert.equal(o.ok, false);
  if (o.ok) return;
  assert.equal(o.error.message, '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.');
  assert.equal(o.nominatedNodeName, 'node01');
  assert.deepEqual(
    o.victims.map((v) => v.metadata?.name),
    ['low-node01'],
  );
});

test('decision record: filters per node, scores, ties and winner', () => {
  const o = run(labCluster(), [busy('node01', '500m')], makePod('a', { cpu: '100m', memory: '100Mi' }), fixedRng(), true);
  assert.ok(o.ok);
  const r = o.record!;
  assert.equal(r.winner, 'node02');
  assert.equal(r.numAllNodes, 3);
  assert.equal(r.numNodesToFind, 3);
  const cp = r.nodes.find((n) => n.node === 'controlplane')!;
  assert.equal(cp.feasible, false);
  assert.deepEqual(
    cp.filters.map((f) => `${f.plugin}:${f.code}`),
    ['NodeUnschedulable:Success', 'NodeName:Success', 'TaintToleration:UnschedulableAndUnresolvable'],
  );
  assert.deepEqual(cp.status, { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint(s)'] });
  const n2 = r.nodes.find((n) => n.node === 'node02')!;
  assert.equal(n2.feasible, true);
  assert.deepEqual(r.skippedFilterPlugins.sort(), ['InterPodAffinity', 'NodeAffinity', 'NodePorts', 'PodTopologySpread']);
  assert.deepEqual(r.skippedScorePlugins.sort(), ['InterPodAffinity', 'NodeAffinity', 'PodTopologySpread']);
  assert.deepEqual(r.scorePlugins, ['TaintToleration', 'NodeResourcesFit', 'NodeResourcesBalancedAllocation', 'ImageLocality']);
  assert.deepEqual(r.weights, [3, 1, 1, 1]);
  // node02: cpu (2000-100)*100/2000 = 95, memory (2048Mi-100Mi)/2048Mi = 95 → 95; balanced:
  // |0.05 - 0.0488|/2 → 99; taint: 0 intolerable → 100 × 3; image: 0
  const byPlugin = Object.fromEntries(n2.scores!.map((s) => [s.plugin, s]));
  assert.equal(byPlugin.TaintToleration.raw, 0);
  assert.equal(byPlugin.TaintToleration.normalized, 100);
  assert.equal(byPlugin.TaintToleration.weighted, 300);
  assert.equal(byPlugin.NodeResourcesFit.normalized, 95);
  assert.equal(byPlugin.NodeResourcesBalancedAllocation.normalized, 99);
  assert.equal(byPlugin.ImageLocality.normalized, 0);
  assert.equal(n2.total, 300 + 95 + 99 + 0);
  assert.deepEqual(r.ties, ['node02']);
});

test('decision record of a failure carries the FitError and the PostFilter outcome', () => {
  const o = run(labCluster(), [busy('node01'), busy('node02')], makePod('big', { cpu: '1500m' }), fixedRng(), true);
  const r = o.record!;
  assert.equal(r.winner, null);
  assert.match(r.fitError!, /^0\/3 nodes are available: /);
  assert.equal(r.postFilter!.nominatedNodeName, '');
  assert.equal(r.nodes.length, 3);
  assert.ok(r.nodes.every((n) => !n.feasible));
});

test('numFeasibleNodesToFind (schedule_one.go)', () => {
  const cases: [number | undefined, number, number][] = [
    [undefined, 3, 3],
    [undefined, 99, 99],
    [undefined, 100, 100],
    [undefined, 1000, 420],
    [undefined, 5000, 500],
    [undefined, 6000, 300],
    [undefined, 250, 120],
    [undefined, 200, 100],
    [10, 5000, 500],
    [1, 1000, 100],
    [100, 1000, 1000],
  ];
  for (const [pct, n, want] of cases) assert.equal(numFeasibleNodesToFind(pct, n), want, `${pct}% of ${n}`);
});

test('selectHost reservoir sampling and truncateMessage', () => {
  assert.equal(selectHost([1, 5, 3], fixedRng()), 1);
  assert.equal(selectHost([5, 5, 5], fixedRng([1, 2])), 0);
  assert.equal(selectHost([5, 5, 5], fixedRng([0, 1])), 1);
  assert.equal(selectHost([5, 5, 5], fixedRng([1, 0])), 2);
  assert.equal(truncateMessage('x'.repeat(1024)), 'x'.repeat(1024));
  assert.equal(truncateMessage('x'.repeat(2000)), 'x'.repeat(1020) + ' ...');
});

test('round robin: nextStartNodeIndex advances by the processed nodes', () => {
  const nodes = Array.from({ length: 200 }, (_, i) => makeNode(`n${String(i).padStart(3, '0')}`));
  const cache = cacheWith(nodes);
  const rng = fixedRng();
  const algo = new SchedulingAlgorithm(newFramework({ rng }), { rng });
  const o = algo.schedule(makePod('a'), cache);
  assert.ok(o.ok);
  // 200 nodes → 100 to find; all fit, so 100 processed
  assert.equal(o.ok && o.feasibleNodes, 100);
  assert.equal(algo.nextStartNodeIndex, 100);
});

test('a PreFilter rejection replaces the histogram (types.go FitError: PreFilterMsg)', () => {
  const pod = makePod('conflict', {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node01'] }, { key: 'metadata.name', operator: 'In', values: ['node02'] }] }],
        },
      },
    },
  });
  assert.equal(message(run(labCluster(), [], pod)), '0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
});

test('pods nominated to a node (after preemption) count against it for lower-priority pods', () => {
  const rng = fixedRng();
  const cache = cacheWith(labCluster());
  const nominated = new PodInfo(makePod('nominated', { cpu: '1500m', priority: 100 }));
  const fw = newFramework({ rng, nominator: { nominatedPodsForNode: (n) => (n === 'node01' ? [nominated] : []), hasNominatedPods: () => true } });
  const o = new SchedulingAlgorithm(fw, { rng }).schedule(makePod('p', { cpu: '1', priority: 0 }), cache);
  assert.equal(o.ok && o.node, 'node02');
});
