/**
 * `ssh NODE` / `exit`: the shell moves to another machine (its filesystem, prompt and tools).
 * Messages: OpenSSH ssh(1) (`ssh: Could not resolve hostname X: Name or service not known`, exit 255;
 * `Connection to X closed.`), bash's `logout` for a login shell; the banner is Ubuntu's pam_motd as a
 * kubeadm lab prints it (transcript of a v1.34→v1.35 KodeKloud upgrade lab, with this image's
 * release and kernel).
 */
import type { CommandContext } from '../shell/shell.ts';
import type { NodeWorld } from './world.ts';

function motd(os: string, kernel: string): string {
  return `Welcome to ${os} (GNU/Linux ${kernel} x86_64)

 * Documentation:  https://help.ubuntu.com
 * Management:     https://landscape.canonical.com
 * Support:        https://ubuntu.com/pro

This system has been minimized by removing packages and content that are
not required on a system that users do not log into.

To restore this content, you can run the 'unminimize' command.
`;
}

/** Host name or address → machine name. */
export function resolveHost(world: NodeWorld, target: string): string | undefined {
  const host = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
  if (world.cluster.machines.has(host)) return host;
  for (const [name, k] of world.cluster.kubelets) if (k.spec.internalIP === host) return name;
  if (host === 'localhost' || host === '127.0.0.1') return undefined;
  return undefined;
}

export function ssh(world: NodeWorld, ctx: CommandContext): number {
  const args = ctx.args.filter((a, i) => !(a.startsWith('-') && !ctx.args.slice(0, i).some((x) => !x.startsWith('-'))));
  const target = args[0];
  if (!target) {
    ctx.err('usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n');
    return 255;
  }
  const host = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
  const name = host === 'localhost' || host === '127.0.0.1' ? ctx.shell.host.name : resolveHost(world, target);
  if (!name) {
    ctx.err(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
    return 255;
  }
  const m = world.machine(name);
  if (!m) {
    ctx.err(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
    return 255;
  }
  if (!m.kubelet.powered) {
    ctx.err(`ssh: connect to host ${host} port 22: No route to host\n`);
    return 255;
  }
  const remote = args.slice(1);
  ctx.shell.pushHost({ name, fs: m.fs, user: 'root', home: '/root' });
  if (remote.length) {
    // `ssh node01 'command'`: run it there and come back.
    // Its output is ssh's output: it goes through this command's pipes and redirections.
    let status = 0;
    // (ctx.out of an unpiped command writes to the shell's sink: the original one while forwarding.)
    const sink = ctx.shell.sink;
    const forward = (o: { stream: string; text: string }) => {
      ctx.shell.sink = sink;
      try {
        if (o.stream === 'stdout') ctx.out(o.text);
        else ctx.err(o.text);
      } finally {
        ctx.shell.sink = forward;
      }
    };
    ctx.shell.sink = forward;
    try {
      status = ctx.shell.runLine(remote.join(' '));
    } finally {
      ctx.shell.sink = sink;
      ctx.shell.popHost();
    }
    return status;
  }
  ctx.out(motd(m.kubelet.spec.osImage, m.kubelet.spec.kernelVersion));
  return 0;
}

export function exit(ctx: CommandContext): number {
  const from = ctx.shell.host.name;
  if (!ctx.shell.popHost()) return Number(ctx.args[0] ?? 0) || 0;
  ctx.err(`logout\nConnection to ${from} closed.\n`);
  return Number(ctx.args[0] ?? 0) || 0;
}
