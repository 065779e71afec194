// `kubectl taint` on the client side (kubectl pkg/cmd/taint/taint.go Complete/Validate/
// updateTaints and pkg/cmd/taint/utils.go parseTaints/parseTaint/reorganizeTaints):
// argument splitting, taint spec parsing and validation with kubectl's messages, and the new
// taint list with the operation word (`tainted`, `untainted`, `modified`).
//
// Checked against kubectl v1.33.1 (testdata/taint.json): usage errors print as
// `error: <msg>\nSee 'kubectl taint -h' for help and examples` — lowercase `error:`.

import { isQualifiedName, isValidLabelValue } from '../../api/labels.ts';

export interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

export const MODIFIED = 'modified';
export const TAINTED = 'tainted';
export const UNTAINTED = 'untainted';
export type TaintOperation = typeof MODIFIED | typeof TAINTED | typeof UNTAINTED;

/** An error as kubectl prints it (see formatTaintError). */
export interface TaintError {
  ok: false;
  error: string;
  /** printed with `\nSee 'kubectl taint -h' for help and examples` (cmdutil.UsageErrorf) */
  usage?: boolean;
  /** printed without the `error: ` prefix (REST mapper misses) */
  bare?: boolean;
}

const USAGE = 'kubectl taint';

function err(error: string, usage = false): TaintError {
  return usage ? { ok: false, error, usage } : { ok: false, error };
}

/** The stderr text cmdutil.CheckErr prints for a TaintError. */
export function formatTaintError(e: TaintError): string {
  if (e.bare) return `${e.error}\n`;
  if (e.usage) return `error: ${e.error}\nSee '${USAGE} -h' for help and examples\n`;
  return `error: ${e.error}\n`;
}

/** corev1.Taint.ToString */
export function taintToString(t: Taint): string {
  const value = t.value ?? '';
  const effect = t.effect ?? '';
  if (effect.length === 0) return value.length === 0 ? t.key : `${t.key}=${value}:`;
  return value.length === 0 ? `${t.key}:${effect}` : `${t.key}=${value}:${effect}`;
}

