# kubectl events: the event table, --for, --types, -A.
# Sources: kubectl pkg/cmd/events/events.go (sort by last time, "No events found in … namespace.",
# "--for must be in resource/name form", "valid --types are Normal or Warning"), event_printer.go
# (LAST SEEN TYPE REASON OBJECT MESSAGE, OBJECT as Kind/name, "(xN over …)").
kubectl events
kubectl events -n kube-system --for pod/etcd-controlplane
kubectl events -A --types=Warning
kubectl events --types=Foo
kubectl events --for foo
kubectl run bad --image=nginx:doesnotexist
sim advance 30s
kubectl events --for pod/bad
kubectl events --for pod/bad --types=Warning -o name
