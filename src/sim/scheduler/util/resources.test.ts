// Pod requests as k8s.io/component-helpers/resource/helpers_test.go (TestPodRequests: init
// containers, restartable init containers, overhead, pod-level resources) and the scheduler's
// non-zero defaults (pkg/scheduler/util/pod_resources.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { NON_ZERO_DEFAULTS, fastPodRequests, isExtendedResourceName, isScalarResourceName, podRequests } from './resources.ts';
import { PodInfo } from '../framework/types.ts';

const c = (requests: Record<string, string>, restartPolicy?: string): Container => ({ name: 'c', image: 'x', resources: { requests }, ...(restartPolicy ? { restartPolicy } : {}) });
const pod = (containers: Container[], initContainers: Container[] = [], extra: object = {}): Pod => ({ metadata: { name: 'p' }, spec: { containers, initContainers, ...extra } });
const str = (m: Map<string, { toString(): string }>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toString()]));

test('PodRequests (helpers_test.go TestPodRequests)', () => {
  const cases: { name: string; pod: Pod; want: Record<string, string> }[] = [
    { name: 'containers are summed', pod: pod([c({ cpu: '1' }), c({ cpu: '500m', memory: '1Gi' })]), want: { cpu: '1500m', memory: '1Gi' } },
    { name: 'init container max', pod: pod([c({ cpu: '1' })], [c({ cpu: '2' }), c({ cpu: '3' })]), want: { cpu: '3' } },
    { name: 'init containers smaller than the sum', pod: pod([c({ cpu: '2' }), c({ cpu: '2' })], [c({ cpu: '3' })]), want: { cpu: '4' } },
    { name: 'restartable init containers add to the sum', pod: pod([c({ cpu: '1' })], [c({ cpu: '1' }, 'Always')]), want: { cpu: '2' } },
    {
      name: 'an init container after a sidecar runs alongside it',
      pod: pod([c({ cpu: '1' })], [c({ cpu: '1' }, 'Always'), c({ cpu: '3' })]),
      want: { cpu: '4' },
    },
    { name: 'overhead is added', pod: pod([c({ cpu: '1' })], [], { overhead: { cpu: '250m' } }), want: { cpu: '1250m' } },
    { name: 'pod-level requests override cpu/memory', pod: pod([c({ cpu: '1', memory: '1Gi' })], [], { resources: { requests: { cpu: '3' } } }), want: { cpu: '3', memory: '1Gi' } },
  ];
  for (const t of cases) assert.deepEqual(str(podRequests(t.pod)), t.want, t.name);
});

test('non-zero requests: defaults only for containers that omit the resource', () => {
  const p = pod([c({}), c({ cpu: '0' }), c({ memory: '1Gi' })]);
  // the first addend's format wins (Quantity.Add): the DecimalSI default, so no Mi suffix
  assert.deepEqual(str(podRequests(p, { nonMissingContainerRequests: NON_ZERO_DEFAULTS })), { cpu: '200m', memory: '1493172224' });
  const pi = new PodInfo(p);
  assert.equal(pi.non0CPU, 200);
  assert.equal(pi.non0Mem, 1424 * 1024 * 1024);
  assert.equal(pi.requests.milliCPU, 0);
});

test('the numeric fast path agrees with the Quantity path', () => {
  const pods = [
    pod([c({ cpu: '100m', memory: '128Mi' })]),
    pod([c({ cpu: '1', memory: '1G', 'ephemeral-storage': '1Gi', 'example.com/gpu': '2' }), c({})]),
    pod([c({ cpu: '0.5' }), c({ memory: '100' })]),
  ];
  for (const p of pods) {
    const f = fastPodRequests(p)!;
    const slow = podRequests(p);
    const non0 = podRequests(p, { nonMissingContainerRequests: NON_ZERO_DEFAULTS });
    assert.equal(f.milliCPU, slow.get('cpu')?.milliValue() ?? 0);
    assert.equal(f.memory, slow.get('memory')?.value() ?? 0);
    assert.equal(f.non0CPU, non0.get('cpu')?.milliValue() ?? 0);
    assert.equal(f.non0Mem, non0.get('memory')?.value() ?? 0);
  }
  // quantities finer than their unit take the exact path
  assert.equal(fastPodRequests(pod([c({ cpu: '0.5m' })])), null);
  assert.equal(new PodInfo(pod([c({ cpu: '0.5m' }), c({ cpu: '0.5m' })])).requests.milliCPU, 1);
});

test('resource names (pkg/apis/core/v1/helper IsExtendedResourceName / IsScalarResourceName)', () => {
  assert.equal(isExtendedResourceName('example.com/gpu'), true);
  assert.equal(isExtendedResourceName('cpu'), false);
  assert.equal(isExtendedResourceName('kubernetes.io/something'), false);
  assert.equal(isScalarResourceName('hugepages-2Mi'), true);
  assert.equal(isScalarResourceName('attachable-volumes-csi-x'), true);
  assert.equal(isScalarResourceName('memory'), false);
});
