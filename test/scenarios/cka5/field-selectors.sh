# Filtering lists with --field-selector and -l the way exam tasks do, and what comes back for a field a
# kind does not support: the API server's field label conversion refuses it (core kinds "field label not
# supported: X", Jobs 'field label "X" not supported for batchv1.Job', every other kind the default
# '"X" is not a known field selector'), and kubectl's list visitor names the resource and the selectors.
# Sources: k/k pkg/apis/core/v1/conversion.go (Pod, Node, ReplicationController, Event, Namespace, Secret,
# Service labels), pkg/apis/batch/v1/conversion.go, apimachinery pkg/runtime/conversion.go
# DefaultMetaV1FieldSelectorConversion, pkg/registry/core/{pod,service,event}/strategy.go (selectable
# fields: spec.hostNetwork, spec.type, spec.clusterIP), apimachinery pkg/labels/selector.go (parse
# errors), cli-runtime pkg/resource/selector.go (Selector.Visit "Unable to find %q that match label
# selector %q, field selector %q: %v"), kubectl pkg/cmd/get/get.go (errors after the tables).
kubectl create deployment web --image=nginx:1.27 --replicas=2
kubectl run solo --image=busybox:1.36 --restart=Never -- sh -c 'echo done'
kubectl expose deployment web --port=80 --type=NodePort
sleep 20
kubectl get pods --field-selector status.phase=Succeeded
kubectl get pods --field-selector status.phase!=Succeeded,spec.restartPolicy=Always -o name | wc -l
kubectl get pods -A --field-selector spec.hostNetwork=true --no-headers | wc -l
kubectl get pods -A --field-selector spec.nodeName=controlplane,metadata.namespace!=kube-system -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name --sort-by=.metadata.name
kubectl get pods --field-selector spec.host=node01 -o name | wc -l
kubectl get svc -A --field-selector spec.type=NodePort
kubectl get svc -A --field-selector spec.clusterIP=10.96.0.10 -o name
kubectl get ns --field-selector status.phase=Active,metadata.name!=default --no-headers | wc -l
kubectl get events --field-selector reportingComponent=kubelet,involvedObject.name=solo -o custom-columns=REASON:.reason --no-headers | sort -u
kubectl get pods --field-selector foo=bar
kubectl get nodes --field-selector metadata.namespace=default
kubectl get deploy --field-selector status.replicas=2
kubectl get jobs -A --field-selector status.succeeded=1
kubectl get pc --field-selector metadata.namespace= -o name
kubectl get pods,svc --field-selector spec.type=ClusterIP
kubectl get pods --field-selector status.phase
kubectl get pods -l 'app in (web'
kubectl get pods -l 'app=web,,tier=x'
kubectl describe pods -l 'app notin web'
kubectl delete pods --field-selector spec.type=x
