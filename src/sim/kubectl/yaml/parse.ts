// Reading manifests the way `kubectl create|apply|replace -f` does:
//
//   cli-runtime pkg/resource/visitor.go StreamVisitor.Visit
//     → apimachinery pkg/util/yaml/decoder.go YAMLOrJSONDecoder (JSON stream if the input starts
//       with `{`, falling back to YAML; YAMLReader splits YAML on `---` lines, LineReader drops
//       `\r\n`) → sigs.k8s.io/yaml Unmarshal (go-yaml v2, YAML 1.1 scalars, see ./goyaml)
//     → "error parsing <source>: <err>"; empty and `null` documents are skipped;
//   then per document ValidateSchema (kubectl pkg/validation getObjectKind) when --validate is on,
//   and the unstructured decode ("unable to decode …: Object 'Kind' is missing in '…'").
//
// All messages are returned without kubectl's "error: " prefix (cmdutil.CheckErr adds it).

import { yamlToJSON, type JsonValue } from './goyaml/decode.ts';
import { readGoJSONValue } from './gojson.ts';
import { marshalJSON } from '../printers/json.ts';

export type { JsonValue } from './goyaml/decode.ts';

export interface ManifestDocument {
  /** The document as JSON (what kubectl holds as runtime.RawExtension). */
  object: JsonValue;
  /** The raw JSON text kubectl holds for it (quoted in "Object 'Kind' is missing in '…'"). */
  readonly raw: string;
}

export interface ManifestStream {
  /** Documents in order, up to the first unreadable one. */
  documents: ManifestDocument[];
  /** `error parsing <source>: …` when the stream stops on an unreadable document. */
  error: string | null;
}

/** Go's unicode.IsSpace. */
function isGoSpace(c: string): boolean {
  return (
    c === ' ' ||
    c === '\t' ||
    c === '\n' ||
    c === '\v' ||
    c === '\f' ||
    c === '\r' ||
    c === '\u0085' ||
    c === '\u00a0' ||
    c === '\u1680' ||
    (c >= '\u2000' && c <= '\u200a') ||
    c === '\u2028' ||
    c === '\u2029' ||
    c === '\u202f' ||
    c === '\u205f' ||
    c === '\u3000'
  );
}

function trimGoSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s[a])) a++;
  while (b > a && isGoSpace(s[b - 1])) b--;
  return s.slice(a, b);
}

/**
 * YAMLReader over LineReader (decoder.go): yields document chunks, each line ending in `\n`.
 * A `---` line ends the current chunk; when no chunk is open it is kept as the chunk's first
 * line. Text after `---` other than a comment is an error.
 */
class YAMLChunker {
  private lines: string[];
  private i = 0;
  constructor(text: string) {
    // bufio.Reader.ReadLine: lines end at \n; a \r before it is dropped; the last line may
    // lack \n. The LineReader appends \n to every line.
    const parts = text.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    this.lines = parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l) + '\n');
  }
  /** The next chunk, null at EOF; throws a string for an invalid separator. */
  next(): string | null {
    let buffer = '';
    for (;;) {
      if (this.i >= this.lines.length) return buffer.length !== 0 ? buffer : null;
      const line = this.lines[this.i++];
      if (line.startsWith('---')) {
        const trimmed = trimGoSpace(line.slice(3));
        if (trimmed.length > 0 && trimmed[0] !== '#') {
          throw new ParseFailure(`invalid Yaml document separator: ${trimmed}`);
        }
        if (buffer.length !== 0) return buffer;
      }
      buffer += line;
    }
  }
}

