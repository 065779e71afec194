// Shared pieces of kubectl's object generators (k8s.io/kubectl pkg/generate, pkg/cmd/create,
// pkg/cmd/util) and the apimachinery validation helpers they call. Pure functions; file access,
// randomness and the REST mapper are supplied by the caller.

import { parseQuantity } from '../../api/quantity.ts';

/** A generated object, in Go struct field order (see ../printers/json.ts keyOrder 'insertion'). */
export type Obj = { [key: string]: unknown };

/**
 * An error as kubectl reports it. `usage` is the command path when kubectl prints it as a
 * usage error (cmdutil.UsageErrorf): `error: <msg>\nSee '<usage> -h' for help and examples`.
 * `bare` errors are printed without the `error: ` prefix (e.g. REST mapping misses).
 */
export interface GenError {
  ok: false;
  error: string;
  usage?: string;
  bare?: boolean;
}

export interface GenOk<T = Obj> {
  ok: true;
  object: T;
  /** Lines kubectl writes to stderr while still succeeding (e.g. `Warning: 'fly' is not a standard resource verb`). */
  warnings?: string[];
}

export type GenResult<T = Obj> = GenOk<T> | GenError;

export function fail(error: string, usage?: string): GenError {
  return usage ? { ok: false, error, usage } : { ok: false, error };
}

/** The stderr text of a failed generator: what cmdutil.CheckErr prints. */
export function formatGenError(e: GenError): string {
  if (e.bare) return e.error + '\n';
  if (e.usage) return `error: ${e.error}\nSee '${e.usage} -h' for help and examples\n`;
  return `error: ${e.error}\n`;
}

