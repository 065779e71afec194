# kubectl create token: a TokenRequest on serviceaccounts/NAME/token. Sources: kubectl
# pkg/cmd/create/create_token.go (Validate's errors; "failed to create token: %v"; the token printed
# without a newline when stdout is not a terminal), pkg/registry/core/serviceaccount/storage/token.go
# (ServiceAccount lookup, bound Pod/Secret checks, default audiences), pkg/apis/authentication/validation
# (10 minutes .. 2^32 seconds), pkg/serviceaccount/claims.go + go-jose (claims, keys sorted).
# Texts of the client-side errors checked with kubectl v1.33.1.
kubectl create token default
echo
kubectl create token default | cut -d. -f2 | wc -c
kubectl create token nope
kubectl create token default --duration=5m
kubectl create token default --duration=-1s
kubectl create token default --duration=1500ms
kubectl create token default --audience=
kubectl create token default --bound-object-name=x
kubectl create token default --bound-object-uid=x
kubectl create token default --bound-object-kind=Deployment --bound-object-name=x
kubectl create token default --bound-object-kind=Pod
kubectl create token
kubectl create token a b
kubectl create sa robot -n kube-system
kubectl -n kube-system create token robot --duration=10m --audience=vault -o jsonpath='{.spec}{"\n"}{.status.expirationTimestamp}{"\n"}'
kubectl run web --image=nginx
kubectl create token robot --bound-object-kind=Pod --bound-object-name=web
kubectl -n kube-system create token robot --bound-object-kind=Pod --bound-object-name=web
kubectl create token default --bound-object-kind=Pod --bound-object-name=nope
kubectl create token default --bound-object-kind=Pod --bound-object-name=web --bound-object-uid=1234
kubectl create secret generic s1 --from-literal=a=b
kubectl create token default --bound-object-kind=Secret --bound-object-name=s1 -o jsonpath='{.spec.boundObjectRef}{"\n"}'
kubectl create token default --duration=4294967297s
kubectl create token default --bound-object-kind=Node --bound-object-name=node01 | cut -d. -f2 | wc -c
kubectl create token default --bound-object-kind=Node --bound-object-name=node09
kubectl create token default --duration=5x
kubectl create token default --duration=1.5.s
kubectl create token default --duration=
kubectl create token default -o name
kubectl create token default --duration=1h -o jsonpath='{.metadata.name}/{.metadata.namespace} {.metadata.creationTimestamp} {.status.expirationTimestamp}{"\n"}'
