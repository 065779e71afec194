/**
 * Scheduler throughput benchmark: builds N nodes in a SchedulerCache, then schedules M pods one
 * after the other through the default profile (PreFilter → Filter → Score → selectHost), assuming
 * each onto its node so later cycles see it. Returns pods/s of the whole loop (PodInfo creation,
 * the cycle, and the cache update).
 *
 *   import { runSchedulerBench } from './src/sim/scheduler/bench.ts';
 *   runSchedulerBench({ nodes: 1000, pods: 20000 })  // → { podsPerSecond, ... }
 *
 * Run directly: `npx node src/sim/scheduler/bench.ts [nodes] [pods]`.
 * This is the one place that reads the wall clock (performance.now), to measure itself.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { newFramework } from './framework/registry.ts';
import { SchedulerCache } from './framework/cache.ts';
import { PodInfo } from './framework/types.ts';
import { SchedulingAlgorithm } from './schedule.ts';
import { makeNode, makePod } from './testing/wrappers.ts';

export interface BenchOptions {
  nodes: number;
  pods: number;
  /** Seed of the tie-break RNG. */
  seed?: number;
  /** Build the full decision record every cycle. */
  record?: boolean;
  /** Pods owned by a ReplicaSet behind a Service (turns on the default topology spreading). */
  spread?: boolean;
  /** Per-node allocatable. */
  nodeCpu?: string;
  nodeMemory?: string;
}

export interface BenchResult {
  nodes: number;
  pods: number;
  scheduled: number;
  unschedulable: number;
  /** Wall-clock time of the scheduling loop. */
  ms: number;
  /** CPU time of this process during the loop (robust when the machine is busy). */
  cpuMs: number;
  /** pods / wall-clock second */
  podsPerSecond: number;
  /** pods / CPU second */
  podsPerCpuSecond: number;
}

/** mulberry32, like src/sim/clock/rng.ts */
function rng(seed: number): { intn(n: number): number } {
  let s = seed >>> 0;
  return {
    intn(n: number) {
      let t = (s = (s + 0x6d2b79f5) >>> 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    },
  };
}

/** user+system CPU ms of this process (0 where process.cpuUsage is unavailable, e.g. a browser). */
function cpuNow(): number {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (!p?.cpuUsage) return 0;
  const u = p.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function runSchedulerBench(opts: BenchOptions): BenchResult {
  const r = rng(opts.seed ?? 1);
  const cache = new SchedulerCache();
  for (let i = 0; i < opts.nodes; i++) {
    cache.addNode(makeNode(`node-${i}`, { cpu: opts.nodeCpu ?? '8', memory: opts.nodeMemory ?? '32Gi', pods: '110', labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}` } }));
  }
  const listers = opts.spread
    ? {
        services: () => [{ metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } }],
        replicaSet: () => ({ metadata: { name: 'web-abc', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template: {} } }),
      }
    : {};
  const fw = newFramework({ rng: r, listers });
  const algo = new SchedulingAlgorithm(fw, { rng: r });
  const pods: Pod[] = [];
  for (let i = 0; i < opts.pods; i++) {
    pods.push(
      makePod(`pod-${i}`, {
        cpu: '100m',
        memory: '128Mi',
        labels: { app: 'web' },
        ...(opts.spread ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-uid', controller: true }] } : {}),
      }),
    );
  }
  let scheduled = 0;
  let unschedulable = 0;
  const c0 = cpuNow();
  const t0 = performance.now();
  for (const pod of pods) {
    const pi = new PodInfo(pod);
    const o = algo.schedule(pi, cache, { record: opts.record });
    if (o.ok) {
      cache.assumePod(pod, o.node, pi);
      scheduled++;
    } else {
      unschedulable++;
    }
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuNow() - c0;
  return { nodes: opts.nodes, pods: opts.pods, scheduled, unschedulable, ms, cpuMs, podsPerSecond: (opts.pods / ms) * 1000, podsPerCpuSecond: (opts.pods / cpuMs) * 1000 };
}

// `npx node src/sim/scheduler/bench.ts [nodes] [pods]`
if (import.meta.main) {
  const n = Number(process.argv[2] ?? 1000);
  const m = Number(process.argv[3] ?? 20000);
  for (const spread of [false, true]) {
    const res = runSchedulerBench({ nodes: n, pods: m, spread });
    console.log(
      `${n} nodes, ${m} pods${spread ? ' (RS+Service: default spreading)' : ''}: ${Math.round(res.podsPerSecond)} pods/s wall, ${Math.round(res.podsPerCpuSecond)} pods/CPU-s (${res.ms.toFixed(0)} ms wall, ${res.cpuMs.toFixed(0)} ms CPU, ${res.unschedulable} unschedulable)`,
    );
  }
}
