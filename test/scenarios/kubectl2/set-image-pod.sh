# The image is the one mutable container field of a live pod. The kubelet notices the changed
# container hash (pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions: "Container %s
# definition changed") and restarts the container with the new image — event Killing "Container web
# definition changed, will be restarted", RESTARTS 1. A container stuck in ImagePullBackOff tries the
# new image at once (the back-off is per image), without a restart.
kubectl run redis --image=redis123
kubectl run web --image=nginx
sleep 60
kubectl get pods
kubectl set image pod/redis redis=redis
kubectl set image pod/web web=nginx:1.27
sleep 5
kubectl get pods
kubectl get events --field-selector involvedObject.name=web,reason=Killing
