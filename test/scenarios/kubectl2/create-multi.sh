# kubectl create -f with several documents: the objects created print first, the API errors after them, as CheckErr prints the aggregate of a ContinueOnError visit (k8s.io/kubectl pkg/cmd/create/create.go RunCreate, cmdutil.AddSourceToErr("creating", …)); one error alone prints as itself (an Invalid one from its causes). Identical to kubectl v1.33.1 through kubesim serve.
cat <<'YAML' > multi.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
data:
  a: "1"
---
apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
  - name: c
    image: nginx
    resources:
      requests:
        cpu: "2"
      limits:
        cpu: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: two
data:
  b: "2"
YAML
kubectl create -f multi.yaml
kubectl create -f multi.yaml
kubectl delete cm one
kubectl create -f multi.yaml
