# Manual scheduling with a Binding object (notes topic 29): POST bindings is pods/binding as a resource
# (pkg/registry/core/pod/storage/storage.go BindingREST.Create → assignPod: nodeName and PodScheduled
# set, a Status answered, so kubectl's NamePrinter prints status/<unknown> created — cli-runtime name.go).
# A bound pod cannot be bound again (Conflict "is already assigned to node").
# --validate=false: no field validation (with it, kubectl lists the CRDs first: kubectl2/binding-validate.sh);
# the simulator's kubectl takes the same path either way.
cat <<Y > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  schedulerName: none
  containers:
  - name: nginx
    image: nginx
Y
kubectl create -f pod.yaml
cat <<Y > b.yaml
apiVersion: v1
kind: Binding
metadata:
  name: nginx
target:
  apiVersion: v1
  kind: Node
  name: node02
Y
kubectl create -f b.yaml --validate=false
sleep 10
kubectl get pods -o wide
kubectl create -f b.yaml --validate=false
