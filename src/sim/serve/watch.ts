/**
 * Watch over HTTP (`?watch=1`): a watch cache in front of the store, as kube-apiserver's cacher
 * (k8s.io/apiserver pkg/storage/cacher). Every store change is recorded with its revision, so a watch
 * started at `resourceVersion=N` replays the changes after N and then follows live ones; `""`/`"0"`
 * start with synthetic ADDED events for the current state. A resourceVersion older than the window
 * ends the watch with an ERROR event carrying 410 Expired "too old resource version: N (M)"
 * (cacher watch_cache.go). Selectors are applied to both the old and the new object: an object that
 * stops matching is sent as DELETED, one that starts matching as ADDED (cacher.go filterWithAttrsFunction).
 */
import { clone, type KubeObject } from '../api/object.ts';
import { RESOURCES, storagePrefix, type ResourceInfo } from '../api/resources.ts';
import { fieldSelectorMatcher, labelSelectorMatcher } from '../apiserver/selectors.ts';
import type { Store, StoreEvent } from '../store/store.ts';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

interface Recorded {
  revision: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  key: string;
  value: KubeObject;
  prev?: KubeObject;
}

export interface WatchSpec {
  info: ResourceInfo;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  sendInitialEvents?: boolean;
  allowBookmarks?: boolean;
}

export type WatchSink = (type: EventType, object: unknown) => void;

/** How many changes the cache keeps (kube-apiserver sizes its watch cache per resource; one window here). */
const WINDOW = 50_000;

export class WatchCache {
  private history: Recorded[] = [];
  private oldest: number;
  private live = new Set<{ spec: WatchSpec; match: (o: KubeObject) => boolean; prefix: string; sink: WatchSink }>();
  private store: Store;

  constructor(store: Store) {
    this.store = store;
    this.oldest = store.revision();
    store.watch((ev) => this.record(ev));
  }

  /** Number of open watches (the harness lets time pass only while a client waits on one). */
  get openWatches(): number {
    return this.live.size;
  }

  private record(ev: StoreEvent) {
    const value = ev.value as KubeObject;
    if (!value || typeof value !== 'object' || !value.kind) return;
    const r: Recorded = { revision: ev.revision, type: ev.type, key: ev.key, value, prev: ev.prev as KubeObject | undefined };
    this.history.push(r);
    if (this.history.length > WINDOW) {
      const drop = this.history.splice(0, this.history.length - WINDOW);
      this.oldest = drop[drop.length - 1].revision;
    }
    for (const w of [...this.live]) if (r.key.startsWith(w.prefix)) deliver(r, w.spec, w.match, w.sink);
  }

  /** Validates the spec (throws the API error for bad selectors), then returns a starter. */
  open(spec: WatchSpec, list: () => KubeObject[]): { start(sink: WatchSink): () => void } {
    const match = matcher(spec);
    const prefix = spec.info.namespaced && spec.namespace ? `${storagePrefix(spec.info)}${spec.namespace}/` : storagePrefix(spec.info);
    return {
      start: (sink) => {
        const rv = spec.resourceVersion ?? '';
        if (rv === '' || rv === '0' || spec.sendInitialEvents) {
          for (const o of list()) if (o.kind === spec.info.kind && match(o)) sink('ADDED', o);
          if (spec.sendInitialEvents && spec.allowBookmarks) {
            sink('BOOKMARK', { kind: spec.info.kind, apiVersion: apiVersion(spec.info), metadata: { resourceVersion: String(this.store.revision()), annotations: { 'k8s.io/initial-events-end': 'true' } } });
          }
        } else {
          const n = Number(rv);
          if (!Number.isInteger(n) || n < 0) {
            sink('ERROR', status(400, 'BadRequest', `invalid resource version: ${rv}`));
            return () => {};
          }
          if (n < this.oldest) {
            sink('ERROR', status(410, 'Expired', `too old resource version: ${n} (${this.oldest + 1})`));
            return () => {};
          }
          for (const r of this.history) if (r.revision > n && r.key.startsWith(prefix)) deliver(r, spec, match, sink);
        }
        const w = { spec, match, prefix, sink };
        this.live.add(w);
        return () => {
          this.live.delete(w);
        };
      },
    };
  }
}

function apiVersion(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

function status(code: number, reason: string, message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function matcher(spec: WatchSpec): (o: KubeObject) => boolean {
  const ls = spec.labelSelector ? labelSelectorMatcher(spec.labelSelector) : undefined;
  const fs = spec.fieldSelector ? fieldSelectorMatcher(spec.info, spec.fieldSelector) : undefined;
  return (o) => (!ls || ls(o.metadata.labels ?? {})) && (!fs || fs(o));
}

function deliver(r: Recorded, spec: WatchSpec, match: (o: KubeObject) => boolean, sink: WatchSink) {
  if (r.value.kind !== spec.info.kind) return;
  if (r.type === 'DELETED') {
    if (!match(r.value)) return;
    sink('DELETED', withRV(r.value, r.revision));
    return;
  }
  const now = match(r.value);
  const before = r.type === 'MODIFIED' && r.prev ? match(r.prev) : false;
  if (now && (r.type === 'ADDED' || before)) sink(r.type, r.value);
  else if (now) sink('ADDED', r.value);
  else if (before) sink('DELETED', withRV(r.prev!, r.revision));
}

function withRV(o: KubeObject, rev: number): KubeObject {
  const c = clone(o);
  c.metadata.resourceVersion = String(rev);
  return c;
}

/** The resource whose registry prefix holds `key` (for tests and tools). */
export function resourceOfKey(key: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => key.startsWith(storagePrefix(r)) && r.kind === kind);
}
