/**
 * The Kubernetes versions the simulated world knows: which releases exist on pkgs.k8s.io (one apt
 * repository per minor, `https://pkgs.k8s.io/core:/stable:/v1.35/deb/`, package revision `-1.1`), what
 * `dl.k8s.io/release/stable.txt` says, and the etcd / CoreDNS versions kubeadm pins per minor.
 *
 * The simulated date is 2026-01-15 (cluster/cluster.ts CLUSTER_BIRTH): v1.35.0 (2025-12-17) is the
 * newest minor and v1.35.1 (2026-02-10) its first patch; v1.34 ends at v1.34.3. The default cluster runs v1.35.0
 * (a patch upgrade is available); the `version` option starts a v1.34.3 lab for the minor upgrade the
 * CKA asks for. etcd/CoreDNS per minor: kubeadm constants (SupportedEtcdVersion, CoreDNSVersion):
 * 1.34 → etcd 3.6.5-0, CoreDNS v1.12.1; 1.35 → etcd 3.6.6-0, CoreDNS v1.13.1
 * (shared/reference/k8s-fidelity.md §7).
 */
export const RELEASES: Readonly<Record<string, readonly string[]>> = {
  '1.34': ['1.34.0', '1.34.1', '1.34.2', '1.34.3'],
  '1.35': ['1.35.0', '1.35.1'],
};
/** The package revision pkgs.k8s.io uses (`kubeadm=1.35.1-1.1`). */
export const PKG_REVISION = '1.1';
/** dl.k8s.io/release/stable.txt on the simulated date. */
export const STABLE = 'v1.35.1';

export const ETCD: Readonly<Record<string, string>> = { '1.34': '3.6.5-0', '1.35': '3.6.6-0' };
export const COREDNS: Readonly<Record<string, string>> = { '1.34': 'v1.12.1', '1.35': 'v1.13.1' };
export const PAUSE = '3.10.1';

/**
 * Build metadata `kubeadm version` prints, per release (GitCommit, BuildDate, GoVersion as real
 * `kubeadm version` transcripts show them; kubeadm's build date differs from the kubelet's by minutes).
 * v1.35.1 was built 2026-02-10, after the simulated date: the one anachronism of offering a patch
 * release on top of v1.35.0.
 */
export const BUILD: Readonly<Record<string, { commit: string; date: string; go: string }>> = {
  '1.34.0': { commit: 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45', date: '2025-08-27T10:15:59Z', go: 'go1.24.6' },
  '1.34.1': { commit: '93248f9ae092f571eb870b7664c534bfc7d00f03', date: '2025-09-09T19:43:15Z', go: 'go1.24.6' },
  '1.34.2': { commit: '8cc511e399b929453cd98ae65b419c3cc227ec79', date: '2025-11-11T19:08:36Z', go: 'go1.24.9' },
  '1.34.3': { commit: 'df11db1c0f08fab3c0baee1e5ce6efbf816af7f1', date: '2025-12-09T15:05:15Z', go: 'go1.24.11' },
  '1.35.0': { commit: '66452049f3d692768c39c797b21b793dce80314e', date: '2025-12-17T12:39:26Z', go: 'go1.25.5' },
  '1.35.1': { commit: '8fea90b45245ef5c8ba54e7ae044d3e777c22500', date: '2026-02-10T12:55:17Z', go: 'go1.25.6' },
};

export interface Semver {
  major: number;
  minor: number;
  patch: number;
}

/** "v1.35.1" / "1.35.1" / "1.35.1-1.1" → {1, 35, 1}; undefined when it is not a version. */
export function parseVersion(v: string): Semver | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) return undefined;
  return { major: +m[1], minor: +m[2], patch: +m[3] };
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return 0;
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

/** "v1.35.1" → "1.35". */
export function minorOf(v: string): string {
  const p = parseVersion(v);
  return p ? `${p.major}.${p.minor}` : '';
}

/** "1.35.1-1.1" → "v1.35.1". */
export function fromPackage(pkgVersion: string): string {
  return 'v' + pkgVersion.replace(/-.*$/, '');
}

export function toPackage(v: string): string {
  return `${v.replace(/^v/, '')}-${PKG_REVISION}`;
}

/** Latest patch of a minor ("1.34" → "v1.34.3"). */
export function latestPatch(minor: string): string | undefined {
  const l = RELEASES[minor];
  return l?.length ? 'v' + l[l.length - 1] : undefined;
}

export function isRelease(v: string): boolean {
  const p = parseVersion(v);
  return !!p && (RELEASES[`${p.major}.${p.minor}`] ?? []).includes(`${p.major}.${p.minor}.${p.patch}`);
}
