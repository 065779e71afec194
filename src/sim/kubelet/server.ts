/**
 * The kubelet's HTTPS server as kube-apiserver uses it (pkg/kubelet/server/server.go):
 *   /containerLogs/{ns}/{pod}/{container}  → GetKubeletContainerLogs (kubelet_pods.go): which
 *     container instance to read is decided by validateContainerLogStatus from the pod status, with
 *     its exact errors; the lines come from the runtime's log of that instance, filtered by the
 *     PodLogOptions (sinceSeconds/sinceTime, tailLines, limitBytes, timestamps).
 *   /exec/{ns}/{pod}/{container}           → the CRI streaming server: runs ./exec.ts in the
 *     container and reports the exit status on the error channel (remotecommand
 *     NonZeroExitCodeReason), or runc's start error as an InternalError.
 */
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object.ts';
import type { Client } from '../apiserver/client.ts';
import type { Status } from '../apiserver/errors.ts';
import type { ExecStream, KubeletAnswer, KubeletConnection, PodExecOptions, PodLogOptions } from '../apiserver/nodeproxy.ts';
import { clusterView, containerProcess } from './exec.ts';
import { lookupImage } from './images.ts';
import { fakeDigest, workerUid, type Kubelet, type LogLine } from './kubelet.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function failure(code: number, reason: string, message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function statusOf(pod: KubeObject, name: string): ContainerStatus | undefined {
  const st = (pod.status ?? {}) as Obj;
  const all: ContainerStatus[] = [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])];
  return all.find((c) => c.name === name);
}

/**
 * validateContainerLogStatus (kubelet_pods.go): which instance's logs to serve, or the error the
 * user sees as `Error from server (BadRequest): …`.
 */
export function validateContainerLogStatus(podName: string, cs: ContainerStatus | undefined, container: string, previous: boolean): { instance: 'current' | 'previous' } | { error: string } {
  if (!cs) return { error: `container "${container}" in pod "${podName}" is not available` };
  const last = cs.lastState?.terminated;
  const { waiting, running, terminated } = cs.state ?? {};
  if (previous) {
    if (!last || !last.containerID) return { error: `previous terminated container "${container}" in pod "${podName}" not found` };
    return { instance: 'previous' };
  }
  if (running) return { instance: 'current' };
  if (terminated) {
    if (!terminated.containerID) {
      if (last?.containerID) return { instance: 'previous' };
      return { error: `container "${container}" in pod "${podName}" is terminated` };
    }
    return { instance: 'current' };
  }
  if (last) {
    if (!last.containerID) return { error: `container "${container}" in pod "${podName}" is terminated` };
    return { instance: 'previous' };
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') return { error: `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled` };
    if (waiting.reason === 'ImagePullBackOff') return { error: `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image` };
    return { error: `container "${container}" in pod "${podName}" is waiting to start: ${waiting.reason ?? ''}` };
  }
  return { error: `container "${container}" in pod "${podName}" is waiting to start - no logs yet` };
}

/** RFC3339NanoFixed (the CRI log timestamps `kubectl logs --timestamps` prints). */
export function logTimestamp(line: LogLine, index: number): string {
  const d = new Date(Math.floor(line.time));
  const iso = d.toISOString(); // 2026-01-15T09:15:00.123Z
  // Sub-millisecond digits: deterministic filler, as real log lines carry nanosecond times.
  const micro = parseInt(fakeDigest(`${line.time}/${index}/${line.text}`).slice(0, 6), 16) % 1_000_000;
  return `${iso.slice(0, 23)}${String(micro).padStart(6, '0')}Z`;
}

/** Apply PodLogOptions to a container instance's log (kuberuntime_logs / logs.go ReadLogs). */
export function renderLogs(lines: LogLine[], opts: PodLogOptions, now: number): string {
  let sel = lines.map((l, i) => ({ l, i }));
  if (opts.sinceSeconds !== undefined) sel = sel.filter(({ l }) => l.time >= now - opts.sinceSeconds! * 1000);
  if (opts.sinceTime !== undefined) sel = sel.filter(({ l }) => l.time >= opts.sinceTime!);
  if (opts.tailLines !== undefined && opts.tailLines >= 0) sel = sel.slice(Math.max(0, sel.length - opts.tailLines));
  let out = sel.map(({ l, i }) => (opts.timestamps ? `${logTimestamp(l, i)} ` : '') + l.text + '\n').join('');
  if (opts.limitBytes !== undefined && opts.limitBytes > 0) {
    const bytes = new TextEncoder().encode(out);
    if (bytes.length > opts.limitBytes) out = new TextDecoder().decode(bytes.slice(0, opts.limitBytes));
  }
  return out;
}


