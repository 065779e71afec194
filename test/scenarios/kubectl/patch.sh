# kubectl patch: kubectl@1.35 pkg/cmd/patch/patch.go (Validate: "must specify --patch or --patch-file …",
# "--type must be one of [json merge strategic], not %q"; yaml.ToJSON of the patch text, "unable to parse %q";
# "patched" / "patched (no change)" from comparing the object before and after; "no objects passed to patch").
# The server applies the patch (strategic merge keys from the API types, RFC 7386 merge, RFC 6902 JSON patch).
# kubectl's side checked against kubectl v1.33.1 run on this simulated cluster.
kubectl create deployment web --image=nginx:1.25
kubectl expose deployment web --port=80
sleep 20
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deployment web -p '{"spec":{"replicas":3}}'
kubectl patch deploy/web --type=merge -p 'spec: {replicas: 2}'
kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'
kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'
kubectl get deployment web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[*].image}{"\n"}'
kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'
kubectl get svc web
kubectl patch node node01 -p '{"spec":{"unschedulable":true}}'
kubectl get nodes
kubectl patch node node01 --type=json -p '[{"op":"remove","path":"/spec/unschedulable"}]'
cat <<YAML > patch.yaml
metadata:
  labels:
    tier: frontend
YAML
kubectl patch deployment web --patch-file patch.yaml
kubectl patch deployment web --patch-file patch.yaml -o yaml | grep -A3 "^  labels"
kubectl patch deployment web -p '{"spec":{"replicas":5}}' --dry-run=server
kubectl patch deployment web -p '{"spec":{"replicas":5}}' --dry-run=client -o jsonpath='{.spec.replicas}{"\n"}'
kubectl get deployment web -o jsonpath='{.spec.replicas}{"\n"}'
kubectl patch deployment web -p 'spec: ['
kubectl patch deployment nope -p '{}'
kubectl patch deployment -p '{}'
kubectl patch deployment web
kubectl patch deployment web -p '{}' --patch-file patch.yaml
kubectl patch deployment web -p '{}' --type=foo
kubectl patch deployment web --patch-file nope.yaml
kubectl patch
