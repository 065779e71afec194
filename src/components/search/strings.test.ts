import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SECTIONS } from '../../sections.ts';
import { SEARCH_SECTIONS } from './strings.ts';

test('the search chips are the course sections, in order, with their short and full names', () => {
  assert.deepEqual(
    SEARCH_SECTIONS,
    SECTIONS.map((s) => ({ id: s.id, title: s.short, full: s.title })),
  );
});
