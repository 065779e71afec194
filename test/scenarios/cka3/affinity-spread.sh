# CKA scheduling task: co-locate and separate pods with pod affinity / anti-affinity (required and
# preferred), spread replicas over zones with topologySpreadConstraints, and read why the extra ones
# wait. Sources: k/k pkg/scheduler/framework/plugins/interpodaffinity/filtering.go
# (ErrReasonAffinityRulesNotMatch "node(s) didn't match pod affinity rules", ErrReasonAntiAffinityRulesNotMatch
# "node(s) didn't match pod anti-affinity rules"), podtopologyspread/filtering.go
# (ErrReasonConstraintsNotMatch "node(s) didn't match pod topology spread constraints"),
# pkg/scheduler/schedule_one.go FitError (sorted reasons, "preemption: " suffix).
kubectl label node node01 topology.kubernetes.io/zone=zone-a
kubectl label node node02 topology.kubernetes.io/zone=zone-b
kubectl run cache --image=redis:7 --labels=app=cache
sleep 10
kubectl get pod cache -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName
cat <<'YAML' > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      affinity:
        podAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                app: cache
            topologyKey: kubernetes.io/hostname
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              labelSelector:
                matchLabels:
                  app: web
              topologyKey: kubernetes.io/hostname
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl apply -f web.yaml
sleep 15
kubectl get pods -l app=web -o custom-columns=NODE:.spec.nodeName,PHASE:.status.phase --no-headers | sort | uniq -c
cat <<'YAML' > solo.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: solo
spec:
  replicas: 3
  selector:
    matchLabels:
      app: solo
  template:
    metadata:
      labels:
        app: solo
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchExpressions:
              - key: app
                operator: In
                values: [solo]
            topologyKey: kubernetes.io/hostname
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl apply -f solo.yaml
sleep 15
kubectl get deploy solo
kubectl get pods -l app=solo --field-selector=status.phase=Pending -o name | wc -l
kubectl get pods -l app=solo -o wide --sort-by=.spec.nodeName
kubectl get events --field-selector reason=FailedScheduling -o custom-columns=MESSAGE:.message --no-headers | sort -u
kubectl run lonely --image=nginx:1.27 --overrides='{"spec":{"affinity":{"podAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"app":"db"}},"topologyKey":"kubernetes.io/hostname"}]}}}}'
sleep 5
kubectl describe pod lonely | sed -n '/^Events:/,$p'
cat <<'YAML' > spread.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: spread
spec:
  replicas: 4
  selector:
    matchLabels:
      app: spread
  template:
    metadata:
      labels:
        app: spread
    spec:
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: DoNotSchedule
        labelSelector:
          matchLabels:
            app: spread
      containers:
      - name: nginx
        image: nginx:1.27
YAML
kubectl apply -f spread.yaml
sleep 15
kubectl get pods -l app=spread -o custom-columns=NODE:.spec.nodeName --no-headers | sort | uniq -c
kubectl cordon node02
kubectl scale deploy spread --replicas=6
sleep 10
kubectl get pods -l app=spread --field-selector=status.phase=Pending -o name | wc -l
kubectl get events --field-selector reason=FailedScheduling -o custom-columns=MESSAGE:.message --no-headers | grep topology | sort -u
kubectl uncordon node02
sleep 10
kubectl get pods -l app=spread -o custom-columns=NODE:.spec.nodeName --no-headers | sort | uniq -c
kubectl get deploy spread
