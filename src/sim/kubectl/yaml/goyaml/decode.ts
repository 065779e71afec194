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

/** Work items of the iterative decoder (go-yaml recurses; deep input must not exhaust the JS stack). */
const F_SEQ = 1;
const F_MAP = 2;
const F_ALIAS_END = 3;
const F_MERGE_SEQ = 4;

interface Frame {
  t: number;
  node: YNode;
  i: number;
  out: JsonValue[] | null; // F_SEQ
  entries: [string, JsonValue][] | null; // F_MAP, F_MERGE_SEQ
  key: string | null; // F_MAP: key of the value being decoded
  merge: boolean; // F_MAP: merging into a parent's entries, delivers no value
}

function frame(t: number, node: YNode): Frame {
  return { t, node, i: 0, out: null, entries: null, key: null, merge: false };
}

/**
 * decode.go `decoder.unmarshal` into interface{} (maps of interface{} keys, merge keys,
 * alias-expansion limits), with sigs.k8s.io/yaml's key-to-string conversion applied to each
 * key. Iterative, with the same decode/alias counting as go-yaml.
 */
class Decoder {
  /** A value json.Marshal will reject; only values (not keys) count. */
  marshalError: string | null = null;
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private aliases = new Set<YNode>();
  private stack: Frame[] = [];
  private result: JsonValue = null;

