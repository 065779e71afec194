# CKA scheduling task: PriorityClasses and preemption. A high-priority pod that fits nowhere evicts a
# lower-priority one (the victim's Preempted event, the preemptor's nominatedNodeName, then it runs);
# a class with preemptionPolicy Never waits instead; the global default class; what the API server
# refuses. Sources: k/k pkg/scheduler/framework/preemption/preemption.go (Preempted "Preempted by pod
# <uid> on node <node>", the DisruptionTarget condition, nominatedNodeName), pkg/registry/core/pod/storage
# (ClearingNominatedNodeNameAfterBinding, beta in v1.35: the nomination goes at binding),
# pkg/printers/internalversion/printers.go printPriorityClass, pkg/apis/scheduling/validation/validation.go
# (ValidatePriorityClass, ValidatePriorityClassUpdate), pkg/apis/scheduling/v1/helpers.go
# (IsKnownSystemPriorityClass), plugin/pkg/admission/priority/admission.go (admitPod,
# validatePriorityClass), pkg/registry/scheduling/priorityclass/storage/storage.go (system classes).
kubectl create priorityclass low --value=100 --description="batch"
kubectl create priorityclass high --value=1000000 --description="production"
kubectl create priorityclass polite --value=1000000 --preemption-policy=Never
cat <<'YAML' > filler.yaml
apiVersion: v1
kind: Pod
metadata:
  name: filler
spec:
  priorityClassName: low
  nodeSelector:
    kubernetes.io/hostname: node01
  containers:
  - name: c
    image: nginx:1.27
    resources:
      requests:
        cpu: 1500m
YAML
kubectl apply -f filler.yaml
sleep 10
kubectl get pod filler -o wide
cat <<'YAML' > waiter.yaml
apiVersion: v1
kind: Pod
metadata:
  name: waiter
spec:
  priorityClassName: polite
  nodeSelector:
    kubernetes.io/hostname: node01
  containers:
  - name: c
    image: nginx:1.27
    resources:
      requests:
        cpu: 1
YAML
kubectl apply -f waiter.yaml
sleep 5
kubectl get pods -o wide
kubectl get pod waiter -o jsonpath='{.spec.priority} {.spec.preemptionPolicy}{"\n"}'
kubectl describe pod waiter | sed -n '/^Events:/,$p'
kubectl delete pod waiter --now
sed -e 's/name: waiter/name: urgent/' -e 's/polite/high/' waiter.yaml > urgent.yaml
kubectl apply -f urgent.yaml
kubectl get pods -o wide
kubectl get pod filler -o jsonpath='{range .status.conditions[?(@.type=="DisruptionTarget")]}{.reason}: {.message}{"\n"}{end}'
sleep 5
kubectl get pods -o wide
kubectl get pod urgent -o jsonpath='{.status.nominatedNodeName}{"\n"}'
kubectl get events --field-selector involvedObject.name=filler,reason=Preempted -o custom-columns=REASON:.reason,SOURCE:.reportingComponent,ACTION:.action,RELATED:.related.name --no-headers
kubectl get events --field-selector involvedObject.name=urgent -o custom-columns=REASON:.reason,MESSAGE:.message --no-headers
kubectl get pc
kubectl create priorityclass huge --value=1000000001
kubectl create priorityclass system-mine --value=10
kubectl create priorityclass odd --value=5 --preemption-policy=Sometimes
kubectl create priorityclass fallback --value=10 --global-default
kubectl create priorityclass fallback2 --value=20 --global-default
kubectl patch pc low -p '{"value":200}'
kubectl patch pc low -p '{"preemptionPolicy":"Never"}'
kubectl delete pc system-cluster-critical
kubectl run plain --image=nginx:1.27
kubectl get pod plain -o jsonpath='{.spec.priorityClassName} {.spec.priority}{"\n"}'
kubectl run forced --image=nginx:1.27 --overrides='{"spec":{"priorityClassName":"high","priority":5}}'
kubectl get pc -o custom-columns=NAME:.metadata.name,VALUE:.value,DEFAULT:.globalDefault,POLICY:.preemptionPolicy
