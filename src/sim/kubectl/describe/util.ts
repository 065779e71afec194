/**
 * Helpers shared by the describers, each a port of the function of the same name in
 * k8s.io/kubectl/pkg/describe/describe.go (v1.35) unless noted: multiline label/annotation/taint/
 * toleration printers, DescribeEvents, searchEvents, time and quantity formatting.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object.ts';
import { labelSelectorAsSelector } from '../../api/labels.ts';
import { parseQuantity } from '../../api/quantity.ts';
import { formatLabelSelector as metaFormatLabelSelector } from '../../api/selector.ts';
import { humanDuration } from '../../apiserver/printers/duration.ts';
import type { DescribeClient } from './client.ts';
import { resourceInfo } from './client.ts';
import { goSort } from './gosort.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixwriter.ts';
import { parseMicros } from '../../clock/clock.ts';
import { DAYS, MONTHS } from '../../clock/clock.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/** Settings every describer gets (describe.DescriberSettings). */
export interface DescriberSettings {
  showEvents: boolean;
  chunkSize: number;
}

export const DEFAULT_SETTINGS: DescriberSettings = { showEvents: true, chunkSize: 500 };

// ---- time --------------------------------------------------------------------------------------


/** The zero time.Time (0001-01-01T00:00:00Z) in ms. */
const ZERO_TIME_MS = -62135596800000;

function parseTime(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || !ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * t.Format(time.RFC1123Z) — "Mon, 02 Jan 2006 15:04:05 -0700". metav1.Time decodes into the local
 * zone of the machine running kubectl; the simulated machines run in UTC. A nil time formats as the
 * zero time, as Go does.
 */
export function rfc1123z(ts: unknown): string {
  const ms = parseTime(ts) ?? ZERO_TIME_MS;
  const d = new Date(ms);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCFullYear(), 4)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince / translateMicroTimestampSince */
export function since(ts: unknown, nowMs: number): string {
  const ms = parseTime(ts);
  if (ms === undefined) return '<unknown>';
  return humanDuration(nowMs - ms);
}

// ---- values ------------------------------------------------------------------------------------

/** resource.Quantity.String() of an API quantity (canonical form: "0.5" → "500m"). */
export function quantityString(q: unknown): string {
  if (q === undefined || q === null || q === '') return '0';
  try {
    return parseQuantity(String(q)).toString();
  } catch {
    return String(q);
  }
}

/** intstr.IntOrString.String() */
export function intOrString(v: unknown): string {
  return v === undefined || v === null ? '0' : String(v);
}

/** fmt's %v of a []string: "[a b c]". */
export function goSlice(xs: readonly unknown[] | undefined | null): string {
  return `[${(xs ?? []).map(String).join(' ')}]`;
}

export function printBool(v: unknown): string {
  return v ? 'True' : 'False';
}

export function printBoolPtr(v: unknown): string {
  return v === undefined || v === null ? '<unset>' : printBool(v);
}

export function stringOrNone(s: string): string {
  return s.length > 0 ? s : '<none>';
}

/** labels.FormatLabels: "k=v,k2=v2" sorted by key, "<none>" when empty. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

/** metav1.LabelSelectorAsSelector(sel).String() ("" for an empty or nil selector). */
export function selectorString(sel: LabelSelector | undefined | null): string {
  return labelSelectorAsSelector(sel).toString();
}

/** metav1.FormatLabelSelector: like selectorString, "<none>" when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  return metaFormatLabelSelector(sel ?? undefined);
}

/** The controller owner reference as "Kind/name" (printController). */
export function printController(o: KubeObject): string {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Go's len() of a string counts UTF-8 bytes. */
export function byteLen(s: string): number {
  return new TextEncoder().encode(s).length;
}

function byteSlice(s: string, n: number): string {
  return new TextDecoder().decode(new TextEncoder().encode(s).slice(0, n));
}

// ---- multiline printers ------------------------------------------------------------------------

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels, new Set());
}

