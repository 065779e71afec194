# kubectl set image / set env (the ConfigMap has one key: real kubectl ranges over its data map, so two keys come in a random order): kubectl@1.35 pkg/cmd/set/set_image.go ("image updated", "unable to find
# container named %q", an unchanged object prints nothing) and set_env.go (ParseEnv, updateEnv, --list,
# --from=secret|configmap with keyToEnvName and --prefix, "Warning: %s/%s does not have any containers
# matching %q", "env updated"); UpdatePodSpecForObject's "the object is not a pod or does not have a pod
# template". Checked against kubectl v1.33.1 run on this simulated cluster.
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl run solo --image=nginx
kubectl create configmap app-config --from-literal=log.level=debug
kubectl create secret generic db --from-literal=password=s3cret
sleep 20
kubectl set image deployment/web nginx=nginx:1.26
kubectl set image deployment/web nginx=nginx:1.26
kubectl set image deployment web nginx=nginx:1.27 --dry-run=client -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
kubectl set image deployment/web foo=nginx:1.26
kubectl set image deployment/web '*=nginx:1.27'
kubectl get deploy web -o wide
kubectl set image pod/solo solo=nginx:1.27
kubectl get pod solo -o jsonpath='{.spec.containers[0].image}{"\n"}'
kubectl set image svc/kubernetes nginx=x
kubectl set image deployment/nope nginx=x
kubectl set image deployment/web
kubectl set image deployment/web nginx=a '*=b'
kubectl set image deployment/web nginx=x extra
kubectl set image
kubectl set env deployment/web ENV=prod LOG=info
kubectl set env deployment/web --list
kubectl set env deployment/web LOG=debug --overwrite=false
kubectl set env deployment/web LOG-
kubectl set env deployment/web --from=configmap/app-config
kubectl set env deployment/web --from=secret/db --prefix=DB_ --keys=password
kubectl set env deployment/web --list
kubectl set env deployment/web -c foo X=1
kubectl set env deployment/web 1X=2
kubectl set env deployment/web X=1 extra
kubectl set env deployment/web --keys=a
kubectl set env deployment/web X=1 X-
kubectl set env deployment/web --list -o yaml
kubectl set env
kubectl set
kubectl set bogus
