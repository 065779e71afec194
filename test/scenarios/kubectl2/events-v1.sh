# events.k8s.io/v1 Events: the same storage as core/v1 Events, served converted
# (pkg/apis/events/v1/conversion.go: involvedObject→regarding, message→note,
# reportingComponent→reportingController, source/firstTimestamp/lastTimestamp/count→deprecated*),
# printed by the same printEvent, and created with the strict validation of
# pkg/apis/core/validation/events.go ValidateEventCreate (eventTime, reportingController,
# reportingInstance, action required; no deprecated fields).
kubectl run nginx --image=nginx
sim advance 30s
kubectl get events.events.k8s.io -A
SCHED=$(kubectl get events -o jsonpath='{.items[?(@.reason=="Scheduled")].metadata.name}')
kubectl get events.events.k8s.io "$SCHED" -o yaml
PULLED=$(kubectl get events -o jsonpath='{.items[?(@.reason=="Pulled")].metadata.name}')
kubectl get events.v1.events.k8s.io "$PULLED" -o yaml
kubectl get events.v1.events.k8s.io -o jsonpath='{range .items[*]}{.regarding.kind}/{.regarding.name}: {.note}{"\n"}{end}'
kubectl get events "$SCHED" -o jsonpath='{.involvedObject.name} {.message}{"\n"}'
cat <<'YAML' > ev.yaml
apiVersion: events.k8s.io/v1
kind: Event
metadata:
  name: nginx.manual
eventTime: "2026-01-15T09:20:00.000000Z"
reportingController: example.com/checker
reportingInstance: checker-1
action: Checking
reason: Checked
type: Normal
note: checked by hand
regarding:
  apiVersion: v1
  kind: Pod
  name: nginx
  namespace: default
YAML
kubectl create -f ev.yaml
kubectl get events.events.k8s.io nginx.manual -o yaml
kubectl get event nginx.manual -o yaml
kubectl patch events.events.k8s.io nginx.manual --type=merge -p '{"series":{"count":2,"lastObservedTime":"2026-01-15T09:21:00.000000Z"}}'
kubectl get events.events.k8s.io nginx.manual -o jsonpath='{.series}{"\n"}'
kubectl patch events.events.k8s.io nginx.manual --type=merge -p '{"note":"changed"}'
kubectl patch events.events.k8s.io nginx.manual --type=merge -p '{"series":{"count":1}}'
kubectl get events.events.k8s.io nginx.manual -w --request-timeout=5s -o jsonpath='{.regarding.name}: {.note} x{.series.count}{"\n"}'
cat <<'YAML' > bad.yaml
apiVersion: events.k8s.io/v1
kind: Event
metadata:
  name: nginx.bad
reason: Checked
type: Fatal
note: no reporting fields
deprecatedCount: 3
regarding:
  kind: Pod
  name: nginx
  namespace: default
YAML
kubectl create -f bad.yaml
cat <<'YAML' > bad2.yaml
apiVersion: events.k8s.io/v1
kind: Event
metadata:
  name: nginx.bad2
eventTime: "2026-01-15T09:20:00.000000Z"
type: Normal
regarding:
  kind: Pod
  name: nginx
  namespace: kube-system
YAML
kubectl create -f bad2.yaml
kubectl delete events.events.k8s.io nginx.manual
# `ev` is a short name of both events and events.events.k8s.io: the shortcut expander takes the core
# group and warns (cli-runtime restmapper shortcut.go expandResourceShortcut).
kubectl get ev --field-selector reason=Scheduled --no-headers -o name | head -1
kubectl get ev.events.k8s.io --no-headers -o name | head -1
