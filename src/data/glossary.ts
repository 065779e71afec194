/**
 * The Korean glossary: one entry per concept, used by both the site search (query normalisation in
 * src/search/query.ts) and the glossary page (/glossary/).
 *
 * Source: ../shared/reference/ko-glossary.md — `ko` is the kubernetes.io/ko form (section 1), the
 * variants come from its "Variants / search aliases" column and the alias map in section 1.9, plus
 * the spellings the notes themselves use (front-matter `terms`). Component and object names that
 * kubernetes.io/ko keeps in English (etcd, kubelet, NodePort, …) have that English form as `ko`.
 *
 * Rules the unit tests enforce: ids are unique; no search key (a form lower-cased, spaces and
 * hyphens removed) belongs to two entries; every entry has at least one English name.
 */

export type GlossaryCategory =
  | 'architecture'
  | 'workloads'
  | 'scheduling'
  | 'networking'
  | 'config'
  | 'resources'
  | 'storage'
  | 'operations'
  | 'cli';

export const CATEGORIES: { id: GlossaryCategory; title: string }[] = [
  { id: 'architecture', title: '클러스터 구조' },
  { id: 'workloads', title: '워크로드' },
  { id: 'scheduling', title: '스케줄링과 노드 관리' },
  { id: 'networking', title: '서비스와 네트워킹' },
  { id: 'config', title: '설정과 보안' },
  { id: 'resources', title: '리소스 관리' },
  { id: 'storage', title: '스토리지' },
  { id: 'operations', title: '클러스터 운영' },
  { id: 'cli', title: 'kubectl과 작업 방식' },
];

export interface GlossaryEntry {
  /** Stable id, also the anchor on /glossary/ (#term-<id>). */
  id: string;
  /** The Korean term as kubernetes.io/ko writes it (the form shown first). */
  ko: string;
  /** English names: the first is the display name, the rest are aliases (plural, field name, …). */
  en: string[];
  /** kubectl short names (`kubectl api-resources`), if any. */
  short?: string[];
  /** Other Korean spellings and aliases, as learners and the notes write them. */
  variants?: string[];
  category: GlossaryCategory;
  /** One-line Korean remark shown on the glossary page. */
  note?: string;
}

