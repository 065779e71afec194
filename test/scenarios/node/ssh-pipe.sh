# `ssh HOST CMD` prints the remote command's output as its own, so a local pipe or redirection
# applies to it (OpenSSH ssh(1)); `systemctl enable --now` enables and starts the unit, `disable
# --now` disables and stops it (systemctl(1)); a sed script may hold several commands separated by
# `;` (GNU sed: "commands … can be separated by semicolons").
ssh node01 hostname | tr a-z A-Z
ssh node01 grep staticPodPath /var/lib/kubelet/config.yaml > /tmp/remote-name
cat /tmp/remote-name
ssh node01 systemctl disable --now kubelet
ssh node01 systemctl is-active kubelet
ssh node01 systemctl enable --now kubelet
ssh node01 systemctl is-active kubelet
echo 'replicas: 1 image: nginx:1.26' | sed 's|replicas: 1|replicas: 3|; s|nginx:1.26|nginx:1.27|'
printf '1\n2\n3\n' | sed '2d;3s/3/three/'
