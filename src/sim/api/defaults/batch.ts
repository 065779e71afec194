/** Defaults of batch/v1 (pkg/apis/batch/v1/defaults.go SetDefaults_Job, SetDefaults_CronJob). */
import type { KubeObject } from '../object.ts';
import { defaultPodTemplate } from './core.ts';

type Obj = Record<string, unknown>;

/**
 * The Job's labels are its pod template's when it has none of its own. kube-apiserver runs this on
 * decode and again whenever it reads the object back from etcd, which is how the selector labels that
 * PrepareForCreate generates end up on the Job itself.
 */
export function copyTemplateLabels(obj: KubeObject): void {
  const labels = ((obj.spec as Obj | undefined)?.template as Obj | undefined)?.metadata as Obj | undefined;
  if (labels?.labels && !Object.keys(obj.metadata.labels ?? {}).length) obj.metadata.labels = { ...(labels.labels as Record<string, string>) };
}

export function defaultJob(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  // A non-parallel job may leave both unset: both become 1.
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  // With a per-index back-off limit the global one stops counting (math.MaxInt32).
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  copyTemplateLabels(obj);
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  const pfp = spec.podFailurePolicy as { rules?: { onPodConditions?: Obj[] }[] } | undefined;
  for (const rule of pfp?.rules ?? []) for (const p of rule.onPodConditions ?? []) p.status ??= 'True';
  // JobPodReplacementPolicy (GA in v1.34): a pod failure policy waits for pods to fail.
  spec.podReplacementPolicy ??= pfp ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodTemplate(spec.template as Obj | undefined);
}

/** SetDefaults_CronJob; the job template gets only the pod defaults (SetDefaults_Job is not run on it). */
export function defaultCronJob(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow'; // a plain string: "" is unset too
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  defaultPodTemplate(((spec.jobTemplate as Obj | undefined)?.spec as Obj | undefined)?.template as Obj | undefined);
}
