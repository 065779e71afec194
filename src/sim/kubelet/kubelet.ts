/**
 * The kubelet of one node (pkg/kubelet): registers the node, renews its Lease, and runs the pods bound
 * to it — sandbox and pod IP, image pulls (serialised, with back-off), init containers in order, app
 * containers, restarts with CrashLoopBackOff, graceful termination — reporting every step through the
 * pod status and events, as the real kubelet does.
 */
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { clone, type KubeObject } from '../api/object.ts';
import { quantityOf } from '../api/quantity.ts';
import { res, type Client } from '../apiserver/client.ts';
import type { EventRecorder } from '../apiserver/events.ts';
import type { ApiServer } from '../apiserver/server.ts';
import { flat, type Clock, type TimerHandle, DAYS, MONTHS } from '../clock/clock.ts';
import { FileSystem } from '../shell/fs.ts';
import { ContainerFiles, imageRoot, readOnlyMount, TimedFiles } from './containerfs.ts';
import { yamlToJSON } from '../kubectl/yaml/goyaml/decode.ts';
import { argv as containerArgv, behaviourOf, type Behaviour } from './behaviour.ts';
import { clusterView, containerProcess, runProbe, type ContainerContext, type ContainerRunner, type ProbeHandler } from './exec.ts';
import { lookupImage, parseImageRef, pullMillis, SERVERS, type ImageInfo } from './images.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface NodeSpecification {
  name: string;
  internalIP: string;
  podCIDR: string;
  cpu: string;
  memoryKi: number;
  pods: number;
  ephemeralStorageKi: number;
  labels: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  kubeletVersion: string;
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
  /** Images already on the node (fully qualified refs). */
  preloaded: string[];
}

export interface KubeletDeps {
  server: ApiServer;
  client: Client;
  clock: Clock;
  recorder: EventRecorder;
  /** A running container's writable files on any node (a web server's documents, read by a client elsewhere). */
  podFiles?(uid: string, container: string): ContainerFiles | undefined;
}

export interface LogLine {
  time: number;
  text: string;
}

interface ContainerRun {
  name: string;
  init: boolean;
  spec: Container;
  status: ContainerStatus;
  timer?: TimerHandle;
  behaviour?: Behaviour;
  backoffMs: number;
  pullBackoffMs: number;
  startedAt?: number;
  logs: LogLine[];
  previousLogs?: LogLine[];
  id: number;
  /** The running instance's writable files: its own layer and the pod's emptyDir mounts (containerfs.ts). */
  files?: () => ContainerFiles;
  /** Its probe workers' next ticks. */
  probeTimers?: Set<TimerHandle>;
  /** Probes readiness now (the prober's manual trigger), when there is no result yet. */
  readinessNow?: () => void;
}

interface PodWorker {
  uid: string;
  /** A static pod (from staticPodPath): runs from the local object, reported through its mirror pod. */
  static?: KubeObject;
  createdAt: number;
  ns: string;
  name: string;
  runs: ContainerRun[];
  podIP?: string;
  phase: 'starting' | 'init' | 'running' | 'done' | 'terminating';
  /**
   * The pending pod-level timers: the sandbox being set up, the kill at the end of the grace period.
   * Each is dropped when it fires (a fired handle still holds its timer, by the ten thousand).
   */
  sandboxTimer?: TimerHandle;
  killTimer?: TimerHandle;
  /**
   * The stored pod a status write last left unchanged, and the worker state it was built from: the
   * same pod and the same state give the same status again, so the write is skipped (a static pod's
   * status is written at every file check).
   */
  unchanged?: { pod: KubeObject; state: string };
  /** The pod's emptyDir volumes by name: made when a container first mounts one, kept while the pod is on the node. */
  emptyDirs?: Map<string, TimedFiles>;
}

/**
 * What a named executable does in a container, when the generic behaviour model is not enough:
 * control-plane binaries validate their flags and config files (registered by src/sim/node).
 * Returning undefined falls back to behaviourOf.
 */
export interface ProcessContext {
  node: string;
  pod: KubeObject;
  container: Container;
  argv: string[];
  /** Simulated time of the start (ms), for log timestamps. */
  now: number;
  /** A file as the container sees it: hostPath / configMap / secret mounts; undefined if absent. */
  readFile(path: string): string | undefined;
  /** Whether that file exists, without reading it (certificates are made on their first read). */
  fileExists(path: string): boolean;
}
export type ProcessModel = (ctx: ProcessContext) => Behaviour | undefined;
export const processModels = new Map<string, ProcessModel>();

let lastLogLines: LogLine[] = [];
type LogStamps = { now: number; ts: string; redists: string; apache: string };
let lastStamps: LogStamps | undefined;

/** The time as the images' start logs print it (nginx, redis, httpd), made once per instant: a pod's lines share it. */
function logStamps(now: number): LogStamps {
  if (lastStamps?.now === now) return lastStamps;
  const d = new Date(now);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  const hms = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return (lastStamps = {
    now,
    ts: `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${hms}`,
    redists: `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hms}.${p(d.getUTCMilliseconds(), 3)}`,
    apache: `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${hms}.000000 ${d.getUTCFullYear()}`,
  });
}

/**
 * A container's start-up log, shared with the previous container's when the lines are the same
 * (every nginx replica started in one second logs the same lines). Log lines are never changed.
 */
function sharedLogLines(texts: string[], now: number): LogLine[] {
  const last = lastLogLines;
  if (last.length === texts.length && last.every((l, i) => l.time === now && l.text === texts[i])) return last;
  return (lastLogLines = texts.map((text) => ({ time: now, text: flat(text) })));
}

/** One container as the runtime (crictl) sees it. */
export interface RuntimeContainer {
  id: string;
  name: string;
  image: string;
  imageRef: string;
  state: 'Running' | 'Exited' | 'Created';
  attempt: number;
  createdAt: number;
  exitCode?: number;
  podUid: string;
  podName: string;
  podNamespace: string;
  podSandboxId: string;
  static: boolean;
  argv: string[];
  logs: LogLine[];
  spec: Container;
  pod: KubeObject;
}

/** One pod sandbox as the runtime sees it. */
export interface RuntimeSandbox {
  id: string;
  name: string;
  namespace: string;
  uid: string;
  createdAt: number;
  state: 'Ready' | 'NotReady';
}

const LEASE_RENEW_MS = 10_000;
/** The kubelet re-reads staticPodPath every fileCheckFrequency (20 s). */
const FILE_CHECK_MS = 20_000;
/** From an inotify event on staticPodPath to the kubelet's sync of the changed pods. */
const INOTIFY_MS = 500;
export const STATIC_POD_PATH = '/etc/kubernetes/manifests';
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const SANDBOX_MS = 800;

export class Kubelet {
  readonly spec: NodeSpecification;
  private deps: KubeletDeps;
  private workers = new Map<string, PodWorker>();
  private images = new Set<string>();
  /** Files of subPath mounts as bound when their container started, by pod uid, container, mount path. */
  private subPathFiles = new Map<string, Record<string, string>>();
  private nextIP = 2;
  private containerSeq = 0;
  /** systemctl stop kubelet: no heartbeats, no pod work. */
  running = true;
  /** The machine itself is down (sim fail-node): containers are gone too. */
  powered = true;
  private leaseTimer?: TimerHandle;
  private unwatch?: () => void;

  readonly fs: FileSystem;
  /** staticPodPath of /var/lib/kubelet/config.yaml, read at kubelet start. */
  staticPodPath = STATIC_POD_PATH;
  /** Static pods from staticPodPath: mirror pod name → manifest hash. */
  private staticPods = new Map<string, string>();
  private seenFsVersion = -1;

  constructor(spec: NodeSpecification, deps: KubeletDeps, fs: FileSystem) {
    this.spec = spec;
    this.deps = deps;
    this.fs = fs;
    for (const i of spec.preloaded) this.images.add(i);
  }

  get name(): string {
    return this.spec.name;
  }

