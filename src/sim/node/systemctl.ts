/**
 * `systemctl status|start|stop|restart|daemon-reload|enable|disable|is-active kubelet` and
 * `journalctl -u kubelet`. The unit is the kubelet.service + 10-kubeadm.conf drop-in the pkgs.k8s.io
 * packages install; its command line comes from the drop-in and the environment files kubeadm writes,
 * as systemd would expand it. Output shapes: systemd 255 (Ubuntu 24.04) `systemctl status`
 * (src/systemctl/systemctl-show.c print_status_info: `●`/`○`, Loaded, Drop-In, Active with
 * format_timestamp + relative time, Docs, Main PID, CGroup tree) and exit status 3 for an inactive unit.
 *
 * Stopping the kubelet stops its lease renewals and status updates (containers keep running); the node
 * lifecycle controller marks the node NotReady after node-monitor-grace-period (50 s).
 * Restarting runs the kubelet binary currently installed (apt) with the configuration on disk
 * (/var/lib/kubelet/config.yaml staticPodPath).
 */
import type { CommandContext } from '../shell/shell.ts';
import { yamlToJSON } from '../kubectl/yaml/goyaml/decode.ts';
import { KUBEADM_FLAGS, KUBELET_CONFIG, KUBELET_DROPIN } from './files.ts';
import { journalTime, systemdAgo, systemdSpan, systemdTime } from './timefmt.ts';
import { fromPackage } from './versions.ts';
import type { MachineState, NodeWorld } from './world.ts';

const DESCRIPTION = 'kubelet.service - kubelet: The Kubernetes Node Agent';

/** The kubelet's argv as systemd starts it (drop-in ExecStart with the env files expanded). */
export function kubeletCommand(m: MachineState): string[] {
  const env: Record<string, string> = {};
  const dropin = loadedDropin(m);
  for (const line of dropin.split('\n')) {
    const e = /^Environment="([A-Z_]+)=(.*)"\s*$/.exec(line.trim());
    if (e) env[e[1]] = e[2];
  }
  for (const file of [KUBEADM_FLAGS, '/etc/default/kubelet']) {
    for (const line of (m.fs.read(file) ?? '').split('\n')) {
      const e = /^([A-Z_]+)=(?:"(.*)"|'(.*)'|(.*))$/.exec(line.trim());
      if (e) env[e[1]] = e[2] ?? e[3] ?? e[4] ?? '';
    }
  }
  const exec = [...dropin.split('\n')].reverse().find((l) => /^ExecStart=\S/.test(l.trim()))?.trim().slice('ExecStart='.length) ?? '/usr/bin/kubelet';
  const expanded = exec.replace(/\$\{?([A-Z_]+)\}?/g, (_m, v) => env[v] ?? '');
  return expanded.split(/\s+/).filter(Boolean);
}

/** The drop-in as systemd loaded it (at boot or the last daemon-reload). */
function loadedDropin(m: MachineState): string {
  m.unit.dropin ??= m.fs.read(KUBELET_DROPIN) ?? '';
  return m.unit.dropin;
}

/** Why the kubelet would exit at start, as it logs it (run.go "command failed"). */
function startError(m: MachineState): string | undefined {
  const argv = kubeletCommand(m);
  const cfgFlag = argv.find((a) => a.startsWith('--config='));
  const cfg = cfgFlag?.slice('--config='.length);
  if (cfg) {
    const text = m.fs.read(cfg);
    if (text === undefined) return `failed to load kubelet config file, path: ${cfg}, error: failed to load Kubelet config file ${cfg}, error failed to read kubelet config file "${cfg}", error: open ${cfg}: no such file or directory`;
    const r = yamlToJSON(text);
    if (!r.ok) return `failed to load kubelet config file, path: ${cfg}, error: failed to load Kubelet config file ${cfg}, error failed to decode: ${r.error}`;
    const ca = ((r.value as Record<string, any>)?.authentication?.x509?.clientCAFile ?? '') as string; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (ca && m.fs.read(ca) === undefined) return `failed to construct kubelet dependencies: unable to load client CA file ${ca}: open ${ca}: no such file or directory`;
  }
  const exe = argv[0];
  if (exe && !['/usr/bin/kubelet', 'kubelet'].includes(exe)) return `exec:${exe}`;
  return undefined;
}

