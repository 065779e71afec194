// The simulator's figures for `npm run bench`: scheduling throughput at 1,000 and 5,000 nodes, a
// 1,000-replica Deployment reaching 1000/1000, `kubectl get pods` latency on 300 pods, and peak memory
// with 5,000 nodes × 50,000 pods. Runs in its own Node process per figure so memory is measured cleanly.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const which = process.argv[2];
if (which) {
  const bench = await import('../src/sim/bench/simbench.ts');
  const figures =
    which === 'scheduler' ? bench.benchScheduler() : which === 'deployment' ? bench.benchDeployment(1000) : which === 'getpods' ? bench.benchGetPods(300) : bench.benchMemory();
  process.stdout.write(JSON.stringify(figures));
  process.exit(0);
}

/** V8 old-space limit of the memory run (see benchSim). */
export const MEMORY_HEAP_MB = 768;

export function benchSim() {
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  for (const part of ['scheduler', 'deployment', 'getpods', 'memory']) {
    // The memory run gives V8 a heap the size of a small machine's share (768 MB old space), so it
    // collects instead of growing: its peak RSS is what the model needs, not what an idle 4 GB heap
    // lets garbage pile up to. It reports the live heap after a final GC too (--expose-gc).
    const flags = part === 'memory' ? [`--max-old-space-size=${MEMORY_HEAP_MB}`, '--expose-gc'] : ['--max-old-space-size=4096'];
    const r = spawnSync(process.execPath, [...flags, self, part], { encoding: 'utf8', timeout: 900_000 });
    if (r.status !== 0) {
      rows.push({ name: part, value: NaN, unit: `failed: ${(r.stderr || '').trim().split('\n').pop()}` });
      continue;
    }
    rows.push(...JSON.parse(r.stdout));
  }
  console.log('\nkubesim');
  for (const f of rows) {
    const goal = f.goal ? `  (goal ${f.goal}: ${f.ok ? 'met' : 'NOT met'})` : '';
    console.log(`  ${f.name.padEnd(48)} ${String(f.value).padStart(10)} ${f.unit}${goal}`);
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && !which) benchSim();
