import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMeta } from './meta.ts';
import { blockAttributes, blockFromDataset, classify, isManifest, pageFiles, planFor, prerequisites, stepsFor, type BlockSpec } from './blocks.ts';
import { judge } from './outcome.ts';
import { blocksOf } from './extract.ts';

test('parseMeta: flags and attributes, both quote styles, escapes', () => {
  const cases: [string | null, string[], Record<string, string>][] = [
    [null, [], {}],
    ['norun', ['norun'], {}],
    ['mistake title="pod.yaml"', ['mistake'], { title: 'pod.yaml' }],
    [`error='unknown field "spec.x"' needs="#2, web"`, [], { error: 'unknown field "spec.x"', needs: '#2, web' }],
    ['error="can\'t" action=create', [], { error: "can't", action: 'create' }],
    ['title="a \\"b\\""', [], { title: 'a "b"' }],
    ['  {1,3}  norun ', ['norun'], {}],
  ];
  for (const [meta, flags, attrs] of cases) {
    const m = parseMeta(meta);
    assert.deepEqual([...m.flags], flags, String(meta));
    assert.deepEqual(m.attrs, attrs, String(meta));
  }
});

test('isManifest: top-level apiVersion and kind in some document', () => {
  assert.equal(isManifest('apiVersion: v1\nkind: Pod\n'), true);
  assert.equal(isManifest('kind: Pod\napiVersion: v1'), true);
  assert.equal(isManifest('a: 1\n---\napiVersion: v1\nkind: Pod'), true);
  assert.equal(isManifest('tolerations:\n- key: app'), false);
  assert.equal(isManifest('spec:\n  apiVersion: v1\n  kind: Pod'), false);
});

test('classify: what runs, and the declared outcome', () => {
  const rows: [string, string | null, string, Partial<BlockSpec> | null][] = [
    ['sh', null, 'kubectl get pods', { kind: 'shell', expect: { ok: true }, id: '#1', action: 'run' }],
    ['bash', 'norun', 'kubectl get pods', null],
    ['text', null, 'Taints: x', null],
    ['yaml', null, 'tolerations: []', null],
    ['yaml', 'title="pod.yaml"', 'apiVersion: v1\nkind: Pod', { kind: 'manifest', file: 'pod.yaml', id: 'pod.yaml', action: 'apply' }],
    ['yaml', 'title="my pod.yaml"', 'apiVersion: v1\nkind: Pod', { file: 'block-1.yaml', title: 'my pod.yaml' }],
    ['yaml', 'mistake', 'apiVersion: v1\nkind: Pod', { mistake: true, expect: { ok: false }, file: 'block-1.yaml' }],
    ['sh', 'mistake error="invalid taint effect"', 'kubectl taint', { expect: { ok: false, error: 'invalid taint effect' } }],
    ['yaml', 'mistake expect="ok" output="CrashLoopBackOff" then="sleep 5; kubectl get pod x"', 'apiVersion: v1\nkind: Pod', { expect: { ok: true, output: 'CrashLoopBackOff' }, then: ['sleep 5', 'kubectl get pod x'] }],
    ['yaml', 'action=create id=web needs="#1 ns"', 'apiVersion: v1\nkind: Pod', { action: 'create', id: 'web', needs: ['#1', 'ns'] }],
    ['sh', null, '   ', null],
  ];
  for (const [lang, meta, code, want] of rows) {
    const got = classify(lang, meta, code, 1);
    if (want === null) assert.equal(got, null, `${lang} ${meta}`);
    else for (const [k, v] of Object.entries(want)) assert.deepEqual(got?.[k as keyof BlockSpec], v, `${lang} ${meta}: ${k}`);
  }
});

test('planFor: manifests are written to their file and applied; then-lines follow', () => {
  const m = classify('yaml', 'title="pod.yaml" then="kubectl get pods"', 'apiVersion: v1\nkind: Pod', 1)!;
  assert.deepEqual(planFor(m, 'apply', m.code), { files: [{ path: 'pod.yaml', content: 'apiVersion: v1\nkind: Pod\n' }], script: 'kubectl apply -f pod.yaml\nkubectl get pods' });
  assert.equal(planFor(m, 'delete', m.code).script, 'kubectl delete -f pod.yaml');
  const s = classify('sh', null, 'kubectl get pods\nkubectl get nodes', 2)!;
  assert.deepEqual(planFor(s, 'run', 'kubectl get ns'), { files: [], script: 'kubectl get ns' });
});

test('pageFiles: the nearest earlier block of each file that is not a mistake', () => {
  const blocks = [
    classify('yaml', 'title="a.yaml"', 'apiVersion: v1\nkind: Pod # 1', 1)!,
    classify('yaml', 'mistake title="a.yaml"', 'apiVersion: v1\nkind: Pod # 2', 2)!,
    classify('sh', null, 'kubectl create -f a.yaml', 3)!,
    classify('yaml', 'title="b.yaml"', 'apiVersion: v1\nkind: Pod # 4', 4)!,
  ];
  assert.deepEqual(pageFiles(blocks, blocks[2]).map((f) => [f.path, f.content.slice(-2, -1)]), [['a.yaml', '1'], ['b.yaml', '4']]);
  assert.deepEqual(pageFiles(blocks, blocks[0]).map((f) => f.path), ['b.yaml'], 'a block is not its own file');
});

