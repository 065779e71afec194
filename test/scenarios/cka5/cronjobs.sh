# CKA workloads task: CronJobs on the simulated clock, and Job suspend / ttlSecondsAfterFinished.
# Pinned: the API server's refusals of a bad schedule (robfig/cron v3 ParseStandard's message), a TZ in
# the schedule, an unknown timeZone and a name over 52 characters; Jobs named <cronjob>-<scheduled unix
# time in minutes> created 100 ms after each scheduled minute with the cronjob-scheduled-timestamp
# annotation (in the CronJob's timeZone) and a controller reference; status.active / lastScheduleTime /
# lastSuccessfulTime and the SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE columns; successful and
# failed history limits; suspend and resume (the most recent missed run starts at once unless
# startingDeadlineSeconds has passed); concurrencyPolicy Forbid (JobAlreadyActive, the missed run starts
# when the active Job ends) and Replace (the running Job is deleted); a Job made by kubectl create job
# --from=cronjob/… (UnexpectedJob); TooManyMissedTimes after more than 100 missed minutes; Job suspend
# (Suspended/Resumed conditions and events, pods deleted) and the TTL-after-finished controller.
# Sources: k/k pkg/controller/cronjob/cronjob_controllerv2.go (syncCronJob, cleanupFinishedJobs,
# deleteJob, event reasons and messages), pkg/controller/cronjob/utils.go (mostRecentScheduleTime,
# nextScheduleTimeDuration, getJobFromTemplate2, getTimeHashInMinutes), pkg/apis/batch/validation/
# validation.go (ValidateCronJobCreate, validateScheduleFormat, validateTimeZone), robfig/cron v3
# parser.go, pkg/controller/job/job_controller.go (syncJob: ensureJobConditionStatus JobSuspended /
# JobResumed, manageJob deleteJobPods), pkg/controller/ttlafterfinished/ttlafterfinished_controller.go,
# kubectl pkg/cmd/create/create_job.go (createJobFromCronJob), pkg/printers/internalversion/printers.go
# (printCronJob), kubectl pkg/describe/describe.go (CronJobDescriber).
kubectl create cronjob bad --image=busybox:1.36 --schedule='61 * * * *'
kubectl create cronjob bad --image=busybox:1.36 --schedule='every minute'
kubectl create cronjob bad --image=busybox:1.36 --schedule='TZ=Asia/Seoul 0 9 * * *'
kubectl create cronjob this-name-is-much-too-long-for-a-cronjob-of-kubernetes --image=busybox:1.36 --schedule='@hourly'
cat <<'YAML' > tz.yaml
apiVersion: batch/v1
kind: CronJob
metadata:
  name: seoul
spec:
  schedule: "0 9 * * *"
  timeZone: Asia/Seul
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hi
            image: busybox:1.36
            command: ["echo", "annyeong"]
          restartPolicy: OnFailure
YAML
kubectl apply -f tz.yaml
sed -i 's#Asia/Seul#Asia/Seoul#; s#0 9 \* \* \*#*/2 * * * *#' tz.yaml
kubectl apply -f tz.yaml
kubectl create cronjob hello --image=busybox:1.36 --schedule='* * * * *' -- echo Hello
kubectl get cronjobs
sleep 61
kubectl get cronjobs
kubectl get jobs
kubectl get pods
kubectl get job hello-29474476 -o jsonpath='{.metadata.annotations}{"\n"}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} controller={.metadata.ownerReferences[0].controller}{"\n"}'
kubectl get job seoul-29474476 -o jsonpath='{.metadata.annotations}{"\n"}'
kubectl get cronjob hello -o jsonpath='{.status}{"\n"}'
sleep 240
kubectl get cronjobs -o wide
kubectl get jobs
kubectl logs job/hello-29474479
kubectl describe cronjob hello
kubectl create job manual --from=cronjob/hello --dry-run=client -o yaml
kubectl create job manual --from=cronjob/hello
sleep 5
kubectl get jobs
kubectl get events --field-selector involvedObject.name=hello
kubectl patch cronjob hello -p '{"spec":{"suspend":true}}'
kubectl get cronjob hello
sleep 180
kubectl get cronjob hello
kubectl get jobs
kubectl patch cronjob hello -p '{"spec":{"suspend":false}}'
kubectl get jobs
kubectl patch cronjob hello -p '{"spec":{"suspend":true,"startingDeadlineSeconds":30}}'
sleep 150
kubectl patch cronjob hello -p '{"spec":{"suspend":false}}'
kubectl get cronjob hello
sleep 30
kubectl get cronjob hello
kubectl delete cronjob hello seoul
cat <<'YAML' > forbid.yaml
apiVersion: batch/v1
kind: CronJob
metadata:
  name: forbid
spec:
  schedule: "* * * * *"
  concurrencyPolicy: Forbid
  failedJobsHistoryLimit: 2
  jobTemplate:
    spec:
      backoffLimit: 0
      template:
        spec:
          containers:
          - name: slow
            image: busybox:1.36
            command: ["sh", "-c", "sleep 75; exit 1"]
          restartPolicy: Never
YAML
kubectl apply -f forbid.yaml
sed 's/name: forbid/name: replace/; s/Forbid/Replace/' forbid.yaml | kubectl apply -f -
sleep 150
kubectl get cronjobs
kubectl get jobs
kubectl get pods
sleep 150
kubectl get jobs
kubectl describe cronjob forbid | sed -n '/^Events:/,$p'
kubectl describe cronjob replace | sed -n '/^Events:/,$p'
kubectl delete cronjob forbid replace
cat <<'YAML' > late.yaml
apiVersion: batch/v1
kind: CronJob
metadata:
  name: late
spec:
  schedule: "* * * * *"
  suspend: true
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: late
            image: busybox:1.36
            command: ["echo", "late"]
          restartPolicy: OnFailure
YAML
kubectl apply -f late.yaml
sleep 6120
kubectl patch cronjob late --type=merge -p '{"spec":{"suspend":false}}'
kubectl get jobs
kubectl get events --field-selector involvedObject.kind=CronJob,involvedObject.name=late
kubectl delete cronjob late
cat <<'YAML' > paused.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: paused
spec:
  suspend: true
  ttlSecondsAfterFinished: 20
  template:
    spec:
      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "sleep 5; echo done"]
      restartPolicy: Never
YAML
kubectl apply -f paused.yaml
sleep 2
kubectl get jobs
kubectl get pods
kubectl get job paused -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
kubectl patch job paused -p '{"spec":{"suspend":false}}'
sleep 2
kubectl get jobs
kubectl get pods
kubectl patch job paused -p '{"spec":{"suspend":true}}'
sleep 1
kubectl get jobs,pods
kubectl describe job paused | sed -n '/^Events:/,$p'
kubectl patch job paused -p '{"spec":{"suspend":false}}'
sleep 10
kubectl get jobs
kubectl get job paused -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}{"\n"}{end}'
sleep 20
kubectl get jobs
kubectl get pods
sleep 20
kubectl get jobs
