/**
 * Event recording (client-go tools/record): events are objects in the object's namespace, named
 * `<object>.<16 hex digits>`, and repeats of the same event are aggregated by bumping `count`.
 */
import type { KubeObject } from '../api/object.ts';
import type { Client } from './client.ts';
import { res } from './client.ts';
import { flat } from '../clock/clock.ts';

/**
 * Entries of a recorder's aggregation cache (client-go tools/record events_cache.go
 * maxLruCacheEntries): each component's recorder remembers its last 4096 distinct events.
 */
export const MAX_LRU_CACHE_ENTRIES = 4096;

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private client: Client;
  private counter = 0;
  /**
   * Per source (component and host, as each component has its own recorder): aggregation key →
   * event name, least recently seen first, so repeats do not scan every event of the namespace.
   */
  private seen = new Map<string, Map<number, string>>();
  constructor(client: Client) {
    this.client = client;
  }

  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const server = this.client.server;
    const ns = obj.metadata.namespace ?? 'default';
    const now = server.now();
    // Strings kept for the event's life are made flat (and shared: every pod's "Created container: nginx").
    message = flat(message);
    if (fieldPath) fieldPath = flat(fieldPath);
    const io = {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      resourceVersion: obj.metadata.resourceVersion,
      uid: obj.metadata.uid,
      ...(fieldPath ? { fieldPath } : {}),
    };
    if (!obj.metadata.namespace) delete (io as Record<string, unknown>).namespace;
    const info = res('events');
    // Aggregate: same object, reason, message and source → one event with a higher count.
    const srcKey = `${source.component}|${source.host ?? ''}`;
    let seen = this.seen.get(srcKey);
    if (!seen) this.seen.set(srcKey, (seen = new Map()));
    // The cache is keyed by a 53-bit hash of the key (thousands of kubelets' caches hold a number per
    // event, not a string); a hit is checked against the event itself.
    const aggKey = aggregateHash(obj.metadata.uid ?? '', reason, message, fieldPath ?? '');
    const sameName = seen.get(aggKey);
    if (sameName) {
      seen.delete(aggKey);
      seen.set(aggKey, sameName);
    }
    const cached = sameName ? this.client.get(info, ns, sameName) : undefined;
    const same = cached && isSameEvent(cached, obj.metadata.uid, reason, message, source.component, fieldPath) ? cached : undefined;
    try {
      if (same) {
        this.client.mutate(info, ns, same.metadata.name!, (e) => {
          (e as Record<string, unknown>).count = ((e.count as number) ?? 1) + 1;
          e.lastTimestamp = now;
        });
        return;
      }
      // Real recorders use the UnixNano of the event time, in hex.
      const hex = (BigInt(server.clock.now()) * 1_000_000n + BigInt(this.counter++ * 1000)).toString(16);
      const name = flat(`${obj.metadata.name}.${hex}`);
      seen.set(aggKey, name);
      if (seen.size > MAX_LRU_CACHE_ENTRIES) seen.delete(seen.keys().next().value!);
      this.client.create(info, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: io,
        reason,
        message,
        source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      });
    } catch {
      // Events are best effort, as in client-go (e.g. namespace terminating).
    }
  }
}

/** The aggregation key (object uid, reason, message, field path) hashed to 53 bits (two FNV-1a). */
function aggregateHash(...parts: string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const ch = p.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x01000193) ^ (b >>> 13);
    }
    a = Math.imul(a ^ 0x7c, 0x01000193);
    b = Math.imul(b ^ 0x7c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0) * 2097152 + (b >>> 11);
}

function isSameEvent(e: KubeObject, uid: string | undefined, reason: string, message: string, component: string, fieldPath: string | undefined): boolean {
  const io = e.involvedObject as { uid?: string; fieldPath?: string } | undefined;
  return io?.uid === uid && e.reason === reason && e.message === message && (e.source as EventSource | undefined)?.component === component && (io?.fieldPath ?? '') === (fieldPath ?? '');
}
