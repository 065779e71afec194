/**
 * The mock exam (pure): a timed set of labs drawn across sections with the CKA curriculum's domain
 * weights, one cluster per task reached through its own kubeconfig context (as the real exam says
 * "kubectl config use-context …" before every question), a score with per-task feedback, and the
 * saved state (localStorage, versioned, validated on read).
 *
 * Domain weights: the CKA curriculum (v1.35) gives Troubleshooting 30 %, Cluster Architecture,
 * Installation & Configuration 25 %, Services & Networking 20 %, Workloads & Scheduling 15 %,
 * Storage 10 %. The notes cover no storage topic, so storage's 10 % goes to Workloads & Scheduling
 * (25 %). Each domain's weight is split evenly between its tasks.
 */
import { LIMITS, readVersioned, validOp, type Op } from '../lib/run/state.ts';
import type { Domain, Grade, Lab } from './types.ts';

/**
 * What the draw needs to know of a lab (so the exam page can draw from its small JSON list without
 * loading the labs' checks and the simulator).
 */
export type ExamLab = Pick<Lab, 'section' | 'id' | 'domain' | 'noExam'>;

const keyOf = (l: ExamLab) => `${l.section}/${l.id}`;

export const EXAM_VERSION = 1;
export const EXAM_KEY = 'kubenote:exam:v1';
export const EXAM_TASKS = 12;
export const EXAM_MINUTES = 90;
/** The CKA pass mark. */
export const PASS_SCORE = 66;

/** Weights used by the mock exam (percent); see the header for why storage is 0. */
export const EXAM_WEIGHTS: Record<Domain, number> = { troubleshooting: 30, architecture: 25, networking: 20, workloads: 25, storage: 0 };

export interface ExamTask {
  key: string;
  /** The kubeconfig context (and cluster) of the task. */
  context: string;
  domain: Domain;
  /** Points (percent of the whole exam). */
  weight: number;
}

export interface TaskResult extends ExamTask {
  ok: boolean;
  /** false when the task's cluster was never used (its starting state is known to fail). */
  attempted: boolean;
  messages: string[];
}

export interface ExamResult {
  at: number;
  /** Sum of the weights of the passed tasks, 0–100 (one decimal). */
  score: number;
  passed: boolean;
  tasks: TaskResult[];
  /** Why it ended: the learner finished, or time ran out. */
  reason: 'submitted' | 'timeout';
}

export interface ExamState {
  v: number;
  seed: number;
  startedAt: number;
  durationMs: number;
  tasks: ExamTask[];
  /** Terminal operations per context (replayed on that context's fresh cluster). */
  ops: Record<string, Op[]>;
  /** The context the terminal talks to. */
  current: string;
  finished?: ExamResult;
}

/** mulberry32: a small seeded PRNG (the draw is reproducible from the seed). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], next: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Tasks per domain for `n` tasks: largest remainder of n × weight (domains with no lab get none). */
export function domainCounts(n: number, pool: readonly ExamLab[]): Record<Domain, number> {
  const domains = (Object.keys(EXAM_WEIGHTS) as Domain[]).filter((d) => EXAM_WEIGHTS[d] > 0 && pool.some((l) => l.domain === d && !l.noExam));
  const total = domains.reduce((s, d) => s + EXAM_WEIGHTS[d], 0);
  const exact = domains.map((d) => ({ d, x: (n * EXAM_WEIGHTS[d]) / total }));
  const counts = Object.fromEntries((Object.keys(EXAM_WEIGHTS) as Domain[]).map((d) => [d, 0])) as Record<Domain, number>;
  let left = n;
  for (const e of exact) {
    counts[e.d] = Math.floor(e.x);
    left -= counts[e.d];
  }
  for (const e of [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)))) {
    if (left <= 0) break;
    counts[e.d]++;
    left--;
  }
  return counts;
}

export const contextName = (i: number) => `k8s-c${i + 1}`;

/** Draws the exam's tasks from the labs, by domain, in a shuffled order; contexts k8s-c1… */
export function drawExam(seed: number, pool: readonly ExamLab[], n = EXAM_TASKS): ExamTask[] {
  const next = rng(seed);
  const counts = domainCounts(n, pool);
  const total = (Object.keys(counts) as Domain[]).reduce((s, d) => s + (counts[d] ? EXAM_WEIGHTS[d] : 0), 0);
  const picked: { lab: ExamLab; weight: number }[] = [];
  for (const d of Object.keys(counts) as Domain[]) {
    if (!counts[d]) continue;
    const candidates = shuffle(pool.filter((l) => l.domain === d && !l.noExam), next);
    // One lab per section first, so a domain's tasks come from different parts of the notes.
    const bySection: ExamLab[] = [];
    const seen = new Set<string>();
    for (const l of candidates) if (!seen.has(l.section)) (seen.add(l.section), bySection.push(l));
    for (const l of candidates) if (!bySection.includes(l)) bySection.push(l);
    const w = (EXAM_WEIGHTS[d] * 100) / total / counts[d];
    for (const lab of bySection.slice(0, counts[d])) picked.push({ lab, weight: w });
  }
  const order = shuffle(picked, next);
  const weights = tenths(order.map((p) => p.weight));
  return order.map((p, i) => ({ key: keyOf(p.lab), context: contextName(i), domain: p.lab.domain, weight: weights[i] }));
}

