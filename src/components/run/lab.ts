/**
 * The page's cluster as the page sees it: a simulator worker driven by a log of operations that is
 * saved after every change and replayed on load (a session is its log). All changes go through one
 * queue, so the log order is the order the worker ran them. A request the worker does not answer in
 * time (a YAML bomb, a runaway loop) ends the worker; the session is rebuilt from the log without
 * that request, and the page says so.
 */
import type { ClusterView } from '../../lib/run/cluster-view.ts';
import { KEY, LIMITS, newSession, pushOp, readSession, type Op, type SavedSession } from '../../lib/run/state.ts';
import { fnv1a } from '../../lib/run/blocks.ts';
import { seedOf } from '../../lib/run/runner.ts';
import type { FromWorker, Replies, Request } from './protocol.ts';
import type { OpResult } from './host.ts';
import type { PodFlow } from '../../lib/run/pod-flow.ts';
import { WorkerRpc, inOrder } from './rpc.ts';
import { forget, saveLater, storage } from './saved.ts';

export type Mode = 'page' | 'lab';
export const LAB_SEED = seedOf('kubenote-my-lab');
const MODE_KEY = KEY + 'mode';

/** How long a request may take before the worker is considered stuck (ms). */
export const TIMEOUT_MS = 8000;

export class StuckError extends Error {}

export function readMode(): Mode {
  try {
    return localStorage.getItem(MODE_KEY) === 'lab' ? 'lab' : 'page';
  } catch {
    return 'page';
  }
}

export class Lab {
  readonly slug: string;
  readonly pageSetup: string;
  mode: Mode;
  saved: SavedSession;
  view: ClusterView | null = null;
  now = 0;
  prompt = 'controlplane:~# ';
  /** Follow the pod-creation flow (the page shows note 15's diagram); set before the first start. */
  trace = false;
  /** Boot and replay times of the last (re)start, ms. */
  timings = { bootMs: 0, replayMs: 0, startMs: 0 };
  private rpc = new WorkerRpc<Request, Replies, Exclude<FromWorker, { id: number; ok: boolean }>>({
    deadline: (type) => (type === 'init' ? TIMEOUT_MS * 3 : TIMEOUT_MS),
    stuck: (why) => this.fail(new StuckError(why)),
    event: (m) => this.event(m),
  });
  private ready: Promise<void> | null = null;
  /** Runs a change after the changes before it; the log records it once the worker has run it. */
  private serial = inOrder();
  private listeners = { view: new Set<(v: ClusterView) => void>(), notice: new Set<(text: string) => void>(), progress: new Set<(done: number, total: number) => void>(), state: new Set<() => void>(), flow: new Set<(f: PodFlow) => void>() };

  constructor(slug: string, pageSetup: string) {
    this.slug = slug;
    this.pageSetup = pageSetup;
    this.mode = readMode();
    this.saved = this.load();
    // Whatever is still waiting to be written goes out before the page does.
    addEventListener('pagehide', () => this.save(true));
  }

  get seed(): number {
    return this.mode === 'lab' ? LAB_SEED : seedOf(this.slug);
  }
  get setup(): string {
    return this.mode === 'lab' ? '' : this.pageSetup;
  }
  get storageKey(): string {
    return this.mode === 'lab' ? KEY + 'lab' : KEY + 'page:' + this.slug;
  }
  get started(): boolean {
    return this.rpc.worker !== null;
  }

  on<K extends keyof Lab['listeners']>(kind: K, fn: Parameters<Lab['listeners'][K]['add']>[0]): void {
    (this.listeners[kind] as Set<typeof fn>).add(fn);
  }

  notice(text: string): void {
    for (const f of this.listeners.notice) f(text);
  }

  private emitState() {
    for (const f of this.listeners.state) f();
  }

