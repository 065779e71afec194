# Unseen CKA flow, written from the docs alone (website: tasks/debug/debug-cluster/_index.md, "static
# pods"): a broken kube-scheduler manifest (its --kubeconfig names a file that does not exist) — the
# kubelet restarts the static pod at once (inotify), the container exits and goes into CrashLoopBackOff
# ("1 (Ns ago)" during the first back-off, as real clusters show it), new pods stay Pending without
# events; the container log and `crictl ps -a` show why; fixing the manifest brings the scheduler back
# and the pending pod is scheduled.
sed -i 's|--kubeconfig=/etc/kubernetes/scheduler.conf|--kubeconfig=/etc/kubernetes/scheduler.config|' /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 30
kubectl run web --image=nginx
sleep 10
kubectl get pods
kubectl get pods -n kube-system
kubectl describe pod web | tail -4
kubectl -n kube-system logs kube-scheduler-controlplane | tail -3
crictl ps -a --name kube-scheduler
grep kubeconfig /etc/kubernetes/manifests/kube-scheduler.yaml
sed -i 's|scheduler.config|scheduler.conf|' /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 60
kubectl get pods -n kube-system | grep scheduler
kubectl get pods -o wide
kubectl get events --field-selector involvedObject.name=web
