/**
 * Every lab, headless through the simulator: the untouched starting state fails its check (with a
 * message), the model solution passes it; setups and solutions run without a failing command and
 * end on the control plane. Plus the shape of the lab data (ids, notes, texts, section sizes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SECTIONS } from '../sections.ts';
import { LABS, LABS_BY_SECTION, labByKey } from './index.ts';
import { grade, labKey, solve, startLab } from './run.ts';
import { DOMAINS } from './types.ts';
import type { TranscriptEntry } from '../sim/session.ts';

const NOTES = join(import.meta.dirname, '..', 'content', 'notes');
const noteSlugs = new Set(readdirSync(NOTES).flatMap((s) => readdirSync(join(NOTES, s)).map((f) => f.replace(/\.mdx$/, ''))));

function failed(entries: TranscriptEntry[]): string[] {
  return entries.filter((e) => e.command && e.status !== 0).map((e) => `${e.command.split('\n')[0]} → ${e.status}: ${e.output.map((o) => o.text).join('').trim().slice(0, 200)}`);
}

test('lab data: unique ids, known notes and domains, texts present', () => {
  const keys = new Set<string>();
  for (const lab of LABS) {
    const key = labKey(lab);
    assert.match(lab.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, key);
    assert.ok(!keys.has(key), `duplicate ${key}`);
    keys.add(key);
    assert.ok(lab.title.trim() && lab.task.trim() && lab.solution.trim(), `${key}: title, task and solution`);
    assert.ok(lab.hints.length > 0, `${key}: at least one hint`);
    assert.ok(lab.notes.length > 0, `${key}: names its notes`);
    for (const n of lab.notes) assert.ok(noteSlugs.has(n), `${key}: unknown note ${n}`);
    assert.ok(lab.domain in DOMAINS, `${key}: domain`);
    assert.equal(labByKey(key), lab);
  }
  assert.equal(labByKey('nope/nothing'), undefined);
  assert.equal(labByKey(42), undefined);
});

test('every section has 10–20 labs and every note of a lab section is practised', () => {
  for (const s of SECTIONS) {
    const n = LABS_BY_SECTION[s.id].length;
    assert.ok(n >= 10 && n <= 20, `${s.id}: ${n} labs`);
  }
  const practised = new Set(LABS.flatMap((l) => l.notes));
  assert.deepEqual([...noteSlugs].filter((n) => !practised.has(n)).sort(), [], 'notes no lab practises');
});

for (const lab of LABS) {
  const key = labKey(lab);
  test(`lab ${key}: the starting state fails its check`, () => {
    const { session, setup } = startLab(lab);
    assert.deepEqual(failed(setup), [], 'setup commands succeed');
    assert.equal(session.shell.depth, 0, 'setup ends on the control plane');
    const g = grade(lab, session);
    assert.equal(g.ok, false, 'untouched start must not pass');
    assert.ok(g.messages.length > 0 && g.messages.every((m) => m.trim().length > 0), 'says what is wrong');
    assert.ok(!g.messages.some((m) => m.startsWith('채점 중 오류')), `check threw: ${g.messages.join('; ')}`);
  });
  test(`lab ${key}: the model solution passes its check`, () => {
    const { session } = startLab(lab);
    const out = solve(lab, session);
    assert.deepEqual(failed(out), [], 'solution commands succeed');
    assert.equal(session.shell.depth, 0, 'solution ends on the control plane');
    const g = grade(lab, session);
    assert.deepEqual(g.messages, [], 'no complaints');
    assert.equal(g.ok, true);
  });
}

/** Other right answers than the model solution, written as learners write them. */
const ALTERNATIVES: { lab: string; why: string; solution: string }[] = [
  {
    lab: 'maintenance/etcd-restore',
    why: 'a trailing slash and quotes name the same directory',
    solution: `etcdutl snapshot restore /opt/snapshot-pre-boot.db --data-dir /var/lib/etcd-from-backup
sed -i 's|path: /var/lib/etcd$|path: "/var/lib/etcd-from-backup/"|' /etc/kubernetes/manifests/etcd.yaml
sleep 60`,
  },
  {
    lab: 'scheduling/static-pod-create',
    why: 'a quoted name is the same name',
    solution: `kubectl run static-busybox --image=busybox --dry-run=client -o yaml --command -- sleep 1000 | sed 's/name: static-busybox/name: "static-busybox"/' > /etc/kubernetes/manifests/static-busybox.yaml
sleep 30`,
  },
];

for (const alt of ALTERNATIVES) {
  test(`lab ${alt.lab}: another right answer passes (${alt.why})`, () => {
    const lab = labByKey(alt.lab);
    assert.ok(lab, alt.lab);
    const { session } = startLab(lab);
    const out = session.run(alt.solution);
    assert.deepEqual(failed(out), [], 'commands succeed');
    const g = grade(lab, session);
    assert.deepEqual(g.messages, [], 'no complaints');
    assert.equal(g.ok, true);
  });
}