  /** The saved session of the current mode, or a new one (with a notice when the saved one was unusable). */
  private load(): SavedSession {
    const setupHash = fnv1a(this.setup);
    const store = storage();
    const r = readSession(store?.getItem(this.storageKey) ?? null, { seed: this.seed, setup: setupHash });
    if (r.ok) return r.session;
    // Said once the page has had the chance to listen.
    forget(
      store,
      this.storageKey,
      r.reason === 'missing'
        ? null
        : r.reason === 'changed'
          ? '페이지의 시나리오가 바뀌어 저장된 실습 상태를 새로 시작했습니다.'
          : r.reason === 'version'
            ? '이전 버전에서 저장된 실습 상태라 새로 시작했습니다.'
            : '저장된 실습 상태가 손상되어 읽을 수 없었습니다. 새 클러스터로 시작합니다.',
      (text) => queueMicrotask(() => this.notice(text)),
    );
    return newSession(this.seed, setupHash);
  }

  /** Saves the session 250 ms after the last change, or at once (`save(true)`). */
  readonly save = saveLater(
    () => {
      const json = JSON.stringify(this.saved);
      if (json.length > LIMITS.totalBytes) {
        this.notice('실습 기록이 너무 커서 더 저장하지 않습니다. 초기화하면 다시 저장됩니다.');
        return;
      }
      localStorage.setItem(this.storageKey, json);
    },
    () => this.notice('브라우저 저장 공간을 쓸 수 없어 실습 상태를 저장하지 못했습니다.'),
  );

  /** Starts the worker and the session (boot + replay), once. */
  start(): Promise<void> {
    this.ready ??= this.boot();
    return this.ready;
  }

