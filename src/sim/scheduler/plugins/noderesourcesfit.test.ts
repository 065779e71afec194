// Table tests after pkg/scheduler/framework/plugins/noderesources/fit_test.go (TestEnoughRequests,
// "Insufficient %v" / "Too many pods" reasons, init-container max rule, sidecars, overhead) and
// least_allocated_test.go (TestLeastAllocatedScoringStrategy expectations), v1.35.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from 'kubernetes-types/core/v1';
import { New, fitsRequest } from './noderesourcesfit.ts';
import { NodeInfo, PodInfo } from '../framework/types.ts';
import { nodeInfosFor, nodeWithCapacity, podWithRequests, runFilter, runScore } from '../testing/harness.ts';

/** node with allocatable cpu 10m, memory 20, pods 32, example.com/aaa 5 — like fit_test.go makeAllocatableResources(10, 20, 32, 5, ...) */
function node(used: Record<string, string>[] = [], alloc: Record<string, string> = { cpu: '10m', memory: '20', pods: '32', 'example.com/aaa': '5', 'ephemeral-storage': '20' }): NodeInfo {
  const ni = new NodeInfo(nodeWithCapacity('n', alloc));
  used.forEach((r, i) => ni.addPod(new PodInfo(podWithRequests(`existing-${i}`, [r], {}, 'n'))));
  return ni;
}

const pod = (reqs: Record<string, string>[], init: Record<string, string>[] = [], extra: Partial<Pod['spec']> = {}) =>
  podWithRequests('p', reqs, { ...(init.length ? { initContainers: init.map((r, i) => ({ name: `i${i}`, image: 'pause', resources: { requests: r } })) } : {}), ...extra });

test('Filter: Insufficient <resource> / Too many pods (fit_test.go TestEnoughRequests)', () => {
  const cases: { name: string; pod: Pod; used: Record<string, string>[]; want: string | null }[] = [
    { name: 'no resources requested always fits', pod: pod([]), used: [{ cpu: '10m', memory: '20' }], want: null },
    { name: 'too many resources fails', pod: pod([{ cpu: '1m', memory: '1' }]), used: [{ cpu: '10m', memory: '20' }], want: 'Unschedulable: Insufficient cpu, Insufficient memory' },
    { name: 'too many resources fails due to init container cpu', pod: pod([{ cpu: '1m', memory: '1' }], [{ cpu: '3m', memory: '1' }]), used: [{ cpu: '8m', memory: '19' }], want: 'Unschedulable: Insufficient cpu' },
    { name: 'too many resources fails due to highest init container cpu', pod: pod([{ cpu: '1m', memory: '1' }], [{ cpu: '3m', memory: '1' }, { cpu: '2m', memory: '1' }]), used: [{ cpu: '8m', memory: '19' }], want: 'Unschedulable: Insufficient cpu' },
    { name: 'too many resources fails due to init container memory', pod: pod([{ cpu: '1m', memory: '1' }], [{ cpu: '1m', memory: '3' }]), used: [{ cpu: '8m', memory: '19' }], want: 'Unschedulable: Insufficient memory' },
    { name: 'init container fits because it is the max, not the sum', pod: pod([{ cpu: '1m', memory: '1' }], [{ cpu: '1m', memory: '1' }]), used: [{ cpu: '9m', memory: '19' }], want: null },
    { name: 'both resources fit', pod: pod([{ cpu: '1m', memory: '1' }]), used: [{ cpu: '5m', memory: '5' }], want: null },
    { name: 'one resource memory fits', pod: pod([{ cpu: '2m', memory: '1' }]), used: [{ cpu: '9m', memory: '5' }], want: 'Unschedulable: Insufficient cpu' },
    { name: 'one resource cpu fits', pod: pod([{ cpu: '1m', memory: '2' }]), used: [{ cpu: '5m', memory: '19' }], want: 'Unschedulable: Insufficient memory' },
    { name: 'equal edge case', pod: pod([{ cpu: '5m', memory: '1' }]), used: [{ cpu: '5m', memory: '19' }], want: null },
    { name: 'equal edge case for init container', pod: pod([{ cpu: '4m', memory: '1' }], [{ cpu: '5m', memory: '1' }]), used: [{ cpu: '5m', memory: '19' }], want: null },
    { name: 'extended resource fits', pod: pod([{ 'example.com/aaa': '1' }]), used: [{ 'example.com/aaa': '0' }], want: null },
    { name: 'extended resource capacity enforced', pod: pod([{ 'example.com/aaa': '10' }]), used: [], want: 'UnschedulableAndUnresolvable: Insufficient example.com/aaa' },
    { name: 'extended resource allocatable enforced', pod: pod([{ 'example.com/aaa': '1' }]), used: [{ 'example.com/aaa': '5' }], want: 'Unschedulable: Insufficient example.com/aaa' },
    { name: 'extended resource unknown to the node', pod: pod([{ 'example.com/bbb': '1' }]), used: [], want: 'UnschedulableAndUnresolvable: Insufficient example.com/bbb' },
    { name: 'ephemeral-storage', pod: pod([{ 'ephemeral-storage': '10' }]), used: [{ 'ephemeral-storage': '15' }], want: 'Unschedulable: Insufficient ephemeral-storage' },
    { name: 'request above the node allocatable is unresolvable (PR #131345)', pod: pod([{ cpu: '11m', memory: '1' }]), used: [], want: 'UnschedulableAndUnresolvable: Insufficient cpu' },
    { name: 'one unresolvable resource makes the whole status unresolvable', pod: pod([{ cpu: '11m', memory: '10' }]), used: [{ memory: '15' }], want: 'UnschedulableAndUnresolvable: Insufficient cpu, Insufficient memory' },
    { name: 'plain init container: the max with the containers, not their sum', pod: pod([{ cpu: '3m' }], [{ cpu: '3m' }]), used: [{ cpu: '5m' }], want: null },
    { name: 'overhead is added to the requests', pod: pod([{ cpu: '4m' }], [], { overhead: { cpu: '2m' } }), used: [{ cpu: '5m' }], want: 'Unschedulable: Insufficient cpu' },
  ];
  for (const c of cases) {
    const r = runFilter(New(), c.pod, [node(c.used)]);
    assert.equal(r.nodes.n, c.want, c.name);
  }
});

