# sed (GNU sed 4.9) and awk (mawk 1.3.4, Ubuntu's awk) on kubectl output and manifests, as a CKA
# learner pipes them: columns, counts, conditions, printf tables, in-place edits of a manifest, and
# the tools' own error messages.
kubectl create deployment web --image=nginx:1.26 --replicas=2 --dry-run=client -o yaml > web.yaml
sed -n '/containers:/,$p' web.yaml
sed '/selector/,+2d' web.yaml | grep -v creationTimestamp | head -10
sed -i -e 's/replicas: 2/replicas: 3/' -e '/status: {}/d' -e '/creationTimestamp/d' web.yaml
grep -n 'replicas\|status' web.yaml
sed -i.bak 's/nginx:1.26/nginx:1.27/' web.yaml && grep image: web.yaml web.yaml.bak
kubectl apply -f web.yaml
kubectl get pods -A --no-headers | awk '{print $2}' | sort | head -3
kubectl get pods -A | awk 'NR>1 {n[$1]++} END {print "kube-system:", n["kube-system"]}'
kubectl get pods -A | awk '$4 == "Running" {r++} END {printf "%d running of %d\n", r, NR-1}'
kubectl get nodes | awk 'NR==1 {printf "%-15s %s\n", $1, $2; next} {printf "%-15s %s\n", $1, $2}'
kubectl get pods -n kube-system -o wide | awk '/etcd|apiserver/ {print $1, $NF}'
awk -F': ' '/^(kind|apiVersion)/ {print $2}' web.yaml
kubectl get pods -A --no-headers | awk '{print $1}' | uniq -c
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}' | awk -F: '{print "tag=" $2}'
echo 'a b c' | awk '{$2 = "X"; print; print NF}'
echo '3 apples 1.5' | awk '{printf "%s: %5.2f\n", $2, $1 * $3}'
kubectl get pods -A --no-headers | awk '{print $2 | "sort -r"}' | head -2
echo hello | sed 's/\(.\)\(.*\)/\u\2\l\1/'
seq 1 6 | sed -n '2~2p'
sed '/selector/,+1X' web.yaml
sed 's/a/b' web.yaml
sed -n p nosuch.yaml
awk '{print $2' web.yaml
awk 'BEGIN { printf "%s %s\n", "only-one" }'
gawk '{print}' web.yaml
