/**
 * Kubernetes' protobuf wire format (k8s.io/apimachinery pkg/runtime/serializer/protobuf), decoded to the
 * JSON the simulated API server works on, and the protobuf form of the OpenAPI v2 document.
 *
 * kubectl's typed clients (kubectl create deployment/secret/…, drain's Eviction) send request bodies as
 * `application/vnd.kubernetes.protobuf`: the magic `k8s\0`, then a runtime.Unknown {typeMeta
 * {apiVersion, kind}, raw, contentEncoding, contentType} whose `raw` is the typed object. Message
 * layouts come from generated/proto.json (scripts/gen-proto.mjs: the descriptors compiled into kubectl).
 *
 * JSON follows what encoding/json makes of the same Go value:
 *  - gogo/protobuf writes every non-pointer scalar, so zero values ("" / 0 / false) are dropped as
 *    `omitempty` drops them — except fields that are pointers in the Go types (`replicas: 0`,
 *    `automountServiceAccountToken: false`, …), listed in POINTER_SCALARS, whose zero is a value;
 *  - embedded structs marshalled inline (`json:",inline"`: Volume.volumeSource, the
 *    LocalObjectReference of key selectors, …) are merged into their parent;
 *  - metav1.Time → RFC 3339 (the zero time is null, i.e. dropped), resource.Quantity → its string,
 *    intstr.IntOrString → number or string, []byte → base64, runtime.RawExtension → its JSON.
 */
import protoJson from './generated/proto.json' with { type: 'json' };
import { getDefinition } from '../api/schema/schema.ts';

type FieldDef = [number, string, string, number, string?];
interface MessageDef {
  fields: FieldDef[];
  mapEntry?: boolean;
}
const K8S = (protoJson as unknown as { kubernetes: Record<string, MessageDef> }).kubernetes;
const OPENAPI = (protoJson as unknown as { openapiv2: Record<string, MessageDef> }).openapiv2;

export const PROTOBUF_MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** Go pointer fields of the modelled types whose zero value is meaningful (k8s.io/api types.go). */
const POINTER_SCALARS = new Set([
  'replicas', 'revisionHistoryLimit', 'progressDeadlineSeconds', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds',
  'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes', 'completions', 'parallelism', 'ttlSecondsAfterFinished',
  'automountServiceAccountToken', 'privileged', 'readOnlyRootFilesystem', 'runAsNonRoot', 'runAsUser', 'runAsGroup',
  'fsGroup', 'allowPrivilegeEscalation', 'optional', 'defaultMode', 'mode', 'suspend', 'immutable', 'enableServiceLinks',
  'shareProcessNamespace', 'setHostnameAsFQDN', 'hostUsers', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit',
  'startingDeadlineSeconds', 'gracePeriodSeconds', 'priority', 'expirationSeconds', 'tolerationSeconds', 'orphanDependents',
  'allocateLoadBalancerNodePorts', 'ready', 'serving', 'terminating', 'manualSelector',
]);
/** Struct fields marshalled inline into their parent (`json:",inline"`). */
const INLINE = new Set(['volumeSource', 'persistentVolumeSource', 'localObjectReference', 'ephemeralContainerCommon', 'probeHandler', 'handler']);

const TIME = 'k8s.io.apimachinery.pkg.apis.meta.v1.Time';
const MICROTIME = 'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime';
const QUANTITY = 'k8s.io.apimachinery.pkg.api.resource.Quantity';
const INTORSTR = 'k8s.io.apimachinery.pkg.util.intstr.IntOrString';
const RAW = 'k8s.io.apimachinery.pkg.runtime.RawExtension';
const FIELDSV1 = 'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1';
const DURATION = 'k8s.io.apimachinery.pkg.apis.meta.v1.Duration';

export class ProtobufError extends Error {}

// ---- reading --------------------------------------------------------------------------------------

interface RawField {
  no: number;
  wire: number;
  int?: bigint;
  bytes?: Uint8Array;
}

