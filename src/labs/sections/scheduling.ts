/**
 * Labs of the section "스케줄링" (notes 29–42): manual scheduling, labels and selectors, taints and
 * tolerations ("이 노드의 테인트를 지워 봐라"), nodeSelector, node affinity, resources, LimitRange,
 * DaemonSets, static pods, multiple schedulers and profiles.
 */
import type { Check, Obj } from '../check.ts';
import { ANSWERS, readyReplicas, sameImage, sameQuantity } from '../check.ts';
import type { Lab } from '../types.ts';
import { readManifests } from '../../sim/kubectl/yaml/parse.ts';

const CP_TAINT = 'node-role.kubernetes.io/control-plane';

function tolerates(pod: Obj | undefined, key: string, value: string | undefined, effect: string): boolean {
  return ((pod?.spec?.tolerations ?? []) as Obj[]).some(
    (t) =>
      (t.key === key || (t.key === undefined && t.operator === 'Exists')) &&
      (t.operator === 'Exists' || (t.value ?? '') === (value ?? '')) &&
      (!t.effect || t.effect === effect),
  );
}

/** Pods of a Deployment (by its selector), not terminating. */
function deploymentPods(c: Check, d: Obj, ns = 'default'): Obj[] {
  return c.podsOf(ns, d.spec?.selector?.matchLabels ?? {});
}

function requiredTerms(obj: Obj | undefined): Obj[] {
  return obj?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
}

/** The staticPodPath of a node's kubelet config. */
function staticPodPath(c: Check, node: string): string {
  const cfg = c.file('/var/lib/kubelet/config.yaml', node) ?? '';
  return /^staticPodPath:\s*(\S+)/m.exec(cfg)?.[1] ?? '/etc/kubernetes/manifests';
}

const LABELLED_PODS = [
  ['app-1', 'env=dev,bu=finance,tier=frontend'],
  ['app-2', 'env=dev,bu=finance,tier=backend'],
  ['app-3', 'env=prod,bu=finance,tier=frontend'],
  ['app-4', 'env=prod,bu=hr,tier=frontend'],
  ['app-5', 'env=dev,bu=hr,tier=db'],
  ['db-1', 'env=prod,bu=finance,tier=db'],
  ['db-2', 'env=dev,bu=finance,tier=db'],
  ['auth', 'env=prod,bu=finance,tier=backend'],
  ['web-1', 'env=dev,bu=marketing,tier=frontend'],
  ['web-2', 'env=prod,bu=marketing,tier=frontend'],
];
const LABEL_SETUP = `${ANSWERS}\n` + LABELLED_PODS.map(([n, l]) => `kubectl run ${n} --image=nginx --labels=${l}`).join('\n');

const MY_SCHEDULER_CONFIG = `cat <<'EOF' > /etc/kubernetes/my-scheduler-config.yaml
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
clientConnection:
  kubeconfig: /etc/kubernetes/scheduler.conf
leaderElection:
  leaderElect: false
profiles:
- schedulerName: my-scheduler
EOF`;

const myScheduler = (cmd: string) => `cat <<'EOF' > /root/my-scheduler.yaml
apiVersion: v1
kind: Pod
metadata:
  labels:
    component: my-scheduler
    tier: control-plane
  name: my-scheduler
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-scheduler
    - ${cmd}
    - --secure-port=10282
    image: registry.k8s.io/kube-scheduler:v1.35.0
    name: kube-scheduler
    volumeMounts:
    - mountPath: /etc/kubernetes/my-scheduler-config.yaml
      name: config
      readOnly: true
    - mountPath: /etc/kubernetes/scheduler.conf
      name: kubeconfig
      readOnly: true
  hostNetwork: true
  priorityClassName: system-node-critical
  volumes:
  - hostPath:
      path: /etc/kubernetes/my-scheduler-config.yaml
      type: File
    name: config
  - hostPath:
      path: /etc/kubernetes/scheduler.conf
      type: FileOrCreate
    name: kubeconfig
EOF`;

