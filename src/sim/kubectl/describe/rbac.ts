/**
 * Role, ClusterRole, RoleBinding and ClusterRoleBinding describers (k8s.io/kubectl/pkg/describe/
 * describe.go v1.35) with the rule compaction of k8s.io/kubectl/pkg/util/rbac/rbac.go
 * (BreakdownRule, CompactRules, SortableRuleSlice).
 */
import type { KubeObject } from '../../api/object.ts';
import { type DescribeClient, resourceInfo } from './client.ts';
import { LEVEL_0, LEVEL_1, newPrefixWriter } from './prefixwriter.ts';
import { tabbedString } from './tabwriter.ts';
import { goSlice, type Obj, printAnnotationsMultiline, printLabelsMultiline } from './util.ts';

interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

function ruleOf(r: Obj): PolicyRule {
  return { verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [], nonResourceURLs: r.nonResourceURLs ?? [] };
}

/** rbac.BreakdownRule: one verb, one resource and one resource name per rule. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups) {
    for (const resource of rule.resources) {
      for (const verb of rule.verbs) {
        if (rule.resourceNames.length > 0) {
          for (const rn of rule.resourceNames) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [rn], nonResourceURLs: [] });
        } else out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [], nonResourceURLs: [] });
      }
    }
  }
  for (const url of rule.nonResourceURLs) for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb], apiGroups: [], resources: [], resourceNames: [] });
  return out;
}

/** rbac.CompactRules: merge single group/resource rules that differ only by verb. */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const isSimple = rule.resourceNames.length <= 1 && rule.nonResourceURLs.length === 0 && rule.apiGroups.length === 1 && rule.resources.length === 1;
    if (!isSimple) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups[0], rule.resources[0], rule.resourceNames.length > 0, rule.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (existing) {
      for (const v of rule.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  compacted.push(...simple.values());
  return compacted;
}

/** PolicyRule.String() (generated), the sort key of SortableRuleSlice. */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goSlice(r.verbs)},APIGroups:${goSlice(r.apiGroups)},Resources:${goSlice(r.resources)},ResourceNames:${goSlice(r.resourceNames)},NonResourceURLs:${goSlice(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: "resource.group/subresource". */
export function combineResourceGroup(resource: string[], group: string[]): string {
  if (resource.length === 0) return '';
  const i = resource[0].indexOf('/');
  let combine = i < 0 ? resource[0] : resource[0].slice(0, i);
  if (group.length > 0 && group[0] !== '') combine = `${combine}.${group[0]}`;
  if (i >= 0) combine = `${combine}/${resource[0].slice(i + 1)}`;
  return combine;
}

export function describeRole(role: KubeObject): string {
  const broken = ((role.rules ?? []) as Obj[]).flatMap((r) => breakdownRule(ruleOf(r)));
  const rules = compactRules(broken);
  // sort.Stable by String()
  const sorted = rules.map((r, i) => ({ r, i, s: ruleString(r) })).sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.i - b.i));
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${role.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const { r } of sorted) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goSlice(r.nonResourceURLs)}\t${goSlice(r.resourceNames)}\t${goSlice(r.verbs)}\n`);
  });
}

export function describeBinding(binding: KubeObject): string {
  const roleRef = (binding.roleRef ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${binding.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', binding.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', binding.metadata.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${roleRef.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${roleRef.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of (binding.subjects ?? []) as Obj[]) w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`);
  });
}

export function describeRbacByName(client: DescribeClient, resource: 'roles' | 'clusterroles' | 'rolebindings' | 'clusterrolebindings', namespace: string | undefined, name: string): string {
  const o = client.get(resourceInfo(resource, 'rbac.authorization.k8s.io'), namespace, name);
  return resource === 'roles' || resource === 'clusterroles' ? describeRole(o) : describeBinding(o);
}
