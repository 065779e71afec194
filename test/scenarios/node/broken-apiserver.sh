# kube-apiserver broken through its manifest (an admission plugin name that does not exist: the
# apiserver exits with `enable-admission-plugins plugin "X" is unknown`). Nothing answers on
# 172.30.1.2:6443, so kubectl prints client-go's "The connection to the server … was refused - did you
# specify the right host or port?" (kubectl pkg/cmd/util/helpers.go); the node still has crictl to look
# at the crashing container. Fixing the file brings the API server back after it starts.
sed -i 's/--enable-admission-plugins=NodeRestriction/--enable-admission-plugins=NodeRestrictio/' /etc/kubernetes/manifests/kube-apiserver.yaml
sleep 30
kubectl get nodes
crictl ps -a --name kube-apiserver
crictl logs $(crictl ps -a -q --name kube-apiserver | head -1)
sed -i 's/--enable-admission-plugins=NodeRestrictio$/--enable-admission-plugins=NodeRestriction/' /etc/kubernetes/manifests/kube-apiserver.yaml
sleep 40
kubectl get nodes
kubectl get pods -n kube-system kube-apiserver-controlplane
