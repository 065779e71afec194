// `kubectl create role|clusterrole|rolebinding|clusterrolebinding` (kubectl pkg/cmd/create/
// create_role.go, create_clusterrole.go, create_rolebinding.go, create_clusterrolebinding.go).

import { fail, goMap, objectMeta, type GenResult, type Obj } from './common.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** create_role.go validResourceVerbs */
export const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
/** create_clusterrole.go validNonResourceVerbs */
export const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

const SPECIAL_VERBS: Record<string, { group: string; resource: string }[]> = {
  use: [
    { group: 'policy', resource: 'podsecuritypolicies' },
    { group: 'extensions', resource: 'podsecuritypolicies' },
  ],
  bind: [
    { group: RBAC_GROUP, resource: 'roles' },
    { group: RBAC_GROUP, resource: 'clusterroles' },
  ],
  escalate: [
    { group: RBAC_GROUP, resource: 'roles' },
    { group: RBAC_GROUP, resource: 'clusterroles' },
  ],
  impersonate: [
    { group: '', resource: 'users' },
    { group: '', resource: 'serviceaccounts' },
    { group: '', resource: 'groups' },
    { group: 'authentication.k8s.io', resource: 'userextras' },
  ],
};

/**
 * The REST mapper's ResourceFor: resolves short names, singular/kind names and the group
 * (`po` → pods/"", `deploy` → deployments/apps). Unknown resources return an error text such as
 * `the server doesn't have a resource type "foos"`.
 */
export type ResourceFor = (resource: string, group: string) => { group: string; resource: string } | { error: string };

export interface CreateRoleFlags {
  name: string;
  namespace?: string;
  /** --verb (StringSlice) */
  verbs?: string[];
  /** --resource (StringSlice) `resource[.group][/subresource]` */
  resources?: string[];
  /** --resource-name (StringArray) */
  resourceNames?: string[];
  /** clusterrole only: --non-resource-url */
  nonResourceURLs?: string[];
  /** clusterrole only: --aggregation-rule `k=v,…` */
  aggregationRule?: Record<string, string>;
  resourceFor: ResourceFor;
}

interface ResourceOption {
  group: string;
  resource: string;
  subResource: string;
}

function uniq(list: string[]): string[] {
  const out: string[] = [];
  for (const v of list) if (!out.includes(v)) out.push(v);
  return out;
}

/** CreateRoleOptions.Complete: verbs de-duplicated (`*` wins), resources parsed. */
function complete(f: CreateRoleFlags): { verbs: string[]; resources: ResourceOption[]; resourceNames: string[] } {
  let verbs: string[] = [];
  for (const v of f.verbs ?? []) {
    if (v === '*') {
      verbs = ['*'];
      break;
    }
    if (!verbs.includes(v)) verbs.push(v);
  }
  let resources: ResourceOption[] = [];
  for (const r of f.resources ?? []) {
    const slash = r.indexOf('/');
    const sections = slash < 0 ? [r] : [r.slice(0, slash), r.slice(slash + 1)];
    const dot = sections[0].indexOf('.');
    const parts = dot < 0 ? [sections[0]] : [sections[0].slice(0, dot), sections[0].slice(dot + 1)];
    const opt: ResourceOption = { resource: parts[0], group: parts[1] ?? '', subResource: sections[1] ?? '' };
    if (opt.resource === '*' && parts.length === 1 && sections.length === 1) {
      resources = [opt];
      break;
    }
    resources.push(opt);
  }
  return { verbs, resources, resourceNames: uniq(f.resourceNames ?? []) };
}

function validateResources(resources: ResourceOption[], verbs: string[], resourceFor: ResourceFor): string | null {
  for (const r of resources) {
    if (r.resource.length === 0) return 'resource must be specified if apiGroup/subresource specified';
    if (r.resource === '*') return null;
    const mapped = resourceFor(r.resource, r.group);
    let resolved = { group: r.group, resource: r.resource };
    let err: string | null = null;
    if ('error' in mapped) err = mapped.error;
    else resolved = mapped;
    for (const v of verbs) {
      const special = SPECIAL_VERBS[v];
      if (!special) continue;
      if (!special.some((gr) => gr.resource === resolved.resource && gr.group === resolved.group)) {
        return `can not perform '${v}' on '${resolved.resource}' in group '${resolved.group}'`;
      }
      err = null;
    }
    if (err) return err;
  }
  return null;
}

/** generateResourcePolicyRules: one rule per API group (sorted), then the non-resource URLs. */
function policyRules(resourceFor: ResourceFor, verbs: string[], resources: ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): Obj[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const mapped = resourceFor(r.resource, r.group);
    let resolved = { group: r.group, resource: r.resource };
    if (!('error' in mapped)) resolved = { ...mapped };
    if (r.subResource) resolved.resource = `${resolved.resource}/${r.subResource}`;
    const list = byGroup.get(resolved.group) ?? [];
    if (!list.includes(resolved.resource)) list.push(resolved.resource);
    byGroup.set(resolved.group, list);
  }
  const rules: Obj[] = [];
  for (const g of [...byGroup.keys()].sort()) {
    const rule: Obj = { verbs, apiGroups: [g], resources: byGroup.get(g) };
    if (resourceNames.length > 0) rule.resourceNames = resourceNames;
    rules.push(rule);
  }
  if (nonResourceURLs.length > 0) rules.push({ verbs, nonResourceURLs });
  return rules;
}

