/**
 * Job controller (pkg/controller/job/job_controller.go, backoff_utils.go), NonIndexed jobs: runs pods
 * until `completions` of them succeed, replaces failed ones after an exponential back-off until more
 * than `backoffLimit` have failed, and counts finished pods through the job-tracking finalizer.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../api/object.ts';
import { selectorMatchesLabels } from '../api/selector.ts';
import { res } from '../apiserver/client.ts';
import { ApiError } from '../apiserver/errors.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';
import { isPodReady, podFromTemplate } from './podutil.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const JOBS = () => res('jobs', 'batch');
const COMPONENT = { component: 'job-controller' };
/** batch.JobTrackingFinalizer: a finished pod stays until the controller has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
const BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** syncJobBatchPeriod: pod changes are synced together, a second after the first of them. */
const BATCH_MS = 1000;

interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime: number;
}

function condTrue(job: Obj, type: string): boolean {
  return ((job.status?.conditions ?? []) as Obj[]).some((c) => c.type === type && c.status === 'True');
}

/** IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: Obj): boolean {
  return condTrue(job, 'Complete') || condTrue(job, 'Failed');
}

/** getFinishedTime: when the last container of a finished pod stopped. */
function finishedTime(pod: KubeObject, now: number): number {
  const st = pod.status as Pod['status'];
  let t = 0;
  for (const c of [...(st?.containerStatuses ?? []), ...(st?.initContainerStatuses ?? [])]) {
    const f = c.state?.terminated?.finishedAt;
    if (f) t = Math.max(t, Date.parse(f));
  }
  if (t) return t;
  return pod.metadata.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : now;
}

/** pastBackoffLimitOnFailure: with OnFailure the kubelet restarts containers, so restarts count. */
function pastBackoffLimitOnFailure(spec: Obj, pods: KubeObject[]): boolean {
  if (spec.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    const st = p.status as Pod['status'];
    if (st?.phase !== 'Running' && st?.phase !== 'Pending') continue;
    for (const c of [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])]) restarts += c.restartCount ?? 0;
  }
  return spec.backoffLimit === 0 ? restarts > 0 : restarts >= spec.backoffLimit;
}

