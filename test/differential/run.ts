/**
 * `npx node test/differential/run.ts [SCENARIO.sh …] [--report FILE]`: runs scenarios both ways (the
 * simulator's kubectl, and real kubectl against `kubesim serve`) and prints per-scenario identity,
 * the identical share and every remaining difference. Exit status 0 when nothing could be compared.
 */
import { writeFileSync } from 'node:fs';
import { cliStart, compareScenario, lineDiff, scenarioFiles } from './compare.ts';
import { KNOWN } from './known.ts';

const { args, reportFile, kubectl, rs } = cliStart();
const files = args.length ? args.map((a) => new URL(a, `file://${process.cwd()}/`).pathname) : scenarioFiles();
let identical = 0;
const lines: string[] = [`# Differential run: simulator kubectl vs real kubectl ${kubectl.version} against kubesim serve`, ''];
for (const f of files) {
  const o = await compareScenario(f, kubectl.path, rs);
  if (o.identical) identical++;
  const known = KNOWN.filter((k) => k.scenario === o.name);
  const status = o.identical ? 'identical' : known.length ? 'known difference' : 'DIFFERENT';
  console.log(`${status.padEnd(17)} ${o.name} (${o.ms} ms)`);
  lines.push(`- \`${o.name}\`: ${status}`);
  if (!o.identical) for (const k of known) lines.push(`  - [${k.kind}] ${k.why}`);
  if (!o.identical) {
    const d = lineDiff(o.sim, o.real);
    console.log(d.replace(/^/gm, '    '));
    lines.push('', '```diff', d, '```', '');
  }
}
const pct = ((identical / files.length) * 100).toFixed(1);
console.log(`\n${identical}/${files.length} scenarios identical (${pct} %)`);
lines.push('', `${identical}/${files.length} identical (${pct} %)`);
if (reportFile) writeFileSync(reportFile, lines.join('\n') + '\n');
