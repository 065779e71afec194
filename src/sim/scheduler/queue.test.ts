// Scheduling queue behaviour after pkg/scheduler/backend/queue/scheduling_queue_test.go and
// backoff_queue_test.go (v1.35): PrioritySort order, backoff 1s doubling to 10s
// (DefaultPodInitialBackoffDuration / DefaultPodMaxBackoffDuration), queueing hints deciding which
// events move which unschedulable pods, the 5-minute leftover flush, scheduling gates (PreEnqueue),
// in-flight events, SchedulerPopFromBackoffQ.
import { test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import assert from 'node:assert/strict';
import { newFramework } from './framework/registry.ts';
import { SchedulingQueue } from './queue.ts';
import { makeNode, makePod } from './testing/wrappers.ts';

function setup(opts: { popFromBackoffQ?: boolean } = {}) {
  const clock = { t: 1_000_000, now() { return this.t; } };
  const q = new SchedulingQueue({ clock, framework: newFramework(), ...opts });
  return { clock, q };
}

test('activeQ: higher priority first, then earlier timestamp (queuesort/priority_sort.go)', () => {
  const { clock, q } = setup();
  q.add(makePod('low-early', { priority: 0 }));
  clock.t += 1;
  q.add(makePod('high', { priority: 100 }));
  clock.t += 1;
  q.add(makePod('low-late', { priority: 0 }));
  const order = [q.pop(), q.pop(), q.pop()].map((p) => p?.podInfo.name);
  assert.deepEqual(order, ['high', 'low-early', 'low-late']);
  assert.equal(q.pop(), null);
});

test('backoff: 1s, 2s, 4s, 8s, then 10s (backoff_queue.go calculateBackoffDuration)', () => {
  const { q } = setup();
  assert.deepEqual([1, 2, 3, 4, 5, 6, 10].map((n) => q.backoffDuration(n)), [1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  assert.equal(q.backoffDuration(0), 0);
});

test('an Unschedulable pod waits in unschedulablePods until a relevant event (queueing hints)', () => {
  const { clock, q } = setup();
  q.add(makePod('big', { cpu: '4' }));
  const qp = q.pop()!;
  assert.equal(qp.attempts, 1);
  assert.equal(q.addUnschedulableIfNotPresent(qp, { unschedulablePlugins: ['NodeResourcesFit'] }), 'Unschedulable');
  // a node too small for it: NodeResourcesFit's hint says QueueSkip
  q.nodeAdded(makeNode('small', { cpu: '2' }));
  assert.equal(q.get('default', 'big')?.queue, 'Unschedulable');
  // a node it fits: Queue → still backing off (1s) → backoffQ
  q.nodeAdded(makeNode('large', { cpu: '8' }));
  assert.equal(q.get('default', 'big')?.queue, 'Backoff');
  assert.equal(q.nextBackoffCompletion(), clock.t + 1000);
  clock.t += 1000;
  assert.equal(q.flushBackoffQCompleted(), 1);
  assert.equal(q.get('default', 'big')?.queue, 'Active');
});

test('an event after the backoff has passed moves the pod straight to the activeQ', () => {
  const { clock, q } = setup();
  q.add(makePod('t'));
  const qp = q.pop()!;
  q.addUnschedulableIfNotPresent(qp, { unschedulablePlugins: ['TaintToleration'] });
  clock.t += 5000;
  const tainted = makeNode('n', { taints: [{ key: 'k', effect: 'NoSchedule' }] });
  const clean = makeNode('n');
  q.nodeUpdated(clean, tainted); // taint added: no help
  assert.equal(q.get('default', 't')?.queue, 'Unschedulable');
  q.nodeUpdated(tainted, clean); // taint removed
  assert.equal(q.get('default', 't')?.queue, 'Active');
});

test('uncordon requeues pods rejected by NodeUnschedulable; events of no interest are ignored', () => {
  const { clock, q } = setup();
  q.add(makePod('p'));
  q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: ['NodeUnschedulable'] });
  clock.t += 2000;
  const cordoned = makeNode('n', { unschedulable: true });
  q.nodeUpdated(cordoned, makeNode('n', { unschedulable: true, labels: { a: 'b' } }));
  assert.equal(q.get('default', 'p')?.queue, 'Unschedulable');
  q.nodeUpdated(cordoned, makeNode('n'));
  assert.equal(q.get('default', 'p')?.queue, 'Active');
});

test('a deleted assigned pod may free resources (NodeResourcesFit Pod/Delete hint)', () => {
  const { clock, q } = setup();
  q.add(makePod('big', { cpu: '2' }));
  q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: ['NodeResourcesFit'] });
  clock.t += 2000;
  q.assignedPodDeleted(makePod('other', { nodeName: 'node01', cpu: '1' }));
  assert.equal(q.get('default', 'big')?.queue, 'Active');
});

