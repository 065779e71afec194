/**
 * Browser only: the simulator modules the worker loads on demand, and which commands want them
 * (src/lib/lazy-modules.mjs turns every other import of these modules into a stand-in). A first run
 * loads the core (API server, controllers, scheduler, kubelet, get/apply/create/delete/taint, the
 * shell); `kubectl describe`, `rollout`, `-o yaml`, `etcdctl`, … fetch their chunk first. A guess
 * that misses (an alias, a script that builds the command) is caught: the stand-in records the miss
 * and the worker loads everything and replays the session (sim.worker.ts).
 */
import type { Op } from '../../lib/run/state.ts';

const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  'sim/kubectl/describe/describe.ts': () => import('../../sim/kubectl/describe/describe.ts'),
  'sim/kubectl/describe/client.ts': () => import('../../sim/kubectl/describe/client.ts'),
  'sim/kubectl/yaml/goyaml/emitter.ts': () => import('../../sim/kubectl/yaml/goyaml/emitter.ts'),
  'sim/kubectl/cmd/rollout.ts': () => import('../../sim/kubectl/cmd/rollout.ts'),
  'sim/kubectl/cmd/config.ts': () => import('../../sim/kubectl/cmd/config.ts'),
  'sim/kubectl/cmd/generators.ts': () => import('../../sim/kubectl/cmd/generators.ts'),
  'sim/kubectl/cmd/set.ts': () => import('../../sim/kubectl/cmd/set.ts'),
  'sim/kubectl/cmd/diff.ts': () => import('../../sim/kubectl/cmd/diff.ts'),
  'sim/kubectl/cmd/edit.ts': () => import('../../sim/kubectl/cmd/edit.ts'),
  'sim/kubectl/cmd/applylast.ts': () => import('../../sim/kubectl/cmd/applylast.ts'),
  'sim/kubectl/cmd/getwatch.ts': () => import('../../sim/kubectl/cmd/getwatch.ts'),
  'sim/kubectl/cmd/drain.ts': () => import('../../sim/kubectl/cmd/drain.ts'),
  'sim/kubectl/cmd/top.ts': () => import('../../sim/kubectl/cmd/top.ts'),
  'sim/kubectl/cmd/logs.ts': () => import('../../sim/kubectl/cmd/logs.ts'),
  'sim/kubectl/cmd/label.ts': () => import('../../sim/kubectl/cmd/label.ts'),
  'sim/kubectl/cmd/annotate.ts': () => import('../../sim/kubectl/cmd/annotate.ts'),
  'sim/kubectl/cmd/wait.ts': () => import('../../sim/kubectl/cmd/wait.ts'),
  'sim/kubectl/cmd/replace.ts': () => import('../../sim/kubectl/cmd/replace.ts'),
  'sim/kubectl/cmd/patch.ts': () => import('../../sim/kubectl/cmd/patch.ts'),
  'sim/kubectl/cmd/scale.ts': () => import('../../sim/kubectl/cmd/scale.ts'),
  'sim/kubectl/cmd/apiresources.ts': () => import('../../sim/kubectl/cmd/apiresources.ts'),
  'sim/kubectl/cmd/version.ts': () => import('../../sim/kubectl/cmd/version.ts'),
  'sim/kubectl/cmd/events.ts': () => import('../../sim/kubectl/cmd/events.ts'),
  'sim/kubectl/cmd/exec.ts': () => import('../../sim/kubectl/cmd/exec.ts'),
  'sim/kubectl/cmd/explain.ts': () => import('../../sim/kubectl/cmd/explain.ts'),
  'sim/kubectl/cmd/clusterinfo.ts': () => import('../../sim/kubectl/cmd/clusterinfo.ts'),
  'sim/kubectl/rawhttp.ts': () => import('../../sim/kubectl/rawhttp.ts'),
  'sim/kubectl/help.ts': () => import('../../sim/kubectl/help.ts'),
  'sim/shell/diff.ts': () => import('../../sim/shell/diff.ts'),
  'sim/shell/coreutils.ts': () => import('../../sim/shell/coreutils.ts'),
  'sim/shell/sed.ts': () => import('../../sim/shell/sed.ts'),
  'sim/shell/awk.ts': () => import('../../sim/shell/awk.ts'),
  'sim/node/etcdctl.ts': () => import('../../sim/node/etcdctl.ts'),
  'sim/node/kubeadm.ts': () => import('../../sim/node/kubeadm.ts'),
  'sim/node/crictl.ts': () => import('../../sim/node/crictl.ts'),
  'sim/node/apt.ts': () => import('../../sim/node/apt.ts'),
  'sim/kubectl/jsonpath.ts': () => import('../../sim/kubectl/jsonpath.ts'),
  'sim/kubelet/exec.ts': () => import('../../sim/kubelet/exec.ts'),
  'sim/node/systemctl.ts': () => import('../../sim/node/systemctl.ts'),
  'sim/node/ps.ts': () => import('../../sim/node/ps.ts'),
  'sim/node/curl.ts': () => import('../../sim/node/curl.ts'),
  'sim/node/hosttools.ts': () => import('../../sim/node/hosttools.ts'),
  'sim/node/ip.ts': () => import('../../sim/node/ip.ts'),
  'sim/node/ss.ts': () => import('../../sim/node/ss.ts'),
  'sim/node/sysinfo.ts': () => import('../../sim/node/sysinfo.ts'),
};

