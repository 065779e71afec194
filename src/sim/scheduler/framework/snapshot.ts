/**
 * Snapshot: a NodeInfoLister over a fixed list of NodeInfos (pkg/scheduler/backend/cache/snapshot.go).
 * The name index and the affinity sub-lists are built lazily, on first use.
 */
import type { NodeInfo } from './types.ts';
import type { NodeInfoLister } from './interface.ts';

export class Snapshot implements NodeInfoLister {
  private readonly nodes: readonly NodeInfo[];
  private byName: Map<string, NodeInfo> | null = null;
  private withAffinity: NodeInfo[] | null = null;
  private withRequiredAnti: NodeInfo[] | null = null;

  constructor(nodes: readonly NodeInfo[]) {
    this.nodes = nodes;
  }

  list(): readonly NodeInfo[] {
    return this.nodes;
  }

  get(name: string): NodeInfo | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const n of this.nodes) this.byName.set(n.name, n);
    }
    return this.byName.get(name);
  }

  havePodsWithAffinityList(): readonly NodeInfo[] {
    return (this.withAffinity ??= this.nodes.filter((n) => n.podsWithAffinity.length > 0));
  }

  havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[] {
    return (this.withRequiredAnti ??= this.nodes.filter((n) => n.podsWithRequiredAntiAffinity.length > 0));
  }
}
