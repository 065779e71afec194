# kubectl logs -f: the pods/log stream kept open while the container writes, as simulated time passes.
# Sources: kubectl pkg/cmd/logs/logs.go (follow → `follow=true` on pods/log, DefaultConsumeRequest copies
# the stream until it ends; --max-log-requests), kubelet pkg/kubelet/kuberuntime/logs/logs.go ReadLogs
# (at end of file a followed log waits for more and ends once the container is no longer running).
# How the simulator ends an endless follow (src/sim/kubectl/cmd/logs.ts, getwatch.ts followWatch):
# with --request-timeout=D after D (exit 0); without, after 60s without a new line (at most 5m), by
# Ctrl+C (`^C`; kubectl v1.33 exits 1 on SIGINT there, as checked against `kubesim serve`).
kubectl run ticker --image=busybox --restart=Never -- sh -c 'i=0; while [ $i -lt 4 ]; do echo "tick $i"; i=$((i+1)); sleep 5; done; echo done'
sleep 6
kubectl logs ticker
# Follows until the script ends: the lines written later come as they are written, then kubectl exits 0.
kubectl logs -f ticker
echo "exit=$?"
kubectl get pod ticker
# A finished container: what it wrote, at once.
kubectl logs -f ticker --tail=1
echo "exit=$?"
# A container that never stops: --request-timeout bounds the follow.
kubectl run forever --image=busybox -- sh -c 'while true; do echo alive; sleep 10; done'
sleep 3
kubectl logs -f forever --request-timeout=25s
echo "exit=$?"
kubectl logs --follow pod/forever --tail=1 --request-timeout=12s
echo "exit=$?"
# Quiet for a minute: the follow is given up with Ctrl+C.
kubectl run web --image=nginx
sleep 5
kubectl logs -f web --tail=1
echo "exit=$?"
# Errors come before any following.
kubectl logs -f nothere
echo "exit=$?"
kubectl logs -f forever --request-timeout=abc
echo "exit=$?"
