/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): parsed whole first (parser.go), then
 * executed (jsonpath.go FindResults/walk), as kubectl does — so a malformed template fails before any
 * object is looked at, even over an empty list, and an execution error names the whole template.
 * Missing keys give nothing (kubectl's printers all call AllowMissingKeys(true)).
 */
import { goJSONNumber, goStringLess, marshalJSON, marshalJSONIndent } from './printers/json.ts';
import { CmdError } from './errors.ts';
import { JSONPathError } from './jsonpath-error.ts';

/** A slice parameter of an ArrayNode (parser.go ParamsEntry). */
interface Param {
  value: number;
  known: boolean;
  derived: boolean;
}

type JPNode =
  | { t: 'list'; nodes: JPNode[] }
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'array'; params: [Param, Param, Param] }
  | { t: 'filter'; left: JPList; right: JPList; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; nodes: JPList[] }
  | { t: 'identifier'; name: string };
type JPList = { t: 'list'; nodes: JPNode[] };


// ---- parser.go ----------------------------------------------------------------------------------

const EOF = '';
const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
// parseFilter: left side, operator, right side (no =~ in client-go: `~` is no operator character).
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

interface ParserState {
  input: string;
  pos: number;
  start: number;
  width: number;
  root: JPList;
}

/** Parse a whole template: text and `{actions}` (parser.go Parse). Throws JSONPathError. */
export function parseJSONPath(text: string): JPList {
  const p: ParserState = { input: text, pos: 0, start: 0, width: 0, root: { t: 'list', nodes: [] } };
  parseText(p, p.root);
  return p.root;
}

/** parseAction: the nodes of one action given without its braces. */
function parseAction(text: string): JPList {
  return parseJSONPath(`{${text}}`).nodes[0] as JPList;
}

function next(p: ParserState): string {
  if (p.pos >= p.input.length) {
    p.width = 0;
    return EOF;
  }
  const r = String.fromCodePoint(p.input.codePointAt(p.pos)!);
  p.width = r.length;
  p.pos += p.width;
  return r;
}

function peek(p: ParserState): string {
  const r = next(p);
  p.pos -= p.width;
  return r;
}

function consume(p: ParserState): string {
  const v = p.input.slice(p.start, p.pos);
  p.start = p.pos;
  return v;
}

function parseText(p: ParserState, cur: JPList): void {
  for (;;) {
    if (p.input.startsWith('{', p.pos)) {
      if (p.pos > p.start) cur.nodes.push({ t: 'text', text: consume(p) });
      p.pos += 1;
      consume(p);
      const action: JPList = { t: 'list', nodes: [] };
      cur.nodes.push(action);
      return parseInsideAction(p, action);
    }
    if (next(p) === EOF) break;
  }
  if (p.pos > p.start) cur.nodes.push({ t: 'text', text: consume(p) });
}

const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string) => r === EOF || ' \t\r\n.,[]$@{}'.includes(r);

function parseInsideAction(p: ParserState, cur: JPList): void {
  // A loop where client-go recurses once per consumed token (same order of decisions).
  for (;;) {
    const rest = p.input.slice(p.pos);
    if (rest.startsWith('}')) {
      p.pos += 1;
      consume(p);
      return parseText(p, p.root);
    }
    if (rest.startsWith('[?(')) {
      parseFilter(p, cur);
      continue;
    }
    if (rest.startsWith('..')) {
      const last = cur.nodes[cur.nodes.length - 1];
      if (last?.t === 'recursive') throw new JSONPathError('invalid multiple recursive descent');
      p.pos += 2;
      consume(p);
      cur.nodes.push({ t: 'recursive' });
      if (isAlphaNumeric(peek(p))) parseField(p, cur);
      continue;
    }
    const r = next(p);
    if (r === EOF || r === '\r' || r === '\n') throw new JSONPathError('unclosed action');
    if (r === ' ' || r === '@' || r === '$') consume(p);
    else if (r === '[') parseArray(p, cur);
    else if (r === '"' || r === "'") parseQuote(p, cur, r);
    else if (r === '.') parseField(p, cur);
    else if (r === '+' || r === '-' || isDigit(r)) {
      p.pos -= p.width;
      parseNumber(p, cur);
    } else if (isAlphaNumeric(r)) {
      p.pos -= p.width;
      parseIdentifier(p, cur);
    } else throw new JSONPathError(`unrecognized character in action: ${goRuneU(r)}`);
  }
}

/** Go's %#U: `U+0078 'x'`, without the quoted form for unprintable runes. */
function goRuneU(r: string): string {
  const cp = r.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}

