/**
 * Field errors, rendered as apimachinery's pkg/util/validation/field/errors.go (v1.34+: complex values
 * as JSON; strings quoted with %q; numbers and booleans raw).
 */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError';

const TYPE_STRING: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
};

const OMIT = Symbol('omit');

export interface FieldError {
  type: FieldErrorType;
  field: string;
  value: unknown;
  detail: string;
}

export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, value: '', detail };
}
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, value, detail };
}
export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  const detail = supported.length ? 'supported values: ' + supported.map((s) => JSON.stringify(s)).join(', ') : '';
  return { type: 'FieldValueNotSupported', field, value, detail };
}
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, value: '', detail };
}
export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, value, detail: '' };
}
export function notFound(field: string, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, value, detail: '' };
}
export function tooLong(field: string, value: unknown, max: number): FieldError {
  return { type: 'FieldValueTooLong', field, value, detail: `may not be more than ${max} bytes` };
}
export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: 'FieldValueTooMany', field, value: actual, detail: `must have at most ${max} items` };
}
export function omitValue(e: FieldError): FieldError {
  return { ...e, value: OMIT };
}

/** The part after "<field>: ", as ErrorBody() builds it. */
export function errorBody(e: FieldError): string {
  let s: string;
  const t = TYPE_STRING[e.type];
  if (e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.type === 'FieldValueTooLong' || e.type === 'InternalError' || e.value === OMIT) {
    s = t;
  } else {
    s = `${t}: ${renderValue(e.value)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

function renderValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goQuote(v);
  return JSON.stringify(v);
}

/** Go's %q for a string (ASCII subset; non-ASCII printable runes kept as is, as strconv.Quote does). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}
