/**
 * Label selectors as k8s.io/apimachinery implements them (apimachinery@1.35.0:
 * pkg/labels/selector.go, pkg/labels/labels.go, pkg/apis/meta/v1/helpers.go,
 * pkg/util/validation/validation.go).
 *
 * Two input forms, one Selector:
 *   - the string form (`kubectl -l`, field `selector` of List options):
 *       parseSelector('app=web,tier in (a,b),!canary,env!=prod,replicas>2')
 *   - the API form metav1.LabelSelector {matchLabels, matchExpressions}:
 *       labelSelectorAsSelector(sel)   // nil → matches nothing, {} → matches everything
 *
 * Errors are LabelSelectorError with the exact apimachinery text, e.g.
 *   parseSelector('app in (a')  → "unable to parse requirement: found '', expected: ',' or ')'"
 *   parseSelector('app=@')      → "unable to parse requirement: values[0][app]: Invalid value: \"@\": a valid label must be …"
 * (kubectl prints them after "error: ").
 *
 * Selector.toString() is labels.Selector.String(): requirements sorted by key, values of
 * in/notin sorted: "app=web,tier in (a,b)". formatLabels(map) is labels.Set.String() ("a=b,c=d").
 *
 * Also exported: the validation helpers the messages come from (isQualifiedName,
 * isValidLabelValue, isDNS1123Subdomain, isDNS1123Label) — each returns a list of error strings,
 * empty when valid, exactly like k8s.io/apimachinery/pkg/util/validation.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Operator = '=' | '==' | 'in' | '!=' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export type Labels = Readonly<Record<string, string>> | undefined | null;

export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSelectorError';
  }
}

// ---------------------------------------------------------------------------------------------
// validation (pkg/util/validation/validation.go)

const QNAME_CHAR_FMT = '[A-Za-z0-9]';
const QNAME_EXT_CHAR_FMT = '[-A-Za-z0-9_.]';
const QUALIFIED_NAME_FMT = `(${QNAME_CHAR_FMT}${QNAME_EXT_CHAR_FMT}*)?${QNAME_CHAR_FMT}`;
const QUALIFIED_NAME_ERR_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_MAX_LENGTH = 63;
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_ERR_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MAX_LENGTH = 63;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_LABEL_MAX_LENGTH = 63;
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** validation.RegexError */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = `${msg} (e.g. `;
  examples.forEach((ex, i) => {
    if (i > 0) s += ' or ';
    s += `'${ex}', `;
  });
  return `${s}regex used for validation is '${fmt}')`;
}

export function emptyError(): string {
  return 'must be non-empty';
}

