import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goParseDuration, loadLocation, parseStandard, ZERO_TIME } from './schedule.ts';

const iso = (ms: number) => (ms === ZERO_TIME ? 'zero' : new Date(ms).toISOString().replace('.000Z', 'Z'));
const at = (s: string) => Date.parse(s);

// robfig/cron v3 parser.go error texts, as kube-apiserver returns them after `spec.schedule: Invalid value: "…": `.
test('ParseStandard errors', () => {
  const cases: [string, string][] = [
    ['', 'empty spec string'],
    ['error', 'expected exactly 5 fields, found 1: [error]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * 32 * *', 'end of range (32) above maximum (31): 32'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['-1 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['*/x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
    ['@every abc', 'failed to parse duration @every abc: time: invalid duration "abc"'],
    ['TZ=Mars/Olympus * * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ];
  for (const [spec, msg] of cases) assert.throws(() => parseStandard(spec), { message: msg }, spec);
});

test('SpecSchedule.Next', () => {
  const cases: [spec: string, from: string, next: string][] = [
    ['* * * * *', '2026-01-15T09:15:00Z', '2026-01-15T09:16:00Z'],
    ['* * * * *', '2026-01-15T09:15:59.900Z', '2026-01-15T09:16:00Z'],
    ['*/5 * * * *', '2026-01-15T09:15:00Z', '2026-01-15T09:20:00Z'],
    ['*/5 * * * *', '2026-01-15T09:17:30Z', '2026-01-15T09:20:00Z'],
    ['0 * * * *', '2026-01-15T09:15:00Z', '2026-01-15T10:00:00Z'],
    ['30 2 * * *', '2026-01-15T09:15:00Z', '2026-01-16T02:30:00Z'],
    ['0 0 1 * *', '2026-01-15T09:15:00Z', '2026-02-01T00:00:00Z'],
    ['0 0 * * mon', '2026-01-15T09:15:00Z', '2026-01-19T00:00:00Z'], // 2026-01-15 is a Thursday
    ['0 9 * * 1-5', '2026-01-16T09:00:00Z', '2026-01-19T09:00:00Z'],
    // Both day fields restricted: either matches.
    ['0 0 1 * 1', '2026-01-15T09:15:00Z', '2026-01-19T00:00:00Z'],
    ['0 0 29 2 *', '2026-01-15T09:15:00Z', '2028-02-29T00:00:00Z'],
    ['0 0 30 2 *', '2026-01-15T09:15:00Z', 'zero'],
    ['15,45 * * * *', '2026-01-15T09:15:00Z', '2026-01-15T09:45:00Z'],
    ['5/20 * * * *', '2026-01-15T09:26:00Z', '2026-01-15T09:45:00Z'],
    ['0 0 * JAN,jul *', '2026-01-31T12:00:00Z', '2026-07-01T00:00:00Z'],
    ['@hourly', '2026-01-15T09:15:00Z', '2026-01-15T10:00:00Z'],
    ['@daily', '2026-01-15T09:15:00Z', '2026-01-16T00:00:00Z'],
    ['@midnight', '2026-01-15T09:15:00Z', '2026-01-16T00:00:00Z'],
    ['@weekly', '2026-01-15T09:15:00Z', '2026-01-18T00:00:00Z'],
    ['@monthly', '2026-01-15T09:15:00Z', '2026-02-01T00:00:00Z'],
    ['@yearly', '2026-01-15T09:15:00Z', '2027-01-01T00:00:00Z'],
    ['@annually', '2026-01-15T09:15:00Z', '2027-01-01T00:00:00Z'],
    ['@every 90s', '2026-01-15T09:15:00.250Z', '2026-01-15T09:16:30Z'],
    ['@every 1h30m', '2026-01-15T09:15:00Z', '2026-01-15T10:45:00Z'],
    ['@every 100ms', '2026-01-15T09:15:00Z', '2026-01-15T09:15:01Z'],
    // Asia/Seoul is UTC+9 all year: 09:00 there is 00:00 UTC.
    ['TZ=Asia/Seoul 0 9 * * *', '2026-01-15T09:15:00Z', '2026-01-16T00:00:00Z'],
    ['CRON_TZ=Asia/Seoul 0 9 * * *', '2026-01-15T09:15:00Z', '2026-01-16T00:00:00Z'],
    // America/New_York: UTC-5 in January, UTC-4 in July.
    ['TZ=America/New_York 0 9 * * *', '2026-01-15T09:15:00Z', '2026-01-15T14:00:00Z'],
    ['TZ=America/New_York 0 9 * * *', '2026-07-15T09:15:00Z', '2026-07-15T13:00:00Z'],
  ];
  for (const [spec, from, want] of cases) assert.equal(iso(parseStandard(spec).next(at(from))), want, `${spec} after ${from}`);
});

test('time.LoadLocation and time.ParseDuration', () => {
  assert.equal(loadLocation('').name, 'UTC');
  assert.equal(loadLocation('Local').name, 'UTC');
  assert.equal(loadLocation('Asia/Seoul').name, 'Asia/Seoul');
  assert.throws(() => loadLocation('asia/seoul'), { message: 'unknown time zone asia/seoul' });
  assert.throws(() => loadLocation('Foo/Bar'), { message: 'unknown time zone Foo/Bar' });
  assert.throws(() => loadLocation('../etc'), { message: 'time: invalid location name' });
  const d: [string, number][] = [
    ['0', 0],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['-2m', -120_000],
    ['300ms', 300],
  ];
  for (const [s, ms] of d) assert.equal(goParseDuration(s), ms, s);
});
