# A patch the API server refuses: each set command wraps the error in its own words (k8s.io/kubectl
# pkg/cmd/set: set_image.go "failed to patch image update to pod template: %v", set_resources.go
# "failed to patch resources update to pod template %v", set_serviceaccount.go "failed to patch
# ServiceAccountName %v"), aggregated after the rest by CheckErr. The API server validates a pod
# template's serviceAccountName as a DNS subdomain (ValidatePodSpec), not the image reference.
kubectl create deployment web --image=nginx
kubectl set serviceaccount deployment web Bad_Name
kubectl set image deployment/web nginx=nginx:Bad:Tag
kubectl set resources deployment web --requests=cpu=2 --limits=cpu=1
