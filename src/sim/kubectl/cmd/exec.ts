/**
 * kubectl exec (k8s.io/kubectl pkg/cmd/exec/exec.go): POST pods/{name}/exec on the pod, or on the
 * first pod of a workload (deploy/x, most active first as polymorphichelpers.AttachablePodForObject),
 * the first container by default ("Defaulted container …" on stderr, podcmd.FindOrDefaultContainerByName).
 * What runs in the container is the kubelet's model (src/sim/kubelet/exec.ts).
 * - The command must follow `--`: `kubectl exec POD CMD` has been an error since kubectl 1.31
 *   (`exec [POD] [COMMAND] is not supported anymore…`, checked with kubectl v1.33.1).
 * - `-t` needs a terminal: scripts and run buttons have none, so `-it` prints
 *   `Unable to use a TTY - input is not a terminal or the right kind of file` and runs without one.
 * - A container that is not running: `error: Internal error occurred: unable to upgrade connection:
 *   container not found ("web")` (kube-apiserver's stream translation, as recent transcripts show).
 * - A non-zero exit is `command terminated with exit code N` and kubectl exits with N
 *   (client-go remotecommand CodeExitError; cmdutil.CheckErr prints it without a prefix).
 */
import { ApiError } from '../../apiserver/errors.ts';
import type { ExecStream } from '../../apiserver/nodeproxy.ts';
import { res } from '../../apiserver/client.ts';
import { CmdError, usageError } from '../errors.ts';
import type { Command } from '../types.ts';
import { FILENAME_FLAG, call } from './common.ts';
import { allContainerNames, findContainer } from './logs.ts';
import { fetchNamed, firstPod, mostActiveFirst, podRunningTimeout, selectorForObject } from './podsfor.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const exec: Command = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    FILENAME_FLAG,
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
  ],
  run(ctx, args, flags, dashAt) {
    const quiet = flags.bool('quiet');
    // Complete
    const resourceName = args.length > 0 && dashAt !== 0 ? args[0] : '';
    let command: string[] = [];
    if (dashAt > -1) command = args.slice(dashAt);
    else if (args.length > 1) throw usageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    const timeoutMs = podRunningTimeout(flags.str('pod-running-timeout'));
    // Validate
    if (!resourceName && !flags.list('filename').length) throw new CmdError('pod, type/name or --filename must be specified');
    if (!command.length) throw new CmdError('you must specify at least one command for the container');
    // Run
    const { obj } = fetchNamed(ctx, resourceName);
    let pod = obj;
    if (obj.kind !== 'Pod') {
      let selector: string;
      try {
        selector = selectorForObject(obj);
      } catch (e) {
        throw new CmdError(`cannot attach to *v1.${obj.kind}: ${(e as Error).message}`);
      }
      pod = firstPod(ctx, obj.metadata.namespace ?? ctx.namespace, selector, timeoutMs, mostActiveFirst).pod;
    }
    const phase = (pod.status as Obj | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new CmdError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    let container = flags.str('container');
    if (!container) {
      const spec = (pod.spec ?? {}) as Obj;
      if (!(spec.containers ?? []).length) throw new CmdError(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`);
      const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
      if (annotated && findContainer(pod, annotated)) container = annotated;
      else {
        container = spec.containers[0].name;
        const several = spec.containers.length > 1 || (spec.initContainers ?? []).length > 0 || (spec.ephemeralContainers ?? []).length > 0;
        if (!quiet && several) ctx.err(`Defaulted container "${container}" out of: ${allContainerNames(pod)}\n`);
      }
    }
    // SetupTTY: stdin is never a terminal here.
    const stdin = flags.bool('stdin');
    if (stdin && flags.bool('tty') && !quiet) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    const query: Record<string, string | string[]> = { container, command, stdout: 'true', stderr: 'true' };
    if (stdin) query.stdin = 'true';
    let stream: ExecStream;
    try {
      stream = call(ctx, res('pods'), { verb: 'create', namespace: pod.metadata.namespace, name: pod.metadata.name, subresource: 'exec', query, body: stdin ? ctx.stdin : undefined }) as ExecStream;
    } catch (e) {
      // Stream errors come back over the (WebSocket) stream, not as an API response: kubectl prints
      // them as `error: Internal error occurred: …` (e.g. `… unable to upgrade connection: container
      // not found ("web")` for a container that is not running).
      if (e instanceof ApiError && e.status.reason === 'InternalError') throw new CmdError(e.status.message ?? '');
      throw e;
    }
    if (stream.stdout) ctx.out(stream.stdout);
    if (stream.stderr) ctx.err(stream.stderr);
    const st = stream.status;
    if (st.status === 'Failure') {
      const cause = st.details?.causes?.find((c) => c.reason === 'ExitCode');
      if (st.reason === 'NonZeroExitCode' && cause) {
        const rc = Number(cause.message);
        ctx.err(`command terminated with exit code ${rc}\n`);
        return rc;
      }
      throw new CmdError(`error executing remote command: ${st.message}`);
    }
    return 0;
  },
};
