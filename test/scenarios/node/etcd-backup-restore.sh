# Back up etcd, lose a Deployment, restore (website: tasks/administer-cluster/configure-upgrade-etcd.md).
# etcdctl v3.6.6 needs the kubeadm etcd's TLS material: without --cacert/--cert/--key `snapshot save`
# (no command timeout: snapshot_command.go runs under context.WithCancel) logs "created temporary db
# file" and waits for a connection until Ctrl+C (^C after 60 s here, exit 130, the .part file left);
# with them it prints its zap log lines, then "Snapshot saved at …" and "Server version …". etcdctl 3.6
# has no `snapshot restore`: the group's help, and with --data-dir cobra's "unknown flag" around it
# (exit 1; cobra behaviour observed with etcdctl 3.4.23). `etcdutl snapshot status -w
# table` shows hash, revision, keys, size, version (right-aligned, etcdutl/etcdutl/printer.go).
# Pointing the etcd static pod's data volume at the restored directory restarts etcd on that data:
# objects created after the snapshot are gone and deleted ones come back; controllers and kubelets
# reconcile to it.
kubectl create deployment web --image=nginx --replicas=2
sleep 10
etcdctl snapshot save /opt/snapshot-pre-boot.db
export ETCDCTL_API=3
etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key snapshot save /opt/snapshot-pre-boot.db
etcdutl snapshot status /opt/snapshot-pre-boot.db -w table
etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key get /registry/deployments --prefix --keys-only
etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key member list -w table
etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key endpoint health
kubectl delete deployment web
kubectl create deployment late --image=redis
sleep 5
kubectl get deploy
etcdctl snapshot restore /opt/snapshot-pre-boot.db --data-dir /var/lib/etcd-from-backup
etcdutl snapshot restore /opt/snapshot-pre-boot.db --data-dir /var/lib/etcd
etcdutl snapshot restore /opt/snapshot-pre-boot.db --data-dir /var/lib/etcd-from-backup
ls /var/lib/etcd-from-backup/member
sed -i 's|path: /var/lib/etcd$|path: /var/lib/etcd-from-backup|' /etc/kubernetes/manifests/etcd.yaml
sleep 30
kubectl get deploy
sleep 30
kubectl get deploy,pods
