/**
 * The resource builder (cli-runtime pkg/resource): turns `TYPE NAME…`, `TYPE/NAME`, `TYPE1,TYPE2`,
 * `all`, `-f FILE|DIR|-` and `-l SELECTOR` into the objects a command acts on, with kubectl's errors.
 */
import { isObject, splitApiVersion, type KubeObject } from '../api/object.ts';
import { RESOURCES, lookupResource, resourceForKind, type ResourceInfo } from '../api/resources.ts';
import { FileSystem } from '../shell/fs.ts';
import { CmdError, usageError } from './errors.ts';
import { yamlToJSON } from './yaml/goyaml/decode.ts';
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

export function resolveType(typed: string): ResourceInfo {
  const info = lookupResource(typed);
  if (!info) throw new CmdError(`the server doesn't have a resource type "${typed}"`);
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
export function readFileTargets(ctx: KubectlContext, files: string[], recursive = false): Target[] {
  const out: Target[] = [];
  for (const f of files) {
    if (/^https?:\/\//.test(f)) {
      throw new CmdError(`unable to read URL "${f}", server reported 404 Not Found, status code=404`);
    }
    if (f === '-') {
      out.push(...parseManifests(ctx.stdin, 'STDIN'));
      continue;
    }
    const p = FileSystem.normalize(f, ctx.cwd);
    if (ctx.fs.isDir(p)) {
      const paths = (recursive ? ctx.fs.walk(p) : ctx.fs.list(p).map((n) => `${p === '/' ? '' : p}/${n}`)).filter((x) => /\.(ya?ml|json)$/.test(x) && ctx.fs.isFile(x));
      for (const x of paths) out.push(...parseManifests(ctx.fs.read(x)!, displayPath(f, p, x)));
      continue;
    }
    const content = ctx.fs.read(p);
    if (content === undefined) throw new CmdError(`the path "${f}" does not exist`);
    out.push(...parseManifests(content, f));
  }
  if (!out.length) throw new CmdError('no objects passed to ' + 'create');
  return out;
}

function displayPath(arg: string, abs: string, file: string): string {
  return arg.replace(/\/$/, '') + file.slice(abs.length);
}

/** Split a YAML/JSON stream into documents (yaml.NewYAMLOrJSONDecoder) and map each to its resource. */
export function parseManifests(text: string, source: string): Target[] {
  const docs = splitDocuments(text);
  const out: Target[] = [];
  for (const doc of docs) {
    const r = yamlToJSON(doc.text);
    if (!r.ok) throw new CmdError(`error parsing ${source}: ${r.error}`);
    const v = r.value;
    if (v === null || (isObject(v) && !Object.keys(v).length)) continue;
    if (!isObject(v)) throw new CmdError(`error parsing ${source}: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type map[string]interface {}`);
    if (v.kind === 'List' && Array.isArray(v.items)) {
      for (const item of v.items) out.push(targetOf(item as KubeObject, source, doc.text));
      continue;
    }
    out.push(targetOf(v as unknown as KubeObject, source, doc.text));
  }
  return out;
}

function targetOf(obj: KubeObject, source: string, raw: string): Target {
  if (!obj.kind || typeof obj.kind !== 'string') {
    throw new CmdError(`error validating data: failed to infer kind: Object 'Kind' is missing in '${compactJSON(raw)}'`);
  }
  if (!obj.apiVersion || typeof obj.apiVersion !== 'string') {
    throw new CmdError(`error validating data: failed to infer apiVersion: Object 'apiVersion' is missing in '${compactJSON(raw)}'`);
  }
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

function compactJSON(raw: string): string {
  const r = yamlToJSON(raw);
  return r.ok ? JSON.stringify(r.value) : raw;
}

function splitDocuments(text: string): { text: string }[] {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return [{ text }];
  const out: { text: string }[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (/^---(\s.*)?$/.test(line)) {
      out.push({ text: cur.join('\n') });
      cur = [];
    } else cur.push(line);
  }
  out.push({ text: cur.join('\n') });
  // Documents with nothing but blank lines and comments are skipped, as the YAML decoder does.
  return out.filter((d) => d.text.split('\n').some((l) => l.trim() && !l.trim().startsWith('#')));
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
