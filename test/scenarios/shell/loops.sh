# Shell compound commands and arithmetic in the node shell (src/sim/shell/parse.ts, shell.ts, arith.ts,
# control.ts). The first part's output was checked line for line against GNU bash 5.2.15 run
# interactively on this machine (`bash -i < script`: the texts as an interactive shell prints them,
# without a script name or line number): for/while/until/if/{ }, $((…)) (bash expr.c), test/[
# (POSIX test's argument-count rules, bash's messages), GNU seq 9, read, break/continue, and the
# syntax errors of parse.y ("syntax error near unexpected token `done'").
# Then what a CKA candidate types around kubectl, and the simulator's own cap on a loop that never
# ends (src/sim/shell/shell.ts LOOP_CAP: a while/until loop stops after 1000 iterations or 5 minutes
# of simulated time, status 130 as after Ctrl+C).
for i in 1 2 3; do echo $i; done
x=$((1+2)); echo $x
n=5; echo $((n*2+1)) $((n%3)) $((-7/2)) $((2**10)) $((n>3)) $((0x10)) $((010))
i=0; i=$((i+1)); echo $i
if true; then echo yes; fi
if false; then echo a; elif true; then echo b; else echo c; fi
for i in $(seq 1 3); do echo pod$i; done
i=0; while [ $i -lt 3 ]; do echo "i=$i"; i=$((i+1)); done
until [ "$k" = xxx ]; do k=${k}x; echo $k; done
for n in a b c; do [ $n = b ] && continue; echo $n; done
for n in a b; do for m in 1 2 3; do [ $m = 2 ] && break; echo $n$m; done; done
{ echo one; echo two; } | grep two
for i in 1 2
do
  echo "multi $i"
done
printf 'a 1\nb 2\n' | while read name num; do echo "$name=$num"; done
[ 1 -eq 1 ] && echo eq; [ a != b ] && echo ne; [ -z "" ] && echo empty; [ -n x ] && echo nonempty; [ ! -f /nope ] && echo nofile; [ -d /tmp ] && echo dir
test 3 -ge 4 || echo smaller
[ 1 -eq a ]; echo $?
[ 1 -eq 1; echo $?
seq 3
seq 2 2 8
seq -s, 3
seq
echo $((1/0)); echo not reached
echo $((1+))
done
for i in 1 2; echo $i; done
if true; then fi
while; do :; done
break
for i in $(seq 1 3); do kubectl run p$i --image=nginx; done
kubectl get pods -o name | while read p; do echo "found $p"; done
if kubectl get ns x; then echo there; else echo "no namespace x"; fi
for n in node01 nope; do ssh $n hostname; done
while ! kubectl get pod p1 | grep -q Running; do sleep 1; done; kubectl get pod p1
count=0; while true; do count=$((count+1)); done; echo "not reached"
echo $?; echo $count
while true; do kubectl get pods --no-headers | wc -l; sleep 30; done
for i in 1 2; do
  cat <<YAML
item: $i
YAML
done
