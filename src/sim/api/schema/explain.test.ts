import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, wordWrap } from './explain.ts';

// Expected output follows kubectl pkg/explain/v2/templates/plaintext.tmpl + funcs.go (read from
// kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/explain/v2) and matches a real v1.35
// transcript of `k explain pod`, `k explain pod.spec.containers`, `k explain pod.spec` and
// `k explain deploy.spec` found in the search index (tabs there are expanded by the terminal:
// `  kind  <string>`, `  apiVersion    <string>`).

function out(target: string, recursive = false): string {
  const r = explain(target, { recursive });
  assert.ok('output' in r, 'error' in r ? r.error : '');
  return r.output;
}

test('explain deployments.spec.strategy (whole output)', () => {
  assert.equal(out('deployments.spec.strategy'), [
    'GROUP:      apps',
    'KIND:       Deployment',
    'VERSION:    v1',
    '',
    'FIELD: strategy <DeploymentStrategy>',
    '',
    '',
    'DESCRIPTION:',
    '    The deployment strategy to use to replace existing pods with new ones.',
    '    DeploymentStrategy describes how to replace existing pods with new ones.',
    '    ',
    'FIELDS:',
    '  rollingUpdate\t<RollingUpdateDeployment>',
    '    Rolling update config params. Present only if DeploymentStrategyType =',
    '    RollingUpdate.',
    '',
    '  type\t<string>',
    '  enum: Recreate, RollingUpdate',
    '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
    '    RollingUpdate.',
    '    ',
    '    Possible enum values:',
    '     - `"Recreate"` Kill all existing pods before creating new ones.',
    '     - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling',
    '    update i.e gradually scale down the old ReplicaSets and scale up the new',
    '    one.',
    '',
    '',
    '',
  ].join('\n'));
});

test('explain pods: header without GROUP for the core group, kind description, TypeMeta fields', () => {
  const o = out('pods');
  assert.ok(o.startsWith([
    'KIND:       Pod',
    'VERSION:    v1',
    '',
    'DESCRIPTION:',
    '    Pod is a collection of containers that can run on a host. This resource is',
    '    created by clients and scheduled onto hosts.',
    '    ',
    'FIELDS:',
    '  apiVersion\t<string>',
    '    APIVersion defines the versioned schema of this representation of an object.',
    '    Servers should convert recognized schemas to the latest internal value, and',
    '    may reject unrecognized values. More info:',
    '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
    '',
    '  kind\t<string>',
  ].join('\n')), o);
  assert.ok(o.includes('\n  metadata\t<ObjectMeta>\n    Standard object\'s metadata. More info:\n'));
  assert.ok(o.includes('\n  spec\t<PodSpec>\n'));
  assert.ok(o.endsWith('    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status\n\n\n'));
});

test('explain pods.spec.tolerations: array of a definition, enum lines, integer type', () => {
  const o = out('pods.spec.tolerations');
  assert.ok(o.startsWith([
    'KIND:       Pod',
    'VERSION:    v1',
    '',
    'FIELD: tolerations <[]Toleration>',
    '',
    '',
    'DESCRIPTION:',
    "    If specified, the pod's tolerations.",
    '    The pod this Toleration is attached to tolerates any taint that matches the',
    '    triple <key,value,effect> using the matching operator <operator>.',
    '    ',
    'FIELDS:',
    '  effect\t<string>',
    '  enum: NoExecute, NoSchedule, PreferNoSchedule',
    '    Effect indicates the taint effect to match. Empty means match all taint',
  ].join('\n')), o);
  // Gt/Lt operators are v1.35 alpha (feature gate TaintTolerationComparisonOperators, fromVersion 1.35)
  assert.ok(o.includes('\n  operator\t<string>\n  enum: Equal, Exists, Gt, Lt\n'));
  assert.ok(o.includes('\n  tolerationSeconds\t<integer>\n'));
  assert.ok(o.includes('\n  value\t<string>\n'));
});

