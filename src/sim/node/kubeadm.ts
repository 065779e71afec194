/**
 * kubeadm on the nodes: `version`, `upgrade plan`, `upgrade apply`, `upgrade node`; `certs` in certs.ts,
 * `token` in token.ts.
 *
 * Sources: kubernetes/kubernetes cmd/kubeadm/app/cmd/upgrade/{plan,apply,node}.go and
 * cmd/kubeadm/app/cmd/phases/upgrade/apply/preflight.go (enforceVersionPolicies texts),
 * cmd/kubeadm/app/phases/upgrade/policy.go (skew rules and their messages; kubelet skew 3 minors since
 * v1.28), phases/upgrade/staticpods.go (per-component lines); the exact v1.35 line order and labels
 * ([upgrade/preflight], [upgrade/control-plane], "Moving new manifest to … and backing up old manifest
 * to …", the closing "[upgrade] SUCCESS! A control plane node of your cluster was upgraded to …" and
 * the worker's "Skipping phase. Not a control plane node." lines) from a real kubeadm v1.35.0 upgrade
 * transcript (KodeKloud lab, 2026) and shared/reference/k8s-fidelity.md §7 for `upgrade plan`.
 * The plan tables use kubeadm's tabwriter (minwidth 10, padding 3).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { res } from '../apiserver/client.ts';
import { apiserverManifest, controllerManagerManifest, etcdManifest, schedulerManifest } from '../cluster/manifests.ts';
import type { CommandContext } from '../shell/shell.ts';
import { certsCommand, renewCertificate } from './certs.ts';
import { klog } from './controlplane.ts';
import { tokenCommand } from './token.ts';
import { BUILD, COREDNS, ETCD, STABLE, compareVersions, fromPackage, isRelease, latestPatch, minorOf, parseVersion } from './versions.ts';
import type { MachineState, NodeWorld } from './world.ts';

const STACK_HINT = 'To see the stack trace of this error execute with --v=5 or higher\n';
const MANIFESTS = '/etc/kubernetes/manifests';
const CONTROL_PLANE = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
const RENEW: Record<string, string[]> = {
  etcd: ['etcd-server', 'etcd-peer', 'etcd-healthcheck-client'],
  'kube-apiserver': ['apiserver', 'apiserver-kubelet-client', 'front-proxy-client', 'apiserver-etcd-client'],
  'kube-controller-manager': ['controller-manager.conf'],
  'kube-scheduler': ['scheduler.conf'],
};

/** tabwriter(minwidth 10, tabwidth 4, padding 3, ' '). */
function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(Math.max(10, widths[i] + 3)))).join('') + '\n').join('');
}

function kubeadmVersion(m: MachineState): string {
  return fromPackage(m.packages.get('kubeadm')?.version ?? '');
}

function versionInfo(v: string): string {
  const p = parseVersion(v)!;
  const b = BUILD[v.replace(/^v/, '')] ?? { commit: '0000000000000000000000000000000000000000', date: '2026-01-01T00:00:00Z', go: 'go1.25.5' };
  return `&version.Info{Major:"${p.major}", Minor:"${p.minor}", EmulationMajor:"", EmulationMinor:"", MinCompatibilityMajor:"", MinCompatibilityMinor:"", GitVersion:"${v}", GitCommit:"${b.commit}", GitTreeState:"clean", BuildDate:"${b.date}", GoVersion:"${b.go}", Compiler:"gc", Platform:"linux/amd64"}`;
}

/** Image tag of a container of the control plane's static pods (from the manifest on disk). */
function manifestImageTag(m: MachineState, component: string): string {
  const text = m.fs.read(`${MANIFESTS}/${component}.yaml`) ?? '';
  const r = new RegExp(`image:\\s*\\S*${component === 'etcd' ? 'etcd' : component}:(\\S+)`).exec(text);
  return r?.[1] ?? '';
}

function addonImageTag(world: NodeWorld, kind: 'daemonsets' | 'deployments', name: string): string {
  const o = world.cluster.client.get(res(kind, 'apps'), 'kube-system', name) as { spec?: { template?: { spec?: Pod['spec'] } } } | undefined;
  return o?.spec?.template?.spec?.containers?.[0]?.image?.split(':').pop() ?? '';
}

