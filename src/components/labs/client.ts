/**
 * The page side of a lab's (or the exam's) cluster: the simulator worker, started on first use and
 * rebuilt from the operation log when a request hangs; one queue, so the log order is the order
 * the worker ran things; simulated time that follows the wall clock between commands (the cluster
 * "runs" while the learner reads). It is also what the runnable notes' Terminal talks to
 * (src/components/run/terminal.ts: run, ask, prompt, notice, on('state')).
 */
import type { Op } from '../../lib/run/state.ts';
import type { Replies, Request } from './protocol.ts';
import type { OpResult } from '../run/host.ts';
import { WorkerRpc, inOrder } from '../run/rpc.ts';

/** Simulated time is caught up with the wall clock before each command, at most this much at once. */
export const MAX_GAP_MS = 5 * 60_000;
const TIMEOUTS: Partial<Record<Request['type'], number>> = { lab: 60_000, exam: 60_000, gradeExam: 180_000, grade: 60_000 };
const DEFAULT_TIMEOUT = 20_000;

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
  private rpc = new WorkerRpc<Request, Replies>({ deadline: (type) => TIMEOUTS[type] ?? DEFAULT_TIMEOUT, stuck: () => this.fail() });
  private ready: Promise<void> | null = null;
  private serial = inOrder();
  private lastActive = performance.now();
  private listeners = { state: new Set<() => void>(), notice: new Set<(t: string) => void>(), busy: new Set<(b: boolean) => void>() };

  constructor(opts: ClientOptions) {
    this.opts = opts;
  }

  get started(): boolean {
    return this.rpc.worker !== null;
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
      this.rpc.attach(new Worker(new URL('./labs.worker.ts', import.meta.url), { type: 'module', name: 'kubenote-labs' }));
      const r = await this.rpc.send(this.opts.init());
      this.prompt = r.prompt;
      this.booted = true;
      this.lastActive = performance.now();
      this.opts.started?.(r);
      for (const f of this.listeners.state) f();
    } finally {
      this.busy(false);
    }
  }

  /** The worker hung or died: drop it, reject what is in flight; the next request rebuilds from the log. */
  private fail() {
    this.rpc.drop(new Error('stuck'));
    this.ready = null;
    this.notice('시뮬레이터가 응답하지 않아 멈췄습니다. 클러스터는 그 직전 상태로 다시 만듭니다.');
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
        const r = await this.rpc.send({ type: 'ops', ops: all });
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
    return this.rpc.send(req);
  }

  /** The 채점 button of a lab page: catch up, then the worker settles and checks. */
  grade(): Promise<Replies['grade']> {
    return this.serial(async () => {
      await this.start();
      const pre = this.catchUp();
      this.busy(true);
      try {
        if (pre.length) {
          const r = await this.rpc.send({ type: 'ops', ops: pre });
          this.opts.ran(pre, r.results);
        }
        const g = await this.rpc.send({ type: 'grade' });
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
        return await this.rpc.send({ type: 'gradeExam' });
      } finally {
        this.busy(false);
      }
    });
  }

  /** Throws the cluster away; the next request starts a fresh one from `init()`. */
  async reset(): Promise<void> {
    await this.serial(async () => {
      this.rpc.drop(new Error('reset'));
      this.ready = null;
    });
    this.lastActive = performance.now();
  }

  /** Ends the worker (the exam is over); a request still in flight is rejected. */
  stop(): void {
    this.rpc.drop(new Error('stopped'));
    this.ready = null;
  }
}
