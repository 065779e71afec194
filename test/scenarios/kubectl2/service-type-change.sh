# Changing a Service's type on update (kubernetes pkg/registry/core/service/strategy.go
# dropTypeDependentFields, storage/storage.go patchAllocatedValues + allocateUpdate/updateNodePorts):
# to NodePort/LoadBalancer allocates a NodePort per port, LoadBalancer keeps it and adds
# allocateLoadBalancerNodePorts; back to ClusterIP clears the NodePorts and externalTrafficPolicy
# the user left unchanged; ExternalName drops the ClusterIP; a resubmitted manifest without
# nodePort keeps the allocated one (by port name); a given NodePort is checked for range and use.
kubectl create deployment web --image=nginx
kubectl expose deploy web --port=80
kubectl patch svc web -p '{"spec":{"type":"LoadBalancer"}}'
kubectl get svc web
kubectl get svc web -o jsonpath='{.spec.allocateLoadBalancerNodePorts} {.spec.externalTrafficPolicy} {.status}{"\n"}'
kubectl patch svc web --type=merge -p '{"spec":{"type":"NodePort"}}'
kubectl get svc web -o jsonpath='{.spec.type} {.spec.ports[0].nodePort} {.spec.allocateLoadBalancerNodePorts}{"\n"}'
kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'
kubectl get svc web -o yaml | grep -E 'nodePort|externalTrafficPolicy|type:'
kubectl patch svc web -p '{"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}}'
kubectl get svc web
kubectl create service nodeport other --tcp=80:80
kubectl patch svc other -p '{"spec":{"ports":[{"port":80,"nodePort":30080}]}}'
kubectl patch svc other -p '{"spec":{"ports":[{"port":80,"nodePort":40000}]}}'
kubectl patch svc web -p '{"spec":{"type":"ClusterIP","ports":[{"port":80,"nodePort":30081}]}}'
cat <<'Y' > web.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
Y
kubectl replace -f web.yaml
kubectl get svc web
kubectl patch svc web --type=merge -p '{"spec":{"type":"ExternalName","externalName":"example.com"}}'
kubectl get svc web
kubectl patch svc web --type=merge -p '{"spec":{"type":"ClusterIP","externalName":null,"ports":[{"port":80,"nodePort":null}]}}'
kubectl get svc web -o jsonpath='{.spec.type} {.spec.clusterIPs}{"\n"}'
