/**
 * The mock exam: the draw follows the domain weights, the saved state is validated, and the
 * multi-context terminal sends each command to the right cluster (use-context, --context), logs per
 * cluster, replays to the same state and grades only what was used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LABS, labByKey } from './index.ts';
import { ExamHost, contextFlag } from './clusters.ts';
import { EXAM_TASKS, EXAM_VERSION, attempted, domainCounts, drawExam, newExam, readExam, remainingMs, scoreExam, clock, type ExamState } from './exam.ts';
import type { Op } from '../lib/run/state.ts';

test('tasks per domain follow the weights (storage has no labs: its share goes to workloads)', () => {
  assert.deepEqual(domainCounts(12, LABS), { troubleshooting: 4, architecture: 3, networking: 2, workloads: 3, storage: 0 });
  assert.deepEqual(domainCounts(20, LABS), { troubleshooting: 6, architecture: 5, networking: 4, workloads: 5, storage: 0 });
  assert.equal(LABS.filter((l) => l.domain === 'storage').length, 0);
});

test('a draw: 12 different labs, unique contexts, weights summing to 100, reproducible from the seed', () => {
  for (const seed of [1, 2, 42, 123456789]) {
    const tasks = drawExam(seed, LABS);
    assert.equal(tasks.length, EXAM_TASKS);
    assert.equal(new Set(tasks.map((t) => t.key)).size, EXAM_TASKS);
    assert.equal(new Set(tasks.map((t) => t.context)).size, EXAM_TASKS);
    for (const t of tasks) assert.equal(labByKey(t.key)?.domain, t.domain);
    const total = tasks.reduce((s, t) => s + t.weight, 0);
    assert.equal(Math.round(total * 10), 1000, `weights sum to ${total}`);
    assert.deepEqual(drawExam(seed, LABS), tasks);
  }
  assert.notDeepEqual(drawExam(1, LABS).map((t) => t.key), drawExam(2, LABS).map((t) => t.key));
});

const known = (k: string) => !!labByKey(k);

test('saved exam state: round trip, and damaged, old or stale data refused with a reason', () => {
  const s = newExam(7, 1_000_000, LABS);
  const ok = readExam(JSON.stringify(s), known);
  assert.ok(ok.ok);
  assert.deepEqual(ok.ok && ok.state, s);
  assert.deepEqual(readExam(null, known), { ok: false, reason: 'missing' });
  assert.deepEqual(readExam('{not json', known), { ok: false, reason: 'corrupt' });
  assert.deepEqual(readExam('[]', known), { ok: false, reason: 'corrupt' });
  assert.deepEqual(readExam(JSON.stringify({ ...s, v: EXAM_VERSION + 1 }), known), { ok: false, reason: 'version' });
  assert.deepEqual(readExam(JSON.stringify({ ...s, tasks: [{ ...s.tasks[0], key: 'nope/gone' }, ...s.tasks.slice(1)] }), known), { ok: false, reason: 'changed' });
  assert.deepEqual(readExam(JSON.stringify({ ...s, ops: { [s.tasks[0].context]: [{ t: 'x' }] } }), known), { ok: false, reason: 'corrupt' });
  assert.deepEqual(readExam(JSON.stringify({ ...s, ops: { 'not-a-context': [] } }), known), { ok: false, reason: 'corrupt' });
  assert.deepEqual(readExam(JSON.stringify({ ...s, current: 'k8s-c99' }), known), { ok: false, reason: 'corrupt' });
  assert.deepEqual(readExam(JSON.stringify({ ...s, durationMs: -5 }), known), { ok: false, reason: 'corrupt' });
  assert.deepEqual(readExam(JSON.stringify({ ...s, finished: { score: 'x' } }), known), { ok: false, reason: 'corrupt' });
  assert.equal(remainingMs(s, s.startedAt + 1000), s.durationMs - 1000);
  assert.equal(remainingMs(s, s.startedAt + s.durationMs + 5), 0);
  assert.equal(clock(90 * 60_000), '01:30:00');
  assert.equal(clock(61_500), '01:02');
});

test('a cluster counts as attempted when its log has more than time and context switches', () => {
  assert.equal(attempted(undefined), false);
  assert.equal(attempted([{ t: 'a', ms: 5 }, { t: 'r', s: 'kubectl config use-context k8s-c2' }, { t: 'r', s: 'kubectl config current-context' }]), false);
  assert.equal(attempted([{ t: 'r', s: 'kubectl get pods' }]), true);
  assert.equal(attempted([{ t: 'r', s: 'kubectl config use-context k8s-c2; kubectl delete pod x' }]), true);
  assert.equal(attempted([{ t: 'w', path: '/root/a', content: '' }]), true);
});

test('--context on a kubectl line names a known context', () => {
  const known = new Set(['k8s-c1', 'k8s-c2']);
  assert.equal(contextFlag('kubectl --context=k8s-c2 get pods', known), 'k8s-c2');
  assert.equal(contextFlag('kubectl get pods --context k8s-c1', known), 'k8s-c1');
  assert.equal(contextFlag('kubectl get pods --context=other', known), undefined);
  assert.equal(contextFlag('echo --context=k8s-c2', known), undefined);
});

function pick(keys: string[]): ExamState {
  const s = newExam(3, 0, LABS);
  s.tasks = keys.map((key, i) => ({ key, context: `k8s-c${i + 1}`, domain: labByKey(key)!.domain, weight: 100 / keys.length }));
  s.current = 'k8s-c1';
  return s;
}

test('the exam terminal: use-context switches clusters, --context runs one command elsewhere, logs replay, only used clusters are graded', () => {
  const state = pick(['architecture/nginx-pod', 'exam-tips/run-labels', 'scheduling/taint-remove']);
  const host = new ExamHost(state.tasks, state.current);
  const log: Record<string, Op[]> = {};
  const run = (line: string) => {
    const r = host.apply({ t: 'r', s: line });
    for (const l of r.log) (log[l.ctx] ??= []).push(l.op);
    return r;
  };
  const ctxs = run('kubectl config get-contexts -o name').entries.map((e) => e.output.map((o) => o.text).join('')).join('');
  assert.equal(ctxs, 'k8s-c1\nk8s-c2\nk8s-c3\n');
  // The first task's cluster: solve it.
  run('kubectl run nginx --image=nginx');
  // Switch: the line runs on k8s-c1, later lines go to k8s-c2.
  const sw = run('kubectl config use-context k8s-c2');
  assert.equal(sw.switched, 'k8s-c2');
  assert.match(sw.entries[0].output[0].text, /Switched to context "k8s-c2"/);
  assert.equal(host.current, 'k8s-c2');
  run('kubectl run redis --image=redis:alpine --labels="tier=db"');
  assert.equal(host.booted('k8s-c3'), false);
  // One command on another cluster without switching.
  const other = run('kubectl --context=k8s-c3 get pod mosquito --no-headers');
  assert.match(other.entries[0].output.map((o) => o.text).join(''), /^mosquito\s+0\/1\s+Pending/);
  assert.equal(host.current, 'k8s-c2');
  assert.equal(host.booted('k8s-c3'), true);
  // Back to the first cluster: its kubeconfig is aligned, commands go there again.
  run('kubectl config use-context k8s-c1');
  assert.equal(run('kubectl config current-context').entries[0].output[0].text, 'k8s-c1\n');
  assert.ok(log['k8s-c1'].some((o) => o.t === 'r' && o.s === 'kubectl config use-context k8s-c1'));

  const grades = host.gradeAll();
  assert.equal(grades['k8s-c1'].ok, true, grades['k8s-c1'].messages.join('; '));
  assert.equal(grades['k8s-c2'].ok, true, grades['k8s-c2'].messages.join('; '));
  assert.equal(grades['k8s-c3'].ok, false);

  // The saved logs rebuild the same clusters.
  const again = new ExamHost(state.tasks, 'k8s-c1', log);
  const g2 = again.gradeAll();
  assert.deepEqual(Object.fromEntries(Object.entries(g2).map(([k, v]) => [k, v.ok])), { 'k8s-c1': true, 'k8s-c2': true, 'k8s-c3': false });

  const result = scoreExam(state, grades, 5, 'submitted');
  assert.equal(result.score, Math.round((200 / 3) * 10) / 10);
  assert.equal(result.passed, true);
  assert.deepEqual(result.tasks.map((t) => [t.context, t.ok, t.attempted]), [['k8s-c1', true, true], ['k8s-c2', true, true], ['k8s-c3', false, true]]);
  const none = scoreExam(state, {}, 5, 'timeout');
  assert.equal(none.score, 0);
  assert.ok(none.tasks.every((t) => !t.attempted && t.messages.length === 1));
});

test('a lab page cluster: operations (incl. kubectl edit with the in-page editor) replay to the same graded state', async () => {
  const { LabHost } = await import('./clusters.ts');
  const lab = labByKey('architecture/pod-fix-image')!;
  const a = new LabHost(lab);
  const buf = a.editBuffer('kubectl edit pod redis');
  assert.ok(buf.text && buf.text.includes('image: redis123'));
  const ops: Op[] = [
    { t: 'r', s: 'kubectl get pods' },
    { t: 'e', s: 'kubectl edit pod redis', content: buf.text!.replace('image: redis123', 'image: redis') },
    { t: 'a', ms: 5000 },
  ];
  for (const op of ops) a.apply(op);
  const ga = a.grade();
  assert.deepEqual(ga.grade, { ok: true, messages: [] });
  const b = new LabHost(lab);
  assert.deepEqual(b.replay([...ops, { t: 'a', ms: ga.ms }]), { failedAt: null });
  assert.deepEqual(b.grade().grade, { ok: true, messages: [] });
  assert.equal(new LabHost(lab).grade().grade.ok, false);
});
