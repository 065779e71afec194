/**
 * kubectl delete (k8s.io/kubectl/pkg/cmd/delete): by name, -f, -l, --all; graceful by default and waits
 * for the objects to go (--wait=true), printing `<kind> "<name>" deleted from <ns> namespace` (v1.34+).
 */
import { MISSING_RESOURCE } from './visit.ts';
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { enforceNamespace, readFileTargets, targetsFromArgs, type Target } from '../builder.ts';
import { CmdError, renderError, statusMessage } from '../errors.ts';
import type { Command, KubectlContext } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, call, dryRunOf, kindString, listObjects } from './common.ts';


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
    const dryRun = dryRunOf(flags, ctx);
    let grace = flags.int('grace-period');
    if (flags.bool('now')) {
      if (grace !== -1) throw new CmdError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    const force = flags.bool('force');
    if (force && grace === -1) grace = 0;
    if (force && grace === 0) {
      ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    } else if (grace === 0 && !force) {
      // A zero grace period without --force means "as short as possible" (1 s).
      grace = 1;
    }
    const cascade = flags.str('cascade');
    const propagation = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : cascade === 'background' || cascade === 'true' ? 'Background' : cascade === 'false' ? 'Orphan' : undefined;
    if (!propagation) throw new CmdError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);

    const allNs = flags.bool('all-namespaces');
    const files = flags.list('filename');
    let targets: Target[] = [];
    const selector = flags.str('selector');
    if (files.length) {
      targets = readFileTargets(ctx, files, flags.bool('recursive')).map((t) => ({ ...t, namespace: enforceNamespace(t, ctx) }));
    } else {
      if (!args.length) throw new CmdError(MISSING_RESOURCE, 'usage');
      const parsed = targetsFromArgs(args, ctx.namespace);
      targets = parsed.targets;
      if (parsed.types.length) {
        if (!flags.bool('all') && !selector && !flags.str('field-selector')) {
          throw new CmdError('resource(s) were provided, but no name was specified', 'usage');
        }
        for (const info of parsed.types) {
          for (const o of listObjects(ctx, info, info.namespaced && !allNs ? ctx.namespace : undefined, selector, flags.str('field-selector'))) {
            targets.push({ info, namespace: o.metadata.namespace, name: o.metadata.name });
          }
        }
        if (!targets.length) {
          ctx.err(allNs || !parsed.types.some((t) => t.namespaced) ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
          return 0;
        }
      } else if (flags.bool('all')) {
        throw new CmdError('name cannot be provided when --all is specified', 'plain');
      }
    }
    let status = 0;
    const deleted: { info: ResourceInfo; ns?: string; name: string; uid?: string }[] = [];
    for (const t of targets) {
      const name = t.name ?? t.object?.metadata?.name ?? '';
      try {
        const body = call(ctx, t.info, {
          verb: 'delete',
          namespace: t.info.namespaced ? t.namespace : undefined,
          name,
          dryRun: dryRun !== 'none',
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
          propagationPolicy: propagation,
        }) as KubeObject;
        if (flags.str('output') === 'name') ctx.out(`${kindString(t.info)}/${name}\n`);
        else {
          let op = force && grace === 0 ? 'force deleted' : 'deleted';
          if (t.info.namespaced) op += ` from ${t.namespace} namespace`;
          if (dryRun === 'client') op += ' (dry run)';
          if (dryRun === 'server') op += ' (server dry run)';
          ctx.out(`${kindString(t.info)} "${name}" ${op}\n`);
        }
        deleted.push({ info: t.info, ns: t.namespace, name, uid: body?.metadata?.uid });
      } catch (e) {
        if (e instanceof ApiError && e.status.code === 404 && flags.bool('ignore-not-found')) continue;
        status = 1;
        if (e instanceof ApiError && t.source) ctx.err(statusMessage(e.status, `error when deleting "${t.source}": `) + '\n');
        else ctx.err(renderError(e, 'kubectl delete'));
      }
    }
    if (dryRun === 'none' && flags.bool('wait') && !(force && grace === 0)) waitForDeletion(ctx, deleted);
    return status;
  },
};

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
