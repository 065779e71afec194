# The notes' first etcd steps on a plain machine: start etcd, then `etcdctl put key1 value1` /
# `get key1` against http://127.0.0.1:2379 (v3 API: "OK", then key and value lines). etcdctl 3.x has
# no v2 `set`: cobra's unknown-command error with suggestions, printed twice (once by cobra, once by
# etcdctl's ExitWithError) — observed with etcdctl 3.4.23; exit status 1. put/del --prev-kv print the previous
# key and value, `member list -w json` the response as JSON (compared with a real etcd 3.4.23).
ssh node01
etcd
etcdctl put key1 value1
etcdctl get key1
etcdctl get key1 --print-value-only
etcdctl set key1 value1
echo $?
etcdctl del key1
etcdctl get key1
etcdctl version
exit
etcd
ssh node01
etcdctl put key1 value1
etcdctl put key1 value2 --prev-kv
etcdctl put key2 value3
etcdctl get key --prefix --keys-only
etcdctl del key --prefix --prev-kv
etcdctl member list -w json
exit
