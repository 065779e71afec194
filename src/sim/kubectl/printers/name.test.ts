import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { printName, nameLine } from './name.ts';
import { toList, omitManagedFields } from './list.ts';
import { printYAML, printYAMLDocuments } from './yaml.ts';
import { printJSON } from './json.ts';

interface Captured {
  id: string;
  objects: Record<string, object>;
  stdout: string;
}

// testdata/list.json: `kubectl get pods|pod … -o yaml|json|name` captured from kubectl v1.33.1
// offline against a fake apiserver serving pods a and b (kubectl pkg/cmd/get/get.go builds a
// v1 List for several objects; cli-runtime pkg/printers prints it; managedFields are dropped
// unless --show-managed-fields).
const captured: Captured[] = JSON.parse(readFileSync(new URL('./testdata/list.json', import.meta.url), 'utf8'));
const byId = (id: string): Captured => captured.find((c) => c.id === id)!;
const pods = [byId('get pods yaml').objects['pods/a'], byId('get pods yaml').objects['pods/b']];

test('several objects print as a v1 List', () => {
  const list = toList(pods.map(omitManagedFields));
  assert.equal(printYAML(list), byId('get pods yaml').stdout);
  assert.equal(printJSON(list), byId('get pods json').stdout);
  // two names given explicitly also make a List
  assert.equal(printYAML(list), byId('get two pods yaml').stdout);
});

test('one object prints alone; managedFields only on request', () => {
  assert.equal(printYAML(omitManagedFields(pods[0])), byId('get pod yaml').stdout);
  assert.equal(printJSON(omitManagedFields(pods[0])), byId('get pod json').stdout);
  assert.equal(printYAML(pods[0]), byId('get pod yaml managed').stdout);
});

test('-o name and operation lines', () => {
  assert.equal(printName(toList(pods) as never), byId('get pods name').stdout);
  // cli-runtime pkg/printers/name.go: group suffix for non-core kinds, operation after a space.
  assert.equal(nameLine({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, 'created (dry run)'), 'deployment.apps/web created (dry run)\n');
  assert.equal(nameLine({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' } }, 'created', true), 'pod/nginx\n');
  assert.throws(() => nameLine({ metadata: { name: 'x' } }), { message: 'missing kind for resource with name x' });
});

test('printYAMLDocuments separates with ---', () => {
  assert.equal(printYAMLDocuments([{ a: 1 }, { b: 2 }, { c: 3 }]), 'a: 1\n---\nb: 2\n---\nc: 3\n');
});
