# CKA application-lifecycle task: a pod with two init containers, the second one waiting for a Service
# to exist; STATUS goes Init:0/2 → Init:1/2 → PodInitializing → Running; logs of an init container with
# -c; a failing init container restarts (Init:Error → Init:CrashLoopBackOff) under restartPolicy Always.
# Sources: k/k pkg/printers/internalversion/printers.go printPod (Init:i/n, Init:<reason>),
# pkg/kubelet/kuberuntime/kuberuntime_container.go (init containers in order, back-off),
# kubectl pkg/cmd/logs/logs.go, describe.go describeContainers ("Init Containers:").
cat <<'YAML' > init.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web-init
  labels:
    app: web-init
spec:
  initContainers:
  - name: prepare
    image: busybox:1.36
    command: ["sh", "-c", "echo preparing; sleep 5; echo done"]
  - name: wait-db
    image: busybox:1.36
    command: ["sh", "-c", "until nslookup db-svc; do echo waiting for db-svc; sleep 2; done"]
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: bad-init
spec:
  initContainers:
  - name: check
    image: busybox:1.36
    command: ["sh", "-c", "echo config missing; exit 1"]
  containers:
  - name: app
    image: nginx:1.27
YAML
kubectl apply -f init.yaml
kubectl get pods
sleep 8
kubectl get pods
kubectl logs web-init -c prepare
kubectl logs web-init
kubectl logs web-init -c wait-db --tail=1
kubectl create service clusterip db-svc --tcp=5432:5432
sleep 10
kubectl get pod web-init
sleep 10
kubectl get pods
kubectl get pod web-init -o jsonpath='{range .status.initContainerStatuses[*]}{.name} {.state.terminated.reason} {.state.terminated.exitCode}{"\n"}{end}'
kubectl describe pod bad-init | sed -n '/^Init Containers:/,/^Containers:/p'
kubectl logs bad-init -c check
kubectl logs bad-init -c app
