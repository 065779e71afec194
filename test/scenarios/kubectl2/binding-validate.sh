# kubectl create -f of a Binding with validation on (the default, --validate=strict): Binding's OpenAPI has
# no PATCH operation, so kubectl's field-validation check lists the CRDs (cli-runtime pkg/resource
# query_param_verifier.go HasSupport → CRD finder), finds none for it, and validates on the client
# (kubectl pkg/validation paramVerifyingSchema, Strict); then POST bindings answers a Status and the
# NamePrinter prints status/<unknown> created (see kubectl2/binding.sh). kubesim serve answers the CRD list
# as a kubeadm cluster without CRDs would (empty), so real kubectl takes this path too. Notes page 29.
cat <<Y > manual.yaml
apiVersion: v1
kind: Pod
metadata:
  name: manual
spec:
  schedulerName: none
  containers:
  - name: nginx
    image: nginx
Y
kubectl apply -f manual.yaml
cat <<Y > binding.yaml
apiVersion: v1
kind: Binding
metadata:
  name: manual
target:
  apiVersion: v1
  kind: Node
  name: node02
Y
kubectl create -f binding.yaml
sleep 5
kubectl get pod manual -o wide
