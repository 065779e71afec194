/**
 * How kubectl reports errors (kubectl pkg/cmd/util/helpers.go CheckErr / StandardErrorMessage):
 * API status errors as `Error from server (Reason): message`, 422 Invalid from the status causes,
 * usage errors followed by the "See 'kubectl … -h'" hint.
 */
import { ApiError, type Status } from '../apiserver/errors.ts';

export class CmdError extends Error {
  /** 'usage' adds "See '<path> -h' for help and examples"; 'raw' prints the message as is. */
  readonly kind: 'plain' | 'usage' | 'raw';
  constructor(message: string, kind: 'plain' | 'usage' | 'raw' = 'plain') {
    super(message);
    this.kind = kind;
  }
}

export function usageError(msg: string): CmdError {
  return new CmdError(msg, 'usage');
}

/** The text kubectl prints for an API status error (StandardErrorMessage). */
export function statusMessage(st: Status, source?: string): string {
  if (st.reason === 'Invalid' && st.details?.causes?.length) {
    const kind = st.details.kind ?? '';
    const name = st.details.name ?? '';
    const seen = new Set<string>();
    const causes = st.details.causes.filter((c) => {
      const k = `${c.field}: ${c.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (causes.length === 1) return `The ${kind} "${name}" is invalid: ${causes[0].field}: ${causes[0].message}`;
    return `The ${kind} "${name}" is invalid: \n${causes.map((c) => `* ${c.field}: ${c.message}`).join('\n')}`;
  }
  const msg = source ? `${source}${st.message ?? ''}` : (st.message ?? '');
  if (st.reason && st.reason !== 'Unknown') return `Error from server (${st.reason}): ${msg}`;
  return `Error from server: ${msg}`;
}

/** Render any error as kubectl's CheckErr would, with `path` for usage hints. */
export function renderError(e: unknown, path: string): string {
  if (e instanceof ApiError) return statusMessage(e.status) + '\n';
  if (e instanceof CmdError) {
    if (e.kind === 'raw') return e.message.endsWith('\n') ? e.message : e.message + '\n';
    const msg = e.message.startsWith('error: ') || e.message.startsWith('Error: ') ? e.message : `error: ${e.message}`;
    return e.kind === 'usage' ? `${msg}\nSee '${path} -h' for help and examples\n` : msg + '\n';
  }
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.startsWith('error: ') ? msg : `error: ${msg}`) + '\n';
}

export { ApiError };

/**
 * The API errors a builder visit with ContinueOnError gathered (apply, create -f), as CheckErr
 * prints their aggregate after the rest of the output: one as it prints that error alone (an
 * Invalid one from its causes), several each as "Error from server (Reason): message".
 */
export function reportApiErrors(ctx: { err(s: string): void }, errs: readonly ApiError[]): void {
  if (errs.length === 1) ctx.err(statusMessage(errs[0].status) + '\n');
  else for (const e of errs) ctx.err(statusMessage({ ...e.status, details: undefined }) + '\n');
}
