/**
 * kubectl diff (k8s.io/kubectl pkg/cmd/diff/diff.go): for every object of -f, the live object (GET;
 * none when NotFound) and the "merged" one — what apply would make of it, asked of the API server
 * with dryRun=All: a dry-run create for a new object; else client-side apply's three-way strategic
 * patch with `util.GetModifiedConfiguration(local, annotate=false)` (so the last-applied annotation
 * is left as it is) and the live object itself when the patch is empty; with --server-side an apply
 * patch (field manager `kubectl`, --force-conflicts). Both are written as YAML (sigs.k8s.io/yaml) to
 * `<group>.<version>.<Kind>.<namespace>.<name>` in two temp directories (os.MkdirTemp("", "LIVE-") and
 * "MERGED-": /tmp/LIVE-<n>/, /tmp/MERGED-<n>/; the simulator numbers them with the session's temp
 * suffix, real kubectl with a random uint32), managedFields dropped unless --show-managed-fields, a v1
 * Secret's `data` masked (`***`, `*** (before)` / `*** (after)` for a changed key: Masker). Nothing
 * else is hidden: the generation and resourceVersion bumps the dry run makes show in the diff.
 * Then `diff -u -N LIVE MERGED` runs (or $KUBECTL_EXTERNAL_DIFF: its first word is the program, the
 * later words matching ^[a-zA-Z0-9-=]+$ are appended after the two directories), writing straight to
 * kubectl's output, and the directories are removed.
 * --prune (pkg/cmd/diff/prune.go, pkg/util/prune/prune.go): objects that apply --prune would delete —
 * in each namespace the file's objects went to, of the allowlist kinds (default: ConfigMap, Endpoints,
 * PersistentVolumeClaim, Pod, ReplicationController, Secret, Service, Job, CronJob, Ingress, DaemonSet,
 * Deployment, ReplicaSet, StatefulSet, and the cluster-scoped Namespace and PersistentVolume), matching
 * -l, carrying the last-applied annotation and not among the file's objects — are written to LIVE
 * only, whole (managedFields included), so the diff shows them removed. With the default allowlist
 * GetRESTMappings logs its deprecation warning: diff passes namespaceSpecified = (namespace != ""), and
 * fails on the Ingress kind the simulated API server does not serve, so only --prune-allowlist prunes.
 * Exit status: 0 no differences, 1 differences (the program's status ≤ 1 → cmdutil.ErrExit), and every
 * error — kubectl's own, the program missing or failing with > 1 — goes through CheckDiffErr, which
 * adds 1 to CheckErr's code: 2.
 */
import { clone, type KubeObject } from '../../api/object.ts';
import { resourceForKind, type ResourceInfo } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { labelSelectorMatcher } from '../../apiserver/selectors.ts';
import { isEmptyPatch, threeWayPatch } from '../apply/threeway.ts';
import { enforceNamespace, readFileTargets } from '../builder.ts';
import { CmdError, renderError } from '../errors.ts';
import { printYAML } from '../printers/yaml.ts';
import type { Command, KubectlContext } from '../types.ts';
import { FILENAME_FLAG, RECURSIVE_FLAG, call, klogWarning, listObjects } from './common.ts';
import { LAST_APPLIED } from './apply.ts';

const MASK = '***';
const MASK_BEFORE = '*** (before)';
const MASK_AFTER = '*** (after)';

/** InfoObject.Name(): `[group.]version.Kind.namespace.name`. */
function fileName(group: string, version: string, kind: string, ns: string, name: string): string {
  return `${group ? group + '.' : ''}${version}.${kind}.${ns}.${name}`;
}

/** Masker.run: a Secret's data values replaced, a changed key marked before/after. */
function mask(from: KubeObject | undefined, to: KubeObject | undefined): [KubeObject | undefined, KubeObject | undefined] {
  const f = from ? clone(from) : undefined;
  const t = to ? clone(to) : undefined;
  const fd = f?.data as Record<string, unknown> | undefined;
  const td = t?.data as Record<string, unknown> | undefined;
  if (fd) {
    for (const k of Object.keys(fd)) {
      if (td && k in td) {
        if (fd[k] !== td[k]) {
          fd[k] = MASK_BEFORE;
          td[k] = MASK_AFTER;
          continue;
        }
        td[k] = MASK;
      }
      fd[k] = MASK;
    }
  }
  if (td) for (const k of Object.keys(td)) if (!fd || !(k in fd)) td[k] = MASK;
  return [f, t];
}

function omitManagedFields(o: KubeObject | undefined): KubeObject | undefined {
  if (!o) return o;
  const c = { ...o, metadata: { ...o.metadata } };
  delete c.metadata.managedFields;
  return c;
}

/** DiffProgram.getCommand: the program and its arguments. */
function diffCommand(ctx: KubectlContext, from: string, to: string): string[] {
  const env = ctx.env.KUBECTL_EXTERNAL_DIFF;
  if (!env) return ['diff', '-u', '-N', from, to];
  const words = env.split(' ');
  return [words[0], from, to, ...words.slice(1).filter((w) => /^[a-zA-Z0-9-=]+$/.test(w))];
}

