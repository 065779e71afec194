/**
 * An etcd-like key-value store: keys `/registry/<resource>/<namespace>/<name>` (cluster-scoped:
 * `/registry/<resource>/<name>`), one global revision, per-key create/mod revisions, watch.
 * Only the API server writes it. Values are frozen objects: readers share them and must clone before
 * changing anything.
 */
export interface Entry<T = unknown> {
  key: string;
  value: T;
  createRevision: number;
  modRevision: number;
  version: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  key: string;
  /** The new value (for DELETED: the last value). */
  value: unknown;
  prev?: unknown;
  revision: number;
}

export type Watcher = (ev: StoreEvent) => void;

export interface StoreSnapshot {
  revision: number;
  entries: Entry[];
}

export class Store {
  private rev = 1;
  /** Two levels (resource prefix → key → entry) so listing one resource does not scan the others. */
  private buckets = new Map<string, Map<string, Entry>>();
  private watchers = new Set<Watcher>();
  /** Small frozen parts of stored values, shared between objects that hold equal ones. */
  private shared = new Interner();

  revision(): number {
    return this.rev;
  }

  get(key: string): Entry | undefined {
    return this.bucket(key)?.get(key);
  }

  /** Entries whose key starts with `prefix`, sorted by key (as an etcd range read returns them). */
  list(prefix: string): Entry[] {
    const out = this.scan(prefix);
    out.sort((a, c) => (a.key < c.key ? -1 : a.key > c.key ? 1 : 0));
    return out;
  }

  /** Like list, in insertion order (deterministic, no sort): for in-process informers. */
  scan(prefix: string): Entry[] {
    const b = this.buckets.get(bucketOf(prefix));
    if (!b) return [];
    const out: Entry[] = [];
    for (const e of b.values()) if (e.key.startsWith(prefix)) out.push(e);
    return out;
  }

  /** Number of entries in one resource bucket (e.g. "/registry/pods/"), without listing them. */
  count(prefix: string): number {
    return this.buckets.get(bucketOf(prefix))?.size ?? 0;
  }

  /** Every key in the store, sorted (for etcdctl get --prefix). */
  keys(prefix = ''): string[] {
    const out: string[] = [];
    for (const b of this.buckets.values()) for (const k of b.keys()) if (k.startsWith(prefix)) out.push(k);
    return out.sort();
  }

  /** Writes `value` under `key`; `value` is stamped by `stamp(revision)` before it is frozen. */
  put<T>(key: string, value: T, stamp?: (v: T, revision: number) => void): Entry<T> {
    const rev = ++this.rev;
    stamp?.(value, rev);
    const bucket = bucketOf(key);
    let b = this.buckets.get(bucket);
    if (!b) this.buckets.set(bucket, (b = new Map()));
    const prev = b.get(key);
    if (SHARED_BUCKETS.has(bucket) && value && typeof value === 'object' && !Object.isFrozen(value)) {
      // An update is a changed copy of the stored object: its unchanged parts (a pod's spec when the
      // kubelet writes its status) become the stored ones again, so a reader that kept the old
      // object does not keep a second copy of them.
      if (prev) reuseUnchanged(prev.value, value);
      share(value, this.shared);
    }
    deepFreeze(value);
    const e: Entry<T> = {
      key,
      value,
      createRevision: prev ? prev.createRevision : rev,
      modRevision: rev,
      version: prev ? prev.version + 1 : 1,
    };
    b.set(key, e);
    this.emit({ type: prev ? 'MODIFIED' : 'ADDED', key, value, prev: prev?.value, revision: rev });
    return e;
  }

  delete(key: string): Entry | undefined {
    const b = this.bucket(key);
    const prev = b?.get(key);
    if (!b || !prev) return undefined;
    const rev = ++this.rev;
    b.delete(key);
    this.emit({ type: 'DELETED', key, value: prev.value, prev: prev.value, revision: rev });
    return prev;
  }

  watch(w: Watcher): () => void {
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  snapshot(): StoreSnapshot {
    const entries: Entry[] = [];
    for (const b of this.buckets.values()) for (const e of b.values()) entries.push(e);
    return { revision: this.rev, entries };
  }

  /**
   * Replace the whole content (etcd restore). Without `notify` watchers see nothing; with it they get
   * what an informer's relist after the API server restart yields: DELETED for keys that are gone,
   * ADDED for new keys, MODIFIED for changed ones (the revision is bumped past both histories, as
   * `etcdutl snapshot restore --bump-revision` advises).
   */
  restore(s: StoreSnapshot, notify = false): void {
    const before = notify ? new Map(this.snapshot().entries.map((e) => [e.key, e])) : undefined;
    this.buckets.clear();
    for (const e of s.entries) {
      let b = this.buckets.get(bucketOf(e.key));
      if (!b) this.buckets.set(bucketOf(e.key), (b = new Map()));
      b.set(e.key, e);
    }
    this.rev = Math.max(this.rev, s.revision);
    if (!before) return;
    const after = new Map(s.entries.map((e) => [e.key, e]));
    for (const [key, e] of before) if (!after.has(key)) this.emit({ type: 'DELETED', key, value: e.value, prev: e.value, revision: ++this.rev });
    for (const [key, e] of after) {
      const old = before.get(key);
      if (!old) this.emit({ type: 'ADDED', key, value: e.value, revision: ++this.rev });
      else if (old.value !== e.value) this.emit({ type: 'MODIFIED', key, value: e.value, prev: old.value, revision: ++this.rev });
    }
  }

  private bucket(key: string) {
    return this.buckets.get(bucketOf(key));
  }

  private emit(ev: StoreEvent) {
    for (const w of this.watchers) w(ev);
  }
}

/** "/registry/pods/default/nginx" → "/registry/pods/". */
function bucketOf(key: string): string {
  const i = key.indexOf('/', '/registry/'.length);
  return i < 0 ? key + (key.endsWith('/') ? '' : '/') : key.slice(0, i + 1);
}

export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k in v) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/**
 * Replaces the not-frozen parts of `next` that are equal (as JSON) to the same parts of `prev` by
 * prev's (frozen) parts. Returns prev when all of `next` equals it, else next.
 */
