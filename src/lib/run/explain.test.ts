import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFailedScheduling, reasonKo } from './explain.ts';

// Reason texts: kubernetes/kubernetes pkg/scheduler/framework/plugins/* (v1.35): nodeunschedulable
// ErrReasonUnschedulable, nodename ErrReason, tainttoleration (untolerated taint message),
// nodeaffinity ErrReasonPod, noderesources fit.go ("Insufficient %v", "Too many pods"), nodeports
// ErrReason, podtopologyspread ErrReasonConstraintsNotMatch, interpodaffinity ErrReason*,
// defaultpreemption ("No preemption victims found for incoming pod", "Preemption is not helpful
// for scheduling"), schedule_one.go ErrNoNodesAvailable.
test('every scheduler reason the notes meet has a Korean explanation', () => {
  const reasons = [
    'node(s) were unschedulable',
    "node(s) didn't match the requested node name",
    'node(s) had untolerated taint {app: blue}',
    'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    'node(s) had untolerated taint {node.kubernetes.io/unreachable: }',
    'node(s) had untolerated taint(s)',
    "node(s) didn't match Pod's node affinity/selector",
    'Insufficient cpu',
    'Insufficient memory',
    'Too many pods',
    "node(s) didn't have free ports for the requested pod ports",
    "node(s) didn't match pod topology spread constraints",
    "node(s) didn't match pod anti-affinity rules",
    "node(s) didn't satisfy existing pods anti-affinity rules",
    'No preemption victims found for incoming pod',
    'Preemption is not helpful for scheduling',
    'no nodes available to schedule pods',
  ];
  for (const r of reasons) assert.notEqual(reasonKo(r), '', r);
  assert.match(reasonKo('node(s) had untolerated taint {app: blue}'), /\{app: blue\}/);
  assert.match(reasonKo('Insufficient memory'), /^메모리가 모자랍니다/);
  assert.equal(reasonKo('something new'), '');
});

test('readFailedScheduling: the message part by part, with the preemption part', () => {
  const m = readFailedScheduling('0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.');
  assert.equal(m.head, '0/3 nodes are available');
  assert.deepEqual(m.parts.map((p) => [p.count, p.text]), [[1, '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], [2, '2 Insufficient cpu']]);
  assert.deepEqual(m.preemption?.parts.map((p) => p.count), [1, 2]);
  assert.ok([...m.parts, ...m.preemption!.parts].every((p) => p.ko));
  const none = readFailedScheduling('no nodes available to schedule pods');
  assert.equal(none.parts.length, 1);
  assert.notEqual(none.parts[0].ko, '');
});
