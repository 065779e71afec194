// Plain-scalar resolution as go-yaml v2 does it (sigs.k8s.io/yaml/goyaml.v2/resolve.go):
// YAML 1.1 booleans (y/yes/on/off/...), Go's strconv integer syntax (0x, 0o, 0b, leading-0
// octal, `_` separators), the yamlStyleFloat regexp, timestamps. Used both when reading
// user YAML and by the printer to decide whether a string must be quoted.

export const STR_TAG = 'tag:yaml.org,2002:str';
export const BOOL_TAG = 'tag:yaml.org,2002:bool';
export const NULL_TAG = 'tag:yaml.org,2002:null';
export const INT_TAG = 'tag:yaml.org,2002:int';
export const FLOAT_TAG = 'tag:yaml.org,2002:float';
export const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
export const MERGE_TAG = 'tag:yaml.org,2002:merge';
export const BINARY_TAG = 'tag:yaml.org,2002:binary';
const LONG_TAG_PREFIX = 'tag:yaml.org,2002:';

/** A resolved scalar. `intKind` distinguishes Go int from uint64 (used for key formatting). */
export interface Resolved {
  tag: string;
  value: null | boolean | number | string;
  intKind?: 'int' | 'uint';
}

const resolveMap = new Map<string, Resolved>();
{
  const add = (value: Resolved['value'], tag: string, l: string[]): void => {
    for (const s of l) resolveMap.set(s, { tag, value });
  };
  add(true, BOOL_TAG, ['y', 'Y', 'yes', 'Yes', 'YES']);
  add(true, BOOL_TAG, ['true', 'True', 'TRUE']);
  add(true, BOOL_TAG, ['on', 'On', 'ON']);
  add(false, BOOL_TAG, ['n', 'N', 'no', 'No', 'NO']);
  add(false, BOOL_TAG, ['false', 'False', 'FALSE']);
  add(false, BOOL_TAG, ['off', 'Off', 'OFF']);
  add(null, NULL_TAG, ['', '~', 'null', 'Null', 'NULL']);
  add(NaN, FLOAT_TAG, ['.nan', '.NaN', '.NAN']);
  add(Infinity, FLOAT_TAG, ['.inf', '.Inf', '.INF']);
  add(Infinity, FLOAT_TAG, ['+.inf', '+.Inf', '+.INF']);
  add(-Infinity, FLOAT_TAG, ['-.inf', '-.Inf', '-.INF']);
  add('<<', MERGE_TAG, ['<<']);
}

