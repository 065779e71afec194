import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base64Error, decodeDefinition, decodeRequestBody } from './decode.ts';
import { parseJSON } from './json.ts';

// Sources of the expected strings:
//  [strict]  sigs.k8s.io/json internal/golang/encoding/json/kubernetes_patch.go (newFieldError,
//            appendStrictFieldStackKey/Index) and decode.go (object(): unknown/duplicate field);
//            apimachinery pkg/runtime/error.go (`strict decoding error: ` + ", "-joined);
//            apiserver pkg/endpoints/handlers/rest.go transformDecodeError
//            (`%s in version %q cannot be handled as a %s: %v`); shared/reference/k8s-fidelity.md §3.2.
//  [gojson]  encoding/json UnmarshalTypeError.Error(): `json: cannot unmarshal <Value> into Go struct
//            field <Struct>.<Field> of type <Type>`; sigs.k8s.io/json decode.go addErrorContext /
//            literalStore (`number <literal>` for integer targets).
//  [tr]      real transcripts found in the search index (quoted in the case names).
//  [qty]     apimachinery pkg/api/resource/quantity.go ErrFormatWrong.

const pod = (spec: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' }, spec });
const deploy = (spec: unknown) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });

const cases: { name: string; apiVersion: string; kind: string; body: unknown; want: string | undefined }[] = [
  {
    name: "notes' typo cotainerPort [strict; k8s-fidelity §3.2 transcript]",
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'nginx', image: 'nginx', ports: [{ cotainerPort: 80 }] }] }),
    want: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].ports[0].cotainerPort"',
  },
  {
    name: 'two unknown fields, comma-joined in document order [strict; §3.2 `spec.containers[0].limits`, `…requests`]',
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'a', image: 'nginx', limits: { cpu: '1' }, requests: { cpu: '1' } }] }),
    want: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].limits", unknown field "spec.containers[0].requests"',
  },
  {
    name: 'Service nodePort as a string [gojson; tr: `Go struct field ServicePort.spec.ports.port of type int32`]',
    apiVersion: 'v1', kind: 'Service',
    body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: '30008' }] } },
    want: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.nodePort of type int32',
  },
  {
    name: 'Deployment replicas "3" [gojson; tr: helm `replicaCount=three` -> DeploymentSpec.spec.replicas of type int32]',
    apiVersion: 'apps/v1', kind: 'Deployment',
    body: deploy({ replicas: '3', selector: { matchLabels: { app: 'web' } } }),
    want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'ReplicationController pod spec nested under template.metadata [strict]',
    apiVersion: 'v1', kind: 'ReplicationController',
    body: {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'myapp-rc' },
      spec: { replicas: 3, template: { metadata: { name: 'myapp-pod', labels: { app: 'myapp' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } },
    },
    want: 'ReplicationController in version "v1" cannot be handled as a ReplicationController: strict decoding error: unknown field "spec.template.metadata.spec"',
  },
  {
    name: 'DaemonSet template nested under selector [strict]',
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    body: {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'agent' }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox' }] } } } },
    },
    want: 'DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.selector.template"',
  },
  {
    name: 'unknown top-level fields; nothing below an unknown field is reported [strict]',
    apiVersion: 'v1', kind: 'Pod',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, containers: [{ name: 'a', bogus: 1 }], replicas: 2 },
    want: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "containers", unknown field "replicas"',
  },
  {
    name: 'field names are case-sensitive [strict; apimachinery UnmarshalStrict uses CaseSensitive]',
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'a', image: 'nginx', ports: [{ ContainerPort: 80 }] }] }),
    want: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].ports[0].ContainerPort"',
  },
  {
    name: 'maps of Quantity (limits, overhead) decode',
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'a', image: 'nginx', resources: { limits: { cpu: '1' } } }], overhead: { cpu: '1' } }),
    want: undefined,
  },
  {
    name: 'containers written as a map [gojson; tr: `object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container`]',
    apiVersion: 'apps/v1', kind: 'Deployment',
    body: deploy({ selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: { name: 'nginx', image: 'nginx' } } } }),
    want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
  },
  {
    name: 'a list item that is a string [gojson; tr: `string into Go struct field Container.spec.template.spec.containers.ports of type v1.ContainerPort`]',
    apiVersion: 'apps/v1', kind: 'Deployment',
    body: deploy({ selector: {}, template: { spec: { containers: [{ name: 'n', image: 'nginx', ports: ['80'] }] } } }),
    want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.ports of type v1.ContainerPort',
  },
  {
    name: 'env value as a number [gojson; tr: `number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string`]',
    apiVersion: 'apps/v1', kind: 'Deployment',
    body: deploy({ selector: {}, template: { spec: { containers: [{ name: 'n', image: 'nginx', env: [{ name: 'PORT', value: 8080 }] }] } } }),
    want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
  },
  {
    name: 'ConfigMap data value that is an object [gojson; tr: `object into Go struct field ConfigMap.data of type string`]',
    apiVersion: 'v1', kind: 'ConfigMap',
    body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.conf': { port: 80 } } },
    want: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal object into Go struct field ConfigMap.data of type string',
  },
  {
    name: 'int32 overflow quotes the number [gojson literalStore: strconv.ParseInt + OverflowInt]',
    apiVersion: 'apps/v1', kind: 'Deployment',
    body: deploy({ replicas: 3000000000, selector: {} }),
    want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'a float into an int32 [gojson literalStore]',
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 1.5 }] }] }),
    want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
  },
  {
    name: 'int64 field accepts large integers',
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'a', image: 'nginx' }], activeDeadlineSeconds: 9007199254740991 }),
    want: undefined,
  },
  {
    name: 'a bad Quantity aborts with the quantity error [qty: ErrFormatWrong; Quantity.UnmarshalJSON]',
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'a', image: 'nginx', resources: { limits: { memory: '500MB' } } }] }),
    want: `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
  },
  {
    name: "an unknown Quantity suffix [qty: ErrSuffix \"unable to parse quantity's suffix\"]",
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'a', image: 'nginx', resources: { requests: { memory: '1mi' } } }] }),
    want: `Pod in version "v1" cannot be handled as a Pod: unable to parse quantity's suffix`,
  },
  {
    name: 'Quantity accepts numbers and strings',
    apiVersion: 'v1', kind: 'Pod',
    body: pod({ containers: [{ name: 'a', image: 'nginx', resources: { requests: { cpu: 0.5, memory: '64Mi' }, limits: { cpu: '500m', memory: 128e6 } } }] }),
    want: undefined,
  },
  {
    name: 'IntOrString accepts an int and a string',
    apiVersion: 'v1', kind: 'Service',
    body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 81, targetPort: 'http' }] } },
    want: undefined,
  },
  {
    name: 'IntOrString rejects a float with its int32 error plus the field context [intstr UnmarshalJSON -> json.Unmarshal(&IntVal); addErrorContext]',
    apiVersion: 'v1', kind: 'Service',
    body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 1.5 }] } },
    want: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.targetPort of type int32',
  },
  {
    name: 'a type error hides the strict errors [apimachinery json.go unmarshal: UnmarshalStrict returns err first]',
    apiVersion: 'apps/v1', kind: 'Deployment',
    body: { ...deploy({ replicas: '3', selector: {} }), bogus: true },
    want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'only the first type error is kept [gojson saveError]',
    apiVersion: 'v1', kind: 'Service',
    body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: '80', nodePort: '30008' }] } },
    want: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
  },
  {
    name: 'an object where a struct is expected, at the top [gojson]',
    apiVersion: 'v1', kind: 'Pod',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: [] },
    want: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec',
  },
  {
    name: 'Secret data that is not base64 [encoding/base64 CorruptInputError, saved without context]',
    apiVersion: 'v1', kind: 'Secret',
    body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'hello world' } },
    want: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 5',
  },
  {
    name: 'null is accepted everywhere',
    apiVersion: 'v1', kind: 'Pod',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', labels: null, creationTimestamp: null }, spec: { containers: [{ name: 'a', image: 'nginx', resources: null }] } },
    want: undefined,
  },
  {
    name: 'a correct Deployment decodes',
    apiVersion: 'apps/v1', kind: 'Deployment',
    body: deploy({
      replicas: 3, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
    }),
    want: undefined,
  },
];

