/**
 * `npx node test/differential/notes.ts [SLUG-SUBSTRING …] [--report FILE]`: the differential comparison
 * for the notes. Every note page with runnable blocks runs as a reader who runs it top to bottom runs
 * it (./page.ts: the page scenario, then each block through the page runtime's runOnPage, on the page's
 * seed) twice — the simulator's own kubectl, and real kubectl against `kubesim serve` of the same
 * session — and the normalised transcripts are compared (./normalize.ts). Prints identical/different
 * per page with the line diff (`-` simulator, `+` real kubectl). Exit status 1 when a page differs in
 * a line no ./known.ts KNOWN_NOTES entry covers; 0 otherwise, and when nothing could be compared.
 *
 * The same comparison runs in the test suite (./notes.test.ts, ≈75 s of CPU over the 44 pages); this
 * tool prints the diffs and a report.
 */
import { writeFileSync } from 'node:fs';
import { cliStart, comparePage, lineDiff, notePages, unexplainedLines } from './compare.ts';
import { KNOWN_NOTES } from './known.ts';

const { args, reportFile, kubectl, rs } = cliStart();
const pages = notePages().filter((p) => !args.length || args.some((a) => p.file.includes(a)));
let identical = 0;
let unexplained = 0;
const t0 = performance.now();
const lines: string[] = [`# Notes differential: simulator kubectl vs real kubectl ${kubectl.version} against kubesim serve`, ''];
for (const page of pages) {
  const o = await comparePage(page, kubectl.path, rs);
  if (o.identical) identical++;
  const known = KNOWN_NOTES.filter((k) => k.scenario === o.name);
  const explained = unexplainedLines(o, known).length === 0;
  if (!o.identical && !explained) unexplained++;
  const status = o.identical ? 'identical' : explained ? 'known difference' : 'DIFFERENT';
  console.log(`${status.padEnd(17)} ${o.name} (${page.blocks.length} blocks, ${o.ms} ms)`);
  lines.push(`- \`${o.name}\`: ${status}`);
  if (!o.identical) for (const k of known) lines.push(`  - [${k.kind}] ${k.why}`);
  if (!o.identical) {
    const d = lineDiff(o.sim, o.real);
    console.log(d.replace(/^/gm, '    '));
    lines.push('', '```diff', d, '```', '');
  }
}
const secs = ((performance.now() - t0) / 1000).toFixed(1);
const pct = ((identical / Math.max(1, pages.length)) * 100).toFixed(1);
console.log(`\n${identical}/${pages.length} pages identical (${pct} %) in ${secs} s`);
lines.push('', `${identical}/${pages.length} pages identical (${pct} %) in ${secs} s`);
if (reportFile) writeFileSync(reportFile, lines.join('\n') + '\n');
process.exitCode = unexplained ? 1 : 0;
