/**
 * apt on the nodes, limited to the Kubernetes packages of pkgs.k8s.io (kubeadm, kubelet, kubectl,
 * kubernetes-cni, cri-tools): `apt-get update` / `apt update`, `apt-get install|upgrade [-y] pkg=ver`,
 * `apt-mark hold|unhold|showhold`, `apt-cache madison|policy`, `dpkg -l`, and `kubelet --version`.
 * The repository is the one /etc/apt/sources.list.d/kubernetes.list names (one per minor); the package
 * lists are those of the last `apt-get update`, as on a real machine.
 *
 * Message texts follow apt 2.x as recorded in real upgrade transcripts (KodeKloud v1.34→v1.35 lab,
 * 2026; a v1.31.5 upgrade walkthrough): `E: Version '1.35.0-1' for 'kubelet' was not found` preceded by
 * the "Package X is not available, but is referred to by another package." paragraph,
 * `E: Unable to locate package X`, `kubeadm set on hold.` / `Canceled hold on kubeadm.` /
 * `kubeadm was already not on hold.`, madison lines `   kubeadm | 1.35.0-1.1 | https://pkgs.k8s.io/core:/stable:/v1.35/deb  Packages`,
 * and apt-pkg's held-package errors (`E: Held packages were changed and -y was used without
 * --allow-change-held-packages.`, `E: Packages were downgraded and -y was used without --allow-downgrades.`).
 */
import type { CommandContext } from '../shell/shell.ts';
import { APT_SOURCE } from './files.ts';
import { RELEASES, compareVersions, fromPackage, PKG_REVISION } from './versions.ts';
import type { MachineState, NodeWorld } from './world.ts';

const CDN = 'https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:';
const KUBE = ['kubeadm', 'kubectl', 'kubelet'];
const PKG_SIZE: Record<string, string> = { kubeadm: '12.4 MB', kubelet: '12.9 MB', kubectl: '11.5 MB', 'kubernetes-cni': '39.9 MB', 'cri-tools': '21.4 MB' };
const PKG_DESC: Record<string, string> = {
  kubeadm: 'Command-line utility for administering a Kubernetes cluster',
  kubectl: 'Command-line utility for interacting with a Kubernetes cluster',
  kubelet: 'Node agent for Kubernetes clusters',
  'kubernetes-cni': 'Binaries required to provision kubernetes container networking',
  'cri-tools': 'Command-line utility for interacting with a container runtime',
};
const OS_SOURCES = ['http://archive.ubuntu.com/ubuntu noble InRelease', 'http://security.ubuntu.com/ubuntu noble-security InRelease', 'http://archive.ubuntu.com/ubuntu noble-updates InRelease', 'http://archive.ubuntu.com/ubuntu noble-backports InRelease'];

/** The pkgs.k8s.io minor named by kubernetes.list (undefined if none / not pkgs.k8s.io). */
export function configuredRepo(m: MachineState): string | undefined {
  const text = m.fs.read(APT_SOURCE) ?? '';
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('#')) continue;
    const r = /pkgs\.k8s\.io\/core:\/stable:\/v(\d+\.\d+)\/deb/.exec(line);
    if (r) return r[1];
  }
  return undefined;
}

/** Versions of a package in the fetched lists, newest first. */
function available(m: MachineState, pkg: string): string[] {
  if (!m.lists || !KUBE.includes(pkg)) return [];
  return [...(RELEASES[m.lists] ?? [])].reverse().map((v) => `${v}-${PKG_REVISION}`);
}

function candidate(m: MachineState, pkg: string): string | undefined {
  return available(m, pkg)[0];
}

function upgradable(m: MachineState): string[] {
  return KUBE.filter((p) => {
    const c = candidate(m, p);
    const cur = m.packages.get(p)?.version;
    return c && cur && compareVersions(c, cur) > 0;
  });
}

