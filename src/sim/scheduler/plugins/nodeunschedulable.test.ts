// Table tests after pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go
// (TestNodeUnschedulable): reason "node(s) were unschedulable", UnschedulableAndUnresolvable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Toleration } from 'kubernetes-types/core/v1';
import { New, isSchedulableAfterNodeChange } from './nodeunschedulable.ts';
import { QueueingHint } from '../framework/interface.ts';
import { nodeInfosFor, nodeWithCapacity, podWithRequests, runFilter } from '../testing/harness.ts';

test('Filter (TestNodeUnschedulable)', () => {
  const cases: { name: string; unschedulable: boolean; tolerations?: Toleration[]; want: string | null }[] = [
    { name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)', unschedulable: true, want: 'UnschedulableAndUnresolvable: node(s) were unschedulable' },
    { name: 'Schedule pod to normal node', unschedulable: false, want: null },
    { name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)', unschedulable: true, tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }], want: null },
    { name: 'an Exists-everything toleration also tolerates cordon', unschedulable: true, tolerations: [{ operator: 'Exists' }], want: null },
    { name: 'a NoExecute toleration does not', unschedulable: true, tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }], want: 'UnschedulableAndUnresolvable: node(s) were unschedulable' },
  ];
  for (const c of cases) {
    const node = nodeWithCapacity('n', {}, { spec: { unschedulable: c.unschedulable } });
    assert.equal(runFilter(New(), podWithRequests('p', [{}], { tolerations: c.tolerations }), nodeInfosFor([node])).nodes.n, c.want, c.name);
  }
});

test('QueueingHint: uncordon and schedulable node adds requeue (node_unschedulable.go isSchedulableAfterNodeChange)', () => {
  const pod = podWithRequests('p', [{}]);
  const cordoned = nodeWithCapacity('n', {}, { spec: { unschedulable: true } });
  const open = nodeWithCapacity('n', {});
  assert.equal(isSchedulableAfterNodeChange(pod, cordoned, open), QueueingHint.Queue);
  assert.equal(isSchedulableAfterNodeChange(pod, open, cordoned), QueueingHint.QueueSkip);
  assert.equal(isSchedulableAfterNodeChange(pod, null, open), QueueingHint.Queue);
  assert.equal(isSchedulableAfterNodeChange(pod, null, cordoned), QueueingHint.QueueSkip);
});
