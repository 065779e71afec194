# CKA application task: a pod with a native sidecar (an init container with restartPolicy Always,
# started before the app and counted in READY), a second app container, logs per container with -c,
# all of them with --all-containers and --prefix, the default container annotation, and --previous
# after a crash. Sources: k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go (restartable init
# containers), pkg/printers/internalversion/printers.go printPod (READY counts sidecars),
# kubectl pkg/cmd/logs/logs.go (--all-containers, --prefix "[pod/NAME/CONTAINER]", "Defaulted
# container", 'previous terminated container "x" in pod "y" not found'), pkg/describe/describe.go.
cat <<'YAML' > app.yaml
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  initContainers:
  - name: log-shipper
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "echo shipper started; sleep 3600"]
  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "echo setup done"]
  containers:
  - name: web
    image: nginx:1.27
  - name: worker
    image: busybox:1.36
    command: ["sh", "-c", "echo worker ready; sleep 3600"]
YAML
kubectl apply -f app.yaml
sleep 15
kubectl get pod app
kubectl get pod app -o jsonpath='{range .status.initContainerStatuses[*]}{.name} {.ready} {.started}{"\n"}{end}'
kubectl logs app | head -2
kubectl logs app -c log-shipper
kubectl logs app -c setup
kubectl logs app -c worker
kubectl logs app --all-containers --prefix | grep -v nginx
kubectl logs app -c nope
kubectl describe pod app | grep -E '^  [a-z-]+:$|Restart Policy|State:'
cat <<'YAML' > crash.yaml
apiVersion: v1
kind: Pod
metadata:
  name: crash
  annotations:
    kubectl.kubernetes.io/default-container: main
spec:
  containers:
  - name: helper
    image: busybox:1.36
    command: ["sh", "-c", "echo helper up; sleep 3600"]
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; echo fatal: config missing; exit 3"]
YAML
kubectl apply -f crash.yaml
sleep 30
kubectl get pod crash
kubectl logs crash
kubectl logs crash --previous
kubectl logs crash -c helper --previous
kubectl get pod crash -o jsonpath='{.status.containerStatuses[?(@.name=="main")].lastState.terminated.exitCode}{"\n"}'
