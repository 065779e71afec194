# Static pods on a worker (kubelet config/file.go + mirror pods, pkg/kubelet/pod/mirror_client.go):
# a manifest in staticPodPath becomes pod <name>-<node> with the kubernetes.io/config.mirror
# annotation and a Node owner; deleting the mirror pod only makes the kubelet recreate it (the
# container keeps running); removing the file removes the pod.
ssh node01
cat <<EOF2 > /etc/kubernetes/manifests/static-web.yaml
apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    role: myrole
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
EOF2
exit
sleep 25
kubectl get pods -o wide
kubectl get pod static-web-node01 -o yaml | grep -E 'config.source|kind: Node'
kubectl delete pod static-web-node01
kubectl get pods
ssh node01 crictl ps --name web
ssh node01 rm /etc/kubernetes/manifests/static-web.yaml
sleep 25
kubectl get pods
