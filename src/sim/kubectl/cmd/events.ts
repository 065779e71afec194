/**
 * kubectl events (k8s.io/kubectl pkg/cmd/events/events.go, event_printer.go): core/v1 Events of a
 * namespace (or -A), optionally --for TYPE/NAME (field selector involvedObject.kind/name) and
 * --types Normal,Warning, sorted by last time (Series.LastObservedTime, LastTimestamp, EventTime).
 * Table `LAST SEEN  TYPE  REASON  OBJECT  MESSAGE` (NAMESPACE first with -A), OBJECT as `Kind/name`,
 * LAST SEEN `5m` or `60s (x3 over 5m)`; nothing found: `No events found in default namespace.` on
 * stderr. -o yaml/json/name print the EventList through the usual printers.
 */
import type { KubeObject } from '../../api/object.ts';
import { res } from '../../apiserver/client.ts';
import { humanDuration } from '../../apiserver/printers/duration.ts';
import { lookupResource } from '../../api/resources.ts';
import { CmdError } from '../errors.ts';
import { tabwrite } from '../tabwriter.ts';
import type { Command } from '../types.ts';
import { printJSON } from '../printers/json.ts';
import { printYAML } from '../printers/yaml.ts';
import { PRINT_FLAGS, listObjects, printFormatted } from './common.ts';
import { parseMicros } from '../../clock/clock.ts';
import { escapeCell } from './get.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** sorted_event_list.go eventTime, to the microsecond. */
function eventTime(e: Obj): number {
  if (e.series?.lastObservedTime) return parseMicros(e.series.lastObservedTime) ?? 0;
  if (e.lastTimestamp) return parseMicros(e.lastTimestamp) ?? 0;
  return parseMicros(e.eventTime) ?? 0;
}

function since(ts: string | null | undefined, now: number): string {
  if (!ts) return '<unknown>';
  return humanDuration(now - Date.parse(ts));
}

/** getInterval (event_printer.go). */
function interval(e: Obj, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}


export const events: Command = {
  name: 'events',
  flags: [
    ...PRINT_FLAGS,
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'types', type: 'stringSlice' },
    { name: 'no-headers', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run(ctx, _args, flags) {
    const all = flags.bool('all-namespaces');
    let fieldSelector: string | undefined;
    const forObj = flags.str('for');
    if (forObj) {
      if (!forObj.includes('/')) throw new CmdError('--for must be in resource/name form');
      const seg = forObj.split('/');
      if (seg.length !== 2) throw new CmdError('arguments in resource/name form may not have more than one slash');
      // The RESTMapper's NoResourceMatchError: cmdutil's StandardErrorMessage prints it without "error: ".
      const info = lookupResource(seg[0]);
      if (!info) throw new CmdError(`the server doesn't have a resource type "${seg[0]}"`, 'raw');
      fieldSelector = `involvedObject.kind=${info.kind},involvedObject.name=${seg[1]}`;
    }
    const types = [...new Set(flags.list('types'))].sort();
    for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new CmdError('valid --types are Normal or Warning');
    let items: KubeObject[] = listObjects(ctx, res('events'), all ? undefined : ctx.namespace, undefined, fieldSelector);
    items = items.filter((e) => !types.length || types.some((t) => t.toLowerCase() === String((e as Obj).type ?? '').toLowerCase()));
    if (!items.length) {
      ctx.err(all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
      return;
    }
    items = items.map((e, i) => ({ e, i })).sort((a, b) => eventTime(a.e as Obj) - eventTime(b.e as Obj) || a.i - b.i).map((x) => x.e);
    const o = flags.str('output');
    if (o) {
      // The printers see the EventList kubectl assembled (kind EventList, empty list metadata).
      if (o === 'yaml' || o === 'json') {
        const list = { apiVersion: 'v1', items, kind: 'EventList', metadata: {} };
        ctx.out(o === 'yaml' ? printYAML(list) : printJSON(list));
      } else printFormatted(ctx, items, o, undefined, true);
      return;
    }
    const now = ctx.server.clock.now();
    const rows: string[][] = [];
    if (!flags.bool('no-headers')) rows.push([...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    for (const ev of items) {
      const e = ev as Obj;
      rows.push([...(all ? [e.metadata.namespace] : []), interval(e, now), escapeCell(e.type ?? ''), escapeCell(e.reason ?? ''), `${escapeCell(e.involvedObject?.kind ?? '')}/${escapeCell(e.involvedObject?.name ?? '')}`, escapeCell(String(e.message ?? '').trim())]);
    }
    ctx.out(tabwrite(rows));
  },
};
