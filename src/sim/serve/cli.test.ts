/**
 * `kubesim serve` and `kubesim sim` as processes: the startup banner and kubeconfig, loopback only,
 * the error for a port that is taken, `kubesim sim advance` against the running server, and graceful
 * shutdown on SIGINT (the kubeconfig it wrote is removed). Each test starts its own server on a free
 * port and stops it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/kubesim.mjs', import.meta.url));

function run(args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return { child, out: () => out, err: () => err, exit };
}

async function until(f: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('kubesim serve: banner, kubeconfig, port in use, sim advance, SIGINT', { timeout: 90_000 }, async () => {
  const a = run(['serve', '--port', '0', '--speed', '0']);
  try {
    await until(() => /Press Ctrl\+C/.test(a.out()));
    const url = /at (http:\/\/127\.0\.0\.1:(\d+))/.exec(a.out())![1];
    const port = /127\.0\.0\.1:(\d+)/.exec(url)![1];
    const kubeconfig = /kubeconfig written to (\S+)/.exec(a.out())![1];
    assert.match(readFileSync(kubeconfig, 'utf8'), new RegExp(`server: ${url.replace(/\./g, '\\.')}`));
    const health = await fetch(`${url}/readyz`);
    assert.equal(await health.text(), 'ok');
    const version = (await (await fetch(`${url}/version`)).json()) as { gitVersion: string };
    assert.equal(version.gitVersion, 'v1.35.0');

    // the same port again: a clear error, exit status 1
    const b = run(['serve', '--port', port]);
    assert.equal(await b.exit, 1);
    assert.match(b.err(), new RegExp(`kubesim serve: port ${port} on 127\\.0\\.0\\.1 is already in use`));

    // sim operations from the command line
    const s = run(['sim', 'advance', '90s', '--server', url]);
    assert.equal(await s.exit, 0, s.err());
    assert.equal(s.out(), 'clock: 2026-01-15T09:16:30Z\n');
    const n = run(['sim', 'now', '--kubeconfig', kubeconfig]);
    assert.equal(await n.exit, 0, n.err());
    assert.equal(n.out(), '2026-01-15T09:16:30Z\n');
    const bad = run(['sim', 'fail-node', 'nope', '--server', url]);
    assert.equal(await bad.exit, 1);
    assert.match(bad.err(), /nope/);

    // Ctrl+C
    a.child.kill('SIGINT');
    assert.equal(await a.exit, 0);
    assert.match(a.out(), /kubesim: interrupt, shutting down/);
    assert.equal(existsSync(kubeconfig), false, 'the kubeconfig written to the temp dir is removed');
    await assert.rejects(fetch(`${url}/readyz`));
  } finally {
    a.child.kill('SIGKILL');
  }
});

test('kubesim serve: argument errors', async () => {
  const r = run(['serve', '--speed', '-1']);
  assert.equal(await r.exit, 2);
  assert.match(r.err(), /--speed must be a number ≥ 0/);
  const env = { ...process.env };
  delete env.KUBECONFIG;
  const s = run(['sim', 'advance', '30s'], env);
  assert.equal(await s.exit, 2);
  assert.match(s.err(), /kubesim sim: no server: pass --server URL/);
});
