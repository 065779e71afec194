# The classic troubleshooting exercise: a typo in a flag of /etc/kubernetes/manifests/kube-scheduler.yaml.
# The kubelet restarts the static pod from the edited file (pkg/kubelet/config/file.go; resync every
# fileCheckFrequency 20 s); kube-scheduler exits at flag parsing with component-base/cli/run.go's
# "Error: unknown flag: --x" and goes into CrashLoopBackOff (kubelet back-off 10 s doubling); with no
# scheduler, new pods stay Pending with no events. Fixing the file brings the scheduler back and the
# pod is bound (Scheduled event from default-scheduler). crictl shows the exited container and its log
# (cri-tools crictl ps -a / logs).
kubectl get pods -n kube-system kube-scheduler-controlplane
sed -i 's/--leader-elect=true/--leader-elct=true/' /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 40
kubectl get pods -n kube-system kube-scheduler-controlplane
kubectl run web --image=nginx
sleep 10
kubectl get pods
crictl ps -a --name kube-scheduler
crictl logs $(crictl ps -a -q --name kube-scheduler | head -1)
sed -i 's/--leader-elct=true/--leader-elect=true/' /etc/kubernetes/manifests/kube-scheduler.yaml
sleep 30
kubectl get pods -n kube-system kube-scheduler-controlplane
kubectl get pods
kubectl get events --field-selector involvedObject.name=web
