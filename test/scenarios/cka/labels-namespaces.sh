# CKA core-objects task: organise objects with labels and annotations (overwrite rules, removal,
# selectors with set-based expressions), work in another namespace through the context, then delete
# the namespace and watch it terminate and take everything with it. Sources: kubectl pkg/cmd/label/label.go
# ("'%s' already has a value (%s), and --overwrite is false", labeled/not labeled/unlabeled),
# annotate.go, pkg/cmd/config/set_context.go ("Context \"%s\" modified."), k/k
# pkg/controller/namespace/deletion (Terminating, content removed, then the namespace),
# apimachinery pkg/labels/selector.go (in/notin/exists).
kubectl create namespace dev
kubectl run api --image=nginx:1.27 -n dev --labels=app=api,tier=back,env=dev
kubectl run ui --image=nginx:1.27 -n dev --labels=app=ui,tier=front,env=dev
kubectl run cache --image=redis:7 -n dev --labels=app=cache,tier=back
kubectl label pod cache -n dev env=staging
kubectl label pod api -n dev env=prod
kubectl label pod api -n dev env=prod --overwrite
kubectl label pod api -n dev env=prod --overwrite
kubectl label pod ui -n dev tier-
kubectl label pod ui -n dev tier-
kubectl get pods -n dev --show-labels
kubectl get pods -n dev -l 'tier in (back),env!=prod'
kubectl get pods -n dev -l '!tier'
kubectl get pods -n dev -l 'env notin (dev,staging)' -o name
kubectl get pods -n dev -L app,env --sort-by=.metadata.labels.app
kubectl annotate pod api -n dev owner=team-a description='main api'
kubectl annotate pod api -n dev owner=team-b
kubectl annotate pod api -n dev owner=team-b --overwrite
kubectl get pod api -n dev -o jsonpath='{.metadata.annotations.owner} / {.metadata.annotations.description}{"\n"}'
kubectl annotate pods -n dev --all reviewed=yes
kubectl label pods -n dev -l tier=back tier=backend --overwrite
kubectl get pods -n dev -L tier
kubectl config set-context --current --namespace=dev
kubectl get pods
kubectl config view --minify -o jsonpath='{..namespace}{"\n"}'
kubectl create configmap settings --from-literal=a=1
kubectl delete namespace dev --wait=false
kubectl get ns dev
kubectl get pods
kubectl run more --image=nginx:1.27
sleep 40
kubectl get ns dev
kubectl get pods
kubectl config set-context --current --namespace=default
kubectl get ns
