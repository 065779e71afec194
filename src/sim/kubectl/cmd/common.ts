/** Helpers shared by kubectl commands: REST calls, output flags, dry-run, printing objects. */
import { apiVersionOf, type KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { ApiError, type Status } from '../../apiserver/errors.ts';
import type { ApiRequest } from '../../apiserver/types.ts';
import { CmdError } from '../errors.ts';
import type { FlagDef, Flags } from '../flags.ts';
import { printJSON } from '../printers/json.ts';
import { toList } from '../printers/list.ts';
import { nameLine } from '../printers/name.ts';
import { printYAML } from '../printers/yaml.ts';
import type { KubectlContext } from '../types.ts';
import { jsonpath } from '../jsonpath.ts';

export function call(ctx: KubectlContext, info: ResourceInfo, req: Omit<ApiRequest, 'group' | 'version' | 'resource'>): unknown {
  const r = ctx.server.handle({ ...req, group: info.group, version: info.version, resource: info.resource, fieldValidation: req.fieldValidation ?? 'Strict' });
  printWarnings(ctx, r.warnings);
  if (r.code >= 400) throw new ApiError(r.body as Status);
  return r.body;
}

/**
 * The server's `Warning` headers, as kubectl's default warning handler writes them: `Warning: …` on
 * stderr, each text once per command (rest.WarningWriterOptions{Deduplicate: true}).
 */
export function printWarnings(ctx: KubectlContext, warnings: string[] | undefined): void {
  for (const w of warnings ?? []) {
    const seen = (ctx.warned ??= new Set());
    if (seen.has(w)) continue;
    seen.add(w);
    ctx.err(`Warning: ${w}\n`);
  }
}

export function getObject(ctx: KubectlContext, info: ResourceInfo, ns: string | undefined, name: string): KubeObject {
  return call(ctx, info, { verb: 'get', namespace: info.namespaced ? ns : undefined, name }) as KubeObject;
}

/** A GET that answers undefined on NotFound, the server's warnings printed as they come (apply's lookup). */
export function getIfExists(ctx: KubectlContext, info: ResourceInfo, ns: string | undefined, name: string): KubeObject | undefined {
  try {
    return getObject(ctx, info, ns, name);
  } catch (e) {
    if (e instanceof ApiError && e.status.code === 404) return undefined;
    throw e;
  }
}

export function listObjects(ctx: KubectlContext, info: ResourceInfo, ns: string | undefined, labelSelector?: string, fieldSelector?: string): KubeObject[] {
  try {
    const body = call(ctx, info, { verb: 'list', namespace: info.namespaced ? ns : undefined, labelSelector: labelSelector || undefined, fieldSelector: fieldSelector || undefined }) as { items: KubeObject[] };
    return body.items;
  } catch (e) {
    throw enhanceListError(e, info, labelSelector ?? '', fieldSelector ?? '');
  }
}

/**
 * The builder's Selector.Visit (cli-runtime pkg/resource/selector.go) rewrites the message of a
 * BadRequest or NotFound list error, keeping it an API error, to name the resource (a
 * GroupVersionResource's String(): "/v1, Resource=pods") and the selectors.
 */
export function enhanceListError(e: unknown, info: ResourceInfo, labelSelector: string, fieldSelector: string): unknown {
  if (!(e instanceof ApiError) || (e.status.code !== 400 && e.status.code !== 404)) return e;
  const gvr = `${info.group}/${info.version}, Resource=${info.resource}`;
  const message = !labelSelector && !fieldSelector
    ? `Unable to list ${JSON.stringify(gvr)}: ${e.status.message ?? ''}`
    : `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${e.status.message ?? ''}`;
  return new ApiError({ ...e.status, message });
}

export const OUTPUT_FLAG: FlagDef = { name: 'output', short: 'o', type: 'string' };
export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' };
export const FILENAME_FLAG: FlagDef = { name: 'filename', short: 'f', type: 'stringSlice' };
export const RECURSIVE_FLAG: FlagDef = { name: 'recursive', short: 'R', type: 'bool' };
export const SELECTOR_FLAG: FlagDef = { name: 'selector', short: 'l', type: 'string' };
export const PRINT_FLAGS: FlagDef[] = [
  OUTPUT_FLAG,
  { name: 'template', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
];

export type DryRun = 'none' | 'client' | 'server';

/** GetDryRunStrategy (kubectl pkg/cmd/util/helpers.go), with its deprecation warnings. */
export function dryRunOf(flags: Flags, ctx?: KubectlContext): DryRun {
  const v = flags.str('dry-run');
  const warn = (msg: string) => ctx?.err(klogWarning(ctx, msg));
  switch (v) {
    case 'none':
      return 'none';
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'unchanged':
      warn('--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
  }
  const b = parseGoBool(v);
  if (b === undefined) throw new CmdError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  if (b) warn(`--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=client.`);
  return b ? 'client' : 'none';
}

export function parseGoBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** A klog warning line as kubectl writes it to stderr: `W1127 11:21:41.295386    1368 helpers.go:703] msg`. */
export function klogWarning(ctx: KubectlContext, msg: string, where = 'helpers.go:703'): string {
  return klogLine(ctx, 'W', msg, where);
}

/** A klog line of the given severity (I, W, E, F) with klog's header. */
export function klogLine(ctx: KubectlContext, severity: 'I' | 'W' | 'E' | 'F', msg: string, where: string): string {
  const d = new Date(ctx.server.clock.now());
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${severity}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}    1368 ${where}] ${msg}\n`;
}

export const OUTPUT_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/**
 * Print objects the way a command with printing flags does: -o yaml/json/name/jsonpath, or the
 * success line (`<kind>/<name> <operation>`) when no -o is given.
 */
/** `keyOrder: 'insertion'` for objects kubectl built itself (Go struct order in -o json). */
export function printObjects(ctx: KubectlContext, objs: KubeObject[], flags: Flags, operation: string, dryRun: DryRun = 'none', allowed = OUTPUT_FORMATS, keyOrder: 'sorted' | 'insertion' = 'sorted'): void {
  const o = flags.isSet('output') ? flags.str('output') : '';
  const showManaged = flags.bool('show-managed-fields');
  const clean = (x: KubeObject) => (showManaged ? x : stripManaged(x));
  if (!o) {
    const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
    for (const x of objs) ctx.out(nameLine(x as never, `${operation}${suffix}`));
    return;
  }
  printFormatted(ctx, objs.map(clean), o, allowed, objs.length !== 1, keyOrder);
}

export function printFormatted(ctx: KubectlContext, objs: KubeObject[], o: string, allowed = OUTPUT_FORMATS, asList = objs.length !== 1, keyOrder: 'sorted' | 'insertion' = 'sorted'): void {
  const [fmt, arg] = splitOutput(o);
  if (!allowed.includes(fmt)) {
    throw new CmdError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowed.join(',')}`);
  }
  const value: unknown = asList ? toList(objs) : objs[0];
  switch (fmt) {
    case 'yaml':
      ctx.out(printYAML(value));
      return;
    case 'json':
      ctx.out(printJSON(value as object, { keyOrder }));
      return;
    case 'name':
      for (const x of objs) ctx.out(nameLine(x as never, ''));
      return;
    case 'jsonpath':
    case 'jsonpath-as-json': {
      ctx.out(jsonpath(arg, value, fmt === 'jsonpath-as-json'));
      return;
    }
    default:
      throw new CmdError(`output format "${fmt}" is not supported by this simulator yet`);
  }
}

function splitOutput(o: string): [string, string] {
  const eq = o.indexOf('=');
  return eq < 0 ? [o, ''] : [o.slice(0, eq), o.slice(eq + 1)];
}

export function stripManaged(o: KubeObject): KubeObject {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _m, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

/** The group-qualified kind used in messages: "deployment.apps", "pod". */
export function kindString(info: ResourceInfo): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}

export function apiVersion(info: ResourceInfo): string {
  return apiVersionOf(info.group, info.version);
}
