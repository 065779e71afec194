/**
 * The control plane runs from its static pod manifests. The kubelet runs the containers; this module
 * gives the control-plane binaries their process behaviour (flag and config validation, start-up
 * logs) and ties each simulated component to its container:
 *   etcd + kube-apiserver running   → ApiServer.up (else kubectl: "connection … refused")
 *   kube-controller-manager running → every Controller.running
 *   kube-scheduler running          → cluster.scheduler.running, with the profiles of its --config
 *   any other kube-scheduler container (static pod or Deployment) → its own KubeScheduler instance
 *   etcd restarted on another data directory → the store becomes that directory's data (restore)
 *
 * Error texts: component-base/cli/run.go (flag errors "Error: unknown flag: --x" before logging is set
 * up; later errors as klog `"command failed" err="…"` from run.go:72), etcd's Go flag package
 * ("flag provided but not defined: -x", observed with etcd 3.4.23), kube-apiserver admission
 * plugin check (`enable-admission-plugins plugin "X" is unknown`, pkg/kubeapiserver/options/admission.go).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { res } from '../apiserver/client.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { KubeScheduler, type SchedulerProfile } from '../cluster/kubescheduler.ts';
import type { Behaviour } from '../kubelet/behaviour.ts';
import { processModels, type ProcessContext, type RuntimeContainer } from '../kubelet/kubelet.ts';
import { yamlToJSON } from '../kubectl/yaml/goyaml/decode.ts';
import { DefaultPlugins, InTreeRegistry, NOT_SIMULATED, type PluginConfig } from '../scheduler/framework/registry.ts';
import type { NodeWorld } from './world.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** klog header: `E0115 09:30:00.123456       1 run.go:72] `. */
export function klog(level: 'I' | 'W' | 'E', ms: number, pid: number, at: string, msg: string): string {
  const d = new Date(ms);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${level}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)} ${String(pid).padStart(7)} ${at}] ${msg}`;
}

/** `--name=value`, `--name value` (for non-boolean flags) and bare booleans, as pflag reads them. */
export function parseComponentFlags(args: string[], bools: ReadonlySet<string> = new Set()): { flags: Map<string, string>; unknownOf(known: (f: string) => boolean): string | undefined } {
  const flags = new Map<string, string>();
  const order: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) continue;
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let value = eq < 0 ? undefined : body.slice(eq + 1);
    if (value === undefined) value = bools.has(name) || i + 1 >= args.length || args[i + 1].startsWith('-') ? 'true' : args[++i];
    flags.set(name, value);
    order.push(name);
  }
  return { flags, unknownOf: (known) => order.find((f) => !known(f)) };
}

const COMMON = ['v', 'vmodule', 'log-flush-frequency', 'logging-format', 'log-json-info-buffer-size', 'log-json-split-stream', 'log-text-info-buffer-size', 'log-text-split-stream', 'version', 'help', 'h', 'feature-gates', 'emulated-version', 'show-hidden-metrics-for-version', 'allow-metric-labels', 'allow-metric-labels-manifest', 'disabled-metrics', 'profiling', 'contention-profiling', 'bind-address', 'secure-port', 'cert-dir', 'tls-cert-file', 'tls-private-key-file', 'tls-cipher-suites', 'tls-min-version', 'tls-sni-cert-key', 'http2-max-streams-per-connection', 'permit-port-sharing', 'permit-address-sharing', 'client-ca-file', 'kubeconfig', 'master', 'kube-api-burst', 'kube-api-content-type', 'kube-api-qps'];
const COMMON_PREFIXES = ['requestheader-', 'authentication-', 'authorization-', 'leader-elect', 'log-'];

const SCHEDULER_FLAGS = new Set([...COMMON, 'config', 'write-config-to', 'lock-object-name', 'lock-object-namespace', 'pod-max-in-unschedulable-pods-duration']);
const KCM_FLAGS = new Set([...COMMON, 'allocate-node-cidrs', 'cluster-cidr', 'cluster-name', 'cluster-signing-cert-file', 'cluster-signing-key-file', 'cluster-signing-duration', 'controllers', 'root-ca-file', 'service-account-private-key-file', 'service-cluster-ip-range', 'use-service-account-credentials', 'cloud-provider', 'cloud-config', 'configure-cloud-routes', 'large-cluster-size-threshold', 'unhealthy-zone-threshold', 'secondary-node-eviction-rate', 'terminated-pod-gc-threshold', 'min-resync-period', 'namespace-sync-period', 'resource-quota-sync-period', 'route-reconciliation-period', 'flex-volume-plugin-dir', 'external-cloud-volume-plugin', 'controller-start-interval', 'master', 'show-hidden-metrics-for-version', 'enable-dynamic-provisioning', 'enable-garbage-collector', 'enable-hostpath-provisioner', 'enable-leader-migration', 'leader-migration-config', 'mirroring-concurrent-service-endpoint-syncs', 'mirroring-endpointslice-updates-batch-period', 'mirroring-max-endpoints-per-subset', 'max-endpoints-per-slice', 'endpoint-updates-batch-period', 'endpointslice-updates-batch-period', 'disable-attach-detach-reconcile-sync', 'disable-force-detach-on-timeout', 'legacy-service-account-token-clean-up-period']);
const KCM_PREFIXES = [...COMMON_PREFIXES, 'concurrent-', 'node-', 'horizontal-pod-autoscaler-', 'pv-recycler-', 'attach-detach-', 'cluster-signing-', 'cidr-allocator-', 'volume-host-', 'service-', 'kube-api-'];
const APISERVER_FLAGS = new Set([...COMMON, 'advertise-address', 'allow-privileged', 'anonymous-auth', 'api-audiences', 'apiserver-count', 'cloud-config', 'cloud-provider', 'cors-allowed-origins', 'default-not-ready-toleration-seconds', 'default-unreachable-toleration-seconds', 'default-watch-cache-size', 'delete-collection-workers', 'egress-selector-config-file', 'enable-aggregator-routing', 'enable-bootstrap-token-auth', 'enable-garbage-collector', 'enable-logs-handler', 'enable-priority-and-fairness', 'encryption-provider-config', 'encryption-provider-config-automatic-reload', 'endpoint-reconciler-type', 'event-ttl', 'external-hostname', 'goaway-chance', 'kubernetes-service-node-port', 'lease-reuse-duration-seconds', 'livez-grace-period', 'max-connection-bytes-per-sec', 'max-mutating-requests-inflight', 'max-requests-inflight', 'min-request-timeout', 'request-timeout', 'runtime-config', 'runtime-config-emulation-forward-compatible', 'strict-transport-security-directives', 'storage-backend', 'storage-media-type', 'storage-initialization-timeout', 'tracing-config-file', 'watch-cache', 'watch-cache-sizes', 'aggregator-reject-forwarding-redirect', 'debug-socket-path', 'enable-admission-plugins', 'disable-admission-plugins', 'admission-control-config-file', 'shutdown-delay-duration', 'shutdown-send-retry-after', 'shutdown-watch-termination-grace-period', 'token-auth-file', 'unsafe-allow-ptr', 'etcd-servers']);
const APISERVER_PREFIXES = [...COMMON_PREFIXES, 'etcd-', 'audit-', 'service-account-', 'service-', 'kubelet-', 'proxy-client-', 'oidc-', 'peer-', 'identity-lease-', 'coordinated-leadership-', 'enable-', 'disable-', 'storage-', 'max-', 'http2-', 'tls-', 'unsafe-'];
const ETCD_FLAGS = new Set(['name', 'data-dir', 'wal-dir', 'snapshot-count', 'heartbeat-interval', 'election-timeout', 'listen-peer-urls', 'listen-client-urls', 'listen-client-http-urls', 'listen-metrics-urls', 'advertise-client-urls', 'initial-advertise-peer-urls', 'initial-cluster', 'initial-cluster-state', 'initial-cluster-token', 'cert-file', 'key-file', 'client-cert-auth', 'trusted-ca-file', 'auto-tls', 'peer-cert-file', 'peer-key-file', 'peer-client-cert-auth', 'peer-trusted-ca-file', 'peer-auto-tls', 'feature-gates', 'watch-progress-notify-interval', 'quota-backend-bytes', 'auto-compaction-mode', 'auto-compaction-retention', 'max-request-bytes', 'max-snapshots', 'max-wals', 'logger', 'log-level', 'log-outputs', 'enable-pprof', 'metrics', 'experimental-initial-corrupt-check', 'experimental-watch-progress-notify-interval', 'experimental-compact-hash-check-enabled', 'cipher-suites', 'tls-min-version', 'tls-max-version', 'strict-reconfig-check', 'force-new-cluster', 'discovery-srv', 'enable-v2', 'version', 'help', 'config-file', 'socket-reuse-address', 'socket-reuse-port', 'unsafe-no-fsync', 'self-signed-cert-validity', 'listen-client-http-urls', 'grpc-keepalive-min-time', 'grpc-keepalive-interval', 'grpc-keepalive-timeout', 'initial-corrupt-check', 'compact-hash-check-enabled', 'bootstrap-defrag-threshold-megabytes', 'snapshot-catchup-entries', 'v2-deprecation', 'corrupt-check-time', 'compact-hash-check-time', 'peer-cert-allowed-cn', 'peer-cert-allowed-hostname', 'client-crl-file', 'peer-crl-file', 'debug']);
const ADMISSION_PLUGINS = new Set(['AlwaysAdmit', 'AlwaysDeny', 'AlwaysPullImages', 'CertificateApproval', 'CertificateSigning', 'CertificateSubjectRestriction', 'ClusterTrustBundleAttest', 'DefaultIngressClass', 'DefaultStorageClass', 'DefaultTolerationSeconds', 'DenyServiceExternalIPs', 'EventRateLimit', 'ExtendedResourceToleration', 'ImagePolicyWebhook', 'LimitPodHardAntiAffinityTopology', 'LimitRanger', 'MutatingAdmissionPolicy', 'MutatingAdmissionWebhook', 'NamespaceAutoProvision', 'NamespaceExists', 'NamespaceLifecycle', 'NodeDeclaredFeatureValidator', 'NodeRestriction', 'OwnerReferencesPermissionEnforcement', 'PersistentVolumeClaimResize', 'PodNodeSelector', 'PodSecurity', 'PodTolerationRestriction', 'PodTopologyLabels', 'Priority', 'ResourceQuota', 'RuntimeClass', 'ServiceAccount', 'StorageObjectInUseProtection', 'TaintNodesByCondition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionWebhook']);

const known = (set: ReadonlySet<string>, prefixes: readonly string[]) => (f: string) => set.has(f) || prefixes.some((p) => f.startsWith(p));

function fail(ctx: ProcessContext, lines: string[], afterMs = 600): Behaviour {
  void ctx;
  return { kind: 'exit', afterMs, exitCode: 1, reason: 'Error', logs: lines, memoryMi: 10 };
}

function commandFailed(ctx: ProcessContext, err: string): Behaviour {
  return fail(ctx, [klog('E', ctx.now + 500, 1, 'run.go:72', `"command failed" err=${JSON.stringify(err)}`)]);
}

/** Files named by path flags must exist in the container (hostPath mounts). */
function missingFile(ctx: ProcessContext, flags: Map<string, string>, names: string[]): string | undefined {
  for (const n of names) {
    const p = flags.get(n);
    if (p && !ctx.fileExists(p)) return p;
  }
  return undefined;
}

export interface SchedulerConfigResult {
  profiles?: SchedulerProfile[];
  leaderElect?: boolean;
  error?: string;
}

/**
 * KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) → profiles. Plugin sets follow
 * pkg/scheduler/apis/config/v1/default_plugins.go mergePlugins: the default MultiPoint list, minus
 * `disabled` (`*` = all), plus `enabled` (with weights); extension-point lists disable or reweigh.
 */
export function schedulerProfiles(text: string): SchedulerConfigResult {
  const r = yamlToJSON(text);
  if (!r.ok || !r.value || typeof r.value !== 'object') return { error: `couldn't decode as KubeSchedulerConfiguration, got: ${r.ok ? 'an empty document' : r.error}` };
  const cfg = r.value as Obj;
  if (cfg.kind !== 'KubeSchedulerConfiguration') return { error: `couldn't decode as KubeSchedulerConfiguration, got &{TypeMeta:{Kind:${cfg.kind ?? ''} APIVersion:${cfg.apiVersion ?? ''}}}` };
  if (cfg.apiVersion !== 'kubescheduler.config.k8s.io/v1') return { error: `no kind "KubeSchedulerConfiguration" is registered for version "${cfg.apiVersion}" in scheme "k8s.io/kubernetes/pkg/scheduler/apis/config/scheme/scheme.go:30"` };
  const leaderElect = cfg.leaderElection?.leaderElect !== false;
  const profiles: SchedulerProfile[] = [];
  const raw: Obj[] = Array.isArray(cfg.profiles) && cfg.profiles.length ? cfg.profiles : [{}];
  for (const p of raw) {
    const schedulerName: string = p.schedulerName ?? 'default-scheduler';
    let plugins: PluginConfig[] = DefaultPlugins.map((x) => ({ ...x }));
    const disabledAt: NonNullable<SchedulerProfile['disabledAt']> = {};
    const pl = (p.plugins ?? {}) as Obj;
    for (const [point, set] of Object.entries(pl)) {
      const dis = ((set as Obj)?.disabled ?? []).map((x: Obj) => x.name as string);
      const en = ((set as Obj)?.enabled ?? []) as Obj[];
      for (const e of en) {
        if (!InTreeRegistry[e.name] && !NOT_SIMULATED.includes(e.name)) return { error: `couldn't create scheduler: initializing profiles: creating profile for scheduler name ${schedulerName}: ${point} plugin "${e.name}" does not exist` };
      }
      if (point === 'multiPoint') {
        if (dis.includes('*')) plugins = [];
        else plugins = plugins.filter((x) => !dis.includes(x.name));
      } else if (['preFilter', 'filter', 'postFilter', 'preScore', 'score'].includes(point)) {
        if (dis.length) disabledAt[point as keyof typeof disabledAt] = dis;
      }
      for (const e of en) {
        if (NOT_SIMULATED.includes(e.name)) continue;
        const cur = plugins.find((x) => x.name === e.name);
        if (cur) {
          if (e.weight !== undefined) cur.weight = e.weight;
          const list = disabledAt[point as keyof typeof disabledAt];
          if (list) disabledAt[point as keyof typeof disabledAt] = list.filter((n) => n !== e.name && n !== '*');
        } else plugins.push({ name: e.name, ...(e.weight !== undefined ? { weight: e.weight } : {}) });
      }
    }
    const pluginArgs: Record<string, unknown> = {};
    for (const pc of (p.pluginConfig ?? []) as Obj[]) if (pc?.name) pluginArgs[pc.name] = pc.args ?? {};
    profiles.push({ schedulerName, plugins, ...(Object.keys(pluginArgs).length ? { pluginArgs } : {}), ...(Object.keys(disabledAt).length ? { disabledAt } : {}), ...(p.percentageOfNodesToScore !== undefined ? { percentageOfNodesToScore: p.percentageOfNodesToScore } : {}) });
  }
  const names = new Set<string>();
  for (const p of profiles) {
    if (names.has(p.schedulerName)) return { error: `Invalid value: "${p.schedulerName}": duplicate profile with scheduler name "${p.schedulerName}"` };
    names.add(p.schedulerName);
  }
  return { profiles, leaderElect };
}

