/**
 * What the cheat sheets must carry (issue 7: the exam tips, the imperative commands and generators, the
 * YAML skeleton of each kind, the scheduling and maintenance flows). Each entry is matched against the
 * sheet items the notes mark, so the sheet test fails when a note loses a block (or its `sheet` mark)
 * that the sheets promise. `pending` names what the notes do not have yet: reported, not failed.
 */
import type { SheetItem } from './compose.ts';

export interface Required {
  what: string;
  /** Matches a marked item: a command line (shell) or a manifest's text. */
  match: (item: SheetItem) => boolean;
  pending?: string;
}

const shell = (re: RegExp) => (i: SheetItem) => i.marked && i.block.kind === 'shell' && re.test(i.block.code);
const manifest = (kind: string, field?: RegExp) => (i: SheetItem) =>
  i.marked && i.block.kind === 'manifest' && new RegExp(`^kind:\\s*${kind}\\s*$`, 'm').test(i.block.code) && (!field || field.test(i.block.code));

export const REQUIRED: Required[] = [
  // 시험팁: imperative commands and generators
  { what: 'alias k=kubectl', match: shell(/^alias k=kubectl$/m) },
  { what: 'kubectl run (파드)', match: shell(/^kubectl run \S+ --image=\S+$/m) },
  { what: 'kubectl run … --dry-run=client -o yaml (파드 YAML)', match: shell(/^kubectl run .*--dry-run=client -o yaml/m) },
  { what: 'kubectl create deployment', match: shell(/^kubectl create deployment (?!.*--dry-run)/m) },
  { what: 'kubectl create deployment … --dry-run=client -o yaml', match: shell(/^kubectl create deployment .*--dry-run=client -o yaml/m) },
  { what: 'kubectl expose … --dry-run=client -o yaml (서비스 YAML)', match: shell(/^kubectl expose .*--dry-run=client -o yaml/m) },
  { what: 'kubectl create service … --dry-run=client -o yaml', match: shell(/^kubectl create service .*--dry-run=client -o yaml/m) },
  { what: 'kubectl scale', match: shell(/^kubectl scale /m) },
  { what: 'kubectl create namespace', match: shell(/^kubectl create namespace /m) },
  { what: 'kubectl create configmap', match: shell(/^kubectl create configmap /m) },
  // YAML skeletons of each kind
  { what: 'Pod', match: manifest('Pod') },
  { what: 'ReplicaSet', match: manifest('ReplicaSet') },
  { what: 'Deployment', match: manifest('Deployment') },
  { what: 'Service ClusterIP', match: manifest('Service', /type:\s*ClusterIP/) },
  { what: 'Service NodePort', match: manifest('Service', /type:\s*NodePort/) },
  { what: 'Service LoadBalancer', match: manifest('Service', /type:\s*LoadBalancer/) },
  { what: 'Namespace', match: manifest('Namespace') },
  { what: 'ResourceQuota', match: manifest('ResourceQuota') },
  { what: 'LimitRange', match: manifest('LimitRange') },
  { what: 'DaemonSet', match: manifest('DaemonSet') },
  { what: 'ConfigMap', match: manifest('ConfigMap') },
  { what: 'Secret', match: manifest('Secret') },
  { what: 'tolerations', match: manifest('Pod', /tolerations:/) },
  { what: 'nodeSelector', match: manifest('Pod', /nodeSelector:/) },
  { what: 'node affinity', match: (i) => manifest('Pod', /nodeAffinity:/)(i) || manifest('Deployment', /nodeAffinity:/)(i) },
  { what: 'resources requests/limits', match: manifest('Pod', /limits:/) },
  { what: 'init containers', match: manifest('Pod', /initContainers:/) },
  { what: 'env from ConfigMap/Secret', match: manifest('Pod', /configMapRef:|secretRef:/) },
  // scheduling flow
  { what: 'kubectl taint … (and removing it with -)', match: shell(/^kubectl taint nodes .*-$/m) },
  { what: 'kubectl label nodes', match: shell(/^kubectl label nodes? /m) },
  // maintenance flows
  { what: 'kubectl drain --ignore-daemonsets', match: shell(/^kubectl drain \S+ .*--ignore-daemonsets/m) },
  { what: 'kubectl uncordon', match: shell(/^kubectl uncordon /m) },
  { what: 'kubeadm upgrade plan / apply', match: shell(/^kubeadm upgrade apply v\S+/m) },
  { what: 'kubeadm upgrade node (worker)', match: shell(/^kubeadm upgrade node$/m) },
  { what: 'kubelet upgrade and restart', match: shell(/^systemctl restart kubelet$/m) },
  { what: 'etcdctl snapshot save', match: shell(/^etcdctl .*snapshot save /m) },
  { what: 'etcdutl snapshot restore', match: shell(/^etcdutl snapshot restore /m) },
  { what: 'the etcd manifest pointed at the restored data', match: shell(/etc\/kubernetes\/manifests\/etcd\.yaml/) },
  // lifecycle
  { what: 'kubectl rollout status / undo', match: shell(/^kubectl rollout (status|undo)/m) },
];
