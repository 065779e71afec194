import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  parseTaintArgs,
  validateTaintArgs,
  updateNodeTaints,
  formatTaintError,
  parseTaint,
  reorganizeTaints,
  taintToString,
  type KindFor,
  type NodeLike,
} from './parse.ts';

interface Captured {
  id: string;
  args: string[];
  objects: Record<string, NodeLike>;
  stdout: string;
  stderr: string;
  code: number;
}

// testdata/taint.json: `kubectl taint …` captured from kubectl v1.33.1 offline against a fake
// apiserver holding node1 (no taints), node2 (app=blue:NoSchedule, dedicated:NoExecute) and
// controlplane. Sources: kubectl pkg/cmd/taint/taint.go, pkg/cmd/taint/utils.go.
const captured: Captured[] = JSON.parse(readFileSync(new URL('./testdata/taint.json', import.meta.url), 'utf8'));

const kindFor: KindFor = (r) => {
  const kinds: Record<string, string> = { node: 'Node', nodes: 'Node', no: 'Node', pod: 'Pod', pods: 'Pod', po: 'Pod' };
  return kinds[r] ? { kind: kinds[r] } : { error: `the server doesn't have a resource type ${JSON.stringify(r)}` };
};

// Cases decided by the server or the resource builder (listing for --all/-l, NotFound).
const SERVER_SIDE = new Set(['missing node', 'all', 'selector']);

/** Replays `kubectl taint` through the parser: flag handling here is the test's own. */
function replay(c: Captured): { stdout: string; stderr: string } {
  const args: string[] = [];
  let overwrite = false;
  let all = false;
  let selector = '';
  let output = '';
  for (let i = 1; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === '--overwrite') overwrite = true;
    else if (a === '--all') all = true;
    else if (a === '-l') selector = c.args[++i];
    else if (a === '-o') output = c.args[++i];
    else if (a === '--dry-run=client') continue;
    else args.push(a);
  }
  const parsed = parseTaintArgs(args);
  if (!parsed.ok) return { stdout: '', stderr: formatTaintError(parsed) };
  const invalid = validateTaintArgs(parsed, { all, selector, kindFor });
  if (invalid) return { stdout: '', stderr: formatTaintError(invalid) };
  let stdout = '';
  for (const name of parsed.resources.slice(1)) {
    const node = c.objects[`nodes/${name}`];
    const r = updateNodeTaints(node, parsed.add, parsed.remove, overwrite);
    if (!r.ok) return { stdout, stderr: formatTaintError(r) };
    if (output === 'name') stdout += `node/${name}\n`;
    // taint.go does not add " (dry run)" to the operation (no PrintFlagsWithDryRunStrategy).
    else if (output === '') stdout += `node/${name} ${r.operation}\n`;
  }
  return { stdout, stderr: '' };
}

for (const c of captured) {
  if (SERVER_SIDE.has(c.id)) continue;
  test(`kubectl ${c.args.join(' ')} (${c.id})`, () => {
    const got = replay(c);
    assert.equal(got.stderr, c.stderr, 'stderr');
    if (!c.args.includes('json') && !c.args.includes('yaml')) assert.equal(got.stdout, c.stdout, 'stdout');
  });
}

test('the recording covers the taint cases', () => {
  assert.ok(captured.length >= 50);
});

test('new taint lists', () => {
  // utils.go reorganizeTaints: new taints first, then the old ones not replaced.
  const old = [
    { key: 'app', value: 'blue', effect: 'NoSchedule' },
    { key: 'dedicated', effect: 'NoExecute' },
  ];
  assert.deepEqual(reorganizeTaints(old, true, [{ key: 'app', value: 'green', effect: 'NoSchedule' }], []), {
    operation: 'modified',
    taints: [
      { key: 'app', value: 'green', effect: 'NoSchedule' },
      { key: 'dedicated', effect: 'NoExecute' },
    ],
    errors: [],
  });
  assert.deepEqual(reorganizeTaints(old, false, [], [{ key: 'app' }]).taints, [{ key: 'dedicated', effect: 'NoExecute' }]);
  assert.equal(reorganizeTaints(old, false, [], [{ key: 'app' }]).operation, 'untainted');
  assert.deepEqual(reorganizeTaints([], false, [], [{ key: 'a' }, { key: 'b', effect: 'NoSchedule' }]).errors, [
    'taint "a" not found',
    'taint "b:NoSchedule" not found',
  ]);
});

test('taint spec forms', () => {
  // utils.go parseTaint
  assert.deepEqual(parseTaint('app=blue:NoSchedule'), { key: 'app', value: 'blue', effect: 'NoSchedule' });
  assert.deepEqual(parseTaint('app:NoExecute'), { key: 'app', effect: 'NoExecute' });
  assert.deepEqual(parseTaint('app'), { key: 'app' });
  assert.equal(parseTaint('app=:NoSchedule') instanceof Object, true);
  assert.equal(taintToString({ key: 'k', value: 'v' }), 'k=v:');
  assert.equal(taintToString({ key: 'k', value: 'v', effect: 'NoSchedule' }), 'k=v:NoSchedule');
});
