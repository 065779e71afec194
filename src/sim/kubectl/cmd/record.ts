/**
 * The deprecated --record flag (cli-runtime pkg/genericclioptions/record_flags.go): the command line is
 * stored in the `kubernetes.io/change-cause` annotation, which `kubectl rollout history` shows.
 * The value is the command line: program name, arguments, then the flags in the order given.
 */
import type { FlagDef, Flags } from '../flags.ts';
import type { KubectlContext } from '../types.ts';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const RECORD_FLAG: FlagDef = { name: 'record', type: 'bool' };

/** cobra prints a deprecated flag's notice to stderr when the flag is used. */
export function recordDeprecation(ctx: KubectlContext, flags: Flags): void {
  if (flags.isSet('record')) ctx.err('Flag --record has been deprecated, --record will be removed in the future\n');
}

/**
 * parseCommandArguments (cli-runtime record_flags.go): the program's base name, the non-flag arguments
 * (command words included), then every flag in the order given as ` --<name>=<value>`, e.g.
 * `kubectl set image deployment/web nginx=nginx:1.25 --record=true`.
 */
export function changeCause(path: string, args: string[], flags: Flags): string {
  let s = [path, ...args].join(' ');
  for (const g of flags.given) s += ` --${g.name}=${g.raw}`;
  return s;
}