function parseIdentifier(p: ParserState, cur: JPList): void {
  while (!isTerminator(next(p)));
  p.pos -= p.width;
  const value = consume(p);
  if (value === 'true' || value === 'false') cur.nodes.push({ t: 'bool', value: value === 'true' });
  else cur.nodes.push({ t: 'identifier', name: value });
}

function parseNumber(p: ParserState, cur: JPList): void {
  const r = peek(p);
  if (r === '+' || r === '-') next(p);
  for (;;) {
    const c = next(p);
    if (c !== '.' && !isDigit(c)) {
      p.pos -= p.width;
      break;
    }
  }
  const value = consume(p);
  // strconv.Atoi, then ParseFloat.
  if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ t: 'int', value: Number(value) });
  else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ t: 'float', value: Number(value) });
  else throw new JSONPathError(`cannot parse number ${value}`);
}

function parseArray(p: ParserState, cur: JPList): void {
  for (;;) {
    const r = next(p);
    if (r === EOF || r === '\n') throw new JSONPathError('unterminated array');
    if (r === ']') break;
  }
  let text = consume(p).slice(1, -1);
  if (text === '*') text = ':';
  const parts = text.split(',');
  if (parts.length > 1) {
    cur.nodes.push({ t: 'union', nodes: parts.map((s) => parseAction(`[${s.trim()}]`)) });
    return;
  }
  const key = DICT_KEY.exec(text);
  if (key) {
    // A quoted key is parsed as a field path, so ['a.b'] is two fields (as in client-go).
    cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
    return;
  }
  const m = SLICE.exec(text);
  if (!m) throw new JSONPathError(`invalid array index ${text}`);
  const params: [Param, Param, Param] = [0, 1, 2].map(() => ({ value: 0, known: false, derived: false })) as [Param, Param, Param];
  for (let i = 0; i < 3; i++) {
    let v = m[i + 1] ?? '';
    if (v !== '') {
      if (i > 0) v = v.slice(1);
      if (i > 0 && v === '') params[i].known = false;
      else {
        params[i].known = true;
        if (!/^[+-]?\d+$/.test(v)) throw new JSONPathError(`array index ${v} is not a number`);
        params[i].value = Number(v);
      }
    } else if (i === 1) params[1] = { known: true, value: params[0].value + 1, derived: true };
  }
  cur.nodes.push({ t: 'array', params });
}

