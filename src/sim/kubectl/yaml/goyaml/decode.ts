// go-yaml v2 `Unmarshal(in, &interface{})` followed by sigs.k8s.io/yaml's conversion to a
// JSON-able object (yaml.go `yamlToJSONTarget` with a nil target), producing plain JSON
// values. Ported from sigs.k8s.io/yaml/goyaml.v2/decode.go (parser → node tree → decoder)
// and sigs.k8s.io/yaml/yaml.go (`convertToJSONableObject`).
//
// Only the first document of the input is decoded, as yaml.Unmarshal does; kubectl splits
// the stream on `---` lines before calling it (see ../parse.ts).

import { Parser, E, type YamlEvent } from './parser.ts';
import { YamlError } from './scanner.ts';
import { resolve, YamlFailure, STR_TAG, BINARY_TAG, TIMESTAMP_TAG, MERGE_TAG, type Resolved } from './resolve.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const DOCUMENT = 1;
const MAPPING = 2;
const SEQUENCE = 4;
const SCALAR = 8;
const ALIAS = 16;

interface YNode {
  kind: number;
  line: number;
  column: number;
  tag: string;
  value: string;
  implicit: boolean;
  children: YNode[];
  alias: YNode | null;
}

function newNode(kind: number, e: YamlEvent): YNode {
  return { kind, line: e.start.line, column: e.start.column, tag: '', value: '', implicit: false, children: [], alias: null };
}

/**
 * The message go-yaml's parser.fail() builds from a libyaml error:
 * `yaml: line N: <problem>`, where N is the problem mark's 0-based line (plus one for
 * scanner errors, which "don't iterate line"), or else the context mark's line.
 */
export function formatLibyamlError(err: YamlError): string {
  let line = 0;
  if (err.problemMark.line !== 0) {
    line = err.problemMark.line;
    if (err.kind === 'scanner') line++;
  } else if (err.contextMark.line !== 0) {
    line = err.contextMark.line;
  }
  const where = line !== 0 ? `line ${line}: ` : '';
  const msg = err.problem.length > 0 ? err.problem : 'unknown problem parsing YAML content';
  return `yaml: ${where}${msg}`;
}

/** Builds the node tree of the first document (decode.go `parser.parse`), iteratively. */
function composeFirstDocument(input: string): YNode | null {
  const parser = new Parser(input);
  let event: YamlEvent | null = null;
  const peek = (): YamlEvent => {
    if (event === null) {
      const e = parser.parse();
      if (e === null) throw new YamlFailure('yaml: attempted to go past the end of stream; corrupted value?');
      event = e;
    }
    return event;
  };
  const expect = (type: number): void => {
    const e = peek();
    if (e.type === E.STREAM_END && type !== E.STREAM_END) {
      throw new YamlFailure('yaml: attempted to go past the end of stream; corrupted value?');
    }
    event = null;
  };

  expect(E.STREAM_START);
  const first = peek();
  if (first.type === E.STREAM_END) return null;
  // first.type is DOCUMENT_START
  const doc = newNode(DOCUMENT, first);
  const anchors = new Map<string, YNode>();
  expect(E.DOCUMENT_START);

  const stack: YNode[] = [];
  let root: YNode | null = null;
  const attach = (n: YNode): void => {
    if (stack.length === 0) root = n;
    else stack[stack.length - 1].children.push(n);
  };
  for (;;) {
    const e = peek();
    switch (e.type) {
      case E.SCALAR: {
        const n = newNode(SCALAR, e);
        n.value = e.value;
        n.tag = e.tag;
        n.implicit = e.implicit;
        if (e.anchor) anchors.set(e.anchor, n);
        expect(E.SCALAR);
        attach(n);
        break;
      }
      case E.ALIAS: {
        const n = newNode(ALIAS, e);
        n.value = e.anchor;
        const target = anchors.get(n.value);
        if (!target) throw new YamlFailure(`yaml: unknown anchor '${n.value}' referenced`);
        n.alias = target;
        expect(E.ALIAS);
        attach(n);
        break;
      }
      case E.MAPPING_START:
      case E.SEQUENCE_START: {
        const n = newNode(e.type === E.MAPPING_START ? MAPPING : SEQUENCE, e);
        n.tag = e.tag;
        if (e.anchor) anchors.set(e.anchor, n);
        expect(e.type);
        attach(n);
        stack.push(n);
        break;
      }
      case E.MAPPING_END:
      case E.SEQUENCE_END:
        expect(e.type);
        stack.pop();
        break;
      default:
        throw new Error('attempted to parse unknown event: ' + e.type);
    }
    if (stack.length === 0 && root !== null) break;
  }
  doc.children.push(root!);
  expect(E.DOCUMENT_END);
  return doc;
}

