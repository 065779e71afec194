// Framework runtime semantics (pkg/scheduler/framework/runtime/framework.go, v1.35):
// RunFilterPlugins stops at the first failing plugin per node; PreFilter Skip removes the plugin's
// Filter; score weights come from the default profile (apis/config/v1/default_plugins.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CycleState } from './cycle_state.ts';
import type { FilterTraceEntry } from './runtime.ts';
import { DefaultPlugins, newFramework } from './registry.ts';
import { NodeInfo, PodInfo } from './types.ts';
import { Snapshot } from './snapshot.ts';
import { defaultNormalizeScore } from '../plugins/helper/normalize_score.ts';
import { makeNode, makePod } from '../testing/wrappers.ts';

test('default profile: plugin order per extension point and score weights (default_plugins.go)', () => {
  const fw = newFramework();
  assert.deepEqual(DefaultPlugins.map((p) => p.name), [
    'SchedulingGates', 'PrioritySort', 'NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit',
    'PodTopologySpread', 'InterPodAffinity', 'DefaultPreemption', 'NodeResourcesBalancedAllocation', 'ImageLocality',
  ]);
  assert.deepEqual(fw.filterPlugins.map((p) => p.name), ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity']);
  assert.deepEqual(fw.preFilterPlugins.map((p) => p.name), ['NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity']);
  assert.deepEqual(
    fw.scorePlugins.map((p) => `${p.name}:${fw.scorePluginWeight.get(p.name)}`),
    ['TaintToleration:3', 'NodeAffinity:2', 'NodeResourcesFit:1', 'PodTopologySpread:2', 'InterPodAffinity:2', 'NodeResourcesBalancedAllocation:1', 'ImageLocality:1'],
  );
  assert.deepEqual(fw.postFilterPlugins.map((p) => p.name), ['DefaultPreemption']);
  assert.deepEqual(fw.preEnqueuePlugins.map((p) => p.name), ['SchedulingGates']);
  assert.equal(fw.queueSortPlugin?.name, 'PrioritySort');
});

test('RunFilterPlugins stops at the first failure: a cordoned, tainted, too-small node reports only NodeUnschedulable', () => {
  const node = makeNode('n', { cpu: '1', unschedulable: true, taints: [{ key: 'k', effect: 'NoSchedule' }] });
  const fw = newFramework();
  const ni = new NodeInfo(node);
  fw.setSnapshot(new Snapshot([ni]));
  const state = new CycleState();
  const pod = new PodInfo(makePod('p', { cpu: '2' }));
  fw.runPreFilterPlugins(state, pod);
  const trace: FilterTraceEntry[] = [];
  const s = fw.runFilterPlugins(state, pod, ni, trace);
  assert.equal(s?.plugin, 'NodeUnschedulable');
  assert.deepEqual(s?.reasons, ['node(s) were unschedulable']);
  assert.deepEqual(trace.map((t) => t.plugin), ['NodeUnschedulable']);
});

test('PreFilter Skip takes the plugin out of Filter', () => {
  const fw = newFramework();
  fw.setSnapshot(new Snapshot([]));
  const state = new CycleState();
  fw.runPreFilterPlugins(state, new PodInfo(makePod('p')));
  assert.deepEqual([...state.skipFilterPlugins].sort(), ['InterPodAffinity', 'NodeAffinity', 'NodePorts', 'PodTopologySpread']);
  assert.deepEqual(fw.activeFilterPlugins(state).map((p) => p.name), ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeResourcesFit']);
});

test('DefaultNormalizeScore (plugins/helper/normalize_score_test.go)', () => {
  const cases: [number[], boolean, number[]][] = [
    [[10, 20, 30], false, [33, 66, 100]],
    [[10, 20, 30], true, [67, 34, 0]],
    [[0, 0, 0], false, [0, 0, 0]],
    [[0, 0, 0], true, [100, 100, 100]],
    [[1000, 1, 0], false, [100, 0, 0]],
    [[1, 0], true, [0, 100]],
  ];
  for (const [input, reverse, want] of cases) {
    const s = Float64Array.from(input);
    defaultNormalizeScore(100, reverse, s);
    assert.deepEqual(Array.from(s), want, `${input} reverse=${reverse}`);
  }
});