test('Filter: sidecar init containers count for the pod lifetime (component-helpers PodRequests)', () => {
  const sidecar = podWithRequests('p', [{ cpu: '3m' }], { initContainers: [{ name: 's', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '3m' } } }] });
  // 3m (container) + 3m (sidecar) = 6m > 10m - 5m
  assert.equal(runFilter(New(), sidecar, [node([{ cpu: '5m' }])]).nodes.n, 'Unschedulable: Insufficient cpu');
  const plainInit = podWithRequests('p', [{ cpu: '3m' }], { initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '3m' } } }] });
  assert.equal(runFilter(New(), plainInit, [node([{ cpu: '5m' }])]).nodes.n, null);
});

test('Filter: Too many pods comes first and is resolvable', () => {
  const ni = node([{ cpu: '1m' }], { cpu: '10m', memory: '20', pods: '1' });
  assert.equal(runFilter(New(), pod([{ cpu: '20m' }]), [ni]).nodes.n, 'UnschedulableAndUnresolvable: Too many pods, Insufficient cpu');
  assert.equal(runFilter(New(), pod([{ cpu: '1m' }]), [ni]).nodes.n, 'Unschedulable: Too many pods');
  assert.equal(fitsRequest(new PodInfo(pod([])).requests, ni)[0].reason, 'Too many pods');
});

