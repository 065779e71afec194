# Probes as the kubelet's prober runs them (pkg/kubelet/prober/worker.go, prober.go): every
# periodSeconds once initialDelaySeconds have passed; a result counts after failureThreshold (or
# successThreshold) in a row; each failure is a Warning "Unhealthy" event with the handler's output
# (exec: the command's output; httpGet: "HTTP probe failed with statuscode: N" or the dial error;
# tcpSocket: the dial error). A failed liveness probe kills the container ("Container X failed liveness
# probe, will be restarted"; a shell as PID 1 ignores SIGTERM and is killed at the grace period's end,
# exit 137); a failed readiness probe takes the pod out of its Service's endpoints; liveness and
# readiness wait for the startup probe. The exec-liveness pod is the one of the Kubernetes docs
# (content/en/examples/pods/probe/exec-liveness.yaml). Sources: k/k pkg/kubelet/prober,
# pkg/probe/{exec,http,tcp}, pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions.
cat <<'YAML' > probes.yaml
apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox:1.36
    args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: web-ready
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: web-broken
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    readinessProbe:
      httpGet:
        path: /healthz
        port: 80
      periodSeconds: 5
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 10
      periodSeconds: 10
      failureThreshold: 2
---
apiVersion: v1
kind: Pod
metadata:
  name: slow-start
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 20; touch /tmp/started; sleep 3600"]
    startupProbe:
      exec:
        command: ["cat", "/tmp/started"]
      periodSeconds: 5
      failureThreshold: 10
YAML
kubectl apply -f probes.yaml
kubectl expose pod web-ready --name=web --port=80 --selector=app=web
sleep 15
kubectl get pods
kubectl get endpoints web
sleep 20
kubectl get pods
kubectl describe pod web-broken | sed -n '/^Events:/,$p'
sleep 30
kubectl get pods
kubectl describe pod liveness-exec | sed -n '/^Events:/,$p'
kubectl describe pod slow-start | grep -E 'Ready:|Startup:'
kubectl get events --field-selector involvedObject.name=slow-start,reason=Unhealthy
# With restartPolicy Never a failed liveness probe stops the container for good ("Stopping container");
# a probe port name the container does not declare is an error, not a failure: it never kills.
cat <<'YAML' > once.yaml
apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  containers:
  - name: web
    image: nginx
    livenessProbe:
      httpGet:
        path: /missing
        port: 80
      periodSeconds: 5
      failureThreshold: 1
    readinessProbe:
      tcpSocket:
        port: metrics
      periodSeconds: 5
YAML
kubectl apply -f once.yaml
sleep 20
kubectl get pod once
kubectl describe pod once | sed -n '/^Events:/,$p'
