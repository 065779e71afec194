/**
 * kubectl set (k8s.io/kubectl/pkg/cmd/set): `set image` (set_image.go), `set env` (set_env.go) and `set resources`
 * (set_resources.go) on objects with a pod template (polymorphichelpers.UpdatePodSpecForObject). Changes are sent as
 * strategic merge patches; an object that ends up unchanged is skipped silently, as kubectl does.
 */
import { clone, isObject, type KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { CmdError, usageError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import type { Command, KubectlContext } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, printObjects, type DryRun } from './common.ts';
import { parsePairs } from './annotate.ts';
import { resourcesAndPairs } from './label.ts';
import { CHANGE_CAUSE, RECORD_FLAG, changeCause, recordDeprecation } from './record.ts';
import { AggregateError, buildInfos, checkErr, type Info } from './visit.ts';
import { parseQuantity } from '../../api/quantity.ts';
import { helpText } from '../help.ts';
import { LabelSelectorError, parseSelector } from '../../api/labels.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Go's %T of the typed object kubectl decodes into (*v1.Service, …). */
function goType(info: ResourceInfo): string {
  return `*${info.version}.${info.kind}`;
}

/** UpdatePodSpecForObject: the pod spec inside an object, or the error kubectl gives. */
export function podSpecOf(obj: KubeObject, info: ResourceInfo): Obj {
  const spec = (obj.spec ??= {}) as Obj;
  switch (`${info.group}/${info.kind}`) {
    case '/Pod':
      return spec;
    case '/ReplicationController':
    case 'apps/Deployment':
    case 'apps/DaemonSet':
    case 'apps/ReplicaSet':
    case 'apps/StatefulSet':
    case 'batch/Job':
      spec.template ??= {};
      return (spec.template.spec ??= {});
    case 'batch/CronJob':
      spec.jobTemplate ??= {};
      spec.jobTemplate.spec ??= {};
      spec.jobTemplate.spec.template ??= {};
      return (spec.jobTemplate.spec.template.spec ??= {});
  }
  throw new CmdError(`the object is not a pod or does not have a pod template: ${goType(info)}`);
}

/**
 * The two-way strategic merge patch from `before` to `after` for what `set` changes: containers and
 * initContainers merged by name (their env by name), other fields replaced; undefined when equal.
 */
export function strategicTwoWay(before: unknown, after: unknown, field = ''): unknown {
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  if (isObject(before) && isObject(after)) {
    const out: Obj = {};
    for (const k of Object.keys(after)) {
      const d = strategicTwoWay(before[k], after[k], k);
      if (d !== undefined) out[k] = d;
    }
    for (const k of Object.keys(before)) if (!(k in after)) out[k] = null;
    return Object.keys(out).length ? out : undefined;
  }
  if (Array.isArray(before) && Array.isArray(after) && ['containers', 'initContainers', 'env'].includes(field)) {
    const out: unknown[] = [];
    for (const a of after) {
      const b = before.find((x) => isObject(x) && isObject(a) && x.name === a.name);
      if (!b) out.push(a);
      else {
        const d = strategicTwoWay(b, a);
        if (d !== undefined) out.push({ name: (a as Obj).name, ...(d as Obj) });
      }
    }
    for (const b of before) if (isObject(b) && !after.some((a) => isObject(a) && a.name === b.name)) out.push({ $patch: 'delete', name: b.name });
    return out.length ? out : undefined;
  }
  return after === undefined ? null : after;
}

interface SetOptions {
  ctx: KubectlContext;
  flags: Flags;
  dryRun: DryRun;
  local: boolean;
  operation: string;
  /** What the Run puts before a failed patch's error: each command's own fmt.Errorf text (set_image.go, set_env.go, set_resources.go — no colon —, set_serviceaccount.go "failed to patch ServiceAccountName %v"). */
  patchFailed: string;
  record?: string;
}

/** The common Run of the set commands: patches per object, errors aggregated at the end. */
function runPatches(o: SetOptions, infos: Info[], mutate: (obj: KubeObject, it: Info) => void, errs: unknown[]): number {
  for (const it of infos) {
    const obj = clone(it.object);
    try {
      mutate(obj, it);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      errs.push(new CmdError(`error: ${it.info.resource}/${it.name} ${m}\n`));
      continue;
    }
    if (o.record) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: o.record };
    const patch = strategicTwoWay(it.object, obj);
    if (patch === undefined) continue;
    if (o.local || o.dryRun === 'client') {
      printObjects(o.ctx, [obj], o.flags, o.operation, o.dryRun);
      continue;
    }
    try {
      const actual = call(o.ctx, it.info, { verb: 'patch', patchType: 'strategic', namespace: it.namespace, name: it.name, body: patch, dryRun: o.dryRun === 'server' }) as KubeObject;
      printObjects(o.ctx, [actual], o.flags, o.operation, o.dryRun);
    } catch (e) {
      errs.push(new CmdError(`${o.patchFailed}${e instanceof Error ? e.message : String(e)}`));
    }
  }
  if (!errs.length) return 0;
  return checkErr(o.ctx, new AggregateError(errs));
}

