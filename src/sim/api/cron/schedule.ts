/**
 * Cron schedules as kube-apiserver and kube-controller-manager read them: github.com/robfig/cron/v3
 * v3.0.1 `ParseStandard` (parser.go: Minute | Hour | Dom | Month | Dow | Descriptor, with the optional
 * `TZ=`/`CRON_TZ=` prefix) and `SpecSchedule.Next` (spec.go), `ConstantDelaySchedule` (@every,
 * constantdelay.go), and Go's `time.LoadLocation` / `time.ParseDuration` errors that reach the user.
 *
 * The error texts are robfig's own; ValidateCronJob puts them after `spec.schedule: Invalid value: "…": `.
 * kube-controller-manager runs in a container without /etc/localtime, so `time.Local` is UTC.
 */

/** Go's zero time.Time (0001-01-01T00:00:00Z) in Unix milliseconds: what Next returns when nothing matches. */
export const ZERO_TIME = -62135596800000;

export interface Schedule {
  /** The first activation strictly after `ms` (whole seconds), or ZERO_TIME when none within five years. */
  next(ms: number): number;
}

export class ScheduleError extends Error {}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const SECONDS: Bounds = { min: 0, max: 59 };
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** One field's bits (values 0..63) and robfig's starBit (the field was `*` or `?`, step 1). */
interface Field {
  bits: boolean[];
  star: boolean;
}

function emptyField(): Field {
  return { bits: new Array(64).fill(false), star: false };
}

function setBits(f: Field, min: number, max: number, step: number): void {
  for (let i = min; i <= max; i += step) f.bits[i] = true;
}