/**
 * Modules every importer gets the stand-in of, lazy modules too (who import the others themselves,
 * as they may use them while they load): kubectl's help texts (~200 KB) come only with a `-h`.
 */
export const STAND_IN_EVERYWHERE = ['sim/kubectl/help.ts'];

/** Which modules a script wants, by the words in it (a word may stand for several modules). */
const WANTS: [RegExp, string[]][] = [
  [/\bdescribe\b/, ['describe/describe', 'describe/client']],
  [/yaml|dry-run/, ['goyaml/emitter']],
  [/\brollout\b/, ['cmd/rollout']],
  // config writes the kubeconfig back through kubeconfig.ts (core), which emits it as YAML.
  [/\bconfig\b|kubeconfig/, ['cmd/config', 'goyaml/emitter']],
  [/\b(run|expose|create)\b/, ['cmd/generators']],
  [/\bset\b/, ['cmd/set']],
  [/\bdiff\b/, ['cmd/diff', 'shell/diff', 'goyaml/emitter']],
  [/\bedit\b|last-applied|\bvim?\b|\bnano\b/, ['cmd/edit', 'cmd/applylast', 'goyaml/emitter']],
  [/-w\b|--watch|\b(logs|wait|rollout)\b/, ['cmd/getwatch']],
  [/\b(drain|cordon|uncordon)\b/, ['cmd/drain']],
  [/\btop\b/, ['cmd/top']],
  [/\blogs\b/, ['cmd/logs']],
  [/\b(label|annotate)\b/, ['cmd/label', 'cmd/annotate']],
  [/\bwait\b/, ['cmd/wait']],
  [/\breplace\b/, ['cmd/replace']],
  [/\bpatch\b/, ['cmd/patch']],
  [/\bscale\b/, ['cmd/scale']],
  [/\bapi-(resources|versions)\b/, ['cmd/apiresources']],
  [/\bversion\b/, ['cmd/version']],
  [/--raw\b/, ['kubectl/rawhttp', 'cmd/version']],
  [/\bevents\b/, ['cmd/events']],
  [/\bexec\b/, ['cmd/exec']],
  [/\bexplain\b/, ['cmd/explain']],
  [/\bcluster-info\b/, ['cmd/clusterinfo']],
  [/(^|\s)(-h|--help)(\s|=|$)/m, ['kubectl/help']],
  [/\bsed\b/, ['shell/sed']],
  [/\bm?awk\b/, ['shell/awk']],
  [/\betcd(ctl|utl)?\b/, ['node/etcdctl']],
  [/\bkubeadm\b/, ['node/kubeadm']],
  [/\bcrictl\b/, ['node/crictl']],
  [/jsonpath|custom-columns|sort-by/, ['kubectl/jsonpath']],
  // A container's own commands: a main command or args (YAML, after `--`, or `kubectl run NAME … nslookup
  // web`), kubectl exec/attach, the network clients the container model answers (script.ts
  // CONTAINER_COMMANDS), and probes (the kubelet runs them through the container model). Shell words
  // alone (cat, grep, ls …) run on the node, not in a container.
  [/\b(command|args|exec|attach|crictl|sh|bash|nslookup|wget|curl|livenessProbe|readinessProbe|startupProbe)\b|\s--(\s|$)/, ['kubelet/exec']],
  [/\b(apt(-get|-mark|-cache)?|dpkg|kubelet)\b/, ['node/apt']],
  [/\b(systemctl|journalctl|service|kubelet|ps)\b/, ['node/systemctl', 'node/ps']],
  // curl on a node (a container's curl is kubelet/exec); /version answers through cmd/version.
  [/\b(curl|wget)\b/, ['node/curl', 'cmd/version']],
  [/\b(date|xargs|find|column|basename|dirname|realpath)\b/, ['shell/coreutils']],
  [/\b(hostname|id|uname|uptime|less|more|watch)\b/, ['node/hosttools']],
  // `ip` is a common word in prose and YAML (hostIP, podIP are one word): only at a command's start.
  [/(^|[|;&(`]|\$\(|\bsudo|\bssh\s+\S+)\s*ip(\s|$)/m, ['node/ip']],
  // ss reads curl.ts listeners() and ps.ts pids (it imports them; they load with it).
  [/\bss\s+-|\bss(\s*($|[|;&)]))/m, ['node/ss']],
  // free and df: `free` is an English word too, so only as a command (at a line's or pipeline's start).
  [/(^|[|;&(`]|\$\(|\bsudo|\bssh\s+\S+|\bwatch(\s+-\S+)*)\s*(free|df)(\s|$)/m, ['node/sysinfo']],
];

const loaded = new Map<string, Record<string, unknown>>();
let missed: string | null = null;

/** The stand-ins' accessor: the real module, or a recorded miss (and an error) before it has loaded. */
export function lazyModule(key: string): () => Record<string, unknown> {
  return () => {
    const m = loaded.get(key);
    if (m) return m;
    missed ??= key;
    throw new Error(`${key} 모듈을 아직 불러오지 않았습니다`);
  };
}

async function load(keys: Iterable<string>): Promise<void> {
  await Promise.all(
    [...new Set(keys)].filter((k) => !loaded.has(k)).map((k) => MODULES[k]().then((m) => void loaded.set(k, m))),
  );
}

const keyOf = (short: string) => Object.keys(MODULES).find((k) => k.endsWith(`/${short}.ts`))!;

/** What a guess reads of an op: its script, and the files it lays down (a manifest applied from a file). */
export function wordsOf(o: Op): string[] {
  switch (o.t) {
    case 's':
      return [o.s, ...o.lay.map((f) => f.content), ...o.write.map((f) => f.content)];
    case 'r':
      return [o.s];
    case 'e':
      return [o.s, o.content];
    case 'w':
      return [o.content];
    default:
      return [];
  }
}

/** The modules (keys of MODULES) the scripts' words ask for. */
export function wantedModules(texts: string[]): string[] {
  const want = new Set<string>();
  for (const text of texts) for (const [re, mods] of WANTS) if (re.test(text)) for (const m of mods) want.add(keyOf(m));
  return [...want];
}

/** Every module that loads on demand. */
export const LAZY_MODULES: readonly string[] = Object.keys(MODULES);

/** Load what the scripts' words ask for. */
export function loadFor(texts: string[]): Promise<void> {
  return load(wantedModules(texts));
}

/** Load every module (after a miss, and where any command may run: the labs). */
export function loadAll(): Promise<void> {
  return load(Object.keys(MODULES));
}

/** The first module a stand-in wanted before it had loaded since the last call, if any. */
export function takeMiss(): string | null {
  const m = missed;
  missed = null;
  return m;
}
