/**
 * GET /version: version.Info of the served kube-apiserver (k8s.io/apimachinery pkg/version/types.go),
 * the same document the simulator's `kubectl version` prints: the version follows the kube-apiserver
 * static pod's image tag (kubeadm upgrades change it), build metadata from node/versions.ts.
 */
import { resourceFor } from '../api/resources.ts';
import { BUILD } from '../node/versions.ts';
import type { Session } from '../session.ts';

/** Build date of a v1.35.0 kube-apiserver (`curl /version`), as kubectl/cmd/version.ts records it. */
const SERVER_BUILD_DATES: Record<string, string> = { '1.35.0': '2025-12-17T12:32:07Z' };

export function serverVersion(session: Session): string {
  const pods = session.cluster.server.list(resourceFor('', 'pods')!, 'kube-system');
  for (const p of pods) {
    if (p.metadata.labels?.component !== 'kube-apiserver') continue;
    const image = (p.spec as { containers?: { image?: string }[] })?.containers?.[0]?.image ?? '';
    const m = /:(v\d+\.\d+\.\d+)$/.exec(image);
    if (m) return m[1];
  }
  return 'v1.35.0';
}

export function versionInfo(session: Session) {
  const v = serverVersion(session).replace(/^v/, '');
  const [major, minor] = v.split('.');
  const b = BUILD[v] ?? BUILD['1.35.0'];
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion: `v${v}`,
    gitCommit: b.commit,
    gitTreeState: 'clean',
    buildDate: SERVER_BUILD_DATES[v] ?? b.date,
    goVersion: b.go,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
