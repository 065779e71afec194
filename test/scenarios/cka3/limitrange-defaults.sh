# CKA workloads task: a namespace LimitRange fills in requests and limits of the pods a Deployment
# creates (its template stays as written), read back with -o yaml; a limit alone becomes the request
# too (API defaulting, before admission); a request above the default limit is invalid; the
# maxLimitRequestRatio; init containers get defaults as well; the QoS class that follows. Sources: k/k
# plugin/pkg/admission/limitranger/admission.go (defaultContainerResourceRequirements, mergeContainerResources
# and the kubernetes.io/limit-ranger annotation, "… max limit to request ratio per Container is …"),
# pkg/apis/core/v1/defaults.go SetDefaults_Pod (limits copied to requests), pkg/apis/core/validation
# ("must be less than or equal to cpu limit of …"), pkg/apis/core/helper/qos/qos.go.
kubectl create namespace dev
cat <<'YAML' > lr.yaml
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: dev
spec:
  limits:
  - type: Container
    default:
      cpu: 400m
      memory: 256Mi
    defaultRequest:
      cpu: 100m
      memory: 64Mi
    maxLimitRequestRatio:
      cpu: "8"
YAML
kubectl apply -f lr.yaml
kubectl get limitrange -n dev
kubectl create deployment api --image=nginx:1.27 --replicas=1 -n dev
sleep 5
kubectl get deploy api -n dev -o jsonpath='{.spec.template.spec.containers[0].resources}{"\n"}'
kubectl get pods -n dev -l app=api -o yaml | grep -A7 '    resources:'
kubectl get pods -n dev -l app=api -o jsonpath='{.items[0].metadata.annotations.kubernetes\.io/limit-ranger}{"\n"}'
cat <<'YAML' > pods.yaml
apiVersion: v1
kind: Pod
metadata:
  name: capped
  namespace: dev
spec:
  initContainers:
  - name: init
    image: busybox:1.36
    command: ["true"]
  containers:
  - name: app
    image: nginx:1.27
    resources:
      limits:
        cpu: 200m
        memory: 128Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: hungry
  namespace: dev
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: 800m
---
apiVersion: v1
kind: Pod
metadata:
  name: spiky
  namespace: dev
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: 10m
      limits:
        cpu: "1"
YAML
kubectl apply -f pods.yaml
kubectl get pod capped -n dev -o jsonpath='{range .spec.initContainers[*]}{.name}: {.resources}{"\n"}{end}{range .spec.containers[*]}{.name}: {.resources}{"\n"}{end}'
kubectl get pod capped -n dev -o jsonpath='{.status.qosClass}{"\n"}'
kubectl get pods -n dev -l app=api -o jsonpath='{.items[0].status.qosClass}{"\n"}'
kubectl get pod capped -n dev -o jsonpath='{.metadata.annotations}{"\n"}'
kubectl describe pod capped -n dev | sed -n '/^Containers:/,/^Conditions:/p' | grep -A6 -E '^    (Limits|Requests):'
kubectl delete limitrange defaults -n dev
kubectl run after --image=nginx:1.27 -n dev
kubectl get pod after -n dev -o jsonpath='{.spec.containers[0].resources}{" "}{.status.qosClass}{"\n"}'
