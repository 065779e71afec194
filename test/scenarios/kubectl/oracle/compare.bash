#!/bin/bash
# Test tooling: runs a scenario of this directory with a real kubectl against the simulated cluster (bridge.ts)
# and with the simulator's kubectl, and diffs the two transcripts.
#   test/scenarios/kubectl/oracle/compare.bash NAME N [KUBECTL]
# NAME: scenario (../NAME.sh); N: how many of its command lines (comments and blank lines not counted,
# here-document lines counted) are setup, run inside the simulator before the bridge serves kubectl.
# Lines with here-documents must be in the setup: the real kubectl side runs one line at a time.
# Expected differences: tables (the bridge serves no Table form), random Go map/goroutine orders,
# wall-clock timestamps, temp file names, messages that changed after the binary's version.
set -e
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
NAME=$1; N=$2; KUBECTL=${3:-/usr/lib/google-cloud-sdk/bin/kubectl.1.33}
NODE=$ROOT/node_modules/.bin/node
W=$(mktemp -d)
grep -v '^#' "$ROOT/test/scenarios/kubectl/$NAME.sh" | grep -v '^$' > $W/all.txt
SEED=$(grep -oP '^#\s*seed:\s*\K\d+' "$ROOT/test/scenarios/kubectl/$NAME.sh" || echo 1)
head -n "$N" $W/all.txt > $W/setup.sh
tail -n +$((N+1)) $W/all.txt > $W/cmds.txt
PORT=$((19000 + RANDOM % 900))
cat > $W/kubeconfig <<K
apiVersion: v1
kind: Config
clusters: [{name: sim, cluster: {server: "http://127.0.0.1:$PORT"}}]
contexts: [{name: sim, context: {cluster: sim, user: u, namespace: default}}]
current-context: sim
users: [{name: u, user: {}}]
K
(cd "$ROOT" && exec "$NODE" test/scenarios/kubectl/oracle/bridge.ts $PORT $W/setup.sh $SEED 2>$W/bridge.log) &
BRIDGE=$!
for i in $(seq 1 200); do grep -q ready $W/bridge.log 2>/dev/null && break; sleep 0.1; done
mkdir -p $W/bin $W/work && ln -s "$KUBECTL" $W/bin/kubectl
( cd $W/work && export KUBECONFIG=$W/kubeconfig PATH=$W/bin:$PATH HOME=$W/work
  while IFS= read -r line; do echo "\$ $line"; bash -c "$line" 2>&1 </dev/null || true; done < $W/cmds.txt ) > $W/real.txt
kill $BRIDGE 2>/dev/null || true
{ echo "# seed: $SEED"; cat $W/setup.sh; echo 'true oracle-marker'; cat $W/cmds.txt; } > $W/sim.sh
cat > $W/run.ts <<T
import { readFileSync } from 'node:fs';
import { Session } from '$ROOT/src/sim/session.ts';
const script = readFileSync('$W/sim.sh', 'utf8');
process.stdout.write(Session.format(new Session({ seed: $SEED }).run(script)));
T
"$NODE" $W/run.ts | sed -n '/^\$ true oracle-marker$/,$p' | tail -n +2 > $W/sim.txt
diff $W/real.txt $W/sim.txt && echo "identical"
rm -rf $W
