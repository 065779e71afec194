// The committed src/sim/api/schema/generated/*.json must be exactly what scripts/gen-schema.mjs
// derives from the installed kubernetes-models + the overlay files (no hand edits of generated data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('generated schema is up to date with scripts/gen-schema.mjs', () => {
  const script = fileURLToPath(new URL('./gen-schema.mjs', import.meta.url));
  const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.match(out, /up to date/);
});
