// `kubectl -o json`: Go's encoding/json MarshalIndent(obj, "", "    ") plus a newline
// (cli-runtime pkg/printers/json.go JSONPrinter). Strings are escaped as Go does with
// HTML escaping on (<, >, & → \u003c, \u003e, \u0026; U+2028/2029 escaped; \b and \f short
// forms as of Go 1.22).
//
// Key order: objects kubectl decoded from the server or from files are unstructured maps, so
// Go sorts their keys (byte order). Objects kubectl builds itself (run, create deployment,
// expose … with --dry-run=client) are typed structs, printed in struct field order; the
// generators in ../generate build them in that order, so `keyOrder: 'insertion'` keeps it.
// Map-typed fields (labels, data, selector …) are sorted by Go in both cases; in insertion
// mode an object having a canonical array-index key (which no struct field has) is sorted.

import type { JsonValue } from '../yaml/goyaml/decode.ts';

export type KeyOrder = 'sorted' | 'insertion';

const HEX = '0123456789abcdef';

/** encoding/json appendString with escapeHTML = true. */
export function goJSONString(s: string, escapeHTML = true): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c < 0x20) {
      switch (c) {
        case 0x08:
          rep = '\\b';
          break;
        case 0x0c:
          rep = '\\f';
          break;
        case 0x0a:
          rep = '\\n';
          break;
        case 0x0d:
          rep = '\\r';
          break;
        case 0x09:
          rep = '\\t';
          break;
        default:
          rep = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      }
    } else if (c === 0x22) {
      rep = '\\"';
    } else if (c === 0x5c) {
      rep = '\\\\';
    } else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) {
      rep = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
    } else if (c === 0x2028 || c === 0x2029) {
      rep = '\\u202' + HEX[c & 0xf];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 once encoded: Go writes U+FFFD.
      const hi = c <= 0xdbff;
      const next = s.charCodeAt(i + 1);
      if (hi && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    }
    if (rep !== null) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** encoding/json float64/int64 formatting. */
export function goJSONNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`);
  if (Object.is(n, -0)) return '-0';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  // JS and Go agree on shortest digits and on the 1e-6 / 1e21 exponent thresholds
  // (Go writes e-07 then trims it to e-7, as JS does).
  return String(n);
}

/** Go's sort.Strings order (byte-wise UTF-8, which equals code point order). */
export function goStringLess(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

function orderedKeys(obj: { [key: string]: unknown }, order: KeyOrder): string[] {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (order === 'sorted' || keys.some((k) => ARRAY_INDEX.test(k) && Number(k) < 4294967295)) {
    return keys.sort(goStringLess);
  }
  return keys;
}

/** json.Marshal (compact). */
export function marshalJSON(v: unknown, order: KeyOrder = 'sorted'): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goJSONNumber(v);
  if (typeof v === 'string') return goJSONString(v);
  if (Array.isArray(v)) return '[' + v.map((x) => marshalJSON(x, order)).join(',') + ']';
  const o = v as { [key: string]: unknown };
  return '{' + orderedKeys(o, order).map((k) => goJSONString(k) + ':' + marshalJSON(o[k], order)).join(',') + '}';
}

/** json.MarshalIndent(v, prefix "", indent). */
export function marshalJSONIndent(v: unknown, indent = '    ', order: KeyOrder = 'sorted', level = 0): string {
  if (v === null || v === undefined || typeof v !== 'object') return marshalJSON(v, order);
  const pad = indent.repeat(level + 1);
  const end = indent.repeat(level);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => pad + marshalJSONIndent(x, indent, order, level + 1)).join(',\n') + '\n' + end + ']';
  }
  const o = v as { [key: string]: unknown };
  const keys = orderedKeys(o, order);
  if (keys.length === 0) return '{}';
  return (
    '{\n' +
    keys.map((k) => pad + goJSONString(k) + ': ' + marshalJSONIndent(o[k], indent, order, level + 1)).join(',\n') +
    '\n' +
    end +
    '}'
  );
}

export interface JSONPrintOptions {
  /** 'sorted' for unstructured objects (get, create -f), 'insertion' for objects kubectl generated itself. */
  keyOrder?: KeyOrder;
}

/** What `kubectl … -o json` writes for one object. */
export function printJSON(obj: JsonValue | object, opts: JSONPrintOptions = {}): string {
  return marshalJSONIndent(obj, '    ', opts.keyOrder ?? 'sorted') + '\n';
}
