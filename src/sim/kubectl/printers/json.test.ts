import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { printJSON, marshalJSON, goJSONString } from './json.ts';
import { toV135 } from './testdata/v135.ts';

interface Captured {
  id: string;
  value?: string;
  keys?: string[];
  stdout: string;
  code: number;
}

// testdata/quoting.json, `-o json` cases: captured from kubectl v1.33.1 offline.
// `kubectl create configmap` builds a typed object, so fields print in Go struct order
// (kind, apiVersion, metadata{name, …}, data) while the data map is sorted.
const captured: Captured[] = JSON.parse(readFileSync(new URL('./testdata/quoting.json', import.meta.url), 'utf8'));

function typedConfigMap(data: Record<string, string>): object {
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(data).sort()) sorted[k] = data[k];
  return { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, data: sorted };
}

test('json escaping matches kubectl v1.33.1 (Go encoding/json, HTML-safe)', () => {
  const cases = captured.filter((c) => c.id.startsWith('j') && c.id !== 'jhtml' && c.value !== undefined);
  assert.ok(cases.length > 20);
  for (const c of cases) {
    assert.equal(printJSON(typedConfigMap({ k: c.value! }), { keyOrder: 'insertion' }), toV135(c.stdout), c.id);
  }
  const html = captured.find((c) => c.id === 'jhtml')!;
  assert.equal(printJSON(typedConfigMap({ k: html.value! }), { keyOrder: 'insertion' }), toV135(html.stdout));
});

test('json map keys are sorted byte-wise', () => {
  const c = captured.find((x) => x.id === 'keysjson')!;
  const data: Record<string, string> = {};
  for (const k of c.keys!) data[k] = 'v';
  // insertion order of `data` is JS order (integer-like keys first); the printer sorts maps.
  assert.equal(printJSON({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, data }, { keyOrder: 'insertion' }), toV135(c.stdout));
});

test('unstructured objects print with sorted keys; empty collections compact', () => {
  // encoding/json MarshalIndent with "    ".
  assert.equal(
    printJSON({ kind: 'List', apiVersion: 'v1', items: [], metadata: { resourceVersion: '' }, x: {} }),
    '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    },\n    "x": {}\n}\n',
  );
});

test('compact marshal and numbers', () => {
  assert.equal(marshalJSON({ b: 1.5, a: [1, 1e21, 1e-7, 100] }), '{"a":[1,1e+21,1e-7,100],"b":1.5}');
  assert.equal(goJSONString('\u0001\b\f\t<>&\u2028'), '"\\u0001\\b\\f\\t\\u003c\\u003e\\u0026\\u2028"');
});