/** resolveTable hints: 'S' sign, 'D' digit, 'M' in map, '.' float. */
function hint(c: string): string {
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

export function shortTag(tag: string): string {
  return tag.startsWith(LONG_TAG_PREFIX) ? '!!' + tag.slice(LONG_TAG_PREFIX.length) : tag;
}

function resolvableTag(tag: string): boolean {
  return (
    tag === '' ||
    tag === STR_TAG ||
    tag === BOOL_TAG ||
    tag === INT_TAG ||
    tag === FLOAT_TAG ||
    tag === NULL_TAG ||
    tag === TIMESTAMP_TAG
  );
}

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;

/** strconv.ParseUint(s, 0, 64): returns the value, 'range' on overflow, or null on syntax error. */
function parseGoUint(s: string): bigint | 'range' | null {
  if (s.length === 0) return null;
  let base = 10;
  if (s[0] === '0') {
    const l = s.length >= 3 ? s[1].toLowerCase() : '';
    if (l === 'b') {
      base = 2;
      s = s.slice(2);
    } else if (l === 'o') {
      base = 8;
      s = s.slice(2);
    } else if (l === 'x') {
      base = 16;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let n = 0n;
  const b = BigInt(base);
  let overflow = false;
  for (const ch of s) {
    const c = ch.toLowerCase();
    let d: number;
    if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (c >= 'a' && c <= 'z') d = c.charCodeAt(0) - 97 + 10;
    else return null;
    if (d >= base) return null;
    if (!overflow) {
      n = n * b + BigInt(d);
      if (n > UINT64_MAX) overflow = true;
    }
  }
  return overflow ? 'range' : n;
}

/** strconv.ParseInt(s, 0, 64). */
function parseGoInt(s: string): bigint | 'range' | null {
  if (s.length === 0) return null;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  const un = parseGoUint(s);
  if (un === null || un === 'range') return un;
  if (!neg && un > INT64_MAX) return 'range';
  if (neg && un > INT64_MAX + 1n) return 'range';
  return neg ? -un : un;
}

function bigToNumber(v: bigint): number {
  return Number(v);
}

// ------------------------------------------------------------------ timestamps

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Go time.Parse getnum(s, false): one or two digits. */
function getnum(s: string, pos: number): [number, number] | null {
  if (!isDigitAt(s, pos)) return null;
  if (!isDigitAt(s, pos + 1)) return [s.charCodeAt(pos) - 48, pos + 1];
  return [(s.charCodeAt(pos) - 48) * 10 + (s.charCodeAt(pos + 1) - 48), pos + 2];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * parseTimestamp (resolve.go): the value must begin with YYYY- and parse with one of
 * "2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00",
 * "2006-1-2 15:4:5.999999999", "2006-1-2" under Go's time.Parse rules.
 */
export function isTimestamp(s: string): boolean {
  let i = 0;
  while (i < s.length && isDigitAt(s, i)) i++;
  if (i !== 4 || i === s.length || s[i] !== '-') return false;
  const year = Number(s.slice(0, 4));
  let p = 5;
  const mo = getnum(s, p);
  if (!mo) return false;
  const month = mo[0];
  p = mo[1];
  if (month < 1 || month > 12) return false;
  if (s[p] !== '-') return false;
  const dd = getnum(s, p + 1);
  if (!dd) return false;
  const day = dd[0];
  p = dd[1];
  if (day < 1 || day > 31) return false;
  const dateOK = day <= daysIn(month, year);
  if (p === s.length) return dateOK; // "2006-1-2"
  const sep = s[p];
  if (sep !== 'T' && sep !== 't' && sep !== ' ') return false;
  p++;
  const hh = getnum(s, p);
  if (!hh || hh[0] > 23) return false;
  p = hh[1];
  if (s[p] !== ':') return false;
  const mi = getnum(s, p + 1);
  if (!mi || mi[0] > 59) return false;
  p = mi[1];
  if (s[p] !== ':') return false;
  const ss = getnum(s, p + 1);
  if (!ss || ss[0] > 59) return false;
  p = ss[1];
  // Fractional seconds (optional, '.' or ',').
  if ((s[p] === '.' || s[p] === ',') && isDigitAt(s, p + 1)) {
    p++;
    while (isDigitAt(s, p)) p++;
  }
  if (sep === ' ') {
    return p === s.length && dateOK;
  }
  // Z07:00
  if (s[p] === 'Z') {
    return p + 1 === s.length && dateOK;
  }
  if ((s[p] === '+' || s[p] === '-') && s.length - p === 6 && s[p + 3] === ':') {
    if (!isDigitAt(s, p + 1) || !isDigitAt(s, p + 2) || !isDigitAt(s, p + 4) || !isDigitAt(s, p + 5)) return false;
    const h = Number(s.slice(p + 1, p + 3));
    const m = Number(s.slice(p + 4, p + 6));
    if (h > 24 || m > 60) return false;
    return dateOK;
  }
  return false;
}

/** Error raised by go-yaml's failf() (message already carries the "yaml: " prefix). */
export class YamlFailure extends Error {}

/** resolve(tag, in) from resolve.go. */
export function resolve(tag: string, input: string): Resolved {
  if (!resolvableTag(tag)) return { tag, value: input };
  const r = resolveImpl(tag, input);
  // The deferred check in resolve.go.
  if (tag === '' || tag === r.tag || tag === STR_TAG || tag === BINARY_TAG) return r;
  if (tag === FLOAT_TAG && r.tag === INT_TAG) {
    return { tag: FLOAT_TAG, value: r.value };
  }
  throw new YamlFailure(`yaml: cannot decode ${shortTag(r.tag)} \`${input}\` as a ${shortTag(tag)}`);
}

function resolveImpl(tag: string, input: string): Resolved {
  const h = input === '' ? 'N' : hint(input[0]);
  if (h !== '' && tag !== STR_TAG && tag !== BINARY_TAG) {
    const item = resolveMap.get(input);
    if (item) return item;
    switch (h) {
      case '.': {
        if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(input)) {
          const f = Number(input);
          if (Number.isFinite(f)) return { tag: FLOAT_TAG, value: f };
        }
        break;
      }
      case 'D':
      case 'S': {
        if (tag === '' || tag === TIMESTAMP_TAG) {
          if (isTimestamp(input)) return { tag: TIMESTAMP_TAG, value: input };
        }
        const plain = input.replace(/_/g, '');
        const iv = parseGoInt(plain);
        if (typeof iv === 'bigint') return { tag: INT_TAG, value: bigToNumber(iv), intKind: 'int' };
        const uv = parseGoUint(plain);
        if (typeof uv === 'bigint') return { tag: INT_TAG, value: bigToNumber(uv), intKind: 'uint' };
        if (yamlStyleFloat.test(plain)) {
          const f = Number(plain);
          if (Number.isFinite(f)) return { tag: FLOAT_TAG, value: f };
        }
        if (plain.startsWith('-0b')) {
          const v = parseGoInt('-' + '0b' + plain.slice(3));
          if (typeof v === 'bigint') return { tag: INT_TAG, value: bigToNumber(v), intKind: 'int' };
        }
        break;
      }
    }
  }
  return { tag: STR_TAG, value: input };
}

/** isBase60Float (encode.go): such strings are quoted on output. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || s.indexOf(':') < 0) return false;
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}
