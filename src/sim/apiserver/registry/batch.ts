/**
 * batch/v1 Job and CronJob strategies (pkg/registry/batch/job/strategy.go, cronjob/strategy.go) and
 * the Job's validation (pkg/apis/batch/validation/validation.go ValidateJob).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { copyTemplateLabels, defaultCronJob, defaultJob } from '../../api/defaults/batch.ts';
import type { KubeObject } from '../../api/object.ts';
import { selectorMatchesLabels } from '../../api/selector.ts';
import { validatePodTemplate } from '../../api/validation/core.ts';
import { invalid, notSupported, required, type FieldError } from '../../api/validation/field.ts';
import { loadLocation, parseStandard, ScheduleError } from '../../api/cron/schedule.ts';
import { validateLabels } from '../meta.ts';
import type { Strategy } from '../types.ts';

type Obj = Record<string, unknown>;

/** The labels a Job's pods carry (batch.JobNameLabel, batch.ControllerUidLabel and their legacy forms). */
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
const LEGACY_JOB_NAME_LABEL = 'job-name';
const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';

function templateLabels(spec: Obj): Record<string, string> | undefined {
  return ((spec.template as Obj | undefined)?.metadata as Obj | undefined)?.labels as Record<string, string> | undefined;
}

/**
 * generateSelector: the pods get the Job's name and uid as labels, the Job selects its uid. Labels the
 * user already set are kept (a conflict is then rejected by validation).
 */
function generateSelector(job: KubeObject) {
  const spec = job.spec as Obj;
  const template = (spec.template ??= {}) as Obj;
  const meta = (template.metadata ??= {}) as Obj;
  const labels = (meta.labels ??= {}) as Record<string, string>;
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) labels[k] ??= job.metadata.name!;
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) labels[k] ??= job.metadata.uid!;
  const sel = (spec.selector ??= {}) as LabelSelector;
  const ml = (sel.matchLabels ??= {});
  ml[CONTROLLER_UID_LABEL] ??= job.metadata.uid!;
}

/** ValidateHasLabel. */
function hasLabel(labels: Record<string, string> | undefined, key: string, want: string): FieldError[] {
  const path = `spec.template.metadata.labels[${key}]`;
  if (!labels || !(key in labels)) return [required(path, `must be '${want}'`)];
  return labels[key] === want ? [] : [invalid(path, labels, `must be '${want}'`)];
}

