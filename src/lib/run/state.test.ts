import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBase64Url, LIMITS, newSession, pushHistory, pushOp, readEdits, readHistory, readSession, readShare, readVersioned, toBase64Url, trimEntries, type Op } from './state.ts';

const expect = { seed: 7, setup: 'abc' };
const good = () => ({ ...newSession(7, 'abc'), ops: [{ t: 'r', s: 'kubectl get pods' }, { t: 'a', ms: 500 }] as Op[], done: { '': [1, 2] }, outputs: { 'x#1': { entries: [{ command: 'ls', output: [{ stream: 'stdout', text: 'a\n' }], status: 0 }], state: 'ok' } } });

test('readSession: a saved session reads back whole', () => {
  const r = readSession(JSON.stringify(good()), expect);
  assert.ok(r.ok);
  assert.deepEqual(r.ok && r.session, good());
});

test('readSession: damaged, foreign, old or changed data is refused with a reason, never half-used', () => {
  const cases: [string | null, string][] = [
    [null, 'missing'],
    ['{', 'corrupt'],
    ['null', 'corrupt'],
    ['[]', 'corrupt'],
    [JSON.stringify({ ...good(), v: 0 }), 'version'],
    [JSON.stringify({ ...good(), v: 99 }), 'version'],
    [JSON.stringify({ ...good(), ops: [{ t: 'x' }] }), 'corrupt'],
    [JSON.stringify({ ...good(), ops: [{ t: 'a', ms: -1 }] }), 'corrupt'],
    [JSON.stringify({ ...good(), ops: [{ t: 'a', ms: 1e300 }] }), 'corrupt'],
    [JSON.stringify({ ...good(), ops: [{ t: 's', s: 'x', lay: 'no', write: [] }] }), 'corrupt'],
    [JSON.stringify({ ...good(), ops: Array.from({ length: LIMITS.ops + 1 }, () => ({ t: 'r', s: 'ls' })) }), 'corrupt'],
    [JSON.stringify({ ...good(), done: { '': ['1'] } }), 'corrupt'],
    [JSON.stringify({ ...good(), outputs: { a: { entries: [{ command: 1 }], state: 'ok' } } }), 'corrupt'],
    [JSON.stringify({ ...good(), outputs: { a: { entries: [{ command: 'x', output: [{ stream: 'html', text: '<b>' }] }], state: 'ok' } } }), 'corrupt'],
    [JSON.stringify({ ...good(), seed: 8 }), 'changed'],
    [JSON.stringify({ ...good(), setup: 'other' }), 'changed'],
  ];
  for (const [raw, reason] of cases) {
    const r = readSession(raw, expect);
    assert.equal(r.ok ? 'ok' : r.reason, reason, String(raw).slice(0, 80));
  }
});

test('pushOp merges consecutive time advances', () => {
  const ops: Op[] = [];
  pushOp(ops, { t: 'a', ms: 500 });
  pushOp(ops, { t: 'a', ms: 500 });
  pushOp(ops, { t: 'r', s: 'ls' });
  pushOp(ops, { t: 'a', ms: 30_000 });
  assert.deepEqual(ops, [{ t: 'a', ms: 1000 }, { t: 'r', s: 'ls' }, { t: 'a', ms: 30_000 }]);
});

test('share payloads: base64url round trip, and damaged payloads are refused', () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 62, 63]);
  assert.deepEqual(fromBase64Url(toBase64Url(bytes)), bytes);
  assert.match(toBase64Url(bytes), /^[A-Za-z0-9_-]+$/);
  assert.equal(fromBase64Url('a+b/'), null);
  const p = { v: 1, mode: 'lab', seed: 3, setup: 'x', ops: [{ t: 'r', s: 'kubectl get pods' }], done: {} };
  assert.deepEqual(readShare(JSON.stringify(p)), p);
  assert.equal(readShare(JSON.stringify({ ...p, mode: '<script>' }))?.mode, 'page');
  assert.equal(readShare('{"v":1'), null);
  assert.equal(readShare(JSON.stringify({ ...p, ops: [{ t: 'r' }] })), null);
});

test('trimEntries keeps a bounded output', () => {
  const big = [{ command: 'x', output: [{ stream: 'stdout' as const, text: 'a'.repeat(50_000) }], status: 0 }];
  const t = trimEntries(big, 1000);
  assert.ok(t[0].output[0].text.length < 1100);
  assert.match(t[0].output[0].text, /잘림/);
});

test('history: bounded, no empty lines, no immediate repeats; damaged storage gives an empty history', () => {
  let h: string[] = [];
  for (const l of ['a', 'a', ' ', 'b', 'a']) h = pushHistory(h, l);
  assert.deepEqual(h, ['a', 'b', 'a']);
  for (let i = 0; i < LIMITS.history + 10; i++) h = pushHistory(h, `l${i}`);
  assert.equal(h.length, LIMITS.history);
  assert.deepEqual(readHistory('{"x":1}'), []);
  assert.deepEqual(readHistory('nope'), []);
  assert.deepEqual(readHistory('["a", 1, "b"]'), ['a', 'b']);
});

test('edits: only well-formed entries are kept', () => {
  assert.deepEqual(readEdits('{"1":{"hash":"ab","code":"x"},"x":{"hash":"a","code":"y"},"2":{"hash":1}}'), { 1: { hash: 'ab', code: 'x' } });
  assert.deepEqual(readEdits('[1]'), {});
  assert.deepEqual(readEdits('garbage'), {});
});

test('readVersioned: the saved object of the given format, or why it cannot be used', () => {
  const cases: [string | null, string][] = [
    [null, 'missing'],
    ['{', 'corrupt'],
    ['[]', 'corrupt'],
    ['"x"', 'corrupt'],
    ['null', 'corrupt'],
    ['{"v":"1"}', 'corrupt'],
    ['{"v":2,"a":1}', 'version'],
  ];
  for (const [raw, reason] of cases) assert.deepEqual(readVersioned(raw, 1), { ok: false, reason }, String(raw));
  assert.deepEqual(readVersioned('{"v":1,"a":[1]}', 1), { ok: true, d: { v: 1, a: [1] } });
});
