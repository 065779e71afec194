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
 * groupcache lru.Cache of at most MAX_LRU_CACHE_ENTRIES keys: get and add make a key the most
 * recent; adding to a full cache replaces the least recent key. Keys are 53-bit hashes of client-go's
 * key strings. The values live in two arrays indexed by slot, `nums` (after each slot's key and last
 * use) and `refs`: a node's kubelet has nine entries a pod in its three caches, with no object each.
 */
export class LruTable {
  /** Per slot: the key, its last use, then the owner's `numCols` numbers. */
  readonly nums: number[] = [];
  /** Per slot: the owner's `refCols` other values. */
  readonly refs: unknown[] = [];
  readonly stride: number;
  private readonly refCols: number;
  private n = 0;
  private clock = 0;
  /** Open addressing with linear probing: slot + 1, 0 for empty; at most half full. */
  private index = new Int32Array(16);

  constructor(numCols: number, refCols: number) {
    this.stride = 2 + numCols;
    this.refCols = refCols;
  }

  get size(): number {
    return this.n;
  }

  /** lru.Get: the key's slot, made the most recent, or -1. */
  get(key: number): number {
    const s = this.find(key);
    if (s >= 0) this.nums[s * this.stride + 1] = ++this.clock;
    return s;
  }

  /**
   * lru.Add of a key not in the cache: its slot, the least recent one's in a full cache (found by a
   * scan: a cache fills only after thousands of objects). The caller sets the slot's values.
   */
  add(key: number): number {
    let s: number;
    if (this.n < MAX_LRU_CACHE_ENTRIES) {
      s = this.n++;
      this.nums.push(key, ++this.clock);
      for (let i = 2; i < this.stride; i++) this.nums.push(0);
      for (let i = 0; i < this.refCols; i++) this.refs.push(undefined);
      if (this.n * 2 > this.index.length) this.rehash(this.index.length * 2);
      else this.place(s);
      return s;
    }
    s = 0;
    for (let i = 1, least = this.nums[1]; i < this.n; i++) {
      const used = this.nums[i * this.stride + 1];
      if (used < least) {
        least = used;
        s = i;
      }
    }
    this.unindex(s);
    this.nums[s * this.stride] = key;
    this.nums[s * this.stride + 1] = ++this.clock;
    this.place(s);
    return s;
  }

  private find(key: number): number {
    const mask = this.index.length - 1;
    for (let i = (key >>> 0) & mask; ; i = (i + 1) & mask) {
      const v = this.index[i];
      if (v === 0) return -1;
      if (this.nums[(v - 1) * this.stride] === key) return v - 1;
    }
  }

  private home(s: number, mask: number): number {
    return (this.nums[s * this.stride] >>> 0) & mask;
  }

  private place(s: number): void {
    const mask = this.index.length - 1;
    let i = this.home(s, mask);
    while (this.index[i] !== 0) i = (i + 1) & mask;
    this.index[i] = s + 1;
  }

  /** Removes slot s from the index, shifting back the entries probed past it. */
  private unindex(s: number): void {
    const mask = this.index.length - 1;
    let i = this.home(s, mask);
    while (this.index[i] !== s + 1) i = (i + 1) & mask;
    for (let j = (i + 1) & mask; this.index[j] !== 0; j = (j + 1) & mask) {
      const home = this.home(this.index[j] - 1, mask);
      // The entry at j stays if its home lies cyclically in (i, j].
      if (i <= j ? i < home && home <= j : i < home || home <= j) continue;
      this.index[i] = this.index[j];
      i = j;
    }
    this.index[i] = 0;
  }

  private rehash(size: number): void {
    this.index = new Int32Array(size);
    for (let s = 0; s < this.n; s++) this.place(s);
  }
}

export class EventCorrelator {
  /** EventAggregator's cache: aggregateRecord (lastTimestamp; localKeys: one message or up to 10). */
  private aggregates = new LruTable(1, 1);
  /** eventLogger's cache: eventLog (count; firstTimestamp, name). */
  private logs = new LruTable(1, 2);
  /** EventSourceObjectSpamFilter's cache: a token bucket (golang.org/x/time/rate Limiter: tokens, last). */
  private spam = new LruTable(2, 0);

