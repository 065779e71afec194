/**
 * events.k8s.io/v1 and core/v1 Events are one storage (the core Event): pkg/apis/events/v1/conversion.go
 * converts between them (Regarding↔InvolvedObject, Note↔Message, ReportingController↔ReportingComponent,
 * DeprecatedSource/FirstTimestamp/LastTimestamp/Count↔Source/FirstTimestamp/LastTimestamp/Count).
 */
import type { KubeObject } from './object.ts';

type Obj = Record<string, unknown>;

export const EVENTS_V1 = 'events.k8s.io/v1';

/**
 * Convert_core_Event_To_v1_Event: the events.k8s.io/v1 Event of a stored core Event, its keys in
 * the Go struct's order and with its JSON tags' omitempty (Regarding, DeprecatedSource and the
 * metav1.Time fields are structs: always written; a zero time as null).
 */
export function toEventsV1(o: KubeObject): KubeObject {
  if (o.apiVersion === EVENTS_V1) return o;
  const e = o as unknown as Obj;
  const out: Obj = { apiVersion: EVENTS_V1, kind: 'Event', metadata: o.metadata, eventTime: e.eventTime ?? null };
  if (e.series) out.series = e.series;
  if (e.reportingComponent) out.reportingController = e.reportingComponent;
  if (e.reportingInstance) out.reportingInstance = e.reportingInstance;
  if (e.action) out.action = e.action;
  if (e.reason) out.reason = e.reason;
  out.regarding = e.involvedObject ?? {};
  if (e.related) out.related = e.related;
  if (e.message) out.note = e.message;
  if (e.type) out.type = e.type;
  out.deprecatedSource = e.source ?? {};
  out.deprecatedFirstTimestamp = e.firstTimestamp ?? null;
  out.deprecatedLastTimestamp = e.lastTimestamp ?? null;
  if (e.count) out.deprecatedCount = e.count;
  return out as unknown as KubeObject;
}

/** Convert_v1_Event_To_core_Event: the core Event stored for an events.k8s.io/v1 one (core JSON tags). */
export function toCoreEvent(o: KubeObject): KubeObject {
  if (o.apiVersion !== EVENTS_V1) return o;
  const e = o as unknown as Obj;
  const out: Obj = { apiVersion: 'v1', kind: 'Event', metadata: o.metadata, involvedObject: e.regarding ?? {} };
  if (e.reason) out.reason = e.reason;
  if (e.note) out.message = e.note;
  out.source = e.deprecatedSource ?? {};
  out.firstTimestamp = e.deprecatedFirstTimestamp ?? null;
  out.lastTimestamp = e.deprecatedLastTimestamp ?? null;
  if (e.deprecatedCount) out.count = e.deprecatedCount;
  if (e.type) out.type = e.type;
  out.eventTime = e.eventTime ?? null;
  if (e.series) out.series = e.series;
  if (e.action) out.action = e.action;
  if (e.related) out.related = e.related;
  out.reportingComponent = e.reportingController ?? '';
  out.reportingInstance = e.reportingInstance ?? '';
  return out as unknown as KubeObject;
}
