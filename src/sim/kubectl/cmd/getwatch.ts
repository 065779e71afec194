/**
 * kubectl get --watch / -w, --watch-only, --output-watch-events (kubectl pkg/cmd/get/get.go `watch()`,
 * cli-runtime pkg/resource/result.go `Watch`, pkg/printers tableprinter.go/tabwriter.go).
 *
 * What is printed (each checked with real kubectl v1.33 against `kubesim serve`):
 * - the initial list (or the one named object), unless --watch-only; with --output-watch-events each
 *   listed object as an ADDED event; an empty list prints nothing (no "No resources found");
 * - then one row (or document) for every watch event of the listed objects — ADDED, MODIFIED, DELETED,
 *   even when the printed row did not change. A named object's watch starts with a synthetic ADDED,
 *   which kubectl suppresses. Selectors are applied to the old and the new object, as the API server's
 *   watch cache does (cacher.go): an object that stops matching comes as DELETED, one that starts
 *   matching as ADDED;
 * - tables: the header once, with the first table that has rows (never with --no-headers); `EVENT`
 *   first with --output-watch-events (its cells padded to 8, tableprinter.go formatEventType), then
 *   `NAMESPACE` with -A; one tabwriter for the whole watch
 *   that remembers column widths across flushes (liggitt/tabwriter RememberWidths), so rows stay
 *   under the header and a wider cell widens its column from then on; AGE and the other cells are
 *   computed when the event happened (the server converts each event to a Table as it sends it);
 * - -o name: `kind/name` per event (also with --output-watch-events); -o json: each object indented
 *   (an event: `{"type":…,"object":…}` compact on one line, managedFields included); -o yaml: one
 *   YAMLPrinter, so `---` before every document but the first (an event: `object:` … `type:`);
 *   -o jsonpath / custom-columns: per object, custom-columns' header once.
 * Errors: `pods,svc` or `all` → `you may only specify a single resource type` (builder
 * SingleResourceType); several names → the list, then `you may only watch a single resource or type of
 * resource at a time`; -f with several objects of one kind → the list, then `watch is only supported on
 * individual resources and resource collections - N resources were found`; -f with several kinds →
 * `… - more than 1 resource was found`; --sort-by → a warning, the list sorted, events not.
 *
 * Time. The shell is synchronous and time is simulated, so a watch lets simulated time pass and prints
 * the events of that span when it ends:
 * - with `--request-timeout=D` (D > 0) it follows the cluster for D and ends as real kubectl does when
 *   its client times out the stream: nothing more printed, exit status 0;
 * - without it real kubectl runs until Ctrl+C. Here it follows the cluster in 1s steps until
 *   UNBOUNDED_QUIET_MS (60s) have passed without an event for this watch, or UNBOUNDED_CAP_MS (5m) in
 *   all, and then ends as if Ctrl+C was pressed: the terminal's `^C` echo and kubectl's exit status
 *   on SIGINT, 1 (kubectl pkg/util/interrupt: os.Exit(1) after the cancel). Learners who want to see a
 *   later change (an eviction 5 minutes after a node fails) give --request-timeout.
 */
