/**
 * The pod subresources kube-apiserver serves by proxying to the node's kubelet:
 *   GET  pods/{name}/log   (pkg/registry/core/pod/rest/log.go, pod/strategy.go LogLocation)
 *   POST pods/{name}/exec  (pkg/registry/core/pod/rest/subresources.go, pod/strategy.go ExecLocation)
 * The API server validates the request against the pod (container name, node assignment), then asks
 * the kubelet of the pod's node — here through a `KubeletConnection` the Cluster registers, in place of
 * the HTTPS call to https://NODE:10250/containerLogs/… and /exec/….
 * Query parameters are those of corev1.PodLogOptions / PodExecOptions, as strings (HTTP-shaped).
 */
import type { KubeObject } from '../api/object.ts';
import * as errors from './errors.ts';
import type { Status } from './errors.ts';

export interface PodLogOptions {
  container: string;
  previous: boolean;
  follow: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** sinceTime as epoch milliseconds */
  sinceTime?: number;
  limitBytes?: number;
}

export interface PodExecOptions {
  container: string;
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
  /** What the client sends on stdin (the simulator has no interactive stream). */
  input?: string;
}

/** What comes back over an exec stream: the output channels and the final status (error channel). */
export interface ExecStream {
  stdout: string;
  stderr: string;
  /** metav1.Status of the error channel: Success, or Failure (NonZeroExitCode / InternalError). */
  status: Status;
}

/** A kubelet answer: either content, or an error status with the kubelet's message. */
export type KubeletAnswer<T> = { ok: true; value: T } | { ok: false; status: Status };

/** kube-apiserver → kubelet (port 10250). Undefined answers mean the kubelet cannot be dialed. */
export interface KubeletConnection {
  /** GET /containerLogs/{ns}/{pod}/{container} */
  containerLogs(pod: KubeObject, opts: PodLogOptions): KubeletAnswer<string>;
  /** POST /exec/{ns}/{pod}/{container}?command=… */
  exec(pod: KubeObject, opts: PodExecOptions): KubeletAnswer<ExecStream>;
}

/** Finds the kubelet serving a node, or returns the dial error text (`dial tcp IP:10250: …`). */
export type NodeDialer = (node: string) => KubeletConnection | { dialError: string; address: string };

type Query = Record<string, string | string[] | undefined>;

function one(q: Query, k: string): string | undefined {
  const v = q[k];
  return Array.isArray(v) ? v[0] : v;
}

function bool(q: Query, k: string): boolean {
  return one(q, k) === 'true';
}

function int(q: Query, k: string): number | undefined {
  const v = one(q, k);
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw errors.badRequest(`strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number(v);
}

interface PodSpecLike {
  nodeName?: string;
  containers?: { name: string }[];
  initContainers?: { name: string }[];
  ephemeralContainers?: { name: string }[];
}

function allContainerNames(spec: PodSpecLike): string[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c) => c.name);
}

/** validateContainer (pod/strategy.go): default the only container, or demand a valid name. */
function validateContainer(pod: KubeObject, container: string): string {
  const spec = (pod.spec ?? {}) as PodSpecLike;
  if (!container) {
    const cs = spec.containers ?? [];
    if (cs.length === 1) return cs[0].name;
    if (cs.length === 0) throw errors.badRequest(`pod ${pod.metadata.name} does not have a container`);
    throw errors.badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${allContainerNames(spec).join(' ')}]`);
  }
  if (!allContainerNames(spec).includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  return container;
}

/** A failure to reach the kubelet, without a reason: kubectl prints `Error from server: <message>`. */
function proxyError(message: string): errors.ApiError {
  return new errors.ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}

/** LogLocation's kubelet URL query: url.Values.Encode() (keys sorted). */
function logQuery(o: PodLogOptions, raw: Query): string {
  const p: [string, string][] = [];
  if (o.follow) p.push(['follow', 'true']);
  if (o.limitBytes !== undefined) p.push(['limitBytes', String(o.limitBytes)]);
  if (o.previous) p.push(['previous', 'true']);
  if (o.sinceSeconds !== undefined) p.push(['sinceSeconds', String(o.sinceSeconds)]);
  const st = one(raw, 'sinceTime');
  if (st) p.push(['sinceTime', encodeURIComponent(st)]);
  if (o.tailLines !== undefined) p.push(['tailLines', String(o.tailLines)]);
  if (o.timestamps) p.push(['timestamps', 'true']);
  return p.length ? '?' + p.map(([k, v]) => `${k}=${v}`).join('&') : '';
}

