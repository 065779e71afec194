// Reading one JSON value the way Go's encoding/json Decoder does (scanner.go state machine),
// so that syntax errors carry Go's wording ("invalid character '}' looking for beginning of
// object key string") and byte offsets. Used for `kubectl create -f` inputs that start
// with `{` (apimachinery/pkg/util/yaml/decoder.go YAMLOrJSONDecoder).

import type { JsonValue } from './goyaml/decode.ts';

export type GoJSONRead =
  | { kind: 'value'; value: JsonValue; raw: string; end: number }
  | { kind: 'eof' }
  | { kind: 'syntax'; message: string; offset: number }
  | { kind: 'unexpected-eof' };

/** encoding/json quoteChar. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const q = goQuoteRune(c);
  return "'" + q + "'";
}

function goQuoteRune(c: string): string {
  const code = c.codePointAt(0)!;
  switch (c) {
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\v':
      return '\\v';
    case '\\':
      return '\\\\';
  }
  if (code < 0x20 || code === 0x7f) return '\\x' + code.toString(16).padStart(2, '0');
  return c;
}

class SyntaxErr {
  message: string;
  index: number;
  constructor(message: string, index: number) {
    this.message = message;
    this.index = index;
  }
}
class UnexpectedEOF {}

const isWS = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHex = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

function utf8Len(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function setKey(obj: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

class Reader {
  s: string;
  i: number;
  constructor(s: string, i: number) {
    this.s = s;
    this.i = i;
  }
  err(context: string): never {
    const c = this.s[this.i];
    throw new SyntaxErr(`invalid character ${quoteChar(c)} ${context}`, this.i);
  }
  peek(): string {
    if (this.i >= this.s.length) throw new UnexpectedEOF();
    return this.s[this.i];
  }
  ws(): void {
    while (this.i < this.s.length && isWS(this.s[this.i])) this.i++;
  }
  value(depth: number): JsonValue {
    this.ws();
    const c = this.peek();
    if (depth > 10000) throw new SyntaxErr('exceeded max depth', this.i);
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
    }
    if (c === '-' || isDigit(c)) return this.number();
    return this.err('looking for beginning of value');
  }
  literal(word: string, v: JsonValue): JsonValue {
    this.i++;
    for (let k = 1; k < word.length; k++) {
      if (this.peek() !== word[k]) this.err(`in literal ${word} (expecting '${word[k]}')`);
      this.i++;
    }
    return v;
  }
  number(): number {
    const start = this.i;
    if (this.peek() === '-') {
      this.i++;
      const c = this.peek();
      if (!isDigit(c)) this.err('in numeric literal');
    }
    if (this.peek() === '0') {
      this.i++;
    } else {
      while (this.i < this.s.length && isDigit(this.s[this.i])) this.i++;
    }
    if (this.i < this.s.length && this.s[this.i] === '.') {
      this.i++;
      if (!isDigit(this.peek())) this.err('after decimal point in numeric literal');
      while (this.i < this.s.length && isDigit(this.s[this.i])) this.i++;
    }
    if (this.i < this.s.length && (this.s[this.i] === 'e' || this.s[this.i] === 'E')) {
      this.i++;
      if (this.peek() === '+' || this.peek() === '-') this.i++;
      if (!isDigit(this.peek())) this.err('in exponent of numeric literal');
      while (this.i < this.s.length && isDigit(this.s[this.i])) this.i++;
    }
    return Number(this.s.slice(start, this.i));
  }
  string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === '"') {
        this.i++;
        break;
      }
      if (c === '\\') {
        this.i++;
        const e = this.peek();
        if (e === 'u') {
          this.i++;
          for (let k = 0; k < 4; k++) {
            if (!isHex(this.peek())) this.err('in \\u hexadecimal character escape');
            this.i++;
          }
          continue;
        }
        if (!'bfnrt\\/"'.includes(e)) this.err('in string escape code');
        this.i++;
        continue;
      }
      if (c < ' ') this.err('in string literal');
      this.i++;
    }
    return JSON.parse(this.s.slice(start, this.i)) as string;
  }
  object(depth: number): JsonValue {
    this.i++;
    const out: { [key: string]: JsonValue } = {};
    this.ws();
    if (this.peek() === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.peek() !== '"') this.err('looking for beginning of object key string');
      const k = this.string();
      this.ws();
      if (this.peek() !== ':') this.err('after object key');
      this.i++;
      const v = this.value(depth + 1);
      setKey(out, k, v);
      this.ws();
      const c = this.peek();
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return out;
      }
      this.err('after object key:value pair');
    }
  }
  array(depth: number): JsonValue {
    this.i++;
    const out: JsonValue[] = [];
    this.ws();
    if (this.peek() === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.peek();
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return out;
      }
      this.err('after array element');
    }
  }
}

/** json.Decoder.Decode of the next value in `text` starting at `pos`. */
export function readGoJSONValue(text: string, pos: number): GoJSONRead {
  const r = new Reader(text, pos);
  r.ws();
  if (r.i >= text.length) return { kind: 'eof' };
  const start = r.i;
  try {
    const value = r.value(0);
    return { kind: 'value', value, raw: text.slice(start, r.i), end: r.i };
  } catch (e) {
    if (e instanceof SyntaxErr) {
      return { kind: 'syntax', message: e.message, offset: utf8Len(text, 0, e.index) + 1 };
    }
    if (e instanceof UnexpectedEOF) return { kind: 'unexpected-eof' };
    throw e;
  }
}
