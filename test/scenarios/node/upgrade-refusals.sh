# What apt and kubeadm refuse (kubeadm phases/upgrade/policy.go messages, v1.35 preflight phase;
# apt-get's held-package and missing-version errors). The notes' old package versions (`-00`, from the
# retired apt.kubernetes.io) do not exist on pkgs.k8s.io, whose versions end in -1.1.
apt-get install -y kubeadm=1.12.0-00
apt-get install -y kubeadm=1.35.1-1.1
apt-mark showhold
kubeadm upgrade apply v1.35.1
kubeadm upgrade apply v1.37.0
apt-mark unhold kubeadm
apt-get install -y kubeadm=1.35.1-1.1
kubeadm upgrade apply v1.36.0
apt-get install -y kubeadm=1.35.0-1.1
apt-mark hold kubeadm
apt-mark hold kubeadm
apt-mark unhold kubeadm
apt-mark unhold kubeadm
ssh node01
kubeadm upgrade plan
exit
