# version: v1.34.3
# Unseen CKA flow, written from the docs alone (website: tasks/administer-cluster/kubeadm/
# kubeadm-upgrade.md and change-package-repository.md, v1.35): upgrade the control plane and one worker
# one minor, v1.34.3 → v1.35.1 — switch the pkgs.k8s.io repository, kubeadm first ('1.35.1-*' as the
# docs write it: apt names the version it picked), `kubeadm upgrade plan` / `apply` on the control
# plane, drain, kubelet and kubectl, daemon-reload and restart, uncordon; `kubeadm upgrade node` on
# the worker. `kubectl get nodes` shows each kubelet's version as it restarts; node02 stays at v1.34.3
# (a kubelet may be up to three minors older). kubectl on the control plane is now v1.35.1; the upgrade
# renewed the control plane's certificates.
kubectl get nodes
sudo sed -i 's/v1.34/v1.35/' /etc/apt/sources.list.d/kubernetes.list
cat /etc/apt/sources.list.d/kubernetes.list
sudo apt update
sudo apt-cache madison kubeadm
sudo apt-mark unhold kubeadm && \
sudo apt-get update && sudo apt-get install -y kubeadm='1.35.1-*' && \
sudo apt-mark hold kubeadm
kubeadm version
sudo kubeadm upgrade plan
sudo kubeadm upgrade apply v1.35.1 -y
kubectl drain controlplane --ignore-daemonsets
sudo apt-mark unhold kubelet kubectl && \
sudo apt-get update && sudo apt-get install -y kubelet='1.35.1-*' kubectl='1.35.1-*' && \
sudo apt-mark hold kubelet kubectl
sudo systemctl daemon-reload
sudo systemctl restart kubelet
kubectl uncordon controlplane
kubectl get nodes
ssh node01
sudo sed -i 's/v1.34/v1.35/' /etc/apt/sources.list.d/kubernetes.list
sudo apt-mark unhold kubeadm && \
sudo apt-get update && sudo apt-get install -y kubeadm='1.35.1-*' && \
sudo apt-mark hold kubeadm
sudo kubeadm upgrade node
exit
kubectl drain node01 --ignore-daemonsets
ssh node01
sudo apt-mark unhold kubelet kubectl && \
sudo apt-get update && sudo apt-get install -y kubelet='1.35.1-*' kubectl='1.35.1-*' && \
sudo apt-mark hold kubelet kubectl
sudo systemctl daemon-reload
sudo systemctl restart kubelet
exit
kubectl uncordon node01
kubectl get nodes
kubectl version
kubeadm certs check-expiration | grep -E '^(apiserver|admin.conf|etcd-server) '
