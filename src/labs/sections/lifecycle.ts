/**
 * Labs of the section "애플리케이션 라이프사이클" (notes 45–48): rollouts, rollbacks and strategies,
 * command and args, environment variables from values, ConfigMaps and Secrets, init containers.
 */
import type { Check, Obj } from '../check.ts';
import { ANSWERS, readyReplicas, sameImage } from '../check.ts';
import { josa } from '../josa.ts';
import type { Lab } from '../types.ts';

/** A finished rollout: every replica updated and available, no old pods left. */
function rolledOut(c: Check, d: Obj, image: string): void {
  const name = d.metadata.name;
  const want = d.spec?.replicas ?? 1;
  const tmpl = d.spec?.template?.spec?.containers?.[0]?.image;
  if (!sameImage(tmpl, image)) {
    c.fail(`${name} 디플로이먼트의 이미지가 ${josa(image, '이/가')} 아닙니다 (현재: ${tmpl})`);
    return;
  }
  const st = d.status ?? {};
  if ((st.updatedReplicas ?? 0) !== want || (st.availableReplicas ?? 0) !== want || (st.replicas ?? 0) !== want) {
    c.fail(`${name} 디플로이먼트의 롤아웃이 끝나지 않았습니다 (업데이트됨 ${st.updatedReplicas ?? 0}/${want}, 사용 가능 ${st.availableReplicas ?? 0}/${want})`);
    return;
  }
  const stale = c.podsOf(d.metadata.namespace, d.spec?.selector?.matchLabels ?? {}).filter((p) => !sameImage(p.spec?.containers?.[0]?.image, image));
  if (stale.length) c.fail(`${name}의 파드 중 ${josa(image, '이/가')} 아닌 이미지로 떠 있는 파드가 있습니다: ${stale.map((p) => p.metadata.name).join(', ')}`);
}

/** The environment a container gets, as the kubelet resolves it (env, envFrom, ConfigMaps, Secrets). */
function effectiveEnv(c: Check, pod: Obj, container?: string): Record<string, string> | string {
  const kubelet = c.cluster.kubelets.get(pod.spec?.nodeName ?? '');
  const ctr = (pod.spec?.containers ?? []).find((x: Obj) => !container || x.name === container);
  if (!kubelet || !ctr) return '파드가 아직 노드에 배치되지 않았습니다';
  return kubelet.containerEnv(pod as never, ctr);
}

function argv(ctr: Obj | undefined): string {
  return [...(ctr?.command ?? []), ...(ctr?.args ?? [])].join(' ');
}

const deployment = (name: string, image: string, replicas: number) => `kubectl create deployment ${name} --image=${image} --replicas=${replicas}
kubectl rollout status deployment/${name}`;

