# More of what containers write: a subPath of an emptyDir is that directory of the volume (shared
# with a container that mounts the whole volume); a hostPath is the node's own directory (seen with
# ssh); the docs' exec liveness pod (touch /tmp/healthy; sleep 30; rm -f …) shows the file until its
# script removes it, not earlier; env values expand $(VAR) references, an empty value takes valueFrom,
# spec.host is spec.nodeName, resourceFieldRef gives limits/requests in divisor units (a limit the
# container does not set is the node's allocatable). Redirections: fd numbers, 2>/dev/null on a
# missing command, /dev/stderr, $((…)) and `…` inside a line. Sources: k/k pkg/kubelet/kubelet_pods.go
# makeEnvironmentVariables, podFieldSelectorRuntimeValue, pkg/api/v1/resource containerResourceRuntimeValue,
# third_party/forked/golang/expansion; pkg/volume/emptydir, pkg/volume/hostpath,
# pkg/kubelet/kubelet_pods.go (subPath); busybox shell/ash.c; kubernetes/website
# content/en/examples/pods/probe/exec-liveness.yaml.
cat <<'YAML' > pods.yaml
apiVersion: v1
kind: Pod
metadata:
  name: files
spec:
  nodeName: node01
  volumes:
  - name: data
    emptyDir: {}
  - name: host
    hostPath:
      path: /var/local/shared
      type: DirectoryOrCreate
  initContainers:
  - name: seed
    image: busybox:1.36
    command: ["sh", "-c", "mkdir -p /data/conf && echo seeded > /data/conf/app.txt"]
    volumeMounts:
    - name: data
      mountPath: /data
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo from-app > /host/app.log; sleep 3600"]
    resources:
      limits:
        memory: 64Mi
    env:
    - name: GREETING
      value: hello
    - name: MSG
      value: "$(GREETING) world, $$(GREETING), $(NOPE)"
    - name: EMPTY_THEN_FIELD
      value: ""
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: HOST
      valueFrom:
        fieldRef:
          fieldPath: spec.host
    - name: MEM_MI
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
          divisor: 1Mi
    - name: CPU_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
          divisor: 1m
    volumeMounts:
    - name: data
      mountPath: /etc/app
      subPath: conf
    - name: host
      mountPath: /host
YAML
kubectl apply -f pods.yaml
sleep 15
kubectl exec files -c app -- cat /etc/app/app.txt
kubectl exec files -c app -- sh -c 'echo more >> /etc/app/app.txt; ls /etc/app'
kubectl exec files -c app -- printenv GREETING MSG EMPTY_THEN_FIELD HOST MEM_MI CPU_LIMIT
ssh node01 cat /var/local/shared/app.log
kubectl exec files -c app -- sh -c 'echo $((6*7)) `echo tick`; nosuch 2>/dev/null; echo rc=$?'
kubectl exec files -c app -- sh -c 'echo to-err > /dev/stderr; echo 12>/tmp/twelve; cat /tmp/twelve; echo done'
kubectl exec files -c app -- sh -c 'exit 3 2>/dev/null'
kubectl exec files -c app -- touch -c /tmp/not-created
kubectl exec files -c app -- ls /tmp
kubectl exec files -c app -- mkdir -m 700 /tmp/m
kubectl exec files -c app -- ls /tmp
cat <<'YAML' > liveness.yaml
apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox:1.36
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
YAML
kubectl apply -f liveness.yaml
sleep 15
kubectl exec liveness-exec -- ls /tmp
sleep 20
kubectl exec liveness-exec -- ls /tmp
