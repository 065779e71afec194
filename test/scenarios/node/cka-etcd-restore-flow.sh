# Unseen CKA flow, written from the docs alone (website: tasks/administer-cluster/configure-upgrade-etcd.md,
# "Backing up an etcd cluster" / "Restoring an etcd cluster", and the kubeadm etcd static pod): find the
# etcd endpoint and TLS files in the etcd pod's flags, `etcdctl snapshot save` with them, check it with
# `etcdutl --write-out=table snapshot status`, lose a Deployment, `etcdutl --data-dir … snapshot
# restore`, point the etcd-data hostPath of /etc/kubernetes/manifests/etcd.yaml at the restored
# directory; the kubelet restarts etcd on it and the Deployment and its pods are back.
kubectl create deployment shop --image=nginx:1.27 --replicas=3
kubectl rollout status deployment shop --timeout=60s
kubectl -n kube-system describe pod etcd-controlplane | grep -E 'cert-file|key-file|trusted-ca-file|data-dir|listen-client-urls'
ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 \
  --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key \
  snapshot save /opt/etcd-backup.db
etcdutl --write-out=table snapshot status /opt/etcd-backup.db
kubectl delete deployment shop
kubectl get deployments
etcdutl --data-dir /var/lib/etcd-restore snapshot restore /opt/etcd-backup.db
ls /var/lib/etcd-restore
grep -n -B3 'name: etcd-data' /etc/kubernetes/manifests/etcd.yaml
sed -i 's|path: /var/lib/etcd$|path: /var/lib/etcd-restore|' /etc/kubernetes/manifests/etcd.yaml
grep -n -B3 'name: etcd-data' /etc/kubernetes/manifests/etcd.yaml
sleep 60
kubectl get pods -n kube-system
kubectl get deployments
kubectl get pods -l app=shop