/** GET pods/{name}/log */
export function podLog(pod: KubeObject, query: Query, dial: NodeDialer): string {
  const opts: PodLogOptions = {
    container: one(query, 'container') ?? '',
    previous: bool(query, 'previous'),
    follow: bool(query, 'follow'),
    timestamps: bool(query, 'timestamps'),
    tailLines: int(query, 'tailLines'),
    sinceSeconds: int(query, 'sinceSeconds'),
    limitBytes: int(query, 'limitBytes'),
  };
  const since = one(query, 'sinceTime');
  if (since) opts.sinceTime = Date.parse(since);
  if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 1) throw errors.invalid('', 'PodLogOptions', '', [{ type: 'FieldValueInvalid', field: 'sinceSeconds', value: opts.sinceSeconds, detail: 'must be greater than 0' }]);
  opts.container = validateContainer(pod, opts.container);
  const spec = (pod.spec ?? {}) as PodSpecLike;
  // A pod without a node has no logs yet: LogLocation returns no location and the stream is empty.
  if (!spec.nodeName) return '';
  const conn = dial(spec.nodeName);
  // The log stream is a plain GET to the kubelet (rest.LocationStreamer): Go reports the URL.
  if ('dialError' in conn) throw proxyError(`Get "https://${conn.address}:10250/containerLogs/${pod.metadata.namespace}/${pod.metadata.name}/${opts.container}${logQuery(opts, query)}": ${conn.dialError}`);
  const r = conn.containerLogs(pod, opts);
  if (!r.ok) throw new errors.ApiError(r.status);
  return r.value;
}

/** POST pods/{name}/exec */
export function podExec(pod: KubeObject, query: Query, input: string | undefined, dial: NodeDialer): ExecStream {
  const command = query.command === undefined ? [] : Array.isArray(query.command) ? query.command : [query.command];
  const opts: PodExecOptions = {
    container: one(query, 'container') ?? '',
    command,
    stdin: bool(query, 'stdin'),
    stdout: one(query, 'stdout') !== 'false',
    stderr: one(query, 'stderr') !== 'false',
    tty: bool(query, 'tty'),
    input,
  };
  if (!command.length) throw errors.badRequest('you must specify at least 1 command');
  opts.container = validateContainer(pod, opts.container);
  const spec = (pod.spec ?? {}) as PodSpecLike;
  if (!spec.nodeName) throw errors.badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  const conn = dial(spec.nodeName);
  // exec goes through the upgrade-aware proxy: "error dialing backend: …".
  if ('dialError' in conn) throw proxyError(`error dialing backend: ${conn.dialError}`);
  const r = conn.exec(pod, opts);
  // kube-apiserver (≥1.30) translates the client's WebSocket stream to SPDY towards the kubelet
  // (StreamTranslator); a refused upgrade reaches the client as an InternalError.
  if (!r.ok && r.status.code === 404) throw errors.internalError(`unable to upgrade connection: ${r.status.message}`);
  if (!r.ok) throw new errors.ApiError(r.status);
  return r.value;
}

/**
 * `follow=true` on pods/log: the kubelet keeps the stream open and sends what the container writes
 * until it stops running (kuberuntime_logs.go ReadLogs: at end of file it waits for more and ends once
 * the container is no longer running; a restarted container is a new instance, whose lines are not
 * part of this stream). The simulator reads the log again as simulated time passes — the API server's
 * streaming response (`kubesim serve`) every simulated second, the simulator's kubectl at its own
 * steps — and `poll()` hands out the lines added since the last read.
 */
export class LogFollower {
  private readonly readPod: () => KubeObject | undefined;
  private readonly readLog: (query: Query) => string;
  private readonly base: Query;
  private container = '';
  private containerID: string | undefined;
  private seen = 0;
  ended = false;

  /** `query` is the request's (container, timestamps…); reads go through the same log endpoint. */
  constructor(readPod: () => KubeObject | undefined, readLog: (query: Query) => string, query: Query) {
    this.readPod = readPod;
    this.readLog = readLog;
    // The whole log (no tail, since or byte limit): what comes after the first answer.
    const base: Query = {};
    for (const k of ['container', 'timestamps']) if (query[k] !== undefined) base[k] = query[k];
    this.base = base;
    const pod = readPod();
    this.container = one(query, 'container') || ((pod?.spec as PodSpecLike | undefined)?.containers?.[0]?.name ?? '');
    const cs = pod && statusOfContainer(pod, this.container);
    this.containerID = cs?.containerID;
    this.seen = lineCount(this.readAll(false));
    if (!cs?.state?.running) this.ended = true;
  }

  private readAll(previous: boolean): string {
    try {
      return this.readLog(previous ? { ...this.base, previous: 'true' } : this.base);
    } catch {
      return '';
    }
  }

  /** New lines since the last read; `ended` once the container instance stopped running. */
  poll(): string {
    if (this.ended) return '';
    const pod = this.readPod();
    const cs = pod && statusOfContainer(pod, this.container);
    let text: string;
    if (!cs || cs.containerID !== this.containerID) {
      // Gone, or restarted: what the followed instance wrote last is now the previous instance's log.
      text = cs && this.containerID ? this.readAll(true) : '';
      this.ended = true;
    } else {
      text = this.readAll(false);
      if (!cs.state?.running) this.ended = true;
    }
    const lines = text.split(/(?<=\n)/).filter(Boolean);
    const fresh = lines.slice(this.seen).join('');
    this.seen = Math.max(this.seen, lines.length);
    return fresh;
  }
}

function lineCount(s: string): number {
  return s.split(/(?<=\n)/).filter(Boolean).length;
}

interface ContainerStatusLike {
  name: string;
  containerID?: string;
  state?: { running?: unknown };
}

function statusOfContainer(pod: KubeObject, name: string): ContainerStatusLike | undefined {
  const st = (pod.status ?? {}) as { containerStatuses?: ContainerStatusLike[]; initContainerStatuses?: ContainerStatusLike[]; ephemeralContainerStatuses?: ContainerStatusLike[] };
  return [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])].find((c) => c.name === name);
}
