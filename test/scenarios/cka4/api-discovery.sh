# Finding resources and fields without the docs: api-resources filtered and sorted, explain on field
# paths. Sources: kubectl pkg/cmd/apiresources/apiresources.go (--namespaced, --api-group, --verbs,
# --sort-by name|kind, -o wide|name, --no-headers), pkg/cmd/explain/explain.go with the OpenAPI v3
# plaintext template (--recursive, --api-version).
kubectl api-resources --namespaced=true --api-group=apps
kubectl api-resources --namespaced=false --sort-by=name --no-headers | head -6
kubectl api-resources --verbs=delete --namespaced=false -o name | sort | head -5
kubectl api-resources -o wide --api-group=batch
kubectl api-resources --api-group=rbac.authorization.k8s.io -o name
kubectl api-resources --sort-by=kind -o name | head -4
kubectl api-resources --no-headers | grep -w Deployment
kubectl api-resources --no-headers | wc -l
kubectl api-resources --verbs=nope
kubectl explain pod.spec.containers.resources
kubectl explain deploy.spec.template.spec.containers.livenessProbe.httpGet --recursive
kubectl explain pod.spec.affinity.nodeAffinity --recursive | head -15
kubectl explain cronjob.spec.jobTemplate.spec.backoffLimit --api-version=batch/v1
kubectl explain pods --api-version=v2
kubectl explain deploy --api-version=extensions/v1beta1
kubectl explain networkpolicy.spec.policyTypes
kubectl explain pv.spec.persistentVolumeReclaimPolicy