function parseFilter(p: ParserState, cur: JPList): void {
  p.pos += 3;
  consume(p);
  let begin = false;
  let end = false;
  let pair = '';
  for (;;) {
    const r = next(p);
    if (r === EOF || r === '\n') throw new JSONPathError('unterminated filter');
    if (r === '"' || r === "'") {
      if (!begin) {
        begin = true;
        pair = r;
        continue;
      }
      if (p.input[p.pos - 2] !== '\\' && r === pair) end = true;
    } else if (r === ')' && begin === end) break;
  }
  if (next(p) !== ']') throw new JSONPathError('unclosed array expect ]');
  const text = consume(p).slice(0, -2);
  const m = FILTER.exec(text);
  if (!m) cur.nodes.push({ t: 'filter', left: parseAction(text), right: { t: 'list', nodes: [] }, op: 'exists' });
  else cur.nodes.push({ t: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
}

function parseQuote(p: ParserState, cur: JPList, quote: string): void {
  for (;;) {
    const r = next(p);
    if (r === EOF || r === '\n') throw new JSONPathError('unterminated quoted string');
    if (r === quote && p.input[p.pos - 2] !== '\\') break;
  }
  const value = consume(p);
  const s = unquoteExtend(value);
  if (s === undefined) throw new JSONPathError(`unquote string ${value} error invalid syntax`);
  cur.nodes.push({ t: 'text', text: s });
}

/** UnquoteExtend: strconv.Unquote's escapes inside either quote. */
function unquoteExtend(s: string): string | undefined {
  const body = s.slice(1, -1);
  const ESC: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    if (e in ESC) out += ESC[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else return undefined;
  }
  return out;
}

function parseField(p: ParserState, cur: JPList): void {
  consume(p);
  // advance: a backslash takes the next rune; stop before an unescaped terminator.
  for (;;) {
    const r = next(p);
    if (r === '\\') next(p);
    else if (isTerminator(r)) {
      p.pos -= p.width;
      break;
    }
  }
  const value = consume(p);
  if (value === '*') cur.nodes.push({ t: 'wildcard' });
  else cur.nodes.push({ t: 'field', name: value.replace(/\\/g, '') });
}

// ---- jsonpath.go --------------------------------------------------------------------------------

/** A value with the Go type it has in kubectl: JSON data is unstructured; template constants are int/float64/bool/string. */
type Val = { v: unknown; goType?: 'int' };

interface Exec {
  root: JPList;
  beginRange: number;
  inRange: number;
  endRange: number;
  lastEnd: number;
}

/** Execute a parsed template against `data`: the result lists in order (jsonpath.go FindResults). */
export function findResults(root: JPList, data: unknown): unknown[][] {
  const j: Exec = { root, beginRange: 0, inRange: 0, endRange: 0, lastEnd: -1 };
  return find(j, data, 0).map((r) => r.map((x) => x.v));
}

function find(j: Exec, data: unknown, from: number): Val[][] {
  const cur: Val[] = [{ v: data }];
  const nodes = j.root.nodes;
  const full: Val[][] = [];
  for (let i = from; i < nodes.length; i++) {
    const results = walk(j, cur, nodes[i]);
    if (j.endRange > 0 && j.endRange <= j.inRange) {
      j.endRange--;
      j.lastEnd = i;
      break;
    }
    if (j.beginRange > 0) {
      j.beginRange--;
      j.inRange++;
      if (results.length) for (const r of results) full.push(...find(j, r.v, i + 1));
      else find(j, null, i + 1);
      j.inRange--;
      // resume after the `end` that closed this range
      for (let k = i + 1; k < nodes.length; k++) {
        if (k === j.lastEnd) {
          i = k;
          break;
        }
      }
      continue;
    }
    full.push(results);
  }
  return full;
}

function walk(j: Exec, input: Val[], node: JPNode): Val[] {
  switch (node.t) {
    case 'list': {
      let cur = input;
      for (const n of node.nodes) cur = walk(j, cur, n);
      return cur;
    }
    case 'text':
      return [{ v: node.text }];
    case 'field':
      return evalField(input, node.name);
    case 'array':
      return evalArray(input, node.params);
    case 'filter':
      return evalFilter(j, input, node);
    case 'int':
      return input.map(() => ({ v: node.value, goType: 'int' }));
    case 'float':
    case 'bool':
      return input.map(() => ({ v: node.value }));
    case 'wildcard':
      return input.flatMap(({ v }) => children(v));
    case 'recursive':
      return evalRecursive(input);
    case 'union':
      return node.nodes.flatMap((l) => walk(j, input, l));
    case 'identifier':
      if (node.name === 'range') {
        j.beginRange++;
        return input;
      }
      if (node.name === 'end') {
        if (j.inRange > 0) {
          j.endRange++;
          return [];
        }
        throw new JSONPathError('not in range, nothing to end');
      }
      throw new JSONPathError(`unrecognized identifier ${node.name}`);
  }
}

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function evalField(input: Val[], name: string): Val[] {
  const out: Val[] = [];
  for (const { v } of input) if (isMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) out.push({ v: v[name] });
  return out;
}

/** Map values (Go ranges over MapKeys: no fixed order; the stored order here), list items, string bytes. */
function children(v: unknown): Val[] {
  if (Array.isArray(v)) return v.map((x) => ({ v: x }));
  if (isMap(v)) return Object.values(v).filter((x) => x !== undefined).map((x) => ({ v: x }));
  if (typeof v === 'string') return [...new TextEncoder().encode(v)].map((b) => ({ v: b, goType: 'int' as const }));
  return [];
}

function evalRecursive(input: Val[]): Val[] {
  const out: Val[] = [];
  for (const x of input) {
    if (x.v === null || x.v === undefined) continue;
    const kids = children(x.v);
    if (kids.length) {
      out.push(x);
      out.push(...evalRecursive(kids));
    }
  }
  return out;
}

function evalArray(input: Val[], p: [Param, Param, Param]): Val[] {
  const out: Val[] = [];
  for (const { v } of input) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JSONPathError(`${goTypeName(v)} is not array or slice`);
    const n = v.length;
    let a = p[0].known ? p[0].value : 0;
    if (a < 0) a += n;
    let b = p[1].known ? p[1].value : n;
    if (b < 0 || (b === 0 && p[1].derived)) b += n;
    if (a === b) return out; // zero elements asked for
    if (a >= n || a < 0) throw new JSONPathError(`array index out of bounds: index ${a}, length ${n}`);
    if (b > n || b < 0) throw new JSONPathError(`array index out of bounds: index ${b - 1}, length ${n}`);
    if (a > b) throw new JSONPathError(`starting index ${a} is greater than ending index ${b}`);
    let step = 1;
    if (p[2].known) {
      if (p[2].value <= 0) throw new JSONPathError('step must be > 0');
      step = p[2].value;
    }
    for (let i = a; i < b; i += step) out.push({ v: v[i] });
  }
  return out;
}

function evalFilter(j: Exec, input: Val[], node: Extract<JPNode, { t: 'filter' }>): Val[] {
  const out: Val[] = [];
  for (const { v } of input) {
    if (!Array.isArray(v)) throw new JSONPathError(`${goV(v)} is not array or slice and cannot be filtered`);
    for (const item of v) {
      const temp: Val[] = [{ v: item }];
      if (node.op === 'exists') {
        let lefts: Val[] = [];
        try {
          lefts = walk(j, temp, node.left);
        } catch {
          // client-go ignores the error of an existence test
        }
        if (lefts.length) out.push({ v: item });
        continue;
      }
      const lefts = walk(j, temp, node.left);
      if (!lefts.length) continue;
      if (lefts.length > 1) throw new JSONPathError('can only compare one element at a time');
      const rights = walk(j, temp, node.right);
      if (!rights.length) continue;
      if (rights.length > 1) throw new JSONPathError('can only compare one element at a time');
      if (compare(node.op, lefts[0], rights[0])) out.push({ v: item });
    }
  }
  return out;
}

/** text/template's eq/ne/lt/le/gt/ge over basic kinds (client-go third_party/forked/golang/template). */
function compare(op: string, l: Val, r: Val): boolean {
  const kl = basicKind(l);
  const kr = basicKind(r);
  if (op === '==' || op === '!=') {
    if (kl !== kr) throw new JSONPathError('incompatible types for comparison');
    return (l.v === r.v) === (op === '==');
  }
  if (kl !== kr) throw new JSONPathError('incompatible types for comparison');
  if (kl === 'bool') throw new JSONPathError('invalid type for comparison');
  const a = l.v as number | string;
  const b = r.v as number | string;
  switch (op) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
  }
  throw new JSONPathError(`unrecognized filter operator ${op}`);
}

