/**
 * What a learner's session is and how it survives: a session is its seed, its page scenario and the
 * operations run on it (block steps, terminal lines, time advanced, files saved), replayed on a
 * fresh simulator — the simulator is deterministic, so the replay is the same cluster. Saved in
 * localStorage (versioned) and carried by share links. Everything read back is validated: damaged,
 * foreign or old data is refused with a reason, never half-used. Pure.
 */
import type { Step } from './blocks.ts';
import type { RunEntry } from './outcome.ts';

export const STATE_VERSION = 1;
/** localStorage key prefix; one key per page session, one for "my lab", one for edits per page. */
export const KEY = 'kubenote:v1:';

export type FileOp = { path: string; content: string };
export type Op =
  /** A block step (see stepsFor). */
  | { t: 's'; lay: FileOp[]; write: FileOp[]; s: string; n?: number; pre?: boolean }
  /** A terminal line (may span lines: here-documents). */
  | { t: 'r'; s: string }
  /** Simulated time advanced (ms). */
  | { t: 'a'; ms: number }
  /** A file saved in the editor (vi/nano in the terminal). */
  | { t: 'w'; path: string; content: string }
  /** `kubectl edit …` with what the learner saved in the in-page editor. */
  | { t: 'e'; s: string; content: string };

export interface SavedOutput {
  entries: RunEntry[];
  /** 'ok' | 'failed' | 'expected' (a mistake failed as declared) | 'unexpected' */
  state: string;
  note?: string;
}

export interface SavedSession {
  v: number;
  seed: number;
  /** FNV-1a of the scenario the session started from: a changed page resets it. */
  setup: string;
  ops: Op[];
  /** Blocks already run, per page (prerequisites are not run twice). */
  done: Record<string, number[]>;
  /** The last output of each block, by "slug#n". */
  outputs: Record<string, SavedOutput>;
}

/** Limits that keep storage and replay bounded. */
export const LIMITS = { ops: 4000, opBytes: 1_000_000, totalBytes: 2_500_000, outputBytes: 20_000, history: 300, historyLine: 4000 };

export const stepOp = (step: Step): Op => {
  const op: Op = { t: 's', lay: step.lay, write: step.write, s: step.script };
  if (step.n !== undefined) op.n = step.n;
  if (step.pre) op.pre = true;
  return op;
};

/** Appends an op; consecutive time advances are merged (advancing a then b is advancing a+b). */
export function pushOp(ops: Op[], op: Op): void {
  const last = ops[ops.length - 1];
  if (op.t === 'a' && last?.t === 'a') last.ms += op.ms;
  else ops.push(op);
}

const isStr = (x: unknown): x is string => typeof x === 'string';
const isFiles = (x: unknown): x is FileOp[] => Array.isArray(x) && x.every((f) => f && typeof f === 'object' && isStr(f.path) && isStr(f.content));

export function validOp(x: unknown): x is Op {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  switch (o.t) {
    case 's':
      return isStr(o.s) && isFiles(o.lay) && isFiles(o.write) && (o.n === undefined || Number.isInteger(o.n)) && (o.pre === undefined || o.pre === true);
    case 'r':
      return isStr(o.s);
    case 'a':
      return typeof o.ms === 'number' && Number.isFinite(o.ms) && o.ms >= 0 && o.ms <= 365 * 24 * 3600_000;
    case 'w':
      return isStr(o.path) && isStr(o.content);
    case 'e':
      return isStr(o.s) && isStr(o.content);
    default:
      return false;
  }
}

function validEntries(x: unknown): x is RunEntry[] {
  return Array.isArray(x) && x.every((e) => e && typeof e === 'object' && isStr(e.command) && Array.isArray(e.output) && e.output.every((o: unknown) => !!o && typeof o === 'object' && ((o as RunEntry['output'][0]).stream === 'stdout' || (o as RunEntry['output'][0]).stream === 'stderr') && isStr((o as RunEntry['output'][0]).text)));
}

export type ReadResult = { ok: true; session: SavedSession } | { ok: false; reason: 'missing' | 'corrupt' | 'version' | 'changed' };

/**
 * The first step of reading saved JSON back: the object, if there is one and it is of format
 * `version`; else why not. The caller then checks the fields it needs.
 */
