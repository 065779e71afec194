# Talking to Services from inside pods, as a CKA candidate tests them (src/sim/kubelet/network.ts,
# exec.ts wget/curl, script.ts). Sources:
# - busybox networking/wget.c (download_one_url, retrieve_file_data, wget_main): "Connecting to %s (%s)",
#   "writing to stdout" / "saving to '%s'", "written to stdout" / "'%s' saved", "remote file exists"
#   (--spider), "server returned error: %s", "download timed out" (-T); -S prints each response line
#   as "  %s"; libbb/xconnect.c "can't connect to remote host (%s)" + strerror; str2sockaddr
#   "bad address '%s'"; libbb/progress.c the bar ("%-20.20s%4u%% |…|%6u%c"), as real transcripts show it:
#   "-                    100% |********************************|   615  0:00:00 ETA".
# - curl 8 lib/connect.c "Failed to connect to %s port %u after %d ms: %s", lib/strerror.c
#   ("Couldn't connect to server", "Could not resolve host: %s"), multi.c "Connection timed out after
#   %d milliseconds"; -s silences the meter and errors, -S brings errors back.
# - Kubernetes docs concepts/services-networking/service.md and virtual-ips.md: a ClusterIP:port is
#   DNAT-ed by kube-proxy to a ready endpoint chosen at random (iptables mode); a Service without
#   endpoints is REJECTed ("Connection refused"); NodePort on every node's IP; dns-pod-service.md: the
#   search path <ns>.svc.cluster.local svc.cluster.local cluster.local with ndots:5.
# - docs tasks/debug/debug-application/debug-service.md: `wget -qO- hostnames`, nslookup from a busybox
#   pod (`kubectl run -it --rm --restart=Never busybox --image=gcr.io/google-containers/busybox sh`).
# - nginx's default index.html (615 bytes) and 404 page; httpd's "It works!" index.html.
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port=80
kubectl create deployment apache --image=httpd
kubectl expose deployment apache --port=8080 --target-port=80 --type=NodePort
kubectl create service clusterip empty --tcp=80:80
kubectl create deployment wrong --image=nginx
kubectl expose deployment wrong --port=80 --target-port=8080
kubectl run client --image=busybox -- sleep 3600
kubectl run curler --image=nginx
kubectl run loop --image=busybox -- sh -c 'while true; do wget -qO- web | grep "<title>"; sleep 5; done'
sleep 20
kubectl get svc
kubectl get endpointslices
kubectl exec client -- cat /etc/resolv.conf
kubectl exec client -- wget -qO- web
kubectl exec client -- wget -O- web.default.svc.cluster.local
kubectl exec client -- wget -qO- web.default
kubectl exec client -- wget -qO- $(kubectl get svc web -o jsonpath='{.spec.clusterIP}') | grep title
kubectl exec client -- wget -O- $(kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}') | grep h1
kubectl exec client -- wget web
kubectl exec client -- wget -S --spider web
kubectl exec client -- wget -qO- web/nope
kubectl exec client -- wget -qO- apache:8080
kubectl exec client -- wget -qO- empty
kubectl exec client -- wget -qO- wrong
kubectl exec client -- wget -T 2 -qO- web:8080
kubectl exec client -- wget -qO- nosuch
kubectl exec client -- wget -qO- 172.30.2.2:$(kubectl get svc apache -o jsonpath='{.spec.ports[0].nodePort}')
kubectl exec client -- wget -qO- 172.30.2.2:80
kubectl exec client -- curl web
kubectl exec curler -- curl -s web | head -4
kubectl exec curler -- curl -sI apache:8080
kubectl exec curler -- curl empty
kubectl exec curler -- curl -s nosuch
kubectl exec curler -- curl -sS nosuch
kubectl exec curler -- curl -sS --connect-timeout 2 web:81
kubectl exec curler -- curl -s -o /dev/null -w '%{http_code}' web/nope
kubectl run dns --image=busybox:1.28 --rm -it --restart=Never -- nslookup web
kubectl run once --image=busybox --rm -i --restart=Never -- wget -qO- apache:8080
kubectl run front1 --image=nginx -l tier=front
kubectl run front2 --image=httpd -l tier=front
kubectl expose pod front1 --name=front --port=80 --selector=tier=front
sleep 5
for i in 1 2 3 4 5 6; do kubectl exec client -- wget -qO- front | grep '<h1>'; done
kubectl logs loop
kubectl scale deployment web --replicas=0
sleep 5
kubectl exec client -- wget -qO- web
kubectl logs loop --tail=2
