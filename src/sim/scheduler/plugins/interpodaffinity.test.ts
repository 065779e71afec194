// Table tests after pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go
// (TestRequiredAffinitySingleNode, TestRequiredAffinityMultipleNodes) and scoring_test.go
// (TestPreferredAffinity), v1.35: reasons "node(s) didn't match pod affinity rules"
// (UnschedulableAndUnresolvable), "node(s) didn't match pod anti-affinity rules" and
// "node(s) didn't satisfy existing pods anti-affinity rules" (Unschedulable).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Affinity, Node, Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';
import { ErrReasonAffinityRulesNotMatch, ErrReasonAntiAffinityRulesNotMatch, ErrReasonExistingAntiAffinityRulesNotMatch, New } from './interpodaffinity.ts';
import { handleFor, nodeInfosFor, runFilter, runScore } from '../testing/harness.ts';

function node(name: string, labels: Record<string, string>): Node {
  return { metadata: { name, labels }, status: { allocatable: { pods: '110' } } };
}
function pod(name: string, labels: Record<string, string>, affinity?: Affinity, nodeName?: string, ns = 'default'): Pod {
  return { metadata: { name, namespace: ns, uid: name, labels }, spec: { containers: [], ...(affinity ? { affinity } : {}), ...(nodeName ? { nodeName } : {}) } };
}
const term = (key: string, op: string, values: string[], topologyKey: string, extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({
  labelSelector: { matchExpressions: [{ key, operator: op, values }] },
  topologyKey,
  ...extra,
});
const AFF = `UnschedulableAndUnresolvable: ${ErrReasonAffinityRulesNotMatch}`;
const ANTI = `Unschedulable: ${ErrReasonAntiAffinityRulesNotMatch}`;
const EXISTING = `Unschedulable: ${ErrReasonExistingAntiAffinityRulesNotMatch}`;

test('Filter on one node (filtering_test.go TestRequiredAffinitySingleNode)', () => {
  const labelRgChina = { region: 'China' };
  const n = node('machine1', { ...labelRgChina, zone: 'z1', 'kubernetes.io/hostname': 'machine1' });
  const cases: { name: string; pod: Pod; existing: Pod[]; want: string | null; skip?: boolean }[] = [
    { name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods', pod: pod('p', {}), existing: [], want: null, skip: true },
    {
      name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
      pod: pod('p', {}, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan', 'value2'], 'region')] } }),
      existing: [pod('e', { service: 'securityscan' }, undefined, 'machine1')],
      want: null,
    },
    {
      name: 'satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod',
      pod: pod('p', {}, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'NotIn', ['securityscan3', 'value3'], 'region')] } }),
      existing: [pod('e', { service: 'securityscan' }, undefined, 'machine1')],
      want: null,
    },
    {
      name: "Does not satisfy the PodAffinity with labelSelector because of diff Namespace",
      pod: pod('p', {}, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan', 'value2'], 'region', { namespaces: ['DiffNameSpace'] })] } }),
      existing: [pod('e', { service: 'securityscan' }, undefined, 'machine1', 'ns')],
      want: AFF,
    },
    {
      name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
      pod: pod('p', {}, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['antivirusscan', 'value2'], 'region')] } }),
      existing: [pod('e', { service: 'securityscan' }, undefined, 'machine1')],
      want: AFF,
    },
    {
      name: 'the first pod of a self-affine series is allowed',
      pod: pod('p', { service: 'securityscan' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan'], 'region')] } }),
      existing: [],
      want: null,
    },
    {
      name: 'a node without the topology key never satisfies affinity',
      pod: pod('p', { service: 'securityscan' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan'], 'rack')] } }),
      existing: [],
      want: AFF,
    },
    {
      name: 'satisfies the PodAntiAffinity with existing pod but doesn\'t satisfy PodAntiAffinity symmetry with incoming pod',
      pod: pod('p', { service: 'securityscan' }, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['antivirusscan'], 'zone')] } }),
      existing: [pod('e', { service: 'antivirusscan2' }, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan'], 'zone')] } }, 'machine1')],
      want: EXISTING,
    },
    {
      name: "Doesn't satisfy the PodAntiAffinity because of the matching existing pod",
      pod: pod('p', {}, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan'], 'zone')] } }),
      existing: [pod('e', { service: 'securityscan' }, undefined, 'machine1')],
      want: ANTI,
    },
    {
      name: 'anti-affinity by hostname (one replica per node): the node with a replica is rejected',
      pod: pod('p', { app: 'web' }, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('app', 'In', ['web'], 'kubernetes.io/hostname')] } }),
      existing: [pod('e', { app: 'web' }, undefined, 'machine1')],
      want: ANTI,
    },
  ];
  for (const c of cases) {
    const infos = nodeInfosFor([n], c.existing);
    const r = runFilter(New(handleFor(infos)), c.pod, infos);
    if (c.skip) assert.deepEqual(r.preFilter, { code: 'Skip', reasons: [] }, c.name);
    assert.equal(r.nodes.machine1, c.want, c.name);
  }
});

