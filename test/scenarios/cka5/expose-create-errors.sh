# kubectl expose variants an exam task asks for (a pod, a Deployment with a new target port and type,
# a Service, headless, external IPs) and the errors kubectl gives for what it cannot expose or read.
# Sources: kubectl pkg/cmd/expose/expose.go (RunExpose returns the builder's error as is, "couldn't find
# port via --port flag or introspection", name defaults to the object's), pkg/generate/versioned/service.go,
# polymorphichelpers CanBeExposedFn, pkg/cmd/create/create_configmap.go (os.Stat errors printed as
# err.Err: "error reading %s: %v"), create_secret_tls.go ("Cannot read file %v, %v" with os.ReadFile's
# PathError), k/k pkg/apis/core/validation (spec.type values).
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl run solo --image=nginx:1.27 --port=8080 --labels=app=solo,tier=fe
kubectl create service clusterip plain --tcp=80:80
sleep 10
kubectl expose pod solo
kubectl expose pod solo --name=solo2 --port=9090 --type=NodePort
kubectl expose deploy web --port=80 --target-port=8000 --name=web-lb --type=LoadBalancer
kubectl expose deploy web --port=80 --protocol=UDP --name=web-udp --dry-run=client -o yaml
kubectl expose svc plain --name=plain2 --port=81
kubectl expose deploy web --port=80 --cluster-ip=None --name=headless
kubectl expose deploy web --port=80 --external-ip=1.2.3.4 --name=ext
kubectl get svc
kubectl get endpointslices -l kubernetes.io/service-name=headless -o custom-columns=PORTS:.ports[*].port --no-headers
kubectl expose
kubectl expose deploy
kubectl expose deploy web --name=noport
kubectl expose deploy web --port=80 --type=Foo
kubectl expose deploy web --port=abc --name=x
kubectl expose deploy nope --port=80
kubectl expose cm kube-root-ca.crt --port=80
kubectl expose deploy web --port=80
kubectl create configmap cfg --from-file=nope.txt
kubectl create configmap cfg --from-env-file=nope.env
kubectl create secret tls x --cert=nope.crt --key=nope.key
kubectl create secret generic s --from-file=missing/
