# Labels and annotations added, listed, overwritten and removed; selecting with them. Sources:
# kubectl pkg/cmd/label/label.go (--list, --overwrite, key-, --all, -l, "already has a value"),
# pkg/cmd/annotate/annotate.go (--list, removal), labels.Parse set-based selectors.
kubectl run a --image=nginx:1.27 --labels=app=web,env=dev
kubectl run b --image=nginx:1.27 --labels=app=web,env=prod
kubectl run c --image=nginx:1.27 --labels=app=db
kubectl label pod a tier=frontend
kubectl label pod a --list
kubectl label pod a env=prod
kubectl label pod a env=prod --overwrite
kubectl label pods -l app=web team=blue
kubectl get pods -L env,team --show-labels
kubectl get pods -l 'env in (prod,dev),team' -o name
kubectl get pods -l '!env' -o name
kubectl label pod a tier-
kubectl label pod a tier-
kubectl label pods --all team-
kubectl label pod c app.kubernetes.io/name=db
kubectl get pods --show-labels
kubectl annotate pod b owner=alice description='front end'
kubectl annotate pod b --list
kubectl annotate pod b owner=bob
kubectl annotate pod b owner=bob --overwrite
kubectl annotate pod b owner-
kubectl get pod b -o jsonpath='{.metadata.annotations}{"\n"}'
kubectl label node node01 disk=ssd
kubectl get nodes -l disk=ssd
kubectl label node node01 disk-
kubectl get nodes -l disk
