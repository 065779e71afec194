# CKA scheduling task: a NoExecute taint evicts the pods that do not tolerate it at once, those that
# tolerate it with tolerationSeconds after that many seconds, and leaves those that tolerate it for
# ever; removing the taint cancels a scheduled eviction; a NoSchedule taint evicts nothing.
# Sources: k/k pkg/controller/tainteviction/taint_eviction.go (GetMatchingTolerations,
# getMinTolerationTime, the TaintManagerEviction events "Marking for deletion Pod …" and "Cancelling
# deletion of Pod …", the DisruptionTarget condition DeletionByTaintManager), pkg/kubelet/lifecycle/
# predicate.go (untolerated NoExecute taints), plugin/pkg/admission/defaulttolerationseconds,
# kubectl pkg/cmd/taint/taint.go (new taints first, 'untainted' for key-only removal).
cat <<'YAML' > pods.yaml
apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  nodeName: node01
  containers:
  - name: c
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: brief
spec:
  nodeName: node01
  tolerations:
  - key: maintenance
    operator: Equal
    value: "true"
    effect: NoExecute
    tolerationSeconds: 30
  containers:
  - name: c
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: patient
spec:
  nodeName: node01
  tolerations:
  - key: maintenance
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 3600
  containers:
  - name: c
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: steady
spec:
  nodeName: node01
  tolerations:
  - key: maintenance
    operator: Exists
  containers:
  - name: c
    image: nginx:1.27
YAML
kubectl apply -f pods.yaml
sleep 10
kubectl get pods -o wide
kubectl taint node node01 maintenance=true:NoSchedule
sleep 5
kubectl get pods
kubectl taint node node01 maintenance=true:NoExecute
kubectl describe node node01 | grep -A1 '^Taints:'
sleep 2
kubectl get pods
kubectl get events --field-selector reason=TaintManagerEviction -o custom-columns=OBJECT:.involvedObject.name,SOURCE:.source.component,MESSAGE:.message
sleep 20
kubectl get pods
sleep 15
kubectl get pods
kubectl get events --field-selector reason=TaintManagerEviction,involvedObject.name=brief -o custom-columns=MESSAGE:.message --no-headers
kubectl run late --image=nginx:1.27 --overrides='{"spec":{"nodeName":"node01"}}'
sleep 3
kubectl get pods
kubectl taint node node01 maintenance-
kubectl describe node node01 | grep '^Taints:'
kubectl get events --field-selector reason=TaintManagerEviction,involvedObject.name=patient -o custom-columns=MESSAGE:.message --no-headers
kubectl get pod steady -o jsonpath='{range .spec.tolerations[*]}{.key}{" "}{.operator}{" "}{.effect}{" "}{.tolerationSeconds}{"\n"}{end}'
