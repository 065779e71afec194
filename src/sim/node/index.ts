/**
 * The node side of the simulator: what a learner does on the machines rather than through kubectl —
 * ssh, systemctl/journalctl, ps, apt, kubeadm, etcdctl/etcdutl/etcd, crictl — and the control plane
 * running from its static pod manifests. `installNodeTools(cluster, shell)` is the one hook the session
 * calls; everything else lives here.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { Shell } from '../shell/shell.ts';
import { ControlPlaneSupervisor, registerProcessModels } from './controlplane.ts';
import { ps } from './ps.ts';
import { exit, ssh } from './ssh.ts';
import { journalctl, systemctl } from './systemctl.ts';
import { NodeWorld } from './world.ts';
import { APT_COMMANDS, aptCommand } from './apt.ts';
import { kubeadmCommand } from './kubeadm.ts';
import { etcdctl, etcdProcess, etcdutl } from './etcdctl.ts';
import { crictl } from './crictl.ts';
import { curl } from './curl.ts';
import { hostname, id, pager, uname, uptime, watch } from './hosttools.ts';
import { ip } from './ip.ts';
import { ss } from './ss.ts';
import { df, free } from './sysinfo.ts';

// Control-plane binaries validate their flags from the first container the kubelet starts.
registerProcessModels();

export function installNodeTools(cluster: Cluster, shell: Shell): NodeWorld {
  const cp = [...cluster.kubelets.values()].find((k) => k.spec.labels['node-role.kubernetes.io/control-plane'] !== undefined);
  const world = NodeWorld.of(cluster) ?? new NodeWorld(cluster, cp?.spec.kubeletVersion ?? 'v1.35.0');
  for (const name of cluster.machines.keys()) world.machine(name);
  new ControlPlaneSupervisor(world).start();
  shell.register('ssh', (ctx) => ssh(world, ctx));
  shell.register('exit', exit);
  shell.register('logout', exit);
  shell.register('systemctl', (ctx) => systemctl(world, ctx));
  shell.register('journalctl', (ctx) => journalctl(world, ctx));
  shell.register('ps', (ctx) => ps(world, ctx));
  shell.register('crictl', (ctx) => crictl(world, ctx));
  shell.register('curl', (ctx) => curl(world, ctx));
  shell.register('hostname', (ctx) => hostname(world, ctx));
  shell.register('ip', (ctx) => ip(world, ctx));
  shell.register('ss', (ctx) => ss(world, ctx));
  shell.register('free', (ctx) => free(world, ctx));
  shell.register('df', (ctx) => df(world, ctx));
  shell.register('uptime', (ctx) => uptime(world, ctx));
  for (const [n, f] of [['id', id], ['uname', uname], ['less', pager], ['more', pager], ['watch', watch]] as const) shell.register(n, f);
  for (const name of APT_COMMANDS) shell.register(name, (ctx) => aptCommand(world, ctx));
  registerTeeAndSudo(shell);
  shell.register('kubeadm', (ctx) => kubeadmCommand(world, ctx));
  shell.register('etcdctl', (ctx) => etcdctl(world, ctx));
  shell.register('etcdutl', (ctx) => etcdutl(world, ctx));
  shell.register('etcd', (ctx) => etcdProcess(world, ctx));
  return world;
}

/** `tee` and `sudo` where the shell has none of its own (the upgrade walkthroughs pipe into `sudo tee`). */
function registerTeeAndSudo(shell: Shell): void {
  if (!shell.commands.has('tee')) {
    shell.register('tee', (ctx) => {
      const append = ctx.args.includes('-a') || ctx.args.includes('--append');
      for (const f of ctx.args.filter((x) => !x.startsWith('-'))) {
        const p = f.startsWith('/') ? f : `${ctx.cwd}/${f}`;
        if (append) ctx.fs.append(p, ctx.stdin);
        else ctx.fs.write(p, ctx.stdin);
      }
      ctx.out(ctx.stdin);
      return 0;
    });
  }
  if (shell.commands.has('sudo')) return;
  shell.register('sudo', (ctx) => {
    if (!ctx.args.length) {
      ctx.err('usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n');
      return 1;
    }
    const fn = ctx.shell.commands.get(ctx.args[0]);
    if (!fn) {
      ctx.err(`sudo: ${ctx.args[0]}: command not found\n`);
      return 1;
    }
    return fn({ ...ctx, name: ctx.args[0], args: ctx.args.slice(1) });
  });
}
