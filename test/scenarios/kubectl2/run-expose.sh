# kubectl run --expose (kubectl pkg/cmd/run/run.go Run): the pod is created first, then generateService
# creates and prints the Service; the pod's line is printed last.
kubectl run nginx --image=nginx --port=80 --expose
kubectl run nginx2 --image=nginx --port=80 --expose --dry-run=client
kubectl get svc nginx
