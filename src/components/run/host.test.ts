/**
 * The worker side of the page runtime, in Node: operations run, the log replays to the same
 * cluster (a session is its log), the view, the explanation and completion answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Host } from './host.ts';
import { explain } from '../../lib/run/explain.ts';
import { complete } from './complete.ts';
import { pushOp, type Op } from '../../lib/run/state.ts';
import { classify, stepsFor } from '../../lib/run/blocks.ts';
import { stepOp } from '../../lib/run/state.ts';

const big = `kubectl run big --image=nginx --overrides='{"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"5"}}}]}}'`;

function script(): Op[] {
  const pod = classify('yaml', 'title="web.yaml"', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    note: "<img src=x onerror=alert(1)>"\nspec:\n  containers:\n  - name: web\n    image: nginx', 1)!;
  const ops: Op[] = stepsFor([pod], pod, 'apply', new Set()).steps.map(stepOp);
  for (let i = 0; i < 6; i++) pushOp(ops, { t: 'a', ms: 500 });
  ops.push({ t: 'r', s: big });
  ops.push({ t: 'w', path: 'notes.txt', content: 'hello\n' });
  pushOp(ops, { t: 'a', ms: 30_000 });
  return ops;
}

test('a session is its log: replaying the ops gives the same cluster, merged time steps or not', () => {
  const a = new Host(11, 'kubectl create namespace dev');
  for (const op of script()) a.apply(op);
  const b = new Host(11, 'kubectl create namespace dev');
  // The same ops with the time advance split in small steps.
  for (const op of script()) {
    if (op.t === 'a') for (let done = 0; done < op.ms; done += 500) b.apply({ t: 'a', ms: Math.min(500, op.ms - done) });
    else b.apply(op);
  }
  const strip = (h: Host) => JSON.stringify(h.view(true));
  assert.equal(strip(a), strip(b));
  assert.equal(a.now(), b.now());
  assert.equal(a.readFile('notes.txt'), 'hello\n');
});

test('view: the pod on its node, the unschedulable one in the queue, text kept as text', () => {
  const h = new Host(3, '');
  for (const op of script()) h.apply(op);
  const v = h.view(true)!;
  const web = v.nodes.flatMap((n) => n.podList).find((p) => p.name === 'web');
  assert.ok(web?.node.startsWith('node0'), 'web is on a worker');
  assert.equal(web?.status, 'Running');
  assert.deepEqual(v.pending.map((p) => p.name), ['big']);
  assert.equal(h.view(), null, 'nothing changed: no new view');
  assert.ok(v.namespaces.includes('default'));
});

test('explain: the Pending pod gets the table and the FailedScheduling message read out', () => {
  const h = new Host(3, '');
  for (const op of script()) h.apply(op);
  const big = h.view(true)!.pending[0];
  const e = explain(h.decision(big.uid)!);
  assert.equal(e.winner, null);
  assert.ok(e.rows.every((r) => !r.feasible));
  assert.ok(e.rows.some((r) => r.filters.some((f) => f.plugin === 'NodeResourcesFit' && f.result === 'fail')));
  assert.match(h.pendingMessage('default', 'big'), /^0\/3 nodes are available: .*Insufficient cpu/);
  assert.ok(e.message?.parts.some((p) => /CPU가 모자랍니다/.test(p.ko)));
  const web = h.view(true)!.nodes.flatMap((n) => n.podList).find((p) => p.name === 'web')!;
  assert.equal(explain(h.decision(web.uid)!).winner, web.node);
});

test('inspect: describe and YAML of a pod; names that are not names are refused', () => {
  const h = new Host(3, '');
  for (const op of script()) h.apply(op);
  const r = h.inspect('pod', 'default', 'web');
  assert.match(r.describe, /^Name:\s+web/m);
  assert.match(r.yaml, /^kind: Pod/m);
  assert.deepEqual(h.inspect('pod', 'default', 'web; rm -rf /'), { describe: '', yaml: '' });
  assert.deepEqual(h.inspect('secret', 'default', 'x'), { describe: '', yaml: '' });
});

test('complete: verbs, resource types, names, flags, files', () => {
  const h = new Host(3, '');
  for (const op of script()) h.apply(op);
  h.apply({ t: 'r', s: 'alias k=kubectl' });
  const c = (l: string) => complete(h.session, l).candidates;
  assert.deepEqual(c('kubectl ge'), ['get']);
  assert.ok(c('kubectl get ').includes('pods'));
  assert.deepEqual(c('k get pods '), ['big', 'web']);
  assert.deepEqual(c('kubectl describe node node0'), ['node01', 'node02']);
  assert.ok(c('kubectl get pods --all').includes('--all-namespaces'));
  assert.deepEqual(c('cat no'), ['notes.txt']);
  assert.deepEqual(c('sim fail-node node02'), ['node02']);
});

test('kubectl edit: the buffer kubectl offers, changing nothing; saving the edit patches the object, and replays', () => {
  const h = new Host(3, '');
  for (const op of script()) h.apply(op);
  const before = JSON.stringify(h.view(true));
  const buf = h.editBuffer('kubectl edit pod web');
  assert.match(buf.text ?? '', /^# Please edit the object below/);
  assert.match(buf.text ?? '', /image: nginx/);
  assert.equal(JSON.stringify(h.view(true)), before, 'looking changes nothing');
  assert.equal(h.editBuffer('kubectl edit pod nope').text, null);
  assert.match(h.editBuffer('kubectl edit pod nope').entries.map((e) => e.output.map((o) => o.text).join('')).join(''), /not found/);
  const op: Op = { t: 'e', s: 'kubectl edit pod web', content: buf.text!.replace('image: nginx', 'image: nginx:1.27') };
  const r = h.apply(op);
  assert.match(r.entries.map((e) => e.output.map((o) => o.text).join('')).join(''), /pod\/web edited/);
  // The same log on a fresh host gives the same cluster.
  const again = new Host(3, '');
  for (const o of script()) again.apply(o);
  again.editBuffer('kubectl edit pod web');
  again.apply(op);
  assert.equal(JSON.stringify(again.view(true)), JSON.stringify(h.view(true)));
  assert.match(again.inspect('pod', 'default', 'web').yaml, /image: nginx:1\.27/);
});

test('looking (describe, YAML, the edit buffer) moves no time even with `sim step`, and keeps $?', () => {
  const h = new Host(3, '');
  for (const op of script()) h.apply(op);
  h.apply({ t: 'r', s: 'sim step 5s' });
  h.apply({ t: 'r', s: 'false' });
  const now = h.now();
  h.inspect('pod', 'default', 'web');
  h.editBuffer('kubectl edit pod web');
  assert.equal(h.now(), now);
  const r = h.apply({ t: 'r', s: 'echo $?' });
  assert.equal(r.entries[0].output[0].text, '1\n');
});

test('kubectl edit: a rejected change reports the header kubectl reopened its editor with', () => {
  const h = new Host(7, '');
  h.apply({ t: 'r', s: 'kubectl run web --image=nginx' });
  h.apply({ t: 'a', ms: 10_000 });
  const buf = h.editBuffer('kubectl edit pod web').text!;
  const rejected = h.apply({ t: 'e', s: 'kubectl edit pod web', content: buf.replace('restartPolicy: Always', 'restartPolicy: Never') });
  assert.match(rejected.reopened ?? '', /^# pods "web" was not valid:\n# \* spec: Forbidden: pod updates may not change fields/m);
  assert.match(rejected.entries[0].output[0].text, /Edit cancelled, no valid changes were saved/);
  const accepted = h.apply({ t: 'e', s: 'kubectl edit pod web', content: h.editBuffer('kubectl edit pod web').text!.replace('image: nginx', 'image: nginx:1.29') });
  assert.equal(accepted.reopened, undefined);
  assert.match(accepted.entries[0].output[0].text, /pod\/web edited/);
});

test("the terminal's lines are the shell's history: numbered as bash, piped, N, -c; a block's script is not in it", () => {
  const h = new Host(3, '');
  const out = (s: string) => h.apply({ t: 'r', s }).entries.flatMap((e) => e.output.map((o) => o.text)).join('');
  h.apply(stepOp({ lay: [], write: [], script: 'kubectl get ns default' }));
  out('kubectl get nodes');
  out('echo hi');
  assert.equal(out('history'), '    1  kubectl get nodes\n    2  echo hi\n    3  history\n');
  assert.equal(out('history | grep nodes'), '    1  kubectl get nodes\n    4  history | grep nodes\n');
  assert.equal(out('history 2'), '    4  history | grep nodes\n    5  history 2\n');
  assert.equal(out('history x'), 'bash: history: x: numeric argument required\n');
  out('history -c');
  assert.equal(out('history'), '    1  history\n');
});
