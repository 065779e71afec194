/**
 * The resource builder as the mutating commands use it (cli-runtime pkg/resource/builder.go):
 * `ResourceTypeOrNameArgs`, `ResourceNames`, `FilenameParam`, `LabelSelectorParam`, `ContinueOnError`,
 * `Latest`, `SingleResourceType`, and `visitorResult`'s order (paths, selector, TYPE/NAME tuples, names).
 * Errors that stop the builder (`r.Err()`) are thrown; errors while fetching single objects are
 * collected (ContinueOnError) and returned, to be reported after the objects that did work.
 */
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { enforceNamespace, readFileTargets, resolveType, type Target } from '../builder.ts';
import { CmdError, statusMessage } from '../errors.ts';
import type { KubectlContext } from '../types.ts';
import { getObject, listObjects } from './common.ts';

/** One object a command acts on (resource.Info). */
export interface Info {
  info: ResourceInfo;
  namespace?: string;
  name: string;
  object: KubeObject;
  /** The file it came from (-f). */
  source?: string;
}

export interface BuildOptions {
  /** TYPE NAME…, TYPE/NAME…, or TYPE alone (then `all` or a selector is needed). */
  args?: string[];
  /** ResourceNames(defaultType, args…): bare names are of this type (drain, cordon, taint). */
  defaultType?: string;
  files?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  /** ResourceTypeOrNameArgs(allowEmptySelector=true): a type alone selects everything. */
  all?: boolean;
  /** SelectAllParam(true): an empty selector whatever the arguments (so names are refused). */
  selectAll?: boolean;
  /** RequireObject(false): named objects are not fetched (delete). */
  requireObject?: boolean;
  allNamespaces?: boolean;
  /** Re-read objects given by file from the server (Latest()). */
  latest?: boolean;
  /** Local(): objects stay as the files give them — the local mapper's mappings are not namespaced, so SetNamespace adds none. */
  local?: boolean;
  singleResourceType?: boolean;
}

export interface BuildResult {
  infos: Info[];
  /** Errors met while fetching objects (ContinueOnError), in order. */
  errors: unknown[];
  /** IntoSingleItemImplied: exactly one object named by the arguments. */
  singleItemImplied: boolean;
}

export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** splitResourceTypeName: "deploy/web" → [deploy, web]; errors for "a/b/c", "/x", "x/". */
function splitTuple(s: string): [string, string] | undefined {
  if (!s.includes('/')) return undefined;
  const parts = s.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new CmdError('arguments in resource/name form must have a single resource and name');
  return [parts[0], parts[1]];
}

