/**
 * kubectl logs (k8s.io/kubectl pkg/cmd/logs/logs.go + polymorphichelpers/logsforobject.go): the
 * `pods/log` subresource for one container, all containers (--all-containers), the pods of a selector
 * (-l, default --tail 10) or the first pod of a workload (deploy/x, ByLogging order, "Found N pods").
 * Since kubectl 1.24 a multi-container pod without -c is not an error on the client: kubectl picks the
 * first container (or the kubectl.kubernetes.io/default-container annotation) and says so on stderr,
 * `Defaulted container "a" out of: a, b, init (init)`.
 *
 * -f/--follow: after what the container has logged so far, the stream stays open and simulated time
 * passes; lines the container writes meanwhile are printed as they come (nodeproxy.ts LogFollower).
 * The stream ends — kubectl exits 0 — when the container stops running (the kubelet ends a followed
 * log then, kuberuntime_logs.go). Otherwise the same rule as `kubectl get -w` (getwatch.ts followWatch)
 * ends it: with --request-timeout=D once D has passed (exit 0, as when the server closes the stream);
 * without, 1s steps until 60s bring no new line (at most 5m), then Ctrl+C: the terminal's `^C` and
 * exit status 1, as real kubectl v1.33 exits on SIGINT during `logs -f` (observed against `kubesim serve`).
 */
import type { KubeObject } from '../../api/object.ts';
import { res } from '../../apiserver/client.ts';
import { ApiError, CmdError, usageError } from '../errors.ts';
import type { Command, KubectlContext } from '../types.ts';
import { LogFollower } from '../../apiserver/nodeproxy.ts';
import { call, listObjects } from './common.ts';
import { followWatch, requestTimeoutMs } from './getwatch.ts';
import { byLogging, fetchNamed, firstPod, parseGoDuration, podRunningTimeout, selectorForObject } from './podsfor.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** podcmd.AllContainerNames: containers, then ephemeral "(ephem)", then init "(init)". */
export function allContainerNames(pod: KubeObject): string {
  const spec = (pod.spec ?? {}) as Obj;
  return [
    ...(spec.containers ?? []).map((c: Obj) => c.name),
    ...(spec.ephemeralContainers ?? []).map((c: Obj) => `${c.name} (ephem)`),
    ...(spec.initContainers ?? []).map((c: Obj) => `${c.name} (init)`),
  ].join(', ');
}

/** podcmd.FindContainerByName: the container and its field path, or undefined. */
export function findContainer(pod: KubeObject, name: string): { name: string; fieldPath: string } | undefined {
  const spec = (pod.spec ?? {}) as Obj;
  for (const [list, field] of [
    [spec.containers, 'containers'],
    [spec.initContainers, 'initContainers'],
    [spec.ephemeralContainers, 'ephemeralContainers'],
  ] as [Obj[] | undefined, string][]) {
    if ((list ?? []).some((c) => c.name === name)) return { name, fieldPath: `spec.${field}{${name}}` };
  }
  return undefined;
}

interface LogRequest {
  pod: KubeObject;
  container: string;
}

interface Options {
  container: string;
  allContainers: boolean;
  allPods: boolean;
  query: Record<string, string>;
  timeoutMs: number;
}

/** logsForObjectWithClient: the log requests for an object, with kubectl's stderr notes. */
function requestsFor(ctx: KubectlContext, obj: KubeObject | KubeObject[], o: Options, allPods: boolean): LogRequest[] {
  if (Array.isArray(obj)) return obj.flatMap((p) => requestsFor(ctx, p, o, allPods));
  if (obj.kind === 'Pod') {
    const spec = (obj.spec ?? {}) as Obj;
    if (!o.allContainers) {
      let container = o.container;
      const annotated = obj.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
      if (!container && annotated) {
        if (!findContainer(obj, annotated)) ctx.err(`Default container name "${annotated}" not found in pod ${obj.metadata.name}\n`);
        else container = annotated;
      }
      if (!container) {
        container = spec.containers?.[0]?.name ?? '';
        const several = (spec.containers ?? []).length > 1 || (spec.initContainers ?? []).length > 0 || (spec.ephemeralContainers ?? []).length > 0;
        if (several && !allPods) ctx.err(`Defaulted container "${container}" out of: ${allContainerNames(obj)}\n`);
      }
      if (!findContainer(obj, container)) throw new CmdError(`container ${container} is not valid for pod ${obj.metadata.name} out of: ${allContainerNames(obj)}`);
      return [{ pod: obj, container }];
    }
    return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c: Obj) => ({ pod: obj, container: c.name as string }));
  }
  let selector: string;
  try {
    selector = selectorForObject(obj);
  } catch (e) {
    throw new CmdError(`cannot get the logs from *v1.${obj.kind}: ${(e as Error).message}`);
  }
  const ns = obj.metadata.namespace ?? ctx.namespace;
  const { pod, count } = firstPod(ctx, ns, selector, o.timeoutMs, byLogging);
  if (count > 1) {
    if (allPods) return requestsFor(ctx, listObjects(ctx, res('pods'), ns, selector).sort(byLogging), o, allPods);
    ctx.err(`Found ${count} pods, using pod/${pod.metadata.name}\n`);
  }
  return requestsFor(ctx, pod, o, allPods);
}

/** util.ParseRFC3339 (RFC3339, then RFC3339Nano), as epoch ms. */
function parseRFC3339(s: string): number {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return t;
  }
  throw new CmdError(`parsing time "${s}" as "2006-01-02T15:04:05.999999999Z07:00": cannot parse "${s}" as "2006"`);
}

