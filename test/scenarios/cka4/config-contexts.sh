# Switching namespace and reading the kubeconfig the way exam tasks ask: contexts, the current one's
# namespace, a minified view, jsonpath over the config. Sources: kubectl pkg/cmd/config
# (get_contexts.go, set_context.go --current, view.go --minify/--raw/-o jsonpath, current_context.go),
# client-go tools/clientcmd (MinifyConfig, ShortenConfig).
kubectl config get-contexts
kubectl config current-context
kubectl create namespace team-a
kubectl config set-context --current --namespace=team-a
kubectl config get-contexts --no-headers
kubectl config view --minify -o jsonpath='{..namespace}{"\n"}'
kubectl create deployment web --image=nginx:1.27
kubectl get deploy
kubectl get deploy -n default
kubectl config view --minify
kubectl config view -o jsonpath='{.clusters[0].cluster.server}{"\n"}'
kubectl config view -o jsonpath='{.users[*].name}{"\n"}'
kubectl config view -o jsonpath='{range .contexts[*]}{.name}{" -> "}{.context.cluster}{"\n"}{end}'
kubectl config get-contexts -o name
kubectl config set-context --current --namespace=default
kubectl config view --minify -o jsonpath='{.contexts[0].context.namespace}{"\n"}'
kubectl config current-context --help | head -3