export function buildInfos(ctx: KubectlContext, o: BuildOptions): BuildResult {
  const args = o.args ?? [];
  const tuples: [string, string][] = [];
  let types: string[] = [];
  let names: string[] = [];
  let selector = o.selector || undefined;

  if (o.defaultType !== undefined) {
    // ResourceNames(type, names…)
    for (const a of args) {
      const t = splitTuple(a);
      if (t) tuples.push(t);
      else tuples.push([o.defaultType, a]);
    }
    if (selector) types = [o.defaultType];
  } else if (args.some((a) => a.includes('/'))) {
    // hasCombinedTypeArgs
    if (!args.every((a) => a.includes('/'))) {
      throw new CmdError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    for (const a of args) tuples.push(splitTuple(a)!);
  } else if (args.length) {
    types = args[0].split(',').filter(Boolean);
    names = args.slice(1);
    if (!names.length && !selector && o.all) selector = '';
  }
  if (o.selectAll) selector = '';

  const files = o.files ?? [];
  const result: BuildResult = { infos: [], errors: [], singleItemImplied: false };

  // visitByPaths
  if (files.length) {
    if (types.length || tuples.length) {
      throw new CmdError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    }
    let targets: Target[] = [];
    try {
      targets = readFileTargets(ctx, files, o.recursive);
    } catch (e) {
      if (!(e instanceof CmdError && e.message.startsWith('no objects passed to'))) throw e;
    }
    result.singleItemImplied = targets.length === 1;
    for (const t of targets) {
      const ns = enforceNamespace(t, ctx);
      const name = t.object?.metadata?.name ?? '';
      if (o.latest) {
        try {
          result.infos.push({ info: t.info, namespace: ns, name, object: getObject(ctx, t.info, ns, name), source: t.source });
        } catch (e) {
          result.errors.push(e);
        }
      } else {
        const obj = { ...t.object!, metadata: { ...(t.object!.metadata ?? {}) } } as KubeObject;
        if (ns && !obj.metadata.namespace && !o.local) obj.metadata.namespace = ns;
        result.infos.push({ info: t.info, namespace: ns, name, object: obj, source: t.source });
      }
    }
    return result;
  }

  // visitBySelector
  if (selector !== undefined || o.fieldSelector) {
    if (names.length) throw new CmdError('name cannot be provided when a selector is specified');
    if (tuples.length) throw new CmdError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (!types.length) throw new CmdError('at least one resource must be specified to use a selector');
    const infos = types.map((t) => resolveType(t));
    if (o.singleResourceType && infos.length > 1) throw new CmdError('you may only specify a single resource type');
    for (const info of infos) {
      const ns = info.namespaced && !o.allNamespaces ? ctx.namespace : undefined;
      for (const obj of listObjects(ctx, info, ns, selector, o.fieldSelector)) {
        result.infos.push({ info, namespace: obj.metadata.namespace, name: obj.metadata.name!, object: obj });
      }
    }
    return result;
  }

  // visitByResource / visitByName
  const wanted: { info: ResourceInfo; name: string }[] = [];
  if (tuples.length) {
    const mapped = tuples.map(([t, n]) => ({ info: resolveType(t), name: n }));
    if (o.singleResourceType && new Set(mapped.map((m) => m.info)).size > 1) throw new CmdError('you may only specify a single resource type');
    wanted.push(...mapped);
    result.singleItemImplied = tuples.length === 1;
  } else if (names.length) {
    if (!types.length) throw new CmdError('you must provide a resource and a resource name together');
    if (types.length > 1) throw new CmdError('you must specify only one resource');
    const info = resolveType(types[0]);
    for (const n of names) wanted.push({ info, name: n });
    result.singleItemImplied = names.length === 1;
  } else if (types.length) {
    for (const t of types) resolveType(t);
    throw new CmdError('resource(s) were provided, but no name was specified');
  } else {
    throw new CmdError(MISSING_RESOURCE);
  }
  for (const w of wanted) {
    const ns = w.info.namespaced ? ctx.namespace : undefined;
    if (o.requireObject === false) {
      const object = { apiVersion: w.info.group ? `${w.info.group}/${w.info.version}` : w.info.version, kind: w.info.kind, metadata: { name: w.name, ...(ns ? { namespace: ns } : {}) } };
      result.infos.push({ info: w.info, namespace: ns, name: w.name, object });
      continue;
    }
    try {
      result.infos.push({ info: w.info, namespace: ns, name: w.name, object: getObject(ctx, w.info, ns, w.name) });
    } catch (e) {
      result.errors.push(e);
    }
  }
  return result;
}

/** utilerrors.Aggregate: several errors returned as one; `%v` prints "[a, b]". */
export class AggregateError extends Error {
  readonly errors: unknown[];
  constructor(errors: unknown[]) {
    super(errors.length === 1 ? goError(errors[0]) : `[${errors.map(goError).join(', ')}]`);
    this.errors = errors;
  }
}

/** Go's `%v`/err.Error() of an error: an API error is just its message, an aggregate "[a, b]". */
export function goError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** utilerrors.NewAggregate: always an aggregate, even of one error (checkErr unwraps only one level). */
export function aggregate(errors: unknown[]): AggregateError {
  return new AggregateError(errors);
}

/** The text of one error as kubectl's MultipleErrors/messageForError renders it (no "error: " prefix). */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return statusMessage(e.status);
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * The error a ContinueOnError visit returns (one error as is, several as an aggregate), reported as
 * CheckErr does. Returns the exit status.
 */
export function reportErrors(ctx: KubectlContext, errs: unknown[]): number {
  if (!errs.length) return 0;
  return checkErr(ctx, errs.length === 1 ? errs[0] : new AggregateError(errs));
}

/**
 * cmdutil.CheckErr: an aggregate of one is unwrapped (once); an aggregate prints one line per error
 * (MultipleErrors, no "error: " prefix); API errors as "Error from server (…)"; anything else gets
 * "error: " in front.
 */
export function checkErr(ctx: KubectlContext, err: unknown): number {
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  if (err instanceof AggregateError) {
    for (const e of err.errors) ctx.err(errorText(e) + '\n');
    return 1;
  }
  if (err instanceof ApiError) {
    ctx.err(statusMessage(err.status) + '\n');
    return 1;
  }
  const m = errorText(err);
  ctx.err((m.startsWith('error: ') ? m : `error: ${m}`) + (m.endsWith('\n') ? '' : '\n'));
  return 1;
}


/** The group-qualified resource (`deployments.apps`, `pods`) used in several kubectl messages. */
export function resourceString(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}
