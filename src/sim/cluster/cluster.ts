/**
 * A whole kubeadm-style cluster: store (etcd), API server, controller manager, scheduler, one kubelet per
 * node, and the machines' filesystems. `Cluster.create()` boots it the way `kubeadm init` + `join` do and
 * lets it settle, so the first command sees a running cluster.
 */
import type { KubeObject } from '../api/object.ts';
import { decodeRequestBody } from '../api/schema/decode.ts';
import { apiVersionOf } from '../api/object.ts';
import { defaultAdmissionChain } from '../apiserver/admission/index.ts';
import { Client, res } from '../apiserver/client.ts';
import { EventRecorder } from '../apiserver/events.ts';
import { registerAll } from '../apiserver/registry/index.ts';
import { ApiServer } from '../apiserver/server.ts';
import { Clock } from '../clock/clock.ts';
import { Rng } from '../clock/rng.ts';
import { RateLimiter, type Controller, type ControllerContext } from '../controllers/controller.ts';
import { DaemonSetController } from '../controllers/daemonset.ts';
import { DeploymentController } from '../controllers/deployment.ts';
import { EndpointSliceMirroringController } from '../controllers/endpointslicemirroring.ts';
import { EndpointsController } from '../controllers/endpoints.ts';
import { GarbageCollector } from '../controllers/garbagecollector.ts';
import { CronJobController } from '../controllers/cronjob.ts';
import { JobController } from '../controllers/job.ts';
import { TTLAfterFinishedController } from '../controllers/ttlafterfinished.ts';
import { NamespaceController } from '../controllers/namespace.ts';
import { NodeLifecycleController } from '../controllers/nodelifecycle.ts';
import { ReplicaSetController } from '../controllers/replicaset.ts';
import { ServiceAccountController } from '../controllers/serviceaccount.ts';
import { ResourceQuotaController } from '../controllers/resourcequota.ts';
import { EventTTL } from '../controllers/eventttl.ts';
import { Kubelet, type NodeSpecification } from '../kubelet/kubelet.ts';
import { FileSystem } from '../shell/fs.ts';
import { Store } from '../store/store.ts';
import { addonObjects } from './addons.ts';
import { bootstrapTokenSecret, DEFAULT_TOKEN_TTL_MS, generateToken, INIT_TOKEN_DESCRIPTION } from './bootstraptoken.ts';
import { TokenCleaner } from '../controllers/tokencleaner.ts';
import { layDown } from '../node/files.ts';
import { COREDNS, ETCD } from '../node/versions.ts';
import { CA_PEM, writeKubeconfigs } from './kubeconfig.ts';
import { dialKubelet } from '../kubelet/server.ts';
import { MetricsServer } from './metricsserver.ts';
import { controlPlaneManifests } from './manifests.ts';
import { defaultNodes, nodeSpec } from './nodes.ts';
import { KubeScheduler } from './kubescheduler.ts';

/** 2026-01-15T09:00:00Z: the moment `kubeadm init` ran. Fixed, so transcripts are reproducible. */
export const CLUSTER_BIRTH = Date.UTC(2026, 0, 15, 9, 0, 0);
/** How long the cluster has been up when a session starts. */
export const UPTIME_AT_START_MS = 15 * 60_000;

export interface ClusterOptions {
  seed?: number;
  nodes?: NodeSpecification[];
  /** Skip add-ons (benchmarks of thousands of nodes). */
  minimal?: boolean;
  /** kube-controller-manager client QPS (default 20, as --kube-api-qps). */
  controllerQps?: number;
  /**
   * Kubernetes version the cluster is built at (default v1.35.0); 'v1.34.3' gives the minor-upgrade lab
   * (see node/versions.ts for the releases the simulated package repositories offer).
   */
  version?: string;
}

export class Cluster {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly store: Store;
  readonly server: ApiServer;
  readonly client: Client;
  readonly recorder: EventRecorder;
  readonly controllers: Controller[] = [];
  readonly scheduler: KubeScheduler;
  readonly kubelets = new Map<string, Kubelet>();
  readonly machines = new Map<string, FileSystem>();
  /** The Kubernetes version the cluster was built at (ClusterOptions.version). */
  readonly version: string;
  private ctx: ControllerContext;

  constructor(opts: ClusterOptions = {}) {
    this.clock = new Clock(CLUSTER_BIRTH);
    this.version = opts.version ?? 'v1.35.0';
    this.rng = new Rng(opts.seed ?? 1);
    this.store = new Store();
    this.server = new ApiServer(this.store, this.clock, this.rng);
    registerAll(this.server);
    this.server.setAdmission(defaultAdmissionChain());
    this.server.setDecoder((info, body) => {
      const r = decodeRequestBody(apiVersionOf(info.group, info.version), info.kind, body, 'Strict');
      return r.error ? [r.error.slice(r.error.indexOf(': ') + 2)] : [];
    });
    this.client = new Client(this.server);
    // pods/log and pods/exec: kube-apiserver reaches the pod's kubelet on port 10250.
    this.server.setNodeDialer((node) => dialKubelet(this.kubelets.get(node), this.client, CA_PEM));
    // metrics.k8s.io through the aggregation layer, answered once a metrics-server is deployed.
    const metrics = new MetricsServer(this.client, this.kubelets);
    this.server.registerAggregatedAPI('metrics.k8s.io', (req) => metrics.handle(req));
    this.recorder = new EventRecorder(this.client);
    this.ctx = { server: this.server, client: this.client, clock: this.clock, recorder: this.recorder, limiter: new RateLimiter(this.clock, opts.controllerQps ?? 20, Math.max(30, Math.ceil((opts.controllerQps ?? 20) * 1.5))) };
    this.controllers.push(
      new NamespaceController(this.ctx),
      new ServiceAccountController(this.ctx),
      new ReplicaSetController(this.ctx, 'ReplicaSet'),
      new ReplicaSetController(this.ctx, 'ReplicationController'),
      new DeploymentController(this.ctx),
      new DaemonSetController(this.ctx),
      new JobController(this.ctx),
      new CronJobController(this.ctx),
      new TTLAfterFinishedController(this.ctx),
      new EndpointsController(this.ctx),
      new EndpointSliceMirroringController(this.ctx),
      new GarbageCollector(this.ctx),
      new NodeLifecycleController(this.ctx),
      new ResourceQuotaController(this.ctx),
      new EventTTL(this.ctx),
      new TokenCleaner(this.ctx),
    );
    this.scheduler = new KubeScheduler(this.ctx);
  }

