# Files a container writes: its own writable layer (kept until the container is replaced) and the
# pod's emptyDir volumes, shared by every container that mounts them — a writer's `date >> file`
# loop read by its sidecar, `kubectl exec … sh -c 'echo … > file'` seen from the other container.
# Redirections as the image's /bin/sh opens them (busybox ash: "can't create F: strerror"; Debian's
# dash: "1: cannot create F: Directory nonexistent"; both fail the command with status 2);
# ConfigMap volumes, readOnly mounts and readOnlyRootFilesystem refuse writes (EROFS); touch and
# mkdir as coreutils and busybox word their errors. Sources: k/k pkg/volume/emptydir (per pod, lives
# as long as the pod on its node), pkg/volume/configmap (read-only bind mount), runc (readonly rootfs);
# busybox shell/ash.c sh_open, coreutils/touch.c, libbb/make_directory.c; dash src/redir.c, error.c
# errmsg; GNU coreutils touch.c, mkdir.c.
cat <<'YAML' > two.yaml
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  volumes:
  - name: shared
    emptyDir: {}
  containers:
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "while true; do date >> /data/log.txt; sleep 5; done"]
    volumeMounts:
    - name: shared
      mountPath: /data
  - name: reader
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: shared
      mountPath: /data
YAML
kubectl apply -f two.yaml
sleep 20
kubectl exec two -c reader -- cat /data/log.txt
kubectl exec two -c reader -- sh -c 'echo hello > /data/x.txt; cat /data/x.txt'
kubectl exec two -c writer -- cat /data/x.txt
kubectl exec two -c reader -- sh -c 'echo again >> /data/x.txt && wc -l /data/x.txt'
kubectl exec two -c reader -- ls /data
kubectl delete pod two --now
kubectl create configmap app-conf --from-literal=color=blue
cat <<'YAML' > pods.yaml
apiVersion: v1
kind: Pod
metadata:
  name: bb
spec:
  volumes:
  - name: conf
    configMap:
      name: app-conf
  - name: cache
    emptyDir: {}
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: conf
      mountPath: /etc/conf
    - name: cache
      mountPath: /cache
      readOnly: true
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
  - name: locked
    image: busybox:1.36
    command: ["sleep", "3600"]
    securityContext:
      readOnlyRootFilesystem: true
YAML
kubectl apply -f pods.yaml
sleep 15
kubectl exec bb -- sh -c 'echo red > /etc/conf/color'
kubectl exec bb -- sh -c 'echo x > /cache/a'
kubectl exec bb -- sh -c 'echo x > /nope/a'
kubectl exec bb -- sh -c 'cat < /nope/a'
kubectl exec bb -- sh -c 'echo hi > /tmp/a; cat < /tmp/a; ls /tmp'
kubectl exec bb -- cat /tmp/a
kubectl exec bb -- touch /etc/conf/x
kubectl exec bb -- mkdir /tmp/d
kubectl exec bb -- mkdir /tmp/d
kubectl exec bb -- mkdir /x/y/z
kubectl exec bb -- mkdir -p /x/y/z
kubectl exec bb -- ls /x/y
kubectl exec web -c nginx -- sh -c 'echo hi > /nope/x'
kubectl exec web -c nginx -- sh -c 'cat < /nope/x'
kubectl exec web -c nginx -- sh -c 'echo from-web > /usr/share/nginx/html/index.html && cat /usr/share/nginx/html/index.html'
kubectl exec web -c nginx -- touch /root/t
kubectl exec web -c nginx -- mkdir /root
kubectl exec web -c nginx -- ls /root
kubectl exec web -c locked -- touch /tmp/x
kubectl exec web -c locked -- sh -c 'echo x > /tmp/x'
kubectl exec web -c nginx -- sh -c 'ls /nope 2>/dev/null; echo rc=$?'
kubectl exec web -c nginx -- sh -c 'ls /nope > /tmp/out 2>&1; cat /tmp/out'
