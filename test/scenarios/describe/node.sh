# kubectl describe node: labels, annotations, taints, Lease block, conditions, addresses, capacity,
# system info, non-terminated pods with request/limit percentages of allocatable, allocated resources.
# Layout: k8s.io/kubectl/pkg/describe/describe.go describeNode/describeNodeResource (percentages are
# int64(float64(req.MilliValue())/float64(alloc.MilliValue())*100)); "TYPE NAME" with no exact match
# describes every object whose name has NAME as prefix, each followed by a blank line
# (k8s.io/kubectl/pkg/cmd/describe/describe.go DescribeMatchingResources).
kubectl describe node controlplane
kubectl describe no node0
