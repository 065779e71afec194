/**
 * scheduling.k8s.io PriorityClass: defaults (pkg/apis/scheduling/v1/defaults.go), validation
 * (pkg/apis/scheduling/validation/validation.go) and the system classes' delete guard
 * (pkg/registry/scheduling/priorityclass/storage/storage.go).
 */
import type { KubeObject } from '../../api/object.ts';
import { forbidden, invalid, notSupported, required, type FieldError } from '../../api/validation/field.ts';
import * as errors from '../errors.ts';
import type { Strategy } from '../types.ts';

/** pkg/apis/scheduling/types.go HighestUserDefinablePriority. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';

/** pkg/apis/scheduling/v1/helpers.go systemPriorityClasses (created at start by the API server). */
export const SYSTEM_PRIORITY_CLASSES: readonly { name: string; value: number; description: string }[] = [
  { name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];

interface PriorityClass {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

/** helpers.go IsKnownSystemPriorityClass: the error text when it is not. */
function systemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const spc = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name);
  if (!spc) return `${name} is not a known system priority class`;
  if (spc.value !== value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
  if (globalDefault) return `globalDefault of ${spc.name} PriorityClass must be false`;
  return undefined;
}

/** pkg/apis/core/validation ValidatePreemptionPolicy (NotSupported keeps its order: PreemptLowerPriority, Never). */
export function validatePreemptionPolicy(policy: string, path: string): FieldError[] {
  if (policy === 'PreemptLowerPriority' || policy === 'Never') return [];
  if (policy === '') return [required(path)];
  return [notSupported(path, policy, ['PreemptLowerPriority', 'Never'])];
}

export const priorityClassStrategy: Strategy = {
  defaults(obj) {
    // SetDefaults_PriorityClass.
    (obj as KubeObject & PriorityClass).preemptionPolicy ??= 'PreemptLowerPriority';
  },
  validate(obj) {
    const pc = obj as KubeObject & PriorityClass;
    const errs: FieldError[] = [];
    const name = pc.metadata.name ?? '';
    if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
      const err = systemClassError(name, pc.value ?? 0, pc.globalDefault ?? false);
      if (err) errs.push(forbidden('metadata.name', `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${err}`));
    } else if ((pc.value ?? 0) > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
    }
    if (pc.preemptionPolicy !== undefined) errs.push(...validatePreemptionPolicy(pc.preemptionPolicy, 'preemptionPolicy'));
    return errs;
  },
  validateUpdate(obj, old) {
    // ValidatePriorityClassUpdate: value and preemptionPolicy are immutable.
    const pc = obj as KubeObject & PriorityClass;
    const was = old as KubeObject & PriorityClass;
    const errs: FieldError[] = [];
    if ((pc.value ?? 0) !== (was.value ?? 0)) errs.push(forbidden('value', 'may not be changed in an update.'));
    if (pc.preemptionPolicy !== was.preemptionPolicy) errs.push(invalid('preemptionPolicy', pc.preemptionPolicy, 'field is immutable'));
    return errs;
  },
  beforeDelete(name) {
    if (SYSTEM_PRIORITY_CLASSES.some((c) => c.name === name)) {
      throw errors.forbidden('scheduling.k8s.io', 'priorityclasses', name, 'this is a system priority class and cannot be deleted');
    }
  },
};
