# Talking to the API server directly with kubectl get --raw: version, health, discovery, a resource
# path, and the errors. Sources: kubectl pkg/cmd/get/get.go (Complete: "arguments may not be passed
# when --raw is specified"; Validate: filter/output/URL errors) and pkg/rawhttp/raw.go (RawGet copies
# the body); kube-apiserver: /version through responsewriters.WriteRawJSON, /healthz /livez /readyz "ok",
# discovery and objects through the JSON serializer (json.Encoder: a final newline; keys in the Go
# struct's order — TypeMeta's kind, apiVersion, then the fields as k8s.io/api types.go declares them,
# which its generated.proto keeps); client-go's error for a non-Status 404.
kubectl get --raw /version; echo
kubectl get --raw /healthz; echo
kubectl get --raw /livez; echo
kubectl get --raw /readyz; echo
kubectl get --raw /apis | grep -o '"name":"[^"]*"' | head -4
kubectl get --raw /apis/apps/v1 | grep -o '"name":"deployments[^"]*"'
kubectl run web --image=nginx:1.27
kubectl get --raw /api/v1/namespaces/default/pods | grep -o '"kind":"PodList"'
kubectl get --raw /api/v1/namespaces/default/pods/web | grep -o '"image":"[^"]*"' | head -1
kubectl get --raw '/api/v1/namespaces/kube-system/pods?labelSelector=component=etcd' | grep -o '"name":"etcd-[a-z]*"' | head -1
kubectl get --raw /api/v1/nodes | grep -o '"kind":"NodeList"'
kubectl get --raw /api/v1/namespaces/default/pods/nope
kubectl get --raw /apis/apps/v1/namespaces/default/deployments/nope
kubectl get --raw /nope
kubectl get --raw /api/v2
kubectl get pods --raw /api
kubectl get --raw /api -o yaml
kubectl get --raw /api -w
kubectl get --raw nope
kubectl get --raw /api/v1/namespaces/default/pods/web | cut -c1-110