import { MISSING_RESOURCE } from './visit.ts';
import type { KubeObject } from '../../api/object.ts';
import { storagePrefix, type ResourceInfo } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { fieldSelectorMatcher, labelSelectorMatcher } from '../../apiserver/selectors.ts';
import type { StoreEvent } from '../../store/store.ts';
import type { Target } from '../builder.ts';
import { CmdError, renderError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { jsonpath } from '../jsonpath.ts';
import { marshalJSON, printJSON } from '../printers/json.ts';
import { nameLine } from '../printers/name.ts';
import { printYAML } from '../printers/yaml.ts';
import { TabWriter } from '../tabwriter.ts';
import type { KubectlContext } from '../types.ts';
import { getObject, listObjects, stripManaged } from './common.ts';
import { customColumnRows, sortObjects, tableRows } from './get.ts';
import { parseGoDuration } from './podsfor.ts';

export const UNBOUNDED_STEP_MS = 1000;
export const UNBOUNDED_QUIET_MS = 60_000;
export const UNBOUNDED_CAP_MS = 300_000;

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';


/** --request-timeout as client-go reads it: a bare integer is seconds, else a Go duration; 0 = none. */
export function requestTimeoutMs(v: string): number | undefined {
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const ms = parseGoDuration(v);
  return ms === undefined || ms < 0 ? undefined : ms;
}

/**
 * How long a watch follows the cluster (shared with the differential harness, which steps the same
 * way while real kubectl waits): `D` with --request-timeout=D, else the unbounded rule above.
 * `step(ms)` lets time pass and returns how many events the watch received meanwhile. `ended` (kubectl
 * logs -f) says the stream was closed by the server: following stops there, without Ctrl+C; with it,
 * a request timeout passes in UNBOUNDED_STEP_MS steps, so the stream ends when it ends.
 */
export function followWatch(timeoutMs: number, step: (ms: number) => number, ended?: () => boolean): { interrupted: boolean } {
  if (ended?.()) return { interrupted: false };
  if (timeoutMs > 0) {
    if (!ended) {
      step(timeoutMs);
      return { interrupted: false };
    }
    for (let elapsed = 0; elapsed < timeoutMs && !ended(); ) {
      const ms = Math.min(UNBOUNDED_STEP_MS, timeoutMs - elapsed);
      step(ms);
      elapsed += ms;
    }
    return { interrupted: false };
  }
  let elapsed = 0;
  let quiet = 0;
  while (elapsed < UNBOUNDED_CAP_MS && quiet < UNBOUNDED_QUIET_MS) {
    const n = step(UNBOUNDED_STEP_MS);
    if (ended?.()) return { interrupted: false };
    elapsed += UNBOUNDED_STEP_MS;
    quiet = n > 0 ? 0 : quiet + UNBOUNDED_STEP_MS;
  }
  return { interrupted: true };
}

/** The events a watch on `prefix` with these selectors sees for one store change (cacher.go filterWithAttrsFunction). */
export function watchEventFor(ev: StoreEvent, info: ResourceInfo, prefix: string, match: (o: KubeObject) => boolean): { type: EventType; obj: KubeObject } | undefined {
  if (!ev.key.startsWith(prefix)) return undefined;
  const value = ev.value as KubeObject;
  if (!value || value.kind !== info.kind) return undefined;
  const rv = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: String(ev.revision) } });
  if (ev.type === 'DELETED') return match(value) ? { type: 'DELETED', obj: rv(value) } : undefined;
  const now = match(value);
  const prev = ev.prev as KubeObject | undefined;
  const before = ev.type === 'MODIFIED' && prev ? match(prev) : false;
  if (now && (ev.type === 'ADDED' || before)) return { type: ev.type, obj: value };
  if (now) return { type: 'ADDED', obj: value };
  if (before) return { type: 'DELETED', obj: rv(prev!) };
  return undefined;
}

/** One printer for the whole watch, as get.go's ToPrinter + one tabwriter. */
class WatchPrinter {
  private readonly tw = new TabWriter();
  private printedHeader = false;
  private docs = 0;
  private readonly ctx: KubectlContext;
  private readonly info: ResourceInfo;
  private readonly flags: Flags;
  private readonly all: boolean;
  private readonly o: string;
  private readonly events: boolean;

  constructor(ctx: KubectlContext, info: ResourceInfo, flags: Flags, all: boolean) {
    this.ctx = ctx;
    this.info = info;
    this.flags = flags;
    this.all = all;
    this.o = flags.str('output');
    this.events = flags.bool('output-watch-events');
  }

  /** PrintObj for each object, then one Flush (the initial list is one batch, each event another). */
  print(objs: KubeObject[], type: EventType, at: number): void {
    const o = this.o;
    const fmt = o.split('=')[0];
    if (!o || o === 'wide' || fmt.startsWith('custom-columns')) {
      if (!objs.length) return;
      const custom = fmt.startsWith('custom-columns');
      const { header, rows, error } = custom ? customColumnRows(o, objs) : { ...tableRows(this.info, objs, this.flags, this.all, false, at), error: undefined };
      if (!custom && this.events) {
        header.unshift('EVENT');
        for (const r of rows) r.unshift(type.padEnd(8));
      }
      const lines = this.printedHeader || this.flags.bool('no-headers') ? rows : [header, ...rows];
      if (rows.length || error) this.printedHeader = true;
      this.ctx.out(this.tw.write(lines));
      if (error) throw new CmdError(error);
      return;
    }
    for (const obj of objs) this.printOne(obj, type, fmt);
  }

