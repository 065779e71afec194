import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clock } from './clock.ts';
import { Cluster } from '../cluster/cluster.ts';
import { nodeSpec } from '../cluster/nodes.ts';

test('the clock keeps whole milliseconds: a fractional delay or advance rounds up', () => {
  const c = new Clock(1_000);
  const fired: number[] = [];
  c.after(0.4, () => fired.push(c.now()));
  c.after(599.4, () => fired.push(c.now()));
  c.advance(0.5);
  assert.deepEqual(fired, [1_001]);
  assert.equal(c.now(), 1_001);
  c.advance(1_000);
  assert.deepEqual(fired, [1_001, 1_600]);
  assert.ok(Number.isInteger(c.now()));
});

test('a cluster whose workers join at fractional intervals boots (event names need whole milliseconds)', () => {
  // Big clusters join within ten minutes: 600 s / 22 nodes is not a whole number of milliseconds.
  const nodes = [nodeSpec('controlplane', 0, { controlPlane: true })];
  for (let i = 1; i <= 21; i++) nodes.push(nodeSpec(`node${i}`, i));
  const c = Cluster.create({ seed: 1, nodes, minimal: true });
  assert.ok(Number.isInteger(c.clock.now()));
  assert.equal(c.kubelets.size, 22);
});
