# Environment variables from the pod's fields (valueFrom.fieldRef): the kubelet's runtime values
# (spec.nodeName, status.podIP, status.podIPs, status.hostIP) and, for every other path, the same
# extraction the downward API volume uses — a single label or annotation by key, empty when the key
# is absent. Sources: k/k pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue,
# pkg/fieldpath/fieldpath.go ExtractFieldPathAsString; allowed paths: pkg/apis/core/validation
# validEnvDownwardAPIFieldPathExpressions.
cat <<'YAML' > env.yaml
apiVersion: v1
kind: Pod
metadata:
  name: envs
  labels:
    app: shop
    tier: web
  annotations:
    owner: team-a
spec:
  nodeName: node01
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: APP
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels['app']
    - name: OWNER
      valueFrom:
        fieldRef:
          fieldPath: metadata.annotations['owner']
    - name: MISSING
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels['nope']
    - name: NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: POD_IPS
      valueFrom:
        fieldRef:
          fieldPath: status.podIPs
    - name: HOST_IP
      valueFrom:
        fieldRef:
          fieldPath: status.hostIP
    - name: NS
      valueFrom:
        fieldRef:
          fieldPath: metadata.namespace
YAML
kubectl apply -f env.yaml
sleep 10
kubectl exec envs -- printenv APP OWNER NODE POD_IP POD_IPS HOST_IP NS
kubectl exec envs -- sh -c 'echo "[$MISSING]"'
kubectl get pod envs -o wide
# What validation refuses: a whole map (only the volume may take metadata.labels), an unknown
# field label, a subscript on a field that has none, a label key that is not a qualified name, two
# sources at once, no source at all.
cat <<'YAML' > bad.yaml
apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
  - name: c
    image: busybox:1.36
    env:
    - name: ALL_LABELS
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels
    - name: FOO
      valueFrom:
        fieldRef:
          fieldPath: spec.foo
    - name: SUB
      valueFrom:
        fieldRef:
          fieldPath: spec['x']
    - name: KEY
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels['bad key']
    - name: TWO
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
        configMapKeyRef:
          name: cfg
          key: k
    - name: NONE
      valueFrom: {}
YAML
kubectl apply -f bad.yaml
