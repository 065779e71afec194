/**
 * The scheduler cache (pkg/scheduler/backend/cache/cache.go, node_tree.go, v1.35), for a
 * synchronous simulator: NodeInfos kept up to date incrementally as nodes and assigned pods come
 * and go, and listed in node-tree order (zones interleaved round-robin, nodes of a zone in
 * insertion order — with no zone labels simply the order nodes were added).
 *
 * Feed it from the informers' point of view:
 *   addNode / updateNode / removeNode                — Node add/update/delete
 *   addPod / updatePod / removePod                   — pods with spec.nodeName (assigned pods);
 *                                                      Succeeded/Failed pods are dropped, as the
 *                                                      scheduler's informer filters them out
 *   assumePod(pod, nodeName)                         — account a just-scheduled pod before its
 *                                                      binding is observed (Cache.AssumePod)
 * It is itself the NodeInfoLister a scheduling cycle runs over (no snapshot copy is needed: the
 * simulator never schedules while the cache changes).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { NodeInfo, PodInfo } from './types.ts';
import type { ImageStateSummary } from './types.ts';
import type { NodeFlags, NodeInfoLister } from './interface.ts';

/** utilnode.GetZoneKey */
export function getZoneKey(node: Node): string {
  const labels = node.metadata?.labels;
  if (!labels) return '';
  const region = labels['topology.kubernetes.io/region'] || labels['failure-domain.beta.kubernetes.io/region'] || '';
  const zone = labels['topology.kubernetes.io/zone'] || labels['failure-domain.beta.kubernetes.io/zone'] || '';
  return `${region}:\u0000:${zone}`;
}

interface ImageState {
  summary: ImageStateSummary;
  nodes: Set<string>;
}

function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}

export class SchedulerCache implements NodeInfoLister {
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly nodeZone = new Map<string, string>();
  /** zone key → node names, zones in first-seen order */
  private readonly tree = new Map<string, string[]>();
  private readonly pods = new Map<string, { nodeName: string; podInfo: PodInfo }>();
  /** pods whose node is not (yet) known */
  private readonly orphans = new Map<string, PodInfo[]>();
  private readonly images = new Map<string, ImageState>();
  private ordered: NodeInfo[] | null = null;
  /** nodeFlags(), until a node changes */
  private flags: NodeFlags | null = null;
  private withAffinity: NodeInfo[] | null = null;
  private withRequiredAnti: NodeInfo[] | null = null;

  /** Number of nodes (without building the ordered list). */
  nodeCount(): number {
    return this.nodes.size;
  }

  // ----- NodeInfoLister

  list(): readonly NodeInfo[] {
    if (this.ordered) return this.ordered;
    const out: NodeInfo[] = [];
    const zones = [...this.tree.values()];
    for (let idx = 0; out.length < this.nodes.size; idx++) {
      let any = false;
      for (const names of zones) {
        if (idx < names.length) {
          out.push(this.nodes.get(names[idx])!);
          any = true;
        }
      }
      if (!any) break;
    }
    return (this.ordered = out);
  }

  get(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  havePodsWithAffinityList(): readonly NodeInfo[] {
    return (this.withAffinity ??= this.list().filter((n) => n.podsWithAffinity.length > 0));
  }

  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[] {
    return (this.withRequiredAnti ??= this.list().filter((n) => n.podsWithRequiredAntiAffinity.length > 0));
  }

  nodeFlags(): NodeFlags {
    if (this.flags) return this.flags;
    const f: NodeFlags = { unschedulable: false, taints: false, preferNoSchedule: false };
    for (const ni of this.nodes.values()) {
      if (ni.unschedulable) f.unschedulable = true;
      if (ni.taints !== null) f.taints = true;
      if (ni.hasPreferNoScheduleTaint) f.preferNoSchedule = true;
    }
    return (this.flags = f);
  }

  hasImageStates(): boolean {
    return this.images.size > 0;
  }

  get numNodes(): number {
    return this.nodes.size;
  }

  // ----- nodes

  addNode(node: Node): NodeInfo {
    const name = node.metadata?.name ?? '';
    const existing = this.nodes.get(name);
    if (existing) {
      this.updateNode(existing.node, node);
      return existing;
    }
    const ni = new NodeInfo(node);
    this.nodes.set(name, ni);
    this.addToTree(name, getZoneKey(node));
    this.addNodeImageStates(node, ni);
    for (const pi of this.orphans.get(name) ?? []) ni.addPod(pi);
    this.orphans.delete(name);
    this.invalidate(true);
    return ni;
  }

  updateNode(_oldNode: Node | null | undefined, node: Node): void {
    const name = node.metadata?.name ?? '';
    const ni = this.nodes.get(name);
    if (!ni) {
      this.addNode(node);
      return;
    }
    const zone = getZoneKey(node);
    if (zone !== this.nodeZone.get(name)) {
      this.removeFromTree(name);
      this.addToTree(name, zone);
    }
    this.removeNodeImageStates(ni);
    ni.setNode(node);
    this.addNodeImageStates(node, ni);
    this.invalidate(true);
  }

  removeNode(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni) return;
    this.removeNodeImageStates(ni);
    this.removeFromTree(name);
    this.nodes.delete(name);
    // pods stay known until their deletion is observed
    if (ni.pods.length) this.orphans.set(name, [...ni.pods]);
    this.invalidate(true);
  }