function update(world: NodeWorld, m: MachineState, ctx: CommandContext, friendly: boolean): number {
  let n = 0;
  let out = '';
  for (const s of OS_SOURCES) out += `Hit:${++n} ${s}\n`;
  const repo = configuredRepo(m);
  if (repo && !RELEASES[repo]) {
    out += `Ign:${++n} ${CDN}/v${repo}/deb  InRelease\nErr:${++n} ${CDN}/v${repo}/deb  Release\n  404  Not Found [IP: 3.167.227.100 443]\nReading package lists... Done\n`;
    ctx.out(out);
    ctx.err(`E: The repository 'https://pkgs.k8s.io/core:/stable:/v${repo}/deb  Release' does not have a Release file.\nN: Updating from such a repository can't be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.\n`);
    return 100;
  }
  if (repo) {
    if (m.lists === repo) out += `Hit:${++n} ${CDN}/v${repo}/deb  InRelease\n`;
    else {
      out += `Get:${++n} ${CDN}/v${repo}/deb  InRelease [1,227 B]\nGet:${++n} ${CDN}/v${repo}/deb  Packages [${repo === '1.35' ? '4,339' : '8,855'} B]\n`;
      out += `Fetched ${repo === '1.35' ? '5,566 B' : '10.1 kB'} in 0s (${repo === '1.35' ? '18.2' : '22.3'} kB/s)\n`;
    }
  }
  m.lists = repo;
  out += 'Reading package lists... Done\n';
  if (friendly) {
    out += 'Building dependency tree... Done\nReading state information... Done\n';
    const u = upgradable(m).length;
    out += u ? `${u} package${u > 1 ? 's' : ''} can be upgraded. Run 'apt list --upgradable' to see ${u > 1 ? 'them' : 'it'}.\n` : 'All packages are up to date.\n';
  }
  ctx.out(out);
  void world;
  return 0;
}

interface Change {
  pkg: string;
  from: string;
  to: string;
}

function install(world: NodeWorld, m: MachineState, ctx: CommandContext, args: string[], upgradeAll: boolean): number {
  const yes = args.some((a) => /^-[a-z]*y[a-z]*$/.test(a) || a === '--yes' || a === '--assume-yes');
  const allowHeld = args.includes('--allow-change-held-packages');
  const allowDown = args.includes('--allow-downgrades');
  const names = args.filter((a) => !a.startsWith('-'));
  let out = 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';
  const errs: string[] = [];
  const notAvail: string[] = [];
  const changes: Change[] = [];
  const newest: string[] = [];
  const selected: string[] = [];
  for (const spec of names) {
    const eq = spec.indexOf('=');
    const pkg = eq < 0 ? spec : spec.slice(0, eq);
    let ver = eq < 0 ? undefined : spec.slice(eq + 1).replace(/^'|'$/g, '');
    const cur = m.packages.get(pkg);
    const avail = available(m, pkg);
    if (!cur && !KUBE.includes(pkg)) {
      errs.push(`E: Unable to locate package ${pkg}`);
      continue;
    }
    if (ver !== undefined) {
      if (ver.includes('*')) {
        const re = new RegExp('^' + ver.replace(/[.+]/g, '\\$&').replace(/\*/g, '.*') + '$');
        const found = avail.find((v) => re.test(v));
        // apt's cacheset names the version a pattern picked (ShowSelectedVersion), with the release it
        // comes from — "Selected version '1.34.3-1.1' (isv:kubernetes:core:stable:v1.34:pkgs.k8s.io
        // [amd64]) for 'kubeadm'" in real `apt-get install -y kubeadm='1.34.3-*'` transcripts.
        if (found) selected.push(`Selected version '${found}' (isv:kubernetes:core:stable:v${found.split('.').slice(0, 2).join('.')}:pkgs.k8s.io [amd64]) for '${pkg}'`);
        ver = found ?? ver;
      }
      if (!avail.includes(ver)) {
        notAvail.push(pkg);
        errs.push(`E: Version '${ver}' for '${pkg}' was not found`);
        continue;
      }
    } else ver = avail[0] ?? cur?.version;
    if (!ver) {
      errs.push(`E: Unable to locate package ${pkg}`);
      continue;
    }
    if (cur && cur.version === ver) newest.push(`${pkg} is already the newest version (${ver}).`);
    else changes.push({ pkg, from: cur?.version ?? '', to: ver });
  }
  if (upgradeAll && !names.length) {
    for (const p of upgradable(m)) if (!m.packages.get(p)!.held) changes.push({ pkg: p, from: m.packages.get(p)!.version, to: candidate(m, p)! });
  }
  if (errs.length) {
    for (const p of notAvail) out += `Package ${p} is not available, but is referred to by another package.\nThis may mean that the package is missing, has been obsoleted, or\nis only available from another source\n\n`;
    ctx.out(out);
    ctx.err(errs.join('\n') + '\n');
    return 100;
  }
  for (const l of [...selected, ...newest]) out += l + '\n';
  changes.sort((a, b) => (a.pkg < b.pkg ? -1 : 1));
  const held = changes.filter((c) => m.packages.get(c.pkg)?.held);
  const down = changes.filter((c) => c.from && compareVersions(c.to, c.from) < 0);
  const up = changes.filter((c) => !down.includes(c));
  const keptBack = upgradeAll && !names.length ? upgradable(m).filter((p) => m.packages.get(p)!.held) : [];
  const list = (xs: string[]) => '  ' + xs.sort().join(' ') + '\n';
  if (keptBack.length) out += 'The following packages have been kept back:\n' + list(keptBack);
  if (held.length) out += 'The following held packages will be changed:\n' + list(held.map((c) => c.pkg));
  if (up.length) out += 'The following packages will be upgraded:\n' + list(up.map((c) => c.pkg));
  if (down.length) out += 'The following packages will be DOWNGRADED:\n' + list(down.map((c) => c.pkg));
  const notUpgraded = upgradable(m).filter((p) => !changes.some((c) => c.pkg === p)).length;
  out += `${up.length} upgraded, 0 newly installed, ${down.length ? `${down.length} downgraded, ` : ''}0 to remove and ${notUpgraded} not upgraded.\n`;
  if (!changes.length) {
    ctx.out(out);
    return 0;
  }
  if (held.length && yes && !allowHeld) {
    ctx.out(out);
    ctx.err('E: Held packages were changed and -y was used without --allow-change-held-packages.\n');
    return 100;
  }
  if (down.length && yes && !allowDown) {
    ctx.out(out);
    ctx.err('E: Packages were downgraded and -y was used without --allow-downgrades.\n');
    return 100;
  }
  const sizes = changes.map((c) => parseFloat(PKG_SIZE[c.pkg] ?? '10'));
  const total = sizes.reduce((a, b) => a + b, 0);
  out += `Need to get ${total.toFixed(1)} MB of archives.\n`;
  const minorJump = changes.some((c) => c.from && fromPackage(c.from).split('.')[1] !== fromPackage(c.to).split('.')[1]);
  out += minorJump ? `After this operation, ${(1659 * changes.length).toLocaleString('en-US')} kB disk space will be freed.\n` : `After this operation, ${(12 * changes.length).toLocaleString('en-US')} kB of additional disk space will be used.\n`;
  if (!yes) {
    const answer = ctx.stdin.trim().toLowerCase();
    out += 'Do you want to continue? [Y/n] ' + (answer ? answer + '\n' : 'Y\n');
    if (answer && !answer.startsWith('y')) {
      ctx.out(out + 'Abort.\n');
      return 1;
    }
  }
  const repo = m.lists ?? '';
  changes.forEach((c, i) => (out += `Get:${i + 1} ${CDN}/v${repo}/deb  ${c.pkg} ${c.to} [${PKG_SIZE[c.pkg] ?? '10 MB'}]\n`));
  out += `Fetched ${total.toFixed(1)} MB in 1s (${(total / 0.6).toFixed(1)} MB/s)\n`;
  out += `(Reading database ... ${m.controlPlane ? '20567' : '17482'} files and directories currently installed.)\n`;
  for (const c of changes) {
    out += `Preparing to unpack .../${c.pkg}_${c.to}_amd64.deb ...\n`;
    out += c.from ? `Unpacking ${c.pkg} (${c.to}) over (${c.from}) ...\n` : `Unpacking ${c.pkg} (${c.to}) ...\n`;
  }
  for (const c of changes) {
    out += `Setting up ${c.pkg} (${c.to}) ...\n`;
    const cur = m.packages.get(c.pkg);
    if (cur) cur.version = c.to;
    else m.packages.set(c.pkg, { version: c.to, held: false });
    if (c.pkg === 'kubelet') m.unit.needsReload = true;
  }
  ctx.out(out);
  void world;
  return 0;
}

