# CKA workloads task: a one-shot Job and a Job that keeps failing. Pinned: the selector and the four
# job labels kube-apiserver generates, the batch/v1 defaults, the rejection of restartPolicy Always,
# pods named <job>-xxxxx ending Completed/Error, the 10 s back-off before a failed pod is replaced,
# the status and conditions the Job controller writes (SuccessCriteriaMet+Complete, FailureTarget+
# Failed), its events, and the STATUS/COMPLETIONS/DURATION columns. Sources: k/k
# pkg/registry/batch/job/strategy.go (PrepareForCreate, generateSelector), pkg/apis/batch/v1/defaults.go
# (SetDefaults_Job), pkg/apis/batch/validation/validation.go (validateJobSpec restartPolicy "valid
# values"), pkg/controller/job/job_controller.go (newSuccessCondition "Reached expected number of
# succeeded pods", newFailureCondition "Job has reached the specified backoff limit", recordJobFinished
# "Job completed"), pkg/controller/job/backoff_utils.go (DefaultJobPodFailureBackOff 10 s),
# pkg/printers/internalversion/printers.go (printJob, printCronJob), kubectl pkg/describe/describe.go
# (JobDescriber); a CronJob right after creation (SetDefaults_CronJob: SUSPEND False).
kubectl create job hello --image=busybox:1.36 -- echo hi
kubectl get jobs
kubectl get pods
sleep 10
kubectl get jobs
kubectl get pods
kubectl logs job/hello
kubectl describe job hello
kubectl get job hello -o yaml
cat <<'YAML' > fail.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: fail
spec:
  backoffLimit: 1
  template:
    spec:
      containers:
      - name: fail
        image: busybox:1.36
        command: ["sh", "-c", "echo failing; exit 1"]
      restartPolicy: Always
YAML
kubectl apply -f fail.yaml
sed -i 's/restartPolicy: Always/restartPolicy: Never/' fail.yaml
kubectl apply -f fail.yaml
sleep 5
kubectl get jobs
kubectl get pods -l job-name=fail
sleep 15
kubectl get jobs -o wide
kubectl get pods -l batch.kubernetes.io/job-name=fail
kubectl logs job/fail
kubectl describe job fail
kubectl get job fail -o jsonpath='{range .status.conditions[*]}{.type}{" "}{.reason}{"\n"}{end}'
kubectl get events --field-selector involvedObject.kind=Job
kubectl create cronjob tick --image=busybox:1.36 --schedule='*/5 * * * *' -- date
kubectl get cronjobs -o wide
