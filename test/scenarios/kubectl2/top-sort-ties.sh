# seed: 861154614
# kubectl top --sort-by with equal usages: metrics_printer.go PrintPodMetrics / PrintNodeMetrics sort with
# sort.Sort(NewPodMetricsSorter(…)) / sort.Sort(NewNodeMetricsSorter(…)) and each pod's containers with
# sort.Sort(NewContainerMetricsSorter(…)) (kubectl pkg/metricsutil/metrics_printer.go, metrics_sorter Less:
# cpu MilliValue / memory Value descending, else [namespace,] name). Go's sort.Sort is pdqsort, not stable:
# with more than 12 rows, pods of the same usage come out in its order (kube-proxy-gp9xk after its
# namespace's other 2m pods here), not in the list order (seed of the notes page 43 where it showed).
kubectl -n kube-system create deployment metrics-server --image=registry.k8s.io/metrics-server/metrics-server:v0.8.0 -- /metrics-server --kubelet-insecure-tls
sleep 90
kubectl top pod -A --sort-by=cpu
kubectl top pod -A --sort-by=memory
kubectl top pod -A --sort-by=cpu --containers
kubectl top node --sort-by=cpu
