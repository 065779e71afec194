// Expected values: the examples of apimachinery pkg/util/duration/duration_test.go (HumanDuration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, shortHumanDuration } from './duration.ts';

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

// ShortHumanDuration (same file): one unit, truncated; kubeadm's RESIDUAL TIME and TTL.
const short: [number, string][] = [
  [-2 * s, '<invalid>'], [-1 * s, '0s'], [s, '1s'], [59 * s, '59s'], [59 * m, '59m'], [23 * h, '23h'], [24 * h - 1, '23h'],
  [364 * d, '364d'], [365 * d - 1, '364d'], [365 * d, '1y'], [3650 * d, '10y'], [3649 * d, '9y'],
];
for (const [ms, want] of short) test(`shortHumanDuration(${ms}) = ${want}`, () => assert.equal(shortHumanDuration(ms), want));
