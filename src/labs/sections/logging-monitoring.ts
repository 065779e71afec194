/**
 * Labs of the section "로깅·모니터링" (notes 43–44): metrics-server and `kubectl top`, application
 * logs (`kubectl logs`, -c, --previous, files inside containers), and monitoring the cluster's own
 * components when they break (crictl logs, journalctl).
 */
import type { Check, Obj } from '../check.ts';
import { ANSWERS } from '../check.ts';
import { MetricsServer } from '../../sim/cluster/metricsserver.ts';
import { quantityOf } from '../../sim/api/quantity.ts';
import type { Lab } from '../types.ts';

const METRICS_SERVER = 'kubectl -n kube-system create deployment metrics-server --image=registry.k8s.io/metrics-server/metrics-server:v0.8.0 -- /metrics-server --kubelet-insecure-tls';

function metrics(c: Check): MetricsServer {
  return new MetricsServer(c.cluster.client, c.cluster.kubelets);
}

/** The metrics-server Deployment is there and the metrics API answers (`kubectl top node` works). */
function metricsApiServes(c: Check): void {
  const d = c.need('deployment', 'metrics-server', 'kube-system');
  if (d && !metrics(c).available()) c.fail('메트릭 API(metrics.k8s.io)가 아직 응답하지 않습니다 — kubectl top node가 동작하지 않습니다');
}

/** A quantity in milli-units (CPU in millicores, memory in milli-bytes): fine enough to compare. */
const num = (q: string | undefined) => quantityOf(q)?.milliValue() ?? 0;

/** The log lines a container has printed (current run), as `kubectl logs` shows them. */
function logLines(c: Check, pod: Obj | undefined, container: string): string[] {
  if (!pod) return [];
  const kubelet = c.cluster.kubelets.get(pod.spec?.nodeName ?? '');
  return (kubelet?.logs(pod.metadata.uid, container) ?? []).map((l) => l.text);
}

/** A busybox container script that prints `lines` and then keeps running. */
const printer = (lines: string[]) => `echo ${lines.map((l) => `'${l}'`).join('; echo ')}; sleep 3600`;

const EVENT_LINES = [
  '[2026-01-15 09:10:01,001] INFO in event-simulator: USER1 logged in',
  '[2026-01-15 09:10:02,114] INFO in event-simulator: USER3 is viewing page2',
  '[2026-01-15 09:10:03,290] WARNING in event-simulator: USER5 Failed to Login as the account is locked due to MANY FAILED ATTEMPTS.',
  '[2026-01-15 09:10:04,301] INFO in event-simulator: USER4 is viewing page3',
  '[2026-01-15 09:10:05,412] INFO in event-simulator: USER2 logged out',
];

const FOO_LINES = [
  'GET /index.html 200',
  'ERROR unable-to-access-website https://example.com/a',
  'GET /about.html 200',
  'ERROR unable-to-access-website https://example.com/b',
  'WARN slow response 2.3s',
  'ERROR file-not-found /var/www/missing.png',
  'ERROR unable-to-access-website https://example.com/c',
];

