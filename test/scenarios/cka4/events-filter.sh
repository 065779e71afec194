# Reading events the exam way: kubectl events for one object, only warnings, all namespaces, and the
# event list through get with sorting and field selectors. Sources: kubectl pkg/cmd/events/events.go
# (--for kind/name, --types, -A, sorted by last seen), events printer; the kubelet's image pull
# failure events (pkg/kubelet/images/image_manager.go).
kubectl run good --image=nginx:1.27
kubectl run bad --image=nginx:doesnotexist
sleep 30
kubectl events --for pod/good
kubectl events --for=pod/bad --types=Warning
kubectl events --types=Warning -A | head -3
kubectl events --types=Normal --for pod/good -o name | head -0
kubectl get events --field-selector type=Warning --no-headers | wc -l
kubectl get events --field-selector involvedObject.name=good --sort-by=.lastTimestamp -o custom-columns=REASON:.reason --no-headers
kubectl events --types=Foo
kubectl events --for=nope/x
kubectl get pod bad -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}{"\n"}'
