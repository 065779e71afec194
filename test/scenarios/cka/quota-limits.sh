# CKA core-objects task: a team namespace with a LimitRange (defaults, min/max) and a ResourceQuota,
# then pods that get defaults, break the limits, exceed the quota. Sources: k/k
# plugin/pkg/admission/limitranger/admission.go (defaults applied, "maximum cpu usage per Container is
# …, but limit is …"), plugin/pkg/admission/resourcequota/controller.go ("exceeded quota: …, requested:
# …, used: …, limited: …", "failed quota: …: must specify …"), pkg/controller/resourcequota (status.used),
# kubectl pkg/describe/describe.go describeLimitRange / describeQuota, create_quota.go.
kubectl create namespace team-a
kubectl create quota compute --hard=requests.cpu=1,requests.memory=1Gi,limits.cpu=2,limits.memory=2Gi,pods=3 -n team-a
cat <<'YAML' > limits.yaml
apiVersion: v1
kind: LimitRange
metadata:
  name: container-limits
  namespace: team-a
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 250m
      memory: 128Mi
    max:
      cpu: "1"
      memory: 512Mi
    min:
      cpu: 100m
      memory: 64Mi
YAML
kubectl apply -f limits.yaml
kubectl describe limitrange container-limits -n team-a
kubectl run web --image=nginx:1.27 -n team-a
kubectl get pod web -n team-a -o jsonpath='{.spec.containers[0].resources}{"\n"}'
kubectl get pod web -n team-a -o jsonpath='{.metadata.annotations}{"\n"}'
kubectl run big --image=nginx:1.27 -n team-a --overrides='{"spec":{"containers":[{"name":"big","image":"nginx:1.27","resources":{"limits":{"cpu":"2"}}}]}}'
kubectl run tiny --image=nginx:1.27 -n team-a --overrides='{"spec":{"containers":[{"name":"tiny","image":"nginx:1.27","resources":{"requests":{"cpu":"50m"}}}]}}'
kubectl run web2 --image=nginx:1.27 -n team-a
kubectl run web3 --image=nginx:1.27 -n team-a
sleep 5
kubectl describe quota compute -n team-a
kubectl run web4 --image=nginx:1.27 -n team-a
kubectl get resourcequota -n team-a
kubectl get quota compute -n team-a -o jsonpath='{.status.used.pods}/{.status.hard.pods}{"\n"}'
kubectl delete pod web3 -n team-a
sleep 5
kubectl get quota -n team-a
kubectl delete limitrange container-limits -n team-a
kubectl run bare --image=nginx:1.27 -n team-a
