/**
 * The simulator side of a lab page and of the mock exam (pure; the browser worker and the tests use
 * it). A lab is one Session. The exam is one Session per task, each its own cluster, reached through
 * a kubeconfig context like the real exam's: every cluster's /root/.kube/config lists all the exam's
 * contexts (same API server address: each cluster sees its own), and the terminal talks to the
 * cluster of the current context. `kubectl config use-context k8s-c3` runs on the current cluster;
 * when its kubeconfig then names another exam context, later commands go to that cluster (booted on
 * first use). `kubectl --context=k8s-c3 …` runs that one command on that cluster. Clusters that are
 * not in use do not move in time.
 *
 * Operations (terminal lines, saved files, time) are logged per cluster, so each cluster is its own
 * replayable log; a switch also logs `kubectl config use-context <ctx>` on the cluster switched to,
 * which keeps every cluster's kubeconfig consistent on replay.
 */
import type { Session } from '../sim/session.ts';
import { parseKubeconfig, serializeKubeconfig } from '../sim/kubectl/kubeconfig.ts';
import { complete, type Completion } from '../components/run/complete.ts';
import { Host, type OpResult } from '../components/run/host.ts';
import type { RunEntry } from '../lib/run/outcome.ts';
import type { Op } from '../lib/run/state.ts';
import { labByKey } from './index.ts';
import { check, grade, labSeed, settleMs, startLab } from './run.ts';
import type { Grade, Lab } from './types.ts';
import { attempted, type ExamTask } from './exam.ts';

const KUBECONFIG = '/root/.kube/config';

export type { OpResult };

/**
 * A lab page's cluster: the runnable notes' Host (operations incl. `kubectl edit` with the in-page
 * editor, completion, files) around a session in the lab's starting state, plus grading.
 */
export class LabHost {
  readonly lab: Lab;
  readonly host: Host;

  constructor(lab: Lab) {
    this.lab = lab;
    this.host = new Host(startLab(lab).session);
  }

  get session(): Session {
    return this.host.session;
  }

  /** Replays saved operations; returns the index of the first one that threw (and stops), or null. */
  replay(ops: Op[]): { failedAt: number | null; error?: string } {
    for (let i = 0; i < ops.length; i++) {
      try {
        this.host.apply(ops[i]);
      } catch (e) {
        return { failedAt: i, error: e instanceof Error ? e.message : String(e) };
      }
    }
    return { failedAt: null };
  }

  apply(op: Op): OpResult {
    return this.host.apply(op);
  }

  prompt(): string {
    return this.host.prompt();
  }

  complete(line: string): Completion {
    return complete(this.session, line);
  }

  read(path: string): string | null {
    return this.host.readFile(path);
  }

  editBuffer(line: string): { text: string | null; entries: RunEntry[] } {
    return this.host.editBuffer(line);
  }

  /** The 채점 button: the cluster settles (logged by the page as time), then the check. */
  grade(): { grade: Grade; ms: number } {
    return { grade: grade(this.lab, this.session), ms: settleMs(this.lab) };
  }
}

/** Writes the exam's kubeconfig (all contexts, `current` selected) on a cluster's control plane. */
export function writeExamKubeconfig(s: Session, contexts: string[], current: string): void {
  const fs = s.cluster.machines.get('controlplane')!;
  const base = parseKubeconfig(fs.read(KUBECONFIG) ?? '', KUBECONFIG);
  const cluster = base.clusters[0]?.cluster ?? {};
  const user = base.users[0] ?? { name: 'kubernetes-admin', user: {} };
  fs.write(
    KUBECONFIG,
    serializeKubeconfig({
      ...base,
      clusters: contexts.map((c) => ({ name: c, cluster: { ...cluster } })),
      users: [user],
      contexts: contexts.map((c) => ({ name: c, context: { cluster: c, user: user.name } })),
      currentContext: current,
    }),
  );
}

function currentContextOf(s: Session): string | undefined {
  const text = s.cluster.machines.get('controlplane')?.read(KUBECONFIG);
  if (!text) return undefined;
  try {
    return parseKubeconfig(text, KUBECONFIG).currentContext || undefined;
  } catch {
    return undefined;
  }
}

