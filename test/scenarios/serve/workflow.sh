# A day-one workflow through the commands kubectl users type most, run by the differential suite both
# through the simulator's kubectl and through real kubectl against `kubesim serve` (test/differential).
# Messages: kubectl pkg/cmd/{create,apply,scale,label,annotate,set,rollout,expose,run,delete,replace}
# (name printer operations, k8s-fidelity.md §2); tables: pkg/printers/internalversion/printers.go.
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl create deployment web --image=nginx:1.27 --dry-run=client -o yaml
sleep 20
kubectl get deploy,rs -o wide
kubectl get pods -o name
kubectl get deploy web -o jsonpath='{.spec.replicas} {.status.readyReplicas}{"\n"}'
kubectl get deploy web -o custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image
kubectl scale deploy web --replicas=3
sleep 20
kubectl get deploy web
kubectl label deploy web tier=frontend
kubectl label deploy web tier=frontend
kubectl label deploy web tier=backend --overwrite
kubectl annotate deploy web owner=team-a
kubectl get deploy web --show-labels
kubectl set image deploy/web nginx=nginx:1.28
kubectl rollout status deploy/web --timeout=2m
kubectl rollout history deploy/web
kubectl rollout undo deploy/web
kubectl rollout status deploy/web --timeout=2m
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
kubectl expose deploy web --port=80 --target-port=80
kubectl get svc web -o wide
kubectl run probe --image=busybox --restart=Never -- sleep 3600
kubectl delete deploy nothing
cat <<'YAML' > /root/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: prod
YAML
kubectl apply -f /root/cm.yaml
kubectl apply -f /root/cm.yaml
sed -i 's/prod/dev/' /root/cm.yaml
kubectl apply -f /root/cm.yaml
kubectl get cm settings -o yaml
kubectl replace -f /root/cm.yaml
kubectl apply --server-side -f /root/cm.yaml
cat <<'YAML' > /root/ssa.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: declared
data:
  a: "1"
YAML
kubectl apply --server-side -f /root/ssa.yaml
kubectl get cm declared -o jsonpath='{.data.a}{"\n"}'
kubectl create cm bad --from-literal=a=1 --from-literal=a=2
kubectl create secret generic creds --from-literal=user=admin
kubectl get secret creds -o jsonpath='{.data.user}{"\n"}'
kubectl delete cm settings declared
kubectl get cm
kubectl delete pod probe --wait=false
