# kubectl apply over a live object when the patch fails.
# - The server refuses the patch (plain text under a Secret's data): apply.go applyOneObject wraps it with
#   AddSourceToErr("applying patch:\n%s\nto:\n%v\nfor:", …) — the patch, one newline, then resource.Info's
#   String(): GroupVersionResource/Kind String() "group/version, …" with the slash for the core group too
#   ("/v1, Resource=secrets") — and patcher.go Patch first adds `error when patching "FILE"`
#   (kubectl pkg/cmd/apply/patcher.go, cli-runtime pkg/resource/visitor.go Info.String,
#   apimachinery pkg/runtime/schema/group_version.go).
# - The patch deletes what last-applied had and the file dropped, whether the live object has it or not
#   (strategicpatch CreateThreeWayMergePatch: deletions = diffMaps(original, modified,
#   IgnoreChangesAndAdditions)): `stringData` the server never stores goes as "stringData":null.
# - A list item without its merge key (containerPort misspelt) makes the patch impossible: patchSimple
#   warns for the OpenAPI v3 and v2 attempts and fails with the built-in types, errors.Wrapf'd
#   "creating patch with:\noriginal:\n%s\nmodified:\n%s\ncurrent:\n%s\nfor:" (the three JSON texts end
#   with a newline), the cause being mergepatch.ErrNoMergeKey "map: %v does not contain declared merge
#   key: %s"; the request never reaches the server. --openapi-patch=false skips the two warnings.
cat <<Y > secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: app-secret
stringData:
  DB_Host: mysql
Y
kubectl apply -f secret.yaml
kubectl apply -f secret.yaml
cat <<Y > secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: app-secret
data:
  DB_Host: mysql
Y
kubectl apply -f secret.yaml
cat <<Y > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 8080
Y
kubectl apply -f pod.yaml
sed -i 's/containerPort/cotainerPort/' pod.yaml
kubectl apply -f pod.yaml
kubectl apply -f pod.yaml --openapi-patch=false
