// Strict decoding of a request body against the schema, as kube-apiserver decodes JSON into the
// typed Go object with fieldValidation=Strict (kubectl's default, --validate=strict):
//
//   apimachinery pkg/runtime/serializer/json/json.go  (*Serializer).unmarshal -> kjson.UnmarshalStrict
//   sigs.k8s.io/json internal/golang/encoding/json    (fork of encoding/json: case-sensitive field
//                                                      match, DisallowUnknownFields, DisallowDuplicateFields)
//
// What this reproduces, with the exact texts:
//   - unknown field:   `unknown field "spec.containers[0].ports[0].cotainerPort"` — path = JSON keys
//     joined by ".", list indices as "[i]", map keys as ".key" (kubernetes_patch.go newFieldError,
//     appendStrictFieldStackKey/Index); the unknown value itself is skipped, so nothing under it is
//     reported; identical messages are reported once (saveStrictError dedupes);
//   - duplicate field: `duplicate field "metadata.name"` (only when the body came from parseJSON:
//     YAML input is converted to JSON by kubectl, and duplicate YAML keys are already gone then);
//   - type mismatch:   Go's UnmarshalTypeError: `json: cannot unmarshal string into Go struct field
//     DeploymentSpec.spec.replicas of type int32` — Struct is the innermost Go struct, Field the
//     JSON names of the struct fields on the way (no indices, no map keys), Type Go's type string;
//     numbers are quoted for integer targets (`number 1.5`, `number 3000000000`); only the first such
//     error is kept and it hides the strict errors (UnmarshalStrict returns it instead);
//   - errors of custom unmarshalers abort at once: resource.Quantity (`quantities must match the
//     regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`), intstr.IntOrString (an
//     int32 UnmarshalTypeError with the field context added), metav1.Time (a string
//     UnmarshalTypeError, or time.Parse's error), []byte (`illegal base64 data at input byte N`).
// The API server wraps the result (apiserver pkg/endpoints/handlers/rest.go transformDecodeError,
// apimachinery pkg/runtime/error.go NewStrictDecodingError):
//   `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "…", unknown field "…"`
//   `Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal …`
import type { PropertySchema, TypeExpr } from './types.ts';
import { parseType, shortName } from './types.ts';
import { GO_NAMED_TYPES, definitionForKind, getDefinition, goTypeString } from './schema.ts';
import { entriesOf, rawItem } from './json.ts';
import { parseQuantity } from '../quantity.ts';

export interface DecodeResult {
  /** The first (type) error that makes decoding fail, as Go prints it; hides strictErrors. */
  error?: string;
  /** Strict field errors (unknown / duplicate), in the order Go reports them (max 100). */
  strictErrors: string[];
}

