/**
 * Client-only kubectl commands checked directly against the local real kubectl, no server involved
 * (KUBECONFIG points nowhere): generators with --dry-run=client, flag and argument errors, and the
 * connection error of a command that needs the server. The simulator's output must equal the real
 * binary's after the documented normalisation (./normalize.ts). Skipped, saying so, without a real kubectl.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Session } from '../../src/sim/session.ts';
import { lineDiff, versionFacts } from './compare.ts';
import { findRealKubectl } from './harness.ts';
import { normalize, rules } from './normalize.ts';

const real = findRealKubectl();

/** Cases where the simulator is still wrong, with the reason (reported as todo, not failed). */
const TODO: Record<string, string> = {};

const CASES: string[][] = [
  // cobra's required flags, checked before anything contacts a server (names sorted, joined)
  ['create', 'cronjob', 'x'],
  ['scale', 'deploy', 'x'],
  ['run', 'x'],
  ['create', 'clusterrolebinding', 'x'],
  ['create', 'service', 'externalname', 'x'],
  ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=80', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'json'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client'],
  ['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=2', '--dry-run=client', '-o', 'yaml'],
  ['create', 'secret', 'generic', 's', '--from-literal=user=admin', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'api', '--tcp=443:8443', '--dry-run=client', '-o', 'yaml'],
  ['create', 'job', 'j', '--image=busybox', '--dry-run=client', '-o', 'yaml', '--', 'echo', 'hi'],
  ['create', 'cronjob', 'c', '--image=busybox', '--schedule=*/5 * * * *', '--dry-run=client', '-o', 'yaml'],
  ['create', 'namespace', 'team', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web'],
  ['create', 'deployment'],
  ['create', 'configmap', 'cfg', '--from-literal=a'],
  // client-go util/jsonpath parser.go: escaped dots in a field name, `.*`, single-quoted keys only
  ['create', 'deployment', 'app', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.metadata.labels.app\\.x}|{.metadata.labels.*}|{.metadata.labels[\'app\']}|{.spec.template.metadata.labels.app}'],
  ['create', 'deployment', 'app', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.metadata.labels["app"]}'],
  ['create', 'deployment', 'app', '--image=nginx', '--dry-run=client', '-o', 'custom-columns=A:.metadata.labels.app,B:.spec.template.spec.containers[*].image'],
  ['get', 'pods'],
  ['version', '--client'],
];

function shellQuote(a: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

if (!real) {
  test('client-only commands against the local real kubectl', { skip: 'no real kubectl found: set KUBECTL_REAL=/path/to/kubectl (v1.33)' }, () => {});
} else {
  const rs = rules(versionFacts(real.path));
  for (const argv of CASES) {
    const line = `kubectl ${argv.map(shellQuote).join(' ')}`;
    test(`client-only: ${line}`, { todo: TODO[argv.join(' ')] }, () => {
      let out = '';
      try {
        out = execFileSync(real.path, argv, { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent', KUBECONFIG: '/nonexistent/config' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
      } catch (e) {
        const err = e as { stdout?: string; stderr?: string };
        out = (err.stdout ?? '') + (err.stderr ?? '');
      }
      const realT = normalize(`$ ${line}\n${out}`, 'real', rs);
      const simT = normalize(Session.format(new Session({ seed: 1 }).run(`KUBECONFIG=/nonexistent/config ${line}`)).replace(/^\$ KUBECONFIG=\/nonexistent\/config /, '$ '), 'sim', rs);
      assert.equal(simT, realT, lineDiff(simT, realT));
    });
  }
}
