# kubectl wait: conditions, jsonpath, deletion, timeouts — simulated time passes while it waits.
# Sources: kubectl pkg/cmd/wait/wait.go (conditionFuncFor, "condition met" name printer,
# "timed out waiting for the condition on pods/x", "condition not met for pods/x", "unrecognized
# condition", builder's "You must provide one or more resources"); texts checked with kubectl v1.33.1.
kubectl run web --image=nginx
kubectl wait --for=condition=Ready pod/web
kubectl get pod web
kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web
kubectl wait --for=condition=Ready=false pod/web --timeout=3s
kubectl wait --for=condition=Ready pod/web --timeout=0
kubectl wait --for=condition=Ready pods -l run=web
kubectl wait --for=condition=Ready pods
kubectl wait --for=condition=Available deploy/coredns -n kube-system
kubectl wait --for=condition=Ready pod/nope
kubectl wait pod/web
kubectl wait --for=condition=Ready
kubectl wait --for=condition=Ready pod/web --timeout=5
kubectl delete pod web --wait=false
kubectl wait --for=delete pod/web --timeout=60s
kubectl wait --for=delete pod/web
kubectl get pods
