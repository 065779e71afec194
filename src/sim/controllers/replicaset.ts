/**
 * ReplicaSet and ReplicationController controller (pkg/controller/replicaset): keeps
 * `spec.replicas` pods that match the selector, adopting orphans and releasing pods that stop matching.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { clone, type KubeObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';
import { selectorMatchesLabels } from '../api/selector.ts';
import { res } from '../apiserver/client.ts';
import { ApiError } from '../apiserver/errors.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';
import { deletionRank, isControlledBy, isPodActive, isPodAvailable, isPodReady, ownerRef, podFromTemplate } from './podutil.ts';

type Obj = Record<string, unknown>;

/** Pods created per sync at most (burstReplicas in the real controller); the next burst follows 1 s later. */
const BURST_REPLICAS = 500;
/**
 * The simulator's documented cap on pods in the whole cluster (the benchmark's 50,000). Beyond it
 * controllers report FailedCreate with a plain explanation instead of growing without bound.
 */
export const MAX_PODS_IN_CLUSTER = 50_000;

export class ReplicaSetController extends Controller {
  readonly name: string;
  private info: ResourceInfo;
  private component: string;
  /** Last pod-creation failure per controller key (the ReplicaFailure condition). */
  private failures = new Map<string, string>();

  constructor(ctx: ControllerContext, kind: 'ReplicaSet' | 'ReplicationController') {
    super(ctx);
    this.info = kind === 'ReplicaSet' ? res('replicasets', 'apps') : res('replicationcontrollers');
    this.name = kind === 'ReplicaSet' ? 'replicaset' : 'replicationcontroller';
    this.component = kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller';
  }

  start(): void {
    this.watch(this.info, (ev) => this.enqueue(keyOf(ev.object)));
    this.watch(res('pods'), (ev) => {
      const pod = ev.object;
      const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
      if (owner) {
        if (owner.kind === this.info.kind) this.enqueue(`${pod.metadata.namespace}/${owner.name}`);
        return;
      }
      if (ev.type === 'DELETED') return;
      // An orphan: every controller in the namespace whose selector matches may adopt it.
      for (const rs of this.ctx.client.list(this.info, pod.metadata.namespace)) {
        if (this.matches(rs, pod)) this.enqueue(keyOf(rs));
      }
    });
  }

  private selector(rs: KubeObject): LabelSelector {
    const sel = (rs.spec as Obj).selector;
    return this.info.kind === 'ReplicaSet' ? (sel as LabelSelector) : { matchLabels: sel as Record<string, string> };
  }

