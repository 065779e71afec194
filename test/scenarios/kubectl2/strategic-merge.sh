# Strategic merge by the API types' patch tags (k8s.io/api core/v1 types.go): ServiceSpec.ports merge on `port`
# (a container's on `containerPort`), so kubectl apply (three-way, strategicpatch) and kubectl patch
# change or drop one Service port; ObjectMeta.finalizers (patchStrategy merge on []string) merge as a set.
cat <<'Y' > s.yaml
apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  selector:
    app: a
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: https
    port: 443
    targetPort: 8443
Y
kubectl apply -f s.yaml
sed -i 's/8443/9443/' s.yaml
kubectl apply -f s.yaml
kubectl get svc s -o jsonpath='{.spec.ports}{"\n"}'
cat <<'Y' > s.yaml
apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  selector:
    app: a
  ports:
  - name: https
    port: 443
    targetPort: 9443
Y
kubectl apply -f s.yaml
kubectl get svc s -o jsonpath='{.spec.ports}{"\n"}'
kubectl patch svc s -p '{"spec":{"ports":[{"port":443,"targetPort":7443}]}}'
kubectl get svc s -o jsonpath='{.spec.ports}{"\n"}'
kubectl patch svc s --type=merge -p '{"metadata":{"finalizers":["example.com/a"]}}'
kubectl patch svc s -p '{"metadata":{"finalizers":["example.com/b"]}}'
kubectl get svc s -o jsonpath='{.metadata.finalizers}{"\n"}'
kubectl patch svc s --type=merge -p '{"metadata":{"finalizers":null}}'
