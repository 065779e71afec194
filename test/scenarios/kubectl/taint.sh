# kubectl taint: kubectl@1.35 pkg/cmd/taint/taint.go (Complete, Validate, validateFlags, RunTaint, updateTaints:
# "node %s already has %v taint(s) with same effect(s) and --overwrite is false") and utils.go (parseTaints,
# reorganizeTaints: tainted / untainted / modified, `taint %q not found`). Usage errors (cmdutil.UsageErrorf)
# print a lowercase "error:" and the -h hint, as the kubectl v1.33.1 binary does. kubectl v1.33.1 run on this
# simulated cluster (oracle/compare.bash taint 0) prints exactly this transcript.
kubectl taint nodes node01 app=blue:NoSchedule
kubectl taint nodes node01 app=red:NoSchedule
kubectl taint nodes node01 app=red:NoSchedule --overwrite
kubectl taint nodes node01 app=red:NoExecute
kubectl describe node node01 | grep -A1 Taints
kubectl taint nodes node01 app:NoSchedule-
kubectl taint nodes node01 app-
kubectl taint nodes node01 app-
kubectl taint nodes node01 a:NoSchedule- b-
kubectl taint nodes node01 gpu=true:NoSchedule gpu-
kubectl taint nodes --all dedicated=ops:PreferNoSchedule
kubectl taint no -l kubernetes.io/hostname=node02 dedicated:PreferNoSchedule- x=y:NoSchedule
kubectl taint node/node02 x:NoSchedule- --dry-run=client
kubectl taint node node02 x:NoSchedule- --dry-run=client
kubectl taint nodes node01 node02 dedicated- -o name
kubectl describe node controlplane | grep Taints
kubectl taint node controlplane node-role.kubernetes.io/control-plane:NoSchedule-
kubectl taint node controlplane node-role.kubernetes.io/control-plane:NoSchedule
kubectl taint nodes node01 key=value:NoSchdule
kubectl taint nodes node01 =value:NoSchedule
kubectl taint nodes node01 key=value
kubectl taint nodes node01 k1=v:NoSchedule k1=w:NoSchedule
kubectl taint nodes node01
kubectl taint nodes
kubectl taint
kubectl taint nodes node01 a=b:NoSchedule node02
kubectl taint nodes a=b:NoSchedule
kubectl taint nodes --all -l x=y a=b:NoSchedule
kubectl taint pods solo a=b:NoSchedule
kubectl taint foo x a=b:NoSchedule
kubectl taint nodes nodeX a=b:NoSchedule
