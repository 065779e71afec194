/**
 * The simulator in a Web Worker: the page never waits on it (a long jump in time, a YAML bomb, a
 * 10 MB paste all run here; the page stays responsive and can stop a runaway worker and rebuild
 * the session from its log). Messages: protocol.ts.
 */
import { Host } from './host.ts';
import { loadDescriptions } from './descriptions-lazy.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { Op } from '../../lib/run/state.ts';

/** The worker's global scope (the project's TypeScript lib is DOM, not WebWorker). */
const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((ev: MessageEvent<ToWorker>) => void) | null };

let host: Host | null = null;
const cancelled = new Set<number>();

const post = (m: FromWorker) => scope.postMessage(m);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function pushView() {
  if (!host) return;
  const view = host.view();
  if (view) post({ type: 'view', view, now: host.now() });
  const flow = host.flow();
  if (flow) post({ type: 'flow', flow });
}

/** `kubectl explain` needs the field descriptions, which load only when a script asks for them. */
async function prepare(ops: Op[]) {
  if (ops.some((o) => (o.t === 'r' || o.t === 's' || o.t === 'e') && /\bexplain\b/.test(o.s))) await loadDescriptions();
}

const yieldNow = () => new Promise((r) => setTimeout(r, 0));

async function handle(m: ToWorker): Promise<unknown> {
  if (m.type === 'init') {
    const t0 = performance.now();
    await prepare(m.ops);
    host = new Host(m.seed, m.setup, { trace: m.trace });
    const t1 = performance.now();
    let failedAt: number | null = null;
    let error: string | undefined;
    for (let i = 0; i < m.ops.length; i++) {
      try {
        host.apply(m.ops[i]);
      } catch (e) {
        failedAt = i;
        error = errorText(e);
        break;
      }
    }
    const t2 = performance.now();
    host.flow(true); // the replayed past is not shown as a live run
    pushView();
    return { now: host.now(), prompt: host.prompt(), bootMs: t1 - t0, replayMs: t2 - t1, failedAt, ...(error ? { error } : {}) };
  }
  if (!host) throw new Error('not initialised');
  switch (m.type) {
    case 'ops': {
      await prepare(m.ops);
      const results = [];
      let error: string | undefined;
      for (const op of m.ops) {
        try {
          results.push(host.apply(op));
        } catch (e) {
          error = errorText(e);
          results.push({ entries: [{ command: op.t === 'r' || op.t === 's' || op.t === 'e' ? op.s : '', output: [{ stream: 'stderr' as const, text: `시뮬레이터 오류: ${error}\n` }], status: 1 }], prompt: host.prompt() });
        }
      }
      pushView();
      return { results, ...(error ? { error } : {}) };
    }
    case 'advance': {
      // In chunks, so progress can be shown and a cancel can arrive between them.
      let done = 0;
      const chunk = Math.max(1000, m.chunk);
      while (done < m.ms && !cancelled.has(m.id)) {
        const step = Math.min(chunk, m.ms - done);
        host.apply({ t: 'a', ms: step });
        done += step;
        if (done < m.ms) {
          post({ type: 'progress', id: m.id, done, total: m.ms, now: host.now() });
          pushView();
          await yieldNow();
        }
      }
      cancelled.delete(m.id);
      pushView();
      return { advanced: done, now: host.now() };
    }
    case 'cancel':
      cancelled.add(m.target);
      return null;
    case 'view':
      return host.view(true);
    case 'inspect':
      return host.inspect(m.kind, m.ns, m.name);
    case 'explain':
      return { explanation: host.explain(m.uid), message: host.pendingMessage(m.ns, m.name) };
    case 'complete':
      return host.complete(m.line);
    case 'read':
      return host.readFile(m.path);
    case 'editBuffer':
      return host.editBuffer(m.line);
  }
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  handle(m).then(
    (value) => post({ id: m.id, ok: true, value }),
    (e) => post({ id: m.id, ok: false, error: errorText(e) }),
  );
};
