/**
 * `crictl ps [-a] [--name N]`, `crictl pods`, `crictl logs [--tail N] ID`, `crictl images` on a node,
 * from the kubelet's containers (the runtime's view: static pods included, so the control plane can be
 * inspected while the API server is down). Layout: cri-tools cmd/crictl (tabwriter minwidth 20,
 * padding 3; IDs truncated to 13 characters; CREATED as go-units HumanDuration + " ago").
 */
import type { CommandContext } from '../shell/shell.ts';
import { fakeDigest } from '../kubelet/kubelet.ts';
import { lookupImage } from '../kubelet/images.ts';
import type { NodeWorld } from './world.ts';

function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.floor(s / 3600 + 0.5);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  return `${Math.floor(h / 24)} days`;
}

function table(rows: string[][]): string {
  const w: number[] = [];
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(Math.max(20, w[i] + 3)))).join('') + '\n').join('');
}

function imageId(ref: string): string {
  return fakeDigest(`image/${lookupImage(ref).ref.full}`);
}

export function crictl(world: NodeWorld, ctx: CommandContext): number {
  const m = world.machine(ctx.shell.host.name);
  if (!m) return 127;
  const k = m.kubelet;
  const now = world.cluster.clock.now();
  const args = ctx.args;
  const cmd = args.find((a) => !a.startsWith('-'));
  const flag = (n: string) => {
    const i = args.findIndex((a) => a === n);
    if (i >= 0) return args[i + 1];
    return args.find((a) => a.startsWith(n + '='))?.slice(n.length + 1);
  };
  const containers = k.powered ? k.runtimeContainers() : [];
  switch (cmd) {
    case 'ps': {
      const all = args.includes('-a') || args.includes('--all');
      const name = flag('--name');
      const quiet = args.includes('-q') || args.includes('--quiet');
      const list = containers.filter((c) => (all || c.state === 'Running') && (!name || new RegExp(name).test(c.name))).sort((a, b) => b.createdAt - a.createdAt);
      if (quiet) {
        ctx.out(list.map((c) => c.id + '\n').join(''));
        return 0;
      }
      ctx.out(table([['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'], ...list.map((c) => [c.id.slice(0, 13), imageId(c.image).slice(0, 13), `${humanDuration(now - c.createdAt)} ago`, c.state === 'Running' ? 'Running' : c.state === 'Exited' ? 'Exited' : 'Created', c.name, String(c.attempt), c.podSandboxId.slice(0, 13), c.podName, c.podNamespace])]));
      return 0;
    }
    case 'pods': {
      const list = (k.powered ? k.runtimeSandboxes() : []).sort((a, b) => b.createdAt - a.createdAt);
      ctx.out(table([['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME'], ...list.map((s) => [s.id.slice(0, 13), `${humanDuration(now - s.createdAt)} ago`, s.state, s.name, s.namespace, '0', '(default)'])]));
      return 0;
    }
    case 'logs': {
      const id = args.filter((a) => !a.startsWith('-') && a !== 'logs' && a !== flag('--tail'))[0];
      if (!id) {
        ctx.err('time="' + new Date(now).toISOString().replace(/\.\d+Z$/, 'Z') + '" level=fatal msg="ID cannot be empty"\n');
        return 1;
      }
      const matches = containers.filter((c) => c.id.startsWith(id));
      if (matches.length !== 1) {
        ctx.err(`time="${new Date(now).toISOString().replace(/\.\d+Z$/, 'Z')}" level=fatal msg="rpc error: code = NotFound desc = an error occurred when try to find container \\"${id}\\": not found"\n`);
        return 1;
      }
      let lines = matches[0].logs.map((l) => l.text);
      const tail = flag('--tail');
      if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(-Number(tail));
      ctx.out(lines.map((l) => l + '\n').join(''));
      return 0;
    }
    case 'images': {
      const rows = k
        .imageList()
        .sort()
        .map((ref) => {
          const l = lookupImage(ref);
          const size = l.ok ? l.image.size : 0;
          const human = size >= 1e6 ? `${(size / 1e6).toFixed(size >= 1e8 ? 0 : 1)}MB` : `${Math.round(size / 1e3)}kB`;
          return [l.ref.repo, l.ref.tag, imageId(ref).slice(0, 13), human];
        });
      ctx.out(table([['IMAGE', 'TAG', 'IMAGE ID', 'SIZE'], ...rows]));
      return 0;
    }
    case 'version':
      ctx.out('Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v2.1.4\nRuntimeApiVersion:  v1\n');
      return 0;
    default:
      ctx.err(cmd ? `No help topic for '${cmd}'\n` : 'NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n');
      return cmd ? 3 : 0;
  }
}
