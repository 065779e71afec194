/** Messages between the page (runtime.ts) and the simulator worker (sim.worker.ts). Types only. */
import type { Op } from '../../lib/run/state.ts';
import type { ClusterView } from '../../lib/run/cluster-view.ts';
import type { Explanation } from '../../lib/run/explain.ts';
import type { Completion } from './complete.ts';
import type { OpResult } from './host.ts';
import type { PodFlow } from '../../lib/run/pod-flow.ts';

export type Request =
  | { type: 'init'; seed: number; setup: string; ops: Op[]; trace?: boolean }
  | { type: 'ops'; ops: Op[] }
  | { type: 'advance'; ms: number; chunk: number }
  | { type: 'cancel'; target: number }
  | { type: 'view' }
  | { type: 'inspect'; kind: string; ns: string; name: string }
  | { type: 'explain'; uid: string; ns: string; name: string }
  | { type: 'complete'; line: string }
  | { type: 'read'; path: string }
  | { type: 'editBuffer'; line: string };

export interface Replies {
  init: { now: number; prompt: string; bootMs: number; replayMs: number; failedAt: number | null; error?: string };
  ops: { results: OpResult[]; error?: string };
  advance: { advanced: number; now: number };
  cancel: null;
  view: ClusterView | null;
  inspect: { describe: string; yaml: string };
  explain: { explanation: Explanation | null; message: string };
  complete: Completion;
  read: string | null;
  editBuffer: { text: string | null; entries: import('../../lib/run/outcome.ts').RunEntry[] };
}

export type ToWorker = Request & { id: number };

export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  | { type: 'view'; view: ClusterView; now: number }
  | { type: 'flow'; flow: PodFlow }
  | { type: 'progress'; id: number; done: number; total: number; now: number };
