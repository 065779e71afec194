// A JSON parser for request bodies that keeps what JSON.parse throws away and the API server's
// strict decoder looks at (sigs.k8s.io/json, used by apimachinery's strict JSON serializer):
//   - every occurrence of a repeated object key, in order (for `duplicate field "…"`);
//   - the literal text of numbers (Go quotes it: `cannot unmarshal number 1.0 into …`, and
//     strconv.ParseInt rejects `1.0` / `1e3` for integer fields even though JSON.parse gives 1 / 1000).
// The returned value is a plain JSON value (last occurrence wins, as with Go's decoder); objects and
// arrays carry the extra information under the symbols below.

/** Ordered `[key, value, rawNumber?]` entries of an object, duplicates included. */
export const ENTRIES: unique symbol = Symbol('json.entries');
/** Literal text of numeric array items, by index (undefined for non-numbers). */
export const RAW_ITEMS: unique symbol = Symbol('json.rawItems');

export type Entry = [key: string, value: unknown, raw: string | undefined];

export class JsonSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.offset = offset;
  }
}

/**
 * Parses JSON text. Errors use Go encoding/json's SyntaxError wording
 * (`invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`).
 */
export function parseJSON(text: string): unknown {
  let i = 0;
  const n = text.length;

  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const charDesc = (c: string) => {
    // Go quoteChar: `'x'`, with \' and \" escaped, or a Go-quoted string for others
    if (c === "'") return "'\\''";
    if (c === '"') return "'\"'";
    return `'${c}'`;
  };
  const fail = (context: string): never => {
    if (i >= n) throw new JsonSyntaxError('unexpected end of JSON input', i);
    throw new JsonSyntaxError(`invalid character ${charDesc(text[i])} ${context}`, i);
  };

  const parseString = (): string => {
    // at opening quote
    i++;
    let out = '';
    let start = i;
    while (true) {
      if (i >= n) fail('in string literal');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(start, i);
        i++;
        if (i >= n) fail('in string escape code');
        const e = text[i];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(i + 1, i + 5);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              i++;
              while (i < n && /[0-9a-fA-F]/.test(text[i])) i++;
              fail('in \\u hexadecimal character escape');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail('in string escape code');
        }
        i++;
        start = i;
        continue;
      }
      if (c < 0x20) fail('in string literal');
      i++;
    }
  };

  const parseNumber = (): [number, string] => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i] >= '1' && text[i] <= '9') while (text[i] >= '0' && text[i] <= '9') i++;
    else fail('in numeric literal');
    if (text[i] === '.') {
      i++;
      if (!(text[i] >= '0' && text[i] <= '9')) fail('after decimal point in numeric literal');
      while (text[i] >= '0' && text[i] <= '9') i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(text[i] >= '0' && text[i] <= '9')) fail('in exponent of numeric literal');
      while (text[i] >= '0' && text[i] <= '9') i++;
    }
    const raw = text.slice(start, i);
    return [Number(raw), raw];
  };

  const literal = (word: string, value: unknown): unknown => {
    for (let k = 0; k < word.length; k++, i++) {
      if (text[i] !== word[k]) fail(`in literal ${word} (expecting '${word[k]}')`);
    }
    return value;
  };

  const parseValue = (context: string): [unknown, string | undefined] => {
    ws();
    if (i >= n) fail(context);
    const c = text[i];
    if (c === '{') return [parseObject(), undefined];
    if (c === '[') return [parseArray(), undefined];
    if (c === '"') return [parseString(), undefined];
    if (c === '-' || (c >= '0' && c <= '9')) {
      const [v, raw] = parseNumber();
      return [v, raw];
    }
    if (c === 't') return [literal('true', true), undefined];
    if (c === 'f') return [literal('false', false), undefined];
    if (c === 'n') return [literal('null', null), undefined];
    return fail(context);
  };

  const parseObject = (): Record<string, unknown> => {
    i++; // {
    const obj: Record<string, unknown> = {};
    const entries: Entry[] = [];
    ws();
    if (text[i] === '}') {
      i++;
      Object.defineProperty(obj, ENTRIES, { value: entries });
      return obj;
    }
    while (true) {
      ws();
      if (text[i] !== '"') fail('looking for beginning of object key string');
      const key = parseString();
      ws();
      if (text[i] !== ':') fail('after object key');
      i++;
      const [v, raw] = parseValue('looking for beginning of value');
      entries.push([key, v, raw]);
      Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') { i++; break; }
      fail('after object key:value pair');
    }
    Object.defineProperty(obj, ENTRIES, { value: entries });
    return obj;
  };

  const parseArray = (): unknown[] => {
    i++; // [
    const arr: unknown[] = [];
    const raws: (string | undefined)[] = [];
    ws();
    if (text[i] === ']') {
      i++;
      Object.defineProperty(arr, RAW_ITEMS, { value: raws });
      return arr;
    }
    while (true) {
      const [v, raw] = parseValue('looking for beginning of value');
      arr.push(v);
      raws.push(raw);
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') { i++; break; }
      fail('after array element');
    }
    Object.defineProperty(arr, RAW_ITEMS, { value: raws });
    return arr;
  };

  const [value] = parseValue('looking for beginning of value');
  ws();
  if (i < n) fail('after top-level value');
  return value;
}

/** Entries of a (parsed or plain) object, in order, with duplicates when the parser saw them. */
export function entriesOf(obj: Record<string, unknown>): Entry[] {
  const e = (obj as { [ENTRIES]?: Entry[] })[ENTRIES];
  if (e) return e;
  return Object.keys(obj).map((k) => [k, obj[k], undefined]);
}

/** Literal text of the number at `index` of a parsed array, if known. */
export function rawItem(arr: unknown[], index: number): string | undefined {
  return (arr as { [RAW_ITEMS]?: (string | undefined)[] })[RAW_ITEMS]?.[index];
}
