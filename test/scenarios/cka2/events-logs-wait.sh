# Observing workloads: events sorted and filtered by object, logs by label with --tail/--since and
# prefixes, `kubectl wait --for=condition=Ready`, `kubectl exec -- env/cat/ls`, and
# `kubectl replace --force` (delete then create) for a field a pod cannot change in place.
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl run ticker --image=busybox:1.36 --labels=app=ticker --env=COLOR=blue -- sh -c 'i=0; while true; do echo line $i; i=$((i+1)); sleep 2; done'
kubectl wait --for=condition=Ready pod/ticker --timeout=60s
kubectl wait --for=condition=Available deployment/web --timeout=60s
kubectl wait --for=condition=Ready pod -l app=web --timeout=60s
sleep 20
kubectl logs ticker --tail=3
kubectl logs -l app=ticker --tail=2 --prefix
kubectl logs ticker --since=5s
kubectl logs -l app=web --tail=1
kubectl get events --sort-by=.lastTimestamp --field-selector involvedObject.name=ticker -o custom-columns=REASON:.reason,OBJECT:.involvedObject.name
kubectl get events --field-selector involvedObject.kind=Deployment
kubectl exec ticker -- env | grep -E '^(COLOR|HOSTNAME)='
kubectl exec ticker -- cat /etc/hostname
kubectl exec ticker -- ls /
kubectl exec ticker -- ls /nope
kubectl wait --for=condition=Ready pod/nope --timeout=5s
kubectl get pod ticker -o yaml > ticker.yaml
sed -i 's/busybox:1.36/busybox:1.37/; s/blue/green/' ticker.yaml
kubectl apply -f ticker.yaml
kubectl replace --force -f ticker.yaml
kubectl wait --for=condition=Ready pod/ticker --timeout=60s
kubectl exec ticker -- printenv COLOR
