/**
 * Issue 10 acceptance: a real kubectl (v1.33) against `kubesim serve` — get (every output format),
 * describe, create, apply (client- and server-side, with a conflict and --force-conflicts), replace,
 * delete, run, expose, scale, label, annotate, taint, cordon, uncordon, drain, rollout
 * status/history/undo, set image, logs, exec, explain (OpenAPI v3 and v2), edit (KUBE_EDITOR),
 * get -w, wait. The server runs in this process on 127.0.0.1 (a free port) with the clock at
 * 20× real time; skipped with a message when no real kubectl is found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServing, type Serving } from '../../src/sim/serve/command.ts';
import { findRealKubectl } from '../differential/harness.ts';

const real = findRealKubectl();

interface Result {
  code: number;
  out: string;
  err: string;
}

function kubectl(s: Serving, dir: string, args: string[], opts: { stdin?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(real!.path, args, { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: s.kubeconfig, KUBECACHEDIR: join(dir, 'cache'), ...(opts.env ?? {}) }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.end(opts.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGINT'), opts.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, err });
    });
  });
}

if (!real) {
  test('real kubectl against kubesim serve', { skip: 'no real kubectl found: set KUBECTL_REAL=/path/to/kubectl (v1.33)' }, () => {});
} else {
  test(`real kubectl ${real.version} drives kubesim serve`, { timeout: 600_000 }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-kubectl-'));
    const s = await startServing({ port: 0, seed: 1, speed: 20, kubeconfig: join(dir, 'kubeconfig') });
    const k = (args: string[], opts?: Parameters<typeof kubectl>[3]) => kubectl(s, dir, args, opts);
    const ok = async (args: string[], expect?: RegExp, opts?: Parameters<typeof kubectl>[3]) => {
      const r = await k(args, opts);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')}\n${r.out}${r.err}`);
      if (expect) assert.match(r.out, expect, `kubectl ${args.join(' ')}`);
      return r;
    };
    try {
      await t.test('get in every output format', async () => {
        await ok(['get', 'nodes'], /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\ncontrolplane\s+Ready\s+control-plane/);
        await ok(['get', 'pods', '-A', '-o', 'wide'], /kube-system\s+etcd-controlplane\s+1\/1\s+Running/);
        await ok(['get', 'ns', 'default', '-o', 'yaml'], /^apiVersion: v1\nkind: Namespace\n/);
        await ok(['get', 'ns', 'default', '-o', 'json'], /"kind": "Namespace"/);
        await ok(['get', 'deploy', '-n', 'kube-system', '-o', 'name'], /^deployment\.apps\/coredns\n$/);
        await ok(['get', 'nodes', '-o', 'jsonpath={.items[*].metadata.name}'], /^controlplane node01 node02$/);
        await ok(['get', 'nodes', '-o', 'custom-columns=N:.metadata.name,K:.status.nodeInfo.kubeletVersion'], /node01\s+v1\.35\.0/);
        await ok(['get', 'all', '-n', 'kube-system'], /service\/kube-dns/);
        await ok(['get', 'po', '-n', 'kube-system', '-l', 'k8s-app=kube-dns', '--show-labels'], /k8s-app=kube-dns/);
        await ok(['api-resources'], /deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
      });
      await t.test('create, run, expose, scale, set image, rollout', async () => {
        await ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'], /deployment\.apps\/web created/);
        await ok(['rollout', 'status', 'deploy/web', '--timeout=120s'], /successfully rolled out/);
        await ok(['scale', 'deploy', 'web', '--replicas=3'], /deployment\.apps\/web scaled/);
        await ok(['set', 'image', 'deploy/web', 'nginx=nginx:1.28'], /image updated/);
        await ok(['rollout', 'status', 'deploy/web', '--timeout=120s'], /successfully rolled out/);
        await ok(['rollout', 'history', 'deploy/web'], /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
        await ok(['rollout', 'undo', 'deploy/web'], /rolled back/);
        await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'], /^nginx:1\.27$/);
        await ok(['expose', 'deploy', 'web', '--port=80'], /service\/web exposed/);
        await ok(['run', 'probe', '--image=busybox', '--restart=Never', '--', 'sleep', '3600'], /pod\/probe created/);
        await ok(['wait', '--for=condition=Ready', 'pod/probe', '--timeout=60s'], /condition met/);
        await ok(['describe', 'deploy', 'web'], /Replicas:\s+3 desired \| 3 updated/);
      });
      await t.test('label, annotate, edit, replace, apply client- and server-side', async () => {
        await ok(['label', 'deploy', 'web', 'tier=fe'], /labeled/);
        await ok(['annotate', 'deploy', 'web', 'owner=alpha'], /annotated/);
        await ok(['edit', 'deploy', 'web'], /deployment\.apps\/web edited/, { env: { KUBE_EDITOR: 'sed -i s/alpha/beta/' } });
        await ok(['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations.owner}'], /^beta$/);
        const manifest = join(dir, 'cm.yaml');
        writeFileSync(manifest, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n');
        await ok(['apply', '-f', manifest], /configmap\/cfg created/);
        await ok(['apply', '-f', manifest], /configmap\/cfg unchanged/);
        writeFileSync(manifest, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "2"\n');
        await ok(['replace', '-f', manifest], /configmap\/cfg replaced/);
        const ssa = join(dir, 'ssa.yaml');
        writeFileSync(ssa, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: "1"\n');
        await ok(['apply', '--server-side', '-f', ssa], /configmap\/ssa serverside-applied/);
        writeFileSync(ssa, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: "2"\n');
        const conflict = await k(['apply', '--server-side', '--field-manager=other', '-f', ssa]);
        assert.equal(conflict.code, 1);
        assert.match(conflict.err, /Apply failed with 1 conflict: conflict with "kubectl" using v1: \.data\.a/);
        await ok(['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', ssa], /serverside-applied/);
        await ok(['get', 'cm', 'ssa', '-o', 'yaml', '--show-managed-fields'], /manager: other\n\s+operation: Apply/);
      });
      await t.test('logs, exec, explain', async () => {
        await ok(['logs', 'deploy/web'], /nginx/);
        await ok(['exec', 'probe', '--', 'echo', 'hello'], /^hello\n$/);
        const code = await k(['exec', 'probe', '--', 'sh', '-c', 'exit 3']);
        assert.equal(code.code, 3);
        await ok(['exec', '-i', 'probe', '--', 'cat'], /^piped\n$/, { stdin: 'piped\n' });
        await ok(['explain', 'deploy.spec.strategy'], /^GROUP:\s+apps\nKIND:\s+Deployment\nVERSION:\s+v1\n\nFIELD: strategy <DeploymentStrategy>/);
        await ok(['explain', 'pod.spec.containers.ports', '--output=plaintext-openapiv2'], /RESOURCE: ports <\[\]Object>/);
      });
      await t.test('get -w', async () => {
        const w = k(['get', 'pods', '-w', '-l', 'run=watched'], { timeoutMs: 8_000 });
        await new Promise((r) => setTimeout(r, 1500));
        await ok(['run', 'watched', '--image=nginx']);
        const r = await w;
        assert.match(r.out, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nwatched\s+0\/1\s+Pending/);
        assert.match(r.out, /watched\s+1\/1\s+Running/);
        assert.equal((r.out.match(/^NAME/gm) ?? []).length, 1, 'one header: later Table events carry no column definitions');
      });
      await t.test('taint, cordon, drain, uncordon, delete', async () => {
        await ok(['delete', 'pod', 'probe', '--grace-period=1'], /pod "probe" deleted/);
        const nf = await k(['get', 'pod', 'probe']);
        assert.equal(nf.code, 1);
        assert.match(nf.err, /Error from server \(NotFound\): pods "probe" not found/);
        await ok(['taint', 'nodes', 'node02', 'dedicated=infra:NoSchedule'], /node\/node02 tainted/);
        await ok(['taint', 'nodes', 'node02', 'dedicated=infra:NoSchedule-'], /node\/node02 untainted/);
        await ok(['cordon', 'node01'], /node\/node01 cordoned/);
        await ok(['get', 'nodes', 'node01'], /Ready,SchedulingDisabled/);
        const d = await ok(['drain', 'node01', '--ignore-daemonsets', '--force', '--timeout=120s'], /node\/node01 drained/);
        assert.match(d.err + d.out, /evicting pod/);
        await ok(['uncordon', 'node01'], /node\/node01 uncordoned/);
        await ok(['delete', 'deploy', 'web'], /deployment\.apps "web" deleted/);
      });
    } finally {
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
