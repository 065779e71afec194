/**
 * What kubeadm and the packages lay down on each machine, besides the static pod manifests
 * (cluster/manifests.ts) and the kubeconfig files (cluster/kubeconfig.ts):
 *   /var/lib/kubelet/config.yaml      KubeletConfiguration written by `kubeadm init/join`
 *                                     (cmd/kubeadm/app/phases/kubelet/config.go; staticPodPath on every node)
 *   /var/lib/kubelet/kubeadm-flags.env  KUBELET_KUBEADM_ARGS (phases/kubelet/flags.go)
 *   /usr/lib/systemd/system/kubelet.service and kubelet.service.d/10-kubeadm.conf
 *                                     (kubernetes/release: cmd/krel/templates/latest/kubelet/kubelet.service,
 *                                      kubeadm/10-kubeadm.conf — the units the pkgs.k8s.io packages install)
 *   /etc/apt/sources.list.d/kubernetes.list  (website: tasks/administer-cluster/kubeadm/change-package-repository.md)
 *   /etc/kubernetes/pki/…              certificate and key files (placeholders: PEM-shaped, not real keys)
 *   /var/lib/etcd/member/…             the etcd data directory (control plane)
 */
import type { FileSystem } from '../shell/fs.ts';
import { PAUSE } from './versions.ts';

export const KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';
export const KUBEADM_FLAGS = '/var/lib/kubelet/kubeadm-flags.env';
export const KUBELET_UNIT = '/usr/lib/systemd/system/kubelet.service';
export const KUBELET_DROPIN = '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf';
export const APT_SOURCE = '/etc/apt/sources.list.d/kubernetes.list';

export function kubeletConfig(staticPodPath = '/etc/kubernetes/manifests'): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: ${staticPodPath}
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

export const KUBEADM_FLAGS_ENV = `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:${PAUSE}"\n`;

export const KUBELET_SERVICE = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

export const KUBEADM_DROPIN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

export function aptSource(minor: string): string {
  return `deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v${minor}/deb/ /\n`;
}

export function etcHosts(node: string, ip: string): string {
  return `127.0.0.1 localhost\n${ip} ${node}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
}

/** systemd-resolved's stub file (systemd 255, /run/systemd/resolve/stub-resolv.conf), no search domain. */
export const RESOLV_CONF = `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
# This is a dynamic resolv.conf file for connecting local clients to the
# internal DNS stub resolver of systemd-resolved. This file lists all
# configured search domains.
#
# Run "resolvectl status" to see details about the uplink DNS servers
# currently in use.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

nameserver 127.0.0.53
options edns0 trust-ad
search .
`;

/** /usr/lib/os-release of Ubuntu 24.04.3 (base-files 13ubuntu10.3). */
export const OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.3 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A PEM block with deterministic filler (the files exist and look right; they are not keys). */
export function pem(kind: string, seed: string, chars = 1024): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let body = '';
  for (let i = 0; i < chars; i++) {
    h = (Math.imul(h ^ (h >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    body += B64[h % 64];
  }
  return `-----BEGIN ${kind}-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${kind}-----\n`;
}

const CONTROL_PLANE_PKI = [
  'apiserver', 'apiserver-etcd-client', 'apiserver-kubelet-client', 'ca', 'front-proxy-ca', 'front-proxy-client',
  'etcd/ca', 'etcd/healthcheck-client', 'etcd/peer', 'etcd/server',
];

/** Lay down the files of one machine (only files that are not there yet). */
export function layDown(fs: FileSystem, node: string, controlPlane: boolean, minor: string, ip = '127.0.1.1'): void {
  const put = (path: string, content: string) => {
    if (!fs.exists(path)) fs.write(path, content);
  };
  // The files of any Ubuntu 24.04 machine (the node's /etc/hosts as a host-network pod sees it, exec.ts).
  put('/etc/hostname', node + '\n');
  put('/etc/hosts', etcHosts(node, ip));
  put('/etc/resolv.conf', RESOLV_CONF);
  put('/etc/os-release', OS_RELEASE);
  // Certificates and keys: filler made when a file is first read (most never are).
  const putPem = (path: string, ...blocks: Parameters<typeof pem>[]) => {
    if (!fs.exists(path)) fs.writeLazy(path, () => blocks.map((b) => pem(...b)).join(''));
  };
  put(KUBELET_CONFIG, kubeletConfig());
  put(KUBEADM_FLAGS, KUBEADM_FLAGS_ENV);
  putPem('/var/lib/kubelet/pki/kubelet.crt', ['CERTIFICATE', `${node}-kubelet-serving`]);
  putPem('/var/lib/kubelet/pki/kubelet.key', ['RSA PRIVATE KEY', `${node}-kubelet-serving-key`, 1588]);
  putPem('/var/lib/kubelet/pki/kubelet-client-current.pem', ['CERTIFICATE', `${node}-kubelet-client`], ['EC PRIVATE KEY', `${node}-kubelet-client-key`, 160]);
  put(KUBELET_UNIT, KUBELET_SERVICE);
  put(KUBELET_DROPIN, KUBEADM_DROPIN);
  put(APT_SOURCE, aptSource(minor));
  put('/etc/apt/keyrings/kubernetes-apt-keyring.gpg', '\u0099\u0001\r\u0004');
  putPem('/etc/kubernetes/pki/ca.crt', ['CERTIFICATE', 'kubernetes-ca']);
  fs.mkdirp('/etc/kubernetes/manifests');
  fs.mkdirp('/var/log/pods');
  // The usual top-level directories of an Ubuntu machine (backups go to /opt in most guides).
  for (const d of ['/opt', '/home', '/mnt', '/srv', '/usr/local/bin', '/var/tmp', '/var/backups']) fs.mkdirp(d);
  if (!controlPlane) return;
  for (const c of CONTROL_PLANE_PKI) {
    putPem(`/etc/kubernetes/pki/${c}.crt`, ['CERTIFICATE', c]);
    putPem(`/etc/kubernetes/pki/${c}.key`, ['RSA PRIVATE KEY', `${c}-key`, 1588]);
  }
  putPem('/etc/kubernetes/pki/sa.key', ['RSA PRIVATE KEY', 'sa-key', 1588]);
  putPem('/etc/kubernetes/pki/sa.pub', ['PUBLIC KEY', 'sa-pub', 392]);
  fs.mkdirp('/etc/kubernetes/tmp');
}
