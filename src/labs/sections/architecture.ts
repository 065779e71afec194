/**
 * Labs of the section "아키텍처와 핵심 오브젝트" (notes 01–28): components on the nodes, pods, ReplicaSets,
 * Deployments, Services, Namespaces, imperative vs declarative. Includes the pod lab tasks recorded
 * in note 22 ("파드가 몇 개 있는지 확인해 봐라", "nginx 이미지를 이용하여 파드를 띄워 봐라").
 */
import type { Check, Obj } from '../check.ts';
import { ANSWERS, readyReplicas, sameImage, sameQuantity } from '../check.ts';
import { josa } from '../josa.ts';
import type { Lab } from '../types.ts';

/** Pods owned (directly) by the named ReplicaSet/ReplicationController, not terminating. */
function podsOwnedBy(c: Check, kind: string, name: string, ns = 'default'): Obj[] {
  return c.list('pod', ns).filter((p) => !p.metadata.deletionTimestamp && (p.metadata.ownerReferences ?? []).some((o: Obj) => o.kind === kind && o.name === name));
}

export const labs: Lab[] = [
  {
    id: 'pod-count',
    section: 'architecture',
    title: '파드가 몇 개 있는지 세기',
    notes: ['22-pod-lab-notes', '20-pods', '21-practice-labs', '01-core-concepts', '02-purpose-of-kubernetes'],
    domain: 'workloads',
    setup: `${ANSWERS}
kubectl create deployment newpods --image=busybox --replicas=3 -- sleep 3600
kubectl run webapp --image=nginx
kubectl run db --image=redis
sleep 20`,
    task: `파드가 몇 개 있는지 확인해 봐라.

\`default\` 네임스페이스에 있는 파드의 개수를 숫자만 \`/opt/answers/pod-count.txt\` 파일에 적는다.`,
    hints: ['`kubectl get pods`로 목록을 본다. 머리글 줄은 세지 않는다.', '`--no-headers`를 붙이고 `wc -l`로 세면 실수가 없다. 답은 `echo 숫자 > 파일`로 적는다.'],
    solution: 'kubectl get pods --no-headers | wc -l > /opt/answers/pod-count.txt',
    check(c) {
      const n = c.list('pod', 'default').filter((p) => !p.metadata.deletionTimestamp).length;
      c.answerIs('/opt/answers/pod-count.txt', String(n));
    },
  },
  {
    id: 'nginx-pod',
    section: 'architecture',
    title: 'nginx 이미지로 파드 띄우기',
    notes: ['22-pod-lab-notes', '20-pods'],
    domain: 'workloads',
    setup: '',
    task: 'nginx 이미지를 이용하여 파드를 띄워 봐라. 파드 이름은 `nginx`, 이미지는 `nginx`이고 `Running` 상태여야 한다.',
    hints: ['명령형으로는 `kubectl run <파드이름> --image=<이미지>` 한 줄이면 된다.'],
    solution: 'kubectl run nginx --image=nginx',
    check(c) {
      const pod = c.need('pod', 'nginx');
      if (pod && c.image(pod, 'nginx')) c.running(pod);
    },
  },
  {
    id: 'pod-image-node',
    section: 'architecture',
    title: '파드의 이미지와 노드 알아내기',
    notes: ['22-pod-lab-notes'],
    domain: 'workloads',
    setup: `${ANSWERS}
kubectl run webapp --image=redis:7.4
kubectl run newpod-1 --image=busybox -- sleep 3600
kubectl run newpod-2 --image=busybox -- sleep 3600
sleep 20`,
    task: `\`webapp\` 파드가 어떤 이미지를 쓰는지, 어느 노드에 떠 있는지 알아본다.

- 이미지 이름을 \`/opt/answers/webapp-image.txt\`에 적는다.
- 노드 이름을 \`/opt/answers/webapp-node.txt\`에 적는다.`,
    hints: ['`kubectl describe pod webapp`의 `Image:`와 `Node:` 항목을 본다.', '`kubectl get pods -o wide`의 `NODE` 열로도 노드를 볼 수 있다.'],
    solution: `kubectl get pod webapp -o jsonpath='{.spec.containers[0].image}' > /opt/answers/webapp-image.txt
kubectl get pod webapp -o jsonpath='{.spec.nodeName}' > /opt/answers/webapp-node.txt`,
    check(c) {
      const pod = c.need('pod', 'webapp');
      if (!pod) return;
      const image = c.answer('/opt/answers/webapp-image.txt');
      if (image !== undefined && !sameImage(image, pod.spec.containers[0].image)) c.fail(`/opt/answers/webapp-image.txt에 적힌 이미지가 맞지 않습니다 (적힌 값: ${image})`);
      c.answerIs('/opt/answers/webapp-node.txt', pod.spec.nodeName ?? '(스케줄되지 않음)');
    },
  },
  {
    id: 'pod-fix-image',
    section: 'architecture',
    title: '이미지를 못 받는 파드 고치기',
    notes: ['22-pod-lab-notes', '20-pods'],
    domain: 'troubleshooting',
    setup: `kubectl run redis --image=redis123
sleep 30`,
    task: '`redis` 파드가 뜨지 않는다. 원인을 찾아 `redis` 이미지로 고쳐서 파드가 `Running` 상태가 되게 한다. 파드 이름은 그대로 `redis`다.',
    hints: ['`kubectl describe pod redis`의 이벤트(Events)를 보면 어떤 이미지를 받으려다 실패했는지 나온다.', '떠 있는 파드에서 바꿀 수 있는 몇 안 되는 필드가 이미지다: `kubectl set image pod/redis redis=redis`.'],
    solution: 'kubectl set image pod/redis redis=redis',
    check(c) {
      const pod = c.need('pod', 'redis');
      if (pod && c.image(pod, 'redis')) c.running(pod);
    },
  },
  {
    id: 'pod-yaml',
    section: 'architecture',
    title: 'dry-run으로 YAML 만들어 파드 띄우기',
    notes: ['22-pod-lab-notes', '20-pods', 'tips-1'],
    domain: 'workloads',
    setup: '',
    task: `\`kubectl run\`의 \`--dry-run=client -o yaml\`로 파드 YAML을 만들어 \`/root/redis.yaml\`에 저장하고, 그 파일로 파드를 만든다.

- 파드 이름: \`redis\`
- 이미지: \`redis:alpine\`
- 파일과 클러스터의 파드가 모두 이 내용이어야 한다.`,
    hints: ['`kubectl run redis --image=redis:alpine --dry-run=client -o yaml > /root/redis.yaml`', '파일로 만들 때는 `kubectl apply -f /root/redis.yaml` 또는 `kubectl create -f /root/redis.yaml`.'],
    solution: `kubectl run redis --image=redis:alpine --dry-run=client -o yaml > /root/redis.yaml
kubectl apply -f /root/redis.yaml`,
    check(c) {
      const docs = c.manifests('/root/redis.yaml');
      if (docs) {
        const pod = docs.find((d) => d.kind === 'Pod' && d.metadata?.name === 'redis');
        if (!pod) c.fail('/root/redis.yaml에 이름이 redis인 Pod가 없습니다');
        else if (!sameImage(pod.spec?.containers?.[0]?.image, 'redis:alpine')) c.fail(`/root/redis.yaml의 이미지가 redis:alpine이 아닙니다 (현재: ${pod.spec?.containers?.[0]?.image ?? '없음'})`);
      }
      const pod = c.need('pod', 'redis');
      if (pod && c.image(pod, 'redis:alpine')) c.running(pod);
    },
  },
  {
    id: 'replicaset-fix',
    section: 'architecture',
    title: '레플리카셋 정의 파일 고치기',
    notes: ['23-replicasets'],
    domain: 'troubleshooting',
    setup: `cat <<'EOF' > /root/replicaset-definition.yaml
apiVersion: v1
kind: ReplicaSet
metadata:
  name: myapp-replicaset
  labels:
    app: myapp
spec:
  replicas: 3
  selector:
    matchLabels:
      type: front-end
  template:
    metadata:
      name: myapp-pod
      labels:
        app: myapp
        type: back-end
    spec:
      containers:
      - name: nginx-container
        image: nginx
EOF`,
    task: `\`/root/replicaset-definition.yaml\`로 레플리카셋을 만들려고 하면 에러가 난다. 파일을 고쳐서 레플리카셋 \`myapp-replicaset\`을 만든다.

- 레플리카 3개가 모두 준비(Ready)되어야 한다.
- 셀렉터 \`type=front-end\`는 그대로 둔다.`,
    hints: ['`kubectl create -f /root/replicaset-definition.yaml`을 실행해 에러 메시지를 읽는다. 에러는 하나씩 나온다.', '레플리카셋은 `apps/v1` 그룹에 있다. 그리고 셀렉터가 파드 템플릿의 레이블과 맞아야 한다.', '`sed -i`로 고칠 수 있다: `sed -i \'s|^apiVersion: v1|apiVersion: apps/v1|\' 파일`.'],
    solution: `sed -i 's|^apiVersion: v1|apiVersion: apps/v1|' /root/replicaset-definition.yaml
sed -i 's|type: back-end|type: front-end|' /root/replicaset-definition.yaml
kubectl create -f /root/replicaset-definition.yaml`,
    check(c) {
      const rs = c.need('replicaset', 'myapp-replicaset');
      if (!rs) return;
      const sel = rs.spec?.selector?.matchLabels ?? {};
      c.expect(sel.type === 'front-end', `myapp-replicaset 레플리카셋의 셀렉터가 type=front-end가 아닙니다 (현재: ${JSON.stringify(rs.spec?.selector ?? {})})`);
      c.expect((rs.spec?.replicas ?? 1) === 3, `myapp-replicaset 레플리카셋의 replicas가 3이 아닙니다 (현재: ${rs.spec?.replicas ?? 1})`);
      c.expect(readyReplicas(rs) === 3, `myapp-replicaset 레플리카셋의 준비된 파드가 3개가 아닙니다 (현재: ${readyReplicas(rs)})`);
    },
  },
  {
    id: 'replicaset-image',
    section: 'architecture',
    title: '레플리카셋 이미지 바꾸고 늘리기',
    notes: ['23-replicasets'],
    domain: 'workloads',
    setup: `cat <<'EOF' > /root/new-replica-set.yaml
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: new-replica-set
spec:
  replicas: 4
  selector:
    matchLabels:
      name: busybox-pod
  template:
    metadata:
      labels:
        name: busybox-pod
    spec:
      containers:
      - name: busybox-container
        image: busybox777
        command:
        - sh
        - -c
        - echo Hello Kubernetes! && sleep 3600
EOF
kubectl create -f /root/new-replica-set.yaml
sleep 30`,
    task: `레플리카셋 \`new-replica-set\`의 파드가 하나도 준비되지 않았다. 이미지를 \`busybox\`로 고치고 레플리카를 5개로 늘린다.

- 레플리카셋의 파드 5개가 모두 \`busybox\` 이미지로 \`Running\`이어야 한다.`,
    hints: ['파드가 왜 안 뜨는지는 `kubectl describe pod <파드이름>`의 이벤트에 나온다.', '레플리카셋은 템플릿을 바꿔도 이미 있는 파드를 바꾸지 않는다. 템플릿을 고친 뒤 기존 파드를 지워야 새 템플릿으로 다시 만든다.', '`kubectl set image rs/new-replica-set busybox-container=busybox`, `kubectl scale rs new-replica-set --replicas=5`, `kubectl delete pods -l name=busybox-pod`.'],
    solution: `kubectl set image rs/new-replica-set busybox-container=busybox
kubectl scale rs new-replica-set --replicas=5
kubectl delete pods -l name=busybox-pod`,
    check(c) {
      const rs = c.need('replicaset', 'new-replica-set');
      if (!rs) return;
      const tmpl = rs.spec?.template?.spec?.containers?.[0]?.image;
      c.expect(sameImage(tmpl, 'busybox'), `new-replica-set 레플리카셋 템플릿의 이미지가 busybox가 아닙니다 (현재: ${tmpl})`);
      c.expect(rs.spec?.replicas === 5, `new-replica-set 레플리카셋의 replicas가 5가 아닙니다 (현재: ${rs.spec?.replicas ?? 1})`);
      const pods = podsOwnedBy(c, 'ReplicaSet', 'new-replica-set');
      const old = pods.filter((p) => !sameImage(p.spec.containers[0].image, 'busybox'));
      if (old.length) c.fail(`아직 예전 이미지로 떠 있는 파드가 ${old.length}개 있습니다: ${old.map((p) => p.metadata.name).join(', ')}`);
      const ready = readyReplicas(rs);
      c.expect(ready === 5, `new-replica-set 레플리카셋의 준비된 파드가 5개가 아닙니다 (현재: ${ready})`);
    },
  },
  {
    id: 'replicationcontroller',
    section: 'architecture',
    title: '레플리케이션컨트롤러 만들기',
    notes: ['23-replicasets', '16-kube-controller-manager', '07-controller-manager-overview'],
    domain: 'workloads',
    setup: '',
    task: `레플리케이션컨트롤러(ReplicationController) \`myapp-rc\`를 만든다.

- 파드 레이블: \`app=myapp\`, \`type=front-end\`
- 컨테이너 이름 \`nginx-container\`, 이미지 \`nginx\`
- 레플리카 3개가 모두 준비되어야 한다.

그다음 파드 하나를 지워 보고, 컨트롤러가 다시 3개로 맞추는지 확인해 본다.`,
    hints: ['레플리케이션컨트롤러는 `apiVersion: v1`이고, `spec.template`에 파드 템플릿, `spec.replicas`에 개수를 적는다. 셀렉터를 생략하면 템플릿의 레이블을 쓴다.', '`cat <<EOF > rc.yaml` … `EOF`로 파일을 만들고 `kubectl create -f rc.yaml`.'],
    solution: `cat <<'EOF' > /root/rc-definition.yml
apiVersion: v1
kind: ReplicationController
metadata:
  name: myapp-rc
  labels:
    app: myapp
    type: front-end
spec:
  template:
    metadata:
      name: myapp-pod
      labels:
        app: myapp
        type: front-end
    spec:
      containers:
      - name: nginx-container
        image: nginx
  replicas: 3
EOF
kubectl create -f /root/rc-definition.yml`,
    check(c) {
      const rc = c.need('replicationcontroller', 'myapp-rc');
      if (!rc) return;
      const labels = rc.spec?.template?.metadata?.labels ?? {};
      c.expect(labels.app === 'myapp' && labels.type === 'front-end', `myapp-rc의 파드 템플릿 레이블이 app=myapp, type=front-end가 아닙니다 (현재: ${JSON.stringify(labels)})`);
      const ctr = rc.spec?.template?.spec?.containers?.[0];
      c.expect(ctr?.name === 'nginx-container' && sameImage(ctr?.image, 'nginx'), `myapp-rc의 컨테이너가 nginx-container(nginx 이미지)가 아닙니다 (현재: ${ctr?.name ?? '없음'}, ${ctr?.image ?? '없음'})`);
      c.expect(rc.spec?.replicas === 3, `myapp-rc의 replicas가 3이 아닙니다 (현재: ${rc.spec?.replicas ?? 1})`);
      c.expect(readyReplicas(rc) === 3, `myapp-rc의 준비된 파드가 3개가 아닙니다 (현재: ${readyReplicas(rc)})`);
    },
  },
  {
    id: 'deployment-create',
    section: 'architecture',
    title: '디플로이먼트 만들기',
    notes: ['24-deployments'],
    domain: 'workloads',
    setup: '',
    task: `디플로이먼트 \`httpd-frontend\`를 만든다.

- 이미지: \`httpd:2.4\`
- 레플리카: 3
- 파드 3개가 모두 준비되어야 한다.`,
    hints: ['`kubectl create deployment <이름> --image=<이미지> --replicas=<개수>`', '디플로이먼트가 만든 레플리카셋과 파드는 `kubectl get deploy,rs,pods`로 함께 본다.'],
    solution: 'kubectl create deployment httpd-frontend --image=httpd:2.4 --replicas=3',
    check(c) {
      const d = c.need('deployment', 'httpd-frontend');
      if (!d) return;
      const img = d.spec?.template?.spec?.containers?.[0]?.image;
      c.expect(sameImage(img, 'httpd:2.4'), `httpd-frontend 디플로이먼트의 이미지가 httpd:2.4가 아닙니다 (현재: ${img})`);
      c.expect(d.spec?.replicas === 3, `httpd-frontend 디플로이먼트의 replicas가 3이 아닙니다 (현재: ${d.spec?.replicas})`);
      c.expect(readyReplicas(d) === 3, `httpd-frontend 디플로이먼트의 준비된 파드가 3개가 아닙니다 (현재: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'deployment-file-fix',
    section: 'architecture',
    title: '디플로이먼트 정의 파일 고치기',
    notes: ['24-deployments', '23-replicasets'],
    domain: 'troubleshooting',
    setup: `cat <<'EOF' > /root/deployment-definition.yml
apiVersion: apps/v1
kind: deployment
metadata:
  name: myapp-deployment
  labels:
    app: myapp
    type: front-end
spec:
  replicas: 3
  selector:
    matchLabels:
      type: front-end
  template:
    metadata:
      name: myapp-pod
      labels:
        app: myapp
        type: front-end
      spec:
        containers:
        - name: nginx-container
          image: nginx
EOF`,
    task: '`/root/deployment-definition.yml`로 디플로이먼트 `myapp-deployment`를 만들려 하면 실패한다. 파일의 잘못된 곳을 모두 고쳐 디플로이먼트를 만들고, 파드 3개가 준비되게 한다.',
    hints: ['`kind` 값은 대소문자를 가린다.', '`unknown field "spec.template.metadata.spec"`은 `spec`이 한 칸 더 들여 쓰여 `metadata` 아래로 들어갔다는 뜻이다.'],
    solution: `cat <<'EOF' > /root/deployment-definition.yml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp-deployment
  labels:
    app: myapp
    type: front-end
spec:
  replicas: 3
  selector:
    matchLabels:
      type: front-end
  template:
    metadata:
      name: myapp-pod
      labels:
        app: myapp
        type: front-end
    spec:
      containers:
      - name: nginx-container
        image: nginx
EOF
kubectl create -f /root/deployment-definition.yml`,
    check(c) {
      const d = c.need('deployment', 'myapp-deployment');
      if (!d) return;
      c.expect(readyReplicas(d) === 3, `myapp-deployment 디플로이먼트의 준비된 파드가 3개가 아닙니다 (현재: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'service-nodeport',
    section: 'architecture',
    title: 'NodePort 서비스로 웹앱 내보내기',
    notes: ['25-services', '11-kube-proxy-overview', '19-kube-proxy'],
    domain: 'networking',
    setup: `kubectl create deployment simple-webapp-deployment --image=kodekloud/simple-webapp --replicas=4
kubectl label deployment simple-webapp-deployment name=simple-webapp
kubectl patch deployment simple-webapp-deployment -p '{"spec":{"template":{"metadata":{"labels":{"name":"simple-webapp"}}}}}'
sleep 30`,
    task: `디플로이먼트 \`simple-webapp-deployment\`의 파드(레이블 \`name=simple-webapp\`)를 클러스터 밖에서 접속할 수 있게 서비스 \`webapp-service\`를 만든다.

- 타입: \`NodePort\`
- 포트(port)와 타깃 포트(targetPort): \`8080\`
- 노드 포트(nodePort): \`30080\`
- 파드 4개가 모두 서비스의 엔드포인트로 잡혀야 한다.`,
    hints: ['`kubectl expose deployment simple-webapp-deployment --name=webapp-service --type=NodePort --port=8080 --target-port=8080 --dry-run=client -o yaml > svc.yaml`로 만든 뒤 `nodePort: 30080`을 넣는다.', '셀렉터는 파드 레이블과 맞아야 한다. `kubectl get pods --show-labels`로 확인한다.'],
    solution: `cat <<'EOF' > /root/webapp-service.yaml
apiVersion: v1
kind: Service
metadata:
  name: webapp-service
spec:
  type: NodePort
  selector:
    name: simple-webapp
  ports:
  - port: 8080
    targetPort: 8080
    nodePort: 30080
EOF
kubectl apply -f /root/webapp-service.yaml`,
    check(c) {
      const svc = c.need('service', 'webapp-service');
      if (!svc) return;
      c.expect(svc.spec?.type === 'NodePort', `webapp-service 서비스의 타입이 NodePort가 아닙니다 (현재: ${svc.spec?.type})`);
      const p = svc.spec?.ports?.[0] ?? {};
      c.expect(p.port === 8080, `webapp-service 서비스의 port가 8080이 아닙니다 (현재: ${p.port})`);
      c.expect(String(p.targetPort) === '8080', `webapp-service 서비스의 targetPort가 8080이 아닙니다 (현재: ${p.targetPort})`);
      c.expect(p.nodePort === 30080, `webapp-service 서비스의 nodePort가 30080이 아닙니다 (현재: ${p.nodePort ?? '없음'})`);
      const pods = c.podsOf('default', { name: 'simple-webapp' });
      const ep = c.get('endpoints', 'webapp-service');
      const addrs = (ep?.subsets ?? []).flatMap((s: Obj) => s.addresses ?? []).length;
      c.expect(addrs === pods.length && addrs === 4, `webapp-service 서비스의 엔드포인트가 파드 4개를 가리키지 않습니다 (현재: ${addrs}개, 셀렉터: ${JSON.stringify(svc.spec?.selector ?? {})})`);
    },
  },
  {
    id: 'service-selector',
    section: 'architecture',
    title: '엔드포인트가 없는 서비스 고치기',
    notes: ['25-services', '30-labels-and-selectors'],
    domain: 'troubleshooting',
    setup: `kubectl create deployment web --image=nginx --replicas=2
cat <<'EOF' > /root/web-service.yaml
apiVersion: v1
kind: Service
metadata:
  name: web-service
spec:
  selector:
    app: webapp
  ports:
  - port: 80
    targetPort: 80
EOF
kubectl apply -f /root/web-service.yaml
sleep 20`,
    task: '서비스 `web-service`로 보낸 요청이 어디로도 가지 않는다. 서비스가 디플로이먼트 `web`의 파드 2개로 트래픽을 보내도록 고친다. 디플로이먼트는 건드리지 않는다.',
    hints: ['`kubectl describe svc web-service`의 `Endpoints:`가 비어 있다. 셀렉터와 파드 레이블을 비교한다(`kubectl get pods --show-labels`).', '`kubectl create deployment`는 파드에 `app=<디플로이먼트 이름>` 레이블을 붙인다.'],
    solution: `sed -i 's|app: webapp|app: web|' /root/web-service.yaml
kubectl apply -f /root/web-service.yaml`,
    check(c) {
      const svc = c.need('service', 'web-service');
      const d = c.need('deployment', 'web');
      if (!svc || !d) return;
      const tmpl = d.spec?.template?.metadata?.labels ?? {};
      c.expect(tmpl.app === 'web' && d.spec?.replicas === 2, '디플로이먼트 web은 바꾸지 말아야 합니다 (레이블 app=web, 레플리카 2)');
      const ep = c.get('endpoints', 'web-service');
      const addrs = (ep?.subsets ?? []).flatMap((s: Obj) => s.addresses ?? []).length;
      c.expect(addrs === 2, `web-service 서비스의 엔드포인트가 파드 2개를 가리키지 않습니다 (현재: ${addrs}개, 셀렉터: ${JSON.stringify(svc.spec?.selector ?? {})})`);
      const p = svc.spec?.ports?.[0] ?? {};
      c.expect(p.port === 80 && String(p.targetPort) === '80', `web-service 서비스의 포트는 80 → 80이어야 합니다 (현재: ${p.port} → ${p.targetPort})`);
    },
  },
  {
    id: 'namespace-pod',
    section: 'architecture',
    title: '다른 네임스페이스에 파드 만들기',
    notes: ['26-namespaces'],
    domain: 'workloads',
    setup: `kubectl create namespace finance
kubectl create namespace marketing
kubectl -n finance run payroll --image=nginx
kubectl -n marketing run blue --image=nginx`,
    task: '`finance` 네임스페이스에 `redis` 이미지로 파드 `redis`를 만든다. 파드는 `Running` 상태여야 하고, `default` 네임스페이스에는 `redis` 파드가 없어야 한다.',
    hints: ['`-n <네임스페이스>`(또는 `--namespace=`)를 붙이면 그 네임스페이스에 만든다.', 'YAML이라면 `metadata.namespace: finance`를 적는다.'],
    solution: 'kubectl run redis --image=redis -n finance',
    check(c) {
      const pod = c.need('pod', 'redis', 'finance');
      if (pod && c.image(pod, 'redis')) c.running(pod);
      c.expect(!c.get('pod', 'redis', 'default'), 'default 네임스페이스에도 redis 파드가 있습니다. finance 네임스페이스에만 있어야 합니다');
    },
  },
  {
    id: 'namespace-dns',
    section: 'architecture',
    title: '다른 네임스페이스의 서비스 부르기',
    notes: ['26-namespaces', '25-services'],
    domain: 'networking',
    setup: `kubectl create namespace dev
kubectl create namespace marketing
kubectl -n dev create deployment db --image=mysql
kubectl -n dev expose deployment db --name=db-service --port=3306
sleep 10`,
    task: `\`marketing\` 네임스페이스에 \`nginx\` 이미지로 파드 \`app\`을 만든다. 이 파드는 \`dev\` 네임스페이스의 서비스 \`db-service\`에 접속해야 한다.

- 환경 변수 \`DB_HOST\`에 \`marketing\`에서도 \`db-service\`를 찾을 수 있는 DNS 이름을 넣는다.
- 파드는 \`Running\`이어야 한다.`,
    hints: ['서비스 이름만(`db-service`) 쓰면 파드 자기 네임스페이스(`marketing`)에서 찾는다.', '다른 네임스페이스의 서비스는 `<서비스>.<네임스페이스>.svc.cluster.local`이다.', '`kubectl run app -n marketing --image=nginx --env=DB_HOST=…`'],
    solution: 'kubectl run app -n marketing --image=nginx --env=DB_HOST=db-service.dev.svc.cluster.local',
    check(c) {
      const pod = c.need('pod', 'app', 'marketing');
      if (!pod) return;
      const env = (pod.spec?.containers?.[0]?.env ?? []) as Obj[];
      const v = env.find((e) => e.name === 'DB_HOST')?.value;
      const ok = ['db-service.dev', 'db-service.dev.svc', 'db-service.dev.svc.cluster.local', 'db-service.dev.svc.cluster.local.'];
      if (v === undefined) c.fail('app 파드에 환경 변수 DB_HOST가 없습니다');
      else if (!ok.includes(v)) c.fail(`app 파드의 DB_HOST로는 marketing 네임스페이스에서 dev의 db-service를 찾을 수 없습니다 (현재: ${v})`);
      c.running(pod);
    },
  },
  {
    id: 'resourcequota',
    section: 'architecture',
    title: '네임스페이스에 리소스쿼터 걸기',
    notes: ['26-namespaces', '35-resource-requirements-and-limits'],
    domain: 'architecture',
    setup: 'kubectl create namespace dev',
    task: `\`dev\` 네임스페이스에 리소스쿼터(ResourceQuota) \`compute-quota\`를 만든다.

- 파드 최대 10개 (\`pods: 10\`)
- \`requests.cpu: 4\`, \`requests.memory: 5Gi\`
- \`limits.cpu: 10\`, \`limits.memory: 10Gi\``,
    hints: ['`kubectl create quota compute-quota -n dev --hard=pods=10,requests.cpu=4,…` 한 줄로도 된다.', 'YAML이라면 `spec.hard` 아래에 적는다.'],
    solution: 'kubectl create quota compute-quota -n dev --hard=pods=10,requests.cpu=4,requests.memory=5Gi,limits.cpu=10,limits.memory=10Gi',
    check(c) {
      const q = c.need('resourcequota', 'compute-quota', 'dev');
      if (!q) return;
      const hard = q.spec?.hard ?? {};
      const want: Record<string, string> = { pods: '10', 'requests.cpu': '4', 'requests.memory': '5Gi', 'limits.cpu': '10', 'limits.memory': '10Gi' };
      for (const [k, v] of Object.entries(want)) {
        if (!sameQuantity(hard[k], v)) c.fail(`compute-quota의 ${k}가 ${josa(v, '이/가')} 아닙니다 (현재: ${hard[k] ?? '없음'})`);
      }
    },
  },
  {
    id: 'etcd-version',
    section: 'architecture',
    title: '컨트롤 플레인 컴포넌트 살펴보기',
    notes: ['12-control-plane-components', '14-etcd', '15-kube-apiserver', '05-etcd-overview', '08-kube-apiserver-overview'],
    domain: 'architecture',
    setup: ANSWERS,
    task: `컨트롤 플레인 컴포넌트를 살펴본다.

- 클러스터의 etcd 이미지 태그(버전, 예: \`3.5.0-0\`)를 \`/opt/answers/etcd-version.txt\`에 적는다.
- API 서버가 etcd에 붙는 주소(\`--etcd-servers\` 값)를 \`/opt/answers/etcd-servers.txt\`에 적는다.`,
    hints: ['`kubectl get pods -n kube-system`에서 `etcd-controlplane` 파드를 찾고 `kubectl describe`의 `Image:`를 본다.', 'API 서버는 스태틱 파드다. 매니페스트는 `/etc/kubernetes/manifests/kube-apiserver.yaml`에 있다.'],
    solution: `kubectl -n kube-system get pod etcd-controlplane -o jsonpath='{.spec.containers[0].image}' | cut -d: -f2 > /opt/answers/etcd-version.txt
grep -- --etcd-servers /etc/kubernetes/manifests/kube-apiserver.yaml | cut -d= -f2 > /opt/answers/etcd-servers.txt`,
    check(c) {
      const etcd = c.need('pod', 'etcd-controlplane', 'kube-system');
      if (etcd) {
        const tag = String(etcd.spec.containers[0].image).split(':').pop()!;
        c.answerIs('/opt/answers/etcd-version.txt', [tag, `v${tag}`, tag.replace(/-\d+$/, ''), `v${tag.replace(/-\d+$/, '')}`]);
      }
      const api = c.need('pod', 'kube-apiserver-controlplane', 'kube-system');
      if (api) {
        const flag = (api.spec.containers[0].command as string[]).find((a) => a.startsWith('--etcd-servers='));
        c.answerIs('/opt/answers/etcd-servers.txt', flag ? flag.slice('--etcd-servers='.length) : '(없음)');
      }
    },
  },
  {
    id: 'container-runtime',
    section: 'architecture',
    title: '노드의 컨테이너 런타임 확인하기',
    notes: ['09-container-runtime', '13-worker-node-components', '03-worker-nodes'],
    domain: 'architecture',
    setup: `${ANSWERS}
kubectl run web --image=nginx --overrides='{"apiVersion":"v1","spec":{"nodeName":"node01"}}'
sleep 10`,
    task: `워커 노드 \`node01\`의 컨테이너 런타임을 확인한다.

- \`kubectl get nodes -o wide\`의 \`CONTAINER-RUNTIME\` 값(예: \`containerd://1.6.0\`)을 그대로 \`/opt/answers/runtime.txt\`에 적는다.
- \`node01\`에서 \`crictl\`로 실행 중인 컨테이너를 보고, \`web\` 파드의 컨테이너 ID(\`crictl ps\`의 첫 열, 13자리)를 \`/opt/answers/web-container.txt\`에 적는다.`,
    hints: ['`ssh node01`로 들어가 `crictl ps`를 실행한다. 끝나면 `exit`로 돌아온다.', '답 파일은 컨트롤 플레인(`controlplane`)에 있어야 한다. `ssh node01 crictl ps --name web -q`처럼 한 줄로 실행하면 결과가 컨트롤 플레인에 남는다.'],
    solution: `kubectl get node node01 -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}' > /opt/answers/runtime.txt
ssh node01 crictl ps --name web -q | cut -c1-13 > /opt/answers/web-container.txt`,
    check(c) {
      const node = c.need('node', 'node01');
      if (node) c.answerIs('/opt/answers/runtime.txt', node.status?.nodeInfo?.containerRuntimeVersion ?? '');
      const pod = c.need('pod', 'web');
      const id = String(pod?.status?.containerStatuses?.[0]?.containerID ?? '').replace(/^containerd:\/\//, '');
      if (pod && id) c.answerIs('/opt/answers/web-container.txt', [id.slice(0, 13), id], (s) => s.trim().toLowerCase());
    },
  },
  {
    id: 'node-notready',
    section: 'architecture',
    title: 'NotReady 노드 살리기',
    notes: ['16-kube-controller-manager', '10-kubelet-overview', '18-kubelet', '03-worker-nodes'],
    domain: 'troubleshooting',
    setup: `ssh node02
systemctl stop kubelet
exit
sleep 60`,
    task: '`node02`가 `NotReady`다. 원인을 찾아 고쳐서 `node02`가 다시 `Ready`가 되게 한다.',
    hints: ['노드 상태는 그 노드의 kubelet이 보고한다. `ssh node02`로 들어가 `systemctl status kubelet`을 본다.', '`systemctl start kubelet` (다음 부팅에도 뜨게 하려면 `systemctl enable kubelet`). 끝나면 `exit`.'],
    solution: `ssh node02
systemctl enable --now kubelet
exit`,
    check(c) {
      const node = c.need('node', 'node02');
      if (node && !c.nodeReady(node)) c.fail('node02 노드가 아직 Ready가 아닙니다 (kubelet이 상태를 보고하지 않습니다)');
    },
  },
  {
    id: 'controller-manager',
    section: 'architecture',
    title: '레플리카를 만들지 않는 클러스터 고치기',
    notes: ['16-kube-controller-manager', '07-controller-manager-overview', '12-control-plane-components'],
    domain: 'troubleshooting',
    setup: `sed -i 's|- kube-controller-manager$|- kube-controller-manger|' /etc/kubernetes/manifests/kube-controller-manager.yaml
sleep 40
kubectl create deployment app --image=nginx --replicas=3
sleep 10`,
    task: '디플로이먼트 `app`을 만들었는데 파드가 하나도 생기지 않는다. 클러스터를 고쳐서 `app`의 파드 3개가 준비되게 한다.',
    hints: ['디플로이먼트에서 레플리카셋을, 레플리카셋에서 파드를 만드는 것은 kube-controller-manager다. `kubectl get pods -n kube-system`으로 상태를 본다.', '컨트롤러 매니저는 스태틱 파드다. `/etc/kubernetes/manifests/kube-controller-manager.yaml`의 `command`를 살펴본다.', '컨테이너가 왜 못 뜨는지는 `kubectl describe pod -n kube-system kube-controller-manager-controlplane`이나 `crictl ps -a`로 볼 수 있다.'],
    solution: 'sed -i \'s|- kube-controller-manger$|- kube-controller-manager|\' /etc/kubernetes/manifests/kube-controller-manager.yaml',
    settleMs: 60_000,
    check(c) {
      const cm = c.need('pod', 'kube-controller-manager-controlplane', 'kube-system');
      if (cm) c.running(cm);
      const d = c.need('deployment', 'app');
      if (d) c.expect(readyReplicas(d) === 3, `app 디플로이먼트의 준비된 파드가 3개가 아닙니다 (현재: ${readyReplicas(d)})`);
    },
  },
  {
    id: 'apply-declarative',
    section: 'architecture',
    title: '선언형으로 고치고 kubectl apply',
    notes: ['27-imperative-vs-declarative', '28-kubectl-apply'],
    domain: 'workloads',
    setup: `cat <<'EOF' > /root/web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
EOF
kubectl apply -f /root/web.yaml
sleep 10`,
    task: `디플로이먼트 \`web\`은 \`/root/web.yaml\`로 선언형 관리를 한다. 파일을 고치고 \`kubectl apply\`로 반영한다.

- 레플리카 3, 이미지 \`nginx:1.27\`
- 파일, 클러스터의 오브젝트, 마지막으로 적용한 설정(\`last-applied-configuration\`)이 모두 이 값이어야 한다.`,
    hints: ['파일을 고친 뒤 `kubectl apply -f /root/web.yaml`. `kubectl scale`이나 `kubectl set image`로 바꾸면 파일과 마지막 적용 설정은 그대로 남는다.', '마지막으로 적용한 설정은 `kubectl apply view-last-applied deployment web`이나 오브젝트의 `kubectl.kubernetes.io/last-applied-configuration` 어노테이션으로 본다.'],
    solution: `sed -i 's|replicas: 1|replicas: 3|; s|nginx:1.26|nginx:1.27|' /root/web.yaml
kubectl apply -f /root/web.yaml`,
    check(c) {
      const docs = c.manifests('/root/web.yaml');
      const file = docs?.find((d) => d.kind === 'Deployment' && d.metadata?.name === 'web');
      if (docs && !file) c.fail('/root/web.yaml에 디플로이먼트 web이 없습니다');
      if (file) {
        c.expect(file.spec?.replicas === 3, `/root/web.yaml의 replicas가 3이 아닙니다 (현재: ${file.spec?.replicas})`);
        c.expect(sameImage(file.spec?.template?.spec?.containers?.[0]?.image, 'nginx:1.27'), `/root/web.yaml의 이미지가 nginx:1.27이 아닙니다 (현재: ${file.spec?.template?.spec?.containers?.[0]?.image})`);
      }
      const d = c.need('deployment', 'web');
      if (!d) return;
      c.expect(d.spec?.replicas === 3, `web 디플로이먼트의 replicas가 3이 아닙니다 (현재: ${d.spec?.replicas})`);
      c.expect(sameImage(d.spec?.template?.spec?.containers?.[0]?.image, 'nginx:1.27'), `web 디플로이먼트의 이미지가 nginx:1.27이 아닙니다 (현재: ${d.spec?.template?.spec?.containers?.[0]?.image})`);
      let last: Obj | undefined;
      try {
        last = JSON.parse(d.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? 'null') ?? undefined;
      } catch {
        last = undefined;
      }
      if (!last) c.fail('web 디플로이먼트에 last-applied-configuration 어노테이션이 없습니다 (kubectl apply로 관리해야 합니다)');
      else if (last.spec?.replicas !== 3 || !sameImage(last.spec?.template?.spec?.containers?.[0]?.image, 'nginx:1.27')) {
        c.fail(`마지막으로 적용한 설정이 파일과 다릅니다 (replicas: ${last.spec?.replicas}, 이미지: ${last.spec?.template?.spec?.containers?.[0]?.image}) — 파일을 고쳐 kubectl apply로 반영하세요`);
      }
    },
  },
];
