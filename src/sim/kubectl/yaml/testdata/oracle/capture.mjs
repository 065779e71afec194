// Test tooling, not part of the simulator: runs a real kubectl binary against fakeapi.mjs
// and records what it prints, so that the simulator's tests can compare against it.
//
//   node capture.mjs cases.json out.json
//
// cases.json: [{ "id": "...", "args": ["create", "-f", "pod.yaml", ...],
//                "files": { "pod.yaml": "..." }, "objects": { "deployments/web": {...} },
//                "stdin": "..." }]
// out.json gets each case plus { stdout, stderr, code, kubectl }.
// KUBECTL selects the binary (default /usr/lib/google-cloud-sdk/bin/kubectl.1.33).

import { spawnSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const KUBECTL = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const [casesFile, outFile] = process.argv.slice(2);
const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-oracle-'));
const objectsDir = path.join(work, 'objects');
const port = 18000 + Math.floor(Math.random() * 1000);
const kubeconfig = path.join(work, 'kubeconfig');
fs.writeFileSync(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: http://127.0.0.1:${port}
  name: fake
contexts:
- context:
    cluster: fake
    user: u
    namespace: default
  name: fake
current-context: fake
users:
- name: u
  user: {}
`,
);

const server = fork(path.join(here, 'fakeapi.mjs'), [], {
  env: { ...process.env, FAKEAPI_PORT: String(port), FAKEAPI_OBJECTS: objectsDir },
  stdio: 'ignore',
});
await new Promise((resolve) => server.once('message', resolve));

const version = spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).stdout.split('\n')[0];
const results = [];
try {
  for (const c of cases) {
    const dir = path.join(work, 'case');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.rmSync(objectsDir, { recursive: true, force: true });
    fs.mkdirSync(objectsDir, { recursive: true });
    for (const [name, content] of Object.entries(c.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    for (const [key, obj] of Object.entries(c.objects ?? {})) {
      const f = path.join(objectsDir, key + '.json');
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, JSON.stringify(obj));
    }
    const r = spawnSync(KUBECTL, c.args, {
      cwd: dir,
      input: c.stdin ?? '',
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: work, KUBECONFIG: kubeconfig },
    });
    results.push({ ...c, stdout: r.stdout, stderr: r.stderr, code: r.status, kubectl: version });
  }
} finally {
  server.kill();
  fs.rmSync(work, { recursive: true, force: true });
}
fs.writeFileSync(outFile, JSON.stringify(results, null, 1) + '\n');
console.log(`captured ${results.length} cases with ${version}`);