function aptMark(m: MachineState, ctx: CommandContext): number {
  const [verb, ...pkgs] = ctx.args.filter((a) => !a.startsWith('-'));
  if (verb === 'showhold') {
    ctx.out([...m.packages].filter(([, s]) => s.held).map(([p]) => p + '\n').sort().join(''));
    return 0;
  }
  if (verb !== 'hold' && verb !== 'unhold') {
    ctx.err(verb ? `E: Invalid operation ${verb}\n` : 'apt 2.7.14 (amd64)\nUsage: apt-mark [options] {auto|manual} pkg1 [pkg2 ...]\n');
    return 100;
  }
  let out = '';
  for (const p of pkgs) {
    const s = m.packages.get(p);
    if (!s) {
      ctx.err(`E: Unable to locate package ${p}\n`);
      return 100;
    }
    if (verb === 'hold') out += s.held ? `${p} was already set on hold.\n` : `${p} set on hold.\n`;
    else out += s.held ? `Canceled hold on ${p}.\n` : `${p} was already not on hold.\n`;
    s.held = verb === 'hold';
  }
  ctx.out(out);
  return 0;
}

function aptCache(m: MachineState, ctx: CommandContext): number {
  const [verb, ...pkgs] = ctx.args.filter((a) => !a.startsWith('-'));
  if (verb === 'madison') {
    let out = '';
    for (const p of pkgs) {
      for (const v of available(m, p)) out += `${p.padStart(10)} | ${v} | https://pkgs.k8s.io/core:/stable:/v${m.lists}/deb  Packages\n`;
      if (!available(m, p).length && !m.packages.has(p)) {
        ctx.out(out);
        ctx.err(`N: Unable to locate package ${p}\n`);
        return 0;
      }
    }
    ctx.out(out);
    return 0;
  }
  if (verb === 'policy') {
    let out = '';
    for (const p of pkgs) {
      const cur = m.packages.get(p);
      const av = available(m, p);
      out += `${p}:\n  Installed: ${cur?.version ?? '(none)'}\n  Candidate: ${av[0] ?? cur?.version ?? '(none)'}\n  Version table:\n`;
      const all = [...new Set([...av, ...(cur ? [cur.version] : [])])].sort((a, b) => compareVersions(b, a));
      for (const v of all) {
        out += `${v === cur?.version ? ' *** ' : '     '}${v} 500\n`;
        if (av.includes(v)) out += `        500 https://pkgs.k8s.io/core:/stable:/v${m.lists}/deb  Packages\n`;
        if (v === cur?.version) out += '        100 /var/lib/dpkg/status\n';
      }
    }
    ctx.out(out);
    return 0;
  }
  ctx.err(`E: Invalid operation ${verb ?? ''}\n`);
  return 100;
}

