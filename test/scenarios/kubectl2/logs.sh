# kubectl logs: the pods/log subresource, served by kube-apiserver from the pod's kubelet.
# Sources: kubectl pkg/cmd/logs/logs.go (usage error, Validate messages, selector default --tail 10),
# polymorphichelpers/logsforobject.go ("Defaulted container … out of: …", "Found N pods, using pod/…"),
# podcmd.AllContainerNames ("(init)"), pkg/registry/core/pod/strategy.go LogLocation (no node → empty),
# kubelet kubelet_pods.go validateContainerLogStatus ("is waiting to start: ContainerCreating",
# "previous terminated container … not found"); client-side texts checked with kubectl v1.33.1.
cat <<YAML > two.yaml
apiVersion: v1
kind: Pod
metadata:
  name: two
  labels:
    app: two
spec:
  nodeName: node01
  initContainers:
  - name: setup
    image: busybox
    command: ["sh", "-c", "echo preparing; echo done"]
  containers:
  - name: web
    image: nginx
  - name: ticker
    image: busybox
    command: ["sh", "-c", "while true; do echo tick; sleep 5; done"]
YAML
kubectl apply -f two.yaml
kubectl run solo --image=nginx
kubectl logs solo
sim advance 10s
kubectl get pod two
kubectl logs two --tail=3
kubectl logs two ticker
kubectl logs two -c setup
kubectl logs two --all-containers --prefix --tail=1
kubectl logs two --tail=2 --timestamps
kubectl logs two -c nope
kubectl logs two -p
kubectl logs two ticker -c web
kubectl logs two --all-containers -c web
kubectl logs two --tail=-2
kubectl logs two --since=5
kubectl logs
kubectl logs nope
kubectl logs -l app=two -c ticker
kubectl logs -l app=nothing
cat <<YAML > crash.yaml
apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  nodeName: node02
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "echo starting; echo fatal: config missing; exit 1"]
YAML
kubectl apply -f crash.yaml
sim advance 20s
kubectl get pod crash
kubectl logs crash
kubectl logs crash --previous
cat <<YAML > pending.yaml
apiVersion: v1
kind: Pod
metadata:
  name: pending
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: app
    image: nginx
YAML
kubectl apply -f pending.yaml
kubectl logs pending
kubectl logs deploy/coredns -n kube-system