export const labs: Lab[] = [
  {
    id: 'manual-nodename',
    section: 'scheduling',
    title: '스케줄러 없이 노드에 파드 놓기',
    notes: ['29-manual-scheduling', '06-kube-scheduler-overview'],
    domain: 'workloads',
    setup: `mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/kube-scheduler.yaml
sleep 30
cat <<'EOF' > /root/nginx.yaml
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx
EOF
kubectl apply -f /root/nginx.yaml
sleep 5`,
    task: `이 클러스터에는 지금 스케줄러가 없어서 \`nginx\` 파드가 \`Pending\`에 머물러 있다.

스케줄러는 그대로 꺼 둔 채, \`nginx\` 파드를 \`node01\`에 직접 배치해서 \`Running\`이 되게 한다. (\`/root/nginx.yaml\`이 이 파드의 정의 파일이다.)`,
    hints: ['스케줄러가 하는 일은 파드의 `spec.nodeName`을 채우는 것이다. 직접 채우면 스케줄러를 거치지 않는다.', '이미 만들어진 파드의 `nodeName`은 바꿀 수 없다. 파일에 `nodeName: node01`을 넣고 `kubectl replace --force -f /root/nginx.yaml`로 다시 만든다.'],
    solution: `sed -i 's|^spec:|spec:\\n  nodeName: node01|' /root/nginx.yaml
kubectl replace --force -f /root/nginx.yaml`,
    check(c) {
      c.expect(!c.get('pod', 'kube-scheduler-controlplane', 'kube-system'), '스케줄러는 꺼 둔 채로 풀어야 합니다 (kube-scheduler-controlplane 파드가 다시 떠 있습니다)');
      const pod = c.need('pod', 'nginx');
      if (!pod) return;
      if (!c.expect(pod.spec?.nodeName === 'node01', `nginx 파드가 node01에 있지 않습니다 (현재: ${pod.spec?.nodeName ?? '배치되지 않음'})`)) return;
      c.running(pod);
    },
  },
  {
    id: 'labels-count',
    section: 'scheduling',
    title: '레이블 셀렉터로 파드 세기',
    notes: ['30-labels-and-selectors'],
    domain: 'workloads',
    setup: LABEL_SETUP,
    task: '`env=dev` 레이블이 붙은 파드가 몇 개인지 세어 숫자만 `/opt/answers/dev-pods.txt`에 적는다.',
    hints: ['`kubectl get pods --selector env=dev` (짧게 `-l env=dev`).', '`--no-headers`와 `wc -l`로 센다.'],
    solution: 'kubectl get pods -l env=dev --no-headers | wc -l > /opt/answers/dev-pods.txt',
    check(c) {
      c.answerIs('/opt/answers/dev-pods.txt', String(c.podsOf('default', 'env=dev').length));
    },
  },
  {
    id: 'labels-select',
    section: 'scheduling',
    title: '레이블 여러 개로 파드 고르기',
    notes: ['30-labels-and-selectors'],
    domain: 'workloads',
    setup: LABEL_SETUP,
    task: '`env=prod`, `bu=finance`, `tier=frontend` 레이블을 모두 가진 파드를 찾아 그 이름을 `/opt/answers/prod-finance-frontend.txt`에 적는다.',
    hints: ['셀렉터는 쉼표로 이어 붙이면 모두 만족하는 것(AND)만 고른다: `-l env=prod,bu=finance,tier=frontend`.', '`-o name`은 `pod/이름` 꼴로 찍는다. 이름만 필요하면 `--no-headers -o custom-columns=NAME:.metadata.name`.'],
    solution: 'kubectl get pods -l env=prod,bu=finance,tier=frontend --no-headers -o custom-columns=NAME:.metadata.name > /opt/answers/prod-finance-frontend.txt',
    check(c) {
      const names = c.podsOf('default', 'env=prod,bu=finance,tier=frontend').map((p) => p.metadata.name as string);
      c.answerIs('/opt/answers/prod-finance-frontend.txt', [names.join('\n'), ...names.map((n) => `pod/${n}`)]);
    },
  },
  {
    id: 'taint-toleration',
    section: 'scheduling',
    title: '테인트 걸고 견디는 파드 띄우기',
    notes: ['31-taints-and-tolerations'],
    domain: 'workloads',
    setup: '',
    task: `- \`node01\`에 테인트를 건다: 키 \`spray\`, 값 \`mortein\`, 이펙트 \`NoSchedule\`.
- \`nginx\` 이미지로 파드 \`bee\`를 만드는데, 이 테인트를 견디는 톨러레이션을 넣는다. \`bee\`는 \`Running\`이어야 한다.`,
    hints: ['`kubectl taint nodes node01 spray=mortein:NoSchedule`', '톨러레이션은 파드의 `spec.tolerations`에 `key`, `operator: Equal`, `value`, `effect`로 적는다. `kubectl run bee --image=nginx --dry-run=client -o yaml > bee.yaml`로 시작하자.'],
    solution: `kubectl taint nodes node01 spray=mortein:NoSchedule
cat <<'EOF' > /root/bee.yaml
apiVersion: v1
kind: Pod
metadata:
  name: bee
spec:
  containers:
  - name: bee
    image: nginx
  tolerations:
  - key: spray
    operator: Equal
    value: mortein
    effect: NoSchedule
EOF
kubectl apply -f /root/bee.yaml`,
    check(c) {
      const node = c.need('node', 'node01');
      if (node && !c.taints(node).some((t) => t.key === 'spray' && t.value === 'mortein' && t.effect === 'NoSchedule')) c.fail('node01 노드에 spray=mortein:NoSchedule 테인트가 없습니다');
      const pod = c.need('pod', 'bee');
      if (!pod) return;
      c.image(pod, 'nginx');
      c.expect(tolerates(pod, 'spray', 'mortein', 'NoSchedule'), 'bee 파드에 spray=mortein:NoSchedule을 견디는 톨러레이션이 없습니다');
      c.running(pod);
    },
  },
  {
    id: 'taint-remove',
    section: 'scheduling',
    title: '이 노드의 테인트를 지워 봐라',
    notes: ['31-taints-and-tolerations', '04-control-plane'],
    domain: 'troubleshooting',
    setup: `kubectl taint nodes node01 dedicated=gpu:NoSchedule
kubectl taint nodes node02 dedicated=gpu:NoSchedule
kubectl run mosquito --image=nginx
sleep 10`,
    task: `\`mosquito\` 파드가 \`Pending\`이다. 워커 노드 두 대에는 GPU 작업 전용 테인트가 걸려 있어 그대로 둬야 한다.

\`controlplane\` 노드의 테인트를 지워서 \`mosquito\`가 \`controlplane\`에서 \`Running\`이 되게 한다. 파드는 고치지 않는다.`,
    hints: ['`kubectl describe node controlplane | grep Taints`로 어떤 테인트가 있는지 본다.', '테인트를 지우려면 같은 테인트를 적고 끝에 `-`를 붙인다: `kubectl taint nodes controlplane <키>:<이펙트>-`.'],
    solution: 'kubectl taint nodes controlplane node-role.kubernetes.io/control-plane:NoSchedule-',
    check(c) {
      const cp = c.need('node', 'controlplane');
      if (cp && c.taints(cp).some((t) => t.key === CP_TAINT)) c.fail(`controlplane 노드에 아직 ${CP_TAINT}:NoSchedule 테인트가 있습니다`);
      for (const n of ['node01', 'node02']) {
        const node = c.get('node', n);
        if (node && !c.taints(node).some((t) => t.key === 'dedicated' && t.value === 'gpu')) c.fail(`${n} 노드의 dedicated=gpu:NoSchedule 테인트는 그대로 둬야 합니다`);
      }
      const pod = c.need('pod', 'mosquito');
      if (!pod) return;
      c.expect(!(pod.spec?.tolerations ?? []).some((t: Obj) => t.key === 'dedicated' || t.key === CP_TAINT || (t.operator === 'Exists' && !t.key)), 'mosquito 파드는 고치지 말아야 합니다 (톨러레이션이 추가되었습니다)');
      if (c.expect(pod.spec?.nodeName === 'controlplane', `mosquito 파드가 controlplane에 있지 않습니다 (현재: ${pod.spec?.nodeName ?? '배치되지 않음'})`)) c.running(pod);
    },
  },
  {
    id: 'nodeselector',
    section: 'scheduling',
    title: '노드에 레이블 붙이고 노드셀렉터 쓰기',
    notes: ['32-node-selectors', '30-labels-and-selectors'],
    domain: 'workloads',
    setup: '',
    task: `- \`node01\`에 레이블 \`size=Large\`를 붙인다.
- \`nginx\` 이미지로 파드 \`myapp-pod\`를 만들고, 노드셀렉터(\`nodeSelector\`)로 \`size=Large\` 노드에만 올라가게 한다.`,
    hints: ['`kubectl label nodes node01 size=Large`', '파드 `spec.nodeSelector` 아래에 `size: Large`를 적는다.'],
    solution: `kubectl label nodes node01 size=Large
cat <<'EOF' > /root/myapp-pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
spec:
  containers:
  - name: nginx
    image: nginx
  nodeSelector:
    size: Large
EOF
kubectl apply -f /root/myapp-pod.yaml`,
    check(c) {
      const node = c.need('node', 'node01');
      if (node && node.metadata?.labels?.size !== 'Large') c.fail(`node01 노드에 size=Large 레이블이 없습니다 (현재 size: ${node.metadata?.labels?.size ?? '없음'})`);
      const pod = c.need('pod', 'myapp-pod');
      if (!pod) return;
      c.expect(pod.spec?.nodeSelector?.size === 'Large', `myapp-pod 파드의 nodeSelector에 size: Large가 없습니다 (현재: ${JSON.stringify(pod.spec?.nodeSelector ?? {})})`);
      if (c.expect(pod.spec?.nodeName === 'node01', `myapp-pod 파드가 node01에 있지 않습니다 (현재: ${pod.spec?.nodeName ?? '배치되지 않음'})`)) c.running(pod);
    },
  },
  {
    id: 'node-affinity-blue',
    section: 'scheduling',
    title: '노드 어피니티로 한 노드에 모으기',
    notes: ['33-node-affinity'],
    domain: 'workloads',
    setup: '',
    task: `- \`node01\`에 레이블 \`color=blue\`를 붙인다.
- \`nginx\` 이미지로 레플리카 3개짜리 디플로이먼트 \`blue\`를 만들고, 노드 어피니티(\`requiredDuringSchedulingIgnoredDuringExecution\`, 연산자 \`In\`)로 파드가 \`color=blue\` 노드에만 올라가게 한다.`,
    hints: ['`kubectl create deployment blue --image=nginx --replicas=3 --dry-run=client -o yaml > blue.yaml`로 만든 뒤 파드 템플릿의 `spec` 아래에 `affinity.nodeAffinity`를 넣는다.', '`nodeSelectorTerms` → `matchExpressions` → `key: color`, `operator: In`, `values: [blue]`.'],
    solution: `kubectl label nodes node01 color=blue
cat <<'EOF' > /root/blue.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: blue
spec:
  replicas: 3
  selector:
    matchLabels:
      app: blue
  template:
    metadata:
      labels:
        app: blue
    spec:
      containers:
      - name: nginx
        image: nginx
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: color
                operator: In
                values:
                - blue
EOF
kubectl apply -f /root/blue.yaml`,
    check(c) {
      const node = c.need('node', 'node01');
      if (node && node.metadata?.labels?.color !== 'blue') c.fail('node01 노드에 color=blue 레이블이 없습니다');
      const d = c.need('deployment', 'blue');
      if (!d) return;
      const terms = requiredTerms(d.spec?.template?.spec);
      const ok = terms.some((t) => (t.matchExpressions ?? []).some((e: Obj) => e.key === 'color' && e.operator === 'In' && (e.values ?? []).includes('blue')));
      c.expect(ok, 'blue 디플로이먼트에 color In (blue) 노드 어피니티(required…)가 없습니다');
      c.expect(d.spec?.replicas === 3 && readyReplicas(d) === 3, `blue 디플로이먼트의 준비된 파드가 3개가 아닙니다 (현재: ${readyReplicas(d)})`);
      const off = deploymentPods(c, d).filter((p) => p.spec?.nodeName !== 'node01');
      if (off.length) c.fail(`node01이 아닌 노드에 뜬 blue 파드가 있습니다: ${off.map((p) => `${p.metadata.name}(${p.spec?.nodeName ?? '대기'})`).join(', ')}`);
    },
  },
  {
    id: 'affinity-and-taint',
    section: 'scheduling',
    title: '컨트롤 플레인에만 띄우기 (어피니티 + 톨러레이션)',
    notes: ['34-node-affinity-vs-taints', '33-node-affinity', '31-taints-and-tolerations'],
    domain: 'workloads',
    setup: '',
    task: `\`nginx\` 이미지로 레플리카 2개짜리 디플로이먼트 \`red\`를 만든다. 파드는 \`controlplane\` 노드에만 떠야 한다.

- 노드 어피니티로 레이블 키 \`node-role.kubernetes.io/control-plane\`이 있는(\`Exists\`) 노드만 고른다.
- \`controlplane\`의 테인트는 지우지 않는다.`,
    hints: ['어피니티는 "이 노드로 가라"를 정할 뿐, 테인트를 견디게 해 주지 않는다. 그래서 톨러레이션도 함께 넣어야 한다 (노트 34).', '톨러레이션: `key: node-role.kubernetes.io/control-plane`, `operator: Exists`, `effect: NoSchedule`.'],
    solution: `cat <<'EOF' > /root/red.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: red
spec:
  replicas: 2
  selector:
    matchLabels:
      app: red
  template:
    metadata:
      labels:
        app: red
    spec:
      containers:
      - name: nginx
        image: nginx
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: node-role.kubernetes.io/control-plane
                operator: Exists
EOF
kubectl apply -f /root/red.yaml`,
    check(c) {
      const cp = c.need('node', 'controlplane');
      if (cp && !c.taints(cp).some((t) => t.key === CP_TAINT)) c.fail(`controlplane 노드의 ${CP_TAINT}:NoSchedule 테인트를 지우면 안 됩니다`);
      const d = c.need('deployment', 'red');
      if (!d) return;
      const terms = requiredTerms(d.spec?.template?.spec);
      const ok = terms.some((t) => (t.matchExpressions ?? []).some((e: Obj) => e.key === CP_TAINT && e.operator === 'Exists'));
      c.expect(ok, `red 디플로이먼트에 ${CP_TAINT} Exists 노드 어피니티(required…)가 없습니다`);
      c.expect(readyReplicas(d) === 2, `red 디플로이먼트의 준비된 파드가 2개가 아닙니다 (현재: ${readyReplicas(d)})`);
      const off = deploymentPods(c, d).filter((p) => p.spec?.nodeName !== 'controlplane');
      if (off.length) c.fail(`controlplane이 아닌 곳에 있는 red 파드가 있습니다: ${off.map((p) => `${p.metadata.name}(${p.spec?.nodeName ?? '대기'})`).join(', ')}`);
    },
  },
  {
    id: 'resources-pending',
    section: 'scheduling',
    title: '자원 요청이 너무 큰 파드 고치기',
    notes: ['35-resource-requirements-and-limits', 'tips-2'],
    domain: 'troubleshooting',
    setup: `cat <<'EOF' > /root/webapp.yaml
apiVersion: v1
kind: Pod
metadata:
  name: webapp
spec:
  containers:
  - name: webapp
    image: kodekloud/webapp-color
    resources:
      requests:
        cpu: "10"
        memory: 256Mi
EOF
kubectl apply -f /root/webapp.yaml
sleep 10`,
    task: `\`webapp\` 파드가 \`Pending\`이다. 원인을 찾아 고친다.

- CPU 요청(request)은 \`500m\`, CPU 제한(limit)은 \`1\`로 한다. 메모리 요청 \`256Mi\`는 그대로 둔다.
- 파드는 \`Running\`이어야 한다.`,
    hints: ['`kubectl describe pod webapp`의 이벤트에 `Insufficient cpu`가 보인다. 노드의 CPU는 `kubectl describe node`의 `Allocatable`에서 본다.', '떠 있는 파드의 `resources`는 고칠 수 없다. 파일을 고쳐 `kubectl replace --force -f /root/webapp.yaml`로 다시 만든다.'],
    solution: `sed -i 's|cpu: "10"|cpu: 500m|' /root/webapp.yaml
sed -i 's|memory: 256Mi|memory: 256Mi\\n      limits:\\n        cpu: "1"|' /root/webapp.yaml
kubectl replace --force -f /root/webapp.yaml`,
    check(c) {
      const pod = c.need('pod', 'webapp');
      if (!pod) return;
      const r = pod.spec?.containers?.[0]?.resources ?? {};
      c.expect(sameQuantity(r.requests?.cpu, '500m'), `webapp 파드의 CPU 요청이 500m가 아닙니다 (현재: ${r.requests?.cpu ?? '없음'})`);
      c.expect(sameQuantity(r.limits?.cpu, '1'), `webapp 파드의 CPU 제한이 1이 아닙니다 (현재: ${r.limits?.cpu ?? '없음'})`);
      c.expect(sameQuantity(r.requests?.memory, '256Mi'), `webapp 파드의 메모리 요청은 256Mi로 둬야 합니다 (현재: ${r.requests?.memory ?? '없음'})`);
      c.running(pod);
    },
  },
  {
    id: 'oom-limit',
    section: 'scheduling',
    title: 'OOMKilled 파드의 메모리 제한 올리기',
    notes: ['35-resource-requirements-and-limits', 'tips-2'],
    domain: 'troubleshooting',
    setup: `cat <<'EOF' > /root/elephant.yaml
apiVersion: v1
kind: Pod
metadata:
  name: elephant
spec:
  containers:
  - name: mem-stress
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "15M", "--vm-hang", "1"]
    resources:
      requests:
        memory: 5Mi
      limits:
        memory: 10Mi
EOF
kubectl apply -f /root/elephant.yaml
sleep 40`,
    task: '`elephant` 파드가 계속 재시작된다. 원인을 확인하고 메모리 제한(limit)을 `20Mi`로 올려 파드가 `Running`을 유지하게 한다. 다른 설정은 그대로 둔다.',
    hints: ['`kubectl describe pod elephant`의 `Last State:`에 종료 이유(`Reason`)가 나온다.', '제한은 떠 있는 파드에서 못 바꾼다. 파일을 고치고 `kubectl replace --force -f /root/elephant.yaml`.'],
    solution: `sed -i 's|memory: 10Mi|memory: 20Mi|' /root/elephant.yaml
kubectl replace --force -f /root/elephant.yaml`,
    settleMs: 30_000,
    check(c) {
      const pod = c.need('pod', 'elephant');
      if (!pod) return;
      const ctr = pod.spec?.containers?.[0] ?? {};
      c.expect(sameQuantity(ctr.resources?.limits?.memory, '20Mi'), `elephant 파드의 메모리 제한이 20Mi가 아닙니다 (현재: ${ctr.resources?.limits?.memory ?? '없음'})`);
      c.expect(sameImage(ctr.image, 'polinux/stress') && (ctr.args ?? []).includes('15M'), 'elephant 파드의 이미지와 인자(--vm-bytes 15M)는 그대로 둬야 합니다');
      c.running(pod);
    },
  },
  {
    id: 'limitrange',
    section: 'scheduling',
    title: '리밋레인지로 기본 CPU 값 주기',
    notes: ['35-resource-requirements-and-limits'],
    domain: 'workloads',
    setup: 'kubectl create namespace team-a',
    task: `\`team-a\` 네임스페이스의 컨테이너에 CPU 기본값이 들어가게 한다.

- 리밋레인지(LimitRange) \`cpu-resource-constraint\`: 컨테이너 기본 제한 \`500m\`, 기본 요청 \`500m\`, 최대 \`1\`, 최소 \`100m\`.
- 그다음 \`team-a\`에 자원 설정이 없는 파드 \`no-limits\`(\`nginx\`)를 만들어, 기본값이 들어갔는지 확인한다.`,
    hints: ['노트 35.5의 YAML에 `metadata.namespace: team-a`를 넣거나 `kubectl apply -n team-a -f …`로 만든다.', '리밋레인지는 파드가 만들어질 때만 적용된다. 순서가 중요하다.'],
    solution: `cat <<'EOF' > /root/cpu-limitrange.yaml
apiVersion: v1
kind: LimitRange
metadata:
  name: cpu-resource-constraint
  namespace: team-a
spec:
  limits:
  - default:
      cpu: 500m
    defaultRequest:
      cpu: 500m
    max:
      cpu: "1"
    min:
      cpu: 100m
    type: Container
EOF
kubectl apply -f /root/cpu-limitrange.yaml
kubectl run no-limits --image=nginx -n team-a`,
    check(c) {
      const lr = c.need('limitrange', 'cpu-resource-constraint', 'team-a');
      if (lr) {
        const item = ((lr.spec?.limits ?? []) as Obj[]).find((l) => l.type === 'Container') ?? {};
        const want: [string, string | undefined, string][] = [
          ['기본 제한(default)', item.default?.cpu, '500m'],
          ['기본 요청(defaultRequest)', item.defaultRequest?.cpu, '500m'],
          ['최대(max)', item.max?.cpu, '1'],
          ['최소(min)', item.min?.cpu, '100m'],
        ];
        for (const [what, got, v] of want) if (!sameQuantity(got, v)) c.fail(`cpu-resource-constraint의 컨테이너 CPU ${what} 값이 ${v}가 아닙니다 (현재: ${got ?? '없음'})`);
      }
      const pod = c.need('pod', 'no-limits', 'team-a');
      if (!pod) return;
      const r = pod.spec?.containers?.[0]?.resources ?? {};
      c.expect(sameQuantity(r.limits?.cpu, '500m') && sameQuantity(r.requests?.cpu, '500m'), `no-limits 파드에 리밋레인지 기본값(CPU 500m)이 들어가 있지 않습니다 — 리밋레인지를 먼저 만들고 파드를 만들어야 합니다 (현재 요청: ${r.requests?.cpu ?? '없음'}, 제한: ${r.limits?.cpu ?? '없음'})`);
    },
  },
  {
    id: 'daemonset-create',
    section: 'scheduling',
    title: '데몬셋 만들기',
    notes: ['37-daemonsets', 'tips-1'],
    domain: 'workloads',
    setup: 'kubectl create namespace monitoring',
    task: `\`monitoring\` 네임스페이스에 데몬셋(DaemonSet) \`monitoring-daemon\`을 만든다.

- 이미지: \`registry.k8s.io/fluentd-elasticsearch:1.20\`
- 파드 레이블: \`app=monitoring-agent\`
- 워커 노드마다 파드가 하나씩 준비되어 있어야 한다.`,
    hints: ['`kubectl create daemonset`은 없다. `kubectl create deployment … --dry-run=client -o yaml`로 만든 뒤 `kind: DaemonSet`으로 바꾸고 `replicas`, `strategy`, `status`를 지운다.', '데몬셋에는 `replicas`가 없다. 노드 수만큼 뜬다.'],
    solution: `cat <<'EOF' > /root/daemonset.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: monitoring-daemon
  namespace: monitoring
spec:
  selector:
    matchLabels:
      app: monitoring-agent
  template:
    metadata:
      labels:
        app: monitoring-agent
    spec:
      containers:
      - name: monitoring-agent
        image: registry.k8s.io/fluentd-elasticsearch:1.20
EOF
kubectl apply -f /root/daemonset.yaml`,
    check(c) {
      const ds = c.need('daemonset', 'monitoring-daemon', 'monitoring');
      if (!ds) return;
      const tmpl = ds.spec?.template ?? {};
      c.expect(tmpl.metadata?.labels?.app === 'monitoring-agent', 'monitoring-daemon 데몬셋의 파드 레이블이 app=monitoring-agent가 아닙니다');
      c.expect(sameImage(tmpl.spec?.containers?.[0]?.image, 'registry.k8s.io/fluentd-elasticsearch:1.20'), `monitoring-daemon 데몬셋의 이미지가 registry.k8s.io/fluentd-elasticsearch:1.20이 아닙니다 (현재: ${tmpl.spec?.containers?.[0]?.image})`);
      const pods = c.podsOf('monitoring', { app: 'monitoring-agent' });
      for (const n of ['node01', 'node02']) {
        const p = pods.find((x) => x.spec?.nodeName === n);
        if (!p) c.fail(`${n} 노드에 monitoring-daemon 파드가 없습니다`);
        else c.running(p);
      }
    },
  },
  {
    id: 'daemonset-inspect',
    section: 'scheduling',
    title: '클러스터의 데몬셋 살펴보기',
    notes: ['37-daemonsets', '19-kube-proxy', '11-kube-proxy-overview'],
    domain: 'architecture',
    setup: ANSWERS,
    task: `클러스터에 이미 있는 데몬셋을 살펴본다.

- 모든 네임스페이스의 데몬셋 개수를 \`/opt/answers/ds-count.txt\`에 적는다.
- \`kube-proxy\` 데몬셋이 쓰는 이미지를 \`/opt/answers/kube-proxy-image.txt\`에 적는다.`,
    hints: ['`kubectl get daemonsets -A` (짧게 `ds`).', '`kubectl describe ds kube-proxy -n kube-system`의 `Image:`.'],
    solution: `kubectl get ds -A --no-headers | wc -l > /opt/answers/ds-count.txt
kubectl -n kube-system get ds kube-proxy -o jsonpath='{.spec.template.spec.containers[0].image}' > /opt/answers/kube-proxy-image.txt`,
    check(c) {
      c.answerIs('/opt/answers/ds-count.txt', String(c.list('daemonset').length));
      const ds = c.need('daemonset', 'kube-proxy', 'kube-system');
      const img = ds?.spec?.template?.spec?.containers?.[0]?.image;
      const a = c.answer('/opt/answers/kube-proxy-image.txt');
      if (img && a !== undefined && !sameImage(a, img)) c.fail(`/opt/answers/kube-proxy-image.txt에 적힌 이미지가 맞지 않습니다 (적힌 값: ${a})`);
    },
  },
  {
    id: 'static-pod-create',
    section: 'scheduling',
    title: '스태틱 파드 만들기',
    notes: ['40-static-pods'],
    domain: 'architecture',
    setup: '',
    task: `\`controlplane\` 노드에 스태틱 파드 \`static-busybox\`를 만든다.

- 이미지 \`busybox\`, 명령 \`sleep 1000\`
- kubelet이 직접 띄우는 스태틱 파드여야 한다 (API로 만든 파드가 아니라).`,
    hints: ['스태틱 파드는 kubelet 설정의 `staticPodPath`(kubeadm 클러스터는 `/etc/kubernetes/manifests`)에 매니페스트를 두면 생긴다.', '`kubectl run static-busybox --image=busybox --dry-run=client -o yaml --command -- sleep 1000 > /etc/kubernetes/manifests/static-busybox.yaml`', 'API에는 이름 끝에 `-controlplane`이 붙은 미러 파드로 보인다.'],
    solution: 'kubectl run static-busybox --image=busybox --dry-run=client -o yaml --command -- sleep 1000 > /etc/kubernetes/manifests/static-busybox.yaml',
    settleMs: 30_000,
    check(c) {
      const dir = staticPodPath(c, 'controlplane');
      const fs = c.cluster.machines.get('controlplane');
      const files = (fs?.list(dir) ?? []).map((f) => `${dir}/${f}`);
      const has = files.some((f) => readManifests(c.file(f) ?? '', f).documents.some((d) => (d.object as { metadata?: { name?: unknown } } | undefined)?.metadata?.name === 'static-busybox'));
      c.expect(has, `${dir}에 static-busybox 파드 매니페스트가 없습니다`);
      const pod = c.get('pod', 'static-busybox-controlplane');
      if (!pod) {
        c.fail('static-busybox-controlplane 미러 파드가 보이지 않습니다 (kubelet이 스태틱 파드를 띄우지 않았습니다)');
        return;
      }
      const ctr = pod.spec?.containers?.[0] ?? {};
      c.image(pod, 'busybox');
      const argv = [...(ctr.command ?? []), ...(ctr.args ?? [])].join(' ');
      c.expect(/^(\/bin\/)?(sh -c )?sleep 1000$/.test(argv), `static-busybox 파드의 명령이 sleep 1000이 아닙니다 (현재: ${argv || '이미지 기본값'})`);
      c.running(pod);
    },
  },
  {
    id: 'static-pod-delete',
    section: 'scheduling',
    title: '지워지지 않는 파드 지우기',
    notes: ['40-static-pods', '18-kubelet'],
    domain: 'troubleshooting',
    setup: `ssh node01
sed -i 's|staticPodPath: /etc/kubernetes/manifests|staticPodPath: /etc/just-to-mess-with-you|' /var/lib/kubelet/config.yaml
mkdir -p /etc/just-to-mess-with-you
cat <<'EOF' > /etc/just-to-mess-with-you/greenbox.yaml
apiVersion: v1
kind: Pod
metadata:
  name: static-greenbox
spec:
  containers:
  - name: greenbox
    image: busybox:1.28
    command: ["sleep", "1000"]
EOF
systemctl restart kubelet
exit
sleep 30`,
    task: '`static-greenbox-node01` 파드를 지워도 금방 다시 생긴다. 이 파드가 다시 생기지 않게 완전히 없앤다. (`node01`의 kubelet 설정은 바꾸지 않는다.)',
    hints: ['이름 끝의 `-node01`은 `node01`의 kubelet이 띄운 스태틱 파드라는 뜻이다. 미러 파드를 지워도 kubelet이 다시 만든다.', '`ssh node01` 후 `/var/lib/kubelet/config.yaml`의 `staticPodPath`를 확인한다. 기본 경로가 아닐 수 있다.', '그 디렉터리의 매니페스트 파일을 지우면 kubelet이 파드를 내린다.'],
    solution: `ssh node01
grep staticPodPath /var/lib/kubelet/config.yaml
rm /etc/just-to-mess-with-you/greenbox.yaml
exit`,
    settleMs: 30_000,
    check(c) {
      const dir = staticPodPath(c, 'node01');
      c.expect(dir === '/etc/just-to-mess-with-you', `node01의 kubelet 설정(staticPodPath)은 바꾸지 말아야 합니다 (현재: ${dir})`);
      const fs = c.cluster.machines.get('node01');
      const left = (fs?.list(dir) ?? []).filter((f) => /static-greenbox/.test(c.file(`${dir}/${f}`, 'node01') ?? ''));
      if (left.length) c.fail(`node01의 ${dir}에 아직 static-greenbox 매니페스트가 있습니다: ${left.join(', ')}`);
      if (c.get('pod', 'static-greenbox-node01')) c.fail('static-greenbox-node01 파드가 아직 있습니다');
    },
  },
  {
    id: 'scheduler-profile',
    section: 'scheduling',
    title: '두 번째 스케줄러 띄우기',
    notes: ['41-multiple-schedulers', '42-scheduler-profiles', '40-static-pods'],
    domain: 'architecture',
    setup: `${MY_SCHEDULER_CONFIG}
${myScheduler('--scheduler-name=my-scheduler')}
cp /root/my-scheduler.yaml /etc/kubernetes/manifests/my-scheduler.yaml
cat <<'EOF' > /root/waiting.yaml
apiVersion: v1
kind: Pod
metadata:
  name: waiting
spec:
  schedulerName: my-scheduler
  containers:
  - name: nginx
    image: nginx
EOF
kubectl apply -f /root/waiting.yaml
sleep 40`,
    task: `두 번째 스케줄러 \`my-scheduler\`를 스태틱 파드로 띄워 두었는데 계속 죽는다. 그래서 \`schedulerName: my-scheduler\`를 쓰는 파드 \`waiting\`이 \`Pending\`이다.

\`my-scheduler\`가 프로파일 설정 파일 \`/etc/kubernetes/my-scheduler-config.yaml\`(프로파일 이름 \`my-scheduler\`)로 뜨게 고쳐서, \`waiting\` 파드가 \`my-scheduler\`에 의해 배치되고 \`Running\`이 되게 한다.`,
    hints: ['`kubectl logs -n kube-system my-scheduler-controlplane`이나 `crictl logs`로 스케줄러가 죽는 이유를 본다.', '`--scheduler-name` 플래그는 v1.23에 없어졌다. 지금은 `KubeSchedulerConfiguration`의 `profiles[].schedulerName`으로 이름을 정하고 `--config=<파일>`로 넘긴다.', '매니페스트는 `/etc/kubernetes/manifests/my-scheduler.yaml`. 설정 파일은 이미 `hostPath`로 마운트되어 있다.'],
    solution: "sed -i 's|--scheduler-name=my-scheduler|--config=/etc/kubernetes/my-scheduler-config.yaml|' /etc/kubernetes/manifests/my-scheduler.yaml",
    settleMs: 45_000,
    check(c) {
      const s = c.need('pod', 'my-scheduler-controlplane', 'kube-system');
      if (s) c.running(s);
      const pod = c.need('pod', 'waiting');
      if (!pod) return;
      c.expect(pod.spec?.schedulerName === 'my-scheduler', `waiting 파드의 schedulerName은 my-scheduler로 둬야 합니다 (현재: ${pod.spec?.schedulerName})`);
      const by = scheduledBy(c, 'waiting');
      if (!pod.spec?.nodeName) c.fail('waiting 파드가 아직 어느 노드에도 배치되지 않았습니다');
      else if (by && by !== 'my-scheduler') c.fail(`waiting 파드를 배치한 것이 my-scheduler가 아닙니다 (현재: ${by})`);
      else c.running(pod);
    },
  },
];

/** The component of the Scheduled event of a pod (who bound it), if any. */
function scheduledBy(c: Check, pod: string, ns = 'default'): string | undefined {
  const ev = c.list('event', ns).find((e) => e.reason === 'Scheduled' && e.involvedObject?.name === pod);
  return ev?.source?.component ?? ev?.reportingComponent ?? undefined;
}
