# CKA configuration task: a ConfigMap and a Secret mounted as volumes (all keys, chosen items with a
# path, defaultMode), a projected volume joining both with the downward API, a subPath file, read
# back with kubectl exec … -- cat/ls; a key added to the ConfigMap appears in the volume. Sources:
# k/k pkg/volume/configmap, pkg/volume/secret, pkg/volume/projected, pkg/volume/util/atomic_writer.go
# (..data symlinks, files as links), pkg/volume/downwardapi; kubectl pkg/cmd/exec/exec.go.
kubectl create configmap web-conf --from-literal=color=blue --from-literal=mode=prod
kubectl create secret generic web-tls --from-literal=tls.key=KEYDATA --from-literal=user=admin
cat <<'YAML' > vol.yaml
apiVersion: v1
kind: Pod
metadata:
  name: vol
  labels:
    app: vol
    tier: web
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: conf
      mountPath: /etc/conf
    - name: certs
      mountPath: /etc/certs
      readOnly: true
    - name: all
      mountPath: /etc/all
    - name: conf
      mountPath: /etc/app/color.txt
      subPath: color
  volumes:
  - name: conf
    configMap:
      name: web-conf
  - name: certs
    secret:
      secretName: web-tls
      defaultMode: 0400
      items:
      - key: tls.key
        path: private/tls.key
  - name: all
    projected:
      sources:
      - configMap:
          name: web-conf
          items:
          - key: mode
            path: mode
      - secret:
          name: web-tls
          items:
          - key: user
            path: creds/user
      - downwardAPI:
          items:
          - path: labels
            fieldRef:
              fieldPath: metadata.labels
          - path: name
            fieldRef:
              fieldPath: metadata.name
YAML
kubectl apply -f vol.yaml
sleep 10
kubectl get pod vol
kubectl exec vol -- ls /etc/conf
kubectl exec vol -- cat /etc/conf/color
echo
kubectl exec vol -- cat /etc/certs/private/tls.key
echo
kubectl exec vol -- ls /etc/all /etc/all/creds /etc/certs
kubectl exec vol -- cat /etc/all/labels
echo
kubectl exec vol -- cat /etc/all/name /etc/all/creds/user
echo
kubectl exec vol -- cat /etc/app/color.txt
echo
kubectl exec vol -- cat /etc/conf/missing
kubectl get pod vol -o jsonpath='{.spec.volumes[1].secret.defaultMode}{"\n"}'
kubectl create configmap web-conf --from-literal=color=green --from-literal=mode=prod --from-literal=size=3 --dry-run=client -o yaml | kubectl apply -f -
sleep 90
kubectl exec vol -- ls /etc/conf
kubectl exec vol -- cat /etc/conf/color
echo
kubectl exec vol -- cat /etc/app/color.txt
echo
kubectl describe pod vol | sed -n '/^Volumes:/,/^QoS/p'
