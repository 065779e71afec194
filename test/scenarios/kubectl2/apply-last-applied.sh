# kubectl apply view-last-applied / set-last-applied / edit-last-applied: the
# kubectl.kubernetes.io/last-applied-configuration annotation client-side apply keeps.
# Sources: kubectl pkg/cmd/apply/apply_view_last_applied.go (yaml|json, the usage error for -o,
# cmdutil.AddSourceToErr: a missing annotation is skipped for TYPE/NAME and an odd error for -f),
# apply_set_last_applied.go (editor.GetApplyPatch merge patch, "no changes required",
# --create-annotation, NotFound), apply_edit_last_applied.go + pkg/cmd/util/editor/editoptions.go
# (ApplyEditMode: visitToApplyEditPatch, annotationPatch; the error when no object has the annotation).
cat <<'YAML' > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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
kubectl apply -f web.yaml
kubectl apply view-last-applied deployment/web
kubectl apply view-last-applied deploy web -o json
kubectl apply view-last-applied -f web.yaml
kubectl apply view-last-applied deploy/web -o wide
# Without the annotation: nothing for TYPE/NAME, an error for -f.
kubectl create deployment plain --image=nginx
kubectl apply view-last-applied deployment/plain
echo "exit=$?"
kubectl create configmap cfg --from-literal=a=b
cat <<'YAML' > cfg.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  a: c
YAML
kubectl apply view-last-applied -f cfg.yaml
kubectl apply view-last-applied deployment/nothere
kubectl apply view-last-applied
# set-last-applied: the annotation only, the object stays as it is.
sed -i 's/replicas: 1/replicas: 4/' web.yaml
kubectl apply set-last-applied -f web.yaml
kubectl apply view-last-applied deployment/web
kubectl get deploy web -o jsonpath='{.spec.replicas}{"\n"}'
kubectl apply set-last-applied -f web.yaml
kubectl apply set-last-applied -f cfg.yaml
kubectl apply set-last-applied -f cfg.yaml --create-annotation --dry-run=server
kubectl apply set-last-applied -f cfg.yaml --create-annotation -o name
kubectl apply view-last-applied configmap/cfg -o json
kubectl delete configmap cfg
kubectl apply set-last-applied -f cfg.yaml
kubectl apply set-last-applied
# edit-last-applied: the annotation's object in the editor, saved back into the annotation.
KUBE_EDITOR="sed -i s/nginx:1.27/nginx:1.29/" kubectl apply edit-last-applied deployment/web
kubectl apply view-last-applied deployment/web
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
KUBE_EDITOR=true kubectl apply edit-last-applied deployment/web
KUBE_EDITOR=true kubectl apply edit-last-applied deployment/plain
