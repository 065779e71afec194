# kubectl label / annotate: kubectl@1.35 pkg/cmd/label/label.go (parseLabels, labelFunc, updateDataChangeMsg:
# "labeled" / "not labeled" / "unlabeled", `label %q not found.`, "'%s' already has a value (%s), and
# --overwrite is false"), pkg/cmd/annotate/annotate.go (ParsePairs, validateNoAnnotationOverwrites),
# cmdutil.GetResourcesAndPairs; errors printed by cmdutil.CheckErr (an aggregate of several lists one per line).
# Compared with kubectl v1.33.1 run against this simulated cluster: identical, except `--list`, whose Go map
# order is random (the simulator sorts the keys).
kubectl run solo --image=nginx
sleep 20
kubectl label node node01 disktype=ssd
kubectl label node node01 disktype=hdd
kubectl label node node01 disktype=hdd --overwrite
kubectl label node node01 disktype=hdd --overwrite
kubectl label node node01 a=1 b=2
kubectl label node node01 a=3 b=4
kubectl label node node01 disktype-
kubectl label node node01 disktype-
kubectl label pod solo run-
kubectl label pod solo run-
kubectl label pod solo tier=web --dry-run=client -o yaml
kubectl label pods --all tier=web
kubectl label nodes node01 --list
kubectl get node node01 --show-labels
kubectl label node node01 node02 zone=east
kubectl label nodes -l zone=east zone=west --overwrite
kubectl label nodes -l zone=west zone- a- b-
kubectl label node nodeX a=1
kubectl label node node01 'bad key=1'
kubectl label node node01 a=1 x
kubectl label node node01 a=b=c
kubectl label node node01 'a=b c'
kubectl label node node01 a- a=3
kubectl label node node01 x
kubectl label node node01
kubectl label
kubectl label nodes --all -l x=y a=b
kubectl label node node01 a=1 --list -o yaml
kubectl annotate pod solo description='my web server'
kubectl annotate pod solo description=other
kubectl annotate pod solo description=other --overwrite
kubectl annotate pod solo note=x=y
kubectl annotate pod solo note=x=y
kubectl annotate pod solo --list
kubectl annotate pod solo description- note-
kubectl annotate pod solo description-
kubectl annotate pod solo note- note=1
kubectl annotate pod solo bad
kubectl annotate pod solo
