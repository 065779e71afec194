/**
 * `kubeadm certs check-expiration` and `kubeadm certs renew all|<name>`.
 *
 * Sources: kubernetes/kubernetes cmd/kubeadm/app/cmd/certs.go (getInternalCfg: "[<prefix>] Reading
 * configuration …" lines from configutil.FetchInitConfigurationFromCluster, then an empty line, or
 * "[<prefix>] Error reading configuration from the Cluster. Falling back to default configuration" and
 * an empty line; the check-expiration tables through tabwriter(10, 4, 3, ' '), rows
 * "%s\t%s\t%s\t%s\t%-8v" with `Jan 02, 2006 15:04 MST` dates and duration.ShortHumanDuration residual
 * times, `!MISSING! <name>` rows; renewCert "<long name> renewed" / "MISSING! <long name>", `renew all`'s
 * closing "Done renewing certificates. You must restart …"; `certs` and `certs renew` run
 * cmdutil.SubCmdRun: help and exit 1 without a sub-command, `invalid subcommand "x"` + "See '… -h' for
 * help and examples" otherwise, kubeadmutil.CheckErr printing it without the stack-trace hint), phases/certs/renewal/manager.go (the
 * certificates in name order and their CAs), constants.go (CertificateValidityPeriod 1 year,
 * CACertificateValidityPeriod 10 years). The v1.35 texts — the 'kubeadm init phase upload-config kubeadm
 * --config your-config-file' hint, super-admin.conf in the list, the eleven long names — from real
 * v1.34/v1.35 transcripts of both commands.
 *
 * The certificates are as `kubeadm init` made them at CLUSTER_BIRTH unless renewed since (renew, or a
 * control-plane `kubeadm upgrade`, which renews what it restarts and admin.conf / super-admin.conf).
 */
import { shortHumanDuration } from '../apiserver/printers/duration.ts';
import { CLUSTER_BIRTH } from '../cluster/cluster.ts';
import type { CommandContext } from '../shell/shell.ts';
import type { MachineState, NodeWorld } from './world.ts';
import { MONTHS } from '../clock/clock.ts';

const YEAR_MS = 365 * 24 * 3600_000;
const CA_VALIDITY_MS = 10 * YEAR_MS;
const STACK_HINT = 'To see the stack trace of this error execute with --v=5 or higher\n';
const PKI = '/etc/kubernetes/pki';

export interface CertHandler {
  name: string;
  longName: string;
  ca: 'ca' | 'etcd-ca' | 'front-proxy-ca';
  /** The file that holds the certificate (a .crt, or the kubeconfig that embeds it). */
  file: string;
}

/** renewal.Manager's certificates, in the order rm.Certificates() returns them (by name). */
export const CERTIFICATES: readonly CertHandler[] = [
  { name: 'admin.conf', longName: 'certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself', ca: 'ca', file: '/etc/kubernetes/admin.conf' },
  { name: 'apiserver', longName: 'certificate for serving the Kubernetes API', ca: 'ca', file: `${PKI}/apiserver.crt` },
  { name: 'apiserver-etcd-client', longName: 'certificate the apiserver uses to access etcd', ca: 'etcd-ca', file: `${PKI}/apiserver-etcd-client.crt` },
  { name: 'apiserver-kubelet-client', longName: 'certificate for the API server to connect to kubelet', ca: 'ca', file: `${PKI}/apiserver-kubelet-client.crt` },
  { name: 'controller-manager.conf', longName: 'certificate embedded in the kubeconfig file for the controller manager to use', ca: 'ca', file: '/etc/kubernetes/controller-manager.conf' },
  { name: 'etcd-healthcheck-client', longName: 'certificate for liveness probes to healthcheck etcd', ca: 'etcd-ca', file: `${PKI}/etcd/healthcheck-client.crt` },
  { name: 'etcd-peer', longName: 'certificate for etcd nodes to communicate with each other', ca: 'etcd-ca', file: `${PKI}/etcd/peer.crt` },
  { name: 'etcd-server', longName: 'certificate for serving etcd', ca: 'etcd-ca', file: `${PKI}/etcd/server.crt` },
  { name: 'front-proxy-client', longName: 'certificate for the front proxy client', ca: 'front-proxy-ca', file: `${PKI}/front-proxy-client.crt` },
  { name: 'scheduler.conf', longName: 'certificate embedded in the kubeconfig file for the scheduler manager to use', ca: 'ca', file: '/etc/kubernetes/scheduler.conf' },
  { name: 'super-admin.conf', longName: 'certificate embedded in the kubeconfig file for the super-admin', ca: 'ca', file: '/etc/kubernetes/super-admin.conf' },
];