export function readVersioned(raw: string | null, version: number): { ok: true; d: Record<string, unknown> } | { ok: false; reason: 'missing' | 'corrupt' | 'version' } {
  if (raw === null) return { ok: false, reason: 'missing' };
  let d: unknown;
  try {
    d = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (!d || typeof d !== 'object' || Array.isArray(d) || typeof (d as Record<string, unknown>).v !== 'number') return { ok: false, reason: 'corrupt' };
  if ((d as Record<string, unknown>).v !== version) return { ok: false, reason: 'version' };
  return { ok: true, d: d as Record<string, unknown> };
}

/** Reads a saved session back; `expect` is what the page would start from now. */
export function readSession(raw: string | null, expect: { seed: number; setup: string }): ReadResult {
  const r = readVersioned(raw, STATE_VERSION);
  if (!r.ok) return r;
  const d = r.d;
  if (typeof d.seed !== 'number' || !isStr(d.setup) || !Array.isArray(d.ops) || !d.done || typeof d.done !== 'object' || !d.outputs || typeof d.outputs !== 'object') return { ok: false, reason: 'corrupt' };
  if (d.ops.length > LIMITS.ops || !d.ops.every(validOp)) return { ok: false, reason: 'corrupt' };
  const done: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(d.done as Record<string, unknown>)) {
    if (!Array.isArray(v) || !v.every((n) => Number.isInteger(n))) return { ok: false, reason: 'corrupt' };
    done[k] = v as number[];
  }
  const outputs: Record<string, SavedOutput> = {};
  for (const [k, v] of Object.entries(d.outputs as Record<string, unknown>)) {
    const o = v as Record<string, unknown>;
    if (!o || typeof o !== 'object' || !validEntries(o.entries) || !isStr(o.state) || (o.note !== undefined && !isStr(o.note))) return { ok: false, reason: 'corrupt' };
    outputs[k] = { entries: o.entries, state: o.state, ...(o.note !== undefined ? { note: o.note as string } : {}) };
  }
  if (d.seed !== expect.seed || d.setup !== expect.setup) return { ok: false, reason: 'changed' };
  return { ok: true, session: { v: STATE_VERSION, seed: d.seed, setup: d.setup, ops: d.ops as Op[], done, outputs } };
}

export function newSession(seed: number, setup: string): SavedSession {
  return { v: STATE_VERSION, seed, setup, ops: [], done: {}, outputs: {} };
}

/** Cuts a transcript to a size worth keeping (the end is what matters least). */
export function trimEntries(entries: RunEntry[], max = LIMITS.outputBytes): RunEntry[] {
  let budget = max;
  const out: RunEntry[] = [];
  for (const e of entries) {
    if (budget <= 0) break;
    const output = [];
    for (const o of e.output) {
      if (budget <= 0) break;
      const text = o.text.length > budget ? o.text.slice(0, budget) + '\n…(잘림)\n' : o.text;
      budget -= o.text.length;
      output.push({ stream: o.stream, text });
    }
    budget -= e.command.length;
    out.push({ command: e.command.slice(0, 2000), output, ...(e.status !== undefined ? { status: e.status } : {}) });
  }
  return out;
}

/** A share link's payload (JSON; the page compresses and base64url-encodes it). */
export interface SharePayload {
  v: number;
  /** "page" or "lab" */
  mode: string;
  seed: number;
  setup: string;
  ops: Op[];
  done: Record<string, number[]>;
}

export function readShare(json: string): SharePayload | null {
  let d: unknown;
  try {
    d = JSON.parse(json);
  } catch {
    return null;
  }
  const r = readSession(JSON.stringify({ ...(d as object), outputs: {} }), { seed: (d as SharePayload)?.seed, setup: (d as SharePayload)?.setup });
  if (!r.ok) return null;
  const mode = (d as SharePayload).mode === 'lab' ? 'lab' : 'page';
  return { v: STATE_VERSION, mode, seed: r.session.seed, setup: r.session.setup, ops: r.session.ops, done: r.session.done };
}

/** Base64url of bytes and back (share links). */
export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Terminal history: newest last, no immediate duplicates, bounded. */
export function pushHistory(history: string[], line: string): string[] {
  const l = line.slice(0, LIMITS.historyLine);
  if (!l.trim() || history[history.length - 1] === l) return history;
  const next = [...history, l];
  return next.length > LIMITS.history ? next.slice(next.length - LIMITS.history) : next;
}

export function readHistory(raw: string | null): string[] {
  try {
    const d = JSON.parse(raw ?? '[]');
    return Array.isArray(d) ? d.filter(isStr).slice(-LIMITS.history) : [];
  } catch {
    return [];
  }
}

/** Saved edits of a page's blocks: n → {hash of the original, code}. */
export type Edits = Record<string, { hash: string; code: string }>;

export function readEdits(raw: string | null): Edits {
  try {
    const d = JSON.parse(raw ?? '{}');
    if (!d || typeof d !== 'object' || Array.isArray(d)) return {};
    const out: Edits = {};
    for (const [k, v] of Object.entries(d as Record<string, unknown>)) {
      const e = v as Record<string, unknown>;
      if (/^\d+$/.test(k) && e && isStr(e.hash) && isStr(e.code) && e.code.length <= LIMITS.opBytes) out[k] = { hash: e.hash, code: e.code };
    }
    return out;
  } catch {
    return {};
  }
}
