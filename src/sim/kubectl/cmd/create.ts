/** kubectl create -f (k8s.io/kubectl/pkg/cmd/create/create.go); the generator sub-commands live in create_*.ts. */
import { clone, type KubeObject } from '../../api/object.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { enforceNamespace, readFileTargets } from '../builder.ts';
import { CmdError, reportApiErrors } from '../errors.ts';
import type { Command } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, printObjects } from './common.ts';

export const VALIDATE_FLAG = { name: 'validate', type: 'string' as const, default: 'strict', noOptDefault: 'strict' };

export function fieldValidation(v: string): 'Strict' | 'Warn' | 'Ignore' {
  switch (v) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
  }
  throw new CmdError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

export const createFromFile: Command['run'] = (ctx, _args, flags) => {
  const files = flags.list('filename');
  if (!files.length) throw new CmdError('must specify one of -f and -k');
  const dryRun = dryRunOf(flags, ctx);
  const validation = fieldValidation(flags.str('validate'));
  const targets = readFileTargets(ctx, files, flags.bool('recursive'), validation !== 'Ignore');
  if (!targets.length) throw new CmdError('no objects passed to create');
  let status = 0;
  const printed: KubeObject[] = [];
  // create.go visits with ContinueOnError: the objects' API errors (each with its source,
  // cmdutil.AddSourceToErr("creating", …)) come after the rest, as CheckErr prints their aggregate.
  const apiErrors: ApiError[] = [];
  for (const t of targets) {
    try {
      const ns = enforceNamespace(t, ctx);
      const obj = clone(t.object!);
      if (dryRun === 'client') {
        if (ns && t.info.namespaced) obj.metadata = { ...(obj.metadata ?? {}), namespace: ns };
        printed.push(obj);
        printObjects(ctx, [obj], flags, 'created', dryRun);
        continue;
      }
      const created = call(ctx, t.info, { verb: 'create', namespace: ns, body: obj, dryRun: dryRun === 'server', fieldValidation: validation }) as KubeObject;
      printObjects(ctx, [created], flags, 'created', dryRun);
    } catch (e) {
      status = 1;
      if (e instanceof ApiError) apiErrors.push(t.source ? new ApiError({ ...e.status, message: `error when creating "${t.source}": ${e.status.message}` }) : e);
      else {
        reportApiErrors(ctx, apiErrors);
        throw e;
      }
    }
  }
  reportApiErrors(ctx, apiErrors);
  return status;
};

export const CREATE_FLAGS = [...PRINT_FLAGS, FILENAME_FLAG, RECURSIVE_FLAG, DRY_RUN_FLAG, VALIDATE_FLAG, { name: 'edit', type: 'bool' as const }, { name: 'save-config', type: 'bool' as const }, { name: 'windows-line-endings', type: 'bool' as const }, { name: 'selector', short: 'l', type: 'string' as const }, { name: 'raw', type: 'string' as const }, { name: 'field-manager', type: 'string' as const, default: 'kubectl-create' }, { name: 'kustomize', short: 'k', type: 'string' as const }];