  /** Register the Node object and start the loops (kubelet start-up). */
  start(): void {
    const { client, recorder } = this.deps;
    const existing = client.get(res('nodes'), undefined, this.name);
    if (!existing) client.create(res('nodes'), this.nodeObject());
    this.postStatus();
    this.renewLease();
    const node = client.get(res('nodes'), undefined, this.name)!;
    const src = { component: 'kubelet', host: this.name };
    recorder.event(node, 'Normal', 'Starting', 'Starting kubelet.', src);
    recorder.event(node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', src);
    recorder.event(node, 'Normal', 'NodeHasSufficientMemory', `Node ${this.name} status is now: NodeHasSufficientMemory`, src);
    recorder.event(node, 'Normal', 'NodeHasNoDiskPressure', `Node ${this.name} status is now: NodeHasNoDiskPressure`, src);
    recorder.event(node, 'Normal', 'NodeHasSufficientPID', `Node ${this.name} status is now: NodeHasSufficientPID`, src);
    if (!this.unwatch) {
      this.unwatch = this.deps.server.watch(res('pods'), (ev) => {
        if (!this.running || !this.powered) return;
        const spec = ev.object.spec as Pod['spec'];
        if (spec?.nodeName !== this.name) return;
        if (ev.object.metadata.annotations?.['kubernetes.io/config.mirror']) this.mirrorEvent(ev.type, ev.object);
        else if (ev.type === 'DELETED') this.forget(ev.object.metadata.uid!);
        else this.syncPod(ev.object);
      }, `kubelet/${this.name}`, this.name);
      // Missing ConfigMaps/Secrets may appear: containers waiting on them retry.
      const retry = () => {
        for (const w of this.workers.values()) if (w.runs.some((r) => r.status.state?.waiting?.reason === 'CreateContainerConfigError')) this.advance(w);
      };
      this.deps.server.watch(res('configmaps'), retry);
      this.deps.server.watch(res('secrets'), retry);
    }
    for (const p of client.list(res('pods'))) if ((p.spec as Pod['spec'])?.nodeName === this.name && !p.metadata.annotations?.['kubernetes.io/config.mirror']) this.syncPod(p);
    this.syncStaticPods();
    const tick = () => {
      if (this.running && this.powered) this.syncStaticPods();
      this.deps.clock.after(FILE_CHECK_MS, tick);
    };
    this.deps.clock.after(FILE_CHECK_MS, tick);
    // On Linux the file source also watches staticPodPath with inotify (pkg/kubelet/config/
    // file_linux.go: fsnotify events are consumed at once), so an edit, a new or a removed manifest is
    // acted on within moments; the 20 s listing is the fallback.
    let pending = false;
    this.fs.onChange = (path) => {
      const dir = this.staticPodPath.replace(/\/+$/, '');
      if (pending || !dir || !(path === dir || path.startsWith(dir + '/'))) return;
      pending = true;
      this.deps.clock.after(INOTIFY_MS, () => {
        pending = false;
        if (this.running && this.powered) this.syncStaticPods();
      });
    };
  }

  /**
   * Static pods (pkg/kubelet/config/file.go): every manifest in staticPodPath becomes a pod named
   * `<name>-<node>` that the kubelet runs by itself — without the API server — and shows in the API as
   * a mirror pod (annotation kubernetes.io/config.mirror = the config hash, which is also the static
   * pod's UID); edited files restart it, removed files stop it.
   */
  syncStaticPods(force = false): void {
    if (force || this.fs.version !== this.seenFsVersion) {
      this.seenFsVersion = this.fs.version;
      const dir = this.staticPodPath.replace(/\/+$/, '') || '/';
      const want = new Map<string, { hash: string; obj: Obj }>();
      for (const path of this.staticPodPath ? this.fs.walk(dir) : []) {
        if (path.slice(dir.length + 1).includes('/') || path.split('/').pop()!.startsWith('.')) continue;
        const parsed = this.parseManifest(path);
        if (!parsed) continue;
        const { obj, hash } = parsed;
        if (obj.kind !== 'Pod' || !obj.metadata?.name || !Array.isArray(obj.spec?.containers)) continue;
        const name = `${obj.metadata.name}-${this.name.toLowerCase()}`;
        want.set(name, { hash, obj });
      }
      for (const path of this.parsedManifests.keys()) if (!this.fs.exists(path)) this.parsedManifests.delete(path);
      for (const [name, hash] of this.staticPods) {
        const w = want.get(name);
        if (w && w.hash === hash) continue;
        this.forget(hash);
        this.deleteMirror(this.manifests.get(name)?.metadata?.namespace ?? 'default', name, hash);
        this.staticPods.delete(name);
        this.manifests.delete(name);
      }
      for (const [name, w] of want) {
        this.staticPods.set(name, w.hash);
        this.manifests.set(name, w.obj);
      }
    }
    if (this.powered) {
      for (const [name, obj] of this.manifests) {
        const hash = this.staticPods.get(name)!;
        if (!this.workers.has(hash)) this.syncPod(this.staticPodObject(name, obj, hash), true);
      }
    }
    this.ensureMirrors();
  }

  private manifests = new Map<string, Obj>();
  /** Manifest files as last read: any write on the node bumps the file system's version, the text rarely changes. */
  private parsedManifests = new Map<string, { text: string; obj: Obj; hash: string } | { text: string; obj: undefined; hash: undefined }>();

  private parseManifest(path: string): { obj: Obj; hash: string } | undefined {
    const text = this.fs.read(path) ?? '';
    const seen = this.parsedManifests.get(path);
    if (seen?.text === text) return seen.obj && { obj: seen.obj, hash: seen.hash };
    const r = yamlToJSON(text);
    if (!r.ok || !r.value || typeof r.value !== 'object' || Array.isArray(r.value)) {
      this.parsedManifests.set(path, { text, obj: undefined, hash: undefined });
      return undefined;
    }
    const obj = r.value as Obj;
    const hash = configHash(JSON.stringify(obj));
    this.parsedManifests.set(path, { text, obj, hash });
    return { obj, hash };
  }

  /** The static pod as the kubelet holds it (UID = config hash), before any API server sees it. */
  private staticPodObject(name: string, obj: Obj, hash: string): KubeObject {
    const pod = clone(obj);
    pod.metadata = {
      ...pod.metadata,
      name,
      namespace: obj.metadata.namespace ?? 'default',
      uid: hash,
      annotations: { ...(pod.metadata.annotations ?? {}), 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.seen': this.deps.server.clock.rfc3339().replace('Z', '.000000000Z'), 'kubernetes.io/config.source': 'file' },
    };
    pod.spec.nodeName = this.name;
    pod.spec.restartPolicy ??= 'Always';
    pod.spec.tolerations = [...(pod.spec.tolerations ?? []), { effect: 'NoExecute', operator: 'Exists' }];
    return pod as KubeObject;
  }

  private deleteMirror(ns: string, name: string, hash: string): void {
    const { client } = this.deps;
    const cur = client.get(res('pods'), ns, name);
    if (!cur || cur.metadata.annotations?.['kubernetes.io/config.mirror'] !== hash) return;
    try {
      client.delete(res('pods'), ns, name, { gracePeriodSeconds: 0 });
    } catch {
      // API server unavailable: the orphaned mirror is removed when it is seen again.
    }
  }

  /** Mirror pods are reflections: deleting one only makes the kubelet create it again. */
  private mirrorEvent(type: string, pod: KubeObject): void {
    const name = pod.metadata.name!;
    const hash = pod.metadata.annotations!['kubernetes.io/config.mirror'];
    if (type === 'DELETED') {
      if (this.staticPods.get(name) === hash || this.staticPods.has(name)) this.deps.clock.soon(() => this.ensureMirrors());
      return;
    }
    if (this.staticPods.get(name) !== hash || pod.metadata.deletionTimestamp) {
      try {
        this.deps.client.delete(res('pods'), pod.metadata.namespace, name, { gracePeriodSeconds: 0 });
      } catch {
        // retried at the next file check
      }
      return;
    }
    if (type === 'ADDED') {
      const w = this.workers.get(hash);
      if (w) this.writeStatus(w);
    }
  }

  /** Recreate mirror pods that are missing from the API (deleted, or the API came back). */
  ensureMirrors(): void {
    const { client, server } = this.deps;
    if (!this.running || !this.powered || !server.up) return;
    for (const [name, obj] of this.manifests) {
      const ns = obj.metadata.namespace ?? 'default';
      const hash = this.staticPods.get(name)!;
      const cur = client.get(res('pods'), ns, name);
      if (cur) {
        const w = this.workers.get(hash);
        if (cur.metadata.annotations?.['kubernetes.io/config.mirror'] === hash) {
          if (w) this.writeStatus(w);
          continue;
        }
        // A mirror of an older version of the manifest (changed while the API server was away).
        try {
          client.delete(res('pods'), ns, name, { gracePeriodSeconds: 0 });
        } catch {
          continue;
        }
      }
      const node = client.get(res('nodes'), undefined, this.name);
      const pod = clone(obj);
      pod.metadata = {
        ...pod.metadata,
        name,
        namespace: ns,
        annotations: { ...(pod.metadata.annotations ?? {}), 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': server.clock.rfc3339().replace('Z', '.000000000Z'), 'kubernetes.io/config.source': 'file' },
        ...(node ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.name, uid: node.metadata.uid, controller: true }] } : {}),
      };
      delete pod.status;
      pod.spec.nodeName = this.name;
      pod.spec.tolerations = [...(pod.spec.tolerations ?? []), { effect: 'NoExecute', operator: 'Exists' }];
      try {
        client.create(res('pods'), pod as KubeObject, ns);
        const w = this.workers.get(hash);
        if (w) this.writeStatus(w);
      } catch {
        // API server unavailable or the namespace is gone: retried at the next file check.
      }
    }
  }

  /** Renew the lease and post node status now (after an API server outage). */
  heartbeat(): void {
    if (!this.running || !this.powered) return;
    this.leaseTimer?.cancel();
    try {
      this.postStatus(true);
    } catch {
      // still unavailable
    }
    this.renewLease();
    for (const w of this.workers.values()) this.writeStatus(w);
    this.ensureMirrors();
  }

