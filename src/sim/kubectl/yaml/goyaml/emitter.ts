// go-yaml v2 `Marshal` of a decoded JSON value, as sigs.k8s.io/yaml JSONToYAML (and therefore
// `kubectl -o yaml`) does it. Ported from sigs.k8s.io/yaml/goyaml.v2/encode.go (value →
// events, map keys ordered by sorter.go keyList) and emitterc.go (the libyaml emitter state
// machine, scalar analysis, quoting styles, 80-column folding, block scalar hints).

import { resolve, isBase60Float, STR_TAG } from './resolve.ts';
import { goFormatG, type JsonValue } from './decode.ts';

const EV_SCALAR = 1;
const EV_SEQ_START = 2;
const EV_SEQ_END = 3;
const EV_MAP_START = 4;
const EV_MAP_END = 5;

const PLAIN = 1;
const SINGLE = 2;
const DOUBLE = 3;
const LITERAL = 4;
const FOLDED = 5;

interface Ev {
  type: number;
  value: string; // scalars
  style: number;
}

// ------------------------------------------------------------------ key order (sorter.go)

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const isLetter = (c: string): boolean => (c < '\x80' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : LETTER.test(c));
const isDigitRune = (c: string): boolean => (c < '\x80' ? c >= '0' && c <= '9' : DIGIT.test(c));

/** keyList.Less for two string keys. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigitRune(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigitRune(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && isDigitRune(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

export function goYamlSortKeys(keys: string[]): string[] {
  return keys.slice().sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0));
}

// ------------------------------------------------------------------ value → events (encode.go)

/** How go-yaml re-reads a Go-JSON number and prints it back (int, uint64 or float64 'g'). */
export function yamlNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const big = BigInt(n);
    if (big >= -(1n << 63n) && big < 1n << 64n) return big.toString();
  }
  return goFormatG(n);
}

function stringStyle(s: string): number {
  const r = resolve('', s);
  const canUsePlain = r.tag === STR_TAG && !isBase60Float(s);
  if (s.includes('\n')) return LITERAL;
  return canUsePlain ? PLAIN : DOUBLE;
}

/** A string as go-yaml re-reads it from Go's JSON (see jsonRoundTripString), or the reader's error. */
function reread(v: string): string {
  for (let i = 0; i < v.length; i++) {
    if (v.charCodeAt(i) >= 0x7f) {
      if (REJECTED_BY_READER.test(v)) throw new Error('yaml: control characters are not allowed');
      return jsonRoundTripString(v);
    }
  }
  return v;
}

function toEvents(v: JsonValue | undefined, out: Ev[]): void {
  if (v === null || v === undefined) {
    out.push({ type: EV_SCALAR, value: 'null', style: PLAIN });
  } else if (typeof v === 'boolean') {
    out.push({ type: EV_SCALAR, value: v ? 'true' : 'false', style: PLAIN });
  } else if (typeof v === 'number') {
    out.push({ type: EV_SCALAR, value: yamlNumber(v), style: PLAIN });
  } else if (typeof v === 'string') {
    const s = reread(v);
    out.push({ type: EV_SCALAR, value: s, style: stringStyle(s) });
  } else if (Array.isArray(v)) {
    out.push({ type: EV_SEQ_START, value: '', style: 0 });
    for (const item of v) toEvents(item, out);
    out.push({ type: EV_SEQ_END, value: '', style: 0 });
  } else {
    out.push({ type: EV_MAP_START, value: '', style: 0 });
    const byKey = new Map<string, string>();
    for (const k of Object.keys(v)) if (v[k] !== undefined) byKey.set(reread(k), k);
    for (const k of goYamlSortKeys([...byKey.keys()])) {
      out.push({ type: EV_SCALAR, value: k, style: stringStyle(k) });
      toEvents(v[byKey.get(k)!], out);
    }
    out.push({ type: EV_MAP_END, value: '', style: 0 });
  }
}

// ------------------------------------------------------------------ the emitter (emitterc.go)

const isPrintable = (c: number): boolean =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
const isBreak = (c: number): boolean => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
const isSpace = (c: number): boolean => c === 0x20;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
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

