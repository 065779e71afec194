/**
 * CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go, utils.go): at each scheduled
 * time it creates the Job `<cronjob>-<scheduled unix time in minutes>` from the job template, keeps
 * status.active / lastScheduleTime / lastSuccessfulTime, applies concurrencyPolicy (Allow, Forbid,
 * Replace), startingDeadlineSeconds and suspend, and deletes finished Jobs beyond the history limits.
 *
 * Like the real controller it is driven by its work queue only: a CronJob is synced when it or one of
 * its Jobs changes, and again at its next scheduled time (plus nextScheduleDelta). No CronJob, no timer.
 */
import type { KubeObject, OwnerReference } from '../api/object.ts';
import { clone } from '../api/object.ts';
import { loadLocation, parseStandard, ScheduleError, ZERO_TIME, type Schedule } from '../api/cron/schedule.ts';
import { res } from '../apiserver/client.ts';
import { ApiError } from '../apiserver/errors.ts';
import { DAYS, MONTHS } from '../clock/clock.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';
import { ownerRef } from './podutil.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CRONJOBS = () => res('cronjobs', 'batch');
const JOBS = () => res('jobs', 'batch');
const COMPONENT = { component: 'cronjob-controller' };
/** batchv1.CronJobScheduledTimestampAnnotation (feature CronJobsScheduledAnnotation, GA in v1.32). */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** nextScheduleDelta: the requeue lands 100 ms after the scheduled time. */
const NEXT_SCHEDULE_DELTA_MS = 100;

type Missed = 'none' | 'few' | 'many';

