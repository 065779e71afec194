/**
 * Deployment controller (pkg/controller/deployment): owns ReplicaSets named `<deployment>-<pod-template-hash>`,
 * rolls out with RollingUpdate (maxSurge / maxUnavailable) or Recreate, keeps revision history.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { clone, type KubeObject } from '../api/object.ts';
import { selectorMatchesLabels } from '../api/selector.ts';
import { res } from '../apiserver/client.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';
import { isPodActive, isPodAvailable, ownerRef } from './podutil.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RS = () => res('replicasets', 'apps');
const DEPLOY = () => res('deployments', 'apps');
const REVISION = 'deployment.kubernetes.io/revision';
const COMPONENT = { component: 'deployment-controller' };

/** ComputeHash: fnv32a of the template, encoded with rand.SafeEncodeString (digits → "456789bcdf"). */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const s = templateJson(template) + (collisionCount ? String(collisionCount) : '');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return String(h)
    .split('')
    .map((d) => alphabet[d.charCodeAt(0) % alphabet.length]) // '0'..'9' → 4 5 6 7 8 9 b c d f
    .join('');
}

/** Objects read from the store are frozen: a template's text is computed once, not at every sync. */
const frozenJson = new WeakMap<object, string>();

function templateJson(template: unknown): string {
  if (!template || typeof template !== 'object' || !Object.isFrozen(template)) return stableJson(template);
  let s = frozenJson.get(template);
  if (s === undefined) frozenJson.set(template, (s = stableJson(template)));
  return s;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + stableJson((v as Obj)[k])).join(',')}}`;
  return JSON.stringify(v);
}

/** intstr.GetScaledValueFromIntOrPercent. */
function scaled(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(String(v ?? '0'));
  if (!m) return Number(v) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts: surge rounds up, unavailability down; both 0 → unavailable 1. */
export function resolveFenceposts(d: Obj): [maxSurge: number, maxUnavailable: number] {
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const replicas = d.spec.replicas ?? 1;
  const surge = scaled(ru.maxSurge ?? '25%', replicas, true);
  let unavailable = scaled(ru.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

function templateWithoutHash(t: Obj): Obj {
  const c = clone(t);
  if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
  return c;
}

function equalIgnoreHash(a: Obj, b: Obj): boolean {
  return stableJson(templateWithoutHash(a)) === stableJson(templateWithoutHash(b));
}

/** deploymentutil.DeploymentProgressing: more updated/ready/available replicas, or fewer old ones. */
function deploymentProgressing(old: Obj, cur: { replicas: number; updatedReplicas: number; readyReplicas: number; availableReplicas: number }): boolean {
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = cur.replicas - cur.updatedReplicas;
  return cur.updatedReplicas > (old.updatedReplicas ?? 0) || newOld < oldOld || cur.readyReplicas > (old.readyReplicas ?? 0) || cur.availableReplicas > (old.availableReplicas ?? 0);
}

const replicasOf = (rs: KubeObject) => ((rs.spec as Obj).replicas as number) ?? 0;
const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.[REVISION] ?? 0);

export class DeploymentController extends Controller {
  readonly name = 'deployment';

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(DEPLOY(), (ev) => this.enqueue(keyOf(ev.object)));
    this.watch(RS(), (ev) => {
      const ref = ev.object.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
      if (ref) this.enqueue(`${ev.object.metadata.namespace}/${ref.name}`);
    });
    // Pod readiness changes move rollouts forward (via the ReplicaSet status), and a deleted pod of a
    // Recreate rollout can unblock it.
    this.watch(res('pods'), (ev) => {
      if (ev.type !== 'DELETED') return;
      const rsRef = ev.object.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
      if (!rsRef) return;
      const rs = this.ctx.client.get(RS(), ev.object.metadata.namespace, rsRef.name);
      const ref = rs?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
      if (ref) this.enqueue(`${ev.object.metadata.namespace}/${ref.name}`);
    });
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client } = this.ctx;
    const d = client.get(DEPLOY(), ns, name) as Obj | undefined;
    if (!d || d.metadata.deletionTimestamp) return;
    const rsList = this.ownedReplicaSets(d as KubeObject);
    let newRS = rsList.find((rs) => equalIgnoreHash((rs.spec as Obj).template, d.spec.template));
    const oldRSs = rsList.filter((rs) => rs !== newRS);

    if (d.spec.paused) {
      this.syncPaused(d, newRS, oldRSs);
      return;
    }
    if (!newRS) newRS = this.createNewRS(d, oldRSs);
    else this.refreshRevision(d, newRS, oldRSs);
    if (!newRS) return;

    if (d.spec.strategy?.type === 'Recreate') this.rolloutRecreate(d, newRS, oldRSs);
    else this.rolloutRolling(d, newRS, oldRSs);
    this.cleanup(d, this.ownedReplicaSets(d as KubeObject));
    this.updateStatus(d, this.ownedReplicaSets(d as KubeObject));
  }

  private ownedReplicaSets(d: KubeObject): KubeObject[] {
    const sel = (d.spec as Obj).selector as LabelSelector;
    const out: KubeObject[] = [];
    for (const rs of this.ctx.client.list(RS(), d.metadata.namespace)) {
      const ctl = rs.metadata.ownerReferences?.find((r) => r.controller);
      if (ctl) {
        if (ctl.uid === d.metadata.uid) out.push(rs);
      } else if (selectorMatchesLabels(sel, rs.metadata.labels ?? {})) {
        const adopted = this.ctx.client.mutate(RS(), rs.metadata.namespace, rs.metadata.name!, (o) => {
          o.metadata.ownerReferences = [...(o.metadata.ownerReferences ?? []), ownerRef(d)];
        });
        if (adopted) out.push(adopted);
      }
    }
    return out;
  }

  private createNewRS(d: Obj, oldRSs: KubeObject[]): KubeObject | undefined {
    const maxOld = Math.max(0, ...oldRSs.map(revisionOf));
    const template = clone(d.spec.template) as PodTemplateSpec;
    let collision = d.status?.collisionCount ?? 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      const hash = podTemplateHash(d.spec.template, collision);
      const t = clone(template);
      t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), 'pod-template-hash': hash } };
      const selector = clone(d.spec.selector) as LabelSelector;
      selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
      const [surge] = resolveFenceposts(d);
      // A new ReplicaSet starts at full size only when nothing old is running; otherwise the strategy
      // scales it (Recreate: after every old pod is gone; RollingUpdate: within maxSurge).
      const oldRunning = oldRSs.some((rs) => replicasOf(rs) > 0 || this.podsOf(rs).length > 0);
      const replicas = oldRunning ? 0 : d.spec.replicas;
      const rs: KubeObject = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`,
          namespace: d.metadata.namespace,
          labels: { ...(t.metadata.labels ?? {}) },
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas),
            'deployment.kubernetes.io/max-replicas': String(d.spec.replicas + (d.spec.strategy?.type === 'Recreate' ? 0 : surge)),
            [REVISION]: String(maxOld + 1),
          },
          ownerReferences: [ownerRef(d as KubeObject)],
        },
        spec: { replicas, minReadySeconds: d.spec.minReadySeconds, selector, template: t },
      };
      if (!(rs.spec as Obj).minReadySeconds) delete (rs.spec as Obj).minReadySeconds;
      if (d.metadata.annotations?.['kubernetes.io/change-cause']) rs.metadata.annotations!['kubernetes.io/change-cause'] = d.metadata.annotations['kubernetes.io/change-cause'];
      try {
        const created = this.ctx.client.create(RS(), rs);
        if (replicas > 0) this.ctx.recorder.event(d as KubeObject, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`, COMPONENT);
        this.setRevision(d, maxOld + 1);
        return created;
      } catch {
        collision++;
        this.ctx.client.mutate(DEPLOY(), d.metadata.namespace, d.metadata.name, (o) => {
          ((o.status ??= {}) as Obj).collisionCount = collision;
        }, true);
      }
    }
    return undefined;
  }

  /** An old ReplicaSet that became current again (rollback) gets the next revision. */
  private refreshRevision(d: Obj, newRS: KubeObject, oldRSs: KubeObject[]) {
    const maxOld = Math.max(0, ...oldRSs.map(revisionOf));
    const cur = revisionOf(newRS);
    if (cur <= maxOld) {
      const next = maxOld + 1;
      this.ctx.client.mutate(RS(), newRS.metadata.namespace, newRS.metadata.name!, (o) => {
        const ann = (o.metadata.annotations ??= {});
        const hist = ann['deployment.kubernetes.io/revision-history'];
        ann['deployment.kubernetes.io/revision-history'] = hist ? `${hist},${cur}` : String(cur);
        ann[REVISION] = String(next);
        if (d.metadata.annotations?.['kubernetes.io/change-cause']) ann['kubernetes.io/change-cause'] = d.metadata.annotations['kubernetes.io/change-cause'];
      });
      this.setRevision(d, next);
    } else {
      // SetNewReplicaSetAnnotations (k/k pkg/controller/deployment/sync.go getNewReplicaSet): the current
      // ReplicaSet keeps the Deployment's annotations in step, so a change-cause annotated after a
      // rollout lands on that revision (the Deployment docs' kubectl annotate … change-cause).
      const cause = d.metadata.annotations?.['kubernetes.io/change-cause'];
      if (cause && newRS.metadata.annotations?.['kubernetes.io/change-cause'] !== cause) {
        this.ctx.client.mutate(RS(), newRS.metadata.namespace, newRS.metadata.name!, (o) => {
          (o.metadata.annotations ??= {})['kubernetes.io/change-cause'] = cause;
        });
      }
      if (d.metadata.annotations?.[REVISION] !== String(cur)) this.setRevision(d, cur);
    }
  }

  private setRevision(d: Obj, rev: number) {
    this.ctx.client.mutate(DEPLOY(), d.metadata.namespace, d.metadata.name, (o) => {
      const ann = (o.metadata.annotations ??= {});
      if (ann[REVISION] === String(rev)) return false;
      ann[REVISION] = String(rev);
    });
  }

  private scale(d: Obj, rs: KubeObject, to: number) {
    const from = replicasOf(rs);
    if (from === to) return;
    const [surge] = resolveFenceposts(d);
    this.ctx.client.mutate(RS(), rs.metadata.namespace, rs.metadata.name!, (o) => {
      (o.spec as Obj).replicas = to;
      const ann = (o.metadata.annotations ??= {});
      ann['deployment.kubernetes.io/desired-replicas'] = String(d.spec.replicas);
      ann['deployment.kubernetes.io/max-replicas'] = String(d.spec.replicas + (d.spec.strategy?.type === 'Recreate' ? 0 : surge));
    });
    this.ctx.recorder.event(d as KubeObject, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, COMPONENT);
  }

  private podsOf(rs: KubeObject): KubeObject[] {
    return this.ctx.client.list(res('pods'), rs.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid));
  }

  private availableOf(rs: KubeObject, d: Obj): number {
    const now = this.ctx.clock.now();
    return this.podsOf(rs).filter((p) => isPodActive(p) && isPodAvailable(p, d.spec.minReadySeconds ?? 0, now)).length;
  }

  private rolloutRecreate(d: Obj, newRS: KubeObject, oldRSs: KubeObject[]) {
    const active = oldRSs.filter((rs) => replicasOf(rs) > 0);
    for (const rs of active) this.scale(d, rs, 0);
    // Wait until every old pod is gone before starting new ones.
    const oldPodsRunning = oldRSs.some((rs) => this.podsOf(rs).length > 0);
    if (oldPodsRunning) return;
    this.scale(d, newRS, d.spec.replicas);
  }

  private rolloutRolling(d: Obj, newRS: KubeObject, oldRSs: KubeObject[]) {
    const replicas: number = d.spec.replicas;
    const [maxSurge, maxUnavailable] = resolveFenceposts(d);
    const all = [newRS, ...oldRSs];
    const current = () => all.reduce((n, rs) => n + replicasOf(this.ctx.client.get(RS(), rs.metadata.namespace, rs.metadata.name!) ?? rs), 0);
    // reconcileNewReplicaSet
    let newReplicas = replicasOf(newRS);
    if (newReplicas > replicas) {
      this.scale(d, newRS, replicas);
      newReplicas = replicas;
    } else if (newReplicas < replicas) {
      const maxTotal = replicas + maxSurge;
      const total = current();
      if (total < maxTotal) {
        const up = Math.min(maxTotal - total, replicas - newReplicas);
        this.scale(d, newRS, newReplicas + up);
        newReplicas += up;
      }
    }
    // reconcileOldReplicaSets
    const oldActive = oldRSs.filter((rs) => replicasOf(rs) > 0);
    if (!oldActive.length) return;
    const minAvailable = replicas - maxUnavailable;
    const newRSFresh = this.ctx.client.get(RS(), newRS.metadata.namespace, newRS.metadata.name!) ?? newRS;
    const newUnavailable = replicasOf(newRSFresh) - this.availableOf(newRSFresh, d);
    const allAvailable = [newRSFresh, ...oldRSs].reduce((n, rs) => n + this.availableOf(rs, d), 0);
    // Old replicas that are not available can go first (cleanupUnhealthyReplicas).
    let budget = current() - minAvailable - newUnavailable;
    for (const rs of oldActive.sort((a, b) => revisionOf(a) - revisionOf(b))) {
      const unhealthy = replicasOf(rs) - this.availableOf(rs, d);
      if (unhealthy > 0 && budget > 0) {
        const n = Math.min(unhealthy, budget, replicasOf(rs));
        this.scale(d, rs, replicasOf(rs) - n);
        budget -= n;
      }
    }
    let canScaleDown = allAvailable - minAvailable;
    for (const rs0 of oldActive) {
      if (canScaleDown <= 0) break;
      const rs = this.ctx.client.get(RS(), rs0.metadata.namespace, rs0.metadata.name!)!;
      const n = Math.min(replicasOf(rs), canScaleDown);
      if (n > 0) {
        this.scale(d, rs, replicasOf(rs) - n);
        canScaleDown -= n;
      }
    }
  }

  private syncPaused(d: Obj, newRS: KubeObject | undefined, oldRSs: KubeObject[]) {
    // Paused: only scaling is reconciled (proportionally, here: on the newest RS).
    const target = newRS ?? oldRSs.sort((a, b) => revisionOf(b) - revisionOf(a))[0];
    const total = [...(newRS ? [newRS] : []), ...oldRSs].reduce((n, rs) => n + replicasOf(rs), 0);
    if (target && total !== d.spec.replicas) this.scale(d, target, Math.max(0, replicasOf(target) + d.spec.replicas - total));
    this.updateStatus(d, this.ownedReplicaSets(d as KubeObject));
  }

  private cleanup(d: Obj, rsList: KubeObject[]) {
    const limit: number = d.spec.revisionHistoryLimit ?? 10;
    const newest = Math.max(...rsList.map(revisionOf));
    const old = rsList.filter((rs) => revisionOf(rs) !== newest && replicasOf(rs) === 0 && !rs.metadata.deletionTimestamp && (rs.status as Obj | undefined)?.replicas === 0);
    if (old.length <= limit) return;
    old.sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of old.slice(0, old.length - limit)) this.ctx.client.delete(RS(), rs.metadata.namespace, rs.metadata.name!);
  }

  private requeued = new Map<string, number>();

  /** One pending re-sync per deployment at the earliest needed time (requeueStuckDeployment). */
  private requeueAt(key: string, afterMs: number) {
    const at = this.ctx.clock.now() + Math.max(0, afterMs);
    const pending = this.requeued.get(key);
    if (pending !== undefined && pending <= at && pending > this.ctx.clock.now()) return;
    this.requeued.set(key, at);
    this.ctx.clock.after(Math.max(0, afterMs), () => {
      if (this.requeued.get(key) === at) this.requeued.delete(key);
      this.enqueue(key);
    });
  }

  private updateStatus(d: Obj, rsList: KubeObject[]) {
    const now = this.ctx.server.now();
    const newRS = rsList.find((rs) => equalIgnoreHash((rs.spec as Obj).template, d.spec.template));
    const sum = (f: (s: Obj) => number) => rsList.reduce((n, rs) => n + f((rs.status ?? {}) as Obj), 0);
    const replicas = sum((s) => s.replicas ?? 0);
    const updated = newRS ? ((newRS.status as Obj | undefined)?.replicas ?? 0) : 0;
    const ready = sum((s) => s.readyReplicas ?? 0);
    const available = sum((s) => s.availableReplicas ?? 0);
    const [, maxUnavailable] = resolveFenceposts(d);
    const minAvailable = d.spec.strategy?.type === 'Recreate' ? d.spec.replicas : d.spec.replicas - maxUnavailable;
    const hasMin = available >= minAvailable;
    const complete = newRS && updated === d.spec.replicas && replicas === d.spec.replicas && available >= d.spec.replicas;
    this.ctx.client.mutate(
      DEPLOY(),
      d.metadata.namespace,
      d.metadata.name,
      (o) => {
        const prev = (o.status ?? {}) as Obj;
        const conds: Obj[] = clone(prev.conditions ?? []);
        const setCond = (type: string, status: string, reason: string, message: string) => {
          const c = conds.find((x) => x.type === type);
          if (c) {
            if (c.status !== status) c.lastTransitionTime = now;
            if (c.status !== status || c.reason !== reason || c.message !== message) c.lastUpdateTime = now;
            Object.assign(c, { status, reason, message });
          } else conds.push({ type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message });
        };
        setCond('Available', hasMin ? 'True' : 'False', hasMin ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', hasMin ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.');
        if (d.spec.paused) setCond('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused');
        else if (newRS) {
          const prog = conds.find((c) => c.type === 'Progressing');
          const progressing = deploymentProgressing(prev, { replicas, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available });
          if (complete) setCond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`);
          else if (!prog || prog.reason === 'NewReplicaSetAvailable' || prog.reason === 'DeploymentResumed') {
            setCond('Progressing', 'True', prog ? 'ReplicaSetUpdated' : 'NewReplicaSetCreated', prog ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Created new replica set "${newRS.metadata.name}"`);
          } else if (prog.reason !== 'ReplicaSetUpdated' || prog.message !== `ReplicaSet "${newRS.metadata.name}" is progressing.`) {
            if (prog.reason !== 'ProgressDeadlineExceeded' || progressing) setCond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS.metadata.name}" is progressing.`);
          } else if (progressing) {
            // syncRolloutStatus: any progress moves lastUpdateTime, the base of the deadline.
            prog.lastUpdateTime = now;
          }
          // DeploymentTimedOut: no progress for progressDeadlineSeconds since lastUpdateTime.
          const cur = conds.find((c) => c.type === 'Progressing');
          const deadline = d.spec.progressDeadlineSeconds;
          if (!complete && cur && (cur.reason === 'ReplicaSetUpdated' || cur.reason === 'NewReplicaSetCreated')) {
            if (typeof deadline === 'number' && Date.parse(cur.lastUpdateTime) + deadline * 1000 < this.ctx.clock.now()) {
              setCond('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`);
            } else if (typeof deadline === 'number') {
              // requeueStuckDeployment
              const after = Date.parse(cur.lastUpdateTime) + deadline * 1000 - this.ctx.clock.now() + 1000;
              this.requeueAt(keyOf(d as KubeObject), after);
            }
          }
        }
        // Available first, then Progressing, as the controller orders them.
        conds.sort((a, b) => (a.type === 'Available' ? -1 : b.type === 'Available' ? 1 : 0));
        const st: Obj = { observedGeneration: o.metadata.generation, replicas, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available };
        const unavailable = Math.max(0, d.spec.replicas - available);
        if (unavailable) st.unavailableReplicas = unavailable;
        for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas']) if (!st[k]) delete st[k];
        if (prev.collisionCount) st.collisionCount = prev.collisionCount;
        st.conditions = conds;
        o.status = st;
      },
      true,
    );
  }
}
