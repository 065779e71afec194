/**
 * Event recording. Legacy core/v1 recorders (client-go tools/record, used by the kubelet and the
 * kube-controller-manager's controllers) pass every event through their broadcaster's EventCorrelator
 * (eventcorrelator.ts) before writing it: one correlator per source, as each of those components has
 * its own broadcaster. Events are objects in the object's namespace, named `<object>.<16 hex digits>`.
 * kube-scheduler records through the events/v1 library (client-go tools/events), which has no
 * correlator: see eventV1.
 */
import { clone, type KubeObject } from '../api/object.ts';
import type { TimerHandle } from '../clock/clock.ts';
import type { Client } from './client.ts';
import { res } from './client.ts';
import { flat } from '../clock/clock.ts';
import { COMBINED_PREFIX, EventCorrelator } from './eventcorrelator.ts';
import type { CorrelatedEvent } from './eventcorrelator.ts';

export interface EventSource {
  component: string;
  host?: string;
}

/** An events/v1 recorder's identity and the action of what it records (kube-scheduler: Binding, Scheduling, Preempting). */
export interface EventsV1Source {
  /** reportingController: the scheduler profile's name. */
  controller: string;
  /** os.Hostname() of the process: the node for a host-network static pod, else the pod's name. */
  hostname: string;
  action: string;
}

/** The broadcaster's cache entry: the event as written, and its series once repeated. */
interface CachedV1Event {
  event: KubeObject;
  eventTimeMs: number;
  series?: { count: number; lastObservedTime: string };
  /** When the series was last observed (simulated ms). */
  lastMs?: number;
}

interface V1Broadcaster {
  cache: Map<string, CachedV1Event>;
  startedAt: number;
  timer: TimerHandle | null;
}

/** client-go tools/events: finishTime and refreshTime. */
const FINISH_TIME_MS = 6 * 60_000;
const REFRESH_TIME_MS = 30 * 60_000;

/** ref.GetReference of an object: an event's involvedObject (`regarding` in events/v1). */
function objectReference(obj: KubeObject): Record<string, unknown> {
  const meta = obj.metadata;
  const io: Record<string, unknown> = { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: meta.namespace, resourceVersion: meta.resourceVersion, uid: meta.uid };
  if (!meta.namespace) delete io.namespace;
  return io;
}

