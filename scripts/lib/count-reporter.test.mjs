import { test } from 'node:test';
import assert from 'node:assert/strict';
import countReporter from './count-reporter.mjs';

async function* events() {
  const ev = (/** @type {string} */ type, /** @type {object} */ data) => ({ type, data });
  yield ev('test:start', { name: 'a' });
  yield ev('test:pass', { name: 'a', details: { type: 'test' } });
  yield ev('test:pass', { name: 'sub', nesting: 1, details: { type: 'test' } });
  yield ev('test:fail', { name: 'b', details: { type: 'test' } });
  yield ev('test:pass', { name: 'c', skip: 'no data', details: { type: 'test' } });
  yield ev('test:pass', { name: 'd', todo: true, details: { type: 'test' } });
  yield ev('test:pass', { name: 'suite', details: { type: 'suite' } });
  yield ev('test:diagnostic', { message: 'tests 6' });
}

test('count-reporter counts tests and subtests, not suites, and sets skipped/todo apart', async () => {
  const out = [];
  for await (const chunk of countReporter(events())) out.push(chunk);
  assert.deepEqual(JSON.parse(out.join('')), { passed: 2, failed: 1, skipped: 1, todo: 1 });
});
