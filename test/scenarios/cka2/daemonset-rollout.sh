# DaemonSet rollouts (pkg/controller/daemon/update.go RollingUpdate, maxUnavailable 1 by default):
# a new image replaces the pods node by node; `rollout status ds` reports the updated count as
# rollout_status.go DaemonSetStatusViewer does; history lists ControllerRevisions; undo goes back.
cat <<'YAML' > ds.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: logger
spec:
  selector:
    matchLabels:
      app: logger
  template:
    metadata:
      labels:
        app: logger
    spec:
      containers:
      - name: logger
        image: busybox:1.36
        command: ["sh", "-c", "while true; do echo tick; sleep 5; done"]
YAML
kubectl apply -f ds.yaml
kubectl rollout status ds/logger --timeout=60s
kubectl get ds logger
kubectl set image ds/logger logger=busybox:1.37
kubectl rollout status daemonset logger --timeout=90s
kubectl rollout history ds/logger
kubectl rollout history ds/logger --revision=2 | grep -i image
kubectl get pods -l app=logger -o custom-columns=IMAGE:.spec.containers[0].image --no-headers
kubectl rollout undo ds/logger
kubectl rollout status ds/logger --timeout=90s
kubectl get ds logger -o wide
kubectl get controllerrevisions -l app=logger
kubectl rollout pause ds/logger
kubectl rollout restart ds/logger --dry-run=client