test('explain pod.spec.containers matches the v1.35 transcript layout', () => {
  const o = out('pod.spec.containers');
  assert.ok(o.includes([
    'DESCRIPTION:',
    '    List of containers belonging to the pod. Containers cannot currently be',
    '    added or removed. There must be at least one container in a Pod. Cannot be',
    '    updated.',
    '    A single application container that you want to run within a pod.',
    '    ',
    'FIELDS:',
  ].join('\n')));
  assert.ok(o.includes('\n  name\t<string> -required-\n'));
  assert.ok(o.includes([
    '  imagePullPolicy\t<string>',
    '  enum: Always, IfNotPresent, Never',
    '    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if',
    '    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More',
    '    info: https://kubernetes.io/docs/concepts/containers/images#updating-images',
    '    ',
    '    Possible enum values:',
    '     - `"Always"` means that kubelet always attempts to pull the latest image.',
    '    Container will fail If the pull fails.',
  ].join('\n')));
  assert.ok(o.includes('\n  resources\t<ResourceRequirements>\n'));
  assert.ok(o.includes('\n  restartPolicyRules\t<[]ContainerRestartRule>\n'));
});

test('explain pod.spec: v1.35 fields (workloadRef, hostUsers text) and special types', () => {
  const o = out('po.spec');
  assert.ok(o.includes('\n  workloadRef\t<WorkloadReference>\n    WorkloadRef provides a reference to the Workload object that this Pod\n'));
  assert.ok(!o.includes('schedulingGroup'));
  assert.ok(o.includes('    without actually having root privileges on the host. This field is\n    alpha-level and is only honored by servers that enable the\n    UserNamespacesSupport feature.\n'));
  assert.ok(o.includes('\n  overhead\t<map[string]Quantity>\n'));
  assert.ok(o.includes('\n  nodeSelector\t<map[string]string>\n'));
  assert.ok(o.includes('\n  containers\t<[]Container> -required-\n'));
  const svc = out('svc.spec.ports');
  assert.ok(svc.includes('\n  targetPort\t<IntOrString>\n'));
  assert.ok(svc.includes('\n  port\t<integer> -required-\n'));
  assert.ok(out('pod.metadata').includes('\n  creationTimestamp\t<string>\n'));
});

test('explain of a leaf field with an enum prints the ENUM block', () => {
  assert.ok(out('deploy.spec.strategy.type').startsWith([
    'GROUP:      apps', 'KIND:       Deployment', 'VERSION:    v1', '',
    'FIELD: type <string>', 'ENUM:', '    Recreate', '    RollingUpdate', '', 'DESCRIPTION:',
  ].join('\n')));
  assert.ok(out('pod.spec.nodeName').startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: nodeName <string>\n\n\nDESCRIPTION:\n'));
});

test('explain --recursive lists nested fields without descriptions', () => {
  assert.ok(out('deployments.spec.strategy', true).endsWith([
    'FIELDS:',
    '  rollingUpdate\t<RollingUpdateDeployment>',
    '    maxSurge\t<IntOrString>',
    '    maxUnavailable\t<IntOrString>',
    '  type\t<string>',
    '  enum: Recreate, RollingUpdate',
    '',
    '',
  ].join('\n')));
});

test('explain errors', () => {
  const cases: [string, string][] = [
    // plaintext.tmpl "schema": throw "error: field \"%v\" does not exist" with the LAST path element
    ['pods.spec.foo', 'error: field "foo" does not exist'],
    ['pods.spec.foo.bar', 'error: field "bar" does not exist'],
    ['pods.metadata.labels.app', 'error: field "app" does not exist'],
    // RESTMapper failure
    ['foo', 'error: the server doesn\'t have a resource type "foo"'],
  ];
  for (const [target, want] of cases) assert.deepEqual(explain(target), { error: want }, target);
});

test('explain resolves short names, singular, kind and group-qualified names', () => {
  for (const t of ['deploy', 'deployment', 'Deployment', 'deployments']) assert.ok(out(t).startsWith('GROUP:      apps\nKIND:       Deployment\n'), t);
  assert.ok(out('ev').startsWith('KIND:       Event\nVERSION:    v1\n'));
  assert.ok(out('cj').startsWith('GROUP:      batch\nKIND:       CronJob\n'));
});

test('wordWrap follows go-wordwrap: wraps at spaces, keeps newlines, never splits a long word', () => {
  const cases: [string, number, string][] = [
    ['foo bar baz', 7, 'foo bar\nbaz'],
    ['a\n\nb', 5, 'a\n\nb'],
    ['short https://example.com/a/very/long/url end', 10, 'short\nhttps://example.com/a/very/long/url\nend'],
    ['  leading', 20, '  leading'],
    ['word   ', 5, 'word'], // trailing spaces past the limit are dropped
    ['word ', 10, 'word '],
  ];
  for (const [s, lim, want] of cases) assert.equal(wordWrap(s, lim), want, JSON.stringify(s));
});