const CAS: readonly { name: string; base: string }[] = [
  { name: 'ca', base: `${PKI}/ca` },
  { name: 'etcd-ca', base: `${PKI}/etcd/ca` },
  { name: 'front-proxy-ca', base: `${PKI}/front-proxy-ca` },
];

export function certNotAfter(m: MachineState, name: string): number {
  return m.certNotAfter.get(name) ?? CLUSTER_BIRTH + (CAS.some((c) => c.name === name) ? CA_VALIDITY_MS : YEAR_MS);
}

/** A certificate signed again by its CA: valid one year from now (kubeadm's renewal). */
export function renewCertificate(m: MachineState, name: string, now: number): void {
  m.certNotAfter.set(name, now + YEAR_MS);
}

/** Go's `Jan 02, 2006 15:04 MST` for a UTC time. */
function expiresText(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())}, ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

/** text/tabwriter(minwidth 10, tabwidth 4, padding 3, ' ', 0): every cell but a line's last is padded. */
function tabwriter(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(Math.max(10, widths[i] + 3)))).join('') + '\n').join('');
}

/** getInternalCfg: the cluster's kubeadm-config when there is an admin.conf to reach it with. */
function readConfig(world: NodeWorld, m: MachineState, prefix: string): string {
  if (!m.fs.exists('/etc/kubernetes/admin.conf')) return '';
  let s = `[${prefix}] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[${prefix}] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.\n`;
  s += world.cluster.server.up ? '\n' : `[${prefix}] Error reading configuration from the Cluster. Falling back to default configuration\n\n`;
  return s;
}

function checkExpiration(world: NodeWorld, m: MachineState, ctx: CommandContext): number {
  const now = world.cluster.clock.now();
  const externally = (ca: string) => {
    const base = CAS.find((c) => c.name === ca)!.base;
    return m.fs.exists(`${base}.crt`) && !m.fs.exists(`${base}.key`);
  };
  const yesNo = (b: boolean) => (b ? 'yes' : 'no').padEnd(8);
  const certs: string[][] = [['CERTIFICATE', 'EXPIRES', 'RESIDUAL TIME', 'CERTIFICATE AUTHORITY', 'EXTERNALLY MANAGED']];
  for (const h of CERTIFICATES) {
    if (!m.fs.exists(h.file)) {
      certs.push([`!MISSING! ${h.name}`, '', '', '', '']);
      continue;
    }
    const exp = certNotAfter(m, h.name);
    certs.push([h.name, expiresText(exp), shortHumanDuration(exp - now), h.ca, yesNo(externally(h.ca))]);
  }
  const cas: string[][] = [['CERTIFICATE AUTHORITY', 'EXPIRES', 'RESIDUAL TIME', 'EXTERNALLY MANAGED']];
  for (const c of CAS) {
    if (!m.fs.exists(`${c.base}.crt`)) {
      cas.push([`!MISSING! ${c.name}`, '', '', '']);
      continue;
    }
    const exp = certNotAfter(m, c.name);
    cas.push([c.name, expiresText(exp), shortHumanDuration(exp - now), yesNo(externally(c.name))]);
  }
  ctx.out(readConfig(world, m, 'check-expiration') + tabwriter(certs) + '\n' + tabwriter(cas));
  return 0;
}