function version(ctx: ProcessContext): string {
  return (ctx.container.image ?? '').split(':').pop() ?? '';
}

function startLogs(ctx: ProcessContext, lines: [string, string][]): string[] {
  return lines.map(([at, msg], i) => klog('I', ctx.now + 300 + i * 40, 1, at, msg));
}

function kubeScheduler(ctx: ProcessContext): Behaviour {
  const { flags, unknownOf } = parseComponentFlags(ctx.argv.slice(1), new Set(['leader-elect', 'profiling', 'contention-profiling', 'help', 'version']));
  const bad = unknownOf(known(SCHEDULER_FLAGS, COMMON_PREFIXES));
  if (bad) return fail(ctx, [`Error: unknown flag: --${bad}`], 200);
  const cfgPath = flags.get('config');
  let leaderElect = flags.get('leader-elect') !== 'false';
  if (cfgPath) {
    const text = ctx.readFile(cfgPath);
    if (text === undefined) return commandFailed(ctx, `open ${cfgPath}: no such file or directory`);
    const r = schedulerProfiles(text);
    if (r.error) return commandFailed(ctx, r.error);
    leaderElect = r.leaderElect ?? leaderElect;
    const kc = ((yamlToJSON(text) as { value?: Obj }).value?.clientConnection?.kubeconfig ?? flags.get('kubeconfig')) as string | undefined;
    if (kc && ctx.readFile(kc) === undefined) return commandFailed(ctx, `stat ${kc}: no such file or directory`);
  } else {
    const miss = missingFile(ctx, flags, ['kubeconfig', 'authentication-kubeconfig', 'authorization-kubeconfig']);
    if (miss) return commandFailed(ctx, `stat ${miss}: no such file or directory`);
  }
  const lock = `${flags.get('leader-elect-resource-namespace') ?? 'kube-system'}/${flags.get('leader-elect-resource-name') ?? 'kube-scheduler'}`;
  return {
    kind: 'run',
    memoryMi: 25,
    cpuMilli: 4,
    logs: startLogs(ctx, [
      ['serving.go:386', 'Generated self-signed cert in-memory'],
      ['server.go:177', `"Starting Kubernetes Scheduler" version="${version(ctx)}"`],
      ['server.go:179', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'],
      ['secure_serving.go:211', `Serving securely on ${flags.get('bind-address') ?? '0.0.0.0'}:${flags.get('secure-port') ?? '10259'}`],
      ...(leaderElect ? ([['leaderelection.go:257', `attempting to acquire leader lease ${lock}...`]] as [string, string][]) : []),
    ]),
  };
}

function kubeControllerManager(ctx: ProcessContext): Behaviour {
  const { flags, unknownOf } = parseComponentFlags(ctx.argv.slice(1), new Set(['leader-elect', 'allocate-node-cidrs', 'use-service-account-credentials', 'profiling', 'help', 'version']));
  const bad = unknownOf(known(KCM_FLAGS, KCM_PREFIXES));
  if (bad) return fail(ctx, [`Error: unknown flag: --${bad}`], 200);
  const miss = missingFile(ctx, flags, ['kubeconfig', 'authentication-kubeconfig', 'authorization-kubeconfig', 'client-ca-file', 'cluster-signing-cert-file', 'cluster-signing-key-file', 'root-ca-file', 'service-account-private-key-file', 'requestheader-client-ca-file']);
  if (miss) return commandFailed(ctx, `stat ${miss}: no such file or directory`);
  return {
    kind: 'run',
    memoryMi: 45,
    cpuMilli: 15,
    logs: startLogs(ctx, [
      ['serving.go:386', 'Generated self-signed cert in-memory'],
      ['controllermanager.go:191', `"Starting" version="${version(ctx)}"`],
      ['controllermanager.go:193', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'],
      ['secure_serving.go:211', `Serving securely on ${flags.get('bind-address') ?? '0.0.0.0'}:${flags.get('secure-port') ?? '10257'}`],
      ['leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-controller-manager...'],
    ]),
  };
}

function kubeApiserver(ctx: ProcessContext): Behaviour {
  const { flags, unknownOf } = parseComponentFlags(ctx.argv.slice(1), new Set(['allow-privileged', 'enable-bootstrap-token-auth', 'anonymous-auth', 'profiling', 'help', 'version']));
  const bad = unknownOf(known(APISERVER_FLAGS, APISERVER_PREFIXES));
  if (bad) return fail(ctx, [`Error: unknown flag: --${bad}`], 200);
  for (const f of ['enable-admission-plugins', 'disable-admission-plugins']) {
    for (const p of (flags.get(f) ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      if (!ADMISSION_PLUGINS.has(p)) return commandFailed(ctx, `${f} plugin "${p}" is unknown`);
    }
  }
  const miss = missingFile(ctx, flags, ['client-ca-file', 'tls-cert-file', 'tls-private-key-file', 'etcd-cafile', 'etcd-certfile', 'etcd-keyfile', 'kubelet-client-certificate', 'kubelet-client-key', 'proxy-client-cert-file', 'proxy-client-key-file', 'requestheader-client-ca-file', 'service-account-key-file', 'service-account-signing-key-file', 'encryption-provider-config', 'admission-control-config-file', 'audit-policy-file']);
  if (miss) return commandFailed(ctx, `open ${miss}: no such file or directory`);
  if (!flags.get('etcd-servers')) return commandFailed(ctx, '[--etcd-servers must be specified, service-account-issuer is a required flag, --service-account-signing-key-file and --service-account-issuer are required flags]'.replace(', service-account-issuer is a required flag, --service-account-signing-key-file and --service-account-issuer are required flags', ''));
  return {
    kind: 'run',
    memoryMi: 250,
    cpuMilli: 40,
    logs: startLogs(ctx, [
      ['options.go:249', 'external host was not specified, using ' + (flags.get('advertise-address') ?? '172.30.1.2')],
      ['server.go:160', `Version: ${version(ctx)}`],
      ['server.go:162', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'],
      ['secure_serving.go:211', `Serving securely on [::]:${flags.get('secure-port') ?? '6443'}`],
    ]),
  };
}

function etcd(ctx: ProcessContext): Behaviour {
  const { flags, unknownOf } = parseComponentFlags(ctx.argv.slice(1), new Set(['client-cert-auth', 'peer-client-cert-auth', 'auto-tls', 'peer-auto-tls', 'help', 'version', 'force-new-cluster', 'enable-pprof', 'debug']));
  const bad = unknownOf((f) => ETCD_FLAGS.has(f) || f.startsWith('experimental-') || f.startsWith('unsafe-'));
  if (bad) return fail(ctx, [`flag provided but not defined: -${bad}`, 'Usage:', '', '  etcd [flags]', '    Start an etcd server.'], 200);
  const miss = missingFile(ctx, flags, ['cert-file', 'key-file', 'trusted-ca-file', 'peer-cert-file', 'peer-key-file', 'peer-trusted-ca-file']);
  if (miss) return fail(ctx, [`{"level":"fatal","ts":"${new Date(ctx.now + 400).toISOString().replace('Z', '000Z')}","caller":"etcdmain/etcd.go:182","msg":"discovery failed","error":"open ${miss}: no such file or directory"}`]);
  const ts = (off: number) => new Date(ctx.now + off).toISOString().replace('Z', '000Z');
  return {
    kind: 'run',
    memoryMi: 40,
    cpuMilli: 20,
    logs: [
      `{"level":"info","ts":"${ts(200)}","caller":"etcdmain/etcd.go:64","msg":"Running: ","args":${JSON.stringify(ctx.argv)}}`,
      `{"level":"info","ts":"${ts(300)}","caller":"etcdmain/etcd.go:107","msg":"server has been already initialized","data-dir":"${flags.get('data-dir') ?? 'default.etcd'}","dir-type":"member"}`,
      `{"level":"info","ts":"${ts(900)}","caller":"embed/serve.go:210","msg":"serving client traffic securely","traffic":"grpc+http","address":"127.0.0.1:2379"}`,
    ],
  };
}

export function registerProcessModels(): void {
  processModels.set('kube-scheduler', kubeScheduler);
  processModels.set('kube-controller-manager', kubeControllerManager);
  processModels.set('kube-apiserver', kubeApiserver);
  processModels.set('etcd', etcd);
}

/** Time the API server needs after its container starts before it serves (readyz). */
const APISERVER_READY_MS = 5_000;
const RECONCILE_MS = 1_000;
/**
 * A scheduler or controller-manager process does its work only once it has started up (flags and
 * config parsed, informers synced): one that fails at start-up (`Error: unknown flag`, a missing
 * file — it exits within 0.6 s) never schedules or reconciles anything.
 */
const COMPONENT_READY_MS = 1_000;

interface ExtraScheduler {
  sched: KubeScheduler;
  containerId: string;
}

export class ControlPlaneSupervisor {
  private world: NodeWorld;
  private cluster: Cluster;
  private schedulerSig = '';
  private extra = new Map<string, ExtraScheduler>();
  private etcdContainer = '';
  /** When the API server came back (components resume a moment later). */
  private apiUpSince = 0;

  constructor(world: NodeWorld) {
    this.world = world;
    this.cluster = world.cluster;
  }

  start(): void {
    const tick = () => {
      this.reconcile();
      this.cluster.clock.after(RECONCILE_MS, tick);
    };
    this.cluster.clock.after(RECONCILE_MS, tick);
  }

  /** The running container of a control-plane component on the control-plane node, if any. */
  private running(containers: RuntimeContainer[], binary: string, podName?: string): RuntimeContainer | undefined {
    return containers.find((c) => c.static && c.state === 'Running' && (c.argv[0] ?? '').split('/').pop() === binary && (!podName || c.podName === podName));
  }

  reconcile(): void {
    const { cluster } = this;
    const cpName = this.world.controlPlaneName();
    const cp = this.world.machine(cpName);
    if (!cp) return;
    const containers = cp.kubelet.powered ? cp.kubelet.runtimeContainers() : [];
    const now = cluster.clock.now();
    const etcdC = this.running(containers, 'etcd');
    const apiC = this.running(containers, 'kube-apiserver');
    const kcmC = this.running(containers, 'kube-controller-manager');
    const schedC = this.running(containers, 'kube-scheduler', `kube-scheduler-${cpName}`);

    if (etcdC && etcdC.id !== this.etcdContainer) {
      this.etcdContainer = etcdC.id;
      this.switchDataDir(cp.kubelet, etcdC);
    }
    const up = !!etcdC && !!apiC && now - apiC.createdAt >= APISERVER_READY_MS;
    const server = cluster.server;
    if (up !== server.up) {
      server.up = up;
      if (up) {
        this.apiUpSince = now;
        for (const k of cluster.kubelets.values()) k.heartbeat();
      }
    }
    const kcmWant = up && !!kcmC && now - kcmC.createdAt >= COMPONENT_READY_MS;
    for (const c of cluster.controllers) {
      if (kcmWant && !c.running) c.resume();
      else if (!kcmWant) c.running = false;
    }
    // The default scheduler follows its static pod and its --config.
    const sched = cluster.scheduler;
    if (up && schedC && now - schedC.createdAt >= COMPONENT_READY_MS) {
      const sig = schedC.id;
      if (sig !== this.schedulerSig) {
        this.schedulerSig = sig;
        const cfg = this.schedulerConfig(cp.kubelet, schedC);
        sched.configure(cfg.profiles ?? [{ schedulerName: 'default-scheduler' }]);
      }
      if (!sched.running) sched.resume();
    } else if (sched.running) sched.running = false;

    // Other kube-scheduler processes: their own instances (second schedulers).
    const seen = new Set<string>();
    if (up) {
      for (const k of cluster.kubelets.values()) {
        if (!k.powered) continue;
        for (const c of k.runtimeContainers()) {
          if (c.state !== 'Running' || (c.argv[0] ?? '').split('/').pop() !== 'kube-scheduler') continue;
          if (k === cp.kubelet && schedC && c.id === schedC.id) continue;
          if (now - c.createdAt < COMPONENT_READY_MS) continue;
          seen.add(c.id);
          if (this.extra.has(c.id)) continue;
          const cfg = this.schedulerConfig(k, c);
          const profiles = cfg.profiles ?? [{ schedulerName: 'default-scheduler' }];
          // Leader election: a second process for names already served waits as a standby.
          const taken = new Set([...(sched.running ? sched.schedulerNames : []), ...[...this.extra.values()].flatMap((e) => (e.sched.running ? e.sched.schedulerNames : []))]);
          const mine = profiles.filter((p) => !taken.has(p.schedulerName));
          if (!mine.length) continue;
          const inst = new KubeScheduler({ server: cluster.server, client: cluster.client, clock: cluster.clock, recorder: cluster.recorder }, mine);
          inst.hostname = (c.pod?.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork ? k.spec.name : c.podName;
          inst.start();
          this.extra.set(c.id, { sched: inst, containerId: c.id });
        }
      }
    }
    for (const [id, e] of this.extra) {
      if (!seen.has(id)) {
        e.sched.stop();
        this.extra.delete(id);
      }
    }
  }

  /** Profiles of a kube-scheduler container: its --config file as the container sees it (read once per container). */
  private configs = new Map<string, SchedulerConfigResult>();
  private schedulerConfig(kubelet: { containerFile(pod: never, c: never, p: string): string | undefined }, c: RuntimeContainer): SchedulerConfigResult {
    let r = this.configs.get(c.id);
    if (!r) {
      if (this.configs.size > 64) this.configs.clear();
      r = this.readSchedulerConfig(kubelet, c);
      this.configs.set(c.id, r);
    }
    return r;
  }

  private readSchedulerConfig(kubelet: { containerFile(pod: never, c: never, p: string): string | undefined }, c: RuntimeContainer): SchedulerConfigResult {
    const { flags } = parseComponentFlags(c.argv.slice(1));
    const path = flags.get('config');
    if (!path) return {};
    const text = kubelet.containerFile(c.pod as never, c.spec as never, path);
    return text === undefined ? {} : schedulerProfiles(text);
  }

  /** etcd (re)started: if its data directory is not the live one, the cluster becomes that data. */
  private switchDataDir(kubelet: { containerFile(pod: never, c: never, p: string): string | undefined }, c: RuntimeContainer): void {
    void kubelet;
    const { flags } = parseComponentFlags(c.argv.slice(1));
    const inContainer = flags.get('data-dir') ?? '/var/lib/etcd';
    const hostDir = hostPathOf(c, inContainer) ?? inContainer;
    if (hostDir === this.world.liveDataDir) return;
    const cp = this.world.machine(this.world.controlPlaneName())!;
    const content = this.world.dataDirContent(cp.fs, hostDir);
    if (content === 'live') {
      this.world.liveDataDir = hostDir;
      return;
    }
    // The old directory keeps what the cluster had; the new one becomes the live store.
    const old = this.world.capture();
    cp.fs.write(`${this.world.liveDataDir}/member/snap/db`, `kubesim-etcd-member:${old.id}\n`);
    const snap = content ? content.snapshot : { revision: this.cluster.store.revision(), entries: [] };
    this.cluster.store.restore(snap, true);
    cp.fs.write(`${hostDir}/member/snap/db`, 'kubesim-etcd-member:live\n');
    if (!cp.fs.exists(`${hostDir}/member/wal`)) cp.fs.write(`${hostDir}/member/wal/0000000000000000-0000000000000000.wal`, '\u0000');
    this.world.liveDataDir = hostDir;
  }
}

/** Map a path inside a container to the host path of its hostPath volume mount. */
export function hostPathOf(c: RuntimeContainer, path: string): string | undefined {
  const spec = (c.pod.spec ?? {}) as NonNullable<Pod['spec']>;
  const mounts = [...(c.spec.volumeMounts ?? [])].sort((a, b) => b.mountPath.length - a.mountPath.length);
  for (const m of mounts) {
    const mp = m.mountPath.replace(/\/+$/, '');
    if (path !== mp && !path.startsWith(mp + '/')) continue;
    const vol = (spec.volumes ?? []).find((v) => v.name === m.name);
    if (!vol?.hostPath) return undefined;
    return vol.hostPath.path.replace(/\/+$/, '') + path.slice(mp.length);
  }
  return undefined;
}

void res;
