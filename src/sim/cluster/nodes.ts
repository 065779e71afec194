/** The default practice cluster's machines: a kubeadm control plane and two workers, as a CKA lab has. */
import type { NodeSpecification } from '../kubelet/kubelet.ts';
import { COREDNS, ETCD } from '../node/versions.ts';

export const KUBERNETES_VERSION = 'v1.35.0';

/** Images kubeadm pulls for a version (kubeadm constants: etcd and CoreDNS per minor, see node/versions.ts). */
function images(version: string, controlPlane: boolean): string[] {
  const minor = version.replace(/^v(\d+\.\d+).*$/, '$1');
  const coredns = `registry.k8s.io/coredns/coredns:${COREDNS[minor] ?? 'v1.13.1'}`;
  const base = ['registry.k8s.io/pause:3.10.1', `registry.k8s.io/kube-proxy:${version}`, 'ghcr.io/flannel-io/flannel:v0.27.4'];
  if (!controlPlane) return [...base, coredns];
  return [...base, `registry.k8s.io/etcd:${ETCD[minor] ?? '3.6.6-0'}`, `registry.k8s.io/kube-apiserver:${version}`, `registry.k8s.io/kube-controller-manager:${version}`, `registry.k8s.io/kube-scheduler:${version}`, coredns];
}

function baseLabels(name: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
}

export function nodeSpec(name: string, index: number, opts: { cpu?: string; memoryKi?: number; labels?: Record<string, string>; controlPlane?: boolean; version?: string } = {}): NodeSpecification {
  const version = opts.version ?? KUBERNETES_VERSION;
  const controlPlane = !!opts.controlPlane;
  const labels = { ...baseLabels(name), ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}), ...(opts.labels ?? {}) };
  return {
    name,
    internalIP: controlPlane ? '172.30.1.2' : `172.30.2.${index + 1}`,
    podCIDR: `10.244.${index}.0/24`,
    cpu: opts.cpu ?? '2',
    memoryKi: opts.memoryKi ?? 4025244,
    pods: 110,
    ephemeralStorageKi: 20134592,
    labels,
    taints: controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [],
    kubeletVersion: version,
    osImage: 'Ubuntu 24.04.3 LTS',
    kernelVersion: '6.8.0-85-generic',
    containerRuntimeVersion: 'containerd://2.1.4',
    preloaded: images(version, controlPlane),
  };
}

export function defaultNodes(version = KUBERNETES_VERSION): NodeSpecification[] {
  return [nodeSpec('controlplane', 0, { controlPlane: true, version }), nodeSpec('node01', 1, { version }), nodeSpec('node02', 2, { version })];
}
