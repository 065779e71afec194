/** Messages between the lab and exam pages (client.ts) and the simulator worker (labs.worker.ts). Types only. */
import type { Completion } from '../run/complete.ts';
import type { OpResult } from '../run/host.ts';
import type { RunEntry } from '../../lib/run/outcome.ts';
import type { Op } from '../../lib/run/state.ts';
import type { ExamTask } from '../../labs/exam.ts';
import type { Grade } from '../../labs/types.ts';

export type Request =
  | { type: 'lab'; key: string; ops: Op[] }
  | { type: 'exam'; tasks: ExamTask[]; current: string; ops: Record<string, Op[]> }
  | { type: 'ops'; ops: Op[] }
  | { type: 'complete'; line: string }
  | { type: 'read'; path: string }
  | { type: 'editBuffer'; line: string }
  | { type: 'grade' }
  | { type: 'gradeExam' };

/** One operation's result; in the exam, which contexts to log it on and the context after it. */
export interface ExamOpResult extends OpResult {
  log: { ctx: string; op: Op }[];
  current: string;
}

export interface Replies {
  lab: { prompt: string; failedAt: number | null; error?: string };
  exam: { prompt: string; current: string };
  ops: { results: (OpResult | ExamOpResult)[]; error?: string };
  complete: Completion;
  read: string | null;
  editBuffer: { text: string | null; entries: RunEntry[] };
  grade: { grade: Grade; ms: number };
  gradeExam: { grades: Record<string, Grade> };
}

export type ToWorker = Request & { id: number };
export type FromWorker = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
