/**
 * A client library from npm against `kubesim serve`: @kubernetes/client-node (the official JavaScript
 * client) lists pods, creates one, and watches it through scheduling and start-up as the simulated
 * clock advances (POST /kubesim/v1/sim). The server listens on 127.0.0.1 on a free port and is
 * stopped at the end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, KubeConfig, Watch, type V1Pod } from '@kubernetes/client-node';
import { startServing, type Serving } from './command.ts';

async function serve(): Promise<Serving> {
  return startServing({ port: 0, seed: 1, speed: 0, kubeconfig: `${process.env.TMPDIR ?? '/tmp'}/kubesim-clientnode-${process.pid}.yaml` });
}

function kubeConfig(url: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'kubesim', server: url, skipTLSVerify: true }],
    users: [{ name: 'kubesim' }],
    contexts: [{ name: 'kubesim', cluster: 'kubesim', user: 'kubesim', namespace: 'default' }],
    currentContext: 'kubesim',
  });
  return kc;
}

async function advance(url: string, d: string) {
  const r = await fetch(`${url}/kubesim/v1/sim`, { method: 'POST', body: JSON.stringify({ args: ['advance', d] }), headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 200);
}

test('@kubernetes/client-node lists and watches pods against kubesim serve', { timeout: 60_000 }, async () => {
  const s = await serve();
  try {
    const kc = kubeConfig(s.server.url);
    const core = kc.makeApiClient(CoreV1Api);
    // list: the kube-system pods of the default cluster
    const list = await core.listNamespacedPod({ namespace: 'kube-system' });
    const names = list.items.map((p) => p.metadata?.name ?? '');
    assert.ok(names.includes('kube-apiserver-controlplane'), names.join(' '));
    assert.ok(names.some((n) => n.startsWith('coredns-')));
    assert.match(list.metadata?.resourceVersion ?? '', /^\d+$/);

    // watch from the default namespace's list resourceVersion, then create a pod and let time pass
    const rv = (await core.listNamespacedPod({ namespace: 'default' })).metadata?.resourceVersion ?? '';
    const events: { type: string; phase?: string; node?: string }[] = [];
    const watch = new Watch(kc);
    let abort: AbortController | undefined;
    const done = new Promise<void>((resolve, reject) => {
      void watch
        .watch(
          '/api/v1/namespaces/default/pods',
          { resourceVersion: rv },
          (type: string, obj: V1Pod) => {
            events.push({ type, phase: obj.status?.phase, node: obj.spec?.nodeName });
            if (type === 'MODIFIED' && obj.status?.phase === 'Running') resolve();
          },
          (err: unknown) => {
            if (err) reject(err);
          },
        )
        .then((req) => (abort = req))
        .catch(reject);
    });
    // Wait until the watch is open (the server counts it) before creating.
    for (let i = 0; i < 100 && s.handler.watches.openWatches === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(s.handler.watches.openWatches, 1);
    const created = await core.createNamespacedPod({ namespace: 'default', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client-node' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } });
    assert.equal(created.metadata?.name, 'client-node');
    await advance(s.server.url, '10s');
    await done;
    abort?.abort();
    assert.equal(events[0].type, 'ADDED');
    assert.ok(events.some((e) => e.node), 'the pod got scheduled to a node');
    assert.equal(events.at(-1)?.phase, 'Running');

    // read it back, then delete it
    const pod = await core.readNamespacedPod({ name: 'client-node', namespace: 'default' });
    assert.equal(pod.status?.phase, 'Running');
    await core.deleteNamespacedPod({ name: 'client-node', namespace: 'default' });
    const after = await core.readNamespacedPod({ name: 'client-node', namespace: 'default' });
    assert.ok(after.metadata?.deletionTimestamp, 'graceful deletion marks the pod');
  } finally {
    await s.stop();
  }
});

test('@kubernetes/client-node: errors come back as Status objects', { timeout: 30_000 }, async () => {
  const s = await serve();
  try {
    const core = kubeConfig(s.server.url).makeApiClient(CoreV1Api);
    await assert.rejects(core.readNamespacedPod({ name: 'nope', namespace: 'default' }), (e: unknown) => {
      const err = e as { code?: number; body?: string };
      assert.equal(err.code, 404);
      const body = JSON.parse(String(err.body));
      assert.equal(body.kind, 'Status');
      assert.equal(body.message, 'pods "nope" not found');
      return true;
    });
  } finally {
    await s.stop();
  }
});