function basicKind(x: Val): string {
  const v = x.v;
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) && (x.goType === 'int' || !String(v).includes('.')) ? 'int' : 'float';
  throw new JSONPathError('invalid type for comparison');
}

/** PrintResults: lists and maps as compact JSON, the rest as fmt.Fprint prints it, joined by spaces. */
function printResults(results: unknown[]): string {
  return results
    .map((v) => {
      if (v !== null && typeof v === 'object') return marshalJSON(v, 'sorted');
      if (v === null || v === undefined) return 'null';
      if (typeof v === 'number') return goJSONNumber(v);
      return String(v);
    })
    .join(' ');
}

// ---- kubectl's use of it ------------------------------------------------------------------------

/**
 * `-o jsonpath=TEMPLATE` (cli-runtime printers/jsonpath.go, kubectl get/jsonpath_flags.go): a parse
 * error before anything is printed, an execution error with the template and the object as the
 * printer reports them.
 */
export function jsonpath(template: string, data: unknown, asJSON = false): string {
  let root: JPList;
  try {
    root = parseJSONPath(template);
  } catch (e) {
    if (e instanceof JSONPathError) throw new CmdError(`error: error parsing jsonpath ${template}, ${e.message}\n`, 'raw');
    throw e;
  }
  try {
    const results = findResults(root, data);
    // EnableJSONOutput: each result list as an indented JSON array and a newline.
    if (asJSON) return results.map((r) => marshalJSONIndent(r) + '\n').join('');
    return results.map(printResults).join('');
  } catch (e) {
    if (!(e instanceof JSONPathError)) throw e;
    throw new CmdError(
      `error: error executing jsonpath ${goQuote(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n\n`,
      'raw',
    );
  }
}

/** One template's text as custom-columns and --sort-by use it (bare client-go errors). */
export function jsonpathText(root: JPList, data: unknown): string {
  return findResults(root, data).map(printResults).join('');
}

/** Go's reflect type name of an unstructured value, as %v of value.Type() prints it. */
function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

/** strconv.Quote (what %q prints). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

function goFloat(n: number): string {
  // %v of a float64: shortest digits, exponent form below 1e-4 and from 1e21 on, two-digit exponent.
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** %#v of an unstructured value (map keys sorted, as fmt prints maps). */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? goJSONNumber(v) : goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(goStringLess);
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSyntax(o[k])}`).join(', ')}}`;
}

/** %v of an unstructured value: map[k:v …], [a b], <nil>. */
function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? goJSONNumber(v) : goFloat(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(goStringLess);
  return `map[${keys.map((k) => `${k}:${goV(o[k])}`).join(' ')}]`;
}
