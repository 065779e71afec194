/**
 * DaemonSet controller (pkg/controller/daemon): one pod per eligible node, pinned with a
 * node-affinity term on metadata.name and scheduled by the default scheduler (since v1.12).
 */
import type { Node, PodTemplateSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import { clone, type KubeObject } from '../api/object.ts';
import { res } from '../apiserver/client.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';
import { isPodActive, isPodAvailable, isPodReady, podFromTemplate } from './podutil.ts';
import { podTemplateHash } from './deployment.ts';
import { nodeAffinityMatches, tolerates } from './nodeutil.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DS = () => res('daemonsets', 'apps');
const COMPONENT = { component: 'daemonset-controller' };

/** AddOrUpdateDaemonPodTolerations (pkg/controller/daemon/util). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

export class DaemonSetController extends Controller {
  readonly name = 'daemonset';

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(DS(), (ev) => this.enqueue(keyOf(ev.object)));
    this.watch(res('nodes'), () => {
      for (const ds of this.ctx.client.list(DS())) this.enqueue(keyOf(ds));
    });
    this.watch(res('pods'), (ev) => {
      const ref = ev.object.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'DaemonSet');
      if (ref) this.enqueue(`${ev.object.metadata.namespace}/${ref.name}`);
    });
  }

  /** nodeShouldRunDaemonPod: node selector/affinity match and every NoSchedule/NoExecute taint tolerated. */
  private shouldRun(ds: Obj, node: Node, tolerations: Toleration[]): boolean {
    const spec = ds.spec.template.spec ?? {};
    const labels = node.metadata?.labels ?? {};
    for (const [k, v] of Object.entries((spec.nodeSelector ?? {}) as Record<string, string>)) if (labels[k] !== v) return false;
    if (!nodeAffinityMatches(spec.affinity?.nodeAffinity, node)) return false;
    const taints: Taint[] = node.spec?.taints ?? [];
    return taints.every((t) => t.effect === 'PreferNoSchedule' || tolerates(tolerations, t));
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client, recorder } = this.ctx;
    const ds = client.get(DS(), ns, name) as Obj | undefined;
    if (!ds || ds.metadata.deletionTimestamp) return;
    const template = clone(ds.spec.template) as PodTemplateSpec;
    const hostNetwork = !!template.spec?.hostNetwork;
    const tolerations = [...(template.spec?.tolerations ?? []), ...daemonTolerations(hostNetwork)];
    const hash = podTemplateHash(ds.spec.template);
    const nodes = client.list(res('nodes')) as Node[];
    const pods = client.list(res('pods'), ns).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid));
    const byNode = new Map<string, KubeObject[]>();
    for (const p of pods) {
      const n = podTargetNode(p);
      if (!n) continue;
      if (!byNode.has(n)) byNode.set(n, []);
      byNode.get(n)!.push(p);
    }
    let desired = 0;
    for (const node of nodes) {
      const nodeName = node.metadata!.name!;
      const should = this.shouldRun(ds, node, tolerations);
      const mine = (byNode.get(nodeName) ?? []).filter(isPodActive);
      if (should) desired++;
      if (should && mine.length === 0) {
        const t = clone(template);
        t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) } };
        const spec = (t.spec ??= { containers: [] });
        spec.tolerations = mergeTolerations(spec.tolerations ?? [], daemonTolerations(hostNetwork));
        spec.affinity = { ...(spec.affinity ?? {}), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } };
        const pod = podFromTemplate(t, ds as KubeObject, `${ds.metadata.name}-`);
        try {
          const created = client.create(res('pods'), pod, ns);
          recorder.event(ds as KubeObject, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
        } catch (e) {
          recorder.event(ds as KubeObject, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`, COMPONENT);
        }
      } else if (!should && mine.length) {
        for (const p of mine) {
          client.delete(res('pods'), ns, p.metadata.name!);
          recorder.event(ds as KubeObject, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, COMPONENT);
        }
      } else if (mine.length > 1) {
        for (const p of mine.slice(1)) client.delete(res('pods'), ns, p.metadata.name!);
      } else if (should && mine.length === 1 && mine[0].metadata.labels?.['controller-revision-hash'] !== hash) {
        // RollingUpdate with maxUnavailable 1: replace one outdated pod at a time.
        const stillUpdating = pods.some((p) => p.metadata.deletionTimestamp);
        if (!stillUpdating && ds.spec.updateStrategy?.type !== 'OnDelete') client.delete(res('pods'), ns, mine[0].metadata.name!);
      }
    }
    this.updateStatus(ds, desired, pods, hash, nodes.length);
  }

  private updateStatus(ds: Obj, desired: number, pods: KubeObject[], hash: string, _nodes: number) {
    const now = this.ctx.clock.now();
    const active = pods.filter((p) => !p.metadata.deletionTimestamp);
    const scheduled = new Set(active.map(podTargetNode).filter(Boolean));
    const ready = active.filter(isPodReady).length;
    const available = active.filter((p) => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, now)).length;
    const updated = active.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length;
    this.ctx.client.mutate(
      DS(),
      ds.metadata.namespace,
      ds.metadata.name,
      (o) => {
        const st: Obj = { currentNumberScheduled: scheduled.size, desiredNumberScheduled: desired, numberMisscheduled: 0, numberReady: ready, observedGeneration: o.metadata.generation };
        if (available) st.numberAvailable = available;
        if (desired - available > 0) st.numberUnavailable = desired - available;
        if (updated) st.updatedNumberScheduled = updated;
        o.status = st;
      },
      true,
    );
  }
}

function mergeTolerations(a: Toleration[], b: Toleration[]): Toleration[] {
  const out = [...a];
  for (const t of b) if (!out.some((x) => x.key === t.key && x.effect === t.effect && x.operator === t.operator)) out.push(t);
  return out;
}

/** The node a daemon pod is for: its nodeName, or the metadata.name affinity term. */
function podTargetNode(p: KubeObject): string | undefined {
  const spec = p.spec as Obj;
  if (spec.nodeName) return spec.nodeName;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.values?.length) return f.values[0];
  return undefined;
}