export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL_RE.test(value)) errs.push(regexError(DNS1123_LABEL_ERR_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** validation.IsQualifiedName: label keys, annotation keys, taint keys. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (name.length > QUALIFIED_NAME_MAX_LENGTH) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  if (!QUALIFIED_NAME_RE.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** validation.IsValidLabelValue */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** field.Invalid(path, value, detail).Error() for a string (or string list) value, 1.34+ rendering. */
function invalid(path: string, value: string | readonly string[] | null, detail: string): string {
  return `${path}: Invalid value: ${JSON.stringify(value)}: ${detail}`;
}

/** utilerrors.NewAggregate(...).Error() */
function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

// ---------------------------------------------------------------------------------------------
// Requirement

const VALID_OPERATORS: readonly Operator[] = ['=', '==', 'in', '!=', 'notin', 'exists', '!', 'gt', 'lt'];

const INT64_RE = /^[+-]?\d+$/;
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

/** strconv.ParseInt(s, 10, 64) → bigint, or null on error. */
function parseInt64(s: string): bigint | null {
  if (!INT64_RE.test(s)) return null;
  const v = BigInt(s);
  return v < MIN_INT64 || v > MAX_INT64 ? null : v;
}

export class Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** As given; String() sorts them. */
  readonly values: readonly string[];
  private readonly intValue: bigint | null;

  private constructor(key: string, operator: Operator, values: readonly string[]) {
    this.key = key;
    this.operator = operator;
    this.values = values;
    this.intValue = (operator === 'gt' || operator === 'lt') && values.length === 1 ? parseInt64(values[0]) : null;
  }

  /**
   * labels.NewRequirement: validates the key (qualified name), the values (label values) and the
   * value count for the operator. Throws LabelSelectorError with the aggregated field errors.
   */
  static create(key: string, operator: Operator, values: readonly string[], opts: { nilValues?: boolean } = {}): Requirement {
    const errs: string[] = [];
    // a Go nil slice renders as null in field errors (metav1 matchExpressions without values)
    const shown: readonly string[] | null = opts.nilValues && values.length === 0 ? null : values;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) errs.push(invalid('key', key, keyErrs.join('; ')));
    switch (operator) {
      case 'in':
      case 'notin':
        if (values.length === 0) errs.push(invalid('values', shown, "for 'in', 'notin' operators, values set can't be empty"));
        break;
      case '=':
      case '==':
      case '!=':
        if (values.length !== 1) errs.push(invalid('values', shown, 'exact-match compatibility requires one single value'));
        break;
      case 'exists':
      case '!':
        if (values.length !== 0) errs.push(invalid('values', shown, 'values set must be empty for exists and does not exist'));
        break;
      case 'gt':
      case 'lt':
        if (values.length !== 1) errs.push(invalid('values', shown, "for 'Gt', 'Lt' operators, exactly one value is required"));
        values.forEach((v, i) => {
          if (parseInt64(v) === null) errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        });
        break;
      default:
        errs.push(`operator: Unsupported value: ${JSON.stringify(operator)}: supported values: ${VALID_OPERATORS.map((o) => JSON.stringify(o)).join(', ')}`);
    }
    values.forEach((v, i) => {
      const vErrs = isValidLabelValue(v);
      if (vErrs.length) errs.push(invalid(`values[${i}][${key}]`, v, vErrs.join('; ')));
    });
    if (errs.length) throw new LabelSelectorError(aggregate(errs));
    return new Requirement(key, operator, values);
  }

  /** A requirement built without validation (labels.SelectorFromValidatedSet). */
  static unchecked(key: string, operator: Operator, values: readonly string[]): Requirement {
    return new Requirement(key, operator, values);
  }

  private hasValue(v: string): boolean {
    const vals = this.values;
    for (let i = 0; i < vals.length; i++) if (vals[i] === v) return true;
    return false;
  }

  /** Requirement.Matches */
  matches(labels: Labels): boolean {
    const has = labels != null && Object.prototype.hasOwnProperty.call(labels, this.key);
    switch (this.operator) {
      case '=':
      case '==':
      case 'in':
        return has && this.hasValue(labels![this.key]);
      case '!=':
      case 'notin':
        return !has || !this.hasValue(labels![this.key]);
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'gt':
      case 'lt': {
        if (!has || this.intValue === null) return false;
        const lv = parseInt64(labels![this.key]);
        if (lv === null) return false;
        return this.operator === 'gt' ? lv > this.intValue : lv < this.intValue;
      }
      default:
        return false;
    }
  }

  /** Requirement.String() */
  toString(): string {
    let s = this.operator === '!' ? '!' : '';
    s += this.key;
    switch (this.operator) {
      case '=':
        s += '=';
        break;
      case '==':
        s += '==';
        break;
      case '!=':
        s += '!=';
        break;
      case 'in':
        s += ' in ';
        break;
      case 'notin':
        s += ' notin ';
        break;
      case 'gt':
        s += '>';
        break;
      case 'lt':
        s += '<';
        break;
      case 'exists':
      case '!':
        return s;
    }
    const open = this.operator === 'in' || this.operator === 'notin';
    if (open) s += '(';
    s += this.values.length === 1 ? this.values[0] : [...this.values].sort().join(',');
    if (open) s += ')';
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Selector

export class Selector {
  /** Sorted by key (stable), as labels.internalSelector after Add/Parse. */
  readonly requirements: readonly Requirement[];
  /** true only for labels.Nothing(): matches no object. */
  readonly nothing: boolean;

  private constructor(requirements: readonly Requirement[], nothing: boolean) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  static fromRequirements(reqs: readonly Requirement[]): Selector {
    const sorted = [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return new Selector(sorted, false);
  }

  private static readonly EVERYTHING = new Selector([], false);
  private static readonly NOTHING = new Selector([], true);

  /** labels.Everything(): matches all objects. */
  static everything(): Selector {
    return Selector.EVERYTHING;
  }

  /** labels.Nothing(): matches no objects. */
  static nothing(): Selector {
    return Selector.NOTHING;
  }

  /** Selector.Matches */
  matches(labels: Labels): boolean {
    if (this.nothing) return false;
    const reqs = this.requirements;
    for (let i = 0; i < reqs.length; i++) if (!reqs[i].matches(labels)) return false;
    return true;
  }

  /** Selector.Empty(): true for Everything() (and Nothing(), as in Go). */
  empty(): boolean {
    return this.requirements.length === 0;
  }

  /** Selector.Add: a new selector with the extra requirements (sorted by key). */
  add(...reqs: Requirement[]): Selector {
    if (this.nothing) return this;
    return Selector.fromRequirements([...this.requirements, ...reqs]);
  }

  /** Selector.String() */
  toString(): string {
    return this.requirements.map((r) => r.toString()).join(',');
  }
}

/** labels.SelectorFromSet / SelectorFromValidatedSet: equality requirements, no validation. */
export function selectorFromSet(set: Labels): Selector {
  if (!set) return Selector.everything();
  const keys = Object.keys(set);
  if (keys.length === 0) return Selector.everything();
  return Selector.fromRequirements(keys.map((k) => Requirement.unchecked(k, '=', [set[k]])));
}

/** labels.ValidatedSelectorFromSet: like selectorFromSet but validating keys and values. */
export function validatedSelectorFromSet(set: Labels): Selector {
  if (!set) return Selector.everything();
  const keys = Object.keys(set);
  if (keys.length === 0) return Selector.everything();
  return Selector.fromRequirements(keys.map((k) => Requirement.create(k, '=', [set[k]])));
}

/**
 * metav1.LabelSelectorAsSelector: nil → Nothing, empty → Everything; matchLabels become `=`
 * requirements, matchExpressions In/NotIn/Exists/DoesNotExist.
 * Throws LabelSelectorError (e.g. `"Foo" is not a valid label selector operator`).
 */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls == null) return Selector.nothing();
  const ml = ls.matchLabels ?? {};
  const me = ls.matchExpressions ?? [];
  const mlKeys = Object.keys(ml);
  if (mlKeys.length + me.length === 0) return Selector.everything();
  const reqs: Requirement[] = [];
  for (const k of mlKeys) reqs.push(Requirement.create(k, '=', [ml[k]]));
  for (const expr of me) {
    let op: Operator;
    switch (expr.operator) {
      case 'In':
        op = 'in';
        break;
      case 'NotIn':
        op = 'notin';
        break;
      case 'Exists':
        op = 'exists';
        break;
      case 'DoesNotExist':
        op = '!';
        break;
      default:
        throw new LabelSelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    }
    reqs.push(Requirement.create(expr.key, op, [...(expr.values ?? [])], { nilValues: !expr.values || expr.values.length === 0 }));
  }
  return Selector.fromRequirements(reqs);
}

/** Convenience: does the metav1.LabelSelector match these labels? (nil selector → false) */
/** Selectors of stored (frozen, so unchanging) LabelSelectors: a controller matches every pod with one. */
const compiled = new WeakMap<object, Selector | LabelSelectorError>();

export function labelSelectorMatches(ls: LabelSelector | null | undefined, labels: Labels): boolean {
  if (ls == null || !Object.isFrozen(ls)) return labelSelectorAsSelector(ls).matches(labels);
  let sel = compiled.get(ls);
  if (sel === undefined) {
    try {
      sel = labelSelectorAsSelector(ls);
    } catch (e) {
      if (!(e instanceof LabelSelectorError)) throw e;
      sel = e;
    }
    compiled.set(ls, sel);
  }
  if (sel instanceof LabelSelectorError) throw sel;
  return sel.matches(labels);
}

/**
 * labels.Set.String(): the "k=v" pairs sorted as strings (not by key: "app.kubernetes.io/name=x"
 * comes before "app=y", '.' < '=').
 */
export function formatLabels(set: Labels): string {
  if (!set) return '';
  return Object.keys(set)
    .map((k) => `${k}=${set[k]}`)
    .sort()
    .join(',');
}

/** labels.Set.AsSelector-independent helper: does `set` contain every key/value of `subset`? */
export function labelsContain(set: Labels, subset: Labels): boolean {
  if (!subset) return true;
  for (const k of Object.keys(subset)) {
    if (!set || !Object.prototype.hasOwnProperty.call(set, k) || set[k] !== subset[k]) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// string parser (labels.Parse)

const TOKENS = {
  Error: 0,
  EndOfString: 1,
  ClosedPar: 2,
  Comma: 3,
  DoesNotExist: 4,
  DoubleEquals: 5,
  Equals: 6,
  GreaterThan: 7,
  Identifier: 8,
  In: 9,
  LessThan: 10,
  NotEquals: 11,
  NotIn: 12,
  OpenPar: 13,
} as const;
type Token = (typeof TOKENS)[keyof typeof TOKENS];
const T = TOKENS;

const STRING_TO_TOKEN: Record<string, Token> = {
  ')': T.ClosedPar,
  ',': T.Comma,
  '!': T.DoesNotExist,
  '==': T.DoubleEquals,
  '=': T.Equals,
  '>': T.GreaterThan,
  in: T.In,
  '<': T.LessThan,
  '!=': T.NotEquals,
  notin: T.NotIn,
  '(': T.OpenPar,
};

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

interface ScannedItem {
  tok: Token;
  literal: string;
}

/** labels.Lexer */
function lex(s: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: T.EndOfString, literal: '' });
      return items;
    }
    const ch = s[pos];
    if (isSpecialSymbol(ch)) {
      // scanSpecialSymbol: longest match among the operator strings
      let lastTok: Token | null = null;
      let lastLit = '';
      let buf = '';
      let p = pos;
      while (p < s.length && isSpecialSymbol(s[p])) {
        buf += s[p];
        const t = STRING_TO_TOKEN[buf];
        if (t !== undefined) {
          lastTok = t;
          lastLit = buf;
          p++;
        } else {
          break;
        }
      }
      if (lastTok === null) {
        items.push({ tok: T.Error, literal: `error expected: keyword found '${buf}'` });
        return items;
      }
      pos += lastLit.length;
      items.push({ tok: lastTok, literal: lastLit });
      continue;
    }
    let p = pos;
    while (p < s.length && !isWhitespace(s[p]) && !isSpecialSymbol(s[p])) p++;
    const word = s.slice(pos, p);
    pos = p;
    const kw = STRING_TO_TOKEN[word];
    items.push({ tok: kw === T.In || kw === T.NotIn ? kw : T.Identifier, literal: word });
  }
}

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

