/**
 * The machines behind the cluster: per node, the installed packages (apt), the kubelet's systemd
 * unit, processes started by hand (a standalone etcd), and — on the control plane — the etcd data
 * directories and snapshot files. One NodeWorld per Cluster, created by installNodeTools.
 */
import { res } from '../apiserver/client.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { Kubelet } from '../kubelet/kubelet.ts';
import type { FileSystem } from '../shell/fs.ts';
import type { StoreSnapshot } from '../store/store.ts';
import { layDown } from './files.ts';
import { ETCD, minorOf, toPackage } from './versions.ts';

export interface PackageState {
  /** Debian version, e.g. 1.35.0-1.1 */
  version: string;
  held: boolean;
}

export interface KubeletUnit {
  active: boolean;
  /** When the unit entered its current state (ms). */
  since: number;
  pid: number;
  /** The kubelet binary version the running process was started from. */
  runningVersion: string;
  /** Unit files changed on disk since the last daemon-reload. */
  needsReload: boolean;
  enabled: boolean;
  /** Why the last start failed (the kubelet exits; systemd restarts it every 10 s). */
  failed?: string;
  stoppedAt?: number;
  ranFrom?: number;
  /** 10-kubeadm.conf as systemd loaded it (daemon-reload reloads it). */
  dropin?: string;
}

/** A standalone `etcd` started from a shell (the notes' first etcd steps). */
export interface StandaloneEtcd {
  pid: number;
  started: number;
  name: string;
  dataDir: string;
  kv: Map<string, { value: string; create: number; mod: number; version: number }>;
  revision: number;
}

export interface MachineState {
  name: string;
  fs: FileSystem;
  kubelet: Kubelet;
  controlPlane: boolean;
  packages: Map<string, PackageState>;
  /** The pkgs.k8s.io minor whose package list `apt-get update` last fetched. */
  lists?: string;
  unit: KubeletUnit;
  etcd?: StandaloneEtcd;
  /**
   * NotAfter (ms) of the certificates kubeadm manages on this machine, by kubeadm's name (`apiserver`,
   * `admin.conf`, `ca`, …); unset entries are as `kubeadm init` made them (certs.ts).
   */
  certNotAfter: Map<string, number>;
}

/** What an etcd snapshot file or data directory holds. */
export interface EtcdData {
  id: number;
  snapshot: StoreSnapshot;
  revision: number;
  totalKeys: number;
  sizeBytes: number;
  hash: string;
}

export const SNAPSHOT_MAGIC = 'kubesim-etcd-snapshot:';
export const DATA_MAGIC = 'kubesim-etcd-member:';

const worlds = new WeakMap<Cluster, NodeWorld>();

export class NodeWorld {
  readonly cluster: Cluster;
  readonly machines = new Map<string, MachineState>();
  /** kubeadm-config ClusterConfiguration.kubernetesVersion. */
  clusterVersion: string;
  /** Snapshot files and restored data directories point here by id. */
  readonly data = new Map<number, EtcdData>();
  private nextData = 1;
  /** Host directory the running etcd serves from (the live store). */
  liveDataDir = '/var/lib/etcd';
  private pidSeq = 4000;

  constructor(cluster: Cluster, version: string) {
    this.cluster = cluster;
    this.clusterVersion = version;
    worlds.set(cluster, this);
  }

  static of(cluster: Cluster): NodeWorld | undefined {
    return worlds.get(cluster);
  }

  nextPid(): number {
    this.pidSeq += 37 + (this.pidSeq % 11);
    return this.pidSeq;
  }

  controlPlaneName(): string {
    for (const [name, m] of this.machines) if (m.controlPlane) return name;
    return 'controlplane';
  }

  /** The state of a machine; machines that joined later (sim add-node) are set up on first use. */
  machine(name: string): MachineState | undefined {
    const have = this.machines.get(name);
    if (have) return have;
    const fs = this.cluster.machines.get(name);
    const kubelet = this.cluster.kubelets.get(name);
    if (!fs || !kubelet) return undefined;
    const controlPlane = kubelet.spec.labels['node-role.kubernetes.io/control-plane'] !== undefined;
    const version = kubelet.spec.kubeletVersion;
    layDown(fs, name, controlPlane, minorOf(version), kubelet.spec.internalIP);
    const pkg = toPackage(version);
    const packages = new Map<string, PackageState>([
      ['kubeadm', { version: pkg, held: true }],
      ['kubectl', { version: pkg, held: true }],
      ['kubelet', { version: pkg, held: true }],
      ['kubernetes-cni', { version: '1.7.1-1.1', held: false }],
      ['cri-tools', { version: '1.35.0-1.1', held: false }],
    ]);
    const node = this.cluster.client.get(res('nodes'), undefined, name);
    const since = Date.parse(node?.metadata.creationTimestamp ?? '') || this.cluster.clock.now();
    const m: MachineState = {
      name,
      fs,
      kubelet,
      controlPlane,
      packages,
      lists: minorOf(version),
      unit: { active: true, since: since - 1000, pid: this.nextPid(), runningVersion: version, needsReload: false, enabled: true },
      certNotAfter: new Map(),
    };
    this.machines.set(name, m);
    if (controlPlane) {
      fs.write(`${this.liveDataDir}/member/snap/db`, DATA_MAGIC + 'live\n');
      fs.write(`${this.liveDataDir}/member/wal/0000000000000000-0000000000000000.wal`, '\u0000');
    }
    return m;
  }

  /** Store a copy of the cluster's data (snapshot save, or the data dir etcd leaves behind). */
  capture(): EtcdData {
    const snapshot = this.cluster.store.snapshot();
    const totalKeys = snapshot.entries.length;
    let bytes = 0;
    for (const e of snapshot.entries) bytes += e.key.length + JSON.stringify(e.value).length + 40;
    const id = this.nextData++;
    // bbolt pages: 4 KiB granularity, plus the meta/freelist pages.
    const sizeBytes = Math.ceil((bytes * 1.3) / 4096) * 4096 + 16384;
    let h = 0x811c9dc5;
    for (const e of snapshot.entries) for (let i = 0; i < e.key.length; i++) h = Math.imul(h ^ e.key.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ snapshot.revision, 0x01000193) >>> 0;
    const d: EtcdData = { id, snapshot, revision: snapshot.revision, totalKeys, sizeBytes, hash: h.toString(16) };
    this.data.set(id, d);
    return d;
  }

  /** The data a snapshot file holds (by the magic line the simulator writes). */
  snapshotIn(content: string | undefined): EtcdData | undefined {
    if (!content?.startsWith(SNAPSHOT_MAGIC)) return undefined;
    return this.data.get(Number(content.slice(SNAPSHOT_MAGIC.length).split(/\s/)[0]));
  }

  /** What a data directory on the control plane holds: 'live', restored data, or nothing. */
  dataDirContent(fs: FileSystem, dir: string): 'live' | EtcdData | undefined {
    const c = fs.read(`${dir.replace(/\/+$/, '')}/member/snap/db`);
    if (!c?.startsWith(DATA_MAGIC)) return undefined;
    const v = c.slice(DATA_MAGIC.length).trim();
    if (v === 'live') return 'live';
    return this.data.get(Number(v));
  }

  etcdVersion(): string {
    return ETCD[minorOf(this.clusterVersion)] ?? '3.6.6-0';
  }
}
