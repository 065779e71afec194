/**
 * The simulator side of the page runtime: one Session, driven by operations (src/lib/run/state.ts),
 * answering the questions the page asks (cluster view, describe/YAML, scheduling explanation,
 * completion, files). DOM-free; runs in the Web Worker (sim.worker.ts) and in Node tests.
 */
import { Session } from '../../sim/session.ts';
import { res } from '../../sim/apiserver/client.ts';
import { execStep } from '../../lib/run/runner.ts';
import type { RunEntry } from '../../lib/run/outcome.ts';
import type { Op } from '../../lib/run/state.ts';
import { clusterView, type ClusterView } from '../../lib/run/cluster-view.ts';
import type { PodFlowTracer, PodFlow } from '../../lib/run/pod-flow.ts';

export interface OpResult {
  entries: RunEntry[];
  /** The shell prompt after the op (ssh changes it). */
  prompt: string;
  /**
   * kubectl edit reopened its editor on a rejected change: the comment header it put on top (why the
   * object was not valid), which a learner in vi would have read before giving up.
   */
  reopened?: string;
}

const KINDS: Record<string, { resource: string; group: string; namespaced: boolean }> = {
  pod: { resource: 'pods', group: '', namespaced: true },
  node: { resource: 'nodes', group: '', namespaced: false },
  service: { resource: 'services', group: '', namespaced: true },
};

const safeName = (s: string) => /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(s);

/** The editor `kubectl edit` runs here: the in-page editor's text, handed over by the page. */
const EDITOR = '__kubenote_editor';

export class Host {
  session: Session;
  /** Store revision of the last view sent (nothing changed → no new view). */
  private viewRevision = -1;
  private viewNow = -1;
  /** What the editor writes into the file on its next run (the learner's saved text). */
  private editorText: string | null = null;
  /** What the editor found in the file on its last run (the buffer kubectl edit offers). */
  private editorSaw: string | null = null;
  /** The pod-creation flow (note 15's diagram), followed only when the page shows that diagram. */
  readonly tracer: PodFlowTracer | null;
  private flowSent = 0;
  /** Times the editor ran during the current op (kubectl edit reopens it after an invalid change). */
  private editorCalls = 0;

