/**
 * The corrections page lists every "바뀐 점"/"바로잡음" note of the notes, and every entry points at a
 * real note (and at the very note title when it names one), so the list cannot drift from the pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORRECTIONS, GAPS } from './corrections.ts';

const NOTES = join(import.meta.dirname, '..', 'content', 'notes');
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : []));
const pages = new Map(walk(NOTES).map((p) => [p.split('/').pop()!.replace(/\.mdx$/, ''), readFileSync(p, 'utf8')]));

/** Every <Note … kind="changed"> title on every page. */
const changedNotes = [...pages].flatMap(([slug, src]) =>
  [...src.matchAll(/<Note\s+title="([^"]+)"\s+kind="changed"/g)].map((m) => ({ slug, title: m[1] })),
);

test('every correction points at an existing note page', () => {
  const missing = [...CORRECTIONS, ...GAPS].map((c) => c.slug).filter((s) => !pages.has(s));
  assert.deepEqual(missing, []);
});

test('every "바뀐 점"/"바로잡음" note of the notes is listed on the corrections page', () => {
  const listed = new Set(CORRECTIONS.filter((c) => c.note).map((c) => `${c.slug}|${c.note}`));
  const unlisted = changedNotes.filter((n) => !listed.has(`${n.slug}|${n.title}`)).map((n) => `${n.slug}: ${n.title}`);
  assert.deepEqual(unlisted, []);
});

test('every listed note title is on its page', () => {
  const onPages = new Set(changedNotes.map((n) => `${n.slug}|${n.title}`));
  const stale = CORRECTIONS.filter((c) => c.note && !onPages.has(`${c.slug}|${c.note}`)).map((c) => `${c.slug}: ${c.note}`);
  assert.deepEqual(stale, []);
});

test('changed-note titles say what changed: "바뀐 점: …" or "바로잡음: …"', () => {
  const vague = changedNotes.filter((n) => !/^(바뀐 점|바로잡음): \S/.test(n.title)).map((n) => `${n.slug}: ${n.title}`);
  assert.deepEqual(vague, []);
});

test('every correction has at least one https source', () => {
  const bad = CORRECTIONS.filter((c) => c.sources.length === 0 || c.sources.some((s) => !s.url.startsWith('https://'))).map((c) => c.slug);
  assert.deepEqual(bad, []);
});

test('no TODO marker is left in the notes', () => {
  const left = [...pages].filter(([, src]) => /<Todo[\s>]/.test(src)).map(([slug]) => slug);
  assert.deepEqual(left, []);
});
