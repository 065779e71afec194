/**
 * Labs of the section "시험팁" (exam tips 1–2): the imperative commands and `--dry-run=client -o yaml`
 * patterns of tips-1 (its "실습 문제 예시" are here as labs), editing live Deployments and Pods and
 * `kubectl replace --force` (tips-2).
 */
import type { Check, Obj } from '../check.ts';
import { readyReplicas, sameImage } from '../check.ts';
import { josa } from '../josa.ts';
import type { Lab } from '../types.ts';

function endpointsOf(c: Check, svc: string, ns = 'default'): Obj[] {
  const ep = c.get('endpoints', svc, ns);
  return (ep?.subsets ?? []).flatMap((s: Obj) => s.addresses ?? []);
}

/** Fails unless the Service exists with type/port/targetPort and sends traffic to `pods`. */
function service(c: Check, name: string, want: { type: string; port: number; targetPort?: number; nodePort?: number; pods: string[] }, ns = 'default'): void {
  const svc = c.need('service', name, ns);
  if (!svc) return;
  c.expect((svc.spec?.type ?? 'ClusterIP') === want.type, `${name} 서비스의 타입이 ${josa(want.type, '이/가')} 아닙니다 (현재: ${svc.spec?.type})`);
  const p = svc.spec?.ports?.[0] ?? {};
  c.expect(p.port === want.port, `${name} 서비스의 port가 ${josa(String(want.port), '이/가')} 아닙니다 (현재: ${p.port})`);
  if (want.targetPort !== undefined) c.expect(String(p.targetPort ?? p.port) === String(want.targetPort), `${name} 서비스의 targetPort가 ${josa(String(want.targetPort), '이/가')} 아닙니다 (현재: ${p.targetPort})`);
  if (want.nodePort !== undefined) c.expect(p.nodePort === want.nodePort, `${name} 서비스의 nodePort가 ${josa(String(want.nodePort), '이/가')} 아닙니다 (현재: ${p.nodePort ?? '없음'})`);
  const ips = new Set(endpointsOf(c, name, ns).map((a) => a.targetRef?.name));
  const missing = want.pods.filter((p) => !ips.has(p));
  if (missing.length) c.fail(`${name} 서비스가 ${missing.join(', ')} 파드로 트래픽을 보내지 않습니다 (셀렉터: ${JSON.stringify(svc.spec?.selector ?? {})})`);
}

