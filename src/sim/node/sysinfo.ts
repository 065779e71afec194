/**
 * `free` (procps-ng) and `df` (GNU coreutils) on a node. The numbers are a model — a fixed, plausible
 * layout of a 2-vCPU/4 GiB Ubuntu 24.04 cloud VM (the MemTotal ps.ts uses, no swap: kubeadm wants it
 * off), the control plane using more memory and disk than a worker — not measurements. The formats are
 * the tools' own (checked against procps-ng 4.0.2 and coreutils 9.1 on Debian 12; Ubuntu 24.04 ships
 * procps-ng 4.0.4 and coreutils 9.4, whose layouts for these options are the same).
 *
 * df lists what a 24.04 cloud image mounts (/run, the root ext4 on /dev/vda1, /dev/shm, /run/lock,
 * /boot on /dev/vda16, /boot/efi on /dev/vda15, /run/user/0) and, on a kubeadm node, per pod the
 * kubelet's projected service-account token tmpfs, the sandbox's shm and an overlay rootfs per
 * container (pause included), in mount order.
 */
import { res } from '../apiserver/client.ts';
import type { CommandContext } from '../shell/shell.ts';
import { FileSystem } from '../shell/fs.ts';
import type { NodeWorld } from './world.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const MEM_TOTAL_KI = 4025244;

/** [free, buff/cache, shared, available] in KiB; used = total - free - buff/cache (procps-ng 4). */
function memory(control: boolean): { total: number; used: number; free: number; shared: number; cache: number; available: number } {
  const [free, cache, shared, available] = control ? [652840, 1912340, 3756, 2565196] : [2018232, 1264540, 1920, 3144020];
  return { total: MEM_TOTAL_KI, used: MEM_TOTAL_KI - free - cache, free, shared, cache, available };
}

const isControl = (world: NodeWorld, host: string) => world.cluster.kubelets.get(host)?.spec.labels['node-role.kubernetes.io/control-plane'] !== undefined;

/** procps-ng's scale_size(): the shortest of "%.1f" / "%ld" (4 characters at most) per unit, then "i". */
export function scale(kb: number, unit: string, si: boolean): string {
  const base = si ? 1000 : 1024;
  const bytes = kb * 1024;
  switch (unit) {
    case 'b': return String(bytes);
    case 'k': return String(kb);
    case 'm': return String(Math.floor(bytes / base ** 2));
    case 'g': return String(Math.floor(bytes / base ** 3));
  }
  if (bytes < base) return `${bytes}B`;
  const ups = ['B', 'K', 'M', 'G', 'T', 'P'];
  for (let i = 1; i < ups.length; i++) {
    const v = bytes / base ** i;
    const suffix = ups[i] + (si ? '' : 'i');
    const f = v.toFixed(1);
    if ((f + ups[i]).length <= 4) return f + suffix;
    const n = String(Math.trunc(v));
    if ((n + ups[i]).length <= 4) return n + suffix;
  }
  return `${bytes}B`;
}

const FREE_HELP = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -t, --total         show total for RAM + swap
 -v, --committed     show committed memory and commit limit
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

export function free(world: NodeWorld, ctx: CommandContext): number {
  let unit = 'k';
  let si = false;
  let total = false;
  let wide = false;
  const LONG: Record<string, () => void> = {
    '--bytes': () => (unit = 'b'), '--kibi': () => (unit = 'k'), '--mebi': () => (unit = 'm'), '--gibi': () => (unit = 'g'), '--human': () => (unit = 'h'),
    '--si': () => (si = true), '--total': () => (total = true), '--wide': () => (wide = true), '--kilo': () => ((unit = 'k'), (si = true)), '--mega': () => ((unit = 'm'), (si = true)), '--giga': () => ((unit = 'g'), (si = true)),
  };
  for (const a of ctx.args) {
    if (a === '--help') {
      ctx.out(FREE_HELP);
      return 0;
    }
    if (a === '-V' || a === '--version') {
      ctx.out('free from procps-ng 4.0.4\n');
      return 0;
    }
    if (LONG[a]) LONG[a]();
    else if (/^-[^-]/.test(a)) {
      for (const c of a.slice(1)) {
        const fn = { b: LONG['--bytes'], k: LONG['--kibi'], m: LONG['--mebi'], g: LONG['--gibi'], h: LONG['--human'], t: LONG['--total'], w: LONG['--wide'] }[c];
        if (!fn) {
          ctx.err(`free: invalid option -- '${c}'\n${FREE_HELP}`);
          return 1;
        }
        fn();
      }
    } else {
      ctx.err(a.startsWith('--') ? `free: unrecognized option '${a}'\n${FREE_HELP}` : `free: extra operand '${a}'\n${FREE_HELP}`);
      return 1;
    }
  }
  ctx.out(freeTable(memory(isControl(world, ctx.shell.host.name)), unit, si, wide, total));
  return 0;
}

