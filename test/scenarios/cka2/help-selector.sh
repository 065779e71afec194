# kubectl's own help (cobra: Long, Examples, Options, Usage — generated/help.json from the real binary)
# and `kubectl set selector` (set_selector.go) on a Service: the whole selector is replaced, only
# Services take one, set-based expressions are refused; jsonpath templates are parsed before any
# object is read (client-go util/jsonpath), so a bad index fails over an empty list too.
kubectl set -h
kubectl set selector --help
kubectl create deployment web --image=nginx:1.27
kubectl expose deployment web --port=80
kubectl set selector svc web 'app=web,tier=frontend'
kubectl get endpoints web
kubectl set selector svc/web app=web
kubectl get svc web -o wide
kubectl set selector svc web 'app in (web,api)'
kubectl set selector deploy web app=web
kubectl set selector svc web
kubectl create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | kubectl set selector --local -f - 'environment=qa' -o yaml
kubectl get pods -l app=nothing -o jsonpath='{.items[x].metadata.name}'
kubectl get pods -l app=nothing -o jsonpath='{range .items[*]}{.metadata.name[abc]}{end}'
kubectl get pods -l app=web -o jsonpath='{.items[5].metadata.name}' 2>&1 | head -1
kubectl get pods -o custom-columns='NAME:.metadata.name,BAD:.spec.containers[x]'
kubectl create secret
