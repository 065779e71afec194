# kubectl cordon / uncordon / drain: kubectl@1.35 pkg/cmd/drain/drain.go (RunCordonOrUncordon: cordoned /
# already cordoned; RunDrain: "error: unable to drain node %q due to error: %s, continuing command...",
# "There are pending nodes to be drained:"), pkg/drain/filters.go (filter order skipDeleted, daemonSet, mirrorPod,
# localStorage, unreplicated; grouped "cannot delete …" errors and "Warning: …" lines), pkg/drain/drain.go
# (evictPods through pods/eviction, "evicting pod ns/name", waitForDelete polling once a second:
# "pod/name evicted"; --disable-eviction deletes: "pod/name deleted"). Since v1.31 the unmanaged-pod text starts
# with "cannot delete" itself, hence "cannot delete cannot delete Pods that declare no controller".
# Checked against kubectl v1.33.1 run on this simulated cluster; Go prints grouped messages and the
# evictions (goroutines) in random order, the simulator in filter order and list order. --timeout ends the
# wait with "context deadline exceeded" (wait.PollUntilContextTimeout), as v1.33 prints it.
kubectl create deployment web --image=nginx:1.25 --replicas=4
cat <<YAML > cache.yaml
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  nodeName: node02
  containers:
  - name: c
    image: redis
    volumeMounts:
    - {name: tmp, mountPath: /tmp}
  volumes:
  - name: tmp
    emptyDir: {}
YAML
kubectl apply -f cache.yaml
kubectl run solo --image=nginx --overrides='{"spec":{"nodeName":"node01"}}'
sleep 30
kubectl get pods -o wide
kubectl cordon node02
kubectl cordon node02
kubectl get nodes
kubectl drain node02
kubectl drain node02 --ignore-daemonsets
kubectl drain node02 --ignore-daemonsets --delete-emptydir-data --dry-run=client
kubectl drain node02 --ignore-daemonsets --delete-emptydir-data --pod-selector=app=web --grace-period=0
kubectl drain node02 --ignore-daemonsets --delete-emptydir-data --force --disable-eviction
kubectl get pods -o wide
kubectl drain node01 --ignore-daemonsets --dry-run=server
kubectl drain node01 --ignore-daemonsets --force
kubectl get pods -o wide
kubectl uncordon node01 node02
kubectl uncordon -l kubernetes.io/os=linux
kubectl drain controlplane --ignore-daemonsets
kubectl get pods -n kube-system -o wide | grep coredns
kubectl uncordon controlplane
kubectl drain node01 -l kubernetes.io/os=linux
kubectl drain
kubectl cordon
kubectl drain nodeX
kubectl cordon node01 nodeX
kubectl drain node01 --pod-selector='a in ('
kubectl drain node01 --timeout=5
kubectl drain node01 --delete-local-data
cat <<YAML > slow.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: slow
spec:
  replicas: 1
  selector:
    matchLabels: {app: slow}
  template:
    metadata:
      labels: {app: slow}
    spec:
      nodeSelector: {kubernetes.io/hostname: node01}
      terminationGracePeriodSeconds: 60
      containers:
      - name: c
        image: busybox
        command: ["sleep", "3600"]
YAML
kubectl apply -f slow.yaml
sleep 20
kubectl drain node01 --ignore-daemonsets --timeout=10s
kubectl drain node01 --ignore-daemonsets --timeout=5s --disable-eviction
kubectl get pods
kubectl drain node01 --ignore-daemonsets
kubectl get pods
