// Develop and debug labs: `node scripts/lab.mjs list`, `… start KEY` (setup + check),
// `… solve KEY` (setup, solution transcript, grade), `… try KEY FILE` (setup, FILE's lines, grade).
// KEY is "section/id" (src/labs).
import { readFileSync } from 'node:fs';
import { LABS, labByKey } from '../src/labs/index.ts';
import { grade, labKey, solve, startLab } from '../src/labs/run.ts';
import { Session } from '../src/sim/session.ts';

const [cmd, key, file] = process.argv.slice(2);
if (cmd === 'list' || !cmd) {
  for (const l of LABS) console.log(`${labKey(l).padEnd(44)} ${l.domain.padEnd(16)} ${l.title}`);
  process.exit(0);
}
const lab = labByKey(key);
if (!lab) {
  console.error(`no lab ${key}`);
  process.exit(2);
}
const t0 = performance.now();
const { session, setup } = startLab(lab);
if (process.env.SHOW_SETUP) process.stdout.write(Session.format(setup));
if (cmd === 'solve') process.stdout.write(Session.format(solve(lab, session)));
else if (cmd === 'try') process.stdout.write(Session.format(session.run(readFileSync(file, 'utf8'))));
const g = grade(lab, session);
console.log(`\n== ${labKey(lab)}: ${g.ok ? 'PASS' : 'FAIL'} (${Math.round(performance.now() - t0)} ms)`);
for (const m of g.messages) console.log(`  - ${m}`);