class ParseFailure {
  message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** A YAML document: its raw JSON (json.Marshal of the converted value) is computed on demand. */
class YAMLDocument implements ManifestDocument {
  object: JsonValue;
  private json: string | null = null;
  constructor(object: JsonValue) {
    this.object = object;
  }
  get raw(): string {
    if (this.json === null) this.json = marshalJSON(this.object);
    return this.json;
  }
}

function documentFromYAMLChunk(chunk: string): ManifestDocument | null {
  const r = yamlToJSON(chunk);
  if (!r.ok) throw new ParseFailure(`error converting YAML to JSON: ${r.error}`);
  if (r.value === null) return null;
  return new YAMLDocument(r.value);
}

function readYAML(text: string, out: ManifestDocument[]): void {
  const chunker = new YAMLChunker(text);
  for (;;) {
    const chunk = chunker.next();
    if (chunk === null) return;
    const doc = documentFromYAMLChunk(chunk);
    if (doc) out.push(doc);
  }
}

/** decoder.go consumeWhitespace: skip unicode spaces up to and including the first newline. */
function consumeWhitespace(text: string, pos: number): number | null {
  let i = pos;
  while (i < text.length) {
    const c = text[i];
    if (!isGoSpace(c)) return i;
    if (c === '\n') return i + 1;
    i++;
  }
  return null; // EOF
}

/** Reads a manifest stream (a file or stdin) as kubectl does. `source` is the path or "STDIN". */
export function readManifests(text: string, source: string): ManifestStream {
  const documents: ManifestDocument[] = [];
  const fail = (msg: string): ManifestStream => ({ documents, error: `error parsing ${source}: ${msg}` });
  try {
    // GuessJSONStream: the first non-space character of the first 4096 bytes is `{`.
    const head = text.slice(0, 4096);
    let k = 0;
    while (k < head.length && isGoSpace(head[k])) k++;
    if (head[k] !== '{') {
      readYAML(text, documents);
      return { documents, error: null };
    }
    let pos = 0;
    let count = 0;
    for (;;) {
      const r = readGoJSONValue(text, pos);
      if (r.kind === 'eof') return { documents, error: null };
      if (r.kind === 'value') {
        count++;
        pos = r.end;
        const raw = r.raw.trim();
        if (raw !== 'null') documents.push({ object: r.value, raw });
        continue;
      }
      const jsonErr = r.kind === 'syntax' ? r.message : 'unexpected EOF';
      if (count > 1) return fail(jsonErr);
      const firstErr = r.kind === 'syntax' ? `json: offset ${r.offset}: ${r.message}` : 'unexpected EOF';
      const start = consumeWhitespace(text, pos);
      if (start === null) return fail(firstErr);
      try {
        readYAML(text.slice(start), documents);
      } catch (e) {
        if (e instanceof ParseFailure) return fail(firstErr);
        throw e;
      }
      return { documents, error: null };
    }
  } catch (e) {
    if (e instanceof ParseFailure) return fail(e.message);
    throw e;
  }
}

/** `no objects passed to create` (create.go, apply.go …) when a stream yields no documents. */
export function noObjectsPassed(verb: string): string {
  return `no objects passed to ${verb}`;
}

// ------------------------------------------------------------------ --validate (client side)

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

function isObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

/** apimachinery schema.ParseGroupVersion. */
export function parseGroupVersion(gv: string): { group: string; version: string } | string {
  if (gv.length === 0 || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: gv };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return `unexpected GroupVersion string: ${gv}`;
}

/** kubectl pkg/validation getObjectKind: the errors for one object. */
function objectKindErrors(obj: JsonValue): string[] {
  if (!isObject(obj)) return ['invalid object to validate'];
  const errs: string[] = [];
  const apiVersion = obj['apiVersion'];
  if (apiVersion === null || apiVersion === undefined) errs.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else {
    const gv = parseGroupVersion(apiVersion);
    if (typeof gv === 'string') errs.push(gv);
  }
  const kind = obj['kind'];
  if (kind === null || kind === undefined) errs.push('kind not set');
  else if (typeof kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

/** utilerrors.NewAggregate(errs).Error(). */
function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/**
 * The client-side part of `--validate=true|strict` (cli-runtime ValidateSchema with kubectl's
 * ParamVerifyingSchema): apiVersion/kind must be present strings. Returns kubectl's message,
 * e.g. `error validating "pod.yaml": error validating data: kind not set; if you choose to
 * ignore these errors, turn validation off with --validate=false`, or null.
 * (Field-level validation happens on the server with fieldValidation=Strict.)
 */
export function validateManifest(doc: ManifestDocument, source: string): string | null {
  let errs = objectKindErrors(doc.object);
  if (errs.length === 0) {
    const o = doc.object as { [key: string]: JsonValue };
    if (o['apiVersion'] === 'v1' && o['kind'] === 'List') {
      const items = o['items'];
      if (!Array.isArray(items)) errs = ['invalid object to validate'];
      else for (const it of items) errs.push(...objectKindErrors(it));
    }
  }
  if (errs.length === 0) return null;
  return `error validating ${JSON.stringify(source)}: error validating data: ${aggregate(errs)}; ${STOP_VALIDATE}`;
}

function goJSONTypeName(v: JsonValue): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
  }
  return 'object';
}

export type DecodedManifest =
  | { ok: true; object: { [key: string]: JsonValue }; isList: boolean }
  | { ok: false; error: string };

/**
 * cli-runtime mapper.infoForData → unstructured.UnstructuredJSONScheme.Decode:
 * `unable to decode "<source>": Object 'Kind' is missing in '<raw json>'` and the JSON type
 * errors for documents that are not objects.
 */
export function decodeManifest(doc: ManifestDocument, source: string): DecodedManifest {
  const fail = (msg: string): DecodedManifest => ({ ok: false, error: `unable to decode ${JSON.stringify(source)}: ${msg}` });
  const v = doc.object;
  if (!isObject(v)) {
    return fail(`json: cannot unmarshal ${goJSONTypeName(v)} into Go value of type unstructured.detector`);
  }
  const apiVersion = v['apiVersion'];
  if (apiVersion !== undefined && apiVersion !== null && typeof apiVersion !== 'string') {
    return fail(
      `json: cannot unmarshal ${goJSONTypeName(apiVersion)} into Go struct field metadataOnlyObject.apiVersion of type string`,
    );
  }
  const isList = v['items'] !== undefined && v['items'] !== null;
  const kind = v['kind'];
  if (typeof kind !== 'string' || kind.length === 0) {
    return fail(`Object 'Kind' is missing in '${doc.raw}'`);
  }
  return { ok: true, object: v, isList };
}
