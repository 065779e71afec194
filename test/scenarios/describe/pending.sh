# kubectl describe for pods that do not start: unschedulable (FailedScheduling from the scheduler,
# only the PodScheduled condition, "IPs: <none>") and an image that cannot be pulled (repeated events
# collapse to "Age (xN over first-seen)" — describe.go DescribeEvents, translateTimestampSince).
# Layout: k8s.io/kubectl/pkg/describe/describe.go describePod, describePodIPs.
cat <<'YAML' > /root/p.yaml
apiVersion: v1
kind: Pod
metadata:
  name: stuck
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: c
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: badimg
spec:
  containers:
  - name: c
    image: nginx:doesnotexist
YAML
kubectl apply -f /root/p.yaml
sleep 3m
kubectl describe pod stuck badimg
