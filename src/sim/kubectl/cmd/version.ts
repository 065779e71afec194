/**
 * kubectl version (k8s.io/kubectl pkg/cmd/version/version.go): client and Kustomize versions, then the
 * server's /version. Output forms checked against kubectl v1.33.1 (against a fake API server):
 *   default   `Client Version: v1.35.0` / `Kustomize Version: v5.7.1` / `Server Version: v1.35.0`
 *   -o yaml   the Version struct through sigs.k8s.io/yaml (keys sorted) plus an empty line (Fprintln)
 *   -o json   json.MarshalIndent(v, "", "  ") in struct field order
 * An unreachable server still prints the client lines first. A minor skew over one version adds
 * `WARNING: version difference between client (1.35) and server (1.33) exceeds the supported minor
 * version skew of +/-1` on stderr.
 * Build metadata of v1.35.0: gitCommit 66452049f3d6…, go1.25.5, server buildDate 2025-12-17T12:32:07Z
 * (a real `curl /version` of a v1.35.0 kube-apiserver); kubectl v1.35 bundles Kustomize v5.7.1.
 * The server version follows the kube-apiserver static pod's image tag (kubeadm upgrades change it);
 * the client version is the kubectl package installed on the machine the shell is on (ctx.clientVersion:
 * `apt-get install kubectl=1.35.1-1.1` on a node changes what `kubectl version` says there).
 */
import type { KubeObject } from '../../api/object.ts';
import { res } from '../../apiserver/client.ts';
import { BUILD } from '../../node/versions.ts';
import { CmdError } from '../errors.ts';
import { ConnectionError } from '../kubeconfig.ts';
import { printYAML } from '../printers/yaml.ts';
import type { Command, KubectlContext } from '../types.ts';
import { listObjects } from './common.ts';

export const CLIENT_VERSION = 'v1.35.0';
export const KUSTOMIZE_VERSION = 'v5.7.1';
/**
 * The Kustomize each kubectl minor bundles (`kubectl version --client` of v1.31.9 → v5.4.2,
 * v1.32.5 → v5.5.0, v1.33.1 → v5.6.0, observed; v1.34 and v1.35 → v5.7.1, kubectl go.mod).
 */
const KUSTOMIZE: Record<string, string> = { '1.31': 'v5.4.2', '1.32': 'v5.5.0', '1.33': 'v5.6.0', '1.34': 'v5.7.1', '1.35': 'v5.7.1' };
/** kubectl v1.35.0's own build date (not observed; a few minutes after the server binaries). */
const CLIENT_BUILD_DATE = '2025-12-17T12:41:54Z';
const SERVER_BUILD_DATES: Record<string, string> = { '1.35.0': '2025-12-17T12:32:07Z' };

interface VersionInfo {
  major: string;
  minor: string;
  emulationMajor?: string;
  emulationMinor?: string;
  minCompatibilityMajor?: string;
  minCompatibilityMinor?: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

export function info(version: string, server: boolean): VersionInfo {
  const v = version.replace(/^v/, '');
  const [major, minor] = v.split('.');
  const b = BUILD[v] ?? BUILD['1.35.0'];
  const date = server ? (SERVER_BUILD_DATES[v] ?? b.date) : v === '1.35.0' ? CLIENT_BUILD_DATE : b.date;
  return {
    major,
    minor,
    ...(server ? { emulationMajor: major, emulationMinor: minor, minCompatibilityMajor: major, minCompatibilityMinor: String(Number(minor) - 1) } : {}),
    gitVersion: `v${v}`,
    gitCommit: b.commit,
    gitTreeState: 'clean',
    buildDate: date,
    goVersion: b.go,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** The version kube-apiserver reports: its static pod's image tag. */
export function serverVersion(ctx: KubectlContext): string {
  const pods: KubeObject[] = listObjects(ctx, res('pods'), 'kube-system', 'component=kube-apiserver');
  for (const p of pods) {
    const image: string = ((p.spec as { containers?: { image?: string }[] })?.containers?.[0]?.image) ?? '';
    const m = /:(v\d+\.\d+\.\d+)$/.exec(image);
    if (m) return m[1];
  }
  return CLIENT_VERSION;
}

function yamlKeys(v: VersionInfo): Record<string, string> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Record<string, string>;
}

export const version: Command = {
  name: 'version',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(ctx, args, flags) {
    if (args.length) throw new CmdError(`extra arguments: [${args.join(' ')}]`);
    const o = flags.str('output');
    if (o !== '' && o !== 'yaml' && o !== 'json') throw new CmdError("--output must be 'yaml' or 'json'");
    const client = info(ctx.clientVersion ?? CLIENT_VERSION, false);
    const kustomize = KUSTOMIZE[`${client.major}.${client.minor}`] ?? KUSTOMIZE_VERSION;
    let server: VersionInfo | undefined;
    let serverErr: unknown;
    if (!flags.bool('client')) {
      try {
        server = info(serverVersion(ctx), true);
      } catch (e) {
        serverErr = e;
      }
    }
    if (o === '') {
      ctx.out(`Client Version: ${client.gitVersion}\nKustomize Version: ${kustomize}\n`);
      if (server) ctx.out(`Server Version: ${server.gitVersion}\n`);
    } else {
      const doc: Record<string, unknown> = { clientVersion: client, kustomizeVersion: kustomize };
      if (server) doc.serverVersion = server;
      if (o === 'yaml') ctx.out(printYAML({ clientVersion: yamlKeys(client), kustomizeVersion: kustomize, ...(server ? { serverVersion: yamlKeys(server) } : {}) }) + '\n');
      else ctx.out(JSON.stringify(doc, null, 2) + '\n');
    }
    if (serverErr) {
      if (serverErr instanceof ConnectionError) {
        ctx.err(serverErr.message + '\n');
        return 1;
      }
      throw serverErr;
    }
    if (server && Math.abs(Number(server.minor) - Number(client.minor)) > 1) {
      ctx.err(`WARNING: version difference between client (${client.major}.${client.minor}) and server (${server.major}.${server.minor}) exceeds the supported minor version skew of +/-1\n`);
    }
  },
};