function controllerOf(o: KubeObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

/** jobutil.FinishedCondition: the first Complete or Failed condition that is True. */
function finishedCondition(job: Obj): string | undefined {
  for (const c of (job.status?.conditions ?? []) as Obj[]) if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  return undefined;
}

const ms = (t: unknown) => (typeof t === 'string' ? Date.parse(t) : NaN);
const rfc3339 = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** time.RFC1123Z of a UTC time. */
function rfc1123z(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** time.Format(time.RFC3339) in a location: the wall time and its offset (Z when the offset is zero). */
function rfc3339In(t: number, zone: string): string {
  const loc = loadLocation(zone);
  const wall = loc.toWall(t);
  const off = Math.round((wall - t) / 60_000);
  if (off === 0) return rfc3339(t);
  const a = Math.abs(off);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${rfc3339(wall).slice(0, -1)}${off < 0 ? '-' : '+'}${p(Math.floor(a / 60))}:${p(a % 60)}`;
}

/**
 * mostRecentScheduleTime: the earliest time considered (last schedule, creation, or now minus the
 * starting deadline), the most recent scheduled time not after now, and roughly how many were missed.
 */
export function mostRecentScheduleTime(cj: Obj, now: number, sched: Schedule, includeStartingDeadlineSeconds: boolean): { earliest: number; mostRecent?: number; missed: Missed; error?: string } {
  let earliest = Math.floor(ms(cj.metadata.creationTimestamp) / 1000) * 1000;
  const last = ms(cj.status?.lastScheduleTime);
  if (!Number.isNaN(last)) earliest = last;
  const sds = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadlineSeconds && typeof sds === 'number') {
    const deadline = now - sds * 1000;
    if (deadline > earliest) earliest = deadline;
  }
  const t1 = sched.next(earliest);
  const t2 = sched.next(t1);
  if (now < t1) return { earliest, missed: 'none' };
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  // A grammatical schedule that never fires (31 February) gives two zero times.
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.trunc((now - t1) / 1000);
  const n = Math.floor(elapsed / between) + 1;
  let mostRecent = 0;
  const potentialEarliest = t1 + (n - 2) * between * 1000;
  for (let t = sched.next(potentialEarliest); t <= now && t !== ZERO_TIME; t = sched.next(t)) mostRecent = t;
  const missed: Missed = n > 100 ? 'many' : n > 0 ? 'few' : 'none';
  return mostRecent ? { earliest, mostRecent, missed } : { earliest, missed };
}

/** nextScheduleTimeDuration: milliseconds until the next scheduled time after the last one, plus the delta. */
export function nextScheduleTimeDuration(cj: Obj, now: number, sched: Schedule): number {
  const r = mostRecentScheduleTime(cj, now, sched, false);
  let from: number;
  if (r.error) from = now;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : now;
  else from = r.mostRecent;
  return sched.next(from) + NEXT_SCHEDULE_DELTA_MS - now;
}

export class CronJobController extends Controller {
  readonly name = 'cronjob';

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(CRONJOBS(), (ev) => {
      if (ev.type !== 'MODIFIED' || !ev.old) return this.enqueue(keyOf(ev.object));
      this.updateCronJob(ev.old as Obj, ev.object as Obj);
    });
    this.watch(JOBS(), (ev) => {
      const ref = controllerOf(ev.object);
      if (!ref || ref.kind !== 'CronJob') return;
      // resolveControllerRef: by name, then the uid must match.
      const cj = this.ctx.client.get(CRONJOBS(), ev.object.metadata.namespace, ref.name);
      if (cj && cj.metadata.uid === ref.uid) this.enqueue(keyOf(cj));
      const oldRef = ev.old ? controllerOf(ev.old) : undefined;
      if (oldRef && oldRef.uid !== ref.uid && oldRef.kind === 'CronJob') {
        const old = this.ctx.client.get(CRONJOBS(), ev.object.metadata.namespace, oldRef.name);
        if (old && old.metadata.uid === oldRef.uid) this.enqueue(keyOf(old));
      }
    });
  }

  /** updateCronJob: a new schedule or time zone requeues for its next time; anything else syncs now. */
  private updateCronJob(old: Obj, cur: Obj) {
    if (old.spec?.schedule !== cur.spec?.schedule || old.spec?.timeZone !== cur.spec?.timeZone) {
      let sched: Schedule;
      try {
        sched = parseStandard(this.formatSchedule(cur, false));
      } catch (e) {
        if (!(e instanceof ScheduleError)) throw e;
        this.ctx.recorder.event(cur as KubeObject, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cur.spec?.schedule}`, COMPONENT);
        return;
      }
      this.requeueAfter(keyOf(cur as KubeObject), nextScheduleTimeDuration(cur, this.ctx.clock.now(), sched));
      return;
    }
    this.enqueue(keyOf(cur as KubeObject));
  }

  /** formatSchedule: a TZ in the schedule wins (with a warning); else timeZone becomes a TZ= prefix. */
  private formatSchedule(cj: Obj, record: boolean): string {
    const schedule = String(cj.spec?.schedule ?? '');
    if (schedule.includes('TZ')) {
      if (record) this.ctx.recorder.event(cj as KubeObject, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`, COMPONENT);
      return schedule;
    }
    const tz = cj.spec?.timeZone;
    if (typeof tz === 'string') {
      try {
        loadLocation(tz);
      } catch {
        return schedule;
      }
      return `TZ=${tz} ${schedule}`;
    }
    return schedule;
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client } = this.ctx;
    const cronJob = client.get(CRONJOBS(), ns, name) as Obj | undefined;
    if (!cronJob) return;
    // getJobsToBeReconciled: every Job whose controller reference names this CronJob.
    const jobs = client.list(JOBS(), ns).filter((j) => controllerOf(j)?.name === name) as Obj[];
    const cj: Obj = clone(cronJob);
    cj.status ??= {};
    const updatedByCleanup = this.cleanupFinishedJobs(cj, jobs);
    const r = this.syncCronJob(cj, jobs);
    if (updatedByCleanup || r.update) {
      const status = cj.status as Obj;
      if (!status.active?.length) delete status.active;
      try {
        client.mutate(CRONJOBS(), ns, name, (o) => void (o.status = status), true);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        return this.retry(key);
      }
    }
    if (r.error) return this.retry(key);
    if (r.requeueAfter !== undefined && r.requeueAfter > -86_400_000 * 365) this.requeueAfter(key, r.requeueAfter);
  }

  /** syncCronJob: reconcile the active list, then start the Job for the most recent unmet time. */
  private syncCronJob(cj: Obj, jobs: Obj[]): { requeueAfter?: number; update: boolean; error?: boolean } {
    const { client, recorder, clock } = this.ctx;
    const now = clock.now();
    let update = false;
    const event = (type: 'Normal' | 'Warning', reason: string, message: string) => recorder.event(cj as KubeObject, type, reason, message, COMPONENT);
    const inActive = (uid: string) => ((cj.status.active ?? []) as Obj[]).some((a) => a.uid === uid);
    const removeActive = (uid: string) => (cj.status.active = ((cj.status.active ?? []) as Obj[]).filter((a) => a.uid !== uid));
    const children = new Set<string>();
    for (const j of jobs) {
      children.add(j.metadata.uid);
      const found = inActive(j.metadata.uid);
      const finished = finishedCondition(j);
      if (!found && !finished) {
        const fresh = client.get(CRONJOBS(), cj.metadata.namespace, cj.metadata.name) as Obj | undefined;
        if (fresh && ((fresh.status?.active ?? []) as Obj[]).some((a) => a.uid === j.metadata.uid)) {
          Object.assign(cj, clone(fresh));
          cj.status ??= {};
          continue;
        }
        // Created by someone else (kubectl create job --from=cronjob/…), or forgotten.
        event('Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
      } else if (finished) {
        if (found) {
          removeActive(j.metadata.uid);
          event('Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finished}`);
          update = true;
        }
        if (finished === 'Complete') {
          const done = j.status?.completionTime;
          if (!cj.status.lastSuccessfulTime) {
            cj.status.lastSuccessfulTime = done;
            update = true;
          }
          if (done && ms(done) > ms(cj.status.lastSuccessfulTime)) {
            cj.status.lastSuccessfulTime = done;
            update = true;
          }
        }
      }
    }
    // An active Job that no longer exists is dropped (after a direct read, past a slow informer).
    for (const a of [...((cj.status.active ?? []) as Obj[])]) {
      if (children.has(a.uid)) continue;
      if (!client.get(JOBS(), a.namespace, a.name)) {
        event('Normal', 'MissingJob', `Active job went missing: ${a.name}`);
        removeActive(a.uid);
        update = true;
      }
    }
    if (cj.metadata.deletionTimestamp) return { update };

    const tz = cj.spec?.timeZone;
    if (typeof tz === 'string') {
      try {
        loadLocation(tz);
      } catch (e) {
        event('Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: ${(e as Error).message}`);
        return { update };
      }
    }
    if (cj.spec?.suspend === true) return { update };

    let sched: Schedule;
    try {
      sched = parseStandard(this.formatSchedule(cj, true));
    } catch (e) {
      if (!(e instanceof ScheduleError)) throw e;
      event('Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${e.message}`);
      return { update };
    }
    // nextScheduleTime: the most recent unmet time (within the starting deadline).
    const r = mostRecentScheduleTime(cj, now, sched, true);
    let scheduled: number | undefined;
    if (r.mostRecent !== undefined && r.mostRecent <= now) {
      if (r.missed === 'many') event('Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
      scheduled = r.mostRecent;
    }
    if (r.error && scheduled === undefined) {
      event('Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule} : ${r.error}`);
      return { update };
    }
    const next = () => nextScheduleTimeDuration(cj, now, sched);
    if (scheduled === undefined) return { requeueAfter: next(), update };

    const sds = cj.spec?.startingDeadlineSeconds;
    if (typeof sds === 'number' && scheduled + sds * 1000 < now) {
      event('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return { requeueAfter: next(), update };
    }
    const jobName = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
    if (((cj.status.active ?? []) as Obj[]).some((a) => a.name === jobName && a.namespace === cj.metadata.namespace) || ms(cj.status.lastScheduleTime) === scheduled) {
      return { requeueAfter: next(), update };
    }
    const active = (cj.status.active ?? []) as Obj[];
    if (cj.spec?.concurrencyPolicy === 'Forbid' && active.length > 0) {
      event('Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return { requeueAfter: next(), update };
    }
    if (cj.spec?.concurrencyPolicy === 'Replace') {
      for (const a of [...active]) {
        const job = client.get(JOBS(), a.namespace, a.name);
        if (!job) {
          event('Warning', 'FailedGet', `Get job: jobs.batch ${JSON.stringify(a.name)} not found`);
          return { update, error: true };
        }
        if (!this.deleteJob(cj, job as Obj)) return { update, error: true };
        update = true;
      }
    }

    // getJobFromTemplate2
    const jt = (cj.spec?.jobTemplate ?? {}) as Obj;
    const annotations: Record<string, string> = { ...(jt.metadata?.annotations ?? {}) };
    annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339In(scheduled, typeof tz === 'string' ? tz : '');
    const labels: Record<string, string> = { ...(jt.metadata?.labels ?? {}) };
    const req: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: jobName, namespace: cj.metadata.namespace, annotations, ownerReferences: [ownerRef(cj as KubeObject)] },
      spec: clone(jt.spec ?? {}),
    };
    if (Object.keys(labels).length) req.metadata.labels = labels;
    let created: KubeObject;
    try {
      created = client.create(JOBS(), req, cj.metadata.namespace);
      event('Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status.reason === 'AlreadyExists') {
        const existing = client.get(JOBS(), cj.metadata.namespace, jobName);
        if (!existing) return { update, error: true };
        if (!existing.metadata.ownerReferences?.some((o) => o.controller && o.uid === cj.metadata.uid)) return { update };
        if (inActive(existing.metadata.uid!)) return { update };
        created = existing;
      } else if (e.status.details?.causes?.some((c: Obj) => c.type === 'NamespaceTerminating')) {
        return { update, error: true };
      } else {
        event('Warning', 'FailedCreate', `Error creating job: ${e.status.message ?? ''}`);
        return { update, error: true };
      }
    }
    cj.status.active = [...((cj.status.active ?? []) as Obj[]), { apiVersion: 'batch/v1', kind: 'Job', name: created.metadata.name, namespace: created.metadata.namespace, resourceVersion: created.metadata.resourceVersion, uid: created.metadata.uid }];
    cj.status.lastScheduleTime = rfc3339(scheduled);
    return { requeueAfter: next(), update: true };
  }

  /** cleanupFinishedJobs: the oldest finished Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit go. */
  private cleanupFinishedJobs(cj: Obj, jobs: Obj[]): boolean {
    const spec = cj.spec ?? {};
    if (typeof spec.successfulJobsHistoryLimit !== 'number' && typeof spec.failedJobsHistoryLimit !== 'number') return false;
    const ok = jobs.filter((j) => finishedCondition(j) === 'Complete');
    const failed = jobs.filter((j) => finishedCondition(j) === 'Failed');
    let update = false;
    if (typeof spec.successfulJobsHistoryLimit === 'number' && this.removeOldestJobs(cj, ok, spec.successfulJobsHistoryLimit)) update = true;
    if (typeof spec.failedJobsHistoryLimit === 'number' && this.removeOldestJobs(cj, failed, spec.failedJobsHistoryLimit)) update = true;
    return update;
  }

  private removeOldestJobs(cj: Obj, js: Obj[], max: number): boolean {
    const n = js.length - max;
    if (n <= 0) return false;
    // byJobStartTime: by status.startTime (unset last), then name.
    const sorted = [...js].sort((a, b) => {
      const sa = a.status?.startTime;
      const sb = b.status?.startTime;
      if (!sa && sb) return 1;
      if (sa && !sb) return -1;
      if (sa === sb || ms(sa) === ms(sb)) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
      return ms(sa) - ms(sb);
    });
    let update = false;
    for (let i = 0; i < n; i++) if (this.deleteJob(cj, sorted[i])) update = true;
    return update;
  }

  /** deleteJob: the Job (background propagation), its active reference, and the event. */
  private deleteJob(cj: Obj, job: Obj): boolean {
    try {
      this.ctx.client.delete(JOBS(), job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Background' });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.ctx.recorder.event(cj as KubeObject, 'Warning', 'FailedDelete', `Deleted job: ${e.status.message ?? ''}`, COMPONENT);
      return false;
    }
    cj.status.active = ((cj.status.active ?? []) as Obj[]).filter((a) => a.uid !== job.metadata.uid);
    this.ctx.recorder.event(cj as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, COMPONENT);
    return true;
  }
}