  private addToTree(name: string, zone: string): void {
    let names = this.tree.get(zone);
    if (!names) this.tree.set(zone, (names = []));
    names.push(name);
    this.nodeZone.set(name, zone);
  }

  private removeFromTree(name: string): void {
    const zone = this.nodeZone.get(name);
    if (zone === undefined) return;
    const names = this.tree.get(zone)!;
    const i = names.indexOf(name);
    if (i >= 0) names.splice(i, 1);
    if (names.length === 0) this.tree.delete(zone);
    this.nodeZone.delete(name);
  }

  private addNodeImageStates(node: Node, ni: NodeInfo): void {
    const states = new Map<string, ImageStateSummary>();
    for (const image of node.status?.images ?? []) {
      for (const name of image.names ?? []) {
        let st = this.images.get(name);
        if (!st) this.images.set(name, (st = { summary: { size: image.sizeBytes ?? 0, numNodes: 0 }, nodes: new Set() }));
        st.nodes.add(ni.name);
        st.summary.numNodes = st.nodes.size;
        states.set(name, st.summary);
      }
    }
    ni.imageStates = states;
  }

  private removeNodeImageStates(ni: NodeInfo): void {
    for (const name of ni.imageStates.keys()) {
      const st = this.images.get(name);
      if (!st) continue;
      st.nodes.delete(ni.name);
      st.summary.numNodes = st.nodes.size;
      if (st.nodes.size === 0) this.images.delete(name);
    }
    ni.imageStates = new Map();
  }

  // ----- pods

  /** Add an assigned pod (spec.nodeName set). Terminal pods are ignored. Returns its PodInfo. */
  addPod(pod: Pod, podInfo?: PodInfo): PodInfo | null {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || isTerminal(pod)) return null;
    return this.add(pod, nodeName, podInfo && podInfo.pod === pod ? podInfo : new PodInfo(pod));
  }

  /**
   * Cache.AssumePod: account the pod on `nodeName` as if bound, before the binding is observed.
   * A given PodInfo is reused (its pod object keeps an empty spec.nodeName until updatePod
   * replaces it with the bound pod from the informer).
   */
  assumePod(pod: Pod, nodeName: string, podInfo?: PodInfo): PodInfo | null {
    if (isTerminal(pod)) return null;
    return this.add(pod, nodeName, podInfo && podInfo.pod === pod ? podInfo : new PodInfo(pod));
  }

  private add(pod: Pod, nodeName: string, pi: PodInfo): PodInfo {
    const key = podKey(pod);
    if (this.pods.has(key)) this.removePod(key);
    this.pods.set(key, { nodeName, podInfo: pi });
    const ni = this.nodes.get(nodeName);
    if (ni) ni.addPod(pi);
    else {
      const list = this.orphans.get(nodeName) ?? [];
      list.push(pi);
      this.orphans.set(nodeName, list);
    }
    this.invalidatePod(pi);
    return pi;
  }

  updatePod(_oldPod: Pod | null | undefined, pod: Pod): void {
    const key = podKey(pod);
    this.removePod(key);
    this.addPod(pod);
  }

  /** Remove by pod or "namespace/name" key. */
  removePod(podOrKey: Pod | string): void {
    const key = typeof podOrKey === 'string' ? podOrKey : podKey(podOrKey);
    const entry = this.pods.get(key);
    if (!entry) return;
    this.pods.delete(key);
    const ni = this.nodes.get(entry.nodeName);
    if (ni) ni.removePod(key);
    else {
      const list = this.orphans.get(entry.nodeName);
      if (list) {
        const i = list.indexOf(entry.podInfo);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) this.orphans.delete(entry.nodeName);
      }
    }
    this.invalidatePod(entry.podInfo);
  }

  getPod(key: string): { nodeName: string; podInfo: PodInfo } | undefined {
    return this.pods.get(key);
  }

  /** Only pods with (anti-)affinity change the affinity sub-lists. */
  private invalidatePod(pi: PodInfo): void {
    if (pi.hasAffinity) this.withAffinity = null;
    if (pi.hasRequiredAntiAffinity) this.withRequiredAnti = null;
  }

  private invalidate(nodes: boolean): void {
    if (nodes) {
      this.ordered = null;
      this.flags = null;
    }
    this.withAffinity = null;
    this.withRequiredAnti = null;
  }
}