function reuseUnchanged(prev: unknown, next: unknown): unknown {
  if (prev === next) return prev;
  if (!prev || !next || typeof prev !== 'object' || typeof next !== 'object') return next;
  if (Array.isArray(prev) !== Array.isArray(next)) return next;
  if (!Array.isArray(next) && (Object.getPrototypeOf(next) !== Object.prototype || Object.getPrototypeOf(prev) !== Object.prototype)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const nk = Object.keys(n);
  const pk = Object.keys(p);
  let equal = nk.length === pk.length;
  const writable = !Object.isFrozen(n);
  for (let i = 0; i < nk.length; i++) {
    const k = nk[i];
    const x = n[k];
    if (equal && pk[i] !== k) equal = false;
    if (!Object.hasOwn(p, k)) {
      equal = false;
      continue;
    }
    const y = p[k];
    if (x === y) continue;
    if (x === undefined || y === undefined || typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      // Numbers compare as JSON does (-0 prints as 0).
      if (!(typeof x === 'number' && x === y)) equal = false;
      continue;
    }
    const r = reuseUnchanged(y, x);
    if (r === y) {
      if (writable) n[k] = y;
      else equal = false;
    } else equal = false;
  }
  return equal ? prev : next;
}

/**
 * Recently stored small parts (an ownerReference, a toleration, a condition stamped in the same
 * second, an event's source), keyed by their content in property order (strings and property names
 * length-prefixed, so no two contents share a key). Two generations of at most
 * LIMIT entries each, so the table stays small however many objects pass through it.
 */
class Interner {
  static readonly LIMIT = 1 << 12;
  private cur = new Map<string, object>();
  private old = new Map<string, object>();

  canonical(key: string, v: object): object {
    let c = this.cur.get(key);
    if (c) return c;
    c = this.old.get(key);
    if (!c) c = v;
    this.cur.set(key, c);
    if (this.cur.size >= Interner.LIMIT) {
      this.old = this.cur;
      this.cur = new Map();
    }
    return c;
  }
}

/** The resources a cluster has by the ten thousand, whose objects share their small parts. */
const SHARED_BUCKETS = new Set(['/registry/pods/', '/registry/events/']);

/** Parts whose content key is longer than this are not shared (their parents neither). */
const MAX_SHARED_KEY = 240;

/**
 * Replaces the not-yet-frozen plain parts of `v` by equal parts stored before (values are frozen
 * once stored, so sharing them is invisible to readers). Returns `v`'s content key, or undefined
 * when `v` is too big (or not plain data) to be shared.
 */
function share(v: object, t: Interner): string | undefined {
  const arr = Array.isArray(v);
  if (!arr && Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  // Joined at the end: a flat key (a key built by += is a tree of small strings in V8).
  let parts: string[] | undefined = [arr ? '[' : '{'];
  let length = 1;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const x = o[k];
    let part: string | undefined;
    if (x === null) part = 'null';
    else if (x === undefined) part = 'undefined';
    else if (typeof x === 'object') {
      if (!Object.isFrozen(x)) {
        part = share(x, t);
        if (part !== undefined) {
          const c = t.canonical(part, x);
          if (c !== x) o[k] = c;
        }
      }
    } else if (typeof x === 'string') part = `${x.length}"${x}`;
    else if (typeof x === 'number') part = Object.is(x, -0) ? '-0' : String(x);
    else if (typeof x === 'boolean') part = x ? 'true' : 'false';
    if (!parts) continue;
    if (part === undefined) parts = undefined;
    else {
      if (!arr) {
        parts.push(String(k.length), '"', k, ':');
        length += k.length + 4;
      }
      parts.push(part, ',');
      length += part.length + 1;
      if (length > MAX_SHARED_KEY) parts = undefined;
    }
  }
  if (!parts) return undefined;
  if (arr && keys.length !== (v as unknown[]).length) return undefined;
  parts.push(arr ? ']' : '}');
  return parts.join('');
}