  private spawn(): Worker {
    // The first one was started by loader.ts when the run UI began to load.
    const early = self as { kubenoteWorker?: Worker };
    const w = early.kubenoteWorker ?? new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'kubenote-sim' });
    delete early.kubenoteWorker;
    return w;
  }

  private async boot(): Promise<void> {
    const t0 = performance.now();
    this.rpc.attach(this.spawn());
    const r = await this.rpc.send({ type: 'init', seed: this.seed, setup: this.setup, ops: this.saved.ops, ...(this.trace ? { trace: true } : {}) });
    this.timings = { bootMs: r.bootMs, replayMs: r.replayMs, startMs: performance.now() - t0 };
    this.failures = 0;
    // For the benchmark (scripts/bench-run.mjs) and the browser's performance panel.
    performance.measure('kubenote:sim-start', { start: t0, detail: { bootMs: r.bootMs, replayMs: r.replayMs } });
    this.now = r.now;
    this.prompt = r.prompt;
    if (r.failedAt !== null) {
      this.saved.ops = this.saved.ops.slice(0, r.failedAt);
      this.save(true);
      this.notice(`저장된 실습 기록을 다시 실행하다 오류가 나서 그 앞까지만 복원했습니다 (${r.error ?? ''}).`);
    }
    this.emitState();
  }

  /** What the worker pushes: the cluster view, the pod-creation flow, a long request's progress. */
  private event(m: Exclude<FromWorker, { id: number; ok: boolean }>) {
    if (m.type === 'view') {
      this.view = m.view;
      this.now = m.now;
      for (const f of this.listeners.view) f(m.view);
    } else if (m.type === 'flow') {
      for (const f of this.listeners.flow) f(m.flow);
    } else if (m.type === 'progress') {
      this.now = m.now;
      this.rpc.extend(m.id, TIMEOUT_MS);
      for (const f of this.listeners.progress) f(m.done, m.total);
    }
  }

  /** Failures in a row without a good start in between (a worker that cannot start at all). */
  private failures = 0;

  /** The worker is stuck or dead: reject everything in flight and rebuild from the log. */
  private fail(e: Error) {
    this.rpc.drop(e);
    this.ready = null;
    if (++this.failures > 2) {
      this.notice('시뮬레이터를 시작하지 못했습니다. 페이지를 새로 고치거나 초기화해 보세요.');
      return;
    }
    this.notice('시뮬레이터가 응답하지 않아 멈췄습니다(너무 큰 입력이나 끝나지 않는 작업). 클러스터는 그 직전 상태로 다시 만들었습니다.');
    void this.start().catch(() => this.notice('클러스터를 다시 만들지 못했습니다. 초기화해 보세요.'));
  }

  /**
   * Simulated time that has flowed, unseen, since the last step (the dock's clock plays while the
   * panel is closed): a run first moves the cluster on by it, so a pod started a while ago is running.
   */
  catchUp?: () => number;

  /** Runs operations (a block's steps, a terminal line, a saved file) and logs them. */
  run(ops: Op[]): Promise<OpResult[]> {
    return this.serial(async () => {
      const fresh = !this.started;
      await this.start();
      // A cluster just booted has no past to catch up with (its boot took the wait).
      const idle = Math.floor((this.catchUp?.() ?? 0) / 1000) * 1000;
      if (idle > 0 && !fresh) {
        const a = await this.rpc.send({ type: 'advance', ms: idle, chunk: 60_000 });
        if (a.advanced > 0) pushOp(this.saved.ops, { t: 'a', ms: a.advanced });
        this.now = a.now;
      }
      const r = await this.rpc.send({ type: 'ops', ops });
      for (const op of ops) pushOp(this.saved.ops, op);
      if (this.saved.ops.length > LIMITS.ops) this.notice('실습 기록이 너무 길어졌습니다. 초기화하면 새로 기록합니다.');
      this.save(true);
      this.prompt = r.results[r.results.length - 1]?.prompt ?? this.prompt;
      return r.results;
    });
  }

  /** Moves simulated time; long jumps report progress and can be cancelled. */
  advance(ms: number, chunk = ms): { done: Promise<number>; cancel(): void } {
    let id = 0;
    const done = this.serial(async () => {
      await this.start();
      id = this.rpc.nextId; // the id send() is about to use
      const r = await this.rpc.send({ type: 'advance', ms, chunk });
      if (r.advanced > 0) pushOp(this.saved.ops, { t: 'a', ms: r.advanced });
      this.now = r.now;
      this.save();
      return r.advanced;
    });
    return {
      done,
      cancel: () => {
        if (id) this.rpc.post({ type: 'cancel', target: id });
      },
    };
  }

  /** A question that changes nothing (view, describe, explanation, completion, a file). */
  async ask<R extends Extract<Request, { type: 'view' | 'inspect' | 'explain' | 'complete' | 'read' | 'editBuffer' }>>(req: R): Promise<Replies[R['type']]> {
    await this.start();
    return this.rpc.send(req as never) as Promise<Replies[R['type']]>;
  }

  private dropWorker() {
    this.rpc.drop(new Error('reset'));
    this.ready = null;
    this.view = null;
  }

  /** Leaves the current cluster for `mode`'s (remembered for the next page). */
  private enter(mode: Mode) {
    this.dropWorker();
    this.mode = mode;
    try {
      localStorage.setItem(MODE_KEY, mode);
    } catch {
      /* ignore */
    }
  }

  /** A fresh cluster for the current mode (the log, the outputs and the block marks are dropped). */
  async reset(): Promise<void> {
    await this.serial(async () => {
      this.dropWorker();
      this.saved = newSession(this.seed, fnv1a(this.setup));
      this.save(true);
    });
    this.emitState();
    await this.start();
  }

  /** Switches between the page's own cluster and "my lab"; the other session stays saved. */
  async switchMode(mode: Mode): Promise<void> {
    if (mode === this.mode) return;
    await this.serial(async () => {
      this.save(true);
      this.enter(mode);
      this.saved = this.load();
    });
    this.emitState();
    await this.start();
  }

  /** Replaces the current session with a shared one (its mode decides which). */
  async adopt(mode: Mode, ops: Op[], done: Record<string, number[]>): Promise<void> {
    await this.serial(async () => {
      this.enter(mode);
      this.saved = { ...newSession(this.seed, fnv1a(this.setup)), ops, done };
      this.save(true);
    });
    this.emitState();
    await this.start();
  }
}