/** `--context=X` / `--context X` on a kubectl line, if it names an exam context. */
export function contextFlag(line: string, known: Set<string>): string | undefined {
  const m = /(?:^|[\s;&|])kubectl\b[^\n;&|]*?\s--context(?:=|\s+)(['"]?)([A-Za-z0-9._@-]+)\1/.exec(line);
  return m && known.has(m[2]) ? m[2] : undefined;
}

export class ExamHost {
  readonly tasks: ExamTask[];
  current: string;
  private hosts = new Map<string, Host>();
  private saved: Record<string, Op[]>;
  /** Operations run on each cluster since this host started (after the saved ones). */
  private ran: Record<string, Op[]> = {};
  private contexts: string[];

  /** `ops`: the saved log per context, replayed when a cluster is first needed. */
  constructor(tasks: ExamTask[], current: string, ops: Record<string, Op[]> = {}) {
    this.tasks = tasks;
    this.contexts = tasks.map((t) => t.context);
    this.current = this.contexts.includes(current) ? current : this.contexts[0];
    this.saved = ops;
  }

  lab(ctx: string): Lab {
    const t = this.tasks.find((x) => x.context === ctx);
    const lab = t && labByKey(t.key);
    if (!lab) throw new Error(`unknown exam context ${ctx}`);
    return lab;
  }

  booted(ctx: string): boolean {
    return this.hosts.has(ctx);
  }

  /** The cluster of a context: booted from its lab's scenario, kubeconfig written, saved log replayed. */
  host(ctx: string): Host {
    let h = this.hosts.get(ctx);
    if (h) return h;
    const lab = this.lab(ctx);
    const s = startLab(lab, labSeed(lab)).session;
    writeExamKubeconfig(s, this.contexts, ctx);
    h = new Host(s);
    this.hosts.set(ctx, h);
    for (const op of this.saved[ctx] ?? []) {
      try {
        h.apply(op);
      } catch {
        break;
      }
    }
    return h;
  }

  session(ctx: string): Session {
    return this.host(ctx).session;
  }

  /** The whole log of a cluster: saved plus run here. */
  log(ctx: string): Op[] {
    return [...(this.saved[ctx] ?? []), ...(this.ran[ctx] ?? [])];
  }

  prompt(): string {
    return this.host(this.current).prompt();
  }

  /**
   * Runs one operation from the terminal. Returns what to show and which operations to log on which
   * context (the op itself, plus the kubeconfig alignment when the current context changed).
   */
  apply(op: Op): OpResult & { log: { ctx: string; op: Op }[]; switched?: string } {
    const known = new Set(this.contexts);
    const target = op.t === 'r' ? (contextFlag(op.s, known) ?? this.current) : this.current;
    const s = this.session(target);
    const { entries } = this.host(target).apply(op);
    const log: { ctx: string; op: Op }[] = [{ ctx: target, op }];
    (this.ran[target] ??= []).push(op);
    let switched: string | undefined;
    if (target === this.current) {
      const now = currentContextOf(s);
      if (now && now !== this.current && known.has(now)) {
        const align: Op = { t: 'r', s: `kubectl config use-context ${now}` };
        this.host(now).apply(align);
        log.push({ ctx: now, op: align });
        (this.ran[now] ??= []).push(align);
        this.current = now;
        switched = now;
      }
    }
    return { entries, prompt: this.prompt(), log, ...(switched ? { switched } : {}) };
  }

  complete(line: string): Completion {
    return complete(this.host(this.current).session, line);
  }

  read(path: string): string | null {
    return this.host(this.current).readFile(path);
  }

  editBuffer(line: string): { text: string | null; entries: RunEntry[] } {
    return this.host(this.current).editBuffer(line);
  }

  /**
   * Grades every task whose cluster was used (booted now or with a saved log); untouched ones are
   * left out (their starting state fails by construction — tested for every lab).
   */
  gradeAll(): Record<string, Grade> {
    const out: Record<string, Grade> = {};
    for (const t of this.tasks) {
      if (!attempted(this.log(t.context))) continue;
      const lab = this.lab(t.context);
      const s = this.session(t.context);
      out[t.context] = grade(lab, s);
    }
    return out;
  }

  /** The check alone, no time passing (for tests). */
  checkNow(ctx: string): Grade {
    return check(this.lab(ctx), this.session(ctx));
  }
}

