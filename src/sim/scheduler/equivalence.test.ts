// The fast path (batch filtering in chunks, scoreBatch, reused buffers) must decide exactly like
// the per-node path the decision record uses: same node (with the same RNG), same FitError text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, Taint } from 'kubernetes-types/core/v1';
import { newFramework } from './framework/registry.ts';
import { SchedulingAlgorithm } from './schedule.ts';
import { cacheWith, makeNode, makePod } from './testing/wrappers.ts';

function rng(seed: number) {
  let s = seed >>> 0;
  return {
    intn(n: number) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s % n;
    },
  };
}

test('fast path and recorded path agree on random clusters', () => {
  const r = rng(42);
  const pick = <T>(xs: T[]): T => xs[r.intn(xs.length)];
  for (let round = 0; round < 40; round++) {
    const numNodes = 1 + r.intn(round < 30 ? 12 : 250);
    const nodes = Array.from({ length: numNodes }, (_, i) => {
      const taints: Taint[] = r.intn(5) === 0 ? [{ key: 'dedicated', value: pick(['a', 'b']), effect: pick(['NoSchedule', 'PreferNoSchedule', 'NoExecute']) }] : [];
      return makeNode(`n${i}`, {
        cpu: pick(['1', '2', '4']),
        memory: pick(['1Gi', '2Gi', '4Gi']),
        pods: pick(['3', '110']),
        labels: { zone: pick(['a', 'b', 'c']), disk: pick(['ssd', 'hdd']) },
        taints,
        unschedulable: r.intn(10) === 0,
      });
    });
    const assigned: Pod[] = [];
    for (let i = 0; i < numNodes * 2; i++) {
      assigned.push(makePod(`e${i}`, { nodeName: `n${r.intn(numNodes)}`, cpu: pick(['100m', '500m', '1']), memory: pick(['64Mi', '512Mi']), labels: { app: pick(['web', 'db']) } }));
    }
    const pod = makePod('p', {
      cpu: pick(['100m', '700m', '1500m', '3']),
      memory: pick(['64Mi', '1Gi']),
      labels: { app: 'web' },
      ...(r.intn(3) === 0 ? { nodeSelector: { disk: 'ssd' } } : {}),
      ...(r.intn(3) === 0 ? { tolerations: [{ key: 'dedicated', operator: 'Exists' }] } : {}),
      ...(r.intn(4) === 0 ? { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: pick(['DoNotSchedule', 'ScheduleAnyway']), labelSelector: { matchLabels: { app: 'web' } } }] } : {}),
      ...(r.intn(4) === 0 ? { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', labelSelector: { matchLabels: { app: 'db' } } }] } } } : {}),
    });
    const seed = r.intn(1 << 30);
    const run = (record: boolean) => {
      const g = rng(seed);
      return new SchedulingAlgorithm(newFramework({ rng: g }), { rng: g }).schedule(pod, cacheWith(nodes, assigned), { record });
    };
    const fast = run(false);
    const slow = run(true);
    assert.equal(fast.ok, slow.ok, `round ${round}`);
    if (fast.ok && slow.ok) {
      assert.equal(fast.node, slow.node, `round ${round}`);
      assert.equal(fast.feasibleNodes, slow.feasibleNodes, `round ${round}`);
    }
    if (!fast.ok && !slow.ok) assert.equal(fast.error.message, slow.error.message, `round ${round}`);
  }
});

test('the cache-wide node flags follow node updates (fast paths for untainted, uncordoned clusters)', () => {
  const nodes = Array.from({ length: 150 }, (_, i) => makeNode(`n${i}`, { cpu: '4', memory: '8Gi' }));
  const cache = cacheWith(nodes);
  const g = rng(1);
  const algo = new SchedulingAlgorithm(newFramework({ rng: g }), { rng: g });
  assert.deepEqual(cache.nodeFlags(), { unschedulable: false, taints: false, preferNoSchedule: false });
  assert.equal(algo.schedule(makePod('a'), cache).ok, true);
  // every node but n7 tainted, then every node but n9 cordoned: the next cycles see it
  for (const n of nodes) if (n.metadata!.name !== 'n7') cache.updateNode(n, makeNode(n.metadata!.name!, { cpu: '4', memory: '8Gi', taints: [{ key: 'k', effect: 'NoSchedule' }] }));
  assert.deepEqual(cache.nodeFlags(), { unschedulable: false, taints: true, preferNoSchedule: false });
  const b = algo.schedule(makePod('b'), cache);
  assert.equal(b.ok && b.node, 'n7');
  for (const n of nodes) cache.updateNode(n, makeNode(n.metadata!.name!, { cpu: '4', memory: '8Gi', unschedulable: n.metadata!.name !== 'n9' }));
  assert.deepEqual(cache.nodeFlags(), { unschedulable: true, taints: false, preferNoSchedule: false });
  const c = algo.schedule(makePod('c'), cache);
  assert.equal(c.ok && c.node, 'n9');
  // PreferNoSchedule on all but n3: TaintToleration's score is no longer uniform and n3 wins
  for (const n of nodes) cache.updateNode(n, makeNode(n.metadata!.name!, { cpu: '4', memory: '8Gi', taints: n.metadata!.name === 'n3' ? [] : [{ key: 'k', effect: 'PreferNoSchedule' }] }));
  assert.equal(cache.nodeFlags().preferNoSchedule, true);
  for (const record of [false, true]) {
    const d = new SchedulingAlgorithm(newFramework({ rng: rng(2) }), { rng: rng(2) }).schedule(makePod('d'), cache, { record });
    assert.equal(d.ok && d.node, 'n3', `record=${record}`);
  }
});
