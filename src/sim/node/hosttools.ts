/**
 * Small tools every Ubuntu 24.04 node has, loaded on demand: hostname (-I/-i/-f/-s, net-tools'
 * hostname 3.23), id, uname (coreutils), uptime (procps-ng 4.0.4), less/more (a pager: into a pipe
 * or a file it copies its input as cat does; on the terminal the simulator cannot page, so it shows
 * the text and says so) and watch (procps-ng: it redraws until Ctrl+C; the simulator shows its first
 * screen once and says so).
 */
import { res } from '../apiserver/client.ts';
import type { CommandContext } from '../shell/shell.ts';
import { FileSystem } from '../shell/fs.ts';
import { DAYS, MONTHS } from '../clock/clock.ts';
import type { NodeWorld } from './world.ts';

/** When the machines booted (ps.ts uses the same instant). */
export const BOOT = Date.UTC(2026, 0, 15, 8, 58, 40);
export const KERNEL = '6.8.0-85-generic';

function internalIP(world: NodeWorld, host: string): string {
  return world.cluster.kubelets.get(host)?.spec.internalIP ?? '127.0.1.1';
}

/** The node's addresses in interface order: its NIC, then flannel's and the cni0 bridge's (on a node with pods). */
function addresses(world: NodeWorld, host: string): string[] {
  const out = [internalIP(world, host)];
  const node = world.cluster.kubelets.get(host);
  const cidr = (world.cluster.client.get(res('nodes'), undefined, host)?.spec as { podCIDR?: string } | undefined)?.podCIDR;
  if (node && cidr) {
    const [a, b, c] = cidr.split('/')[0].split('.');
    out.push(`${a}.${b}.${c}.0`, `${a}.${b}.${c}.1`);
  }
  return out;
}

export function hostname(world: NodeWorld, ctx: CommandContext): number {
  const host = ctx.shell.host.name;
  const a = ctx.args[0];
  if (!a || a === '-s' || a === '--short' || a === '-f' || a === '--fqdn' || a === '--long') ctx.out(host + '\n');
  else if (a === '-I' || a === '--all-ip-addresses') ctx.out(addresses(world, host).join(' ') + ' \n');
  else if (a === '-i' || a === '--ip-address') ctx.out(internalIP(world, host) + '\n');
  else if (a.startsWith('-')) {
    ctx.err(`hostname: invalid option -- '${a.slice(1, 2)}'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n`);
    return 1;
  } else {
    ctx.err('hostname: you must be root to change the host name\n');
    return 1;
  }
  return 0;
}

export function id(ctx: CommandContext): number {
  const user = ctx.args.find((x) => !x.startsWith('-')) ?? ctx.shell.host.user;
  if (user !== 'root') {
    ctx.err(`id: '${user}': no such user\n`);
    return 1;
  }
  if (ctx.args.includes('-u')) ctx.out(ctx.args.includes('-n') ? 'root\n' : '0\n');
  else if (ctx.args.includes('-g')) ctx.out(ctx.args.includes('-n') ? 'root\n' : '0\n');
  else if (ctx.args.includes('-G')) ctx.out(ctx.args.includes('-n') ? 'root\n' : '0\n');
  else ctx.out('uid=0(root) gid=0(root) groups=0(root)\n');
  return 0;
}

export function uname(ctx: CommandContext): number {
  const host = ctx.shell.host.name;
  const fields: Record<string, string> = { s: 'Linux', n: host, r: KERNEL, v: '#85-Ubuntu SMP PREEMPT_DYNAMIC Thu Sep 18 15:26:59 UTC 2025', m: 'x86_64', p: 'x86_64', i: 'x86_64', o: 'GNU/Linux' };
  const long: Record<string, string> = { '--kernel-name': 's', '--nodename': 'n', '--kernel-release': 'r', '--kernel-version': 'v', '--machine': 'm', '--processor': 'p', '--hardware-platform': 'i', '--operating-system': 'o', '--all': 'a' };
  const want = new Set<string>();
  for (const a of ctx.args) {
    if (long[a]) want.add(long[a]);
    else if (/^-[asnrvmpio]+$/.test(a)) for (const c of a.slice(1)) want.add(c);
    else {
      ctx.err(a.startsWith('--') ? `uname: unrecognized option '${a}'\nTry 'uname --help' for more information.\n` : a.startsWith('-') ? `uname: invalid option -- '${a.replace(/^-[asnrvmpio]*/, '')[0]}'\nTry 'uname --help' for more information.\n` : `uname: extra operand '${a}'\nTry 'uname --help' for more information.\n`);
      return 1;
    }
  }
  if (!want.size) want.add('s');
  const order = want.has('a') ? ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] : ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'].filter((k) => want.has(k));
  ctx.out(order.map((k) => fields[k]).join(' ') + '\n');
  return 0;
}