function renew(world: NodeWorld, m: MachineState, ctx: CommandContext, args: string[]): number {
  const target = args.find((a) => !a.startsWith('-'));
  if (!target) {
    ctx.out(RENEW_HELP);
    return 1;
  }
  const handlers = target === 'all' ? CERTIFICATES : CERTIFICATES.filter((h) => h.name === target);
  if (!handlers.length) {
    ctx.err(`invalid subcommand "${args.filter((a) => !a.startsWith('-')).join(' ')}"\nSee 'kubeadm certs renew -h' for help and examples\n`);
    return 1;
  }
  const extra = args.filter((a) => !a.startsWith('-'))[1];
  if (extra !== undefined) {
    ctx.err(`unknown command "${extra}" for "kubeadm certs renew ${target}"\n${STACK_HINT}`);
    return 1;
  }
  let out = readConfig(world, m, 'renew');
  for (const h of handlers) {
    if (!m.fs.exists(h.file)) {
      out += `MISSING! ${h.longName}\n`;
      continue;
    }
    const caBase = CAS.find((c) => c.name === h.ca)!.base;
    if (!m.fs.exists(`${caBase}.key`)) {
      out += `Detected external ${h.ca}, ${h.longName} can't be renewed\n`;
      continue;
    }
    renewCertificate(m, h.name, world.cluster.clock.now());
    // A new key pair and its signature take a moment (RSA 2048 key generation).
    world.cluster.clock.advance(60);
    out += `${h.longName} renewed\n`;
  }
  if (target === 'all') out += '\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n';
  ctx.out(out);
  return 0;
}

const GLOBAL_FLAGS = `Global Flags:
      --add-dir-header           If true, adds the file directory to the header of the log messages
      --log-file string          If non-empty, use this log file (no effect when -logtostderr=true)
      --log-file-max-size uint   Defines the maximum size a log file can grow to (no effect when -logtostderr=true). Unit is megabytes. If the value is 0, the maximum file size is unlimited. (default 1800)
      --one-output               If true, only write logs to their native severity level (vs also writing to each lower severity level; no effect when -logtostderr=true)
      --rootfs string            The path to the 'real' host root filesystem. This will cause kubeadm to chroot into the provided path.
      --skip-headers             If true, avoid header prefixes in the log messages
      --skip-log-headers         If true, avoid headers when opening log files (no effect when -logtostderr=true)
  -v, --v Level                  number for the log level verbosity
`;

const RENEW_HELP = `This command is not meant to be run on its own. See list of available subcommands.

Usage:
  kubeadm certs renew [flags]
  kubeadm certs renew [command]

Available Commands:
${[...CERTIFICATES.map((h) => [h.name, `Renew the ${h.longName}`]), ['all', 'Renew all available certificates']]
  .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  .map(([n, d]) => `  ${n.padEnd(24)} ${d}`)
  .join('\n')}

Flags:
  -h, --help   help for renew

${GLOBAL_FLAGS}
Use "kubeadm certs renew [command] --help" for more information about a command.
`;

const CERTS_HELP = `Commands related to handling Kubernetes certificates

Usage:
  kubeadm certs [flags]
  kubeadm certs [command]

Aliases:
  certs, certificates

Available Commands:
  certificate-key  Generate certificate keys
  check-expiration Check certificates expiration for a Kubernetes cluster
  generate-csr     Generate keys and certificate signing requests
  renew            Renew certificates for a Kubernetes cluster

Flags:
  -h, --help   help for certs

${GLOBAL_FLAGS}
Use "kubeadm certs [command] --help" for more information about a command.
`;

/** `kubeadm certs …` (args after `certs`). */
export function certsCommand(world: NodeWorld, m: MachineState, ctx: CommandContext, args: string[]): number {
  const positional = args.filter((a) => !a.startsWith('-'));
  const sub = positional[0];
  // cmdutil.SubCmdRun: help and exit status 1 without a sub-command; an unknown one is a usage error.
  if (!sub) {
    ctx.out(CERTS_HELP);
    return 1;
  }
  if (sub === 'check-expiration') {
    if (positional.length > 1) {
      ctx.err(`unknown command "${positional[1]}" for "kubeadm certs check-expiration"\n${STACK_HINT}`);
      return 1;
    }
    return checkExpiration(world, m, ctx);
  }
  if (sub === 'renew') return renew(world, m, ctx, args.slice(args.indexOf('renew') + 1));
  ctx.err(`invalid subcommand "${positional.join(' ')}"\nSee 'kubeadm certs -h' for help and examples\n`);
  return 1;
}
