/**
 * `ps aux` / `ps -aux` / `ps -ef` on a node: init, containerd, the kubelet with the command line
 * systemd started it with, one containerd-shim + pause per pod sandbox and each container's process
 * (its argv), a standalone etcd if one was started, and the shell itself. Column layout: procps-ng
 * (`USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND`; `UID PID PPID C STIME TTY TIME CMD`).
 */
import type { CommandContext } from '../shell/shell.ts';
import { kubeletCommand } from './systemctl.ts';
import { psStart, psTime } from './timefmt.ts';
import type { NodeWorld } from './world.ts';

interface Proc {
  pid: number;
  ppid: number;
  start: number;
  cpuMs: number;
  vsz: number;
  rss: number;
  stat: string;
  tty: string;
  cmd: string;
}

export function processes(world: NodeWorld, host: string): Proc[] {
  const m = world.machine(host);
  const boot = Date.UTC(2026, 0, 15, 8, 58, 40);
  const now = world.cluster.clock.now();
  const up = (t: number) => Math.max(0, now - t);
  const out: Proc[] = [
    { pid: 1, ppid: 0, start: boot, cpuMs: 3000 + up(boot) / 400, vsz: 22364, rss: 13312, stat: 'Ss', tty: '?', cmd: '/sbin/init' },
    { pid: 98, ppid: 1, start: boot, cpuMs: 700, vsz: 50356, rss: 16128, stat: 'Ss', tty: '?', cmd: '/usr/lib/systemd/systemd-journald' },
    { pid: 412, ppid: 1, start: boot + 4000, cpuMs: 9000 + up(boot) / 60, vsz: 2431088, rss: 52736, stat: 'Ssl', tty: '?', cmd: '/usr/bin/containerd' },
    { pid: 431, ppid: 1, start: boot + 4000, cpuMs: 20, vsz: 12020, rss: 7936, stat: 'Ss', tty: '?', cmd: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups' },
  ];
  if (!m) return out;
  if (m.unit.active) out.push({ pid: m.unit.pid, ppid: 1, start: m.unit.since, cpuMs: 900 + up(m.unit.since) / 40, vsz: 2261868, rss: 98304, stat: 'Ssl', tty: '?', cmd: kubeletCommand(m).join(' ') });
  let next = 900;
  const sandboxes = m.kubelet.powered ? m.kubelet.runtimeSandboxes() : [];
  const containers = m.kubelet.powered ? m.kubelet.runtimeContainers().filter((c) => c.state === 'Running') : [];
  for (const sb of sandboxes) {
    const shim = next++;
    out.push({ pid: shim, ppid: 1, start: sb.createdAt, cpuMs: 200, vsz: 1238548, rss: 14336, stat: 'Sl', tty: '?', cmd: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${sb.id} -address /run/containerd/containerd.sock` });
    out.push({ pid: next++, ppid: shim, start: sb.createdAt, cpuMs: 0, vsz: 1020, rss: 512, stat: 'Ss', tty: '?', cmd: '/pause' });
    for (const c of containers.filter((x) => x.podUid === sb.uid)) {
      const heavy = /kube-apiserver|etcd/.test(c.argv[0] ?? '');
      out.push({ pid: next++, ppid: shim, start: c.createdAt, cpuMs: (heavy ? 20 : 2) * up(c.createdAt) / 100, vsz: heavy ? 1612532 : 1287464, rss: heavy ? 262144 : 61440, stat: 'Ssl', tty: '?', cmd: c.argv.join(' ') });
    }
    next += 7;
  }
  if (m.etcd) out.push({ pid: m.etcd.pid, ppid: 1, start: m.etcd.started, cpuMs: 300, vsz: 11742528, rss: 24576, stat: 'Sl', tty: 'pts/0', cmd: `etcd${m.etcd.dataDir !== 'default.etcd' ? ` --data-dir ${m.etcd.dataDir}` : ''}` });
  out.push({ pid: 20211, ppid: 20198, start: now - 60_000, cpuMs: 20, vsz: 7752, rss: 4352, stat: 'Ss', tty: 'pts/0', cmd: '-bash' });
  return out;
}

export function ps(world: NodeWorld, ctx: CommandContext): number {
  const opts = ctx.args.join(' ');
  const procs = processes(world, ctx.shell.host.name);
  const now = world.cluster.clock.now();
  const memTotalKi = 4025244;
  if (/(^|\s)-?[a-z]*e[a-z]*f|(^|\s)-ef\b|-e\s+-f|-f\s+-e/.test(opts) && !/aux/.test(opts)) {
    const rows = [...procs, { pid: 20460, ppid: 20211, start: now, cpuMs: 0, vsz: 0, rss: 0, stat: 'R+', tty: 'pts/0', cmd: `ps ${ctx.args.join(' ')}` }];
    let s = 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
    for (const p of rows) s += `${'root'.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  ${p.cpuMs > 60_000 ? 1 : 0} ${psStart(p.start)} ${p.tty.padEnd(8)} ${psTime(p.cpuMs, true)} ${p.cmd}\n`;
    ctx.out(s);
    return 0;
  }
  if (/aux|-a\b|\bx\b/.test(opts) || !ctx.args.length) {
    const rows = ctx.args.length ? [...procs, { pid: 20460, ppid: 20211, start: now, cpuMs: 0, vsz: 10884, rss: 4352, stat: 'R+', tty: 'pts/0', cmd: `ps ${ctx.args.join(' ')}` }] : procs.filter((p) => p.tty !== '?');
    if (!ctx.args.length) {
      let s = '    PID TTY          TIME CMD\n';
      for (const p of [...rows, { pid: 20460, tty: 'pts/0', cpuMs: 0, cmd: 'ps' } as Proc]) s += `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} ${psTime(p.cpuMs, true)} ${p.cmd.replace(/^-/, '').split(' ')[0]}\n`;
      ctx.out(s);
      return 0;
    }
    let s = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
    for (const p of rows) {
      const age = Math.max(1, now - p.start);
      const cpu = Math.min(99.9, (p.cpuMs / age) * 100);
      const mem = (p.rss / memTotalKi) * 100;
      s += `${'root'.padEnd(8)} ${String(p.pid).padStart(7)} ${cpu.toFixed(1).padStart(4)} ${mem.toFixed(1).padStart(4)} ${String(p.vsz).padStart(6)} ${String(p.rss).padStart(5)} ${p.tty.padEnd(8)} ${p.stat.padEnd(4)} ${psStart(p.start)} ${psTime(p.cpuMs).padStart(6)} ${p.cmd}\n`;
    }
    ctx.out(s);
    return 0;
  }
  ctx.err(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
  return 1;
}
