import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { replay, type Captured } from './testdata/replay.ts';
import { toV135 } from '../printers/testdata/v135.ts';

// testdata/generate.json: `kubectl run|create|expose … --dry-run=client [-o yaml|json|name]`
// captured from kubectl v1.33.1 offline (see ../yaml/testdata/README.md). Sources:
// pkg/cmd/run/run.go, pkg/generate/versioned/run.go, pkg/cmd/create/create_*.go,
// pkg/cmd/expose/expose.go, pkg/generate/versioned/service.go, pkg/polymorphichelpers.
const captured: Captured[] = JSON.parse(readFileSync(new URL('./testdata/generate.json', import.meta.url), 'utf8'));

// Cases that belong to other layers (klog warning with a timestamp; resource builder errors).
const SKIP = new Set(['run dry=true', 'expose no args']);

for (const c of captured) {
  if (SKIP.has(c.id)) continue;
  test(`kubectl ${c.args.join(' ')} (${c.id})`, () => {
    // create_deployment.go sanitizeAndUniquify appends utilrand.String(5); replay the recorded draw.
    const drawn = /name: my-image-([bcdfghjklmnpqrstvwxz2456789]{5})\n/.exec(c.stdout)?.[1];
    const got = replay(c, drawn ? () => drawn : undefined);
    assert.equal(got.stderr, c.stderr, 'stderr');
    // v1.35: no `creationTimestamp: null` in objects built by the client
    assert.equal(got.stdout, toV135(c.stdout), 'stdout');
  });
}

test('the recording covers the generators', () => {
  assert.ok(captured.length > 230);
});
