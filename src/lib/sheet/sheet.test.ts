/**
 * The cheat sheets (src/lib/sheet): built from the notes' marked blocks, they carry what the issue
 * promises (a block a note loses fails here), every command on them runs in the simulator with the
 * outcome the sheet declares — on the sheet page's own cluster, as the page runs it, tested like the
 * notes' blocks — and the generators print there exactly what the sheet shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../sim/session.ts';
import { blocksOf } from '../run/extract.ts';
import { findBlock, type BlockSpec } from '../run/blocks.ts';
import { judge, type RunEntry } from '../run/outcome.ts';
import { runOnPage, seedOf } from '../run/runner.ts';
import { GLOSSARY } from '../../data/glossary.ts';
import { parseNote, readNotes, type NoteSource } from './extract.ts';
import { collectItems, composeSheet, composeSheets, markProblems, outputText, sheetItems, sheetMarkdown, shownOutput, COMMAND_OUTPUT_LINES, OUTPUT_COLUMNS, type Sheet } from './compose.ts';
import { captureNote } from './capture.ts';
import { captureJobs } from './pool.ts';
import { REQUIRED } from './required.ts';
import { sheetSlug } from './links.ts';

const notes = readNotes();
const items = collectItems(notes);
const sheets = composeSheets(notes);

const show = (entries: RunEntry[]) =>
  entries
    .map((e) => `$ ${e.command}  [exit ${e.status}]\n${e.output.map((o) => (o.stream === 'stderr' ? o.text.replace(/^/gm, '! ') : o.text)).join('')}`)
    .join('')
    .slice(0, 1500);

// ---- the marks and what the sheets promise ----

test('every `sheet` mark is on a runnable block that succeeds, with a caption', () => {
  assert.deepEqual(markProblems(notes), []);
});

test('the sheets carry what the issue promises, from the notes', async (t) => {
  for (const r of REQUIRED) {
    const found = items.filter((i) => r.match(i));
    if (r.pending && found.length === 0) {
      await t.test(r.what, { todo: r.pending }, () => assert.ok(false, 'not in the notes yet'));
      continue;
    }
    await t.test(r.what, () => assert.ok(found.length > 0, `no note block marked \`sheet\` is a "${r.what}": was it removed from its note?`));
  }
});

// ---- extraction and composition ----

const SAMPLE = `---
title: "샘플 <노트>"
section: exam-tips
order: 1
summary: s
setup: |
  kubectl create namespace lab
---

## 파드

- 파드 만들기

\`\`\`sh sheet
kubectl run web --image=nginx
\`\`\`

설명 문단이다.

\`\`\`yaml title="pod.yaml" sheet="파드 뼈대"
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx
\`\`\`

\`\`\`sh norun
kubectl describe pod <이름>
\`\`\`

1. 먼저 만든다.

   \`\`\`sh
   kubectl create -f pod.yaml
   \`\`\`

2. 지운다.

   \`\`\`sh sheet needs="#3"
   kubectl delete -f pod.yaml
   \`\`\`
`;

function sampleNote(): NoteSource {
  const p = parseNote(SAMPLE);
  return { file: 'exam-tips/sample.mdx', slug: 'sample', title: '샘플 <노트>', section: 'exam-tips', order: 1, setup: 'kubectl create namespace lab\n', ...p };
}

test('parseNote: captions from the note, steps of ordered lists, numbering as the build step', () => {
  const n = sampleNote();
  assert.deepEqual(
    n.fences.map((f) => [f.sheet, f.before, f.heading, f.step ?? null]),
    [
      ['', '파드 만들기', '파드', null],
      ['파드 뼈대', '설명 문단이다.', '파드', null],
      [null, '', '파드', null],
      [null, '먼저 만든다.', '파드', 1],
      ['', '지운다.', '파드', 2],
    ],
  );
  assert.deepEqual(n.blockOf.map((b) => b?.n ?? null), [1, 2, null, 3, 4]);
  assert.deepEqual(n.blocks, blocksOf(SAMPLE).blocks);
});

test('collectItems: a marked block brings the blocks it needs and the manifests it reads', () => {
  const n = sampleNote();
  const got = collectItems([n]).map((i) => [i.key, i.marked, i.kind]);
  assert.deepEqual(got, [
    ['sample#setup', false, 'setup'],
    ['sample#1', true, 'command'],
    ['sample#2', true, 'manifest'],
    ['sample#3', false, 'command'],
    ['sample#4', true, 'command'],
  ]);
});

test('sheetMarkdown: ids and needs rewritten, titles escaped, output shown and shortened', () => {
  const n = sampleNote();
  const its = collectItems([n]);
  const sheet = composeSheet('exam-tips', [n], its);
  const long = Array.from({ length: 9 }, (_, i) => `line ${i}`).join('\n');
  const outputs = new Map<string, RunEntry[]>([
    ['sample#1', [{ command: 'kubectl run web --image=nginx', output: [{ stream: 'stdout', text: 'pod/web created\n' }], status: 0 }]],
    ['sample#4', [{ command: 'x', output: [{ stream: 'stdout', text: long }], status: 0 }]],
  ]);
  const md = sheetMarkdown(sheet, { notes: [n], outputs });
  assert.match(md, /<a href="\/notes\/sample\/">샘플 &lt;노트&gt;<\/a>/);
  assert.match(md, /```sh id="sample-4" needs="sample-setup sample-3"\nkubectl delete -f pod\.yaml\n```/);
  assert.match(md, /```sh id="sample-setup"\nkubectl create namespace lab\n```/);
  assert.match(md, /```yaml id="sample-2" title="pod\.yaml" needs="sample-setup"\n/);
  assert.match(md, /```text\npod\/web created\n```/);
  assert.match(md, /<span class="sheet-step">2\.<\/span> 지운다\./);
  assert.ok(md.includes(`line ${COMMAND_OUTPUT_LINES - 2}\n… (${9 - COMMAND_OUTPUT_LINES + 1}줄 더)`));
  // The sheet's own blocks, as the build step sees them: one per item, needs resolvable.
  const { blocks } = blocksOf(md);
  assert.deepEqual(blocks.map((b) => b.id), ['sample-setup', 'sample-1', 'sample-2', 'sample-3', 'sample-4']);
  assert.deepEqual(blocks[4].needs.map((r) => findBlock(blocks, r)?.n), [1, 4]);
  const one = { code: 'kubectl get pods' } as BlockSpec;
  assert.equal(shownOutput({ kind: 'generator', block: one }, long), long);
  assert.equal(shownOutput({ kind: 'command', block: { code: 'sleep 5\nkubectl get pods' } as BlockSpec }, long), '', 'several commands: no output');
  const wide = 'x'.repeat(OUTPUT_COLUMNS + 10);
  assert.equal(shownOutput({ kind: 'command', block: one }, wide), 'x'.repeat(OUTPUT_COLUMNS - 1) + '…');
  assert.equal(shownOutput({ kind: 'generator', block: one }, wide), wide, 'generated YAML is never cut');
  assert.equal(shownOutput({ kind: 'command', block: one }, 'No resources found in default namespace.'), '');
});

// ---- the real sheets ----

test('the sheets: an all-in-one and one per section with items', () => {
  assert.equal(sheets[0].id, 'all');
  assert.ok(sheets.length >= 6, sheets.map((s) => s.id).join(' '));
  assert.equal(sheetItems(sheets[0]).length, items.length);
  const sectionTotal = sheets.slice(1).reduce((n, s) => n + sheetItems(s).length, 0);
  assert.equal(sectionTotal, items.length, 'every item is on exactly one section sheet');
});

/** The sheet's Markdown with real outputs, and its blocks as the build step finds them. */
function built(sheet: Sheet, outputs: Map<string, RunEntry[]>) {
  const md = sheetMarkdown(sheet, { notes, outputs });
  return { md, blocks: blocksOf(md).blocks };
}

