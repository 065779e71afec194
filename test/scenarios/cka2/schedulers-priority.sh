# CKA scheduling tasks: a pod naming a scheduler that does not run stays Pending with no events
# (no scheduler picks it up); PriorityClasses (scheduling/v1) with value, globalDefault and
# preemptionPolicy; a pod's priority resolved from its class at admission (plugin/pkg/admission/priority);
# a missing class is refused. Sources: k/k pkg/apis/scheduling, plugin/pkg/admission/priority/admission.go,
# printers.go printPriorityClass (NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY).
kubectl run manual --image=nginx:1.27 --overrides='{"spec":{"schedulerName":"my-scheduler"}}'
sleep 10
kubectl get pod manual -o wide
kubectl get pod manual -o jsonpath='{.spec.schedulerName}{"\n"}'
kubectl get events --field-selector involvedObject.name=manual
kubectl create priorityclass high --value=1000000 --description="critical apps"
kubectl create priorityclass low --value=10 --preemption-policy=Never
kubectl get priorityclass
kubectl get pc high -o yaml | grep -v -E 'creationTimestamp|resourceVersion|uid'
cat <<'YAML' > prio.yaml
apiVersion: v1
kind: Pod
metadata:
  name: important
spec:
  priorityClassName: high
  containers:
  - name: c
    image: nginx:1.27
YAML
kubectl apply -f prio.yaml
kubectl get pod important -o jsonpath='{.spec.priority} {.spec.preemptionPolicy}{"\n"}'
kubectl run orphan --image=nginx:1.27 --overrides='{"spec":{"priorityClassName":"nope"}}'
kubectl delete pod manual --now
kubectl delete priorityclass low
kubectl get pc --sort-by=.value -o custom-columns=NAME:.metadata.name,VALUE:.value
