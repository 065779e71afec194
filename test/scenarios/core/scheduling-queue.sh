# The kube-scheduler's SchedulingQueue (pkg/scheduler/backend/queue/scheduling_queue.go, v1.35, queueing
# hints on): a pod the plugins reject waits in unschedulablePods until a cluster event that one of its
# rejecting plugins registered (EventsToRegister) and whose QueueingHintFn says Queue, or until it has
# waited 5 minutes (flushUnschedulablePodsLeftover, every 30 s, podMaxInUnschedulablePodsDuration).
# Each retry that fails again is one more FailedScheduling event: describe shows "(xN over …)".
#
# NodeAffinity (node_affinity.go isSchedulableAfterNodeChange): another pod, an annotation and a
# non-matching label do not retry the pod; the matching label does.
kubectl run picky --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'
sleep 5
kubectl run other --image=nginx
kubectl annotate node node01 note=unrelated
kubectl label node node02 disk=hdd
sleep 20
kubectl describe pod picky | grep -A4 Events:
kubectl label node node01 disk=ssd
sleep 5
kubectl get pod picky -o wide
kubectl describe pod picky | grep -A5 Events:
# NodeUnschedulable and TaintToleration (node_unschedulable.go, taint_toleration.go): with both workers
# cordoned a new pod fails; tainting a cordoned node is no help; uncordoning the tainted one retries it
# (NodeUnschedulable's hint) but TaintToleration rejects it again; uncordoning the other one places it.
kubectl cordon node01 node02
kubectl run blocked --image=nginx
sleep 3
kubectl taint node node01 team=a:NoSchedule
sleep 3
kubectl get pod blocked
kubectl uncordon node01
sleep 3
kubectl get pod blocked
kubectl uncordon node02
sleep 3
kubectl get pod blocked -o wide
kubectl describe pod blocked | grep -A6 Events:
kubectl taint node node01 team=a:NoSchedule-
# NodeResourcesFit (fit.go isSchedulableAfterPodEvent): a pod too big for what is left waits; a new pod
# elsewhere does not retry it, deleting a pod that used the CPU does.
kubectl run hog1 --image=nginx --overrides='{"spec":{"nodeName":"node01","containers":[{"name":"hog1","image":"nginx","resources":{"requests":{"cpu":"1500m"}}}]}}'
kubectl run hog2 --image=nginx --overrides='{"spec":{"nodeName":"node02","containers":[{"name":"hog2","image":"nginx","resources":{"requests":{"cpu":"1500m"}}}]}}'
sleep 5
kubectl run big --image=nginx --overrides='{"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"1"}}}]}}'
sleep 5
kubectl run small --image=nginx
sleep 5
kubectl describe pod big | grep -A4 Events:
kubectl delete pod hog2
sleep 5
kubectl get pod big -o wide
kubectl describe pod big | grep -A5 Events:
# No event helps: the pod is retried after 5 minutes in unschedulablePods (at the next 30-second flush).
kubectl run never --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"nvme"}}}'
sleep 11m
kubectl describe pod never | grep -A4 Events:
