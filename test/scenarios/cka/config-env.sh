# CKA application-lifecycle task: configuration through a ConfigMap and a Secret as single env vars
# and envFrom (with a prefix), a pod that names a missing ConfigMap key (CreateContainerConfigError
# until it appears), and a Secret read back with base64. Sources: k/k pkg/kubelet/kubelet_pods.go
# makeEnvironmentVariables ('couldn't find key %v in ConfigMap %v/%v', 'configmap "%s" not found'),
# pkg/kubelet/kuberuntime (CreateContainerConfigError), kubectl pkg/cmd/create/create_configmap.go,
# create_secret.go, describe.go describeConfigMap/describeSecret (sizes, no values).
kubectl create configmap app-config --from-literal=APP_MODE=prod --from-literal=LOG_LEVEL=info
kubectl create secret generic db-cred --from-literal=DB_USER=admin --from-literal=DB_PASS='s3cr3t!'
cat <<'EOF2' > app.properties
color=blue
size=3
EOF2
kubectl create configmap props --from-file=app.properties
kubectl get cm app-config props
kubectl describe secret db-cred
kubectl get secret db-cred -o jsonpath='{.data.DB_PASS}' | base64 -d
echo
cat <<'YAML' > env-pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: envpod
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "env | sort | grep -E '^(APP|CFG|DB|MODE)'; sleep 3600"]
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: APP_MODE
    - name: DB_USER
      valueFrom:
        secretKeyRef:
          name: db-cred
          key: DB_USER
    envFrom:
    - configMapRef:
        name: app-config
      prefix: CFG_
    - secretRef:
        name: db-cred
YAML
kubectl apply -f env-pod.yaml
cat <<'YAML' > broken.yaml
apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: FEATURE
      valueFrom:
        configMapKeyRef:
          name: features
          key: FLAG
YAML
kubectl apply -f broken.yaml
sleep 10
kubectl logs envpod
kubectl exec envpod -- printenv MODE DB_PASS
kubectl get pods
kubectl describe pod broken | grep -A3 'State:'
kubectl get events --field-selector involvedObject.name=broken,reason=Failed -o custom-columns=REASON:.reason,MESSAGE:.message
kubectl create configmap features --from-literal=OTHER=1
sleep 20
kubectl get pod broken
kubectl get events --field-selector involvedObject.name=broken,reason=Failed -o custom-columns=MESSAGE:.message | tail -1
kubectl create configmap features --from-literal=FLAG=on --dry-run=client -o yaml | kubectl apply -f -
sleep 30
kubectl get pod broken
kubectl exec broken -- sh -c 'echo $FEATURE'
