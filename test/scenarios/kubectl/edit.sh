# kubectl edit: kubectl@1.35 pkg/cmd/edit and pkg/cmd/util/editor/editoptions.go: the object goes to a temp file
# /tmp/kubectl-edit-<random>.yaml with the "Please edit the object below" header, $KUBE_EDITOR (else $EDITOR,
# else vi) runs on it, then a patch goes to the server: "edited"; "Edit cancelled, no changes made.";
# a failing editor: "there was a problem with the editor %q"; an invalid object re-opens the file with the
# errors in its header and, unchanged, ends with "A copy of your changes has been stored to %q" and
# "error: Edit cancelled, no valid changes were saved." (the copy is what `kubectl replace --force -f` takes);
# a YAML syntax error is reported the same way (v1.33 validation step); "At least one of apiVersion, kind and
# name was changed"; an empty file fails validation ("invalid object to validate"). Checked against kubectl v1.33.1 run on this simulated cluster (its temp file names are
# random numbers too).
kubectl create deployment web --image=nginx:1.25
kubectl run nginx --image=nginx
sleep 20
KUBE_EDITOR="sed -i 's/replicas: 1/replicas: 3/'" kubectl edit deploy web
kubectl get deploy web
KUBE_EDITOR="true" kubectl edit deploy web
EDITOR="sed -i 's/image: nginx:1.25/image: nginx:1.26/'" kubectl edit deployment/web
kubectl get deploy web -o wide
kubectl edit deploy web
KUBE_EDITOR="false" kubectl edit deploy web
ls /tmp
rm /tmp/kubectl-edit-*
KUBE_EDITOR="sed -i 's/terminationGracePeriodSeconds: 30/terminationGracePeriodSeconds: 10/'" kubectl edit pod nginx
ls /tmp
head -8 /tmp/kubectl-edit-1000055433.yaml
kubectl replace --force -f /tmp/kubectl-edit-1000055433.yaml
kubectl get pod nginx -o jsonpath='{.spec.terminationGracePeriodSeconds}{"\n"}'
KUBE_EDITOR="sed -i 's/image: nginx$/image: nginx:1.27/'" kubectl edit pod nginx
KUBE_EDITOR="sed -i 's/replicas: 3/replicas: -1/'" kubectl edit deploy web
KUBE_EDITOR="sed -i 's/^kind: Deployment$/kind: Deployment: x/'" kubectl edit deploy web
KUBE_EDITOR="sed -i 's/name: web$/name: web2/'" kubectl edit deploy web
KUBE_EDITOR="sed -i 's/replicas: 3/replicas: 2/'" kubectl edit deploy web -o json
KUBE_EDITOR="sed -i 's/\"replicas\": 3/\"replicas\": 2/'" kubectl edit deploy web -o json | grep -A2 '"spec"'
KUBE_EDITOR="sed -i 's/replicas: 2/replicas: 1/'" kubectl edit deploy web --output-patch
KUBE_EDITOR="sed -i 's/replicas: 1/replicas: 2/'" kubectl edit deploy web -o name
KUBE_EDITOR="sed -i '/^#/d'" kubectl edit deploy web
KUBE_EDITOR="sed -i '/^[^#]/d'" kubectl edit deploy web
kubectl edit deploy nope
kubectl edit