export const labs: Lab[] = [
  {
    id: 'metrics-server-deploy',
    section: 'logging-monitoring',
    title: '메트릭 서버 배포하기',
    notes: ['43-monitor-cluster-components'],
    domain: 'architecture',
    setup: `mkdir -p /root/metrics-server
cat <<'EOF' > /root/metrics-server/components.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: metrics-server
  namespace: kube-system
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
  namespace: kube-system
  labels:
    k8s-app: metrics-server
spec:
  selector:
    matchLabels:
      k8s-app: metrics-server
  template:
    metadata:
      labels:
        k8s-app: metrics-server
    spec:
      serviceAccountName: metrics-server
      containers:
      - name: metrics-server
        image: registry.k8s.io/metrics-server/metrics-server:v0.8.0
        args:
        - --cert-dir=/tmp
        - --secure-port=10250
        - --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname
        - --kubelet-use-node-status-port
        - --metric-resolution=15s
        - --kubelet-insecure-tls
---
apiVersion: v1
kind: Service
metadata:
  name: metrics-server
  namespace: kube-system
  labels:
    k8s-app: metrics-server
spec:
  selector:
    k8s-app: metrics-server
  ports:
  - name: https
    port: 443
    targetPort: 10250
EOF`,
    task: `이 클러스터에는 메트릭 서버가 없어서 \`kubectl top node\`가 동작하지 않는다.

\`/root/metrics-server/\` 디렉터리에 받아 둔 매니페스트로 메트릭 서버를 배포하고, \`kubectl top node\`와 \`kubectl top pod\`가 값을 보여 주게 한다.`,
    hints: ['디렉터리에 있는 YAML을 한꺼번에 적용하려면 `kubectl apply -f /root/metrics-server/`.', '메트릭 서버가 준비되고 첫 수집을 마칠 때까지 1분쯤 걸린다. `sleep 60` 뒤에 `kubectl top node`.'],
    solution: 'kubectl apply -f /root/metrics-server/',
    settleMs: 75_000,
    check(c) {
      metricsApiServes(c);
    },
  },
  {
    id: 'metrics-server-fix',
    section: 'logging-monitoring',
    title: '메트릭 서버가 준비되지 않을 때',
    notes: ['43-monitor-cluster-components'],
    domain: 'troubleshooting',
    setup: `kubectl -n kube-system create deployment metrics-server --image=registry.k8s.io/metrics-server/metrics-server:v0.8.0 -- /metrics-server --metric-resolution=15s
sleep 90`,
    task: `메트릭 서버를 설치했는데 몇 분이 지나도 \`kubectl top node\`가 \`error: Metrics API not available\`을 낸다.

실습용 kubeadm 클러스터에서 흔한 원인을 고쳐서 \`kubectl top node\`가 동작하게 한다. 메트릭 서버 디플로이먼트(\`kube-system\`의 \`metrics-server\`)는 지우지 말고 고친다.`,
    hints: ['kubeadm 클러스터의 kubelet 서빙 인증서는 자체 서명이라, 메트릭 서버가 kubelet 인증서를 검증하지 못한다.', '연습용으로는 메트릭 서버 인자에 `--kubelet-insecure-tls`를 더한다. 노트 43의 `kubectl patch` 명령을 참고하자. 인자는 이 디플로이먼트에서는 `command`에 들어 있다.'],
    solution: `kubectl -n kube-system patch deployment metrics-server --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/command/-","value":"--kubelet-insecure-tls"}]'`,
    settleMs: 90_000,
    check(c) {
      metricsApiServes(c);
    },
  },
  {
    id: 'top-pod-memory',
    section: 'logging-monitoring',
    title: '메모리를 가장 많이 쓰는 파드 찾기',
    notes: ['43-monitor-cluster-components'],
    domain: 'troubleshooting',
    setup: `${ANSWERS}
${METRICS_SERVER}
kubectl run web --image=nginx
kubectl run cache --image=redis
kubectl run queue --image=rabbitmq
kubectl run docs --image=mongo
kubectl run orders --image=mysql
kubectl run api --image=kodekloud/webapp-color
sleep 90`,
    task: '`default` 네임스페이스에서 메모리를 가장 많이 쓰는 파드의 이름을 `/opt/answers/top-memory-pod.txt`에 적는다.',
    hints: ['메트릭 서버가 있으면 `kubectl top pod`로 본다.', '`kubectl top pod --sort-by=memory`는 많이 쓰는 순서로 보여 준다. 첫 줄이 답이다.'],
    solution: "kubectl top pod --sort-by=memory --no-headers | head -1 | cut -d' ' -f1 > /opt/answers/top-memory-pod.txt",
    check(c) {
      const ms = metrics(c);
      const usage = c
        .list('pod', 'default')
        .map((p) => ({ name: p.metadata.name as string, m: ms.podMetrics(p as never) }))
        .filter((x) => x.m)
        .map((x) => ({ name: x.name, mem: (x.m!.containers as Obj[]).reduce((s, k) => s + num(k.usage?.memory), 0) }))
        .sort((a, b) => b.mem - a.mem);
      if (!usage.length) {
        c.fail('default 네임스페이스 파드의 메트릭이 없습니다');
        return;
      }
      c.answerIs('/opt/answers/top-memory-pod.txt', [usage[0].name, `pod/${usage[0].name}`]);
    },
  },
  {
    id: 'top-node-cpu',
    section: 'logging-monitoring',
    title: 'CPU를 가장 많이 쓰는 워커 노드 찾기',
    notes: ['43-monitor-cluster-components'],
    domain: 'troubleshooting',
    setup: `${ANSWERS}
${METRICS_SERVER}
cat <<'EOF' > /root/load.yaml
apiVersion: v1
kind: Pod
metadata:
  name: cpu-burner
spec:
  nodeName: node02
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--cpu", "1"]
EOF
kubectl apply -f /root/load.yaml
kubectl create deployment web --image=nginx --replicas=2
sleep 90`,
    task: '워커 노드(`node01`, `node02`) 가운데 지금 CPU를 더 많이 쓰는 노드의 이름을 `/opt/answers/busy-node.txt`에 적는다. 그 노드에서 CPU를 가장 많이 쓰는 파드의 이름은 `/opt/answers/busy-pod.txt`에 적는다.',
    hints: ['`kubectl top node`와 `kubectl top pod -A --sort-by=cpu`.', '파드가 어느 노드에 있는지는 `kubectl get pods -A -o wide`.'],
    solution: `kubectl top node --sort-by=cpu --no-headers | grep -v controlplane | head -1 | cut -d' ' -f1 > /opt/answers/busy-node.txt
kubectl top pod --sort-by=cpu --no-headers | head -1 | cut -d' ' -f1 > /opt/answers/busy-pod.txt`,
    check(c) {
      const ms = metrics(c);
      const nodes = ['node01', 'node02'].map((n) => ({ n, cpu: num(ms.nodeMetrics(c.get('node', n) as never)?.usage?.cpu) })).sort((a, b) => b.cpu - a.cpu);
      c.answerIs('/opt/answers/busy-node.txt', [nodes[0].n, `node/${nodes[0].n}`]);
      const pods = c
        .list('pod')
        .filter((p) => p.spec?.nodeName === nodes[0].n)
        .map((p) => ({ name: p.metadata.name as string, m: ms.podMetrics(p as never) }))
        .filter((x) => x.m)
        .map((x) => ({ name: x.name, cpu: (x.m!.containers as Obj[]).reduce((s, k) => s + num(k.usage?.cpu), 0) }))
        .sort((a, b) => b.cpu - a.cpu);
      if (pods.length) c.answerIs('/opt/answers/busy-pod.txt', [pods[0].name, `pod/${pods[0].name}`]);
    },
  },
  {
    id: 'logs-user',
    section: 'logging-monitoring',
    title: '로그에서 잠긴 계정 찾기',
    notes: ['44-application-logs'],
    domain: 'troubleshooting',
    setup: `${ANSWERS}
kubectl run webapp-1 --image=busybox -- sh -c "${printer(EVENT_LINES)}"
sleep 10`,
    task: '`webapp-1` 파드의 로그를 보고, 계정이 잠겨서(locked) 로그인에 실패한 사용자 이름(예: `USER9`)을 `/opt/answers/locked-user.txt`에 적는다.',
    hints: ['`kubectl logs webapp-1`', '`grep -i locked`로 좁힌다.'],
    solution: "kubectl logs webapp-1 | grep -i locked | grep -o 'USER[0-9]*' > /opt/answers/locked-user.txt",
    check(c) {
      c.answerIs('/opt/answers/locked-user.txt', 'USER5', (s) => s.trim().toUpperCase());
    },
  },
  {
    id: 'logs-container',
    section: 'logging-monitoring',
    title: '컨테이너가 여러 개인 파드의 로그',
    notes: ['44-application-logs'],
    domain: 'troubleshooting',
    setup: `${ANSWERS}
cat <<'EOF' > /root/webapp-2.yaml
apiVersion: v1
kind: Pod
metadata:
  name: webapp-2
spec:
  containers:
  - name: simple-webapp
    image: busybox
    command: ["sh", "-c", "echo 'INFO app started on :8080'; echo 'WARNING USER30 Order failed as the item is OUT OF STOCK.'; sleep 3600"]
  - name: db
    image: busybox
    command: ["sh", "-c", "echo 'INFO db ready'; echo 'WARNING USER8 slow query 3.2s'; sleep 3600"]
EOF
kubectl apply -f /root/webapp-2.yaml
sleep 10`,
    task: '`webapp-2` 파드에는 컨테이너가 두 개 있다. 애플리케이션 컨테이너(`simple-webapp`)의 로그에서 재고가 없어(OUT OF STOCK) 주문이 실패한 사용자 이름을 `/opt/answers/out-of-stock-user.txt`에 적는다.',
    hints: ['컨테이너가 여럿이면 `kubectl logs webapp-2`만으로는 어느 컨테이너인지 물어본다. `-c <컨테이너명>`을 붙인다.', '컨테이너 이름은 `kubectl get pod webapp-2 -o jsonpath=\'{.spec.containers[*].name}\'`.'],
    solution: "kubectl logs webapp-2 -c simple-webapp | grep 'OUT OF STOCK' | grep -o 'USER[0-9]*' > /opt/answers/out-of-stock-user.txt",
    check(c) {
      c.answerIs('/opt/answers/out-of-stock-user.txt', 'USER30', (s) => s.trim().toUpperCase());
    },
  },
  {
    id: 'logs-file',
    section: 'logging-monitoring',
    title: '컨테이너 안 로그 파일 읽기',
    notes: ['44-application-logs'],
    domain: 'troubleshooting',
    setup: `${ANSWERS}
kubectl create namespace elastic-stack
ssh node01
mkdir -p /var/log/webapp
cat <<'EOF' > /var/log/webapp/app.log
[2026-01-15 09:00:01,100] INFO in event-simulator: USER1 logged in
[2026-01-15 09:00:04,320] WARNING in event-simulator: USER7 Failed to Login as the account is locked due to MANY FAILED ATTEMPTS.
[2026-01-15 09:00:06,512] INFO in event-simulator: USER4 is viewing page1
EOF
exit
cat <<'EOF' > /root/app.yaml
apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: elastic-stack
spec:
  nodeName: node01
  containers:
  - name: app
    image: kodekloud/event-simulator
    volumeMounts:
    - name: log-volume
      mountPath: /log
  volumes:
  - name: log-volume
    hostPath:
      path: /var/log/webapp
      type: DirectoryOrCreate
EOF
kubectl apply -f /root/app.yaml
sleep 10`,
    task: '`elastic-stack` 네임스페이스의 `app` 파드는 로그를 표준 출력이 아니라 컨테이너 안 `/log/app.log` 파일에 쓴다. 그 파일에서 계정이 잠긴 사용자 이름을 찾아 `/opt/answers/app-locked-user.txt`에 적는다.',
    hints: ['`kubectl logs`는 표준 출력만 보여 준다. 파일은 컨테이너 안에서 읽는다: `kubectl -n elastic-stack exec app -- cat /log/app.log`.'],
    solution: "kubectl -n elastic-stack exec app -- cat /log/app.log | grep -i locked | grep -o 'USER[0-9]*' > /opt/answers/app-locked-user.txt",
    check(c) {
      c.answerIs('/opt/answers/app-locked-user.txt', 'USER7', (s) => s.trim().toUpperCase());
    },
  },
  {
    id: 'logs-grep',
    section: 'logging-monitoring',
    title: '로그에서 에러 줄만 뽑아 저장하기',
    notes: ['44-application-logs'],
    domain: 'troubleshooting',
    setup: `mkdir -p /opt/KUTR00101
kubectl run foo --image=busybox -- sh -c "${printer(FOO_LINES)}"
sleep 10`,
    task: '`foo` 파드의 로그를 보고, `unable-to-access-website` 에러에 해당하는 줄만 뽑아 `/opt/KUTR00101/foo` 파일에 저장한다.',
    hints: ['`kubectl logs foo | grep unable-to-access-website > /opt/KUTR00101/foo`'],
    solution: 'kubectl logs foo | grep unable-to-access-website > /opt/KUTR00101/foo',
    check(c) {
      const pod = c.need('pod', 'foo');
      const want = logLines(c, pod, 'foo').filter((l) => l.includes('unable-to-access-website'));
      const text = c.file('/opt/KUTR00101/foo');
      if (text === undefined) {
        c.fail('파일이 없습니다: /opt/KUTR00101/foo');
        return;
      }
      const got = text.split('\n').map((l) => l.trimEnd()).filter(Boolean);
      const missing = want.filter((l) => !got.includes(l));
      const extra = got.filter((l) => !want.includes(l));
      if (missing.length) c.fail(`/opt/KUTR00101/foo에 빠진 에러 줄이 ${missing.length}개 있습니다`);
      if (extra.length) c.fail(`/opt/KUTR00101/foo에 unable-to-access-website가 아닌 줄이 ${extra.length}개 섞여 있습니다 (예: ${extra[0].slice(0, 60)})`);
    },
  },
  {
    id: 'scheduler-crash',
    section: 'logging-monitoring',
    title: '죽은 스케줄러의 로그 읽고 고치기',
    notes: ['43-monitor-cluster-components', '17-kube-scheduler', '40-static-pods'],
    domain: 'troubleshooting',
    setup: `sed -i 's/--leader-elect=true/--leader-elct=true/' /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 40
kubectl run web --image=nginx
sleep 10`,
    task: '새로 만든 `web` 파드가 `Pending`에서 움직이지 않는다. 클러스터 컴포넌트의 상태와 로그를 살펴 원인을 고치고, `web`이 `Running`이 되게 한다.',
    hints: ['`kubectl get pods -n kube-system`에서 상태가 이상한 컴포넌트를 찾는다.', '`kubectl logs -n kube-system <파드>`나 `crictl ps -a`, `crictl logs <컨테이너ID>`로 컨테이너가 죽은 이유를 본다.', '컨트롤 플레인 컴포넌트는 스태틱 파드다. `/etc/kubernetes/manifests/` 아래 매니페스트를 고치면 kubelet이 다시 띄운다.'],
    solution: "sed -i 's/--leader-elct=true/--leader-elect=true/' /etc/kubernetes/manifests/kube-scheduler.yaml",
    settleMs: 60_000,
    check(c) {
      const s = c.need('pod', 'kube-scheduler-controlplane', 'kube-system');
      if (s) c.running(s);
      const pod = c.need('pod', 'web');
      if (pod) c.running(pod);
    },
  },
  {
    id: 'kubelet-journal',
    section: 'logging-monitoring',
    title: 'journalctl로 kubelet 고장 찾기',
    notes: ['43-monitor-cluster-components', '18-kubelet', '10-kubelet-overview'],
    domain: 'troubleshooting',
    setup: `ssh node01
sed -i 's|clientCAFile: /etc/kubernetes/pki/ca.crt|clientCAFile: /etc/kubernetes/pki/WRONG-CA.crt|' /var/lib/kubelet/config.yaml
systemctl restart kubelet
exit
sleep 60`,
    task: '`node01`이 `NotReady`가 되었다. `node01`의 kubelet 로그를 읽고 원인을 고쳐서 노드가 다시 `Ready`가 되게 한다.',
    hints: ['`ssh node01` 후 `systemctl status kubelet`과 `journalctl -u kubelet`을 본다.', 'kubelet 설정 파일은 `/var/lib/kubelet/config.yaml`이다. 로그가 가리키는 파일 경로가 실제로 있는지 `ls`로 확인한다.', 'systemd가 죽은 kubelet을 10초마다 다시 띄우므로 설정을 고치면 곧 살아난다 (바로 보려면 `systemctl restart kubelet`).'],
    solution: `ssh node01
journalctl -u kubelet
sed -i 's|WRONG-CA.crt|ca.crt|' /var/lib/kubelet/config.yaml
systemctl restart kubelet
exit`,
    check(c) {
      const node = c.need('node', 'node01');
      if (node && !c.nodeReady(node)) c.fail('node01 노드가 아직 Ready가 아닙니다');
      const cfg = c.file('/var/lib/kubelet/config.yaml', 'node01') ?? '';
      const ca = /clientCAFile:\s*(\S+)/.exec(cfg)?.[1];
      if (ca && !c.file(ca, 'node01')) c.fail(`node01 kubelet 설정의 clientCAFile이 없는 파일을 가리킵니다: ${ca}`);
    },
  },
];