export class EventRecorder {
  private client: Client;
  private counter = 0;
  /** One EventCorrelator per source (component and host). */
  private correlators = new Map<string, EventCorrelator>();
  /** events/v1 broadcasters by reporting instance (one per kube-scheduler process). */
  private broadcasters = new Map<string, V1Broadcaster>();
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
   * An events/v1 recorder's Eventf (kube-scheduler; client-go tools/events). The event is written as
   * the events.k8s.io API stores it: eventTime (µs), action, reportingController and
   * reportingInstance (`<controller>-<hostname>`), no source, first/last timestamps or count. Its
   * broadcaster keeps the events it wrote by (type, action, reason, reporting controller and
   * instance, regarding object — not the message): the same again makes a series, written at once
   * with count 2 and then only every 30 minutes (refreshExistingEventSeries) or once the series has
   * been quiet for 6 (finishSeries), which also forgets a singleton 6 minutes after it happened.
   */
  eventV1(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventsV1Source, related?: KubeObject): void {
    const server = this.client.server;
    const meta = obj.metadata;
    const ns = meta.namespace || 'default';
    const info = res('events');
    const instance = `${source.controller}-${source.hostname}`;
    let b = this.broadcasters.get(instance);
    if (!b) {
      this.broadcasters.set(instance, (b = { cache: new Map(), startedAt: server.clock.now(), timer: null }));
    }
    const io = objectReference(obj);
    const rel = related ? objectReference(related) : undefined;
    const key = JSON.stringify([type, source.action, reason, source.controller, instance, io, rel ?? null]);
    const cached = b.cache.get(key);
    const nowMicro = this.microNow();
    if (cached) {
      cached.lastMs = server.clock.now();
      if (cached.series) {
        cached.series.count++;
        cached.series.lastObservedTime = nowMicro.text;
        return;
      }
      cached.series = { count: 2, lastObservedTime: nowMicro.text };
      this.writeSeries(cached);
      this.scheduleSeriesTicks(b);
      return;
    }
    const name = flat(`${meta.name ?? ''}.${nowMicro.nanoHex}`);
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: io,
      reason,
      message: flat(message),
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: nowMicro.text,
      action: source.action,
      ...(rel ? { related: rel } : {}),
      reportingComponent: source.controller,
      reportingInstance: instance,
    };
    b.cache.set(key, { event, eventTimeMs: server.clock.now() });
    this.scheduleSeriesTicks(b);
    try {
      this.client.create(info, clone(event));
    } catch {
      // Events are best effort, as in client-go.
    }
  }

  /** recordEvent for a series: a patch of the series, or the whole event again when it is gone. */
  private writeSeries(c: CachedV1Event): void {
    const info = res('events');
    const { name, namespace } = c.event.metadata;
    const series = { count: c.series!.count, lastObservedTime: c.series!.lastObservedTime };
    try {
      const patched = this.client.mutate(info, namespace, name!, (ev) => {
        (ev as Record<string, unknown>).series = series;
      });
      if (!patched) this.client.create(info, { ...clone(c.event), series });
    } catch {
      // Best effort.
    }
  }

  /**
   * The broadcaster's two tickers, from its start: every 6 minutes finishSeries, every 30
   * refreshExistingEventSeries. Only kept running while something is cached.
   */
  private scheduleSeriesTicks(b: V1Broadcaster): void {
    if (b.timer || !b.cache.size) return;
    const clock = this.client.server.clock;
    const now = clock.now();
    const next = b.startedAt + Math.ceil((now - b.startedAt + 1) / FINISH_TIME_MS) * FINISH_TIME_MS;
    b.timer = clock.after(next - now, () => {
      b.timer = null;
      const t = clock.now();
      const ticks = Math.round((t - b.startedAt) / FINISH_TIME_MS);
      if ((ticks * FINISH_TIME_MS) % REFRESH_TIME_MS === 0) for (const c of b.cache.values()) if (c.series) this.writeSeries(c);
      for (const [k, c] of b.cache) {
        if (c.series) {
          if ((c.lastMs ?? c.eventTimeMs) < t - FINISH_TIME_MS) {
            this.writeSeries(c);
            b.cache.delete(k);
          }
        } else if (c.eventTimeMs < t - FINISH_TIME_MS) b.cache.delete(k);
      }
      this.scheduleSeriesTicks(b);
    });
  }

  /** A MicroTime of now (RFC 3339, 6 digits) and the UnixNano of the same instant in hex (event names). */
  private microNow(): { text: string; nanoHex: string } {
    const ms = this.client.server.clock.now();
    // Distinct instants for events recorded in the same simulated millisecond.
    const micro = BigInt(ms) * 1000n + BigInt(this.counter++ % 1000);
    const iso = new Date(ms).toISOString();
    return { text: `${iso.slice(0, 19)}.${String(micro % 1_000_000n).padStart(6, '0')}Z`, nanoHex: (micro * 1000n).toString(16) };
  }

  /** makeEvent's name: the object's name and the UnixNano of the event time, in hex. */
  private newName(objName: string): string {
    const hex = (BigInt(this.client.server.clock.now()) * 1_000_000n + BigInt(this.counter++ * 1000)).toString(16);
    return flat(`${objName}.${hex}`);
  }
}

/** The core/v1 Event written for `e`, its fields in the order the API server keeps them. */
function eventObject(obj: KubeObject, e: CorrelatedEvent, name: string, ns: string, first: string, now: string, count: number, source: EventSource, fieldPath: string | undefined): KubeObject {
  const io = objectReference(obj);
  if (fieldPath) io.fieldPath = flat(fieldPath);
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