/** validateGeneratedSelector: the generated labels are there and the selector picks exactly them. */
function validateGeneratedSelector(job: KubeObject): FieldError[] {
  const spec = job.spec as Obj;
  if (spec.manualSelector === true || !spec.selector) return [];
  const errs: FieldError[] = [];
  if (!job.metadata.uid) errs.push(required('metadata.uid'));
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  const labels = templateLabels(spec);
  errs.push(...hasLabel(labels, LEGACY_CONTROLLER_UID_LABEL, uid), ...hasLabel(labels, LEGACY_JOB_NAME_LABEL, name));
  errs.push(...hasLabel(labels, CONTROLLER_UID_LABEL, uid), ...hasLabel(labels, JOB_NAME_LABEL, name));
  const expected = { [CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: name, [LEGACY_CONTROLLER_UID_LABEL]: uid, [LEGACY_JOB_NAME_LABEL]: name };
  if (!selectorMatchesLabels(spec.selector as LabelSelector, expected)) errs.push(invalid('spec.selector', spec.selector, '`selector` not auto-generated'));
  return errs;
}

function nonNegative(spec: Obj, field: string, path: string): FieldError[] {
  const v = spec[field];
  return typeof v === 'number' && v < 0 ? [invalid(`${path}.${field}`, v, 'must be greater than or equal to 0')] : [];
}

/** validateJobSpec: what a Job and a CronJob's job template share (`path` is spec or spec.jobTemplate.spec). */
function validateJobSpecCommon(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) errs.push(...nonNegative(spec, f, path));
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed' && spec.completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  const prp = spec.podReplacementPolicy;
  if (prp !== undefined && prp !== 'Failed' && prp !== 'TerminatingOrFailed') errs.push(notSupported(`${path}.podReplacementPolicy`, prp, ['Failed', 'TerminatingOrFailed']));
  const template = spec.template as Obj | undefined;
  errs.push(...validatePodTemplate(template, `${path}.template`, false));
  // The pod defaults turn an unset restartPolicy into Always: both mean the user did not choose.
  const rp = (template?.spec as Obj | undefined)?.restartPolicy;
  if (rp === 'Always' || !rp) errs.push(required(`${path}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(`${path}.template.spec.restartPolicy`, rp, ['OnFailure', 'Never']));
  return errs;
}

/** ValidateJobSpec: the shared checks, then the selector and that it picks the template's labels. */
function validateJobSpec(spec: Obj): FieldError[] {
  const errs = validateJobSpecCommon(spec, 'spec');
  const sel = spec.selector as LabelSelector | undefined;
  if (!sel) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabels(sel.matchLabels, 'spec.selector.matchLabels'));
    const labels = templateLabels(spec) ?? {};
    if (!selectorMatchesLabels(sel, labels)) errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  }
  return errs;
}

export const jobStrategy: Strategy = {
  defaults: defaultJob,
  prepareForCreate(obj) {
    if ((obj.spec as Obj).manualSelector !== true) generateSelector(obj);
    obj.status = {};
    obj.metadata.generation = 1;
    // What a read back from etcd shows: the defaulting copy of the now-generated template labels.
    copyTemplateLabels(obj);
  },
  validate: (obj) => [...validateGeneratedSelector(obj), ...validateJobSpec(obj.spec as Obj)],
  validateUpdate(obj, old) {
    const errs = [...validateGeneratedSelector(obj), ...validateJobSpec(obj.spec as Obj)];
    const a = (obj.spec as Obj).selector;
    if (JSON.stringify(a) !== JSON.stringify((old.spec as Obj).selector)) errs.push(invalid('spec.selector', a, 'field is immutable'));
    return errs;
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
};

/**
 * validateScheduleFormat: robfig's parse error as the detail; a TZ in the schedule is refused on create
 * (allowed on update only when the old schedule had one, and then not together with timeZone).
 */
function validateScheduleFormat(schedule: string, allowTZInSchedule: boolean, timeZone: unknown): FieldError[] {
  const errs: FieldError[] = [];
  try {
    parseStandard(schedule);
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    errs.push(invalid('spec.schedule', schedule, e.message));
  }
  if (allowTZInSchedule && schedule.includes('TZ') && timeZone !== undefined && timeZone !== null) errs.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  else if (!allowTZInSchedule && schedule.includes('TZ')) errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

/** validTimeZoneCharacters: each /-separated part of an IANA name. */
const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone. */
function validateTimeZone(tz: unknown): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const name = String(tz);
  if (name.length === 0) return [invalid('spec.timeZone', name, 'timeZone must be nil or non-empty string')];
  for (const part of name.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_PART.test(part)) return [invalid('spec.timeZone', name, `unknown time zone ${name}`)];
  }
  const errs: FieldError[] = [];
  if (name.toLowerCase() === 'local') errs.push(invalid('spec.timeZone', name, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  try {
    loadLocation(name);
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    errs.push(invalid('spec.timeZone', name, e.message));
  }
  return errs;
}

/** validateCronJobSpec (pkg/apis/batch/validation/validation.go), with ValidateJobTemplateSpec. */
function validateCronJobSpec(spec: Obj, oldSpec: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  if (schedule.length === 0) errs.push(required('spec.schedule'));
  else errs.push(...validateScheduleFormat(schedule, typeof oldSpec?.schedule === 'string' && oldSpec.schedule.includes('TZ'), spec.timeZone));
  if (typeof spec.startingDeadlineSeconds === 'number' && spec.startingDeadlineSeconds < 0) errs.push(invalid('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds, 'must be greater than or equal to 0'));
  if (!oldSpec || oldSpec.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone));
  const cp = spec.concurrencyPolicy;
  if (cp === '' || cp === undefined) errs.push(required('spec.concurrencyPolicy'));
  else if (cp !== 'Allow' && cp !== 'Forbid' && cp !== 'Replace') errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  // ValidateJobTemplateSpec: the job spec, and a selector that the Job's own create will generate.
  const jt = ((spec.jobTemplate as Obj | undefined)?.spec ?? {}) as Obj;
  errs.push(...validateJobSpecCommon(jt, 'spec.jobTemplate.spec'));
  if (jt.selector) errs.push(invalid('spec.jobTemplate.spec.selector', jt.selector, '`selector` will be auto-generated'));
  if (jt.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) errs.push(...nonNegative(spec, f, 'spec'));
  return errs;
}

/**
 * CronJob (pkg/registry/batch/cronjob/strategy.go): defaults, a fresh status, ValidateCronJobCreate
 * (with the 52-character name limit: the controller appends `-<minutes since the epoch>`) and
 * ValidateCronJobUpdate.
 */
export const cronJobStrategy: Strategy = {
  defaults: defaultCronJob,
  prepareForCreate(obj) {
    obj.status = {};
    obj.metadata.generation = 1;
  },
  validate(obj) {
    const errs = validateCronJobSpec(obj.spec as Obj, undefined);
    const name = obj.metadata.name ?? '';
    if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
    return errs;
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  validateUpdate: (obj, old) => validateCronJobSpec(obj.spec as Obj, old.spec as Obj),
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
};