class Parser {
  private items: ScannedItem[];
  private position = 0;

  constructor(s: string) {
    this.items = lex(s);
  }

  /** lookahead/consume in the Values context: `in`/`notin` are plain identifiers there. */
  private lookahead(values: boolean): ScannedItem {
    const it = this.items[Math.min(this.position, this.items.length - 1)];
    if (values && (it.tok === T.In || it.tok === T.NotIn)) return { tok: T.Identifier, literal: it.literal };
    return it;
  }

  private consume(values: boolean): ScannedItem {
    const it = this.lookahead(values);
    if (this.position < this.items.length - 1) this.position++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, literal } = this.lookahead(true);
      if (tok === T.Identifier || tok === T.DoesNotExist) {
        let r: Requirement;
        try {
          r = this.parseRequirement();
        } catch (e) {
          throw new LabelSelectorError(`unable to parse requirement: ${(e as Error).message}`);
        }
        reqs.push(r);
        const t = this.consume(true);
        if (t.tok === T.EndOfString) return reqs;
        if (t.tok === T.Comma) {
          const t2 = this.lookahead(true);
          if (t2.tok !== T.Identifier && t2.tok !== T.DoesNotExist) {
            throw new LabelSelectorError(`found '${t2.literal}', expected: identifier after ','`);
          }
        } else {
          throw new LabelSelectorError(`found '${t.literal}', expected: ',' or 'end of string'`);
        }
      } else if (tok === T.EndOfString) {
        return reqs;
      } else {
        throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return Requirement.create(key, operator, []);
    const op = this.parseOperator();
    let values: string[];
    if (op === 'in' || op === 'notin') values = this.parseValues();
    else values = this.parseExactValue();
    // sets.String.List(): sorted, de-duplicated
    values = [...new Set(values)].sort();
    return Requirement.create(key, op, values);
  }

