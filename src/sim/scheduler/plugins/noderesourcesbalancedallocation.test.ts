// Table tests after pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go
// (v1.35 formula: score = trunc((1 - |f_cpu - f_mem| / 2) × 100), fractions capped at 1, actual
// requests; PreScore Skip for best-effort pods since v1.33, PR #130260).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { New } from './noderesourcesbalancedallocation.ts';
import { nodeInfosFor, nodeWithCapacity, podWithRequests, runScore } from '../testing/harness.ts';

test('BalancedAllocation scores (balanced_allocation_test.go)', () => {
  const cases: { name: string; podReqs: Record<string, string>[]; nodes: [string, Record<string, string>][]; existing: [string, Record<string, string>][]; want: Record<string, number> | 'skip' }[] = [
    {
      name: 'best-effort pod: skipped',
      podReqs: [{}],
      nodes: [['node1', { cpu: '4000', memory: '10000' }]],
      existing: [],
      want: 'skip',
    },
    {
      // node1: cpu 3000/4000 = 0.75, memory 5000/10000 = 0.5 → 1 - 0.125 → 87
      // node2: cpu 3000/6000 = 0.5, memory 5000/10000 = 0.5 → 100
      name: 'nothing scheduled, resources requested, differently sized nodes',
      podReqs: [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }],
      nodes: [['node1', { cpu: '4000', memory: '10000' }], ['node2', { cpu: '6000', memory: '10000' }]],
      existing: [],
      want: { node1: 87, node2: 100 },
    },
    {
      // node1: cpu (6000+3000)/10000 = 0.9, memory (0+5000)/20000 = 0.25 → 1 - 0.325 → 67
      // node2: cpu 0.9, memory (5000+5000)/20000 = 0.5 → 1 - 0.2 → 80
      name: 'resources requested, pods scheduled with resources',
      podReqs: [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }],
      nodes: [['node1', { cpu: '10000', memory: '20000' }], ['node2', { cpu: '10000', memory: '20000' }]],
      existing: [['node1', { cpu: '6000', memory: '0' }], ['node2', { cpu: '6000', memory: '5000' }]],
      want: { node1: 67, node2: 80 },
    },
    {
      // fractions capped at 1: node1 cpu 4000/4000… requested 9000 > 4000 → 1, memory 0.5 → 75
      name: 'requested resources exceed node capacity',
      podReqs: [{ cpu: '3000', memory: '5000' }],
      nodes: [['node1', { cpu: '4000', memory: '10000' }]],
      existing: [['node1', { cpu: '6000', memory: '0' }]],
      want: { node1: 75 },
    },
    {
      name: 'zero node resources: no fractions, std 0 → 100',
      podReqs: [{ cpu: '1000', memory: '2000' }],
      nodes: [['node1', {}]],
      existing: [],
      want: { node1: 100 },
    },
  ];
  for (const c of cases) {
    const infos = nodeInfosFor(
      c.nodes.map(([n, cap]) => nodeWithCapacity(n, cap)),
      c.existing.map(([n, r], i) => podWithRequests(`e${i}`, [r], {}, n)),
    );
    const r = runScore(New(), podWithRequests('p', c.podReqs), infos);
    if (c.want === 'skip') assert.equal(r.skipped, true, c.name);
    else assert.deepEqual(r.normalized, c.want, c.name);
  }
});

test('BalancedAllocation uses actual requests, not the non-zero defaults', () => {
  // only memory requested: cpu fraction 0 (no 100m default), memory 0.5 → 1 - 0.25 → 75
  const infos = nodeInfosFor([nodeWithCapacity('n', { cpu: '1', memory: '1000' })]);
  assert.deepEqual(runScore(New(), podWithRequests('p', [{ memory: '500' }]), infos).normalized, { n: 75 });
});