export class JobController extends Controller {
  readonly name = 'job';
  /** podBackoffStore. */
  private backoff = new Map<string, BackoffRecord>();

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(JOBS(), (ev) => {
      if (ev.type === 'DELETED') this.backoff.delete(keyOf(ev.object));
      this.enqueue(keyOf(ev.object));
    });
    this.watch(res('pods'), (ev) => {
      const ref = ev.object.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Job');
      if (ref) this.enqueueAfter(`${ev.object.metadata.namespace}/${ref.name}`, BATCH_MS);
    });
  }

  private removeFinalizer(pod: KubeObject) {
    if (!pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return;
    try {
      this.ctx.client.mutate(res('pods'), pod.metadata.namespace, pod.metadata.name!, (p) => {
        p.metadata.finalizers = p.metadata.finalizers?.filter((f) => f !== JOB_TRACKING_FINALIZER);
        if (!p.metadata.finalizers?.length) delete p.metadata.finalizers;
      });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client, recorder, clock } = this.ctx;
    const job = client.get(JOBS(), ns, name) as Obj | undefined;
    const all = client.list(res('pods'), ns);
    const owned = (uid?: string) => all.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'Job' && r.name === name && (uid === undefined || r.uid === uid)));
    // A deleted Job's pods must not wait for a controller that no longer counts them.
    if (!job) {
      for (const p of owned()) this.removeFinalizer(p);
      return;
    }
    const pods = owned(job.metadata.uid).filter((p) => selectorMatchesLabels(job.spec.selector as LabelSelector, p.metadata.labels ?? {}));
    for (const p of owned()) if (!pods.includes(p)) this.removeFinalizer(p);
    if (isJobFinished(job)) {
      for (const p of pods) this.removeFinalizer(p);
      this.backoff.delete(key);
      return;
    }
    const spec = job.spec as Obj;
    const now = clock.now();
    const status: Obj = { ...(job.status ?? {}) };
    const suspended = spec.suspend === true;
    if (!status.startTime && !suspended) status.startTime = this.ctx.server.now();

    // trackJobStatusAndRemoveFinalizers: a finished pod that still has the finalizer is counted now.
    // Deleted pods count as failed at once (podReplacementPolicy TerminatingOrFailed).
    const onlyFailed = spec.podReplacementPolicy === 'Failed' || !!spec.podFailurePolicy;
    const isFailed = (p: KubeObject) => {
      const phase = (p.status as Pod['status'])?.phase;
      if (phase === 'Failed') return true;
      return !onlyFailed && !!p.metadata.deletionTimestamp && phase !== 'Succeeded';
    };
    let succeeded = status.succeeded ?? 0;
    let failed = status.failed ?? 0;
    const newFailed: KubeObject[] = [];
    let newSucceeded = 0;
    for (const p of pods) {
      if (!p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) continue;
      const phase = (p.status as Pod['status'])?.phase;
      if (phase === 'Succeeded') {
        succeeded++;
        newSucceeded++;
      } else if (isFailed(p)) {
        failed++;
        newFailed.push(p);
      } else continue;
      this.removeFinalizer(p);
    }
    const rec = this.backoff.get(key) ?? { failuresAfterLastSuccess: 0, lastFailureTime: 0 };
    if (newSucceeded) rec.failuresAfterLastSuccess = 0;
    for (const p of newFailed) {
      rec.failuresAfterLastSuccess++;
      rec.lastFailureTime = Math.max(rec.lastFailureTime, finishedTime(p, now));
    }
    this.backoff.set(key, rec);

    const phaseOf = (p: KubeObject) => (p.status as Pod['status'])?.phase;
    let active = pods.filter((p) => !p.metadata.deletionTimestamp && phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed');
    const completions = spec.completions as number | undefined;
    const parallelism = (spec.parallelism as number) ?? 1;

    // The finish line: failure first (backoffLimit, activeDeadlineSeconds), then success.
    let finished: { type: 'Failed' | 'Complete'; reason: string; message: string } | undefined;
    const deadline = spec.activeDeadlineSeconds as number | undefined;
    const started = status.startTime ? Date.parse(status.startTime) : now;
    const target = ((status.conditions ?? []) as Obj[]).find((c) => c.type === 'FailureTarget' && c.status === 'True');
    if (target) {
      // newFailedConditionForFailureTarget: the decision stands, Failed only waits for the pods.
      finished = { type: 'Failed', reason: target.reason, message: target.message };
    } else if (failed > spec.backoffLimit || pastBackoffLimitOnFailure(spec, active)) {
      finished = { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    } else if (deadline !== undefined && !suspended && now - started >= deadline * 1000) {
      finished = { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    } else if (completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= completions && active.length === 0) {
      finished = { type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
    }

    // Pods deleted now are terminating until the kubelet is done with them (and count as failed then).
    let deleted = 0;
    if (finished?.type === 'Failed') {
      // A failed Job stops its running pods (deleteActivePods: they keep the finalizer and count as failed).
      for (const p of active) if (this.deletePod(job, p)) deleted++;
      active = [];
    } else if (!finished && suspended) {
      // manageJob of a suspended Job (deleteJobPods): the finalizer goes first, so the pods are not
      // counted as failed, then the pods are deleted and terminate.
      for (const p of active) {
        this.removeFinalizer(p);
        if (this.deletePod(job, p)) deleted++;
      }
      active = [];
    } else if (!finished) {
      let want = parallelism;
      if (completions !== undefined) want = Math.max(0, Math.min(parallelism, completions - succeeded));
      else if (succeeded > 0) want = active.length;
      const diff = want - active.length;
      if (diff < 0) {
        for (const p of [...active].sort((a, b) => (isPodReady(a) ? 1 : 0) - (isPodReady(b) ? 1 : 0)).slice(0, -diff)) {
          if (this.deletePod(job, p)) deleted++;
          active.splice(active.indexOf(p), 1);
        }
      } else if (diff > 0) {
        const wait = this.remainingBackoff(rec, now);
        if (wait > 0) this.enqueueAfter(key, wait);
        else active.push(...this.createPods(job, diff));
      }
    }
    if (deadline !== undefined && !finished && !suspended) this.enqueueAfter(key, Math.max(1, started + deadline * 1000 - now));

    const terminating = deleted + pods.filter((p) => p.metadata.deletionTimestamp && phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed').length;
    const conditions = [...((status.conditions ?? []) as Obj[])];
    const ts = this.ctx.server.now();
    const cond = (type: string) => ({ type, status: 'True', lastProbeTime: ts, lastTransitionTime: ts, reason: finished!.reason, message: finished!.message });
    let done = false;
    // The Suspended condition follows spec.suspend while the Job runs (ensureJobConditionStatus):
    // True/JobSuspended when suspended, False/JobResumed once resumed, and a resumed Job starts its
    // clock (startTime) again.
    let suspendEvent: 'Suspended' | 'Resumed' | undefined;
    if (!finished && !job.metadata.deletionTimestamp) {
      const i = conditions.findIndex((c) => c.type === 'Suspended');
      const want = suspended ? { status: 'True', reason: 'JobSuspended', message: 'Job suspended' } : { status: 'False', reason: 'JobResumed', message: 'Job resumed' };
      const cur = i >= 0 ? conditions[i] : undefined;
      if (cur ? cur.status !== want.status || cur.reason !== want.reason || cur.message !== want.message : suspended) {
        const c = { type: 'Suspended', status: want.status, lastProbeTime: ts, lastTransitionTime: ts, reason: want.reason, message: want.message };
        if (i >= 0) conditions[i] = c;
        else conditions.push(c);
        suspendEvent = suspended ? 'Suspended' : 'Resumed';
        if (!suspended) status.startTime = ts;
      }
    }
    if (finished) {
      // The interim condition (FailureTarget, SuccessCriteriaMet) first; the terminal one once no
      // pod is still terminating.
      const interim = finished.type === 'Failed' ? 'FailureTarget' : 'SuccessCriteriaMet';
      if (!conditions.some((c) => c.type === interim)) conditions.push(cond(interim));
      if (terminating === 0) {
        conditions.push(cond(finished.type));
        if (finished.type === 'Complete') status.completionTime = ts;
        done = true;
      }
    }
    const next: Obj = { ...status, conditions: conditions.length ? conditions : undefined, active: active.length || undefined, ready: active.filter(isPodReady).length, terminating, succeeded: succeeded || undefined, failed: failed || undefined, uncountedTerminatedPods: {} };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    client.mutate(
      JOBS(),
      ns,
      name,
      (o) => {
        o.status = next;
      },
      true,
    );
    if (suspendEvent) recorder.event(job as KubeObject, 'Normal', suspendEvent, suspendEvent === 'Suspended' ? 'Job suspended' : 'Job resumed', COMPONENT);
    if (done) {
      if (finished!.type === 'Complete') recorder.event(job as KubeObject, 'Normal', 'Completed', 'Job completed', COMPONENT);
      else recorder.event(job as KubeObject, 'Warning', finished!.reason, finished!.message, COMPONENT);
      this.backoff.delete(key);
    } else if (finished) this.enqueueAfter(key, BATCH_MS);
  }

  /** getRemainingTime: 10 s doubled for each failure since the last success, from the last failure. */
  private remainingBackoff(rec: BackoffRecord, now: number): number {
    if (!rec.failuresAfterLastSuccess) return 0;
    const backoff = Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (rec.failuresAfterLastSuccess - 1));
    const elapsed = now - rec.lastFailureTime;
    return elapsed > backoff ? 0 : backoff - elapsed;
  }

  private createPods(job: Obj, n: number): KubeObject[] {
    const made: KubeObject[] = [];
    for (let i = 0; i < n; i++) {
      const pod = podFromTemplate(job.spec.template as PodTemplateSpec, job as KubeObject, `${job.metadata.name}-`);
      pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
      try {
        const created = this.ctx.client.create(res('pods'), pod, job.metadata.namespace);
        made.push(created);
        this.ctx.recorder.event(job as KubeObject, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
      } catch (e) {
        const msg = e instanceof ApiError ? (e.status.message ?? '') : String(e);
        this.ctx.recorder.event(job as KubeObject, 'Warning', 'FailedCreate', `Error creating: ${msg}`, COMPONENT);
        this.enqueueAfter(keyOf(job as KubeObject), BACKOFF_MS);
        break;
      }
    }
    return made;
  }

  private deletePod(job: Obj, pod: KubeObject): boolean {
    try {
      this.ctx.client.delete(res('pods'), pod.metadata.namespace, pod.metadata.name!);
      this.ctx.recorder.event(job as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return false;
    }
  }
}
