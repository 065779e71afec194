# The default cluster right after a session starts: three kubeadm nodes, 15 minutes old.
# Columns: pkg/printers/internalversion/printers.go (nodes, namespaces); AGE: apimachinery duration.HumanDuration.
kubectl get nodes
kubectl get ns
kubectl get nodes -o wide
