/**
 * The tabwriter against go/src/text/tabwriter/tabwriter_test.go cases, and the PrefixWriter against
 * layouts from k8s.io/kubectl/pkg/describe/describe_test.go (TestDescribeIngress,
 * TestDescribeTerminalEscape) and Go's sort against sort.Sort's contract.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goSort } from './gosort.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, newNestedPrefixWriter, newPrefixWriter } from './prefixwriter.ts';
import { tabbedString, TabWriter } from './tabwriter.ts';

function tw(minwidth: number, padding: number, padchar: string, src: string, chunks = 1): string {
  const w = new TabWriter({ minwidth, tabwidth: 0, padding, padchar });
  // Writes may arrive in pieces; the result must not depend on it.
  const size = Math.ceil(src.length / chunks);
  for (let i = 0; i < src.length; i += size) w.write(src.slice(i, i + size));
  w.flush();
  return w.output();
}

// go/src/text/tabwriter/tabwriter_test.go
const GO_CASES: { name: string; minwidth: number; padding: number; padchar: string; src: string; expected: string }[] = [
  { name: '2', minwidth: 8, padding: 1, padchar: '.', src: '\n\n\n', expected: '\n\n\n' },
  { name: '3', minwidth: 8, padding: 1, padchar: '.', src: 'a\nb\nc', expected: 'a\nb\nc' },
  { name: '5b', minwidth: 8, padding: 1, padchar: '.', src: '*\t\n', expected: '*.......\n' },
  { name: '7b', minwidth: 8, padding: 1, padchar: ' ', src: '1\t2\t3\t4\t5\t6\t7\t8\t\n', expected: '1       2       3       4       5       6       7       8       \n' },
  { name: '9a', minwidth: 1, padding: 0, padchar: '.', src: '1\t2\t3\t4\n11\t222\t3333\t44444\n', expected: '1.2..3...4\n11222333344444\n' },
  { name: '10a', minwidth: 5, padding: 0, padchar: '.', src: '1\t2\t3\t4\n', expected: '1....2....3....4\n' },
  { name: '10b', minwidth: 5, padding: 0, padchar: '.', src: '1\t2\t3\t4\t\n', expected: '1....2....3....4....\n' },
  {
    name: '11 (runes, not bytes)',
    minwidth: 8,
    padding: 1,
    padchar: '.',
    src: '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
    expected: '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
  },
  { name: '15a (empty column)', minwidth: 4, padding: 0, padchar: '.', src: 'a\t\tb', expected: 'a.......b' },
];

for (const c of GO_CASES) {
  test(`tabwriter: Go case ${c.name}`, () => {
    assert.equal(tw(c.minwidth, c.padding, c.padchar, c.src), c.expected);
    assert.equal(tw(c.minwidth, c.padding, c.padchar, c.src, 3), c.expected);
  });
}

// The describe settings: minwidth 0, padding 2, spaces.
const DESCRIBE_CASES: { name: string; src: string; expected: string }[] = [
  { name: 'one column block', src: 'Name:\tnginx\nNamespace:\tdefault\n', expected: 'Name:       nginx\nNamespace:  default\n' },
  {
    name: 'a line without a tab ends the block',
    src: 'Name:\ta\nContainers:\n  c:\n    Image:\tnginx\n',
    expected: 'Name:  a\nContainers:\n  c:\n    Image:  nginx\n',
  },
  {
    name: 'the last cell of a line is in no column (trailing spaces only on terminated cells)',
    src: '  Type\tStatus\n  Ready \tTrue \n',
    expected: '  Type    Status\n  Ready   True \n',
  },
  { name: 'an empty cell still takes the padding', src: 'a\t\tb\nccc\t\td\n', expected: 'a      b\nccc    d\n' },
];

for (const c of DESCRIBE_CASES) {
  test(`tabwriter (describe settings): ${c.name}`, () => {
    assert.equal(
      tabbedString((w) => w.write(c.src)),
      c.expected,
    );
  });
}

test('tabwriter: Flush ends the column blocks (DescribeEvents)', () => {
  const out = tabbedString((w) => {
    w.write('QoS Class:\tBestEffort\n');
    w.flush();
    w.write('Events:\n  Type\tReason\n');
  });
  assert.equal(out, 'QoS Class:  BestEffort\nEvents:\n  Type  Reason\n');
});

test('PrefixWriter: the ingress rules layout of TestDescribeIngress', () => {
  const out = tabbedString((t) => {
    const w = newPrefixWriter(t);
    w.write(LEVEL_0, 'Name:\tbar\n');
    w.write(LEVEL_0, 'Labels:\t');
    w.writeLine('<none>');
    w.write(LEVEL_0, 'Namespace:\tfoo\n');
    w.write(LEVEL_0, 'Address:\t\n');
    w.write(LEVEL_0, 'Ingress Class:\ttest\n');
    w.write(LEVEL_0, 'Default backend:\t<default>\n');
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    w.write(LEVEL_1, 'foo.bar.com\t\n');
    w.write(LEVEL_2, '\t/foo \tAPIGroup: example.com, Kind: foo, Name: bar\n');
    w.write(LEVEL_0, 'Annotations:\t');
    w.writeLine('<none>');
    w.write(LEVEL_0, 'Events:\t<none>\n');
  });
  assert.equal(
    out,
    `Name:             bar
Labels:           <none>
Namespace:        foo
Address:          
Ingress Class:    test
Default backend:  <default>
Rules:
  Host         Path  Backends
  ----         ----  --------
  foo.bar.com  
               /foo   APIGroup: example.com, Kind: foo, Name: bar
Annotations:   <none>
Events:        <none>
`,
  );
});

test('PrefixWriter: terminal escapes (TestDescribeTerminalEscape), nested writers', () => {
  const out = tabbedString((t) => {
    const w = newPrefixWriter(t);
    w.write(LEVEL_0, 'annotation1: terminal escape: \x1b\r\n');
    const n = newNestedPrefixWriter(w, LEVEL_2);
    n.write(LEVEL_0, 'StorageClass:\tgold\n');
    n.writeLine('x', 'y');
  });
  assert.equal(out, 'annotation1: terminal escape: ^[\\r\n    StorageClass:  gold\n    x y\n');
});

test('goSort: sorts like sort.Sort, and keeps small slices in insertion order for equal keys', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const n of [0, 1, 2, 5, 12, 13, 40, 51, 200, 1000]) {
    const xs = Array.from({ length: n }, () => Math.floor(rnd() * 50));
    const sorted = goSort([...xs], (a, b) => a < b);
    assert.deepEqual(sorted, [...xs].sort((a, b) => a - b), `n=${n}`);
  }
  // ≤ 12 elements: insertion sort, stable.
  const items = [3, 1, 3, 2, 1].map((k, i) => ({ k, i }));
  assert.deepEqual(
    goSort(items, (a, b) => a.k < b.k).map((x) => x.i),
    [1, 4, 3, 0, 2],
  );
});
