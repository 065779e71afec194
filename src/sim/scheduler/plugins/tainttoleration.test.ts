// Table tests after pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go
// (TestTaintTolerationFilter, TestTaintTolerationScore) and api core/v1 toleration_test.go
// (ToleratesTaint). The v1.35 filter reason "node(s) had untolerated taint(s)" comes from
// kubernetes PR #134740 (CHANGELOG-1.35).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { ErrReasonUntoleratedTaint, New } from './tainttoleration.ts';
import { toleratesTaint } from '../util/corev1.ts';
import { nodeInfosFor, nodeWithCapacity, podWithRequests, runFilter, runScore } from '../testing/harness.ts';

const nodeWithTaints = (name: string, taints: Taint[]) => nodeWithCapacity(name, {}, { spec: { taints } });
const podWithTolerations = (tolerations: Toleration[]) => podWithRequests('p', [{}], { tolerations });

test('Filter (taint_toleration_test.go TestTaintTolerationFilter)', () => {
  const untolerated = `UnschedulableAndUnresolvable: ${ErrReasonUntoleratedTaint}`;
  const cases: { name: string; tolerations: Toleration[]; taints: Taint[]; want: string | null }[] = [
    { name: 'a pod having no tolerations cannot be scheduled onto a node with nonempty taints', tolerations: [], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: untolerated },
    { name: 'a pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule', tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: null },
    { name: 'a pod which cannot be scheduled on a dedicated node assigned to user2 with effect NoSchedule', tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: untolerated },
    { name: 'a pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node', tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }], taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: null },
    {
      name: 'a pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
      taints: [{ key: 'dedicated', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }],
      want: null,
    },
    { name: "a pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node", tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }], taints: [{ key: 'foo', value: 'blah', effect: 'NoSchedule' }], want: untolerated },
    { name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node', tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }], taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], want: null },
    { name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node", tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], want: null },
    { name: "The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node", tolerations: [], taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], want: null },
    { name: 'NoExecute taints are filtered too', tolerations: [], taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }], want: untolerated },
    { name: 'an empty key with operator Exists tolerates everything', tolerations: [{ operator: 'Exists' }], taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', value: 'c', effect: 'NoExecute' }], want: null },
    { name: 'the kubeadm control-plane taint', tolerations: [], taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], want: untolerated },
  ];
  for (const c of cases) {
    const r = runFilter(New(), podWithTolerations(c.tolerations), nodeInfosFor([nodeWithTaints('n', c.taints)]));
    assert.equal(r.nodes.n, c.want, c.name);
  }
});

test('Filter: the pre-v1.35 reason names the first untolerated taint (legacyReasonWithTaint)', () => {
  const r = runFilter(New(undefined, { legacyReasonWithTaint: true }), podWithTolerations([]), nodeInfosFor([nodeWithTaints('n', [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])]));
  assert.equal(r.nodes.n, 'UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
});

test('Score: fewer intolerable PreferNoSchedule taints score higher (TestTaintTolerationScore)', () => {
  const cases: { name: string; tolerations: Toleration[]; nodes: [string, Taint[]][]; want: Record<string, number> }[] = [
    {
      name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
      nodes: [['nodeA', [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }]], ['nodeB', [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }]]],
      want: { nodeA: 100, nodeB: 0 },
    },
    {
      name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
      tolerations: [{ key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' }],
      nodes: [
        ['nodeA', []],
        ['nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]],
        ['nodeC', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }]],
      ],
      want: { nodeA: 100, nodeB: 100, nodeC: 100 },
    },
    {
      name: 'the more intolerable taints a node has, the lower score it gets.',
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
      nodes: [
        ['nodeA', []],
        ['nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]],
        ['nodeC', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }]],
      ],
      want: { nodeA: 100, nodeB: 50, nodeC: 0 },
    },
    {
      name: 'only taints and tolerations that have effect PreferNoSchedule are checked by prioritizeNodes function',
      tolerations: [{ key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' }, { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' }],
      nodes: [
        ['nodeA', []],
        ['nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }]],
        ['nodeC', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }, { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }]],
      ],
      want: { nodeA: 100, nodeB: 100, nodeC: 0 },
    },
    {
      name: 'Default behaviour No taints and tolerations, lands on node with no taints',
      tolerations: [],
      nodes: [['nodeA', []], ['nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]]],
      want: { nodeA: 100, nodeB: 0 },
    },
  ];
  for (const c of cases) {
    const infos = nodeInfosFor(c.nodes.map(([n, t]) => nodeWithTaints(n, t)));
    assert.deepEqual(runScore(New(), podWithTolerations(c.tolerations), infos).normalized, c.want, c.name);
  }
});

test('ToleratesTaint (core/v1 toleration_test.go)', () => {
  const cases: [Toleration, Taint, boolean][] = [
    [{ key: 'foo', operator: 'Exists', effect: 'NoExecute' }, { key: 'foo', effect: 'NoExecute' }, true],
    [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoExecute' }, { key: 'foo', value: 'bar', effect: 'NoExecute' }, true],
    [{ key: 'foo', value: 'bar', effect: 'NoExecute' }, { key: 'foo', value: 'bar', effect: 'NoExecute' }, true],
    [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoExecute' }, { key: 'foo', value: 'baz', effect: 'NoExecute' }, false],
    [{ key: 'foo', operator: 'Exists' }, { key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }, true],
    [{ operator: 'Exists' }, { key: 'anything', effect: 'NoSchedule' }, true],
    [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }, { key: 'foo', effect: 'NoExecute' }, false],
    [{ key: 'foo', operator: 'Equal' }, { key: 'foo', effect: 'NoSchedule' }, true],
    [{ key: 'bar', operator: 'Exists' }, { key: 'foo', effect: 'NoSchedule' }, false],
    [{ key: 'foo', operator: 'Lt', value: '5' }, { key: 'foo', value: '3', effect: 'NoSchedule' }, false],
  ];
  for (const [tol, taint, want] of cases) assert.equal(toleratesTaint(tol, taint), want, `${JSON.stringify(tol)} vs ${JSON.stringify(taint)}`);
});
