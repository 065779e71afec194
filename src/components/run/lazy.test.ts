/**
 * The browser's simulator loads part of its code on demand, guessed from the words of what is about
 * to run (lazy.ts); a wrong guess is caught (the worker loads everything and replays the session)
 * but costs the learner a second run. This test holds the guesses to the notes: every block of every
 * page, run alone as the page runs it, calls only lazy modules its words asked for (or modules those
 * import, which load with them). Which module code ran is read from V8's precise coverage.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session as Inspector } from 'node:inspector/promises';
import { Session } from '../../sim/session.ts';
import { allPages } from '../../lib/run/extract.ts';
import { seedOf, execStep } from '../../lib/run/runner.ts';
import { stepsFor } from '../../lib/run/blocks.ts';
import { LAZY_MODULES, STAND_IN_EVERYWHERE, wantedModules, wordsOf } from './lazy.ts';
import { stepOp } from '../../lib/run/state.ts';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keyOfPath = (path: string) => relative(SRC, path).replace(/\\/g, '/');

/** A lazy module loads the real modules it imports (except the stand-ins everywhere): the closure of `keys`. */
function withImports(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const todo = [...keys];
  for (let k = todo.pop(); k !== undefined; k = todo.pop()) {
    if (out.has(k)) continue;
    out.add(k);
    const file = join(SRC, k);
    for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+\.ts)'/gm)) {
      const dep = keyOfPath(resolve(dirname(file), m[1]));
      if (LAZY_MODULES.includes(dep) && !STAND_IN_EVERYWHERE.includes(dep)) todo.push(dep);
    }
  }
  return out;
}

test('wantedModules: words name modules; unrelated text names none', () => {
  assert.deepEqual(wantedModules(['kubectl get pods']), []);
  assert.ok(wantedModules(['kubectl describe pod web']).includes('sim/kubectl/describe/describe.ts'));
  assert.ok(wantedModules(['spec:\n  containers:\n  - name: c\n    command: ["sleep", "3600"]']).includes('sim/kubelet/exec.ts'));
  assert.ok(withImports(['sim/kubectl/cmd/annotate.ts']).has('sim/kubectl/cmd/label.ts'));
});

test('every block of every note calls only the on-demand code its words load', async () => {
  const inspector = new Inspector();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  const lazyFiles = new Map(LAZY_MODULES.map((k) => [`file://${join(SRC, k)}`, k]));
  /** Lazy modules whose functions ran since the last call (module bodies excluded: they run at import). */
  const ran = async (): Promise<Set<string>> => {
    const { result } = await inspector.post('Profiler.takePreciseCoverage');
    const out = new Set<string>();
    for (const script of result) {
      const key = lazyFiles.get(script.url);
      if (!key) continue;
      if (script.functions.some((f) => f.functionName !== '' && f.ranges[0].count > 0)) out.add(key);
    }
    return out;
  };
  const misses: string[] = [];
  const everRan = new Set<string>();
  let blocks = 0;
  try {
    for (const page of allPages().filter((p) => p.blocks.length)) {
      for (const block of page.blocks) {
        // The boot runs before the worker has loaded anything: it may call no on-demand code.
        await ran();
        const session = new Session({ seed: seedOf(page.slug) });
        const atBoot = await ran();
        if (atBoot.size) misses.push(`${page.file}: the cluster's boot calls ${[...atBoot].join(', ')}`);
        const { steps } = stepsFor(page.blocks, block, block.action, new Set());
        // What the worker's guess reads (sim.worker.ts prepare): the setup and each step's op.
        const words = [page.setup, ...steps.map(stepOp).flatMap(wordsOf)];
        const allowed = withImports(wantedModules(words));
        if (page.setup) session.run(page.setup);
        for (const step of steps) execStep(session, step);
        const called = await ran();
        for (const k of called) everRan.add(k);
        const missed = [...called].filter((k) => !allowed.has(k));
        blocks++;
        if (missed.length) misses.push(`${page.file} #${block.n} ${block.id}: ${missed.join(', ')}`);
      }
    }
  } finally {
    await inspector.post('Profiler.stopPreciseCoverage');
    inspector.disconnect();
  }
  assert.ok(blocks > 100, `${blocks} blocks`);
  // The coverage sees on-demand code run (the notes describe pods, print YAML, exec into containers).
  for (const k of ['sim/kubectl/describe/describe.ts', 'sim/kubectl/yaml/goyaml/emitter.ts', 'sim/kubelet/exec.ts']) assert.ok(everRan.has(k), `${k} never ran`);
  assert.deepEqual(misses, [], `${misses.length} of ${blocks} blocks would load everything and replay on their first run`);
});
