import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText, plainText } from './text.ts';
import { LABS } from './index.ts';

test('lab text: paragraphs, list items and code spans', () => {
  assert.deepEqual(parseText('첫 줄 `a`\n이어짐\n\n- 하나 `b`\n- 둘\n끝'), [
    { kind: 'p', inl: [{ code: false, text: '첫 줄 ' }, { code: true, text: 'a' }, { code: false, text: ' 이어짐' }] },
    { kind: 'ul', items: [[{ code: false, text: '하나 ' }, { code: true, text: 'b' }], [{ code: false, text: '둘' }]] },
    { kind: 'p', inl: [{ code: false, text: '끝' }] },
  ]);
  assert.deepEqual(parseText('홀수 `백틱'), [{ kind: 'p', inl: [{ code: false, text: '홀수 `백틱' }] }]);
  assert.deepEqual(parseText('<script>alert(1)</script>'), [{ kind: 'p', inl: [{ code: false, text: '<script>alert(1)</script>' }] }]);
  assert.equal(plainText('`kubectl` 실행\n\n- 가'), 'kubectl 실행 가');
});

test('every lab text has balanced backticks', () => {
  for (const l of LABS) for (const t of [l.task, ...l.hints]) assert.equal((t.match(/`/g) ?? []).length % 2, 0, `${l.section}/${l.id}: ${t.slice(0, 40)}`);
});
