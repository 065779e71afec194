# kubectl describe namespace/resourcequota/limitrange/configmap/secret/serviceaccount.
# Layout: k8s.io/kubectl/pkg/describe/describe.go describeNamespace ("Resource Quotas" and
# "Resource Limits" blocks, "No resource quota." / "No LimitRange resource."), describeQuota
# (resources sorted), describeLimitRange, describeConfigMap (keys sorted, kubectl v1.34+),
# describeSecret (keys sorted, sizes in bytes, never values), describeServiceAccount.
# Namespace lists with no match print to stderr: k8s.io/kubectl/pkg/cmd/describe/describe.go.
cat <<'YAML' > /root/ns.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels:
    team: a
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: team-a
spec:
  hard:
    pods: "10"
    requests.cpu: "2"
    requests.memory: 2Gi
    limits.memory: 4Gi
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: team-a
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 100m
      memory: 128Mi
    max:
      cpu: "1"
  - type: Pod
    max:
      memory: 1Gi
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: team-a
data:
  nginx.conf: |
    server {
      listen 80;
    }
  LOG_LEVEL: info
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: team-a
type: Opaque
stringData:
  username: admin
  password: s3cr3t-passw0rd
YAML
kubectl apply -f /root/ns.yaml
sleep 10
cat <<'YAML' > /root/worker.yaml
apiVersion: v1
kind: Pod
metadata:
  name: worker
  namespace: team-a
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        cpu: 250m
        memory: 64Mi
YAML
kubectl apply -f /root/worker.yaml
sleep 10
kubectl describe ns team-a
kubectl describe quota -n team-a
kubectl describe limits defaults -n team-a
kubectl describe cm settings -n team-a
kubectl describe secret creds -n team-a
kubectl describe sa -n team-a
kubectl describe ns default
kubectl describe pod -n team-a worker --show-events=false
kubectl describe rs -n team-a
kubectl describe quota -A
