/**
 * TTL-after-finished controller (pkg/controller/ttlafterfinished/ttlafterfinished_controller.go): a
 * finished Job with spec.ttlSecondsAfterFinished is deleted (foreground cascade, uid precondition) once
 * that many seconds have passed since its Complete or Failed condition. It records no events.
 * Only Jobs that set the field are ever enqueued: without them the controller costs nothing.
 */
import { res } from '../apiserver/client.ts';
import { ApiError } from '../apiserver/errors.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const JOBS = () => res('jobs', 'batch');

/** jobFinishTime: the lastTransitionTime of the True Complete or Failed condition. */
function finishTime(job: Obj): number | undefined {
  for (const c of (job.status?.conditions ?? []) as Obj[]) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
  }
  return undefined;
}

/** needsCleanup: a TTL is set, the Job has finished, and it is not already being deleted. */
function needsCleanup(job: Obj): boolean {
  return typeof job.spec?.ttlSecondsAfterFinished === 'number' && finishTime(job) !== undefined && !job.metadata.deletionTimestamp;
}

export class TTLAfterFinishedController extends Controller {
  readonly name = 'ttl-after-finished';

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(JOBS(), (ev) => {
      if (ev.type !== 'DELETED' && needsCleanup(ev.object as Obj)) this.enqueue(keyOf(ev.object));
    });
  }

  /** processTTL: milliseconds left before the Job expires (≤ 0: expired), or undefined when not to clean up. */
  private remaining(job: Obj): number | undefined {
    if (!needsCleanup(job)) return undefined;
    return finishTime(job)! + job.spec.ttlSecondsAfterFinished * 1000 - this.ctx.clock.now();
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client } = this.ctx;
    const job = client.get(JOBS(), ns, name) as Obj | undefined;
    if (!job) return;
    const left = this.remaining(job);
    if (left === undefined) return;
    // One wake-up per Job (AddAfter keeps the earliest): updates of a finished Job do not pile timers.
    if (left > 0) return this.requeueAfter(key, left);
    try {
      client.delete(JOBS(), ns, name, { propagationPolicy: 'Foreground' });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
