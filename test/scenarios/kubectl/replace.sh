# kubectl replace: kubectl@1.35 pkg/cmd/replace/replace.go (Complete: --grace-period=0 becomes 1; Validate:
# "--grace-period must have --force specified", "--timeout must have --force specified"; Run: PUT with the live
# resourceVersion, AddSourceToErr("replacing", …); forceReplace: delete (IgnoreNotFound), poll once a second until
# gone, create, "replaced"). The delete line has the v1.34+ form "… deleted from default namespace"
# (kubectl@1.35 pkg/cmd/delete/delete.go PrintObj); v1.33.1, run on this simulated cluster, prints
# `pod "nginx" deleted` and otherwise the same output.
kubectl run nginx --image=nginx
kubectl create deployment web --image=nginx:1.25
sleep 20
kubectl get pod nginx -o yaml > pod.yaml
kubectl replace -f pod.yaml
sed -i 's/image: nginx$/image: nginx:1.27/' pod.yaml
kubectl replace -f pod.yaml
kubectl get pod nginx -o jsonpath='{.spec.containers[0].image}{"\n"}'
sed -i 's/terminationGracePeriodSeconds: 30/terminationGracePeriodSeconds: 5/' pod.yaml
kubectl replace -f pod.yaml
kubectl get pod nginx -o yaml > pod.yaml
sed -i 's/terminationGracePeriodSeconds: 30/terminationGracePeriodSeconds: 5/' pod.yaml
kubectl replace -f pod.yaml
kubectl replace --force -f pod.yaml
kubectl get pod nginx -o jsonpath='{.spec.terminationGracePeriodSeconds} {.spec.containers[0].image}{"\n"}'
kubectl replace --force --grace-period=0 -f pod.yaml
kubectl get deploy web -o yaml > web.yaml
sed -i 's/replicas: 1/replicas: 2/' web.yaml
kubectl replace -f web.yaml
kubectl replace -f web.yaml
kubectl replace -f web.yaml --dry-run=client -o name
kubectl delete pod nginx
kubectl replace -f pod.yaml
kubectl replace --force -f pod.yaml
kubectl replace -f nope.yaml
kubectl replace
kubectl replace -f pod.yaml --grace-period=1
kubectl replace -f pod.yaml --timeout=1s
