// Table tests after pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go
// (TestImageLocalityPriority): sizes × spread, clamped to [23MB, 1000MB × containers], scaled to 0–100.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from 'kubernetes-types/core/v1';
import { New, calculatePriority, normalizedImageName } from './imagelocality.ts';
import { SchedulerCache } from '../framework/cache.ts';
import { PodInfo } from '../framework/types.ts';
import { CycleState } from '../framework/cycle_state.ts';
import { nodeWithCapacity } from '../testing/harness.ts';

const mb = 1024 * 1024;

function nodeWithImages(name: string, images: [string[], number][]): Node {
  return nodeWithCapacity(name, {}, { status: { allocatable: { pods: '110' }, images: images.map(([names, sizeBytes]) => ({ names, sizeBytes })) } });
}

function scores(images: string[], nodes: Node[]): Record<string, number> {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.addNode(n);
  const pl = New({ snapshot: cache, listers: {}, nominator: null });
  const pod = new PodInfo({ metadata: { name: 'p', namespace: 'default' }, spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } });
  const out: Record<string, number> = {};
  for (const ni of cache.list()) out[ni.name] = pl.score(new CycleState(), pod, ni);
  const b = new Float64Array(cache.list().length);
  pl.scoreBatch(new CycleState(), pod, cache.list(), b);
  assert.deepEqual(Array.from(b), Object.values(out));
  return out;
}

test('Score (image_locality_test.go TestImageLocalityPriority)', () => {
  const node403002000 = nodeWithImages('node1', [
    [['gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'], 40 * mb],
    [['gcr.io/300:latest', 'gcr.io/300:v1'], 300 * mb],
    [['gcr.io/2000:latest'], 2000 * mb],
  ]);
  const node25010 = nodeWithImages('node2', [
    [['gcr.io/250:latest'], 250 * mb],
    [['gcr.io/10:latest', 'gcr.io/10:v1'], 10 * mb],
  ]);
  // two images spread on two nodes, prefer the larger image one:
  // node1: 40MB × 1/2 = 20MB → clamped to 23MB → 0; node2: 250MB × 1/2 = 125MB → 100 × (125−23)/(2000−23) = 5
  assert.deepEqual(scores(['gcr.io/40', 'gcr.io/250'], [node403002000, node25010]), { node1: 0, node2: 5 });
  // node1 has 40 + 300 → (20 + 150) = 170MB → 100 × (170 − 23)/(2000 − 23) = 7
  assert.deepEqual(scores(['gcr.io/40', 'gcr.io/300'], [node403002000, node25010]), { node1: 7, node2: 0 });
  // no image anywhere: 0 everywhere
  assert.deepEqual(scores(['nginx'], [nodeWithCapacity('a'), nodeWithCapacity('b')]), { a: 0, b: 0 });
});

test('normalizedImageName adds :latest only without a tag; calculatePriority clamps', () => {
  assert.equal(normalizedImageName('nginx'), 'nginx:latest');
  assert.equal(normalizedImageName('nginx:1.27'), 'nginx:1.27');
  assert.equal(normalizedImageName('registry:5000/app'), 'registry:5000/app:latest');
  assert.equal(normalizedImageName('docker.io/library/nginx:latest'), 'docker.io/library/nginx:latest');
  assert.equal(calculatePriority(0, 1), 0);
  assert.equal(calculatePriority(5000 * mb, 1), 100);
});
