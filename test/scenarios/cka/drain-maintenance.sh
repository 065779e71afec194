# CKA cluster-maintenance task: take node01 out for maintenance while it runs a Deployment's pods, a
# DaemonSet pod, a bare pod and a pod with an emptyDir; drain refuses until the right flags are given,
# the Deployment's pods move, the bare pod is gone for good, then uncordon and watch nothing move back.
# Sources: kubectl pkg/drain/filters.go (order and texts of the filters), pkg/cmd/drain/drain.go
# (cordoned/evicting/evicted/drained, "There are pending nodes to be drained"), printers.go
# printNode (Ready,SchedulingDisabled), k/k pkg/registry/core/pod/storage/eviction.go.
kubectl create deployment web --image=nginx:1.27 --replicas=4
cat <<'YAML' > extra.yaml
apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  nodeName: node01
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: scratch
  labels:
    app: scratch
spec:
  nodeName: node01
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: tmp
      mountPath: /scratch
  volumes:
  - name: tmp
    emptyDir: {}
YAML
kubectl apply -f extra.yaml
sleep 15
kubectl get pods -o wide --field-selector spec.nodeName=node01 --sort-by=.metadata.name
kubectl drain node01
kubectl get nodes
kubectl drain node01 --ignore-daemonsets
kubectl drain node01 --ignore-daemonsets --force
kubectl drain node01 --ignore-daemonsets --force --delete-emptydir-data
sleep 10
kubectl get pods -o wide --sort-by=.spec.nodeName
kubectl get pods -A --field-selector spec.nodeName=node01 -o custom-columns=NAMESPACE:.metadata.namespace,NAME:.metadata.name --sort-by=.metadata.namespace
kubectl describe node node01 | grep -E '^(Taints|Unschedulable)'
kubectl run late --image=nginx:1.27 --overrides='{"spec":{"nodeSelector":{"kubernetes.io/hostname":"node01"}}}'
sleep 3
kubectl get pod late
kubectl get events --field-selector involvedObject.name=late -o custom-columns=REASON:.reason,MESSAGE:.message
kubectl cordon node01
kubectl uncordon node01
kubectl uncordon node01
sleep 10
kubectl get pod late -o wide
kubectl get deploy web
kubectl get pods -l app=web -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}' | sort | uniq -c
