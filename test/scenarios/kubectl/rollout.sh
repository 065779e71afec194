# kubectl rollout: kubectl@1.35 pkg/cmd/rollout/*.go and pkg/polymorphichelpers/rollout_status.go (status lines,
# printed on every watch event of the object, so a line repeats while nothing moves; "exceeded its progress
# deadline"), history.go ("REVISION  CHANGE-CAUSE" through the name printer, so the first line ends with a
# space; --revision prints DescribePodTemplate into a plain buffer, tabs kept), rollback.go ("rolled back",
# "skipped rollback (current template already matches revision N)", paused/unknown-revision errors),
# objectpauser/objectresumer/objectrestarter.go (kubectl.kubernetes.io/restartedAt). Everything but `status`
# (a watch) was checked against kubectl v1.33.1 run on this simulated cluster. The progress deadline is the
# Deployment default, 600s (api@1.35.0 apps/v1 types.go). The twice-in-a-second restart comes last for
# web, as real kubectl's wall clock may pass a second between the two (then both succeed). Known difference: the simulator keeps no
# ControllerRevisions, so a DaemonSet has no rollout history (a real cluster lists its revisions).
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl rollout status deployment/web
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl rollout undo deployment/web
kubectl set image deployment/web nginx=nginx:1.26 --record
kubectl rollout status deploy/web
kubectl get rs
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=1
kubectl rollout history deployment/web --revision=7
kubectl rollout undo deployment/web --to-revision=9
kubectl rollout undo deployment/web
kubectl rollout status deploy/web --watch=false
sleep 20
kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=3
kubectl rollout undo deployment/web --dry-run=client
kubectl rollout pause deployment/web
kubectl rollout pause deployment/web
kubectl rollout undo deployment/web
kubectl rollout restart deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web --timeout=10s
kubectl rollout resume deployment/web
kubectl rollout resume deployment/web
kubectl rollout status deployment/web
kubectl rollout restart deployment/web
kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}{"\n"}'
sleep 30
kubectl set image deployment/web nginx=nginx:no-such-tag
kubectl rollout status deployment/web
kubectl get deploy web
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl rollout status ds/kube-proxy -n kube-system
kubectl rollout restart ds/kube-proxy -n kube-system
kubectl rollout status ds/kube-proxy -n kube-system
kubectl rollout history ds/kube-proxy -n kube-system
kubectl rollout pause ds/kube-proxy -n kube-system
kubectl rollout status deploy
kubectl rollout status rs
kubectl rollout restart deployment/web
kubectl rollout restart deployment/web
kubectl rollout restart pod/nope
kubectl rollout restart deploy -l app=zzz
kubectl rollout history deploy -l app=zzz
kubectl rollout status deploy/web --revision=-1
kubectl rollout status
kubectl rollout undo
kubectl rollout bogus x
kubectl rollout