const ST = {
  FIRST_DOCUMENT_START: 1,
  DOCUMENT_START: 2,
  DOCUMENT_CONTENT: 3,
  DOCUMENT_END: 4,
  FLOW_SEQUENCE_FIRST_ITEM: 5,
  FLOW_SEQUENCE_ITEM: 6,
  FLOW_MAPPING_FIRST_KEY: 7,
  FLOW_MAPPING_KEY: 8,
  FLOW_MAPPING_SIMPLE_VALUE: 9,
  FLOW_MAPPING_VALUE: 10,
  BLOCK_SEQUENCE_FIRST_ITEM: 11,
  BLOCK_SEQUENCE_ITEM: 12,
  BLOCK_MAPPING_FIRST_KEY: 13,
  BLOCK_MAPPING_KEY: 14,
  BLOCK_MAPPING_SIMPLE_VALUE: 15,
  BLOCK_MAPPING_VALUE: 16,
  END: 17,
} as const;

interface ScalarData {
  value: Int32Array; // code points (a reused buffer; valid up to `len`, then a 0 sentinel)
  len: number;
  text: string;
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  style: number;
}

class Emitter {
  private out = '';
  private events: Ev[];
  private head = 0;
  private state: number = ST.FIRST_DOCUMENT_START;
  private states: number[] = [];
  private indent = -1;
  private indents: number[] = [];
  private flowLevel = 0;
  private rootContext = false;
  private sequenceContext = false;
  private mappingContext = false;
  private simpleKeyContext = false;
  private line = 0;
  private column = 0;
  private whitespace = true;
  private indention = true;
  private openEnded = false;
  private readonly bestIndent = 2;
  private readonly bestWidth = 80;
  private sd: ScalarData = {
    value: new Int32Array(256),
    len: 0,
    text: '',
    multiline: false,
    flowPlainAllowed: false,
    blockPlainAllowed: false,
    singleQuotedAllowed: false,
    blockAllowed: false,
    style: 0,
  };

  constructor(events: Ev[]) {
    this.events = events;
  }

  run(): string {
    // STREAM-START and DOCUMENT-START (implicit): nothing is written for them.
    this.state = ST.DOCUMENT_CONTENT;
    while (this.head < this.events.length) {
      const e = this.events[this.head];
      if (e.type === EV_SCALAR) this.analyzeScalar(e.value);
      this.stateMachine(e);
      this.head++;
    }
    // DOCUMENT-END (implicit)
    this.writeIndent();
    return this.out;
  }

