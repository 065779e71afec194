/** Workload strategies: replicationcontrollers, replicasets, deployments, daemonsets (pkg/registry/apps/*, core/replicationcontroller). */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet } from '../../api/defaults/apps.ts';
import { defaultReplicationController } from '../../api/defaults/core.ts';
import type { KubeObject } from '../../api/object.ts';
import { validatePodTemplate } from '../../api/validation/core.ts';
import { invalid, required, type FieldError } from '../../api/validation/field.ts';
import { selectorMatchesLabels } from '../../api/selector.ts';
import { validateLabels } from '../meta.ts';
import type { Strategy } from '../types.ts';

type Obj = Record<string, unknown>;

function templateLabels(spec: Obj): Record<string, string> {
  return (((spec.template as Obj | undefined)?.metadata as Obj | undefined)?.labels ?? {}) as Record<string, string>;
}

function nonNegative(spec: Obj, field: string, path: string): FieldError[] {
  const v = spec[field];
  return typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

/** ValidateLabelSelector + "selector does not match template labels" for apps/v1 kinds. */
function validateAppsSelector(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector as LabelSelector | undefined;
  if (!sel) return [required('spec.selector')];
  if (!sel.matchLabels && !sel.matchExpressions?.length) {
    errs.push(invalid('spec.selector', sel, 'empty selector is invalid for deployment'));
  }
  errs.push(...validateLabels(sel.matchLabels, 'spec.selector.matchLabels'));
  const labels = templateLabels(spec);
  if (spec.template && !selectorMatchesLabels(sel, labels)) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  }
  return errs;
}

function immutableSelector(obj: KubeObject, old: KubeObject): FieldError[] {
  const a = (obj.spec as Obj).selector;
  const b = (old.spec as Obj).selector;
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [invalid('spec.selector', a, 'field is immutable')];
}

function generationOne(obj: KubeObject) {
  obj.metadata.generation = 1;
}

export const deploymentStrategy: Strategy = {
  defaults: defaultDeployment,
  prepareForCreate(obj) {
    generationOne(obj);
    delete obj.status;
  },
  validate(obj) {
    const spec = obj.spec as Obj;
    const errs = [...nonNegative(spec, 'replicas', 'spec.replicas'), ...validateAppsSelector(spec), ...validatePodTemplate(spec.template as Obj, 'spec.template')];
    const strategy = spec.strategy as Obj | undefined;
    if (strategy?.type && !['Recreate', 'RollingUpdate'].includes(String(strategy.type))) {
      errs.push({ type: 'FieldValueNotSupported', field: 'spec.strategy.type', value: strategy.type, detail: 'supported values: "Recreate", "RollingUpdate"' });
    }
    if (strategy?.type === 'Recreate' && strategy.rollingUpdate) {
      errs.push({ type: 'FieldValueForbidden', field: 'spec.strategy.rollingUpdate', value: '', detail: 'may not be specified when strategy `type` is \'Recreate\'' });
    }
    return errs;
  },
  validateUpdate(obj, old) {
    return [...(deploymentStrategy.validate!(obj, undefined as never) ?? []), ...immutableSelector(obj, old)];
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
};

export const replicaSetStrategy: Strategy = {
  defaults: defaultReplicaSet,
  prepareForCreate(obj) {
    generationOne(obj);
    obj.status = { replicas: 0 };
  },
  validate(obj) {
    const spec = obj.spec as Obj;
    return [...nonNegative(spec, 'replicas', 'spec.replicas'), ...validateAppsSelector(spec), ...validatePodTemplate(spec.template as Obj, 'spec.template')];
  },
  validateUpdate(obj, old) {
    return [...replicaSetStrategy.validate!(obj, undefined as never), ...immutableSelector(obj, old)];
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
};

const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

export const daemonSetStrategy: Strategy = {
  defaults: defaultDaemonSet,
  prepareForUpdate(obj, old) {
    // The template generation (kept in an annotation in apps/v1) moves with the pod template.
    const prev = Number(old.metadata.annotations?.[TEMPLATE_GENERATION] ?? 1);
    const changed = JSON.stringify((obj.spec as Obj).template) !== JSON.stringify((old.spec as Obj).template);
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION]: String(changed ? prev + 1 : prev) };
  },
  prepareForCreate(obj) {
    generationOne(obj);
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION]: '1' };
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  },
  validate(obj) {
    const spec = obj.spec as Obj;
    return [...validateAppsSelector(spec), ...validatePodTemplate(spec.template as Obj, 'spec.template')];
  },
  validateUpdate(obj, old) {
    return [...daemonSetStrategy.validate!(obj, undefined as never), ...immutableSelector(obj, old)];
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
};

export const replicationControllerStrategy: Strategy = {
  defaults: defaultReplicationController,
  prepareForCreate(obj) {
    generationOne(obj);
    obj.status = { replicas: 0 };
  },
  validate(obj) {
    const spec = obj.spec as Obj;
    const errs = nonNegative(spec, 'replicas', 'spec.replicas');
    const sel = (spec.selector ?? {}) as Record<string, string>;
    if (!Object.keys(sel).length) errs.push(required('spec.selector'));
    errs.push(...validateLabels(sel, 'spec.selector'));
    if (!spec.template) errs.push(required('spec.template'));
    else {
      const labels = templateLabels(spec);
      if (Object.keys(sel).length && !Object.entries(sel).every(([k, v]) => labels[k] === v)) {
        errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
      }
      errs.push(...validatePodTemplate(spec.template as Obj, 'spec.template'));
    }
    return errs;
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
};
