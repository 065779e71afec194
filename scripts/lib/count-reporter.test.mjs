import { test } from 'node:test';
import assert from 'node:assert/strict';
import countReporter from './count-reporter.mjs';

async function* events() {
  const ev = (/** @type {string} */ type, /** @type {object} */ data) => ({ type, data });
  yield ev('test:start', { name: 'a' });
  yield ev('test:pass', { name: 'a', details: { type: 'test' } });
  yield ev('test:pass', { name: 'sub', nesting: 1, details: { type: 'test' } });
  const cause = new Error('Expected values to be equal:\n' + Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n'));
  yield ev('test:fail', { name: 'b', details: { type: 'test', error: Object.assign(new Error('test failed'), { cause }) } });
  yield ev('test:pass', { name: 'c', skip: 'no data', details: { type: 'test' } });
  yield ev('test:pass', { name: 'd', todo: true, details: { type: 'test' } });
  yield ev('test:pass', { name: 'suite', details: { type: 'suite' } });
  yield ev('test:diagnostic', { message: 'tests 6' });
}

test('count-reporter counts tests and subtests, not suites, and sets skipped/todo apart', async () => {
  const out = [];
  for await (const chunk of countReporter(events())) out.push(chunk);
  const counts = JSON.parse(out.join(''));
  assert.deepEqual({ ...counts, failures: undefined }, { passed: 2, failed: 1, skipped: 1, todo: 1, failures: undefined });
  // The failure's own message (the assertion, not the runner's wrapper), cut to 40 lines.
  assert.equal(counts.failures.length, 1);
  assert.equal(counts.failures[0].name, 'b');
  assert.equal(counts.failures[0].message.split('\n').length, 40);
  assert.match(counts.failures[0].message, /^Expected values to be equal:\nline 0\n/);
});
