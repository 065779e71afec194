# kubeadm upgrade of the default v1.35.0 cluster to v1.35.1, the website's procedure
# (tasks/administer-cluster/kubeadm/kubeadm-upgrade.md): control plane first (apt kubeadm, plan,
# apply, then drain → kubelet/kubectl → daemon-reload + restart → uncordon), then a worker (kubeadm,
# `kubeadm upgrade node`, drain, kubelet, uncordon). kubeadm texts: v1.35 as recorded in a real
# upgrade transcript (see src/sim/node/kubeadm.ts); apt texts: apt 2.x (src/sim/node/apt.ts).
# The node's VERSION column is its kubelet's: it changes only when the new kubelet runs.
apt-get update
apt-cache madison kubeadm
apt-mark unhold kubeadm && apt-get install -y kubeadm=1.35.1-1.1 && apt-mark hold kubeadm
kubeadm version -o short
kubeadm upgrade plan
kubeadm upgrade apply v1.35.1 -y
kubectl get pods -n kube-system -l component=kube-apiserver -o jsonpath='{.items[0].spec.containers[0].image}{"\n"}'
kubectl drain controlplane --ignore-daemonsets
apt-mark unhold kubelet kubectl && apt-get install -y kubelet=1.35.1-1.1 kubectl=1.35.1-1.1 && apt-mark hold kubelet kubectl
kubectl get nodes
systemctl daemon-reload && systemctl restart kubelet
kubectl uncordon controlplane
kubectl get nodes
ssh node01
apt-mark unhold kubeadm && apt-get install -y kubeadm=1.35.1-1.1 && apt-mark hold kubeadm
kubeadm upgrade node
exit
kubectl drain node01 --ignore-daemonsets
ssh node01
apt-mark unhold kubelet kubectl && apt-get install -y kubelet=1.35.1-1.1 kubectl=1.35.1-1.1 && apt-mark hold kubelet kubectl
systemctl daemon-reload
systemctl restart kubelet
exit
kubectl uncordon node01
kubectl get nodes
