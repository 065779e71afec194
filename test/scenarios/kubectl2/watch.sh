# kubectl get -w / --watch-only / --output-watch-events: the list, then one row per watch event.
# Sources: kubectl pkg/cmd/get/get.go watch() (initial list unless --watch-only, a named object's
# synthetic ADDED suppressed, WatchEvent wrapping), cli-runtime pkg/resource/result.go Watch (the
# errors for several names / -f objects), builder.go SingleResourceType, pkg/printers tableprinter.go
# (header once, EVENT column first) and tabwriter.go (liggitt/tabwriter RememberWidths), json.go and
# yaml.go (WatchEvent printing); every line checked with kubectl v1.33.1 against kubesim serve.
# Time: a watch lets simulated time pass. With --request-timeout=D it follows the cluster for D and
# ends (exit 0) as kubectl does when its client times the stream out. Without it (the last watch
# here) it follows in 1s steps until 60s pass with no event for it, at most 5m, then ends as Ctrl+C
# would: the terminal's `^C`, and kubectl's exit status on SIGINT, 1 — src/sim/kubectl/cmd/getwatch.ts.
# The differential harness steps real kubectl's watch by the same rule (test/differential/worker.ts).
kubectl run a --image=nginx
kubectl get pods -w --request-timeout=20s
kubectl get pods --watch-only --request-timeout=5s
kubectl get pods
kubectl run b --image=nginx --labels=app=b
kubectl get pods -l app=b --watch-only --output-watch-events --request-timeout=10s
kubectl get pod a -o name -w --request-timeout=5s
kubectl delete pod b --wait=false
kubectl get pods -w --output-watch-events --request-timeout=40s
kubectl create deployment web --image=nginx --replicas=2
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl get rs -w --request-timeout=30s
kubectl set image deployment/web nginx=nginx:1.28
kubectl get pods -l app=web -w --request-timeout=30s
kubectl scale deployment web --replicas=3
kubectl get deploy web -o yaml --watch-only --request-timeout=10s | grep -E '^(---|  (replicas|readyReplicas|availableReplicas|updatedReplicas):)'
kubectl scale deployment web --replicas=2
kubectl get deploy web -o json -w --output-watch-events --request-timeout=10s | grep -o '"type":"[A-Z]*"'
kubectl run c --image=nginx
kubectl get pod c -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,IP:.status.podIP -w --request-timeout=10s
kubectl get pod c -o jsonpath='{.metadata.name} {.status.phase}{"\n"}' -w --request-timeout=1s
kubectl delete pod c --wait=false
kubectl get pods -o name --watch-only --output-watch-events --request-timeout=60s
sim fail-node node01
kubectl get nodes -w --request-timeout=60s
kubectl get pods,svc -w
kubectl get pods --sort-by=.metadata.name -w --request-timeout=1s
kubectl get pod a zz -w --request-timeout=1s
kubectl get pods --output-watch-events
kubectl get -w
kubectl get pods -o yaml -w --request-timeout=1s | grep -E '^(---|kind:|  name:)'
kubectl get pods -w --request-timeout=abc
kubectl get pod a -w
echo $?
