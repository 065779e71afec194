/** The default practice cluster's machines: a kubeadm control plane and two workers, as a CKA lab has. */
import type { NodeSpecification } from '../kubelet/kubelet.ts';

export const KUBERNETES_VERSION = 'v1.35.0';

const PRELOADED = ['registry.k8s.io/pause:3.10.1', 'registry.k8s.io/kube-proxy:v1.35.0', 'ghcr.io/flannel-io/flannel:v0.27.4'];
const CONTROL_PLANE_IMAGES = [
  'registry.k8s.io/etcd:3.6.6-0',
  'registry.k8s.io/kube-apiserver:v1.35.0',
  'registry.k8s.io/kube-controller-manager:v1.35.0',
  'registry.k8s.io/kube-scheduler:v1.35.0',
  'registry.k8s.io/coredns/coredns:v1.13.1',
];

function baseLabels(name: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
}

export function nodeSpec(name: string, index: number, opts: { cpu?: string; memoryKi?: number; labels?: Record<string, string>; controlPlane?: boolean } = {}): NodeSpecification {
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
    kubeletVersion: 'v1.35.0',
    osImage: 'Ubuntu 24.04.3 LTS',
    kernelVersion: '6.8.0-85-generic',
    containerRuntimeVersion: 'containerd://2.1.4',
    preloaded: controlPlane ? [...PRELOADED, ...CONTROL_PLANE_IMAGES] : [...PRELOADED, 'registry.k8s.io/coredns/coredns:v1.13.1'],
  };
}

export function defaultNodes(): NodeSpecification[] {
  return [nodeSpec('controlplane', 0, { controlPlane: true }), nodeSpec('node01', 1), nodeSpec('node02', 2)];
}