  private matches(rs: KubeObject, pod: KubeObject): boolean {
    return selectorMatchesLabels(this.selector(rs), pod.metadata.labels ?? {});
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client, recorder, clock } = this.ctx;
    const rs = client.get(this.info, ns, name);
    if (!rs) return;
    const pods = client.list(res('pods'), ns);
    const owned: KubeObject[] = [];
    for (const pod of pods) {
      const ctl = pod.metadata.ownerReferences?.find((r) => r.controller);
      if (ctl && ctl.uid !== rs.metadata.uid) continue;
      const matches = this.matches(rs, pod);
      if (ctl) {
        if (matches) owned.push(pod);
        else this.release(pod, rs);
      } else if (matches && isPodActive(pod) && !rs.metadata.deletionTimestamp) {
        const adopted = this.adopt(pod, rs);
        if (adopted) owned.push(adopted);
      }
    }
    const active = owned.filter(isPodActive);
    const spec = rs.spec as Obj;
    const want = (spec.replicas as number) ?? 1;
    if (!rs.metadata.deletionTimestamp) {
      const diff = active.length - want;
      if (diff < 0) {
        const room = MAX_PODS_IN_CLUSTER - this.ctx.server.store.count('/registry/pods/');
        if (room <= 0) {
          const msg = `kubesim: this simulator runs at most ${MAX_PODS_IN_CLUSTER} pods in a cluster (이 시뮬레이터는 클러스터 전체 파드를 ${MAX_PODS_IN_CLUSTER}개까지만 만듭니다)`;
          recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${msg}`, { component: this.component });
          this.failures.set(key, msg);
          this.updateStatus(rs, owned.filter(isPodActive), clock.now());
          return;
        }
        const n = Math.min(-diff, BURST_REPLICAS, room);
        let made = 0;
        for (let i = 0; i < n; i++) {
          if (this.ctx.limiter && !this.ctx.limiter.tryAccept()) break;
          made++;
          const pod = podFromTemplate(spec.template as PodTemplateSpec, rs, `${rs.metadata.name}-`);
          try {
            const created = client.create(res('pods'), pod, ns);
            active.push(created);
            recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, { component: this.component });
          } catch (e) {
            const msg = e instanceof ApiError ? (e.status.message ?? '') : String(e);
            recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${msg}`, { component: this.component });
            this.failures.set(key, msg);
            // Retry with back-off, as the rate-limited queue does.
            this.enqueueAfter(key, 10_000);
            break;
          }
        }
        if (-diff > made) this.enqueueAfter(key, Math.max(this.ctx.limiter?.waitMs() ?? 0, made < n ? 1 : 1000));
        if (active.length >= want) this.failures.delete(key);
      } else if (diff > 0) {
        const victims = [...active].sort(deletionRank).slice(0, diff);
        for (const p of victims) {
          client.delete(res('pods'), ns, p.metadata.name!);
          recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, { component: this.component });
          active.splice(active.indexOf(p), 1);
        }
      }
    }
    this.updateStatus(rs, owned.filter(isPodActive), clock.now());
  }

  private adopt(pod: KubeObject, rs: KubeObject): KubeObject | undefined {
    try {
      return this.ctx.client.mutate(res('pods'), pod.metadata.namespace, pod.metadata.name!, (p) => {
        if (p.metadata.ownerReferences?.some((r) => r.controller)) return false;
        p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), ownerRef(rs)];
      });
    } catch {
      return undefined;
    }
  }

  private release(pod: KubeObject, rs: KubeObject) {
    if (!isControlledBy(pod, rs)) return;
    this.ctx.client.mutate(res('pods'), pod.metadata.namespace, pod.metadata.name!, (p) => {
      p.metadata.ownerReferences = p.metadata.ownerReferences?.filter((r) => r.uid !== rs.metadata.uid);
      if (!p.metadata.ownerReferences?.length) delete p.metadata.ownerReferences;
    });
  }

  private updateStatus(rs: KubeObject, active: KubeObject[], now: number) {
    const spec = rs.spec as Obj;
    const minReady = (spec.minReadySeconds as number) ?? 0;
    const tlabels = ((spec.template as Obj)?.metadata as Obj | undefined)?.labels as Record<string, string> | undefined;
    const want = Object.entries(tlabels ?? {});
    let fully = 0;
    let ready = 0;
    let available = 0;
    for (const p of active) {
      if (want.every(([k, v]) => p.metadata.labels?.[k] === v)) fully++;
      if (isPodReady(p)) ready++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
    if (minReady && ready > available) this.enqueueAfter(keyOf(rs), minReady * 1000);
    this.ctx.client.mutate(
      this.info,
      rs.metadata.namespace,
      rs.metadata.name!,
      (o) => {
        const prev = (o.status ?? {}) as Obj;
        const st: Obj = { replicas: active.length };
        if (fully) st.fullyLabeledReplicas = fully;
        if (ready) st.readyReplicas = ready;
        if (available) st.availableReplicas = available;
        st.observedGeneration = o.metadata.generation;
        const failure = this.failures.get(keyOf(rs));
        const old = ((prev.conditions as Obj[]) ?? []).find((c) => c.type === 'ReplicaFailure');
        if (failure) {
          st.conditions = [old && old.message === failure ? old : { type: 'ReplicaFailure', status: 'True', lastTransitionTime: this.ctx.server.now(), reason: 'FailedCreate', message: failure }];
        }
        // Terminating pods are reported separately since v1.33 (DeploymentReplicaSetTerminatingReplicas).
        o.status = clone(st);
      },
      true,
    );
  }
}