// alias ratio limits (decode.go allowedAliasRatio)
const ALIAS_RATIO_RANGE_LOW = 400000;
const ALIAS_RATIO_RANGE_HIGH = 4000000;
const ALIAS_RATIO_RANGE = ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / ALIAS_RATIO_RANGE);
}

/** A decoded YAML key before sigs.k8s.io/yaml turns it into a string. */
type KeyValue = { kind: 'str' | 'int' | 'uint' | 'float' | 'bool' | 'null'; v: JsonValue } | { kind: 'collection'; v: JsonValue };

/** Go's strconv.FormatFloat(f, 'g', -1, 32), as sigs.k8s.io/yaml uses for float map keys. */
function formatFloat32G(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  const f32 = Math.fround(f);
  // Shortest decimal that rounds to the same float32.
  let digits = '';
  for (let p = 1; p <= 9; p++) {
    const s = f32.toPrecision(p);
    if (Math.fround(Number(s)) === f32) {
      digits = s;
      break;
    }
  }
  return goFormatG(Number(digits));
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64) (ftoa.go): shortest digits; %e when the decimal
 * exponent is < -4 or >= 6 (eprec is forced to 6 in shortest mode), else %f.
 */
export function goFormatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const neg = f < 0;
  const [mant, expStr] = Math.abs(f).toExponential().split('e'); // shortest round-trip digits
  const digs = mant.replace('.', '');
  const exp = Number(expStr);
  let out: string;
  if (exp < -4 || exp >= 6) {
    out = goExp(digs, exp);
  } else if (exp < 0) {
    out = '0.' + '0'.repeat(-exp - 1) + digs;
  } else if (digs.length <= exp + 1) {
    out = digs + '0'.repeat(exp + 1 - digs.length);
  } else {
    out = digs.slice(0, exp + 1) + '.' + digs.slice(exp + 1);
  }
  return neg ? '-' + out : out;
}

function goExp(digs: string, exp: number): string {
  let m = digs[0];
  if (digs.length > 1) m += '.' + digs.slice(1);
  const sign = exp < 0 ? '-' : '+';
  const a = Math.abs(exp);
  return `${m}e${sign}${a < 10 ? '0' + a : a}`;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** A rough rendering of Go's `%+#v` for the decoded values that can appear in key errors. */
function goSyntax(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[]interface {}{' + v.map(goSyntax).join(', ') + '}';
  return (
    'map[interface {}]interface {}{' +
    Object.keys(v)
      .map((k) => `${goQuote(k)}:${goSyntax(v[k])}`)
      .join(', ') +
    '}'
  );
}

class Decoder {
  /** A value json.Marshal will reject; only values (not keys) count. */
  marshalError: string | null = null;
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private aliases = new Set<YNode>();

  unmarshal(n: YNode): JsonValue {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      throw new YamlFailure('yaml: document contains excessive aliasing');
    }
    switch (n.kind) {
      case SCALAR:
        return this.scalar(n).v;
      case MAPPING: {
        const entries: [string, JsonValue][] = [];
        this.mapping(n, entries);
        // Later duplicates win, as with Go's map assignment; fromEntries defines "__proto__" as an own key.
        return Object.fromEntries(entries);
      }
      case SEQUENCE:
        return n.children.map((c) => this.unmarshal(c));
      case DOCUMENT:
        return n.children.length === 1 ? this.unmarshal(n.children[0]) : null;
      case ALIAS:
        return this.alias(n, (t) => this.unmarshal(t));
    }
    throw new Error('internal error: unknown node kind: ' + n.kind);
  }

  private alias<R>(n: YNode, f: (target: YNode) => R): R {
    if (this.aliases.has(n)) throw new YamlFailure(`yaml: anchor '${n.value}' value contains itself`);
    this.aliases.add(n);
    this.aliasDepth++;
    try {
      return f(n.alias!);
    } finally {
      this.aliasDepth--;
      this.aliases.delete(n);
    }
  }

  /** Decodes a scalar into interface{} (decode.go `scalar`) and then to JSON. */
  private scalar(n: YNode): KeyValue {
    let r: Resolved;
    if (n.tag === '' && !n.implicit) {
      r = { tag: STR_TAG, value: n.value };
    } else {
      r = resolve(n.tag, n.value);
      if (r.tag === BINARY_TAG) {
        r = { tag: BINARY_TAG, value: decodeBinary(String(r.value)) };
      }
    }
    if (r.value === null) return { kind: 'null', v: null };
    if (r.tag === TIMESTAMP_TAG) return { kind: 'str', v: n.value };
    switch (typeof r.value) {
      case 'boolean':
        return { kind: 'bool', v: r.value };
      case 'number':
        if (r.intKind) return { kind: r.intKind, v: r.value };
        if (!Number.isFinite(r.value) && this.marshalError === null) {
          // json.Marshal of the converted object fails on NaN and ±Inf (reported after decoding).
          this.marshalError = `json: unsupported value: ${Number.isNaN(r.value) ? 'NaN' : r.value > 0 ? '+Inf' : '-Inf'}`;
        }
        return { kind: 'float', v: r.value };
      default:
        return { kind: 'str', v: r.value };
    }
  }

  /** A key as decoded into interface{}; maps and slices are rejected by go-yaml. */
  private key(n: YNode): KeyValue {
    const saved = this.marshalError;
    try {
      return this.keyValue(n);
    } finally {
      this.marshalError = saved;
    }
  }

  private keyValue(n: YNode): KeyValue {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (n.kind === SCALAR) return this.scalar(n);
    if (n.kind === ALIAS) {
      return this.alias(n, (t) => {
        if (t.kind === SCALAR) return this.scalar(t);
        this.decodeCount--; // counted again by unmarshal below
        return { kind: 'collection', v: this.unmarshal(t) };
      });
    }
    this.decodeCount--;
    return { kind: 'collection', v: this.unmarshal(n) };
  }

  private mapping(n: YNode, out: [string, JsonValue][]): void {
    const l = n.children.length;
    for (let i = 0; i < l; i += 2) {
      const kn = n.children[i];
      if (isMerge(kn)) {
        this.merge(n.children[i + 1], out);
        continue;
      }
      const k = this.key(kn);
      if (k.kind === 'collection') {
        throw new YamlFailure(`yaml: invalid map key: ${goSyntax(k.v)}`);
      }
      const v = this.unmarshal(n.children[i + 1]);
      out.push([keyString(k, v), v]);
    }
  }

  private merge(n: YNode, out: [string, JsonValue][]): void {
    const failWantMap = (): never => {
      throw new YamlFailure('yaml: map merge requires map or sequence of maps as the value');
    };
    const mergeInto = (m: YNode): void => {
      // d.unmarshal(n, out) with `out` the map being built
      this.decodeCount++;
      if (this.aliasDepth > 0) this.aliasCount++;
      if (m.kind === ALIAS) {
        this.alias(m, (t) => {
          this.decodeCount++;
          if (this.aliasDepth > 0) this.aliasCount++;
          this.mapping(t, out);
        });
      } else {
        this.mapping(m, out);
      }
    };
    switch (n.kind) {
      case MAPPING:
        mergeInto(n);
        return;
      case ALIAS:
        if (n.alias && n.alias.kind !== MAPPING) failWantMap();
        mergeInto(n);
        return;
      case SEQUENCE:
        for (let i = n.children.length - 1; i >= 0; i--) {
          const ni = n.children[i];
          if (ni.kind === ALIAS) {
            if (ni.alias && ni.alias.kind !== MAPPING) failWantMap();
          } else if (ni.kind !== MAPPING) {
            failWantMap();
          }
          mergeInto(ni);
        }
        return;
      default:
        failWantMap();
    }
  }
}