let captured: Map<string, RunEntry[]> | undefined;
function outputs(): Map<string, RunEntry[]> {
  if (captured) return captured;
  captured = new Map();
  for (const job of captureJobs(notes, items)) {
    const runs = captureNote(job);
    for (const n of job.items) captured.set(`${job.slug}#${n}`, runs[n]);
  }
  return captured;
}

test('each sheet block is its note block: same code, same declared outcome', () => {
  for (const sheet of sheets) {
    const { blocks } = built(sheet, new Map());
    const its = sheetItems(sheet);
    assert.equal(blocks.length, its.length, `${sheet.id}: one runnable block per item`);
    its.forEach((item, i) => {
      const b = blocks[i];
      assert.equal(b.code, item.block.code, `${sheet.id} ${item.key}: code`);
      if (item.kind === 'setup') return;
      assert.deepEqual(b.expect, item.block.expect, `${sheet.id} ${item.key}: declared outcome`);
      assert.equal(b.kind, item.block.kind);
      assert.equal(b.file, item.block.file);
      for (const ref of b.needs) assert.ok(findBlock(blocks, ref), `${sheet.id} ${item.key}: needs ${ref}`);
    });
  }
});

/** A sheet page's fresh cluster (the page has no scenario of its own: notes' scenarios are blocks). */
const sheetSession = (sheet: Sheet) => new Session({ seed: seedOf(sheetSlug(sheet.id)) });

test('the all-in-one sheet: every block alone on the sheet page cluster does what it declares', async (t) => {
  const sheet = sheets[0];
  const { blocks } = built(sheet, new Map());
  for (const block of blocks) {
    await t.test(`#${block.n} ${block.id} (${block.kind}, ${block.expect.ok ? 'ok' : 'error'})`, () => {
      const run = runOnPage(sheetSession(sheet), blocks, block, block.action, { done: new Set() });
      for (const b of run.before) {
        const dep = blocks[b.n - 1];
        const v = judge(dep.expect, b.entries);
        assert.ok(v.asExpected, `prerequisite ${dep.id}: ${v.reason}\n${show(b.entries)}`);
      }
      const verdict = judge(block.expect, run.entries);
      assert.ok(verdict.asExpected, `${verdict.reason}\n${show(run.entries)}`);
    });
  }
});

