/**
 * grep's basic regular expressions: the expected lines were produced by GNU grep 3.x on this
 * machine's Debian (`grep PATTERN`), where `\|`, `\+`, `\?`, `\{n\}`, `\(…\)` are operators and the
 * bare characters are literal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../session.ts';

const INPUT = ['NAME READY', 'web-b9 1/1', 'alpha', 'a+b', 'a|b', '(x)', 'xx', 'xxx', '{1}'];

const CASES: [pattern: string, want: string[]][] = [
  ['a\\|b', ['web-b9 1/1', 'alpha', 'a+b', 'a|b']],
  ['a+b', ['a+b']],
  ['a\\+', ['alpha', 'a+b', 'a|b']],
  ['a|b', ['a|b']],
  ['(x)', ['(x)']],
  ['\\(x\\)\\1', ['xx', 'xxx']],
  ['x\\{3\\}', ['xxx']],
  ['x{3}', []],
  ['[|]', ['a|b']],
  ['b\\?9', ['web-b9 1/1']],
  ['{1}', ['{1}']],
];

for (const [pattern, want] of CASES) {
  test(`grep '${pattern}' (basic regular expression)`, () => {
    const s = new Session({ seed: 1 });
    s.run(`cat <<'EOF' > /root/g.txt\n${INPUT.join('\n')}\nEOF`);
    const out = Session.format(s.run(`grep '${pattern}' /root/g.txt`));
    assert.equal(out, `$ grep '${pattern}' /root/g.txt\n${want.map((l) => l + '\n').join('')}`);
  });
}

/**
 * sed addresses and ranges (GNU sed compile.c/execute.c match_address_p): expected lines produced by
 * GNU sed 4.9 on this machine from the same input. `sed -n '/^Events:/,$p'` is how one cuts a describe.
 */
const SED_INPUT = ['a', 'b', 'Events:', 'x', 'y'];
const SED_CASES: [script: string, want: string[]][] = [
  ["-n '/^Events:/,$p'", ['Events:', 'x', 'y']],
  ["-n '2,3p'", ['b', 'Events:']],
  ["'1,/Events/d'", ['x', 'y']],
  ["-n '$p'", ['y']],
  ["-n '/b/,/x/p;/y/p'", ['b', 'Events:', 'x', 'y']],
  ["-n '/x/,1p'", ['x']],
  ["'s/a/A/;s/b/B/'", ['A', 'B', 'Events:', 'x', 'y']],
];
for (const [script, want] of SED_CASES) {
  test(`sed ${script}`, () => {
    const s = new Session({ seed: 1 });
    s.run(`printf '${SED_INPUT.join('\\n')}\\n' > /root/s.txt`);
    const out = Session.format(s.run(`sed ${script} /root/s.txt`));
    assert.equal(out, `$ sed ${script} /root/s.txt\n${want.map((l) => l + '\n').join('')}`);
  });
}