function isMerge(n: YNode): boolean {
  return n.kind === SCALAR && n.value === '<<' && (n.implicit || n.tag === MERGE_TAG);
}

/** sigs.k8s.io/yaml convertToJSONableObject: map keys become strings. */
function keyString(k: KeyValue, v: JsonValue): string {
  switch (k.kind) {
    case 'str':
      return k.v as string;
    case 'int':
      return String(k.v);
    case 'float':
      return formatFloat32G(k.v as number);
    case 'bool':
      return k.v ? 'true' : 'false';
    case 'uint':
      throw new YamlFailure(
        `unsupported map key of type: uint64, key: 0x${BigInt(k.v as number).toString(16)}, value: ${goSyntax(v)}`,
      );
    default:
      throw new YamlFailure(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSyntax(v)}`);
  }
}

function decodeBinary(s: string): string {
  const clean = s.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new YamlFailure('yaml: !!binary value contains invalid base64 data');
  }
  const bin = atob(clean);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

export type YamlToJsonResult = { ok: true; value: JsonValue } | { ok: false; error: string };

/**
 * sigs.k8s.io/yaml YAMLToJSON (non-strict) on one document chunk. On failure, `error` is the
 * text after "error converting YAML to JSON: ", e.g. `yaml: line 7: mapping values are not
 * allowed in this context`.
 */
export function yamlToJSON(input: string): YamlToJsonResult {
  try {
    const doc = composeFirstDocument(input);
    const decoder = new Decoder();
    const value = doc === null ? null : decoder.unmarshal(doc);
    if (decoder.marshalError !== null) return { ok: false, error: decoder.marshalError };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof YamlError) return { ok: false, error: formatLibyamlError(e) };
    if (e instanceof YamlFailure) return { ok: false, error: e.message };
    if (e instanceof RangeError) {
      // Deeper than the JS stack allows; go-yaml itself stops at 10000 levels.
      return { ok: false, error: 'yaml: exceeded max depth of 10000' };
    }
    throw e;
  }
}
