# kubectl scale: kubectl@1.35 pkg/cmd/scale/scale.go (PrintFlags "scaled", Validate, RunScale, updateReplicas)
# and pkg/scale/scale.go (ScalePrecondition "Expected %s to be %s, was %s", the scale subresource:
# resources without one answer NotFound "the server could not find the requested resource").
# Cobra: MarkFlagRequired("replicas") -> `required flag(s) "replicas" not set`.
# The same commands were run with kubectl v1.33.1 against this simulated cluster (an HTTP bridge to the
# simulator's API server): identical output.
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl run solo --image=nginx
sleep 30
kubectl scale deploy web --replicas=5
kubectl get deploy web
kubectl scale deploy/web --replicas=2 --current-replicas=3
kubectl scale deployment.apps/web rs/nope --replicas=2
kubectl scale pod solo --replicas=2
kubectl scale pod nope --replicas=2
kubectl scale deploy --replicas=1
kubectl scale deploy --all --replicas=1 --timeout=1m
kubectl get deploy web
kubectl scale -l app=web deploy --replicas=3 --dry-run=client
kubectl scale deploy web --replicas=4 --dry-run=server
kubectl scale deploy web --replicas=3 -o name
kubectl scale deploy web --replicas=2 --record
kubectl get deploy web -o yaml | grep change-cause
kubectl scale deploy web
kubectl scale deploy web --replicas=-1
kubectl scale deploy web --replicas=x
kubectl scale deploy web --replicas=1 --timeout=5
kubectl scale --replicas=2
kubectl scale foo/x --replicas=2
