/**
 * The kubeconfig files `kubeadm init` / `kubeadm join` leave on the machines
 * (cmd/kubeadm/app/phases/kubeconfig/kubeconfig.go, constants.go):
 *   controlplane: /etc/kubernetes/{admin,super-admin,controller-manager,scheduler,kubelet}.conf and the
 *   admin copy every kubeadm guide makes (`cp -i /etc/kubernetes/admin.conf $HOME/.kube/config`);
 *   workers: /etc/kubernetes/kubelet.conf written by the TLS bootstrap (cluster `default-cluster`,
 *   context `default-context`, user `default-auth`, client cert on disk).
 * Certificate data are placeholders: base64 of a PEM block whose body is deterministic filler, so the
 * files look and decode like the real ones without being real keys.
 */
import type { FileSystem } from '../shell/fs.ts';
import { serializeKubeconfig, type Kubeconfig } from '../kubectl/kubeconfig.ts';

export const CLUSTER_NAME = 'kubernetes';
export const API_SERVER_URL = 'https://172.30.1.2:6443';
export const ADMIN_USER = 'kubernetes-admin';
export const ADMIN_CONTEXT = `${ADMIN_USER}@${CLUSTER_NAME}`;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Deterministic base64-looking filler of `n` characters. */
function filler(seed: string, n: number): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let s = '';
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    h = (h + 0x9e3779b9) >>> 0;
    s += B64[h % 64];
  }
  return s;
}

/** base64 of a PEM block (as certificate-authority-data / client-*-data hold). */
export function pemData(kind: 'CERTIFICATE' | 'RSA PRIVATE KEY', seed: string, bodyChars: number): string {
  const body = filler(seed, bodyChars).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  const pem = `-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`;
  return btoa(pem);
}

const CA_DATA = pemData('CERTIFICATE', 'kubernetes-ca', 1068);
/** The cluster CA certificate (/etc/kubernetes/pki/ca.crt, the service-account volume's ca.crt). */
export const CA_PEM = atob(CA_DATA);

export function config(user: string, userData: Record<string, unknown>, cluster = CLUSTER_NAME, context = `${user}@${cluster}`): Kubeconfig {
  return {
    preferences: {},
    clusters: [{ name: cluster, cluster: { 'certificate-authority-data': CA_DATA, server: API_SERVER_URL } }],
    users: [{ name: user, user: userData }],
    contexts: [{ name: context, context: { cluster, user } }],
    currentContext: context,
  };
}

function certUser(name: string): Record<string, string> {
  return { 'client-certificate-data': pemData('CERTIFICATE', `${name}-cert`, 1092), 'client-key-data': pemData('RSA PRIVATE KEY', `${name}-key`, 1588) };
}

/**
 * The text serializeKubeconfig gives for config(user, userData, cluster, context), written directly
 * (booting a cluster need not run the YAML emitter): every name here is a plain YAML scalar, the
 * user's fields are the ones writeKubeconfigs sets, in AuthInfo's field order. Any other name goes
 * through the emitter. kubeconfig.test.ts checks both give the same text.
 */
export function kubeconfigText(user: string, userData: Record<string, string>, cluster = CLUSTER_NAME, context = `${user}@${cluster}`): string {
  const fields = Object.keys(userData);
  const plain = (v: string) => /^[a-z][a-z0-9.-]*(?:[:@][a-z][a-z0-9.-]*)*$/.test(v) && !/^(?:y|yes|n|no|true|false|on|off|null)$/.test(v);
  const order = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data'];
  if (![user, cluster, context].every(plain) || fields.join() !== order.filter((f) => f in userData).join() || !fields.every((f) => /^[A-Za-z0-9+/=._-]+$/.test(userData[f]) || /^\/[a-z0-9/._-]+$/.test(userData[f]))) {
    return serializeKubeconfig(config(user, userData, cluster, context));
  }
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${CA_DATA}`,
    `    server: ${API_SERVER_URL}`,
    `  name: ${cluster}`,
    'contexts:',
    '- context:',
    `    cluster: ${cluster}`,
    `    user: ${user}`,
    `  name: ${context}`,
    `current-context: ${context}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${user}`,
    '  user:',
    ...fields.map((f) => `    ${f}: ${userData[f]}`),
    '',
  ].join('\n');
}

/** Write the kubeconfig files of one machine. */
export function writeKubeconfigs(fs: FileSystem, node: string, controlPlane: boolean): void {
  const kubelet = { 'client-certificate': '/var/lib/kubelet/pki/kubelet-client-current.pem', 'client-key': '/var/lib/kubelet/pki/kubelet-client-current.pem' };
  if (controlPlane) {
    const admin = kubeconfigText(ADMIN_USER, certUser(ADMIN_USER));
    fs.write('/etc/kubernetes/admin.conf', admin);
    // The components' own kubeconfigs (with their certificate filler) are made when first read.
    fs.writeLazy('/etc/kubernetes/super-admin.conf', () => kubeconfigText('kubernetes-super-admin', certUser('kubernetes-super-admin')));
    fs.writeLazy('/etc/kubernetes/controller-manager.conf', () => kubeconfigText('system:kube-controller-manager', certUser('system:kube-controller-manager')));
    fs.writeLazy('/etc/kubernetes/scheduler.conf', () => kubeconfigText('system:kube-scheduler', certUser('system:kube-scheduler')));
    fs.write('/etc/kubernetes/kubelet.conf', kubeconfigText(`system:node:${node}`, kubelet));
    fs.write('/root/.kube/config', admin);
    return;
  }
  fs.write('/etc/kubernetes/kubelet.conf', kubeconfigText('default-auth', kubelet, 'default-cluster', 'default-context'));
}
