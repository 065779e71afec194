# Requests that fit nowhere: the scheduler's FailedScheduling event counts nodes per reason
# (noderesources/fit.go "Insufficient cpu"/"Insufficient memory", the control plane's taint,
# "Preemption is not helpful for scheduling."); describe node's "Allocated resources" adds the
# requests of the pods on it. A smaller request schedules.
kubectl run huge --image=nginx:1.27 --overrides='{"spec":{"containers":[{"name":"huge","image":"nginx:1.27","resources":{"requests":{"cpu":"64","memory":"1Gi"}}}]}}'
kubectl run fat --image=nginx:1.27 --overrides='{"spec":{"containers":[{"name":"fat","image":"nginx:1.27","resources":{"requests":{"memory":"512Gi"}}}]}}'
sleep 10
kubectl get pods
kubectl describe pod huge | sed -n '/^Events:/,$p'
kubectl get events --field-selector reason=FailedScheduling,involvedObject.name=fat -o custom-columns=REASON:.reason,MESSAGE:.message
kubectl run ok --image=nginx:1.27 --overrides='{"spec":{"nodeName":"node01","containers":[{"name":"ok","image":"nginx:1.27","resources":{"requests":{"cpu":"500m","memory":"256Mi"},"limits":{"cpu":"1","memory":"512Mi"}}}]}}'
sleep 10
kubectl get pod ok -o wide
kubectl describe node node01 | sed -n '/^Allocated resources:/,/^Events:/p'
kubectl describe node node01 | grep -A12 '^Non-terminated Pods'
kubectl get pod ok -o jsonpath='{.status.qosClass}{"\n"}'
kubectl delete pod huge fat --now
