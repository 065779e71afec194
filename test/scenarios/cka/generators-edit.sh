# CKA workflow: generate manifests with --dry-run=client -o yaml, edit them with sed, apply them,
# change them again declaratively, and compare with what the server holds. Sources: kubectl
# pkg/cmd/create/create_deployment.go, pkg/cmd/run/run.go, pkg/cmd/expose/expose.go (generators),
# pkg/cmd/apply/apply.go (created/configured/unchanged), pkg/cmd/diff/diff.go (exit 1 with changes),
# create_deployment.go ("failed to create deployment: %v").
kubectl create deployment webapp --image=nginx:1.25 --replicas=2 --port=80 --dry-run=client -o yaml > webapp.yaml
sed -i 's/replicas: 2/replicas: 3/' webapp.yaml
sed -i 's/image: nginx:1.25/image: nginx:1.27/' webapp.yaml
# v1.33 and older write `creationTimestamp: null`, which makes a second apply say "configured";
# v1.34+ omit it (apimachinery 503b989), so this delete is a no-op there.
sed -i '/creationTimestamp/d' webapp.yaml
grep -E 'replicas|image|containerPort' webapp.yaml
kubectl apply -f webapp.yaml
kubectl apply -f webapp.yaml
kubectl create deployment webapp --image=nginx:1.25
kubectl run tmp --image=busybox:1.36 --restart=Never --dry-run=client -o yaml -- sh -c 'echo hello' > tmp.yaml
cat tmp.yaml
kubectl expose -f webapp.yaml --port=8080 --target-port=80 --type=NodePort --dry-run=client -o yaml > svc.yaml
sed -i 's/  type: NodePort/  type: NodePort\n  externalTrafficPolicy: Local/' svc.yaml
kubectl apply -f svc.yaml
kubectl get svc webapp -o jsonpath='{.spec.type} {.spec.externalTrafficPolicy} {.spec.ports[0].targetPort}{"\n"}'
sed -i 's/replicas: 3/replicas: 1/' webapp.yaml
kubectl diff -f webapp.yaml | grep -E '^[-+] ' | grep -v -E 'generation|resourceVersion'
kubectl apply -f webapp.yaml
sleep 20
kubectl get deploy webapp
kubectl get all -l app=webapp
kubectl create -f tmp.yaml
sleep 10
kubectl logs tmp
kubectl get pod tmp -o jsonpath='{.status.phase} {.spec.restartPolicy}{"\n"}'
kubectl delete -f tmp.yaml -f svc.yaml
kubectl create configmap cfg --from-literal=k=v -o yaml --dry-run=client | sed 's/k: v/k: w/' | kubectl create -f -
kubectl get cm cfg -o jsonpath='{.data.k}{"\n"}'
