# kubectl diff: the live object against what apply would make of it (a server-side dry run), shown by
# `diff -u -N /tmp/LIVE-<n> /tmp/MERGED-<n>` over files named <group>.<version>.<Kind>.<namespace>.<name>.
# Sources: kubectl pkg/cmd/diff/diff.go (InfoObject.Merged: dry-run create / apply's three-way patch
# with GetModifiedConfiguration(annotate=false) / --server-side apply patch; omitManagedFields; Masker
# `***`, `*** (before)`, `*** (after)`; DiffProgram with KUBECTL_EXTERNAL_DIFF; exit 0/1, errors through
# CheckDiffErr = 2), pkg/cmd/apply/apply.go WarnIfDeleting; GNU diffutils 3.8 for the diff itself.
cat <<'YAML' > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
YAML
# Not there yet: everything is new (the LIVE file is empty).
kubectl diff -f web.yaml
echo "exit=$?"
kubectl apply -f web.yaml
# Same as applied: no output, exit 0.
kubectl diff -f web.yaml
echo "exit=$?"
sed -i 's/replicas: 2/replicas: 3/; s/nginx:1.27/nginx:1.28/' web.yaml
# The change, with the generation the update would bump; the last-applied annotation stays as it is.
kubectl diff -f web.yaml
echo "exit=$?"
# Nothing was changed by diff.
kubectl get deploy web -o jsonpath='{.spec.replicas} {.metadata.generation}{"\n"}'
# Secrets: values masked, a changed key marked before/after.
kubectl create secret generic db --from-literal=user=admin --from-literal=password=s3cret
cat <<'YAML' > db.yaml
apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: changed
  token: new
data:
  user: YWRtaW4=
YAML
kubectl diff -f db.yaml
echo "exit=$?"
# Server-side: the apply patch as a dry run (field manager "kubectl"; --force-conflicts takes the fields
# client-side apply owns — `kubesim run` has no field ownership, so only the forced apply is compared).
kubectl diff --server-side --force-conflicts -f web.yaml
echo "exit=$?"
# Two objects in one file, one in another namespace that does not exist: the error ends the diff.
cat <<'YAML' > two.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: other
  namespace: missing
data:
  a: b
YAML
kubectl diff -f two.yaml
echo "exit=$?"
# -l keeps only the objects with the labels.
kubectl diff -f two.yaml -l app=none
echo "exit=$?"
# A directory: every manifest in it; a cluster-scoped object's file has an empty namespace part.
mkdir -p site
cat <<'YAML' > site/ns.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: shop
YAML
cat <<'YAML' > site/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
YAML
kubectl diff -f site/ | grep -E '^(diff|\+kind|\+  name)'
# An object being deleted (a finalizer holds it): kubectl warns that it is going away.
cat <<'YAML' > held.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: held
  finalizers:
  - example.com/hold
data:
  a: "1"
YAML
kubectl apply -f held.yaml
kubectl delete configmap held --wait=false
sed -i 's/a: "1"/a: "2"/' held.yaml
kubectl diff -f held.yaml | grep -E '^[-+] '
# --prune: objects apply --prune would delete (last-applied annotation, -l, not in the file) are in LIVE
# only. (Their lines that depend on field ownership, managedFields, are left out here: `kubesim run`
# does not track it.) The default allowlist includes networking.k8s.io/v1 Ingress, which the simulated
# API server does not serve: kubectl logs that pruning failed and prunes nothing; --prune-allowlist works.
cat <<'YAML' > app.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
  labels:
    app: shop
data:
  a: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: two
  labels:
    app: shop
data:
  b: "2"
YAML
kubectl apply -f app.yaml
kubectl create configmap manual --from-literal=x=y
kubectl label configmap manual app=shop
cat <<'YAML' > app.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
  labels:
    app: shop
data:
  a: "1"
YAML
kubectl diff -f app.yaml --prune -l app=shop | grep -vE '^(@@|---|\+\+\+) |^[-+ ]  (creationTimestamp|resourceVersion|uid|managedFields|- |  )'
kubectl diff -f app.yaml --prune -l app=shop --prune-allowlist=core/v1/ConfigMap | grep -E '^diff'
kubectl diff -f app.yaml --prune --prune-allowlist=v1/ConfigMap
echo "exit=$?"
# Errors: no -f, an argument, --force-conflicts without --server-side, a missing file, an unknown flag
# (SetFlagErrorFunc: a usage error, exit 2).
kubectl diff
echo "exit=$?"
kubectl diff deploy web
echo "exit=$?"
kubectl diff -f web.yaml --force-conflicts
echo "exit=$?"
kubectl diff -f nope.yaml
echo "exit=$?"
kubectl diff -f web.yaml --bogus
echo "exit=$?"
# Another diff program: its first word is run, later option-like words are appended.
KUBECTL_EXTERNAL_DIFF="diff -q" kubectl diff -f web.yaml
echo "exit=$?"
KUBECTL_EXTERNAL_DIFF=nosuchdiff kubectl diff -f web.yaml
echo "exit=$?"
