/**
 * Taint/toleration and node-affinity matching, as k8s.io/component-helpers implements them:
 *   - scheduling/corev1/helpers.go: TolerationsTolerateTaint, FindMatchingUntoleratedTaint, PodPriority
 *   - api core/v1 toleration.go: Toleration.ToleratesTaint (empty operator = Equal; empty key with
 *     Exists matches every key; empty effect matches every effect)
 *   - scheduling/corev1/nodeaffinity/nodeaffinity.go: NodeSelector (terms ORed, requirements ANDed,
 *     empty term matches nothing, matchFields only `metadata.name` In/NotIn with one value),
 *     RequiredNodeAffinity (pod.spec.nodeSelector AND required node affinity),
 *     PreferredSchedulingTerms (sum of the weights of matching terms).
 */
import type { Node, NodeSelector as V1NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm, Taint, Toleration } from 'kubernetes-types/core/v1';
import { LabelSelectorError, Requirement, Selector, selectorFromSet } from '../../api/labels.ts';
import type { Labels, Operator } from '../../api/labels.ts';

// ---------------------------------------------------------------------------------------------
// tolerations

/** Toleration.ToleratesTaint (core/v1/toleration.go) */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      // Gt/Lt exist only behind the alpha TaintTolerationComparisonOperators gate (off in 1.35)
      return false;
  }
}

/** TolerationsTolerateTaint */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (!tolerations) return false;
  for (let i = 0; i < tolerations.length; i++) if (toleratesTaint(tolerations[i], taint)) return true;
  return false;
}

/** helper.DoNotScheduleTaintsFilterFunc: NoSchedule and NoExecute. */
export function isDoNotScheduleTaint(t: Taint): boolean {
  return t.effect === 'NoSchedule' || t.effect === 'NoExecute';
}

/** FindMatchingUntoleratedTaint: the first taint passing `filter` that no toleration tolerates. */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter: (t: Taint) => boolean,
): Taint | null {
  if (!taints) return null;
  for (let i = 0; i < taints.length; i++) {
    const taint = taints[i];
    if (!filter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return null;
}

/** corev1helpers.PodPriority: spec.priority, 0 when unset. */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

// ---------------------------------------------------------------------------------------------
// node affinity

const OP_MAP: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Gt: 'gt', Lt: 'lt' };

/** nodeSelectorRequirementsAsSelector: label requirements of a term; an unknown operator is a parse error. */
function requirementsAsSelector(reqs: readonly NodeSelectorRequirement[], errs: string[]): Selector {
  if (reqs.length === 0) return Selector.nothing();
  const out: Requirement[] = [];
  for (const expr of reqs) {
    const op = OP_MAP[expr.operator];
    if (!op) {
      errs.push(`Unsupported value: ${JSON.stringify(expr.operator)}`);
      continue;
    }
    try {
      out.push(Requirement.create(expr.key, op, expr.values ?? []));
    } catch (e) {
      if (e instanceof LabelSelectorError) errs.push(e.message);
      else throw e;
    }
  }
  return Selector.fromRequirements(out);
}

interface FieldRequirement {
  key: string;
  equal: boolean;
  value: string;
}

/** nodeSelectorRequirementsAsFieldSelector: only metadata.name, In/NotIn with exactly one value. */
function requirementsAsFieldSelector(reqs: readonly NodeSelectorRequirement[], errs: string[]): FieldRequirement[] | null {
  if (reqs.length === 0) return null;
  const out: FieldRequirement[] = [];
  for (const expr of reqs) {
    if (expr.operator !== 'In' && expr.operator !== 'NotIn') {
      errs.push(`Unsupported value: ${JSON.stringify(expr.operator)}: supported values: "In", "NotIn"`);
      continue;
    }
    if ((expr.values ?? []).length !== 1) {
      errs.push('must have one element');
      continue;
    }
    out.push({ key: expr.key, equal: expr.operator === 'In', value: expr.values![0] });
  }
  return out;
}

function isEmptyNodeSelectorTerm(t: NodeSelectorTerm | undefined): boolean {
  return !t || ((t.matchExpressions ?? []).length === 0 && (t.matchFields ?? []).length === 0);
}

class ParsedTerm {
  readonly matchLabels: Selector | null;
  readonly matchFields: FieldRequirement[] | null;
  readonly parseErrs: string[];

  constructor(term: NodeSelectorTerm) {
    const errs: string[] = [];
    this.matchLabels = (term.matchExpressions ?? []).length ? requirementsAsSelector(term.matchExpressions!, errs) : null;
    this.matchFields = (term.matchFields ?? []).length ? requirementsAsFieldSelector(term.matchFields!, errs) : null;
    this.parseErrs = errs;
  }

  /** nodeSelectorTerm.match: parse errors make the term not match. */
  match(labels: Labels, nodeName: string): boolean {
    if (this.parseErrs.length) return false;
    if (this.matchLabels && !this.matchLabels.matches(labels)) return false;
    if (this.matchFields) {
      for (const f of this.matchFields) {
        // extractNodeFields: only metadata.name is a node field; fields.Set.Get of another key is ""
        const v = f.key === 'metadata.name' ? nodeName : '';
        if (f.equal ? v !== f.value : v === f.value) return false;
      }
    }
    return true;
  }
}

/** nodeaffinity.LazyErrorNodeSelector: terms are ORed; empty terms are dropped (they select nothing). */
export class NodeSelectorMatcher {
  private readonly terms: ParsedTerm[];

  constructor(ns: V1NodeSelector) {
    this.terms = [];
    for (const t of ns.nodeSelectorTerms ?? []) {
      if (isEmptyNodeSelectorTerm(t)) continue;
      this.terms.push(new ParsedTerm(t));
    }
  }

  match(node: Node): boolean {
    const labels = node.metadata?.labels;
    const name = node.metadata?.name ?? '';
    for (const t of this.terms) if (t.match(labels, name)) return true;
    return false;
  }
}

/** nodeaffinity.RequiredNodeAffinity: spec.nodeSelector AND requiredDuringSchedulingIgnoredDuringExecution. */
export class RequiredNodeAffinity {
  readonly labelSelector: Selector | null;
  readonly nodeSelector: NodeSelectorMatcher | null;

  constructor(pod: Pod) {
    const ns = pod.spec?.nodeSelector;
    this.labelSelector = ns && Object.keys(ns).length > 0 ? selectorFromSet(ns) : null;
    const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.nodeSelector = req ? new NodeSelectorMatcher(req) : null;
  }

  match(node: Node): boolean {
    if (this.labelSelector && !this.labelSelector.matches(node.metadata?.labels)) return false;
    if (this.nodeSelector) return this.nodeSelector.match(node);
    return true;
  }
}

/** GetRequiredNodeAffinity */
export function getRequiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  return new RequiredNodeAffinity(pod);
}

/** nodeaffinity.PreferredSchedulingTerms: Score = Σ weight of matching terms (zero weights / empty terms skipped). */
export class PreferredSchedulingTerms {
  private readonly terms: { weight: number; term: ParsedTerm }[] = [];

  constructor(terms: readonly PreferredSchedulingTerm[]) {
    for (const t of terms) {
      if (!t.weight || isEmptyNodeSelectorTerm(t.preference)) continue;
      this.terms.push({ weight: t.weight, term: new ParsedTerm(t.preference) });
    }
  }

  get length(): number {
    return this.terms.length;
  }

  score(node: Node): number {
    const labels = node.metadata?.labels;
    const name = node.metadata?.name ?? '';
    let s = 0;
    for (const t of this.terms) if (t.term.match(labels, name)) s += t.weight;
    return s;
  }
}