function kubeletVersions(world: NodeWorld): [string, string][] {
  return world.cluster.client
    .list(res('nodes'))
    .map((n) => [n.metadata.name!, ((n.status as { nodeInfo?: { kubeletVersion?: string } })?.nodeInfo?.kubeletVersion ?? '')] as [string, string])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function requireAdmin(m: MachineState, ctx: CommandContext): boolean {
  if (m.fs.exists('/etc/kubernetes/admin.conf')) return true;
  ctx.err(`couldn't create a Kubernetes client from file "/etc/kubernetes/admin.conf": failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory\n${STACK_HINT}`);
  return false;
}

function requireApi(world: NodeWorld, ctx: CommandContext): boolean {
  if (world.cluster.server.up) return true;
  ctx.err(`failed to get config map: Get "https://172.30.1.2:6443/api/v1/namespaces/kube-system/configmaps/kubeadm-config?timeout=10s": dial tcp 172.30.1.2:6443: connect: connection refused\n${STACK_HINT}`);
  return false;
}

function plan(world: NodeWorld, m: MachineState, ctx: CommandContext, args: string[]): number {
  if (!requireAdmin(m, ctx) || !requireApi(world, ctx)) return 1;
  const cluster = world.clusterVersion;
  const kubeadm = kubeadmVersion(m);
  const now = world.cluster.clock.now();
  let out = '[preflight] Running pre-flight checks.\n[upgrade/config] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[upgrade/config] Use \'kubeadm init phase upload-config kubeadm --config your-config-file\' to re-upload it.\n[upgrade] Running cluster health checks\n[upgrade] Fetching available versions to upgrade to\n';
  out += `[upgrade/versions] Cluster version: ${cluster.replace(/^v/, '')}\n[upgrade/versions] kubeadm version: ${kubeadm}\n`;
  ctx.out(out);
  out = '';
  // The remote stable version, or the latest patch of kubeadm's own minor when stable is newer.
  let target = args[0] && /^v?\d/.test(args[0]) ? (args[0].startsWith('v') ? args[0] : 'v' + args[0]) : STABLE;
  if (!args[0] && minorOf(STABLE) !== minorOf(kubeadm) && compareVersions(STABLE, kubeadm) > 0) {
    ctx.err(klog('I', now, world.nextPid(), 'version.go:260', `remote version is much newer: ${STABLE}; falling back to: stable-${minorOf(kubeadm)}`) + '\n');
    target = latestPatch(minorOf(kubeadm)) ?? kubeadm;
  }
  const series = latestPatch(minorOf(cluster)) ?? cluster;
  out += `[upgrade/versions] Target version: ${target}\n[upgrade/versions] Latest version in the v${minorOf(cluster)} series: ${series}\n\n`;
  const cp = world.controlPlaneName();
  const etcdCur = manifestImageTag(m, 'etcd');
  const dnsCur = addonImageTag(world, 'deployments', 'coredns');
  const proxyCur = addonImageTag(world, 'daemonsets', 'kube-proxy').replace(/^v/, '');
  const upgrades: { title: string; to: string }[] = [];
  if (compareVersions(series, cluster) > 0 && minorOf(series) !== minorOf(target)) upgrades.push({ title: `Upgrade to the latest version in the v${minorOf(cluster)} series:`, to: series });
  if (compareVersions(target, cluster) > 0) upgrades.push({ title: minorOf(target) === minorOf(cluster) ? `Upgrade to the latest version in the v${minorOf(cluster)} series:` : 'Upgrade to the latest stable version:', to: target });
  if (!upgrades.length) out += "Awesome, you're up-to-date! Enjoy!\n";
  for (const u of upgrades) {
    out += "Components that must be upgraded manually after you have upgraded the control plane with 'kubeadm upgrade apply':\n";
    out += table([['COMPONENT', 'NODE', 'CURRENT', 'TARGET'], ...kubeletVersions(world).map(([n, v]) => ['kubelet', n, v, u.to])]);
    out += `\n${u.title}\n\n`;
    const api = (c: string) => `v${manifestImageTag(m, c).replace(/^v/, '')}`;
    out += table([
      ['COMPONENT', 'NODE', 'CURRENT', 'TARGET'],
      ...CONTROL_PLANE.map((c) => [c, cp, api(c), u.to]),
      ['kube-proxy', '', proxyCur, u.to],
      ['CoreDNS', '', dnsCur, COREDNS[minorOf(u.to)] ?? dnsCur],
      ['etcd', cp, etcdCur, ETCD[minorOf(u.to)] ?? etcdCur],
    ]);
    out += `\nYou can now apply the upgrade by executing the following command:\n\n\tkubeadm upgrade apply ${u.to}\n\n`;
    if (compareVersions(u.to, kubeadm) > 0) out += `Note: Before you can perform this upgrade, you have to update kubeadm to ${u.to}.\n\n`;
    out += '_____________________________________________________________________\n\n';
  }
  out += `
The table below shows the current state of component configs as understood by this version of kubeadm.
Configs that have a "yes" mark in the "MANUAL UPGRADE REQUIRED" column require manual config upgrade or
resetting to kubeadm defaults before a successful upgrade can be performed. The version to manually
upgrade to is denoted in the "PREFERRED VERSION" column.

API GROUP                 CURRENT VERSION   PREFERRED VERSION   MANUAL UPGRADE REQUIRED
kubeproxy.config.k8s.io   v1alpha1          v1alpha1            no
kubelet.config.k8s.io     v1beta1           v1beta1             no
_____________________________________________________________________

`;
  ctx.out(out);
  return 0;
}

/** upgrade.EnforceVersionPolicies → mandatory and skippable errors. */
function skew(world: NodeWorld, target: string, kubeadm: string): { mandatory: string[]; skippable: string[] } {
  const t = parseVersion(target)!;
  const c = parseVersion(world.clusterVersion)!;
  const k = parseVersion(kubeadm)!;
  const mandatory: string[] = [];
  const skippable: string[] = [];
  if (t.minor > c.minor + 1) mandatory.push(`Specified version to upgrade to "${target}" is too high; kubeadm can upgrade only 1 minor version at a time`);
  if (t.minor < c.minor - 1) mandatory.push(`Specified version to downgrade to "${target}" is too low; kubeadm can downgrade only 1 minor version at a time`);
  if (compareVersions(kubeadm, target) < 0) {
    if (t.minor > k.minor) mandatory.push(`Specified version to upgrade to "${target}" is at least one minor release higher than the kubeadm minor release (${t.minor} > ${k.minor}). Such an upgrade is not supported`);
    else skippable.push(`Specified version to upgrade to "${target}" is higher than the kubeadm version "${kubeadm}". Upgrade kubeadm first using the tool you used to install kubeadm`);
  }
  if (k.major > t.major || k.minor > t.minor) skippable.push(`Kubeadm version ${kubeadm} can only be used to upgrade to Kubernetes version ${k.major}.${k.minor}`);
  const old = [...new Set(kubeletVersions(world).map(([, v]) => v).filter((v) => t.minor > (parseVersion(v)?.minor ?? t.minor) + 3))];
  if (old.length) skippable.push(`There are kubelets in this cluster that are too old that have these versions [${old.join(' ')}]`);
  return { mandatory, skippable };
}

function fmtErrs(errs: string[]): string {
  return errs.map((e) => `\t- ${e}\n`).join('');
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${p(d.getUTCHours())}-${p(d.getUTCMinutes())}-${p(d.getUTCSeconds())}`;
}

function randomDigits(seed: number): string {
  let h = (seed ^ 0x5bd1e995) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  return String(1000000000 + (h % 3000000000));
}

/**
 * After the new container runs, kubeadm still waits for the kubelet to report it: the mirror pod's
 * config hash must change (WaitForStaticPodHashChange, polled every 500 ms) and the pods with the
 * component label must be found; for etcd, the member must answer; for kube-apiserver, /healthz.
 * Real v1.35 upgrades take 1m55s–3m44s from the backup directory's timestamp to the kubelet-config
 * one (three transcripts); these waits bring the simulated control-plane phase to the low end of that.
 */
const REPORT_MS: Record<string, number> = { etcd: 20_000, 'kube-apiserver': 40_000, 'kube-controller-manager': 15_000, 'kube-scheduler': 15_000 };

/** Let the kubelet pick up a rewritten manifest (inotify) and wait until the new container runs and is reported. */
function waitForComponent(world: NodeWorld, m: MachineState, component: string, image: string): void {
  m.kubelet.syncStaticPods();
  const clock = world.cluster.clock;
  for (let waited = 0; waited < 300_000; waited += 1000) {
    const c = m.kubelet.runtimeContainers().find((x) => x.static && x.state === 'Running' && x.podName === `${component}-${m.name}` && x.image === image);
    if (c && (component !== 'kube-apiserver' || world.cluster.server.up)) {
      clock.advance(REPORT_MS[component] ?? 0);
      return;
    }
    clock.advance(1000);
  }
}

function apply(world: NodeWorld, m: MachineState, ctx: CommandContext, args: string[]): number {
  if (!requireAdmin(m, ctx)) return 1;
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const positional = args.filter((a) => !a.startsWith('-'));
  const yes = flags.has('-y') || flags.has('--yes');
  const force = flags.has('-f') || flags.has('--force');
  const dryRun = flags.has('--dry-run');
  const etcdUpgrade = !flags.has('--etcd-upgrade=false');
  if (!positional.length) {
    ctx.err(`missing one or more required arguments. Required arguments: [version]\n${STACK_HINT}`);
    return 1;
  }
  const raw = positional[0];
  const target = raw.startsWith('v') ? raw : `v${raw}`;
  if (!parseVersion(target)) {
    ctx.err(`[upgrade/versions] FATAL: couldn't parse the version "${raw}"\n${STACK_HINT}`);
    return 1;
  }
  if (!requireApi(world, ctx)) return 1;
  const clock = world.cluster.clock;
  const pid = world.nextPid();
  const kubeadm = kubeadmVersion(m);
  let out = '[upgrade] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[upgrade] Use \'kubeadm init phase upload-config kubeadm --config your-config-file\' to re-upload it.\n[upgrade/preflight] Running preflight checks\n[upgrade] Running cluster health checks\n';
  out += `[upgrade/preflight] You have chosen to upgrade the cluster version to "${target}"\n[upgrade/versions] Cluster version: ${world.clusterVersion}\n[upgrade/versions] kubeadm version: ${kubeadm}\n`;
  ctx.out(out);
  const { mandatory, skippable } = skew(world, target, kubeadm);
  if (mandatory.length) {
    ctx.err(`error execution phase preflight: the version argument is invalid due to these fatal errors:\n\n${fmtErrs(mandatory)}\nPlease fix the misalignments highlighted above and try upgrading again\n${STACK_HINT}`);
    return 1;
  }
  if (skippable.length) {
    if (!force) {
      ctx.err(`error execution phase preflight: the version argument is invalid due to these errors:\n\n${fmtErrs(skippable)}\nCan be bypassed if you pass the --force flag\n${STACK_HINT}`);
      return 1;
    }
    ctx.out(`[upgrade/version] Found ${skippable.length} potential version compatibility errors but skipping since the --force flag is set: \n\n${fmtErrs(skippable)}`);
  }
  if (!yes && !force && !dryRun) {
    const answer = ctx.stdin.trim().split('\n')[0]?.trim() ?? '';
    ctx.out(`[upgrade] Are you sure you want to proceed? [y/N]: ${answer || 'y'}\n`);
    if (answer && !/^y(es)?$/i.test(answer)) {
      ctx.err(`error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue\n${STACK_HINT}`);
      return 1;
    }
  }
  if (dryRun) {
    ctx.out('[preflight] Would pull the required images (like \'kubeadm config images pull\')\n[dryrun] Finished dryrunning successfully!\n');
    return 0;
  }
  ctx.out("[upgrade/preflight] Pulling images required for setting up a Kubernetes cluster\n[upgrade/preflight] This might take a minute or two, depending on the speed of your internet connection\n[upgrade/preflight] You can also perform this action beforehand using 'kubeadm config images pull'\n");
  const minor = minorOf(target);
  const etcdWant = ETCD[minor] ?? world.etcdVersion();
  if (!isRelease(target)) {
    const errs = CONTROL_PLANE.map((c) => `\t[ERROR ImagePull]: failed to pull image registry.k8s.io/${c}:${target}: failed to pull image "registry.k8s.io/${c}:${target}": rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/${c}:${target}": failed to resolve reference "registry.k8s.io/${c}:${target}": registry.k8s.io/${c}:${target}: not found\n`);
    ctx.err(`error execution phase preflight: [preflight] Some fatal errors occurred:\n${errs.join('')}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`\n${STACK_HINT}`);
    return 1;
  }
  clock.advance(8_000);
  const start = clock.now();
  const backup = `/etc/kubernetes/tmp/kubeadm-backup-manifests-${stamp(start)}`;
  const tmp = `/etc/kubernetes/tmp/kubeadm-upgraded-manifests${randomDigits(start)}`;
  ctx.out(`[upgrade/control-plane] Upgrading your static Pod-hosted control plane to version "${target}" (timeout: 5m0s)...\n[upgrade/staticpods] Writing new Static Pod manifests to "${tmp}"\n`);
  const fresh: Record<string, string> = {
    etcd: etcdManifest(etcdUpgrade ? etcdWant : manifestImageTag(m, 'etcd')),
    'kube-apiserver': apiserverManifest(target),
    'kube-controller-manager': controllerManagerManifest(target),
    'kube-scheduler': schedulerManifest(target),
  };
  for (const comp of ['etcd', ...CONTROL_PLANE]) {
    if (comp === 'etcd' && !etcdUpgrade) continue;
    const path = `${MANIFESTS}/${comp}.yaml`;
    const cur = m.fs.read(path) ?? '';
    let s = `[upgrade/staticpods] Preparing for "${comp}" upgrade\n`;
    const equal = comp === 'etcd' ? manifestImageTag(m, 'etcd') === etcdWant : cur === fresh[comp];
    if (equal) {
      s += `[upgrade/staticpods] Current and new manifests of ${comp} are equal, skipping upgrade\n`;
      if (comp === 'etcd') s += '[upgrade/etcd] Waiting for etcd to become available\n';
      ctx.out(s);
      continue;
    }
    for (const c of RENEW[comp]) {
      s += `[upgrade/staticpods] Renewing ${c} certificate\n`;
      renewCertificate(m, c, clock.now());
    }
    s += `[upgrade/staticpods] Moving new manifest to "${path}" and backing up old manifest to "${backup}/${comp}.yaml"\n[upgrade/staticpods] Waiting for the kubelet to restart the component\n[upgrade/staticpods] This can take up to 5m0s\n`;
    ctx.out(s);
    m.fs.write(`${backup}/${comp}.yaml`, cur);
    m.fs.write(path, fresh[comp]);
    const image = /image:\s*(\S+)/.exec(fresh[comp])![1];
    waitForComponent(world, m, comp, image);
    ctx.out(`[apiclient] Found 1 Pods for label selector component=${comp}\n[upgrade/staticpods] Component "${comp}" upgraded successfully!\n${comp === 'etcd' ? '[upgrade/etcd] Waiting for etcd to become available\n' : ''}`);
  }
  // "kubeadm renews all the certificates during control plane upgrade" (docs: Certificate Management
  // with kubeadm): what each component uses (above), and the admin kubeconfigs, without a line of output.
  for (const conf of ['admin.conf', 'super-admin.conf']) if (m.fs.exists(`/etc/kubernetes/${conf}`)) renewCertificate(m, conf, clock.now());
  world.clusterVersion = target;
  ctx.out('[upgrade/control-plane] The control plane instance for this node was successfully upgraded!\n[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace\n[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster\n[upgrade/kubeconfig] The kubeconfig files for this node were successfully upgraded!\n');
  const t1 = clock.now();
  const cfgDir = `/etc/kubernetes/tmp/kubeadm-kubelet-config-${stamp(t1)}`;
  ctx.err(klog('W', t1, pid, 'postupgrade.go:105', `Using temporary directory ${cfgDir} for kubelet config. To override it set the environment variable KUBEADM_UPGRADE_DRYRUN_DIR`) + '\n');
  m.fs.write(`${cfgDir}/config.yaml`, m.fs.read('/var/lib/kubelet/config.yaml') ?? '');
  ctx.out(`[upgrade] Backing up kubelet config file to ${cfgDir}/config.yaml\n[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n[upgrade/bootstrap-token] Configuring bootstrap token and cluster-info RBAC rules\n[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes\n[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials\n[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token\n[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster\n`);
  upgradeAddons(world, target);
  ctx.out('[addons] Applied essential addon: CoreDNS\n[addons] Applied essential addon: kube-proxy\n');
  clock.advance(4_000);
  const t2 = clock.now();
  const envDir = `/etc/kubernetes/tmp/kubeadm-kubelet-env${randomDigits(t2)}`;
  ctx.err(klog('W', t2, pid, 'postupgrade.go:203', `Using temporary directory ${envDir} for kubelet env file. To override it set the environment variable KUBEADM_UPGRADE_DRYRUN_DIR`) + '\n');
  m.fs.write(`${envDir}/kubeadm-flags.env`, m.fs.read('/var/lib/kubelet/kubeadm-flags.env') ?? '');
  ctx.out(`[upgrade] Backing up kubelet env file to ${envDir}/kubeadm-flags.env\n[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"\n\n[upgrade] SUCCESS! A control plane node of your cluster was upgraded to "${target}".\n\n[upgrade] Now please proceed with upgrading the rest of the nodes by following the right order.\n`);
  return 0;
}

/** CoreDNS and kube-proxy follow the new version (addons phase). */
function upgradeAddons(world: NodeWorld, target: string): void {
  const { client } = world.cluster;
  const setImage = (kind: 'daemonsets' | 'deployments', name: string, image: string) => {
    try {
      client.mutate(res(kind, 'apps'), 'kube-system', name, (o) => {
        const c = (o.spec as { template: { spec: Pod['spec'] } }).template.spec!.containers[0];
        if (c.image === image) return false;
        c.image = image;
      });
    } catch {
      // the add-on was removed by the user: kubeadm would recreate it; left alone here
    }
  };
  setImage('daemonsets', 'kube-proxy', `registry.k8s.io/kube-proxy:${target}`);
  const dns = COREDNS[minorOf(target)];
  if (dns) setImage('deployments', 'coredns', `registry.k8s.io/coredns/coredns:${dns}`);
}

function upgradeNode(world: NodeWorld, m: MachineState, ctx: CommandContext): number {
  if (!requireApi(world, ctx)) return 1;
  const clock = world.cluster.clock;
  const pid = world.nextPid();
  let out = '[upgrade] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[upgrade] Use \'kubeadm init phase upload-config kubeadm --config your-config-file\' to re-upload it.\n[upgrade/preflight] Running pre-flight checks\n';
  if (m.controlPlane) {
    // A control-plane node: its static pods follow the cluster version.
    ctx.out(out + '[upgrade/preflight] Pulling images required for setting up a Kubernetes cluster\n[upgrade/preflight] This might take a minute or two, depending on the speed of your internet connection\n[upgrade/preflight] You can also perform this action beforehand using \'kubeadm config images pull\'\n[upgrade/control-plane] Upgrading your Static Pod-hosted control plane instance to version "' + world.clusterVersion + '"...\n');
    out = '';
  } else {
    out += '[upgrade/preflight] Skipping prepull. Not a control plane node.\n[upgrade/control-plane] Skipping phase. Not a control plane node.\n[upgrade/kubeconfig] Skipping phase. Not a control plane node.\n';
    ctx.out(out);
    out = '';
  }
  const t1 = clock.now();
  const cfgDir = `/etc/kubernetes/tmp/kubeadm-kubelet-config-${stamp(t1)}`;
  ctx.err(klog('W', t1, pid, 'postupgrade.go:105', `Using temporary directory ${cfgDir} for kubelet config. To override it set the environment variable KUBEADM_UPGRADE_DRYRUN_DIR`) + '\n');
  m.fs.write(`${cfgDir}/config.yaml`, m.fs.read('/var/lib/kubelet/config.yaml') ?? '');
  out += `[upgrade] Backing up kubelet config file to ${cfgDir}/config.yaml\n[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n`;
  out += m.controlPlane ? '' : '[upgrade/addon] Skipping the addon/coredns phase. Not a control plane node.\n[upgrade/addon] Skipping the addon/kube-proxy phase. Not a control plane node.\n';
  ctx.out(out);
  const envDir = `/etc/kubernetes/tmp/kubeadm-kubelet-env${randomDigits(t1 + 17)}`;
  ctx.err(klog('W', t1 + 26, pid, 'postupgrade.go:203', `Using temporary directory ${envDir} for kubelet env file. To override it set the environment variable KUBEADM_UPGRADE_DRYRUN_DIR`) + '\n');
  m.fs.write(`${envDir}/kubeadm-flags.env`, m.fs.read('/var/lib/kubelet/kubeadm-flags.env') ?? '');
  ctx.out(`[upgrade] Backing up kubelet env file to ${envDir}/kubeadm-flags.env\n[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"\n`);
  return 0;
}

export function kubeadmCommand(world: NodeWorld, ctx: CommandContext): number {
  const m = world.machine(ctx.shell.host.name);
  if (!m) return 127;
  const args = ctx.args;
  const [a, b] = args.filter((x) => !x.startsWith('-'));
  if (a === 'version') {
    const v = kubeadmVersion(m);
    const o = args.indexOf('-o') >= 0 ? args[args.indexOf('-o') + 1] : args.find((x) => x.startsWith('--output='))?.slice(9) ?? args.find((x) => x.startsWith('-o='))?.slice(3);
    ctx.out(o === 'short' ? `${v}\n` : `kubeadm version: ${versionInfo(v)}\n`);
    return 0;
  }
  if (a === 'upgrade') {
    const rest = args.slice(args.indexOf('upgrade') + 1).filter((x) => x !== b);
    if (b === 'plan') return plan(world, m, ctx, rest.filter((x) => !x.startsWith('-')));
    if (b === 'apply') return apply(world, m, ctx, rest);
    if (b === 'node') {
      // cobra rejects flags `kubeadm upgrade node` does not have (e.g. the removed --kubelet-version, v1.20),
      // and kubeadm's CheckErr adds its stack-trace hint.
      const known = ['--certificate-renewal', '--dry-run', '--etcd-upgrade', '--ignore-preflight-errors', '--kubeconfig', '--patches', '--skip-phases', '--config', '--help', '-h', '--rootfs', '--v', '-v', '--add-dir-header', '--log-file', '--log-file-max-size', '--one-output', '--skip-headers', '--skip-log-headers'];
      const bad = rest.find((x) => x.startsWith('-') && !known.includes(x.split('=')[0]));
      if (bad) {
        const name = bad.split('=')[0];
        ctx.err(`${name.startsWith('--') ? `unknown flag: ${name}` : `unknown shorthand flag: '${name.slice(1, 2)}' in ${name}`}\nTo see the stack trace of this error execute with --v=5 or higher\n`);
        return 1;
      }
      return upgradeNode(world, m, ctx);
    }
    if (b === 'diff') {
      ctx.out('');
      return 0;
    }
    ctx.out('Upgrade your cluster smoothly to a newer version with this command\n\nUsage:\n  kubeadm upgrade [flags]\n  kubeadm upgrade [command]\n\nAvailable Commands:\n  apply       Upgrade your Kubernetes cluster to the specified version\n  diff        Show what differences would be applied to existing static pod manifests. See also: kubeadm upgrade apply --dry-run\n  node        Upgrade commands for a node in the cluster\n  plan        Check which versions are available to upgrade to and validate whether your current cluster is upgradeable.\n\nFlags:\n  -h, --help   help for upgrade\n\nGlobal Flags:\n      --add-dir-header           If true, adds the file directory to the header of the log messages\n      --log-file string          If non-empty, use this log file (no effect when -logtostderr=true)\n      --log-file-max-size uint   Defines the maximum size a log file can grow to (no effect when -logtostderr=true). Unit is megabytes. If the value is 0, the maximum file size is unlimited. (default 1800)\n      --one-output               If true, only write logs to their native severity level (vs also writing to each lower severity level; no effect when -logtostderr=true)\n      --rootfs string            The path to the \'real\' host root filesystem. This will cause kubeadm to chroot into the provided path.\n      --skip-headers             If true, avoid header prefixes in the log messages\n      --skip-log-headers         If true, avoid headers when opening log files (no effect when -logtostderr=true)\n  -v, --v Level                  number for the log level verbosity\n\nUse "kubeadm upgrade [command] --help" for more information about a command.\n');
    return 0;
  }
  if (a === 'token') return tokenCommand(world, m, ctx, args.slice(args.indexOf('token') + 1));
  if (a === 'certs' || a === 'certificates') return certsCommand(world, m, ctx, args.slice(args.indexOf(a) + 1));
  ctx.err(a ? `unknown command "${a}" for "kubeadm"\nTo see the stack trace of this error execute with --v=5 or higher\n` : '');
  return a ? 1 : 0;
}
