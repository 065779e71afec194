/**
 * `kubectl run -i/--attach` (kubectl pkg/cmd/run/run.go Run + handleAttachPod, pkg/cmd/attach/attach.go):
 * no "pod/NAME created" line on the attached path; waitForPod(podRunningAndReady) watches the pod, so a
 * pod seen Running and Ready is attached to — "If you don't see a command prompt, try pressing enter."
 * on stderr unless --quiet — and its output follows; --rm deletes it afterwards. (Not in the
 * differential suite: kubesim serve has no pods/attach, so real kubectl falls back to logs there.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../session.ts';

const CASES: [line: string, want: string][] = [
  [
    'kubectl run echo1 --image=busybox --restart=Never --rm -i -- echo hello',
    "If you don't see a command prompt, try pressing enter.\nhello\npod \"echo1\" deleted from default namespace\n",
  ],
  ['kubectl run echo2 --image=busybox --restart=Never -i -q -- echo hello', 'hello\n'],
  [
    'kubectl run sleeper --image=busybox --restart=Never --rm --attach -- sh -c "sleep 3; echo done"',
    "If you don't see a command prompt, try pressing enter.\ndone\npod \"sleeper\" deleted from default namespace\n",
  ],
];

for (const [line, want] of CASES) {
  test(line, () => {
    const s = new Session({ seed: 1 });
    const out = Session.format(s.run(line));
    assert.equal(out, `$ ${line}\n${want}`);
  });
}
