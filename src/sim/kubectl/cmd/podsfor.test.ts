import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object.ts';
import { byLogging, mostActiveFirst, parseGoDuration, selectorForObject } from './podsfor.ts';
import { goDuration } from './top.ts';

// Orders: k8s.io/kubectl pkg/util/podutils ByLogging (logs deploy/x) and the reverse of
// controller_utils ActivePods (exec/attach deploy/x); SelectorsForObject (polymorphichelpers/helpers.go);
// time.ParseDuration and Duration.String (Go standard library).

function pod(name: string, o: { node?: string; phase?: string; ready?: string; restarts?: number; created?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: o.created ?? '2026-01-15T09:00:00Z' },
    spec: { nodeName: o.node },
    status: { phase: o.phase ?? 'Running', conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [], containerStatuses: [{ restartCount: o.restarts ?? 0 }] },
  } as KubeObject;
}

test('byLogging: assigned, Running, ready, ready longer, more restarts, older first', () => {
  const pods = [
    pod('unassigned'),
    pod('pending', { node: 'n', phase: 'Pending' }),
    pod('notready', { node: 'n' }),
    pod('ready-late', { node: 'n', ready: '2026-01-15T09:05:00Z' }),
    pod('ready-early', { node: 'n', ready: '2026-01-15T09:01:00Z' }),
  ];
  assert.deepEqual([...pods].sort(byLogging).map((p) => p.metadata.name), ['ready-early', 'ready-late', 'notready', 'pending', 'unassigned']);
  const restarts = [pod('calm', { node: 'n', restarts: 0 }), pod('crashy', { node: 'n', restarts: 5 })];
  assert.equal([...restarts].sort(byLogging)[0].metadata.name, 'crashy');
  const ages = [pod('young', { node: 'n', created: '2026-01-15T09:10:00Z' }), pod('old', { node: 'n', created: '2026-01-15T09:00:00Z' })];
  assert.equal([...ages].sort(byLogging)[0].metadata.name, 'old');
});

test('mostActiveFirst: assigned, Running, ready, ready longer, fewer restarts, older first', () => {
  const restarts = [pod('crashy', { node: 'n', restarts: 5 }), pod('calm', { node: 'n', restarts: 0 })];
  assert.equal([...restarts].sort(mostActiveFirst)[0].metadata.name, 'calm');
  const phases = [pod('pending', { node: 'n', phase: 'Pending' }), pod('running', { node: 'n' })];
  assert.equal([...phases].sort(mostActiveFirst)[0].metadata.name, 'running');
});

test('selectorForObject', () => {
  const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { app: 'web', tier: 'fe' } } } } as KubeObject;
  assert.equal(selectorForObject(deploy), 'app=web,tier=fe');
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: {} } as KubeObject;
  assert.throws(() => selectorForObject(svc), /invalid service 's': Service is defined without a selector/);
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } as KubeObject;
  assert.throws(() => selectorForObject(cm), /selector for \*v1.ConfigMap not implemented/);
});

test('parseGoDuration and goDuration', () => {
  const cases: [string, number | undefined][] = [['30s', 30_000], ['1m0s', 60_000], ['1h30m', 5_400_000], ['500ms', 500], ['-5s', -5000], ['0', 0], ['5', undefined], ['x', undefined]];
  for (const [s, ms] of cases) assert.equal(parseGoDuration(s), ms, s);
  assert.equal(goDuration(303_250), '5m3.25s');
  assert.equal(goDuration(7_205_000), '2h0m5s');
  assert.equal(goDuration(42_000), '42s');
});
