/**
 * `ip` (iproute2 6.1.0, Ubuntu 24.04's iproute2 6.1.0-1ubuntu6) on a kubeadm node with flannel's VXLAN
 * backend: `ip a|addr|address [show [dev] IF]`, `ip link [show [dev] IF]`, `ip r|route [show]`, with
 * -br/-brief, -4/-6 and the option/object/device errors iproute2 prints.
 *
 * The interfaces, in ifindex order: lo; eth0, the node's NIC with its InternalIP (a /24, static, the
 * gateway at .1 — the addresses hostname.ts `hostname -I` prints, in the same order); flannel.1 (VXLAN,
 * VNI 1, mtu 1450, the podCIDR's .0/32); cni0 (the CNI bridge, the podCIDR's .1/24; NO-CARRIER/DOWN
 * while no pod is attached); one veth per running pod of the node that is not on the host network
 * (`vethXXXXXXXX@if2`, master cni0, in the pod's `cni-…` network namespace). MAC addresses, veth names
 * and netns ids are derived from names by a hash: fixed, plausible, not a kernel's. Routes: the default
 * via the gateway, cni0's own /24, one `via X.0 dev flannel.1 onlink` per other node's podCIDR, eth0's
 * /24 — sorted as the kernel's main table dumps them.
 */
import { res } from '../apiserver/client.ts';
import type { CommandContext } from '../shell/shell.ts';
import type { NodeWorld } from './world.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Addr {
  family: 4 | 6;
  text: string;
}

export interface Link {
  index: number;
  name: string;
  /** `@ifN` after the name (a veth's peer). */
  peer?: string;
  flags: string;
  mtu: number;
  qdisc: string;
  master?: string;
  state: 'UP' | 'DOWN' | 'UNKNOWN';
  qlen?: number;
  linkType: 'loopback' | 'ether';
  mac: string;
  netns?: string;
  addrs: Addr[];
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h >>> 0;
}

function bytes(seed: string, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; out.length < n; i++) {
    const h = hash(`${seed}#${i}`);
    out.push(h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff, (h >>> 24) & 0xff);
  }
  return out.slice(0, n);
}

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

/** A locally administered unicast MAC (as the kernel's random ones are), or a virtio NIC's 52:54:00 one. */
function mac(seed: string, virtio = false): string {
  const b = bytes(seed, 6);
  if (virtio) return ['52', '54', '00', ...b.slice(3).map(hex2)].join(':');
  b[0] = (b[0] & 0xfc) | 0x02;
  return b.map(hex2).join(':');
}

/** The EUI-64 link-local address the kernel derives from a MAC (RFC 4291), as iproute2 prints it. */
function linkLocal(m: string): string {
  const b = m.split(':').map((x) => parseInt(x, 16));
  b[0] ^= 0x02;
  const w = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]];
  return `fe80::${w.map((x) => x.toString(16)).join(':')}/64`;
}

function uuid(seed: string): string {
  const h = bytes(seed, 16).map(hex2).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function nodeIP(world: NodeWorld, host: string): string {
  return world.cluster.kubelets.get(host)?.spec.internalIP ?? '127.0.1.1';
}

function podCIDR(world: NodeWorld, host: string): string | undefined {
  return (world.cluster.client.get(res('nodes'), undefined, host)?.spec as { podCIDR?: string } | undefined)?.podCIDR;
}

const net24 = (ip: string) => ip.split('.').slice(0, 3).join('.');

/** The node's pods on the pod network (a veth each), oldest first. */
function podsOn(world: NodeWorld, host: string): Obj[] {
  return (world.cluster.client.list(res('pods')) as Obj[])
    .filter((p) => p.spec?.nodeName === host && !p.spec?.hostNetwork && p.status?.podIP && p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp)
    .sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || String(a.metadata.name).localeCompare(String(b.metadata.name)));
}

