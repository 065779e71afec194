# A container's `sh -c` script runs as a process over simulated time (src/sim/kubelet/script.ts): the
# node shell's parser and interpreter, each command 1 ms of the process's time, `sleep N` N seconds.
# Log semantics follow the Kubernetes docs (concepts/cluster-administration/logging.md: the kubelet
# serves `kubectl logs` from the container's current log file; lines carry the time they were written,
# which --timestamps, --since and --tail use; `-p` reads the previous instance) and the kubelet's
# restart back-off (pkg/kubelet/kuberuntime: 10 s doubling to 5 m, reset after 10 minutes running).
# The shell's output follows busybox ash / POSIX sh, as dash on this machine runs the same scripts:
# `date` prints busybox's default format `%a %b %e %H:%M:%S %Z %Y` (coreutils/date.c), an unknown
# command `sh: NAME: not found` (exit 127), a syntax error `sh: syntax error: unexpected "echo"`
# (exit 2); output redirected to a file does not reach the log; `exit N` is the container's exit code.
kubectl run loop --image=busybox -- sh -c 'while true; do echo hello; sleep 5; done'
kubectl run count --image=busybox -- sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'
kubectl run three --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo $i; sleep 1; done'
kubectl run fail --image=busybox -- sh -c 'echo starting; sleep 2; exit 3'
kubectl run env --image=busybox --env=GREETING=hi --restart=Never -- sh -c 'echo "$GREETING from $HOSTNAME ($(hostname))"; echo hidden >> /var/log/app.log; nosuch; echo "status $?"'
kubectl run bad --image=busybox --restart=Never -- sh -c 'for i in 1 2; echo $i; done'
kubectl get pods
sleep 12
kubectl logs loop
kubectl logs count --tail=3
kubectl logs three --timestamps
kubectl logs env
kubectl logs bad
kubectl get pods
sim advance 1m
kubectl logs loop --tail=2 --timestamps
kubectl logs count --since=3s
kubectl logs fail
kubectl logs fail -p
kubectl get pod fail -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}{"\n"}'
cat <<'YAML' > init.yaml
apiVersion: v1
kind: Pod
metadata:
  name: waiter
spec:
  initContainers:
  - name: wait
    image: busybox
    command: ["sh", "-c", "n=0; until [ $n -ge 3 ]; do echo waiting $n; n=$((n+1)); sleep 2; done"]
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "echo app started; sleep 3600"]
YAML
kubectl apply -f init.yaml
sleep 3
kubectl get pod waiter
sleep 5
kubectl get pod waiter
kubectl logs waiter -c wait
kubectl logs waiter
kubectl delete pod loop --wait=false
sleep 10
kubectl logs loop --tail=1
node=$(kubectl get pod count -o jsonpath='{.spec.nodeName}'); ssh $node 'crictl logs --tail 2 $(crictl ps --name count -q)'
kubectl run busy --image=busybox -- sh -c 'i=0; while true; do i=$((i+1)); echo $i; done'
sleep 5
kubectl logs busy --tail=1
sim advance 1h
kubectl logs busy --tail=1
kubectl get pods count busy
