# systemctl on the kubelet unit (systemd 255 `systemctl status` layout, exit 3 when inactive) and the
# kubelet's command line in ps (10-kubeadm.conf ExecStart with kubeadm-flags.env expanded). A stopped
# kubelet renews no lease: after node-monitor-grace-period (50 s) the node lifecycle controller sets
# Ready=Unknown ("Kubelet stopped posting node status.") and kubectl shows NotReady; starting it again
# brings the node back at the next status update.
ssh node01
ps aux | grep kubelet | grep -v grep
systemctl stop kubelet
sleep 2
systemctl status kubelet
echo $?
exit
kubectl get nodes
sleep 60
kubectl get nodes
kubectl describe node node01 | grep -A 6 Conditions
ssh node01
systemctl start kubelet
systemctl is-active kubelet
exit
sleep 10
kubectl get nodes
