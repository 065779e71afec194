import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indent, needsMoreLines, newline } from './editing.ts';

/** "|" marks the caret (or [ ] a selection) in these cases. */
function parse(s: string) {
  const a = s.indexOf('[');
  if (a >= 0) {
    const b = s.indexOf(']') - 1;
    return { text: s.replace('[', '').replace(']', ''), start: a, end: b };
  }
  const i = s.indexOf('|');
  return { text: s.replace('|', ''), start: i, end: i };
}
function show(e: { text: string; start: number; end: number }) {
  return e.start === e.end ? e.text.slice(0, e.start) + '|' + e.text.slice(e.start) : e.text.slice(0, e.start) + '[' + e.text.slice(e.start, e.end) + ']' + e.text.slice(e.end);
}

test('Enter keeps YAML indentation', () => {
  const rows: [string, string][] = [
    ['metadata:|', 'metadata:\n  |'],
    ['  name: web|', '  name: web\n  |'],
    ['spec:\n  containers:|', 'spec:\n  containers:\n    |'],
    ['  - name: web|', '  - name: web\n    |'],
    ['  - name:|', '  - name:\n      |'],
    ['# comment:|', '# comment:\n|'],
    ['a: 1|b', 'a: 1\n|b'],
  ];
  for (const [before, after] of rows) {
    const p = parse(before);
    assert.equal(show(newline(p.text, p.start, p.end)), after, before);
  }
});

test('Tab / Shift+Tab indent and dedent lines by two spaces', () => {
  const rows: [string, boolean, string][] = [
    ['a|', false, 'a  |'],
    ['[a\nb]', false, '[  a\n  b]'],
    ['[  a\n    b]', true, '[a\n  b]'],
    ['  a|', true, 'a|'],
    ['x\n  [y]', true, 'x\n[y]'],
  ];
  for (const [before, dedent, after] of rows) {
    const p = parse(before);
    assert.equal(show(indent(p.text, p.start, p.end, dedent)), after, `${before} ${dedent}`);
  }
});

test('needsMoreLines: open here-documents and continuations', () => {
  assert.equal(needsMoreLines('kubectl get pods'), false);
  assert.equal(needsMoreLines("cat <<EOF > a.yaml\napiVersion: v1"), true);
  assert.equal(needsMoreLines("cat <<'EOF' > a.yaml\napiVersion: v1\nEOF"), false);
  assert.equal(needsMoreLines('cat <<-EOF\n\tx\n\tEOF'), false);
  assert.equal(needsMoreLines('kubectl run web \\'), true);
  assert.equal(needsMoreLines('echo a\\\\'), false);
});

test('needsMoreLines: open compound commands, quotes and trailing operators', () => {
  for (const [text, more] of [
    ['for i in 1 2; do', true],
    ['for i in 1 2; do\n  echo $i', true],
    ['for i in 1 2; do\n  echo $i\ndone', false],
    ['if kubectl get ns x; then', true],
    ['while true; do kubectl get pods; sleep 2; done', false],
    ['{ echo a', true],
    ["echo 'abc", true],
    ['kubectl get pods &&', true],
    ['done', false], // a syntax error, not an open command: run it and show the error
    ["cat <<EOF\nit's\nEOF", false],
  ] as const) {
    assert.equal(needsMoreLines(text), more, text);
  }
});
