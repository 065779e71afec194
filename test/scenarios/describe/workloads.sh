# kubectl describe deployment/replicaset/daemonset during and after a rolling update.
# Layout: k8s.io/kubectl/pkg/describe/describe.go DeploymentDescriber (RollingUpdateStrategy line,
# Pod Template via DescribePodTemplate, Conditions, OldReplicaSets/NewReplicaSet, Events),
# ReplicaSetDescriber (Pods Status line from the pods the selector matches), DaemonSetDescriber.
# Events: ScalingReplicaSet (deployment controller), SuccessfulCreate/SuccessfulDelete (replicaset controller).
cat <<'YAML' > /root/web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 50m
YAML
kubectl apply -f /root/web.yaml
sleep 30
kubectl describe deploy web
sed -i 's/nginx:1.27/nginx:1.28/' /root/web.yaml
kubectl apply -f /root/web.yaml
sleep 1m
kubectl describe deployments.apps/web
kubectl describe rs -l app=web
kubectl describe ds kube-proxy -n kube-system
