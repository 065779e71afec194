// SchedulerCache (pkg/scheduler/backend/cache/cache.go, node_tree.go): incremental NodeInfo sums,
// node-tree order (zones round robin), image states, terminal pods ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchedulerCache, getZoneKey } from './cache.ts';
import { makeNode, makePod } from '../testing/wrappers.ts';

test('list() interleaves zones round robin, nodes of a zone in insertion order (node_tree.go list)', () => {
  const c = new SchedulerCache();
  const z = (n: string, zone: string) => makeNode(n, { labels: { 'topology.kubernetes.io/zone': zone } });
  for (const n of [z('a1', 'a'), z('a2', 'a'), z('a3', 'a'), z('b1', 'b'), z('c1', 'c'), z('c2', 'c')]) c.addNode(n);
  assert.deepEqual(c.list().map((n) => n.name), ['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
  c.removeNode('b1');
  assert.deepEqual(c.list().map((n) => n.name), ['a1', 'c1', 'a2', 'c2', 'a3']);
  assert.equal(getZoneKey(makeNode('x', { labels: { 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'z' } })), 'r:\u0000:z');
});

test('pods add to and remove from the node sums; terminal pods are ignored', () => {
  const c = new SchedulerCache();
  c.addNode(makeNode('n', { cpu: '2', memory: '2Gi' }));
  c.addPod(makePod('a', { nodeName: 'n', cpu: '500m', memory: '256Mi' }));
  c.addPod(makePod('b', { nodeName: 'n' }));
  c.addPod(makePod('done', { nodeName: 'n', cpu: '1', phase: 'Succeeded' }));
  const ni = c.get('n')!;
  assert.equal(ni.pods.length, 2);
  assert.equal(ni.requested.milliCPU, 500);
  assert.equal(ni.nonZeroRequested.milliCPU, 600);
  assert.equal(ni.nonZeroRequested.memory, 256 * 1024 * 1024 + 200 * 1024 * 1024);
  c.removePod('default/a');
  assert.equal(ni.requested.milliCPU, 0);
  assert.equal(ni.reqMilliCPU, 0);
  assert.equal(ni.pods.length, 1);
  // a pod updated to Succeeded leaves the cache
  c.updatePod(null, makePod('b', { nodeName: 'n', phase: 'Succeeded' }));
  assert.equal(ni.pods.length, 0);
});

test('pods that arrive before their node are attached when it is added', () => {
  const c = new SchedulerCache();
  c.addPod(makePod('static', { nodeName: 'late', cpu: '250m' }));
  c.addNode(makeNode('late'));
  assert.equal(c.get('late')!.requested.milliCPU, 250);
});

test('image states count the nodes that have an image', () => {
  const c = new SchedulerCache();
  const img = { names: ['docker.io/library/nginx:1.27'], sizeBytes: 70 * 1024 * 1024 };
  c.addNode(makeNode('a', { images: [img] }));
  c.addNode(makeNode('b', { images: [img] }));
  c.addNode(makeNode('c'));
  assert.equal(c.get('a')!.imageStates.get('docker.io/library/nginx:1.27')!.numNodes, 2);
  c.removeNode('b');
  assert.equal(c.get('a')!.imageStates.get('docker.io/library/nginx:1.27')!.numNodes, 1);
  assert.equal(c.hasImageStates(), true);
});
