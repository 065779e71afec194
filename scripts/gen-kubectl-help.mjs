#!/usr/bin/env node
// Generates src/sim/kubectl/generated/help.json: what `kubectl <command> -h` prints, for every command
// path the simulator implements (src/sim/kubectl/cmd/index.ts COMMANDS), read from a real kubectl
// binary ($KUBECTL_REAL, else the Google Cloud SDK's kubectl.1.33). cobra's help is static text
// (Long, Examples, flags, usage), independent of the cluster and the terminal.
//
// Run by a developer (never at build or run time):   npx node scripts/gen-kubectl-help.mjs
// Output is committed. Re-run after adding a command. Known v1.33 → v1.35 help changes belong in
// V135 below, each with its source.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../src/sim/kubectl/cmd/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src/sim/kubectl/generated/help.json');
const kubectl = process.env.KUBECTL_REAL || '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const version = JSON.parse(execFileSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' })).clientVersion.gitVersion;

/** Edits from the binary's text to v1.35's: [path, from, to, source]. None known yet. */
const V135 = [];

const paths = [];
const walk = (c, prefix) => {
  const p = [...prefix, c.name];
  paths.push(p.join(' '));
  for (const s of c.sub ?? []) walk(s, p);
};
for (const c of COMMANDS) walk(c, []);

const help = {};
for (const p of paths) {
  // An empty HOME and KUBECONFIG: nothing of this machine's kubeconfig can reach the text.
  help[p] = execFileSync(kubectl, [...p.split(' '), '-h'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
}
for (const [p, from, to] of V135) {
  if (!help[p]?.includes(from)) throw new Error(`${p}: "${from}" not in the ${version} help`);
  help[p] = help[p].replace(from, to);
}
fs.writeFileSync(OUT, JSON.stringify({ source: `kubectl ${version} <command> -h`, help }, null, 1) + '\n');
console.log(`${OUT}: ${paths.length} commands from kubectl ${version}`);