export const GLOSSARY: GlossaryEntry[] = [
  // ---- 클러스터 구조 ----
  { id: 'kubernetes', ko: '쿠버네티스', en: ['Kubernetes', 'k8s'], variants: ['쿠베', '쿠버'], category: 'architecture' },
  { id: 'cluster', ko: '클러스터', en: ['cluster', 'clusters'], category: 'architecture' },
  { id: 'node', ko: '노드', en: ['Node', 'nodes'], short: ['no'], variants: ['작업 장비'], category: 'architecture', note: '단축 이름 no는 검색어로는 쓰지 않는다.' },
  {
    id: 'worker-node',
    ko: '워커 노드',
    en: ['worker node', 'worker nodes', 'minion'],
    variants: ['워커노드', '작업자 노드', '작업 노드', '미니언'],
    category: 'architecture',
  },
  {
    id: 'control-plane',
    ko: '컨트롤 플레인',
    en: ['control plane', 'master node', 'master'],
    variants: ['콘트롤 플레인', '컨트롤플레인', '마스터 노드', '마스터노드', '마스터'],
    category: 'architecture',
    note: '마스터 노드는 예전 이름이다.',
  },
  { id: 'component', ko: '컴포넌트', en: ['component', 'components'], variants: ['구성 요소'], category: 'architecture' },
  {
    id: 'kube-apiserver',
    ko: 'API 서버',
    en: ['kube-apiserver', 'API server', 'apiserver'],
    variants: ['쿠버네티스 API 서버', '큐브 API 서버'],
    category: 'architecture',
  },
  { id: 'kube-scheduler', ko: '스케줄러', en: ['kube-scheduler', 'scheduler', 'schedulers'], variants: ['스케쥴러', '큐브 스케줄러'], category: 'architecture' },
  {
    id: 'controller-manager',
    ko: '컨트롤러 매니저',
    en: ['kube-controller-manager', 'controller manager', 'controller-manager'],
    variants: ['컨트롤러 관리자', '큐브 컨트롤러 매니저'],
    category: 'architecture',
  },
  {
    id: 'cloud-controller-manager',
    ko: '클라우드 컨트롤러 매니저',
    en: ['cloud-controller-manager', 'cloud controller manager'],
    variants: ['클라우드 컨트롤러 관리자'],
    category: 'architecture',
  },
  { id: 'controller', ko: '컨트롤러', en: ['controller', 'controllers'], category: 'architecture' },
  { id: 'node-controller', ko: '노드 컨트롤러', en: ['node controller', 'Node-Controller', 'node lifecycle controller'], category: 'architecture' },
  {
    id: 'replication-controller',
    ko: '레플리케이션컨트롤러',
    en: ['ReplicationController', 'replication controller', 'replicationcontrollers'],
    short: ['rc'],
    variants: ['레플리케이션 컨트롤러'],
    category: 'architecture',
  },
  {
    id: 'etcd',
    ko: 'etcd',
    en: ['etcd', 'etcd cluster'],
    variants: ['엣시디', '이티시디', '앳씨티', '키-값 저장소', '키 밸류 스토어', '키-밸류'],
    category: 'architecture',
    note: '영어 그대로 쓴다. ETCD로도 많이 적는다.',
  },
  { id: 'etcdctl', ko: 'etcdctl', en: ['etcdctl', 'etcdutl', 'ETCDCTL_API'], category: 'operations' },
  { id: 'kubelet', ko: 'kubelet', en: ['kubelet', 'node agent'], variants: ['큐블릿', '큐블렛', '쿠블렛'], category: 'architecture', note: '영어 그대로 쓴다.' },
  { id: 'kube-proxy', ko: 'kube-proxy', en: ['kube-proxy'], variants: ['큐브 프록시', '큐브프록시'], category: 'architecture', note: '영어 그대로 쓴다.' },
  { id: 'proxy', ko: '프록시', en: ['proxy'], category: 'networking' },
  {
    id: 'container-runtime',
    ko: '컨테이너 런타임',
    en: ['container runtime', 'container engine'],
    variants: ['런타임', '컨테이너 엔진'],
    category: 'architecture',
  },
  { id: 'cri', ko: 'CRI', en: ['CRI', 'Container Runtime Interface'], variants: ['컨테이너 런타임 인터페이스'], category: 'architecture' },
  {
    id: 'cni',
    ko: '컨테이너 네트워크 인터페이스',
    en: ['CNI', 'Container Network Interface'],
    variants: ['CNI 플러그인', '네트워크 플러그인'],
    category: 'networking',
  },
  { id: 'docker', ko: '도커', en: ['Docker', 'dockershim'], variants: ['도커심'], category: 'architecture' },
  { id: 'containerd', ko: 'containerd', en: ['containerd', 'CRI-O', 'cri-dockerd'], category: 'architecture' },
  { id: 'addon', ko: '애드온', en: ['addon', 'addons', 'add-on'], category: 'architecture' },
  { id: 'object', ko: '오브젝트', en: ['object', 'objects'], variants: ['객체'], category: 'architecture' },
  { id: 'resource', ko: '리소스', en: ['resource', 'resources'], variants: ['자원'], category: 'resources' },
  { id: 'manifest', ko: '매니페스트', en: ['manifest', 'manifests'], variants: ['메니페스트'], category: 'config' },
  { id: 'spec', ko: '스펙', en: ['spec'], variants: ['명세', '사양', '스팩'], category: 'config' },
  { id: 'desired-state', ko: '의도한 상태', en: ['desired state'], variants: ['원하는 상태', '목표 상태'], category: 'architecture' },
  { id: 'self-healing', ko: '자가 치유', en: ['self-healing'], variants: ['자동 복구'], category: 'architecture' },
  { id: 'context', ko: '컨텍스트', en: ['context', 'kubeconfig context'], variants: ['콘텍스트'], category: 'cli' },
  { id: 'metrics', ko: '메트릭', en: ['metrics', 'metric'], variants: ['매트릭'], category: 'operations' },
  { id: 'metrics-server', ko: '메트릭 서버', en: ['metrics-server', 'metrics server'], variants: ['메트릭서버', '매트릭 서버'], category: 'operations' },
  { id: 'monitoring', ko: '모니터링', en: ['monitoring', 'kubectl top'], category: 'operations' },
  { id: 'logs', ko: '로그', en: ['logs', 'kubectl logs', 'application logs'], variants: ['로그 보기', '애플리케이션 로그'], category: 'operations' },

  // ---- 워크로드 ----
  { id: 'pod', ko: '파드', en: ['Pod', 'pods'], short: ['po'], variants: ['포드'], category: 'workloads', note: 'kubernetes.io/ko는 영어를 함께 적지 않는다.' },
  { id: 'container', ko: '컨테이너', en: ['container', 'containers'], category: 'workloads' },
  {
    id: 'multi-container-pod',
    ko: '멀티 컨테이너 파드',
    en: ['multi-container pod'],
    variants: ['멀티 컨테이너', '다중 컨테이너 파드', '다중 컨테이너'],
    category: 'workloads',
  },
  {
    id: 'init-container',
    ko: '초기화 컨테이너',
    en: ['init container', 'init containers', 'initContainers'],
    variants: ['Init 컨테이너', '이닛 컨테이너', '인잇 컨테이너'],
    category: 'workloads',
  },
  { id: 'sidecar', ko: '사이드카', en: ['sidecar', 'sidecar container'], variants: ['사이드카 컨테이너', '헬퍼 컨테이너'], category: 'workloads' },
  { id: 'static-pod', ko: '스태틱 파드', en: ['static pod', 'static pods', 'staticPodPath'], variants: ['정적 파드', '스태틱파드'], category: 'workloads' },
  { id: 'mirror-pod', ko: '미러 파드', en: ['mirror pod'], category: 'workloads' },
  { id: 'pod-template', ko: '파드 템플릿', en: ['pod template', 'PodTemplate', 'template'], variants: ['파드템플릿'], category: 'workloads' },
  {
    id: 'deployment',
    ko: '디플로이먼트',
    en: ['Deployment', 'deployments'],
    short: ['deploy'],
    variants: ['배포'],
    category: 'workloads',
  },
  {
    id: 'replicaset',
    ko: '레플리카셋',
    en: ['ReplicaSet', 'ReplicaSets'],
    short: ['rs'],
    variants: ['레플리카 셋', '래플리카셋', '래플리카 셋', '레플리카세트', '리플리카셋'],
    category: 'workloads',
  },
  { id: 'replicas', ko: '레플리카', en: ['replicas', 'replica'], variants: ['래플리카', '리플리카', '복제본'], category: 'workloads' },
  {
    id: 'statefulset',
    ko: '스테이트풀셋',
    en: ['StatefulSet', 'statefulsets'],
    short: ['sts'],
    variants: ['스테이트풀 셋', '스테이트 풀셋'],
    category: 'workloads',
  },
  { id: 'daemonset', ko: '데몬셋', en: ['DaemonSet', 'daemonsets'], short: ['ds'], variants: ['데몬 셋', '데몬세트'], category: 'workloads' },
  { id: 'job', ko: '잡', en: ['Job', 'jobs'], category: 'workloads' },
  { id: 'cronjob', ko: '크론잡', en: ['CronJob', 'cronjobs'], short: ['cj'], variants: ['크론 잡', '크론 작업'], category: 'workloads' },
  { id: 'workload', ko: '워크로드', en: ['workload', 'workloads'], category: 'workloads' },
  { id: 'rollout', ko: '롤아웃', en: ['rollout', 'kubectl rollout', 'rollout status'], category: 'workloads' },
  {
    id: 'rolling-update',
    ko: '롤링 업데이트',
    en: ['rolling update', 'RollingUpdate'],
    variants: ['롤링업데이트'],
    category: 'workloads',
  },
  { id: 'recreate', ko: 'Recreate 전략', en: ['Recreate', 'deployment strategy'], variants: ['배포 전략', '재생성 전략'], category: 'workloads' },
  { id: 'rollback', ko: '롤백', en: ['rollback', 'rollout undo', 'kubectl rollout undo'], variants: ['롤 백', '배포 취소'], category: 'workloads' },
  { id: 'revision', ko: '리비전', en: ['revision', 'revisions'], variants: ['수정 버전'], category: 'workloads' },
  { id: 'scale', ko: '스케일', en: ['scale', 'scaling', 'kubectl scale'], variants: ['스케일링', '스케일 업', '스케일 아웃'], category: 'workloads' },
  {
    id: 'hpa',
    ko: 'Horizontal Pod Autoscaler',
    en: ['HorizontalPodAutoscaler', 'HPA'],
    short: ['hpa'],
    variants: ['수평 파드 오토스케일러', '오토스케일러'],
    category: 'workloads',
    note: '영어 그대로 쓴다.',
  },
  { id: 'liveness-probe', ko: '활성 프로브', en: ['liveness probe', 'livenessProbe'], variants: ['라이브니스 프로브'], category: 'workloads' },
  {
    id: 'readiness-probe',
    ko: '준비성 프로브',
    en: ['readiness probe', 'readinessProbe'],
    variants: ['레디니스 프로브', '준비 상태 프로브', '준비 프로브'],
    category: 'workloads',
  },
  { id: 'startup-probe', ko: '스타트업 프로브', en: ['startup probe', 'startupProbe'], variants: ['시작 프로브'], category: 'workloads' },
  { id: 'lifecycle', ko: '라이프사이클', en: ['lifecycle'], variants: ['생명주기', '수명 주기'], category: 'workloads' },
  { id: 'command', ko: '커맨드', en: ['command', 'ENTRYPOINT'], variants: ['엔트리포인트'], category: 'workloads' },
  { id: 'args', ko: '인자', en: ['args', 'arguments', 'CMD'], variants: ['아규먼트', '인수'], category: 'workloads' },
  { id: 'env', ko: '환경 변수', en: ['environment variables', 'env', 'envFrom'], variants: ['환경변수'], category: 'config' },

  // ---- 스케줄링과 노드 관리 ----
  { id: 'scheduling', ko: '스케줄링', en: ['scheduling'], variants: ['스케쥴링'], category: 'scheduling' },
  {
    id: 'manual-scheduling',
    ko: '수동 스케줄링',
    en: ['manual scheduling', 'nodeName'],
    variants: ['수동 스케쥴링', '매뉴얼 스케줄링', '매뉴얼 스케쥴링'],
    category: 'scheduling',
  },
  { id: 'binding', ko: '바인딩', en: ['Binding', 'binding'], category: 'scheduling' },
  { id: 'taint', ko: '테인트', en: ['taint', 'taints', 'kubectl taint'], category: 'scheduling' },
  { id: 'toleration', ko: '톨러레이션', en: ['toleration', 'tolerations', 'tolerationSeconds'], variants: ['용인'], category: 'scheduling' },
  {
    id: 'taint-effect',
    ko: '테인트 이펙트',
    en: ['taint effect', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'],
    variants: ['이펙트', '테인트 효과'],
    category: 'scheduling',
  },
  { id: 'affinity', ko: '어피니티', en: ['affinity'], variants: ['친화성'], category: 'scheduling' },
  { id: 'node-affinity', ko: '노드 어피니티', en: ['node affinity', 'nodeAffinity'], variants: ['노드 친화성'], category: 'scheduling' },
  {
    id: 'pod-affinity',
    ko: '파드간 어피니티',
    en: ['inter-pod affinity', 'podAffinity', 'pod affinity'],
    variants: ['파드 간 어피니티', '파드 어피니티'],
    category: 'scheduling',
  },
  { id: 'anti-affinity', ko: '안티-어피니티', en: ['anti-affinity', 'podAntiAffinity'], variants: ['안티 어피니티', '파드 안티 어피니티'], category: 'scheduling' },
  {
    id: 'node-selector',
    ko: '노드셀렉터',
    en: ['nodeSelector', 'node selector', 'node selectors'],
    variants: ['노드 셀렉터'],
    category: 'scheduling',
  },
  {
    id: 'scheduler-profile',
    ko: '스케줄링 프로파일',
    en: ['scheduling profile', 'scheduler profile', 'scheduler profiles', 'KubeSchedulerConfiguration'],
    variants: ['스케줄링 프로필', '스케쥴링 프로파일', '스케줄러 프로파일', '스케쥴러 프로파일'],
    category: 'scheduling',
  },
  {
    id: 'multiple-schedulers',
    ko: '다중 스케줄러',
    en: ['multiple schedulers', 'custom scheduler', 'schedulerName'],
    variants: ['멀티플 스케줄러', '멀티플 스케쥴러', '커스텀 스케줄러', '다중 스케쥴러'],
    category: 'scheduling',
  },
  { id: 'scheduler-plugin', ko: '스케줄러 플러그인', en: ['scheduler plugin', 'plugin', 'extension point'], variants: ['플러그인', '확장 지점'], category: 'scheduling' },
  { id: 'topology-spread', ko: '토폴로지 분배 제약 조건', en: ['topology spread constraints'], variants: ['파드 토폴로지 분배 제약 조건'], category: 'scheduling' },
  { id: 'eviction', ko: '축출', en: ['eviction', 'evict', 'pod eviction'], variants: ['퇴거'], category: 'scheduling' },
  { id: 'pod-priority', ko: '파드 우선순위', en: ['pod priority'], variants: ['우선순위'], category: 'scheduling' },
  { id: 'priority-class', ko: '프라이어리티클래스(PriorityClass)', en: ['PriorityClass'], short: ['pc'], variants: ['프라이어리티클래스', '우선순위 클래스'], category: 'scheduling' },
  { id: 'qos-class', ko: 'QoS 클래스', en: ['QoS class', 'Guaranteed', 'Burstable', 'BestEffort'], variants: ['서비스 품질 클래스'], category: 'resources' },
  {
    id: 'unschedulable',
    ko: '스케줄 불가능',
    en: ['unschedulable', 'SchedulingDisabled'],
    variants: ['예약 불가능', '스케쥴 불가능'],
    category: 'scheduling',
  },
  { id: 'drain', ko: '드레인', en: ['drain', 'kubectl drain', 'draining'], variants: ['드레이닝'], category: 'scheduling' },
  { id: 'cordon', ko: '코든', en: ['cordon', 'kubectl cordon'], category: 'scheduling', note: 'kubernetes.io/ko는 영어 그대로(cordon) 쓴다.' },
  { id: 'uncordon', ko: '언코든', en: ['uncordon', 'kubectl uncordon'], category: 'scheduling', note: 'kubernetes.io/ko는 영어 그대로(uncordon) 쓴다.' },
  { id: 'disruption', ko: '중단', en: ['disruption'], category: 'scheduling' },
  { id: 'pdb', ko: 'PodDisruptionBudget', en: ['PodDisruptionBudget', 'PDB'], short: ['pdb'], category: 'scheduling', note: '영어 그대로 쓴다.' },

  // ---- 서비스와 네트워킹 ----
  { id: 'service', ko: '서비스', en: ['Service', 'services'], short: ['svc'], category: 'networking', note: 'kubernetes.io/ko는 영어를 함께 적지 않는다.' },
  { id: 'clusterip', ko: 'ClusterIP', en: ['ClusterIP'], variants: ['클러스터IP', '클러스터 IP'], category: 'networking' },
  { id: 'nodeport', ko: 'NodePort', en: ['NodePort', 'nodePort'], variants: ['노드포트', '노드 포트'], category: 'networking', note: '서비스 유형 이름은 영어 그대로 쓴다.' },
  { id: 'loadbalancer', ko: 'LoadBalancer', en: ['LoadBalancer', 'load balancer'], variants: ['로드밸런서', '로드 밸런서'], category: 'networking' },
  { id: 'targetport', ko: 'targetPort', en: ['targetPort', 'target port'], variants: ['타겟포트', '타깃 포트', '타겟 포트'], category: 'networking' },
  { id: 'endpoints', ko: '엔드포인트', en: ['Endpoints', 'endpoint'], short: ['ep'], category: 'networking' },
  { id: 'endpointslice', ko: '엔드포인트슬라이스', en: ['EndpointSlice', 'endpointslices'], variants: ['엔드포인트 슬라이스'], category: 'networking' },
  { id: 'ingress', ko: '인그레스', en: ['Ingress', 'ingresses'], short: ['ing'], variants: ['인그래스', '잉그레스'], category: 'networking' },
  { id: 'egress', ko: '이그레스', en: ['egress'], variants: ['송신'], category: 'networking' },
  {
    id: 'networkpolicy',
    ko: '네트워크폴리시',
    en: ['NetworkPolicy', 'network policy'],
    short: ['netpol'],
    variants: ['네트워크 폴리시', '네트워크 정책'],
    category: 'networking',
  },
  { id: 'headless-service', ko: '헤드리스 서비스', en: ['headless service'], variants: ['헤드리스'], category: 'networking' },
  { id: 'service-discovery', ko: '서비스 디스커버리', en: ['service discovery'], category: 'networking' },
  { id: 'label', ko: '레이블', en: ['label', 'labels', 'kubectl label'], variants: ['라벨'], category: 'networking' },
  { id: 'selector', ko: '셀렉터', en: ['selector', 'selectors', 'matchLabels'], variants: ['실렉터', '선택기'], category: 'networking' },
  { id: 'label-selector', ko: '레이블 셀렉터', en: ['label selector'], variants: ['라벨 셀렉터'], category: 'networking' },
  { id: 'annotation', ko: '어노테이션', en: ['annotation', 'annotations'], variants: ['애노테이션'], category: 'config' },
  { id: 'iptables', ko: 'iptables', en: ['iptables', 'ipvs', 'nftables'], category: 'networking' },

  // ---- 설정과 보안 ----
  { id: 'namespace', ko: '네임스페이스', en: ['Namespace', 'namespaces'], short: ['ns'], variants: ['네임 스페이스'], category: 'config' },
  { id: 'configmap', ko: '컨피그맵', en: ['ConfigMap', 'configmaps'], short: ['cm'], variants: ['컨피그 맵'], category: 'config' },
  { id: 'secret', ko: '시크릿', en: ['Secret', 'secrets'], variants: ['보안 비밀'], category: 'config' },
  {
    id: 'serviceaccount',
    ko: '서비스어카운트',
    en: ['ServiceAccount', 'service account'],
    short: ['sa'],
    variants: ['서비스 어카운트', '서비스 계정'],
    category: 'config',
  },
  {
    id: 'rbac',
    ko: 'RBAC',
    en: ['RBAC', 'role-based access control'],
    variants: ['역할 기반 접근 제어', '역할 기반 액세스 제어', '역할 기반 엑세스 제어'],
    category: 'config',
  },
  { id: 'role', ko: '롤', en: ['Role', 'roles'], variants: ['역할'], category: 'config' },
  { id: 'rolebinding', ko: '롤바인딩', en: ['RoleBinding', 'rolebindings'], variants: ['롤 바인딩', '역할 바인딩'], category: 'config' },
  { id: 'clusterrole', ko: '클러스터롤', en: ['ClusterRole', 'clusterroles'], variants: ['클러스터 롤'], category: 'config' },
  {
    id: 'clusterrolebinding',
    ko: '클러스터롤바인딩',
    en: ['ClusterRoleBinding', 'clusterrolebindings'],
    variants: ['클러스터 롤 바인딩'],
    category: 'config',
  },
  { id: 'csr', ko: 'CertificateSigningRequest', en: ['CertificateSigningRequest', 'CSR'], short: ['csr'], category: 'config', note: '영어 그대로 쓴다.' },
  { id: 'certificate', ko: '인증서', en: ['certificate', 'certificates'], category: 'config' },
  { id: 'authentication', ko: '인증', en: ['authentication'], category: 'config' },
  { id: 'admission-controller', ko: '어드미션 컨트롤러', en: ['admission controller', 'admission controllers'], category: 'config' },
  { id: 'encryption', ko: '암호화', en: ['encryption', 'encryption at rest'], variants: ['저장 데이터 암호화'], category: 'config' },
  { id: 'base64', ko: 'base64 인코딩', en: ['base64', 'encoding'], variants: ['인코딩', '디코딩'], category: 'config' },
  { id: 'feature-gate', ko: '기능 게이트', en: ['feature gate', 'feature gates'], variants: ['피처 게이트'], category: 'config' },
  {
    id: 'crd',
    ko: '커스텀리소스데피니션',
    en: ['CustomResourceDefinition', 'CRD'],
    short: ['crd'],
    variants: ['커스텀 리소스 정의'],
    category: 'config',
  },
  { id: 'custom-resource', ko: '사용자 정의 리소스', en: ['custom resource', 'custom resources'], variants: ['커스텀 리소스'], category: 'config' },
  { id: 'finalizer', ko: '파이널라이저', en: ['finalizer', 'finalizers'], category: 'config' },
  { id: 'event', ko: '이벤트', en: ['Event', 'events'], short: ['ev'], category: 'config' },

  // ---- 리소스 관리 ----
  {
    id: 'resourcequota',
    ko: '리소스쿼터',
    en: ['ResourceQuota', 'resourcequotas'],
    short: ['quota'],
    variants: ['리소스 쿼터', '쿼터'],
    category: 'resources',
  },
  {
    id: 'limitrange',
    ko: '리밋레인지',
    en: ['LimitRange', 'limitranges'],
    variants: ['리밋 레인지', '리미트 레인지', '범위 제한'],
    category: 'resources',
  },
  { id: 'limit', ko: '한도', en: ['limits', 'limit', 'resource limits'], variants: ['제한', '상한', '리밋'], category: 'resources' },
  { id: 'request', ko: '요청', en: ['requests', 'request', 'resource requests'], variants: ['요청량', '리퀘스트', '리소스 요청'], category: 'resources' },
  { id: 'cpu', ko: 'CPU', en: ['cpu', 'vCPU', 'millicpu'], variants: ['밀리코어'], category: 'resources' },
  { id: 'memory', ko: '메모리', en: ['memory', 'OOMKilled', 'out of memory'], category: 'resources' },

  // ---- 스토리지 ----
  { id: 'volume', ko: '볼륨', en: ['Volume', 'volumes'], category: 'storage' },
  {
    id: 'persistentvolume',
    ko: '퍼시스턴트볼륨',
    en: ['PersistentVolume', 'persistentvolumes'],
    short: ['pv'],
    variants: ['퍼시스턴트 볼륨', '영구 볼륨'],
    category: 'storage',
  },
  {
    id: 'persistentvolumeclaim',
    ko: '퍼시스턴트볼륨클레임',
    en: ['PersistentVolumeClaim', 'persistentvolumeclaims'],
    short: ['pvc'],
    variants: ['퍼시스턴트 볼륨 클레임', '영구 볼륨 클레임', '클레임'],
    category: 'storage',
  },
  { id: 'storageclass', ko: '스토리지클래스', en: ['StorageClass', 'storageclasses'], short: ['sc'], variants: ['스토리지 클래스'], category: 'storage' },
  { id: 'reclaim-policy', ko: '반환 정책', en: ['reclaim policy', 'reclaimPolicy'], category: 'storage' },

  // ---- 클러스터 운영 ----
  { id: 'upgrade', ko: '업그레이드', en: ['upgrade', 'cluster upgrade'], variants: ['업글'], category: 'operations' },
  { id: 'kubeadm', ko: 'kubeadm', en: ['kubeadm', 'kubeadm upgrade'], variants: ['큐브어드민', '큐브에이디엠'], category: 'operations' },
  { id: 'os-upgrade', ko: 'OS 업그레이드', en: ['OS upgrade', 'node maintenance'], variants: ['노드 유지보수', '유지보수', '유지 보수'], category: 'operations' },
  { id: 'version-skew', ko: '버전 차이', en: ['version skew', 'version skew policy'], variants: ['버전 스큐', '스큐'], category: 'operations' },
  { id: 'minor-version', ko: '마이너 버전', en: ['minor version', 'patch version'], variants: ['패치 버전'], category: 'operations' },
  { id: 'release', ko: '릴리스', en: ['release', 'releases'], variants: ['릴리즈'], category: 'operations' },
  { id: 'backup', ko: '백업', en: ['backup', 'backups'], category: 'operations' },
  { id: 'snapshot', ko: '스냅샷', en: ['snapshot', 'snapshot save'], variants: ['스냅숏'], category: 'operations' },
  { id: 'restore', ko: '복원', en: ['restore', 'recovery', 'disaster recovery'], variants: ['복구', '재난 복구'], category: 'operations' },
  { id: 'systemctl', ko: 'systemctl', en: ['systemctl', 'systemd'], category: 'operations' },

  // ---- kubectl과 작업 방식 ----
  { id: 'kubectl', ko: 'kubectl', en: ['kubectl'], variants: ['큐브컨트롤', '큐브씨티엘', '큐브시티엘', '쿠베시티엘'], category: 'cli', note: '영어 그대로 쓴다.' },
  { id: 'dry-run', ko: '드라이 런', en: ['dry run', '--dry-run', '--dry-run=client'], variants: ['드라이런'], category: 'cli' },
  { id: 'output-yaml', ko: 'YAML 출력', en: ['-o yaml', 'YAML'], variants: ['야믈', '야물'], category: 'cli' },
  { id: 'imperative', ko: '명령형', en: ['imperative', 'imperative commands'], variants: ['명령형 명령', '명령형 커맨드'], category: 'cli' },
  { id: 'declarative', ko: '선언형', en: ['declarative', 'declarative configuration'], variants: ['선언적', '선언형 설정'], category: 'cli' },
  { id: 'kubectl-apply', ko: 'kubectl apply', en: ['kubectl apply', 'apply', 'last-applied-configuration'], variants: ['적용'], category: 'cli' },
  { id: 'kubectl-edit', ko: 'kubectl edit', en: ['kubectl edit', 'edit'], category: 'cli' },
  { id: 'kubectl-replace', ko: 'kubectl replace', en: ['kubectl replace', 'replace', 'replace --force'], category: 'cli' },
  { id: 'kubectl-expose', ko: 'kubectl expose', en: ['kubectl expose', 'expose'], variants: ['노출'], category: 'cli' },
  { id: 'kubectl-exec', ko: 'kubectl exec', en: ['kubectl exec', 'exec'], category: 'cli' },
  { id: 'alias', ko: '별칭', en: ['alias', 'alias k=kubectl'], variants: ['앨리어스', '에일리어스'], category: 'cli' },
  { id: 'exam-tips', ko: '시험팁', en: ['exam tips', 'CKA'], variants: ['시험 팁', '시험 요령'], category: 'cli' },
];

/**
 * Spelling fragments that vary inside words (스케쥴링, 스케쥴되다, 래플리카 수, …): [variant, canonical].
 * The search tries both sides, since the notes themselves use both.
 */
export const SPELLING_FRAGMENTS: [variant: string, canonical: string][] = [
  ['스케쥴', '스케줄'],
  ['래플리카', '레플리카'],
  ['리플리카', '레플리카'],
  ['콘트롤', '컨트롤'],
  ['메니페스트', '매니페스트'],
  ['매트릭', '메트릭'],
  ['엑세스', '액세스'],
  ['디렉토리', '디렉터리'],
  ['큐블렛', '큐블릿'],
  ['프로필', '프로파일'],
];

/**
 * kubectl short names that are ordinary words too: kept on the glossary page but never used to
 * expand a query ("no" is `nodes`).
 */
export const AMBIGUOUS_SHORT = new Set(['no']);

export function glossaryEntry(id: string): GlossaryEntry {
  const e = GLOSSARY.find((x) => x.id === id);
  if (!e) throw new Error(`unknown glossary entry: ${id}`);
  return e;
}

/** Every written form of an entry: Korean, variants, English names, short names. */
export function formsOf(e: GlossaryEntry): string[] {
  return [e.ko, ...(e.variants ?? []), ...e.en, ...(e.short ?? [])];
}
