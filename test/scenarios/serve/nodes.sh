# Node maintenance through cordon, taint, drain and uncordon, as the differential suite runs it both
# through the simulator's kubectl and through real kubectl against `kubesim serve` (test/differential).
# Messages: kubectl pkg/cmd/drain/drain.go (cordoned/already cordoned/drained, "evicting pod"),
# pkg/cmd/taint/taint.go (tainted/untainted); STATUS column: printers.go printNode (SchedulingDisabled).
kubectl create deployment web --image=nginx --replicas=4
sleep 30
kubectl get pods -o wide
kubectl cordon node01
kubectl cordon node01
kubectl get nodes
kubectl taint nodes node02 dedicated=infra:NoSchedule
kubectl describe node node02 | grep Taints
kubectl taint nodes node02 dedicated=infra:NoSchedule
kubectl taint nodes node02 dedicated:NoSchedule-
kubectl drain node01
kubectl drain node01 --ignore-daemonsets
sleep 30
kubectl get pods -o wide
kubectl uncordon node01
kubectl uncordon node01
kubectl get nodes
