# ssh between the lab's machines: each has its own filesystem (kubeadm's files: static pod manifests
# only on the control plane; /var/lib/kubelet/config.yaml with staticPodPath everywhere). OpenSSH
# messages: "ssh: Could not resolve hostname X: Name or service not known" (exit 255), bash's
# "logout" and ssh's "Connection to X closed." on exit. Banner: Ubuntu pam_motd as a kubeadm lab shows it.
ls /etc/kubernetes/manifests
ssh node01
hostname
ls /etc/kubernetes/manifests
grep staticPodPath /var/lib/kubelet/config.yaml
touch /root/only-on-node01
exit
ls /root
ssh node03
echo $?
ssh node02 hostname
ls /etc/kubernetes/pki
ls /etc/kubernetes/pki/etcd
cat /etc/apt/sources.list.d/kubernetes.list
cat /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf
