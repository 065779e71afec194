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
    deepFreeze(value);
    let b = this.buckets.get(bucketOf(key));
    if (!b) this.buckets.set(bucketOf(key), (b = new Map()));
    const prev = b.get(key);
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
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}
