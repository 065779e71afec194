/**
 * Event recording. Legacy core/v1 recorders (client-go tools/record, used by the kubelet and the
 * kube-controller-manager's controllers) pass every event through their broadcaster's EventCorrelator
 * (eventcorrelator.ts) before writing it: one correlator per source, as each of those components has
 * its own broadcaster. Events are objects in the object's namespace, named `<object>.<16 hex digits>`.
 * kube-scheduler records through the events/v1 library (client-go tools/events), which has no
 * correlator: see eventV1.
 */
import type { KubeObject } from '../api/object.ts';
import type { Client } from './client.ts';
import { res } from './client.ts';
import { flat } from '../clock/clock.ts';
import { COMBINED_PREFIX, EventCorrelator, hash53, MAX_LRU_CACHE_ENTRIES } from './eventcorrelator.ts';
import type { CorrelatedEvent } from './eventcorrelator.ts';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private client: Client;
  private counter = 0;
  /** One EventCorrelator per source (component and host). */
  private correlators = new Map<string, EventCorrelator>();
  /** events/v1 recorders' caches, per source: hash of the event → its name, least recent first. */
  private seen = new Map<string, Map<number, string>>();
  constructor(client: Client) {
    this.client = client;
  }

  /** recorder.Eventf of a legacy (core/v1) recorder: correlated, then created or patched. */
  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const server = this.client.server;
    const host = source.host ?? '';
    const srcKey = host ? `${source.component}\u0000${host}` : source.component;
    let correlator = this.correlators.get(srcKey);
    if (!correlator) this.correlators.set(srcKey, (correlator = new EventCorrelator()));
    const meta = obj.metadata;
    // Strings kept for the event's life are made flat (and shared: every pod's "Created container: nginx").
    message = flat(message);
    const e: CorrelatedEvent = {
      component: source.component,
      host,
      kind: obj.kind,
      namespace: meta.namespace ?? '',
      name: meta.name ?? '',
      fieldPath: fieldPath ?? '',
      uid: meta.uid ?? '',
      apiVersion: obj.apiVersion,
      type,
      reason,
      message,
      // makeEvent: ReportingController and ReportingInstance are the source's component and host.
      reportingController: source.component,
      reportingInstance: host,
    };
    const now = server.now();
    const c = correlator.correlate(e, server.clock.now(), now, () => this.newName(meta.name ?? ''));
    if (c.skip) return;
    if (c.combined) {
      // EventAggregate's new event: the combined message, no reporting fields.
      e.message = flat(COMBINED_PREFIX + message);
      e.reportingController = '';
      e.reportingInstance = '';
    }
    const info = res('events');
    const ns = meta.namespace || 'default';
    try {
      let written = false;
      if (c.count > 1) {
        // recordEvent: a strategic-merge patch of count, lastTimestamp and message.
        written = this.client.mutate(info, ns, c.name, (ev) => {
          (ev as Record<string, unknown>).count = c.count;
          ev.lastTimestamp = now;
          ev.message = e.message;
        }) !== undefined;
      }
      // A new event, or one that is gone (IsKeyNotFoundError): created, with the series' count.
      if (!written) this.client.create(info, eventObject(obj, e, c.name, ns, c.firstTimestamp, now, c.count, source, fieldPath));
      // UpdateState: the written event's own key (for a non-aggregate one, the key just observed).
      if (c.combined) correlator.updateState(e, c.count, c.firstTimestamp, c.name);
    } catch {
      // Events are best effort, as in client-go (e.g. namespace terminating).
    }
  }

  /**
   * An events/v1 recorder's Eventf (kube-scheduler): an event repeated for the same object, reason
   * and message bumps the first one's count instead of making a new one.
   */
  eventV1(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    const server = this.client.server;
    const meta = obj.metadata;
    const ns = meta.namespace || 'default';
    const now = server.now();
    message = flat(message);
    const info = res('events');
    const srcKey = source.component;
    let seen = this.seen.get(srcKey);
    if (!seen) this.seen.set(srcKey, (seen = new Map()));
    const key = hash53([meta.uid ?? '', reason, message], true);
    const sameName = seen.get(key);
    if (sameName) {
      seen.delete(key);
      seen.set(key, sameName);
    }
    const cached = sameName ? this.client.get(info, ns, sameName) : undefined;
    const io = cached?.involvedObject as { uid?: string } | undefined;
    const same = cached && io?.uid === meta.uid && cached.reason === reason && cached.message === message ? cached : undefined;
    try {
      if (same) {
        this.client.mutate(info, ns, same.metadata.name!, (ev) => {
          (ev as Record<string, unknown>).count = ((ev.count as number) ?? 1) + 1;
          ev.lastTimestamp = now;
        });
        return;
      }
      const name = this.newName(meta.name ?? '');
      seen.set(key, name);
      if (seen.size > MAX_LRU_CACHE_ENTRIES) seen.delete(seen.keys().next().value!);
      const e: CorrelatedEvent = { component: source.component, host: '', kind: obj.kind, namespace: meta.namespace ?? '', name: meta.name ?? '', fieldPath: '', uid: meta.uid ?? '', apiVersion: obj.apiVersion, type, reason, message, reportingController: source.component, reportingInstance: '' };
      this.client.create(info, eventObject(obj, e, name, ns, now, now, 1, source, undefined));
    } catch {
      // Best effort, as above.
    }
  }

  /** makeEvent's name: the object's name and the UnixNano of the event time, in hex. */
  private newName(objName: string): string {
    const hex = (BigInt(this.client.server.clock.now()) * 1_000_000n + BigInt(this.counter++ * 1000)).toString(16);
    return flat(`${objName}.${hex}`);
  }
}

/** The core/v1 Event written for `e`, its fields in the order the API server keeps them. */
function eventObject(obj: KubeObject, e: CorrelatedEvent, name: string, ns: string, first: string, now: string, count: number, source: EventSource, fieldPath: string | undefined): KubeObject {
  const meta = obj.metadata;
  const io: Record<string, unknown> = { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: meta.namespace, resourceVersion: meta.resourceVersion, uid: meta.uid };
  if (fieldPath) io.fieldPath = flat(fieldPath);
  if (!meta.namespace) delete io.namespace;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns },
    involvedObject: io,
    reason: e.reason,
    message: e.message,
    source,
    firstTimestamp: first,
    lastTimestamp: now,
    count,
    type: e.type,
    eventTime: null,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
  };
}