/** Start the kubelet process: the installed binary, the configuration on disk. */
export function startKubelet(world: NodeWorld, m: MachineState): void {
  const now = world.cluster.clock.now();
  m.unit.pid = world.nextPid();
  m.unit.since = now;
  const err = startError(m);
  if (err) {
    m.unit.active = false;
    m.unit.failed = err;
    // Restart=always, RestartSec=10: systemd tries again until it works or the unit is stopped.
    const pid = m.unit.pid;
    world.cluster.clock.after(10_000, () => {
      if (m.unit.failed && m.unit.pid === pid) startKubelet(world, m);
    });
    return;
  }
  m.unit.failed = undefined;
  m.unit.active = true;
  const version = fromPackage(m.packages.get('kubelet')?.version ?? m.unit.runningVersion);
  m.unit.runningVersion = version;
  m.kubelet.spec.kubeletVersion = version;
  const cfg = kubeletCommand(m).find((a) => a.startsWith('--config='))?.slice('--config='.length);
  const parsed = cfg ? (yamlToJSON(m.fs.read(cfg) ?? '') as { value?: Record<string, unknown> }).value : undefined;
  m.kubelet.staticPodPath = (parsed?.staticPodPath as string | undefined) ?? '';
  m.kubelet.resume();
}

export function stopKubelet(world: NodeWorld, m: MachineState): void {
  if (!m.unit.active) return;
  m.unit.active = false;
  m.unit.stoppedAt = world.cluster.clock.now();
  m.unit.ranFrom = m.unit.since;
  m.unit.since = world.cluster.clock.now();
  m.kubelet.stop(false);
}

function status(world: NodeWorld, m: MachineState, ctx: CommandContext): number {
  const now = world.cluster.clock.now();
  const u = m.unit;
  const host = m.name;
  const head = [
    `${u.active || u.failed ? '●' : '○'} ${DESCRIPTION}`,
    `     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; ${u.enabled ? 'enabled' : 'disabled'}; preset: enabled)`,
    '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
    '             └─10-kubeadm.conf',
  ];
  const argv = kubeletCommand(m);
  if (u.active) {
    const up = now - u.since;
    const cpu = Math.floor(up / 60) + 900;
    ctx.out(
      [
        ...head,
        `     Active: active (running) since ${systemdTime(u.since)}; ${systemdAgo(now - u.since)}`,
        '       Docs: https://kubernetes.io/docs/',
        `   Main PID: ${u.pid} (kubelet)`,
        '      Tasks: 12 (limit: 4605)',
        `     Memory: ${(38 + Math.min(12, up / 120000)).toFixed(1)}M (peak: ${(41 + Math.min(12, up / 120000)).toFixed(1)}M)`,
        `        CPU: ${systemdSpan(cpu)}`,
        '     CGroup: /system.slice/kubelet.service',
        `             └─${u.pid} ${argv.join(' ')}`,
        '',
        `${journalTime(u.since)} ${host} systemd[1]: Started ${DESCRIPTION}.`,
        ...startupJournal(m, u.since, u.pid),
      ].join('\n') + '\n',
    );
    return 0;
  }
  if (u.failed) {
    ctx.out(
      [
        ...head,
        `     Active: activating (auto-restart) (Result: exit-code) since ${systemdTime(u.since)}; ${systemdAgo(now - u.since)}`,
        '       Docs: https://kubernetes.io/docs/',
        `    Process: ${u.pid} ExecStart=${execLine(m)} (code=exited, status=${u.failed.startsWith('exec:') ? '203/EXEC' : '1/FAILURE'})`,
        `   Main PID: ${u.pid} (code=exited, status=${u.failed.startsWith('exec:') ? '203/EXEC' : '1/FAILURE'})`,
        '        CPU: 61ms',
        '',
        ...failJournal(m, u.since, u.pid),
      ].join('\n') + '\n',
    );
    return 3;
  }
  const ran = (u.stoppedAt ?? now) - (u.ranFrom ?? u.since);
  ctx.out(
    [
      ...head,
      `     Active: inactive (dead) since ${systemdTime(u.since)}; ${systemdAgo(now - u.since)}`,
      `   Duration: ${systemdSpan(ran)}`,
      '       Docs: https://kubernetes.io/docs/',
      `    Process: ${u.pid} ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=0/SUCCESS)`,
      `   Main PID: ${u.pid} (code=exited, status=0/SUCCESS)`,
      `        CPU: ${systemdSpan(Math.floor(ran / 60) + 900)}`,
      '',
      `${journalTime(u.since)} ${host} systemd[1]: Stopping ${DESCRIPTION}...`,
      `${journalTime(u.since)} ${host} systemd[1]: kubelet.service: Deactivated successfully.`,
      `${journalTime(u.since)} ${host} systemd[1]: Stopped ${DESCRIPTION}.`,
    ].join('\n') + '\n',
  );
  return 3;
}