/** free's table: an 8-column label, then 12 columns a value (procps-ng 4). */
export function freeTable(m: ReturnType<typeof memory>, unit: string, si: boolean, wide: boolean, total: boolean): string {
  const f = (kb: number) => scale(kb, unit, si).padStart(12);
  let s = wide
    ? `               total        used        free      shared     buffers       cache   available\n`
    : `               total        used        free      shared  buff/cache   available\n`;
  const buffers = Math.round(m.cache * 0.04);
  s += 'Mem:    ' + [m.total, m.used, m.free, m.shared].map(f).join('') + (wide ? f(buffers) + f(m.cache - buffers) : f(m.cache)) + f(m.available) + '\n';
  s += 'Swap:   ' + [0, 0, 0].map(f).join('') + '\n';
  if (total) s += 'Total:  ' + [m.total, m.used, m.free].map(f).join('') + '\n';
  return s;
}

interface Mount {
  source: string;
  type: string;
  /** 1K-blocks; 0 for a pseudo filesystem. */
  size: number;
  used: number;
  avail: number;
  target: string;
}

const ROOT_KB = 20134592;
const ROOT_RESERVED = 1032140;

function mounts(world: NodeWorld, host: string): Mount[] {
  const control = isControl(world, host);
  const rootUsed = control ? 6512340 : 4870120;
  const root = (source: string, target: string): Mount => ({ source, type: source === 'overlay' ? 'overlay' : 'ext4', size: ROOT_KB, used: rootUsed, avail: ROOT_KB - rootUsed - ROOT_RESERVED, target });
  const tmpfs = (size: number, used: number, target: string, source = 'tmpfs'): Mount => ({ source, type: 'tmpfs', size, used, avail: size - used, target });
  const out: Mount[] = [
    tmpfs(402528, 1148, '/run'),
    root('/dev/vda1', '/'),
    tmpfs(2012620, 0, '/dev/shm'),
    tmpfs(5120, 0, '/run/lock'),
    { source: '/dev/vda16', type: 'ext4', size: 901520, used: 62460, avail: 776032, target: '/boot' },
    { source: '/dev/vda15', type: 'vfat', size: 106858, used: 6182, avail: 100676, target: '/boot/efi' },
  ];
  const kubelet = world.cluster.kubelets.get(host);
  const m = world.machine(host);
  if (kubelet && m?.kubelet.powered) {
    const pods = new Map((world.cluster.client.list(res('pods')) as Obj[]).map((p) => [String(p.metadata.uid), p]));
    const containers = m.kubelet.runtimeContainers().filter((c) => c.state === 'Running');
    const allocatable = MEM_TOTAL_KI - 102400;
    for (const sb of [...m.kubelet.runtimeSandboxes()].sort((a, b) => a.createdAt - b.createdAt)) {
      const pod = pods.get(sb.uid);
      const token = (pod?.spec?.volumes as Obj[] | undefined)?.find((v) => v.projected && String(v.name).startsWith('kube-api-access-'));
      if (token) {
        const limits = ((pod!.spec.containers as Obj[]) ?? []).map((c) => c.resources?.limits?.memory);
        const kb = limits.length && limits.every(Boolean) ? limits.reduce((a: number, q: string) => a + quantityKi(q), 0) : allocatable;
        out.push(tmpfs(Math.min(kb, allocatable), 12, `/var/lib/kubelet/pods/${sb.uid}/volumes/kubernetes.io~projected/${token.name}`));
      }
      out.push(tmpfs(65536, 0, `/run/containerd/io.containerd.grpc.v1.cri/sandboxes/${sb.id}/shm`, 'shm'));
      out.push(root('overlay', `/run/containerd/io.containerd.runtime.v2.task/k8s.io/${sb.id}/rootfs`));
      for (const c of containers.filter((x) => x.podSandboxId === sb.id).sort((a, b) => a.createdAt - b.createdAt)) out.push(root('overlay', `/run/containerd/io.containerd.runtime.v2.task/k8s.io/${c.id}/rootfs`));
    }
  }
  out.push(tmpfs(402524, 12, '/run/user/0'));
  return out;
}

function quantityKi(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(q);
  if (!m) return 0;
  const mult: Record<string, number> = { Ki: 1, Mi: 1024, Gi: 1024 * 1024, K: 1000 / 1024, M: 1e6 / 1024, G: 1e9 / 1024 };
  return Math.ceil(Number(m[1]) * (m[2] ? mult[m[2]] : 1 / 1024));
}