/** A Go map: keys inserted in sort.Strings order so that insertion-order printing matches Go. */
export function goMap<V>(m: Record<string, V> | Map<string, V>): Record<string, V> {
  const entries = m instanceof Map ? [...m.entries()] : Object.entries(m);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Record<string, V> = {};
  for (const [k, v] of entries) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/** Metadata in ObjectMeta field order (name, namespace, labels, annotations). */
export function objectMeta(m: {
  name?: string;
  namespace?: string;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
}): Obj {
  const out: Obj = {};
  if (m.name) out.name = m.name;
  if (m.namespace) out.namespace = m.namespace;
  if (m.labels && Object.keys(m.labels).length > 0) out.labels = goMap(m.labels);
  if (m.annotations && Object.keys(m.annotations).length > 0) out.annotations = goMap(m.annotations);
  return out;
}

/** ObjectMeta with `namespace` set, in field order (after name/generateName). */
export function withNamespace(meta: Obj, namespace: string): Obj {
  const out: Obj = {};
  for (const k of ['name', 'generateName']) if (meta[k] !== undefined) out[k] = meta[k];
  out.namespace = namespace;
  for (const [k, v] of Object.entries(meta)) if (!(k in out)) out[k] = v;
  return out;
}

// ------------------------------------------------------------------ strconv

/** strconv.Atoi error text. */
export function atoi(s: string): number | string {
  if (/^[+-]?[0-9]+$/.test(s)) {
    const n = Number(s);
    if (Number.isSafeInteger(n) && Math.abs(n) <= 9223372036854775807) return n;
    return `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`;
  }
  return `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
}

/** utilsnet.ParsePort(port, allowZero=true): strconv.ParseUint(port, 10, 16). */
export function parsePort(s: string): number | string {
  if (/^[0-9]+$/.test(s)) {
    const n = Number(s);
    if (n <= 65535) return n;
    return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  }
  return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
}

// ------------------------------------------------------------------ apimachinery validation

export { regexError } from '../../api/labels.ts';
export { isConfigMapKey, isDNS1123Subdomain, isEnvVarName, isValidPortName, isValidPortNum } from '../../api/validation/names.ts';

// ------------------------------------------------------------------ kubectl pkg/generate

/** generate.ParseLabels: `k=v,k2=v2` (values are not validated). */
export function parseLabels(spec: string): Record<string, string> | string {
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) return `unexpected label spec: ${item}`;
    if (kv[0].length === 0) return 'unexpected empty label key';
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** polymorphichelpers.MakeLabels: `k=v` joined by commas, sorted. */
export function makeLabels(labels: Record<string, string> | undefined | null): string {
  return Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',');
}

/**
 * NameFromCommandArgs (pkg/cmd/create/create.go): exactly one NAME before `--`.
 * `argsLenAtDash` is cobra's ArgsLenAtDash (-1 when there was no `--`).
 */
export function nameFromArgs(args: string[], argsLenAtDash: number, usage: string): string | GenError {
  const n = argsLenAtDash === -1 ? args.length : argsLenAtDash;
  if (n !== 1) return fail(`exactly one NAME is required, got ${n}`, usage);
  return args[0];
}

// ------------------------------------------------------------------ images

// github.com/distribution/reference ReferenceRegexp (anchored), as kubectl run validates --image.
const ALPHA_NUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** reference.ReferenceRegexp.MatchString (kubectl run image validation). */
export function isValidImageReference(image: string): boolean {
  return REFERENCE_RE.test(image);
}

// ------------------------------------------------------------------ quantities


const SUFFIXES: Record<string, { base: number; exponent: number; format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent' }> = {
  '': { base: 10, exponent: 0, format: 'DecimalSI' },
  n: { base: 10, exponent: -9, format: 'DecimalSI' },
  u: { base: 10, exponent: -6, format: 'DecimalSI' },
  m: { base: 10, exponent: -3, format: 'DecimalSI' },
  k: { base: 10, exponent: 3, format: 'DecimalSI' },
  M: { base: 10, exponent: 6, format: 'DecimalSI' },
  G: { base: 10, exponent: 9, format: 'DecimalSI' },
  T: { base: 10, exponent: 12, format: 'DecimalSI' },
  P: { base: 10, exponent: 15, format: 'DecimalSI' },
  E: { base: 10, exponent: 18, format: 'DecimalSI' },
  Ki: { base: 2, exponent: 10, format: 'BinarySI' },
  Mi: { base: 2, exponent: 20, format: 'BinarySI' },
  Gi: { base: 2, exponent: 30, format: 'BinarySI' },
  Ti: { base: 2, exponent: 40, format: 'BinarySI' },
  Pi: { base: 2, exponent: 50, format: 'BinarySI' },
  Ei: { base: 2, exponent: 60, format: 'BinarySI' },
};

/**
 * The JSON form of resource.ParseQuantity(s) in an object kubectl built itself: ParseQuantity
 * keeps the original string when it is already canonical on its fast path (so `2`, `1G`,
 * `010`, `2e3` stay as typed) and otherwise MarshalJSON prints the canonical form
 * (`1000m` → `1`, `1024Mi` → `1Gi`). Throws the parse error.
 * (apimachinery pkg/api/resource/quantity.go ParseQuantity, "if the number is in canonical form, reuse the string")
 */
export function quantityJSON(s: string): string {
  const canonical = parseQuantity(s).toString();
  // parseQuantityString: sign, leading zeros stripped, digits, optional fraction, suffix.
  let pos = 0;
  let positive = true;
  if (s[0] === '+') pos++;
  else if (s[0] === '-') {
    positive = false;
    pos++;
  }
  while (pos < s.length && s[pos] === '0') pos++;
  let i = pos;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  let num = s.slice(pos, i);
  if (num.length === 0) num = '0';
  let denom = '';
  if (s[i] === '.') {
    let j = i + 1;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    denom = s.slice(i + 1, j);
    i = j;
  }
  const suffix = s.slice(i);
  let interp = SUFFIXES[suffix];
  if (!interp) {
    const m = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
    if (!m) return canonical;
    interp = { base: 10, exponent: Number(m[1]), format: 'DecimalExponent' };
  }
  let precision: number;
  let scale: number;
  let mantissa = 1n;
  if (interp.base === 10) {
    scale = interp.exponent;
    precision = 18 - (num.length + denom.length);
  } else {
    scale = 0;
    if (interp.exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(interp.exponent);
      precision = 15 - num.length - Math.trunc((interp.exponent * 3) / 10) - 1;
    } else {
      precision = -1;
    }
  }
  if (precision < 0) return canonical;
  scale -= denom.length;
  if (scale < -9) return canonical;
  const shifted = num + denom;
  const value = BigInt(shifted);
  const result = value * mantissa;
  if (result > 9223372036854775807n) return canonical;
  void positive;
  if (interp.format === 'BinarySI') {
    if (interp.exponent % 10 === 0 && (value & 7n) !== 0n) return s;
  } else if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') {
    return s;
  }
  return canonical;
}

// ------------------------------------------------------------------ base64

export function base64Encode(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}