test('unschedulable pods are retried after 5 minutes anyway (flushUnschedulablePodsLeftover)', () => {
  const { clock, q } = setup();
  q.add(makePod('p'));
  q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: ['NodeAffinity'] });
  clock.t += 5 * 60 * 1000;
  q.flushUnschedulablePodsLeftover();
  assert.equal(q.get('default', 'p')?.queue, 'Unschedulable');
  clock.t += 1;
  q.flushUnschedulablePodsLeftover();
  assert.equal(q.get('default', 'p')?.queue, 'Active');
});

test('scheduling gates keep a pod out of the activeQ until they are removed (SchedulingGates PreEnqueue)', () => {
  const { q } = setup();
  const gated = makePod('g', { schedulingGates: [{ name: 'example.com/wait' }] });
  q.add(gated);
  assert.equal(q.pop(), null);
  const where = q.get('default', 'g')!;
  assert.equal(where.queue, 'Unschedulable');
  assert.equal(where.info.gatingPlugin, 'SchedulingGates');
  assert.equal(where.info.gatingStatus?.message(), 'waiting for scheduling gates: [example.com/wait]');
  q.update(gated, makePod('g'));
  assert.equal(q.get('default', 'g')?.queue, 'Active');
});

test('events seen while a pod is in flight are replayed when it comes back', () => {
  const { clock, q } = setup();
  q.add(makePod('big', { cpu: '4' }));
  const qp = q.pop()!;
  q.nodeAdded(makeNode('large', { cpu: '8' })); // during the cycle
  clock.t += 10;
  assert.equal(q.addUnschedulableIfNotPresent(qp, { unschedulablePlugins: ['NodeResourcesFit'] }), 'Backoff');
});

test('with an empty activeQ, pop takes from the backoffQ (SchedulerPopFromBackoffQ); without it, it waits', () => {
  for (const pop of [true, false]) {
    const { q } = setup({ popFromBackoffQ: pop });
    q.add(makePod('p', { cpu: '4' }));
    q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: ['NodeResourcesFit'] });
    q.nodeAdded(makeNode('large', { cpu: '8' }));
    assert.equal(q.get('default', 'p')?.queue, 'Backoff');
    assert.equal(q.pop()?.podInfo.name ?? null, pop ? 'p' : null, `popFromBackoffQ=${pop}`);
  }
});

test('a failure without rejecting plugins (an error) goes to the error backoff', () => {
  const { clock, q } = setup();
  q.add(makePod('p'));
  const qp = q.pop()!;
  assert.equal(q.addUnschedulableIfNotPresent(qp, {}), 'Backoff');
  assert.equal(qp.consecutiveErrorsCount, 1);
  assert.equal(q.pop(), null, 'error backoff is not popped early');
  clock.t += 1000;
  q.flushBackoffQCompleted();
  assert.equal(q.pop()?.podInfo.name, 'p');
});

