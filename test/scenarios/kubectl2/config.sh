# kubectl config and the kubeadm admin kubeconfig (/root/.kube/config = /etc/kubernetes/admin.conf).
# Sources: kubectl pkg/cmd/config/{view,get_contexts,create_context,use_context,current_context,
# delete_context,rename_context,get_clusters}.go; client-go tools/clientcmd (loading rules, ShortenConfig
# DATA+OMITTED / REDACTED, MinifyConfig); every text checked against kubectl v1.33.1 (the oracle).
# Connection errors: kubectl pkg/cmd/util/helpers.go ("The connection to the server … was refused"),
# client-go discovery memcache.go ("couldn't get current server API group list", 5 lines for get).
kubectl config view
kubectl config current-context
kubectl config get-contexts
kubectl config get-clusters
kubectl config get-users
kubectl create namespace dev
kubectl config set-context --current --namespace=dev
kubectl config get-contexts
kubectl config view --minify
kubectl run web --image=nginx
kubectl get pods
kubectl config set-context --current --namespace=default
kubectl config set-context ops --cluster=kubernetes --user=kubernetes-admin --namespace=kube-system
kubectl config get-contexts -o name
kubectl config use-context ops
kubectl get deploy
kubectl config use-context nope
kubectl config use-context kubernetes-admin@kubernetes
kubectl config set-context
kubectl config set-context ops --current
kubectl config get-contexts nope
kubectl config rename-context ops ops2
kubectl config delete-context ops2
kubectl config view -o jsonpath='{.contexts[*].name}'
echo
kubectl get pods --context=nope
kubectl --kubeconfig=/root/missing get pods
kubectl config view --raw | grep -c DATA+OMITTED
ls /etc/kubernetes/*.conf
ssh node01
kubectl get nodes
exit
