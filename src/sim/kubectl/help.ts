/**
 * What `kubectl <command> -h` prints: cobra's help of the command (Long, Examples, Options, Usage),
 * generated from the real binary by scripts/gen-kubectl-help.mjs. Command groups run without a
 * sub-command print the same text (cmdutil.DefaultSubCommandRun).
 */
import helpJson from './generated/help.json' with { type: 'json' };

const HELP = (helpJson as { help: Record<string, string> }).help;

/** The help text of a command path ("set selector"), or undefined for a path without one. */
export function helpText(path: string): string | undefined {
  return Object.hasOwn(HELP, path) ? HELP[path] : undefined;
}