test('stepsFor: a mistake manifest puts the page\'s good file back after it runs; others do not', () => {
  const blocks = [
    classify('yaml', 'title="rs.yaml"', 'apiVersion: v1\nkind: Pod # good', 1)!,
    classify('yaml', 'mistake title="rs.yaml"', 'apiVersion: v1\nkind: Pod # typo', 2)!,
    classify('yaml', 'mistake title="only.yaml"', 'apiVersion: v1\nkind: Pod # alone', 3)!,
  ];
  const { steps } = stepsFor(blocks, blocks[1], 'apply', new Set());
  assert.deepEqual(steps.map((s) => [s.write.map((f) => f.content.trim().slice(-4)), !!s.restore]), [[['typo'], false], [['good'], true]]);
  assert.equal(stepsFor(blocks, blocks[0], 'apply', new Set()).steps.length, 1, 'a good block leaves its file as written');
  assert.equal(stepsFor(blocks, blocks[2], 'apply', new Set()).steps.length, 1, 'no good version: nothing to put back');
});

test('prerequisites: transitive, in page order, without those already run; unknown refs reported', () => {
  const blocks = [
    classify('sh', 'id=ns', 'kubectl create ns dev', 1)!,
    classify('yaml', 'title="p.yaml" needs="ns"', 'apiVersion: v1\nkind: Pod', 2)!,
    classify('sh', 'needs="p.yaml, nope"', 'kubectl get pods -n dev', 3)!,
  ];
  assert.deepEqual(prerequisites(blocks, blocks[2]).order.map((b) => b.n), [1, 2]);
  assert.deepEqual(prerequisites(blocks, blocks[2]).unknown, ['nope']);
  assert.deepEqual(prerequisites(blocks, blocks[2], new Set([1])).order.map((b) => b.n), [2]);
});

test('judge: success, failure, expected error text, expected output', () => {
  const ok = [{ command: 'kubectl get pods', output: [{ stream: 'stdout' as const, text: 'NAME READY\nweb 1/1 Running\n' }], status: 0 }];
  const bad = [{ command: 'kubectl taint', output: [{ stream: 'stderr' as const, text: 'error: invalid taint effect: X\n' }], status: 1 }];
  assert.equal(judge({ ok: true }, ok).asExpected, true);
  assert.equal(judge({ ok: true, output: 'Running' }, ok).asExpected, true);
  assert.match(judge({ ok: true, output: 'Pending' }, ok).reason, /출력에 "Pending"/);
  assert.match(judge({ ok: false }, ok).reason, /오류가 나야/);
  assert.equal(judge({ ok: false, error: 'invalid taint effect' }, bad).asExpected, true);
  assert.match(judge({ ok: false, error: 'unknown field' }, bad).reason, /오류 메시지에/);
  assert.match(judge({ ok: true }, bad).reason, /성공해야 하는데 실패했습니다: error: invalid taint effect/);
});

test('the build step finds fences anywhere (lists, JSX callouts) and numbers them per page', () => {
  const src = '---\ntitle: t\nsetup: |\n  kubectl get ns\n---\n\n1. 먼저\n\n   ```sh\n   kubectl get pods\n   ```\n\n<Mistake title="x">\n```yaml mistake title="p.yaml"\napiVersion: v1\nkind: Pod\n```\n</Mistake>\n\n```yaml norun\napiVersion: v1\nkind: Pod\n```\n';
  const { blocks, frontmatter } = blocksOf(src);
  assert.equal(frontmatter.setup, 'kubectl get ns\n');
  assert.deepEqual(blocks.map((b) => [b.n, b.kind, b.mistake, b.code]), [[1, 'shell', false, 'kubectl get pods'], [2, 'manifest', true, 'apiVersion: v1\nkind: Pod']]);
});

test('blockAttributes / blockFromDataset round trip (what the page runtime reads back)', () => {
  const camel = (k: string) => k.replace(/^data-/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const metas = ['', 'title="pod.yaml"', 'mistake title="p.yaml" error=\'unknown "x"\'', 'id=web needs="#1 ns" action=create', 'mistake expect="ok" output="Crash" then="sleep 5; kubectl get pods"'];
  for (const [i, meta] of metas.entries()) {
    for (const [lang, code] of [['yaml', 'apiVersion: v1\nkind: Pod'], ['sh', 'kubectl get pods']]) {
      const b = classify(lang, meta, code, i + 1)!;
      const dataset = Object.fromEntries(Object.entries(blockAttributes(b)).map(([k, v]) => [camel(k), v]));
      assert.deepEqual(blockFromDataset(dataset, code), b, `${lang} ${meta}`);
    }
  }
  assert.equal(blockFromDataset({ n: 'x', kind: '<script>' }, 'ls').kind, 'shell', 'damaged attributes give a plain block');
});