  private parseKeyAndInferOperator(): { key: string; operator: Operator | null } {
    let operator: Operator | null = null;
    let { tok, literal } = this.consume(true);
    if (tok === T.DoesNotExist) {
      operator = '!';
      ({ tok, literal } = this.consume(true));
    }
    if (tok !== T.Identifier) throw new Error(`found '${literal}', expected: identifier`);
    const keyErrs = isQualifiedName(literal);
    if (keyErrs.length) throw new Error(invalid('key', literal, keyErrs.join('; ')));
    const next = this.lookahead(true).tok;
    if (next === T.EndOfString || next === T.Comma) {
      if (operator !== '!') operator = 'exists';
    }
    return { key: literal, operator };
  }

  private parseOperator(): Operator {
    const { tok, literal } = this.consume(false);
    switch (tok) {
      case T.In:
        return 'in';
      case T.Equals:
        return '=';
      case T.DoubleEquals:
        return '==';
      case T.GreaterThan:
        return 'gt';
      case T.LessThan:
        return 'lt';
      case T.NotIn:
        return 'notin';
      case T.NotEquals:
        return '!=';
      default:
        throw new Error(`found '${literal}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
  }

  private parseValues(): string[] {
    let { tok, literal } = this.consume(true);
    if (tok !== T.OpenPar) throw new Error(`found '${literal}' expected: '('`);
    ({ tok, literal } = this.lookahead(true));
    if (tok === T.Identifier || tok === T.Comma) {
      const s = this.parseIdentifiersList();
      if (this.consume(true).tok !== T.ClosedPar) throw new Error(`found '${literal}', expected: ')'`);
      return s;
    }
    if (tok === T.ClosedPar) {
      this.consume(true);
      return [''];
    }
    throw new Error(`found '${literal}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): string[] {
    const s: string[] = [];
    for (;;) {
      const { tok, literal } = this.consume(true);
      if (tok === T.Identifier) {
        s.push(literal);
        const t2 = this.lookahead(true);
        if (t2.tok === T.Comma) continue;
        if (t2.tok === T.ClosedPar) return s;
        throw new Error(`found '${t2.literal}', expected: ',' or ')'`);
      } else if (tok === T.Comma) {
        if (s.length === 0) s.push('');
        const t2 = this.lookahead(true);
        if (t2.tok === T.ClosedPar) {
          s.push('');
          return s;
        }
        if (t2.tok === T.Comma) {
          this.consume(true);
          s.push('');
        }
      } else {
        throw new Error(`found '${literal}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): string[] {
    const t = this.lookahead(true);
    if (t.tok === T.EndOfString || t.tok === T.Comma) return [''];
    const { tok, literal } = this.consume(true);
    if (tok === T.Identifier) return [literal];
    throw new Error(`found '${literal}', expected: identifier`);
  }
}

/**
 * labels.Parse: the string selector syntax.
 *   <selector>    ::= <requirement> | <requirement> "," <selector>
 *   <requirement> ::= [!] KEY [ <set-based> | <exact> ]
 *   <set-based>   ::= ("in" | "notin") "(" VALUE ("," VALUE)* ")"
 *   <exact>       ::= ("=" | "==" | "!=" | ">" | "<") VALUE
 * An empty string parses to Everything(). Throws LabelSelectorError.
 */
export function parseSelector(selector: string): Selector {
  const reqs = new Parser(selector).parse();
  if (reqs.length === 0) return Selector.everything();
  return Selector.fromRequirements(reqs);
}
