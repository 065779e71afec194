# etcdctl against the kubeadm etcd with missing or wrong TLS material — each line compared with a real
# etcdctl 3.4.23 talking to an etcd with --client-cert-auth (same cobra/TLSInfo/ep_command code paths in
# 3.6; 3.6 texts where they differ: zap JSON with ISO times, the grpc balancer error wording).
# TLSInfo.ClientConfig refuses half a key pair or a missing file before any dial: exit 128. Unary calls
# give up after the 5 s command timeout; `endpoint health` and `endpoint status` say so their own way;
# `snapshot save` has no timeout unless --command-timeout is given (snapshot_command.go): without it, it
# waits until Ctrl+C (^C after 60 s, exit 130) and leaves its .part file; with it, exit 5.
# A command group without a known sub-command prints its help (exit 0); with a flag it lacks, cobra's
# "unknown flag" around the help (exit 1). 3.6's snapshot group has only `save`.
etcdctl --endpoints=https://127.0.0.1:2379 --cert=/etc/kubernetes/pki/etcd/server.crt get /registry/pods
echo $?
etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/root/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key get /registry/pods
echo $?
etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key member list
echo $?
etcdctl --endpoints=https://127.0.0.1:2379 endpoint health
echo $?
etcdctl --endpoints=https://127.0.0.1:2379 endpoint health -w table
echo $?
etcdctl --endpoints=https://127.0.0.1:2379 endpoint status -w table
echo $?
etcdctl --endpoints=https://127.0.0.1:2379 --command-timeout=10s snapshot save /opt/a.db
echo $?
etcdctl --endpoints=https://127.0.0.1:2379 snapshot save /opt/b.db
echo $?
ls /opt
etcdctl member
etcdctl snapshot status /opt/b.db.part -w table
echo $?
