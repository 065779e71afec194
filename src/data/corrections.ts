/**
 * Every correction made to the source notes for Kubernetes v1.35 (issue 8), with its sources. Read by
 * the corrections page (src/pages/corrections.astro); src/data/corrections.test.ts checks that every
 * "바뀐 점"/"바로잡음" note in the notes has an entry here and every entry points at a real note.
 *
 * kind: 'changed' — Kubernetes (or its tools) changed since the notes were written;
 *       'fixed'   — the notes were inaccurate whatever the version.
 * note: the exact title of the <Note kind="changed"> on the page, or undefined when the statement was
 *       corrected inline in the text (a short parenthetical) without a separate note.
 */
export interface Source {
  label: string;
  url: string;
}

export interface Correction {
  slug: string;
  kind: 'changed' | 'fixed';
  note?: string;
  /** What the notes said. */
  before: string;
  /** What is true for v1.35. */
  after: string;
  /** Version or date of the change ('changed' only). */
  since?: string;
  sources: Source[];
}

const K = 'https://kubernetes.io/docs';
const PR = (n: number) => ({ label: `kubernetes/kubernetes PR #${n}`, url: `https://github.com/kubernetes/kubernetes/pull/${n}` });

export const CORRECTIONS: Correction[] = [
  {
    slug: '04-control-plane',
    kind: 'changed',
    note: '바뀐 점: 마스터 → 컨트롤 플레인 (kubeadm v1.20~v1.25)',
    before: '마스터 노드',
    after: '컨트롤 플레인 노드. kubeadm은 node-role.kubernetes.io/control-plane 레이블(v1.20부터)과 테인트(v1.25부터 이것 하나)만 쓴다.',
    since: 'kubeadm v1.20 레이블 추가, v1.24 master 레이블 제거, v1.25 master 테인트 제거',
    sources: [
      { label: 'KEP-2067: Rename the kubeadm "master" label and taint', url: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-cluster-lifecycle/kubeadm/2067-rename-master-label-taint' },
      PR(110095),
      { label: 'Well-Known Labels, Annotations and Taints', url: `${K}/reference/labels-annotations-taints/#node-role-kubernetes-io-control-plane-taint` },
    ],
  },
  {
    slug: '07-controller-manager-overview',
    kind: 'fixed',
    before: '컨테이너가 손상되면 새 컨테이너를 준비 / 레플리케이션컨트롤러가 원하는 수의 "컨테이너"를 실행',
    after: '컨트롤러는 파드를 새로 만들고 파드 수를 센다(같은 파드 안 컨테이너의 재시작은 kubelet이 한다). 지금은 레플리카셋과 디플로이먼트를 주로 쓴다.',
    sources: [
      { label: 'ReplicationController', url: `${K}/concepts/workloads/controllers/replicationcontroller/` },
      { label: 'Pod Lifecycle: Container restart policy', url: `${K}/concepts/workloads/pods/pod-lifecycle/#restart-policy` },
    ],
  },
  {
    slug: '08-kube-apiserver-overview',
    kind: 'fixed',
    note: '바로잡음: 상태는 kubelet이 보낸다',
    before: 'API 서버가 주기적으로 kubelet으로부터 상태 정보를 가져옴',
    after: 'kubelet이 API 서버에 보고한다. 하트비트는 kube-node-lease의 Lease(기본 10초마다)와 노드 .status(바뀔 때나 기본 5분마다).',
    sources: [
      { label: 'Nodes: Heartbeats', url: `${K}/concepts/architecture/nodes/#heartbeats` },
      { label: 'Leases: Node heartbeats', url: `${K}/concepts/architecture/leases/#node-heart-beats` },
    ],
  },
  {
    slug: '09-container-runtime',
    kind: 'changed',
    note: '바뀐 점: dockershim 제거 (v1.24)',
    before: '모든 노드에는 도커가 설치되어 있음 / dockershim은 "나중에 알아보자"',
    after: '노드의 런타임은 CRI를 구현한 containerd나 CRI-O. 도커 엔진은 cri-dockerd가 있어야 쓸 수 있다. 노드에서는 crictl로 본다.',
    since: 'v1.24',
    sources: [
      { label: 'Migrating from dockershim', url: `${K}/tasks/administer-cluster/migrating-from-dockershim/` },
      { label: 'Container Runtimes', url: `${K}/setup/production-environment/container-runtimes/` },
      { label: 'Kubernetes v1.35 release blog (last release supporting containerd 1.x)', url: 'https://kubernetes.io/blog/2025/12/17/kubernetes-v1-35-release/' },
    ],
  },
  {
    slug: '11-kube-proxy-overview',
    kind: 'fixed',
    note: '바로잡음: 파드끼리의 통신은 CNI, 서비스는 kube-proxy',
    before: '다른 노드의 파드끼리 통신하게 해 주는 게 kube-proxy',
    after: '파드 IP끼리의 통신은 CNI 플러그인이 만든 파드 네트워크가 맡고, kube-proxy는 서비스 IP로 온 트래픽만 파드로 보낸다.',
    sources: [
      { label: 'Cluster Networking', url: `${K}/concepts/cluster-administration/networking/` },
      { label: 'Virtual IPs and Service Proxies', url: `${K}/reference/networking/virtual-ips/` },
    ],
  },
  {
    slug: '13-worker-node-components',
    kind: 'changed',
    note: '바뀐 점: 도커 → containerd·CRI-O (v1.24)',
    before: '컨테이너 엔진(도커 같은 거), kubelet이 kube-proxy를 관리',
    after: 'CRI 런타임(containerd, CRI-O). kube-proxy는 데몬셋 파드로 뜨고 kubelet은 다른 파드처럼 실행할 뿐이다.',
    since: 'v1.24',
    sources: [{ label: 'Migrating from dockershim', url: `${K}/tasks/administer-cluster/migrating-from-dockershim/` }],
  },
  {
    slug: '14-etcd',
    kind: 'changed',
    note: '바뀐 점: etcdctl은 v3 API만 (etcd 3.4부터 기본, 3.6에서 v2 제거)',
    before: '저장하려면 ./etcdctl set key1 value1',
    after: 'etcdctl put key1 value1 (v3 API). ETCDCTL_API=3도 필요 없다. kubeadm의 etcd에는 --endpoints와 인증서 세 개를 준다.',
    since: 'etcd 3.4(기본 v3), etcd 3.6(v2 제거). kubeadm v1.35는 etcd 3.6',
    sources: [
      { label: 'etcd CHANGELOG-3.4 (ETCDCTL_API defaults to 3)', url: 'https://github.com/etcd-io/etcd/blob/main/CHANGELOG/CHANGELOG-3.4.md' },
      { label: 'etcd CHANGELOG-3.6 (v2 API removed)', url: 'https://github.com/etcd-io/etcd/blob/main/CHANGELOG/CHANGELOG-3.6.md' },
      { label: 'Operating etcd clusters for Kubernetes', url: `${K}/tasks/administer-cluster/configure-upgrade-etcd/` },
    ],
  },
  {
    slug: '15-kube-apiserver',
    kind: 'fixed',
    note: '바로잡음: 6~8단계는 watch와 바인딩',
    before: '스케줄러가 올바른 노드에 새 파드를 넣어 주고, API 서버가 kubelet에게 알려 준다',
    after: '스케줄러는 API 서버에 바인딩(nodeName 기록)만 요청하고, kubelet은 API 서버를 watch하다 자기 노드의 파드를 가져간다.',
    sources: [
      { label: 'Kubernetes Scheduler (binding)', url: `${K}/concepts/scheduling-eviction/kube-scheduler/` },
      { label: 'Kubernetes API concepts: efficient detection of changes (watch)', url: `${K}/reference/using-api/api-concepts/#efficient-detection-of-changes` },
    ],
  },
  {
    slug: '16-kube-controller-manager',
    kind: 'changed',
    note: '바뀐 점: Node Monitor Grace Period 40초 → 50초 (v1.32부터)',
    before: 'Node Monitor Grace Period = 40s',
    after: '--node-monitor-grace-period 기본값 50s',
    since: 'v1.32',
    sources: [PR(126287), { label: 'kube-controller-manager reference', url: `${K}/reference/command-line-tools-reference/kube-controller-manager/` }],
  },
  {
    slug: '16-kube-controller-manager',
    kind: 'changed',
    note: '바뀐 점: POD Eviction Timeout 대신 테인트 기반 축출 (v1.18 GA, 플래그는 v1.27에서 제거)',
    before: '파드가 다시 뜰 때까지 5분 (POD Eviction Timeout = 5m)',
    after: '노드에 node.kubernetes.io/unreachable(또는 not-ready):NoExecute 테인트가 붙고, 파드의 기본 톨러레이션 tolerationSeconds: 300이 끝나면 축출된다.',
    since: '테인트 기반 축출 v1.18 GA, --pod-eviction-timeout은 v1.26 사용 중단·v1.27 제거',
    sources: [
      { label: 'Taints and Tolerations: Taint based Evictions', url: `${K}/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions` },
      PR(113710),
      PR(115840),
    ],
  },
  {
    slug: '16-kube-controller-manager',
    kind: 'fixed',
    before: '노드 컨트롤러가 5초마다 API 서버에 노드 상태를 물어본다',
    after: '노드 컨트롤러는 kubelet이 올려 둔 하트비트(Lease, 노드 상태)를 5초마다(--node-monitor-period) 확인한다.',
    sources: [{ label: 'Nodes: Node controller', url: `${K}/concepts/architecture/nodes/#node-controller` }],
  },
  {
    slug: '19-kube-proxy',
    kind: 'changed',
    note: '바뀐 점: 파드 네트워크는 CNI, kube-proxy 모드는 셋 (nftables v1.33 GA, ipvs v1.35 사용 중단)',
    before: 'kube-proxy가 파드 네트워크를 통신하게 해 줌 / iptables 규칙을 이용함',
    after: '파드 네트워크는 CNI. kube-proxy 모드는 iptables(리눅스 기본), nftables(v1.33 GA), ipvs(v1.35 사용 중단).',
    since: 'nftables v1.33 GA, ipvs v1.35 사용 중단',
    sources: [
      { label: 'Virtual IPs and Service Proxies', url: `${K}/reference/networking/virtual-ips/` },
      { label: 'KEP-5495: Deprecate ipvs mode in kube-proxy', url: 'https://github.com/kubernetes/enhancements/issues/5495' },
      PR(134539),
    ],
  },
  {
    slug: '20-pods',
    kind: 'fixed',
    note: '바로잡음: apiVersion은 쿠버네티스 버전이 아니다',
    before: 'apiVersion: k8s버전',
    after: 'apiVersion은 <API 그룹>/<버전>이다(v1은 core, apps/v1은 apps). kubectl api-resources의 APIVERSION 열로 확인한다.',
    sources: [{ label: 'API Overview: API groups', url: `${K}/reference/using-api/#api-groups` }],
  },
  {
    slug: '25-services',
    kind: 'fixed',
    before: '포트(port): 서비스에서 파드와 연결되는 포트 / 노드 포트: 외부에 열려 있는 포트 (범위: 30000~32767)',
    after: 'port는 서비스 자신의 포트(클러스터 안에서 서비스 IP:port로 접속)이고 파드 쪽 포트는 targetPort다. 30000~32767은 nodePort의 기본 범위(kube-apiserver --service-node-port-range)다.',
    sources: [
      { label: 'Service: Defining a Service', url: `${K}/concepts/services-networking/service/#defining-a-service` },
      { label: 'Service: type NodePort', url: `${K}/concepts/services-networking/service/#type-nodeport` },
    ],
  },
  {
    slug: '37-daemonsets',
    kind: 'changed',
    note: '바뀐 점: 데몬셋 파드도 기본 스케줄러가 배치 (v1.12 기본, v1.17 GA)',
    before: '데몬셋은 nodeName으로 노드를 정해 준다 (v1.12까지) / 1.12부터는 노드 어피니티와 기본 스케줄러',
    after: '옛 방식은 v1.11까지. 지금은 데몬셋 컨트롤러가 matchFields(metadata.name) 노드 어피니티를 넣고 기본 스케줄러가 바인딩한다. 톨러레이션도 자동으로 들어간다.',
    since: 'ScheduleDaemonSetPods v1.12 베타(기본 켜짐), v1.17 GA',
    sources: [
      { label: 'DaemonSet: How Daemon Pods are scheduled', url: `${K}/concepts/workloads/controllers/daemonset/#how-daemon-pods-are-scheduled` },
      { label: 'Feature gate ScheduleDaemonSetPods (removed)', url: `${K}/reference/command-line-tools-reference/feature-gates-removed/` },
    ],
  },
  {
    slug: '40-static-pods',
    kind: 'changed',
    note: '바뀐 점: --pod-manifest-path 플래그 → 설정 파일의 staticPodPath (kubeadm v1.11부터)',
    before: '/etc/kubernetes/manifests는 --pod-manifest-path 옵션에 저장되어 있는 값 (kubelet.service)',
    after: 'kubeadm 클러스터에서는 kubelet 설정 파일 /var/lib/kubelet/config.yaml의 staticPodPath.',
    since: 'kubeadm v1.11',
    sources: [PR(63887), { label: 'Create static Pods', url: `${K}/tasks/configure-pod-container/static-pod/` }],
  },
  {
    slug: '40-static-pods',
    kind: 'changed',
    note: '바뀐 점: 데몬셋 파드도 스케줄러를 거친다 (v1.12 기본, v1.17 GA)',
    before: '스태틱 파드 vs 데몬셋 표: 둘 다 kube-scheduler와 관련 없음 / 데몬셋은 kube-apiserver가 생성',
    after: '데몬셋 파드는 데몬셋 컨트롤러(kube-controller-manager)가 만들고 기본 스케줄러가 배치한다.',
    since: 'v1.12 기본, v1.17 GA',
    sources: [{ label: 'DaemonSet: How Daemon Pods are scheduled', url: `${K}/concepts/workloads/controllers/daemonset/#how-daemon-pods-are-scheduled` }],
  },
  {
    slug: '40-static-pods',
    kind: 'fixed',
    before: '그럼 kubelet이 이 파일을 주기적으로 확인하고 파드를 생성한다.',
    after: '리눅스의 kubelet은 staticPodPath를 inotify로 지켜봐서 파일이 생기거나 바뀌거나 지워지면 곧바로 반영한다. 기본 20초(fileCheckFrequency)마다 다시 훑는 것은 그 위의 보완이다.',
    sources: [
      { label: 'kubernetes/kubernetes pkg/kubelet/config/file_linux.go (fsnotify watch)', url: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/config/file_linux.go' },
      { label: 'Kubelet Configuration (v1beta1): fileCheckFrequency', url: `${K}/reference/config-api/kubelet-config.v1beta1/` },
    ],
  },
  {
    slug: '41-multiple-schedulers',
    kind: 'changed',
    note: '바뀐 점: --scheduler-name 플래그 → 설정 파일의 schedulerName (v1.22에서 플래그 제거)',
    before: '(강의의) kube-scheduler --scheduler-name=my-scheduler',
    after: 'KubeSchedulerConfiguration(kubescheduler.config.k8s.io/v1)의 profiles[].schedulerName을 --config로 넘긴다.',
    since: 'v1.22',
    sources: [PR(102805), { label: 'Configure Multiple Schedulers', url: `${K}/tasks/extend-kubernetes/configure-multiple-schedulers/` }, { label: 'Scheduler Configuration', url: `${K}/reference/scheduling/config/` }],
  },
  {
    slug: '43-monitor-cluster-components',
    kind: 'changed',
    note: '바뀐 점: 클론 대신 릴리스 매니페스트 한 줄',
    before: '깃 클론하고 (URL을 못 적었다) kubectl apply -f .',
    after: 'kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml (실습 클러스터는 --kubelet-insecure-tls가 필요할 수 있다)',
    sources: [{ label: 'kubernetes-sigs/metrics-server README: Installation', url: 'https://github.com/kubernetes-sigs/metrics-server#installation' }],
  },
  {
    slug: '43-monitor-cluster-components',
    kind: 'fixed',
    before: 'cAdvisor가 파드에서 메트릭을 회수하고 메트릭 서버한테 줌',
    after: 'kubelet이 런타임과 cAdvisor에서 모은 사용량을 /metrics/resource로 내놓고, 메트릭 서버가 그걸 긁어 간다.',
    sources: [{ label: 'Resource metrics pipeline', url: `${K}/tasks/debug/debug-cluster/resource-metrics-pipeline/` }],
  },
  {
    slug: '47-environment-variables',
    kind: 'fixed',
    note: '바로잡음: 시크릿은 인코딩이지 암호화가 아니다',
    before: '시크릿은 암호화한다',
    after: '시크릿의 data는 base64 인코딩일 뿐이다. etcd 저장 시 암호화는 EncryptionConfiguration과 --encryption-provider-config로 따로 켠다.',
    sources: [
      { label: 'Secrets', url: `${K}/concepts/configuration/secret/` },
      { label: 'Encrypting Confidential Data at Rest', url: `${K}/tasks/administer-cluster/encrypt-data/` },
    ],
  },
  {
    slug: '47-environment-variables',
    kind: 'fixed',
    note: '바로잡음: 시크릿은 네임스페이스 안에서만 쓰인다',
    before: '다른 네임스페이스에서도 access가능하다',
    after: '시크릿은 네임스페이스 단위이고 파드는 자기 네임스페이스의 시크릿만 참조한다. 위험한 건 같은 네임스페이스에 파드를 만들 수 있는 사람과 etcd 접근이다.',
    sources: [{ label: 'Secrets: Information security for Secrets', url: `${K}/concepts/configuration/secret/#information-security-for-secrets` }, { label: 'Good practices for Kubernetes Secrets', url: `${K}/concepts/security/secrets-good-practices/` }],
  },
  {
    slug: '48-init-containers',
    kind: 'changed',
    note: '바뀐 점: 사이드카 컨테이너 (v1.29부터 기본, v1.33 GA)',
    before: '초기화 컨테이너는 lifecycle, 프로브를 지원하지 않는다',
    after: '일반 초기화 컨테이너는 그대로지만, restartPolicy: Always를 준 초기화 컨테이너(사이드카)는 계속 돌고 프로브도 쓴다.',
    since: 'v1.29 베타(기본 켜짐), v1.33 GA',
    sources: [{ label: 'Sidecar Containers', url: `${K}/concepts/workloads/pods/sidecar-containers/` }],
  },
  {
    slug: '49-os-upgrades',
    kind: 'changed',
    note: '바뀐 점: 5분은 pod-eviction-timeout이 아니라 50초 + 톨러레이션 300초 (v1.27에서 플래그 제거, v1.32부터 50초)',
    before: '5분 동안 벗어나면 해당 노드에서 파드가 종료된다',
    after: 'node-monitor-grace-period(50초) 뒤 unreachable:NoExecute 테인트, 기본 톨러레이션 300초 뒤 축출.',
    since: 'v1.27(플래그 제거), v1.32(50초)',
    sources: [{ label: 'Taint based Evictions', url: `${K}/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions` }, PR(126287), PR(115840)],
  },
  {
    slug: '50-kubernetes-versions-and-skew',
    kind: 'changed',
    note: '바뀐 점: kubelet·kube-proxy는 세 마이너 버전까지 (v1.28부터)',
    before: 'kubelet과 kube-proxy는 x-2 버전까지',
    after: 'x-3까지(1.25 미만 kubelet·kube-proxy는 x-2). 컨트롤러 매니저·스케줄러 x-1, kubectl x±1은 그대로.',
    since: 'v1.28',
    sources: [
      { label: 'Version Skew Policy', url: 'https://kubernetes.io/releases/version-skew-policy/' },
      { label: 'KEP-3935: Support oldest node and newest control plane', url: 'https://github.com/kubernetes/enhancements/issues/3935' },
    ],
  },
  {
    slug: '52-kubeadm-upgrade',
    kind: 'changed',
    note: '바뀐 점: 패키지 저장소 pkgs.k8s.io, 버전 표기 1.35.x-1.1, 노드 업그레이드 순서 (2023년 9월부터)',
    before: 'apt-get upgrade -y kubeadm=1.12.0-00 / kubeadm upgrade node config --kubelet-version v1.12.0 / drain 뒤에 kubeadm',
    after: 'pkgs.k8s.io의 마이너별 저장소로 바꾸고 apt-mark unhold → apt-get install -y kubeadm=\'1.35.x-*\' → apt-mark hold. 워커는 kubeadm upgrade node → drain → kubelet → daemon-reload·restart → uncordon.',
    since: 'apt.kubernetes.io 2023-08-31 사용 중단, 2023-09-13 동결, 2024-03-04 제거. upgrade node config는 v1.18, --kubelet-version은 v1.20 제거',
    sources: [
      { label: 'Legacy package repository deprecation (blog, 2023-08-31)', url: 'https://kubernetes.io/blog/2023/08/31/legacy-package-repository-deprecation/' },
      { label: 'Changing the Kubernetes package repository', url: `${K}/tasks/administer-cluster/kubeadm/change-package-repository/` },
      { label: 'Upgrading kubeadm clusters', url: `${K}/tasks/administer-cluster/kubeadm/kubeadm-upgrade/` },
      { label: 'Upgrading Linux nodes', url: `${K}/tasks/administer-cluster/kubeadm/upgrading-linux-nodes/` },
      PR(87975),
      PR(94869),
    ],
  },
  {
    slug: '54-backup',
    kind: 'changed',
    note: '바뀐 점: 복원은 etcdctl이 아니라 etcdutl (etcd 3.5에서 사용 중단, 3.6에서 제거)',
    before: '(원본은 목록뿐, 흔한 옛 글) ETCDCTL_API=3 etcdctl snapshot restore',
    after: 'etcdctl snapshot save(인증서 옵션) → etcdutl snapshot status/restore --data-dir → etcd.yaml의 hostPath 변경.',
    since: 'etcd 3.5 사용 중단, 3.6 제거',
    sources: [
      { label: 'Operating etcd clusters for Kubernetes: Backing up / Restoring', url: `${K}/tasks/administer-cluster/configure-upgrade-etcd/#backing-up-an-etcd-cluster` },
      { label: 'etcd: Disaster recovery', url: 'https://etcd.io/docs/v3.6/op-guide/recovery/' },
    ],
  },
];

/** Gaps of the source notes ("나중에 알아보자", empty topics) and where they are answered. */
export interface Gap {
  slug: string;
  what: string;
}

export const GAPS: Gap[] = [
  { slug: '06-kube-scheduler-overview', what: '제목만 있던 주제: 필터링 → 스코어링 → 바인딩 요약' },
  { slug: '09-container-runtime', what: '"dockershim 지원 종료는 나중에 더 알아보자" → CRI, containerd, crictl' },
  { slug: '25-services', what: '"노드포트 설명 장표 그림이 있으면 좋음" → 포트 그림, 서비스 타입 그림, ClusterIP DNS, LoadBalancer pending' },
  { slug: '27-imperative-vs-declarative', what: '비어 있던 27번: 세 가지 관리 방식, 섞어 쓸 때 조심할 점' },
  { slug: '28-kubectl-apply', what: '비어 있던 28번: last-applied-configuration과 3방향 병합을 직접 실행' },
  { slug: '29-manual-scheduling', what: '바인딩 오브젝트로 Pending 파드를 노드에 묶기' },
  { slug: '30-labels-and-selectors', what: '레이블 붙이기, 셀렉터 문법, 어노테이션과의 차이' },
  { slug: '31-taints-and-tolerations', what: '"NoExecute는 잘 이해를 못 함, 나중에 알아보자" → 축출과 tolerationSeconds 실행' },
  { slug: '33-node-affinity', what: '어피니티 타입과 연산자(In, NotIn, Exists …)' },
  { slug: '34-node-affinity-vs-taints', what: '색깔 노드·파드 다섯 개 그림과 세 가지 시도를 실행해 보기' },
  { slug: '35-resource-requirements-and-limits', what: '리소스쿼터 예시와 must specify / exceeded quota' },
  { slug: '37-daemonsets', what: '지금의 데몬셋 스케줄링(노드 어피니티, 자동 톨러레이션)' },
  { slug: '40-static-pods', what: '스태틱 파드 찾기·만들기·지우기' },
  { slug: '41-multiple-schedulers', what: '한 줄뿐이던 41번: 두 번째 스케줄러 띄우고 확인하기' },
  { slug: '42-scheduler-profiles', what: '확장 지점, 프로파일로 플러그인 켜고 끄기' },
  { slug: '43-monitor-cluster-components', what: '"URL을 못 적었다" → 메트릭 서버 설치' },
  { slug: '45-rollout-and-rollback', what: '비어 있던 두 번째 배포 전략: Recreate, maxSurge·maxUnavailable, 히스토리와 롤백' },
  { slug: '46-commands-and-arguments', what: '"command와 args가 헷갈리는데 나중에 알아보자" → ENTRYPOINT/CMD 표' },
  { slug: '47-environment-variables', what: '"Lab에서는 잘 안 먹히고 … 나중에 랩 찾아보자" → 떠 있는 파드의 env, configMapKeyRef' },
  { slug: '54-backup', what: '목록뿐이던 54번: 리소스 설정, etcd 스냅샷 저장·복원, 퍼시스턴트볼륨' },
  { slug: 'tips-1', what: '디플로이먼트 YAML을 데몬셋으로 바꾸는 단계' },
];
