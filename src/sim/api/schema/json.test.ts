import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonSyntaxError, entriesOf, parseJSON, rawItem } from './json.ts';

test('parseJSON returns plain values like JSON.parse (last duplicate wins)', () => {
  const cases: [string, unknown][] = [
    ['{"a":1,"b":[true,false,null],"c":{"d":"e\\n\\u00e9"}}', { a: 1, b: [true, false, null], c: { d: 'e\né' } }],
    ['  [ ]  ', []],
    ['{}', {}],
    ['-0.5e+2', -50],
    ['{"a":1,"a":2}', { a: 2 }],
  ];
  for (const [text, want] of cases) assert.deepEqual(parseJSON(text), want, text);
});

test('parseJSON keeps every occurrence of a key, in order, with number literals', () => {
  const v = parseJSON('{"name":"a","replicas":1.0,"name":"b"}') as Record<string, unknown>;
  assert.deepEqual(entriesOf(v), [['name', 'a', undefined], ['replicas', 1, '1.0'], ['name', 'b', undefined]]);
  const arr = parseJSON('[1e3, "x", 2]') as unknown[];
  assert.equal(rawItem(arr, 0), '1e3');
  assert.equal(rawItem(arr, 1), undefined);
  assert.equal(rawItem(arr, 2), '2');
  // plain objects work too
  assert.deepEqual(entriesOf({ x: 1 }), [['x', 1, undefined]]);
});

test('parseJSON syntax errors use encoding/json wording (scanner.go)', () => {
  const cases: [string, string][] = [
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{"a":', 'unexpected end of JSON input'],
    ['nul', 'unexpected end of JSON input'],
    ["{'a':1}", "invalid character '\\'' looking for beginning of object key string"],
    ['{} x', "invalid character 'x' after top-level value"],
  ];
  for (const [text, want] of cases) {
    assert.throws(() => parseJSON(text), (e: unknown) => e instanceof JsonSyntaxError && e.message === want, text);
  }
});
