# kubectl describe service/endpoints/endpointslice: a ClusterIP and a NodePort service in front of a
# deployment, a service whose selector matches nothing, and the kubernetes service.
# Layout: k8s.io/kubectl/pkg/describe/describe.go describeService (Endpoints line from the
# EndpointSlices labelled kubernetes.io/service-name, formatEndpointSlices: first 3 then "+ N more...";
# NodePort line; Session Affinity; Internal Traffic Policy), describeEndpoints, describeEndpointSliceV1.
cat <<'YAML' > /root/svc.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
          name: http
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: http
---
apiVersion: v1
kind: Service
metadata:
  name: web-np
  annotations:
    team: frontend
spec:
  type: NodePort
  selector:
    app: web
  sessionAffinity: ClientIP
  ports:
  - name: web
    port: 8080
    targetPort: 80
    nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: orphan
spec:
  selector:
    app: none
  ports:
  - port: 80
YAML
kubectl apply -f /root/svc.yaml
sleep 30
kubectl describe svc web
kubectl describe -f /root/svc.yaml --show-events=false
kubectl describe endpoints web
kubectl describe endpointslices -l kubernetes.io/service-name=web-np
kubectl describe svc kubernetes
