# kubectl get --sort-by the way exam tasks use it (by name, creation time, a label, a quantity, a
# number) and what happens with fields it cannot order: objects without the field come first (Less
# says so even between two of them, so insertion sort reverses them), strings that are quantities
# compare as quantities and others byte-wise, and a map, a list or a bool ends kubectl with a klog
# fatal line. Sources: kubectl pkg/cmd/get/sorter.go (SortObjects, RuntimeSort.Less, TableSorter.Less,
# isLess, klog.Exitf "Field %s in %T is an unsortable type: %s, err: %v"), kubernetes#124514 (no
# natural sort since v1.31), Go sort.Sort (pdqsort: insertion sort up to 12 elements).
kubectl create configmap q1 --from-literal=size=2Gi
kubectl create configmap q2 --from-literal=size=512Mi
kubectl create configmap q3 --from-literal=size=100m
kubectl create configmap q4 --from-literal=size=1
kubectl create configmap app-10 --from-literal=size=b10
kubectl create configmap app-9 --from-literal=size=b9
kubectl label cm q1 tier=3
kubectl label cm q2 tier=20
kubectl label cm app-10 tier=x1
kubectl get cm --sort-by=.metadata.name
kubectl get cm --sort-by=.data.size -o name
kubectl get cm --sort-by=.metadata.labels.tier -o custom-columns=NAME:.metadata.name,TIER:.metadata.labels.tier
kubectl get cm --sort-by='{.metadata.labels.tier}'
kubectl get cm --sort-by=.data
kubectl get cm --sort-by=.metadata.labels -o name
kubectl get cm q1 --sort-by=.data
kubectl run b --image=nginx:1.27
kubectl run a --image=nginx:1.27 --restart=Never
kubectl get pods --sort-by=.spec.restartPolicy -o name
kubectl get pods --sort-by=.spec.containers
kubectl get pods --sort-by=.spec.enableServiceLinks -o name
kubectl get pods --sort-by=.metadata.generation -o name
kubectl get pods --sort-by=.status.nothing
kubectl get nodes --sort-by=.status.capacity.memory -o custom-columns=NAME:.metadata.name,MEM:.status.capacity.memory
