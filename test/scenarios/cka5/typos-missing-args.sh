# What a learner sees after a typo or a missing argument: unknown resource types and flags, commands
# without their required arguments, an -o custom-columns without (valid) columns — which kubectl
# reports before printing anything, and which otherwise prints only its header for an empty list — and
# apply's argument checks. Sources: kubectl pkg/cmd/get/get.go (printGeneric: the printer is made before
# printing, the empty list is printed, a single named object's error returned as is),
# cli-runtime pkg/printers + kubectl pkg/cmd/get/customcolumn_flags.go (ToPrinter: "custom-columns format
# specified but no custom columns given"), customcolumn.go NewCustomColumnsPrinterFromSpec ("unexpected
# custom-columns spec: %s, expected <header>:<json-path-expr>"), pkg/cmd/apply/apply.go ("Unexpected args:
# %v" as a usage error before the -f/-k check, "must specify one of -f and -k" without one),
# cli-runtime builder.go, pkg/cmd/util/helpers.go (usage errors).
kubectl create deployment web --image=nginx:1.27
kubectl get pdos
kubectl get deploy,pdos
kubectl get pods --namspace x
kubectl get pods -n
kubectl create deploy
kubectl create deployment x
kubectl run
kubectl run x
kubectl scale deploy web
kubectl logs
kubectl label pods
kubectl taint nodes node01
kubectl get pods -o yml
kubectl get nodes node99 node01
kubectl cordon
kubectl drain
kubectl rollout restart
kubectl get pods -o custom-columns
kubectl get pods -o custom-columns=
kubectl get pods -o custom-columns=NAME
kubectl get svc -o custom-columns=NAME:.metadata.name,TYPE
kubectl get pods -n kube-public -o custom-columns=NAME:.metadata.name
kubectl get pods -n kube-public -o custom-columns=NAME:.metadata.name --no-headers
kubectl get pod nope -o custom-columns=NAME:.metadata.name
kubectl get pod nope other -o custom-columns=NAME:.metadata.name
kubectl get deploy,svc -o custom-columns=NAME:.metadata.name,KIND:.kind
kubectl get pods -o custom-columns=NAME:.metadata.name --field-selector foo=bar
kubectl apply
kubectl apply web.yaml
kubectl apply -f web.yaml extra
