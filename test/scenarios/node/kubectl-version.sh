# version: v1.34.3
# `kubectl version` reports the kubectl binary of the machine it runs on: the kubectl package apt
# installed there (pkgs.k8s.io kubectl=1.35.1-1.1 → Client Version v1.35.1, Kustomize v5.7.1; v1.34 also
# bundles v5.7.1), and the API server's version from the kube-apiserver static pod. A client one minor
# newer than the server is within the skew policy: no warning (kubectl pkg/cmd/version/version.go warns
# only beyond +/-1). Kustomize per kubectl minor observed with kubectl v1.31.9 / v1.32.5 / v1.33.1.
# A worker has no kubeconfig: the client lines, then kubectl's localhost:8080 error.
kubectl version
apt-mark unhold kubectl
sed -i 's/v1.34/v1.35/' /etc/apt/sources.list.d/kubernetes.list
apt-get update > /dev/null
apt-get install -y kubectl=1.35.1-1.1 > /dev/null
kubectl version
kubectl version --client -o json | grep gitVersion
ssh node01
kubectl version
exit
