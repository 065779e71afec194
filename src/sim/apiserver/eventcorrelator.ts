/**
 * client-go's EventCorrelator (staging/src/k8s.io/client-go/tools/record/events_cache.go), the
 * filtering, aggregation and counting every legacy (core/v1) event broadcaster applies before it
 * writes an event: the kubelet's and each kube-controller-manager controller's. Defaults of
 * NewEventCorrelatorWithOptions (record.NewBroadcaster passes no options): LRU caches of
 * maxLruCacheEntries, a similar event aggregated from the 10th distinct message within 10 minutes,
 * a token bucket of 25 events per source and object refilled by one every 5 minutes.
 */

/** events_cache.go maxLruCacheEntries: the size of each of the three caches. */
export const MAX_LRU_CACHE_ENTRIES = 4096;
/** defaultAggregateMaxEvents, defaultAggregateIntervalInSeconds. */
export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
/** defaultSpamBurst, defaultSpamQPS (a float32 in Go: 1/300 rounded to single precision). */
export const SPAM_BURST = 25;
export const SPAM_QPS = Math.fround(1 / 300);

/** EventAggregatorByReasonMessageFunc's prefix. */
export const COMBINED_PREFIX = '(combined from similar events): ';

/** The fields of a core/v1 Event the correlator reads. */
export interface CorrelatedEvent {
  component: string;
  host: string;
  kind: string;
  namespace: string;
  name: string;
  fieldPath: string;
  uid: string;
  apiVersion: string;
  type: string;
  reason: string;
  message: string;
  reportingController: string;
  reportingInstance: string;
}

/** What EventCorrelate decides (EventCorrelateResult). */
export type Correlation =
  | { skip: true }
  | {
      skip: false;
      /** A new aggregate: its message is "(combined from similar events): …" and it has no reporting fields. */
      combined: boolean;
      /** The event's name: the first observation's. */
      name: string;
      /** count > 1: patch the event `name` (count, lastTimestamp, message), or create it if it is gone. */
      count: number;
      /** The first observation's time. */
      firstTimestamp: string;
    };

/**
 * groupcache lru.Cache: Get and Add make an entry the most recent; Add beyond the size drops the
 * least recent. Keys are 53-bit hashes of client-go's key strings (a number per entry, not a string:
 * a node's kubelet keeps several per pod).
 */
class Lru<V> {
  private m = new Map<number, V>();
  get(k: number): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  add(k: number, v: V): void {
    if (this.m.has(k)) this.m.delete(k);
    this.m.set(k, v);
    if (this.m.size > MAX_LRU_CACHE_ENTRIES) this.m.delete(this.m.keys().next().value!);
  }
  get size(): number {
    return this.m.size;
  }
}

/** aggregateRecord: the distinct messages (localKeys) seen in the interval, and the last time. */
interface AggregateRecord {
  /** One message, or up to AGGREGATE_MAX_EVENTS of them. */
  keys: string | string[];
  last: number;
}

/** eventLog: how often the event was seen, when first, and the name it was written under. */
interface EventLog {
  count: number;
  first: string;
  name: string;
}

/** A token bucket (golang.org/x/time/rate Limiter as flowcontrol's tokenBucketRateLimiter uses it). */
interface SpamRecord {
  tokens: number;
  last: number;
}

export class EventCorrelator {
  private aggregates = new Lru<AggregateRecord>();
  private logs = new Lru<EventLog>();
  private spam = new Lru<SpamRecord>();

