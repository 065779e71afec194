/**
 * What the browser keeps about labs, in localStorage, versioned and validated on read (pure; the
 * pages call these with the raw strings): which labs are done, and each lab's terminal session as
 * its log of operations (replayed on a fresh simulator — the simulator is deterministic). Damaged,
 * foreign or old data is refused with a reason, never half-used; nothing leaves the browser.
 */
import { LIMITS, readVersioned, validOp, type Op } from '../lib/run/state.ts';
import { josa } from './josa.ts';

export { PROGRESS_VERSION, PROGRESS_KEY, emptyProgress, readProgress, markDone, unmark, type Progress, type ReadFailure } from './done.ts';
import { PROGRESS_VERSION, type ReadFailure } from './done.ts';

/** One lab's session: { v, key, setup, ops }. */
export const labSessionKey = (key: string) => `kubenote:labs:v1:session:${key}`;

// ---- one lab's session -------------------------------------------------------------------------

export interface LabSave {
  v: number;
  key: string;
  /** Hash of the lab's scenario (setup + version): a changed lab starts over. */
  setup: string;
  ops: Op[];
}

export const newLabSave = (key: string, setup: string): LabSave => ({ v: PROGRESS_VERSION, key, setup, ops: [] });

export function readLabSave(raw: string | null, expect: { key: string; setup: string }): { ok: true; save: LabSave } | { ok: false; reason: ReadFailure } {
  const r = readVersioned(raw, PROGRESS_VERSION);
  if (!r.ok) return r;
  const d = r.d;
  if (typeof d.key !== 'string' || typeof d.setup !== 'string' || !Array.isArray(d.ops)) return { ok: false, reason: 'corrupt' };
  if (d.ops.length > LIMITS.ops || !d.ops.every(validOp)) return { ok: false, reason: 'corrupt' };
  if (d.key !== expect.key || d.setup !== expect.setup) return { ok: false, reason: 'changed' };
  return { ok: true, save: { v: PROGRESS_VERSION, key: d.key, setup: d.setup, ops: d.ops as Op[] } };
}

/** FNV-1a of a lab's scenario (what a saved session must have started from). */
export function scenarioHash(setup: string, version = ''): string {
  let h = 0x811c9dc5;
  const s = `${version}\n${setup}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The notice shown when saved data could not be used (Korean, for the page's status line). */
export function failureNotice(reason: ReadFailure, what: string): string | null {
  switch (reason) {
    case 'missing':
      return null;
    case 'changed':
      return `실습 내용이 바뀌어 저장된 ${josa(what, '을/를')} 지우고 새로 시작했습니다.`;
    case 'version':
      return `이전 버전에서 저장된 ${josa(what, '이라/라')} 새로 시작했습니다.`;
    default:
      return `저장된 ${josa(what, '이/가')} 손상되어 읽을 수 없었습니다. 새로 시작합니다.`;
  }
}
