/**
 * kubectl wait (k8s.io/kubectl pkg/cmd/wait/wait.go): --for=delete | condition=NAME[=VALUE] |
 * jsonpath='{expr}'[=VALUE], over `TYPE/NAME`, `TYPE NAME…`, `TYPE -l sel`, `TYPE --all` or -f.
 * Waiting lets simulated time pass (ctx.wait) until the condition holds or --timeout (default 30s;
 * 0 = check once; negative = a week) runs out. Texts (checked with kubectl v1.33.1):
 *   success              `pod/x condition met` (name printer, operation "condition met")
 *   timeout              `error: timed out waiting for the condition on pods/x`
 *   --timeout=0, not met `error: condition not met for pods/x`
 *   bad --for            `error: unrecognized condition: "foo"`
 *   no resources         `error: You must provide one or more resources by argument or filename.` …
 * Conditions compare type and status case-insensitively and ignore a condition whose
 * observedGeneration (or status.observedGeneration) is older than metadata.generation.
 */
import { MISSING_RESOURCE } from './visit.ts';
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { readFileTargets, targetsFromArgs, type Target } from '../builder.ts';
import { CmdError } from '../errors.ts';
import { jsonpath } from '../jsonpath.ts';
import type { Command, KubectlContext } from '../types.ts';
import { PRINT_FLAGS, FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, getObject, listObjects, printObjects } from './common.ts';
import { parseGoDuration } from './podsfor.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any


const STEP_MS = 250;
const WEEK_MS = 168 * 3_600_000;

type Check = (obj: KubeObject) => boolean;

/** RelaxedJSONPathExpression (kubectl get): `.a.b`, `a.b`, `{.a.b}` → `{.a.b}`. */
function relaxed(expr: string): string {
  let e = expr.trim();
  if (e.startsWith('{') && e.endsWith('}')) e = e.slice(1, -1);
  if (!e.startsWith('.')) e = '.' + e;
  return `{${e}}`;
}

/** conditionFuncFor: the check for --for, or undefined for delete. */
function conditionFor(spec: string): { kind: 'delete' } | { kind: 'check'; check: Check } {
  if (spec.toLowerCase() === 'delete') return { kind: 'delete' };
  if (spec.startsWith('condition=')) {
    let name = spec.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return {
      kind: 'check',
      check: (obj) => {
        const conds: Obj[] = (obj.status as Obj | undefined)?.conditions ?? [];
        for (const c of conds) {
          if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase() || typeof c.status !== 'string') continue;
          const gen = obj.metadata.generation;
          if (gen !== undefined) {
            const observed = c.observedGeneration ?? (obj.status as Obj | undefined)?.observedGeneration;
            if (observed !== undefined && observed < gen) return false;
          }
          return c.status.toLowerCase() === value.toLowerCase();
        }
        return false;
      },
    };
  }
  if (spec.startsWith('jsonpath=')) {
    const parts = spec.split('=').slice(1);
    if (parts.length > 2) throw new CmdError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    if (!parts[0]) throw new CmdError('jsonpath expression cannot be empty');
    const expr = relaxed(parts[0]);
    if (parts.length > 1 && parts[1] === '') throw new CmdError('jsonpath wait value cannot be empty');
    const want = parts.length > 1 ? parts[1].replace(/^['"]+|['"]+$/g, '') : undefined;
    return {
      kind: 'check',
      check: (obj) => {
        const got = jsonpath(expr, obj);
        if (got === '') return false;
        if (want === undefined) return true;
        if (/^[[{]/.test(got)) {
          try {
            JSON.parse(got);
            throw new CmdError('jsonpath leads to a nested object or list which is not supported');
          } catch (e) {
            if (e instanceof CmdError) throw e;
          }
        }
        return got.trim() === want.trim();
      },
    };
  }
  throw new CmdError(`unrecognized condition: ${JSON.stringify(spec)}`);
}

/** resource.Info.ObjectName(): the plural resource without its group, then the name. */
function objectName(info: ResourceInfo, name: string): string {
  return `${info.resource}/${name}`;
}

function tryGet(ctx: KubectlContext, info: ResourceInfo, ns: string | undefined, name: string): KubeObject | undefined {
  try {
    return getObject(ctx, info, ns, name);
  } catch (e) {
    if (e instanceof ApiError && e.status.code === 404) return undefined;
    throw e;
  }
}

export const wait: Command = {
  name: 'wait',
  flags: [
    ...PRINT_FLAGS,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: 'field-selector', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'timeout', type: 'duration', default: '30s' },
    { name: 'for', type: 'string' },
  ],
  run(ctx, args, flags) {
    const rawTimeout = flags.str('timeout');
    const parsed = parseGoDuration(rawTimeout) ?? 30_000;
    const cond = conditionFor(flags.str('for'));
    const timeout = parsed < 0 ? WEEK_MS : parsed;
    const all = flags.bool('all-namespaces');
    const ns = all ? undefined : ctx.namespace;
    // The resource builder: names, or types with a selector / --all, or files.
    const found: { info: ResourceInfo; ns?: string; name: string; obj?: KubeObject }[] = [];
    const files = flags.list('filename');
    let targets: Target[] = [];
    let types: ResourceInfo[] = [];
    if (files.length) targets = readFileTargets(ctx, files, flags.bool('recursive')).map((t) => ({ ...t, namespace: t.info.namespaced ? (t.namespace ?? ctx.namespace) : undefined }));
    else {
      if (!args.length) throw new CmdError(MISSING_RESOURCE);
      ({ types, targets } = targetsFromArgs(args, ns ?? ctx.namespace));
    }
    const selector = flags.str('selector');
    if (types.length) {
      if (!selector && !flags.bool('all') && !flags.str('field-selector')) throw new CmdError('resource(s) were provided, but no name was specified');
      for (const info of types) for (const o of listObjects(ctx, info, info.namespaced ? ns : undefined, selector, flags.str('field-selector'))) found.push({ info, ns: o.metadata.namespace, name: o.metadata.name!, obj: o });
    }
    for (const t of targets) {
      const obj = cond.kind === 'delete' ? tryGet(ctx, t.info, t.namespace, t.name ?? '') : getObject(ctx, t.info, t.namespace, t.name ?? '');
      if (obj || cond.kind !== 'delete') found.push({ info: t.info, ns: t.namespace, name: t.name ?? '', obj });
    }
    if (!found.length) {
      if (cond.kind === 'delete') return 0;
      throw new CmdError('no matching resources found');
    }
    const deadline = ctx.server.clock.now() + timeout;
    for (const f of found) {
      const uid = f.obj?.metadata.uid;
      let obj = f.obj;
      for (;;) {
        if (cond.kind === 'delete') {
          const cur = tryGet(ctx, f.info, f.ns, f.name);
          if (!cur || (uid && cur.metadata.uid !== uid)) break;
          obj = cur;
        } else {
          const cur = tryGet(ctx, f.info, f.ns, f.name);
          if (!cur) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${f.info.group ? `${f.info.resource}.${f.info.group}` : f.info.resource} "${f.name}" not found`, reason: 'NotFound', code: 404 });
          obj = cur;
          if (cond.check(cur)) break;
        }
        if (timeout === 0) throw new CmdError(`condition not met for ${objectName(f.info, f.name)}`);
        const left = deadline - ctx.server.clock.now();
        if (left <= 0) throw new CmdError(`timed out waiting for the condition on ${objectName(f.info, f.name)}`);
        ctx.wait(Math.min(STEP_MS, left));
      }
      printObjects(ctx, [obj!], flags, 'condition met');
    }
  },
};
