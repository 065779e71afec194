import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { printYAML, printYAMLDocuments } from './yaml.ts';
import { toV135 } from './testdata/v135.ts';

interface Captured {
  id: string;
  value?: string;
  keys?: string[];
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

// testdata/quoting.json: `kubectl create configmap x --from-literal=k=<value> --dry-run=client -o yaml|json`
// captured from kubectl v1.33.1 offline. The printer is cli-runtime pkg/printers/yaml.go →
// sigs.k8s.io/yaml (JSON → go-yaml v2 Marshal).
const captured: Captured[] = JSON.parse(readFileSync(new URL('./testdata/quoting.json', import.meta.url), 'utf8'));

function configMap(data: Record<string, string>): object {
  return { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, data };
}

const yamlCases = captured.filter((c) => c.id.startsWith('v'));
for (const c of yamlCases) {
  test(`yaml string ${JSON.stringify(c.value)} (${c.id})`, () => {
    const obj = configMap({ k: c.value! });
    if (c.code !== 0) {
      assert.throws(() => printYAML(obj), { message: c.stderr.replace(/^error: /, '').trimEnd() });
      return;
    }
    assert.equal(printYAML(obj), toV135(c.stdout));
  });
}

test('the recording covers the quoting cases', () => {
  assert.ok(yamlCases.length > 150);
});

test('yaml map keys follow go-yaml keyList order (numbers compared numerically)', () => {
  const c = captured.find((x) => x.id === 'keys')!;
  const data: Record<string, string> = {};
  for (const k of c.keys!) data[k] = 'v';
  assert.equal(printYAML(configMap(data)), toV135(c.stdout));
});

test('several objects are separated by ---', () => {
  // cli-runtime pkg/printers/yaml.go: "---\n" before every object after the first.
  const a = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } };
  assert.equal(
    printYAMLDocuments([a, a]),
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
  );
});

test('empty maps, empty lists, null, numbers, nested lists', () => {
  // Expected text follows go-yaml v2 emitterc.go (flow style for empty collections, compact
  // sequences, "- - " for nested ones) and encode.go number formatting.
  const obj = {
    a: {},
    b: [],
    c: null,
    d: 1,
    e: 1.5,
    f: 1234567.5,
    g: 0.00001,
    h: [[1, 2], [], [{}], { x: [1] }],
    i: -3,
    j: 1e21,
    k: [{ name: 'x', value: 'y' }],
  };
  assert.equal(
    printYAML(obj),
    [
      'a: {}',
      'b: []',
      'c: null',
      'd: 1',
      'e: 1.5',
      'f: 1.2345675e+06',
      'g: 1e-05',
      'h:',
      '- - 1',
      '  - 2',
      '- []',
      '- - {}',
      '- x:',
      '  - 1',
      'i: -3',
      'j: 1e+21',
      'k:',
      '- name: x',
      '  value: "y"',
      '',
    ].join('\n'),
  );
});
