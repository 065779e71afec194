# kubectl get's output forms an exam task asks for: kinds shown, label columns, sorting, headerless
# lines into grep/wc/sort/head, custom columns, jsonpath ranges over nodes and pods, several types at
# once and `all`. Sources: kubectl pkg/cmd/get/get.go (show-kind for several types, the blank line
# between tables only with headers), get/sorter.go, get/customcolumn.go, client-go util/jsonpath.
kubectl create deployment web --image=nginx:1.27 --replicas=3
kubectl create deployment api --image=httpd:2.4 --replicas=1
kubectl label deployment api tier=backend
kubectl expose deployment web --port=80
sleep 20
kubectl get nodes --show-kind -L kubernetes.io/os,node-role.kubernetes.io/control-plane
kubectl get nodes --sort-by=.status.capacity.cpu --no-headers | wc -l
kubectl get pods --sort-by=.metadata.creationTimestamp -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,NODE:.spec.nodeName | head -2
kubectl get pods -o custom-columns='POD:.metadata.name,PHASE:.status.phase,RESTARTS:.status.containerStatuses[*].restartCount' --no-headers | sort | tail -2
kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.nodeInfo.kubeletVersion}{"\t"}{.status.capacity.memory}{"\n"}{end}'
kubectl get pods -l app=web -o jsonpath='{range .items[*]}{.spec.containers[0].image}{"\n"}{end}' | sort | uniq -c
kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}{"\n"}'
kubectl get deploy,svc -L tier
kubectl label deploy web app.kubernetes.io/name=web
kubectl get deploy web --show-labels --show-kind
kubectl get deploy,svc,po --no-headers | wc -l
kubectl get all
kubectl get all -A --no-headers | grep -c '^kube-system'
kubectl get po -o name | head -2
kubectl get deploy --sort-by=.spec.replicas -o name
kubectl get pods -A --sort-by=.metadata.name --no-headers | head -3
kubectl get deploy -o jsonpath='{.items[?(@.spec.replicas>1)].metadata.name}{"\n"}'
kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key
