/**
 * Describers against the expected output of k8s.io/kubectl/pkg/describe/describe_test.go
 * (TestDescribeService, TestDescribePodVolumes, TestDescribeEndpointSlice, TestDescribeServiceAccount,
 * TestDescribeNode, TestDescribeNodeWithSidecar, TestDescribeDeployment, TestDescribeJob,
 * TestDescribePodTolerations, TestDescribeSecret, TestDescribeConfigMap, …), with the v1.35 changes
 * noted where a case differs: sorted Secret/ConfigMap keys (PRs #130309, #131500), the Namespace
 * line of DaemonSets, and event messages led by the involved object's fieldPath (PR #133627).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object.ts';
import { fixtureClient } from './client.ts';
import { describerFor, DEFAULT_SETTINGS } from './describe.ts';
import { resourceInfo } from './client.ts';
import { camelcaseSplit, smartLabelFor } from './generic.ts';
import { breakdownRule, combineResourceGroup, compactRules } from './rbac.ts';

const NOW = Date.UTC(2026, 0, 15, 10, 0, 0);
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');

type Obj = Record<string, unknown>;

function obj(apiVersion: string, kind: string, metadata: Obj, rest: Obj = {}): KubeObject {
  return { apiVersion, kind, metadata, ...rest } as KubeObject;
}

function describe(objects: KubeObject[], resource: string, group: string, ns: string, name: string, showEvents = true): string {
  const client = fixtureClient(objects, NOW);
  return describerFor(resourceInfo(resource, group))(client, ns, name, { ...DEFAULT_SETTINGS, showEvents });
}

function slice(name: string, eps: Obj[], ports: Obj[]): KubeObject {
  return obj('discovery.k8s.io/v1', 'EndpointSlice', { name, namespace: 'foo', labels: { 'kubernetes.io/service-name': 'bar' } }, { addressType: 'IPv4', endpoints: eps, ports });
}

const lbSpec = (extra: Obj = {}): Obj => ({
  type: 'LoadBalancer',
  ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 9527, nodePort: 31111 }],
  selector: { blah: 'heh' },
  clusterIP: '1.2.3.4',
  ipFamilies: ['IPv4'],
  loadBalancerIP: '5.6.7.8',
  sessionAffinity: 'None',
  externalTrafficPolicy: 'Local',
  healthCheckNodePort: 32222,
  ...extra,
});

const SERVICE_CASES: { name: string; objects: KubeObject[]; expected: string }[] = [
  {
    name: 'test1',
    objects: [
      obj('v1', 'Service', { name: 'bar', namespace: 'foo' }, { spec: lbSpec({ internalTrafficPolicy: 'Cluster', trafficDistribution: 'PreferClose' }), status: { loadBalancer: { ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }] } } }),
      slice('bar-abcde', [1, 2, 3].map((i) => ({ addresses: [`10.244.0.${i}`], conditions: { ready: true } })), [{ name: 'port-tcp', port: 9527, protocol: 'TCP' }]),
    ],
    expected: `Name:                     bar
Namespace:                foo
Labels:                   <none>
Annotations:              <none>
Selector:                 blah=heh
Type:                     LoadBalancer
IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      <none>
Desired LoadBalancer IP:  5.6.7.8
LoadBalancer Ingress:     5.6.7.8 (VIP)
Port:                     port-tcp  8080/TCP
TargetPort:               9527/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Cluster
HealthCheck NodePort:     32222
Traffic Distribution:     PreferClose
Events:                   <none>
`,
  },
  {
    name: 'test2 (named target port, not-ready endpoints, + N more)',
    objects: [
      obj('v1', 'Service', { name: 'bar', namespace: 'foo' }, { spec: lbSpec({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }], internalTrafficPolicy: 'Local' }), status: { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } } }),
      slice('bar-12345', [1, 2].map((i) => ({ addresses: [`10.244.0.${i}`], conditions: { ready: true } })), [{ name: 'port-tcp', port: 9527, protocol: 'UDP' }]),
      slice('bar-54321', [
        { addresses: ['10.244.0.3'], conditions: { ready: false } },
        { addresses: ['10.244.0.4'], conditions: { ready: true } },
        { addresses: ['10.244.0.5'], conditions: { ready: true } },
      ], [{ name: 'port-tcp', port: 9527, protocol: 'UDP' }]),
    ],
    expected: `Name:                     bar
Namespace:                foo
Labels:                   <none>
Annotations:              <none>
Selector:                 blah=heh
Type:                     LoadBalancer
IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      <none>
Desired LoadBalancer IP:  5.6.7.8
LoadBalancer Ingress:     5.6.7.8
Port:                     port-tcp  8080/TCP
TargetPort:               targetPort/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Local
HealthCheck NodePort:     32222
Events:                   <none>
`,
  },
  {
    name: 'test-ready-field-empty',
    objects: [
      obj('v1', 'Service', { name: 'bar', namespace: 'foo' }, { spec: lbSpec({ internalTrafficPolicy: 'Cluster' }) }),
      slice('bar-abcdef', [{ addresses: ['10.244.0.1'] }], [{ name: 'port-tcp', port: 9527, protocol: 'TCP' }]),
    ],
    expected: `Name:                     bar
Namespace:                foo
Labels:                   <none>
Annotations:              <none>
Selector:                 blah=heh
Type:                     LoadBalancer
IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      <none>
Desired LoadBalancer IP:  5.6.7.8
Port:                     port-tcp  8080/TCP
TargetPort:               9527/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                10.244.0.1:9527
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Cluster
HealthCheck NodePort:     32222
Events:                   <none>
`,
  },
  {
    name: 'test-ServiceIPFamilyPolicy+ClusterIPs (no endpoint slices)',
    objects: [obj('v1', 'Service', { name: 'bar', namespace: 'foo' }, { spec: lbSpec({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }], ipFamilyPolicy: 'SingleStack', clusterIPs: ['1.2.3.4'] }) })],
    expected: `Name:                     bar
Namespace:                foo
Labels:                   <none>
Annotations:              <none>
Selector:                 blah=heh
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      1.2.3.4
Desired LoadBalancer IP:  5.6.7.8
Port:                     port-tcp  8080/TCP
TargetPort:               targetPort/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                <none>
Session Affinity:         None
External Traffic Policy:  Local
HealthCheck NodePort:     32222
Events:                   <none>
`,
  },
];

for (const c of SERVICE_CASES) {
  test(`describe service: ${c.name}`, () => {
    assert.equal(describe(c.objects, 'services', '', 'foo', 'bar'), c.expected);
  });
}

test('describe pod: image volume, empty status (TestDescribePodVolumes)', () => {
  const pod = obj('v1', 'Pod', { name: 'bar', namespace: 'foo' }, { spec: { volumes: [{ name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } }] } });
  assert.equal(
    describe([pod], 'pods', '', 'foo', 'bar'),
    `Name:         bar
Namespace:    foo
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       
IP:           
IPs:          <none>
Containers: <none>
Volumes:
  image:
    Type:        Image (a container image or OCI artifact)
    Reference:   image
    PullPolicy:  IfNotPresent
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`,
  );
});

test('describe pod: tolerations (TestDescribePodTolerations)', () => {
  const pod = obj('v1', 'Pod', { name: 'bar', namespace: 'foo' }, {
    spec: {
      tolerations: [
        { operator: 'Exists' },
        { effect: 'NoSchedule', operator: 'Exists' },
        { key: 'key0', operator: 'Exists' },
        { key: 'key1', value: 'value1' },
        { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
        { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
      ],
    },
  });
  const out = describe([pod], 'pods', '', 'foo', 'bar', false);
  for (const s of ['  op=Exists\n', ':NoSchedule op=Exists\n', 'key0 op=Exists\n', 'key1=value1\n', 'key2=value2:NoSchedule\n', 'key3=value3:NoExecute for 300s\n', 'key4:NoExecute for 60s\n', 'Tolerations:']) {
    assert.ok(out.includes(s), `missing ${JSON.stringify(s)} in\n${out}`);
  }
  assert.ok(!out.includes('Events:'), '--show-events=false prints no Events section');
});

test('describe pod: containers, env forms, mounts, conditions, events with fieldPath', () => {
  const pod = obj('v1', 'Pod', { name: 'web', namespace: 'default', uid: 'u1', labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } }, {
    spec: {
      nodeName: 'node01',
      serviceAccountName: 'default',
      priority: 0,
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: { limits: { cpu: '0.5', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
          readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          env: [
            { name: 'PLAIN', value: 'a\nb' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
            { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
            { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'color', optional: true } } },
          ],
          envFrom: [{ configMapRef: { name: 'cfg' } }],
          volumeMounts: [
            { name: 'data', mountPath: '/var/www', subPath: 'site' },
            { name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
          ],
        },
      ],
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'kube-api-access-abcde', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }, { downwardAPI: {} }] } },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '172.30.2.2',
      podIP: '10.244.1.2',
      podIPs: [{ ip: '10.244.1.2' }],
      startTime: '2026-01-15T09:15:00Z',
      qosClass: 'Burstable',
      conditions: [
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'True' },
      ],
      containerStatuses: [{ name: 'nginx', ready: true, restartCount: 1, containerID: 'containerd://abc', imageID: 'docker.io/library/nginx@sha256:1', state: { running: { startedAt: '2026-01-15T09:15:05Z' } }, lastState: { terminated: { exitCode: 137, reason: 'Error', startedAt: '2026-01-15T09:15:01Z', finishedAt: '2026-01-15T09:15:04Z' } } }],
    },
  });
  const ev = (name: string, reason: string, message: string, last: string, count = 1, fieldPath?: string) =>
    obj('v1', 'Event', { name, namespace: 'default' }, { involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1', ...(fieldPath ? { fieldPath } : {}) }, reason, message, type: 'Normal', source: { component: reason === 'Scheduled' ? 'default-scheduler' : 'kubelet', host: 'node01' }, firstTimestamp: ago(45 * 60_000), lastTimestamp: last, count });
  const events = [
    ev('web.1', 'Scheduled', 'Successfully assigned default/web to node01', ago(45 * 60_000)),
    ev('web.2', 'Pulled', 'Container image "nginx" already present on machine', ago(44 * 60_000), 2, 'spec.containers{nginx}'),
    // another pod's event with the same name but another uid is not this pod's
    obj('v1', 'Event', { name: 'web.3', namespace: 'default' }, { involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'old' }, reason: 'Killing', message: 'x', type: 'Normal', source: { component: 'kubelet' }, firstTimestamp: ago(1000), lastTimestamp: ago(1000), count: 1 }),
  ];
  const out = describe([pod, ...events], 'pods', '', 'default', 'web');
  assert.equal(
    out,
    `Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             node01/172.30.2.2
Start Time:       Thu, 15 Jan 2026 09:15:00 +0000
Labels:           app=web
Annotations:      <none>
Status:           Running
IP:               10.244.1.2
IPs:
  IP:  10.244.1.2
Containers:
  nginx:
    Container ID:   containerd://abc
    Image:          nginx
    Image ID:       docker.io/library/nginx@sha256:1
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 15 Jan 2026 09:15:05 +0000
    Last State:     Terminated
      Reason:       Error
      Exit Code:    137
      Started:      Thu, 15 Jan 2026 09:15:01 +0000
      Finished:     Thu, 15 Jan 2026 09:15:04 +0000
    Ready:          True
    Restart Count:  1
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:      250m
      memory:   64Mi
    Readiness:  http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment Variables from:
      cfg  ConfigMap  Optional: false
    Environment:
      PLAIN:      a
                  b
      POD_NAME:   web (v1:metadata.name)
      NODE:        (v1:spec.nodeName)
      CPU_LIMIT:  500 (limits.cpu)
      PASSWORD:   <set to the key 'password' in secret 'db'>    Optional: false
      COLOR:      <set to the key 'color' of config map 'cfg'>  Optional: true
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-abcde (ro)
      /var/www from data (rw,path="site")
Conditions:
  Type          Status
  Initialized   True 
  Ready         True 
Volumes:
  data:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  kube-api-access-abcde:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age                From               Message
  ----    ------     ----               ----               -------
  Normal  Scheduled  45m                default-scheduler  Successfully assigned default/web to node01
  Normal  Pulled     44m (x2 over 45m)  kubelet            spec.containers{nginx}: Container image "nginx" already present on machine
`,
  );
});

test('describe pod: a mirror pod finds the events of its static pod (config hash as uid)', () => {
  const pod = obj('v1', 'Pod', { name: 'etcd-cp', namespace: 'kube-system', uid: 'mirror-uid', annotations: { 'kubernetes.io/config.mirror': 'hash1' } }, { spec: { containers: [] }, status: { phase: 'Running' } });
  const ev = obj('v1', 'Event', { name: 'e', namespace: 'kube-system' }, { involvedObject: { kind: 'Pod', name: 'etcd-cp', namespace: 'kube-system', uid: 'hash1' }, reason: 'Started', message: 'Started container etcd', type: 'Normal', source: { component: 'kubelet' }, firstTimestamp: ago(60_000), lastTimestamp: ago(60_000), count: 1 });
  assert.ok(describe([pod, ev], 'pods', '', 'kube-system', 'etcd-cp').includes('Normal  Started  60s   kubelet  Started container etcd\n'));
});

test('describe endpointslice (TestDescribeEndpointSlice v1)', () => {
  const eps = obj('discovery.k8s.io/v1', 'EndpointSlice', { name: 'foo.123', namespace: 'bar' }, {
    addressType: 'IPv4',
    endpoints: [
      { addresses: ['1.2.3.4', '1.2.3.5'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'test-123' }, zone: 'us-central1-a', nodeName: 'node-1' },
      { addresses: ['1.2.3.6', '1.2.3.7'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'test-124' }, nodeName: 'node-2' },
    ],
    ports: [{ protocol: 'TCP', port: 80 }],
  });
  assert.equal(
    describe([eps], 'endpointslices', 'discovery.k8s.io', 'bar', 'foo.123'),
    `Name:         foo.123
Namespace:    bar
Labels:       <none>
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  1.2.3.4, 1.2.3.5
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/test-123
    NodeName:   node-1
    Zone:       us-central1-a
  - Addresses:  1.2.3.6, 1.2.3.7
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/test-124
    NodeName:   node-2
    Zone:       <unset>
Events:         <none>
`,
  );
});

test('describe serviceaccount (TestDescribeServiceAccount)', () => {
  const sa = obj('v1', 'ServiceAccount', { name: 'bar', namespace: 'foo' }, { secrets: [{ name: 'test-objectref' }], imagePullSecrets: [{ name: 'test-local-ref' }] });
  assert.equal(
    describe([sa], 'serviceaccounts', '', 'foo', 'bar'),
    `Name:                bar
Namespace:           foo
Labels:              <none>
Annotations:         <none>
Image pull secrets:  test-local-ref (not found)
Mountable secrets:   test-objectref (not found)
Tokens:              <none>
Events:              <none>
`,
  );
});

function nodeFixture(initContainers: Obj[] = []): KubeObject[] {
  return [
    obj('v1', 'Node', { name: 'bar', uid: 'uid' }, { spec: { unschedulable: true }, status: { capacity: { 'hugepages-2Mi': '4Gi', cpu: '8', memory: '24Gi', 'hugepages-1Gi': '0' }, allocatable: { 'hugepages-2Mi': '2Gi', cpu: '4', memory: '12Gi', 'hugepages-1Gi': '0' } } }),
    obj('coordination.k8s.io/v1', 'Lease', { name: 'bar', namespace: 'kube-node-lease' }, { spec: { holderIdentity: 'holder', acquireTime: ago(3600_000), renewTime: ago(0) } }),
    obj('v1', 'Pod', { name: 'pod-with-resources', namespace: 'foo' }, {
      spec: {
        nodeName: 'bar',
        initContainers,
        containers: [
          { name: 'cpu-mem', image: 'image:latest', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } } },
          { name: 'hugepages', image: 'image:latest', resources: { requests: { 'hugepages-2Mi': '512Mi' }, limits: { 'hugepages-2Mi': '512Mi' } } },
        ],
      },
      status: { phase: 'Running' },
    }),
    obj('v1', 'Event', { name: 'event-1', namespace: 'default' }, { involvedObject: { kind: 'Node', name: 'bar', uid: 'bar' }, message: 'Node bar status is now: NodeHasNoDiskPressure', firstTimestamp: '2014-01-15T00:00:00Z', lastTimestamp: '2014-01-15T00:00:00Z', count: 1, type: 'Normal' }),
    obj('v1', 'Event', { name: 'event-2', namespace: 'default' }, { involvedObject: { kind: 'Node', name: 'bar', uid: 'uid' }, message: 'Node bar status is now: NodeReady', firstTimestamp: '2014-01-15T00:00:00Z', lastTimestamp: '2014-01-15T00:00:00Z', count: 2, type: 'Normal' }),
  ];
}

test('describe node: allocated resources, lease, events by uid and by name (TestDescribeNode)', () => {
  const out = describe(nodeFixture(), 'nodes', '', '', 'bar');
  for (const s of [
    'Unschedulable:      true',
    'HolderIdentity:  holder',
    `Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                1 (25%)      2 (50%)
  memory             1Gi (8%)     2Gi (16%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-1Gi      0 (0%)       0 (0%)
  hugepages-2Mi      512Mi (25%)  512Mi (25%)`,
    'Node bar status is now: NodeHasNoDiskPressure',
    'Node bar status is now: NodeReady',
    '  foo                         pod-with-resources    1 (25%)       2 (50%)     1Gi (8%)         2Gi (16%)      ',
  ]) {
    assert.ok(out.includes(s), `missing ${JSON.stringify(s)} in\n${out}`);
  }
});

test('describe node: sidecars add to the requests (TestDescribeNodeWithSidecar)', () => {
  const out = describe(nodeFixture([{ name: 'init-container-1', restartPolicy: 'Always', resources: { requests: { cpu: '1', memory: '1Gi' } } }, { name: 'init-container-2', resources: { requests: { cpu: '1', memory: '1Gi' } } }]), 'nodes', '', '', 'bar');
  assert.ok(out.includes('  cpu                2 (50%)      2 (50%)\n  memory             2Gi (16%)    2Gi (16%)\n'), out);
});

function deploymentFixture(): KubeObject[] {
  const labels = { 'k8s-app': 'bar' };
  const template = (image: string) => ({
    metadata: { labels },
    spec: {
      containers: [{ name: 'c', image, volumeMounts: [{ name: 'vol-foo', mountPath: '/tmp/vol-foo' }, { name: 'vol-bar', mountPath: '/tmp/vol-bar' }] }],
      volumes: [
        { name: 'vol-foo', emptyDir: {} },
        { name: 'vol-bar', emptyDir: {} },
      ],
    },
  });
  const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'bar', uid: 'd-uid', controller: true }];
  const ev = (name: string, message: string, extra: Obj) => obj('v1', 'Event', { name, namespace: 'foo' }, { involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'bar', namespace: 'foo', uid: 'd-uid' }, type: 'Normal', reason: 'ScalingReplicaSet', message, ...extra });
  return [
    obj('apps/v1', 'Deployment', { name: 'bar', namespace: 'foo', labels, uid: 'd-uid', creationTimestamp: '2021-01-01T00:00:00Z' }, { spec: { replicas: 2, selector: { matchLabels: labels }, template: template('mytest-image:v2.0') }, status: { replicas: 3, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 1 } }),
    obj('apps/v1', 'ReplicaSet', { name: 'bar-001', namespace: 'foo', labels, uid: 'rs1', ownerReferences: owner, creationTimestamp: '2021-01-01T00:00:00Z' }, { spec: { replicas: 2, selector: { matchLabels: labels }, template: template('mytest-image:v1.0') }, status: { replicas: 2 } }),
    obj('apps/v1', 'ReplicaSet', { name: 'bar-002', namespace: 'foo', labels, uid: 'rs2', ownerReferences: owner, creationTimestamp: '2021-01-01T00:01:00Z' }, { spec: { replicas: 1, selector: { matchLabels: { ...labels } }, template: { ...template('mytest-image:v2.0'), metadata: { labels: { ...labels, 'pod-template-hash': '002' } } } }, status: { replicas: 1 } }),
    ev('bar-000', 'Scaled up replica set bar-002 from 0 to 1', { reportingComponent: 'deployment-controller', eventTime: new Date(NOW - 20 * 60_000).toISOString(), series: { count: 3, lastObservedTime: new Date(NOW - 12 * 60_000).toISOString() } }),
    ev('bar-001', 'Scaled up replica set bar-001 from 0 to 2', { source: { component: 'deployment-controller' }, firstTimestamp: ago(10 * 60_000) }),
    ev('bar-002', 'Scaled up replica set bar-002 from 0 to 1', { source: { component: 'deployment-controller' }, firstTimestamp: ago(2 * 60_000) }),
    ev('bar-003', 'Scaled down replica set bar-002 from 2 to 1', { reportingComponent: 'deployment-controller', eventTime: new Date(NOW - 60_000).toISOString() }),
  ];
}

test('describe deployment: during a rollout (TestDescribeDeployment)', () => {
  const out = describe(deploymentFixture(), 'deployments', 'apps', 'foo', 'bar');
  for (const s of [
    'Name:               bar\nNamespace:          foo',
    'CreationTimestamp:  Fri, 01 Jan 2021 00:00:00 +0000',
    'Labels:             k8s-app=bar',
    'Selector:           k8s-app=bar',
    'Replicas:           2 desired | 1 updated | 3 total | 2 available | 1 unavailable',
    'Image:        mytest-image:v2.0',
    'Mounts:\n      /tmp/vol-bar from vol-bar (rw)\n      /tmp/vol-foo from vol-foo (rw)',
    'OldReplicaSets:    bar-001 (2/2 replicas created)',
    'NewReplicaSet:     bar-002 (1/1 replicas created)',
    'Node-Selectors:  <none>',
    'Tolerations:     <none>',
    'Events:\n',
    'Normal  ScalingReplicaSet  12m (x3 over 20m)  deployment-controller  Scaled up replica set bar-002 from 0 to 1',
    'Normal  ScalingReplicaSet  10m                deployment-controller  Scaled up replica set bar-001 from 0 to 2',
    'Normal  ScalingReplicaSet  2m                 deployment-controller  Scaled up replica set bar-002 from 0 to 1',
    'Normal  ScalingReplicaSet  60s                deployment-controller  Scaled down replica set bar-002 from 2 to 1',
  ]) {
    assert.ok(out.includes(s), `missing ${JSON.stringify(s)} in\n${out}`);
  }
});

test('describe job: completed indexes, suspend (TestDescribeJob)', () => {
  const job = (spec: Obj, status: Obj = {}) => [obj('batch/v1', 'Job', { name: 'bar', namespace: 'foo' }, { spec, status })];
  const cases: [Obj, Obj, string[], string[]][] = [
    [{}, {}, [], ['Completed Indexes:', 'Suspend:', 'Backoff Limit:', 'TTL Seconds After Finished:']],
    [{ completionMode: 'Indexed' }, {}, ['Completed Indexes:  <none>'], []],
    [{ completionMode: 'Indexed' }, { completedIndexes: '0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32-34,36,37' }, ['Completed Indexes:  0-5,7,9,10,12,13,15,16,18,20,21,23,24,26,27,29,30,32-34,...'], []],
    [{ suspend: true, ttlSecondsAfterFinished: 123, backoffLimit: 1 }, {}, ['Suspend:                     true', 'TTL Seconds After Finished:  123', 'Backoff Limit:               1'], []],
    [{ suspend: false }, {}, ['Suspend:        false'], []],
  ];
  for (const [spec, status, want, dontWant] of cases) {
    const out = describe(job(spec, status), 'jobs', 'batch', 'foo', 'bar');
    for (const s of want) assert.ok(out.includes(s), `missing ${JSON.stringify(s)} in\n${out}`);
    for (const s of dontWant) assert.ok(!out.includes(s), `unexpected ${JSON.stringify(s)} in\n${out}`);
  }
});

test('describe secret: sizes, sorted keys, no values (TestDescribeSecret; sorted since v1.33)', () => {
  const s = obj('v1', 'Secret', { name: 'bar', namespace: 'foo' }, { type: 'Opaque', data: { username: Buffer.from('YWRtaW4=').toString('base64'), password: Buffer.from('MWYyZDFlMmU2N2Rm').toString('base64') } });
  assert.equal(
    describe([s], 'secrets', '', 'foo', 'bar'),
    `Name:         bar
Namespace:    foo
Labels:       <none>
Annotations:  <none>

Type:  Opaque

Data
====
password:  16 bytes
username:  8 bytes
`,
  );
});

test('describe configmap: data, binary sizes, events (TestDescribeConfigMap; sorted since v1.34)', () => {
  const cm = obj('v1', 'ConfigMap', { name: 'mycm', namespace: 'foo' }, { data: { key2: 'value2', key1: 'value1' }, binaryData: { binarykey2: Buffer.from([0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa]).toString('base64'), binarykey1: Buffer.from([0xff, 0xfe, 0xfd, 0xfc, 0xfb]).toString('base64') } });
  assert.equal(
    describe([cm], 'configmaps', '', 'foo', 'mycm'),
    `Name:         mycm
Namespace:    foo
Labels:       <none>
Annotations:  <none>

Data
====
key1:
----
value1

key2:
----
value2


BinaryData
====
binarykey1: 5 bytes
binarykey2: 6 bytes

Events:  <none>
`,
  );
});

test('describe namespace: quotas and limit ranges blocks', () => {
  const ns = obj('v1', 'Namespace', { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } }, { status: { phase: 'Active' } });
  assert.equal(
    describe([ns], 'namespaces', '', '', 'dev'),
    `Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`,
  );
  const quota = obj('v1', 'ResourceQuota', { name: 'compute', namespace: 'dev' }, { spec: { hard: { pods: '10', 'requests.cpu': '1' } }, status: { hard: { pods: '10', 'requests.cpu': '1' }, used: { pods: '2', 'requests.cpu': '200m' } } });
  const lr = obj('v1', 'LimitRange', { name: 'limits', namespace: 'dev' }, { spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '256Mi' } }] } });
  assert.equal(
    describe([ns, quota, lr], 'namespaces', '', '', 'dev'),
    `Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

Resource Quotas
  Name:         compute
  Resource      Used  Hard
  --------      ---   ---
  pods          2     10
  requests.cpu  200m  1

Resource Limits
 Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
 ----       --------  ---  ---  ---------------  -------------  -----------------------
 Container  cpu       -    -    100m             500m           -
 Container  memory    -    -    256Mi            512Mi          -
`,
  );
  assert.equal(
    describe([quota], 'resourcequotas', '', 'dev', 'compute'),
    `Name:         compute
Namespace:    dev
Resource      Used  Hard
--------      ----  ----
pods          2     10
requests.cpu  200m  1
`,
  );
});

test('describe role: rules broken down, compacted and sorted (kubectl/pkg/util/rbac)', () => {
  // sort.Stable(SortableRuleSlice) compares the generated PolicyRule.String()
  // ("&PolicyRule{Verbs:[get watch list],...") so "[get watch list]" < "[get]"
  // (' ' < ']') and "deployments/scale]" < "deployments]" ('/' < ']').
  const role = obj('rbac.authorization.k8s.io/v1', 'Role', { name: 'pod-reader', namespace: 'default' }, { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list'] }, { apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], verbs: ['get'] }] });
  assert.equal(
    describe([role], 'roles', 'rbac.authorization.k8s.io', 'default', 'pod-reader'),
    `Name:         pod-reader
Labels:       <none>
Annotations:  <none>
PolicyRule:
  Resources               Non-Resource URLs  Resource Names  Verbs
  ---------               -----------------  --------------  -----
  pods                    []                 []              [get watch list]
  deployments.apps/scale  []                 []              [get]
  deployments.apps        []                 []              [get]
`,
  );
  assert.deepEqual(breakdownRule({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: [], nonResourceURLs: [] }).length, 2);
  assert.equal(compactRules(breakdownRule({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: [], nonResourceURLs: [] })).length, 1);
  assert.equal(combineResourceGroup(['pods/log'], ['']), 'pods/log');
});

test('generic describer: smartLabelFor and camelcase.Split', () => {
  const cases: [string, string][] = [
    ['apiVersion', 'API Version'],
    ['uid', 'UID'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['involvedObject', 'Involved Object'],
    ['reportingComponent', 'Reporting Component'],
    ['kind', 'Kind'],
    ['holderIdentity', 'Holder Identity'],
    ['leaseDurationSeconds', 'Lease Duration Seconds'],
    ['ip4', 'ip4'],
    ['kubernetes.io/role', 'kubernetes.io/role'],
  ];
  for (const [field, label] of cases) assert.equal(smartLabelFor(field), label, field);
  assert.deepEqual(camelcaseSplit('PDFLoader'), ['PDF', 'Loader']);
  assert.deepEqual(camelcaseSplit('GL11Version'), ['GL', '11', 'Version']);
});

test('generic describer: an event', () => {
  const e = obj('v1', 'Event', { name: 'nginx.1', namespace: 'default', creationTimestamp: '2026-01-15T09:15:00Z', resourceVersion: '7', uid: 'e1' }, { involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'nginx', namespace: 'default', uid: 'p1' }, reason: 'Pulled', message: 'pulled', source: { component: 'kubelet', host: 'node01' }, firstTimestamp: '2026-01-15T09:15:00Z', lastTimestamp: '2026-01-15T09:15:00Z', count: 1, type: 'Normal', eventTime: null, reportingComponent: 'kubelet', reportingInstance: 'node01' });
  assert.equal(
    describe([e], 'events', '', 'default', 'nginx.1'),
    `Name:             nginx.1
Namespace:        default
Labels:           <none>
Annotations:      <none>
API Version:      v1
Count:            1
Event Time:       <nil>
First Timestamp:  2026-01-15T09:15:00Z
Involved Object:
  API Version:   v1
  Kind:          Pod
  Name:          nginx
  Namespace:     default
  UID:           p1
Kind:            Event
Last Timestamp:  2026-01-15T09:15:00Z
Message:         pulled
Metadata:
  Creation Timestamp:  2026-01-15T09:15:00Z
  Resource Version:    7
  UID:                 e1
Reason:                Pulled
Reporting Component:   kubelet
Reporting Instance:    node01
Source:
  Component:  kubelet
  Host:       node01
Type:         Normal
Events:       <none>
`,
  );
});
