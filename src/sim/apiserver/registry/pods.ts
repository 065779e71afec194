/** pods: pkg/registry/core/pod/strategy.go. */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { defaultPod } from '../../api/defaults/core.ts';
import { clone, type KubeObject } from '../../api/object.ts';
import { validatePod } from '../../api/validation/core.ts';
import { forbidden, type FieldError } from '../../api/validation/field.ts';
import type { Strategy } from '../types.ts';
import { qosClass } from '../../api/qos.ts';

export const podStrategy: Strategy = {
  defaults: (obj) => defaultPod(obj),
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending', qosClass: qosClass(obj.spec as PodSpec) };
    obj.metadata.generation = 1;
  },
  validate: (obj) => validatePod(obj),
  validateUpdate(obj, old) {
    const errs = validatePod(obj);
    if (errs.length) return errs;
    return validatePodUpdate(obj, old);
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = clone(old.spec);
  },
  gracePeriod(obj, requested) {
    const spec = obj.spec as PodSpec;
    const status = (obj.status ?? {}) as { phase?: string };
    // pkg/registry/core/pod/strategy.go CheckGracefulDelete: unscheduled or finished pods go at once,
    // whatever grace period the request asked for (so `delete --now` of a Pending pod is immediate).
    if (!spec.nodeName) return 0;
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return 0;
    return requested ?? spec.terminationGracePeriodSeconds ?? 30;
  },
};

/** ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations and a few more may change. */
function validatePodUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  // Compared as Go compares structs: field by field, whatever order the client sent the keys in.
  const a = sortedKeys(obj.spec) as PodSpec;
  const b = sortedKeys(old.spec) as PodSpec;
  const sameShape = (x: Container[] | undefined, y: Container[] | undefined) => (x?.length ?? 0) === (y?.length ?? 0);
  if (sameShape(a.containers, b.containers)) a.containers?.forEach((c, i) => (c.image = b.containers![i].image));
  if (sameShape(a.initContainers, b.initContainers)) a.initContainers?.forEach((c, i) => (c.image = b.initContainers![i].image));
  a.activeDeadlineSeconds = b.activeDeadlineSeconds;
  // Tolerations may only be added to.
  const oldTols = JSON.stringify(b.tolerations ?? []);
  const newPrefix = JSON.stringify((a.tolerations ?? []).slice(0, (b.tolerations ?? []).length));
  if (oldTols === newPrefix) a.tolerations = b.tolerations;
  if (b.terminationGracePeriodSeconds !== undefined && b.terminationGracePeriodSeconds < 0 && a.terminationGracePeriodSeconds === 1) a.terminationGracePeriodSeconds = b.terminationGracePeriodSeconds;
  if (!b.nodeName) a.nodeName = b.nodeName;
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  return [
    forbidden(
      'spec',
      'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n' +
        specDiff(b, a),
    ),
  ];
}

/** A short cmp.Diff-style rendering of what changed (the real message embeds cmp.Diff of core.PodSpec). */
function specDiff(oldSpec: PodSpec, newSpec: PodSpec): string {
  const o = oldSpec as unknown as Record<string, unknown>;
  const n = newSpec as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])].sort();
  const lines = ['  core.PodSpec{'];
  let same = 0;
  for (const k of keys) {
    const ov = JSON.stringify(o[k]);
    const nv = JSON.stringify(n[k]);
    if (ov === nv) {
      same++;
      continue;
    }
    if (same) lines.push(`  \t... // ${same} identical fields`);
    same = 0;
    const field = k[0].toUpperCase() + k.slice(1);
    if (ov !== undefined) lines.push(`- \t${field}: ${ov},`);
    if (nv !== undefined) lines.push(`+ \t${field}: ${nv},`);
  }
  if (same) lines.push(`  \t... // ${same} identical fields`);
  lines.push('  }');
  return lines.join('\n') + '\n';
}

/** A deep copy with object keys in sorted order, so JSON.stringify compares content only. */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortedKeys(o[k]);
    return out;
  }
  return v;
}
