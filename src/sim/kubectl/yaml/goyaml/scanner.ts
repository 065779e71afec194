// A TypeScript port of the libyaml scanner as shipped in go-yaml v2.4.0
// (sigs.k8s.io/yaml/goyaml.v2/scannerc.go, the copy kubectl uses to read `-f` files).
// It is ported function by function so that error messages, and the positions they are
// reported at, match what kubectl prints (`yaml: line N: mapping values are not allowed
// in this context`). The reader (readerc.go) is reduced to a one-time scan because the
// whole input is in memory; the buffer is an array of code points padded with NULs, which
// plays the role of libyaml's `\0`-terminated buffer.

export interface Mark {
  index: number; // code points from the start
  line: number; // 0-based
  column: number; // 0-based, in code points
}

export const T = {
  NONE: 0,
  STREAM_START: 1,
  STREAM_END: 2,
  VERSION_DIRECTIVE: 3,
  TAG_DIRECTIVE: 4,
  DOCUMENT_START: 5,
  DOCUMENT_END: 6,
  BLOCK_SEQUENCE_START: 7,
  BLOCK_MAPPING_START: 8,
  BLOCK_END: 9,
  FLOW_SEQUENCE_START: 10,
  FLOW_SEQUENCE_END: 11,
  FLOW_MAPPING_START: 12,
  FLOW_MAPPING_END: 13,
  BLOCK_ENTRY: 14,
  FLOW_ENTRY: 15,
  KEY: 16,
  VALUE: 17,
  ALIAS: 18,
  ANCHOR: 19,
  TAG: 20,
  SCALAR: 21,
} as const;

export const Style = {
  ANY: 0,
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL: 4,
  FOLDED: 5,
} as const;

export interface Token {
  type: number;
  start: Mark;
  end: Mark;
  value: string; // scalar value, anchor/alias name, tag handle, %TAG handle
  suffix: string; // tag suffix
  prefix: string; // %TAG prefix
  style: number;
  major: number;
  minor: number;
}

/** The libyaml error kinds that reach go-yaml's `parser.fail()`. */
export type YamlErrorKind = 'reader' | 'scanner' | 'parser';

/** A libyaml error state, thrown instead of libyaml's `return false` chains. */
export class YamlError extends Error {
  kind: YamlErrorKind;
  problem: string;
  problemMark: Mark;
  context: string;
  contextMark: Mark;
  constructor(kind: YamlErrorKind, problem: string, problemMark: Mark, context = '', contextMark: Mark = ZERO_MARK) {
    super(problem);
    this.kind = kind;
    this.problem = problem;
    this.problemMark = problemMark;
    this.context = context;
    this.contextMark = contextMark;
  }
}

export const ZERO_MARK: Mark = Object.freeze({ index: 0, line: 0, column: 0 }) as Mark;

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;
const PAD = 8;

// Character classes (yamlprivateh.go), on code points.
const isAlpha = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const asHex = (c: number): number => (c >= 0x61 ? c - 0x61 + 10 : c >= 0x41 ? c - 0x41 + 10 : c - 0x30);
export const isBreak = (c: number): boolean => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
const isBreakZ = (c: number): boolean => c === 0 || isBreak(c);
const isBlankZ = (c: number): boolean => isBlank(c) || isBreakZ(c);

