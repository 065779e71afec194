# readOnlyRootFilesystem for the container's own script: a redirection outside a writable volume fails as busybox ash says
# (sh: can't create F: Read-only file system, status 2); an emptyDir at /tmp stays writable — the usual pairing.
# Sources: runc (read-only rootfs bind mount), busybox shell/ash.c openredirect.
cat <<'YAML' > ro.yaml
apiVersion: v1
kind: Pod
metadata:
  name: ro
spec:
  volumes:
  - name: tmp
    emptyDir: {}
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo one > /data.txt; echo rc=$?; echo two > /tmp/ok.txt; cat /tmp/ok.txt; sleep 3600"]
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: tmp
      mountPath: /tmp
YAML
kubectl apply -f ro.yaml
sleep 10
kubectl logs ro
kubectl exec ro -- sh -c 'echo x > /etc/y'
