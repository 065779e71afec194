# A web server serves what its container wrote: nginx's document root is /usr/share/nginx/html (the
# image's conf.d/default.conf), so `echo … > index.html` in each replica makes a Service's answers show
# which pod served them; an emptyDir over the document root hides the image's page (a directory
# without index.html: 403 Forbidden, a missing file: 404) until a sidecar writes one. A written
# document's Last-Modified is its write time, its ETag nginx's "mtime-size" in hex
# (ngx_http_core_module.c ngx_http_set_etag). Sources: nginx ngx_http_index_module.c (403 when no
# index file), ngx_http_special_response.c (error pages); k/k pkg/volume/emptydir.
kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port=80
sleep 20
for p in $(kubectl get pods -l app=web -o name); do kubectl exec $p -- sh -c "echo served by \$HOSTNAME > /usr/share/nginx/html/index.html"; done
cat <<'YAML' > side.yaml
apiVersion: v1
kind: Pod
metadata:
  name: side
spec:
  volumes:
  - name: html
    emptyDir: {}
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "sleep 20; while true; do date > /html/index.html; sleep 10; done"]
    volumeMounts:
    - name: html
      mountPath: /html
YAML
kubectl apply -f side.yaml
sleep 10
kubectl get pod side -o wide
IP=$(kubectl get pod side -o jsonpath='{.status.podIP}')
kubectl exec client -- wget -qO- $IP
kubectl exec client -- wget -qO- $IP/a.html
sleep 15
kubectl exec client -- wget -qO- $IP
kubectl exec client -- wget -S -qO- $IP
sleep 10
kubectl exec side -c nginx -- curl -s localhost
kubectl exec side -c nginx -- curl -sI localhost
kubectl exec client -- wget -qO- web
kubectl exec client -- wget -qO- web
kubectl exec client -- wget -qO- web
