// client-go util/jsonpath (parser.go, jsonpath.go) as kubectl uses it (cli-runtime printers/jsonpath.go,
// kubectl get/customcolumn.go, get/sorter.go). Expected texts checked against kubectl v1.33.1 through
// kubesim serve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findResults, goSyntax, jsonpath, parseJSONPath } from './jsonpath.ts';
import { JSONPathError } from './jsonpath-error.ts';

const emptyList = { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } };
const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } } };

test('parse errors come before evaluation, over an empty list too, naming the whole template', () => {
  const cases: [string, string][] = [
    ['{range .items[*]}{.metadata[x]}{end}', 'invalid array index x'],
    ['{.items[*].metadata.a[1:x]}', 'invalid array index 1:x'],
    ['{.items[*].metadata.a[0:1:x]}', 'invalid array index 0:1:x'],
    ['{.items[*].metadata.a["x"]}', 'invalid array index "x"'],
    ['{.items[*].metadata.a[x,2]}', 'invalid array index x'],
    ['{.items[*].metadata.a[}', 'unterminated array'],
    ['{.metadata.name}{true}{1.5}{-3}{1.2.3}', 'cannot parse number 1.2.3'],
    ['{.spec.containers[?(@.name=~"et.*")].name}', "unrecognized character in action: U+007E '~'"],
    ['{.items[*].metadata.name', 'unclosed action'],
  ];
  for (const [t, msg] of cases) {
    assert.throws(() => jsonpath(t, emptyList), { message: `error: error parsing jsonpath ${t}, ${msg}\n` }, t);
  }
});

test('execution errors carry the template and the object as %#v', () => {
  assert.throws(() => jsonpath('{.items[0]}', emptyList), {
    message:
      'error: error executing jsonpath "{.items[0]}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n' +
      '\ttemplate was:\n\t\t{.items[0]}\n\tobject given to jsonpath engine was:\n' +
      '\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n\n',
  });
  const msg = (t: string) => {
    try {
      jsonpath(t, ns);
    } catch (e) {
      return (e as Error).message.split('\n')[0];
    }
  };
  assert.equal(msg('{end}'), 'error: error executing jsonpath "{end}": Error executing template: not in range, nothing to end. Printing more information for debugging the template:');
  assert.equal(msg('{x}'), 'error: error executing jsonpath "{x}": Error executing template: unrecognized identifier x. Printing more information for debugging the template:');
  assert.equal(msg('{..name}{.metadata[*]}'), 'error: error executing jsonpath "{..name}{.metadata[*]}": Error executing template: map[string]interface {} is not array or slice. Printing more information for debugging the template:');
});

test('printing: null, JSON for maps and lists, jsonpath-as-json, ranges without end', () => {
  const pod = { status: { conditions: [{ lastProbeTime: null, type: 'Ready' }] }, spec: { containers: [{ name: 'etcd' }] }, metadata: { name: 'etcd-controlplane' } };
  assert.equal(jsonpath('{.status.conditions[0].lastProbeTime}|{.spec.containers[0].name}', pod), 'null|etcd');
  assert.equal(jsonpath('{.metadata.name}{.spec.containers[0].ports}', pod, true), '[\n    "etcd-controlplane"\n]\n[]\n');
  const list = { items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] };
  assert.equal(jsonpath('{range .items[*]}{.metadata.name}{"\\n"}', list), 'a\nb\n\n'); // the body runs once more after the range (no end)
  // A quoted key is read as a field path: the dots split it (parser.go parseArray → parseAction(".key")).
  assert.equal(jsonpath("{.metadata.labels['kubernetes.io/metadata.name']}|{.metadata['name']} {$.kind}", ns), '|default Namespace');
  assert.equal(jsonpath('{.items[-1:].metadata.name} {.items[*].metadata.a[]}', list), 'b ');
});

test('filters compare like text/template: same kinds only', () => {
  const pod = { spec: { containers: [{ name: 'etcd', image: 'etcd:3.6' }] } };
  assert.equal(jsonpath('{.spec.containers[?(@.name=="etcd")].image}', pod), 'etcd:3.6');
  assert.throws(() => jsonpath('{.spec.containers[?(@.name==1)].image}', pod), /Error executing template: incompatible types for comparison\./);
  assert.throws(() => findResults(parseJSONPath('{.spec[?(@.x)]}'), pod), (e: unknown) => e instanceof JSONPathError && e.message === 'map[containers:[map[image:etcd:3.6 name:etcd]]] is not array or slice and cannot be filtered');
});

test('%#v of unstructured values', () => {
  assert.equal(goSyntax({ b: [1, 'x\n', null, true], a: {} }), 'map[string]interface {}{"a":map[string]interface {}{}, "b":[]interface {}{1, "x\\n", interface {}(nil), true}}');
});
