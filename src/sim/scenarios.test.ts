/**
 * Scenario transcripts: every test/scenarios/**\/NAME.sh is run with `kubesim run` semantics on a fresh
 * cluster (seed from a `# seed: N` line, default 1; Kubernetes version from `# version: vX.Y.Z`) and must print exactly NAME.out. Each script's
 * header comments cite the Kubernetes source or doc its expected output follows.
 * UPDATE_SCENARIOS=1 rewrites the .out files (review the diff before committing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from './session.ts';

const ROOT = new URL('../../test/scenarios/', import.meta.url).pathname;

function scripts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...scripts(p));
    else if (name.endsWith('.sh')) out.push(p);
  }
  return out;
}

for (const file of scripts(ROOT)) {
  const rel = file.slice(ROOT.length);
  test(`scenario ${rel}`, () => {
    const script = readFileSync(file, 'utf8');
    const seed = Number(/^#\s*seed:\s*(\d+)/m.exec(script)?.[1] ?? 1);
    // `# version: v1.34.3` builds the cluster at that Kubernetes version (ClusterOptions.version).
    const version = /^#\s*version:\s*(v[\d.]+)/m.exec(script)?.[1];
    const got = Session.format(new Session({ seed, ...(version ? { version } : {}) }).run(script));
    const expectedFile = file.replace(/\.sh$/, '.out');
    if (process.env.UPDATE_SCENARIOS || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, got);
      if (!process.env.UPDATE_SCENARIOS) assert.fail(`${rel}: no expected transcript yet; wrote ${expectedFile.slice(ROOT.length)} — review it`);
      return;
    }
    assert.equal(got, readFileSync(expectedFile, 'utf8'));
  });
}
