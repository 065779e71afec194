/** Node matching helpers shared by controllers (k8s.io/component-helpers/scheduling/corev1). */
import type { Node, NodeAffinity, NodeSelectorRequirement, Taint, Toleration } from 'kubernetes-types/core/v1';

/** ToleratesTaint: key match (or empty key with Exists), effect match (or empty), value per operator. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function tolerates(tols: Toleration[], taint: Taint): boolean {
  return tols.some((t) => toleratesTaint(t, taint));
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined, has: boolean): boolean {
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
      return has && Number(value) > Number(r.values?.[0]);
    case 'Lt':
      return has && Number(value) < Number(r.values?.[0]);
  }
  return false;
}

/** requiredDuringSchedulingIgnoredDuringExecution: terms are ORed, requirements inside a term ANDed. */
export function nodeAffinityMatches(aff: NodeAffinity | undefined, node: Node): boolean {
  const terms = aff?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  const labels = node.metadata?.labels ?? {};
  return terms.some((term) => {
    if (!term.matchExpressions?.length && !term.matchFields?.length) return false;
    const exprOk = (term.matchExpressions ?? []).every((r) => requirementMatches(r, labels[r.key], Object.prototype.hasOwnProperty.call(labels, r.key)));
    const fieldsOk = (term.matchFields ?? []).every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name, true));
    return exprOk && fieldsOk;
  });
}
