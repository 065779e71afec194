/** kubectl get (k8s.io/kubectl/pkg/cmd/get): tables from the server-side printers, -o formats, -A, -l, --show-labels; -w/--watch-only in getwatch.ts. */
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { formatLabels } from '../../api/labels.ts';
import { toTable } from '../../apiserver/printers/printers.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { readFileTargets, targetsFromArgs, type Target } from '../builder.ts';
import { CmdError, renderError, usageError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { findResults, goQuote, jsonpathText, parseJSONPath } from '../jsonpath.ts';
import { parseQuantity, type Quantity } from '../../api/quantity.ts';
import { JSONPathError } from '../jsonpath-error.ts';
import { runWatch } from './getwatch.ts';
import { rawGet } from '../rawhttp.ts';
import { tabwrite } from '../tabwriter.ts';
import type { Command, KubectlContext } from '../types.ts';
import { FILENAME_FLAG, OUTPUT_FORMATS, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG, getObject, kindString, klogLine, listObjects, printFormatted, stripManaged } from './common.ts';

const GET_FORMATS = ['custom-columns', 'custom-columns-file', ...OUTPUT_FORMATS, 'wide'].sort();

export const get: Command = {
  name: 'get',
  flags: [
    ...PRINT_FLAGS,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'show-labels', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'stringSlice' },
    { name: 'sort-by', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
    { name: 'server-print', type: 'bool', default: true },
  ],
  run(ctx, args, flags) {
    const o = flags.str('output');
    if (o && !GET_FORMATS.includes(o.split('=')[0])) {
      throw new CmdError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${GET_FORMATS.join(',')}`);
    }
    const raw = flags.str('raw');
    if (raw) return getRaw(ctx, raw, args, flags);
    const all = flags.bool('all-namespaces');
    const ns = all ? undefined : ctx.namespace;
    const files = flags.list('filename');
    let types: ResourceInfo[] = [];
    let targets: Target[] = [];
    if (files.length) targets = readFileTargets(ctx, files, flags.bool('recursive')).map((t) => ({ ...t, namespace: t.info.namespaced ? (t.namespace ?? ctx.namespace) : undefined }));
    else {
      if (!args.length && !flags.bool('watch') && !flags.bool('watch-only')) {
        throw new CmdError('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples', 'raw');
      }
      ({ types, targets } = targetsFromArgs(args, ns ?? ctx.namespace));
      if (all && targets.length) throw usageError('a resource cannot be retrieved by name across all namespaces');
    }
    if (flags.bool('output-watch-events') && !flags.bool('watch') && !flags.bool('watch-only')) throw new CmdError('--output-watch-events option can only be used with --watch or --watch-only');
    if (flags.bool('watch') || flags.bool('watch-only')) return runWatch(ctx, flags, { types, targets, fromFiles: files.length > 0, namespace: ns, all });
    const selector = flags.str('selector');
    const fieldSelector = flags.str('field-selector');
    let status = 0;

    // Collect objects per resource type, in argument order.
    const groups: { info: ResourceInfo; objs: KubeObject[] }[] = [];
    const push = (info: ResourceInfo, o: KubeObject) => {
      let g = groups.find((x) => x.info === info);
      if (!g) groups.push((g = { info, objs: [] }));
      g.objs.push(o);
    };
    // ContinueOnError: a type whose list fails is reported after what the others printed.
    const errors: string[] = [];
    for (const info of types) {
      let objs: KubeObject[];
      try {
        objs = listObjects(ctx, info, info.namespaced ? ns : undefined, selector, fieldSelector);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(renderError(e, 'kubectl get'));
        status = 1;
        continue;
      }
      if (!groups.find((g) => g.info === info)) groups.push({ info, objs: [] });
      for (const obj of objs) push(info, obj);
    }
    for (const t of targets) {
      try {
        push(t.info, getObject(ctx, t.info, t.namespace, t.name ?? ''));
      } catch (e) {
        if (e instanceof ApiError && e.status.code === 404 && flags.bool('ignore-not-found')) continue;
        errors.push(renderError(e, 'kubectl get'));
        status = 1;
      }
    }
    // printGeneric makes its printer (CustomColumnsPrintFlags.ToPrinter parses the spec) before it
    // prints anything, so a bad spec is the error even when nothing was found.
    if (o.startsWith('custom-columns')) customColumnRows(o, []);
    const nonEmpty = groups.filter((g) => g.objs.length);
    const total = nonEmpty.reduce((n, g) => n + g.objs.length, 0);

    if (o && !o.startsWith('wide') && !o.startsWith('custom-columns')) {
      const objs = nonEmpty.flatMap((g) => g.objs).map((x) => (flags.bool('show-managed-fields') ? x : stripManaged(x)));
      sortObjects(ctx, objs, flags);
      const single = targets.length === 1 && !types.length && objs.length === 1;
      if (objs.length || !targets.length) printFormatted(ctx, objs, o, GET_FORMATS, !single);
      for (const e of errors) ctx.err(e);
      return status;
    }
    if (o.startsWith('custom-columns')) {
      // printGeneric: everything found is one list under one header (an empty list too, with no
      // "No resources found"), unless one named object was asked for and its error is returned instead.
      const objs = nonEmpty.flatMap((g) => g.objs);
      sortObjects(ctx, objs, flags);
      if (objs.length || !(targets.length === 1 && !types.length && errors.length)) ctx.out(customColumns(o, objs, flags.bool('no-headers')));
      for (const e of errors) ctx.err(e);
      return status;
    }
    if (!total) {
      for (const e of errors) ctx.err(e);
      if (!targets.length || errors.length === 0) {
        if (!errors.length) ctx.err(noResources(types, all, ctx.namespace));
      }
      return status;
    }
    // multipleGVKsRequested(infos): kinds are shown when what came back (an empty list too, but not a
    // type whose list failed) is of more than one kind.
    const showKind = flags.bool('show-kind') || groups.length > 1;
    let first = true;
    let written = false;
    for (const g of nonEmpty) {
      if (!sortObjects(ctx, g.objs, flags, true)) continue;
      written = true;
      // A blank line between the tables of several types, but not without headers (get.go).
      if (!first && !flags.bool('no-headers')) ctx.out('\n');
      first = false;
      ctx.out(printTable(ctx, g.info, g.objs, flags, all, showKind));
    }
    for (const e of errors) ctx.err(e);
    if (!written && !errors.length) ctx.err(noResources(types, all, ctx.namespace));
    return status;
  },
};

/** --raw: GetOptions Complete and Validate, then rawhttp.RawGet (kubectl pkg/cmd/get/get.go). */
function getRaw(ctx: KubectlContext, raw: string, args: string[], flags: Flags): number {
  if (args.length) throw new CmdError('arguments may not be passed when --raw is specified');
  if (flags.bool('watch') || flags.bool('watch-only') || flags.str('selector')) throw new CmdError('--raw may not be specified with other flags that filter the server request or alter the output');
  if (flags.str('output')) throw new CmdError('--raw and --output are mutually exclusive');
  // url.ParseRequestURI: an absolute path or an absolute URL.
  if (!raw.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw)) throw new CmdError(`--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
  ctx.out(rawGet(ctx, raw));
  return 0;
}

function noResources(types: ResourceInfo[], all: boolean, ns: string): string {
  const namespaced = types.length ? types.some((t) => t.namespaced) : true;
  if (all || !namespaced) return 'No resources found\n';
  return `No resources found in ${ns} namespace.\n`;
}

/**
 * --sort-by (kubectl get/sorter.go SortObjects / NewTableSorter): the template is parsed and run on
 * every object (missing keys allowed); at least one object must have the field. Errors are client-go's
 * bare messages. Returns false when the sort failed.
 */
export function sortObjects(ctx: KubectlContext, objs: KubeObject[], flags: Flags, table = false): boolean {
  const by = flags.str('sort-by');
  // A table of one row and an empty list are printed unsorted (SortingPrinter.PrintObj, sortObj).
  if (!by || objs.length < (table ? 2 : 1)) return true;
  const expr = relaxedJSONPath(by);
  const keys = new Map<KubeObject, unknown[]>();
  try {
    const root = parseJSONPath(expr);
    let found = false;
    for (const o of objs) {
      const results = findResults(root, o);
      if (results.length && results[0].length) found = true;
      keys.set(o, results[0] ?? []);
    }
    if (!found) throw new JSONPathError(`couldn't find any field with path ${goQuote(expr)} in the list of objects`);
  } catch (e) {
    if (!(e instanceof JSONPathError)) throw e;
    // A table's sort error is lost on the way (kubectl v1.33 prints nothing for that table and
    // ends on "No resources found" with status 0 — observed against the real binary); a list's is reported.
    if (table) return false;
    throw new CmdError(e.message);
  }
  // Less: an object without the field sorts first (even before another without it), then isLess on
  // the first result; a value isLess cannot order ends kubectl (klog.Exitf), naming the sorter's
  // parsed rows (TableSorter, line 375) or the object (RuntimeSort, line 329).
  const less = (a: KubeObject, b: KubeObject): boolean => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    if (!ka.length) return true;
    if (!kb.length) return false;
    const r = isLess(ka[0], kb[0]);
    if (typeof r === 'string') {
      const [what, where] = table ? ['[][][]reflect.Value', 'sorter.go:375'] : ['*unstructured.Unstructured', 'sorter.go:329'];
      throw new CmdError(klogLine(ctx, 'F', `Field ${expr} in ${what} is an unsortable type: interface, err: ${r}`, where), 'raw');
    }
    return r;
  };
  // sort.Sort is pdqsort, which sorts up to 12 elements by insertion; that is done here for any
  // length (the same order whenever Less is a strict order, and for short lists always).
  for (let i = 1; i < objs.length; i++) {
    for (let j = i; j > 0 && less(objs[j], objs[j - 1]); j--) [objs[j], objs[j - 1]] = [objs[j - 1], objs[j]];
  }
  return true;
}

/**
 * isLess (sorter.go) on two values of an unstructured object (each an interface{}): numbers of the
 * same Go type, strings as quantities when both parse and else byte-wise (kubernetes#124514 dropped
 * natural sorting), nil first. Anything else is the error text kubectl dies with.
 */
function isLess(a: unknown, b: unknown): boolean | string {
  if (a === null || a === undefined) return !(b === null || b === undefined);
  if (b === null || b === undefined) return false;
  if (typeof a === 'number') {
    // encoding/json into unstructured: int64 for integers, float64 otherwise
    if (typeof b === 'number' && Number.isInteger(a) === Number.isInteger(b)) return a < b;
    return 'unsortable interface: interface';
  }
  if (typeof a === 'string') {
    if (typeof b !== 'string') return 'unsortable interface: interface';
    const qa = quantityOrNull(a);
    const qb = qa && quantityOrNull(b);
    if (qa && qb) return qa.cmp(qb) < 0;
    return a < b;
  }
  if (typeof a === 'boolean') return 'unsortable type: bool';
  if (Array.isArray(a)) return 'unsortable type: []interface {}';
  return 'unsortable type: map[string]interface {}';
}

function quantityOrNull(s: string): Quantity | null {
  try {
    return parseQuantity(s);
  } catch {
    return null;
  }
}

/** RelaxedJSONPathExpression (kubectl get/customcolumn.go): `.a.b`, `a.b` or `{.a.b}` → `{.a.b}`. */
function relaxedJSONPath(p: string): string {
  if (p.startsWith('{')) return p;
  return `{${p.startsWith('.') ? p : '.' + p}}`;
}

/** HumanReadablePrinter over a server-side Table. */
export function printTable(ctx: KubectlContext, info: ResourceInfo, objs: KubeObject[], flags: Flags, allNamespaces: boolean, showKind: boolean): string {
  const { header, rows } = tableRows(info, objs, flags, allNamespaces, showKind, ctx.server.clock.now());
  return tabwrite(flags.bool('no-headers') ? rows : [header, ...rows]);
}

/** A string cell as the table printer writes it (tableprinter.go printRows): cut at the first line break, adding "...". */
export function escapeCell(s: string): string {
  const i = s.search(/[\f\n\r]/);
  return i >= 0 ? s.slice(0, i) + '...' : s;
}

/** The header and rows HumanReadablePrinter makes of a server-side Table computed at `now`. */
export function tableRows(info: ResourceInfo, objs: KubeObject[], flags: Flags, allNamespaces: boolean, showKind: boolean, now: number): { header: string[]; rows: string[][] } {
  const table = toTable(info, objs, now);
  const wide = flags.str('output') === 'wide';
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => wide || c.priority === 0);
  const header: string[] = [];
  if (allNamespaces && info.namespaced) header.push('NAMESPACE');
  header.push(...cols.map(({ c }) => c.name.toUpperCase()));
  const labelCols = flags.list('label-columns');
  header.push(...labelCols.map((l) => l.split('/').pop()!.toUpperCase()));
  if (flags.bool('show-labels')) header.push('LABELS');
  const rows: string[][] = [];
  for (const r of table.rows) {
    const row: string[] = [];
    if (allNamespaces && info.namespaced) row.push(r.object.metadata.namespace ?? '');
    for (const { c, i } of cols) {
      let v = typeof r.cells[i] === 'string' ? escapeCell(r.cells[i] as string) : String(r.cells[i]);
      if (showKind && c.format === 'name') v = `${kindString(info)}/${v}`;
      row.push(v);
    }
    for (const l of labelCols) row.push(r.object.metadata.labels?.[l] ?? '');
    if (flags.bool('show-labels')) {
      // labels.FormatLabels (printers/tableprinter.go appendLabelCells).
      row.push(formatLabels(r.object.metadata.labels) || '<none>');
    }
    rows.push(row);
  }
  return { header, rows };
}

function customColumns(o: string, objs: KubeObject[], noHeaders: boolean): string {
  const { header, rows, error } = customColumnRows(o, objs);
  const text = tabwrite(noHeaders ? rows : [header, ...rows]);
  // The header goes out before a column's template fails (CustomColumnsPrinter parses the
  // templates while printing each object): kubectl prints it, then the bare client-go error.
  if (error) throw new CmdError(`${text}error: ${error}\n`, 'raw');
  return text;
}

/** CustomColumnsPrinter: the header and one row per object for `-o custom-columns=SPEC`, up to a failing template's error. */
export function customColumnRows(o: string, objs: KubeObject[]): { header: string[]; rows: string[][]; error?: string } {
  const spec = o.startsWith('custom-columns=') ? o.slice('custom-columns='.length) : '';
  if (!spec) throw new CmdError('custom-columns format specified but no custom columns given');
  const cols = spec.split(',').map((c) => {
    const i = c.indexOf(':');
    if (i < 0) throw new CmdError(`unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
    const path = c.slice(i + 1);
    return { header: c.slice(0, i), expr: path.startsWith('{') ? path : `{${path.startsWith('.') ? path : '.' + path}}` };
  });
  const header = cols.map((c) => c.header);
  const rows: string[][] = [];
  try {
    const parsed = cols.map((c) => parseJSONPath(c.expr));
    for (const obj of objs) {
      rows.push(
        parsed.map((root) => {
          const v = jsonpathText(root, obj);
          return v === '' ? '<none>' : v;
        }),
      );
    }
  } catch (e) {
    if (e instanceof JSONPathError) return { header, rows, error: e.message };
    throw e;
  }
  return { header, rows };
}
