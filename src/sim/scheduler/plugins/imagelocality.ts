/**
 * ImageLocality (pkg/scheduler/framework/plugins/imagelocality/image_locality.go, v1.35): favours
 * nodes that already have the pod's images. For each (init) container image present on the node,
 * its size × (nodes having it / all nodes) is summed; the sum is clamped to
 * [23 MiB, 1000 MiB × containers] and scaled linearly to 0–100. Image names are normalised only by
 * appending ":latest" when no tag is given — "nginx" does not match "docker.io/library/nginx:latest"
 * in node.status.images, exactly as in the real scheduler.
 */
import { MaxNodeScore } from '../framework/types.ts';
import type { NodeInfo, PodInfo } from '../framework/types.ts';
import type { Handle, ScorePlugin } from '../framework/interface.ts';
import type { CycleState } from '../framework/cycle_state.ts';

export const Name = 'ImageLocality';

const mb = 1024 * 1024;
/** minThreshold: 23 MB */
export const minThreshold = 23 * mb;
/** maxContainerThreshold: 1000 MB per container */
export const maxContainerThreshold = 1000 * mb;

/** normalizedImageName: add ":latest" when the name has no tag. */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return name + ':latest';
  return name;
}

/** calculatePriority */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = maxContainerThreshold * numContainers;
  if (sumScores < minThreshold) sumScores = minThreshold;
  else if (sumScores > maxThreshold) sumScores = maxThreshold;
  return Math.trunc((MaxNodeScore * (sumScores - minThreshold)) / (maxThreshold - minThreshold));
}

/** scaledImageScore: size × spread, truncated (int64(float64(size) * spread)). */
export function scaledImageScore(size: number, numNodes: number, totalNumNodes: number): number {
  const spread = numNodes / totalNumNodes;
  return Math.trunc(size * spread);
}

/** The pod's (init) container images, normalised. */
export function podImageNames(pod: PodInfo): string[] {
  const spec = pod.pod.spec;
  const names: string[] = [];
  for (const c of spec?.initContainers ?? []) names.push(normalizedImageName(c.image ?? ''));
  for (const c of spec?.containers ?? []) names.push(normalizedImageName(c.image ?? ''));
  return names;
}

export class ImageLocality implements ScorePlugin {
  readonly name = Name;
  private readonly handle: Handle;
  // per-pod memo (the real plugin recomputes these for every node)
  private lastPod: PodInfo | null = null;
  private lastNames: string[] = [];

  constructor(h: Handle) {
    this.handle = h;
  }

  scoreBatch(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: Float64Array): void {
    if (this.handle.snapshot.hasImageStates?.() === false) {
      // no node reports images: every node scores the same
      out.fill(nodes.length ? this.score(state, pod, nodes[0]) : 0);
      return;
    }
    let empty = -1;
    for (let i = 0; i < nodes.length; i++) {
      const ni = nodes[i];
      if (ni.imageStates.size === 0) {
        if (empty < 0) empty = this.score(state, pod, ni);
        out[i] = empty;
      } else {
        out[i] = this.score(state, pod, ni);
      }
    }
  }

  /** No node reports images: every node gets the score of an empty image list (no NormalizeScore). */
  uniformScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): number | null {
    if (this.handle.snapshot.hasImageStates?.() !== false || nodes.length === 0) return null;
    return this.score(state, pod, nodes[0]);
  }

  score(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    if (pod !== this.lastPod) {
      this.lastPod = pod;
      this.lastNames = podImageNames(pod);
    }
    const names = this.lastNames;
    const states = nodeInfo.imageStates;
    let sum = 0;
    if (states.size > 0) {
      const totalNumNodes = this.handle.snapshot.list().length;
      for (const n of names) {
        const st = states.get(n);
        if (st) sum += scaledImageScore(st.size, st.numNodes, totalNumNodes);
      }
    }
    return calculatePriority(sum, names.length);
  }
}

export function New(h: Handle): ImageLocality {
  return new ImageLocality(h);
}
