/**
 * Compound commands, arithmetic and test/[: each script's expected output was produced by GNU bash
 * 5.2.15 on this machine, run interactively (`bash -i < script`, so errors read as an interactive
 * shell prints them: `bash: syntax error near unexpected token `done'`, no script name or line).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSystem } from './fs.ts';
import { registerBuiltins } from './builtins.ts';
import { needsMore, parseScript } from './parse.ts';
import { Shell } from './shell.ts';
import { evalArith } from './arith.ts';

function run(script: string): { out: string; err: string; status: number } {
  const fs = new FileSystem();
  fs.mkdirp('/tmp');
  const sh = new Shell({ name: 'h', fs, user: 'root', home: '/root' });
  registerBuiltins(sh);
  let out = '';
  let err = '';
  sh.sink = (o) => (o.stream === 'stdout' ? (out += o.text) : (err += o.text));
  sh.runScript(script);
  return { out, err, status: sh.lastStatus };
}

const CASES: [script: string, out: string, err?: string][] = [
  ['for i in 1 2; do echo $i; done', '1\n2\n'],
  ['x=$((1+2)); echo $x', '3\n'],
  ['if true; then echo y; fi', 'y\n'],
  ['if false; then echo a; elif true; then echo b; else echo c; fi', 'b\n'],
  ['if false; then echo a; fi; echo $?', '0\n'],
  ['for i in $(seq 1 3); do echo p$i; done', 'p1\np2\np3\n'],
  ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n'],
  ['until [ "$k" = xx ]; do k=${k}x; echo $k; done', 'x\nxx\n'],
  ['for i in 1 2\ndo\n  echo "multi $i"\ndone', 'multi 1\nmulti 2\n'],
  ['for n in a b c; do [ $n = b ] && continue; echo $n; done', 'a\nc\n'],
  ['for n in a b; do for m in 1 2 3; do [ $m = 2 ] && break; echo $n$m; done; done', 'a1\nb1\n'],
  ['for n in a b; do for m in 1 2; do break 2; done; echo no; done; echo out', 'out\n'],
  ['{ echo one; echo two; } | grep two', 'two\n'],
  ["printf 'a 1\\nb 2\\n' | while read name num; do echo \"$name=$num\"; done", 'a=1\nb=2\n'],
  ['for i in 1 2; do echo $i; done > /tmp/f; cat /tmp/f', '1\n2\n'],
  ['n=5; echo $((n*2+1)) $((n%3)) $((-7/2)) $((2**10)) $((n>3)) $((0x10)) $((010))', '11 2 -3 1024 1 16 8\n'],
  ['echo $((a+1)) $((i++)) $((i)) $(( (1+2)*3 )) $((1 ? 2 : 3))', '1 0 1 9 2\n'],
  ['[ 1 -eq 1 ] && echo eq; [ a != b ] && echo ne; [ -z "" ] && echo z; [ -n x ] && echo n; [ ! -f /nope ] && echo nf; [ -d /tmp ] && echo d', 'eq\nne\nz\nn\nnf\nd\n'],
  ['test 3 -ge 4 || echo smaller; [ abc ] && echo s; [ ] || echo e', 'smaller\ns\ne\n'],
  ['[ 1 -eq a ]; echo $?', '2\n', 'bash: [: a: integer expression expected\n'],
  ['[ 1 -eq 1; echo $?', '2\n', "bash: [: missing `]'\n"],
  ['test 1 -lt; echo $?', '2\n', 'bash: test: 1: unary operator expected\n'],
  ['[ a b c d e ]; echo $?', '2\n', 'bash: [: too many arguments\n'],
  ['seq 3; seq 2 2 8; seq -s, 3', '1\n2\n3\n2\n4\n6\n8\n1,2,3\n'],
  ['seq', '', "seq: missing operand\nTry 'seq --help' for more information.\n"],
  ['echo $((1/0)); echo not reached', '', 'bash: 1/0: division by 0 (error token is "0")\n'],
  ['echo $((1+))', '', 'bash: 1+: syntax error: operand expected (error token is "+")\n'],
  ['echo $((2 3))', '', 'bash: 2 3: syntax error in expression (error token is "3")\n'],
  ['done', '', "bash: syntax error near unexpected token `done'\n"],
  ['for i in 1 2; echo $i; done', '', "bash: syntax error near unexpected token `echo'\n"],
  ['if true; then fi', '', "bash: syntax error near unexpected token `fi'\n"],
  ['while; do :; done', '', "bash: syntax error near unexpected token `;'\n"],
  ['for; do :; done', '', "bash: syntax error near unexpected token `;'\n"],
  ['then', '', "bash: syntax error near unexpected token `then'\n"],
  ['for i in 1; do echo $i', '', 'bash: syntax error: unexpected end of file\n'],
  ['echo a &&', '', 'bash: syntax error: unexpected end of file\n'],
  ["echo 'abc", '', "bash: unexpected EOF while looking for matching `''\n"],
  ['break', '', "bash: break: only meaningful in a `for', `while', or `until' loop\n"],
  ['echo "a\nb"', 'a\nb\n'],
  ['for i in 1 2; do\n  cat <<EOF\nline $i $((i*10))\nEOF\ndone', 'line 1 10\nline 2 20\n'],
];

for (const [script, out, err = ''] of CASES) {
  test(`bash: ${JSON.stringify(script)}`, () => {
    const r = run(script);
    assert.equal(r.out, out);
    assert.equal(r.err, err);
  });
}

test('a loop typed over several lines is one logical line; each error entry keeps its text', () => {
  const lines = parseScript('echo a\nfor i in 1 2\ndo\n  echo $i\ndone\necho b');
  assert.deepEqual(
    lines.map((l) => l.text),
    ['echo a', 'for i in 1 2\ndo\n  echo $i\ndone', 'echo b'],
  );
});

test('needsMore: open compound commands, quotes and operators ask for another line', () => {
  for (const [text, more] of [
    ['for i in 1 2; do', true],
    ['while true; do kubectl get pods; sleep 2; done', false],
    ['if x; then\n  y\nelse', true],
    ['{ echo', true],
    ['echo "a', true],
    ['a ||', true],
    ['fi', false],
  ] as const) {
    assert.equal(needsMore(text), more, text);
  }
});

test('the node shell stops a loop that does not end (LOOP_CAP), status 130', () => {
  const r = run('n=0; while true; do n=$((n+1)); done; echo never\necho $? $n');
  assert.equal(r.err, '무한 루프로 보여 1000번 반복한 뒤 멈췄습니다\n');
  assert.equal(r.out, '130 1000\n');
});

const ARITH: [expr: string, want: number | string][] = [
  ['1+2*3', 7],
  ['(1+2)*3', 9],
  ['7/2', 3],
  ['-7/2', -3],
  ['-7%3', -1],
  ['2**3**2', 512],
  ['1<<4', 16],
  ['5>3 && 2>3', 0],
  ['0 || 3', 1],
  ['!5', 0],
  ['~0', -1],
  ['x=4, x*x', 16],
  ['y+=2', 2],
  ['y', 0],
  ['08', 'bash: 08: value too great for base (error token is "08")'],
];

test('evalArith: bash expr.c precedence and errors', () => {
  for (const [expr, want] of ARITH) {
    const vars: Record<string, string> = {};
    const v = { get: (n: string) => vars[n], set: (n: string, x: string) => void (vars[n] = x) };
    if (typeof want === 'number') assert.equal(evalArith(expr, v), want, expr);
    else assert.throws(() => evalArith(expr, v), { message: want }, expr);
  }
});
