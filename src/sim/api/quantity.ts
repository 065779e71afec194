/**
 * resource.Quantity — parsing and canonical formatting as k8s.io/apimachinery does it
 * (apimachinery@1.35.0: pkg/api/resource/quantity.go, amount.go, suffix.go).
 *
 * A Quantity is `mantissa × 10^scale` (exact, BigInt mantissa) plus the Format it was written in:
 *   - `DecimalSI`       "100m", "1.5", "2k", "1G"  (also plain numbers)
 *   - `BinarySI`        "128Mi", "2Gi"
 *   - `DecimalExponent` "1e3", "12E-3"
 * As in Go, parsing rounds any precision finer than 1n (1e-9) up (away from zero), and caps the
 * magnitude at 2^63-1.
 *
 * `toString()` is `Quantity.String()`: the canonical form kubectl and the API server print, e.g.
 *   "0.5" → "500m", "1000m" → "1", "1000" → "1k", "1024Mi" → "1Gi", "1.5Gi" → "1536Mi",
 *   "0.5Ki" → "512" (BinarySI below 1024 or non-integral is shown as DecimalSI).
 *
 * `value()` / `milliValue()` are Value()/MilliValue(): the integer value at that scale, rounded
 * away from zero (so "1.5m" has milliValue 2). They return JS numbers; values beyond 2^53 lose
 * precision, which no CPU/memory quantity reaches. Use `scaledBig()` when exactness matters.
 *
 * API:
 *   parseQuantity(s) → Quantity            (throws QuantityError with the apimachinery message)
 *   mustParseQuantity(s) → Quantity        (throws "cannot parse '<s>': <reason>")
 *   Quantity.fromMilli(n, format?) / Quantity.fromValue(n, format?) / Quantity.zero(format?)
 *   q.toString(), q.value(), q.milliValue(), q.scaledBig(scale), q.add(o), q.sub(o), q.neg(),
 *   q.cmp(o), q.isZero(), q.sign(), q.asApproximateFloat64()
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Go's splitREString, quoted in ErrFormatWrong. */
const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** apimachinery resource.ErrFormatWrong / ErrNumeric / ErrSuffix messages. */
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

const MAX_INT64 = (1n << 63n) - 1n;
const NANO = -9;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_EXP_TO_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_EXP_TO_SUFFIX: Record<number, string> = { 0: '', 10: 'Ki', 20: 'Mi', 30: 'Gi', 40: 'Ti', 50: 'Pi', 60: 'Ei' };

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function absBig(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** Divide rounding away from zero (inf.RoundUp / negativeScaleInt64). */
function divAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  if (q * d === n) return q;
  return n < 0n ? q - 1n : q + 1n;
}

export class Quantity {
  /** value = mantissa × 10^scale, scale ≥ -9 */
  readonly mantissa: bigint;
  readonly scale: number;
  readonly format: QuantityFormat;

  constructor(mantissa: bigint, scale: number, format: QuantityFormat) {
    this.mantissa = mantissa;
    this.scale = scale;
    this.format = format;
  }

  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, 0, format);
  }

  /** resource.NewMilliQuantity */
  static fromMilli(milli: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(milli), -3, format);
  }

  /** resource.NewQuantity */
  static fromValue(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), 0, format);
  }

  isZero(): boolean {
    return this.mantissa === 0n;
  }

  sign(): number {
    return this.mantissa === 0n ? 0 : this.mantissa < 0n ? -1 : 1;
  }

  /** The value as an integer at 10^scale, rounded away from zero (Quantity.ScaledValue, as BigInt). */
  scaledBig(scale: number): bigint {
    if (this.scale >= scale) return this.mantissa * pow10(this.scale - scale);
    return divAwayFromZero(this.mantissa, pow10(scale - this.scale));
  }

  /** Quantity.Value(): rounded away from zero to an integer. */
  value(): number {
    return Number(this.scaledBig(0));
  }

  /** Quantity.MilliValue(): value × 1000, rounded away from zero. */
  milliValue(): number {
    return Number(this.scaledBig(-3));
  }

  asApproximateFloat64(): number {
    return Number(this.mantissa) * 10 ** this.scale;
  }

  private aligned(other: Quantity): [bigint, bigint, number] {
    const s = Math.min(this.scale, other.scale);
    return [this.mantissa * pow10(this.scale - s), other.mantissa * pow10(other.scale - s), s];
  }

  /** Quantity.Add — the receiver's format, or the other's when the receiver is zero (as in Go). */
  add(other: Quantity): Quantity {
    const [a, b, s] = this.aligned(other);
    const format = this.isZero() ? other.format : this.format;
    return new Quantity(a + b, s, format);
  }

  sub(other: Quantity): Quantity {
    const [a, b, s] = this.aligned(other);
    return new Quantity(a - b, s, this.format);
  }

  neg(): Quantity {
    return new Quantity(-this.mantissa, this.scale, this.format);
  }

  /** -1, 0, 1 like Quantity.Cmp */
  cmp(other: Quantity): number {
    const [a, b] = this.aligned(other);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** Quantity.String(): the canonical form (CanonicalizeBytes). */
  toString(): string {
    if (this.mantissa === 0n) return '0';
    let format = this.format;
    let integral: bigint | null = null;
    if (format === 'BinarySI') {
      const oneKi = 1024n * pow10(Math.max(0, -this.scale));
      // values in (-1024, 1024) are shown as DecimalSI "to avoid rounding and confusion"
      const v = this.scale >= 0 ? this.mantissa * pow10(this.scale) : this.mantissa;
      const small = this.scale >= 0 ? absBig(v) < 1024n : absBig(this.mantissa) < oneKi;
      if (small) {
        format = 'DecimalSI';
      } else {
        // AsScale(0) must be exact, or precision would be lost
        const unit = this.scale >= 0 ? 1n : pow10(-this.scale);
        if (this.mantissa % unit !== 0n) format = 'DecimalSI';
        else integral = this.scale >= 0 ? this.mantissa * pow10(this.scale) : this.mantissa / unit;
      }
    }
    if (format === 'BinarySI' && integral !== null) {
      let amount = integral;
      let times = 0;
      // removeInt64Factors(value, 1024)
      const neg = amount < 0n;
      if (neg) amount = -amount;
      while (amount >= 1024n && amount % 1024n === 0n) {
        amount /= 1024n;
        times++;
      }
      if (neg) amount = -amount;
      return amount.toString() + (BINARY_EXP_TO_SUFFIX[times * 10] ?? '');
    }
    // AsCanonicalBytes: move factors of ten into the exponent, then make it a multiple of 3
    let amount = this.mantissa;
    let exponent = this.scale;
    const neg = amount < 0n;
    if (neg) amount = -amount;
    while (amount >= 10n && amount % 10n === 0n) {
      amount /= 10n;
      exponent++;
    }
    while (((exponent % 3) + 3) % 3 !== 0) {
      amount *= 10n;
      exponent--;
    }
    if (neg) amount = -amount;
    let suffix: string;
    if (format === 'DecimalExponent') suffix = exponent === 0 ? '' : `e${exponent}`;
    else suffix = DECIMAL_EXP_TO_SUFFIX[exponent] ?? '';
    return amount.toString() + suffix;
  }

  toJSON(): string {
    return this.toString();
  }
}