  /**
   * A fresh cluster from a seed and the page's scenario, or an existing session (the labs' clusters).
   * `tracer` follows the pod-creation flow; the worker passes it only to the page with that diagram
   * (pod-flow.ts is loaded for it alone).
   */
  constructor(seed: number | Session, setup = '', opts: { tracer?: new (s: Session) => PodFlowTracer } = {}) {
    this.session = typeof seed === 'number' ? new Session({ seed }) : seed;
    this.tracer = opts.tracer ? new opts.tracer(this.session) : null;
    this.session.shell.register(EDITOR, (ctx) => {
      const file = ctx.args[0] ?? '';
      const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`;
      this.editorSaw = ctx.fs.read(path) ?? null;
      this.editorCalls++;
      if (this.editorText !== null) ctx.fs.write(path, this.editorText);
      this.editorText = null;
      return 0;
    });
    if (setup) this.session.run(setup);
  }

  /**
   * A look that must not change the session (describe, YAML, the edit buffer): no per-command time
   * step (`sim step`) and `$?` as it was, so the log alone still is the session.
   */
  private quietly<T>(fn: () => T): T {
    const s = this.session;
    const step = s.stepMs;
    const status = s.shell.lastStatus;
    s.stepMs = 0;
    try {
      return fn();
    } finally {
      s.stepMs = step;
      s.shell.lastStatus = status;
    }
  }

  /** Runs a `kubectl edit` line with the page's editor as KUBE_EDITOR. */
  private withEditor<T>(fn: () => T): T {
    const env = this.session.shell.env;
    const before = env.KUBE_EDITOR;
    env.KUBE_EDITOR = EDITOR;
    try {
      return fn();
    } finally {
      if (before === undefined) delete env.KUBE_EDITOR;
      else env.KUBE_EDITOR = before;
    }
  }

  /**
   * The text `kubectl edit` would open, without changing anything: the line runs with an editor that
   * changes nothing (kubectl then cancels), and the temp-file counter is put back, so the log stays
   * the session. null (and kubectl's output) when kubectl fails before editing.
   */
  editBuffer(line: string): { text: string | null; entries: RunEntry[] } {
    const s = this.session as unknown as { tempCounter: number };
    const counter = s.tempCounter;
    this.editorSaw = null;
    this.editorText = null;
    const entries = this.quietly(() => this.withEditor(() => this.session.run(line)));
    s.tempCounter = counter;
    const text = this.editorSaw;
    this.editorSaw = null;
    return { text, entries: text === null ? entries : [] };
  }

  apply(op: Op): OpResult {
    const s = this.session;
    let entries: RunEntry[] = [];
    if (op.t !== 'a' && op.t !== 'w') this.tracer?.arm();
    switch (op.t) {
      case 's':
        entries = execStep(s, { lay: op.lay, write: op.write, script: op.s });
        break;
      case 'r':
        // A line typed in the terminal: the interactive shell keeps it (history, `history | grep`).
        (s.shell.history ??= []).push(op.s.replace(/\n$/, ''));
        entries = s.run(op.s);
        break;
      case 'a':
        s.cluster.clock.advance(op.ms);
        break;
      case 'e': {
        (s.shell.history ??= []).push(op.s.replace(/\n$/, ''));
        this.editorText = op.content;
        this.editorCalls = 0;
        entries = this.withEditor(() => s.run(op.s));
        this.editorText = null;
        const last = this.editorSaw ?? '';
        this.editorSaw = null;
        if (this.editorCalls > 1 && /^# .* was not valid:$/m.test(last)) {
          const header = last.split('\n').filter((l, i, all) => l.startsWith('#') && all.slice(0, i).every((x) => x.startsWith('#')));
          return { entries, prompt: s.shell.prompt(), reopened: header.join('\n') + '\n' };
        }
        break;
      }
      case 'w': {
        const shell = s.shell;
        const path = op.path.startsWith('/') ? op.path : `${shell.cwd.replace(/\/$/, '')}/${op.path}`;
        shell.fs.write(path, op.content);
        break;
      }
    }
    return { entries, prompt: s.shell.prompt() };
  }

  /** The cluster view, or null when nothing changed since the last one. */
  view(force = false): ClusterView | null {
    const rev = this.session.cluster.store.revision();
    const now = this.session.cluster.clock.now();
    if (!force && rev === this.viewRevision && Math.floor(now / 1000) === Math.floor(this.viewNow / 1000)) return null;
    this.viewRevision = rev;
    this.viewNow = now;
    return clusterView(this.session);
  }

  now(): number {
    return this.session.cluster.clock.now();
  }

  /** The followed pod's flow when it moved since the last call (`skip`: mark it seen without it). */
  flow(skip = false): PodFlow | null {
    const t = this.tracer;
    if (!t?.flow || t.version === this.flowSent) return null;
    this.flowSent = t.version;
    return skip ? null : t.flow;
  }

  prompt(): string {
    return this.session.shell.prompt();
  }

  /** `kubectl describe` and `kubectl get -o yaml` of one object, read-only. */
  inspect(kind: string, ns: string, name: string): { describe: string; yaml: string } {
    const k = KINDS[kind];
    if (!k || !safeName(name) || (ns && !safeName(ns))) return { describe: '', yaml: '' };
    const nsFlag = k.namespaced ? ` -n ${ns || 'default'}` : '';
    const text = (script: string) =>
      this.quietly(() => this.session.run(script))
        .flatMap((e) => e.output.map((o) => o.text))
        .join('');
    return { describe: text(`kubectl describe ${kind} ${name}${nsFlag}`), yaml: text(`kubectl get ${kind} ${name}${nsFlag} -o yaml`) };
  }

  /** The scheduler's recorded decision for a pod (lib/run/explain.ts explains it); undefined before it decided. */
  decision(uid: string) {
    return this.session.cluster.scheduler.decisions.get(uid);
  }

  /** The FailedScheduling message of a pod (its PodScheduled condition), if any. */
  pendingMessage(ns: string, name: string): string {
    const pod = this.session.cluster.client.get(res('pods'), ns, name) as { status?: { conditions?: { type: string; reason?: string; message?: string }[] } } | undefined;
    return pod?.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable')?.message ?? '';
  }

  readFile(path: string): string | null {
    const shell = this.session.shell;
    const abs = path.startsWith('/') ? path : `${shell.cwd.replace(/\/$/, '')}/${path}`;
    return shell.fs.read(abs) ?? null;
  }
}