  /** The container runtime's view of this node (crictl ps / pods). */
  runtimeContainers(): RuntimeContainer[] {
    const out: RuntimeContainer[] = [];
    for (const w of this.workers.values()) {
      const pod = this.pod(w);
      if (!pod) continue;
      for (const r of w.runs) {
        const st = r.status;
        const image = lookupImage(r.spec.image ?? '');
        const argvOf = image.ok ? containerArgv(r.spec, image.image) : [...(r.spec.command ?? []), ...(r.spec.args ?? [])];
        const base = { name: r.name, image: r.spec.image ?? '', imageRef: image.ok ? image.ref.full : r.spec.image ?? '', podUid: w.uid, podName: w.name, podNamespace: w.ns, podSandboxId: fakeDigest(`sandbox/${w.uid}`), static: !!w.static, argv: argvOf, spec: r.spec, pod };
        const prev = st.lastState?.terminated;
        if (prev?.containerID) {
          out.push({ ...base, id: prev.containerID.replace(/^containerd:\/\//, ''), state: 'Exited', attempt: prev.containerID === st.containerID ? st.restartCount ?? 0 : Math.max(0, (st.restartCount ?? 1) - 1), createdAt: Date.parse(prev.startedAt ?? '') || w.createdAt, exitCode: prev.exitCode, logs: r.previousLogs ?? [] });
        }
        if (!st.containerID || (prev?.containerID === st.containerID)) continue;
        const term = st.state?.terminated;
        const sync = () => this.syncScript(r);
        // A script's lines are produced when read (crictl logs), not on every look at the list.
        out.push({ ...base, id: st.containerID.replace(/^containerd:\/\//, ''), state: st.state?.running ? 'Running' : term ? 'Exited' : 'Created', attempt: st.restartCount ?? 0, createdAt: r.startedAt ?? w.createdAt, exitCode: term?.exitCode, get logs() {
          sync();
          return r.logs;
        } });
      }
    }
    return out;
  }

  runtimeSandboxes(): RuntimeSandbox[] {
    return [...this.workers.values()].map((w) => ({ id: fakeDigest(`sandbox/${w.uid}`), name: w.name, namespace: w.ns, uid: w.uid, createdAt: w.createdAt, state: w.podIP && w.phase !== 'terminating' ? 'Ready' : 'NotReady' }));
  }

  /** A file as seen inside a container, through its volume mounts (hostPath, configMap, secret, projected, downwardAPI). */
  containerFile(pod: KubeObject, c: Container, path: string): string | undefined {
    const r = this.containerPath(pod, c, path);
    return r && ('host' in r ? this.fs.read(r.host) : r.content);
  }

  /** Whether a file exists inside a container; a host file is not read (nor made, if laid down lazily). */
  containerFileExists(pod: KubeObject, c: Container, path: string): boolean {
    const r = this.containerPath(pod, c, path);
    return !!r && ('host' in r ? this.fs.isFile(r.host) : r.content !== undefined);
  }

  /** Where a container's path leads: a file of the node (hostPath), or a volume's content. */
  private containerPath(pod: KubeObject, c: Container, path: string): { host: string } | { content: string | undefined } | undefined {
    const spec = pod.spec as Obj;
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => b.mountPath.length - a.mountPath.length);
    for (const m of mounts) {
      const mp = m.mountPath.replace(/\/+$/, '');
      if (path !== mp && !path.startsWith(mp + '/')) continue;
      const rel = path.slice(mp.length).replace(/^\//, '');
      const vol = (spec.volumes ?? []).find((v: Obj) => v.name === m.name);
      if (!vol) return undefined;
      const sub = m.subPath ? m.subPath + (rel ? '/' + rel : '') : rel;
      if (vol.hostPath) {
        const host = (vol.hostPath.path as string).replace(/\/+$/, '');
        return { host: sub ? `${host}/${sub}` : host };
      }
      // A subPath mount is bound when the container starts: later changes to the ConfigMap or Secret
      // do not reach it (only a new container sees them).
      const files = (m.subPath ? this.subPathFiles.get(subPathKey(pod, c, m.mountPath)) : undefined) ?? this.volumeFiles(pod, vol);
      return { content: files?.[sub] };
    }
    return undefined;
  }

  /**
   * The files of a configMap, secret, downwardAPI or projected volume, by path inside it (the
   * atomic writer's payload: pkg/volume/configmap, secret, downwardapi, projected — items choose keys
   * and paths); undefined for other volumes.
   */
  volumeFiles(pod: KubeObject, vol: Obj): Record<string, string> | undefined {
    const ns = pod.metadata.namespace;
    const keyed = (data: Record<string, string>, items: Obj[] | undefined, decode: boolean): Record<string, string> => {
      const out: Record<string, string> = {};
      const value = (k: string) => (decode ? decode64(data[k]) : data[k]);
      if (items) {
        for (const it of items) if (data[it.key] !== undefined) out[it.path] = value(it.key);
      } else for (const k of Object.keys(data)) out[k] = value(k);
      return out;
    };
    const configMap = (src: Obj) => keyed(((this.deps.client.get(res('configmaps'), ns, src.name)?.data ?? {}) as Record<string, string>), src.items, false);
    const secret = (name: string, items: Obj[] | undefined) => keyed(((this.deps.client.get(res('secrets'), ns, name)?.data ?? {}) as Record<string, string>), items, true);
    const downward = (items: Obj[] | undefined) => {
      const out: Record<string, string> = {};
      for (const it of items ?? []) {
        const v = downwardField(pod, it.fieldRef?.fieldPath);
        if (v !== undefined) out[it.path] = v;
      }
      return out;
    };
    if (vol.configMap) return configMap(vol.configMap);
    if (vol.secret) return secret(vol.secret.secretName, vol.secret.items);
    if (vol.downwardAPI) return downward(vol.downwardAPI.items);
    if (vol.projected) {
      const out: Record<string, string> = {};
      for (const src of (vol.projected.sources ?? []) as Obj[]) {
        if (src.configMap) Object.assign(out, configMap(src.configMap));
        else if (src.secret) Object.assign(out, secret(src.secret.name, src.secret.items));
        else if (src.downwardAPI) Object.assign(out, downward(src.downwardAPI.items));
      }
      return out;
    }
    return undefined;
  }

  /** volumeFiles of the pod's volume `name`. */
  podVolumeFiles(pod: KubeObject, name: string): Record<string, string> | undefined {
    const vol = ((pod.spec as Obj).volumes ?? []).find((v: Obj) => v.name === name);
    return vol ? this.volumeFiles(pod, vol) : undefined;
  }

  /** A starting container's subPath mounts of configMap/secret/projected volumes, as they are now. */
  private bindSubPaths(pod: KubeObject, c: Container): void {
    for (const m of c.volumeMounts ?? []) {
      if (!m.subPath) continue;
      const files = this.podVolumeFiles(pod, m.name);
      if (files) this.subPathFiles.set(subPathKey(pod, c, m.mountPath), files);
    }
  }

  /** systemctl stop kubelet / node power off. */
  stop(powerOff = false): void {
    this.running = false;
    this.leaseTimer?.cancel();
    if (powerOff) {
      this.powered = false;
      for (const uid of [...this.workers.keys()]) this.forget(uid);
    }
  }

  /** systemctl start kubelet / power on. */
  resume(): void {
    this.running = true;
    this.powered = true;
    try {
      this.postStatus(true);
    } catch {
      // API server unavailable: the lease loop keeps trying.
    }
    this.leaseTimer?.cancel();
    this.renewLease();
    for (const p of this.deps.client.list(res('pods'))) if ((p.spec as Pod['spec'])?.nodeName === this.name && !p.metadata.annotations?.['kubernetes.io/config.mirror']) this.syncPod(p);
    this.syncStaticPods(true);
  }

  hasImage(ref: string): boolean {
    return this.images.has(ref);
  }

  imageList(): string[] {
    return [...this.images];
  }

  // ---- node ------------------------------------------------------------------------------------

  private nodeObject(): KubeObject {
    const s = this.spec;
    const allocMemKi = s.memoryKi - 100 * 1024;
    const allocStorage = Math.floor(s.ephemeralStorageKi * 1024 * 0.9);
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: s.name,
        labels: { ...s.labels },
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
          'flannel.alpha.coreos.com/backend-type': 'vxlan',
          'flannel.alpha.coreos.com/public-ip': s.internalIP,
        },
      },
      spec: { podCIDR: s.podCIDR, podCIDRs: [s.podCIDR], ...(s.taints?.length ? { taints: s.taints } : {}) },
      status: {
        capacity: { cpu: s.cpu, 'ephemeral-storage': `${s.ephemeralStorageKi}Ki`, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${s.memoryKi}Ki`, pods: String(s.pods) },
        allocatable: { cpu: s.cpu, 'ephemeral-storage': String(allocStorage), 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${allocMemKi}Ki`, pods: String(s.pods) },
        addresses: [
          { address: s.internalIP, type: 'InternalIP' },
          { address: s.name, type: 'Hostname' },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          architecture: 'amd64',
          bootID: '',
          containerRuntimeVersion: s.containerRuntimeVersion,
          kernelVersion: s.kernelVersion,
          kubeProxyVersion: '',
          kubeletVersion: s.kubeletVersion,
          machineID: '',
          operatingSystem: 'linux',
          osImage: s.osImage,
          systemUUID: '',
        },
      },
    };
  }

  /** Post node conditions (Ready and the pressure conditions) and images. */
  private postStatus(force = false): void {
    const { client, server } = this.deps;
    const now = server.now();
    client.mutate(
      res('nodes'),
      undefined,
      this.name,
      (n) => {
        const st = (n.status ??= {}) as Obj;
        const conds: Obj[] = st.conditions ?? [];
        const set = (type: string, status: string, reason: string, message: string) => {
          const c = conds.find((x) => x.type === type);
          if (!c) conds.push({ lastHeartbeatTime: now, lastTransitionTime: now, message, reason, status, type });
          else {
            if (c.status !== status) c.lastTransitionTime = now;
            Object.assign(c, { lastHeartbeatTime: now, message, reason, status });
          }
        };
        set('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available');
        set('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure');
        set('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available');
        set('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status');
        st.conditions = conds;
        st.nodeInfo = { ...(st.nodeInfo ?? {}), kubeletVersion: this.spec.kubeletVersion };
        st.images = this.imageStatus();
        void force;
      },
      true,
    );
  }

