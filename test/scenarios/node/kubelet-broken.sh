# Two classic "node01 is NotReady" causes, on the kubelet's side of the machine:
# a client CA path in /var/lib/kubelet/config.yaml that does not exist (the kubelet exits:
# "unable to load client CA file …", cmd/kubelet/app/server.go), and a wrong binary path in the
# 10-kubeadm.conf drop-in (systemd: status=203/EXEC, and a daemon-reload is needed before systemd sees
# the fixed file). systemd restarts a failed kubelet every 10 s (kubelet.service Restart=always,
# RestartSec=10), so a fixed config.yaml is picked up without a manual restart.
ssh node01
sed -i 's|clientCAFile: /etc/kubernetes/pki/ca.crt|clientCAFile: /etc/kubernetes/pki/WRONG-CA.crt|' /var/lib/kubelet/config.yaml
systemctl restart kubelet
systemctl status kubelet
exit
sleep 60
kubectl get nodes node01
ssh node01
journalctl -u kubelet
sed -i 's|WRONG-CA.crt|ca.crt|' /var/lib/kubelet/config.yaml
sleep 10
systemctl is-active kubelet
sed -i 's|^ExecStart=/usr/bin/kubelet|ExecStart=/usr/local/bin/kubelet|' /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf
systemctl restart kubelet
systemctl daemon-reload
systemctl restart kubelet
systemctl status kubelet
sed -i 's|^ExecStart=/usr/local/bin/kubelet|ExecStart=/usr/bin/kubelet|' /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf
systemctl daemon-reload
systemctl restart kubelet
systemctl is-active kubelet
exit
sleep 10
kubectl get nodes node01