interface Split {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString from quantity.go. */
function splitQuantity(str: string): Split {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // strip leading zeros
  for (;;) {
    if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
    if (str[pos] === '0') pos++;
    else break;
  }
  let num: string;
  let i = pos;
  while (i < end && str[i] >= '0' && str[i] <= '9') i++;
  num = str.slice(pos, i);
  pos = i;
  if (pos >= end) return { positive, num: num || '0', denom: '', suffix: '' };
  if (num.length === 0) num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    let j = pos;
    while (j < end && str[j] >= '0' && str[j] <= '9') j++;
    denom = str.slice(pos, j);
    pos = j;
    if (pos >= end) return { positive, num, denom, suffix: '' };
  }
  const suffixStart = pos;
  let k = pos;
  while (k < end && 'eEinumkKMGTP'.includes(str[k])) k++;
  if (k >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  pos = k;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  for (let m = pos; ; m++) {
    if (m >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
    if (str[m] < '0' || str[m] > '9') throw new QuantityError(ERR_FORMAT_WRONG);
  }
}

/** quantitySuffixer.interpret */
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | null {
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (Object.prototype.hasOwnProperty.call(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const rest = suffix.slice(1);
    if (/^[+-]?\d+$/.test(rest)) {
      const e = Number(rest);
      if (Number.isSafeInteger(e) && Math.abs(e) <= 2147483647) return { base: 10, exponent: e, format: 'DecimalExponent' };
    }
  }
  return null;
}

/** resource.ParseQuantity */
export function parseQuantity(str: string): Quantity {
  if (str.length === 0) throw new QuantityError(ERR_FORMAT_WRONG);
  if (str === '0') return Quantity.zero('DecimalSI');
  const { positive, num, denom, suffix } = splitQuantity(str);
  const interp = interpretSuffix(suffix);
  if (!interp) throw new QuantityError(ERR_SUFFIX);
  let mantissa = BigInt(num + denom);
  let scale = -denom.length;
  if (interp.base === 10) {
    scale += interp.exponent;
  } else {
    mantissa *= 1n << BigInt(interp.exponent);
  }
  // round anything finer than 1n up (away from zero), as ParseQuantity does
  if (scale < NANO) {
    mantissa = divAwayFromZero(mantissa, pow10(NANO - scale));
    scale = NANO;
  }
  // cap the magnitude at MaxInt64 (maxAllowed, scale 0)
  if (scale >= 0 ? mantissa * pow10(scale) > MAX_INT64 : mantissa > MAX_INT64 * pow10(-scale)) {
    mantissa = MAX_INT64;
    scale = 0;
  }
  if (!positive) mantissa = -mantissa;
  return new Quantity(mantissa, scale, interp.format);
}

/** resource.MustParse: throws `cannot parse '<str>': <reason>`. */
export function mustParseQuantity(str: string): Quantity {
  try {
    return parseQuantity(str);
  } catch (e) {
    throw new QuantityError(`cannot parse '${str}': ${(e as Error).message}`);
  }
}

/** Parse a quantity that may be missing; kubernetes-types carries quantities as strings (or numbers in YAML). */
export function quantityOf(q: string | number | undefined | null): Quantity | null {
  if (q === undefined || q === null) return null;
  return parseQuantity(typeof q === 'number' ? String(q) : q);
}