test('Score: LeastAllocated (least_allocated_test.go TestLeastAllocatedScoringStrategy)', () => {
  const cases: { name: string; pod: Pod; nodes: [string, Record<string, string>][]; existing: Pod[]; want: Record<string, number> }[] = [
    {
      name: 'nothing scheduled, nothing requested',
      pod: podWithRequests('p'),
      nodes: [['node1', { cpu: '4000', memory: '10000' }], ['node2', { cpu: '4000', memory: '10000' }]],
      existing: [],
      want: { node1: 100, node2: 100 },
    },
    {
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: podWithRequests('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [['node1', { cpu: '4000', memory: '10000' }], ['node2', { cpu: '6000', memory: '10000' }]],
      existing: [],
      want: { node1: 37, node2: 50 },
    },
    {
      name: 'no resources requested, pods scheduled with resources',
      pod: podWithRequests('p'),
      nodes: [['node1', { cpu: '10000', memory: '20000' }], ['node2', { cpu: '10000', memory: '20000' }]],
      existing: [
        podWithRequests('e1', [{ cpu: '3000', memory: '0' }], {}, 'node1'),
        podWithRequests('e2', [{ cpu: '3000', memory: '0' }], {}, 'node1'),
        podWithRequests('e3', [{ cpu: '3000', memory: '0' }], {}, 'node2'),
        podWithRequests('e4', [{ cpu: '3000', memory: '5000' }], {}, 'node2'),
      ],
      want: { node1: 70, node2: 57 },
    },
    {
      name: 'resources requested, pods scheduled with resources',
      pod: podWithRequests('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [['node1', { cpu: '10000', memory: '20000' }], ['node2', { cpu: '10000', memory: '20000' }]],
      existing: [podWithRequests('e1', [{ cpu: '3000', memory: '0' }], {}, 'node1'), podWithRequests('e2', [{ cpu: '3000', memory: '5000' }], {}, 'node2')],
      want: { node1: 57, node2: 45 },
    },
    {
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      pod: podWithRequests('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [['node1', { cpu: '10000', memory: '20000' }], ['node2', { cpu: '10000', memory: '50000' }]],
      existing: [podWithRequests('e1', [{ cpu: '3000', memory: '0' }], {}, 'node1'), podWithRequests('e2', [{ cpu: '3000', memory: '5000' }], {}, 'node2')],
      want: { node1: 57, node2: 60 },
    },
    {
      name: 'requested resources exceed node capacity',
      pod: podWithRequests('p', [{ cpu: '3000', memory: '0' }]),
      nodes: [['node1', { cpu: '4000', memory: '10000' }], ['node2', { cpu: '4000', memory: '10000' }]],
      existing: [podWithRequests('e1', [{ cpu: '3000', memory: '0' }], {}, 'node1'), podWithRequests('e2', [{ cpu: '3000', memory: '5000' }], {}, 'node2')],
      want: { node1: 50, node2: 25 },
    },
    {
      name: 'zero node resources, pods scheduled with resources',
      pod: podWithRequests('p'),
      nodes: [['node1', {}], ['node2', {}]],
      existing: [podWithRequests('e1', [{ cpu: '3000', memory: '0' }], {}, 'node1'), podWithRequests('e2', [{ cpu: '3000', memory: '5000' }], {}, 'node2')],
      want: { node1: 0, node2: 0 },
    },
  ];
  for (const c of cases) {
    const infos = nodeInfosFor(c.nodes.map(([n, cap]) => nodeWithCapacity(n, cap)), c.existing);
    assert.deepEqual(runScore(New(), c.pod, infos).normalized, c.want, c.name);
  }
  // weights: memory 2, cpu 1 → (25×1 + 50×2)/3 = 41 and 50
  const weighted = New(undefined, { scoringStrategy: { type: 'LeastAllocated', resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }] } });
  const infos = nodeInfosFor([nodeWithCapacity('node1', { cpu: '4000', memory: '10000' }), nodeWithCapacity('node2', { cpu: '6000', memory: '10000' })]);
  assert.deepEqual(runScore(weighted, podWithRequests('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]), infos).normalized, { node1: 41, node2: 50 });
});

test('Score: containers without requests count 100m / 200Mi (pod_resources.go non-zero defaults)', () => {
  const infos = nodeInfosFor([nodeWithCapacity('n', { cpu: '1', memory: '1000Mi' })]);
  // cpu (1000-100)*100/1000 = 90, memory (1000Mi-200Mi)*100/1000Mi = 80 → 85
  assert.deepEqual(runScore(New(), podWithRequests('p', [{}]), infos).normalized, { n: 85 });
  // an explicit 0 is not "missing": no default
  assert.deepEqual(runScore(New(), podWithRequests('p', [{ cpu: '0', memory: '0' }]), infos).normalized, { n: 100 });
});

test('Score: MostAllocated', () => {
  const infos = nodeInfosFor([nodeWithCapacity('node1', { cpu: '4000', memory: '10000' }), nodeWithCapacity('node2', { cpu: '6000', memory: '10000' })]);
  const most = New(undefined, { scoringStrategy: { type: 'MostAllocated' } });
  // node1: cpu 3000/4000 → 75, memory 5000/10000 → 50 → 62; node2: 50, 50 → 50
  assert.deepEqual(runScore(most, podWithRequests('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]), infos).normalized, { node1: 62, node2: 50 });
});