function readFields(buf: Uint8Array): RawField[] {
  const out: RawField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new ProtobufError('unexpected EOF');
      const b = buf[pos++];
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
      shift += 7n;
      if (shift > 70n) throw new ProtobufError('proto: integer overflow');
    }
  };
  while (pos < buf.length) {
    const tag = varint();
    const no = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === 0) out.push({ no, wire, int: varint() });
    else if (wire === 2) {
      const n = Number(varint());
      if (pos + n > buf.length) throw new ProtobufError('unexpected EOF');
      out.push({ no, wire, bytes: buf.subarray(pos, pos + n) });
      pos += n;
    } else if (wire === 1) {
      out.push({ no, wire, bytes: buf.subarray(pos, pos + 8) });
      pos += 8;
    } else if (wire === 5) {
      out.push({ no, wire, bytes: buf.subarray(pos, pos + 4) });
      pos += 4;
    } else throw new ProtobufError(`proto: illegal wireType ${wire}`);
  }
  return out;
}

const dec = new TextDecoder();

function toInt(v: bigint | undefined, type: string): number {
  let n = v ?? 0n;
  if (type === 'int32') n = BigInt.asIntN(32, n);
  else n = BigInt.asIntN(64, n);
  return Number(n);
}

function base64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

function rfc3339(seconds: number, nanos: number, micro: boolean): string {
  const d = new Date(seconds * 1000);
  const base = d.toISOString().slice(0, 19);
  if (!micro) return `${base}Z`;
  return `${base}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

/** Proto field names whose JSON key differs, for messages the JSON schema does not hold (authentication/v1). */
const PROTO_JSON_NAMES: Record<string, string> = { uID: 'uid' };

/** The JSON definition id a proto message corresponds to (for inline detection). */
function definitionOf(message: string): string {
  return message.replace(/^k8s\.io\.api\./, 'io.k8s.api.').replace(/^k8s\.io\.apimachinery\./, 'io.k8s.apimachinery.');
}

function scalar(f: RawField, type: string): unknown {
  switch (type) {
    case 'string':
      return dec.decode(f.bytes);
    case 'bytes':
      return base64(f.bytes ?? new Uint8Array());
    case 'bool':
      return (f.int ?? 0n) !== 0n;
    case 'int32':
    case 'int64':
    case 'uint32':
    case 'uint64':
      return toInt(f.int, type);
    case 'double': {
      const b = f.bytes!;
      return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
    }
    default:
      throw new ProtobufError(`unsupported protobuf type ${type}`);
  }
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

/** Decode one message of `name` to its JSON form. */
export function decodeMessage(name: string, buf: Uint8Array): unknown {
  switch (name) {
    case TIME:
    case MICROTIME: {
      const fs = readFields(buf);
      if (!fs.length) return null; // metav1.Time.Marshal writes nothing for the zero time
      const seconds = toInt(fs.find((f) => f.no === 1)?.int, 'int64');
      const nanos = toInt(fs.find((f) => f.no === 2)?.int, 'int32');
      if (seconds === -62135596800 && nanos === 0) return null;
      return rfc3339(seconds, nanos, name === MICROTIME);
    }
    case QUANTITY: {
      const f = readFields(buf).find((x) => x.no === 1);
      return f ? dec.decode(f.bytes) : '0';
    }
    case INTORSTR: {
      const fs = readFields(buf);
      const type = toInt(fs.find((f) => f.no === 1)?.int, 'int64');
      if (type === 1) {
        const s = fs.find((f) => f.no === 3);
        return s ? dec.decode(s.bytes) : '';
      }
      return toInt(fs.find((f) => f.no === 2)?.int, 'int32');
    }
    case RAW:
    case FIELDSV1: {
      const f = readFields(buf).find((x) => x.no === 1);
      if (!f?.bytes?.length) return null;
      try {
        return JSON.parse(dec.decode(f.bytes));
      } catch {
        throw new ProtobufError('RawExtension does not hold JSON');
      }
    }
    case DURATION: {
      const f = readFields(buf).find((x) => x.no === 1);
      return `${toInt(f?.int, 'int64') / 1e9}s`;
    }
  }
  const def = K8S[name];
  if (!def) throw new ProtobufError(`no protobuf layout for ${name}`);
  const byNo = new Map(def.fields.map((f) => [f[0], f]));
  const out: Record<string, unknown> = {};
  const jsonDef = getDefinition(definitionOf(name));
  for (const raw of readFields(buf)) {
    const fd = byNo.get(raw.no);
    if (!fd) continue; // unknown field: ignored, as the Go decoder skips it
    const [, protoName, type, repeated, typeName] = fd;
    // A proto field named otherwise than its JSON key (BoundObjectReference's `uID` is `uid`).
    const fname = jsonDef?.p[protoName] ? protoName : ((jsonDef && Object.keys(jsonDef.p).find((k) => k.toLowerCase() === protoName.toLowerCase())) ?? PROTO_JSON_NAMES[protoName] ?? protoName);
    if (type === 'message') {
      const m = K8S[typeName!];
      if (m?.mapEntry) {
        const entry = readFields(raw.bytes!);
        const [, , kt] = m.fields[0];
        const [, , vt, , vtn] = m.fields[1];
        const k = entry.find((e) => e.no === 1);
        const v = entry.find((e) => e.no === 2);
        const key = k ? String(scalar(k, kt)) : '';
        const value = v ? (vt === 'message' ? decodeMessage(vtn!, v.bytes!) : scalar(v, vt)) : vt === 'message' ? {} : vt === 'string' || vt === 'bytes' ? '' : vt === 'bool' ? false : 0;
        ((out[fname] ??= {}) as Record<string, unknown>)[key] = value;
        continue;
      }
      const value = decodeMessage(typeName!, raw.bytes!);
      if (repeated) {
        ((out[fname] ??= []) as unknown[]).push(value);
        continue;
      }
      const inline = INLINE.has(fname) && !(jsonDef?.p[fname]);
      if (inline && value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, value);
      else if (value !== null) out[fname] = value;
      continue;
    }
    if (repeated && type !== 'bytes' && raw.wire === 2 && type !== 'string') {
      // packed repeated scalars
      const arr = (out[fname] ??= []) as unknown[];
      const packed = readPacked(raw.bytes!, type);
      arr.push(...packed);
      continue;
    }
    const v = scalar(raw, type);
    if (repeated) {
      ((out[fname] ??= []) as unknown[]).push(v);
      continue;
    }
    if (isZero(v) && !POINTER_SCALARS.has(fname)) continue;
    out[fname] = v;
  }
  return out;
}

function readPacked(b: Uint8Array, type: string): unknown[] {
  const out: unknown[] = [];
  let pos = 0;
  while (pos < b.length) {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const x = b[pos++];
      v |= BigInt(x & 0x7f) << shift;
      if (!(x & 0x80)) break;
      shift += 7n;
    }
    out.push(type === 'bool' ? v !== 0n : toInt(v, type));
  }
  return out;
}

/** `k8s\0` + runtime.Unknown → the object as JSON (apiVersion and kind from the envelope). */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  if (body.length < 4 || PROTOBUF_MAGIC.some((b, i) => body[i] !== b)) throw new ProtobufError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  const unknown = readFields(body.subarray(4));
  const tm = unknown.find((f) => f.no === 1);
  const raw = unknown.find((f) => f.no === 2)?.bytes ?? new Uint8Array();
  const typeMeta = tm ? readFields(tm.bytes!) : [];
  const apiVersion = dec.decode(typeMeta.find((f) => f.no === 1)?.bytes ?? new Uint8Array());
  const kind = dec.decode(typeMeta.find((f) => f.no === 2)?.bytes ?? new Uint8Array());
  const message = messageOfKind(apiVersion, kind);
  if (!message) throw new ProtobufError(`no kind "${kind}" is registered for version "${apiVersion}"`);
  const obj = decodeMessage(message, raw) as Record<string, unknown>;
  return { apiVersion, kind, ...obj };
}

// ---- JSON key order ---------------------------------------------------------------------------------

/** The message of an object's kind: core types, then apimachinery's (Status, lists' ListMeta, discovery). */
function messageOfKind(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '').split('.')[0];
  return [`k8s.io.api.${pkg}.${version}.${kind}`, `k8s.io.apimachinery.pkg.apis.meta.${version}.${kind}`].find((c) => K8S[c]);
}

/**
 * `v` with its keys in the message's field order (maps sorted, as encoding/json sorts map keys).
 * Null-prototype objects and own-key tests: a data key may be `__proto__` or `toString`.
 */
function ordered(v: unknown, message: string | undefined): unknown {
  if (Array.isArray(v)) return v.map((x) => ordered(x, message));
  if (!v || typeof v !== 'object' || !message) return v;
  const def = K8S[message];
  if (!def) return v;
  const o = v as Record<string, unknown>;
  const out = Object.create(null) as Record<string, unknown>;
  if (def.mapEntry) {
    const [, , vt, , vtn] = def.fields[1];
    for (const k of Object.keys(o).sort()) out[k] = vt === 'message' ? ordered(o[k], vtn) : o[k];
    return out;
  }
  // An object's own TypeMeta (a list's item as stored, PartialObjectMetadata) leads, as in its own JSON.
  for (const k of ['kind', 'apiVersion']) if (Object.hasOwn(o, k) && !def.fields.some((f) => f[1] === k)) out[k] = o[k];
  for (const [, protoName, type, , typeName] of def.fields) {
    const key = Object.hasOwn(o, protoName) ? protoName : PROTO_JSON_NAMES[protoName];
    if (key !== undefined && Object.hasOwn(o, key)) out[key] = type === 'message' ? ordered(o[key], typeName) : o[key];
    else if (INLINE.has(protoName) && typeName) {
      // An embedded struct's fields sit where the struct does.
      for (const [, inner, itype, , itn] of K8S[typeName]?.fields ?? []) if (Object.hasOwn(o, inner) && !Object.hasOwn(out, inner)) out[inner] = itype === 'message' ? ordered(o[inner], itn) : o[inner];
    }
  }
  for (const k of Object.keys(o)) if (!Object.hasOwn(out, k)) out[k] = o[k];
  return out;
}

/**
 * An API object with its keys in the order kube-apiserver's JSON has them: kind and apiVersion
 * (TypeMeta), then the Go struct's fields in order — which the protobuf layouts keep. A Table's
 * row objects are ordered as objects of their own.
 */
export function inGoOrder<T>(obj: T): T {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return obj;
  const o = obj as Record<string, unknown>;
  if (typeof o.kind !== 'string' || typeof o.apiVersion !== 'string') return obj;
  if (o.kind === 'Table' && Array.isArray(o.rows)) {
    return { ...o, rows: o.rows.map((r) => (r && typeof r === 'object' && 'object' in r ? { ...r, object: inGoOrder((r as { object: unknown }).object) } : r)) } as T;
  }
  const message = messageOfKind(o.apiVersion, o.kind);
  if (!message) return obj;
  return { kind: o.kind, apiVersion: o.apiVersion, ...(ordered(o, message) as Record<string, unknown>) } as T;
}

// ---- writing (OpenAPI v2 as gnostic's openapi_v2.Document) ------------------------------------------

class Writer {
  private chunks: number[] = [];
  varint(v: number | bigint): void {
    let n = BigInt.asUintN(64, BigInt(v));
    while (n >= 0x80n) {
      this.chunks.push(Number(n & 0x7fn) | 0x80);
      n >>= 7n;
    }
    this.chunks.push(Number(n));
  }
  tag(no: number, wire: number): void {
    this.varint((no << 3) | wire);
  }
  bytes(no: number, b: Uint8Array): void {
    this.tag(no, 2);
    this.varint(b.length);
    for (const x of b) this.chunks.push(x);
  }
  double(no: number, v: number): void {
    this.tag(no, 1);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    for (const x of b) this.chunks.push(x);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

const enc = new TextEncoder();

/** A gnostic message as a JS object keyed by proto field names; encoded with OPENAPI layouts. */
export type GnosticValue = { [field: string]: unknown };

export function encodeGnostic(name: string, v: GnosticValue): Uint8Array {
  const def = OPENAPI[name];
  if (!def) throw new ProtobufError(`no layout for ${name}`);
  const w = new Writer();
  for (const [no, fname, type, repeated, typeName] of def.fields) {
    const value = v[fname];
    if (value === undefined || value === null) continue;
    const values = repeated ? (value as unknown[]) : [value];
    for (const x of values) {
      switch (type) {
        case 'string':
          w.bytes(no, enc.encode(String(x)));
          break;
        case 'bool':
          if (x) {
            w.tag(no, 0);
            w.varint(1);
          }
          break;
        case 'int64':
        case 'int32':
          w.tag(no, 0);
          w.varint(Number(x));
          break;
        case 'double':
          w.double(no, Number(x));
          break;
        case 'message':
          w.bytes(no, encodeGnostic(typeName!, x as GnosticValue));
          break;
        default:
          throw new ProtobufError(`unsupported type ${type}`);
      }
    }
  }
  return w.finish();
}