  /**
   * EventCorrelate at simulated time `nowMs` (`now` as metav1.Time marshals it): aggregate, observe,
   * then the spam filter, in that order — a filtered event still counts in the logger's cache, so the
   * next write that passes carries every occurrence.
   */
  correlate(e: CorrelatedEvent, nowMs: number, now: string, newName: () => string): Correlation {
    // EventAggregator.EventAggregate
    const aggregateKey = hashKey(e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion, e.type, e.reason, e.reportingController, e.reportingInstance);
    const ag = this.aggregates;
    let a = ag.get(aggregateKey);
    let size: number;
    if (a >= 0 && nowMs - ag.nums[a * ag.stride + 2] <= AGGREGATE_INTERVAL_MS) size = insertKey(ag.refs, a, e.message);
    else {
      // No record, or one older than the interval: a fresh set.
      if (a < 0) a = ag.add(aggregateKey);
      ag.refs[a] = e.message;
      size = 1;
    }
    ag.nums[a * ag.stride + 2] = nowMs;
    let combined = false;
    let key: number;
    if (size < AGGREGATE_MAX_EVENTS) key = eventKey(e);
    else {
      // "do not grow our local key set any larger than max" (sets.String.PopAny: Go's map order is
      // random; the simulator drops the oldest message, deterministically).
      (ag.refs[a] as string[]).shift();
      combined = true;
      key = aggregateKey;
    }
    // eventLogger.eventObserve: a repeat takes the first observation's name and time. A new event's
    // name is made here only (makeEvent names every event; the simulator names the ones it keeps).
    const lg = this.logs;
    let l = lg.get(key);
    if (l >= 0) lg.nums[l * lg.stride + 2]++;
    else {
      l = lg.add(key);
      lg.nums[l * lg.stride + 2] = 1;
      lg.refs[l * 2] = now;
      lg.refs[l * 2 + 1] = newName();
    }
    const count = lg.nums[l * lg.stride + 2];
    const firstTimestamp = lg.refs[l * 2] as string;
    const name = lg.refs[l * 2 + 1] as string;
    // EventSourceObjectSpamFilter.Filter
    if (this.filter(e, nowMs)) return { skip: true };
    return { skip: false, combined, name, count, firstTimestamp };
  }

  /**
   * UpdateState(newEvent) after a successful write: the server's copy is observed under its own full
   * key (for an aggregate event, the key of its "(combined from similar events): …" message).
   */
  updateState(e: CorrelatedEvent, count: number, first: string, name: string): void {
    const key = eventKey(e);
    const lg = this.logs;
    let l = lg.get(key);
    if (l < 0) l = lg.add(key);
    lg.nums[l * lg.stride + 2] = count;
    lg.refs[l * 2] = first;
    lg.refs[l * 2 + 1] = name;
  }

  private filter(e: CorrelatedEvent, nowMs: number): boolean {
    const k = hashKey(e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion);
    const sp = this.spam;
    let b = sp.get(k);
    if (b < 0) {
      // NewTokenBucketRateLimiterWithClock: a full bucket.
      b = sp.add(k);
      sp.nums[b * sp.stride + 2] = SPAM_BURST;
      sp.nums[b * sp.stride + 3] = nowMs;
    }
    const t = b * sp.stride + 2;
    // rate.Limiter.AllowN(now, 1): refill for the time since the last accepted event, capped at the
    // burst; take a token if there is a whole one (a refused event leaves the bucket as it was).
    const tokens = Math.min(SPAM_BURST, sp.nums[t] + ((nowMs - sp.nums[t + 1]) / 1000) * SPAM_QPS);
    if (tokens < 1) return true;
    sp.nums[t] = tokens - 1;
    sp.nums[t + 1] = nowMs;
    return false;
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

/** Adds `message` to the set at keys[i] (one message, or an array of them); returns the set's size. */
function insertKey(keys: unknown[], i: number, message: string): number {
  const k = keys[i] as string | string[];
  if (typeof k === 'string') {
    if (k === message) return 1;
    keys[i] = [k, message];
    return 2;
  }
  if (!k.includes(message)) k.push(message);
  return k.length;
}

/**
 * A 53-bit hash (two FNV-1a lanes) of the parts joined with no separator, as client-go's keys are
 * (strings.Join(…, "")): the same string gives the same key whatever its split into parts.
 */
function hashKey(...parts: string[]): number {
  return hash53(parts, false);
}

/** Two FNV-1a lanes over the parts (each ended by '|' when `separated`), as one 53-bit number. */
export function hash53(parts: readonly string[], separated: boolean): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const ch = p.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x01000193) ^ (b >>> 13);
    }
    if (separated) {
      a = Math.imul(a ^ 0x7c, 0x01000193);
      b = Math.imul(b ^ 0x7c, 0x01000193) ^ (b >>> 13);
    }
  }
  return (a >>> 0) * 2097152 + (b >>> 11);
}
