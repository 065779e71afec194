// Tests after pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go
// (TestPostFilter, TestSelectBestCandidate, TestPodEligibleToPreemptOthers): messages
// "preemption: 0/N nodes are available: …", "Preemption is not helpful for scheduling"
// (preemption.go), "No preemption victims found for incoming pod" (SelectVictimsOnNode),
// "not eligible due to preemptionPolicy=Never." (PodEligibleToPreemptOthers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from 'kubernetes-types/core/v1';
import { newFramework } from '../framework/registry.ts';
import { SchedulingAlgorithm } from '../schedule.ts';
import { cacheWith, fixedRng, labCluster, makePod } from '../testing/wrappers.ts';
import { moreImportantPod } from './defaultpreemption.ts';

function schedule(assigned: Pod[], pod: Pod, rng = fixedRng()) {
  const fw = newFramework({ rng });
  return new SchedulingAlgorithm(fw, { rng }).schedule(pod, cacheWith(labCluster(), assigned));
}

test('PostFilter outcomes (default_preemption_test.go TestPostFilter)', () => {
  const low = (n: string, cpu = '1500m', prio = 0, start = '2025-01-01T00:00:00Z') => makePod(`low-${n}`, { nodeName: n, cpu, priority: prio, startTime: start });
  const cases: { name: string; assigned: Pod[]; pod: Pod; message: string; nominated: string | null; victims: string[] }[] = [
    {
      name: 'no victims anywhere',
      assigned: [low('node01', '1500m', 5), low('node02', '1500m', 5)],
      pod: makePod('p', { cpu: '1', priority: 5 }),
      message: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
      nominated: '',
      victims: [],
    },
    {
      name: 'victims exist but removing them is not enough: the filter reason is reported',
      assigned: [low('node01', '500m', 0), makePod('high-node01', { nodeName: 'node01', cpu: '1', priority: 100 }), low('node02', '500m', 0), makePod('high-node02', { nodeName: 'node02', cpu: '1', priority: 100 })],
      pod: makePod('p', { cpu: '1500m', priority: 10 }),
      message: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 Insufficient cpu.',
      nominated: '',
      victims: [],
    },
    {
      name: 'preemption succeeds: nominated node and victims, no PostFilter message',
      assigned: [low('node01', '1500m', 0, '2025-01-01T00:00:00Z'), low('node02', '1500m', 1)],
      pod: makePod('p', { cpu: '1', priority: 10 }),
      message: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.',
      // node01's victim has the lower priority (pickOneNodeForPreemption: lowest highest-priority victim)
      nominated: 'node01',
      victims: ['low-node01'],
    },
  ];
  for (const c of cases) {
    const o = schedule(c.assigned, c.pod);
    assert.equal(o.ok, false, c.name);
    if (o.ok) continue;
    assert.equal(o.error.message, c.message, c.name);
    assert.equal(o.nominatedNodeName, c.nominated, c.name);
    assert.deepEqual(o.victims.map((v) => v.metadata?.name), c.victims, c.name);
  }
});

test('only the victims needed are chosen, most important reprieved first', () => {
  const a = makePod('a', { nodeName: 'node01', cpu: '500m', priority: 3 });
  const b = makePod('b', { nodeName: 'node01', cpu: '500m', priority: 2 });
  const c = makePod('c', { nodeName: 'node01', cpu: '500m', priority: 1 });
  const full = makePod('full', { nodeName: 'node02', cpu: '2', priority: 100 });
  // needs 1 CPU on node01 (2 CPU, 1.5 used): evicting the least important (c) frees enough
  const o = schedule([a, b, c, full], makePod('p', { cpu: '1', priority: 10 }));
  assert.equal(o.ok, false);
  if (o.ok) return;
  assert.equal(o.nominatedNodeName, 'node01');
  assert.deepEqual(o.victims.map((v) => v.metadata?.name), ['c']);
});

test('moreImportantPod: priority, then earlier start (util.MoreImportantPod)', () => {
  const p = (prio: number, start: string) => makePod('x', { priority: prio, startTime: start });
  assert.equal(moreImportantPod(p(2, '2025-01-02T00:00:00Z'), p(1, '2025-01-01T00:00:00Z')), true);
  assert.equal(moreImportantPod(p(1, '2025-01-01T00:00:00Z'), p(1, '2025-01-02T00:00:00Z')), true);
  assert.equal(moreImportantPod(p(1, '2025-01-02T00:00:00Z'), p(1, '2025-01-01T00:00:00Z')), false);
});
