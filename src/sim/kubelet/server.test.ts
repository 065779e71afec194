import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import { logTimestamp, renderLogs, validateContainerLogStatus } from './server.ts';

// validateContainerLogStatus: kubernetes/kubernetes pkg/kubelet/kubelet_pods.go (the texts the user
// sees as `Error from server (BadRequest): …`); renderLogs: PodLogOptions semantics of the kubelet's
// log reader (sinceSeconds, tailLines, limitBytes, timestamps as RFC3339NanoFixed).

const cid = 'containerd://abc';
function cs(state: ContainerStatus['state'], last: ContainerStatus['lastState'] = {}): ContainerStatus {
  return { name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, state, lastState: last } as ContainerStatus;
}

test('validateContainerLogStatus: which instance, or which error', () => {
  const term = { exitCode: 1, containerID: cid };
  const cases: [string, ContainerStatus | undefined, boolean, ReturnType<typeof validateContainerLogStatus>][] = [
    ['no status', undefined, false, { error: 'container "app" in pod "p" is not available' }],
    ['running', cs({ running: {} }), false, { instance: 'current' }],
    ['running, --previous without history', cs({ running: {} }), true, { error: 'previous terminated container "app" in pod "p" not found' }],
    ['restarted, --previous', cs({ running: {} }, { terminated: term }), true, { instance: 'previous' }],
    ['crash loop shows the last run', cs({ waiting: { reason: 'CrashLoopBackOff' } }, { terminated: term }), false, { instance: 'previous' }],
    ['terminated', cs({ terminated: term }), false, { instance: 'current' }],
    ['terminated without id', cs({ terminated: { exitCode: 128 } }), false, { error: 'container "app" in pod "p" is terminated' }],
    ['creating', cs({ waiting: { reason: 'ContainerCreating' } }), false, { error: 'container "app" in pod "p" is waiting to start: ContainerCreating' }],
    ['pull error', cs({ waiting: { reason: 'ErrImagePull' } }), false, { error: 'container "app" in pod "p" is waiting to start: image can\'t be pulled' }],
    ['pull back-off', cs({ waiting: { reason: 'ImagePullBackOff' } }), false, { error: 'container "app" in pod "p" is waiting to start: trying and failing to pull image' }],
    ['config error', cs({ waiting: { reason: 'CreateContainerConfigError' } }), false, { error: 'container "app" in pod "p" is waiting to start: CreateContainerConfigError' }],
    ['no state', cs({}), false, { error: 'container "app" in pod "p" is waiting to start - no logs yet' }],
  ];
  for (const [name, status, previous, want] of cases) assert.deepEqual(validateContainerLogStatus('p', status, 'app', previous), want, name);
});

test('renderLogs: since, tail, limit-bytes, timestamps', () => {
  const t0 = Date.UTC(2026, 0, 15, 9, 0, 0);
  const lines = [0, 1, 2, 3].map((i) => ({ time: t0 + i * 60_000, text: `line ${i}` }));
  const now = t0 + 3 * 60_000;
  const base = { container: 'app', previous: false, follow: false, timestamps: false };
  assert.equal(renderLogs(lines, base, now), 'line 0\nline 1\nline 2\nline 3\n');
  assert.equal(renderLogs(lines, { ...base, tailLines: 2 }, now), 'line 2\nline 3\n');
  assert.equal(renderLogs(lines, { ...base, tailLines: 0 }, now), '');
  assert.equal(renderLogs(lines, { ...base, sinceSeconds: 90 }, now), 'line 2\nline 3\n');
  assert.equal(renderLogs(lines, { ...base, sinceTime: t0 + 60_000 }, now), 'line 1\nline 2\nline 3\n');
  assert.equal(renderLogs(lines, { ...base, limitBytes: 9 }, now), 'line 0\nli');
  const ts = renderLogs(lines.slice(0, 1), { ...base, timestamps: true }, now);
  assert.match(ts, /^2026-01-15T09:00:00\.000\d{6}Z line 0\n$/);
  // RFC3339NanoFixed: always nine fractional digits.
  assert.match(logTimestamp(lines[1], 1), /^2026-01-15T09:01:00\.\d{9}Z$/);
});
