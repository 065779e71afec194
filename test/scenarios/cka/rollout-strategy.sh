# CKA application-lifecycle task: a Deployment with an explicit RollingUpdate strategy
# (maxSurge 1, maxUnavailable 0), image updates recorded through the change-cause annotation,
# history per revision, undo to a named revision (its number moves to the top), pause while
# changing several fields, resume. Sources: kubectl pkg/cmd/rollout/{rollout_history,rollout_undo,
# rollout_pause,rollout_resume}.go, pkg/cmd/set/set_resources.go, k/k pkg/apis/core/v1/defaults.go SetDefaults_Pod
# (requests default to limits on a Pod, not on a template), kubectl pkg/polymorphichelpers/{history,rollback}.go, k/k
# pkg/controller/deployment/{rolling,sync,rollback}.go (revision renumbering), apps/v1 types.go.
cat <<'YAML' > api.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  annotations:
    kubernetes.io/change-cause: "initial nginx 1.25"
spec:
  replicas: 4
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: web
        image: nginx:1.25
YAML
kubectl apply -f api.yaml
kubectl rollout status deploy/api --timeout=60s
kubectl get deploy api -o jsonpath='{.spec.strategy}{"\n"}'
kubectl set image deploy/api web=nginx:1.26
kubectl annotate deploy/api kubernetes.io/change-cause="nginx 1.26"
kubectl rollout status deploy/api --timeout=2m
kubectl set image deploy/api web=nginx:1.27
kubectl annotate deploy/api kubernetes.io/change-cause="nginx 1.27" --overwrite
kubectl rollout status deploy/api --timeout=2m
kubectl rollout history deploy/api
kubectl rollout history deploy/api --revision=2
kubectl rollout undo deploy/api --to-revision=1
kubectl rollout status deploy/api --timeout=2m
kubectl rollout history deploy/api
kubectl get deploy api -o jsonpath='{.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\.kubernetes\.io/revision}{"\n"}'
kubectl get rs -l app=api -o custom-columns='NAME:.metadata.name,REV:.metadata.annotations.deployment\.kubernetes\.io/revision,DESIRED:.spec.replicas,IMAGE:.spec.template.spec.containers[0].image' --sort-by='.metadata.annotations.deployment\.kubernetes\.io/revision'
kubectl rollout pause deploy/api
kubectl set image deploy/api web=nginx:1.27-alpine
kubectl set resources deploy/api -c web --limits=cpu=200m,memory=64Mi --requests=memory=32Mi
kubectl set resources deploy/api -c nginx --limits=cpu=1
kubectl get rs -l app=api
kubectl rollout history deploy/api
kubectl rollout resume deploy/api
kubectl rollout status deploy/api --timeout=2m
kubectl get deploy api -o wide
kubectl rollout history deploy/api --revision=5
kubectl describe deploy api | grep -E 'StrategyType|RollingUpdateStrategy|Image|Requests|cpu|memory'
kubectl get deploy api -o jsonpath='{.spec.template.spec.containers[0].resources}{"\n"}'
kubectl get pods -l app=api -o jsonpath='{.items[0].spec.containers[0].resources}{"\n"}{.items[0].status.qosClass}{"\n"}'