test('delete removes a pending pod; pendingPods summarises the queues', () => {
  const { q } = setup();
  q.add(makePod('a'));
  q.add(makePod('b'));
  q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: ['NodeAffinity'] });
  assert.equal(q.pendingPods().summary, 'activeQ:1; backoffQ:0; unschedulablePods:1');
  q.delete(makePod('a'));
  q.delete(makePod('b'));
  assert.equal(q.length, 0);
});

test('the queue ignores assigned pods and other schedulers\u2019 pods, and is the framework\u2019s nominator', () => {
  const { q } = setup();
  q.add(makePod('bound', { nodeName: 'node01' }));
  const other = makePod('other');
  other.spec!.schedulerName = 'my-scheduler';
  q.add(other);
  assert.equal(q.length, 0);
  q.add(makePod('pre'));
  const qp = q.pop()!;
  q.addUnschedulableIfNotPresent(qp, { unschedulablePlugins: ['NodeResourcesFit'], nominatedNodeName: 'node01' });
  assert.deepEqual(q.nominatedPodsForNode('node01').map((p) => p.name), ['pre']);
  assert.equal(q.hasNominatedPods(), true);
  q.delete(makePod('pre'));
  assert.equal(q.hasNominatedPods(), false);
});

// Which cluster events move a pod that one plugin rejected, by that plugin's EventsToRegister and
// QueueingHintFn (v1.35, queueing hints on): nodeunschedulable.go, node_name.go, taint_toleration.go,
// node_affinity.go, node_ports.go, fit.go, podtopologyspread/plugin.go, interpodaffinity/plugin.go.
// `after` ms pass between the failure and the event: within the 1 s backoff a moved pod goes to the
// backoffQ, after it straight to the activeQ (requeuePodWithQueueingStrategy, isPodBackingoff).
test('cluster events × rejecting plugin → where the pod goes (EventsToRegister / QueueingHintFn)', () => {
  const web = { app: 'web' };
  const cases: { name: string; pod?: Parameters<typeof makePod>[1]; plugin: string; after?: number; event: (q: SchedulingQueue) => void; want: 'Active' | 'Backoff' | 'Unschedulable' }[] = [
    { name: 'NodeUnschedulable: uncordon', plugin: 'NodeUnschedulable', after: 2000, event: (q) => q.nodeUpdated(makeNode('n', { unschedulable: true }), makeNode('n')), want: 'Active' },
    { name: 'NodeUnschedulable: uncordon within the backoff', plugin: 'NodeUnschedulable', after: 500, event: (q) => q.nodeUpdated(makeNode('n', { unschedulable: true }), makeNode('n')), want: 'Backoff' },
    { name: 'NodeUnschedulable: cordon', plugin: 'NodeUnschedulable', after: 2000, event: (q) => q.nodeUpdated(makeNode('n'), makeNode('n', { unschedulable: true })), want: 'Unschedulable' },
    { name: 'NodeUnschedulable: a new cordoned node', plugin: 'NodeUnschedulable', after: 2000, event: (q) => q.nodeAdded(makeNode('n', { unschedulable: true })), want: 'Unschedulable' },
    { name: 'NodeName: a node added (a pod without spec.nodeName fits any name)', plugin: 'NodeName', after: 2000, event: (q) => q.nodeAdded(makeNode('n')), want: 'Active' },
    { name: 'NodeName: a node relabelled', plugin: 'NodeName', after: 2000, event: (q) => q.nodeUpdated(makeNode('n'), makeNode('n', { labels: { a: 'b' } })), want: 'Unschedulable' },
    { name: 'TaintToleration: taint removed', plugin: 'TaintToleration', after: 2000, event: (q) => q.nodeUpdated(makeNode('n', { taints: [{ key: 'k', effect: 'NoSchedule' }] }), makeNode('n')), want: 'Active' },
    { name: 'TaintToleration: a new node with an untolerated taint', plugin: 'TaintToleration', after: 2000, event: (q) => q.nodeAdded(makeNode('n', { taints: [{ key: 'k', effect: 'NoSchedule' }] })), want: 'Unschedulable' },
    { name: 'NodeAffinity: matching label added', pod: { nodeSelector: { disk: 'ssd' } }, plugin: 'NodeAffinity', after: 2000, event: (q) => q.nodeUpdated(makeNode('n'), makeNode('n', { labels: { disk: 'ssd' } })), want: 'Active' },
    { name: 'NodeAffinity: other label added', pod: { nodeSelector: { disk: 'ssd' } }, plugin: 'NodeAffinity', after: 2000, event: (q) => q.nodeUpdated(makeNode('n'), makeNode('n', { labels: { disk: 'hdd' } })), want: 'Unschedulable' },
    { name: 'NodeAffinity: a taint change is no concern of it', pod: { nodeSelector: { disk: 'ssd' } }, plugin: 'NodeAffinity', after: 2000, event: (q) => q.nodeUpdated(makeNode('n', { labels: { disk: 'ssd' }, taints: [{ key: 'k', effect: 'NoSchedule' }] }), makeNode('n', { labels: { disk: 'ssd' } })), want: 'Unschedulable' },
    { name: 'NodeResourcesFit: a big enough node added', pod: { cpu: '4' }, plugin: 'NodeResourcesFit', after: 2000, event: (q) => q.nodeAdded(makeNode('n', { cpu: '8' })), want: 'Active' },
    { name: 'NodeResourcesFit: a too small node added', pod: { cpu: '4' }, plugin: 'NodeResourcesFit', after: 2000, event: (q) => q.nodeAdded(makeNode('n', { cpu: '2' })), want: 'Unschedulable' },
    { name: 'NodeResourcesFit: an assigned pod deleted', pod: { cpu: '4' }, plugin: 'NodeResourcesFit', after: 2000, event: (q) => q.assignedPodDeleted(makePod('x', { nodeName: 'n', cpu: '1' })), want: 'Active' },
    { name: 'NodeResourcesFit: an assigned pod added', pod: { cpu: '4' }, plugin: 'NodeResourcesFit', after: 2000, event: (q) => q.assignedPodAdded(makePod('x', { nodeName: 'n', cpu: '1' })), want: 'Unschedulable' },
    { name: 'NodePorts: the pod holding the port deleted', pod: { ports: [{ containerPort: 80, hostPort: 8080 }] }, plugin: 'NodePorts', after: 2000, event: (q) => q.assignedPodDeleted(makePod('x', { nodeName: 'n', ports: [{ containerPort: 80, hostPort: 8080 }] })), want: 'Active' },
    { name: 'NodePorts: a pod with other ports deleted', pod: { ports: [{ containerPort: 80, hostPort: 8080 }] }, plugin: 'NodePorts', after: 2000, event: (q) => q.assignedPodDeleted(makePod('x', { nodeName: 'n', ports: [{ containerPort: 80, hostPort: 9090 }] })), want: 'Unschedulable' },
    { name: 'InterPodAffinity: a pod its affinity wants is scheduled', pod: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: web }, topologyKey: 'kubernetes.io/hostname' }] } } }, plugin: 'InterPodAffinity', after: 2000, event: (q) => q.assignedPodAdded(makePod('x', { nodeName: 'n', labels: web })), want: 'Active' },
    { name: 'InterPodAffinity: an unrelated pod is scheduled', pod: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: web }, topologyKey: 'kubernetes.io/hostname' }] } } }, plugin: 'InterPodAffinity', after: 2000, event: (q) => q.assignedPodAdded(makePod('x', { nodeName: 'n', labels: { app: 'db' } })), want: 'Unschedulable' },
    { name: 'PodTopologySpread: a matching pod of the namespace is deleted', pod: { labels: web, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web } }] }, plugin: 'PodTopologySpread', after: 2000, event: (q) => q.assignedPodDeleted(makePod('x', { nodeName: 'n', labels: web })), want: 'Active' },
    { name: 'PodTopologySpread: a matching pod of another namespace is deleted', pod: { labels: web, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web } }] }, plugin: 'PodTopologySpread', after: 2000, event: (q) => q.assignedPodDeleted(makePod('x', { nodeName: 'n', namespace: 'other', labels: web })), want: 'Unschedulable' },
    { name: 'PodTopologySpread: a node with the topology key added', pod: { labels: web, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web } }] }, plugin: 'PodTopologySpread', after: 2000, event: (q) => q.nodeAdded(makeNode('n', { labels: { zone: 'a' } })), want: 'Active' },
    { name: 'PodTopologySpread: a node without it added', pod: { labels: web, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web } }] }, plugin: 'PodTopologySpread', after: 2000, event: (q) => q.nodeAdded(makeNode('n')), want: 'Unschedulable' },
  ];
  for (const c of cases) {
    const { clock, q } = setup();
    q.add(makePod('p', c.pod));
    q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: [c.plugin] });
    clock.t += c.after ?? 0;
    c.event(q);
    assert.equal(q.get('default', 'p')?.queue, c.want, c.name);
  }
});