function verbWarnings(verbs: string[]): string[] {
  return verbs.filter((v) => !VALID_RESOURCE_VERBS.includes(v)).map((v) => `Warning: '${v}' is not a standard resource verb`);
}

export function createRole(f: CreateRoleFlags): GenResult {
  const { verbs, resources, resourceNames } = complete(f);
  if (!f.name) return fail('name must be specified');
  if (verbs.length === 0) return fail('at least one verb must be specified');
  const warnings = verbWarnings(verbs);
  if (resources.length === 0) return fail('at least one resource must be specified');
  const err = validateResources(resources, verbs, f.resourceFor);
  if (err) return err.startsWith("the server doesn't have") ? { ok: false, error: err, bare: true } : fail(err);
  const role: Obj = {
    kind: 'Role',
    apiVersion: `${RBAC_GROUP}/v1`,
    metadata: objectMeta({ name: f.name, namespace: f.namespace }),
    rules: policyRules(f.resourceFor, verbs, resources, resourceNames, []),
  };
  return warnings.length ? { ok: true, object: role, warnings } : { ok: true, object: role };
}

export function createClusterRole(f: CreateRoleFlags): GenResult {
  const { verbs, resources, resourceNames } = complete(f);
  const nonResourceURLs = f.nonResourceURLs ?? [];
  if (!f.name) return fail('name must be specified');
  const aggregation = f.aggregationRule && Object.keys(f.aggregationRule).length > 0 ? f.aggregationRule : null;
  let warnings: string[] = [];
  if (aggregation) {
    if (nonResourceURLs.length > 0 || verbs.length > 0 || resources.length > 0 || resourceNames.length > 0) {
      return fail('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    }
  } else {
    if (verbs.length === 0) return fail('at least one verb must be specified');
    if (resources.length === 0 && nonResourceURLs.length === 0) return fail('one of resource or nonResourceURL must be specified');
    if (resources.length > 0) {
      warnings = verbWarnings(verbs);
      const err = validateResources(resources, verbs, f.resourceFor);
      if (err) return err.startsWith("the server doesn't have") ? { ok: false, error: err, bare: true } : fail(err);
    }
    if (nonResourceURLs.length > 0) {
      if (resourceNames.length > 0) return fail('resource-name is not permitted to use with non-resource-url');
      for (const v of verbs) {
        if (!VALID_NON_RESOURCE_VERBS.includes(v)) return fail(`invalid verb: '${v}' for nonResourceURL`);
      }
      for (const u of nonResourceURLs) {
        if (u === '*') continue;
        if (u === '' || !u.startsWith('/')) return fail('nonResourceURL should start with /');
        if (u.slice(0, -1).includes('*')) return fail("nonResourceURL only supports wildcard matches when '*' is at the end");
      }
    }
  }
  const role: Obj = {
    kind: 'ClusterRole',
    apiVersion: `${RBAC_GROUP}/v1`,
    metadata: objectMeta({ name: f.name }),
    rules: aggregation ? null : policyRules(f.resourceFor, verbs, resources, resourceNames, nonResourceURLs),
  };
  if (aggregation) role.aggregationRule = { clusterRoleSelectors: [{ matchLabels: goMap(aggregation) }] };
  return warnings.length ? { ok: true, object: role, warnings } : { ok: true, object: role };
}

export interface CreateRoleBindingFlags {
  name: string;
  namespace?: string;
  role?: string;
  clusterRole?: string;
  users?: string[];
  groups?: string[];
  /** `<namespace>:<name>` */
  serviceAccounts?: string[];
}

function subjects(f: CreateRoleBindingFlags): Obj[] | string {
  const out: Obj[] = [];
  for (const u of f.users ?? []) out.push({ kind: 'User', apiGroup: RBAC_GROUP, name: u });
  for (const g of f.groups ?? []) out.push({ kind: 'Group', apiGroup: RBAC_GROUP, name: g });
  for (const sa of f.serviceAccounts ?? []) {
    const t = sa.split(':');
    if (t.length !== 2 || t[0] === '' || t[1] === '') return 'serviceaccount must be <namespace>:<name>';
    out.push({ kind: 'ServiceAccount', name: t[1], namespace: t[0] });
  }
  return out;
}

export function createRoleBinding(f: CreateRoleBindingFlags): GenResult {
  if (!f.name) return fail('name must be specified');
  if (!f.clusterRole === !f.role) return fail('exactly one of clusterrole or role must be specified');
  const subs = subjects(f);
  if (typeof subs === 'string') return fail(subs);
  const rb: Obj = { kind: 'RoleBinding', apiVersion: `${RBAC_GROUP}/v1`, metadata: objectMeta({ name: f.name, namespace: f.namespace }) };
  if (subs.length > 0) rb.subjects = subs;
  rb.roleRef = { apiGroup: RBAC_GROUP, kind: f.role ? 'Role' : 'ClusterRole', name: f.role || f.clusterRole };
  return { ok: true, object: rb };
}

export function createClusterRoleBinding(f: Omit<CreateRoleBindingFlags, 'role' | 'namespace'>): GenResult {
  if (!f.name) return fail('name must be specified');
  if (!f.clusterRole) return fail('required flag(s) "clusterrole" not set');
  const subs = subjects(f);
  if (typeof subs === 'string') return fail(subs);
  const crb: Obj = { kind: 'ClusterRoleBinding', apiVersion: `${RBAC_GROUP}/v1`, metadata: { name: f.name } };
  if (subs.length > 0) crb.subjects = subs;
  crb.roleRef = { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: f.clusterRole };
  return { ok: true, object: crb };
}
