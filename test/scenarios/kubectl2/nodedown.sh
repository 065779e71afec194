# logs, exec and top when a node's kubelet does not answer.
# Sources: kube-apiserver pods/log is a plain GET to https://NODE:10250/containerLogs/… (rest
# LocationStreamer; query built by pod/strategy.go LogLocation with url.Values.Encode), pods/exec goes
# through the upgrade-aware proxy ("error dialing backend: …"); both surface as `Error from server: …`
# (transcripts of unreachable kubelets). kubectl top: nodes without metrics print `<unknown>` cells
# (metricsutil printMissingMetricsNodeLine).
cat <<YAML > web.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  nodeName: node01
  containers:
  - name: web
    image: nginx
YAML
kubectl apply -f web.yaml
cat <<YAML > metrics-server.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: metrics-server
  template:
    metadata:
      labels:
        k8s-app: metrics-server
    spec:
      nodeName: node02
      containers:
      - name: metrics-server
        image: registry.k8s.io/metrics-server/metrics-server:v0.8.0
        args: ["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-insecure-tls"]
YAML
kubectl apply -f metrics-server.yaml
sim advance 70s
kubectl top pod
ssh node01
systemctl stop kubelet
exit
kubectl logs web --tail=1
kubectl logs web --previous --timestamps
kubectl exec web -- hostname
kubectl top node
