# version: v1.34.3
# The CKA minor upgrade: a v1.34.3 cluster to v1.35.1. pkgs.k8s.io has one repository per minor, so
# the apt source must be switched to v1.35 and the lists updated before kubeadm 1.35 is installable
# (website: tasks/administer-cluster/kubeadm/change-package-repository.md). `kubeadm upgrade plan`
# with kubeadm v1.34 falls back to stable-1.34 (klog "remote version is much newer", version.go:260)
# and offers the latest patch of its minor; after the kubeadm upgrade it offers v1.35.1 with etcd
# 3.6.5-0 → 3.6.6-0 and CoreDNS v1.12.1 → v1.13.1 (shared/reference/k8s-fidelity.md §7).
kubectl get nodes
kubeadm upgrade plan
apt-cache madison kubeadm
sed -i 's/v1.34/v1.35/' /etc/apt/sources.list.d/kubernetes.list
apt-get update
apt-cache madison kubeadm
apt-mark unhold kubeadm && apt-get install -y kubeadm=1.35.1-1.1 && apt-mark hold kubeadm
kubeadm upgrade plan
kubeadm upgrade apply v1.35.1 -y
kubectl drain controlplane --ignore-daemonsets
apt-mark unhold kubelet kubectl && apt-get install -y kubelet=1.35.1-1.1 kubectl=1.35.1-1.1 && apt-mark hold kubelet kubectl
systemctl daemon-reload && systemctl restart kubelet
kubectl uncordon controlplane
kubectl get nodes
kubectl get pods -n kube-system -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
