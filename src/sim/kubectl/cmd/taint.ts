/**
 * kubectl taint (k8s.io/kubectl/pkg/cmd/taint/taint.go RunTaint): nodes by name, -l or --all; the new
 * taint list comes from ../taint/parse.ts (parseTaints, reorganizeTaints, the --overwrite check) and is
 * patched onto each node. Prints `node/x tainted`, `node/x untainted` or `node/x modified`.
 */
import { clone, type KubeObject } from '../../api/object.ts';
import { lookupResource } from '../../api/resources.ts';
import { CmdError } from '../errors.ts';
import { formatTaintError, parseTaintArgs, reorganizeTaints, validateTaintArgs, type Taint } from '../taint/parse.ts';
import type { Command } from '../types.ts';
import { DRY_RUN_FLAG, PRINT_FLAGS, call, dryRunOf, printObjects } from './common.ts';
import { VALIDATE_FLAG } from './create.ts';
import { aggregate, buildInfos, reportErrors } from './visit.ts';

export const taint: Command = {
  name: 'taint',
  flags: [...PRINT_FLAGS, DRY_RUN_FLAG, VALIDATE_FLAG, { name: 'selector', short: 'l', type: 'string' }, { name: 'overwrite', type: 'bool' }, { name: 'all', type: 'bool' }, { name: 'field-manager', type: 'string', default: 'kubectl-taint' }],
  run(ctx, args, flags) {
    const dryRun = dryRunOf(flags, ctx);
    const parsed = parseTaintArgs(args);
    if (!parsed.ok) {
      ctx.err(formatTaintError(parsed));
      return 1;
    }
    const selector = flags.str('selector');
    const all = flags.bool('all');
    const bad = validateTaintArgs(parsed, {
      all,
      selector,
      kindFor: (r) => {
        const info = lookupResource(r);
        return info ? { kind: info.kind } : { error: `the server doesn't have a resource type "${r}"` };
      },
    });
    if (bad) {
      ctx.err(formatTaintError(bad));
      return 1;
    }
    const overwrite = flags.bool('overwrite');
    const names = !all && !selector ? parsed.resources.slice(1) : [];
    const { infos, errors } = buildInfos(ctx, all || selector ? { args: ['nodes'], selector, all } : { args: names, defaultType: 'node' });
    const errs: unknown[] = [...errors];
    for (const it of infos) {
      try {
        const node = it.object;
        const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
        if (!overwrite) {
          const exists: string[] = [];
          for (const t of parsed.add) for (const o of old) if (t.key === o.key && (t.effect ?? '') === (o.effect ?? '')) exists.push(t.key);
          if (exists.length) throw new CmdError(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
        }
        const r = reorganizeTaints(old, overwrite, parsed.add, parsed.remove);
        if (r.errors.length) throw aggregate(r.errors.map((e) => new CmdError(e)));
        const next = clone(node);
        const spec = (next.spec ??= {}) as { taints?: Taint[] };
        if (r.taints.length) spec.taints = r.taints;
        else delete spec.taints;
        const changed = JSON.stringify(spec.taints ?? []) !== JSON.stringify(old);
        if (dryRun === 'client') {
          // ToPrinter sets the operation after the dry-run suffix was applied, so kubectl prints none.
          printObjects(ctx, [next], flags, r.operation);
          continue;
        }
        const out = changed
          ? (call(ctx, it.info, { verb: 'patch', patchType: 'merge', name: it.name, body: { spec: { taints: r.taints.length ? r.taints : null } }, dryRun: dryRun === 'server' }) as KubeObject)
          : node;
        printObjects(ctx, [out], flags, r.operation);
      } catch (e) {
        errs.push(e);
      }
    }
    return reportErrors(ctx, errs);
  },
};

