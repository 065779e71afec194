# The tools of the control-plane host an Ubuntu 24.04 kubeadm node has. curl goes through kube-proxy's
# rules like any client on a node (a ClusterIP, a NodePort on localhost — iptables.localhostNodePorts —
# a pod IP); a Service name does not resolve on a node (resolv.conf points at systemd-resolved, not
# CoreDNS): curl (6). The API server answers anonymous health checks (-k: kubeadm's serving certificate
# names neither localhost nor 127.0.0.1, so --cacert fails on localhost and works on the node name);
# the kubelet's port wants a client certificate (401). date/find/xargs/column as GNU/util-linux print.
kubectl create deploy web --image=nginx --replicas=2
kubectl expose deploy web --port=80 --type=NodePort
kubectl create service clusterip nothing --tcp=80
sleep 30
IP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')
NP=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')
curl -s $IP | grep title
curl -sI localhost:$NP | head -1
curl $IP | wc -l
curl -sS $(kubectl get svc nothing -o jsonpath='{.spec.clusterIP}')
curl -sS --connect-timeout 2 $IP:8080
curl -sS web.default.svc.cluster.local
curl -s -o /dev/null -w '%{http_code}\n' $(kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}')/missing
curl https://localhost:6443/healthz
curl -k https://localhost:6443/healthz; echo
curl -k 'https://localhost:6443/readyz?verbose' | tail -3
curl -sk https://localhost:6443/api/v1/namespaces/kube-system/secrets
curl --cacert /etc/kubernetes/pki/ca.crt https://localhost:6443/livez
curl --cacert /etc/kubernetes/pki/ca.crt https://controlplane:6443/livez; echo
curl -sk https://localhost:10250/pods; echo
curl -s localhost:10248/healthz; echo
curl -sk https://127.0.0.1:10259/healthz; echo
curl http://localhost:6443/version
ssh node01 curl -sS -k https://localhost:6443/healthz
date
date -u +%FT%TZ -d '2026-01-15 10:00 +2 hours'
find /etc/kubernetes -maxdepth 2 -name '*.yaml'
find /etc/kubernetes/pki -name '*.crt' -path '*etcd*' | xargs -n1 basename
ls /etc/kubernetes/manifests | xargs -I{} echo manifest {}
kubectl get pods -o name | xargs -r kubectl delete --wait=false
printf 'COMPONENT PORT\nkube-apiserver 6443\netcd 2379\n' | column -t
cat /etc/hosts
grep -E '^(nameserver|search)' /etc/resolv.conf
grep VERSION= /etc/os-release
hostname -I
uname -sr
id
uptime
