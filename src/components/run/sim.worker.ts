/**
 * The simulator in a Web Worker: the page never waits on it (a long jump in time, a YAML bomb, a
 * 10 MB paste all run here; the page stays responsive and can stop a runaway worker and rebuild
 * the session from its log). Messages: protocol.ts.
 */
import { Host } from './host.ts';
import { Session } from '../../sim/session.ts';
import { seedOf } from '../../lib/run/runner.ts';
import { loadDescriptions } from './descriptions-lazy.ts';
import { loadAll, loadFor, takeMiss, wordsOf } from './lazy.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { Op } from '../../lib/run/state.ts';

/** The worker's global scope (the project's TypeScript lib is DOM, not WebWorker). */
const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((ev: MessageEvent<ToWorker>) => void) | null };

let host: Host | null = null;

/**
 * Started by loader.ts, the worker is named after the page (its slug) and boots that page's cluster
 * before any message, while the run UI still loads: the session the first `init` most likely asks
 * for (a page in "my lab" mode asks for another seed, and this one is dropped).
 */
let early: { seed: number; session: Session; ms: number } | null = (() => {
  const slug = (self as unknown as { name?: string }).name;
  if (!slug) return null;
  const seed = seedOf(slug);
  try {
    const t0 = performance.now();
    return { seed, session: new Session({ seed }), ms: performance.now() - t0 };
  } catch {
    return null;
  }
})();

/**
 * A fresh cluster for `seed`: the early one when it is that one (with the time its boot took, for
 * the init's bootMs), or a new boot. Either way the early one is let go.
 */
function session(seed: number): { session: number | Session; bootMs: number } {
  const e = early?.seed === seed ? early : null;
  early = null;
  return e ? { session: e.session, bootMs: e.ms } : { session: seed, bootMs: 0 };
}
/** What built `host` (init) and every op since: the session, replayed when code was missing. */
let started: { seed: number; setup: string; trace?: boolean } | null = null;
let log: Op[] = [];
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

const scriptOf = (o: Op) => (o.t === 'r' || o.t === 's' || o.t === 'e' ? o.s : '');

/**
 * Load the code the scripts ask for (lazy.ts): the commands their words name, and for `kubectl
 * explain` the field descriptions.
 */
async function prepare(ops: Op[], setup = '') {
  const texts = [setup, ...ops.flatMap(wordsOf)].filter(Boolean);
  await Promise.all([loadFor(texts), texts.some((s) => /\bexplain\b/.test(s)) ? loadDescriptions() : undefined]);
}

/**
 * After a step or a look that needed code not loaded yet (a stand-in was called, so it printed an
 * error the real command would not print, or failed), load all of it and build the session again
 * from its log, which does not hold that step yet. Nothing is lost: the log is the session.
 */
async function recover(): Promise<boolean> {
  if (!takeMiss() || !started) return false;
  await Promise.all([loadAll(), loadDescriptions()]);
  const h = new Host(started.seed, started.setup, { tracer: await tracerFor(started.trace) });
  for (const op of log) {
    try {
      h.apply(op);
    } catch {
      /* as it failed the first time */
    }
  }
  h.flow(true);
  host = h;
  takeMiss();
  return true;
}

/**
 * `host.apply(op)`, once more after a recovery when the first attempt missed code; logged after it
 * ran, failed or not, as the page logs it.
 */
async function applyLogged(op: Op) {
  try {
    let r;
    try {
      r = host!.apply(op);
    } catch (e) {
      if (!(await recover())) throw e;
      return host!.apply(op);
    }
    return (await recover()) ? host!.apply(op) : r;
  } finally {
    log.push(op);
  }
}

/** A look that changes nothing (describe, YAML, completion); asked again after a recovery. */
async function look<T>(words: string[], fn: (h: Host) => T): Promise<T> {
  await loadFor(words);
  const r = fn(host!);
  return (await recover()) ? fn(host!) : r;
}

/** The pod-creation flow's tracer, loaded only for the page that shows its diagram. */
async function tracerFor(trace: boolean | undefined) {
  return trace ? (await import('../../lib/run/pod-flow.ts')).PodFlowTracer : undefined;
}

const yieldNow = () => new Promise((r) => setTimeout(r, 0));

async function handle(m: ToWorker): Promise<unknown> {
  if (m.type === 'init') {
    const t0 = performance.now();
    await prepare(m.ops, m.setup);
    started = { seed: m.seed, setup: m.setup, trace: m.trace };
    log = [];
    const fresh = session(m.seed);
    host = new Host(fresh.session, m.setup, { tracer: await tracerFor(m.trace) });
    await recover(); // the page's setup script may want code its words did not name
    const t1 = performance.now();
    let failedAt: number | null = null;
    let error: string | undefined;
    for (let i = 0; i < m.ops.length; i++) {
      try {
        await applyLogged(m.ops[i]);
      } catch (e) {
        failedAt = i;
        error = errorText(e);
        break;
      }
    }
    const t2 = performance.now();
    host.flow(true); // the replayed past is not shown as a live run
    pushView();
    return { now: host.now(), prompt: host.prompt(), bootMs: fresh.bootMs + t1 - t0, replayMs: t2 - t1, failedAt, ...(error ? { error } : {}) };
  }
  if (!host) throw new Error('not initialised');
  switch (m.type) {
    case 'ops': {
      await prepare(m.ops);
      const results = [];
      let error: string | undefined;
      for (const op of m.ops) {
        try {
          results.push(await applyLogged(op));
        } catch (e) {
          error = errorText(e);
          results.push({ entries: [{ command: scriptOf(op), output: [{ stream: 'stderr' as const, text: `시뮬레이터 오류: ${error}\n` }], status: 1 }], prompt: host.prompt() });
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
        await applyLogged({ t: 'a', ms: step });
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
      return look(['describe -o yaml'], (h) => h.inspect(m.kind, m.ns, m.name));
    case 'explain': {
      // The explanation's code comes with the first question (it is not needed to run anything).
      const { explain } = await import('../../lib/run/explain.ts');
      const record = host.decision(m.uid);
      return { explanation: record ? explain(record) : null, message: host.pendingMessage(m.ns, m.name) };
    }
    case 'complete': {
      // Tab completion's code comes with the first Tab.
      const { complete } = await import('./complete.ts');
      return look([], (h) => complete(h.session, m.line));
    }
    case 'read':
      return host.readFile(m.path);
    case 'editBuffer':
      return look([m.line, 'edit'], (h) => h.editBuffer(m.line));
  }
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  handle(m).then(
    (value) => post({ id: m.id, ok: true, value }),
    (e) => post({ id: m.id, ok: false, error: errorText(e) }),
  );
};