test('Filter across nodes: topology domains (TestRequiredAffinityMultipleNodes)', () => {
  const nodes = [node('nodeA', { region: 'r1', zone: 'z1', hostname: 'h1' }), node('nodeB', { region: 'r1', zone: 'z2', hostname: 'h2' }), node('nodeC', { region: 'r2', zone: 'z3', hostname: 'h3' })];
  const existing = [pod('e', { foo: 'bar' }, undefined, 'nodeA')];
  const affinity = pod('p', {}, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('foo', 'In', ['bar'], 'region')] } });
  const infos = nodeInfosFor(nodes, existing);
  assert.deepEqual(runFilter(New(handleFor(infos)), affinity, infos).nodes, { nodeA: null, nodeB: null, nodeC: AFF });
  const anti = pod('p', {}, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('foo', 'In', ['bar'], 'region')] } });
  assert.deepEqual(runFilter(New(handleFor(infos)), anti, infos).nodes, { nodeA: ANTI, nodeB: ANTI, nodeC: null });
});

test('Score: preferred (anti-)affinity weights by topology (scoring_test.go TestPreferredAffinity)', () => {
  const nodes = [node('node1', { region: 'China', az: 'az1' }), node('node2', { region: 'India', az: 'az2' }), node('node3', { region: 'China', az: 'az2' })];
  const existing = [pod('e1', { security: 'S1' }, undefined, 'node1'), pod('e2', { security: 'S2' }, undefined, 'node2')];
  const pref = (w: number, t: PodAffinityTerm) => ({ weight: w, podAffinityTerm: t });
  const infos = nodeInfosFor(nodes, existing);
  // affinity to security=S1 by region: node1 and node3 (China) get 5, node2 0 → 100, 0, 100
  const aff = pod('p', {}, { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref(5, term('security', 'In', ['S1'], 'region'))] } });
  assert.deepEqual(runScore(New(handleFor(infos)), aff, infos).normalized, { node1: 100, node2: 0, node3: 100 });
  // anti-affinity to security=S1 by region: China nodes −5 → 0, India 100
  const anti = pod('p', {}, { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref(5, term('security', 'In', ['S1'], 'region'))] } });
  assert.deepEqual(runScore(New(handleFor(infos)), anti, infos).normalized, { node1: 0, node2: 100, node3: 0 });
  // no (anti-)affinity anywhere: Skip
  assert.equal(runScore(New(handleFor(infos)), pod('p', {}), infos).skipped, true);
  // an existing pod's required affinity pulls matching pods (hardPodAffinityWeight 1)
  const withReq = nodeInfosFor(nodes, [pod('e', { app: 'db' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('app', 'In', ['web'], 'region')] } }, 'node2')]);
  assert.deepEqual(runScore(New(handleFor(withReq)), pod('p', { app: 'web' }), withReq).normalized, { node1: 0, node2: 100, node3: 0 });
});
