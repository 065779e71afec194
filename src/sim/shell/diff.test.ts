/** diff output checked against GNU diffutils 3.8 (`diff -u`, normal format) on the same inputs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalDiff, unifiedHunks, diffTime } from './diff.ts';

const n = (k: number) => Array.from({ length: k }, (_, i) => `${i + 1}\n`).join('');

test('unified hunks: merged when 6 unchanged lines apart, split at 7 (GNU diff -u)', () => {
  const a = n(12);
  assert.equal(
    unifiedHunks(a, a.replace(/^2$/m, 'X').replace(/^9$/m, 'Y')),
    '@@ -1,12 +1,12 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n 10\n 11\n 12\n',
  );
  assert.equal(unifiedHunks(a, a.replace(/^2$/m, 'X').replace(/^10$/m, 'Y')), '@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -7,6 +7,6 @@\n 7\n 8\n 9\n-10\n+Y\n 11\n 12\n');
});

test('unified: empty ranges, counts of 1, no newline at end', () => {
  assert.equal(unifiedHunks('x\n', ''), '@@ -1 +0,0 @@\n-x\n');
  assert.equal(unifiedHunks('', 'new\n'), '@@ -0,0 +1 @@\n+new\n');
  assert.equal(unifiedHunks('x', 'y\n'), '@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n');
  assert.equal(unifiedHunks('a\n', 'a\n'), '');
});

test('normal format (GNU diff without options)', () => {
  assert.equal(normalDiff('a\nb\n', 'a\nc\nd\n'), '2c2,3\n< b\n---\n> c\n> d\n');
  assert.equal(normalDiff('a\nc\nd\n', 'a\nb\n'), '2,3c2\n< c\n< d\n---\n> b\n');
  assert.equal(normalDiff('x\n', ''), '1d0\n< x\n');
  assert.equal(normalDiff('', 'x\n'), '0a1\n> x\n');
});

test('timestamps as diff -u prints them', () => {
  assert.equal(diffTime(0), '1970-01-01 00:00:00.000000000 +0000');
  assert.equal(diffTime(Date.UTC(2026, 10, 27, 14, 55, 32, 269)), '2026-11-27 14:55:32.269000000 +0000');
});

test('ties broken as GNU diff breaks them (discards, middle snake, shift_boundaries)', () => {
  // Outputs of GNU diff 3.8 on these inputs.
  assert.equal(unifiedHunks('b\nc\ne\nd\nc\ne\ne\na\n', 'b\nc\nz\nd\ne\n'), '@@ -1,8 +1,5 @@\n b\n c\n-e\n+z\n d\n-c\n-e\n e\n-a\n');
  assert.equal(unifiedHunks('b\ne\na\ne\na\na\nd\n', 'e\ne\na\ne\na\nd\n'), '@@ -1,7 +1,6 @@\n-b\n e\n-a\n e\n a\n+e\n a\n d\n');
  assert.equal(normalDiff('c\nb\nb\nd\ne\na\ne\na\ne\nc\nd\nd\n', 'c\nb\nb\nf\ne\na\ne\nc\nd\n'), '4,6c4\n< d\n< e\n< a\n---\n> f\n11d8\n< d\n');
});
