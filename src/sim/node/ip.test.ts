/**
 * ip (iproute2 6.1) on a kubeadm/flannel node. The error texts and exit codes are checked against the
 * real `ip` when this machine has one (iproute2 6.1.0 on Debian 12 = Ubuntu 24.04's version); the
 * interfaces and routes against the cluster model (the node's InternalIP, its podCIDR, the other nodes'
 * podCIDRs, hostname -I).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Session } from '../session.ts';

function run(s: Session, line: string): { out: string; err: string; status: number } {
  const [e] = s.run(line);
  const pick = (k: string) => e.output.filter((o) => o.stream === k).map((o) => o.text).join('');
  return { out: pick('stdout'), err: pick('stderr'), status: e.status ?? -1 };
}

const hasIp = spawnSync('ip', ['-V']).stdout?.toString().includes('iproute2-6.1');

test('errors as the real ip prints them', () => {
  const s = new Session();
  const cases: [string[], string, number][] = [
    [['foo'], 'Object "foo" is unknown, try "ip help".\n', 1],
    [['a', 'show', 'dev', 'nosuch0'], 'Device "nosuch0" does not exist.\n', 1],
    [['link', 'show', 'nosuch0'], 'Device "nosuch0" does not exist.\n', 1],
    [['r', 'foo'], 'Command "foo" is unknown, try "ip route help".\n', 255],
    [['-x', 'a'], 'Option "-x" is unknown, try "ip -help".\n', 255],
  ];
  for (const [argv, err, status] of cases) {
    const r = run(s, `ip ${argv.join(' ')}`);
    assert.deepEqual([r.out, r.err, r.status], ['', err, status], argv.join(' '));
    if (hasIp) {
      const real = spawnSync('ip', argv);
      assert.deepEqual([real.stderr.toString(), real.status], [err, status], `real ip ${argv.join(' ')}`);
    }
  }
});

test('the node\'s addresses: the same as hostname -I, in interface order', () => {
  const s = new Session();
  const inet = run(s, "ip -4 -br a | awk '{print $3}' | cut -d/ -f1 | grep -v 127.0.0.1 | tr '\\n' ' '").out;
  assert.equal(inet + '\n', run(s, 'hostname -I').out);
  const br = run(s, 'ip -br a').out.split('\n');
  assert.equal(br[0], 'lo               UNKNOWN        127.0.0.1/8 ::1/128 ');
  assert.match(br[1], /^eth0 {13}UP {13}172\.30\.1\.2\/24 fe80::5054:ff:fe[0-9a-f]{2}:[0-9a-f]{1,4}\/64 $/);
});

test('routes: the own podCIDR on cni0, every other node\'s through flannel.1', () => {
  const s = new Session();
  const cidrs = run(s, "kubectl get nodes -o jsonpath='{.items[*].spec.podCIDR}'").out.split(' ');
  const r = run(s, 'ip r').out;
  assert.ok(r.startsWith('default via 172.30.1.1 dev eth0 proto static \n'));
  assert.ok(r.includes(`${cidrs[0]} dev cni0 proto kernel scope link src 10.244.0.1 \n`));
  for (const c of cidrs.slice(1)) assert.ok(r.includes(`${c} via ${c.split('/')[0]} dev flannel.1 onlink \n`), c);
});

test('a veth per pod on the pod network, none for host-network pods', () => {
  const s = new Session();
  const pods = run(s, "kubectl get pods -A -o wide --no-headers | awk '$8==\"controlplane\" && $7 ~ /^10\\.244/' | wc -l").out.trim();
  const veths = run(s, 'ip -br link | grep -c "^veth"').out.trim();
  assert.equal(veths, pods);
  assert.match(run(s, 'ip link show dev cni0').out, /^4: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP mode DEFAULT group default qlen 1000\n/);
});
