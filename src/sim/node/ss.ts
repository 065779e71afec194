/**
 * `ss` (iproute2 6.1.0, as Ubuntu 24.04 ships it) for a node's listening TCP sockets: `ss -tlnp`,
 * `ss -lnt`, `-4`/`-6`, `-H`, without `-n` the ports /etc/services names (netbase 6.4: 22 ssh, 53
 * domain; the Kubernetes ports have no entry).
 *
 * The sockets are curl.ts `listeners()` — the servers a node runs, each only while its process runs —
 * as the kernel shows them: a Go server on ":port" is one dual-stack IPv6 socket (`*:port`, peer
 * `*:*`); 127.0.0.1 and the node IP are IPv4 sockets; etcd's "lo+ip" client URLs are two sockets;
 * sshd (socket-activated by systemd on 24.04: ssh.socket) has 0.0.0.0:22 and [::]:22, held by sshd
 * and systemd. Stock Ubuntu adds systemd-resolved's stub listeners (127.0.0.53%lo:53, 127.0.0.54:53)
 * and containerd's CRI streaming server on a random 127.0.0.1 port. Process names are the kernel's
 * comm (15 characters: `kube-controller`), pids those ps.ts shows; the fds are a fixed model. The
 * backlog (Send-Q) is 4096 (SOMAXCONN on 6.8; Go and systemd ask for it). Order: IPv4 then IPv6
 * (ss dumps inet then inet6), by port within each — the kernel's hash order is not modelled.
 *
 * Layout: ss's render() with the column widths measured from the contents (the output as it is in a
 * pipe; on a terminal ss also spreads the columns over the window's width, which the simulator does
 * not know, so it shows the compact form everywhere).
 */
import type { CommandContext } from '../shell/shell.ts';
import { listeners } from './curl.ts';
import { processes } from './ps.ts';
import { nodeIP } from './ip.ts';
import type { NodeWorld } from './world.ts';

interface Sock {
  v6: boolean;
  addr: string;
  port: number;
  peer: string;
  users: [string, number, number][];
}

const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain' };
/** The listening fd of each server (a fixed model). */
const FD: Record<string, number> = {
  'kubelet/10248': 24, 'kubelet/10250': 21, 'kube-proxy/10249': 11, 'kube-proxy/10256': 10, 'etcd/2379/lo': 8, 'etcd/2379/ip': 9, 'etcd/2380': 7,
  'etcd/2381': 13, 'kube-apiserver/6443': 3, 'kube-scheduler/10259': 3, 'kube-controller-manager/10257': 3,
};
const CONTAINERD_STREAM_PORT = 39713;

export function sockets(world: NodeWorld, host: string): Sock[] {
  const m = world.machine(host);
  if (!m) return [];
  const ls = listeners(world, m);
  if (!ls.length) return [];
  const procs = processes(world, host);
  const pidOf = (bin: string) => (bin === 'kubelet' && m.unit.active ? m.unit.pid : procs.find((p) => p.cmd.split(' ')[0].split('/').pop() === bin)?.pid ?? 0);
  const ip = nodeIP(world, host);
  const out: Sock[] = [
    { v6: false, addr: '127.0.0.53%lo', port: 53, peer: '0.0.0.0', users: [['systemd-resolve', 330, 15]] },
    { v6: false, addr: '127.0.0.54', port: 53, peer: '0.0.0.0', users: [['systemd-resolve', 330, 17]] },
    { v6: false, addr: '127.0.0.1', port: CONTAINERD_STREAM_PORT, peer: '0.0.0.0', users: [['containerd', 412, 10]] },
  ];
  for (const l of ls) {
    const comm = l.proc.slice(0, 15);
    if (l.proc === 'sshd') {
      out.push({ v6: false, addr: '0.0.0.0', port: 22, peer: '0.0.0.0', users: [['sshd', 431, 3], ['systemd', 1, 104]] });
      out.push({ v6: true, addr: '[::]', port: 22, peer: '[::]', users: [['sshd', 431, 4], ['systemd', 1, 105]] });
      continue;
    }
    const pid = pidOf(l.proc);
    const fd = (k: string) => FD[`${l.proc}/${l.port}/${k}`] ?? FD[`${l.proc}/${l.port}`] ?? 3;
    if (l.bind === '*') out.push({ v6: true, addr: '*', port: l.port, peer: '*', users: [[comm, pid, fd('')]] });
    if (l.bind === 'lo' || l.bind === 'lo+ip') out.push({ v6: false, addr: '127.0.0.1', port: l.port, peer: '0.0.0.0', users: [[comm, pid, fd('lo')]] });
    if (l.bind === 'ip' || l.bind === 'lo+ip') out.push({ v6: false, addr: ip, port: l.port, peer: '0.0.0.0', users: [[comm, pid, fd('ip')]] });
  }
  return out.sort((a, b) => Number(a.v6) - Number(b.v6) || a.port - b.port || a.addr.localeCompare(b.addr));
}

/** ss's columns: [header, right-aligned, left delimiter]. */
const COLUMNS: [string, boolean, string][] = [
  ['State', false, ''], ['Recv-Q', false, ' '], ['Send-Q', false, ' '], ['Local Address:', true, ' '], ['Port', false, ''],
  ['Peer Address:', true, ' '], ['Port', false, ''], ['Process', false, ''],
];