  /** Boot a default cluster and let it settle for UPTIME_AT_START_MS. */
  static create(opts: ClusterOptions = {}): Cluster {
    const c = new Cluster(opts);
    c.boot(opts.nodes ?? defaultNodes(c.version), !opts.minimal);
    c.clock.advance(UPTIME_AT_START_MS - (c.clock.now() - CLUSTER_BIRTH));
    // What happens from here on draws fresh streams: changes to boot do not rename the user's objects.
    c.rng.reseed((opts.seed ?? 1) + 0x5e55);
    return c;
  }

  private boot(nodes: NodeSpecification[], addons: boolean): void {
    const { client } = this;
    for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      client.create(res('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    for (const c of this.controllers) c.start();
    this.scheduler.start();
    this.clock.settle();
    // The kubernetes Service and its endpoints are maintained by the API server itself.
    client.create(res('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] } });
    client.create(res('endpoints'), { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: '172.30.1.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] } as KubeObject);
    client.create(res('endpointslices', 'discovery.k8s.io'), { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' }, generation: 1 }, addressType: 'IPv4', endpoints: [{ addresses: ['172.30.1.2'], conditions: { ready: true } }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] } as KubeObject);
    for (const pc of [
      { name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
      { name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.' },
    ]) {
      client.create(res('priorityclasses', 'scheduling.k8s.io'), { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: pc.name }, value: pc.value, description: pc.description, preemptionPolicy: 'PreemptLowerPriority' } as KubeObject);
    }
    nodes.forEach((spec, i) => {
      const start = () => this.addMachine(spec);
      if (i === 0) start();
      // Workers join one after another (kubeadm join); big benchmark clusters join within ten minutes.
      else this.clock.after(Math.min(30_000, 600_000 / nodes.length) * (i + 1), start);
    });
    this.clock.settle();
    if (addons) {
      this.clock.after(20_000, () => {
        // kubeadm init's bootstrap-token phase, just before its addon phase: the join token (TTL 24h).
        const token = generateToken(this.rng.stream('bootstrap-token'));
        client.create(res('secrets'), bootstrapTokenSecret(token, { expires: this.clock.now() + DEFAULT_TOKEN_TTL_MS, description: INIT_TOKEN_DESCRIPTION }));
        for (const o of addonObjects(this.version, COREDNS[this.version.replace(/^v(\d+\.\d+).*$/, '$1')])) client.create(this.infoOf(o), o);
      });
    }
  }

  private infoOf(o: KubeObject) {
    const [group] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : [''];
    const plural = { Namespace: 'namespaces', ServiceAccount: 'serviceaccounts', ConfigMap: 'configmaps', DaemonSet: 'daemonsets', Deployment: 'deployments', Service: 'services' }[o.kind]!;
    return res(plural, group);
  }

  /** A machine joins: its filesystem is laid down and its kubelet registers the node. */
  addMachine(spec: NodeSpecification): Kubelet {
    const fs = new FileSystem();
    fs.mkdirp('/root');
    fs.mkdirp('/etc/kubernetes/manifests');
    fs.mkdirp('/tmp');
    const controlPlane = spec.labels['node-role.kubernetes.io/control-plane'] !== undefined;
    if (controlPlane) {
      // kube-scheduler runs in a host-network static pod there: its host name is the node's.
      this.scheduler.hostname = spec.name;
      for (const [path, content] of Object.entries(controlPlaneManifests(spec.kubeletVersion, ETCD[spec.kubeletVersion.replace(/^v(\d+\.\d+).*$/, '$1')]))) fs.write(path, content);
    }
    writeKubeconfigs(fs, spec.name, controlPlane);
    layDown(fs, spec.name, controlPlane, spec.kubeletVersion.replace(/^v(\d+\.\d+).*$/, '$1'), spec.internalIP);
    this.machines.set(spec.name, fs);
    // A client in one pod reads a web server's documents in another pod, wherever it runs.
    const podFiles = (uid: string, container: string) => {
      for (const k of this.kubelets.values()) {
        const f = k.execFiles(uid, container);
        if (f) return f;
      }
      return undefined;
    };
    const kubelet = new Kubelet(spec, { server: this.server, client: this.client, clock: this.clock, recorder: this.recorder, podFiles }, fs);
    this.kubelets.set(spec.name, kubelet);
    kubelet.start();
    return kubelet;
  }

  /** `sim add-node NAME --cpu N --memory Q --labels k=v`: a new worker joins. */
  addNode(name: string, opts: { cpu?: string; memoryKi?: number; labels?: Record<string, string> } = {}): Kubelet {
    const index = this.kubelets.size;
    return this.addMachine(nodeSpec(name, index, { ...opts, version: this.version }));
  }
}