export const logs: Command = {
  name: 'logs',
  flags: [
    { name: 'all-containers', type: 'bool' },
    { name: 'all-pods', type: 'bool' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'timestamps', type: 'bool' },
    { name: 'limit-bytes', type: 'int', default: 0 },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'since-time', type: 'string' },
    { name: 'since', type: 'duration', default: '0s' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: '20s' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'prefix', type: 'bool' },
  ],
  run(ctx, args, flags) {
    const selector = flags.str('selector');
    let container = flags.str('container');
    // Complete
    if (args.length === 0 && !selector) throw usageError(USAGE);
    if (args.length === 1 && selector) throw usageError('only a selector (-l) or a POD name is allowed');
    if (args.length === 2) container = args[1];
    if (args.length > 2) throw usageError(USAGE);
    const timeoutMs = podRunningTimeout(flags.str('pod-running-timeout'));
    // The client config (clientcmd) refuses a malformed --request-timeout before any request.
    const requestTimeout = requestTimeoutMs(flags.str('request-timeout'));
    if (requestTimeout === undefined) throw new CmdError('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)');
    const sinceRaw = flags.str('since');
    const since = parseGoDuration(sinceRaw) ?? 0;
    const query: Record<string, string> = {};
    if (flags.bool('follow')) query.follow = 'true';
    if (flags.bool('previous')) query.previous = 'true';
    if (flags.bool('timestamps')) query.timestamps = 'true';
    if (flags.str('since-time')) query.sinceTime = new Date(parseRFC3339(flags.str('since-time'))).toISOString().replace('.000Z', 'Z');
    if (flags.int('limit-bytes') !== 0) query.limitBytes = String(flags.int('limit-bytes'));
    if (since !== 0) query.sinceSeconds = String(Math.round(since / 1000));
    const tail = flags.int('tail');
    if (selector && tail === -1 && !flags.isSet('tail')) query.tailLines = '10';
    else if (tail !== -1) query.tailLines = String(tail);

    let object: KubeObject | KubeObject[];
    if (selector) {
      object = listObjects(ctx, res('pods'), ctx.namespace, selector);
      if (!object.length) ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
    } else {
      try {
        object = fetchNamed(ctx, args[0]).obj;
      } catch (e) {
        // logs.go Complete: `fmt.Errorf("error from server (NotFound): %w in namespace %q", …)`.
        if (e instanceof ApiError && e.status.code === 404) throw new CmdError(`error from server (NotFound): ${e.status.message} in namespace ${JSON.stringify(ctx.namespace)}`);
        throw e;
      }
    }

    // Validate
    if (flags.str('since-time') && since !== 0) throw new CmdError('at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (flags.bool('all-containers') && container) throw new CmdError(`--all-containers=true should not be specified with container name ${container}`);
    if (flags.isSet('container') && args.length === 2) throw new CmdError('only one of -c or an inline [CONTAINER] arg is allowed');
    if (flags.int('limit-bytes') < 0) throw new CmdError('--limit-bytes must be greater than 0');
    if (since < 0) throw new CmdError('--since must be greater than 0');
    if (query.tailLines !== undefined && Number(query.tailLines) < -1) throw new CmdError('--tail must be greater than or equal to -1');

    // Run
    const o: Options = { container, allContainers: flags.bool('all-containers'), allPods: flags.bool('all-pods'), query, timeoutMs };
    // --all-pods prefixes every line with its source (as kubectl v1.33.1 does).
    const prefix = flags.bool('prefix') || o.allPods;
    const requests = requestsFor(ctx, object, o, o.allPods);
    if (flags.bool('follow') && requests.length > 1 && requests.length > flags.int('max-log-requests')) {
      throw new CmdError(`you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${flags.int('max-log-requests')}, use --max-log-requests to increase the limit`);
    }
    const parallel = flags.bool('follow') && requests.length > 1;
    const followers: { f: LogFollower; prefix: string }[] = [];
    const withPrefix = (text: string, p: string) => (p ? text.split(/(?<=\n)/).filter(Boolean).map((l) => p + l).join('') : text);
    for (const r of requests) {
      let text: string;
      try {
        text = call(ctx, res('pods'), { verb: 'get', namespace: r.pod.metadata.namespace, name: r.pod.metadata.name, subresource: 'log', query: { ...query, container: r.container } }) as string;
      } catch (e) {
        if (parallel && flags.bool('ignore-errors')) {
          ctx.out(`error: ${(e as Error).message}\n`);
          continue;
        }
        throw e;
      }
      const linePrefix = prefix ? `[pod/${r.pod.metadata.name}/${r.container}] ` : '';
      ctx.out(withPrefix(text, linePrefix));
      if (flags.bool('follow')) {
        const ns = r.pod.metadata.namespace;
        const name = r.pod.metadata.name;
        const f = new LogFollower(
          () => {
            try {
              return call(ctx, res('pods'), { verb: 'get', namespace: ns, name }) as KubeObject;
            } catch {
              return undefined;
            }
          },
          (q) => call(ctx, res('pods'), { verb: 'get', namespace: ns, name, subresource: 'log', query: q }) as string,
          { ...(query.timestamps ? { timestamps: 'true' } : {}), container: r.container },
        );
        followers.push({ f, prefix: linePrefix });
      }
    }
    if (!followers.length) return 0;
    const { interrupted } = followWatch(
      requestTimeout,
      (ms) => {
        ctx.wait(ms);
        let n = 0;
        for (const { f, prefix: p } of followers) {
          const t = f.poll();
          if (!t) continue;
          n++;
          ctx.out(withPrefix(t, p));
        }
        return n;
      },
      () => followers.every(({ f }) => f.ended),
    );
    if (interrupted) {
      ctx.err('^C\n');
      return 1;
    }
    return 0;
  },
};
