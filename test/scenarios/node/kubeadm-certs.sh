# kubeadm certs check-expiration / renew (k/k cmd/kubeadm/app/cmd/certs.go; layout and the v1.35
# texts checked against real v1.34/v1.35 transcripts): kubeadm init ran at 2026-01-15 09:00 UTC, so
# the leaf certificates and the kubeconfigs' embedded ones expire a year later (364d left, the
# residual time is duration.ShortHumanDuration, truncated) and the three CAs ten years later
# (87600h: Jan 13, 2036 — two leap days; "9y"). `renew` signs again for one year from now; `renew all`
# ends with the restart reminder; a control-plane `kubeadm upgrade apply` renews what it restarts.
# A removed certificate shows as `!MISSING!`; `renew` of it prints "MISSING! <long name>".
# Sub-command errors are cmdutil.SubCmdRun's (help and exit status 1, or "invalid subcommand").
kubeadm certs check-expiration
kubeadm certs check-expiration | grep apiserver
kubeadm certs renew apiserver
kubeadm certs check-expiration | grep -E '^apiserver(-etcd-client)? '
mv /etc/kubernetes/pki/front-proxy-client.crt /root/
kubeadm certs renew all
kubeadm certs check-expiration
mv /root/front-proxy-client.crt /etc/kubernetes/pki/
kubeadm certs renew nothing
echo $?
kubeadm certs check-expiration extra
echo $?
ssh node01
kubeadm certs check-expiration
exit
