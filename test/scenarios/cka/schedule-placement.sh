# CKA scheduling task: place pods with nodeSelector, required/preferred node affinity, taints and
# tolerations, then read where they went (-o wide, custom-columns, --field-selector) and why one waits
# (describe events). Sources: k/k pkg/scheduler/framework/plugins/{nodeaffinity,tainttoleration,
# nodeunschedulable}/*.go (reason strings), pkg/scheduler/framework/types.go FitError.Error (sorted
# histogram, "preemption: " suffix), kubectl pkg/cmd/taint (tainted/untainted), label.go (labeled).
kubectl label node node01 disktype=ssd
kubectl label node node02 disktype=hdd zone=b
kubectl get nodes -L disktype,zone
kubectl taint node node02 dedicated=batch:NoSchedule
cat <<'YAML' > placed.yaml
apiVersion: v1
kind: Pod
metadata:
  name: fast
spec:
  nodeSelector:
    disktype: ssd
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  tolerations:
  - key: dedicated
    operator: Equal
    value: batch
    effect: NoSchedule
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: disktype
            operator: In
            values: [hdd]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: nowhere
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: zone
            operator: In
            values: [b]
  containers:
  - name: app
    image: nginx:1.27
YAML
kubectl apply -f placed.yaml
sleep 20
kubectl get pods -o wide
kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,PHASE:.status.phase
kubectl get pods --field-selector=status.phase=Pending
kubectl get pods --field-selector spec.nodeName=node02 -o name
kubectl describe pod nowhere | sed -n '/^Events:/,$p'
kubectl taint node node02 dedicated=batch:NoSchedule-
sleep 5
kubectl get pod nowhere -o jsonpath='{.spec.nodeName}{"\n"}'
kubectl describe pod nowhere | sed -n '/^Events:/,$p'
kubectl taint node node02 dedicated-
kubectl label node node02 zone-
kubectl get nodes -L disktype,zone --sort-by=.metadata.name
