# Deleting the ways an exam task asks (by name, -l, --all, --field-selector, -f, --force, --now,
# --cascade) and the errors for the combinations kubectl refuses. Sources: kubectl pkg/cmd/delete/delete.go
# (Complete: --now/--grace-period, --ignore-not-found implied by --all/-l/--field-selector, WarnClusterScope
# with an explicit -n; Validate: "-o name" only, the --force warning, --force with a grace period;
# DeleteResult: errors after the deletions, "No resources found" on stdout), delete_flags.go
# parseCascadingFlag (deprecated boolean values), cli-runtime pkg/resource/builder.go (SelectAllParam
# "setting 'all' parameter but found a non empty selector. ", visitBySelector/visitorResult errors, the
# missing-resource text without a usage hint), pkg/cmd/util/helpers.go AddSourceToErr.
kubectl run a --image=nginx:1.27 --labels=app=x
kubectl run b --image=nginx:1.27 --labels=app=x
kubectl run c --image=nginx:1.27 --labels=app=y
kubectl create configmap c1 --from-literal=k=v
kubectl create configmap c2 --from-literal=k=v
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl create namespace scratch
sleep 10
kubectl delete
kubectl delete pods
kubectl delete -l app=x
kubectl delete pods --all -l app=x
kubectl delete pods --all --field-selector status.phase=Running
kubectl delete pod a -l app=x
kubectl delete pod/a --all
kubectl delete pod a --all
kubectl delete pod a -o yaml
kubectl delete pod a --force --grace-period=5
kubectl delete pod a --now --grace-period=5
kubectl delete deploy web --cascade=sometimes
kubectl delete pods -l app=x --dry-run=client
kubectl delete pod nope --dry-run=client
kubectl delete cm nope c1
kubectl delete cm -l missing=label
kubectl delete pods --field-selector status.phase=Failed
kubectl delete cm nope --ignore-not-found
kubectl delete node node01 -n default --dry-run=client
kubectl delete ns scratch -n default --dry-run=server -o name
kubectl delete pod c --grace-period=0 --force
kubectl delete pod b --cascade=false --now
kubectl delete deploy web --cascade=orphan
kubectl get rs,pods -l app=web --no-headers | wc -l
kubectl delete rs -l app=web --wait=false -o name
kubectl create configmap filed --from-literal=k=v --dry-run=client -o yaml > cm.yaml
kubectl delete -f cm.yaml
kubectl delete cm --all
kubectl get pods
