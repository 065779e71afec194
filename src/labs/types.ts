/**
 * A practice lab: data (a starting scenario, a task in Korean, hints, a model solution) plus a check
 * over the resulting cluster state. Pure: no DOM, runs in Node (tests, CLI) and in the browser's
 * simulator worker.
 */
import type { SectionId } from '../sections.ts';
import type { Check } from './check.ts';

/**
 * CKA curriculum domains (CNCF curriculum v1.35). The notes cover no storage topic (only "back up
 * PersistentVolumes" in note 54), so no lab is in `storage`; the mock exam gives its weight to
 * `workloads` (see exam.ts).
 */
export type Domain = 'troubleshooting' | 'architecture' | 'networking' | 'workloads' | 'storage';

export const DOMAINS: Record<Domain, { title: string; weight: number }> = {
  troubleshooting: { title: '트러블슈팅', weight: 30 },
  architecture: { title: '클러스터 아키텍처·설치·구성', weight: 25 },
  networking: { title: '서비스와 네트워킹', weight: 20 },
  workloads: { title: '워크로드와 스케줄링', weight: 15 },
  storage: { title: '스토리지', weight: 10 },
};

export interface Lab {
  /** Unique inside its section; the page is /labs/<section>/<id>/. Lowercase, digits, '-'. */
  id: string;
  section: SectionId;
  /** Short Korean title. */
  title: string;
  /** Slugs of the notes the lab practises (src/content/notes/<section>/<slug>.mdx). */
  notes: string[];
  domain: Domain;
  /** Cluster version to boot (default v1.35.0); 'v1.34.3' for minor-upgrade labs. */
  version?: 'v1.34.3';
  /**
   * Shell lines run on a fresh session before the learner gets the terminal (may break something).
   * Must end on the control plane (an `ssh` is closed with `exit`).
   */
  setup: string;
  /**
   * The task in Korean. Paragraphs separated by a blank line; `code` in backticks; lines starting
   * with "- " are list items. Rendered as text, never as HTML.
   */
  task: string;
  /** Hints, revealed one at a time (same markup as `task`). */
  hints: string[];
  /** The model solution: shell lines as typed in the terminal (here-documents allowed). */
  solution: string;
  /**
   * Inspects the cluster state (objects through the API, node files, kubelets) and reports what is
   * still wrong with `c.fail(…)`; no failure means the task is done. Never looks at the commands typed.
   */
  check(c: Check): void;
  /** Simulated time the grader lets pass before checking (default SETTLE_MS). */
  settleMs?: number;
  /** Left out of the mock exam (e.g. a lab that only makes sense after reading the note). */
  noExam?: boolean;
}

/** Result of grading a lab. */
export interface Grade {
  ok: boolean;
  /** Korean messages, one per thing still wrong (empty when ok). */
  messages: string[];
}
