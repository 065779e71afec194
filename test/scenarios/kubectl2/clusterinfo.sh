# kubectl cluster-info and what kubectl prints when it cannot reach the API server.
# Sources: kubectl pkg/cmd/clusterinfo/clusterinfo.go (control plane line, cluster-service services via
# the proxy path, the dump hint; colours only on a terminal — kubectl v1.33.1 with stdout piped prints
# none), pkg/cmd/util/helpers.go ("The connection to the server … was refused"), client-go memcache.go
# discovery errors; counts of discovery lines per command observed with kubectl v1.33.1.
kubectl cluster-info
kubectl cluster-info -n default
KUBECONFIG=/nowhere kubectl cluster-info
KUBECONFIG=/nowhere kubectl version
KUBECONFIG=/nowhere kubectl api-versions
KUBECONFIG=/nowhere kubectl top node
KUBECONFIG=/nowhere kubectl config view
sed -i 's/6443/6444/' /root/.kube/config
kubectl get nodes
kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}'
echo
sed -i 's/6444/6443/' /root/.kube/config
kubectl get nodes
