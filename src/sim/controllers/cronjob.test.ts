import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStandard } from '../api/cron/schedule.ts';
import { mostRecentScheduleTime, nextScheduleTimeDuration } from './cronjob.ts';

const t = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

// pkg/controller/cronjob/utils.go mostRecentScheduleTime / nextScheduleTimeDuration (utils_test.go cases, in spirit).
test('mostRecentScheduleTime', () => {
  const cases: { name: string; schedule: string; created: string; last?: string; sds?: number; now: string; want?: string; missed: string; error?: string }[] = [
    { name: 'before the first time', schedule: '* * * * *', created: '2026-01-15T09:15:00Z', now: '2026-01-15T09:15:59Z', missed: 'none' },
    { name: 'the first time', schedule: '* * * * *', created: '2026-01-15T09:15:00Z', now: '2026-01-15T09:16:00.100Z', want: '2026-01-15T09:16:00Z', missed: 'none' },
    { name: 'after the last schedule', schedule: '*/5 * * * *', created: '2026-01-15T09:00:00Z', last: '2026-01-15T09:20:00Z', now: '2026-01-15T09:24:00Z', missed: 'none' },
    { name: 'a few missed', schedule: '* * * * *', created: '2026-01-15T09:15:00Z', now: '2026-01-15T09:20:30Z', want: '2026-01-15T09:20:00Z', missed: 'few' },
    { name: 'many missed', schedule: '* * * * *', created: '2026-01-15T09:15:00Z', now: '2026-01-15T11:00:30Z', want: '2026-01-15T11:00:00Z', missed: 'many' },
    { name: 'the starting deadline hides old times', schedule: '* * * * *', created: '2026-01-15T09:15:00Z', sds: 20, now: '2026-01-15T11:00:30Z', missed: 'none' },
    { name: 'the starting deadline keeps a recent one', schedule: '* * * * *', created: '2026-01-15T09:15:00Z', sds: 40, now: '2026-01-15T11:00:30Z', want: '2026-01-15T11:00:00Z', missed: 'none' },
    { name: 'a schedule that never fires', schedule: '0 0 31 2 *', created: '2026-01-15T09:15:00Z', now: '2026-01-15T11:00:30Z', missed: 'none', error: 'time difference between two schedules is less than 1 second' },
  ];
  for (const c of cases) {
    const cj = { metadata: { creationTimestamp: c.created }, spec: { startingDeadlineSeconds: c.sds }, status: { lastScheduleTime: c.last } };
    const r = mostRecentScheduleTime(cj, t(c.now), parseStandard(c.schedule), true);
    assert.equal(iso(r.mostRecent), c.want, c.name);
    assert.equal(r.missed, c.missed, c.name);
    assert.equal(r.error, c.error, c.name);
  }
});

test('nextScheduleTimeDuration: the next time after the last schedule, plus 100 ms', () => {
  const cj = { metadata: { creationTimestamp: '2026-01-15T09:15:00Z' }, spec: {}, status: { lastScheduleTime: '2026-01-15T09:20:00Z' } };
  assert.equal(nextScheduleTimeDuration(cj, t('2026-01-15T09:20:00.100Z'), parseStandard('*/5 * * * *')), 5 * 60_000);
  assert.equal(nextScheduleTimeDuration({ ...cj, status: {} }, t('2026-01-15T09:15:30Z'), parseStandard('* * * * *')), 30_100);
});
