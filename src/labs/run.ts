/**
 * Running labs on the simulator: a fresh session with the lab's scenario, the grader (settle, then
 * check), the model solution. Shared by the headless test, the CLI and the browser worker.
 */
import { Session, type TranscriptEntry } from '../sim/session.ts';
import { Check } from './check.ts';
import type { Grade, Lab } from './types.ts';

/** Simulated time the grader lets pass before it looks (pods start, controllers catch up). */
export const SETTLE_MS = 15_000;

export const labKey = (lab: Pick<Lab, 'section' | 'id'>) => `${lab.section}/${lab.id}`;

/** FNV-1a: a lab's cluster seed, so the same lab always starts from the same cluster. */
export function seedFor(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 1_000_000_007 || 1;
}

export const labSeed = (lab: Lab) => seedFor(`lab:${labKey(lab)}`);

/** A fresh cluster in the lab's starting state (the setup's transcript is not shown to the learner). */
export function startLab(lab: Lab, seed = labSeed(lab)): { session: Session; setup: TranscriptEntry[] } {
  const session = new Session({ seed, ...(lab.version ? { version: lab.version } : {}) });
  const setup = lab.setup.trim() ? session.run(lab.setup) : [];
  return { session, setup };
}

/** Checks the cluster as it is now (no time passes). A check that throws is reported, not thrown. */
export function check(lab: Lab, session: Session): Grade {
  const c = new Check(session);
  try {
    lab.check(c);
  } catch (e) {
    c.fail(`채점 중 오류가 났습니다: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ok: c.ok, messages: [...c.messages] };
}

export const settleMs = (lab: Lab) => lab.settleMs ?? SETTLE_MS;

/** What the 채점 button does: let the cluster settle, then check. */
export function grade(lab: Lab, session: Session): Grade {
  session.cluster.clock.advance(settleMs(lab));
  return check(lab, session);
}

/** Runs the model solution on the session; returns its transcript. */
export function solve(lab: Lab, session: Session): TranscriptEntry[] {
  return session.run(lab.solution);
}