function klogLine(level: string, ms: number, pid: number, at: string, msg: string): string {
  const d = new Date(ms);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${level}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000 + 123, 6)}    ${pid} ${at}] ${msg}`;
}

function startupJournal(m: MachineState, at: number, pid: number): string[] {
  const j = (off: number, line: string) => `${journalTime(at + off)} ${m.name} kubelet[${pid}]: ${line}`;
  return [
    j(400, klogLine('I', at + 400, pid, 'server.go:529', `"Kubelet version" kubeletVersion="${m.unit.runningVersion}"`)),
    j(400, klogLine('I', at + 400, pid, 'server.go:531', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""')),
    j(900, klogLine('I', at + 900, pid, 'kubelet.go:2451', `"Starting kubelet main sync loop"`)),
  ];
}

/** The ExecStart line of the drop-in as written (systemctl shows it unexpanded). */
function execLine(m: MachineState): string {
  const dropin = m.fs.read(KUBELET_DROPIN) ?? '';
  return [...dropin.split('\n')].reverse().find((l) => /^ExecStart=\S/.test(l.trim()))?.trim().slice('ExecStart='.length) ?? '/usr/bin/kubelet';
}

function failJournal(m: MachineState, at: number, pid: number): string[] {
  const j = (line: string) => `${journalTime(at)} ${m.name} ${line}`;
  if (m.unit.failed?.startsWith('exec:')) {
    const exe = m.unit.failed.slice(5);
    return [j(`(kubelet)[${pid}]: kubelet.service: Unable to locate executable '${exe}': No such file or directory`), j(`(kubelet)[${pid}]: kubelet.service: Failed at step EXEC spawning ${exe}: No such file or directory`), j('systemd[1]: kubelet.service: Main process exited, code=exited, status=203/EXEC'), j("systemd[1]: kubelet.service: Failed with result 'exit-code'.")];
  }
  return [
    j(`kubelet[${pid}]: ${klogLine('E', at + 60, pid, 'run.go:72', `"command failed" err=${JSON.stringify(m.unit.failed ?? '')}`)}`),
    j('systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE'),
    j("systemd[1]: kubelet.service: Failed with result 'exit-code'."),
  ];
}

const KNOWN_UNITS = new Set(['kubelet', 'containerd', 'ssh', 'sshd', 'systemd-journald', 'cron', 'etcd']);

export function systemctl(world: NodeWorld, ctx: CommandContext): number {
  const m = world.machine(ctx.shell.host.name);
  const args = ctx.args.filter((a) => !a.startsWith('-'));
  const verb = args[0];
  const units = args.slice(1).map((u) => u.replace(/\.service$/, ''));
  if (!verb) {
    ctx.err('systemctl: 이 터미널에서는 유닛 목록을 보여 주지 않습니다. 예: systemctl status kubelet\n');
    return 1;
  }
  if (verb === 'daemon-reload') {
    if (m) {
      m.unit.needsReload = false;
      m.unit.dropin = m.fs.read(KUBELET_DROPIN) ?? '';
    }
    return 0;
  }
  if (!units.length) {
    ctx.err(`Too few arguments.\n`);
    return 1;
  }
  let rc = 0;
  for (const unit of units) {
    if (!KNOWN_UNITS.has(unit)) {
      const verbMsg: Record<string, string> = { start: 'start', stop: 'stop', restart: 'restart', enable: 'enable', disable: 'disable' };
      if (verb === 'status') ctx.err(`Unit ${unit}.service could not be found.\n`);
      else if (verb === 'is-active') {
        ctx.out('inactive\n');
      } else ctx.err(`Failed to ${verbMsg[verb] ?? verb} ${unit}.service: Unit ${unit}.service not found.\n`);
      rc = verb === 'status' || verb === 'is-active' ? 4 : 5;
      continue;
    }
    if (unit !== 'kubelet' || !m) {
      if (verb === 'status') ctx.out(`● ${unit}.service\n     Loaded: loaded (/usr/lib/systemd/system/${unit}.service; enabled; preset: enabled)\n     Active: active (running)\n`);
      else if (verb === 'is-active') ctx.out('active\n');
      continue;
    }
    switch (verb) {
      case 'status':
        rc = status(world, m, ctx);
        break;
      case 'stop':
        stopKubelet(world, m);
        m.unit.failed = undefined;
        break;
      case 'start':
        if (!m.unit.active) startKubelet(world, m);
        break;
      case 'restart':
        if ((m.fs.read(KUBELET_DROPIN) ?? '') !== loadedDropin(m)) ctx.err("Warning: The unit file, source configuration file or drop-ins of kubelet.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n");
        stopKubelet(world, m);
        startKubelet(world, m);
        break;
      case 'is-active':
        ctx.out(m.unit.active ? 'active\n' : m.unit.failed ? 'activating\n' : 'inactive\n');
        rc = m.unit.active ? 0 : 3;
        break;
      case 'enable':
        if (!m.unit.enabled) ctx.err('Created symlink /etc/systemd/system/multi-user.target.wants/kubelet.service → /usr/lib/systemd/system/kubelet.service.\n');
        m.unit.enabled = true;
        // `enable --now` also starts the unit (systemctl(1)).
        if (ctx.args.includes('--now') && !m.unit.active) startKubelet(world, m);
        break;
      case 'disable':
        if (m.unit.enabled) ctx.err('Removed "/etc/systemd/system/multi-user.target.wants/kubelet.service".\n');
        m.unit.enabled = false;
        if (ctx.args.includes('--now')) {
          stopKubelet(world, m);
          m.unit.failed = undefined;
        }
        break;
      case 'is-enabled':
        ctx.out(m.unit.enabled ? 'enabled\n' : 'disabled\n');
        break;
      default:
        ctx.err(`Unknown command verb '${verb}'.\n`);
        return 1;
    }
  }
  return rc;
}

/** `journalctl -u kubelet`: the unit's start/stop lines and kubelet's own start-up lines. */
export function journalctl(world: NodeWorld, ctx: CommandContext): number {
  const m = world.machine(ctx.shell.host.name);
  const unitIdx = ctx.args.findIndex((a) => a === '-u' || a === '--unit');
  const unit = unitIdx >= 0 ? ctx.args[unitIdx + 1] : ctx.args.find((a) => a.startsWith('--unit='))?.slice(7);
  if (!m || !unit || unit.replace(/\.service$/, '') !== 'kubelet') {
    ctx.out('-- No entries --\n');
    return 0;
  }
  const u = m.unit;
  const lines = u.active ? [`${journalTime(u.since)} ${m.name} systemd[1]: Started ${DESCRIPTION}.`, ...startupJournal(m, u.since, u.pid)] : u.failed ? failJournal(m, u.since, u.pid) : [`${journalTime(u.since)} ${m.name} systemd[1]: Stopped ${DESCRIPTION}.`];
  ctx.out(lines.join('\n') + '\n');
  return 0;
}