test('a pending pod’s own status update (UpdatePodOther) requeues it for no plugin (PodScheduled condition written after a failure)', () => {
  for (const plugin of ['NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity', 'TaintToleration', 'NodeAffinity']) {
    const { clock, q } = setup();
    const pod = makePod('p', { cpu: '4' });
    q.add(pod);
    q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: [plugin] });
    clock.t += 2000;
    const updated: Pod = {
      ...pod,
      metadata: { ...pod.metadata, resourceVersion: '2' },
      status: { ...pod.status, conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes are available' }] },
    };
    q.update(pod, updated);
    assert.equal(q.get('default', 'p')?.queue, 'Unschedulable', plugin);
  }
});

test('pods queued in the same millisecond pop in arrival order (PrioritySort ties: the real clock has ns)', () => {
  const { q } = setup();
  const names = ['e', 'b', 'd', 'a', 'c', 'f', 'g', 'h'];
  for (const n of names) q.add(makePod(n));
  const out: string[] = [];
  for (let qp = q.pop(); qp; qp = q.pop()) out.push(qp.podInfo.name);
  assert.deepEqual(out, names);
});

test('one queue for several profiles: each pod’s own profile decides its hints; pods of other schedulers stay out', () => {
  const clock = { t: 1_000_000, now() { return this.t; } };
  const a = newFramework({ profileName: 'default-scheduler' });
  const b = newFramework({ profileName: 'gpu-scheduler', plugins: [{ name: 'PrioritySort' }, { name: 'NodeResourcesFit' }, { name: 'TaintToleration' }] });
  const q = new SchedulingQueue({ clock, framework: a, frameworks: [a, b] });
  const mk = (name: string, scheduler: string) => {
    const p = makePod(name, { nodeSelector: { disk: 'ssd' } });
    p.spec!.schedulerName = scheduler;
    return p;
  };
  q.add(mk('a1', 'default-scheduler'));
  q.add(mk('b1', 'gpu-scheduler'));
  q.add(mk('c1', 'other-scheduler'));
  assert.equal(q.length, 2);
  assert.equal(a.handle.nominator, q);
  assert.equal(b.handle.nominator, q);
  q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: ['NodeAffinity'] });
  q.addUnschedulableIfNotPresent(q.pop()!, { unschedulablePlugins: ['NodeAffinity'] });
  clock.t += 2000;
  // gpu-scheduler has no NodeAffinity plugin: nothing registered for its pod, a label change skips it
  q.nodeUpdated(makeNode('n'), makeNode('n', { labels: { disk: 'ssd' } }));
  assert.equal(q.get('default', 'a1')?.queue, 'Active');
  assert.equal(q.get('default', 'b1')?.queue, 'Unschedulable');
});