  // -------------------------------------------------------------- output primitives
  private put(ch: string): void {
    this.out += ch;
    this.column++;
  }
  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
    this.line++;
  }
  private write(cp: number): void {
    this.out += cp < 0x10000 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    this.column++;
  }
  private writeBreak(cp: number): void {
    if (cp === 0x0a) {
      this.putBreak();
    } else {
      this.write(cp);
      this.column = 0;
      this.line++;
    }
  }
  private writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }
  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? this.bestIndent : 0;
    } else if (!indentless) {
      this.indent += this.bestIndent;
    }
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  private stateMachine(e: Ev): void {
    switch (this.state) {
      case ST.DOCUMENT_CONTENT:
        this.states.push(ST.DOCUMENT_END);
        return this.emitNode(e, true, false, false, false);
      case ST.FLOW_SEQUENCE_FIRST_ITEM:
        return this.emitFlowSequenceItem(e, true);
      case ST.FLOW_SEQUENCE_ITEM:
        return this.emitFlowSequenceItem(e, false);
      case ST.FLOW_MAPPING_FIRST_KEY:
        return this.emitFlowMappingKey(e, true);
      case ST.FLOW_MAPPING_KEY:
        return this.emitFlowMappingKey(e, false);
      case ST.FLOW_MAPPING_SIMPLE_VALUE:
        return this.emitFlowMappingValue(e, true);
      case ST.FLOW_MAPPING_VALUE:
        return this.emitFlowMappingValue(e, false);
      case ST.BLOCK_SEQUENCE_FIRST_ITEM:
        return this.emitBlockSequenceItem(e, true);
      case ST.BLOCK_SEQUENCE_ITEM:
        return this.emitBlockSequenceItem(e, false);
      case ST.BLOCK_MAPPING_FIRST_KEY:
        return this.emitBlockMappingKey(e, true);
      case ST.BLOCK_MAPPING_KEY:
        return this.emitBlockMappingKey(e, false);
      case ST.BLOCK_MAPPING_SIMPLE_VALUE:
        return this.emitBlockMappingValue(e, true);
      case ST.BLOCK_MAPPING_VALUE:
        return this.emitBlockMappingValue(e, false);
    }
    throw new Error('emitter: unexpected event in state ' + this.state);
  }

  private emitFlowSequenceItem(e: Ev, first: boolean): void {
    if (first) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (e.type === EV_SEQ_END) {
      this.flowLevel--;
      this.indent = this.indents.pop()!;
      this.writeIndicator(']', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > this.bestWidth) this.writeIndent();
    this.states.push(ST.FLOW_SEQUENCE_ITEM);
    this.emitNode(e, false, true, false, false);
  }

  private emitFlowMappingKey(e: Ev, first: boolean): void {
    if (first) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (e.type === EV_MAP_END) {
      this.flowLevel--;
      this.indent = this.indents.pop()!;
      this.writeIndicator('}', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > this.bestWidth) this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push(ST.FLOW_MAPPING_SIMPLE_VALUE);
      this.emitNode(e, false, false, true, true);
      return;
    }
    this.writeIndicator('?', true, false, false);
    this.states.push(ST.FLOW_MAPPING_VALUE);
    this.emitNode(e, false, false, true, false);
  }

  private emitFlowMappingValue(e: Ev, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      if (this.column > this.bestWidth) this.writeIndent();
      this.writeIndicator(':', true, false, false);
    }
    this.states.push(ST.FLOW_MAPPING_KEY);
    this.emitNode(e, false, false, true, false);
  }

  private emitBlockSequenceItem(e: Ev, first: boolean): void {
    if (first) this.increaseIndent(false, this.mappingContext && !this.indention);
    if (e.type === EV_SEQ_END) {
      this.indent = this.indents.pop()!;
      this.popState();
      return;
    }
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
    this.states.push(ST.BLOCK_SEQUENCE_ITEM);
    this.emitNode(e, false, true, false, false);
  }

  private emitBlockMappingKey(e: Ev, first: boolean): void {
    if (first) this.increaseIndent(false, false);
    if (e.type === EV_MAP_END) {
      this.indent = this.indents.pop()!;
      this.popState();
      return;
    }
    this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push(ST.BLOCK_MAPPING_SIMPLE_VALUE);
      this.emitNode(e, false, false, true, true);
      return;
    }
    this.writeIndicator('?', true, false, true);
    this.states.push(ST.BLOCK_MAPPING_VALUE);
    this.emitNode(e, false, false, true, false);
  }

  private emitBlockMappingValue(e: Ev, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.states.push(ST.BLOCK_MAPPING_KEY);
    this.emitNode(e, false, false, true, false);
  }

  private emitNode(e: Ev, root: boolean, sequence: boolean, mapping: boolean, simpleKey: boolean): void {
    this.rootContext = root;
    this.sequenceContext = sequence;
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (e.type) {
      case EV_SCALAR:
        this.selectScalarStyle(e);
        this.increaseIndent(true, false);
        this.processScalar();
        this.indent = this.indents.pop()!;
        this.popState();
        return;
      case EV_SEQ_START:
        this.state = this.flowLevel > 0 || this.checkEmpty(EV_SEQ_END) ? ST.FLOW_SEQUENCE_FIRST_ITEM : ST.BLOCK_SEQUENCE_FIRST_ITEM;
        return;
      case EV_MAP_START:
        this.state = this.flowLevel > 0 || this.checkEmpty(EV_MAP_END) ? ST.FLOW_MAPPING_FIRST_KEY : ST.BLOCK_MAPPING_FIRST_KEY;
        return;
    }
    throw new Error('emitter: expected SCALAR, SEQUENCE-START or MAPPING-START');
  }

  private checkEmpty(endType: number): boolean {
    const next = this.events[this.head + 1];
    return next !== undefined && next.type === endType;
  }

  private checkSimpleKey(): boolean {
    const e = this.events[this.head];
    switch (e.type) {
      case EV_SCALAR:
        if (this.sd.multiline) return false;
        return utf8Length(this.sd.text) <= 128;
      case EV_SEQ_START:
        return this.checkEmpty(EV_SEQ_END);
      case EV_MAP_START:
        return this.checkEmpty(EV_MAP_END);
    }
    return false;
  }

  private selectScalarStyle(e: Ev): void {
    let style = e.style;
    if (this.simpleKeyContext && this.sd.multiline) style = DOUBLE;
    if (style === PLAIN) {
      if ((this.flowLevel > 0 && !this.sd.flowPlainAllowed) || (this.flowLevel === 0 && !this.sd.blockPlainAllowed)) {
        style = SINGLE;
      }
      if (this.sd.len === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = SINGLE;
    }
    if (style === SINGLE && !this.sd.singleQuotedAllowed) style = DOUBLE;
    if (style === LITERAL || style === FOLDED) {
      if (!this.sd.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext) style = DOUBLE;
    }
    this.sd.style = style;
  }

  private processScalar(): void {
    const v = this.sd.value;
    const n = this.sd.len;
    switch (this.sd.style) {
      case PLAIN:
        return this.writePlainScalar(v, n, !this.simpleKeyContext);
      case SINGLE:
        return this.writeSingleQuotedScalar(v, n, !this.simpleKeyContext);
      case DOUBLE:
        return this.writeDoubleQuotedScalar(v, n, !this.simpleKeyContext);
      case LITERAL:
        return this.writeLiteralScalar(v, n);
      case FOLDED:
        return this.writeFoldedScalar(v, n);
    }
  }

  private analyzeScalar(text: string): void {
    const sd = this.sd;
    if (sd.len < text.length + 1) sd.value = new Int32Array(text.length * 2 + 1);
    const value = sd.value;
    let len = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          value[len++] = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          continue;
        }
      }
      value[len++] = c;
    }
    value[len] = 0;
    sd.len = len;
    sd.text = text;
    if (len === 0) {
      sd.multiline = false;
      sd.flowPlainAllowed = false;
      sd.blockPlainAllowed = true;
      sd.singleQuotedAllowed = true;
      sd.blockAllowed = false;
      return;
    }
    let blockIndicators = false;
    let flowIndicators = false;
    let lineBreaks = false;
    let specialCharacters = false;
    let leadingSpace = false;
    let leadingBreak = false;
    let trailingSpace = false;
    let trailingBreak = false;
    let breakSpace = false;
    let spaceBreak = false;
    let precededByWhitespace: boolean;
    let followedByWhitespace: boolean;
    let previousSpace = false;
    let previousBreak = false;

    if (
      len >= 3 &&
      ((value[0] === 0x2d && value[1] === 0x2d && value[2] === 0x2d) || (value[0] === 0x2e && value[1] === 0x2e && value[2] === 0x2e))
    ) {
      blockIndicators = true;
      flowIndicators = true;
    }
    precededByWhitespace = true;
    for (let i = 0; i < len; i++) {
      const c = value[i];
      followedByWhitespace = i + 1 >= len || isBlank(value[i + 1]);
      if (i === 0) {
        switch (c) {
          case 0x23: // #
          case 0x2c: // ,
          case 0x5b: // [
          case 0x5d: // ]
          case 0x7b: // {
          case 0x7d: // }
          case 0x26: // &
          case 0x2a: // *
          case 0x21: // !
          case 0x7c: // |
          case 0x3e: // >
          case 0x27: // '
          case 0x22: // "
          case 0x25: // %
          case 0x40: // @
          case 0x60: // `
            flowIndicators = true;
            blockIndicators = true;
            break;
          case 0x3f: // ?
          case 0x3a: // :
            flowIndicators = true;
            if (followedByWhitespace) blockIndicators = true;
            break;
          case 0x2d: // -
            if (followedByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
            break;
        }
      } else {
        switch (c) {
          case 0x2c:
          case 0x3f:
          case 0x5b:
          case 0x5d:
          case 0x7b:
          case 0x7d:
            flowIndicators = true;
            break;
          case 0x3a:
            flowIndicators = true;
            if (followedByWhitespace) blockIndicators = true;
            break;
          case 0x23:
            if (precededByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
            break;
        }
      }
      if (!isPrintable(c)) specialCharacters = true;
      if (isSpace(c)) {
        if (i === 0) leadingSpace = true;
        if (i + 1 === len) trailingSpace = true;
        if (previousBreak) breakSpace = true;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        if (i === 0) leadingBreak = true;
        if (i + 1 === len) trailingBreak = true;
        if (previousSpace) spaceBreak = true;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlank(c) || isBreak(c);
    }
    sd.multiline = lineBreaks;
    sd.flowPlainAllowed = true;
    sd.blockPlainAllowed = true;
    sd.singleQuotedAllowed = true;
    sd.blockAllowed = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      sd.flowPlainAllowed = false;
      sd.blockPlainAllowed = false;
    }
    if (trailingSpace) sd.blockAllowed = false;
    if (breakSpace) {
      sd.flowPlainAllowed = false;
      sd.blockPlainAllowed = false;
      sd.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) {
      sd.flowPlainAllowed = false;
      sd.blockPlainAllowed = false;
      sd.singleQuotedAllowed = false;
      sd.blockAllowed = false;
    }
    if (lineBreaks) {
      sd.flowPlainAllowed = false;
      sd.blockPlainAllowed = false;
    }
    if (flowIndicators) sd.flowPlainAllowed = false;
    if (blockIndicators) sd.blockPlainAllowed = false;
  }

  /** Fast path: a scalar written as-is on the current line (no breaks, no folding). */
  private writeRun(text: string, len: number): void {
    this.out += text;
    this.column += len;
  }

  /** True when no space of the value would be reached past the 80th column (so nothing folds). */
  private fitsWithoutFolding(value: Int32Array, len: number, allowBreaks: boolean, extra: number): boolean {
    if (!allowBreaks) return true;
    let last = -1;
    for (let i = len - 1; i >= 0; i--) {
      if (value[i] === 0x20) {
        last = i;
        break;
      }
    }
    return last < 0 || this.column + extra + last <= this.bestWidth;
  }

  private writePlainScalar(value: Int32Array, len: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (!this.sd.multiline && this.fitsWithoutFolding(value, len, allowBreaks, 0)) {
      this.writeRun(this.sd.text, len);
      this.whitespace = false;
      this.indention = false;
      if (this.rootContext) this.openEnded = true;
      return;
    }
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < len; ) {
      const c = value[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && !isSpace(value[i + 1])) {
          this.writeIndent();
          i++;
        } else {
          this.write(c);
          i++;
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        i++;
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        i++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
    if (this.rootContext) this.openEnded = true;
  }

  private writeSingleQuotedScalar(value: Int32Array, len: number, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    if (!this.sd.multiline && !this.sd.text.includes("'") && this.fitsWithoutFolding(value, len, allowBreaks, 0)) {
      this.writeRun(this.sd.text, len);
      this.writeIndicator("'", false, false, false);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < len; ) {
      const c = value[i];
      if (isSpace(c)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > this.bestWidth &&
          i > 0 &&
          i < len - 1 &&
          !isSpace(value[i + 1])
        ) {
          this.writeIndent();
          i++;
        } else {
          this.write(c);
          i++;
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        i++;
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        i++;
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuotedScalar(value: Int32Array, len: number, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    if (value[0] !== 0xfeff && this.fitsWithoutFolding(value, len, allowBreaks, 0)) {
      let plain = true;
      for (let i = 0; i < len; i++) {
        const v = value[i];
        if (!isPrintable(v) || isBreak(v) || v === 0x22 || v === 0x5c) {
          plain = false;
          break;
        }
      }
      if (plain) {
        this.writeRun(this.sd.text, len);
        this.writeIndicator('"', false, false, false);
        this.whitespace = false;
        this.indention = false;
        return;
      }
    }
    for (let i = 0; i < len; ) {
      const v = value[i];
      // yamlprivateh.go is_bom(b, i) tests b[0..2], not b[i..]: when the value starts with a
      // BOM, every character of it is escaped (`"\uFEFF\x61"`).
      if (!isPrintable(v) || value[0] === 0xfeff || isBreak(v) || v === 0x22 || v === 0x5c) {
        i++;
        this.put('\\');
        switch (v) {
          case 0x00:
            this.put('0');
            break;
          case 0x07:
            this.put('a');
            break;
          case 0x08:
            this.put('b');
            break;
          case 0x09:
            this.put('t');
            break;
          case 0x0a:
            this.put('n');
            break;
          case 0x0b:
            this.put('v');
            break;
          case 0x0c:
            this.put('f');
            break;
          case 0x0d:
            this.put('r');
            break;
          case 0x1b:
            this.put('e');
            break;
          case 0x22:
            this.put('"');
            break;
          case 0x5c:
            this.put('\\');
            break;
          case 0x85:
            this.put('N');
            break;
          case 0xa0:
            this.put('_');
            break;
          case 0x2028:
            this.put('L');
            break;
          case 0x2029:
            this.put('P');
            break;
          default: {
            let w: number;
            if (v <= 0xff) {
              this.put('x');
              w = 2;
            } else if (v <= 0xffff) {
              this.put('u');
              w = 4;
            } else {
              this.put('U');
              w = 8;
            }
            for (let k = (w - 1) * 4; k >= 0; k -= 4) {
              const digit = (v >> k) & 0x0f;
              this.put(digit < 10 ? String.fromCharCode(digit + 0x30) : String.fromCharCode(digit - 10 + 0x41));
            }
          }
        }
        spaces = false;
      } else if (isSpace(v)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < len - 1) {
          this.writeIndent();
          if (isSpace(value[i + 1])) this.put('\\');
          i++;
        } else {
          this.write(v);
          i++;
        }
        spaces = true;
      } else {
        this.write(v);
        i++;
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeBlockScalarHints(value: Int32Array, len: number): void {
    if (len > 0 && (isSpace(value[0]) || isBreak(value[0]))) {
      this.writeIndicator(String(this.bestIndent), false, false, false);
    }
    this.openEnded = false;
    let chomp = '';
    if (len === 0) {
      chomp = '-';
    } else {
      let i = len - 1;
      if (!isBreak(value[i])) {
        chomp = '-';
      } else if (i === 0) {
        chomp = '+';
        this.openEnded = true;
      } else {
        i--;
        if (isBreak(value[i])) {
          chomp = '+';
          this.openEnded = true;
        }
      }
    }
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteralScalar(value: Int32Array, len: number): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value, len);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < len; i++) {
      const c = value[i];
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeFoldedScalar(value: Int32Array, len: number): void {
    this.writeIndicator('>', true, false, false);
    this.writeBlockScalarHints(value, len);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    let leadingSpaces = true;
    for (let i = 0; i < len; ) {
      const c = value[i];
      if (isBreak(c)) {
        if (!breaks && !leadingSpaces && c === 0x0a) {
          let k = 0;
          while (isBreak(value[k])) k++;
          if (!(k >= len || isBlank(value[k]) || isBreak(value[k]))) this.putBreak();
        }
        this.writeBreak(c);
        i++;
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          leadingSpaces = isBlank(c);
        }
        if (!breaks && isSpace(c) && !isSpace(value[i + 1]) && this.column > this.bestWidth) {
          this.writeIndent();
          i++;
        } else {
          this.write(c);
          i++;
        }
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/**
 * What a string becomes when JSONToYAML re-reads the JSON text with go-yaml: Go's JSON
 * encoder leaves U+0085 (NEL) unescaped, and inside a double-quoted YAML scalar NEL is a line
 * break, so it is folded (one break → a space, n breaks → n-1 newlines; spaces around the
 * breaks are dropped), as scannerc.go yaml_parser_scan_flow_scalar does.
 */
export function jsonRoundTripString(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/[ \u0085]*\u0085[ \u0085]*/g, (region) => {
    let n = 0;
    for (const ch of region) if (ch === '\u0085') n++;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}

/** Characters Go's JSON encoder writes raw but go-yaml's reader rejects (readerc.go). */
const REJECTED_BY_READER = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * sigs.k8s.io/yaml JSONToYAML applied to a JSON value: the text `kubectl -o yaml` prints.
 * Throws `yaml: control characters are not allowed` where kubectl fails the same way.
 */
export function marshalYAML(value: JsonValue | object): string {
  const events: Ev[] = [];
  toEvents(value as JsonValue, events);
  return new Emitter(events).run();
}
