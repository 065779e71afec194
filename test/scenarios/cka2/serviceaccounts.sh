# ServiceAccounts: create, a pod using one (the token volume kube-api-access-*, automount), a
# Deployment's serviceAccountName set with `kubectl set serviceaccount`, RBAC for the account
# (role/rolebinding with --serviceaccount=NS:NAME), and `kubectl describe sa`.
kubectl create serviceaccount builder
kubectl get sa
kubectl describe sa builder
kubectl create role pod-reader --verb=get,list,watch --resource=pods
kubectl create rolebinding builder-read --role=pod-reader --serviceaccount=default:builder
kubectl describe rolebinding builder-read
kubectl run job-runner --image=nginx:1.27 --overrides='{"spec":{"serviceAccountName":"builder"}}'
kubectl run nosa --image=nginx:1.27 --overrides='{"spec":{"serviceAccountName":"missing"}}'
sleep 5
kubectl get pod job-runner -o jsonpath='{.spec.serviceAccountName} {.spec.volumes[0].name}{"\n"}' | sed 's/kube-api-access-[a-z0-9]*/kube-api-access-XXXXX/'
kubectl get pod job-runner -o jsonpath='{.spec.containers[0].volumeMounts[0].mountPath}{"\n"}'
kubectl create deployment api --image=nginx:1.27
kubectl set serviceaccount deployment api builder
kubectl get deploy api -o jsonpath='{.spec.template.spec.serviceAccountName}{"\n"}'
kubectl create sa builder
kubectl delete sa builder
