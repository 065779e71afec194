# kubectl describe pod: a pod with an init container, env in every valueFrom form, envFrom, resources,
# ConfigMap/Secret/EmptyDir/HostPath volumes and kubelet events.
# Layout: k8s.io/kubectl/pkg/describe/describe.go describePod/describeContainers/describeVolumes
# (PrefixWriter over text/tabwriter minwidth 0, tabwidth 8, padding 2; a line without a tab ends a column
# block); event messages carry "fieldPath: " (kubectl v1.35, PR #133627); Age: translateMicroTimestampSince.
# Errors and prefix matching: k8s.io/kubectl/pkg/cmd/describe/describe.go.
cat <<'YAML' > /root/app.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-cfg
data:
  mode: prod
  color: blue
---
apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: s3cr3t
---
apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    app: demo
    tier: web
spec:
  initContainers:
  - name: init
    image: busybox
    command: ["sh", "-c", "echo init"]
  containers:
  - name: main
    image: nginx:1.27
    ports:
    - containerPort: 80
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
      limits:
        cpu: 200m
        memory: 128Mi
    env:
    - name: MODE
      value: debug
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: NODE_NAME
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: MEM_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
          divisor: 1Mi
    - name: COLOR
      valueFrom:
        configMapKeyRef:
          name: app-cfg
          key: color
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
          optional: true
    envFrom:
    - configMapRef:
        name: app-cfg
    - secretRef:
        name: db
      prefix: DB_
    volumeMounts:
    - name: cache
      mountPath: /cache
    - name: cfg
      mountPath: /etc/cfg
    - name: sec
      mountPath: /etc/sec
      readOnly: true
    - name: logs
      mountPath: /host/logs
  volumes:
  - name: cache
    emptyDir:
      sizeLimit: 500Mi
  - name: cfg
    configMap:
      name: app-cfg
  - name: sec
    secret:
      secretName: db
  - name: logs
    hostPath:
      path: /var/log
      type: Directory
YAML
kubectl apply -f /root/app.yaml
sleep 1m
kubectl describe pod app
kubectl describe pods/app --show-events=false
kubectl describe pods -l tier=db
kubectl describe pod ap
kubectl describe pod nothing