  /** The accounting at the top of decode.go `unmarshal`. */
  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      throw new YamlFailure('yaml: document contains excessive aliasing');
    }
  }

  private enterAlias(n: YNode): void {
    if (this.aliases.has(n)) throw new YamlFailure(`yaml: anchor '${n.value}' value contains itself`);
    this.aliases.add(n);
    this.aliasDepth++;
    this.stack.push(frame(F_ALIAS_END, n));
  }

  /** Decodes one value node completely. */
  unmarshal(root: YNode): JsonValue {
    const base = this.stack.length;
    this.begin(root);
    while (this.stack.length > base) {
      const f = this.stack[this.stack.length - 1];
      const children = f.node.children;
      switch (f.t) {
        case F_SEQ:
          if (f.i < children.length) this.begin(children[f.i++]);
          else {
            this.stack.pop();
            this.deliver(f.out!, true);
          }
          break;
        case F_MAP:
          if (f.i < children.length) {
            const kn = children[f.i];
            if (isMerge(kn)) {
              f.i += 2;
              this.merge(children[f.i - 1], f.entries!);
              break;
            }
            const k = this.key(kn);
            if (k.kind === 'collection') throw new YamlFailure(`yaml: invalid map key: ${goSyntax(k.v)}`);
            const vn = children[f.i + 1];
            f.key = k.kind === 'str' ? (k.v as string) : keyString(k, null, () => this.unmarshalDetached(vn));
            this.begin(vn);
          } else {
            this.stack.pop();
            // Later duplicates win, as with Go's map assignment; fromEntries defines "__proto__" as an own key.
            if (f.merge) this.deliver(null, false);
            else this.deliver(Object.fromEntries(f.entries!), true);
          }
          break;
        case F_MERGE_SEQ:
          if (f.i >= 0) {
            const ni = children[f.i--];
            if (ni.kind === ALIAS) {
              if (ni.alias && ni.alias.kind !== MAPPING) failWantMap();
            } else if (ni.kind !== MAPPING) {
              failWantMap();
            }
            this.mergeInto(ni, f.entries!);
          } else {
            this.stack.pop();
            this.deliver(null, false);
          }
          break;
        case F_ALIAS_END:
          // only reached through deliver()
          throw new Error('internal error: dangling alias frame');
      }
    }
    const r = this.result;
    this.result = null;
    return r;
  }

  /** A key's value decoded apart from the main walk (for error messages only). */
  private unmarshalDetached(n: YNode): JsonValue {
    const savedStack = this.stack;
    const savedResult = this.result;
    this.stack = [];
    try {
      return this.unmarshal(n);
    } finally {
      this.stack = savedStack;
      this.result = savedResult;
    }
  }

  /** Starts decoding node n (decode.go unmarshal for interface{} targets). */
  private begin(n: YNode): void {
    this.count();
    switch (n.kind) {
      case SCALAR:
        this.deliver(this.scalar(n).v, true);
        return;
      case MAPPING: {
        const f = frame(F_MAP, n);
        f.entries = [];
        this.stack.push(f);
        return;
      }
      case SEQUENCE: {
        const f = frame(F_SEQ, n);
        f.out = [];
        this.stack.push(f);
        return;
      }
      case DOCUMENT:
        if (n.children.length === 1) this.begin(n.children[0]);
        else this.deliver(null, true);
        return;
      case ALIAS:
        this.enterAlias(n);
        this.begin(n.alias!);
        return;
    }
    throw new Error('internal error: unknown node kind: ' + n.kind);
  }

  /** Hands a finished value to the frame below (leaving any aliases it came through). */
  private deliver(v: JsonValue, hasValue: boolean): void {
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (top === undefined) {
        this.result = v;
        return;
      }
      if (top.t === F_ALIAS_END) {
        this.aliasDepth--;
        this.aliases.delete(top.node);
        this.stack.pop();
        continue;
      }
      if (!hasValue) return;
      if (top.t === F_SEQ) {
        top.out!.push(v);
      } else if (top.t === F_MAP) {
        top.entries!.push([top.key!, v]);
        top.key = null;
        top.i += 2;
      } else {
        this.result = v;
      }
      return;
    }
  }

  /** Decodes a scalar into interface{} (decode.go `scalar`). */
  private scalar(n: YNode): KeyValue {
    let r: Resolved;
    if (n.tag === '' && !n.implicit) {
      return { kind: 'str', v: n.value };
    }
    r = resolve(n.tag, n.value);
    if (r.tag === BINARY_TAG) {
      r = { tag: BINARY_TAG, value: decodeBinary(String(r.value)) };
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
      this.count();
      if (n.kind === SCALAR) return this.scalar(n);
      if (n.kind === ALIAS && n.alias!.kind === SCALAR) {
        if (this.aliases.has(n)) throw new YamlFailure(`yaml: anchor '${n.value}' value contains itself`);
        this.aliasDepth++;
        try {
          this.count();
          return this.scalar(n.alias!);
        } finally {
          this.aliasDepth--;
        }
      }
      this.decodeCount--; // counted again by unmarshal
      return { kind: 'collection', v: this.unmarshalDetached(n) };
    } finally {
      this.marshalError = saved;
    }
  }

  private merge(n: YNode, entries: [string, JsonValue][]): void {
    switch (n.kind) {
      case MAPPING:
        this.mergeInto(n, entries);
        return;
      case ALIAS:
        if (n.alias && n.alias.kind !== MAPPING) failWantMap();
        this.mergeInto(n, entries);
        return;
      case SEQUENCE: {
        // Step backwards as earlier nodes take precedence.
        const f = frame(F_MERGE_SEQ, n);
        f.i = n.children.length - 1;
        f.entries = entries;
        this.stack.push(f);
        return;
      }
      default:
        failWantMap();
    }
  }

  /** d.unmarshal(m, out) with `out` the map being built. */
  private mergeInto(m: YNode, entries: [string, JsonValue][]): void {
    this.count();
    let target = m;
    if (m.kind === ALIAS) {
      this.enterAlias(m);
      this.count();
      target = m.alias!;
    }
    const f = frame(F_MAP, target);
    f.entries = entries;
    f.merge = true;
    this.stack.push(f);
  }
}

function failWantMap(): never {
  throw new YamlFailure('yaml: map merge requires map or sequence of maps as the value');
}

function isMerge(n: YNode): boolean {
  return n.kind === SCALAR && n.value === '<<' && (n.implicit || n.tag === MERGE_TAG);
}

/**
 * sigs.k8s.io/yaml convertToJSONableObject: map keys become strings. The value is only needed
 * for the error message of unsupported keys.
 */
function keyString(k: KeyValue, _v: JsonValue, value: () => JsonValue): string {
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
        `unsupported map key of type: uint64, key: 0x${BigInt(k.v as number).toString(16)}, value: ${goSyntax(value())}`,
      );
    default:
      throw new YamlFailure(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSyntax(value())}`);
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
