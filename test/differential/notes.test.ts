/**
 * The notes differential in the test suite: every note page with runnable blocks, run top to bottom
 * as a reader runs it (./page.ts), through the simulator's kubectl and through real kubectl against
 * `kubesim serve` of the same session; the normalised transcripts must be identical, or differ only
 * in lines ./known.ts KNOWN_NOTES explains. What a learner runs on the site is thus held to the
 * real client, not only the hand-written scenarios. Skipped without a real kubectl, as
 * ./differential.test.ts is. `npx node test/differential/notes.ts` prints the diffs of a page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparePage, lineDiff, notePages, rules, unexplainedLines, versionFacts } from './compare.ts';
import { findRealKubectl } from './harness.ts';
import { KNOWN_NOTES } from './known.ts';

const real = findRealKubectl();

if (!real) {
  test('notes differential: real kubectl against kubesim serve', { skip: 'no real kubectl found: set KUBECTL_REAL=/path/to/kubectl (v1.33) to run it' }, () => {});
} else {
  const rs = rules(versionFacts(real.path));
  for (const page of notePages()) {
    test(`notes differential ${page.file} (kubectl ${real.version})`, { timeout: 600_000 }, async () => {
      let o = await comparePage(page, real.path, rs);
      // client-go v1.33's exec stream race (see differential.test.ts): once more.
      if (!o.identical && o.real.includes('Unknown stream id')) o = await comparePage(page, real.path, rs);
      if (o.identical) return;
      const known = KNOWN_NOTES.filter((k) => k.scenario === o.name);
      const unexplained = unexplainedLines(o, known);
      assert.deepEqual(unexplained, [], `${o.name}: differences not listed in KNOWN_NOTES (- simulator, + real kubectl):\n${lineDiff(o.sim, o.real)}`);
    });
  }
}
