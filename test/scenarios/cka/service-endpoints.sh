# CKA services task: a Deployment whose pods become ready only after a readiness probe passes, a
# ClusterIP Service and a NodePort Service in front of it; Endpoints and EndpointSlices follow
# readiness (notReadyAddresses / ready=false) and scaling. Sources: k/k pkg/controller/endpoint
# (subsets, notReadyAddresses), pkg/controller/endpointslice (kubernetes.io/service-name label,
# conditions), printers.go printEndpoints/printEndpointSlice (first 3 "ip:port" then "+ N more..."),
# kubectl pkg/cmd/expose/expose.go, describe.go describeService/describeEndpoints.
cat <<'YAML' > shop.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
        tier: front
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
          name: http
        readinessProbe:
          httpGet:
            path: /
            port: http
          initialDelaySeconds: 20
          periodSeconds: 5
YAML
kubectl apply -f shop.yaml
kubectl expose deployment shop --port=8080 --target-port=http --name=shop-svc
kubectl create service nodeport shop-np --tcp=80:80 --node-port=30080
kubectl patch svc shop-np -p '{"spec":{"selector":{"app":"shop"}}}'
sleep 8
kubectl get pods -l app=shop
kubectl get endpoints shop-svc
kubectl get endpoints shop-svc -o jsonpath='{range .subsets[*].notReadyAddresses[*]}{.targetRef.name}{"\n"}{end}'
kubectl get endpointslices -l kubernetes.io/service-name=shop-svc
sleep 30
kubectl get pods -l app=shop
kubectl get ep shop-svc shop-np
kubectl get endpointslices
kubectl get endpointslices -l kubernetes.io/service-name=shop-svc -o jsonpath='{range .items[0].endpoints[*]}{.addresses[0]} {.conditions.ready}{"\n"}{end}'
kubectl scale deploy shop --replicas=5
sleep 40
kubectl get ep shop-svc
kubectl describe svc shop-svc
kubectl get svc -o wide
kubectl get svc shop-np -o jsonpath='{.spec.ports[0].nodePort}{"\n"}'
kubectl create service nodeport clash --tcp=80:80 --node-port=30080
kubectl create service nodeport out --tcp=80:80 --node-port=8080
kubectl delete deploy shop
sleep 40
kubectl get ep shop-svc
# A Service without a selector and its hand-made Endpoints. Client-side apply GETs the object first, so
# the server's deprecation warning comes before apply's own missing-annotation warning.
cat <<'YAML' > /root/external-svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: external
spec:
  ports:
  - port: 80
YAML
kubectl create -f /root/external-svc.yaml
cat <<'YAML' > /root/external-ep.yaml
apiVersion: v1
kind: Endpoints
metadata:
  name: external
subsets:
- addresses:
  - ip: 192.168.50.10
  ports:
  - port: 80
YAML
kubectl create -f /root/external-ep.yaml
kubectl apply -f /root/external-ep.yaml
kubectl apply -f /root/external-ep.yaml
kubectl get ep external
# The EndpointSlice mirroring controller copies hand-made Endpoints of a selectorless Service into a
# slice it owns (pkg/controller/endpointslicemirroring: utils.go newEndpointSlice, reconciler.go).
kubectl get endpointslices -l kubernetes.io/service-name=external
kubectl get endpointslices -l endpointslice.kubernetes.io/managed-by=endpointslicemirroring-controller.k8s.io -o jsonpath='{.items[0].metadata.ownerReferences[0].kind} {.items[0].metadata.generateName} {.items[0].endpoints[0].conditions}{"\n"}'
kubectl delete endpoints external
kubectl get endpointslices -l kubernetes.io/service-name=external