/** The kubelet endpoints kube-apiserver calls, bound to one kubelet. */
export function kubeletConnection(kubelet: Kubelet, client: Client, caCert: string): KubeletConnection {
  return {
    containerLogs(pod: KubeObject, opts: PodLogOptions): KubeletAnswer<string> {
      const v = validateContainerLogStatus(pod.metadata.name!, statusOf(pod, opts.container), opts.container, opts.previous);
      if ('error' in v) return { ok: false, status: failure(400, 'BadRequest', v.error) };
      const lines = kubelet.logs(workerUid(pod), opts.container, v.instance === 'previous') ?? [];
      return { ok: true, value: renderLogs(lines, opts, client.server.clock.now()) };
    },

    exec(pod: KubeObject, opts: PodExecOptions): KubeletAnswer<ExecStream> {
      const cs = statusOf(pod, opts.container);
      const spec = (pod.spec ?? {}) as Obj;
      const c: Container | undefined = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].find((x: Container) => x.name === opts.container);
      // The streaming server only execs in a running container; otherwise the upgrade fails with the
      // runtime's "container not found" (kubectl: `error: unable to upgrade connection: …`).
      if (!cs?.state?.running || !c) return { ok: false, status: failure(404, 'NotFound', `container not found ("${opts.container}")`) };
      const env = kubelet.containerEnv(pod, c);
      const image = lookupImage(c.image ?? '');
      const proc = containerProcess({
        pod,
        container: c,
        image: image.ok ? image.image : undefined,
        imageRef: image.ref.full,
        declaredEnv: typeof env === 'string' ? {} : env,
        startedAt: Date.parse(cs.state.running.startedAt ?? '') || client.server.clock.now(),
        now: client.server.clock.now(),
        node: { name: kubelet.name, internalIP: kubelet.spec.internalIP },
        ...clusterView(client, client.server.rng.stream('kube-proxy')),
        mountedFile: (path) => kubelet.containerFile(pod, c, path),
        volumeFiles: (name) => kubelet.podVolumeFiles(pod, name),
        files: kubelet.execFiles(workerUid(pod), c.name),
        podFiles: (p, container) => kubelet.podFiles(p, container),
        caCert,
        tty: !!opts.tty,
      });
      const r = proc.exec(opts.command, opts.stdin ? (opts.input ?? '') : '');
      if (r.startError) {
        const execId = fakeDigest(`exec/${pod.metadata.uid}/${opts.container}/${opts.command.join(' ')}/${client.server.clock.now()}`);
        const msg = `error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${r.startError}`;
        return { ok: false, status: failure(500, 'InternalError', `Internal error occurred: ${msg}`) };
      }
      const status: Status =
        r.exitCode === 0
          ? { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 0 }
          : {
              ...failure(500, 'NonZeroExitCode', `command terminated with non-zero exit code: error executing command [${opts.command.join(' ')}], exit code ${r.exitCode}`),
              details: { causes: [{ reason: 'ExitCode', message: String(r.exitCode) }] },
            };
      // With a TTY both streams arrive on stdout, with CRLF line ends (the terminal's ONLCR).
      if (opts.tty) return { ok: true, value: { stdout: (r.stdout + r.stderr).replace(/\n/g, '\r\n'), stderr: '', status } };
      return { ok: true, value: { stdout: r.stdout, stderr: r.stderr, status } };
    },
  };
}

/** The dial answer kube-apiserver gets for a node: the kubelet, or why port 10250 does not answer. */
export function dialKubelet(kubelet: Kubelet | undefined, client: Client, caCert: string): KubeletConnection | { dialError: string; address: string } {
  if (!kubelet) return { address: '', dialError: 'dial tcp: missing address' };
  const address = kubelet.spec.internalIP;
  if (!kubelet.powered) return { address, dialError: `dial tcp ${address}:10250: connect: no route to host` };
  if (!kubelet.running) return { address, dialError: `dial tcp ${address}:10250: connect: connection refused` };
  return kubeletConnection(kubelet, client, caCert);
}