  /**
   * EventCorrelate at simulated time `nowMs` (`now` as metav1.Time marshals it): aggregate, observe,
   * then the spam filter, in that order — a filtered event still counts in the logger's cache, so the
   * next write that passes carries every occurrence.
   */
  correlate(e: CorrelatedEvent, nowMs: number, now: string, newName: () => string): Correlation {
    // EventAggregator.EventAggregate
    const aggregateKey = hashKey(e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion, e.type, e.reason, e.reportingController, e.reportingInstance);
    let record = this.aggregates.get(aggregateKey);
    if (!record || nowMs - record.last > AGGREGATE_INTERVAL_MS) record = { keys: [], last: 0 };
    const size = insertKey(record, e.message);
    record.last = nowMs;
    this.aggregates.add(aggregateKey, record);
    let combined = false;
    let key: number;
    if (size < AGGREGATE_MAX_EVENTS) key = eventKey(e);
    else {
      // "do not grow our local key set any larger than max" (sets.String.PopAny: Go's map order is
      // random; the simulator drops the oldest message, deterministically).
      popAny(record);
      combined = true;
      key = aggregateKey;
    }
    // eventLogger.eventObserve: a repeat takes the first observation's name and time. A new event's
    // name is made here only (makeEvent names every event; the simulator names the ones it keeps).
    const last = this.logs.get(key);
    const observed: EventLog = last ? { count: last.count + 1, first: last.first, name: last.name } : { count: 1, first: now, name: newName() };
    this.logs.add(key, observed);
    // EventSourceObjectSpamFilter.Filter
    if (this.filter(e, nowMs)) return { skip: true };
    return { skip: false, combined, name: observed.name, count: observed.count, firstTimestamp: observed.first };
  }

  /**
   * UpdateState(newEvent) after a successful write: the server's copy is observed under its own full
   * key (for an aggregate event, the key of its "(combined from similar events): …" message).
   */
  updateState(e: CorrelatedEvent, count: number, first: string, name: string): void {
    this.logs.add(eventKey(e), { count, first, name });
  }

  private filter(e: CorrelatedEvent, nowMs: number): boolean {
    const k = hashKey(e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion);
    let b = this.spam.get(k);
    // NewTokenBucketRateLimiterWithClock: a full bucket.
    if (!b) b = { tokens: SPAM_BURST, last: nowMs };
    // rate.Limiter.AllowN(now, 1): refill for the time since the last accepted event, capped at the
    // burst; take a token if there is a whole one (a refused event leaves the bucket as it was).
    const tokens = Math.min(SPAM_BURST, b.tokens + ((nowMs - b.last) / 1000) * SPAM_QPS);
    const accept = tokens >= 1;
    if (accept) {
      b.tokens = tokens - 1;
      b.last = nowMs;
    }
    this.spam.add(k, b);
    return !accept;
  }

  /** Entries in the three caches (tests). */
  sizes(): { aggregates: number; logs: number; spam: number } {
    return { aggregates: this.aggregates.size, logs: this.logs.size, spam: this.spam.size };
  }
}

/** getEventKey: source, involved object (with its field path), type, reason, message. */
function eventKey(e: CorrelatedEvent): number {
  return hashKey(e.component, e.host, e.kind, e.namespace, e.name, e.fieldPath, e.uid, e.apiVersion, e.type, e.reason, e.message);
}

/** Adds `message` to the record's set; returns the set's size. */
function insertKey(r: AggregateRecord, message: string): number {
  if (typeof r.keys === 'string') {
    if (r.keys === message) return 1;
    r.keys = [r.keys, message];
    return 2;
  }
  if (r.keys.length === 0) {
    r.keys = message;
    return 1;
  }
  if (!r.keys.includes(message)) r.keys.push(message);
  return r.keys.length;
}

function popAny(r: AggregateRecord): void {
  if (typeof r.keys === 'string') r.keys = [];
  else r.keys.shift();
}

/**
 * A 53-bit hash (two FNV-1a lanes) of the parts joined with no separator, as client-go's keys are
 * (strings.Join(…, "")): the same string gives the same key whatever its split into parts.
 */
function hashKey(...parts: string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const ch = p.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x01000193) ^ (b >>> 13);
    }
  }
  return (a >>> 0) * 2097152 + (b >>> 11);
}
