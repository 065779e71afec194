/**
 * Validation of core/v1 objects, following pkg/apis/core/validation/validation.go: field paths and
 * messages as the API server reports them (422 Invalid).
 */
import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object.ts';
import { parseQuantity, quantityOf, type Quantity } from '../quantity.ts';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from './field.ts';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName } from './names.ts';

type Obj = Record<string, unknown>;

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateContainer(c: Container, path: string, names: Set<string>, isInit: boolean, restartPolicy?: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else {
    for (const m of isDNS1123Label(c.name)) errs.push(invalid(`${path}.name`, c.name, m));
    if (names.has(c.name)) errs.push(duplicate(`${path}.name`, c.name));
    names.add(c.name);
  }
  if (!c.image) errs.push(required(`${path}.image`));
  if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((p, j) => {
    const pp = `${path}.ports[${j}]`;
    if (p.name !== undefined && p.name !== '') {
      const nameErrs = isValidPortName(p.name);
      for (const m of nameErrs) errs.push(invalid(`${pp}.name`, p.name, m));
      if (!nameErrs.length && portNames.has(p.name)) errs.push(duplicate(`${pp}.name`, p.name));
      portNames.add(p.name);
    }
    if (p.containerPort === undefined || p.containerPort === 0) errs.push(required(`${pp}.containerPort`));
    else if (p.containerPort < 1 || p.containerPort > 65535) errs.push(invalid(`${pp}.containerPort`, p.containerPort, 'must be between 1 and 65535, inclusive'));
    if (p.hostPort !== undefined && p.hostPort !== 0 && (p.hostPort < 1 || p.hostPort > 65535)) errs.push(invalid(`${pp}.hostPort`, p.hostPort, 'must be between 1 and 65535, inclusive'));
    if (!p.protocol) errs.push(required(`${pp}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS));
  });
  (c.env ?? []).forEach((e, j) => {
    const ep = `${path}.env[${j}]`;
    if (!e.name) errs.push(required(`${ep}.name`));
    if (e.valueFrom) errs.push(...validateEnvVarValueFrom(e.valueFrom, e.value, `${ep}.valueFrom`));
  });
  (c.envFrom ?? []).forEach((e, j) => {
    const ep = `${path}.envFrom[${j}]`;
    const n = (e.configMapRef ? 1 : 0) + (e.secretRef ? 1 : 0);
    if (n === 0) errs.push(invalid(ep, '', 'must specify one of: `configMapRef` or `secretRef`'));
    if (n > 1) errs.push(forbidden(ep, 'may not have more than one field specified at a time'));
    if (e.configMapRef && !e.configMapRef.name) errs.push(required(`${ep}.configMapRef.name`));
    if (e.secretRef && !e.secretRef.name) errs.push(required(`${ep}.secretRef.name`));
  });
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  if (isInit && c.restartPolicy !== undefined && c.restartPolicy !== 'Always') {
    errs.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
  }
  if (!isInit && c.restartPolicy !== undefined && restartPolicy !== undefined) {
    errs.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
  }
  if (isInit) {
    if (c.lifecycle && c.restartPolicy !== 'Always') errs.push(forbidden(`${path}.lifecycle`, 'may not be set for init containers without restartPolicy=Always'));
    if (c.livenessProbe && c.restartPolicy !== 'Always') errs.push(forbidden(`${path}.livenessProbe`, 'may not be set for init containers without restartPolicy=Always'));
    if (c.readinessProbe && c.restartPolicy !== 'Always') errs.push(forbidden(`${path}.readinessProbe`, 'may not be set for init containers without restartPolicy=Always'));
    if (c.startupProbe && c.restartPolicy !== 'Always') errs.push(forbidden(`${path}.startupProbe`, 'may not be set for init containers without restartPolicy=Always'));
  }
  return errs;
}

/** validEnvDownwardAPIFieldPathExpressions: the pod fields an env var may take (sorted, as sets.List prints them). */
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** The field labels ConvertDownwardAPIFieldLabel (pkg/apis/core/pods/helpers.go) knows for v1 pods. */
const DOWNWARD_FIELD_LABELS = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']);
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

/** fieldpath.SplitMaybeSubscriptedPath: "metadata.labels['app']" → ["metadata.labels", "app"]. */
function splitSubscript(path: string): [string, string] | undefined {
  if (!path.endsWith("']")) return undefined;
  const s = path.slice(0, -2);
  const i = s.indexOf("['");
  return i > 0 ? [s.slice(0, i), s.slice(i + 2)] : undefined;
}

/** validateEnvVarValueFrom: exactly one source, and each source well formed. */
function validateEnvVarValueFrom(v: NonNullable<NonNullable<Container['env']>[number]['valueFrom']>, value: string | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let sources = 0;
  if (v.fieldRef) {
    sources++;
    errs.push(...validateObjectFieldSelector(v.fieldRef, `${path}.fieldRef`));
  }
  if (v.resourceFieldRef) {
    sources++;
    const rp = `${path}.resourceFieldRef`;
    const r = v.resourceFieldRef.resource;
    if (!r) errs.push(required(`${rp}.resource`));
    else if (!RESOURCE_FIELD_PATHS.includes(r) && !/^(requests|limits)\.hugepages-/.test(r)) errs.push(notSupported(`${rp}.resource`, r, RESOURCE_FIELD_PATHS));
    errs.push(...validateContainerResourceDivisor(r ?? '', v.resourceFieldRef.divisor, `${rp}.divisor`));
  }
  for (const [key, sel] of [['configMapKeyRef', v.configMapKeyRef], ['secretKeyRef', v.secretKeyRef]] as const) {
    if (!sel) continue;
    sources++;
    const sp = `${path}.${key}`;
    for (const m of isDNS1123Subdomain(sel.name ?? '')) errs.push(invalid(`${sp}.name`, sel.name ?? '', m));
    if (!sel.key) errs.push(required(`${sp}.key`));
    else for (const m of isConfigMapKey(sel.key)) errs.push(invalid(`${sp}.key`, sel.key, m));
  }
  if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (value !== undefined && value !== '') errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

const DIVISORS_1 = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/** validateContainerResourceDivisor: a divisor, when given, is one of the units its resource allows. */
function validateContainerResourceDivisor(resource: string, divisor: unknown, path: string): FieldError[] {
  const q = divisor === undefined || divisor === null ? null : quantityOf(divisor as string | number);
  if (!q || q.isZero()) return [];
  const d = q.toString();
  const errs: FieldError[] = [];
  if ((resource === 'limits.cpu' || resource === 'requests.cpu') && !['1m', '1'].includes(d)) errs.push(invalid(path, resource, "only divisor's values 1m and 1 are supported with the cpu resource"));
  if ((resource === 'limits.memory' || resource === 'requests.memory') && !DIVISORS_1.includes(d)) errs.push(invalid(path, resource, `only divisor's values ${DIVISORS_1.join(', ')} are supported with the memory resource`));
  if ((resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') && !DIVISORS_1.includes(d)) errs.push(invalid(path, resource, `only divisor's values ${DIVISORS_1.join(', ')} are supported with the local ephemeral storage resource`));
  if (/^(requests|limits)\.hugepages-/.test(resource) && !DIVISORS_1.includes(d)) errs.push(invalid(path, resource, `only divisor's values ${DIVISORS_1.join(', ')} are supported with the hugepages resource`));
  return errs;
}

/** validateObjectFieldSelector with the env var's expressions. */
function validateObjectFieldSelector(fs: { apiVersion?: string; fieldPath?: string }, path: string): FieldError[] {
  if (!fs.apiVersion) return [required(`${path}.apiVersion`)];
  if (!fs.fieldPath) return [required(`${path}.fieldPath`)];
  const sub = splitSubscript(fs.fieldPath);
  // ConvertDownwardAPIFieldLabel first: an unknown label or version is "error converting fieldPath".
  let convertError: string | undefined;
  if (fs.apiVersion !== 'v1') convertError = `unsupported pod version: ${fs.apiVersion}`;
  else if (sub && sub[0] !== 'metadata.annotations' && sub[0] !== 'metadata.labels') convertError = `field label does not support subscript: ${fs.fieldPath}`;
  else if (!sub && !DOWNWARD_FIELD_LABELS.has(fs.fieldPath) && fs.fieldPath !== 'spec.host') convertError = `field label not supported: ${fs.fieldPath}`;
  if (convertError) return [invalid(`${path}.fieldPath`, fs.fieldPath, `error converting fieldPath: ${convertError}`)];
  if (sub) {
    const key = sub[0] === 'metadata.annotations' ? sub[1].toLowerCase() : sub[1];
    return isQualifiedName(key).map((m) => invalid(path, key, m));
  }
  const internal = fs.fieldPath === 'spec.host' ? 'spec.nodeName' : fs.fieldPath;
  return ENV_FIELD_PATHS.includes(internal) ? [] : [notSupported(`${path}.fieldPath`, internal, ENV_FIELD_PATHS)];
}

/**
 * validateResourceRequirements: quantities not negative; a request at most its limit (cpu, memory
 * and other native resources), equal to it for the rest (hugepages, extended resources). Go ranges
 * over the maps in random order; here in key order.
 */
function validateResourceRequirements(r: Container['resources'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const parsed = (m: Record<string, unknown> | undefined, side: string) => {
    const out = new Map<string, Quantity>();
    for (const k of Object.keys(m ?? {}).sort()) {
      let q: Quantity;
      try {
        q = parseQuantity(String(m![k]));
      } catch {
        continue; // decoding already refused what does not parse
      }
      if (q.sign() < 0) errs.push(invalid(`${path}.${side}[${k}]`, q.toString(), 'must be greater than or equal to 0'));
      out.set(k, q);
    }
    return out;
  };
  const limits = parsed(r?.limits as Record<string, unknown> | undefined, 'limits');
  const requests = parsed(r?.requests as Record<string, unknown> | undefined, 'requests');
  for (const [name, q] of requests) {
    const lim = limits.get(name);
    if (!lim) continue;
    const native = !name.includes('/') || name.startsWith('kubernetes.io/');
    const overcommit = native && !name.startsWith('hugepages-');
    if (!overcommit && q.cmp(lim) !== 0) errs.push(invalid(`${path}.requests`, q.toString(), `must be equal to ${name} limit of ${lim.toString()}`));
    else if (q.cmp(lim) > 0) errs.push(invalid(`${path}.requests`, q.toString(), `must be less than or equal to ${name} limit of ${lim.toString()}`));
  }
  return errs;
}

export function validateTolerations(tols: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tols ?? []).forEach((t, i) => {
    const tp = `${path}[${i}]`;
    if (t.key) for (const m of isQualifiedName(t.key)) errs.push(invalid(`${tp}.key`, t.key, m));
    if (!t.key && t.operator !== 'Exists') errs.push(invalid(`${tp}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') errs.push(invalid(`${tp}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    switch (t.operator ?? '') {
      case '':
      case 'Equal':
        for (const m of isValidLabelValue(t.value ?? '')) errs.push(invalid(`${tp}.operator`, t.value ?? '', m));
        break;
      case 'Exists':
        if (t.value) errs.push(invalid(`${tp}.operator`, t, 'value must be empty when `operator` is \'Exists\''));
        break;
      default:
        errs.push(notSupported(`${tp}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.effect) errs.push(...validateTaintEffect(t.effect, `${tp}.effect`));
  });
  return errs;
}

export function validateTaintEffect(effect: string, path: string): FieldError[] {
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(path, effect, TAINT_EFFECTS)];
}

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec) return [required(path)];
  const names = new Set<string>();
  if (!spec.containers || spec.containers.length === 0) errs.push(required(`${path}.containers`));
  (spec.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, names, true)));
  (spec.containers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `${path}.containers[${i}]`, names, false, c.restartPolicy)));
  if (spec.restartPolicy && !RESTART_POLICIES.includes(spec.restartPolicy)) errs.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  if (spec.dnsPolicy && !DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(invalid(`${path}.nodeSelector`, k, m));
    for (const m of isValidLabelValue(String(v))) errs.push(invalid(`${path}.nodeSelector`, v, m));
  }
  // ValidatePodSpec: ValidateServiceAccountName is NameIsDNSSubdomain (pkg/apis/core/validation/validation.go).
  if (spec.serviceAccountName) for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  const volNames = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => {
    if (!v.name) errs.push(required(`${path}.volumes[${i}].name`));
    else if (volNames.has(v.name)) errs.push(duplicate(`${path}.volumes[${i}].name`, v.name));
    volNames.add(v.name);
  });
  [...(spec.initContainers ?? []), ...(spec.containers ?? [])].forEach((c) => {
    const base = (spec.initContainers ?? []).includes(c) ? `${path}.initContainers[${(spec.initContainers ?? []).indexOf(c)}]` : `${path}.containers[${(spec.containers ?? []).indexOf(c)}]`;
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (!m.name) errs.push(required(`${base}.volumeMounts[${j}].name`));
      else if (!volNames.has(m.name)) errs.push({ type: 'FieldValueNotFound', field: `${base}.volumeMounts[${j}].name`, value: m.name, detail: '' });
      if (!m.mountPath) errs.push(required(`${base}.volumeMounts[${j}].mountPath`));
    });
  });
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  return errs;
}

export function validatePod(obj: KubeObject): FieldError[] {
  return validatePodSpec(obj.spec as PodSpec, 'spec');
}

/** Template of a workload: pod spec + labels; the selector match is checked by the caller. */
export function validatePodTemplate(template: Obj | undefined, path: string, restartAlways = true): FieldError[] {
  if (!template) return [required(path)];
  const errs = validatePodSpec(template.spec as PodSpec, `${path}.spec`);
  const rp = (template.spec as PodSpec | undefined)?.restartPolicy;
  if (restartAlways && rp && rp !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, rp, ['Always']));
  return errs;
}