for (const c of cases) {
  test(`decodeRequestBody: ${c.name}`, () => {
    const r = decodeRequestBody(c.apiVersion, c.kind, c.body);
    assert.equal(r.error, c.want);
  });
}

test('decodeRequestBody: v1.35 has spec.workloadRef (overlay) and not the v1.36 schedulingGroup', () => {
  const ok = decodeRequestBody('v1', 'Pod', pod({ containers: [{ name: 'a', image: 'nginx' }], workloadRef: { name: 'w', podGroup: 'g' } }));
  assert.equal(ok.error, undefined);
  const bad = decodeRequestBody('v1', 'Pod', pod({ containers: [{ name: 'a', image: 'nginx' }], schedulingGroup: {} }));
  assert.equal(bad.error, 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.schedulingGroup"');
});

test('decodeRequestBody: fieldValidation Warn returns the strict errors as warnings, Ignore drops them', () => {
  const body = pod({ containers: [{ name: 'a', image: 'nginx', cotainerPort: 80 }] });
  assert.deepEqual(decodeRequestBody('v1', 'Pod', body, 'Warn'), { warnings: ['unknown field "spec.containers[0].cotainerPort"'] });
  assert.deepEqual(decodeRequestBody('v1', 'Pod', body, 'Ignore'), { warnings: [] });
});

test('decodeRequestBody: duplicate fields from raw JSON [strict: checkDuplicateField]', () => {
  const text = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","name":"b","labels":{"x":"1","x":"2"}},' +
    '"spec":{"containers":[{"name":"c","image":"nginx"}],"bogus":1,"bogus":2}}';
  const r = decodeRequestBody('v1', 'Pod', parseJSON(text));
  assert.equal(r.error, 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: ' +
    'duplicate field "metadata.name", duplicate field "metadata.labels.x", unknown field "spec.bogus"');
});

test('decodeRequestBody: integer literals are checked as written (1.0 is not an int for Go)', () => {
  const r = decodeRequestBody('apps/v1', 'Deployment', parseJSON('{"spec":{"replicas":1.0,"selector":{}}}'));
  assert.equal(r.error, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.0 into Go struct field DeploymentSpec.spec.replicas of type int32');
  const e = decodeRequestBody('apps/v1', 'Deployment', parseJSON('{"spec":{"replicas":1e3,"selector":{}}}'));
  assert.match(e.error!, /cannot unmarshal number 1e3 into Go struct field DeploymentSpec\.spec\.replicas of type int32$/);
});

test('decodeRequestBody: named Go types in messages (v1.ResourceList, v1.RestartPolicy)', () => {
  const r = decodeRequestBody('v1', 'Pod', pod({ containers: [{ name: 'a', image: 'nginx', resources: { limits: '1' } }] }));
  assert.equal(r.error, 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList');
  const p = decodeRequestBody('v1', 'Pod', pod({ containers: [], restartPolicy: 1 }));
  assert.equal(p.error, 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy');
});

test('decodeRequestBody: metav1.Time must be an RFC3339 string', () => {
  const r = decodeRequestBody('v1', 'Pod', { metadata: { name: 'x', creationTimestamp: 5 } });
  assert.equal(r.error, 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string');
  assert.equal(decodeRequestBody('v1', 'Pod', { metadata: { name: 'x', creationTimestamp: '2026-01-02T03:04:05Z' } }).error, undefined);
});

test('decodeDefinition: every modelled kind and metav1 type has a definition', () => {
  for (const id of [
    'io.k8s.api.core.v1.Binding', 'io.k8s.api.core.v1.Node', 'io.k8s.api.core.v1.Namespace', 'io.k8s.api.core.v1.Endpoints',
    'io.k8s.api.core.v1.ResourceQuota', 'io.k8s.api.core.v1.LimitRange', 'io.k8s.api.core.v1.ServiceAccount', 'io.k8s.api.core.v1.Event',
    'io.k8s.api.core.v1.PersistentVolume', 'io.k8s.api.core.v1.PersistentVolumeClaim', 'io.k8s.api.apps.v1.ReplicaSet',
    'io.k8s.api.apps.v1.StatefulSet', 'io.k8s.api.discovery.v1.EndpointSlice', 'io.k8s.api.events.v1.Event', 'io.k8s.api.batch.v1.Job',
    'io.k8s.api.batch.v1.CronJob', 'io.k8s.api.policy.v1.Eviction', 'io.k8s.api.scheduling.v1.PriorityClass', 'io.k8s.api.rbac.v1.Role',
    'io.k8s.api.rbac.v1.RoleBinding', 'io.k8s.api.rbac.v1.ClusterRole', 'io.k8s.api.rbac.v1.ClusterRoleBinding',
    'io.k8s.api.coordination.v1.Lease', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  ]) {
    assert.deepEqual(decodeDefinition(id, { apiVersion: 'x', kind: 'y' }), { strictErrors: [] }, id);
  }
});

test('base64Error follows encoding/base64 CorruptInputError offsets', () => {
  const cases: [string, string | undefined][] = [
    ['aGVsbG8=', undefined],
    ['aGVsbG8', 'illegal base64 data at input byte 4'],
    ['abc', 'illegal base64 data at input byte 0'],
    ['ab!d', 'illegal base64 data at input byte 2'],
    ['aGVs\nbG8=', undefined],
    ['', undefined],
  ];
  for (const [s, want] of cases) assert.equal(base64Error(s), want, JSON.stringify(s));
});