/** render(): each column as wide as its widest field (plus its delimiter), every line padded out. */
export function render(rows: string[][], header: boolean): string {
  const all = header ? [COLUMNS.map((c) => c[0]), ...rows] : rows;
  const width = COLUMNS.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  let s = '';
  for (const r of all) {
    s += r.map((f, i) => {
      const [, right, delim] = COLUMNS[i];
      const w = width[i];
      const d = i > 0 && w ? delim : '';
      return d + (right ? f.padStart(w) : f.padEnd(w));
    }).join('') + '\n';
  }
  return s;
}

/** ss's usage() (iproute2 6.1.0), printed after an invalid option. */
const USAGE = `Usage: ss [ OPTIONS ]
       ss [ OPTIONS ] [ FILTER ]
   -h, --help          this message
   -V, --version       output version information
   -n, --numeric       don't resolve service names
   -r, --resolve       resolve host names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -o, --options       show timer information
   -e, --extended      show detailed socket information
   -m, --memory        show socket memory usage
   -p, --processes     show process using socket
   -T, --threads       show thread using socket
   -i, --info          show internal TCP information
       --tipcinfo      show internal tipc socket information
   -s, --summary       show socket usage summary
       --tos           show tos and priority information
       --cgroup        show cgroup information
   -b, --bpf           show bpf filter socket information
   -E, --events        continually display sockets as they are destroyed
   -Z, --context       display task SELinux security contexts
   -z, --contexts      display task and socket SELinux security contexts
   -N, --net           switch to the specified network namespace name

   -4, --ipv4          display only IP version 4 sockets
   -6, --ipv6          display only IP version 6 sockets
   -0, --packet        display PACKET sockets
   -t, --tcp           display only TCP sockets
   -M, --mptcp         display only MPTCP sockets
   -S, --sctp          display only SCTP sockets
   -u, --udp           display only UDP sockets
   -d, --dccp          display only DCCP sockets
   -w, --raw           display only RAW sockets
   -x, --unix          display only Unix domain sockets
       --tipc          display only TIPC sockets
       --vsock         display only vsock sockets
       --xdp           display only XDP sockets
   -f, --family=FAMILY display sockets of type FAMILY
       FAMILY := {inet|inet6|link|unix|netlink|vsock|tipc|xdp|help}

   -K, --kill          forcibly close sockets, display what was closed
   -H, --no-header     Suppress header line
   -O, --oneline       socket's data printed on a single line
       --inet-sockopt  show various inet socket options

   -A, --query=QUERY, --socket=QUERY
       QUERY := {all|inet|tcp|mptcp|udp|raw|unix|unix_dgram|unix_stream|unix_seqpacket|packet|packet_raw|packet_dgram|netlink|dccp|sctp|vsock_stream|vsock_dgram|tipc|xdp}[,QUERY]

   -D, --diag=FILE     Dump raw information about TCP sockets to FILE
   -F, --filter=FILE   read filter information from FILE
       FILTER := [ state STATE-FILTER ] [ EXPRESSION ]
       STATE-FILTER := {all|connected|synchronized|bucket|big|TCP-STATES}
         TCP-STATES := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|closed|close-wait|last-ack|listening|closing}
          connected := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
       synchronized := {established|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
             bucket := {syn-recv|time-wait}
                big := {established|syn-sent|fin-wait-{1,2}|closed|close-wait|last-ack|listening|closing}
`;

export function ss(world: NodeWorld, ctx: CommandContext): number {
  const f = { t: false, u: false, x: false, l: false, a: false, n: false, p: false, H: false, v4: false, v6: false };
  const LONG: Record<string, string> = { '--tcp': 't', '--udp': 'u', '--unix': 'x', '--listening': 'l', '--all': 'a', '--numeric': 'n', '--processes': 'p', '--no-header': 'H', '--ipv4': '4', '--ipv6': '6' };
  const set = (c: string) => {
    if (c === '4') f.v4 = true;
    else if (c === '6') f.v6 = true;
    else (f as Record<string, boolean>)[c] = true;
  };
  for (const a of ctx.args) {
    if (a === '-V' || a === '--version') {
      ctx.out('ss utility, iproute2-6.1.0\n');
      return 0;
    }
    if (LONG[a]) set(LONG[a]);
    else if (/^-[^-]/.test(a)) {
      for (const c of a.slice(1)) {
        if ('tuxlanpH46'.includes(c)) set(c);
        else if (!'reomiEsbZz0wdSM'.includes(c)) {
          ctx.err(`ss: invalid option -- '${c}'\n${USAGE}`);
          return 255;
        }
      }
    } else {
      ctx.err('(ss: 시뮬레이터는 필터 식을 지원하지 않습니다 — ss -tlnp 처럼 옵션만 쓰세요)\n');
      return 1;
    }
  }
  if (f.u || f.x || !f.t) ctx.err('(ss: 시뮬레이터는 TCP 소켓(-t)만 보여 줍니다)\n');
  const listening = f.l || f.a;
  const socks = listening ? sockets(world, ctx.shell.host.name).filter((s) => (f.v4 && !f.v6 ? !s.v6 : f.v6 && !f.v4 ? s.v6 : true)) : [];
  if (!listening) ctx.err('(ss: 시뮬레이터는 연결된 소켓을 모델링하지 않습니다 — 듣고 있는 소켓은 -l 로 봅니다)\n');
  const rows = socks.map((s) => [
    'LISTEN', '0', '4096', `${s.addr}:`, f.n ? String(s.port) : (SERVICES[s.port] ?? String(s.port)), `${s.peer}:`, '*',
    f.p ? ` users:(${s.users.map(([n, pid, fd]) => `("${n}",pid=${pid},fd=${fd})`).join(',')})` : '',
  ]);
  ctx.out(render(rows, !f.H));
  return 0;
}
