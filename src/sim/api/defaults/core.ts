/**
 * Defaults of core/v1 objects, as pkg/apis/core/v1/defaults.go (SetDefaults_*) applies them on decode.
 * What a user sees in `kubectl get -o yaml` after creating an object comes from here plus admission.
 */
import type { Container, HTTPGetAction, PodSpec, Probe, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object.ts';

type Obj = Record<string, unknown>;

/** SetDefaults_Container: imagePullPolicy from the tag; termination message settings; port protocol. */
export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy && c.image !== undefined) {
    c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  for (const h of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (h?.httpGet) defaultHTTPGet(h.httpGet);
  for (const e of c.env ?? []) {
    const fr = e.valueFrom?.fieldRef;
    if (fr) fr.apiVersion ??= 'v1';
  }
}

/** SetDefaults_Probe (timeout 1s, period 10s, success 1, failure 3) and SetDefaults_HTTPGetAction. */
function defaultProbe(p: Probe): void {
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (p.httpGet) defaultHTTPGet(p.httpGet);
}

function defaultHTTPGet(h: HTTPGetAction): void {
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

/** The tag of an image reference, "latest" when none is given ("nginx" → latest, "nginx:1.27" → 1.27). */
export function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : 'latest';
}

export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v as unknown as Obj);
  // serviceAccount is the deprecated alias that the API keeps in sync.
  if (spec.serviceAccountName && !spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
}

function defaultVolume(v: Obj): void {
  if (v.secret && typeof v.secret === 'object') ((v.secret as Obj).defaultMode ??= 420);
  if (v.configMap && typeof v.configMap === 'object') ((v.configMap as Obj).defaultMode ??= 420);
  if (v.projected && typeof v.projected === 'object') ((v.projected as Obj).defaultMode ??= 420);
  if (v.hostPath && typeof v.hostPath === 'object') ((v.hostPath as Obj).type ??= '');
  if (v.downwardAPI && typeof v.downwardAPI === 'object') ((v.downwardAPI as Obj).defaultMode ??= 420);
  const known = ['name', 'hostPath', 'emptyDir', 'secret', 'configMap', 'projected', 'persistentVolumeClaim', 'downwardAPI', 'nfs', 'csi', 'ephemeral', 'image'];
  if (!Object.keys(v).some((k) => k !== 'name' && known.includes(k))) v.emptyDir = {};
}

export function defaultPod(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as PodSpec;
  defaultPodSpec(spec);
  // SetDefaults_Pod: requests default to limits when only limits are given, per container — "only on
  // a v1.Pod and not a v1.PodTemplate" (pkg/apis/core/v1/defaults.go), so a Deployment's template
  // keeps limits alone and its pods get the requests.
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const res = (c.resources ??= {});
    if (!res.limits) continue;
    res.requests ??= {};
    for (const [k, v] of Object.entries(res.limits)) if (res.requests[k] === undefined) res.requests[k] = v;
  }
  // Also only on a Pod: a default added to SetDefaults_PodSpec would change every workload's template
  // and so its pod-template-hash (kubernetes#69445).
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (p.hostPort === undefined && p.containerPort !== undefined) p.hostPort = p.containerPort;
    }
  }
}

/** A pod template inside a workload gets the same pod defaults. */
export function defaultPodTemplate(template: Obj | undefined): void {
  if (!template) return;
  template.metadata ??= {};
  defaultPodSpec((template.spec ??= {}) as PodSpec);
}

export function defaultService(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.type !== 'ExternalName') {
    spec.internalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  }
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  for (const p of (spec.ports ?? []) as ServicePort[]) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined) p.targetPort = p.port;
  }
}

export function defaultNamespace(obj: KubeObject): void {
  obj.spec ??= {};
  const spec = obj.spec as Obj;
  spec.finalizers ??= ['kubernetes'];
  const labels = (obj.metadata.labels ??= {});
  // The NamespaceDefaultLabelName feature (GA): every namespace carries its own name as a label.
  if (obj.metadata.name) labels['kubernetes.io/metadata.name'] = obj.metadata.name;
}

export function defaultSecret(obj: KubeObject): void {
  obj.type ??= 'Opaque';
}

export function defaultReplicationController(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  const template = spec.template as Obj | undefined;
  const tlabels = (template?.metadata as Obj | undefined)?.labels as Record<string, string> | undefined;
  // SetDefaults_ReplicationController: selector and labels default to the template's labels.
  if (tlabels) {
    if (!spec.selector || Object.keys(spec.selector as Obj).length === 0) spec.selector = { ...tlabels };
    if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) obj.metadata.labels = { ...tlabels };
  }
  spec.replicas ??= 1;
  defaultPodTemplate(template);
}

export function defaultLimitRange(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as { limits?: { type?: string; max?: Record<string, string>; default?: Record<string, string>; defaultRequest?: Record<string, string> }[] };
  for (const l of spec.limits ?? []) {
    if (l.type !== 'Container') continue;
    // SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default.
    if (l.max) {
      l.default ??= {};
      for (const [k, v] of Object.entries(l.max)) l.default[k] ??= v;
    }
    if (l.default) {
      l.defaultRequest ??= {};
      for (const [k, v] of Object.entries(l.default)) l.defaultRequest[k] ??= v;
    }
  }
}
