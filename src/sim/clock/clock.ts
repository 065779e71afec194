/**
 * Simulated time. Nothing in the simulator reads the wall clock: time moves only when the session
 * advances it, and everything that "takes time" (image pulls, back-offs, heartbeats, grace periods)
 * is a timer on this clock. Work that happens "right away" (a watch event reaching a controller) is a
 * task at the current instant; `settle()` runs those until the cluster is quiet.
 */
export type Task = () => void;

interface Timer {
  at: number;
  seq: number;
  fn: Task;
  cancelled: boolean;
}

export interface TimerHandle {
  cancel(): void;
}

const DONE: Task = () => {};

/** Upper bound on tasks run by one settle(): a controller loop that never converges is a bug, not a hang. */
const MAX_TASKS_PER_SETTLE = 20_000_000;

export class Clock {
  private nowMs: number;
  private seq = 0;
  private heap: Timer[] = [];
  private tasks: Task[] = [];
  private taskHead = 0;

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  /** RFC 3339 time with second precision, as metav1.Time marshals. */
  rfc3339(ms = this.nowMs): string {
    const sec = Math.floor(ms / 1000);
    // One string per second, shared by every object stamped in it (thousands of pods and events).
    if (sec !== this.lastSec) {
      this.lastSec = sec;
      this.lastStamp = flat(new Date(sec * 1000).toISOString().replace('.000Z', 'Z'));
    }
    return this.lastStamp;
  }
  private lastSec = NaN;
  private lastStamp = '';

  /** Run `fn` at the current instant, after the tasks already queued. */
  soon(fn: Task): void {
    this.tasks.push(fn);
  }

  /** Run `fn` after `ms` of simulated time (whole milliseconds, rounded up: the clock has no finer grain). */
  after(ms: number, fn: Task): TimerHandle {
    const t: Timer = { at: this.nowMs + Math.max(0, Math.ceil(ms)), seq: this.seq++, fn, cancelled: false };
    this.push(t);
    // A handle may be kept long after its timer fired or was cancelled: it must not keep the
    // timer's closure (and what that captured) alive.
    return {
      cancel: () => {
        t.cancelled = true;
        t.fn = DONE;
      },
    };
  }

  /** Run every task queued at the current instant (and the tasks they queue). */
  settle(): void {
    let n = 0;
    while (this.taskHead < this.tasks.length) {
      const fn = this.tasks[this.taskHead];
      // Let go of a task once it has run: one instant can queue millions (every watch event of a
      // 50,000-pod rollout), and each holds the objects of its event.
      this.tasks[this.taskHead++] = DONE;
      fn();
      if (++n > MAX_TASKS_PER_SETTLE) throw new Error('simulator did not settle (task loop)');
    }
    this.tasks = [];
    this.taskHead = 0;
  }

  /** Move time forward by `ms`, firing due timers in order and settling after each. */
  advance(ms: number): void {
    const end = this.nowMs + Math.max(0, Math.ceil(ms));
    this.settle();
    for (;;) {
      const t = this.heap[0];
      if (!t || t.at > end) break;
      // Every timer due at the same instant fires before the cluster settles, so watch events from
      // one instant reach each controller as one batch (as a real informer resync would coalesce them).
      const at = t.at;
      this.nowMs = Math.max(this.nowMs, at);
      while (this.heap.length && this.heap[0].at === at) {
        const next = this.pop()!;
        const fn = next.fn;
        next.fn = DONE;
        if (!next.cancelled) fn();
      }
      this.settle();
    }
    this.nowMs = end;
  }

  /** Time of the next pending timer, if any (for "skip to next event" controls). */
  nextTimerAt(): number | undefined {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
    return this.heap[0]?.at;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * `s` as one flat, internalized string. Strings built by concatenation are trees of pieces in V8
 * (a 36-character uid built character by character takes ~400 bytes); a string that objects keep for
 * a long time should be flat. Using it as a property key makes V8 flatten and internalize it.
 */
/** English day and month abbreviations, as Go's time package, C's strftime and the images' logs print them. */
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function flat(s: string): string {
  return Object.keys({ [s]: 0 })[0] ?? s;
}

/** Parse a Go-style duration ("30s", "2m", "1h30m", "500ms") into milliseconds; undefined if invalid. */
export function parseDuration(s: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (s === '0') return 0;
  let total = 0;
  re.lastIndex = 0;
  let matched = 0;
  while (re.lastIndex < s.length) {
    const m = re.exec(s);
    if (!m) return undefined;
    total += parseFloat(m[1]) * unit[m[2]];
    matched++;
  }
  return matched ? Math.round(total) : undefined;
}

/**
 * An RFC 3339 timestamp in microseconds since the epoch: a MicroTime ("…:00.000068Z") keeps its
 * microseconds, which Date.parse would drop — events sort by them (kubectl's eventTime()).
 */
export function parseMicros(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || !ts) return undefined;
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return undefined;
  const frac = /\.(\d+)(?:Z|[+-]\d\d:?\d\d)$/i.exec(ts)?.[1] ?? '';
  return Math.floor(ms / 1000) * 1_000_000 + Number((frac + '000000').slice(0, 6));
}
