// `npm test`: type check, unit tests, build, end-to-end tests — in that order. Prints one line per
// step and ends with "N passed, N failed" (unit + e2e tests; a failed check or build counts as one
// failure). Exits non-zero on any failure.
import { NODE, ASTRO, run, nodeTest, seconds } from './lib/run.mjs';
import { e2e } from './e2e.mjs';

export const UNIT_FILES = ['src/**/*.test.ts', 'scripts/**/*.test.mjs', 'test/**/*.test.ts'];

const started = performance.now();
/** @type {{ name: string, ok: boolean, detail: string }[]} */
const steps = [];
let passed = 0;
let failed = 0;
/** @type {{ name: string, message: string }[]} */
const failures = [];
const banner = (/** @type {string} */ s) => console.log(`\n=== ${s} ===\n`);

banner('astro check');
const check = await run(NODE, [ASTRO, 'check']);
steps.push({ name: 'astro check', ok: check.code === 0, detail: seconds(check.ms) });
if (check.code !== 0) failed++;

banner('unit tests');
const unit = await nodeTest(UNIT_FILES);
passed += unit.passed;
failed += unit.failed;
failures.push(...(unit.failures ?? []));
steps.push({ name: 'unit tests', ok: unit.failed === 0, detail: `${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped, ${seconds(unit.ms)}` });

banner('astro build');
const build = await run(NODE, [ASTRO, 'build']);
steps.push({ name: 'astro build', ok: build.code === 0, detail: seconds(build.ms) });

if (build.code === 0) {
  banner('e2e tests');
  const end = await e2e();
  passed += end.passed;
  failed += end.failed;
  failures.push(...(end.failures ?? []));
  steps.push({ name: 'e2e tests', ok: end.failed === 0, detail: `${end.passed} passed, ${end.failed} failed, ${end.skipped} skipped, ${seconds(end.ms)}` });
} else {
  failed++;
  steps.push({ name: 'e2e tests', ok: false, detail: 'not run: the build failed' });
}

if (failures.length) {
  console.log('\n=== failures ===');
  for (const f of failures.slice(0, 10)) console.log(`\n✖ ${f.name}\n${f.message}`);
}
console.log('\n=== summary ===');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(12)} ${s.detail}`);
console.log(`total time ${seconds(performance.now() - started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
