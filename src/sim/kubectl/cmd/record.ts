/**
 * The deprecated --record flag (cli-runtime pkg/genericclioptions/record_flags.go): the command line is
 * stored in the `kubernetes.io/change-cause` annotation, which `kubectl rollout history` shows.
 * The value is the command path, its arguments, then every flag that was set as ` --name=value`
 * in flag-name order (pflag's Visit), e.g. `kubectl set image deployment/web nginx=nginx:1.25 --record=true`.
 */
import type { FlagDef, Flags } from '../flags.ts';
import type { KubectlContext } from '../types.ts';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const RECORD_FLAG: FlagDef = { name: 'record', type: 'bool' };

/** cobra prints a deprecated flag's notice to stderr when the flag is used. */
export function recordDeprecation(ctx: KubectlContext, flags: Flags): void {
  if (flags.isSet('record')) ctx.err('Flag --record has been deprecated, --record will be removed in the future\n');
}

/** parseCommandArguments: the change-cause text for this invocation. */
export function changeCause(path: string, args: string[], flags: Flags): string {
  let s = path;
  if (args.length) s += ' ' + args.join(' ');
  const names = [...flags.defs.keys()].filter((n) => flags.isSet(n)).sort();
  for (const n of names) {
    const d = flags.defs.get(n)!;
    const v = flags.get<unknown>(n);
    const text = Array.isArray(v) ? v.join(',') : d.type === 'bool' ? String(!!v) : String(v);
    s += ` --${n}=${text}`;
  }
  return s;
}
