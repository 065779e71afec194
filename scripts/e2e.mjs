// End-to-end tests against the built site (dist/), in the system Chromium.
// `npm run test:e2e` — builds first only when there is no dist/ yet (`npm run build` refreshes it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { ROOT, NODE, ASTRO, run, nodeTest } from './lib/run.mjs';

export const E2E_FILES = ['e2e/*.test.ts'];

/** Runs the e2e suite; returns node:test's counts (a missing Chromium counts as one failure). */
export async function e2e() {
  try {
    const chromium = ensureChromium();
    console.log(`e2e: Chromium at ${chromium}`);
  } catch (e) {
    console.error(`e2e: ${/** @type {Error} */ (e).message}`);
    return { code: 1, ms: 0, passed: 0, failed: 1, skipped: 0, todo: 0 };
  }
  // Two files at a time: each drives its own Chromium, which keeps both cores busy.
  return nodeTest(E2E_FILES, ['--test-concurrency=2']);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    const built = await run(NODE, [ASTRO, 'build']);
    if (built.code !== 0) process.exit(built.code);
  }
  const r = await e2e();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed > 0 || r.code !== 0 ? 1 : 0);
}
