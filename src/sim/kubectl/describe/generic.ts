/**
 * The generic describer kubectl falls back to for kinds without a describer of their own (events,
 * leases, …): genericDescriber, printUnstructuredContent and smartLabelFor from
 * k8s.io/kubectl/pkg/describe/describe.go (v1.35), with github.com/fatih/camelcase Split.
 */
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import type { DescribeClient } from './client.ts';
import { LEVEL_0, newPrefixWriter, type PrefixWriter } from './prefixwriter.ts';
import { tabbedString } from './tabwriter.ts';
import { describeEvents, type DescriberSettings, printAnnotationsMultiline, printLabelsMultiline, refOf, searchEvents } from './util.ts';

function charClass(r: string): number {
  if (r !== r.toUpperCase() && r === r.toLowerCase()) return 1; // lower
  if (r !== r.toLowerCase() && r === r.toUpperCase()) return 2; // upper
  if (/\p{Nd}/u.test(r)) return 3; // digit
  return 4;
}

const isUpper = (r: string) => charClass(r) === 2;
const isLower = (r: string) => charClass(r) === 1;

/** camelcase.Split: "apiVersion" → ["api", "Version"], "PDFLoader" → ["PDF", "Loader"]. */
export function camelcaseSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const r of src) {
    const c = charClass(r);
    if (c === last) runs[runs.length - 1].push(r);
    else runs.push([r]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (isUpper(runs[i][0]) && isLower(runs[i + 1][0])) {
      runs[i + 1] = [runs[i][runs[i].length - 1], ...runs[i + 1]];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const COMMON_ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: "apiVersion" → "API Version"; names with characters other than letters and '-' as is. */
export function smartLabelFor(field: string): string {
  for (const r of field) if (!/\p{L}/u.test(r) && r !== '-') return field;
  const out: string[] = [];
  for (let part of camelcaseSplit(field)) {
    if (part === '_') continue;
    if (COMMON_ACRONYMS.includes(part.toUpperCase())) part = part.toUpperCase();
    else part = part.charAt(0).toUpperCase() + part.slice(1); // strings.Title of one word
    out.push(part);
  }
  return out.join(' ');
}

/** fmt's %v of a JSON scalar as the unstructured decoder types it (int64, float64, bool, string, nil). */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return String(v);
    // %v of a float64 is %g: a two-digit exponent at least ("1e-07", "1e+21").
    return String(v).replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(v);
}

/** Go's sort.Strings order (byte-wise). */
function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: string[]): void {
  const fields = Object.keys(content).sort(byteCompare);
  for (const field of fields) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr, skip);
        else w.write(level + 1, `${Array.isArray(child) ? `[${child.map(goValue).join(' ')}]` : goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGenericByName(client: DescribeClient, info: ResourceInfo, namespace: string | undefined, name: string, settings: DescriberSettings): string {
  const obj = client.get(info, info.namespaced ? namespace : undefined, name);
  const ev = settings.showEvents ? searchEvents(client, refOf(obj)) : undefined;
  return describeGeneric(obj, ev, client.now());
}

export function describeGeneric(obj: KubeObject, ev: KubeObject[] | undefined, nowMs: number): string {
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
    if (ev) describeEvents(ev, w, nowMs);
  });
}