/** Thrown inside the walk for errors that abort decoding immediately. */
class Abort {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

interface Ctx {
  strictStack: string[];
  fieldStack: string[];
  struct: string | undefined;
  saved: string | undefined;
  strict: string[];
  seen: Set<string>;
}

function strictPath(ctx: Ctx, key: string): string {
  return ctx.strictStack.length ? ctx.strictStack.join('') + '.' + key : key;
}

function pushKey(ctx: Ctx, key: string) {
  ctx.strictStack.push(ctx.strictStack.length ? '.' + key : key);
}

function saveStrict(ctx: Ctx, msg: string) {
  if (ctx.strict.length >= 100 || ctx.seen.has(msg)) return;
  ctx.seen.add(msg);
  ctx.strict.push(msg);
}

function typeErrorText(ctx: Ctx, value: string, goType: string): string {
  if (ctx.struct !== undefined || ctx.fieldStack.length > 0) {
    return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct ?? ''}.${ctx.fieldStack.join('.')} of type ${goType}`;
  }
  return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
}

function saveTypeError(ctx: Ctx, value: string, goType: string) {
  if (ctx.saved === undefined) ctx.saved = typeErrorText(ctx, value, goType);
}

/** The JSON kind Go names in UnmarshalTypeError.Value. */
function jsonKind(v: unknown): 'object' | 'array' | 'string' | 'number' | 'bool' | 'null' {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': case 'bigint': return 'number';
    case 'boolean': return 'bool';
    default: return 'object';
  }
}

/**
 * Text of a number as it reached the server. For bodies from parseJSON the literal is known; for
 * values that came from YAML, kubectl's YAML->JSON conversion wrote ints as ints and floats with
 * strconv.FormatFloat(f, 'g', -1, 64), which JavaScript's shortest round-trip formatting matches for
 * ordinary values.
 */
function numberText(v: number, raw: string | undefined): string {
  if (raw !== undefined) return raw;
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  const s = String(v);
  // Go 'g' uses an exponent for exp < -4 || exp >= 21 with at least 2 exponent digits
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

const INT_RANGE: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** strconv.ParseInt(s, 10, 64) + OverflowInt for the target size. */
function fitsInt(text: string, goType: string): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false;
  const n = BigInt(text);
  const [lo, hi] = INT_RANGE[goType];
  const [lo64, hi64] = INT_RANGE.int64;
  return n >= lo64 && n <= hi64 && n >= lo && n <= hi;
}

// ---------------------------------------------------------------------------------------------
// Go's base64.StdEncoding.DecodeString error offsets (encoding/base64 decodeQuantum).
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Error(s: string): string | undefined {
  let si = 0;
  const n = s.length;
  while (si < n) {
    let j = 0;
    while (j < 4) {
      if (si === n) {
        if (j === 0) return undefined;
        return `illegal base64 data at input byte ${si - j}`;
      }
      const c = s[si];
      si++;
      if (B64.includes(c)) { j++; continue; }
      if (c === '\n' || c === '\r') continue;
      if (c !== '=') return `illegal base64 data at input byte ${si - 1}`;
      // padding
      if (j === 0 || j === 1) return `illegal base64 data at input byte ${si - 1}`;
      // skip newlines
      while (si < n && (s[si] === '\n' || s[si] === '\r')) si++;
      if (j === 2) {
        if (si === n) return `illegal base64 data at input byte ${n}`;
        if (s[si] !== '=') return `illegal base64 data at input byte ${si - 1}`;
        si++;
      }
      while (si < n && (s[si] === '\n' || s[si] === '\r')) si++;
      if (si < n) return `illegal base64 data at input byte ${si}`;
      return undefined;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// metav1.Time / MicroTime: json.Unmarshal into a string, then time.Parse(time.RFC3339, s).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function timeError(s: string): string | undefined {
  if (RFC3339.test(s)) return undefined;
  // time.Parse reports the first layout element that fails; the common case is a wrong year/format.
  return `parsing time ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(s)} as "2006"`;
}

// ---------------------------------------------------------------------------------------------

function decodeValue(ctx: Ctx, t: TypeExpr, v: unknown, raw: string | undefined, named: string | undefined): void {
  const kind = jsonKind(v);
  if (kind === 'null') return; // null decodes into every Go type (zero value / nil)
  const goType = named ?? goTypeString(t);

  switch (t.kind) {
    case 'special':
      decodeSpecial(ctx, t.name, v, raw, kind);
      return;
    case 'primitive':
      decodePrimitive(ctx, t.name, v, raw, kind, goType);
      return;
    case 'array':
      if (kind !== 'array') {
        saveTypeError(ctx, kind, goType);
        return;
      }
      (v as unknown[]).forEach((item, i) => {
        const len = ctx.strictStack.length;
        ctx.strictStack.push(`[${i}]`);
        decodeValue(ctx, t.items, item, rawItem(v as unknown[], i), undefined);
        ctx.strictStack.length = len;
      });
      return;
    case 'map': {
      if (kind !== 'object') {
        saveTypeError(ctx, kind, goType);
        return;
      }
      const seenKeys = new Set<string>();
      for (const [key, value, r] of entriesOf(v as Record<string, unknown>)) {
        if (seenKeys.has(key)) saveStrict(ctx, `duplicate field ${JSON.stringify(strictPath(ctx, key))}`);
        seenKeys.add(key);
        const len = ctx.strictStack.length;
        pushKey(ctx, key);
        decodeValue(ctx, t.values, value, r, undefined);
        ctx.strictStack.length = len;
      }
      return;
    }
    case 'ref':
      decodeStruct(ctx, t.id, v, kind, goType);
      return;
  }
}

function decodeStruct(ctx: Ctx, id: string, v: unknown, kind: string, goType: string): void {
  if (kind !== 'object') {
    saveTypeError(ctx, kind, goType);
    return;
  }
  const def = getDefinition(id);
  if (!def) throw new Error(`schema has no definition ${id}`);
  const structName = shortName(id);
  const seenFields = new Set<string>();
  for (const [key, value, raw] of entriesOf(v as Record<string, unknown>)) {
    const prop: PropertySchema | undefined = Object.hasOwn(def.p, key) ? def.p[key] : undefined;
    if (!prop) {
      saveStrict(ctx, `unknown field ${JSON.stringify(strictPath(ctx, key))}`);
      continue;
    }
    if (seenFields.has(key)) saveStrict(ctx, `duplicate field ${JSON.stringify(strictPath(ctx, key))}`);
    seenFields.add(key);
    const saveStruct = ctx.struct;
    const fieldLen = ctx.fieldStack.length;
    const strictLen = ctx.strictStack.length;
    ctx.fieldStack.push(key);
    ctx.struct = structName;
    pushKey(ctx, key);
    decodeValue(ctx, parseType(prop.t), value, raw, GO_NAMED_TYPES[`${id}.${key}`]);
    ctx.fieldStack.length = fieldLen;
    ctx.struct = saveStruct;
    ctx.strictStack.length = strictLen;
  }
}

function decodePrimitive(ctx: Ctx, name: string, v: unknown, raw: string | undefined, kind: string, goType: string): void {
  switch (name) {
    case 'string':
      if (kind !== 'string') saveTypeError(ctx, kind, goType);
      return;
    case 'boolean':
      if (kind !== 'bool') saveTypeError(ctx, kind, goType);
      return;
    case 'byte': {
      if (kind !== 'string') {
        saveTypeError(ctx, kind, goType);
        return;
      }
      const err = base64Error(v as string);
      // base64.CorruptInputError is saved as is (addErrorContext only rewrites UnmarshalTypeError)
      if (err && ctx.saved === undefined) ctx.saved = err;
      return;
    }
    case 'int32':
    case 'int64': {
      if (kind !== 'number') {
        saveTypeError(ctx, kind, goType);
        return;
      }
      const text = numberText(v as number, raw);
      if (!fitsInt(text, name)) saveTypeError(ctx, `number ${text}`, goType);
      return;
    }
    case 'number': {
      if (kind !== 'number') saveTypeError(ctx, kind, goType);
      return;
    }
  }
}

function decodeSpecial(ctx: Ctx, name: string, v: unknown, raw: string | undefined, kind: string): void {
  switch (name) {
    case 'RawExtension':
    case 'FieldsV1':
      return; // keep the raw JSON, any value
    case 'Quantity': {
      // resource.Quantity.UnmarshalJSON: strip the quotes of a string, TrimSpace, ParseQuantity
      let text: string;
      if (kind === 'string') text = v as string;
      else if (kind === 'number') text = numberText(v as number, raw);
      else if (kind === 'bool') text = String(v);
      else text = JSON.stringify(v);
      try {
        parseQuantity(text.trim());
      } catch (e) {
        throw new Abort((e as Error).message);
      }
      return;
    }
    case 'IntOrString': {
      // intstr.IntOrString.UnmarshalJSON: a string, else json.Unmarshal into int32
      if (kind === 'string') return;
      if (kind === 'number') {
        const text = numberText(v as number, raw);
        if (!fitsInt(text, 'int32')) throw new Abort(typeErrorText(ctx, `number ${text}`, 'int32'));
        return;
      }
      throw new Abort(typeErrorText(ctx, kind, 'int32'));
    }
    case 'Time':
    case 'MicroTime': {
      if (kind !== 'string') throw new Abort(typeErrorText(ctx, kind, 'string'));
      const err = timeError(v as string);
      if (err) throw new Abort(err);
      return;
    }
  }
}

/**
 * Decodes `body` (a parsed JSON value: from parseJSON for raw JSON text, or any plain value, e.g.
 * YAML converted by the client) as the kind `definitionId` and reports what Go's strict decoder reports.
 */
export function decodeDefinition(definitionId: string, body: unknown): DecodeResult {
  const ctx: Ctx = { strictStack: [], fieldStack: [], struct: undefined, saved: undefined, strict: [], seen: new Set() };
  try {
    decodeValue(ctx, { kind: 'ref', id: definitionId }, body, undefined, undefined);
  } catch (e) {
    if (e instanceof Abort) return { error: e.message, strictErrors: [] };
    throw e;
  }
  if (ctx.saved !== undefined) return { error: ctx.saved, strictErrors: [] };
  return { strictErrors: ctx.strict };
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeOutcome {
  /** BadRequest message when the request must be rejected */
  error?: string;
  /** strict-field warnings with fieldValidation=Warn (sent as `Warning:` headers) */
  warnings: string[];
}

/**
 * What the API server answers for a create/update body of `apiVersion`/`kind`
 * (apiserver handlers/rest.go transformDecodeError + apimachinery runtime.NewStrictDecodingError).
 * Returns undefined `error` when the body decodes. Unknown kinds are the caller's business
 * (RESTMapper: `no matches for kind …`); this throws for them.
 */
export function decodeRequestBody(apiVersion: string, kind: string, body: unknown, fieldValidation: FieldValidation = 'Strict'): DecodeOutcome {
  const id = definitionForKind(apiVersion, kind);
  if (!id) throw new Error(`no schema for ${apiVersion}, Kind=${kind}`);
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  const prefix = `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: `;
  const r = decodeDefinition(id, body);
  if (r.error !== undefined) return { error: prefix + r.error, warnings: [] };
  if (r.strictErrors.length === 0) return { warnings: [] };
  if (fieldValidation === 'Strict') return { error: prefix + 'strict decoding error: ' + r.strictErrors.join(', '), warnings: [] };
  if (fieldValidation === 'Warn') return { warnings: r.strictErrors };
  return { warnings: [] };
}
