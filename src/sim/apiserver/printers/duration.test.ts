// Expected values: the examples of apimachinery pkg/util/duration/duration_test.go (HumanDuration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration } from './duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const cases: [number, string][] = [
  [-2 * s, '<invalid>'], [-1 * s, '0s'], [0, '0s'], [5 * s, '5s'], [119 * s, '119s'], [2 * m, '2m'], [2 * m + 3 * s, '2m3s'],
  [10 * m, '10m'], [179 * m, '179m'], [3 * h, '3h'], [3 * h + 5 * m, '3h5m'], [8 * h, '8h'], [47 * h, '47h'],
  [2 * d, '2d'], [2 * d + 3 * h, '2d3h'], [8 * d, '8d'], [729 * d, '729d'], [2 * 365 * d, '2y'], [2 * 365 * d + 10 * d, '2y10d'], [8 * 365 * d, '8y'],
];
for (const [ms, want] of cases) test(`humanDuration(${ms}) = ${want}`, () => assert.equal(humanDuration(ms), want));