export function uptime(world: NodeWorld, ctx: CommandContext): number {
  const now = world.cluster.clock.now();
  const up = Math.max(0, Math.floor((now - BOOT) / 60_000));
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(up / 1440);
  const hours = Math.floor((up % 1440) / 60);
  const mins = up % 60;
  if (ctx.args.includes('-p') || ctx.args.includes('--pretty')) {
    const parts = [days && `${days} day${days > 1 ? 's' : ''}`, hours && `${hours} hour${hours > 1 ? 's' : ''}`, mins && `${mins} minute${mins > 1 ? 's' : ''}`].filter(Boolean);
    ctx.out(`up ${parts.join(', ') || '0 minutes'}\n`);
    return 0;
  }
  if (ctx.args.includes('-s') || ctx.args.includes('--since')) {
    const b = new Date(BOOT);
    ctx.out(`${b.getUTCFullYear()}-${p(b.getUTCMonth() + 1)}-${p(b.getUTCDate())} ${p(b.getUTCHours())}:${p(b.getUTCMinutes())}:${p(b.getUTCSeconds())}\n`);
    return 0;
  }
  // procps-ng sprint_uptime: "up N days, HH:MM" / "up HH:MM" / "up N min".
  let upText = days ? `${days} day${days > 1 ? 's' : ''}, ` : '';
  upText += hours ? `${String(hours).padStart(2)}:${p(mins)}` : `${mins} min`;
  ctx.out(` ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} up ${upText},  1 user,  load average: 0.21, 0.18, 0.12\n`);
  return 0;
}

/** less and more: into a pipe or a file, the input as it is (both act as cat then). */
export function pager(ctx: CommandContext): number {
  const files = ctx.args.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
  let text = '';
  let status = 0;
  if (!files.length) text = ctx.stdin;
  for (const f of files) {
    const p = FileSystem.normalize(f, ctx.cwd);
    if (ctx.fs.isDir(p)) {
      ctx.err(ctx.name === 'more' ? `\n*** ${f}: directory ***\n\n` : `${f} is a directory\n`);
      status = 1;
      continue;
    }
    const c = ctx.fs.read(p);
    if (c === undefined) {
      ctx.err(`${ctx.name === 'more' ? 'more: cannot open ' + f : f}: No such file or directory\n`);
      status = 1;
      continue;
    }
    text += c;
  }
  ctx.out(text);
  if (ctx.tty && text) ctx.err(`(${ctx.name}: 이 터미널에서는 페이지를 넘길 수 없어 내용 전체를 출력했습니다. 실제 터미널에서는 q 로 빠져나옵니다)\n`);
  return status;
}

/**
 * watch: procps-ng's header (`Every 2.0s: CMD` left, `HOST: DATE` right on an 80-column screen, a blank
 * line) and the command's output — the first screen only, as the simulator cannot redraw.
 */
export function watch(ctx: CommandContext): number {
  let interval = 2;
  let noTitle = false;
  let i = 0;
  const args = ctx.args;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--interval') interval = Number(args[++i]);
    else if (a.startsWith('-n') && a.length > 2) interval = Number(a.slice(2));
    else if (a.startsWith('--interval=')) interval = Number(a.slice(11));
    else if (a === '-t' || a === '--no-title') noTitle = true;
    else if (a === '-d' || a === '--differences' || a === '-x' || a === '--exec' || a === '-c' || a === '--color') continue;
    else break;
  }
  const cmd = args.slice(i).join(' ');
  if (!cmd) {
    ctx.err('\nUsage:\n watch [options] command\n\nOptions:\n  -b, --beep             beep if command has a non-zero exit\n  -c, --color            interpret ANSI color and style sequences\n  -d, --differences[=<permanent>]\n                         highlight changes between updates\n  -e, --errexit          exit if command has a non-zero exit\n  -g, --chgexit          exit when output from command changes\n  -n, --interval <secs>  seconds to wait between updates\n  -p, --precise          attempt run command in precise intervals\n  -t, --no-title         turn off header\n  -w, --no-wrap          turn off line wrapping\n  -x, --exec             pass command to exec instead of "sh -c"\n\n -h, --help     display this help and exit\n -v, --version  output version information and exit\n\nFor more details see watch(1).\n');
    return 1;
  }
  if (!Number.isFinite(interval) || interval <= 0) interval = 2;
  if (interval < 0.1) interval = 0.1;
  const out = ctx.shell.capture(cmd);
  if (!noTitle) {
    const left = `Every ${interval.toFixed(1)}s: ${cmd}`;
    const now = ctx.shell.now?.() ?? Date.now();
    const d = new Date(now);
    const p = (n: number) => String(n).padStart(2, '0');
    const right = `${ctx.shell.host.name}: ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
    const gap = Math.max(1, 80 - left.length - right.length);
    ctx.out(`${left}${' '.repeat(gap)}${right}\n\n`);
  }
  ctx.out(out ? out + '\n' : '');
  ctx.err(`(watch: ${interval.toFixed(1)}초마다 다시 그리며 Ctrl+C 로 멈출 때까지 계속됩니다. 시뮬레이터는 첫 화면만 보여 줍니다)\n`);
  return 0;
}
