/**
 * Flag parsing with spf13/pflag semantics (as cobra uses it for kubectl): `--name=value`,
 * `--name value`, `-n value`, `-nvalue`, `-n=value`, bool flags with optional `=false`, `--` ends
 * flags, and pflag's exact error texts.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  /** For bool flags given without a value (e.g. --dry-run alone means "unchanged"). */
  noOptDefault?: string;
  /** cobra MarkFlagRequired: checked after parsing, before the command runs (or contacts a server). */
  required?: boolean;
}

export class FlagError extends Error {}

export interface ParsedArgs {
  flags: Flags;
  args: string[];
  /** Position of `--` in args, or -1 (cobra's ArgsLenAtDash). */
  dashAt: number;
}

export class Flags {
  private values = new Map<string, unknown>();
  private changed = new Set<string>();
  readonly defs: Map<string, FlagDef>;

  constructor(defs: FlagDef[]) {
    this.defs = new Map(defs.map((d) => [d.name, d]));
    for (const d of defs) if (d.default !== undefined) this.values.set(d.name, Array.isArray(d.default) ? [...d.default] : d.default);
  }

  /** Every flag as given on the command line, in order, with its raw value (the --record change-cause). */
  readonly given: { name: string; raw: string }[] = [];

  set(name: string, raw: string): void {
    const d = this.defs.get(name)!;
    this.given.push({ name, raw });
    switch (d.type) {
      case 'bool': {
        const v = raw.toLowerCase();
        if (!['1', 't', 'true', '0', 'f', 'false'].includes(v) && raw !== 'TRUE' && raw !== 'FALSE' && raw !== 'True' && raw !== 'False') {
          throw new FlagError(`invalid argument "${raw}" for "${flagLabel(d)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        }
        this.values.set(name, ['1', 't', 'true'].includes(v));
        break;
      }
      case 'int': {
        if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${flagLabel(d)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        const n = Number(raw);
        if (!Number.isSafeInteger(n)) throw new FlagError(`invalid argument "${raw}" for "${flagLabel(d)}" flag: strconv.ParseInt: parsing "${raw}": value out of range`);
        this.values.set(name, n);
        break;
      }
      case 'stringArray': {
        const cur = this.changed.has(name) ? (this.values.get(name) as string[]) : [];
        this.values.set(name, [...cur, raw]);
        break;
      }
      case 'duration': {
        // time.ParseDuration's error, as pflag's DurationVar reports it.
        const e = goDurationError(raw);
        if (e) throw new FlagError(`invalid argument "${raw}" for "${flagLabel(d)}" flag: ${e}`);
        this.values.set(name, raw);
        break;
      }
      case 'stringSlice': {
        const cur = this.changed.has(name) ? (this.values.get(name) as string[]) : [];
        this.values.set(name, [...cur, ...(raw === '' ? [] : raw.split(','))]);
        break;
      }
      default:
        this.values.set(name, raw);
    }
    this.changed.add(name);
  }

  get<T = unknown>(name: string): T {
    return this.values.get(name) as T;
  }
  str(name: string): string {
    return (this.values.get(name) as string | undefined) ?? '';
  }
  bool(name: string): boolean {
    return !!this.values.get(name);
  }
  int(name: string): number {
    return (this.values.get(name) as number | undefined) ?? 0;
  }
  list(name: string): string[] {
    return (this.values.get(name) as string[] | undefined) ?? [];
  }
  isSet(name: string): boolean {
    return this.changed.has(name);
  }
}

/** time.ParseDuration's error for a malformed duration, or undefined when it parses. */
export function goDurationError(s: string): string | undefined {
  const q = JSON.stringify(s);
  let rest = s;
  if (rest.startsWith('-') || rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return undefined;
  if (rest === '') return `time: invalid duration ${q}`;
  const units = ['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'];
  while (rest.length) {
    const num = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (!num[0] || num[0] === '.') return `time: invalid duration ${q}`;
    rest = rest.slice(num[0].length);
    const u = /^[^\d.]*/.exec(rest)![0];
    if (!u) return `time: missing unit in duration ${q}`;
    if (!units.includes(u)) return `time: unknown unit ${JSON.stringify(u)} in duration ${q}`;
    rest = rest.slice(u.length);
  }
  return undefined;
}

function flagLabel(d: FlagDef): string {
  return d.short ? `-${d.short}, --${d.name}` : `--${d.name}`;
}

export function parseFlags(argv: string[], defs: FlagDef[], interspersed = true): ParsedArgs {
  const flags = new Flags(defs);
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const args: string[] = [];
  let dashAt = -1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      dashAt = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const d = flags.defs.get(name);
      if (!d) throw new FlagError(`unknown flag: --${name}`);
      if (eq > 0) flags.set(name, a.slice(eq + 1));
      else if (d.type === 'bool') flags.set(name, 'true');
      else if (d.noOptDefault !== undefined) flags.set(name, d.noOptDefault);
      else if (i + 1 < argv.length) flags.set(name, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      // A group of shorthands: -it, -n ns, -nns, -n=ns
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const d = byShort.get(c);
        if (!d) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (d.type === 'bool') {
          if (a[j + 1] === '=') {
            flags.set(d.name, a.slice(j + 2));
            break;
          }
          flags.set(d.name, 'true');
          continue;
        }
        if (a[j + 1] === '=') flags.set(d.name, a.slice(j + 2));
        else if (j + 1 < a.length) flags.set(d.name, a.slice(j + 1));
        else if (d.noOptDefault !== undefined) flags.set(d.name, d.noOptDefault);
        else if (i + 1 < argv.length) flags.set(d.name, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    if (!interspersed) {
      args.push(...argv.slice(i));
      break;
    }
    args.push(a);
  }
  return { flags, args, dashAt };
}
