/**
 * The page side of a lab's (or the exam's) cluster: the simulator worker, started on first use and
 * rebuilt from the operation log when a request hangs; one queue, so the log order is the order
 * the worker ran things; simulated time that follows the wall clock between commands (the cluster
 * "runs" while the learner reads). It is also what the runnable notes' Terminal talks to
 * (src/components/run/terminal.ts: run, ask, prompt, notice, on('state')).
 */
import type { Op } from '../../lib/run/state.ts';
import type { FromWorker, Replies, Request } from './protocol.ts';
import type { OpResult } from '../run/host.ts';

/** Simulated time is caught up with the wall clock before each command, at most this much at once. */
export const MAX_GAP_MS = 5 * 60_000;
const TIMEOUTS: Partial<Record<Request['type'], number>> = { lab: 60_000, exam: 60_000, gradeExam: 180_000, grade: 60_000 };
const DEFAULT_TIMEOUT = 20_000;

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: number;
}

export interface ClientOptions {
  /** The init request (with the current log: a rebuild replays everything that ran). */
  init(): Extract<Request, { type: 'lab' | 'exam' }>;
  /** Operations that ran, with their results (the owner logs and saves them). */
  ran(ops: Op[], results: OpResult[]): void;
  /** Called after (re)start with the init reply. */
  started?(reply: Replies['lab'] | Replies['exam']): void;
}

export class SimClient {
  prompt = 'controlplane:~# ';
  private opts: ClientOptions;
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private chain: Promise<unknown> = Promise.resolve();
  private lastActive = performance.now();
  private listeners = { state: new Set<() => void>(), notice: new Set<(t: string) => void>(), busy: new Set<(b: boolean) => void>() };

  constructor(opts: ClientOptions) {
    this.opts = opts;
  }

  get started(): boolean {
    return this.worker !== null;
  }

  /** The cluster has answered its init at least once (a first boot takes a moment). */
  booted = false;

  on(kind: 'state', fn: () => void): void;
  on(kind: 'notice', fn: (t: string) => void): void;
  on(kind: 'busy', fn: (b: boolean) => void): void;
  on(kind: 'state' | 'notice' | 'busy', fn: (...a: never[]) => void): void {
    (this.listeners[kind] as Set<typeof fn>).add(fn);
  }

  notice(text: string): void {
    for (const f of this.listeners.notice) f(text);
  }

  private busy(b: boolean) {
    for (const f of this.listeners.busy) f(b);
  }

  /** Starts the worker and the cluster (boot + replay of the log), once. */
  start(): Promise<void> {
    this.ready ??= this.boot();
    return this.ready;
  }

  private async boot(): Promise<void> {
    this.busy(true);
    try {
      const w = new Worker(new URL('./labs.worker.ts', import.meta.url), { type: 'module', name: 'kubenote-labs' });
      w.onmessage = (ev: MessageEvent<FromWorker>) => this.receive(ev.data);
      w.onerror = (ev) => {
        ev.preventDefault();
        this.fail();
      };
      this.worker = w;
      const init = this.opts.init();
      const r = (await this.send(init.type, init)) as Replies['lab'] | Replies['exam'];
      this.prompt = r.prompt;
      this.booted = true;
      this.lastActive = performance.now();
      this.opts.started?.(r);
      for (const f of this.listeners.state) f();
    } finally {
      this.busy(false);
    }
  }

  private receive(m: FromWorker) {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }

  private send<T extends Request['type']>(type: T, req: Extract<Request, { type: T }>): Promise<Replies[T]> {
    const w = this.worker;
    if (!w) return Promise.reject(new Error('not started'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => this.pending.has(id) && this.fail(), TIMEOUTS[type] ?? DEFAULT_TIMEOUT);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      w.postMessage({ ...req, id });
    });
  }

  /** The worker hung or died: drop it, reject what is in flight; the next request rebuilds from the log. */
  private fail() {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    const inFlight = [...this.pending.values()];
    this.pending.clear();
    for (const p of inFlight) {
      clearTimeout(p.timer);
      p.reject(new Error('stuck'));
    }
    this.notice('시뮬레이터가 응답하지 않아 멈췄습니다. 클러스터는 그 직전 상태로 다시 만듭니다.');
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** The wall-clock gap since the last command, as an advance of simulated time (or nothing). */
  private catchUp(): Op[] {
    const gap = Math.min(MAX_GAP_MS, performance.now() - this.lastActive);
    return gap >= 1000 ? [{ t: 'a', ms: Math.round(gap / 100) * 100 }] : [];
  }

  /** Runs operations (terminal lines, saved files); the owner logs them. */
  run(ops: Op[]): Promise<OpResult[]> {
    return this.serial(async () => {
      await this.start();
      const pre = this.catchUp();
      const all = [...pre, ...ops];
      this.busy(true);
      try {
        const r = await this.send('ops', { type: 'ops', ops: all });
        this.lastActive = performance.now();
        this.opts.ran(all, r.results);
        const results = r.results.slice(pre.length);
        this.prompt = results[results.length - 1]?.prompt ?? this.prompt;
        return results;
      } finally {
        this.busy(false);
      }
    });
  }

  /** Questions that change nothing (completion, a file for the editor, the buffer kubectl edit opens). */
  async ask<T extends 'complete' | 'read' | 'editBuffer'>(req: Extract<Request, { type: T }>): Promise<Replies[T]> {
    await this.start();
    return this.send((req as Request).type as T, req);
  }

  /** The 채점 button of a lab page: catch up, then the worker settles and checks. */
  grade(): Promise<Replies['grade']> {
    return this.serial(async () => {
      await this.start();
      const pre = this.catchUp();
      this.busy(true);
      try {
        if (pre.length) {
          const r = await this.send('ops', { type: 'ops', ops: pre });
          this.opts.ran(pre, r.results);
        }
        const g = await this.send('grade', { type: 'grade' });
        this.opts.ran([{ t: 'a', ms: g.ms }], [{ entries: [], prompt: this.prompt }]);
        this.lastActive = performance.now();
        return g;
      } finally {
        this.busy(false);
      }
    });
  }

  /** Grades every used cluster of the exam. */
  gradeExam(): Promise<Replies['gradeExam']> {
    return this.serial(async () => {
      await this.start();
      this.busy(true);
      try {
        return await this.send('gradeExam', { type: 'gradeExam' });
      } finally {
        this.busy(false);
      }
    });
  }

  /** Throws the cluster away; the next request starts a fresh one from `init()`. */
  async reset(): Promise<void> {
    await this.serial(async () => {
      this.worker?.terminate();
      this.worker = null;
      this.ready = null;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error('reset'));
      }
      this.pending.clear();
    });
    this.lastActive = performance.now();
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }
}
