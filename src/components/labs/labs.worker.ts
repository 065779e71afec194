/**
 * The simulator for a lab page or the mock exam, in a Web Worker (the page never waits on it; a
 * runaway request is stopped by the page and the cluster rebuilt from its log). Holds one LabHost
 * or one ExamHost (src/labs/clusters.ts). Messages: protocol.ts.
 */
import { ExamHost, LabHost } from '../../labs/clusters.ts';
import { labByKey } from '../../labs/index.ts';
import { loadDescriptions } from '../run/descriptions-lazy.ts';
import { loadAll } from '../run/lazy.ts';
import type { Op } from '../../lib/run/state.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** The worker's global scope (the project's TypeScript lib is DOM, not WebWorker). */
const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((ev: MessageEvent<ToWorker>) => void) | null };

let lab: LabHost | null = null;
let exam: ExamHost | null = null;

const post = (m: FromWorker) => scope.postMessage(m);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A lab's checks and a learner's terminal may run any command: all of the simulator's code (lazy.ts)
 * loads with the lab; `kubectl explain`'s field descriptions only when a command asks for them.
 */
async function prepare(ops: Op[]) {
  await Promise.all([loadAll(), ops.some((o) => (o.t === 'r' || o.t === 's' || o.t === 'e') && /\bexplain\b/.test(o.s)) ? loadDescriptions() : undefined]);
}

async function handle(m: ToWorker): Promise<unknown> {
  switch (m.type) {
    case 'lab': {
      const def = labByKey(m.key);
      if (!def) throw new Error(`알 수 없는 실습입니다: ${m.key}`);
      await prepare(m.ops);
      lab = new LabHost(def);
      exam = null;
      const r = lab.replay(m.ops);
      return { prompt: lab.prompt(), ...r };
    }
    case 'exam': {
      await prepare(Object.values(m.ops).flat());
      exam = new ExamHost(m.tasks, m.current, m.ops);
      lab = null;
      return { prompt: exam.prompt(), current: exam.current };
    }
  }
  const host = lab ?? exam;
  if (!host) throw new Error('not initialised');
  switch (m.type) {
    case 'ops': {
      await prepare(m.ops);
      const results = [];
      let error: string | undefined;
      for (const op of m.ops) {
        try {
          if (exam) {
            const r = exam.apply(op);
            results.push({ entries: r.entries, prompt: r.prompt, log: r.log, current: exam.current });
          } else results.push(lab!.apply(op));
        } catch (e) {
          error = errorText(e);
          const command = op.t === 'r' || op.t === 's' || op.t === 'e' ? op.s : '';
          results.push({ entries: [{ command, output: [{ stream: 'stderr' as const, text: `시뮬레이터 오류: ${error}\n` }], status: 1 }], prompt: host.prompt(), ...(exam ? { log: [], current: exam.current } : {}) });
        }
      }
      return { results, ...(error ? { error } : {}) };
    }
    case 'complete':
      return host.complete(m.line);
    case 'read':
      return host.read(m.path);
    case 'editBuffer':
      return host.editBuffer(m.line);
    case 'grade':
      if (!lab) throw new Error('not a lab');
      return lab.grade();
    case 'gradeExam':
      if (!exam) throw new Error('not an exam');
      return { grades: exam.gradeAll() };
  }
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  handle(m).then(
    (value) => post({ id: m.id, ok: true, value }),
    (e) => post({ id: m.id, ok: false, error: errorText(e) }),
  );
};
