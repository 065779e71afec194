# CKA scheduling task: a node agent DaemonSet that must also run on the control plane (toleration for
# node-role.kubernetes.io/control-plane:NoSchedule), one that stays off it, and the DaemonSet following a
# new node and a nodeSelector change. Sources: k/k pkg/controller/daemon/daemon_controller.go (one pod per
# eligible node, scheduled through the default scheduler with NodeAffinity on metadata.name),
# pkg/controller/daemon/util/daemonset_util.go (added tolerations), printers.go printDaemonSet.
cat <<'YAML' > agents.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      name: log-agent
  template:
    metadata:
      labels:
        name: log-agent
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "while true; do sleep 3600; done"]
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: worker-agent
spec:
  selector:
    matchLabels:
      name: worker-agent
  template:
    metadata:
      labels:
        name: worker-agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sleep", "infinity"]
YAML
kubectl apply -f agents.yaml
sleep 15
kubectl get ds -A
kubectl get pods -n kube-system -l name=log-agent -o wide --sort-by=.spec.nodeName
kubectl get pods -l name=worker-agent -o custom-columns=NODE:.spec.nodeName --no-headers --sort-by=.spec.nodeName
kubectl get pod -l name=worker-agent -o jsonpath='{range .items[0].spec.tolerations[*]}{.key}:{.effect}{"\n"}{end}'
kubectl get pod -l name=worker-agent -o jsonpath='{.items[0].spec.affinity}{"\n"}'
sim add-node node03
sleep 30
kubectl get ds worker-agent
kubectl label node node01 agents=on
kubectl patch ds worker-agent -p '{"spec":{"template":{"spec":{"nodeSelector":{"agents":"on"}}}}}'
sleep 30
kubectl get ds worker-agent -o wide
kubectl get pods -l name=worker-agent -o wide
kubectl describe ds worker-agent | grep -E '^(Node-Selector|Desired|Current|Number|Pods Status)'
kubectl delete ds log-agent -n kube-system
