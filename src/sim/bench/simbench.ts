/**
 * kubesim benchmarks (`npm run bench` prints them): scheduling throughput, time for a 1,000-replica
 * Deployment to become 1000/1000, peak memory for 5,000 nodes × 50,000 pods, and `kubectl get pods`
 * latency on a 300-pod cluster. Wall-clock time is read here only, to measure the simulator.
 */
import { Cluster } from '../cluster/cluster.ts';
import { nodeSpec } from '../cluster/nodes.ts';
import { runSchedulerBench } from '../scheduler/bench.ts';
import { Session } from '../session.ts';
import { res } from '../apiserver/client.ts';
import type { KubeObject } from '../api/object.ts';

export interface SimBenchFigure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

function deployment(name: string, replicas: number, cpu = '10m'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu, memory: '16Mi' } } }] } },
    },
  };
}

function readyReplicas(c: Cluster, name: string): number {
  return ((c.client.get(res('deployments', 'apps'), 'default', name)?.status as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0);
}

/** A cluster of `workers` big worker nodes, booted without add-ons. */
function bigCluster(workers: number, seed = 1, controllerQps?: number): Cluster {
  const nodes = [nodeSpec('controlplane', 0, { controlPlane: true })];
  for (let i = 1; i <= workers; i++) nodes.push({ ...nodeSpec(`node${String(i).padStart(4, '0')}`, i % 250, { cpu: '64', memoryKi: 256 * 1024 * 1024 }), pods: 250 });
  return Cluster.create({ seed, nodes, minimal: true, controllerQps });
}

export function benchDeployment(replicas = 1000): SimBenchFigure[] {
  const c = bigCluster(Math.ceil(replicas / 200) + 1);
  const t = performance.now();
  const c0 = process.cpuUsage();
  c.client.create(res('deployments', 'apps'), deployment('big', replicas));
  let simMs = 0;
  while (readyReplicas(c, 'big') < replicas && simMs < 600_000) {
    c.clock.advance(1000);
    simMs += 1000;
  }
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c0);
  return [
    { name: `Deployment ${replicas}/${replicas} (wall)`, value: Math.round(wall), unit: `ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU)` },
    { name: `Deployment ${replicas}/${replicas} (simulated)`, value: simMs / 1000, unit: 's' },
  ];
}

export function benchGetPods(pods = 300): SimBenchFigure[] {
  const s = new Session({ seed: 2 });
  for (let i = 1; i <= 3; i++) s.cluster.addNode(`extra${i}`, { cpu: '16' });
  s.cluster.client.create(res('deployments', 'apps'), deployment('many', pods));
  s.cluster.clock.advance(60_000);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    s.run('kubectl get pods');
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return [{ name: `kubectl get pods, ${pods} pods (median)`, value: Number(median.toFixed(2)), unit: 'ms', goal: '< 2 ms', ok: median < 2 }];
}

export function benchScheduler(): SimBenchFigure[] {
  const out: SimBenchFigure[] = [];
  for (const [nodes, pods] of [
    [1000, 20000],
    [5000, 10000],
  ]) {
    const r = runSchedulerBench({ nodes, pods });
    out.push({ name: `scheduling throughput, ${nodes} nodes`, value: Math.round(r.podsPerSecond), unit: `pods/s (${Math.round(r.podsPerCpuSecond)} per CPU-second)`, goal: nodes === 1000 ? '≥ 20000' : undefined, ok: nodes === 1000 ? r.podsPerSecond >= 20000 : undefined });
  }
  return out;
}

/** 5,000 nodes and 50,000 pods in the full model (store, API server, scheduler, controllers, kubelets). */
export function benchMemory(nodes = 5000, pods = 50000): SimBenchFigure[] {
  // Peak RSS as the kernel counts it (getrusage ru_maxrss): every moment of the run, not samples.
  const peakRss = () => Math.max(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss);
  let live = 0;
  const sample = () => {
    live = Math.max(live, process.memoryUsage().heapUsed);
  };
  const t = performance.now();
  const c0 = process.cpuUsage();
  // Memory of the model, not the time to fill it: the controller-manager's client limit is lifted.
  const c = bigCluster(nodes - 1, 1, 1e6);
  sample();
  // `pods` pods in the cluster: the control plane's static pods count (and the simulator's cluster
  // limit is 50,000 pods).
  const replicas = pods - c.store.count('/registry/pods/');
  c.client.create(res('deployments', 'apps'), deployment('fill', replicas, '1m'));
  let simMs = 0;
  while (readyReplicas(c, 'fill') < replicas && simMs < 300_000) {
    c.clock.advance(10_000);
    simMs += 10_000;
    sample();
  }
  const running = readyReplicas(c, 'fill');
  const peak = peakRss();
  const cpu = process.cpuUsage(c0);
  // The model's live data: the heap after a full collection (when the process runs with --expose-gc).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const liveAfter = gc ? process.memoryUsage().heapUsed : NaN;
  const heapLimit = process.execArgv.find((a) => a.startsWith('--max-old-space-size='))?.split('=')[1];
  return [
    { name: `peak memory, ${nodes} nodes × ${pods} pods (RSS)`, value: Math.round(peak / 1024 / 1024), unit: `MB${heapLimit ? ` (V8 old space limit ${heapLimit} MB)` : ''}`, goal: '< 1024 MB', ok: peak < 1024 ** 3 },
    { name: `  JS heap in use, highest sample`, value: Math.round(live / 1024 / 1024), unit: 'MB' },
    { name: `  JS heap live after the run (after a full GC)`, value: Math.round(liveAfter / 1024 / 1024), unit: 'MB' },
    { name: `  pods running (replicas ready + control plane)`, value: running + pods - replicas, unit: `pods in ${((performance.now() - t) / 1000).toFixed(1)} s wall (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU), ${simMs / 1000} s simulated` },
  ];
}
