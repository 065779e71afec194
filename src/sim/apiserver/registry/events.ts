/**
 * Events: one storage (core Event) served at two versions, v1 and events.k8s.io/v1, as
 * kube-apiserver does (pkg/registry/core/event, pkg/apis/events/v1/conversion.go). The store always
 * holds the core shape; an events.k8s.io request has its body converted to core before the write and
 * every object it reads converted back. Validation is pkg/apis/core/validation/events.go
 * ValidateEventCreate/ValidateEventUpdate: the legacy checks for every version, the strict ones for a
 * request through events.k8s.io/v1.
 */
import { invalid, required, type FieldError } from '../../api/validation/field.ts';
import { isDNS1123Subdomain, isQualifiedName } from '../../api/validation/names.ts';
import { sameContent } from '../server.ts';
export { toCoreEvent, toEventsV1 } from '../../api/eventsv1.ts';
import type { ServerContext, Strategy } from '../types.ts';

type Obj = Record<string, unknown>;

const REPORTING_INSTANCE_LIMIT = 128;
const ACTION_LIMIT = 128;
const REASON_LIMIT = 128;
const NOTE_LIMIT = 1024;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** legacyValidateEvent. */
function legacyValidate(e: Obj, namespace: string): FieldError[] {
  const errs: FieldError[] = [];
  const ioNs = str((e.involvedObject as Obj | undefined)?.namespace);
  if (!e.eventTime) {
    if (!ioNs) {
      if (namespace !== '' && namespace !== 'default') errs.push(invalid('involvedObject.namespace', ioNs, 'does not match event.namespace'));
    } else if (namespace !== ioNs) errs.push(invalid('involvedObject.namespace', ioNs, 'does not match event.namespace'));
  } else {
    if (!ioNs && namespace !== 'default' && namespace !== 'kube-system') errs.push(invalid('involvedObject.namespace', ioNs, 'does not match event.namespace'));
    const controller = str(e.reportingComponent);
    if (!controller) errs.push(required('reportingController'));
    for (const m of isQualifiedName(controller)) errs.push(invalid('reportingController', controller, m));
    const instance = str(e.reportingInstance);
    if (!instance) errs.push(required('reportingInstance'));
    if (instance.length > REPORTING_INSTANCE_LIMIT) errs.push(invalid('reportingInstance', '', `can have at most ${REPORTING_INSTANCE_LIMIT} characters`));
    const action = str(e.action);
    if (!action) errs.push(required('action'));
    if (action.length > ACTION_LIMIT) errs.push(invalid('action', '', `can have at most ${ACTION_LIMIT} characters`));
    const reason = str(e.reason);
    if (!reason) errs.push(required('reason'));
    if (reason.length > REASON_LIMIT) errs.push(invalid('reason', '', `can have at most ${REASON_LIMIT} characters`));
    if (str(e.message).length > NOTE_LIMIT) errs.push(invalid('message', '', `can have at most ${NOTE_LIMIT} characters`));
  }
  for (const m of isDNS1123Subdomain(namespace)) errs.push(invalid('namespace', namespace, m));
  return errs;
}

/** validateV1EventSeries. */
function validateSeries(e: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = e.series as Obj | undefined;
  if (s) {
    if (Number(s.count ?? 0) < 2) errs.push(invalid('series.count', '', 'should be at least 2'));
    if (!s.lastObservedTime) errs.push(required('series.lastObservedTime'));
  }
  return errs;
}

/** Whether the request being served came through events.k8s.io (the strict validation's trigger). */
function viaEventsV1(ctx: ServerContext): boolean {
  return ctx.requestGroup?.() === 'events.k8s.io';
}

export const eventStrategy: Strategy = {
  validate(obj, ctx) {
    const e = obj as unknown as Obj;
    const errs = legacyValidate(e, obj.metadata.namespace ?? '');
    if (!viaEventsV1(ctx)) return errs;
    // Metadata (ValidateObjectMeta) is checked by the server for every resource.
    errs.push(...validateSeries(e));
    if (!e.eventTime) errs.push(required('eventTime'));
    if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${str(e.type)}`));
    if (e.firstTimestamp) errs.push(invalid('firstTimestamp', '', 'needs to be unset'));
    if (e.lastTimestamp) errs.push(invalid('lastTimestamp', '', 'needs to be unset'));
    if (e.count) errs.push(invalid('count', '', 'needs to be unset'));
    const src = (e.source ?? {}) as Obj;
    if (src.component || src.host) errs.push(invalid('source', '', 'needs to be unset'));
    return errs;
  },
  validateUpdate(obj, old, ctx) {
    const e = obj as unknown as Obj;
    const o = old as unknown as Obj;
    const errs = legacyValidate(e, obj.metadata.namespace ?? '');
    if (!viaEventsV1(ctx)) return errs;
    if (!sameContent(e.series, o.series)) errs.push(...validateSeries(e));
    const immutable: [string, string][] = [
      ['involvedObject', 'involvedObject'], ['reason', 'reason'], ['message', 'message'], ['source', 'source'],
      ['firstTimestamp', 'firstTimestamp'], ['lastTimestamp', 'lastTimestamp'], ['count', 'count'], ['reason', 'reason'],
      ['type', 'type'], ['eventTime', 'eventTime'], ['action', 'action'], ['related', 'related'],
      ['reportingComponent', 'reportingController'], ['reportingInstance', 'reportingInstance'],
    ];
    for (const [key, path] of immutable) {
      if (!sameContent(e[key] ?? null, o[key] ?? null)) errs.push({ type: 'FieldValueInvalid', field: path, value: e[key] ?? '', detail: 'field is immutable' });
    }
    return errs;
  },
};