/** Weights rounded to 0.1 so that they still sum to exactly 100 (largest remainder). */
function tenths(ws: number[]): number[] {
  const units = ws.map((w) => w * 10);
  const out = units.map(Math.floor);
  let left = Math.round(units.reduce((a, b) => a + b, 0)) - out.reduce((a, b) => a + b, 0);
  for (const i of units.map((u, i) => i).sort((a, b) => units[b] - Math.floor(units[b]) - (units[a] - Math.floor(units[a])))) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out.map((u) => u / 10);
}

/**
 * Whether a cluster's log shows work on its task: anything but time passing and looking at or
 * switching contexts (the switch line runs on the cluster being left).
 */
export function attempted(ops: readonly Op[] | undefined): boolean {
  return (ops ?? []).some((o) => o.t !== 'a' && !(o.t === 'r' && /^\s*kubectl\s+config\s+(use-context|current-context|get-contexts)\b[^;&|]*$/.test(o.s)));
}

export function newExam(seed: number, now: number, pool: readonly ExamLab[], minutes = EXAM_MINUTES): ExamState {
  const tasks = drawExam(seed, pool);
  return { v: EXAM_VERSION, seed, startedAt: now, durationMs: minutes * 60_000, tasks, ops: {}, current: tasks[0].context };
}

export function remainingMs(s: ExamState, now: number): number {
  return Math.max(0, s.startedAt + s.durationMs - now);
}

/** "01:29:59" (hours only when there are some). */
export function clock(ms: number): string {
  const t = Math.ceil(ms / 1000);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const p = (n: number) => String(n).padStart(2, '0');
  return h ? `${p(h)}:${p(m)}:${p(s)}` : `${p(m)}:${p(s)}`;
}

/** The score: passed tasks' weights; tasks never touched fail without being run. */
export function scoreExam(s: ExamState, grades: Record<string, Grade | undefined>, at: number, reason: ExamResult['reason']): ExamResult {
  const tasks: TaskResult[] = s.tasks.map((t) => {
    const g = grades[t.context];
    if (!g) return { ...t, ok: false, attempted: false, messages: ['이 문제의 클러스터에서 아무것도 하지 않았습니다.'] };
    return { ...t, ok: g.ok, attempted: true, messages: g.messages };
  });
  const score = Math.round(tasks.reduce((sum, t) => sum + (t.ok ? t.weight : 0), 0) * 10) / 10;
  return { at, score: Math.min(100, score), passed: score >= PASS_SCORE, tasks, reason };
}

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const DOMAIN_SET = new Set(Object.keys(EXAM_WEIGHTS));

function validTask(x: unknown): x is ExamTask {
  return isObj(x) && typeof x.key === 'string' && typeof x.context === 'string' && /^[a-z0-9-]{1,40}$/.test(x.context) && typeof x.domain === 'string' && DOMAIN_SET.has(x.domain) && typeof x.weight === 'number' && Number.isFinite(x.weight);
}

function validResult(x: unknown): x is ExamResult {
  if (!isObj(x) || typeof x.at !== 'number' || typeof x.score !== 'number' || typeof x.passed !== 'boolean' || !Array.isArray(x.tasks)) return false;
  if (x.reason !== 'submitted' && x.reason !== 'timeout') return false;
  return x.tasks.every((t: unknown) => {
    if (!validTask(t)) return false;
    const r = t as unknown as Record<string, unknown>;
    return typeof r.ok === 'boolean' && typeof r.attempted === 'boolean' && Array.isArray(r.messages) && r.messages.every((m) => typeof m === 'string');
  });
}

/** Reads a saved exam; refuses damaged, old or no-longer-valid data (a lab that no longer exists). */
export function readExam(raw: string | null, exists: (key: string) => boolean): { ok: true; state: ExamState } | { ok: false; reason: 'missing' | 'corrupt' | 'version' | 'changed' } {
  const r = readVersioned(raw, EXAM_VERSION);
  if (!r.ok) return r;
  const d = r.d;
  if (typeof d.seed !== 'number' || typeof d.startedAt !== 'number' || !Number.isFinite(d.startedAt) || typeof d.durationMs !== 'number' || !(d.durationMs > 0) || d.durationMs > 24 * 3600_000) return { ok: false, reason: 'corrupt' };
  if (!Array.isArray(d.tasks) || d.tasks.length === 0 || d.tasks.length > 50 || !d.tasks.every(validTask)) return { ok: false, reason: 'corrupt' };
  const contexts = new Set((d.tasks as ExamTask[]).map((t) => t.context));
  if (contexts.size !== d.tasks.length) return { ok: false, reason: 'corrupt' };
  if (!isObj(d.ops) || typeof d.current !== 'string' || !contexts.has(d.current)) return { ok: false, reason: 'corrupt' };
  const ops: Record<string, Op[]> = {};
  for (const [ctx, list] of Object.entries(d.ops)) {
    if (!contexts.has(ctx) || !Array.isArray(list) || list.length > LIMITS.ops || !list.every(validOp)) return { ok: false, reason: 'corrupt' };
    ops[ctx] = list as Op[];
  }
  if (d.finished !== undefined && !validResult(d.finished)) return { ok: false, reason: 'corrupt' };
  if (!(d.tasks as ExamTask[]).every((t) => exists(t.key))) return { ok: false, reason: 'changed' };
  return { ok: true, state: { v: EXAM_VERSION, seed: d.seed, startedAt: d.startedAt, durationMs: d.durationMs, tasks: d.tasks as ExamTask[], ops, current: d.current, ...(d.finished ? { finished: d.finished as ExamResult } : {}) } };
}
