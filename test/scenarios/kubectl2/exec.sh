# kubectl exec into running containers: the pods/exec subresource through the node's kubelet.
# Sources: kubectl pkg/cmd/exec/exec.go (the `--` rule, Validate errors, "Unable to use a TTY",
# podcmd.FindOrDefaultContainerByName "Defaulted container"), client-go remotecommand
# ("command terminated with exit code N"), pod/strategy.go validateContainer, kubelet
# envvars.go FromServices (service link variables), kubelet_pods.go managedHostsHeader (/etc/hosts),
# dns ClusterFirst resolv.conf (nameserver 10.96.0.10, search <ns>.svc.cluster.local …, ndots:5),
# containerd/runc exec errors ("executable file not found in $PATH"). Client texts checked with v1.33.1.
kubectl create configmap app-config --from-literal=APP_COLOR=blue --from-literal=APP_MODE=prod
kubectl create secret generic db --from-literal=password=s3cr3t
kubectl create service clusterip backend --tcp=8080:8080
cat <<YAML > web.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  nodeName: node01
  containers:
  - name: web
    image: nginx
    env:
    - name: GREETING
      value: hello
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
    envFrom:
    - configMapRef:
        name: app-config
    volumeMounts:
    - name: config
      mountPath: /etc/app
  - name: tools
    image: busybox:1.28
    command: ["sleep", "3600"]
  volumes:
  - name: config
    configMap:
      name: app-config
YAML
kubectl apply -f web.yaml
kubectl exec web -- env
sim advance 5s
kubectl exec web -- env
kubectl exec web -c tools -- printenv HOSTNAME KUBERNETES_SERVICE_HOST
kubectl exec web -c tools -- printenv GREETING
kubectl exec web -- cat /etc/resolv.conf
kubectl exec web -- cat /etc/hosts
kubectl exec web -- ls /etc/app
kubectl exec web -- cat /etc/app/APP_COLOR
echo
kubectl exec web -- ls -l /etc/nginx/conf.d
kubectl exec -i web -- sh <<'SCRIPT'
echo "$APP_MODE mode on $(hostname)"
grep -c localhost /etc/hosts
SCRIPT
kubectl exec -it web -- sh
kubectl exec web -- ls /var/run/secrets/kubernetes.io/serviceaccount
kubectl exec web -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace
echo
kubectl exec web -c tools -- hostname
kubectl exec web -c tools -- whoami
kubectl exec web -- sh -c 'echo "$GREETING from $HOSTNAME"; exit 3'
echo "exit status: $?"
kubectl exec web -- curl-not-here
kubectl exec web -- /bin/nothing
kubectl exec web -c nope -- ls
kubectl exec -it web -c tools -- nslookup kubernetes
kubectl exec web -c tools -- nslookup nope
kubectl exec web -- nslookup kubernetes
kubectl exec web ls
kubectl exec web
kubectl exec -- ls
kubectl exec nope -- ls
cat <<YAML > pending.yaml
apiVersion: v1
kind: Pod
metadata:
  name: pending
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: app
    image: nginx
YAML
kubectl apply -f pending.yaml
kubectl exec pending -- ls
kubectl exec deploy/coredns -n kube-system -- ls
kubectl run once --image=busybox --restart=Never -- echo done
sim advance 5s
kubectl exec once -- ls
