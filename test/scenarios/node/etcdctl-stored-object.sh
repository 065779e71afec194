# etcdctl get of an object the API server stored: the "k8s\0" envelope, then the object as the server
# encodes it, whatever order the client sent its fields in (real kubectl sends JSON with sorted keys,
# apiVersion first; the simulator's kubectl keeps the manifest's order): TypeMeta (kind, apiVersion)
# first as in the Go struct, the rest with sorted keys. The simulator shows the body as JSON where etcd
# holds protobuf (src/sim/node/etcdctl.ts storedValue). Seen on notes page 47 (secrets in etcd).
kubectl create secret generic db-secret --from-literal=DB_Host=mysql
cat <<Y > cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  a: b
Y
kubectl apply -f cm.yaml
ETCDCTL="etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key"
$ETCDCTL get /registry/secrets/default/db-secret
$ETCDCTL get /registry/configmaps/default/app --print-value-only