  private imageStatus(): Obj[] {
    const out: Obj[] = [];
    for (const ref of [...this.images].sort()) {
      const l = lookupImage(ref);
      const size = l.ok ? l.image.size : 0;
      out.push({ names: [ref], sizeBytes: size });
    }
    return out;
  }

  private renewLease(): void {
    const { client, server, clock } = this.deps;
    if (!this.running) return;
    const info = res('leases', 'coordination.k8s.io');
    const lease = client.get(info, 'kube-node-lease', this.name);
    try {
      if (!lease) {
        const node = client.get(res('nodes'), undefined, this.name);
        client.create(info, {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: this.name, namespace: 'kube-node-lease', ownerReferences: node ? [{ apiVersion: 'v1', kind: 'Node', name: this.name, uid: node.metadata.uid! }] : undefined },
          spec: { holderIdentity: this.name, leaseDurationSeconds: 40, renewTime: server.clock.rfc3339().replace('Z', '.000000Z') },
        });
      } else {
        client.mutate(info, 'kube-node-lease', this.name, (l) => void ((l.spec as Obj).renewTime = server.clock.rfc3339().replace('Z', '.000000Z')));
      }
      // A node that was marked Unknown reports Ready again as soon as it is back.
      const node = client.get(res('nodes'), undefined, this.name) as Obj | undefined;
      if (node?.status?.conditions?.some((c: Obj) => c.type === 'Ready' && c.status !== 'True')) this.postStatus(true);
    } catch {
      // The API server may be down (control-plane maintenance): try again at the next tick.
    }
    this.leaseTimer = clock.after(LEASE_RENEW_MS, () => this.renewLease());
  }

  // ---- pods ------------------------------------------------------------------------------------

  private forget(uid: string) {
    const w = this.workers.get(uid);
    if (!w) return;
    w.sandboxTimer?.cancel();
    w.killTimer?.cancel();
    for (const r of w.runs) {
      r.timer?.cancel();
      for (const t of r.probeTimers ?? []) t.cancel();
    }
    for (const k of [...this.subPathFiles.keys()]) if (k.startsWith(uid + '\0')) this.subPathFiles.delete(k);
    this.workers.delete(uid);
  }

  /**
   * The files a running container can write, for an exec into it: every script of the pod is run up
   * to now first, so what a container wrote by now (to a shared emptyDir too) is there to read.
   */
  execFiles(uid: string, container: string): ContainerFiles | undefined {
    const w = this.workers.get(uid);
    if (!w) return undefined;
    for (const r of w.runs) this.syncScript(r);
    return w.runs.find((x) => x.name === container)?.files?.();
  }

  /** A running container's writable files wherever its pod runs (through the cluster). */
  podFiles(pod: KubeObject, container: string): ContainerFiles | undefined {
    return this.deps.podFiles?.(workerUid(pod), container);
  }

  /** A new container instance's writable files: a fresh layer, and the pod's emptyDir volumes it mounts. */
  private containerFiles(w: PodWorker, pod: KubeObject, c: Container): ContainerFiles {
    const now = () => this.deps.clock.now();
    const volumes = ((pod.spec as Obj).volumes ?? []) as Obj[];
    const mounts = [];
    const readOnlyPaths: string[] = [];
    for (const m of c.volumeMounts ?? []) {
      const vol = volumes.find((v) => v.name === m.name);
      const path = m.mountPath.replace(/\/+$/, '') || '/';
      // emptyDir and hostPath mounts carry their own readOnly flag below.
      if (!vol?.emptyDir && !vol?.hostPath && readOnlyMount(m, vol)) readOnlyPaths.push(path);
      const sub = m.subPath ? '/' + m.subPath.replace(/^\/+|\/+$/g, '') : '';
      if (vol?.emptyDir) {
        w.emptyDirs ??= new Map();
        let volume = w.emptyDirs.get(m.name);
        if (!volume) w.emptyDirs.set(m.name, (volume = new TimedFiles(now)));
        // The kubelet makes a subPath's directory in the volume before it binds it.
        if (sub) volume.mkdirp(sub);
        mounts.push({ path, volume, prefix: sub, readOnly: !!m.readOnly });
      } else if (vol?.hostPath) {
        // The node's own files: what the container writes there is on the node. A missing source is
        // made as the runtime binds it (containerd's CRI plugin MkdirAll, the kubelet for
        // DirectoryOrCreate; FileOrCreate makes an empty file).
        const src = (String(vol.hostPath.path).replace(/\/+$/, '') || '') + sub;
        if (src && !this.fs.exists(src)) {
          if (vol.hostPath.type === 'FileOrCreate' && !sub) this.fs.write(src, '');
          else this.fs.mkdirp(src);
        }
        mounts.push({ path, volume: this.fs, prefix: src, readOnly: !!m.readOnly });
      }
    }
    const image = parseImageRef(c.image ?? '');
    return new ContainerFiles(mounts, now, { paths: readOnlyPaths, root: !!c.securityContext?.readOnlyRootFilesystem }, imageRoot(image.repo, image.tag));
  }

  /** Logs of a container (kubectl logs): current instance, or the previous one. */
  logs(uid: string, container: string, previous = false): LogLine[] | undefined {
    const w = this.workers.get(uid);
    const r = w?.runs.find((x) => x.name === container);
    if (!r) return undefined;
    if (!previous) this.syncScript(r);
    return previous ? r.previousLogs : r.logs;
  }

  /** Memory/CPU use per container for metrics (kubectl top). */
  usage(uid: string): { name: string; memoryMi: number; cpuMilli: number }[] {
    const w = this.workers.get(uid);
    if (!w) return [];
    return w.runs
      .filter((r) => (!r.init || restartable(r)) && r.status.state?.running)
      .map((r) => ({ name: r.name, memoryMi: r.behaviour && r.behaviour.kind !== 'startError' ? r.behaviour.memoryMi : 1, cpuMilli: r.behaviour?.kind === 'run' ? r.behaviour.cpuMilli : 0 }));
  }

  private syncPod(pod: KubeObject, isStatic = false): void {
    const uid = pod.metadata.uid!;
    let w = this.workers.get(uid);
    if (pod.metadata.deletionTimestamp) {
      if (w && w.phase !== 'terminating') this.terminate(w, pod);
      else if (!w) this.deps.client.delete(res('pods'), pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
      return;
    }
    if (w) {
      if (!isStatic) this.imagesChanged(w, pod);
      return;
    }
    const spec = pod.spec as NonNullable<Pod['spec']>;
    const inits = spec.initContainers ?? [];
    const apps = spec.containers ?? [];
    // Sized once (a spread array keeps room to grow, per pod).
    const runs = new Array<ContainerRun>(inits.length + apps.length);
    for (let i = 0; i < inits.length; i++) runs[i] = this.newRun(inits[i], true);
    for (let i = 0; i < apps.length; i++) runs[inits.length + i] = this.newRun(apps[i], false, inits.length > 0);
    // One shape for every worker, all fields present (fields added later would move to a side array).
    w = {
      uid,
      static: isStatic ? pod : undefined,
      createdAt: this.deps.clock.now(),
      ns: pod.metadata.namespace!,
      name: pod.metadata.name!,
      runs,
      podIP: undefined,
      phase: 'starting',
      sandboxTimer: undefined,
      killTimer: undefined,
      unchanged: undefined,
    };
    this.workers.set(uid, w);
    this.writeStatus(w);
    const worker = w;
    w.sandboxTimer = this.deps.clock.after(SANDBOX_MS, () => {
      worker.sandboxTimer = undefined;
      worker.podIP = pod.spec && (pod.spec as Obj).hostNetwork ? this.spec.internalIP : this.allocateIP();
      worker.phase = worker.runs.some((r) => r.init) ? 'init' : 'running';
      this.writeStatus(worker);
      this.advance(worker);
    });
  }

  /**
   * A container's image was changed on a live pod (`kubectl set image pod/…`, `kubectl edit`; the
   * image is the one mutable container field). The kubelet sees a changed container hash
   * (kuberuntime_manager.go computePodActions: "Container %s definition changed") and kills the
   * container — event Killing "Container X definition changed, will be restarted" — then starts it
   * again with the new image; a container still waiting (ErrImagePull, ImagePullBackOff) just tries
   * the new image at once. A finished init container is not run again.
   */
  private imagesChanged(w: PodWorker, pod: KubeObject): void {
    if (w.phase === 'terminating' || w.phase === 'done') return;
    const spec = pod.spec as NonNullable<Pod['spec']>;
    for (const r of w.runs) {
      const c = (r.init ? spec.initContainers : spec.containers)?.find((x) => x.name === r.name);
      if (!c || c.image === r.spec.image) continue;
      r.spec = c;
      r.status.image = c.image!;
      if (r.init && r.status.state?.terminated?.exitCode === 0) continue;
      r.timer?.cancel();
      r.timer = undefined;
      r.pullBackoffMs = BACKOFF_INITIAL_MS;
      const wasRunning = !!r.status.state?.running;
      r.status.ready = false;
      r.status.started = false;
      const start = () => {
        r.status.state = { waiting: { reason: 'ContainerCreating' } };
        this.writeStatus(w);
        if ((w.phase === 'running' && !r.init) || (w.phase === 'init' && r.init)) this.startContainer(w, r);
      };
      if (!wasRunning) {
        start();
        continue;
      }
      this.event(w, r, 'Normal', 'Killing', `Container ${r.name} definition changed, will be restarted`);
      const stop = sigterm(r.behaviour, ((spec.terminationGracePeriodSeconds ?? 30) as number) * 1000);
      const startedAt = r.status.state?.running?.startedAt;
      r.timer = this.deps.clock.after(stop.afterMs, () => {
        r.timer = undefined;
        r.status.lastState = { terminated: { containerID: r.status.containerID, exitCode: stop.exitCode, reason: stop.reason, startedAt, finishedAt: this.deps.server.now() } };
        r.status.restartCount = (r.status.restartCount ?? 0) + 1;
        start();
      });
      this.writeStatus(w);
    }
  }

  /** App containers of a pod with init containers wait as PodInitializing until those finish. */
  private newRun(c: Container, init: boolean, afterInit = false): ContainerRun {
    return {
      name: c.name,
      init,
      spec: c,
      backoffMs: BACKOFF_INITIAL_MS,
      pullBackoffMs: BACKOFF_INITIAL_MS,
      logs: [],
      id: 0,
      status: {
        name: c.name,
        image: c.image!,
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: init || afterInit ? 'PodInitializing' : 'ContainerCreating' } },
        lastState: {},
      } as ContainerStatus,
    };
  }

  private allocateIP(): string {
    const base = this.spec.podCIDR.split('/')[0].split('.').slice(0, 3).join('.');
    return `${base}.${this.nextIP++}`;
  }

  private pod(w: PodWorker): KubeObject | undefined {
    return w.static ?? this.deps.client.get(res('pods'), w.ns, w.name);
  }

  private src() {
    return { component: 'kubelet', host: this.name };
  }

  private event(w: PodWorker, r: ContainerRun | undefined, type: 'Normal' | 'Warning', reason: string, message: string) {
    const pod = this.pod(w);
    if (!pod) return;
    const fieldPath = r ? `spec.${r.init ? 'initContainers' : 'containers'}{${r.name}}` : undefined;
    this.deps.recorder.event(pod, type, reason, message, this.src(), fieldPath);
  }

  /** Drive the pod forward: the next init container, or every app container. */
  private advance(w: PodWorker): void {
    if (!this.running || w.phase === 'terminating' || w.phase === 'done') return;
    const inits = w.runs.filter((r) => r.init);
    const apps = w.runs.filter((r) => !r.init);
    if (w.phase === 'init') {
      // Init containers in order; a sidecar (restartable init container) lets the next one start once
      // it has started, and keeps running (kuberuntime_manager.go computeInitContainerActions).
      const next = inits.find((r) => (restartable(r) ? !r.status.started : !(r.status.state?.terminated && r.status.state.terminated.exitCode === 0)));
      if (next) {
        if (!next.timer && !next.status.state?.running) this.startContainer(w, next);
        return;
      }
      w.phase = 'running';
      for (const r of apps) r.status.state = { waiting: { reason: 'ContainerCreating' } };
      this.writeStatus(w);
    }
    for (const r of apps) if (!r.timer && r.status.state?.waiting && r.status.state.waiting.reason !== 'CrashLoopBackOff' && r.status.state.waiting.reason !== 'ImagePullBackOff') this.startContainer(w, r);
  }

  /** Pull (if needed), create and start one container. */
  private startContainer(w: PodWorker, r: ContainerRun): void {
    const { clock } = this.deps;
    const pod = this.pod(w);
    if (!pod) return;
    const l = lookupImage(r.spec.image!);
    const policy = r.spec.imagePullPolicy ?? 'IfNotPresent';
    const present = l.ok && this.images.has(l.ref.full);
    const needPull = policy === 'Always' || (!present && policy !== 'Never');
    if (!present && policy === 'Never') {
      r.status.state = { waiting: { reason: 'ErrImageNeverPull', message: `Container image "${r.spec.image}" is not present with pull policy of Never` } };
      this.event(w, r, 'Warning', 'ErrImageNeverPull', `Container image "${r.spec.image}" is not present with pull policy of Never`);
      this.event(w, r, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
      this.writeStatus(w);
      return;
    }
    if (!needPull) {
      this.event(w, r, 'Normal', 'Pulled', `Container image "${r.spec.image}" already present on machine`);
      this.createAndStart(w, r, l.ok ? l.image : undefined);
      return;
    }
    this.event(w, r, 'Normal', 'Pulling', `Pulling image "${r.spec.image}"`);
    // Serialised pulls: each waits for the one before (serializeImagePulls: true).
    const cost = l.ok ? (present ? 350 : pullMillis(l.image.size)) : 1200;
    r.timer = clock.after(cost, () => {
      r.timer = undefined;
      if (!this.running || w.phase === 'terminating') return;
      if (!l.ok) {
        r.status.state = { waiting: { reason: 'ErrImagePull', message: l.message } };
        this.event(w, r, 'Warning', 'Failed', `Failed to pull image "${r.spec.image}": ${l.message}`);
        this.event(w, r, 'Warning', 'Failed', 'Error: ErrImagePull');
        this.writeStatus(w);
        const backoff = r.pullBackoffMs;
        r.pullBackoffMs = Math.min(r.pullBackoffMs * 2, BACKOFF_MAX_MS);
        r.timer = clock.after(1000, () => {
          r.status.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${r.spec.image}": ErrImagePull: ${l.message}` } };
          this.event(w, r, 'Normal', 'BackOff', `Back-off pulling image "${r.spec.image}"`);
          this.event(w, r, 'Warning', 'Failed', 'Error: ImagePullBackOff');
          this.writeStatus(w);
          r.timer = clock.after(backoff, () => {
            r.timer = undefined;
            this.startContainer(w, r);
          });
        });
        return;
      }
      this.images.add(l.ref.full);
      const secs = (cost / 1000).toFixed(3).replace(/\.?0+$/, '');
      const dur = cost < 1000 ? `${cost}ms` : `${secs}s`;
      this.event(w, r, 'Normal', 'Pulled', `Successfully pulled image "${r.spec.image}" in ${dur} (${dur} including waiting). Image size: ${l.image.size} bytes.`);
      this.createAndStart(w, r, l.image);
    });
  }

  /** A container's declared environment (env, envFrom) as the kubelet resolves it; a string is the error. */
  containerEnv(pod: KubeObject, c: Container): Record<string, string> | string {
    return this.env(pod, c);
  }

  private env(pod: KubeObject, c: Container): Record<string, string> | string {
    const { client } = this.deps;
    const out: Record<string, string> = {};
    const ns = pod.metadata.namespace;
    for (const ef of c.envFrom ?? []) {
      if (ef.configMapRef) {
        const cm = client.get(res('configmaps'), ns, ef.configMapRef.name!);
        if (!cm) {
          if (ef.configMapRef.optional) continue;
          return `configmap "${ef.configMapRef.name}" not found`;
        }
        for (const [k, v] of Object.entries((cm.data ?? {}) as Record<string, string>)) out[(ef.prefix ?? '') + k] = v;
      }
      if (ef.secretRef) {
        const s = client.get(res('secrets'), ns, ef.secretRef.name!);
        if (!s) {
          if (ef.secretRef.optional) continue;
          return `secret "${ef.secretRef.name}" not found`;
        }
        for (const [k, v] of Object.entries((s.data ?? {}) as Record<string, string>)) out[(ef.prefix ?? '') + k] = decode64(v);
      }
    }
    // makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go): a non-empty value, with $(VAR) references
    // to the variables defined before it expanded; otherwise the valueFrom source.
    for (const e of c.env ?? []) {
      if (e.value) out[e.name] = expandEnvRefs(e.value, out);
      else if (!e.valueFrom) out[e.name] = '';
      else if (e.valueFrom.resourceFieldRef) out[e.name] = this.resourceFieldValue(e.valueFrom.resourceFieldRef, c);
      else if (e.valueFrom.configMapKeyRef) {
        const ref = e.valueFrom.configMapKeyRef;
        const cm = client.get(res('configmaps'), ns, ref.name!);
        if (!cm) {
          if (ref.optional) continue;
          return `configmap "${ref.name}" not found`;
        }
        const v = (cm.data as Record<string, string> | undefined)?.[ref.key];
        if (v === undefined) {
          if (ref.optional) continue;
          return `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name}`;
        }
        out[e.name] = v;
      } else if (e.valueFrom?.secretKeyRef) {
        const ref = e.valueFrom.secretKeyRef;
        const s = client.get(res('secrets'), ns, ref.name!);
        if (!s) {
          if (ref.optional) continue;
          return `secret "${ref.name}" not found`;
        }
        const v = (s.data as Record<string, string> | undefined)?.[ref.key];
        if (v === undefined) {
          if (ref.optional) continue;
          return `couldn't find key ${ref.key} in Secret ${ns}/${ref.name}`;
        }
        out[e.name] = decode64(v);
      } else if (e.valueFrom?.fieldRef) {
        // podFieldSelectorRuntimeValue (pkg/kubelet/kubelet_pods.go): the pod's runtime fields, then
        // fieldpath.ExtractFieldPathAsString as the downward API volume uses it (labels['k'], …).
        // ConvertDownwardAPIFieldLabel: spec.host is the old name of spec.nodeName.
        const p = e.valueFrom.fieldRef.fieldPath === 'spec.host' ? 'spec.nodeName' : e.valueFrom.fieldRef.fieldPath;
        const podIPs = ((pod.status as Obj)?.podIPs as { ip: string }[] | undefined)?.map((x) => x.ip) ?? [(pod.status as Obj)?.podIP].filter(Boolean);
        const runtime: Record<string, string | undefined> = {
          'spec.nodeName': (pod.spec as Obj).nodeName,
          'spec.serviceAccountName': (pod.spec as Obj).serviceAccountName,
          'status.hostIP': this.spec.internalIP,
          'status.hostIPs': this.spec.internalIP,
          'status.podIP': (pod.status as Obj)?.podIP,
          'status.podIPs': podIPs.join(','),
        };
        out[e.name] = (Object.hasOwn(runtime, p) ? runtime[p] : downwardField(pod, p)) ?? '';
      } else out[e.name] = '';
    }
    return out;
  }

  /**
   * A resourceFieldRef's value (containerResourceRuntimeValue): the container's request or limit in
   * units of the divisor, rounded up; a limit the container does not set is the node's allocatable
   * (defaultPodLimitsForDownwardAPI).
   */
  private resourceFieldValue(ref: { resource: string; divisor?: unknown }, c: Container): string {
    const [side, name] = [ref.resource.slice(0, ref.resource.indexOf('.')), ref.resource.slice(ref.resource.indexOf('.') + 1)];
    let q = quantityOf(((side === 'limits' ? c.resources?.limits : c.resources?.requests) as Record<string, string> | undefined)?.[name]);
    if (!q && side === 'limits') {
      const node = this.deps.client.get(res('nodes'), undefined, this.name);
      q = quantityOf(((node?.status as Obj | undefined)?.allocatable as Record<string, string> | undefined)?.[name]);
    }
    const divisor = quantityOf(ref.divisor as string | undefined);
    const d = divisor && !divisor.isZero() ? divisor : quantityOf('1')!;
    if (!q) return '0';
    return name === 'cpu' ? String(Math.ceil(q.milliValue() / d.milliValue())) : String(Math.ceil(q.value() / d.value()));
  }

  private createAndStart(w: PodWorker, r: ContainerRun, image: ImageInfo | undefined): void {
    const { clock } = this.deps;
    const pod = this.pod(w);
    if (!pod || !image) return;
    const env = this.env(pod, r.spec);
    if (typeof env === 'string') {
      r.status.state = { waiting: { reason: 'CreateContainerConfigError', message: env } };
      this.event(w, r, 'Warning', 'Failed', `Error: ${env}`);
      this.writeStatus(w);
      r.timer = clock.after(BACKOFF_INITIAL_MS, () => {
        r.timer = undefined;
        if (r.status.state?.waiting?.reason === 'CreateContainerConfigError') this.createAndStart(w, r, image);
      });
      return;
    }
    // One string per image, not per container (flat interns it).
    r.status.imageID = flat(`${lookupImage(r.spec.image!).ref.repo}@sha256:${fakeDigest(r.spec.image!)}`);
    const av = containerArgv(r.spec, image);
    const model = processModels.get((av[0] ?? '').split('/').pop()!);
    // The previous instance's last lines (it ran until now at most).
    if (r.behaviour?.kind === 'script') r.behaviour.process.sync(clock.now());
    // The new instance's writable files, made when something first reads or writes them (a script, an
    // exec, a probe, a client of its web server): most containers never need them.
    let made: ContainerFiles | undefined;
    const files = () => (made ??= this.containerFiles(w, pod, r.spec));
    const b = model?.({ node: this.name, pod, container: r.spec, argv: av, now: clock.now(), readFile: (p) => this.containerFile(pod, r.spec, p), fileExists: (p) => this.containerFileExists(pod, r.spec, p) }) ?? behaviourOf(r.spec, image, { HOSTNAME: w.name, ...env }, this.containerRunner(w, r.spec, image, env, clock.now(), files), files);
    r.behaviour = b;
    r.files = files;
    this.event(w, r, 'Normal', 'Created', `Created container: ${r.name}`);
    const now = clock.now();
    r.id = ++this.containerSeq;
    r.status.containerID = `containerd://${fakeDigest(`${w.uid}/${r.name}/${r.id}`)}`;
    if (b.kind === 'startError') {
      this.event(w, r, 'Warning', 'Failed', `Error: ${b.message}`);
      this.exited(w, r, { exitCode: 128, reason: 'StartError', message: b.message, startedAt: this.deps.server.clock.rfc3339(0), finishedAt: this.deps.server.now() });
      return;
    }
    this.bindSubPaths(pod, r.spec);
    this.event(w, r, 'Normal', 'Started', `Started container ${r.name}`);
    r.startedAt = now;
    r.previousLogs = r.logs.length ? r.logs : r.previousLogs;
    r.logs = b.kind === 'script' ? b.process.lines : sharedLogLines(b.logs.map((text) => this.renderLog(text, w, now)), now);
    r.status.state = { running: { startedAt: this.deps.server.now() } };
    // A startup probe holds `started` (and readiness) until it succeeds.
    r.status.started = !r.spec.startupProbe;
    // A running container without a readiness probe is ready once started, whether it serves or will
    // exit later; so is a sidecar (init containers that run to completion are never ready).
    const longRunning = !r.init || restartable(r);
    r.status.ready = longRunning && r.status.started && !r.spec.readinessProbe;
    this.startProbes(w, r, b, image, () => this.containerContext(w, r.spec, image, env, now, files, this.deps.clock.now()));
    this.writeStatus(w);
    if (b.kind === 'script') {
      b.process.start(now, (text, at) => this.renderLog(text, w, at));
      this.followScript(w, r, b);
    }
    // A started sidecar lets the next init container (or the app containers) start.
    if (restartable(r) && w.phase === 'init') this.advance(w);
    if (b.kind === 'exit') {
      r.timer = clock.after(b.afterMs, () => {
        r.timer = undefined;
        this.exited(w, r, { exitCode: b.exitCode, reason: b.reason, startedAt: this.deps.server.clock.rfc3339(now), finishedAt: this.deps.server.now() });
      });
    }
  }

  /**
   * The container's probe workers (pkg/kubelet/prober/worker.go): each probe runs every periodSeconds
   * once initialDelaySeconds have passed since the container started; liveness and readiness wait for
   * the startup probe. A result counts once it repeats failureThreshold (or successThreshold) times
   * in a row. Every failure is a Warning "Unhealthy" event; a failed liveness or startup probe kills
   * the container (restarted as its restart policy says), a failed readiness probe makes it unready.
   */
  private startProbes(w: PodWorker, r: ContainerRun, b: Behaviour, image: ImageInfo, context: () => ContainerContext | undefined): void {
    // A server the network model has no ports for (the control plane, CoreDNS, an app image) answers
    // its own health checks: the model cannot tell its endpoints apart, so they pass (without
    // loading the container model, exec.ts, which the browser fetches on demand).
    const unmodelled = image.serves && !SERVERS[image.repo];
    const { clock } = this.deps;
    const types = [['Startup', r.spec.startupProbe], ['Liveness', r.spec.livenessProbe], ['Readiness', r.spec.readinessProbe]] as const;
    for (const [type, probe] of types) {
      if (!probe) continue;
      const period = (probe.periodSeconds || 10) * 1000;
      let last: boolean | undefined;
      let run = 0;
      let stopped = false;
      // One probe (worker.go doProbe); true when this worker is done (container gone or killed, a
      // startup probe passed, a server the model cannot fail seen healthy).
      const probeOnce = (): boolean => {
        if (stopped || r.behaviour !== b || !r.status.state?.running || w.phase === 'terminating' || this.workers.get(w.uid) !== w) return true;
        const startedAt = r.startedAt ?? clock.now();
        const waiting = Math.floor((clock.now() - startedAt) / 1000) < (probe.initialDelaySeconds ?? 0);
        // A startup probe's work ends with the container started (worker.go stops probing then).
        if (type === 'Startup' && r.status.started) return true;
        const held = type !== 'Startup' && !r.status.started;
        if (waiting || held || !this.running || !this.powered) return false;
        // What the container wrote by now (a script's touch/rm) is what an exec probe sees.
        for (const x of w.runs) this.syncScript(x);
        const ctx = unmodelled && (probe.httpGet || probe.tcpSocket || probe.grpc) ? undefined : context();
        const result = ctx ? runProbe(ctx, probe as ProbeHandler) : { ok: true, output: '' };
        if (result.error !== undefined) {
          // prober.go: an error (a port name the container does not declare) is recorded and the
          // result thrown away (worker.go), so it never counts toward a threshold.
          this.event(w, r, 'Warning', 'Unhealthy', `${type} probe errored and resulted in unknown state: ${result.error}`);
          return false;
        }
        if (!result.ok) this.event(w, r, 'Warning', 'Unhealthy', `${type} probe failed: ${result.output}`);
        run = result.ok === last ? run + 1 : 1;
        last = result.ok;
        const threshold = result.ok ? (probe.successThreshold || 1) : (probe.failureThreshold || 3);
        if (run >= threshold) {
          if (this.probeResult(w, r, b, type, result.ok, probe.terminationGracePeriodSeconds)) return (stopped = true);
          // A server the model cannot fail stays healthy: once it has been seen so, nothing more to do.
          if (result.ok && !ctx) return (stopped = true);
        }
        return false;
      };
      const tick = () => {
        if (probeOnce()) return;
        r.probeTimers?.delete(handle);
        handle = clock.after(period, tick);
        (r.probeTimers ??= new Set()).add(handle);
      };
      if (type === 'Readiness') {
        // prober_manager UpdatePodStatus: a started container without a readiness result yet is probed
        // at once (the worker's manual trigger), not only at the next tick: at the first status sync
        // after the start, and again when its startup probe passes.
        const now = () => {
          if (last === undefined && r.status.started) probeOnce();
        };
        r.readinessNow = now;
        const first = clock.after(1000, now);
        (r.probeTimers ??= new Set()).add(first);
      }
      let handle = clock.after(period, tick);
      (r.probeTimers ??= new Set()).add(handle);
    }
  }

  /** A probe's settled result; true when the container is being killed (its probes stop). */
  private probeResult(w: PodWorker, r: ContainerRun, b: Behaviour, type: 'Startup' | 'Liveness' | 'Readiness', ok: boolean, probeGrace: number | undefined): boolean {
    const longRunning = !r.init || restartable(r);
    if (type === 'Readiness') {
      if (r.status.ready !== ok && longRunning) {
        r.status.ready = ok;
        this.writeStatus(w);
      }
      return false;
    }
    if (ok) {
      if (type === 'Startup' && !r.status.started) {
        r.status.started = true;
        r.status.ready = longRunning && !r.spec.readinessProbe;
        this.writeStatus(w);
        // A started sidecar lets the next init container start.
        if (restartable(r) && w.phase === 'init') this.advance(w);
        r.readinessNow?.();
      }
      return false;
    }
    // kuberuntime computePodActions: a container that will be restarted is killed with "Container X
    // failed liveness probe, will be restarted" (and the probe's grace period); with restartPolicy
    // Never it is just stopped ("Stopping container X", the pod's grace period).
    const podSpec = this.pod(w)?.spec as Obj | undefined;
    const restarts = restartable(r) || (podSpec?.restartPolicy ?? 'Always') !== 'Never';
    this.event(w, r, 'Normal', 'Killing', restarts ? `Container ${r.name} failed ${type.toLowerCase()} probe, will be restarted` : `Stopping container ${r.name}`);
    for (const t of r.probeTimers ?? []) t.cancel();
    r.probeTimers = undefined;
    const grace = ((restarts ? probeGrace : undefined) ?? (podSpec?.terminationGracePeriodSeconds as number | undefined) ?? 30) * 1000;
    const stop = sigterm(b, grace);
    const startedAt = this.deps.server.clock.rfc3339(r.startedAt ?? 0);
    r.timer?.cancel();
    r.timer = this.deps.clock.after(stop.afterMs, () => {
      r.timer = undefined;
      if (r.behaviour !== b || !r.status.state?.running) return;
      this.syncScript(r);
      this.exited(w, r, { exitCode: stop.exitCode, reason: stop.reason, startedAt, finishedAt: this.deps.server.now() });
    });
    return true;
  }

  /** A script container (script.ts): wake when it exits, or when its run-ahead ends, and report the exit. */
  private followScript(w: PodWorker, r: ContainerRun, b: Extract<Behaviour, { kind: 'script' }>): void {
    const { clock } = this.deps;
    const at = b.process.nextCheck(clock.now());
    if (at === Infinity) return;
    r.timer = clock.after(Math.max(0, at - clock.now()), () => {
      r.timer = undefined;
      if (r.behaviour !== b || !r.status.state?.running) return;
      b.process.sync(clock.now());
      const e = b.process.exited;
      if (e) this.exited(w, r, { exitCode: e.code, reason: e.reason, startedAt: this.deps.server.clock.rfc3339(b.process.startedAt), finishedAt: this.deps.server.now() });
      else this.followScript(w, r, b);
    });
  }

  /** A running script's lines up to now (its process runs lazily). */
  private syncScript(r: ContainerRun): void {
    if (r.behaviour?.kind === 'script' && r.status.state?.running) r.behaviour.process.sync(this.deps.clock.now());
  }

  /** The container's own commands (exec.ts) for its main command and `sh -c` script, at the time they run. */
  private containerRunner(w: PodWorker, c: Container, image: ImageInfo, env: Record<string, string>, startedAt: number, files: () => ContainerFiles): ContainerRunner {
    return (argv, stdin, at) => {
      const ctx = this.containerContext(w, c, image, env, startedAt, files, at ?? this.deps.clock.now());
      return ctx ? containerProcess(ctx).exec(argv, stdin) : { stdout: '', stderr: '', exitCode: 0 };
    };
  }

  /** What the container model (exec.ts) needs of a running container, at simulated time `now`. */
  private containerContext(w: PodWorker, c: Container, image: ImageInfo, env: Record<string, string>, startedAt: number, files: () => ContainerFiles, now: number): ContainerContext | undefined {
    const stored = this.pod(w);
    if (!stored) return undefined;
    const pod = w.podIP && !(stored.status as Obj | undefined)?.podIP ? { ...stored, status: { ...(stored.status ?? {}), podIP: w.podIP } } : stored;
    return {
      pod,
      container: c,
      image,
      imageRef: lookupImage(c.image ?? '').ref.full,
      declaredEnv: env,
      startedAt,
      now,
      node: { name: this.name, internalIP: this.spec.internalIP },
      ...clusterView(this.deps.client, this.deps.server.rng.stream('kube-proxy')),
      mountedFile: (path) => this.containerFile(pod, c, path),
      volumeFiles: (name) => this.podVolumeFiles(pod, name),
      files: files(),
      podFiles: (p, container) => this.podFiles(p, container),
      caCert: '',
    };
  }


  private renderLog(text: string, w: PodWorker, now: number): string {
    if (!text.includes('{')) return text;
    const t = logStamps(now);
    return text.replace('{ts}', t.ts).replace('{redists}', t.redists).replace('{apache}', t.apache).replace('{ip}', w.podIP ?? '').replace('{pod}', w.name);
  }

  /** A container process ended: restart per policy, or finish the pod. */
  private exited(w: PodWorker, r: ContainerRun, term: { exitCode: number; reason: string; message?: string; startedAt: string; finishedAt: string }): void {
    const { clock } = this.deps;
    const pod = this.pod(w);
    if (!pod || w.phase === 'terminating') return;
    const policy = (pod.spec as Obj).restartPolicy ?? 'Always';
    const terminated = { containerID: r.status.containerID, exitCode: term.exitCode, finishedAt: term.finishedAt, ...(term.message ? { message: term.message } : {}), reason: term.reason, startedAt: term.startedAt };
    r.status.ready = false;
    r.status.started = false;
    // A sidecar restarts whatever the pod's restartPolicy (its own restartPolicy is Always).
    const restart = restartable(r) || (r.init ? term.exitCode !== 0 && policy !== 'Never' : policy === 'Always' || (policy === 'OnFailure' && term.exitCode !== 0));
    if (!restart) {
      r.status.state = { terminated };
      this.writeStatus(w);
      if (r.init) {
        if (term.exitCode === 0) this.advance(w);
        else {
          w.phase = 'done';
          this.writeStatus(w);
        }
      } else if (w.runs.filter((x) => !x.init).every((x) => x.status.state?.terminated)) {
        w.phase = 'done';
        this.writeStatus(w);
      }
      return;
    }
    // Ran long enough → the back-off resets (10 minutes, as the kubelet's backoff GC).
    if (r.startedAt !== undefined && clock.now() - r.startedAt > 600_000) r.backoffMs = BACKOFF_INITIAL_MS;
    r.status.state = { terminated };
    this.writeStatus(w);
    // The first restart happens at once; back-off (10 s, doubling to 5 m) applies from the second.
    const first = r.status.restartCount === 0;
    const backoff = r.backoffMs;
    if (!first) r.backoffMs = Math.min(r.backoffMs * 2, BACKOFF_MAX_MS);
    r.timer = clock.after(first ? 1000 : 100, () => {
      r.timer = undefined;
      r.status.lastState = { terminated };
      // RESTARTS is the attempt number of the newest container (kuberuntime annotates each new one with
      // the previous count + 1): it grows when a container starts again, not when the back-off begins —
      // "CrashLoopBackOff   1 (9s ago)" while the first back-off runs.
      if (first) {
        r.status.restartCount = (r.status.restartCount ?? 0) + 1;
        r.status.state = { waiting: { reason: 'ContainerCreating' } };
        this.startContainer(w, r);
        return;
      }
      const podRef = `${w.name}_${w.ns}(${w.uid})`;
      r.status.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${fmtBackoff(backoff)} restarting failed container=${r.name} pod=${podRef}` } };
      this.event(w, r, 'Warning', 'BackOff', `Back-off restarting failed container ${r.name} in pod ${podRef}`);
      this.writeStatus(w);
      r.timer = clock.after(backoff, () => {
        r.timer = undefined;
        r.status.restartCount = (r.status.restartCount ?? 0) + 1;
        this.startContainer(w, r);
      });
    });
  }

  /** Graceful termination: stop containers within the grace period, then delete the pod object. */
  private terminate(w: PodWorker, pod: KubeObject): void {
    const { clock, client } = this.deps;
    w.phase = 'terminating';
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    let slowest = 0;
    for (const r of w.runs) {
      r.timer?.cancel();
      r.timer = undefined;
      if (!r.status.state?.running) continue;
      this.event(w, r, 'Normal', 'Killing', `Stopping container ${r.name}`);
      slowest = Math.max(slowest, sigterm(r.behaviour, grace).afterMs);
    }
    w.killTimer = clock.after(slowest, () => {
      w.killTimer = undefined;
      this.workers.delete(w.uid);
      client.delete(res('pods'), w.ns, w.name, { gracePeriodSeconds: 0 });
    });
  }

  /** Build and write the pod status from the worker state (generateAPIPodStatus). */
  private writeStatus(w: PodWorker): void {
    const { client, server } = this.deps;
    const now = server.now();
    // What the status below is built from, besides the stored pod (and the time, which only a change
    // writes). Stringified, as the status it becomes is compared.
    const state = JSON.stringify([w.phase, w.podIP ?? null, w.runs.map((r) => [r.name, r.init, r.status])]);
    try {
      const before = client.get(res('pods'), w.ns, w.name);
      if (before && w.unchanged?.pod === before && w.unchanged.state === state) return;
      const after = client.mutate(
        res('pods'),
        w.ns,
        w.name,
        (p) => {
          if (w.static ? p.metadata.annotations?.['kubernetes.io/config.mirror'] !== w.uid : p.metadata.uid !== w.uid) return false;
          const prev = (p.status ?? {}) as NonNullable<Pod['status']>;
          const st = clone(prev) as Obj;
          const inits = w.runs.filter((r) => r.init);
          const apps = w.runs.filter((r) => !r.init);
          // Sidecars count as initialized once started, and in readiness before the app containers
          // (status/generate.go GeneratePodInitializedCondition, generateContainersReadyCondition).
          const initialized = (r: ContainerRun) => (restartable(r) ? !!r.status.started : r.status.state?.terminated?.exitCode === 0);
          const initDone = inits.every(initialized);
          const longRunning = [...inits.filter(restartable), ...apps];
          const allReady = longRunning.every((r) => r.status.ready);
          const unready = longRunning.filter((r) => !r.status.ready).map((r) => r.name);
          const conds: PodCondition[] = clone(prev.conditions ?? []);
          const set = (type: string, status: string, reason?: string, message?: string) => {
            let c = conds.find((x) => x.type === type);
            if (!c) {
              c = { type, status, lastProbeTime: null as unknown as string, lastTransitionTime: now };
              conds.push(c);
            } else if (c.status !== status) c.lastTransitionTime = now;
            c.status = status;
            if (reason) c.reason = reason;
            else delete c.reason;
            if (message) c.message = message;
            else delete c.message;
          };
          set('PodReadyToStartContainers', w.podIP ? 'True' : 'False');
          const pendingInit = inits.filter((r) => !initialized(r)).map((r) => r.name);
          set('Initialized', initDone ? 'True' : 'False', initDone ? undefined : 'ContainersNotInitialized', initDone ? undefined : `containers with incomplete status: [${pendingInit.join(' ')}]`);
          set('Ready', allReady ? 'True' : 'False', allReady ? undefined : 'ContainersNotReady', allReady ? undefined : `containers with unready status: [${unready.join(' ')}]`);
          set('ContainersReady', allReady ? 'True' : 'False', allReady ? undefined : 'ContainersNotReady', allReady ? undefined : `containers with unready status: [${unready.join(' ')}]`);
          // Static pods are never bound by a scheduler; the kubelet reports them scheduled itself.
          if (!conds.some((c) => c.type === 'PodScheduled')) set('PodScheduled', 'True');
          const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
          conds.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
          st.conditions = conds;
          st.hostIP = this.spec.internalIP;
          st.hostIPs = [{ ip: this.spec.internalIP }];
          if (w.podIP) {
            st.podIP = w.podIP;
            st.podIPs = [{ ip: w.podIP }];
          }
          st.startTime ??= now;
          if (inits.length) st.initContainerStatuses = inits.map((r) => clone(r.status));
          st.containerStatuses = apps.map((r) => clone(r.status));
          for (const cs of [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? [])] as Obj[]) {
            if (cs.lastState && !Object.keys(cs.lastState).length) cs.lastState = {};
            const mounts = this.mountsOf(p, cs.name);
            if (mounts.length) cs.volumeMounts = mounts;
          }
          st.phase = podPhase(w, (p.spec as Obj).restartPolicy ?? 'Always');
          (p as Obj).status = st;
        },
        true,
      );
      w.unchanged = after && after === before ? { pod: before, state } : undefined;
    } catch {
      // API server unavailable: the next change writes the status again.
    }
  }

  private mountsOf(p: KubeObject, container: string): Obj[] {
    const spec = p.spec as Obj;
    const c = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].find((x: Obj) => x.name === container);
    return (c?.volumeMounts ?? []).map((m: Obj) => ({ mountPath: m.mountPath, name: m.name, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
  }
}

function subPathKey(pod: KubeObject, c: Container, mountPath: string): string {
  return `${pod.metadata.uid}\0${c.name}\0${mountPath}`;
}

/** A downward API file's content (pkg/fieldpath ExtractFieldPathAsString: maps as sorted key="value" lines). */
function downwardField(pod: KubeObject, fieldPath: string | undefined): string | undefined {
  const formatMap = (m: Record<string, string> | undefined) =>
    Object.keys(m ?? {})
      .sort()
      .map((k) => `${k}=${JSON.stringify(m![k])}`)
      .join('\n');
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace;
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'metadata.labels':
      return formatMap(pod.metadata.labels);
    case 'metadata.annotations':
      return formatMap(pod.metadata.annotations);
  }
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath ?? '');
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
  return undefined;
}

/**
 * $(VAR) references in an env value (third_party/forked/golang/expansion): a defined variable's value;
 * `$$` is a literal `$`; an undefined reference or an unclosed one stays as written.
 */
export function expandEnvRefs(s: string, vars: Record<string, string>): string {
  if (!s.includes('$')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const end = s.indexOf(')', i + 2);
      if (end < 0) {
        out += '$(';
        i++;
        continue;
      }
      const name = s.slice(i + 2, end);
      out += Object.hasOwn(vars, name) ? vars[name] : `$(${name})`;
      i = end;
    } else out += '$' + next, i++;
  }
  return out;
}

/**
 * How a container's process meets SIGTERM: a server stops at once (exit 0, within 300 ms); a shell or
 * sleep as PID 1 ignores it and is killed at the grace period's end (137).
 */
function sigterm(b: Behaviour | undefined, graceMs: number): { afterMs: number; exitCode: number; reason: 'Completed' | 'Error' } {
  const quick = b?.kind === 'run' && b.cpuMilli > 0;
  return quick ? { afterMs: Math.min(graceMs, 300), exitCode: 0, reason: 'Completed' } : { afterMs: graceMs, exitCode: 137, reason: 'Error' };
}

/** The worker key the kubelet uses for a pod: the static pod's config hash for mirror pods. */
export function workerUid(pod: KubeObject): string {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] ?? pod.metadata.uid ?? '';
}

/** A sidecar: an init container with restartPolicy Always (KEP-753). */
function restartable(r: ContainerRun): boolean {
  return r.init && r.spec.restartPolicy === 'Always';
}

/** getPhase (pkg/kubelet/kubelet_pods.go). */
function podPhase(w: PodWorker, restartPolicy: string): string {
  const inits = w.runs.filter((r) => r.init);
  const apps = w.runs.filter((r) => !r.init);
  const failedInit = inits.find((r) => !restartable(r) && r.status.state?.terminated && r.status.state.terminated.exitCode !== 0);
  if (failedInit && restartPolicy === 'Never') return 'Failed';
  if (w.phase === 'starting' || w.phase === 'init') return 'Pending';
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const r of apps) {
    const s = r.status.state ?? {};
    if (s.running) running++;
    else if (s.terminated) {
      if (s.terminated.exitCode === 0) succeeded++;
      else failed++;
    } else if (s.waiting) {
      if (r.status.lastState?.terminated) running++;
      else waiting++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (restartPolicy === 'Always') return 'Running';
  if (failed > 0 && restartPolicy === 'Never') return 'Failed';
  if (succeeded + failed === apps.length) return failed > 0 && restartPolicy !== 'OnFailure' ? 'Failed' : failed > 0 ? 'Running' : 'Succeeded';
  return 'Pending';
}

function fmtBackoff(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  return r ? `${m}m${r}s` : `${m}m0s`;
}

function decode64(v: string): string {
  try {
    const bin = atob(v);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return v;
  }
}

/**
 * A static pod's config hash: 32 hex chars, as the kubelet's md5 of the decoded manifest prints
 * (pkg/kubelet/config/common.go). Four FNV-1a lanes in one pass over the text: every boot hashes the
 * control plane's manifests before the loop is compiled, so one pass, not four, matters there.
 */
export function configHash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let c = 0x2f1e1d6b;
  let d = 0x6b43a9b5;
  for (let i = 0; i < s.length; i++) {
    const x = s.charCodeAt(i);
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ (x + 1), 0x01000193);
    c = Math.imul(c ^ (x + 2), 0x01000193);
    d = Math.imul(d ^ (x + 3), 0x01000193);
  }
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b) + hex(c) + hex(d);
}

/** Deterministic hex "digest" of a string (64 hex chars; `length` asks for a prefix of it). */
export function fakeDigest(s: string, length = 64): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i) + round;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
