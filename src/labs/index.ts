/**
 * Every lab, by section (one file per section in ./sections). Pure data + checks: the pages import
 * it at build time for the task texts, the simulator worker for setups and checks.
 */
import { SECTIONS, type SectionId } from '../sections.ts';
import { labKey } from './run.ts';
import type { Lab } from './types.ts';
import { labs as architecture } from './sections/architecture.ts';
import { labs as scheduling } from './sections/scheduling.ts';
import { labs as loggingMonitoring } from './sections/logging-monitoring.ts';
import { labs as lifecycle } from './sections/lifecycle.ts';
import { labs as maintenance } from './sections/maintenance.ts';
import { labs as examTips } from './sections/exam-tips.ts';

export const LABS_BY_SECTION: Record<SectionId, Lab[]> = {
  architecture,
  scheduling,
  'logging-monitoring': loggingMonitoring,
  lifecycle,
  maintenance,
  'exam-tips': examTips,
};

/** All labs in course order (sections as in src/sections.ts). */
export const LABS: Lab[] = SECTIONS.flatMap((s) => LABS_BY_SECTION[s.id]);

const byKey = new Map(LABS.map((l) => [labKey(l), l]));

/** A lab by "section/id", or undefined (never throws on bad input). */
export function labByKey(key: unknown): Lab | undefined {
  return typeof key === 'string' ? byKey.get(key) : undefined;
}
