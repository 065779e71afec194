// Table tests after pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go
// (TestNodeAffinity, TestNodeAffinityPriority, PreFilterResult for metadata.name) and
// component-helpers scheduling/corev1/nodeaffinity/nodeaffinity_test.go (operators, matchFields).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NodeSelectorTerm, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';
import { ErrReasonConflict, ErrReasonEnforced, ErrReasonPod, New } from './nodeaffinity.ts';
import { nodeInfosFor, nodeWithCapacity, podWithRequests, runFilter, runScore } from '../testing/harness.ts';

const node = (name: string, labels: Record<string, string>) => nodeWithCapacity(name, {}, { metadata: { name, labels } });
const required = (terms: NodeSelectorTerm[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
const NOT_MATCH = `UnschedulableAndUnresolvable: ${ErrReasonPod}`;

test('Filter: nodeSelector and required terms with every operator (TestNodeAffinity)', () => {
  const labels = { foo: 'bar', zone: 'a', kernel: '5', gpu: '' };
  const cases: { name: string; spec: object; want: string | null }[] = [
    { name: 'no selector', spec: {}, want: null },
    { name: 'missing labels', spec: { nodeSelector: { baz: 'blah' } }, want: NOT_MATCH },
    { name: 'same labels', spec: { nodeSelector: { foo: 'bar' } }, want: null },
    { name: 'node labels are superset', spec: { nodeSelector: { foo: 'bar', zone: 'a' } }, want: null },
    { name: 'node labels are subset', spec: { nodeSelector: { foo: 'bar', baz: 'blah' } }, want: NOT_MATCH },
    { name: 'In', spec: required([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'bar'] }] }]), want: null },
    { name: 'In, no value matches', spec: required([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1'] }] }]), want: NOT_MATCH },
    { name: 'NotIn', spec: required([{ matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['bar'] }] }]), want: NOT_MATCH },
    { name: 'NotIn on a missing label matches', spec: required([{ matchExpressions: [{ key: 'nope', operator: 'NotIn', values: ['x'] }] }]), want: null },
    { name: 'Exists', spec: required([{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }]), want: null },
    { name: 'DoesNotExist', spec: required([{ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }]), want: NOT_MATCH },
    { name: 'Gt', spec: required([{ matchExpressions: [{ key: 'kernel', operator: 'Gt', values: ['4'] }] }]), want: null },
    { name: 'Gt fails', spec: required([{ matchExpressions: [{ key: 'kernel', operator: 'Gt', values: ['5'] }] }]), want: NOT_MATCH },
    { name: 'Lt', spec: required([{ matchExpressions: [{ key: 'kernel', operator: 'Lt', values: ['6'] }] }]), want: null },
    { name: 'Gt on a non-integer label value does not match', spec: required([{ matchExpressions: [{ key: 'foo', operator: 'Gt', values: ['1'] }] }]), want: NOT_MATCH },
    { name: 'Gt with a non-integer value is a parse error: the term does not match', spec: required([{ matchExpressions: [{ key: 'kernel', operator: 'Gt', values: ['x'] }] }]), want: NOT_MATCH },
    { name: 'expressions of a term are ANDed', spec: required([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }, { key: 'zone', operator: 'In', values: ['b'] }] }]), want: NOT_MATCH },
    { name: 'terms are ORed', spec: required([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }, { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }]), want: null },
    { name: 'an empty term matches nothing', spec: required([{}]), want: NOT_MATCH },
    { name: 'nodeSelector and affinity are ANDed', spec: { nodeSelector: { foo: 'bar' }, ...required([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }]) }, want: NOT_MATCH },
    { name: 'matchFields metadata.name In', spec: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }]), want: null },
    { name: 'matchFields metadata.name NotIn', spec: required([{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node1'] }] }]), want: NOT_MATCH },
    { name: 'matchFields with two values is invalid', spec: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1', 'node2'] }] }]), want: NOT_MATCH },
  ];
  for (const c of cases) {
    const r = runFilter(New(), podWithRequests('p', [{}], c.spec), nodeInfosFor([node('node1', labels)]));
    assert.equal(r.nodes.node1 ?? null, c.want, c.name);
  }
});

test('PreFilter: Skip without node affinity; node names narrow the cycle (node_affinity.go PreFilter)', () => {
  const infos = nodeInfosFor([node('node1', {}), node('node2', {})]);
  assert.deepEqual(runFilter(New(), podWithRequests('p', [{}]), infos).preFilter, { code: 'Skip', reasons: [] });
  const byName = required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2', 'node3'] }] }]);
  assert.deepEqual(runFilter(New(), podWithRequests('p', [{}], byName), infos).preFilterResult, ['node1', 'node2', 'node3']);
  const mixed = required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }, { matchExpressions: [{ key: 'x', operator: 'Exists' }] }]);
  assert.equal(runFilter(New(), podWithRequests('p', [{}], mixed), infos).preFilterResult, null);
  const conflict = required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }, { key: 'metadata.name', operator: 'In', values: ['node2'] }] }]);
  assert.deepEqual(runFilter(New(), podWithRequests('p', [{}], conflict), infos).preFilter, { code: 'UnschedulableAndUnresolvable', reasons: [ErrReasonConflict] });
});

test('Filter: the profile addedAffinity (NodeAffinityArgs)', () => {
  const pl = New(undefined, { addedAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } });
  const r = runFilter(pl, podWithRequests('p', [{}]), nodeInfosFor([node('node1', { zone: 'a' }), node('node2', { zone: 'b' })]));
  assert.deepEqual(r.nodes, { node1: null, node2: `UnschedulableAndUnresolvable: ${ErrReasonEnforced}` });
});

test('Score: preferred terms, normalised to 100 (TestNodeAffinityPriority)', () => {
  const pref = (terms: PreferredSchedulingTerm[]) => ({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } } });
  const affinity1 = pref([{ weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } }]);
  const affinity2 = pref([
    { weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
    { weight: 4, preference: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] } },
    { weight: 5, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }, { key: 'key', operator: 'In', values: ['value'] }, { key: 'az', operator: 'In', values: ['az1'] }] } },
  ]);
  const label1 = { foo: 'bar' };
  const label2 = { key: 'value' };
  const label3 = { az: 'az1' };
  const label5 = { foo: 'bar', key: 'value', az: 'az1' };
  const cases: { name: string; spec: object; nodes: [string, Record<string, string>][]; want: Record<string, number> | 'skip' }[] = [
    { name: 'all nodes are same priority as NodeAffinity is nil', spec: {}, nodes: [['node1', label1], ['node2', label2]], want: 'skip' },
    { name: 'no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes priority = 0', spec: affinity1, nodes: [['node1', label2], ['node2', label3]], want: { node1: 0, node2: 0 } },
    { name: 'only node1 matches the preferred scheduling requirements of pod', spec: affinity1, nodes: [['node1', label1], ['node2', label2], ['node3', label3]], want: { node1: 100, node2: 0, node3: 0 } },
    { name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities', spec: affinity2, nodes: [['node1', label1], ['node5', label5], ['node2', label2]], want: { node1: 18, node5: 100, node2: 36 } },
  ];
  for (const c of cases) {
    const r = runScore(New(), podWithRequests('p', [{}], c.spec), nodeInfosFor(c.nodes.map(([n, l]) => node(n, l))));
    if (c.want === 'skip') assert.equal(r.skipped, true, c.name);
    else assert.deepEqual(r.normalized, c.want, c.name);
  }
});
