# kubectl top over metrics.k8s.io (metrics-server) — unavailable until a metrics-server runs.
# Sources: kubectl pkg/cmd/top/top_node.go, top_pod.go ("Metrics API not available", "metrics not
# available yet", usage errors), pkg/metricsutil/metrics_printer.go (columns, every cell tab-terminated,
# `%vm` MilliValue, `%vMi` Value/1Mi, int percent of allocatable, `________` sum line); printed forms
# checked with kubectl v1.33.1 against a fake metrics API. metrics-server needs --kubelet-insecure-tls
# on kubeadm clusters (kubelet serving certificates are self-signed).
kubectl top node
kubectl top pod -A
kubectl top
cat <<YAML > metrics-server.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
  namespace: kube-system
  labels:
    k8s-app: metrics-server
spec:
  selector:
    matchLabels:
      k8s-app: metrics-server
  template:
    metadata:
      labels:
        k8s-app: metrics-server
    spec:
      containers:
      - name: metrics-server
        image: registry.k8s.io/metrics-server/metrics-server:v0.8.0
        args:
        - --cert-dir=/tmp
        - --secure-port=10250
        - --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname
        - --kubelet-use-node-status-port
        - --metric-resolution=15s
YAML
kubectl apply -f metrics-server.yaml
sim advance 90s
kubectl top node
sed -i 's/        - --metric-resolution=15s/        - --metric-resolution=15s\n        - --kubelet-insecure-tls/' metrics-server.yaml
kubectl apply -f metrics-server.yaml
sim advance 30s
kubectl top node
sim advance 60s
kubectl top node
kubectl top node node01 --no-headers
kubectl top node --sort-by=memory
kubectl top pod
kubectl top pod -n kube-system --sort-by=cpu
kubectl top pod -n kube-system --containers -l component=etcd
kubectl top pod -A --sum -l k8s-app=kube-dns
kubectl top pod -n kube-system nope
kubectl top pod a b
kubectl top node --sort-by=name
kubectl top pod x -l a=b
