/**
 * Unit tests of the node tools' pure parts (formats and parsers) and one end-to-end check that a
 * scheduler profile changes where pods go. Expected strings cite their sources in the module headers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../session.ts';
import { parseComponentFlags, schedulerProfiles } from './controlplane.ts';
import { etcdTable } from './etcdctl.ts';
import { systemdAgo, systemdSpan, systemdTime } from './timefmt.ts';
import { compareVersions, fromPackage, latestPatch, minorOf, parseVersion, toPackage } from './versions.ts';

test('versions: parse, compare, package forms', () => {
  const cases: [string, string, number][] = [
    ['v1.35.1', '1.35.0-1.1', 1],
    ['1.34.3-1.1', 'v1.35.0', -1],
    ['v1.35.0', 'v1.35.0', 0],
  ];
  for (const [a, b, want] of cases) assert.equal(Math.sign(compareVersions(a, b)), want, `${a} vs ${b}`);
  assert.equal(parseVersion('1.12.0-00')?.minor, 12);
  assert.equal(parseVersion('latest'), undefined);
  assert.equal(fromPackage('1.35.1-1.1'), 'v1.35.1');
  assert.equal(toPackage('v1.35.1'), '1.35.1-1.1');
  assert.equal(minorOf('v1.34.3'), '1.34');
  assert.equal(latestPatch('1.34'), 'v1.34.3');
});

test('systemd time formats (time-util.c format_timestamp_relative / format_timespan)', () => {
  const cases: [number, string][] = [
    [0, 'now'],
    [500, '500ms ago'],
    [5_000, '5s ago'],
    [65_000, '1min 5s ago'],
    [15 * 60_000, '15min ago'],
    [3_600_000 + 120_000, '1h 2min ago'],
    [7 * 3_600_000, '7h ago'],
    [26 * 3_600_000, '1 day 2h ago'],
    [3 * 86_400_000, '3 days ago'],
  ];
  for (const [ms, want] of cases) assert.equal(systemdAgo(ms), want, String(ms));
  assert.equal(systemdSpan(20 * 60_000 + 3123), '20min 3.123s');
  assert.equal(systemdSpan(3_723_000), '1h 2min 3s');
  assert.equal(systemdTime(Date.UTC(2026, 0, 15, 9, 0, 0)), 'Thu 2026-01-15 09:00:00 UTC');
});

test('etcd tablewriter: centred header, right-aligned cells (etcdutl printer_table.go)', () => {
  assert.equal(
    etcdTable(['HASH', 'REVISION', 'TOTAL KEYS', 'TOTAL SIZE', 'VERSION'], [['cf1550fb', '3', '3', '25 kB', '3.6.0']]),
    '+----------+----------+------------+------------+---------+\n' +
      '|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE | VERSION |\n' +
      '+----------+----------+------------+------------+---------+\n' +
      '| cf1550fb |        3 |          3 |      25 kB |   3.6.0 |\n' +
      '+----------+----------+------------+------------+---------+\n',
  );
});

test('component flags: --a=b, --a b, booleans, first unknown flag', () => {
  const r = parseComponentFlags(['--config=/x.yaml', '--v', '2', '--leader-elect', '--bogus=1'], new Set(['leader-elect']));
  assert.equal(r.flags.get('config'), '/x.yaml');
  assert.equal(r.flags.get('v'), '2');
  assert.equal(r.flags.get('leader-elect'), 'true');
  assert.equal(r.unknownOf((f) => f !== 'bogus'), 'bogus');
});

test('KubeSchedulerConfiguration → profiles (v1 defaults merge, errors)', () => {
  const cfg = (body: string) => `apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n${body}`;
  const one = schedulerProfiles(cfg('profiles:\n- schedulerName: s1\n  plugins:\n    score:\n      disabled:\n      - name: ImageLocality\n      enabled:\n      - name: NodeResourcesFit\n        weight: 7\n'));
  assert.equal(one.error, undefined);
  assert.equal(one.profiles?.[0].schedulerName, 's1');
  assert.deepEqual(one.profiles?.[0].disabledAt, { score: ['ImageLocality'] });
  assert.equal(one.profiles?.[0].plugins?.find((p) => p.name === 'NodeResourcesFit')?.weight, 7);
  const none = schedulerProfiles(cfg('profiles:\n- schedulerName: bare\n  plugins:\n    multiPoint:\n      disabled:\n      - name: "*"\n      enabled:\n      - name: PrioritySort\n      - name: NodeName\n'));
  assert.deepEqual(none.profiles?.[0].plugins?.map((p) => p.name), ['PrioritySort', 'NodeName']);
  assert.match(schedulerProfiles(cfg('profiles:\n- plugins:\n    filter:\n      enabled:\n      - name: NoSuchPlugin\n')).error ?? '', /plugin "NoSuchPlugin" does not exist/);
  assert.match(schedulerProfiles('apiVersion: kubescheduler.config.k8s.io/v1beta3\nkind: KubeSchedulerConfiguration\n').error ?? '', /no kind "KubeSchedulerConfiguration" is registered for version "kubescheduler.config.k8s.io\/v1beta3"/);
  assert.equal(schedulerProfiles(cfg('leaderElection:\n  leaderElect: false\n')).leaderElect, false);
});

test('a profile that disables TaintToleration at filter places pods on the tainted control plane', () => {
  const s = new Session({ seed: 3 });
  const cfg = ['apiVersion: kubescheduler.config.k8s.io/v1', 'kind: KubeSchedulerConfiguration', 'clientConnection:', '  kubeconfig: /etc/kubernetes/scheduler.conf', 'leaderElection:', '  leaderElect: false', 'profiles:', '- schedulerName: cp-scheduler', '  plugins:', '    filter:', '      disabled:', '      - name: TaintToleration'].join('\n');
  s.cluster.machines.get('controlplane')!.write('/etc/kubernetes/cp-scheduler.yaml', cfg + '\n');
  const out = Session.format(
    s.run(
      [
        "sed -e 's/name: kube-scheduler$/name: cp-scheduler/' -e 's|- --leader-elect=true|- --config=/etc/kubernetes/cp-scheduler.yaml|' /etc/kubernetes/manifests/kube-scheduler.yaml > /tmp/cp.yaml",
        "sed -i 's|    - mountPath: /etc/kubernetes/scheduler.conf|    - mountPath: /etc/kubernetes/cp-scheduler.yaml\\n      name: cfg\\n    - mountPath: /etc/kubernetes/scheduler.conf|' /tmp/cp.yaml",
        "sed -i 's|^  volumes:$|  volumes:\\n  - hostPath:\\n      path: /etc/kubernetes/cp-scheduler.yaml\\n    name: cfg|' /tmp/cp.yaml",
        'cp /tmp/cp.yaml /etc/kubernetes/manifests/cp-scheduler.yaml',
        'sleep 25',
        `kubectl run a --image=nginx --overrides='{"apiVersion":"v1","spec":{"schedulerName":"cp-scheduler","nodeSelector":{"kubernetes.io/hostname":"controlplane"}}}'`,
        `kubectl run b --image=nginx --overrides='{"apiVersion":"v1","spec":{"nodeSelector":{"kubernetes.io/hostname":"controlplane"}}}'`,
        'sleep 5',
        'kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,PHASE:.status.phase',
      ].join('\n'),
    ),
  );
  assert.match(out, /\na +controlplane +Running\n/, out);
  assert.match(out, /\nb +<none> +Pending\n/, out);
});

test('kubeadm certs check-expiration: dates from kubeadm init (1 year, CAs 87600h), renewal; token list layout', () => {
  const s = new Session({ seed: 1 });
  const out = Session.format(s.run('kubeadm certs check-expiration\nkubeadm certs renew apiserver\nkubeadm certs check-expiration\nkubeadm token list'));
  const lines = out.split('\n');
  const first = lines.findIndex((l) => l.startsWith('apiserver '));
  assert.equal(lines[first], 'apiserver                  Jan 15, 2027 09:00 UTC   364d            ca                      no      ');
  assert.ok(lines.includes('ca                      Jan 13, 2036 09:00 UTC   9y              no      '));
  assert.ok(lines.includes('certificate for serving the Kubernetes API renewed'));
  assert.equal(lines.filter((l) => l.startsWith('apiserver ')).pop(), 'apiserver                  Jan 15, 2027 09:15 UTC   364d            ca                      no      ');
  const header = lines.find((l) => l.startsWith('TOKEN'))!;
  assert.equal(header, 'TOKEN                     TTL         EXPIRES                USAGES                   DESCRIPTION                                                EXTRA GROUPS');
  assert.match(lines[lines.indexOf(header) + 1], /^[a-z0-9]{6}\.[a-z0-9]{16}   23h {9}2026-01-16T09:00:20Z   authentication,signing   The default bootstrap token generated by 'kubeadm init'\.   system:bootstrappers:kubeadm:default-node-token$/);
});