test('each section sheet, run top to bottom on its page cluster, does what it declares', async (t) => {
  for (const sheet of sheets.slice(1)) {
    await t.test(sheet.id, () => {
      const { blocks } = built(sheet, new Map());
      const session = sheetSession(sheet);
      const done = new Set<number>();
      for (const block of blocks) {
        let entries = runOnPage(session, blocks, block, block.action, { done }).entries;
        // A block that depends on a clean cluster (as a learner who jumps to it has) gets one.
        if (!judge(block.expect, entries).asExpected) entries = runOnPage(sheetSession(sheet), blocks, block, block.action, { done: new Set() }).entries;
        const v = judge(block.expect, entries);
        assert.ok(v.asExpected, `${block.id}: ${v.reason}\n${show(entries)}`);
      }
    });
  }
});

test('what the sheet shows under a generator is what it prints on the sheet page', () => {
  const sheet = sheets[0];
  const out = outputs();
  const { blocks } = built(sheet, out);
  const its = sheetItems(sheet);
  const checked: string[] = [];
  its.forEach((item, i) => {
    if (item.kind !== 'generator' || item.block.then.length) return;
    const shown = out.get(item.key);
    assert.ok(shown, `${item.key}: no output captured`);
    const run = runOnPage(sheetSession(sheet), blocks, blocks[i], 'run', { done: new Set() });
    assert.equal(outputText(run.entries), outputText(shown), `${item.key}: the sheet shows other output than the sheet page prints`);
    checked.push(item.key);
  });
  assert.ok(checked.length >= 5, `generators checked: ${checked.join(' ')}`);
});

test('every shown output comes from a run that did what the block declares', () => {
  for (const item of items) {
    if (item.kind === 'manifest' || item.kind === 'setup') continue;
    const entries = outputs().get(item.key)!;
    assert.ok(entries?.length, `${item.key}: no transcript`);
    const v = judge(item.block.expect, entries);
    assert.ok(v.asExpected, `${item.key}: ${v.reason}`);
  }
});

// ---- short names ----

test('every short name on the sheet is the one `kubectl api-resources` lists for that kind', () => {
  const session = new Session({ seed: 1 });
  const [entry] = session.run('kubectl api-resources');
  const text = entry.output.map((o) => o.text).join('');
  const [header, ...rows] = text.trim().split('\n');
  const col = (name: string) => header.indexOf(name);
  const shortCol = col('SHORTNAMES');
  const kindCol = col('KIND');
  assert.ok(shortCol > 0 && kindCol > 0, header);
  const byKind = new Map<string, string[]>();
  for (const row of rows) {
    const kind = row.slice(kindCol).trim();
    const shorts = row.slice(shortCol).split(/\s+/)[0];
    if (shorts && !/^(true|false|v\d|[\w.-]+\/v)/.test(shorts)) byKind.set(kind, shorts.split(','));
  }
  const allKinds = new Set(rows.map((r) => r.slice(kindCol).trim()));
  const wrong: string[] = [];
  let checked = 0;
  for (const e of GLOSSARY) {
    const kind = e.en.find((x) => allKinds.has(x));
    // Kinds the simulator does not serve (Ingress, HPA, …) are left to the glossary's own source.
    if (!kind) continue;
    for (const s of e.short ?? []) {
      checked++;
      if (!(byKind.get(kind) ?? []).includes(s)) wrong.push(`${e.id}: ${s} (api-resources: ${(byKind.get(kind) ?? []).join(',') || 'none'})`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(checked >= 12, `${checked} short names checked`);
});

test('sheet output for a block with no output shows nothing', () => {
  assert.equal(outputText([{ command: 'alias k=kubectl', output: [], status: 0 }]), '');
});


test('sheetMarkdown: the steps with code are numbered again 1, 2, … and a step with two blocks once', () => {
  const SRC = `## 업그레이드

1. 버전을 본다.

   \`\`\`sh sheet
   kubectl version
   \`\`\`

2. 문서를 읽는다(코드 없음).

3. 노드를 비운다.

   \`\`\`sh sheet
   kubectl drain node01 --ignore-daemonsets
   \`\`\`

   \`\`\`sh sheet
   kubectl get nodes
   \`\`\`

4. 되돌린다.

   \`\`\`sh sheet
   kubectl uncordon node01
   \`\`\`
`;
  const n: NoteSource = { file: 'maintenance/steps.mdx', slug: 'steps', title: '단계', section: 'maintenance', order: 1, setup: '', ...parseNote(SRC) };
  const md = sheetMarkdown(composeSheet('maintenance', [n], collectItems([n])), { notes: [n], outputs: new Map() });
  assert.deepEqual([...md.matchAll(/<span class="sheet-step">(\d+)\.<\/span> ([^\n]*)/g)].map((m) => `${m[1]} ${m[2]}`), ['1 버전을 본다.', '2 노드를 비운다.', '3 되돌린다.']);
});