/** Go's %v of a corev1.Taint: `{key value effect <nil>}`. */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect ?? ''} ${t.timeAdded ? t.timeAdded : '<nil>'}}`;
}

function validateTaintEffect(effect: string): string | null {
  if (effect !== 'NoSchedule' && effect !== 'PreferNoSchedule' && effect !== 'NoExecute') {
    return `invalid taint effect: ${effect}, unsupported taint effect`;
  }
  return null;
}

/** utils.go parseTaint: `<key>=<value>:<effect>`, `<key>:<effect>` or `<key>`. */
export function parseTaint(st: string): Taint | string {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0];
  } else if (parts.length === 2) {
    effect = parts[1];
    const bad = validateTaintEffect(effect);
    if (bad) return bad;
    const kv = parts[0].split('=');
    if (kv.length > 2) return `invalid taint spec: ${st}`;
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length > 0) return `invalid taint spec: ${st}, ${errs.join('; ')}`;
    }
  } else {
    return `invalid taint spec: ${st}`;
  }
  const errs = isQualifiedName(key);
  if (errs.length > 0) return `invalid taint spec: ${st}, ${errs.join('; ')}`;
  const t: Taint = { key };
  if (value) t.value = value;
  if (effect) t.effect = effect;
  return t;
}

/** utils.go parseTaints: specs ending in `-` are removals. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } | string {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const unique = new Map<string, Set<string>>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      if (typeof t === 'string') return t;
      const r: Taint = { key: t.key };
      if (t.effect) r.effect = t.effect;
      remove.push(r);
    } else {
      const t = parseTaint(spec);
      if (typeof t === 'string') return t;
      if (!t.effect) return `invalid taint spec: ${spec}`;
      const keys = unique.get(t.effect) ?? new Set<string>();
      if (keys.has(t.key)) return `duplicated taints with the same key and effect: ${goTaint(t)}`;
      keys.add(t.key);
      unique.set(t.effect, keys);
      add.push(t);
    }
  }
  return { add, remove };
}

export interface TaintArgs {
  ok: true;
  /** `nodes node1 node2` (resource type, then names) */
  resources: string[];
  add: Taint[];
  remove: Taint[];
}

/** taint.go Complete: resources first, then taint changes (anything with `=`, `:` or a trailing `-`). */
export function parseTaintArgs(args: string[]): TaintArgs | TaintError {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  let met = false;
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) {
      met = true;
      taintArgs.push(s);
    } else if (!met) {
      resources.push(s);
    } else {
      return err(`all resources must be specified before taint changes: ${s}`);
    }
  }
  if (resources.length < 1) return err('one or more resources must be specified as <resource> <name>');
  if (taintArgs.length < 1) return err('at least one taint update is required');
  const parsed = parseTaints(taintArgs);
  if (typeof parsed === 'string') return err(parsed, true);
  return { ok: true, resources, add: parsed.add, remove: parsed.remove };
}

/** The REST mapper's KindFor on the resource argument (`nodes` → Node). */
export type KindFor = (resource: string) => { kind: string } | { error: string };

export interface TaintValidateOptions {
  all?: boolean;
  /** -l / --selector */
  selector?: string;
  kindFor: KindFor;
}

/** taint.go Validate (resource kind, add/remove conflicts) and validateFlags. */
export function validateTaintArgs(a: TaintArgs, o: TaintValidateOptions): TaintError | null {
  const resourceType = a.resources[0].toLowerCase();
  const k = o.kindFor(resourceType);
  if ('error' in k) return { ok: false, error: k.error, bare: k.error.startsWith("the server doesn't have") };
  if (k.kind !== 'Node') return err(`invalid resource type ${resourceType}, only node types are supported`);
  const conflicts: string[] = [];
  for (const ta of a.add) {
    for (const tr of a.remove) {
      if (ta.key !== tr.key) continue;
      if (!tr.effect || ta.effect === tr.effect) conflicts.push(`${tr.key}=${tr.effect ?? ''}`);
    }
  }
  if (conflicts.length > 0) {
    return err(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  }
  if (o.all && o.selector) return err("setting 'all' parameter with a non empty selector is prohibited");
  if (!o.all && !o.selector && a.resources.length < 2) {
    return err("at least one resource name must be specified since 'all' parameter is not set");
  }
  return null;
}

const matchTaint = (a: Taint, b: Taint): boolean => a.key === b.key && (a.effect ?? '') === (b.effect ?? '');

/** utils.go reorganizeTaints (with its quirk: `deleted` reflects only the last removal). */
export function reorganizeTaints(
  oldTaints: Taint[],
  overwrite: boolean,
  add: Taint[],
  remove: Taint[],
): { operation: TaintOperation; taints: Taint[]; errors: string[] } {
  let taints = add.map((t) => ({ ...t }));
  for (const old of oldTaints) if (!taints.some((t) => matchTaint(t, old))) taints.push({ ...old });
  const added = oldTaints.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = r.effect ? taints.filter((t) => !matchTaint(r, t)) : taints.filter((t) => t.key !== r.key);
    removed = taints.length !== before;
    if (!removed) errors.push(`taint ${JSON.stringify(taintToString(r))} not found`);
  }
  const operation = (added && removed) || overwrite ? MODIFIED : added ? TAINTED : UNTAINTED;
  return { operation, taints, errors };
}

export interface NodeLike {
  metadata?: { name?: string };
  spec?: { taints?: Taint[] | null };
}

/**
 * taint.go updateTaints for one node: the `already has … taint(s)` check (unless --overwrite),
 * then reorganizeTaints. Errors are kubectl's (`taint "x" not found`, aggregated `[…, …]`).
 */
export function updateNodeTaints(
  node: NodeLike,
  add: Taint[],
  remove: Taint[],
  overwrite = false,
): { ok: true; operation: TaintOperation; taints: Taint[] } | TaintError {
  const old = node.spec?.taints ?? [];
  if (!overwrite) {
    const existing: string[] = [];
    for (const t of add) for (const o of old) if (t.key === o.key && (t.effect ?? '') === (o.effect ?? '')) existing.push(t.key);
    if (existing.length > 0) {
      return err(`node ${node.metadata?.name ?? ''} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`);
    }
  }
  const r = reorganizeTaints(old, overwrite, add, remove);
  if (r.errors.length > 0) return err(r.errors.length === 1 ? r.errors[0] : `[${r.errors.join(', ')}]`);
  return { ok: true, operation: r.operation, taints: r.taints };
}
