# kubectl version, api-resources, api-versions, explain.
# Sources: kubectl pkg/cmd/version/version.go (client/Kustomize/server lines, -o yaml|json, "--output
# must be 'yaml' or 'json'"), pkg/cmd/apiresources/apiresources.go (columns, sort by group then name,
# -o wide VERBS CATEGORIES, -o name, filters, errors), pkg/cmd/explain/explain.go (Validate errors) with
# the OpenAPI v3 plaintext template (src/sim/api/schema/explain.ts). v1.35.0 build data from a real
# /version (gitCommit 66452049…, go1.25.5); formats checked with kubectl v1.33.1 against a fake server.
kubectl version
kubectl version --client
kubectl version -o yaml
kubectl version -o json
kubectl version -o wide
kubectl version --short
kubectl api-resources
kubectl api-resources -o wide --api-group=apps
kubectl api-resources --namespaced=false -o name
kubectl api-resources --api-group=foo
kubectl api-resources --sort-by=kind --no-headers --verbs=list --api-group=rbac.authorization.k8s.io
kubectl api-resources -o json
kubectl api-resources --sort-by=age
kubectl api-versions
kubectl explain
kubectl explain pods deployments
kubectl explain pod.spec.restartPolicy
kubectl explain deploy.spec.strategy --api-version=apps/v1beta1
kubectl explain foo
kubectl explain pod.spec.nope
kubectl explain svc.spec.type -o json
