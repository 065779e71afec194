/**
 * Which labs are done, as kept in localStorage (versioned, validated on read). No imports, so the
 * small progress marks on the home page and the lab index stay small.
 */
export const PROGRESS_VERSION = 1;
/** Done labs: { v, done: { "section/id": epoch ms } }. */
export const PROGRESS_KEY = 'kubenote:labs:v1:done';

export type ReadFailure = 'missing' | 'corrupt' | 'version' | 'changed';

export interface Progress {
  v: number;
  done: Record<string, number>;
}

export const emptyProgress = (): Progress => ({ v: PROGRESS_VERSION, done: {} });

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** Parses saved progress; unknown lab keys are kept only if they look like keys (a lab may come back). */
export function readProgress(raw: string | null): { ok: true; progress: Progress } | { ok: false; reason: ReadFailure; progress: Progress } {
  if (raw === null) return { ok: false, reason: 'missing', progress: emptyProgress() };
  let d: unknown;
  try {
    d = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'corrupt', progress: emptyProgress() };
  }
  if (!isObj(d) || typeof d.v !== 'number') return { ok: false, reason: 'corrupt', progress: emptyProgress() };
  if (d.v !== PROGRESS_VERSION) return { ok: false, reason: 'version', progress: emptyProgress() };
  if (!isObj(d.done)) return { ok: false, reason: 'corrupt', progress: emptyProgress() };
  const done: Record<string, number> = {};
  for (const [k, v] of Object.entries(d.done)) {
    if (!/^[a-z-]+\/[a-z0-9-]+$/.test(k) || typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, reason: 'corrupt', progress: emptyProgress() };
    done[k] = v;
  }
  return { ok: true, progress: { v: PROGRESS_VERSION, done } };
}

export function markDone(p: Progress, key: string, at: number): Progress {
  return { v: PROGRESS_VERSION, done: { ...p.done, [key]: p.done[key] ?? at } };
}

export function unmark(p: Progress, key: string): Progress {
  const done = { ...p.done };
  delete done[key];
  return { v: PROGRESS_VERSION, done };
}