/** The merged object (InfoObject.Merged). */
function merged(ctx: KubectlContext, local: KubeObject, live: KubeObject | undefined, t: { info: Parameters<typeof call>[1] }, ns: string | undefined, o: { serverSide: boolean; fieldManager: string; force: boolean }): KubeObject {
  const name = local.metadata.name;
  if (o.serverSide) {
    return call(ctx, t.info, { verb: 'patch', patchType: 'apply', namespace: ns, name, body: clone(local), dryRun: true, fieldManager: o.fieldManager, force: o.force || undefined }) as KubeObject;
  }
  if (!live) return call(ctx, t.info, { verb: 'create', namespace: ns, body: clone(local), dryRun: true, fieldManager: o.fieldManager }) as KubeObject;
  // util.GetModifiedConfiguration(local, false): the object with its last-applied annotation taken out
  // (the annotations map stays, empty or not).
  const modified = clone(local);
  const annotations = { ...(modified.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  modified.metadata = { ...modified.metadata, annotations };
  const original = live.metadata.annotations?.[LAST_APPLIED];
  let originalObj: unknown;
  try {
    originalObj = original ? JSON.parse(original) : undefined;
  } catch {
    originalObj = undefined;
  }
  const patch = threeWayPatch(originalObj, modified, live);
  // Patcher.Patch: an empty patch is not sent, the live object is the result.
  if (isEmptyPatch(patch)) return live;
  return call(ctx, t.info, { verb: 'patch', patchType: 'strategic', namespace: ns, name, body: patch, dryRun: true, fieldManager: o.fieldManager }) as KubeObject;
}

export const diff: Command = {
  name: 'diff',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'concurrency', type: 'int', default: 1 },
    { name: 'prune', type: 'bool' },
    { name: 'prune-allowlist', type: 'stringArray' },
  ],
  run(ctx, args, flags) {
    try {
      return runDiff(ctx, args, flags);
    } catch (e) {
      if (e instanceof ExitStatus) return e.code;
      // CheckDiffErr: CheckErr's message, exit code + 1.
      ctx.err(renderError(e, 'kubectl diff'));
      return 2;
    }
  },
};

/** prune.go defaultNamespacedPruneResources + defaultNonNamespacedPruneResources. */
const DEFAULT_PRUNE: [string, string, string][] = [
  ['', 'v1', 'ConfigMap'],
  ['', 'v1', 'Endpoints'],
  ['', 'v1', 'PersistentVolumeClaim'],
  ['', 'v1', 'Pod'],
  ['', 'v1', 'ReplicationController'],
  ['', 'v1', 'Secret'],
  ['', 'v1', 'Service'],
  ['batch', 'v1', 'Job'],
  ['batch', 'v1', 'CronJob'],
  ['networking.k8s.io', 'v1', 'Ingress'],
  ['apps', 'v1', 'DaemonSet'],
  ['apps', 'v1', 'Deployment'],
  ['apps', 'v1', 'ReplicaSet'],
  ['apps', 'v1', 'StatefulSet'],
  ['', 'v1', 'Namespace'],
  ['', 'v1', 'PersistentVolume'],
];

/** prune.ParseResources: `group/version/kind` (`core` for the core group). */
function pruneResources(allowlist: string[]): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const gvk of allowlist) {
    const parts = gvk.split('/');
    if (parts.length !== 3) throw new CmdError(`invalid GroupVersionKind format: ${gvk}, please follow <group/version/kind>`);
    const group = parts[0] === 'core' ? '' : parts[0];
    const info = resourceForKind(group, parts[1], parts[2]);
    if (!info) throw new CmdError(`no matches for kind "${parts[2]}" in version "${group ? group + '/' : ''}${parts[1]}"`);
    out.push(info);
  }
  return out;
}

class ExitStatus {
  code: number;
  constructor(code: number) {
    this.code = code;
  }
}