function setInfos(ctx: KubectlContext, flags: Flags, resources: string[]): Info[] {
  if (flags.bool('local')) {
    if (resources.length) throw new CmdError('error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'');
    const r = buildInfos(ctx, { files: flags.list('filename'), recursive: flags.bool('recursive'), local: true });
    if (r.errors.length) throw r.errors.length === 1 ? r.errors[0] : new AggregateError(r.errors);
    return r.infos;
  }
  const r = buildInfos(ctx, { args: resources, files: flags.list('filename'), recursive: flags.bool('recursive'), selector: flags.str('selector'), all: flags.bool('all'), latest: true });
  if (r.errors.length) throw r.errors.length === 1 ? r.errors[0] : new AggregateError(r.errors);
  return r.infos;
}

const COMMON_FLAGS = [...PRINT_FLAGS, RECORD_FLAG, FILENAME_FLAG, { name: 'kustomize', short: 'k', type: 'string' as const }, RECURSIVE_FLAG, { name: 'all', type: 'bool' as const }, { name: 'selector', short: 'l', type: 'string' as const }, { name: 'local', type: 'bool' as const }, DRY_RUN_FLAG, { name: 'field-manager', type: 'string' as const, default: 'kubectl-set' }];

const image: Command = {
  name: 'image',
  flags: COMMON_FLAGS,
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const dryRun = dryRunOf(flags, ctx);
    const { resources, pairs } = resourcesAndPairs(args, 'image');
    const images = parsePairs(pairs, 'image', false).add;
    const infos = setInfos(ctx, flags, resources);
    // Validate
    const verrs: unknown[] = [];
    if (flags.bool('all') && flags.str('selector')) verrs.push(new CmdError('cannot set --all and --selector at the same time'));
    if (!resources.length && !flags.list('filename').length && !flags.str('kustomize')) verrs.push(new CmdError('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
    if (images.size < 1) verrs.push(new CmdError('at least one image update is required'));
    else if (images.size > 1 && images.has('*')) verrs.push(new CmdError('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
    if (flags.bool('local') && dryRun === 'server') verrs.push(new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?'));
    if (verrs.length) return checkErr(ctx, new AggregateError(verrs));

    const errs: unknown[] = [];
    const record = flags.bool('record') ? changeCause('kubectl set image', args, flags) : undefined;
    return runPatches({ ctx, flags, dryRun, local: flags.bool('local'), operation: 'image updated', patchFailed: 'failed to patch image update to pod template: ', record }, infos, (obj, it) => {
      const spec = podSpecOf(obj, it.info);
      for (const [name, img] of images) {
        let found = false;
        for (const list of [spec.initContainers, spec.containers] as (Obj[] | undefined)[]) {
          for (const c of list ?? []) {
            if (c.name === name || name === '*') {
              c.image = img;
              found = true;
            }
          }
        }
        if (!found) errs.push(new CmdError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
    }, errs);
  },
};

// ---- set env --------------------------------------------------------------------------------------

const ENV_NAME_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Obj;
}

/** pkg/cmd/set/env ParseEnv: KEY=VALUE to set, KEY- to remove, `-` reads KEY=VALUE lines from stdin. */
function parseEnv(spec: string[], stdin: string): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const exists = new Set<string>();
  for (const s of spec) {
    if (s === '-') {
      for (const line of stdin.split('\n')) {
        if (!line.trim() || line.trim().startsWith('#')) continue;
        const i = line.indexOf('=');
        if (i < 0) throw new CmdError(`invalid environment variable: ${line}`);
        env.push({ name: line.slice(0, i), value: line.slice(i + 1) });
      }
    } else if (s.includes('=')) {
      const i = s.indexOf('=');
      const name = s.slice(0, i);
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new CmdError(`${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MSG}`);
      exists.add(name);
      env.push({ name, value: s.slice(i + 1) });
    } else if (s.endsWith('-')) {
      remove.push(s.slice(0, -1));
    } else {
      throw new CmdError(`unknown environment variable: ${s}`);
    }
  }
  for (const r of remove) if (exists.has(r)) throw new CmdError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** path.Match on container names (`*` and `?` wildcards). */
function nameMatches(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return re.test(name);
}

/** set_env.go updateEnv: replace in place, drop removed, append new ones. */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((x) => x.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** envutil.GetEnvVarRefString */
function refString(from: Obj): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? from.resourceFieldRef.containerName + '/' : ''}${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

const env: Command = {
  name: 'env',
  flags: [
    ...COMMON_FLAGS,
    { name: 'containers', short: 'c', type: 'string', default: '*' },
    { name: 'list', type: 'bool' },
    { name: 'resolve', type: 'bool' },
    { name: 'env', short: 'e', type: 'stringArray' },
    { name: 'from', type: 'string' },
    { name: 'prefix', type: 'string' },
    { name: 'keys', type: 'stringSlice' },
    { name: 'overwrite', type: 'bool', default: true },
  ],
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    if (flags.bool('all') && flags.str('selector')) throw new CmdError('cannot set --all and --selector at the same time');
    // envutil.SplitEnvironmentFromResources
    const resources: string[] = [];
    const envArgs: string[] = [];
    for (const a of args) {
      const isEnv = a.includes('=') || a.endsWith('-');
      if (isEnv) envArgs.push(a);
      else if (!envArgs.length) resources.push(a);
      else throw new CmdError(`all resources must be specified before environment changes: ${args.join(' ')}`);
    }
    const dryRun = dryRunOf(flags, ctx);
    const local = flags.bool('local');
    const list = flags.bool('list');
    const from = flags.str('from');
    if (local && dryRun === 'server') throw new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (!flags.list('filename').length && !resources.length) throw new CmdError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (list && flags.str('output')) throw new CmdError('--list and --output may not be specified together');
    if (flags.list('keys').length && !from) throw new CmdError('when specifying --keys, a configmap or secret must be provided with --from');

    const { env: vars, remove } = parseEnv([...flags.list('env'), ...envArgs], ctx.stdin);
    if (from) {
      const r = local ? { infos: [], errors: [] } : buildInfos(ctx, { args: [from], selector: flags.str('selector'), all: flags.bool('all'), latest: true });
      if (r.errors.length) throw r.errors.length === 1 ? r.errors[0] : new AggregateError(r.errors);
      const keys = flags.list('keys');
      for (const it of r.infos) {
        const isSecret = it.info.kind === 'Secret';
        if (!isSecret && it.info.kind !== 'ConfigMap') throw new CmdError('unsupported resource specified in --from');
        // Go ranges over the data map; the simulator takes the keys in sorted order.
        for (const key of Object.keys((it.object.data ?? {}) as Obj).sort()) {
          if (keys.length && !keys.includes(key)) continue;
          const envName = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
          if (envName !== key) ctx.err(`Warning: key ${key} transferred to ${envName}\n`);
          vars.push({ name: envName, valueFrom: { [isSecret ? 'secretKeyRef' : 'configMapKeyRef']: { key, name: it.name } } });
        }
      }
    }
    const prefix = flags.str('prefix');
    if (prefix) for (const v of vars) v.name = prefix + v.name;

    const infos = setInfos(ctx, flags, resources);
    const selector = flags.str('containers');
    const overwrite = flags.bool('overwrite');
    const errs: unknown[] = [];
    const record = flags.bool('record') ? changeCause('kubectl set env', args, flags) : undefined;
    const mutate = (obj: KubeObject, it: Info) => {
      const spec = podSpecOf(obj, it.info);
      const containers = ((spec.containers ?? []) as Obj[]).filter((c) => nameMatches(selector, c.name));
      if (!containers.length) {
        ctx.err(`Warning: ${it.info.kind}/${it.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
        return;
      }
      for (const c of containers) {
        if (!overwrite) {
          for (const e of vars) {
            const cur = ((c.env ?? []) as EnvVar[]).find((x) => x.name === e.name);
            if (cur && (cur.value ?? '') !== (e.value ?? '')) throw new Error(`'${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`);
          }
        }
        const next = updateEnv((c.env ?? []) as EnvVar[], vars, remove);
        if (next.length) c.env = next;
        else delete c.env;
        if (list) {
          ctx.out(`# ${it.info.kind} ${it.name}, container ${c.name}\n`);
          for (const e of next) {
            if (!e.valueFrom) ctx.out(`${e.name}=${e.value ?? ''}\n`);
            else ctx.out(`# ${e.name} from ${refString(e.valueFrom)}\n`);
          }
        }
      }
    };
    if (list) {
      for (const it of infos) {
        try {
          mutate(clone(it.object), it);
        } catch {
          // errors only matter for the patches, which --list does not send
        }
      }
      return 0;
    }
    return runPatches({ ctx, flags, dryRun, local, operation: 'env updated', patchFailed: 'failed to patch env update to pod template: ', record }, infos, mutate, errs);
  },
};

// ---- set resources ----------------------------------------------------------------------------------

/**
 * generate/versioned generator.go populateResourceListV1: `cpu=200m,memory=512Mi` into a ResourceList,
 * each value through resource.ParseQuantity (so it is stored in canonical form: `0.5` → `500m`).
 */
function populateResourceList(spec: string): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new CmdError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    out[parts[0]] = parseQuantity(parts[1]).toString();
  }
  return out;
}

/** set_resources.go: --limits/--requests merged into the selected containers (not init containers). */
const resources: Command = {
  name: 'resources',
  flags: [
    ...COMMON_FLAGS,
    { name: 'containers', short: 'c', type: 'string', default: '*' },
    { name: 'limits', type: 'string' },
    { name: 'requests', type: 'string' },
  ],
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const dryRun = dryRunOf(flags, ctx);
    const local = flags.bool('local');
    // Complete: --local with TYPE NAME arguments fails before anything else (resource.LocalResourceError)
    const infos = setInfos(ctx, flags, args);
    // Validate
    if (local && dryRun === 'server') throw new CmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (flags.bool('all') && flags.str('selector')) throw new CmdError('cannot set --all and --selector at the same time');
    const limitsSpec = flags.str('limits');
    const requestsSpec = flags.str('requests');
    if (!limitsSpec && !requestsSpec) throw new CmdError('you must specify an update to requests or limits (in the form of --requests/--limits)');
    const limits = populateResourceList(limitsSpec);
    const requests = populateResourceList(requestsSpec);

    const selector = flags.str('containers');
    const errs: unknown[] = [];
    const record = flags.bool('record') ? changeCause('kubectl set resources', args, flags) : undefined;
    return runPatches({ ctx, flags, dryRun, local, operation: 'resource requirements updated', patchFailed: 'failed to patch resources update to pod template ', record }, infos, (obj, it) => {
      const spec = podSpecOf(obj, it.info);
      const containers = ((spec.containers ?? []) as Obj[]).filter((c) => nameMatches(selector, c.name));
      if (!containers.length) {
        errs.push(new CmdError(`error: unable to find container named ${selector}`));
        return;
      }
      for (const c of containers) {
        const res = (c.resources ??= {}) as Obj;
        if (limits) res.limits = { ...(res.limits ?? {}), ...limits };
        if (requests) res.requests = { ...(res.requests ?? {}), ...requests };
      }
    }, errs);
  },
};

// ---- set serviceaccount ---------------------------------------------------------------------------

/** set_serviceaccount.go: the pod template's serviceAccountName; the last argument names the account. */
const serviceaccount: Command = {
  name: 'serviceaccount',
  aliases: ['sa'],
  flags: COMMON_FLAGS.filter((f) => f.name !== 'selector'),
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const dryRun = dryRunOf(flags, ctx);
    if (args.length < 1) throw usageError('serviceaccount is required');
    const account = args[args.length - 1];
    const infos = setInfos(ctx, flags, args.slice(0, -1));
    const errs: unknown[] = [];
    const record = flags.bool('record') ? changeCause('kubectl set serviceaccount', args, flags) : undefined;
    return runPatches({ ctx, flags, dryRun, local: flags.bool('local'), operation: 'serviceaccount updated', patchFailed: 'failed to patch ServiceAccountName ', record }, infos, (obj, it) => {
      podSpecOf(obj, it.info).serviceAccountName = account;
    }, errs);
  },
};

// ---- set selector ---------------------------------------------------------------------------------

/** metav1.ParseToLabelSelector: equality requirements become matchLabels, the rest matchExpressions. */
function parseToLabelSelector(spec: string): { matchLabels: Record<string, string>; matchExpressions: { key: string; operator: string; values: string[] }[] } {
  let sel;
  try {
    sel = parseSelector(spec);
  } catch (e) {
    if (e instanceof LabelSelectorError) throw new CmdError(`couldn't parse the selector string "${spec}": ${e.message}`);
    throw e;
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: { key: string; operator: string; values: string[] }[] = [];
  const OPS: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of sel.requirements) {
    if (r.operator === '=' || r.operator === '==') matchLabels[r.key] = r.values[0];
    else if (OPS[r.operator]) matchExpressions.push({ key: r.key, operator: OPS[r.operator], values: [...r.values].sort() });
    else throw new CmdError(`${JSON.stringify(r.operator)} is not a valid label selector operator`);
  }
  return { matchLabels, matchExpressions };
}

/** set_selector.go: replaces a Service's spec.selector; always patches (no unchanged check) and stops at the first error. */
const selector: Command = {
  name: 'selector',
  flags: [...PRINT_FLAGS, RECORD_FLAG, FILENAME_FLAG, { name: 'kustomize', short: 'k', type: 'string' }, RECURSIVE_FLAG, { name: 'all', type: 'bool' }, { name: 'local', type: 'bool' }, DRY_RUN_FLAG, { name: 'field-manager', type: 'string', default: 'kubectl-set' }, { name: 'resource-version', type: 'string' }],
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const dryRun = dryRunOf(flags, ctx);
    const local = flags.bool('local');
    // Complete: the last argument is the selector, the ones before it name the resources.
    const resourceArgs = args.slice(0, -1);
    const wanted = args.length ? parseToLabelSelector(args[args.length - 1]) : undefined;
    const infos = setInfos(ctx, flags, resourceArgs);
    if (!wanted) throw new CmdError('one selector is required');
    const record = flags.bool('record') ? changeCause('kubectl set selector', args, flags) : undefined;
    const rv = flags.str('resource-version');
    for (const it of infos) {
      const obj = clone(it.object);
      if (it.info.group !== '' || it.info.kind !== 'Service') throw new CmdError('setting a selector is only supported for Services');
      if (wanted.matchExpressions.length) {
        const shown = wanted.matchExpressions.map((m) => `{${m.key} ${m.operator} [${m.values.join(' ')}]}`).join(' ');
        throw new CmdError(`match expression [${shown}] not supported on this object`);
      }
      (obj.spec as Obj).selector = { ...wanted.matchLabels };
      if (!Object.keys(wanted.matchLabels).length) delete (obj.spec as Obj).selector;
      if (record) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: record };
      if (local || dryRun === 'client') {
        printObjects(ctx, [obj], flags, 'selector updated', dryRun);
        continue;
      }
      const patch = (strategicTwoWay(it.object, obj) ?? {}) as Obj;
      if (rv) patch.metadata = { ...(patch.metadata ?? {}), resourceVersion: rv };
      const actual = call(ctx, it.info, { verb: 'patch', patchType: 'strategic', namespace: it.namespace, name: it.name, body: patch, dryRun: dryRun === 'server' }) as KubeObject;
      printObjects(ctx, [actual], flags, 'selector updated', dryRun);
    }
    return 0;
  },
};

export const set: Command = {
  name: 'set',
  sub: [env, image, resources, selector, serviceaccount],
  // cmdutil.DefaultSubCommandRun(ErrOut): help on stderr (exit 1), or "unknown command".
  run(ctx, args) {
    if (args.length) throw usageError(`unknown command ${JSON.stringify(args.join(' '))}`);
    ctx.err(helpText('set')!);
    return 1;
  },
};
