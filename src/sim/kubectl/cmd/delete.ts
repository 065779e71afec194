/**
 * kubectl delete (k8s.io/kubectl/pkg/cmd/delete): by name, -f, -l, --all; graceful by default and waits
 * for the objects to go (--wait=true), printing `<kind> "<name>" deleted from <ns> namespace` (v1.34+).
 */
import { buildInfos, reportErrors } from './visit.ts';
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { CmdError } from '../errors.ts';
import type { Command, KubectlContext } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, call, dryRunOf, kindString, parseGoBool } from './common.ts';


export const del: Command = {
  name: 'delete',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'now', type: 'bool' },
    { name: 'wait', type: 'bool', default: true },
    { name: 'timeout', type: 'string', default: '0s' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'interactive', short: 'i', type: 'bool' },
    { name: 'raw', type: 'string' },
  ],
  run(ctx, args, flags) {
    // DeleteFlags.ToOptions parses --cascade before Complete.
    const propagation = cascadingStrategy(ctx, flags.str('cascade'));
    // Complete
    const all = flags.bool('all');
    const selector = flags.str('selector');
    const fieldSelector = flags.str('field-selector');
    const allNs = flags.bool('all-namespaces');
    const warnClusterScope = ctx.namespaceExplicit && !allNs;
    // With --all, -l or --field-selector a NotFound is ignored unless --ignore-not-found was given.
    const ignoreNotFound = flags.isSet('ignore-not-found') ? flags.bool('ignore-not-found') : all || !!selector || !!fieldSelector;
    let grace = flags.int('grace-period');
    if (flags.bool('now')) {
      if (grace !== -1) throw new CmdError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    const force = flags.bool('force');
    // A zero grace period without --force means "as short as possible" (1 s).
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const dryRun = dryRunOf(flags, ctx);
    // The builder: Unstructured, ContinueOnError, FilenameParam, LabelSelectorParam,
    // FieldSelectorParam, SelectAllParam, ResourceTypeOrNameArgs(false, …), RequireObject(false).
    if (all && (selector || fieldSelector)) throw new CmdError("setting 'all' parameter but found a non empty selector. ");
    const r = buildInfos(ctx, {
      args,
      files: flags.list('filename'),
      recursive: flags.bool('recursive'),
      selector,
      selectAll: all,
      fieldSelector,
      allNamespaces: allNs,
      requireObject: false,
    });
    // Validate
    const output = flags.str('output');
    if (output && output !== 'name') throw new CmdError(`unexpected -o output mode: ${output}. We only support '-o name'`);
    if (grace === 0 && force) {
      ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    } else if (grace > 0 && force) {
      throw new CmdError('--force and --grace-period greater than 0 cannot be specified together');
    }

    // DeleteResult: the visit goes on past errors, which come out at the end (and then nothing is waited for).
    const errs: unknown[] = r.errors.filter((e) => !(ignoreNotFound && e instanceof ApiError && e.status.code === 404));
    let warnScope = warnClusterScope;
    let found = 0;
    const deleted: { info: ResourceInfo; ns?: string; name: string; uid?: string }[] = [];
    for (const t of r.infos) {
      found++;
      if (warnScope && !t.info.namespaced) {
        ctx.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
        warnScope = false;
      }
      try {
        const body = dryRun === 'client'
          ? undefined
          : (call(ctx, t.info, {
              verb: 'delete',
              namespace: t.info.namespaced ? t.namespace : undefined,
              name: t.name,
              dryRun: dryRun === 'server',
              gracePeriodSeconds: grace >= 0 ? grace : undefined,
              propagationPolicy: propagation,
            }) as KubeObject);
        if (output === 'name') ctx.out(`${kindString(t.info)}/${t.name}\n`);
        else {
          let op = grace === 0 ? 'force deleted' : 'deleted';
          if (t.info.namespaced) op += ` from ${t.namespace} namespace`;
          if (dryRun === 'client') op += ' (dry run)';
          if (dryRun === 'server') op += ' (server dry run)';
          ctx.out(`${kindString(t.info)} "${t.name}" ${op}\n`);
        }
        deleted.push({ info: t.info, ns: t.namespace, name: t.name, uid: body?.metadata?.uid });
      } catch (e) {
        if (ignoreNotFound && e instanceof ApiError && e.status.code === 404) continue;
        errs.push(t.source && e instanceof ApiError ? new ApiError({ ...e.status, message: `error when deleting "${t.source}": ${e.status.message ?? ''}` }) : e);
      }
    }
    if (errs.length) return reportErrors(ctx, errs);
    if (found === 0) {
      ctx.out('No resources found\n');
      return 0;
    }
    if (dryRun === 'none' && flags.bool('wait')) waitForDeletion(ctx, deleted);
    return 0;
  },
};

/** parseCascadingFlag (kubectl pkg/cmd/delete/delete_flags.go): a strategy, or a deprecated boolean. */
export function cascadingStrategy(ctx: KubectlContext, value: string): 'Background' | 'Foreground' | 'Orphan' {
  const b = parseGoBool(value);
  if (b === undefined) {
    if (value === 'orphan') return 'Orphan';
    if (value === 'foreground') return 'Foreground';
    if (value === 'background') return 'Background';
    throw new CmdError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  }
  const replacement = b ? 'background' : 'orphan';
  ctx.err(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`);
  return b ? 'Background' : 'Orphan';
}

/** --wait: let time pass until every deleted object (same uid) is gone, as kubectl's wait does. */
export function waitForDeletion(ctx: KubectlContext, items: { info: ResourceInfo; ns?: string; name: string; uid?: string }[], timeoutMs = 3_600_000): boolean {
  const gone = () => items.every((i) => {
    const o = ctx.server.read(i.info, i.info.namespaced ? i.ns : undefined, i.name);
    return !o || (i.uid !== undefined && o.metadata.uid !== i.uid);
  });
  let waited = 0;
  while (!gone() && waited < timeoutMs) {
    ctx.wait(500);
    waited += 500;
  }
  return gone();
}