function runDiff(ctx: KubectlContext, args: string[], flags: Parameters<NonNullable<Command['run']>>[2]): number {
  // Complete
  if (args.length) throw new CmdError(`Unexpected args: [${args.join(' ')}]`, 'usage');
  const files = flags.list('filename');
  if (!files.length && !flags.str('kustomize')) throw new CmdError('must specify one of -f and -k');
  if (flags.str('kustomize')) throw new CmdError('kustomize is not supported by this simulator yet');
  const serverSide = flags.bool('server-side');
  // GetApplyFieldManagerFlag: server-side apply's default manager is "kubectl".
  const fieldManager = serverSide && !flags.isSet('field-manager') ? 'kubectl' : flags.str('field-manager');
  const force = flags.bool('force-conflicts');
  if (force && !serverSide) throw new CmdError('--force-conflicts only works with --server-side');
  const prune = flags.bool('prune') ? pruneResources(flags.list('prune-allowlist')) : undefined;

  // Run: NewDiffer("LIVE", "MERGED") before the objects are read.
  const liveDir = `/tmp/LIVE-${ctx.tempSuffix()}`;
  const mergedDir = `/tmp/MERGED-${ctx.tempSuffix()}`;
  ctx.fs.mkdirp(liveDir);
  ctx.fs.mkdirp(mergedDir);
  try {
    let targets = readFileTargets(ctx, files, flags.bool('recursive'));
    const selector = flags.str('selector');
    if (selector) {
      const match = labelSelectorMatcher(selector);
      targets = targets.filter((t) => match(t.object?.metadata?.labels ?? {}));
    }
    const visitedUids = new Set<string>();
    const visitedNamespaces = new Set<string>();
    for (const t of targets) {
      const ns = enforceNamespace(t, ctx);
      const local = clone(t.object!);
      // The builder's DefaultNamespace puts the namespace on the object it read.
      if (t.info.namespaced && ns && !local.metadata.namespace) local.metadata = { ...local.metadata, namespace: ns };
      let live: KubeObject | undefined;
      try {
        live = call(ctx, t.info, { verb: 'get', namespace: ns, name: local.metadata.name }) as KubeObject;
      } catch (e) {
        if (!(e instanceof ApiError && e.status.code === 404)) throw e;
      }
      // tracker.MarkVisited
      if (t.info.namespaced && ns) visitedNamespaces.add(ns);
      if (live?.metadata.uid) visitedUids.add(live.metadata.uid);
      let to: KubeObject | undefined = merged(ctx, local, live, t, ns, { serverSide, fieldManager, force });
      let from = live;
      if (!flags.bool('show-managed-fields')) {
        from = omitManagedFields(from);
        to = omitManagedFields(to);
      }
      if (t.info.group === '' && t.info.version === 'v1' && t.info.kind === 'Secret') [from, to] = mask(from, to);
      const file = fileName(t.info.group, t.info.version, t.info.kind, ns ?? '', local.metadata.name ?? '');
      ctx.fs.write(`${liveDir}/${file}`, from ? printYAML(from) : '');
      ctx.fs.write(`${mergedDir}/${file}`, to ? printYAML(to) : '');
      // apply.WarnIfDeleting
      if (live?.metadata.deletionTimestamp) ctx.err(`Warning: Detected changes to resource ${live.metadata.name} which is currently being deleted.\n`);
    }
    if (prune) {
      let kinds: ResourceInfo[] | undefined = prune;
      if (!kinds.length) {
        ctx.err(klogWarning(ctx, 'Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.', 'prune.go:71'));
        // GetRESTMappings maps every default kind; one the API server does not serve (the simulated
        // cluster has no networking.k8s.io Ingress) fails the whole prune, which diff only logs
        // (diff.go:760 in kubectl v1.33, observed).
        const missing = DEFAULT_PRUNE.find(([g, v, k]) => !resourceForKind(g, v, k));
        if (missing) {
          const [g, v, k] = missing;
          const gv = g ? `${g}/${v}` : v;
          ctx.err(klogWarning(ctx, `pruning failed and could not be evaluated err: error retrieving RESTMappings to prune: invalid resource ${g}/${v}, Kind=${k}, Namespaced=${k !== 'Namespace' && k !== 'PersistentVolume'}: no matches for kind "${k}" in version "${gv}"`, 'diff.go:760'));
          kinds = undefined;
        } else kinds = DEFAULT_PRUNE.map(([g, v, k]) => resourceForKind(g, v, k)!);
      }
      const pruned: KubeObject[] = [];
      const pick = (objs: KubeObject[]) => {
        for (const o of objs) if (o.metadata.annotations?.[LAST_APPLIED] !== undefined && !visitedUids.has(o.metadata.uid ?? '')) pruned.push(o);
      };
      for (const n of visitedNamespaces) for (const info of kinds?.filter((i) => i.namespaced) ?? []) pick(listObjects(ctx, info, n, selector));
      for (const info of kinds?.filter((i) => !i.namespaced) ?? []) pick(listObjects(ctx, info, undefined, selector));
      // Printed into LIVE only (getObjectName from the object's own kind), managedFields and all.
      for (const o of pruned) {
        const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
        ctx.fs.write(`${liveDir}/${fileName(group, version, o.kind, o.metadata.namespace ?? '', o.metadata.name ?? '')}`, printYAML(o));
      }
    }
    const argv = diffCommand(ctx, liveDir, mergedDir);
    const status = ctx.exec ? ctx.exec(argv) : undefined;
    if (status === undefined) throw new CmdError(`failed to run ${JSON.stringify(argv[0])}: executable file not found in $PATH`);
    if (status > 1) throw new CmdError(`failed to run ${JSON.stringify(argv[0])}: exit status ${status}`);
    if (status === 1) throw new ExitStatus(1);
    return 0;
  } finally {
    ctx.fs.removeTree(liveDir);
    ctx.fs.removeTree(mergedDir);
  }
}
