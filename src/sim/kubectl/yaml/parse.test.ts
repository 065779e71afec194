import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readManifests, validateManifest, decodeManifest, noObjectsPassed, type JsonValue } from './parse.ts';
import { printYAML } from '../printers/yaml.ts';
import { printJSON } from '../printers/json.ts';

interface Captured {
  id: string;
  args: string[];
  files?: Record<string, string>;
  stdin?: string;
  stdout: string;
  stderr: string;
  code: number;
}

// testdata/manifests.json: `kubectl create|apply -f <file> --dry-run=client [-o yaml|json]`
// captured from kubectl v1.33.1 offline (testdata/oracle/capture.mjs against a fake
// apiserver). Each case is replayed through readManifests → validateManifest →
// decodeManifest and printed as kubectl's create command prints it.
const captured: Captured[] = JSON.parse(readFileSync(new URL('./testdata/manifests.json', import.meta.url), 'utf8'));

function replay(c: Captured): { stdout: string; stderr: string } {
  const verb = c.args[0];
  const file = c.args[c.args.indexOf('-f') + 1];
  const source = file === '-' ? 'STDIN' : file;
  const text = file === '-' ? (c.stdin ?? '') : c.files![file];
  const validate = !c.args.includes('--validate=false');
  const oi = c.args.indexOf('-o');
  const output = oi >= 0 ? c.args[oi + 1] : '';
  const stream = readManifests(text, source);
  let stdout = '';
  let error: string | null = null;
  let n = 0;
  for (const doc of stream.documents) {
    if (validate) {
      error = validateManifest(doc, source);
      if (error) break;
    }
    const d = decodeManifest(doc, source);
    if (!d.ok) {
      error = d.error;
      break;
    }
    // All kinds used here are namespaced; the builder defaults the namespace.
    const obj: Record<string, JsonValue> = { ...d.object };
    const meta: Record<string, JsonValue> = { ...(d.object.metadata as Record<string, JsonValue>), namespace: 'default' };
    obj.metadata = meta;
    if (output === 'yaml') stdout += (n > 0 ? '---\n' : '') + printYAML(obj);
    else if (output === 'json') stdout += printJSON(obj);
    else stdout += `${String(obj.kind).toLowerCase()}/${String(meta.name)} created (dry run)\n`;
    n++;
  }
  if (!error && stream.error) error = stream.error;
  if (!error && n === 0) error = noObjectsPassed(verb);
  return { stdout, stderr: error ? `error: ${error}\n` : '' };
}

for (const c of captured) {
  test(`kubectl ${c.args.join(' ')} (${c.id})`, () => {
    const got = replay(c);
    assert.equal(got.stderr, c.stderr, 'stderr');
    assert.equal(got.stdout, c.stdout, 'stdout');
  });
}

test('the recording covers the manifest cases', () => {
  assert.ok(captured.length >= 90);
});

test('yaml line numbers are relative to the document chunk after a --- separator', () => {
  // decoder.go YAMLReader: the separator line ends a chunk and is not part of the next one.
  const text = 'apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod: x\n';
  assert.equal(
    readManifests(text, 'a.yaml').error,
    'error parsing a.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context',
  );
});

test('YAML 1.1 scalars as go-yaml v2 resolves them', () => {
  // sigs.k8s.io/yaml/goyaml.v2/resolve.go
  const { documents } = readManifests(
    'a: yes\nb: on\nc: No\nd: 1.0\ne: 0x1F\nf: 0777\ng: 08\nh: 1_000\ni: ~\nj: 2024-01-01\nk: 1e3\nl: .5\nm: +1\nnn: "yes"\no: 12:30\n',
    'x',
  );
  assert.deepEqual(documents[0].object, {
    a: true,
    b: true,
    c: false,
    d: 1,
    e: 31,
    f: 511,
    g: 8,
    h: 1000,
    i: null,
    j: '2024-01-01',
    k: 1000,
    l: 0.5,
    m: 1,
    nn: 'yes',
    o: '12:30',
  });
});

test('pathological input stays fast and safe', () => {
  // billion laughs: decode.go allowedAliasRatio stops it early.
  let s = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
  for (let i = 1; i < 12; i++) {
    const p = String.fromCharCode(97 + i - 1);
    const q = String.fromCharCode(97 + i);
    s += `${q}: &${q} [${Array(9).fill('*' + p).join(',')}]\n`;
  }
  // CPU time, not wall time: tests may share the machine.
  const cpuMs = (f: () => void): number => {
    const a = process.cpuUsage();
    f();
    const d = process.cpuUsage(a);
    return (d.user + d.system) / 1000;
  };
  let r: ReturnType<typeof readManifests> | undefined;
  const bombMs = cpuMs(() => (r = readManifests(s, 'bomb.yaml')));
  assert.equal(r!.error, 'error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing');
  assert.ok(bombMs < 1000, `billion laughs took ${bombMs} ms`);

  // ~10 MB document
  const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' + Array.from({ length: 200000 }, (_, i) => `  key${i}: "${'v'.repeat(40)}"\n`).join('');
  assert.ok(big.length > 9_000_000);
  let rb: ReturnType<typeof readManifests> | undefined;
  const bigMs = cpuMs(() => (rb = readManifests(big, 'big.yaml')));
  assert.equal(rb!.error, null);
  assert.equal(Object.keys((rb!.documents[0].object as { data: object }).data).length, 200000);
  assert.ok(bigMs < 1500, `10 MB took ${bigMs} ms of CPU`);

  // 100-level nesting (block and flow)
  let nested = '';
  for (let i = 0; i < 100; i++) nested += ' '.repeat(i * 2) + `k${i}:\n`;
  nested += ' '.repeat(200) + 'v\n';
  assert.equal(readManifests(nested, 'n.yaml').error, null);
  const flow = 'x: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
  assert.equal(readManifests(flow, 'f.yaml').error, null);
  // scannerc.go max_flow_level; the error is on line 0, so no "line N:" (checked against kubectl v1.33.1)
  const tooDeep = 'x: ' + '['.repeat(10001) + ']'.repeat(10001) + '\n';
  assert.equal(
    readManifests(tooDeep, 'd.yaml').error,
    'error parsing d.yaml: error converting YAML to JSON: yaml: exceeded max depth of 10000',
  );
});
