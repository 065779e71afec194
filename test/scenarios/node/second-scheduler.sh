# A second scheduler (website: tasks/extend-kubernetes/configure-multiple-schedulers.md) as a static
# pod running kube-scheduler with --config pointing at a KubeSchedulerConfiguration
# (kubescheduler.config.k8s.io/v1) whose profile is named my-scheduler, the file mounted by hostPath.
# Pods naming it in spec.schedulerName are bound by it (the Scheduled event's source is
# "my-scheduler"); others stay with default-scheduler. The notes' old flag --scheduler-name no longer
# exists (removed with the Policy API in v1.23): that scheduler exits with
# "Error: unknown flag: --scheduler-name" (component-base/cli/run.go).
cat <<EOF > /etc/kubernetes/my-scheduler-config.yaml
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
clientConnection:
  kubeconfig: /etc/kubernetes/scheduler.conf
leaderElection:
  leaderElect: false
profiles:
- schedulerName: my-scheduler
  plugins:
    score:
      disabled:
      - name: NodeResourcesBalancedAllocation
      enabled:
      - name: ImageLocality
        weight: 5
EOF
cat <<EOF > /etc/kubernetes/manifests/my-scheduler.yaml
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
    - --config=/etc/kubernetes/my-scheduler-config.yaml
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
EOF
sleep 25
kubectl get pods -n kube-system | grep scheduler
cat <<EOF > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: custom
spec:
  schedulerName: my-scheduler
  containers:
  - name: nginx
    image: nginx
EOF
kubectl apply -f pod.yaml
kubectl run normal --image=nginx
sleep 5
kubectl get pods
# kube-scheduler records through events.k8s.io/v1 (client-go tools/events): source is empty, the
# scheduler's name is reportingComponent, reportingInstance is <name>-<hostname>; printEvent's SOURCE
# column joins them (formatEventSource).
kubectl get events -o custom-columns=REASON:.reason,SOURCE:.source.component,COMPONENT:.reportingComponent,INSTANCE:.reportingInstance,ACTION:.action,OBJECT:.involvedObject.name --field-selector reason=Scheduled
kubectl get events -o wide --field-selector reason=Scheduled
sed -i 's|- --config=/etc/kubernetes/my-scheduler-config.yaml|- --scheduler-name=my-scheduler|' /etc/kubernetes/manifests/my-scheduler.yaml
sleep 30
kubectl get pods -n kube-system my-scheduler-controlplane
crictl logs $(crictl ps -a -q --name kube-scheduler | head -1)
kubectl run later --image=nginx --overrides='{"apiVersion":"v1","spec":{"schedulerName":"my-scheduler"}}'
sleep 10
kubectl get pod later
