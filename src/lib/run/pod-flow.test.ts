/**
 * The pod-creation flow follows what the simulated cluster does: the steps of note 15's diagram in
 * the order the cluster reaches them, at its simulated times, and the step where it stops when it
 * fails (a taken name, no node that fits, an image that cannot be pulled).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../sim/session.ts';
import { PodFlowTracer, type FlowEvent } from './pod-flow.ts';
import { seedOf } from './runner.ts';

function setup() {
  const session = new Session({ seed: seedOf('15-kube-apiserver') });
  const tracer = new PodFlowTracer(session);
  const run = (script: string) => {
    tracer.arm();
    return session.run(script);
  };
  return { session, tracer, run };
}

/** The first event of each step, in order: the path the pod took. */
const path = (events: FlowEvent[]) => [...new Set(events.map((e) => e.n))];
/** The steps in the order they were finished. */
const finished = (events: FlowEvent[]) => [...new Set(events.filter((e) => e.state === 'done').map((e) => e.n))];
const last = (events: FlowEvent[], n: number) => [...events].reverse().find((e) => e.n === n);

test('kubectl run: all 11 steps, in order, each when the cluster reached it', () => {
  const { session, tracer, run } = setup();
  const t0 = session.cluster.clock.now();
  run('kubectl run nginx --image=nginx');
  const early = tracer.flow!;
  assert.equal(early.name, 'nginx');
  assert.deepEqual(path(early.events).slice(0, 5), [1, 2, 3, 4, 5], 'the request path at once');
  assert.equal(early.complete, false);
  run('sleep 10');
  const f = tracer.flow!;
  assert.deepEqual(finished(f.events), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  // As a real kubelet does, it reports the pod (Pending, ContainerCreating), stored at once, before
  // the pull: steps 10 and 11 start before step 9 and end after it.
  assert.deepEqual(path(f.events), [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 9]);
  assert.match(f.events.find((e) => e.n === 10)!.text, /^상태 보고: Pending \(ContainerCreating\)/);
  for (let n = 1; n <= 11; n++) assert.equal(last(f.events, n)!.state, 'done', `step ${n}`);
  assert.equal(f.complete, true);
  // Times come from the simulated clock and never go back.
  const times = f.events.map((e) => e.at);
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
  assert.equal(f.events[0].at, t0);
  assert.ok(last(f.events, 9)!.at > last(f.events, 7)!.at, 'the containers start after the binding, not at once');
  // The node in steps 7 and 8 is the node the pod is on.
  const pod = session.run('kubectl get pod nginx -o jsonpath={.spec.nodeName}')[0].output[0].text;
  assert.match(last(f.events, 7)!.text, new RegExp(`^${pod}에 바인딩`));
  assert.match(last(f.events, 8)!.text, new RegExp(`^${pod}의 kubelet`));
  assert.match(last(f.events, 1)!.text, /^kubectl: POST \/api\/v1\/namespaces\/default\/pods/);
  assert.match(last(f.events, 10)!.text, /Running, IP 10\./);
  // Step 9 went through the kubelet's own events.
  assert.deepEqual(f.events.filter((e) => e.n === 9).map((e) => e.text.split(':')[0]), ['이미지 받는 중', '이미지 준비됨', '컨테이너 생성', '컨테이너 시작']);
});

test('a name already taken stops at step 4 with the real error; nothing after', () => {
  const { tracer, run } = setup();
  run('kubectl run nginx --image=nginx');
  const first = tracer.flow!.id;
  run('kubectl run nginx --image=nginx');
  const f = tracer.flow!;
  assert.notEqual(f.id, first, 'a new attempt is a new flow');
  assert.deepEqual(path(f.events), [1, 2, 3, 4]);
  assert.equal(last(f.events, 4)!.state, 'failed');
  assert.match(last(f.events, 4)!.text, /pods "nginx" already exists/);
  assert.equal(f.complete, true);
});

test('an invalid pod fails at step 3 (validation)', () => {
  const { tracer, run } = setup();
  run('kubectl run Bad_Name --image=nginx');
  const f = tracer.flow!;
  assert.deepEqual(path(f.events), [1, 2, 3]);
  assert.equal(last(f.events, 3)!.state, 'failed');
  assert.match(last(f.events, 3)!.text, /Invalid value: "Bad_Name"/);
});

test('no node fits: the scheduler saw it (6), binding failed with FailedScheduling (7), then it waits', () => {
  const { tracer, run } = setup();
  run(`kubectl run big --image=nginx --overrides='{"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"50"}}}]}}'`);
  run('sleep 5');
  const f = tracer.flow!;
  assert.deepEqual(path(f.events), [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(last(f.events, 7)!.state, 'failed');
  assert.match(last(f.events, 7)!.text, /0\/3 nodes are available: .*Insufficient cpu/);
  assert.equal(f.complete, false, 'it may still be scheduled later');
});

test('an image that cannot be pulled fails at step 9; a stopped kubelet never gets step 8', () => {
  const { tracer, run } = setup();
  run('kubectl run oops --image=nginx:no-such-tag');
  run('sleep 10');
  const f = tracer.flow!;
  assert.equal(last(f.events, 9)!.state, 'failed');
  assert.equal(last(f.events, 10)?.state ?? 'active', 'active', 'the kubelet reports a waiting pod, not a running one');
  assert.equal(f.complete, false);

  const s = setup();
  s.run('ssh node01 systemctl stop kubelet; ssh node02 systemctl stop kubelet');
  s.run('kubectl run lonely --image=nginx');
  s.run('sleep 5');
  const g = s.tracer.flow!;
  assert.ok(path(g.events).includes(7), 'bound');
  assert.equal(path(g.events).includes(8), false, 'no running kubelet took it');
});

test('a Deployment: the ReplicaSet controller sends the request, the first pod is followed', () => {
  const { tracer, run } = setup();
  run('kubectl create deployment web --image=nginx --replicas=2');
  run('sleep 10');
  const f = tracer.flow!;
  assert.match(last(f.events, 1)!.text, /^ReplicaSet web-[a-z0-9]+ 컨트롤러: POST/);
  assert.match(f.name, /^web-[a-z0-9]+-[a-z0-9]{5}$/);
  assert.deepEqual(finished(f.events), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
});

test('commands that create no pod leave the flow as it was; the flow stays small', () => {
  const { tracer, run } = setup();
  run('kubectl run nginx --image=nginx; sleep 10');
  const v = tracer.version;
  run('kubectl get pods; sleep 60');
  assert.equal(tracer.version, v);
  assert.equal(tracer.flow!.name, 'nginx');
  assert.ok(tracer.flow!.events.length <= 40);
});
