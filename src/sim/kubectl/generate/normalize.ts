// After `--overrides`, kubectl decodes the patched JSON back into the typed object
// (runtime.Decode with kubectl's scheme, no defaulting) and prints that: fields come out in Go
// struct order, maps sorted, empty structs such as `resources: {}` and `status: {}` present.
// This reproduces that for the Pod and Service fields kubectl run/expose produce; members this
// table does not know keep their place after the known ones.

import { goMap, type Obj } from './common.ts';

type Shape = { order: string[]; children?: Record<string, Shape | 'map' | Shape[]>; always?: Record<string, () => unknown> };

const OBJECT_META: Shape = {
  order: [
    'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
    'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
  ],
  children: { labels: 'map', annotations: 'map' },
};

const CONTAINER: Shape = {
  order: [
    'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy',
    'restartPolicyRules', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle',
    'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty',
  ],
  children: {
    ports: [{ order: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'] }],
    env: [{ order: ['name', 'value', 'valueFrom'] }],
    resources: { order: ['limits', 'requests', 'claims'], children: { limits: 'map', requests: 'map' } },
  },
  always: { resources: () => ({}) },
};

const POD_SPEC: Shape = {
  order: [
    'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
    'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken',
    'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname',
    'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig',
    'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
    'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
  ],
  children: {
    containers: [CONTAINER],
    initContainers: [CONTAINER],
    nodeSelector: 'map',
    tolerations: [{ order: ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] }],
  },
};

const POD: Shape = {
  order: ['kind', 'apiVersion', 'metadata', 'spec', 'status'],
  children: { metadata: OBJECT_META, spec: POD_SPEC },
  always: { status: () => ({}) },
};

const SERVICE: Shape = {
  order: ['kind', 'apiVersion', 'metadata', 'spec', 'status'],
  children: {
    metadata: OBJECT_META,
    spec: {
      order: [
        'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP',
        'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses',
        'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass',
        'internalTrafficPolicy', 'trafficDistribution',
      ],
      children: {
        ports: [{ order: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'] }],
        selector: 'map',
      },
    },
  },
  always: { status: () => ({ loadBalancer: {} }) },
};

function apply(v: unknown, shape: Shape | 'map' | Shape[]): unknown {
  if (shape === 'map') return v && typeof v === 'object' && !Array.isArray(v) ? goMap(v as Record<string, unknown>) : v;
  if (Array.isArray(shape)) return Array.isArray(v) ? v.map((x) => apply(x, shape[0])) : v;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const src = v as Obj;
  const out: Obj = {};
  for (const k of shape.order) {
    let x = src[k];
    if (x === undefined && shape.always?.[k]) x = shape.always[k]();
    if (x === undefined || x === null) continue;
    const child = shape.children?.[k];
    out[k] = child ? apply(x, child) : x;
  }
  for (const k of Object.keys(src)) if (!(k in out) && !shape.order.includes(k) && src[k] !== null) out[k] = src[k];
  return out;
}

/** The typed round trip kubectl applies to a Pod or Service after --overrides. */
export function normalizeTyped(obj: Obj): Obj {
  if (obj.kind === 'Pod') return apply(obj, POD) as Obj;
  if (obj.kind === 'Service') return apply(obj, SERVICE) as Obj;
  return obj;
}
