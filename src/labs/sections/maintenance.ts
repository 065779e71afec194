/**
 * Labs of the section "클러스터 유지보수" (notes 49–54): drain, cordon and uncordon, the version skew
 * policy, kubeadm upgrades (patch and minor, control plane and workers), etcd backup and restore,
 * backing up resource configuration.
 */
import type { Check, Obj } from '../check.ts';
import { ANSWERS, readyReplicas } from '../check.ts';
import { NodeWorld } from '../../sim/node/world.ts';
import { josa } from '../josa.ts';
import type { Lab } from '../types.ts';

const ETCD_FLAGS = '--endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

/** Pods on a node that a drain has to move: not DaemonSet pods, not mirror (static) pods, not finished. */
function movablePods(c: Check, node: string): Obj[] {
  return c
    .list('pod')
    .filter((p) => p.spec?.nodeName === node && !p.metadata.deletionTimestamp)
    .filter((p) => !(p.metadata.ownerReferences ?? []).some((o: Obj) => o.kind === 'DaemonSet'))
    .filter((p) => !p.metadata.annotations?.['kubernetes.io/config.mirror'])
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

function unschedulable(node: Obj | undefined): boolean {
  return node?.spec?.unschedulable === true;
}

function kubeletVersion(node: Obj | undefined): string {
  return node?.status?.nodeInfo?.kubeletVersion ?? '';
}

/** `kubeadm upgrade apply` is done: the control plane's static pods run `version`. */
function controlPlaneAt(c: Check, version: string): void {
  for (const comp of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    const img = c.get('pod', `${comp}-controlplane`, 'kube-system')?.spec?.containers?.[0]?.image ?? '';
    if (!img.endsWith(`:${version}`)) c.fail(`${comp}가 ${version}이 아닙니다 (현재 이미지: ${img || '없음'})`);
  }
}

/** A node upgraded to the end: its kubelet reports `version`, it is uncordoned, and it is Ready. */
function nodeUpgraded(c: Check, name: string, version: string): void {
  const node = c.need('node', name);
  if (!node) return;
  c.expect(kubeletVersion(node) === version, `${name}의 kubelet이 ${version}이 아닙니다 (현재: ${kubeletVersion(node)})`);
  c.expect(!unschedulable(node), `${name} 노드가 아직 SchedulingDisabled입니다 (uncordon하지 않았습니다)`);
  c.expect(c.nodeReady(node), `${name} 노드가 Ready가 아닙니다`);
}

/** Nodes the task leaves alone still run `version`. */
function nodesLeftAt(c: Check, names: string[], version: string): void {
  for (const n of names) {
    const node = c.get('node', n);
    if (node && kubeletVersion(node) !== version) c.fail(`${josa(n, '은/는')} 이번에 올리지 않아야 합니다 (현재: ${kubeletVersion(node)})`);
  }
}

const UPGRADE_CP_135 = `apt-mark unhold kubeadm
apt-get update
apt-get install -y kubeadm='1.35.1-1.1'
apt-mark hold kubeadm
kubeadm upgrade apply v1.35.1 -y
kubectl drain controlplane --ignore-daemonsets
apt-mark unhold kubelet kubectl
apt-get install -y kubelet='1.35.1-1.1' kubectl='1.35.1-1.1'
apt-mark hold kubelet kubectl
systemctl daemon-reload
systemctl restart kubelet
kubectl uncordon controlplane`;

export const labs: Lab[] = [
  {
    id: 'drain',
    section: 'maintenance',
    title: 'OS 업그레이드 전에 노드 비우기',
    notes: ['49-os-upgrades'],
    domain: 'architecture',
    setup: `kubectl create deployment blue --image=nginx --replicas=4
kubectl rollout status deployment/blue`,
    task: '`node01`의 OS를 업그레이드하려 한다. 작업 전에 `node01`을 비운다: 새 파드가 오지 않게 하고, 떠 있는 파드는 다른 노드로 옮긴다. 디플로이먼트 `blue`의 파드 4개는 계속 준비되어 있어야 한다.',
    hints: ['`kubectl drain node01`. 데몬셋 파드(kube-proxy 등) 때문에 멈추면 `--ignore-daemonsets`를 붙인다.', '드레인하면 노드가 `SchedulingDisabled`가 되고, 디플로이먼트 파드는 다른 노드에 다시 뜬다.'],
    solution: 'kubectl drain node01 --ignore-daemonsets',
    check(c) {
      const node = c.need('node', 'node01');
      if (node) c.expect(unschedulable(node), 'node01 노드가 아직 스케줄 가능합니다 (cordon/drain되지 않았습니다)');
      const left = movablePods(c, 'node01');
      if (left.length) c.fail(`node01에 아직 옮겨지지 않은 파드가 있습니다: ${left.map((p) => p.metadata.name).join(', ')}`);
      const d = c.need('deployment', 'blue');
      if (d) c.expect(readyReplicas(d) === 4, `blue 디플로이먼트의 준비된 파드가 4개가 아닙니다 (현재: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'uncordon',
    section: 'maintenance',
    title: '작업이 끝난 노드 되돌리기',
    notes: ['49-os-upgrades'],
    domain: 'architecture',
    setup: `kubectl create deployment blue --image=nginx --replicas=3
kubectl rollout status deployment/blue
kubectl drain node01 --ignore-daemonsets`,
    task: '`node01`의 유지보수가 끝났다. `node01`에 다시 파드가 스케줄될 수 있게 한다.',
    hints: ['`kubectl get nodes`의 `SchedulingDisabled`를 없애려면 `kubectl uncordon node01`.', 'uncordon해도 이미 다른 노드로 옮겨 간 파드가 돌아오지는 않는다. 새 파드부터 다시 온다.'],
    solution: 'kubectl uncordon node01',
    check(c) {
      const node = c.need('node', 'node01');
      if (node) c.expect(!unschedulable(node), 'node01 노드가 아직 SchedulingDisabled입니다');
    },
  },
  {
    id: 'cordon',
    section: 'maintenance',
    title: '파드는 두고 스케줄링만 막기',
    notes: ['49-os-upgrades'],
    domain: 'architecture',
    setup: `cat <<'EOF' > /root/hr-app.yaml
apiVersion: v1
kind: Pod
metadata:
  name: hr-app
  labels:
    app: hr-app
spec:
  nodeName: node02
  containers:
  - name: hr-app
    image: kodekloud/webapp-color
EOF
kubectl apply -f /root/hr-app.yaml
sleep 10`,
    task: '`node02`에는 옮기면 안 되는 중요한 파드 `hr-app`이 떠 있다. `hr-app`은 그대로 두고, `node02`에 새 파드가 더는 스케줄되지 않게만 한다.',
    hints: ['`drain`은 파드를 내쫓는다(관리되지 않는 파드는 `--force`로 지워 버린다). 스케줄링만 막는 것은 `kubectl cordon`.'],
    solution: 'kubectl cordon node02',
    check(c) {
      const node = c.need('node', 'node02');
      if (node) c.expect(unschedulable(node), 'node02 노드가 아직 스케줄 가능합니다');
      const pod = c.get('pod', 'hr-app');
      if (!pod) c.fail('hr-app 파드가 사라졌습니다 — 지우지 말고 그대로 둬야 합니다');
      else if (c.expect(pod.spec?.nodeName === 'node02', 'hr-app 파드는 node02에 그대로 있어야 합니다')) c.running(pod);
    },
  },
  {
    id: 'drain-force',
    section: 'maintenance',
    title: '관리되지 않는 파드가 있는 노드 드레인',
    notes: ['49-os-upgrades'],
    domain: 'troubleshooting',
    setup: `kubectl create deployment web --image=nginx --replicas=2
cat <<'EOF' > /root/lone.yaml
apiVersion: v1
kind: Pod
metadata:
  name: lone
spec:
  nodeName: node01
  containers:
  - name: lone
    image: busybox
    command: ["sleep", "3600"]
EOF
kubectl apply -f /root/lone.yaml
kubectl rollout status deployment/web
sleep 5`,
    task: '`node01`을 당장 비워야 한다. `node01`에 있는 `lone` 파드는 컨트롤러가 관리하지 않는 파드라서 없어져도 된다고 팀과 합의했다. `node01`을 드레인해서 데몬셋 파드 말고는 아무것도 남지 않게 한다.',
    hints: ['그냥 드레인하면 `cannot delete Pods that declare no controller (use --force to override)`로 멈춘다.', '`kubectl drain node01 --ignore-daemonsets --force`. 컨트롤러가 없는 파드는 다른 곳에 다시 뜨지 않고 그냥 사라진다.'],
    solution: 'kubectl drain node01 --ignore-daemonsets --force',
    settleMs: 45_000,
    check(c) {
      const node = c.need('node', 'node01');
      if (node) c.expect(unschedulable(node), 'node01 노드가 아직 스케줄 가능합니다');
      const left = movablePods(c, 'node01');
      if (left.length) c.fail(`node01에 아직 파드가 남아 있습니다: ${left.map((p) => p.metadata.name).join(', ')}`);
      const d = c.need('deployment', 'web');
      if (d) c.expect(readyReplicas(d) === 2, `web 디플로이먼트의 준비된 파드가 2개가 아닙니다 (현재: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'version-skew',
    section: 'maintenance',
    title: '허용되는 버전 차이',
    notes: ['50-kubernetes-versions-and-skew'],
    domain: 'architecture',
    setup: ANSWERS,
    task: `kube-apiserver가 \`v1.35\`일 때, 버전 차이 정책(version skew policy)으로 허용되는 가장 낮은 마이너 버전을 적는다 (예: \`1.30\`).

- kube-controller-manager, kube-scheduler: \`/opt/answers/skew-controller.txt\`
- kubelet: \`/opt/answers/skew-kubelet.txt\`
- kubectl: \`/opt/answers/skew-kubectl.txt\``,
    hints: ['컨트롤러 매니저와 스케줄러는 API 서버보다 한 마이너 버전까지 낮을 수 있다.', 'kubelet은 v1.28부터 세 마이너 버전까지 낮을 수 있다(노트 50의 표). kubectl은 위아래로 한 단계.'],
    solution: `echo 1.34 > /opt/answers/skew-controller.txt
echo 1.32 > /opt/answers/skew-kubelet.txt
echo 1.34 > /opt/answers/skew-kubectl.txt`,
    check(c) {
      const norm = (s: string) => s.trim().replace(/^v/, '').replace(/^(\d+\.\d+)\.\d+$/, '$1');
      c.answerIs('/opt/answers/skew-controller.txt', '1.34', norm);
      c.answerIs('/opt/answers/skew-kubelet.txt', '1.32', norm);
      c.answerIs('/opt/answers/skew-kubectl.txt', '1.34', norm);
    },
  },
  {
    id: 'upgrade-plan',
    section: 'maintenance',
    title: '업그레이드 계획 읽기',
    notes: ['52-kubeadm-upgrade', '51-cluster-upgrade-process'],
    domain: 'architecture',
    setup: ANSWERS,
    task: `업그레이드하기 전에 클러스터를 살펴본다.

- 지금 클러스터(컨트롤 플레인) 버전을 \`/opt/answers/current-version.txt\`에 적는다 (예: \`v1.30.0\`).
- 워커 노드 중 지금 파드를 스케줄할 수 있는 노드는 몇 대인지(\`Ready\`이고 테인트가 없는 노드) \`/opt/answers/schedulable-workers.txt\`에 적는다.
- 컨트롤 플레인이 쿠버네티스 패키지(kubeadm, kubelet, kubectl)를 받는 apt 저장소 주소(\`/etc/apt/sources.list.d/kubernetes.list\`의 \`https://…/\` 부분)를 \`/opt/answers/repo.txt\`에 적는다.`,
    hints: ['`kubeadm upgrade plan`이나 `kubectl version`, `kubectl get nodes`로 버전을 본다.', '`kubectl describe nodes | grep Taints`', '`cat /etc/apt/sources.list.d/kubernetes.list`'],
    solution: `kubeadm upgrade plan
kubectl version | grep Server | cut -d' ' -f3 > /opt/answers/current-version.txt
echo 2 > /opt/answers/schedulable-workers.txt
grep -o 'https://[^ ]*/' /etc/apt/sources.list.d/kubernetes.list > /opt/answers/repo.txt`,
    check(c) {
      const api = c.get('pod', 'kube-apiserver-controlplane', 'kube-system');
      const v = String(api?.spec?.containers?.[0]?.image ?? '').split(':').pop() ?? '';
      c.answerIs('/opt/answers/current-version.txt', v, (s) => s.trim().replace(/^v?/, 'v'));
      const workers = c.list('node').filter((n) => !('node-role.kubernetes.io/control-plane' in (n.metadata?.labels ?? {})));
      const ok = workers.filter((n) => c.nodeReady(n) && !unschedulable(n) && !c.taints(n).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
      c.answerIs('/opt/answers/schedulable-workers.txt', String(ok.length));
      const list = c.file('/etc/apt/sources.list.d/kubernetes.list') ?? '';
      const repo = /(https:\/\/\S+)/.exec(list)?.[1] ?? '(없음)';
      c.answerIs('/opt/answers/repo.txt', [repo, repo.replace(/\/$/, '')], (s) => s.trim().replace(/\/$/, ''));
    },
  },
  {
    id: 'upgrade-controlplane',
    section: 'maintenance',
    title: '컨트롤 플레인 패치 업그레이드',
    notes: ['52-kubeadm-upgrade', '51-cluster-upgrade-process'],
    domain: 'architecture',
    setup: '',
    task: `컨트롤 플레인 노드 \`controlplane\`을 \`v1.35.0\`에서 \`v1.35.1\`로 업그레이드한다.

- kubeadm으로 컨트롤 플레인 컴포넌트를 \`v1.35.1\`로 올린다.
- \`controlplane\`의 kubelet과 kubectl도 \`1.35.1\`로 올린다 (드레인하고, 끝나면 다시 스케줄 가능하게).
- 워커 노드는 이번에는 올리지 않는다.`,
    hints: ['순서: `apt-mark unhold kubeadm` → `apt-get update` → `apt-get install -y kubeadm=\'1.35.1-1.1\'` → `apt-mark hold kubeadm` → `kubeadm upgrade plan` → `kubeadm upgrade apply v1.35.1 -y`.', '그다음 `kubectl drain controlplane --ignore-daemonsets`, kubelet·kubectl 패키지를 같은 방법으로 올리고 `systemctl daemon-reload`, `systemctl restart kubelet`, `kubectl uncordon controlplane`.'],
    solution: UPGRADE_CP_135,
    settleMs: 30_000,
    check(c) {
      controlPlaneAt(c, 'v1.35.1');
      nodeUpgraded(c, 'controlplane', 'v1.35.1');
      nodesLeftAt(c, ['node01', 'node02'], 'v1.35.0');
    },
  },
  {
    id: 'upgrade-worker',
    section: 'maintenance',
    title: '워커 노드 업그레이드',
    notes: ['52-kubeadm-upgrade', '51-cluster-upgrade-process', '49-os-upgrades'],
    domain: 'architecture',
    setup: `${UPGRADE_CP_135}
kubectl create deployment web --image=nginx --replicas=2`,
    task: `컨트롤 플레인은 이미 \`v1.35.1\`로 올렸다. 이제 워커 노드 \`node01\`을 \`v1.35.1\`로 올린다.

- 작업하는 동안 \`node01\`의 파드를 다른 노드로 옮기고, 끝나면 다시 스케줄 가능하게 한다.
- \`node02\`는 이번에 올리지 않는다.`,
    hints: ['`ssh node01`에서 kubeadm 패키지를 올리고 `kubeadm upgrade node`.', '컨트롤 플레인에서 `kubectl drain node01 --ignore-daemonsets`, 다시 `node01`에서 kubelet·kubectl 패키지를 올리고 `systemctl daemon-reload`, `systemctl restart kubelet`.', '마지막으로 컨트롤 플레인에서 `kubectl uncordon node01`.'],
    solution: `ssh node01
apt-mark unhold kubeadm
apt-get update
apt-get install -y kubeadm='1.35.1-1.1'
apt-mark hold kubeadm
kubeadm upgrade node
exit
kubectl drain node01 --ignore-daemonsets
ssh node01
apt-mark unhold kubelet kubectl
apt-get install -y kubelet='1.35.1-1.1' kubectl='1.35.1-1.1'
apt-mark hold kubelet kubectl
systemctl daemon-reload
systemctl restart kubelet
exit
kubectl uncordon node01`,
    settleMs: 30_000,
    check(c) {
      nodeUpgraded(c, 'node01', 'v1.35.1');
      nodesLeftAt(c, ['node02'], 'v1.35.0');
      const d = c.need('deployment', 'web');
      if (d) c.expect(readyReplicas(d) === 2, `web 디플로이먼트의 준비된 파드가 2개가 아닙니다 (현재: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'upgrade-minor',
    section: 'maintenance',
    title: '마이너 버전 업그레이드 (저장소 바꾸기)',
    notes: ['52-kubeadm-upgrade', '50-kubernetes-versions-and-skew'],
    domain: 'architecture',
    version: 'v1.34.3',
    setup: '',
    task: `이 클러스터는 \`v1.34.3\`이다. 컨트롤 플레인 노드 \`controlplane\`을 \`v1.35.1\`로 올린다 (컨트롤 플레인 컴포넌트, kubelet, kubectl).

- pkgs.k8s.io는 마이너 버전마다 저장소가 따로 있다. 먼저 apt 저장소를 \`v1.35\`로 바꿔야 새 kubeadm이 보인다.
- 끝나면 \`controlplane\`은 다시 스케줄 가능해야 한다. 워커 노드는 올리지 않는다.`,
    hints: ['`cat /etc/apt/sources.list.d/kubernetes.list`를 보고 `sed -i \'s/v1.34/v1.35/\'`로 바꾼 뒤 `apt-get update`, `apt-cache madison kubeadm`.', '그다음은 패치 업그레이드와 같다: kubeadm 설치 → `kubeadm upgrade apply v1.35.1 -y` → drain → kubelet·kubectl → daemon-reload, restart → uncordon.'],
    solution: `sed -i 's/v1.34/v1.35/' /etc/apt/sources.list.d/kubernetes.list
${UPGRADE_CP_135}`,
    settleMs: 30_000,
    check(c) {
      controlPlaneAt(c, 'v1.35.1');
      nodeUpgraded(c, 'controlplane', 'v1.35.1');
      nodesLeftAt(c, ['node01', 'node02'], 'v1.34.3');
    },
  },
  {
    id: 'etcd-backup',
    section: 'maintenance',
    title: 'etcd 스냅샷 백업',
    notes: ['54-backup', '14-etcd', '05-etcd-overview'],
    domain: 'architecture',
    setup: `kubectl create deployment blue --image=nginx --replicas=2
kubectl create deployment red --image=nginx --replicas=2
sleep 10`,
    task: '클러스터의 etcd를 스냅샷으로 백업해서 `/opt/snapshot-pre-boot.db`에 저장한다. 스냅샷에는 지금 있는 디플로이먼트 `blue`와 `red`가 들어 있어야 한다.',
    hints: ['`etcdctl snapshot save <파일>`. kubeadm의 etcd는 TLS로만 받으므로 `--endpoints`, `--cacert`, `--cert`, `--key`를 준다.', '인증서 경로는 `/etc/kubernetes/manifests/etcd.yaml`의 `--trusted-ca-file`, `--cert-file`, `--key-file`.', '`etcdutl snapshot status /opt/snapshot-pre-boot.db -w table`로 확인한다.'],
    solution: `etcdctl ${ETCD_FLAGS} snapshot save /opt/snapshot-pre-boot.db
etcdutl snapshot status /opt/snapshot-pre-boot.db -w table`,
    check(c) {
      const text = c.file('/opt/snapshot-pre-boot.db');
      if (text === undefined) {
        c.fail('스냅샷 파일이 없습니다: /opt/snapshot-pre-boot.db');
        return;
      }
      const data = NodeWorld.of(c.cluster)?.snapshotIn(text);
      if (!data) {
        c.fail('/opt/snapshot-pre-boot.db는 etcd 스냅샷이 아닙니다');
        return;
      }
      const keys = new Set(data.snapshot.entries.map((e) => e.key));
      for (const d of ['blue', 'red']) if (!keys.has(`/registry/deployments/default/${d}`)) c.fail(`스냅샷에 ${d} 디플로이먼트가 없습니다 (디플로이먼트를 만들기 전에 찍은 스냅샷입니다)`);
    },
  },
  {
    id: 'etcd-restore',
    section: 'maintenance',
    title: 'etcd 스냅샷으로 복원',
    notes: ['54-backup', '14-etcd', '40-static-pods'],
    domain: 'troubleshooting',
    setup: `kubectl create deployment blue --image=nginx --replicas=2
kubectl create deployment red --image=nginx --replicas=2
sleep 10
etcdctl ${ETCD_FLAGS} snapshot save /opt/snapshot-pre-boot.db
kubectl delete deployment blue red
kubectl create deployment oops --image=nginx
sleep 10`,
    task: `누군가 디플로이먼트 \`blue\`와 \`red\`를 지워 버렸다. 다행히 그 전에 찍어 둔 etcd 스냅샷 \`/opt/snapshot-pre-boot.db\`가 있다.

스냅샷을 새 데이터 디렉터리 \`/var/lib/etcd-from-backup\`에 복원하고, etcd가 그 디렉터리를 쓰게 해서 클러스터를 스냅샷 시점으로 되돌린다. \`blue\`와 \`red\`의 파드가 다시 떠야 한다.`,
    hints: ['`etcdutl snapshot restore /opt/snapshot-pre-boot.db --data-dir /var/lib/etcd-from-backup`', 'etcd는 스태틱 파드다. `/etc/kubernetes/manifests/etcd.yaml`에서 데이터 볼륨(`hostPath`)의 `path`를 새 디렉터리로 바꾸면 kubelet이 etcd를 다시 띄운다.', 'etcd와 API 서버가 다시 뜰 때까지 1분쯤 걸린다. `kubectl get deploy`가 답할 때까지 기다린다.'],
    solution: `etcdutl snapshot restore /opt/snapshot-pre-boot.db --data-dir /var/lib/etcd-from-backup
sed -i 's|path: /var/lib/etcd$|path: /var/lib/etcd-from-backup|' /etc/kubernetes/manifests/etcd.yaml
sleep 60`,
    settleMs: 60_000,
    check(c) {
      // Read as YAML, as the kubelet does: a quoted path or a trailing slash is the same directory.
      const etcd = (c.manifests('/etc/kubernetes/manifests/etcd.yaml') ?? []).find((o) => o.kind === 'Pod');
      const hostPaths = ((etcd?.spec?.volumes ?? []) as { hostPath?: { path?: unknown } }[]).map((v) => String(v.hostPath?.path ?? '').replace(/\/+$/, ''));
      c.expect(hostPaths.includes('/var/lib/etcd-from-backup'), 'etcd 매니페스트의 데이터 볼륨이 /var/lib/etcd-from-backup을 가리키지 않습니다');
      const fs = c.cluster.machines.get('controlplane');
      c.expect(!!fs?.exists('/var/lib/etcd-from-backup/member'), '/var/lib/etcd-from-backup에 복원된 데이터(member)가 없습니다');
      if (!c.cluster.server.up) {
        c.fail('API 서버가 아직 응답하지 않습니다');
        return;
      }
      for (const d of ['blue', 'red']) {
        const dep = c.need('deployment', d);
        if (dep) c.expect(readyReplicas(dep) === 2, `${d} 디플로이먼트의 준비된 파드가 2개가 아닙니다 (현재: ${readyReplicas(dep)})`);
      }
      if (c.get('deployment', 'oops')) c.fail('oops 디플로이먼트가 남아 있습니다 — 스냅샷 시점으로 되돌아가지 않았습니다');
    },
  },
  {
    id: 'backup-resources',
    section: 'maintenance',
    title: '리소스 설정 백업하기',
    notes: ['54-backup'],
    domain: 'architecture',
    setup: `mkdir -p /opt/backup
kubectl create namespace shop
kubectl create deployment web --image=nginx -n shop
kubectl create deployment cart --image=redis -n shop
kubectl create deployment api --image=kodekloud/webapp-color`,
    task: '모든 네임스페이스의 디플로이먼트 정의를 YAML 한 파일로 `/opt/backup/deployments.yaml`에 백업한다. 나중에 `kubectl apply -f`로 되살릴 수 있어야 한다.',
    hints: ['`kubectl get deployments -A -o yaml > /opt/backup/deployments.yaml` (여러 개면 `kind: List`로 묶인다).'],
    solution: 'kubectl get deployments -A -o yaml > /opt/backup/deployments.yaml',
    check(c) {
      const docs = c.manifests('/opt/backup/deployments.yaml');
      if (!docs) return;
      const items = docs.flatMap((d) => (d.kind === 'List' || d.kind === 'DeploymentList' ? ((d.items ?? []) as Obj[]) : [d])).filter((o) => o?.kind === 'Deployment');
      const have = new Set(items.map((o) => `${o.metadata?.namespace ?? 'default'}/${o.metadata?.name}`));
      const missing = c.list('deployment').map((d) => `${d.metadata.namespace}/${d.metadata.name}`).filter((k) => !have.has(k));
      if (missing.length) c.fail(`백업 파일에 빠진 디플로이먼트가 있습니다: ${missing.join(', ')}`);
    },
  },
];