/** strconv.Atoi: optional sign, decimal digits; its two error texts. */
function atoi(s: string): number {
  const m = /^[+-]?\d+$/.exec(s);
  if (!m) throw new ScheduleError(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 9223372036854775807) throw new ScheduleError(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`);
  return n;
}

/** Go's %q for the plain strings a schedule holds. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** mustParseInt. */
function mustParseInt(expr: string): number {
  let num: number;
  try {
    num = atoi(expr);
  } catch (e) {
    throw new ScheduleError(`failed to parse int from ${expr}: ${(e as Error).message}`);
  }
  if (num < 0) throw new ScheduleError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  if (names) {
    const n = names[expr.toLowerCase()];
    if (n !== undefined && Object.hasOwn(names, expr.toLowerCase())) return n;
  }
  return mustParseInt(expr);
}

/** getRange: `number | number "-" number [ "/" number ]`, or `*` / `?`. */
function getRange(expr: string, r: Bounds, into: Field): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let step: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new ScheduleError(`too many hyphens: ${expr}`);
  }
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (singleDigit) end = r.max;
    if (step > 1) star = false;
  } else throw new ScheduleError(`too many slashes: ${expr}`);
  if (start < r.min) throw new ScheduleError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new ScheduleError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new ScheduleError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new ScheduleError(`step of range should be a positive number: ${expr}`);
  setBits(into, start, end, step);
  if (star) into.star = true;
}

/** getField: a comma-separated list of ranges (empty pieces are skipped, as strings.FieldsFunc does). */
function getField(field: string, r: Bounds): Field {
  const f = emptyField();
  for (const expr of field.split(',')) if (expr !== '') getRange(expr, r, f);
  return f;
}

function allField(r: Bounds): Field {
  const f = emptyField();
  setBits(f, r.min, r.max, 1);
  f.star = true;
  return f;
}

function oneField(v: number): Field {
  const f = emptyField();
  f.bits[v] = true;
  return f;
}

// ---- time zones -------------------------------------------------------------------------------

/** A location: UTC (also kube-controller-manager's Local), or an IANA zone read through Intl. */
export interface Location {
  name: string;
  /** Wall-clock time of an instant, as milliseconds of a UTC date with the same fields. */
  toWall(ms: number): number;
  /** The instant a wall-clock time names (time.Date normalises a skipped or repeated hour likewise). */
  fromWall(wall: number): number;
}

const UTC: Location = { name: 'UTC', toWall: (ms) => ms, fromWall: (w) => w };
const zones = new Map<string, Location>();

function intlZone(name: string): Location | undefined {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    return undefined;
  }
  // Go reads zoneinfo by exact name: `asia/seoul` is unknown even though ICU accepts it.
  const resolved = fmt.resolvedOptions().timeZone;
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return undefined;
  const toWall = (ms: number) => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const sec = Math.floor(ms / 1000) * 1000;
    const d = new Date(0);
    d.setUTCFullYear(p.year, p.month - 1, p.day);
    d.setUTCHours(p.hour, p.minute, p.second, 0);
    return d.getTime() + (ms - sec);
  };
  return {
    name,
    toWall,
    fromWall(wall) {
      const guess = wall - (toWall(wall) - wall);
      return wall - (toWall(guess) - guess);
    },
  };
}

/**
 * time.LoadLocation: "" and "UTC" are UTC, "Local" is the process's zone (UTC in kube-controller-manager);
 * other names are IANA zones. Throws with Go's error text.
 */
export function loadLocation(name: string): Location {
  if (name === '' || name === 'UTC' || name === 'Local') return UTC;
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) throw new ScheduleError('time: invalid location name');
  let z = zones.get(name);
  if (!z) {
    z = intlZone(name);
    if (!z) throw new ScheduleError(`unknown time zone ${name}`);
    zones.set(name, z);
  }
  return z;
}

// ---- schedules ----------------------------------------------------------------------------------

class SpecSchedule implements Schedule {
  second: Field;
  minute: Field;
  hour: Field;
  dom: Field;
  month: Field;
  dow: Field;
  loc: Location;

  constructor(f: { second: Field; minute: Field; hour: Field; dom: Field; month: Field; dow: Field }, loc: Location) {
    this.second = f.second;
    this.minute = f.minute;
    this.hour = f.hour;
    this.dom = f.dom;
    this.month = f.month;
    this.dow = f.dow;
    this.loc = loc;
  }

  /** dayMatches: with a `*` in either day field both must match, otherwise either. */
  private dayMatches(d: Date): boolean {
    const domMatch = this.dom.bits[d.getUTCDate()];
    const dowMatch = this.dow.bits[d.getUTCDay()];
    if (this.dom.star || this.dow.star) return domMatch && dowMatch;
    return domMatch || dowMatch;
  }

  /** SpecSchedule.Next, on wall-clock fields in the schedule's location. */
  next(ms: number): number {
    const loc = this.loc;
    // Start at the earliest possible time (the upcoming second).
    let w = Math.floor(loc.toWall(ms) / 1000) * 1000 + 1000;
    const d = () => new Date(w);
    const date = (y: number, mo: number, day: number, h = 0, mi = 0) => {
      const x = new Date(0);
      x.setUTCFullYear(y, mo, day);
      x.setUTCHours(h, mi, 0, 0);
      return x.getTime();
    };
    let added = false;
    const yearLimit = d().getUTCFullYear() + 5;
    wrap: for (;;) {
      if (d().getUTCFullYear() > yearLimit) return ZERO_TIME;
      while (!this.month.bits[d().getUTCMonth() + 1]) {
        if (!added) {
          added = true;
          w = date(d().getUTCFullYear(), d().getUTCMonth(), 1);
        }
        const x = d();
        w = date(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate(), x.getUTCHours(), x.getUTCMinutes()) + x.getUTCSeconds() * 1000;
        if (d().getUTCMonth() === 0) continue wrap;
      }
      while (!this.dayMatches(d())) {
        if (!added) {
          added = true;
          w = date(d().getUTCFullYear(), d().getUTCMonth(), d().getUTCDate());
        }
        const x = d();
        w = date(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate() + 1, x.getUTCHours(), x.getUTCMinutes()) + x.getUTCSeconds() * 1000;
        if (d().getUTCDate() === 1) continue wrap;
      }
      while (!this.hour.bits[d().getUTCHours()]) {
        if (!added) {
          added = true;
          w = Math.floor(w / 3_600_000) * 3_600_000;
        }
        w += 3_600_000;
        if (d().getUTCHours() === 0) continue wrap;
      }
      while (!this.minute.bits[d().getUTCMinutes()]) {
        if (!added) {
          added = true;
          w = Math.floor(w / 60_000) * 60_000;
        }
        w += 60_000;
        if (d().getUTCMinutes() === 0) continue wrap;
      }
      while (!this.second.bits[d().getUTCSeconds()]) {
        if (!added) {
          added = true;
          w = Math.floor(w / 1000) * 1000;
        }
        w += 1000;
        if (d().getUTCSeconds() === 0) continue wrap;
      }
      return loc.fromWall(w);
    }
  }
}

/** ConstantDelaySchedule (@every): whole seconds, at least one. */
class ConstantDelaySchedule implements Schedule {
  delayMs: number;
  constructor(delayMs: number) {
    this.delayMs = delayMs;
  }
  next(ms: number): number {
    return ms + this.delayMs - (((ms % 1000) + 1000) % 1000);
  }
}

/** time.ParseDuration, to whole milliseconds, with Go's error texts. */
export function goParseDuration(s: string): number {
  const orig = s;
  const bad = () => new ScheduleError(`time: invalid duration ${goQuote(orig)}`);
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw bad();
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(\.(\d*))?/.exec(s)!;
    const intPart = m[1];
    const frac = m[3] ?? '';
    if (intPart === '' && frac === '') throw bad();
    s = s.slice(m[0].length);
    const u = /^[^\d.]*/.exec(s)![0];
    if (u === '') throw new ScheduleError(`time: missing unit in duration ${goQuote(orig)}`);
    if (!(u in units)) throw new ScheduleError(`time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`);
    s = s.slice(u.length);
    total += Number(`${intPart || '0'}.${frac || '0'}`) * units[u];
  }
  return neg ? -total : total;
}

function parseDescriptor(descriptor: string, loc: Location): Schedule {
  const z = (b: Bounds) => oneField(b.min);
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return new SpecSchedule({ second: z(SECONDS), minute: z(MINUTES), hour: z(HOURS), dom: z(DOM), month: z(MONTHS), dow: allField(DOW) }, loc);
    case '@monthly':
      return new SpecSchedule({ second: z(SECONDS), minute: z(MINUTES), hour: z(HOURS), dom: z(DOM), month: allField(MONTHS), dow: allField(DOW) }, loc);
    case '@weekly':
      return new SpecSchedule({ second: z(SECONDS), minute: z(MINUTES), hour: z(HOURS), dom: allField(DOM), month: allField(MONTHS), dow: z(DOW) }, loc);
    case '@daily':
    case '@midnight':
      return new SpecSchedule({ second: z(SECONDS), minute: z(MINUTES), hour: z(HOURS), dom: allField(DOM), month: allField(MONTHS), dow: allField(DOW) }, loc);
    case '@hourly':
      return new SpecSchedule({ second: z(SECONDS), minute: z(MINUTES), hour: allField(HOURS), dom: allField(DOM), month: allField(MONTHS), dow: allField(DOW) }, loc);
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    let d: number;
    try {
      d = goParseDuration(descriptor.slice(every.length));
    } catch (e) {
      throw new ScheduleError(`failed to parse duration ${descriptor}: ${(e as Error).message}`);
    }
    // Every: at least a second, rounded down to whole seconds.
    if (d < 1000) d = 1000;
    return new ConstantDelaySchedule(d - (d % 1000));
  }
  throw new ScheduleError(`unrecognized descriptor: ${descriptor}`);
}

/** Go's %s of a []string: `[a b c]`. */
function goStrings(a: string[]): string {
  return `[${a.join(' ')}]`;
}

/**
 * cron.ParseStandard: five fields (minute hour dom month dow) or a descriptor, optionally prefixed by
 * `TZ=<zone> ` or `CRON_TZ=<zone> `. Throws ScheduleError with robfig's message.
 */
export function parseStandard(spec: string): Schedule {
  if (spec.length === 0) throw new ScheduleError('empty spec string');
  let loc = UTC;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    const name = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
    try {
      loc = loadLocation(name);
    } catch (e) {
      throw new ScheduleError(`provided bad location ${name}: ${(e as Error).message}`);
    }
    spec = i < 0 ? '' : spec.slice(i).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, loc);
  const fields = spec.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) throw new ScheduleError(`expected exactly 5 fields, found ${fields.length}: ${goStrings(fields)}`);
  // Fields are parsed in order; the first error wins.
  const second = getField('0', SECONDS);
  const minute = getField(fields[0], MINUTES);
  const hour = getField(fields[1], HOURS);
  const dom = getField(fields[2], DOM);
  const month = getField(fields[3], MONTHS);
  const dow = getField(fields[4], DOW);
  return new SpecSchedule({ second, minute, hour, dom, month, dow }, loc);
}