export function printLabelsMultilineWithIndent(w: PrefixWriter, initialIndent: string, title: string, innerIndent: string, labels: Record<string, string> | undefined | null, skip: Set<string>): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const all = labels ?? {};
  if (Object.keys(all).length === 0) {
    w.writeLine('<none>');
    return;
  }
  const keys = Object.keys(all).filter((k) => !skip.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.sort();
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${all[key]}\n`);
  });
}

/** Annotations never shown (skipAnnotations). */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

function shorten(s: string, maxLength: number): string {
  return byteLen(s) > maxLength ? byteSlice(s, maxLength) + '...' : s;
}

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const all = annotations ?? {};
  const keys = Object.keys(all).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.sort();
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = all[key].endsWith('\n') ? all[key].slice(0, -1) : all[key];
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** corev1.Taint.ToString() */
export function taintString(t: Obj): string {
  const key = t.key ?? '';
  const value = t.value ?? '';
  const effect = t.effect ?? '';
  if (!effect) return value ? `${key}=${value}:` : `${key}`;
  return value ? `${key}=${value}:${effect}` : `${key}:${effect}`;
}

export function printNodeTaintsMultiline(w: PrefixWriter, title: string, taints: Obj[] | undefined): void {
  printTaintsMultilineWithIndent(w, '', title, '\t', taints);
}

function printTaintsMultilineWithIndent(w: PrefixWriter, initialIndent: string, title: string, innerIndent: string, taints: Obj[] | undefined): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!taints?.length) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Obj) => `${t.effect ?? ''},${t.key ?? ''}`;
  const sorted = goSort([...taints], (a, b) => key(a) < key(b));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

export function printPodsMultiline(w: PrefixWriter, title: string, pods: KubeObject[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!pods.length) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSort([...pods], (a, b) => (a.metadata.name ?? '') < (b.metadata.name ?? ''));
  sorted.forEach((p, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '');
      w.write(LEVEL_0, '\t');
    }
    w.write(LEVEL_0, `${p.metadata.name}\n`);
  });
}

export function printPodTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Obj[] | undefined): void {
  printTolerationsMultilineWithIndent(w, '', title, '\t', tolerations);
}

function printTolerationsMultilineWithIndent(w: PrefixWriter, initialIndent: string, title: string, innerIndent: string, tolerations: Obj[] | undefined): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations?.length) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSort([...tolerations], (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    const key = t.key ?? '';
    const value = t.value ?? '';
    const effect = t.effect ?? '';
    w.write(LEVEL_0, key);
    if (value) w.write(LEVEL_0, `=${value}`);
    if (effect) w.write(LEVEL_0, `:${effect}`);
    // "operator: Exists" with no key, value and effect tolerates everything.
    if (t.operator === 'Exists' && !value) w.write(LEVEL_0, key || effect ? ' op=Exists' : 'op=Exists');
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) w.write(LEVEL_0, ` for ${t.tolerationSeconds}s`);
    w.write(LEVEL_0, '\n');
  });
}

// ---- events ------------------------------------------------------------------------------------

/** The object an event search is about (reference.GetReference, trimmed to what the selector uses). */
export interface EventRef {
  kind?: string;
  name: string;
  namespace?: string;
  uid?: string;
}

export function refOf(o: KubeObject): EventRef {
  return { kind: o.kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? '', uid: o.metadata.uid ?? '' };
}

/**
 * searchEvents: events whose involvedObject matches name, namespace, kind and uid (the last two
 * only when set), listed in the object's namespace (all namespaces for cluster-scoped objects).
 */
export function searchEvents(client: DescribeClient, ref: EventRef): KubeObject[] {
  const ns = ref.namespace ?? '';
  const fields: Record<string, string> = { 'involvedObject.name': ref.name, 'involvedObject.namespace': ns };
  if (ref.kind) fields['involvedObject.kind'] = ref.kind;
  if (ref.uid) fields['involvedObject.uid'] = ref.uid;
  const fieldSelector = Object.keys(fields)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join(',');
  try {
    return client.list(resourceInfo('events'), ns || undefined, { fieldSelector });
  } catch {
    return [];
  }
}

/**
 * What describe sorts events by: kubectl/pkg/util/event/sorted_event_list.go compares LastTimestamp
 * alone, so an events.k8s.io event (kube-scheduler's Scheduled, FailedScheduling), which has none,
 * sorts first. (`kubectl events` has its own eventTime() with the series and eventTime: cmd/events.ts.)
 */
function eventSortTime(e: Obj): number {
  return parseMicros(e.lastTimestamp) ?? ZERO_TIME_MS * 1000;
}

/** DescribeEvents */
export function describeEvents(events: KubeObject[], w: PrefixWriter, nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const items = goSort([...events] as Obj[], (a, b) => eventSortTime(a) < eventSortTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of items) {
    let firstTimestampSince = since(e.eventTime, nowMs);
    if (!e.eventTime) firstTimestampSince = since(e.firstTimestamp, nowMs);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${firstTimestampSince})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${firstTimestampSince})`;
    else interval = firstTimestampSince;
    // ReportingController is serialised as "reportingComponent" in core/v1 Event.
    const source = e.source?.component || e.reportingComponent || '';
    let message = String(e.message ?? '').trim();
    // v1.35: the sub-object (a container) leads the message (kubernetes PR #133627).
    if (e.involvedObject?.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}
