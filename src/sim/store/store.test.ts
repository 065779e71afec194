import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from './store.ts';

// etcd keeps one value per key; the API server's update is a changed copy of the stored object
// (k8s.io/apiserver pkg/registry/generic/registry/store.go Update: GuaranteedUpdate on a copy).
// The simulator's store shares the unchanged parts of that copy with the value it replaces. The
// container carries a long command, so its content is too big for the store's table of small parts.
const command = ['sh', '-c', 'x'.repeat(300)];
const pod = (phase: string, image = 'nginx:1.27') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image, command, volumeMounts: [{ name: 'token', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }], nodeName: 'node01' },
  status: { phase },
});

test('an update shares the parts equal to the stored value and keeps the changed ones', () => {
  const s = new Store();
  const first = s.put('/registry/pods/default/web', pod('Pending')).value as ReturnType<typeof pod>;
  const second = s.put('/registry/pods/default/web', pod('Running')).value as ReturnType<typeof pod>;
  assert.equal(second.spec, first.spec);
  assert.equal(second.metadata, first.metadata);
  assert.notEqual(second.status, first.status);
  assert.equal(second.status.phase, 'Running');
  assert.ok(Object.isFrozen(second.spec));
  assert.deepEqual(JSON.parse(JSON.stringify(second)), pod('Running'));
});

test('a changed field inside a part keeps that part new and shares its unchanged siblings', () => {
  const s = new Store();
  const first = s.put('/registry/pods/default/web', pod('Running')).value as ReturnType<typeof pod>;
  const second = s.put('/registry/pods/default/web', pod('Running', 'nginx:1.28')).value as ReturnType<typeof pod>;
  assert.notEqual(second.spec, first.spec);
  assert.equal(second.spec.containers[0].image, 'nginx:1.28');
  assert.equal((second.spec.containers[0] as { command: string[] }).command, (first.spec.containers[0] as { command: string[] }).command);
  assert.equal(second.status, first.status);
});

test('equal content in another key order is not shared (JSON output differs)', () => {
  const s = new Store();
  const first = s.put('/registry/pods/default/web', { metadata: { name: 'web' }, spec: { a: 1, b: 2 } }).value as { spec: object };
  const second = s.put('/registry/pods/default/web', { metadata: { name: 'web' }, spec: { b: 2, a: 1 } }).value as { spec: object };
  assert.notEqual(second.spec, first.spec);
  assert.equal(JSON.stringify(second.spec), '{"b":2,"a":1}');
});
