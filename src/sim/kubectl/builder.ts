/**
 * The resource builder (cli-runtime pkg/resource): turns `TYPE NAME…`, `TYPE/NAME`, `TYPE1,TYPE2`,
 * `all`, `-f FILE|DIR|-` and `-l SELECTOR` into the objects a command acts on, with kubectl's errors.
 */
import { isObject, splitApiVersion, type KubeObject } from '../api/object.ts';
import { RESOURCES, lookupResource, resourceForKind, type ResourceInfo } from '../api/resources.ts';
import { FileSystem } from '../shell/fs.ts';
import { CmdError, usageError } from './errors.ts';
import { decodeManifest, readManifests, validateManifest } from './yaml/parse.ts';
import type { KubectlContext } from './types.ts';

export interface Target {
  info: ResourceInfo;
  namespace?: string;
  name?: string;
  /** The object from a file (for create/apply/delete -f). */
  object?: KubeObject;
  source?: string;
}

/** `kubectl get all` expands to the resources in the "all" category. */
export function allCategory(): ResourceInfo[] {
  const order = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs', 'replicationcontrollers'];
  return order.map((r) => RESOURCES.find((i) => i.resource === r && i.categories.includes('all'))).filter((x): x is ResourceInfo => !!x);
}

/**
 * Where the RESTMapper's shortcut expander sends its warnings while a command runs (kubectl.ts sets
 * it to the command's warning printer).
 */
let warnResolution: ((message: string) => void) | undefined;
export function setResolutionWarner(w: ((message: string) => void) | undefined): ((message: string) => void) | undefined {
  const before = warnResolution;
  warnResolution = w;
  return before;
}

export function resolveType(typed: string): ResourceInfo {
  const info = lookupResource(typed);
  if (!info) throw new CmdError(`the server doesn't have a resource type "${typed}"`);
  // shortcut.go expandResourceShortcut: a short name more than one group's resource has (`ev`:
  // events and events.events.k8s.io) resolves to the first and warns about the others.
  const lower = typed.toLowerCase();
  if (info.shortNames.includes(lower)) {
    for (const other of RESOURCES) {
      if (other === info || other.subresourceOf || !other.shortNames.includes(lower)) continue;
      if (other.group === info.group && other.resource === info.resource) continue;
      warnResolution?.(`short name ${JSON.stringify(lower)} could also match lower priority resource ${other.group ? `${other.resource}.${other.group}` : other.resource}`);
    }
  }
  return info;
}

/** Parse positional args into type+name targets. */
export function targetsFromArgs(args: string[], namespace: string | undefined): { types: ResourceInfo[]; targets: Target[] } {
  if (!args.length) return { types: [], targets: [] };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      throw new CmdError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    return {
      types: [],
      targets: args.map((a) => {
        const i = a.indexOf('/');
        const info = resolveType(a.slice(0, i));
        const name = a.slice(i + 1);
        if (!name) throw new CmdError(`arguments in resource/name form must have a single resource and name`);
        return { info, namespace: info.namespaced ? namespace : undefined, name };
      }),
    };
  }
  const typeNames = args[0].split(',').filter(Boolean);
  const types: ResourceInfo[] = [];
  for (const t of typeNames) {
    if (t === 'all') types.push(...allCategory());
    else types.push(resolveType(t));
  }
  const names = args.slice(1);
  if (!names.length) return { types, targets: [] };
  if (types.length > 1 || typeNames.includes('all')) {
    // kubectl allows it but fetches each name for each type.
  }
  const targets: Target[] = [];
  for (const info of types) for (const name of names) targets.push({ info, namespace: info.namespaced ? namespace : undefined, name });
  return { types: [], targets };
}

/** Read -f sources: files, directories (their .yaml/.yml/.json files), or "-" for stdin. */
export function readFileTargets(ctx: KubectlContext, files: string[], recursive = false, validate = true): Target[] {
  const out: Target[] = [];
  for (const f of files) {
    if (/^https?:\/\//.test(f)) {
      throw new CmdError(`unable to read URL "${f}", server reported 404 Not Found, status code=404`);
    }
    if (f === '-') {
      out.push(...parseManifests(ctx.stdin, 'STDIN', validate));
      continue;
    }
    const p = FileSystem.normalize(f, ctx.cwd);
    if (ctx.fs.isDir(p)) {
      const paths = (recursive ? ctx.fs.walk(p) : ctx.fs.list(p).map((n) => `${p === '/' ? '' : p}/${n}`)).filter((x) => /\.(ya?ml|json)$/.test(x) && ctx.fs.isFile(x));
      for (const x of paths) out.push(...parseManifests(ctx.fs.read(x)!, displayPath(f, p, x), validate));
      continue;
    }
    const content = ctx.fs.read(p);
    if (content === undefined) throw new CmdError(`the path "${f}" does not exist`);
    out.push(...parseManifests(content, f, validate));
  }
  return out;
}

function displayPath(arg: string, abs: string, file: string): string {
  return arg.replace(/\/$/, '') + file.slice(abs.length);
}

/**
 * A YAML/JSON stream → objects, as cli-runtime's StreamVisitor does: documents in order (the first
 * unreadable one stops the stream with "error parsing <source>: …"), client-side --validate of
 * apiVersion/kind, unstructured decode, then the REST mapping ("no matches for kind").
 */
export function parseManifests(text: string, source: string, validate = true): Target[] {
  const stream = readManifests(text, source);
  const out: Target[] = [];
  for (const doc of stream.documents) {
    if (validate) {
      const err = validateManifest(doc, source);
      if (err) throw new CmdError(err);
    }
    const d = decodeManifest(doc, source);
    if (!d.ok) throw new CmdError(d.error);
    if (d.isList && Array.isArray(d.object.items)) {
      for (const item of d.object.items) out.push(targetOf(item as unknown as KubeObject, source));
      continue;
    }
    out.push(targetOf(d.object as unknown as KubeObject, source));
  }
  if (stream.error) throw new CmdError(stream.error);
  return out;
}

function targetOf(obj: KubeObject, source: string): Target {
  const [group, version] = splitApiVersion(obj.apiVersion);
  const info = resourceForKind(group, version, obj.kind);
  if (!info) {
    const ns = isObject(obj.metadata) && typeof obj.metadata.namespace === 'string' ? obj.metadata.namespace : '';
    const name = isObject(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
    throw new CmdError(`resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
  }
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  return { info, namespace: info.namespaced ? (meta.namespace as string | undefined) : undefined, name: meta.name as string | undefined, object: obj, source };
}

/** The namespace an object from a file goes to; kubectl refuses a conflicting -n. */
export function enforceNamespace(t: Target, ctx: KubectlContext): string | undefined {
  if (!t.info.namespaced) return undefined;
  if (t.namespace && ctx.namespaceExplicit && t.namespace !== ctx.namespace) {
    throw new CmdError(`the namespace from the provided object "${t.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${t.namespace}' to perform this operation.`);
  }
  return t.namespace || ctx.namespace;
}

export { usageError };