export const labs: Lab[] = [
  {
    id: 'rollout-image',
    section: 'lifecycle',
    title: '롤링 업데이트로 이미지 올리기',
    notes: ['45-rollout-and-rollback', '24-deployments'],
    domain: 'workloads',
    setup: deployment('frontend', 'nginx:1.26', 4),
    task: '디플로이먼트 `frontend`의 이미지를 `nginx:1.26`에서 `nginx:1.27`로 올린다. 롤아웃이 끝나 파드 4개가 모두 새 이미지로 떠 있어야 한다.',
    hints: ['`kubectl set image deployment/frontend <컨테이너이름>=nginx:1.27`. 컨테이너 이름은 `kubectl get deploy frontend -o wide`의 `CONTAINERS` 열.', '`kubectl rollout status deployment/frontend`로 끝날 때까지 본다.'],
    solution: `kubectl set image deployment/frontend nginx=nginx:1.27
kubectl rollout status deployment/frontend`,
    check(c) {
      const d = c.need('deployment', 'frontend');
      if (d) rolledOut(c, d, 'nginx:1.27');
    },
  },
  {
    id: 'rollout-undo',
    section: 'lifecycle',
    title: '잘못된 업데이트 롤백하기',
    notes: ['45-rollout-and-rollback'],
    domain: 'troubleshooting',
    setup: `${deployment('myapp-deployment', 'nginx:1.27', 3)}
kubectl set image deployment/myapp-deployment nginx=nginx:1.99
sleep 30`,
    task: '디플로이먼트 `myapp-deployment`를 방금 업데이트했더니 새 파드가 뜨지 않는다. 바로 앞 버전으로 롤백해서 파드 3개가 모두 예전 이미지로 준비되게 한다.',
    hints: ['`kubectl rollout status`와 `kubectl get pods`로 무엇이 잘못됐는지 본다.', '`kubectl rollout undo deployment/myapp-deployment`는 바로 앞 리비전으로 되돌린다.'],
    solution: 'kubectl rollout undo deployment/myapp-deployment',
    check(c) {
      const d = c.need('deployment', 'myapp-deployment');
      if (d) rolledOut(c, d, 'nginx:1.27');
    },
  },
  {
    id: 'rollout-revision',
    section: 'lifecycle',
    title: '특정 리비전으로 되돌리기',
    notes: ['45-rollout-and-rollback'],
    domain: 'workloads',
    setup: `${deployment('web', 'nginx:1.25', 2)}
kubectl set image deployment/web nginx=nginx:1.26
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web`,
    task: '디플로이먼트 `web`은 이미지를 두 번 바꿔 왔다. 롤아웃 히스토리를 보고, 맨 처음 리비전(이미지 `nginx:1.25`)으로 되돌린다.',
    hints: ['`kubectl rollout history deployment/web`, 특정 리비전의 내용은 `--revision=N`.', '`kubectl rollout undo deployment/web --to-revision=N`'],
    solution: `kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=1
kubectl rollout status deployment/web`,
    check(c) {
      const d = c.need('deployment', 'web');
      if (d) rolledOut(c, d, 'nginx:1.25');
    },
  },
  {
    id: 'strategy-recreate',
    section: 'lifecycle',
    title: '배포 전략을 Recreate로 바꾸기',
    notes: ['45-rollout-and-rollback'],
    domain: 'workloads',
    setup: deployment('frontend', 'kodekloud/webapp-color:v1', 4),
    task: `디플로이먼트 \`frontend\`는 새 버전과 옛 버전이 동시에 떠 있으면 안 되는 앱이다.

- 배포 전략을 \`Recreate\`로 바꾼다.
- 그다음 이미지를 \`kodekloud/webapp-color:v2\`로 올린다. 파드 4개가 모두 새 이미지로 준비되어야 한다.`,
    hints: ['`kubectl edit`이 안 되면 `kubectl patch deployment frontend -p \'{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}\'`.', '`Recreate`에는 `rollingUpdate` 설정이 있으면 안 된다(검증 에러).'],
    solution: `kubectl patch deployment frontend -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'
kubectl set image deployment/frontend webapp-color=kodekloud/webapp-color:v2
kubectl rollout status deployment/frontend`,
    check(c) {
      const d = c.need('deployment', 'frontend');
      if (!d) return;
      c.expect(d.spec?.strategy?.type === 'Recreate', `frontend 디플로이먼트의 배포 전략이 Recreate가 아닙니다 (현재: ${d.spec?.strategy?.type})`);
      rolledOut(c, d, 'kodekloud/webapp-color:v2');
    },
  },
  {
    id: 'rolling-params',
    section: 'lifecycle',
    title: 'maxSurge와 maxUnavailable 정하기',
    notes: ['45-rollout-and-rollback'],
    domain: 'workloads',
    setup: deployment('api', 'nginx:1.26', 4),
    task: '디플로이먼트 `api`의 롤링 업데이트 설정을 바꾼다. 업데이트 중에도 파드가 하나도 줄지 않고(`maxUnavailable: 0`), 한 번에 하나씩만 더 뜨게(`maxSurge: 1`) 한다. 그다음 이미지를 `nginx:1.27`로 올린다.',
    hints: ['`spec.strategy.rollingUpdate`의 `maxSurge`, `maxUnavailable`.', '`kubectl patch deployment api -p \'{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}\'`'],
    solution: `kubectl patch deployment api -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
kubectl set image deployment/api nginx=nginx:1.27
kubectl rollout status deployment/api`,
    check(c) {
      const d = c.need('deployment', 'api');
      if (!d) return;
      const ru = d.spec?.strategy?.rollingUpdate ?? {};
      c.expect(d.spec?.strategy?.type === 'RollingUpdate', `api 디플로이먼트의 배포 전략은 RollingUpdate여야 합니다 (현재: ${d.spec?.strategy?.type})`);
      c.expect(String(ru.maxSurge) === '1', `api 디플로이먼트의 maxSurge가 1이 아닙니다 (현재: ${ru.maxSurge ?? '없음'})`);
      c.expect(String(ru.maxUnavailable) === '0' || ru.maxUnavailable === '0%', `api 디플로이먼트의 maxUnavailable이 0이 아닙니다 (현재: ${ru.maxUnavailable ?? '없음'})`);
      rolledOut(c, d, 'nginx:1.27');
    },
  },
  {
    id: 'command-sleep',
    section: 'lifecycle',
    title: 'command로 sleep 실행하기',
    notes: ['46-commands-and-arguments'],
    domain: 'workloads',
    setup: '',
    task: '`ubuntu` 이미지로 파드 `ubuntu-sleeper-2`를 만든다. 컨테이너는 `sleep 5000`을 실행해서 `Running` 상태를 유지해야 한다.',
    hints: ['`ubuntu` 이미지의 기본 명령은 `bash`라 바로 끝난다. `command`나 `args`로 `sleep 5000`을 준다.', '`kubectl run ubuntu-sleeper-2 --image=ubuntu --command -- sleep 5000`, YAML에서는 `command: ["sleep", "5000"]` (숫자도 문자열로).'],
    solution: 'kubectl run ubuntu-sleeper-2 --image=ubuntu --command -- sleep 5000',
    check(c) {
      const pod = c.need('pod', 'ubuntu-sleeper-2');
      if (!pod) return;
      c.image(pod, 'ubuntu');
      const a = argv(pod.spec?.containers?.[0]);
      c.expect(/^((\/bin\/)?(ba)?sh -c )?sleep 5000$/.test(a), `ubuntu-sleeper-2 파드의 명령이 sleep 5000이 아닙니다 (현재: ${a || '이미지 기본값'})`);
      c.running(pod);
    },
  },
  {
    id: 'command-args-fix',
    section: 'lifecycle',
    title: '시작하지 못하는 컨테이너의 command 고치기',
    notes: ['46-commands-and-arguments', 'tips-2'],
    domain: 'troubleshooting',
    setup: `cat <<'EOF' > /root/webapp-green.yaml
apiVersion: v1
kind: Pod
metadata:
  name: webapp-green
  labels:
    name: webapp-green
spec:
  containers:
  - name: simple-webapp
    image: kodekloud/webapp-color
    command: ["pyhton", "app.py"]
    args: ["--color", "pink"]
EOF
kubectl apply -f /root/webapp-green.yaml
sleep 30`,
    task: '`webapp-green` 파드의 컨테이너가 시작하지 못한다. 원인을 고쳐서 `python app.py --color pink`로 실행되고 `Running`이 되게 한다. (`/root/webapp-green.yaml`이 정의 파일이다.)',
    hints: ['`kubectl describe pod webapp-green`의 이벤트에 `executable file not found in $PATH`가 있다. 어떤 실행 파일을 찾았는지 본다.', '`command`는 떠 있는 파드에서 못 바꾼다. 파일을 고쳐 `kubectl replace --force -f /root/webapp-green.yaml`.'],
    solution: `sed -i 's|pyhton|python|' /root/webapp-green.yaml
kubectl replace --force -f /root/webapp-green.yaml`,
    check(c) {
      const pod = c.need('pod', 'webapp-green');
      if (!pod) return;
      const ctr = pod.spec?.containers?.[0] ?? {};
      const a = argv(ctr);
      c.expect(a === 'python app.py --color pink', `webapp-green 파드가 실행하는 명령이 python app.py --color pink가 아닙니다 (현재: ${a})`);
      c.running(pod);
    },
  },
  {
    id: 'args-only',
    section: 'lifecycle',
    title: 'args만 바꿔 색 정하기',
    notes: ['46-commands-and-arguments'],
    domain: 'workloads',
    setup: '',
    task: '`kodekloud/webapp-color` 이미지로 파드 `webapp-green`을 만들되, 이미지의 엔트리포인트는 그대로 두고 인자만 `--color green`으로 준다. 파드는 `Running`이어야 한다.',
    hints: ['엔트리포인트(`ENTRYPOINT`)를 덮어쓰는 것이 `command`, 인자(`CMD`)를 덮어쓰는 것이 `args`다.', '`kubectl run webapp-green --image=kodekloud/webapp-color -- --color green` (`--command` 없이 `--` 뒤에 적으면 `args`가 된다).'],
    solution: 'kubectl run webapp-green --image=kodekloud/webapp-color -- --color green',
    check(c) {
      const pod = c.need('pod', 'webapp-green');
      if (!pod) return;
      const ctr = pod.spec?.containers?.[0] ?? {};
      c.image(pod, 'kodekloud/webapp-color');
      c.expect(!ctr.command, `webapp-green 파드는 command를 쓰지 말아야 합니다 (엔트리포인트는 그대로; 현재 command: ${JSON.stringify(ctr.command)})`);
      c.expect(JSON.stringify(ctr.args ?? []) === JSON.stringify(['--color', 'green']) || JSON.stringify(ctr.args ?? []) === JSON.stringify(['--color=green']), `webapp-green 파드의 args가 --color green이 아닙니다 (현재: ${JSON.stringify(ctr.args ?? [])})`);
      c.running(pod);
    },
  },
  {
    id: 'env-value',
    section: 'lifecycle',
    title: '환경 변수 직접 넣기',
    notes: ['47-environment-variables'],
    domain: 'workloads',
    setup: '',
    task: '`kodekloud/webapp-color` 이미지로 파드 `webapp-color`를 만들고 환경 변수 `APP_COLOR=green`을 넣는다. 파드는 `Running`이어야 한다.',
    hints: ['`kubectl run webapp-color --image=kodekloud/webapp-color --env=APP_COLOR=green`', 'YAML에서는 컨테이너의 `env:` 아래 `- name: APP_COLOR` / `value: green`.'],
    solution: 'kubectl run webapp-color --image=kodekloud/webapp-color --env=APP_COLOR=green',
    check(c) {
      const pod = c.need('pod', 'webapp-color');
      if (!pod) return;
      const env = effectiveEnv(c, pod);
      if (typeof env === 'string') c.fail(`webapp-color 파드의 환경 변수를 확인할 수 없습니다: ${env}`);
      else c.expect(env.APP_COLOR === 'green', `webapp-color 파드의 APP_COLOR가 green이 아닙니다 (현재: ${env.APP_COLOR ?? '없음'})`);
      c.running(pod);
    },
  },
  {
    id: 'configmap-env',
    section: 'lifecycle',
    title: '컨피그맵에서 환경 변수 가져오기',
    notes: ['47-environment-variables'],
    domain: 'workloads',
    setup: `cat <<'EOF' > /root/webapp-color.yaml
apiVersion: v1
kind: Pod
metadata:
  name: webapp-color
spec:
  containers:
  - name: webapp-color
    image: kodekloud/webapp-color
    env:
    - name: APP_COLOR
      value: pink
EOF
kubectl apply -f /root/webapp-color.yaml
sleep 10`,
    task: `- 컨피그맵(ConfigMap) \`webapp-config-map\`을 만든다: \`APP_COLOR=darkblue\`, \`APP_OTHER=disregard\`.
- 파드 \`webapp-color\`의 환경 변수 \`APP_COLOR\`가 값을 직접 적는 대신 이 컨피그맵의 \`APP_COLOR\` 키에서 오게 바꾼다. 파드는 \`Running\`이어야 한다.`,
    hints: ['`kubectl create configmap webapp-config-map --from-literal=APP_COLOR=darkblue --from-literal=APP_OTHER=disregard`', '`env[].valueFrom.configMapKeyRef`에 `name`과 `key`를 적는다. 떠 있는 파드의 `env`는 못 바꾸므로 `kubectl replace --force -f`로 다시 만든다.'],
    solution: `kubectl create configmap webapp-config-map --from-literal=APP_COLOR=darkblue --from-literal=APP_OTHER=disregard
cat <<'EOF' > /root/webapp-color.yaml
apiVersion: v1
kind: Pod
metadata:
  name: webapp-color
spec:
  containers:
  - name: webapp-color
    image: kodekloud/webapp-color
    env:
    - name: APP_COLOR
      valueFrom:
        configMapKeyRef:
          name: webapp-config-map
          key: APP_COLOR
EOF
kubectl replace --force -f /root/webapp-color.yaml`,
    check(c) {
      const cm = c.need('configmap', 'webapp-config-map');
      if (cm) {
        c.expect(cm.data?.APP_COLOR === 'darkblue', `webapp-config-map의 APP_COLOR가 darkblue가 아닙니다 (현재: ${cm.data?.APP_COLOR ?? '없음'})`);
        c.expect(cm.data?.APP_OTHER === 'disregard', `webapp-config-map의 APP_OTHER가 disregard가 아닙니다 (현재: ${cm.data?.APP_OTHER ?? '없음'})`);
      }
      const pod = c.need('pod', 'webapp-color');
      if (!pod) return;
      const ctr = pod.spec?.containers?.[0] ?? {};
      const fromCm =
        ((ctr.env ?? []) as Obj[]).some((e) => e.name === 'APP_COLOR' && e.valueFrom?.configMapKeyRef?.name === 'webapp-config-map' && e.valueFrom?.configMapKeyRef?.key === 'APP_COLOR') ||
        (!((ctr.env ?? []) as Obj[]).some((e) => e.name === 'APP_COLOR') && ((ctr.envFrom ?? []) as Obj[]).some((e) => e.configMapRef?.name === 'webapp-config-map'));
      c.expect(fromCm, 'webapp-color 파드의 APP_COLOR가 webapp-config-map 컨피그맵에서 오지 않습니다 (값을 직접 적지 말고 configMapKeyRef를 씁니다)');
      const env = effectiveEnv(c, pod);
      if (typeof env === 'string') c.fail(`webapp-color 파드의 환경 변수를 만들 수 없습니다: ${env}`);
      else c.expect(env.APP_COLOR === 'darkblue', `webapp-color 컨테이너의 APP_COLOR가 darkblue가 아닙니다 (현재: ${env.APP_COLOR ?? '없음'})`);
      c.running(pod);
    },
  },
  {
    id: 'secret-env',
    section: 'lifecycle',
    title: '시크릿을 환경 변수로 넣기',
    notes: ['47-environment-variables'],
    domain: 'workloads',
    setup: '',
    task: `- 시크릿(Secret) \`db-secret\`을 만든다: \`DB_Host=sql01\`, \`DB_User=root\`, \`DB_Password=password123\`.
- \`kodekloud/simple-webapp\` 이미지로 파드 \`webapp-pod\`를 만들고, 이 시크릿의 키를 모두 환경 변수로 넣는다(\`envFrom\`). 파드는 \`Running\`이어야 한다.`,
    hints: ['`kubectl create secret generic db-secret --from-literal=DB_Host=sql01 …` (명령형이면 base64 인코딩을 kubectl이 해 준다).', '컨테이너에 `envFrom: [{secretRef: {name: db-secret}}]`.'],
    solution: `kubectl create secret generic db-secret --from-literal=DB_Host=sql01 --from-literal=DB_User=root --from-literal=DB_Password=password123
cat <<'EOF' > /root/webapp-pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: webapp-pod
spec:
  containers:
  - name: webapp
    image: kodekloud/simple-webapp
    envFrom:
    - secretRef:
        name: db-secret
EOF
kubectl apply -f /root/webapp-pod.yaml`,
    check(c) {
      const want: Record<string, string> = { DB_Host: 'sql01', DB_User: 'root', DB_Password: 'password123' };
      const sec = c.need('secret', 'db-secret');
      if (sec) {
        for (const [k, v] of Object.entries(want)) {
          const got = sec.data?.[k];
          let text: string | undefined;
          try {
            text = got === undefined ? undefined : atob(got);
          } catch {
            text = undefined;
          }
          if (text !== v) c.fail(`db-secret 시크릿의 ${k} 값이 ${josa(v, '이/가')} 아닙니다${text === undefined ? ' (키가 없거나 base64가 아닙니다)' : ''}`);
        }
      }
      const pod = c.need('pod', 'webapp-pod');
      if (!pod) return;
      const ctr = pod.spec?.containers?.[0] ?? {};
      c.expect(((ctr.envFrom ?? []) as Obj[]).some((e) => e.secretRef?.name === 'db-secret'), 'webapp-pod 파드에 db-secret을 가리키는 envFrom.secretRef가 없습니다');
      const env = effectiveEnv(c, pod);
      if (typeof env === 'string') c.fail(`webapp-pod 파드의 환경 변수를 만들 수 없습니다: ${env}`);
      else for (const [k, v] of Object.entries(want)) if (env[k] !== v) c.fail(`webapp-pod 컨테이너의 ${josa(k, '이/가')} ${josa(v, '이/가')} 아닙니다 (현재: ${env[k] ?? '없음'})`);
      c.running(pod);
    },
  },
  {
    id: 'secret-decode',
    section: 'lifecycle',
    title: '시크릿 값 디코딩하기',
    notes: ['47-environment-variables'],
    domain: 'workloads',
    setup: `${ANSWERS}
cat <<'EOF' > /tmp/s.yaml
apiVersion: v1
kind: Secret
metadata:
  name: app-secret
data:
  DB_Host: bXlzcWw=
  DB_User: YWRtaW4=
  DB_Password: czNjcjN0LXBAc3M=
EOF
kubectl apply -f /tmp/s.yaml
rm /tmp/s.yaml`,
    task: '시크릿 `app-secret`의 `DB_Password` 값을 디코딩해서 평문을 `/opt/answers/db-password.txt`에 적는다. 시크릿은 암호화가 아니라 인코딩일 뿐이라는 걸 확인해 보자.',
    hints: ['`kubectl get secret app-secret -o yaml`로 base64 값을 본다.', "`echo -n '<값>' | base64 --decode`, 또는 `kubectl get secret app-secret -o jsonpath='{.data.DB_Password}' | base64 -d`."],
    solution: "kubectl get secret app-secret -o jsonpath='{.data.DB_Password}' | base64 -d > /opt/answers/db-password.txt",
    check(c) {
      c.answerIs('/opt/answers/db-password.txt', 's3cr3t-p@ss');
    },
  },
  {
    id: 'init-container-add',
    section: 'lifecycle',
    title: '초기화 컨테이너 넣기',
    notes: ['48-init-containers', 'tips-2'],
    domain: 'workloads',
    setup: `kubectl run red --image=busybox --command -- sleep 4800
sleep 10`,
    task: '파드 `red`에 초기화 컨테이너를 넣는다. 초기화 컨테이너는 이름 `red-initcontainer`, 이미지 `busybox`, 명령 `sleep 20`이다. 파드는 초기화가 끝나고 `Running`이 되어야 한다.',
    hints: ['떠 있는 파드에 컨테이너를 더할 수는 없다. `kubectl get pod red -o yaml > red.yaml`로 받아 `spec.initContainers`를 넣고 `kubectl replace --force -f red.yaml`.', '초기화 컨테이너가 20초 잠든 동안 파드 상태는 `Init:0/1`이다.'],
    solution: `kubectl get pod red -o yaml > /root/red.yaml
sed -i 's|^  containers:|  initContainers:\\n  - name: red-initcontainer\\n    image: busybox\\n    command: ["sleep", "20"]\\n  containers:|' /root/red.yaml
kubectl replace --force -f /root/red.yaml`,
    settleMs: 40_000,
    check(c) {
      const pod = c.need('pod', 'red');
      if (!pod) return;
      const ic = ((pod.spec?.initContainers ?? []) as Obj[]).find((x) => x.name === 'red-initcontainer');
      if (!ic) {
        c.fail('red 파드에 red-initcontainer 초기화 컨테이너가 없습니다');
        return;
      }
      c.expect(sameImage(ic.image, 'busybox'), `red-initcontainer의 이미지가 busybox가 아닙니다 (현재: ${ic.image})`);
      c.expect(/^((\/bin\/)?sh -c )?sleep 20$/.test(argv(ic)), `red-initcontainer의 명령이 sleep 20이 아닙니다 (현재: ${argv(ic) || '이미지 기본값'})`);
      c.expect(/sleep 4800$/.test(argv(pod.spec?.containers?.[0])), 'red 파드의 앱 컨테이너는 그대로 sleep 4800을 실행해야 합니다');
      c.running(pod);
    },
  },
  {
    id: 'init-container-fix',
    section: 'lifecycle',
    title: 'Init:CrashLoopBackOff 고치기',
    notes: ['48-init-containers'],
    domain: 'troubleshooting',
    setup: `cat <<'EOF' > /root/orange.yaml
apiVersion: v1
kind: Pod
metadata:
  name: orange
spec:
  initContainers:
  - name: init-myservice
    image: busybox
    command: ["sh", "-c", "sleeeep 2;"]
  containers:
  - name: orange-container
    image: busybox:1.28
    command: ["sh", "-c", "echo The app is running! && sleep 3600"]
EOF
kubectl apply -f /root/orange.yaml
sleep 40`,
    task: '`orange` 파드가 앱 컨테이너를 시작하지 못하고 있다. 원인을 찾아 고쳐서 `Running`이 되게 한다. (`/root/orange.yaml`이 정의 파일이다.)',
    hints: ['`kubectl get pod orange`의 `STATUS`가 `Init:`으로 시작하면 초기화 컨테이너 문제다. `kubectl logs orange -c init-myservice`.', '초기화 컨테이너의 `command`도 떠 있는 파드에서 못 바꾼다. 파일을 고쳐 `kubectl replace --force -f /root/orange.yaml`.'],
    solution: `sed -i 's|sleeeep 2;|sleep 2;|' /root/orange.yaml
kubectl replace --force -f /root/orange.yaml`,
    check(c) {
      const pod = c.need('pod', 'orange');
      if (!pod) return;
      const ic = pod.spec?.initContainers?.[0];
      c.expect(!!ic && /sleep 2;?$/.test(argv(ic)), `orange 파드의 초기화 컨테이너 명령이 여전히 잘못되었습니다 (현재: ${argv(ic)})`);
      c.running(pod);
    },
  },
  {
    id: 'multi-container',
    section: 'lifecycle',
    title: '컨테이너 두 개짜리 파드 만들기',
    notes: ['44-application-logs', '48-init-containers', '20-pods'],
    domain: 'workloads',
    setup: '',
    task: `파드 \`yellow\`를 만든다. 컨테이너는 두 개다.

- \`lemon\`: 이미지 \`busybox\`, 명령 \`sleep 1000\`
- \`gold\`: 이미지 \`redis\`

두 컨테이너 모두 준비되어야 한다(\`READY 2/2\`).`,
    hints: ['`kubectl run yellow --image=busybox --dry-run=client -o yaml --command -- sleep 1000 > yellow.yaml`로 시작해 컨테이너 이름을 `lemon`으로 바꾸고 `gold` 컨테이너를 더한다.'],
    solution: `cat <<'EOF' > /root/yellow.yaml
apiVersion: v1
kind: Pod
metadata:
  name: yellow
spec:
  containers:
  - name: lemon
    image: busybox
    command: ["sleep", "1000"]
  - name: gold
    image: redis
EOF
kubectl apply -f /root/yellow.yaml`,
    check(c) {
      const pod = c.need('pod', 'yellow');
      if (!pod) return;
      const cs = (pod.spec?.containers ?? []) as Obj[];
      const lemon = cs.find((x) => x.name === 'lemon');
      const gold = cs.find((x) => x.name === 'gold');
      if (!lemon) c.fail('yellow 파드에 lemon 컨테이너가 없습니다');
      else {
        c.image(pod, 'busybox', 'lemon');
        c.expect(/^((\/bin\/)?sh -c )?sleep 1000$/.test(argv(lemon)), `lemon 컨테이너의 명령이 sleep 1000이 아닙니다 (현재: ${argv(lemon) || '이미지 기본값'})`);
      }
      if (!gold) c.fail('yellow 파드에 gold 컨테이너가 없습니다');
      else c.image(pod, 'redis', 'gold');
      c.expect(cs.length === 2, `yellow 파드의 컨테이너는 두 개여야 합니다 (현재: ${cs.length}개)`);
      c.running(pod);
    },
  },
];
