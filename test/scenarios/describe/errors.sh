# kubectl describe: argument handling and errors.
# Source: k8s.io/kubectl/pkg/cmd/describe/describe.go (Complete: "You must specify the type of resource
# to describe. Use \"kubectl api-resources\" for a complete list of supported resources."; Run: "No
# resources found in NS namespace." on stderr when nothing matched; NotFound for "TYPE NAME" only after
# prefix matching found nothing), resource.Builder errors, the server's NotFound status.
# Kinds without a describer (Lease) use GenericDescriber: describe.go printUnstructuredContent with
# smartLabelFor field labels.
kubectl describe
kubectl describe pods
kubectl describe pods -A -l app=nothing
kubectl describe pod nope
kubectl describe pod nope other
kubectl describe pod/nope
kubectl describe widgets
kubectl describe nodes nope
kubectl describe deploy -n kube-system coredns --show-events=false
kubectl describe cm kube-root -n kube-public
kubectl describe lease node01 -n kube-node-lease
