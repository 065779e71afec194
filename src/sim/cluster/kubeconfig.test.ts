import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serializeKubeconfig } from '../kubectl/kubeconfig.ts';
import { ADMIN_USER, config, kubeconfigText } from './kubeconfig.ts';

// The boot writes the machines' kubeconfigs from a template; it must be the text the YAML emitter
// gives (clientcmd.Write), for every file kubeadm leaves and for unusual names (which fall back).
test('kubeconfigText is serializeKubeconfig(config(...))', () => {
  const kubelet = { 'client-certificate': '/var/lib/kubelet/pki/kubelet-client-current.pem', 'client-key': '/var/lib/kubelet/pki/kubelet-client-current.pem' };
  const certs = { 'client-certificate-data': 'LS0tLS1CRUdJTiBDRVJU+/abc=', 'client-key-data': 'LS0tLS1CRUdJTiBSU0Eg==' };
  const cases: [string, Record<string, string>, string?, string?][] = [
    [ADMIN_USER, certs],
    ['kubernetes-super-admin', certs],
    ['system:kube-controller-manager', certs],
    ['system:kube-scheduler', certs],
    ...['controlplane', 'node01', 'cp-1.example.com', '1node', 'yes', 'true', 'Node'].map((n): [string, Record<string, string>] => [`system:node:${n}`, kubelet]),
    ['default-auth', kubelet, 'default-cluster', 'default-context'],
    ['yes', kubelet, 'on', 'null'],
    ['a b', kubelet],
    ['x', { token: 'abc' }],
    ['x', { 'client-key': '/k', 'client-certificate': '/c' }],
  ];
  for (const [user, data, cluster, context] of cases) {
    assert.equal(kubeconfigText(user, data, cluster, context), serializeKubeconfig(config(user, data, cluster, context)), `${user} ${cluster ?? ''} ${context ?? ''}`);
  }
});
