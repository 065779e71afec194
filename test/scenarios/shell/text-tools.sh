# head and tail by bytes (GNU coreutils head.c/tail.c: -c N, -cN, --bytes=N, tail -c +N; the output ends
# where the bytes end; a bad count is "invalid number of bytes: ‘x’" in a UTF-8 locale), checked with
# coreutils 9.1. And a GET on a create-only subresource (kube-apiserver registers only POST there:
# MethodNotAllowed, as kubectl prints it).
echo hello-world | head -c 5; echo
echo hello-world | tail -c 6
echo hello | head -c2; echo
echo hello | head --bytes=3; echo
echo hello | tail -c +3
echo abc | head -c x
printf "a\nb\nc\n" | tail -n 2
kubectl get --raw /api/v1/namespaces/default/serviceaccounts/default/token
kubectl get --raw /api/v1/namespaces/kube-system/pods/etcd-controlplane/eviction
kubectl get --raw /api/v1/namespaces/kube-system/pods/etcd-controlplane/status | grep -o "\"phase\":\"[A-Za-z]*\""
# A redirection does not make directories (bash: open(2)'s ENOENT/ENOTDIR); a busybox container's
# script words it as ash's errmsg() does.
echo hi > /nonexistent/x
echo $?
ls /nonexistent
echo a > /etc/hosts/x
kubectl run writer --image=busybox:1.36 -- sh -c "echo hi > /no/such/file; echo done; sleep 3600"
sleep 5
kubectl logs writer
