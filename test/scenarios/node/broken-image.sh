# A wrong image tag in a control-plane manifest: the kubelet cannot pull it (containerd's "not found"),
# the static pod shows ErrImagePull then ImagePullBackOff (pkg/kubelet/images/image_manager.go reasons)
# and its component is down — here the controller manager, so a Deployment gets no ReplicaSet until
# the image is fixed.
sed -i 's|kube-controller-manager:v1.35.0|kube-controller-manager:v1.35.9|' /etc/kubernetes/manifests/kube-controller-manager.yaml
sleep 25
kubectl get pods -n kube-system kube-controller-manager-controlplane
kubectl create deployment api --image=nginx
sleep 10
kubectl get deploy,rs,pods
sed -i 's|kube-controller-manager:v1.35.9|kube-controller-manager:v1.35.0|' /etc/kubernetes/manifests/kube-controller-manager.yaml
sleep 25
kubectl get pods -n kube-system kube-controller-manager-controlplane
kubectl get deploy