/** coreutils' human_readable() with -h: powers of 1024, rounded up, one decimal below 10. */
export function human(kb: number): string {
  if (kb === 0) return '0';
  let v = kb;
  let i = 0;
  const units = ['K', 'M', 'G', 'T', 'P'];
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (v < 10) {
    const d = Math.ceil(v * 10 - 1e-9) / 10;
    if (d < 10) return d.toFixed(1) + units[i];
    v = 10;
  }
  const n = Math.ceil(v - 1e-9);
  if (n >= 1024 && i < units.length - 1) return '1.0' + units[i + 1];
  return n + units[i];
}

export function df(world: NodeWorld, ctx: CommandContext): number {
  let h = false;
  let showType = false;
  const paths: string[] = [];
  const only: string[] = [];
  const skip: string[] = [];
  const args = [...ctx.args];
  for (let a = args.shift(); a !== undefined; a = args.shift()) {
    // -t TYPE / -x TYPE (--type, --exclude-type): which filesystem types to list.
    const typed = /^(-[hT]*)([tx])(.*)$/.exec(a) ?? (/^--(type|exclude-type)(=.*)?$/.test(a) ? [a, '', a.startsWith('--type') ? 't' : 'x', a.includes('=') ? a.slice(a.indexOf('=') + 1) : ''] : null);
    if (typed) {
      h ||= typed[1].includes('h');
      showType ||= typed[1].includes('T');
      const v = typed[3] || args.shift();
      if (v === undefined) {
        ctx.err(a.startsWith('--') ? `df: option '${a}' requires an argument\nTry 'df --help' for more information.\n` : `df: option requires an argument -- '${typed[2]}'\nTry 'df --help' for more information.\n`);
        return 1;
      }
      (typed[2] === 't' ? only : skip).push(v);
      continue;
    }
    if (a === '-h' || a === '--human-readable') h = true;
    else if (a === '-T' || a === '--print-type') showType = true;
    else if (/^-[hT]+$/.test(a)) {
      h ||= a.includes('h');
      showType ||= a.includes('T');
    } else if (a.startsWith('--')) {
      ctx.err(`df: unrecognized option '${a}'\nTry 'df --help' for more information.\n`);
      return 1;
    } else if (a.startsWith('-') && a !== '-') {
      const bad = [...a.slice(1)].find((c) => !'hT'.includes(c))!;
      ctx.err(`df: invalid option -- '${bad}'\nTry 'df --help' for more information.\n`);
      return 1;
    } else paths.push(a);
  }
  const all = mounts(world, ctx.shell.host.name).filter((m) => (!only.length || only.includes(m.type)) && !skip.includes(m.type));
  let rows = all;
  let status = 0;
  if (paths.length) {
    rows = [];
    for (const p of paths) {
      const abs = FileSystem.normalize(p, ctx.cwd);
      if (!ctx.fs.exists(abs) && !all.some((m) => m.target === abs)) {
        ctx.err(`df: ${p}: No such file or directory\n`);
        status = 1;
        continue;
      }
      // The mount holding the path: the longest target that is a prefix of it.
      const hit = all.filter((m) => abs === m.target || abs.startsWith(m.target === '/' ? '/' : m.target + '/')).sort((a, b) => b.target.length - a.target.length)[0];
      if (hit) rows.push(hit);
    }
    if (!rows.length) return status;
  }
  const pct = (m: Mount) => (m.size ? `${Math.ceil((m.used * 100) / (m.used + m.avail) - 1e-9)}%` : '-');
  const num = (kb: number) => (h ? human(kb) : String(kb));
  const table: string[][] = [['Filesystem', ...(showType ? ['Type'] : []), h ? 'Size' : '1K-blocks', 'Used', h ? 'Avail' : 'Available', 'Use%', 'Mounted on']];
  for (const m of rows) table.push([m.source, ...(showType ? [m.type] : []), num(m.size), num(m.used), num(m.avail), pct(m), m.target]);
  // coreutils df.c field_data: minimum widths (source 14, type 4, size/used/avail 5, pcent 4); source,
  // type and target left-aligned, the rest right-aligned; one space between; the last column unpadded.
  const mins = [14, ...(showType ? [4] : []), 5, 5, 5, 4, 0];
  const left = new Set([0, ...(showType ? [1] : []), mins.length - 1]);
  const width = mins.map((min, i) => Math.max(min, ...table.map((r) => r[i].length)));
  let s = '';
  for (const r of table) s += r.map((f, i) => (i === r.length - 1 ? f : left.has(i) ? f.padEnd(width[i]) : f.padStart(width[i]))).join(' ') + '\n';
  ctx.out(s);
  return status;
}
