# CKA logging & monitoring task: install metrics-server, read node and pod usage sorted, find the
# heaviest pod, read logs of a multi-container pod and of a previous crashed instance, and use kubectl
# explain to find a field. Sources: kubectl pkg/cmd/top (top_node.go, top_pod.go, --sort-by cpu|memory,
# --containers), pkg/metricsutil/metrics_printer.go, pkg/cmd/logs/logs.go (-c, --previous, --tail,
# "Defaulted container"), pkg/cmd/explain (explain.go, v2 template "KIND/VERSION/FIELD/DESCRIPTION").
kubectl top pods
cat <<'YAML' > metrics-server.yaml
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
      containers:
      - name: metrics-server
        image: registry.k8s.io/metrics-server/metrics-server:v0.8.0
        args: ["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-insecure-tls"]
YAML
kubectl apply -f metrics-server.yaml
cat <<'YAML' > pods.yaml
apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  containers:
  - name: web
    image: nginx:1.27
  - name: logger
    image: busybox:1.36
    command: ["sh", "-c", "i=0; while true; do echo line $i; i=$((i+1)); sleep 5; done"]
---
apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; echo fatal: config not found; exit 3"]
YAML
kubectl apply -f pods.yaml
sleep 70
kubectl top nodes
kubectl top pods -A --sort-by=memory | head -4
kubectl top pod duo --containers
kubectl top pods --sort-by=cpu --no-headers | head -1
kubectl logs duo
kubectl logs duo -c logger --tail=3
kubectl logs duo --all-containers --tail=1
kubectl get pod crasher
kubectl logs crasher --previous
kubectl get pod crasher -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode} {.status.containerStatuses[0].lastState.terminated.reason}{"\n"}'
kubectl explain pod.spec.containers.resources.limits
kubectl explain deployment.spec.strategy.rollingUpdate
kubectl explain pod.spec.tolerations --recursive | head -12
kubectl explain pod.spec.nope
