/**
 * client-go's EventCorrelator (staging/src/k8s.io/client-go/tools/record/events_cache.go, defaults of
 * NewEventCorrelatorWithOptions; recordToSink/recordEvent in event.go): aggregation of the 10th
 * distinct message within 10 minutes, the per source+object token bucket (burst 25, one every 5
 * minutes), counting, and the LRU caches of 4096 entries — and what `kubectl describe` shows of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventCorrelator, LruTable, MAX_LRU_CACHE_ENTRIES } from './eventcorrelator.ts';
import type { CorrelatedEvent } from './eventcorrelator.ts';
import { Session } from '../session.ts';
import { res } from './client.ts';

function ev(name: string, message: string, reason = 'SuccessfulCreate'): CorrelatedEvent {
  return { component: 'replicaset-controller', host: '', kind: 'ReplicaSet', namespace: 'default', name, fieldPath: '', uid: `uid-${name}`, apiVersion: 'apps/v1', type: 'Normal', reason, message, reportingController: 'replicaset-controller', reportingInstance: '' };
}

function names() {
  let n = 0;
  return () => `e${n++}`;
}

test('EventAggregate: the 10th distinct message of a source/object/type/reason within 10 minutes is a combined event, later ones bump it', () => {
  const c = new EventCorrelator();
  const next = names();
  const out = [];
  for (let i = 1; i <= 12; i++) out.push(c.correlate(ev('web', `Created pod: web-${i}`), 1000 * i, 't', next));
  // 1–9: new events of their own.
  for (let i = 0; i < 9; i++) assert.deepEqual(out[i], { skip: false, combined: false, name: `e${i}`, count: 1, firstTimestamp: 't' });
  // 10: a new aggregate event (EventAggregatorByReasonMessageFunc), 11 and 12: its count.
  assert.deepEqual(out[9], { skip: false, combined: true, name: 'e9', count: 1, firstTimestamp: 't' });
  assert.deepEqual(out[10], { skip: false, combined: true, name: 'e9', count: 2, firstTimestamp: 't' });
  assert.deepEqual(out[11], { skip: false, combined: true, name: 'e9', count: 3, firstTimestamp: 't' });
  // A repeat of a message still in the set (9 kept after PopAny) is counted on its own event.
  // (The simulator's PopAny drops the oldest: web-4…web-12 are kept.)
  assert.deepEqual(c.correlate(ev('web', 'Created pod: web-12'), 13_000, 't', next), { skip: false, combined: false, name: 'e10', count: 1, firstTimestamp: 't' });
  // Another reason is another aggregate.
  assert.deepEqual(c.correlate(ev('web', 'Deleted pod: web-1', 'SuccessfulDelete'), 14_000, 't', next), { skip: false, combined: false, name: 'e11', count: 1, firstTimestamp: 't' });
});

test('EventAggregate: a record older than the interval (now - last > 600 s) starts over; exactly 600 s does not', () => {
  const c = new EventCorrelator();
  const next = names();
  for (let i = 1; i <= 9; i++) c.correlate(ev('a', `m${i}`), 0, 't', next);
  // The record's lastTimestamp is the last similar event's: 600 s later it still counts.
  assert.equal((c.correlate(ev('a', 'm10'), 600_000, 't', next) as { combined: boolean }).combined, true);
  for (let i = 1; i <= 9; i++) c.correlate(ev('b', `m${i}`), 0, 't', next);
  assert.equal((c.correlate(ev('b', 'm10'), 600_001, 't', next) as { combined: boolean }).combined, false);
});

test('EventSourceObjectSpamFilter: 25 events per source and object, then one per 300 s; filtered events still count', () => {
  const c = new EventCorrelator();
  const next = names();
  const seen = (t: number) => c.correlate(ev('web', 'same'), t, `t${t}`, next);
  for (let i = 1; i <= 25; i++) assert.deepEqual(seen(0), { skip: false, combined: false, name: 'e0', count: i, firstTimestamp: 't0' });
  for (let i = 0; i < 5; i++) assert.deepEqual(seen(1000), { skip: true });
  // 299 s after the last accepted one: 0.9967 tokens; at 300 s a whole one (1/300 as a float32 is a
  // hair above 1/300).
  assert.deepEqual(seen(299_000), { skip: true });
  assert.deepEqual(seen(300_000), { skip: false, combined: false, name: 'e0', count: 32, firstTimestamp: 't0' });
  assert.deepEqual(seen(300_000), { skip: true });
  // Another object of the same source has its own bucket.
  assert.equal(c.correlate(ev('other', 'same'), 300_000, 't', next).skip, false);
});

test('the caches are LRUs of maxLruCacheEntries: an object unseen for 4096 others is forgotten (a full bucket again)', () => {
  const c = new EventCorrelator();
  const next = names();
  for (let i = 0; i < 26; i++) c.correlate(ev('old', 'x'), 0, 't', next);
  assert.equal(c.correlate(ev('old', 'x'), 0, 't', next).skip, true);
  for (let i = 0; i < MAX_LRU_CACHE_ENTRIES; i++) c.correlate(ev(`o${i}`, 'x'), 0, 't', next);
  assert.deepEqual(c.sizes(), { aggregates: MAX_LRU_CACHE_ENTRIES, logs: MAX_LRU_CACHE_ENTRIES, spam: MAX_LRU_CACHE_ENTRIES });
  // Its log is gone too: a new event (count 1, a new name).
  assert.deepEqual(c.correlate(ev('old', 'x'), 0, 't', next), { skip: false, combined: false, name: `e${MAX_LRU_CACHE_ENTRIES + 1}`, count: 1, firstTimestamp: 't' });
});

test('LruTable keeps what a Map-based LRU of 4096 keeps, through evictions (keys colliding in its index)', () => {
  const t = new LruTable(0, 0);
  const ref = new Map<number, number>();
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < 60_000; i++) {
    // Few distinct low bits, so probe chains are long and eviction shifts them back.
    const key = (rnd() % 9000) * 65536;
    const s = t.get(key);
    if (ref.has(key)) {
      assert.equal(s, ref.get(key));
      ref.delete(key);
      ref.set(key, s);
      continue;
    }
    assert.equal(s, -1);
    const slot = t.add(key);
    if (ref.size === MAX_LRU_CACHE_ENTRIES) {
      const [oldest, oldSlot] = ref.entries().next().value!;
      ref.delete(oldest);
      assert.equal(slot, oldSlot);
    }
    ref.set(key, slot);
  }
  assert.equal(t.size, MAX_LRU_CACHE_ENTRIES);
  for (const [k, s] of ref) assert.equal(t.get(k), s);
});

function describeEvents(s: Session, cmd: string): string[] {
  const out = Session.format(s.run(cmd));
  return out.slice(out.indexOf('Events:')).trimEnd().split('\n').slice(3);
}

test('a ReplicaSet of 40: 9 SuccessfulCreate events, then one "(combined from similar events)" of the other 31 as far as the spam filter lets them (x16)', () => {
  const s = new Session({ seed: 1 });
  s.run('kubectl create deployment big --image=nginx:1.27 --replicas=40');
  s.run('sleep 30');
  const rows = describeEvents(s, 'kubectl describe rs');
  assert.equal(rows.length, 10);
  for (const r of rows.slice(0, 9)) assert.match(r, /^ {2}Normal {2}SuccessfulCreate {2}30s {17}replicaset-controller {2}Created pod: big-[a-z0-9]+-[a-z0-9]{5}$/);
  // 25 tokens: 9 events, the aggregate's creation and 15 patches of it (count 16); 15 more filtered.
  assert.match(rows[9], /^ {2}Normal {2}SuccessfulCreate {2}30s \(x16 over 30s\) {2}replicaset-controller {2}\(combined from similar events\): Created pod: big-/);
  const events = s.cluster.client.list(res('events'), 'default').filter((e) => (e.involvedObject as { kind: string }).kind === 'ReplicaSet');
  assert.equal(events.length, 10);
  // The aggregate event is made by EventAggregate, without the reporting fields makeEvent sets.
  const agg = events.find((e) => e.count === 16)!;
  assert.equal(agg.reportingComponent, '');
  assert.equal(agg.reportingInstance, '');
  assert.deepEqual(agg.source, { component: 'replicaset-controller' });
  // 6m40s later a token has come back: one SuccessfulDelete of the 40 is written.
  s.run('sleep 6m');
  s.run('kubectl scale deployment big --replicas=0');
  s.run('sleep 10');
  const after = describeEvents(s, 'kubectl describe rs');
  assert.equal(after.filter((r) => r.includes('SuccessfulDelete')).length, 1);
});

test('a crash-looping pod: after 25 events about it the kubelet writes one every 5 minutes, the first to come (its count carries the filtered ones)', () => {
  const s = new Session({ seed: 1 });
  s.run('kubectl run crash --image=busybox:1.36 -- sh -c "exit 1"');
  const counts = () => {
    const m = new Map<string, number>();
    for (const e of s.cluster.client.list(res('events'), 'default')) {
      if ((e.involvedObject as { name: string }).name !== 'crash' || (e.source as { component: string }).component !== 'kubelet') continue;
      m.set(`${e.reason} ${(e.message as string).split(' ')[0]}`, e.count as number);
    }
    return m;
  };
  s.run('sleep 10m');
  const at10 = counts();
  // 26 writes in 10 minutes: the burst of 25 and one refill.
  assert.equal([...at10.values()].reduce((a, b) => a + b, 0), 26);
  s.run('sleep 30m');
  const at40 = counts();
  // A restart's first event ("already present" Pulled) takes each refilled token, with the count of
  // every restart; Created, Started and BackOff after it are filtered, so their counts stand still.
  assert.equal(at40.get('Pulled Container'), 12);
  for (const k of ['Created Created', 'Started Started', 'BackOff Back-off']) assert.equal(at40.get(k), at10.get(k), k);
});