function dpkg(m: MachineState, ctx: CommandContext): number {
  if (!ctx.args.some((a) => a === '-l' || a === '--list')) {
    ctx.err('dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse \'apt\' or \'aptitude\' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through \'less\' or \'more\' !\n');
    return 2;
  }
  const filter = ctx.args.filter((a) => !a.startsWith('-'));
  let out = 'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n||/ Name                                Version                                 Architecture Description\n+++-===================================-=======================================-============-================================================================================\n';
  for (const [p, s] of [...m.packages].sort()) {
    if (filter.length && !filter.some((f) => new RegExp('^' + f.replace(/\*/g, '.*') + '$').test(p))) continue;
    out += `${s.held ? 'hi' : 'ii'}  ${p.padEnd(35)} ${s.version.padEnd(39)} amd64        ${PKG_DESC[p] ?? ''}\n`;
  }
  ctx.out(out);
  return 0;
}

/** The package tools, by the name they are called with (index.ts registers them; this module loads on demand). */
export const APT_COMMANDS = ['apt-get', 'apt', 'apt-mark', 'apt-cache', 'dpkg', 'kubelet'];

export function aptCommand(world: NodeWorld, ctx: CommandContext): number {
  const m = world.machine(ctx.shell.host.name);
  if (!m) {
    ctx.err(`${ctx.name}: command not found\n`);
    return 127;
  }
  switch (ctx.name.split('/').pop()) {
    case 'apt-get':
      return aptGet(world, m, ctx, false);
    case 'apt':
      return aptGet(world, m, ctx, true);
    case 'apt-mark':
      return aptMark(m, ctx);
    case 'apt-cache':
      return aptCache(m, ctx);
    case 'dpkg':
      return dpkg(m, ctx);
    default:
      if (ctx.args.includes('--version')) {
        ctx.out(`Kubernetes ${fromPackage(m.packages.get('kubelet')?.version ?? '')}\n`);
        return 0;
      }
      ctx.err('E0115 kubelet: 이 터미널에서는 kubelet 을 직접 실행하지 않습니다. systemctl restart kubelet 을 쓰세요.\n');
      return 1;
  }
}

function aptGet(world: NodeWorld, m: MachineState, ctx: CommandContext, friendly: boolean): number {
  const args = ctx.args;
  const verb = args.find((a) => !a.startsWith('-'));
  const rest = args.filter((a, i) => i !== args.indexOf(verb ?? ''));
  if (verb === 'update') return update(world, m, ctx, friendly);
  if (verb === 'install') return install(world, m, ctx, rest, false);
  if (verb === 'upgrade' || verb === 'full-upgrade' || verb === 'dist-upgrade') return install(world, m, ctx, rest, true);
  if (friendly && verb === 'list') {
    const up = args.includes('--upgradable');
    let out = 'Listing... Done\n';
    for (const [p, s] of [...m.packages].sort()) {
      const c = candidate(m, p);
      if (up && !(c && compareVersions(c, s.version) > 0)) continue;
      if (!up && !args.includes('--installed')) continue;
      out += up ? `${p}/unknown ${c} amd64 [upgradable from: ${s.version}]\n` : `${p}/unknown,now ${s.version} amd64 [installed${s.held ? ',upgradable to: ' + (c ?? s.version) : ''}]\n`;
    }
    ctx.out(out);
    return 0;
  }
  ctx.err(verb ? `E: Invalid operation ${verb}\n` : 'apt 2.7.14 (amd64)\n');
  return 100;
}