/** Code points accepted by libyaml's reader (readerc.go `yaml_parser_update_buffer`). */
export function isAllowedInput(c: number): boolean {
  return (
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** Reader errors carry no mark: go-yaml prints them without "line N: ". */
function controlCharacters(): YamlError {
  return new YamlError('reader', 'control characters are not allowed', ZERO_MARK);
}

function newToken(type: number, start: Mark, end: Mark): Token {
  return { type, start, end, value: '', suffix: '', prefix: '', style: 0, major: 0, minor: 0 };
}

export class Scanner {
  private b: Int32Array; // code points, NUL padded
  private text: string; // the input, used for fast slicing when it has no astral code points
  private astral: boolean;
  private pos = 0;
  // parser.mark
  private index = 0;
  private line = 0;
  private column = 0;

  private tokens: Token[] = [];
  private head = 0;
  tokensParsed = 0;
  private tokenAvailable = false;
  streamStartProduced = false;
  streamEndProduced = false;

  private indent = -1;
  private indents: number[] = [];
  private simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private simpleKeysByTok = new Map<number, number>();
  private flowLevel = 0;

  constructor(input: string) {
    // readerc.go: a UTF-8 BOM at the start of the stream is skipped and not counted.
    if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    // yaml.go newParser: an empty input is replaced by a single line break.
    if (input.length === 0) input = '\n';
    this.text = input;
    let astral = false;
    const len = input.length;
    let b = new Int32Array(len + PAD);
    for (let i = 0; i < len; i++) {
      const c = input.charCodeAt(i);
      if ((c >= 0x20 && c <= 0x7e) || c === 0x0a) {
        b[i] = c;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        astral = true;
        break;
      }
      if (!isAllowedInput(c)) throw controlCharacters();
      b[i] = c;
    }
    if (astral) {
      const cps: number[] = [];
      for (const ch of input) {
        const c = ch.codePointAt(0)!;
        // A lone surrogate is not valid UTF-8 once written to a file.
        if (!isAllowedInput(c) || (c >= 0xd800 && c <= 0xdfff)) throw controlCharacters();
        cps.push(c);
      }
      b = new Int32Array(cps.length + PAD);
      b.set(cps);
    }
    this.astral = astral;
    this.b = b;
  }

  private slice(a: number, b: number): string {
    if (!this.astral) return this.text.slice(a, b);
    let s = '';
    for (let i = a; i < b; i += 4096) {
      s += String.fromCodePoint(...this.b.subarray(i, Math.min(b, i + 4096)));
    }
    return s;
  }

  private mark(): Mark {
    return { index: this.index, line: this.line, column: this.column };
  }

  private ch(off = 0): number {
    return this.b[this.pos + off];
  }

  private skip(): void {
    this.index++;
    this.column++;
    this.pos++;
  }

  private skipLine(): void {
    const c = this.b[this.pos];
    if (c === 0x0d && this.b[this.pos + 1] === 0x0a) {
      this.index += 2;
      this.column = 0;
      this.line++;
      this.pos += 2;
    } else if (isBreak(c)) {
      this.index++;
      this.column = 0;
      this.line++;
      this.pos++;
    }
  }

  /** read(): copy the current character. */
  private read(s: string): string {
    const c = this.b[this.pos];
    this.pos++;
    this.index++;
    this.column++;
    return s + (c < 0x10000 ? String.fromCharCode(c) : String.fromCodePoint(c));
  }

  /** read_line(): copy a line break, normalised as libyaml does. */
  private readLine(s: string): string {
    const c = this.b[this.pos];
    if (c === 0x0d && this.b[this.pos + 1] === 0x0a) {
      s += '\n';
      this.pos += 2;
      this.index++;
    } else if (c === 0x0d || c === 0x0a || c === 0x85) {
      s += '\n';
      this.pos += 1;
    } else if (c === 0x2028 || c === 0x2029) {
      s += String.fromCharCode(c);
      this.pos += 1;
    } else {
      return s;
    }
    this.index++;
    this.column = 0;
    this.line++;
    return s;
  }

  private scannerError(context: string, contextMark: Mark, problem: string): never {
    throw new YamlError('scanner', problem, this.mark(), context, contextMark);
  }

  // ---------------------------------------------------------------- token queue

  private insertToken(pos: number, token: Token): void {
    if (this.head > 4096 && this.head * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
    if (pos < 0) {
      this.tokens.push(token);
    } else {
      this.tokens.splice(this.head + pos, 0, token);
    }
  }

  /** peek_token (parserc.go). */
  peekToken(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head];
  }

  /** skip_token (parserc.go). */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head].type === T.STREAM_END;
    this.head++;
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const idx = this.simpleKeysByTok.get(this.tokensParsed);
        if (idx === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[idx])) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.column);

    const c = this.ch();
    if (c === 0) {
      this.fetchStreamEnd();
      return;
    }
    if (this.column === 0 && c === 0x25 /* % */) {
      this.fetchDirective();
      return;
    }
    if (this.column === 0 && c === 0x2d && this.ch(1) === 0x2d && this.ch(2) === 0x2d && isBlankZ(this.ch(3))) {
      this.fetchDocumentIndicator(T.DOCUMENT_START);
      return;
    }
    if (this.column === 0 && c === 0x2e && this.ch(1) === 0x2e && this.ch(2) === 0x2e && isBlankZ(this.ch(3))) {
      this.fetchDocumentIndicator(T.DOCUMENT_END);
      return;
    }
    switch (c) {
      case 0x5b /* [ */:
        this.fetchFlowCollectionStart(T.FLOW_SEQUENCE_START);
        return;
      case 0x7b /* { */:
        this.fetchFlowCollectionStart(T.FLOW_MAPPING_START);
        return;
      case 0x5d /* ] */:
        this.fetchFlowCollectionEnd(T.FLOW_SEQUENCE_END);
        return;
      case 0x7d /* } */:
        this.fetchFlowCollectionEnd(T.FLOW_MAPPING_END);
        return;
      case 0x2c /* , */:
        this.fetchFlowEntry();
        return;
    }
    if (c === 0x2d && isBlankZ(this.ch(1))) {
      this.fetchBlockEntry();
      return;
    }
    if (c === 0x3f /* ? */ && (this.flowLevel > 0 || isBlankZ(this.ch(1)))) {
      this.fetchKey();
      return;
    }
    if (c === 0x3a /* : */ && (this.flowLevel > 0 || isBlankZ(this.ch(1)))) {
      this.fetchValue();
      return;
    }
    if (c === 0x2a /* * */) {
      this.fetchAnchor(T.ALIAS);
      return;
    }
    if (c === 0x26 /* & */) {
      this.fetchAnchor(T.ANCHOR);
      return;
    }
    if (c === 0x21 /* ! */) {
      this.fetchTag();
      return;
    }
    if (c === 0x7c /* | */ && this.flowLevel === 0) {
      this.fetchBlockScalar(true);
      return;
    }
    if (c === 0x3e /* > */ && this.flowLevel === 0) {
      this.fetchBlockScalar(false);
      return;
    }
    if (c === 0x27 /* ' */) {
      this.fetchFlowScalar(true);
      return;
    }
    if (c === 0x22 /* " */) {
      this.fetchFlowScalar(false);
      return;
    }
    if (
      !(
        isBlankZ(c) ||
        c === 0x2d ||
        c === 0x3f ||
        c === 0x3a ||
        c === 0x2c ||
        c === 0x5b ||
        c === 0x5d ||
        c === 0x7b ||
        c === 0x7d ||
        c === 0x23 ||
        c === 0x26 ||
        c === 0x2a ||
        c === 0x21 ||
        c === 0x7c ||
        c === 0x3e ||
        c === 0x27 ||
        c === 0x22 ||
        c === 0x25 ||
        c === 0x40 ||
        c === 0x60
      ) ||
      (c === 0x2d && !isBlank(this.ch(1))) ||
      (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !isBlankZ(this.ch(1)))
    ) {
      this.fetchPlainScalar();
      return;
    }
    this.scannerError('while scanning for the next token', this.mark(), 'found character that cannot start any token');
  }

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.line || key.mark.index + 1024 < this.index) {
      if (key.required) {
        this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      }
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
        mark: this.mark(),
      };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const i = this.simpleKeys.length - 1;
    const key = this.simpleKeys[i];
    if (key.possible) {
      if (key.required) {
        this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      }
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: this.mark(),
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      this.scannerError(
        'while increasing flow level',
        this.simpleKeys[this.simpleKeys.length - 1].mark,
        `exceeded max depth of ${MAX_FLOW_LEVEL}`,
      );
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: number, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        this.scannerError(
          'while increasing indent level',
          this.simpleKeys[this.simpleKeys.length - 1].mark,
          `exceeded max depth of ${MAX_INDENTS}`,
        );
      }
      const token = newToken(type, mark, mark);
      if (number > -1) number -= this.tokensParsed;
      this.insertToken(number, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const m = this.mark();
      this.insertToken(-1, newToken(T.BLOCK_END, m, m));
      this.indent = this.indents.pop()!;
    }
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: ZERO_MARK });
    this.simpleKeysByTok = new Map();
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    const m = this.mark();
    this.insertToken(-1, newToken(T.STREAM_START, m, m));
  }

  private fetchStreamEnd(): void {
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const m = this.mark();
    this.insertToken(-1, newToken(T.STREAM_END, m, m));
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: number): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, newToken(type, start, this.mark()));
  }

  private fetchFlowCollectionStart(type: number): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, newToken(type, start, this.mark()));
  }

  private fetchFlowCollectionEnd(type: number): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, newToken(type, start, this.mark()));
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, newToken(T.FLOW_ENTRY, start, this.mark()));
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        this.scannerError('', this.mark(), 'block sequence entries are not allowed in this context');
      }
      this.rollIndent(this.column, -1, T.BLOCK_SEQUENCE_START, this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, newToken(T.BLOCK_ENTRY, start, this.mark()));
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        this.scannerError('', this.mark(), 'mapping keys are not allowed in this context');
      }
      this.rollIndent(this.column, -1, T.BLOCK_MAPPING_START, this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.mark();
    this.skip();
    this.insertToken(-1, newToken(T.KEY, start, this.mark()));
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyIsValid(key)) {
      this.insertToken(key.tokenNumber - this.tokensParsed, newToken(T.KEY, key.mark, key.mark));
      this.rollIndent(key.mark.column, key.tokenNumber, T.BLOCK_MAPPING_START, key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) {
          this.scannerError('', this.mark(), 'mapping values are not allowed in this context');
        }
        this.rollIndent(this.column, -1, T.BLOCK_MAPPING_START, this.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.mark();
    this.skip();
    this.insertToken(-1, newToken(T.VALUE, start, this.mark()));
  }

  private fetchAnchor(type: number): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  private scanToNextToken(): void {
    for (;;) {
      if (this.column === 0 && this.ch() === 0xfeff) this.skip();
      // Tabs are allowed in the flow context and, in the block context, where a simple key
      // is not allowed (i.e. not at the start of a line and not after '-', '?' or ':').
      while (this.ch() === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === 0x09)) {
        this.skip();
      }
      if (this.ch() === 0x23 /* # */) {
        while (!isBreakZ(this.ch())) this.skip();
      }
      if (isBreak(this.ch())) {
        this.skipLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
  }

  // ---------------------------------------------------------------- directives

  private scanDirective(): Token {
    const start = this.mark();
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: Token;
    if (name === 'YAML') {
      const [major, minor] = this.scanVersionDirectiveValue(start);
      token = newToken(T.VERSION_DIRECTIVE, start, this.mark());
      token.major = major;
      token.minor = minor;
    } else if (name === 'TAG') {
      const [handle, prefix] = this.scanTagDirectiveValue(start);
      token = newToken(T.TAG_DIRECTIVE, start, this.mark());
      token.value = handle;
      token.prefix = prefix;
    } else {
      this.scannerError('while scanning a directive', start, 'found unknown directive name');
    }
    while (isBlank(this.ch())) this.skip();
    if (this.ch() === 0x23) {
      while (!isBreakZ(this.ch())) this.skip();
    }
    if (!isBreakZ(this.ch())) {
      this.scannerError('while scanning a directive', start, 'did not find expected comment or line break');
    }
    if (isBreak(this.ch())) this.skipLine();
    return token;
  }

  private scanDirectiveName(start: Mark): string {
    let s = '';
    while (isAlpha(this.ch())) s = this.read(s);
    if (s.length === 0) {
      this.scannerError('while scanning a directive', start, 'could not find expected directive name');
    }
    if (!isBlankZ(this.ch())) {
      this.scannerError('while scanning a directive', start, 'found unexpected non-alphabetical character');
    }
    return s;
  }

  private scanVersionDirectiveValue(start: Mark): [number, number] {
    while (isBlank(this.ch())) this.skip();
    const major = this.scanVersionDirectiveNumber(start);
    if (this.ch() !== 0x2e) {
      this.scannerError('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    }
    this.skip();
    const minor = this.scanVersionDirectiveNumber(start);
    return [major, minor];
  }

  private scanVersionDirectiveNumber(start: Mark): number {
    let value = 0;
    let length = 0;
    while (isDigit(this.ch())) {
      length++;
      if (length > 2) {
        this.scannerError('while scanning a %YAML directive', start, 'found extremely long version number');
      }
      value = value * 10 + (this.ch() - 0x30);
      this.skip();
    }
    if (length === 0) {
      this.scannerError('while scanning a %YAML directive', start, 'did not find expected version number');
    }
    return value;
  }

  private scanTagDirectiveValue(start: Mark): [string, string] {
    while (isBlank(this.ch())) this.skip();
    const handle = this.scanTagHandle(true, start);
    if (!isBlank(this.ch())) {
      this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace');
    }
    while (isBlank(this.ch())) this.skip();
    const prefix = this.scanTagUri(true, '', start);
    if (!isBlankZ(this.ch())) {
      this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    }
    return [handle, prefix];
  }

  // ---------------------------------------------------------------- anchors and tags

  private scanAnchor(type: number): Token {
    const start = this.mark();
    this.skip();
    const from = this.pos;
    while (isAlpha(this.ch())) this.skip();
    const s = this.slice(from, this.pos);
    const end = this.mark();
    const c = this.ch();
    if (
      s.length === 0 ||
      !(isBlankZ(c) || c === 0x3f || c === 0x3a || c === 0x2c || c === 0x5d || c === 0x7d || c === 0x25 || c === 0x40 || c === 0x60)
    ) {
      this.scannerError(
        type === T.ANCHOR ? 'while scanning an anchor' : 'while scanning an alias',
        start,
        'did not find expected alphabetic or numeric character',
      );
    }
    const token = newToken(type, start, end);
    token.value = s;
    return token;
  }

  private tagError(directive: boolean, start: Mark, problem: string): never {
    this.scannerError(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
  }

  private scanTag(): Token {
    const start = this.mark();
    let handle: string;
    let suffix: string;
    if (this.ch(1) === 0x3c /* < */) {
      handle = '';
      this.skip();
      this.skip();
      suffix = this.scanTagUri(false, '', start);
      if (this.ch() !== 0x3e) {
        this.scannerError('while scanning a tag', start, "did not find the expected '>'");
      }
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle[0] === '!' && handle.length > 1 && handle[handle.length - 1] === '!') {
        suffix = this.scanTagUri(false, '', start);
      } else {
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (suffix.length === 0) {
          const t = handle;
          handle = suffix;
          suffix = t;
        }
      }
    }
    if (!isBlankZ(this.ch())) {
      this.scannerError('while scanning a tag', start, 'did not find expected whitespace or line break');
    }
    const token = newToken(T.TAG, start, this.mark());
    token.value = handle;
    token.suffix = suffix;
    return token;
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    if (this.ch() !== 0x21) this.tagError(directive, start, "did not find expected '!'");
    let s = this.read('');
    while (isAlpha(this.ch())) s = this.read(s);
    if (this.ch() === 0x21) {
      s = this.read(s);
    } else if (directive && s !== '!') {
      this.tagError(directive, start, "did not find expected '!'");
    }
    return s;
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string {
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    for (;;) {
      const c = this.ch();
      if (
        !(
          isAlpha(c) ||
          c === 0x3b ||
          c === 0x2f ||
          c === 0x3f ||
          c === 0x3a ||
          c === 0x40 ||
          c === 0x26 ||
          c === 0x3d ||
          c === 0x2b ||
          c === 0x24 ||
          c === 0x2c ||
          c === 0x2e ||
          c === 0x21 ||
          c === 0x7e ||
          c === 0x2a ||
          c === 0x27 ||
          c === 0x28 ||
          c === 0x29 ||
          c === 0x5b ||
          c === 0x5d ||
          c === 0x25
        )
      ) {
        break;
      }
      if (c === 0x25) {
        s += this.scanUriEscapes(directive, start);
      } else {
        s = this.read(s);
      }
      hasTag = true;
    }
    if (!hasTag) this.tagError(directive, start, 'did not find expected tag URI');
    return s;
  }

  private scanUriEscapes(directive: boolean, start: Mark): string {
    const bytes: number[] = [];
    let w = 1024;
    while (w > 0) {
      if (!(this.ch() === 0x25 && isHex(this.ch(1)) && isHex(this.ch(2)))) {
        this.tagError(directive, start, 'did not find URI escaped octet');
      }
      const octet = (asHex(this.ch(1)) << 4) + asHex(this.ch(2));
      if (w === 1024) {
        w = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (w === 0) this.tagError(directive, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet');
      }
      bytes.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
    return new TextDecoder().decode(new Uint8Array(bytes));
  }

  // ---------------------------------------------------------------- scalars

  private scanBlockScalar(literal: boolean): Token {
    const start = this.mark();
    this.skip();
    let chomping = 0;
    let increment = 0;
    let c = this.ch();
    if (c === 0x2b || c === 0x2d) {
      chomping = c === 0x2b ? 1 : -1;
      this.skip();
      if (isDigit(this.ch())) {
        if (this.ch() === 0x30) {
          this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        }
        increment = this.ch() - 0x30;
        this.skip();
      }
    } else if (isDigit(c)) {
      if (c === 0x30) {
        this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      }
      increment = c - 0x30;
      this.skip();
      c = this.ch();
      if (c === 0x2b || c === 0x2d) {
        chomping = c === 0x2b ? 1 : -1;
        this.skip();
      }
    }
    while (isBlank(this.ch())) this.skip();
    if (this.ch() === 0x23) {
      while (!isBreakZ(this.ch())) this.skip();
    }
    if (!isBreakZ(this.ch())) {
      this.scannerError('while scanning a block scalar', start, 'did not find expected comment or line break');
    }
    if (isBreak(this.ch())) this.skipLine();

    const endRef = { mark: this.mark() };
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;

    let s = '';
    let leadingBreak = '';
    const br = { breaks: '', indent };
    this.scanBlockScalarBreaks(br, start, endRef);
    indent = br.indent;
    let trailingBreaks = br.breaks;

    let leadingBlank = false;
    let trailingBlank = false;
    while (this.column === indent && this.ch() !== 0) {
      trailingBlank = isBlank(this.ch());
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak[0] === '\n') {
        if (trailingBreaks.length === 0) s += ' ';
      } else {
        s += leadingBreak;
      }
      leadingBreak = '';
      s += trailingBreaks;
      trailingBreaks = '';
      leadingBlank = isBlank(this.ch());
      const from = this.pos;
      while (!isBreakZ(this.ch())) this.skip();
      s += this.slice(from, this.pos);
      leadingBreak = this.readLine(leadingBreak);
      br.breaks = '';
      br.indent = indent;
      this.scanBlockScalarBreaks(br, start, endRef);
      indent = br.indent;
      trailingBreaks = br.breaks;
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += trailingBreaks;

    const token = newToken(T.SCALAR, start, endRef.mark);
    token.value = s;
    token.style = literal ? Style.LITERAL : Style.FOLDED;
    return token;
  }

  private scanBlockScalarBreaks(br: { breaks: string; indent: number }, start: Mark, endRef: { mark: Mark }): void {
    endRef.mark = this.mark();
    let maxIndent = 0;
    for (;;) {
      while ((br.indent === 0 || this.column < br.indent) && this.ch() === 0x20) this.skip();
      if (this.column > maxIndent) maxIndent = this.column;
      if ((br.indent === 0 || this.column < br.indent) && this.ch() === 0x09) {
        this.scannerError(
          'while scanning a block scalar',
          start,
          'found a tab character where an indentation space is expected',
        );
      }
      if (!isBreak(this.ch())) break;
      br.breaks = this.readLine(br.breaks);
      endRef.mark = this.mark();
    }
    if (br.indent === 0) {
      br.indent = maxIndent;
      if (br.indent < this.indent + 1) br.indent = this.indent + 1;
      if (br.indent < 1) br.indent = 1;
    }
  }

  private isDocumentIndicator(): boolean {
    const c = this.ch();
    return (
      this.column === 0 &&
      ((c === 0x2d && this.ch(1) === 0x2d && this.ch(2) === 0x2d) || (c === 0x2e && this.ch(1) === 0x2e && this.ch(2) === 0x2e)) &&
      isBlankZ(this.ch(3))
    );
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.mark();
    this.skip();
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    for (;;) {
      if (this.isDocumentIndicator()) {
        this.scannerError('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.ch() === 0) {
        this.scannerError('while scanning a quoted scalar', start, 'found unexpected end of stream');
      }
      let leadingBlanks = false;
      while (!isBlankZ(this.ch())) {
        const c = this.ch();
        if (single && c === 0x27 && this.ch(1) === 0x27) {
          s += "'";
          this.skip();
          this.skip();
        } else if (single && c === 0x27) {
          break;
        } else if (!single && c === 0x22) {
          break;
        } else if (!single && c === 0x5c && isBreak(this.ch(1))) {
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === 0x5c) {
          let codeLength = 0;
          switch (this.ch(1)) {
            case 0x30:
              s += '\0';
              break;
            case 0x61:
              s += '\x07';
              break;
            case 0x62:
              s += '\b';
              break;
            case 0x74:
            case 0x09:
              s += '\t';
              break;
            case 0x6e:
              s += '\n';
              break;
            case 0x76:
              s += '\v';
              break;
            case 0x66:
              s += '\f';
              break;
            case 0x72:
              s += '\r';
              break;
            case 0x65:
              s += '\x1b';
              break;
            case 0x20:
              s += ' ';
              break;
            case 0x22:
              s += '"';
              break;
            case 0x27:
              s += "'";
              break;
            case 0x5c:
              s += '\\';
              break;
            case 0x4e:
              s += '\u0085';
              break;
            case 0x5f:
              s += '\u00a0';
              break;
            case 0x4c:
              s += '\u2028';
              break;
            case 0x50:
              s += '\u2029';
              break;
            case 0x78:
              codeLength = 2;
              break;
            case 0x75:
              codeLength = 4;
              break;
            case 0x55:
              codeLength = 8;
              break;
            default:
              this.scannerError('while parsing a quoted scalar', start, 'found unknown escape character');
          }
          this.skip();
          this.skip();
          if (codeLength > 0) {
            let value = 0;
            for (let k = 0; k < codeLength; k++) {
              if (!isHex(this.ch(k))) {
                this.scannerError('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
              }
              value = value * 16 + asHex(this.ch(k));
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              this.scannerError('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
            }
            s += String.fromCodePoint(value);
            for (let k = 0; k < codeLength; k++) this.skip();
          }
        } else {
          // A run of ordinary characters, copied at once (same effect as read() per character).
          const from = this.pos;
          this.skip();
          for (;;) {
            const d = this.ch();
            if (isBlankZ(d) || d === 0x27 || d === 0x22 || d === 0x5c) break;
            this.skip();
          }
          s += this.slice(from, this.pos);
        }
      }
      if (single) {
        if (this.ch() === 0x27) break;
      } else if (this.ch() === 0x22) {
        break;
      }
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (!leadingBlanks) whitespaces = this.read(whitespaces);
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          trailingBreaks = this.readLine(trailingBreaks);
        }
      }
      if (leadingBlanks) {
        if (leadingBreak.length > 0 && leadingBreak[0] === '\n') {
          s += trailingBreaks.length === 0 ? ' ' : trailingBreaks;
        } else {
          s += leadingBreak + trailingBreaks;
        }
        trailingBreaks = '';
        leadingBreak = '';
      } else {
        s += whitespaces;
        whitespaces = '';
      }
    }
    this.skip();
    const token = newToken(T.SCALAR, start, this.mark());
    token.value = s;
    token.style = single ? Style.SINGLE_QUOTED : Style.DOUBLE_QUOTED;
    return token;
  }

  private scanPlainScalar(): Token {
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = this.mark();
    let end = this.mark();
    for (;;) {
      if (this.isDocumentIndicator()) break;
      if (this.ch() === 0x23) break;
      while (!isBlankZ(this.ch())) {
        const c = this.ch();
        if (
          (c === 0x3a && isBlankZ(this.ch(1))) ||
          (this.flowLevel > 0 && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))
        ) {
          break;
        }
        if (leadingBlanks || whitespaces.length > 0) {
          if (leadingBlanks) {
            if (leadingBreak[0] === '\n') {
              s += trailingBreaks.length === 0 ? ' ' : trailingBreaks;
            } else {
              s += leadingBreak + trailingBreaks;
            }
            trailingBreaks = '';
            leadingBreak = '';
            leadingBlanks = false;
          } else {
            s += whitespaces;
            whitespaces = '';
          }
        }
        // Copy a run of ordinary characters at once (same effect as read() per character).
        const from = this.pos;
        this.skip();
        for (;;) {
          const d = this.ch();
          if (isBlankZ(d) || d === 0x3a) break;
          if (this.flowLevel > 0 && (d === 0x2c || d === 0x3f || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d)) break;
          this.skip();
        }
        s += this.slice(from, this.pos);
        end = this.mark();
      }
      if (!(isBlank(this.ch()) || isBreak(this.ch()))) break;
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (leadingBlanks && this.column < indent && this.ch() === 0x09) {
            this.scannerError('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) whitespaces = this.read(whitespaces);
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine(leadingBreak);
          leadingBlanks = true;
        } else {
          trailingBreaks = this.readLine(trailingBreaks);
        }
      }
      if (this.flowLevel === 0 && this.column < indent) break;
    }
    const token = newToken(T.SCALAR, start, end);
    token.value = s;
    token.style = Style.PLAIN;
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return token;
  }
}
