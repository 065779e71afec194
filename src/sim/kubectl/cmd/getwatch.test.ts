import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object.ts';
import { lookupResource } from '../../api/resources.ts';
import type { StoreEvent } from '../../store/store.ts';
import { Session } from '../../session.ts';
import { TabWriter } from '../tabwriter.ts';
import { UNBOUNDED_CAP_MS, UNBOUNDED_QUIET_MS, followWatch, requestTimeoutMs, watchEventFor } from './getwatch.ts';

// kubectl pkg/cmd/get/get.go watch(); cli-runtime pkg/printers/tabwriter.go (liggitt/tabwriter
// RememberWidths); apiserver pkg/storage/cacher/cacher.go (selectors on the old and new object);
// client-go clientcmd (--request-timeout: bare integers are seconds).

test('TabWriter remembers column widths across flushes; a wider cell widens the column from then on', () => {
  const tw = new TabWriter();
  // Transcript of kubectl v1.33.1 `get pods -w` against kubesim serve (RememberWidths).
  assert.equal(tw.write([['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ['a', '1/1', 'Running', '0', '12s'], ['b', '0/1', 'ContainerCreating', '0', '0s']]), 'NAME   READY   STATUS              RESTARTS   AGE\na      1/1     Running             0          12s\nb      0/1     ContainerCreating   0          0s\n');
  assert.equal(tw.write([['b', '1/1', 'Running', '0', '3s']]), 'b      1/1     Running             0          3s\n');
  assert.equal(tw.write([['a-much-longer-name', '1/1', 'Running', '0', '3s']]), 'a-much-longer-name   1/1     Running             0          3s\n');
  assert.equal(tw.write([['b', '1/1', 'Running', '0', '3s']]), 'b                    1/1     Running             0          3s\n');
});

test('requestTimeoutMs: Go durations, bare integers as seconds, 0 = none, garbage undefined', () => {
  const cases: [string, number | undefined][] = [
    ['0', 0],
    ['30s', 30_000],
    ['20', 20_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['x', undefined],
  ];
  for (const [v, want] of cases) assert.equal(requestTimeoutMs(v), want, v);
});

test('followWatch: the request timeout at once; without one 1s steps until 60s quiet, capped, then Ctrl+C', () => {
  const steps: number[] = [];
  assert.deepEqual(followWatch(30_000, (ms) => (steps.push(ms), 3)), { interrupted: false });
  assert.deepEqual(steps, [30_000]);

  // Events in the first 5 steps, then quiet: 5 + 60 steps.
  let n = 0;
  assert.deepEqual(followWatch(0, () => (++n <= 5 ? 1 : 0)), { interrupted: true });
  assert.equal(n, 5 + UNBOUNDED_QUIET_MS / 1000);

  // Never quiet (a lease): the cap.
  n = 0;
  followWatch(0, () => (++n, 1));
  assert.equal(n, UNBOUNDED_CAP_MS / 1000);
});

test('watchEventFor: selectors on the old and the new object, namespace prefix, kind', () => {
  const pods = lookupResource('pods')!;
  const pod = (labels: Record<string, string>, ns = 'default'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: ns, labels, resourceVersion: '5' } }) as KubeObject;
  const ev = (type: StoreEvent['type'], value: KubeObject, prev?: KubeObject): StoreEvent => ({ type, key: `/registry/pods/${value.metadata.namespace}/p`, value, prev, revision: 9 });
  const match = (o: KubeObject) => o.metadata.labels?.app === 'web';
  const prefix = '/registry/pods/default/';
  const cases: { name: string; e: StoreEvent; want?: [string, string] }[] = [
    { name: 'added, matching', e: ev('ADDED', pod({ app: 'web' })), want: ['ADDED', '5'] },
    { name: 'added, not matching', e: ev('ADDED', pod({ app: 'db' })) },
    { name: 'modified, still matching', e: ev('MODIFIED', pod({ app: 'web' }), pod({ app: 'web' })), want: ['MODIFIED', '5'] },
    { name: 'starts matching: ADDED', e: ev('MODIFIED', pod({ app: 'web' }), pod({ app: 'db' })), want: ['ADDED', '5'] },
    { name: 'stops matching: DELETED at the revision of the change', e: ev('MODIFIED', pod({ app: 'db' }), pod({ app: 'web' })), want: ['DELETED', '9'] },
    { name: 'deleted', e: ev('DELETED', pod({ app: 'web' })), want: ['DELETED', '9'] },
    { name: 'other namespace', e: ev('ADDED', pod({ app: 'web' }, 'other')) },
  ];
  for (const c of cases) {
    const got = watchEventFor(c.e, pods, prefix, match);
    assert.deepEqual(got ? [got.type, got.obj.metadata.resourceVersion] : undefined, c.want, c.name);
  }
});

test('get -w in a session: events while time passes, the named object without its synthetic ADDED, Ctrl+C rule', () => {
  const s = new Session({ seed: 1 });
  const out = Session.format(s.run('kubectl run a --image=nginx\nkubectl get pod a -w --request-timeout=10s\nkubectl get pods --watch-only --request-timeout=5s\nkubectl get pods -w\necho $?'));
  assert.equal(
    out,
    [
      '$ kubectl run a --image=nginx',
      'pod/a created',
      '$ kubectl get pod a -w --request-timeout=10s',
      'NAME   READY   STATUS              RESTARTS   AGE',
      'a      0/1     ContainerCreating   0          0s',
      'a      0/1     ContainerCreating   0          0s',
      'a      1/1     Running             0          3s',
      '$ kubectl get pods --watch-only --request-timeout=5s',
      '$ kubectl get pods -w',
      'NAME   READY   STATUS    RESTARTS   AGE',
      'a      1/1     Running   0          15s',
      '^C',
      '$ echo $?',
      '1',
      '',
    ].join('\n'),
  );
});