  private printOne(obj: KubeObject, type: EventType, fmt: string): void {
    const o = this.o;
    const shown = this.flags.bool('show-managed-fields') || this.events ? obj : stripManaged(obj);
    switch (fmt) {
      case 'name':
        this.ctx.out(nameLine(obj as never, ''));
        return;
      case 'json':
        this.ctx.out(this.events ? marshalJSON({ type, object: shown }) + '\n' : printJSON(shown));
        return;
      case 'yaml':
        this.ctx.out((this.docs++ > 0 ? '---\n' : '') + printYAML(this.events ? { object: shown, type } : shown));
        return;
      case 'jsonpath':
      case 'jsonpath-as-json':
        this.ctx.out(jsonpath(o.slice(o.indexOf('=') + 1), shown, o.startsWith('jsonpath-as-json')));
        return;
      default:
        throw new CmdError(`output format "${fmt}" is not supported by this simulator yet`);
    }
  }
}

export interface WatchRequest {
  /** Resource types from the arguments (`pods`), or none. */
  types: ResourceInfo[];
  /** Named objects (`pod x`, `pod/x`, or the objects of -f files). */
  targets: Target[];
  fromFiles: boolean;
  namespace: string | undefined;
  all: boolean;
}

export function runWatch(ctx: KubectlContext, flags: Flags, req: WatchRequest): number {
  const { types, targets, all } = req;
  if (flags.str('sort-by')) {
    ctx.err(flags.bool('watch') ? 'warning: --watch requested, --sort-by will be ignored for watch events received\n' : 'warning: --watch-only requested, --sort-by will be ignored\n');
  }
  // The client config (clientcmd) refuses a malformed --request-timeout before any request.
  const timeout = requestTimeoutMs(flags.str('request-timeout'));
  if (timeout === undefined) throw new CmdError('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)');
  // Without -w, get.go's Complete asks for a resource type; with it, the builder's error comes.
  if (!types.length && !targets.length && !req.fromFiles) throw new CmdError(MISSING_RESOURCE);
  if (!req.fromFiles && new Set([...types, ...targets.map((t) => t.info)]).size > 1) throw new CmdError('you may only specify a single resource type');
  if (req.fromFiles && new Set(targets.map((t) => t.info)).size > 1) throw new CmdError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  const selector = flags.str('selector');
  const fieldSelector = flags.str('field-selector');
  const info = types[0] ?? targets[0]?.info;
  if (!info) throw new CmdError(MISSING_RESOURCE);
  // r.Infos(): every named object is fetched first; the first error ends the command.
  const named: KubeObject[] = [];
  for (const t of targets) {
    try {
      named.push(getObject(ctx, t.info, t.namespace, t.name ?? ''));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      ctx.err(renderError(e, 'kubectl get'));
      return 1;
    }
  }
  const ns = info.namespaced ? req.namespace : undefined;
  const listed = types.length ? listObjects(ctx, info, ns, selector, fieldSelector) : named;
  const printer = new WatchPrinter(ctx, info, flags, all && info.namespaced);
  const initial = [...listed];
  sortObjects(ctx, initial, flags);
  const clock = ctx.server.clock;
  if (!flags.bool('watch-only')) printer.print(initial, 'ADDED', clock.now());
  if (named.length > 1) {
    throw new CmdError(req.fromFiles ? `watch is only supported on individual resources and resource collections - ${named.length} resources were found` : 'you may only watch a single resource or type of resource at a time');
  }

  // The watch: a list's watch starts at the list's resourceVersion (no initial events); a named
  // object's at "0", whose synthetic ADDED kubectl does not print — so both print only what changes.
  const one = named[0];
  const watchNs = one ? one.metadata.namespace : ns;
  const prefix = info.namespaced && watchNs ? `${storagePrefix(info)}${watchNs}/` : storagePrefix(info);
  const ls = !one && selector ? labelSelectorMatcher(selector) : undefined;
  const fs = !one && fieldSelector ? fieldSelectorMatcher(info, fieldSelector) : undefined;
  const match = (o: KubeObject) => (one ? o.metadata.name === one.metadata.name : (!ls || ls(o.metadata.labels ?? {})) && (!fs || fs(o)));
  const seen: { type: EventType; obj: KubeObject; at: number }[] = [];
  const stop = ctx.server.store.watch((ev) => {
    const e = watchEventFor(ev, info, prefix, match);
    if (e) seen.push({ ...e, at: clock.now() });
  });
  let result: { interrupted: boolean };
  try {
    result = followWatch(timeout, (ms) => {
      const before = seen.length;
      ctx.wait(ms);
      return seen.length - before;
    });
  } finally {
    stop();
  }
  for (const e of seen) printer.print([e.obj], e.type, e.at);
  if (result.interrupted) {
    ctx.err('^C\n');
    return 1;
  }
  return 0;
}