export const labs: Lab[] = [
  {
    id: 'run-labels',
    section: 'exam-tips',
    title: '레이블을 붙여 파드 만들기',
    notes: ['tips-1', '30-labels-and-selectors'],
    domain: 'workloads',
    setup: '',
    task: '`redis:alpine` 이미지로 파드 `redis`를 만들고 레이블 `tier=db`를 붙인다.',
    hints: ['`kubectl run redis --image=redis:alpine --labels="tier=db"` (짧게 `-l`).'],
    solution: 'kubectl run redis --image=redis:alpine --labels="tier=db"',
    check(c) {
      const pod = c.need('pod', 'redis');
      if (!pod) return;
      c.image(pod, 'redis:alpine');
      c.expect(pod.metadata?.labels?.tier === 'db', `redis 파드에 tier=db 레이블이 없습니다 (현재: ${JSON.stringify(pod.metadata?.labels ?? {})})`);
      c.running(pod);
    },
  },
  {
    id: 'expose-clusterip',
    section: 'exam-tips',
    title: 'ClusterIP 서비스로 파드 내보내기',
    notes: ['tips-1', '25-services'],
    domain: 'networking',
    setup: `kubectl run redis --image=redis:alpine --labels="tier=db"
sleep 10`,
    task: '파드 `redis`를 클러스터 안에서 `6379` 포트로 접속할 수 있게 ClusterIP 서비스 `redis-service`를 만든다.',
    hints: ['`kubectl expose pod redis --port=6379 --name redis-service`는 파드의 레이블(`tier=db`)을 셀렉터로 가져온다.', '`kubectl create service clusterip redis-service …`는 셀렉터를 `app=redis-service`로 정하므로 그대로는 파드를 못 찾는다.'],
    solution: 'kubectl expose pod redis --port=6379 --name redis-service',
    check(c) {
      service(c, 'redis-service', { type: 'ClusterIP', port: 6379, targetPort: 6379, pods: ['redis'] });
    },
  },
  {
    id: 'deployment-replicas',
    section: 'exam-tips',
    title: '레플리카 3개짜리 디플로이먼트',
    notes: ['tips-1', '24-deployments'],
    domain: 'workloads',
    setup: '',
    task: '`kodekloud/webapp-color` 이미지로 레플리카가 3개인 디플로이먼트 `webapp`을 만든다. 파드 3개가 모두 준비되어야 한다.',
    hints: ['`kubectl create deployment webapp --image=kodekloud/webapp-color --replicas=3`'],
    solution: 'kubectl create deployment webapp --image=kodekloud/webapp-color --replicas=3',
    check(c) {
      const d = c.need('deployment', 'webapp');
      if (!d) return;
      const img = d.spec?.template?.spec?.containers?.[0]?.image;
      c.expect(sameImage(img, 'kodekloud/webapp-color'), `webapp 디플로이먼트의 이미지가 kodekloud/webapp-color가 아닙니다 (현재: ${img})`);
      c.expect(d.spec?.replicas === 3 && readyReplicas(d) === 3, `webapp 디플로이먼트의 준비된 파드가 3개가 아닙니다 (replicas: ${d.spec?.replicas}, 준비: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'pod-port',
    section: 'exam-tips',
    title: '컨테이너 포트를 연 파드',
    notes: ['tips-1', '20-pods'],
    domain: 'workloads',
    setup: '',
    task: '`nginx` 이미지로 파드 `custom-nginx`를 만들고 컨테이너 포트 `8080`을 노출한다(`containerPort: 8080`).',
    hints: ['`kubectl run custom-nginx --image=nginx --port=8080`'],
    solution: 'kubectl run custom-nginx --image=nginx --port=8080',
    check(c) {
      const pod = c.need('pod', 'custom-nginx');
      if (!pod) return;
      c.image(pod, 'nginx');
      const ports = ((pod.spec?.containers?.[0]?.ports ?? []) as Obj[]).map((p) => p.containerPort);
      c.expect(ports.includes(8080), `custom-nginx 파드의 containerPort가 8080이 아닙니다 (현재: ${ports.join(', ') || '없음'})`);
      c.running(pod);
    },
  },
  {
    id: 'namespace-deployment',
    section: 'exam-tips',
    title: '새 네임스페이스에 디플로이먼트 만들기',
    notes: ['tips-1', '26-namespaces'],
    domain: 'workloads',
    setup: '',
    task: '네임스페이스 `dev-ns`를 만들고, 거기에 `redis` 이미지로 레플리카 2개짜리 디플로이먼트 `redis-deploy`를 만든다.',
    hints: ['`kubectl create namespace dev-ns`', '`kubectl create deployment redis-deploy --image=redis --namespace=dev-ns --replicas=2`'],
    solution: `kubectl create namespace dev-ns
kubectl create deployment redis-deploy --image=redis --namespace=dev-ns --replicas=2`,
    check(c) {
      if (!c.need('namespace', 'dev-ns')) return;
      const d = c.need('deployment', 'redis-deploy', 'dev-ns');
      if (!d) return;
      c.expect(sameImage(d.spec?.template?.spec?.containers?.[0]?.image, 'redis'), 'redis-deploy 디플로이먼트의 이미지가 redis가 아닙니다');
      c.expect(d.spec?.replicas === 2 && readyReplicas(d) === 2, `redis-deploy 디플로이먼트의 준비된 파드가 2개가 아닙니다 (replicas: ${d.spec?.replicas}, 준비: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'run-expose',
    section: 'exam-tips',
    title: '파드와 서비스를 한 번에',
    notes: ['tips-1', '25-services'],
    domain: 'networking',
    setup: '',
    task: '`httpd:alpine` 이미지로 파드 `httpd`를 만들고, 같은 이름의 ClusterIP 서비스 `httpd`가 포트 `80`으로 이 파드에 트래픽을 보내게 한다.',
    hints: ['`kubectl run`에는 `--expose`가 있다: `kubectl run httpd --image=httpd:alpine --port=80 --expose`.'],
    solution: 'kubectl run httpd --image=httpd:alpine --port=80 --expose',
    check(c) {
      const pod = c.need('pod', 'httpd');
      if (pod) {
        c.image(pod, 'httpd:alpine');
        c.running(pod);
      }
      service(c, 'httpd', { type: 'ClusterIP', port: 80, targetPort: 80, pods: ['httpd'] });
    },
  },
  {
    id: 'nodeport-yaml',
    section: 'exam-tips',
    title: 'NodePort 서비스 YAML 만들어 고치기',
    notes: ['tips-1', '25-services'],
    domain: 'networking',
    setup: `kubectl run nginx --image=nginx
sleep 10`,
    task: `파드 \`nginx\`를 노드 포트 \`30080\`으로 내보내는 NodePort 서비스 \`nginx-service\`를 만든다.

- \`--dry-run=client -o yaml\`로 만든 YAML을 \`/root/nginx-service.yaml\`에 저장하고, \`nodePort: 30080\`을 넣어 그 파일로 만든다.
- 서비스 포트와 타깃 포트는 \`80\`.`,
    hints: ['`kubectl expose pod nginx --type=NodePort --port=80 --name=nginx-service --dry-run=client -o yaml > /root/nginx-service.yaml`', '`expose`에는 노드 포트를 정하는 옵션이 없다. 파일의 `ports` 항목에 `nodePort: 30080`을 넣는다 (`vi`나 `sed`).'],
    solution: `kubectl expose pod nginx --type=NodePort --port=80 --name=nginx-service --dry-run=client -o yaml > /root/nginx-service.yaml
sed -i 's|targetPort: 80|targetPort: 80\\n    nodePort: 30080|' /root/nginx-service.yaml
kubectl apply -f /root/nginx-service.yaml`,
    check(c) {
      const docs = c.manifests('/root/nginx-service.yaml');
      const file = docs?.find((d) => d.kind === 'Service' && d.metadata?.name === 'nginx-service');
      if (docs && !file) c.fail('/root/nginx-service.yaml에 nginx-service 서비스가 없습니다');
      if (file && file.spec?.ports?.[0]?.nodePort !== 30080) c.fail(`/root/nginx-service.yaml의 nodePort가 30080이 아닙니다 (현재: ${file.spec?.ports?.[0]?.nodePort ?? '없음'})`);
      service(c, 'nginx-service', { type: 'NodePort', port: 80, targetPort: 80, nodePort: 30080, pods: ['nginx'] });
    },
  },
  {
    id: 'scale',
    section: 'exam-tips',
    title: '디플로이먼트 레플리카 바꾸기',
    notes: ['tips-1', '23-replicasets'],
    domain: 'workloads',
    setup: `kubectl create deployment nginx --image=nginx --replicas=2
kubectl rollout status deployment/nginx`,
    task: '디플로이먼트 `nginx`의 레플리카를 4개로 늘린다. 파드 4개가 모두 준비되어야 한다.',
    hints: ['`kubectl scale deployment nginx --replicas=4`'],
    solution: 'kubectl scale deployment nginx --replicas=4',
    check(c) {
      const d = c.need('deployment', 'nginx');
      if (d) c.expect(d.spec?.replicas === 4 && readyReplicas(d) === 4, `nginx 디플로이먼트의 준비된 파드가 4개가 아닙니다 (replicas: ${d.spec?.replicas}, 준비: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'daemonset-from-deployment',
    section: 'exam-tips',
    title: '디플로이먼트 YAML로 데몬셋 만들기',
    notes: ['tips-1', '37-daemonsets'],
    domain: 'workloads',
    setup: '',
    task: `\`kube-system\` 네임스페이스에 데몬셋 \`elasticsearch\`를 만든다. 이미지는 \`registry.k8s.io/fluentd-elasticsearch:1.20\`이다.

\`kubectl create daemonset\`은 없으니, \`kubectl create deployment … --dry-run=client -o yaml\`로 YAML을 만들어 \`/root/fluentd.yaml\`에 저장하고 데몬셋으로 고쳐서 만든다.`,
    hints: ['`kubectl create deployment elasticsearch --image=registry.k8s.io/fluentd-elasticsearch:1.20 -n kube-system --dry-run=client -o yaml > /root/fluentd.yaml`', '`kind: Deployment` → `kind: DaemonSet`, 그리고 `replicas`, `strategy`, `status` 줄을 지운다 (`sed -i \'/replicas:/d\'` 등).'],
    solution: `kubectl create deployment elasticsearch --image=registry.k8s.io/fluentd-elasticsearch:1.20 -n kube-system --dry-run=client -o yaml > /root/fluentd.yaml
sed -i 's|kind: Deployment|kind: DaemonSet|' /root/fluentd.yaml
sed -i '/replicas:/d' /root/fluentd.yaml
sed -i '/strategy: {}/d' /root/fluentd.yaml
sed -i '/status: {}/d' /root/fluentd.yaml
kubectl apply -f /root/fluentd.yaml`,
    check(c) {
      const docs = c.manifests('/root/fluentd.yaml');
      if (docs && !docs.some((d) => d.kind === 'DaemonSet' && d.metadata?.name === 'elasticsearch')) c.fail('/root/fluentd.yaml에 elasticsearch 데몬셋이 없습니다');
      const ds = c.need('daemonset', 'elasticsearch', 'kube-system');
      if (!ds) return;
      c.expect(sameImage(ds.spec?.template?.spec?.containers?.[0]?.image, 'registry.k8s.io/fluentd-elasticsearch:1.20'), 'elasticsearch 데몬셋의 이미지가 registry.k8s.io/fluentd-elasticsearch:1.20이 아닙니다');
      const st = ds.status ?? {};
      c.expect((st.desiredNumberScheduled ?? 0) >= 2 && st.numberReady === st.desiredNumberScheduled, `elasticsearch 데몬셋의 파드가 노드마다 준비되지 않았습니다 (준비 ${st.numberReady ?? 0}/${st.desiredNumberScheduled ?? 0})`);
    },
  },
  {
    id: 'edit-deployment',
    section: 'exam-tips',
    title: '떠 있는 디플로이먼트 고치기',
    notes: ['tips-2', '24-deployments'],
    domain: 'workloads',
    setup: `kubectl create deployment frontend --image=kodekloud/webapp-color --replicas=3
kubectl rollout status deployment/frontend`,
    task: '떠 있는 디플로이먼트 `frontend`의 파드 템플릿에 환경 변수 `APP_COLOR=blue`를 넣는다. 디플로이먼트는 고치면 파드가 새로 만들어진다: 파드 3개가 모두 이 환경 변수를 가진 새 파드여야 한다.',
    hints: ['`kubectl edit deployment frontend`로 고치면 저장하자마자 반영된다. 편집기가 없으면 `kubectl set env deployment/frontend APP_COLOR=blue`.', '`kubectl rollout status deployment/frontend`로 새 파드가 다 뜰 때까지 본다.'],
    solution: `kubectl set env deployment/frontend APP_COLOR=blue
kubectl rollout status deployment/frontend`,
    check(c) {
      const d = c.need('deployment', 'frontend');
      if (!d) return;
      const env = (d.spec?.template?.spec?.containers?.[0]?.env ?? []) as Obj[];
      c.expect(env.some((e) => e.name === 'APP_COLOR' && e.value === 'blue'), 'frontend 디플로이먼트의 파드 템플릿에 APP_COLOR=blue가 없습니다');
      const pods = c.podsOf('default', d.spec?.selector?.matchLabels ?? {});
      const old = pods.filter((p) => !((p.spec?.containers?.[0]?.env ?? []) as Obj[]).some((e) => e.name === 'APP_COLOR' && e.value === 'blue'));
      if (old.length) c.fail(`APP_COLOR=blue가 없는 예전 파드가 남아 있습니다: ${old.map((p) => p.metadata.name).join(', ')}`);
      c.expect(readyReplicas(d) === 3, `frontend 디플로이먼트의 준비된 파드가 3개가 아닙니다 (현재: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'replace-force',
    section: 'exam-tips',
    title: '수정이 거부되는 파드 바꾸기',
    notes: ['tips-2', '46-commands-and-arguments'],
    domain: 'workloads',
    setup: `kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800
sleep 10`,
    task: '파드 `ubuntu-sleeper`가 `sleep 4800` 대신 `sleep 2000`을 실행하게 바꾼다. 파드 이름은 그대로다.',
    hints: ['`kubectl edit pod`로 `command`를 고치면 거부된다(떠 있는 파드는 이미지 등 몇 필드만 바꿀 수 있다). 고친 내용은 `/tmp/kubectl-edit-….yaml`에 남는다.', '`kubectl get pod ubuntu-sleeper -o yaml > sleeper.yaml`로 받아 고친 뒤 `kubectl replace --force -f sleeper.yaml` — 지우고 다시 만든다.'],
    solution: `kubectl get pod ubuntu-sleeper -o yaml > /root/sleeper.yaml
sed -i 's|- "4800"|- "2000"|; s|- 4800|- "2000"|' /root/sleeper.yaml
kubectl replace --force -f /root/sleeper.yaml`,
    check(c) {
      const pod = c.need('pod', 'ubuntu-sleeper');
      if (!pod) return;
      const ctr = pod.spec?.containers?.[0] ?? {};
      const argv = [...(ctr.command ?? []), ...(ctr.args ?? [])].join(' ');
      c.expect(/^((\/bin\/)?(ba)?sh -c )?sleep 2000$/.test(argv), `ubuntu-sleeper 파드의 명령이 sleep 2000이 아닙니다 (현재: ${argv || '이미지 기본값'})`);
      c.running(pod);
    },
  },
];
