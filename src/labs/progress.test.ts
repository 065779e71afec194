import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyProgress, failureNotice, markDone, newLabSave, readLabSave, readProgress, scenarioHash, unmark } from './progress.ts';

test('progress: round trip, mark and unmark, damaged data refused with a reason', () => {
  const p = markDone(markDone(emptyProgress(), 'architecture/nginx-pod', 5), 'architecture/nginx-pod', 9);
  assert.deepEqual(p.done, { 'architecture/nginx-pod': 5 });
  const r = readProgress(JSON.stringify(p));
  assert.ok(r.ok);
  assert.deepEqual(r.progress, p);
  assert.deepEqual(unmark(p, 'architecture/nginx-pod').done, {});
  for (const [raw, reason] of [
    [null, 'missing'],
    ['{', 'corrupt'],
    ['"x"', 'corrupt'],
    ['{"v":2,"done":{}}', 'version'],
    ['{"v":1,"done":[]}', 'corrupt'],
    ['{"v":1,"done":{"<script>":1}}', 'corrupt'],
    ['{"v":1,"done":{"a/b":"x"}}', 'corrupt'],
  ] as const) {
    const x = readProgress(raw);
    assert.equal(x.ok, false, String(raw));
    assert.equal(!x.ok && x.reason, reason, String(raw));
    assert.deepEqual(x.progress.done, {});
  }
});

test('a lab session: valid ops only, tied to its lab and scenario', () => {
  const h = scenarioHash('kubectl run a --image=nginx');
  assert.notEqual(h, scenarioHash('kubectl run b --image=nginx'));
  assert.notEqual(h, scenarioHash('kubectl run a --image=nginx', 'v1.34.3'));
  const s = { ...newLabSave('architecture/nginx-pod', h), ops: [{ t: 'r', s: 'kubectl get pods' }, { t: 'a', ms: 1000 }] };
  const r = readLabSave(JSON.stringify(s), { key: s.key, setup: h });
  assert.ok(r.ok);
  assert.deepEqual(r.ok && r.save, s);
  assert.deepEqual(readLabSave(JSON.stringify(s), { key: s.key, setup: 'other' }), { ok: false, reason: 'changed' });
  assert.deepEqual(readLabSave(JSON.stringify({ ...s, ops: [{ t: 'r' }] }), { key: s.key, setup: h }), { ok: false, reason: 'corrupt' });
  assert.deepEqual(readLabSave(JSON.stringify({ ...s, ops: [{ t: 'a', ms: -1 }] }), { key: s.key, setup: h }), { ok: false, reason: 'corrupt' });
  assert.deepEqual(readLabSave('nope', { key: s.key, setup: h }), { ok: false, reason: 'corrupt' });
  assert.equal(failureNotice('missing', '실습 기록'), null);
  assert.equal(failureNotice('corrupt', '실습 기록'), '저장된 실습 기록이 손상되어 읽을 수 없었습니다. 새로 시작합니다.');
  assert.equal(failureNotice('version', '모의시험'), '이전 버전에서 저장된 모의시험이라 새로 시작했습니다.');
});