export function links(world: NodeWorld, host: string): Link[] {
  const ip = nodeIP(world, host);
  const out: Link[] = [
    { index: 1, name: 'lo', flags: 'LOOPBACK,UP,LOWER_UP', mtu: 65536, qdisc: 'noqueue', state: 'UNKNOWN', qlen: 1000, linkType: 'loopback', mac: '00:00:00:00:00:00', addrs: [{ family: 4, text: '127.0.0.1/8 scope host lo' }, { family: 6, text: '::1/128 scope host noprefixroute ' }] },
  ];
  const ethMac = mac(`${host}/eth0`, true);
  out.push({ index: 2, name: 'eth0', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1500, qdisc: 'fq_codel', state: 'UP', qlen: 1000, linkType: 'ether', mac: ethMac, addrs: [{ family: 4, text: `${ip}/24 brd ${net24(ip)}.255 scope global eth0` }, { family: 6, text: `${linkLocal(ethMac)} scope link ` }] });
  const cidr = podCIDR(world, host);
  if (!world.cluster.kubelets.get(host) || !cidr) return out;
  const base = net24(cidr.split('/')[0]);
  const fMac = mac(`${host}/flannel.1`);
  out.push({ index: 3, name: 'flannel.1', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1450, qdisc: 'noqueue', state: 'UNKNOWN', linkType: 'ether', mac: fMac, addrs: [{ family: 4, text: `${base}.0/32 scope global flannel.1` }, { family: 6, text: `${linkLocal(fMac)} scope link ` }] });
  const pods = podsOn(world, host);
  const cMac = mac(`${host}/cni0`);
  out.push({ index: 4, name: 'cni0', flags: pods.length ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP', mtu: 1450, qdisc: 'noqueue', state: pods.length ? 'UP' : 'DOWN', qlen: 1000, linkType: 'ether', mac: cMac, addrs: [{ family: 4, text: `${base}.1/24 brd ${base}.255 scope global cni0` }, { family: 6, text: `${linkLocal(cMac)} scope link ` }] });
  pods.forEach((p, i) => {
    const uid = String(p.metadata.uid);
    const vMac = mac(`veth/${uid}`);
    const name = `veth${bytes(`vethname/${uid}`, 4).map(hex2).join('')}`;
    out.push({ index: 5 + i, name, peer: 'if2', flags: 'BROADCAST,MULTICAST,UP,LOWER_UP', mtu: 1450, qdisc: 'noqueue', master: 'cni0', state: 'UP', qlen: 1000, linkType: 'ether', mac: vMac, netns: `cni-${uuid(`netns/${uid}`)}`, addrs: [{ family: 6, text: `${linkLocal(vMac)} scope link ` }] });
  });
  return out;
}

/** The main routing table as `ip route` dumps it (ordered by destination; every line ends in a space). */
export function routes(world: NodeWorld, host: string): string[] {
  const ip = nodeIP(world, host);
  const rows: [string, string][] = [[`${net24(ip)}.0/24`, `dev eth0 proto kernel scope link src ${ip} `]];
  const own = podCIDR(world, host);
  if (own && world.cluster.kubelets.get(host)) {
    rows.push([own, `dev cni0 proto kernel scope link src ${net24(own.split('/')[0])}.1 `]);
    for (const name of world.cluster.kubelets.keys()) {
      const c = name === host ? undefined : podCIDR(world, name);
      if (c) rows.push([c, `via ${c.split('/')[0]} dev flannel.1 onlink `]);
    }
  }
  const key = (d: string) => d.split('/')[0].split('.').reduce((a, x) => a * 256 + Number(x), 0);
  rows.sort((a, b) => key(a[0]) - key(b[0]));
  return [`default via ${net24(ip)}.1 dev eth0 proto static `, ...rows.map(([d, r]) => `${d} ${r}`)];
}

function linkHeader(l: Link, mode: boolean): string {
  const name = l.peer ? `${l.name}@${l.peer}` : l.name;
  return `${l.index}: ${name}: <${l.flags}> mtu ${l.mtu} qdisc ${l.qdisc}${l.master ? ` master ${l.master}` : ''} state ${l.state}${mode ? ' mode DEFAULT' : ''} group default ${l.qlen ? `qlen ${l.qlen}` : ''}\n`;
}

function linkLine(l: Link): string {
  return `    link/${l.linkType} ${l.mac} brd ${l.linkType === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}${l.netns ? ` link-netns ${l.netns}` : ''}\n`;
}

const OBJECTS: [string, string][] = [
  ['address', 'addr'], ['link', 'link'], ['route', 'route'], ['neighbor', 'neigh'], ['neighbour', 'neigh'], ['rule', 'rule'], ['netns', 'netns'],
  ['maddress', 'maddr'], ['monitor', 'monitor'], ['tunnel', 'tunnel'], ['xfrm', 'xfrm'], ['mroute', 'mroute'], ['ntable', 'ntable'],
];

/** iproute2's matches(): any prefix of the keyword (ip's objects are tried in its table's order). */
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);

function objectOf(word: string): string | undefined {
  // ip.c's cmds[] order: address, addrlabel, maddress, route, rule, neighbor, neighbour, ntable, ..., link, ...
  const order = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link', 'l2tp', 'fou', 'ila', 'macsec', 'tunnel', 'tuntap', 'tap', 'token', 'tcpmetrics', 'tcp_metrics', 'monitor', 'xfrm', 'mroute', 'mrule', 'netns', 'netconf', 'vrf', 'sr', 'nexthop', 'mptcp', 'ioam', 'stats', 'help'];
  const hit = order.find((o) => matches(word, o));
  if (!hit) return undefined;
  return OBJECTS.find(([k]) => k === hit)?.[1] ?? hit;
}

export function ip(world: NodeWorld, ctx: CommandContext): number {
  const host = ctx.shell.host.name;
  const args = [...ctx.args];
  let brief = false;
  let family: 0 | 4 | 6 = 0;
  while (args.length && args[0].startsWith('-')) {
    const o = args.shift()!.replace(/^--?/, '-');
    if (o === '-br' || o === '-brief') brief = true;
    else if (o === '-4') family = 4;
    else if (o === '-6') family = 6;
    else if (o === '-c' || o === '-color' || o.startsWith('-color=') || o === '-d' || o === '-details' || o === '-s' || o === '-stats') continue;
    else if (o === '-V' || o === '-Version') {
      ctx.out('ip utility, iproute2-6.1.0, libbpf 1.3.0\n');
      return 0;
    } else {
      ctx.err(`Option "${o}" is unknown, try "ip -help".\n`);
      return 255;
    }
  }
  if (!args.length) {
    ctx.err('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n                    -4 | -6 | -M | -B | -0 |\n                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n                    -c[olor]}\n');
    return 255;
  }
  const word = args.shift()!;
  const obj = objectOf(word);
  if (obj === 'addr' || obj === 'link') return showLinks(world, ctx, host, obj, args, brief, family);
  if (obj === 'route') return showRoutes(world, ctx, host, args, family);
  if (!obj) {
    ctx.err(`Object "${word}" is unknown, try "ip help".\n`);
    return 1;
  }
  ctx.err(`(ip ${obj}: 시뮬레이터는 ip address, ip link, ip route 만 보여 줍니다)\n`);
  return 1;
}

function showLinks(world: NodeWorld, ctx: CommandContext, host: string, obj: 'addr' | 'link', args: string[], brief: boolean, family: 0 | 4 | 6): number {
  let dev: string | undefined;
  if (args.length && ['show', 'list', 'lst'].some((k) => matches(args[0], k))) args.shift();
  while (args.length) {
    const a = args.shift()!;
    if (a === 'dev') {
      dev = args.shift();
      if (dev === undefined) {
        ctx.err('Command line is not complete. Try option "help"\n');
        return 255;
      }
    } else if (a === 'up') continue;
    else if (['help'].includes(a)) {
      ctx.err(obj === 'addr' ? 'Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n' : 'Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n');
      return 255;
    } else if (dev === undefined && !['add', 'del', 'delete', 'change', 'replace', 'set', 'flush'].includes(a)) dev = a;
    else {
      ctx.err(obj === 'addr' ? `Command "${a}" is unknown, try "ip address help".\n` : `Command "${a}" is unknown, try "ip link help".\n`);
      return 255;
    }
  }
  let ls = links(world, host);
  if (dev !== undefined) {
    ls = ls.filter((l) => l.name === dev);
    if (!ls.length) {
      ctx.err(`Device "${dev}" does not exist.\n`);
      return 1;
    }
  }
  let s = '';
  for (const l of ls) {
    const addrs = l.addrs.filter((a) => !family || a.family === family);
    if (obj === 'addr' && family && !addrs.length) continue;
    if (brief) {
      const name = (l.peer ? `${l.name}@${l.peer}` : l.name).padEnd(16);
      const tail = obj === 'link' ? `${l.mac} <${l.flags}> ` : addrs.map((a) => a.text.split(' ')[0] + ' ').join('');
      s += `${name} ${l.state.padEnd(14)} ${tail}\n`;
      continue;
    }
    s += linkHeader(l, obj === 'link');
    if (obj === 'link' || !family) s += linkLine(l);
    if (obj === 'addr') for (const a of addrs) s += `    ${a.family === 4 ? 'inet' : 'inet6'} ${a.text}\n       valid_lft forever preferred_lft forever\n`;
  }
  ctx.out(s);
  return 0;
}

function showRoutes(world: NodeWorld, ctx: CommandContext, host: string, args: string[], family: 0 | 4 | 6): number {
  if (args.length && ['show', 'list', 'lst'].some((k) => matches(args[0], k))) args.shift();
  if (args.length && args[0] !== 'table') {
    if (!['get', 'add', 'del', 'delete', 'change', 'replace', 'append', 'flush', 'save', 'restore', 'prepend', 'test'].includes(args[0])) {
      ctx.err(`Command "${args[0]}" is unknown, try "ip route help".\n`);
      return 255;
    }
    ctx.err(`(ip route ${args[0]}: 시뮬레이터는 ip route show 만 보여 줍니다)\n`);
    return 1;
  }
  if (family === 6) {
    ctx.out(links(world, host).filter((l) => l.name !== 'lo' && l.addrs.some((a) => a.family === 6)).map((l) => `fe80::/64 dev ${l.name} proto kernel metric 256 pref medium\n`).join(''));
    return 0;
  }
  ctx.out(routes(world, host).map((l) => l + '\n').join(''));
  return 0;
}
