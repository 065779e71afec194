# CKA troubleshooting task: a worker stops reporting. The node turns NotReady after the 50 s
# node-monitor-grace-period, gets the unreachable taints, and its pods are evicted after the 300 s
# default tolerations (DefaultTolerationSeconds) while a pod tolerating for 30 s goes first; the
# Deployment's replacements land on the healthy node; the node comes back and the taints go.
# Sources: k/k pkg/controller/nodelifecycle/node_lifecycle_controller.go (NodeStatusUnknown,
# "Kubelet stopped posting node status.", node.kubernetes.io/unreachable taints),
# plugin/pkg/admission/defaulttolerationseconds, pkg/controller/tainteviction (TaintManagerEviction),
# printers.go printNode / printPod (Terminating).
kubectl create deployment app --image=nginx:1.27 --replicas=2
cat <<'YAML' > quick.yaml
apiVersion: v1
kind: Pod
metadata:
  name: quick
spec:
  nodeName: node01
  tolerations:
  - key: node.kubernetes.io/unreachable
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 30
  containers:
  - name: c
    image: nginx:1.27
YAML
kubectl apply -f quick.yaml
sleep 15
kubectl get pods -o wide --sort-by=.metadata.name
kubectl get pod quick -o jsonpath='{range .spec.tolerations[*]}{.key} {.effect} {.tolerationSeconds}{"\n"}{end}'
sim fail-node node01
sleep 30
kubectl get nodes
sleep 25
kubectl get nodes
kubectl describe node node01 | grep -E '^Taints|^ +node.kubernetes.io|Ready +Unknown'
kubectl get node node01 -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}{"\n"}{end}'
sleep 40
kubectl get pods -o wide --sort-by=.metadata.name
kubectl get events --field-selector involvedObject.name=quick,reason=TaintManagerEviction -o custom-columns=REASON:.reason,MESSAGE:.message
sleep 4m30s
kubectl get pods -o wide --sort-by=.metadata.name
kubectl get deploy app
sim recover-node node01
sleep 20
kubectl get nodes
kubectl describe node node01 | grep -E '^Taints'
sleep 2m
kubectl get pods -o wide --sort-by=.metadata.name
