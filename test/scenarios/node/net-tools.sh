# A kubeadm node's network as iproute2 6.1 shows it: ip a/-br a/link/route (lo, eth0 with the node's
# InternalIP, flannel's flannel.1 with the podCIDR's .0/32, the cni0 bridge with its .1/24, a veth per
# pod on the pod network; the other nodes' podCIDRs routed through flannel.1) and ss's listening
# sockets (the control plane's ports, each held by its process as ps shows it). net-tools' netstat is
# not installed on Ubuntu 24.04. free and df: a fixed model of a 4 GiB cloud VM (sysinfo.ts), in the
# tools' own layouts; df lists the pods' token tmpfs, sandbox shm and overlay rootfs mounts too.
kubectl create deploy web --image=nginx --replicas=3
sleep 20
ip a
ip -br a
ip -br link
ip r
ip -4 addr show dev cni0
ip a show dev docker0
ip foo
hostname -I
ss -tlnp
ss -lnt | grep -c LISTEN
ss -tln4 | grep 2379
ssh node01 ss -tlnp
ssh node01 ip r
netstat -tlnp
mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/
sleep 30
ss -tlnp | grep -c 10259
free -h
free -m
ssh node01 free
df -h / /boot/efi
df -h | grep -c /shm
ssh node01 df -hT /
df /nope
