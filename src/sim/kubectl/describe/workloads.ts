/**
 * Describers for workload controllers, ported from k8s.io/kubectl/pkg/describe/describe.go (v1.35):
 * Deployment (with deploymentutil.GetAllReplicaSetsInChunks from k8s.io/kubectl/pkg/util/deployment),
 * ReplicaSet, ReplicationController, DaemonSet, StatefulSet, Job, CronJob; getPodStatusForController.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object.ts';
import { humanDuration } from '../../apiserver/printers/duration.ts';
import { type DescribeClient, resourceInfo } from './client.ts';
import { goSort } from './gosort.ts';
import { describePodTemplate, pvcClass } from './pod.ts';
import { LEVEL_0, LEVEL_1, newPrefixWriter, type PrefixWriter } from './prefixwriter.ts';
import { tabbedString } from './tabwriter.ts';
import {
  describeEvents,
  type DescriberSettings,
  formatLabels,
  formatLabelSelector,
  goSlice,
  intOrString,
  type Obj,
  printAnnotationsMultiline,
  printBoolPtr,
  printController,
  printLabelsMultiline,
  printLabelsMultilineWithIndent,
  quantityString,
  refOf,
  rfc1123z,
  searchEvents,
  selectorString,
} from './util.ts';

interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** getPodStatusForController: pods matching the selector whose controller is `uid`, by phase. */
function podStatusForController(client: DescribeClient, namespace: string, selector: string, uid: string | undefined): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of client.list(resourceInfo('pods'), namespace, { labelSelector: selector })) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== uid) continue;
    switch ((pod.status as Obj | undefined)?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

function podsStatus(c: PodCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

function events(client: DescribeClient, o: KubeObject, settings: DescriberSettings): KubeObject[] | undefined {
  return settings.showEvents ? searchEvents(client, refOf(o)) : undefined;
}

function describeControllerConditions(conds: Obj[] | undefined, w: PrefixWriter): void {
  if (!conds?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conds) w.write(LEVEL_1, `${c.type ?? ''} \t${c.status ?? ''}\t${c.reason ?? ''}\n`);
}

// ---- Deployment --------------------------------------------------------------------------------

/** JSON with sorted keys, to compare templates (apiequality.Semantic.DeepEqual). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** deploymentutil.EqualIgnoreHash */
function equalIgnoreHash(a: Obj | undefined, b: Obj | undefined): boolean {
  const strip = (t: Obj | undefined) => {
    const c = JSON.parse(JSON.stringify(t ?? {})) as Obj;
    if (c.metadata?.labels) {
      delete c.metadata.labels['pod-template-hash'];
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    }
    return canonical(c);
  };
  return strip(a) === strip(b);
}

/** deploymentutil.GetAllReplicaSetsInChunks: [all old ReplicaSets, the new one]. */
export function deploymentReplicaSets(client: DescribeClient, d: KubeObject): [KubeObject[], KubeObject | undefined] {
  const spec = (d.spec ?? {}) as Obj;
  const all = client.list(resourceInfo('replicasets', 'apps'), d.metadata.namespace, { labelSelector: selectorString(spec.selector) });
  const owned = all.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const time = (o: KubeObject) => Date.parse(o.metadata.creationTimestamp ?? '') || 0;
  goSort(owned, (a, b) => (time(a) === time(b) ? (a.metadata.name ?? '') < (b.metadata.name ?? '') : time(a) < time(b)));
  const newRS = owned.find((rs) => equalIgnoreHash((rs.spec as Obj | undefined)?.template, spec.template));
  const old = owned.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return [old, newRS];
}

function printReplicaSetsByLabels(rss: KubeObject[]): string {
  const list = rss.map((rs) => `${rs.metadata.name} (${(rs.status as Obj | undefined)?.replicas ?? 0}/${(rs.spec as Obj | undefined)?.replicas ?? 0} replicas created)`).join(', ');
  return list === '' ? '<none>' : list;
}

export function describeDeploymentByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const d = client.get(resourceInfo('deployments', 'apps'), namespace, name);
  const ev = events(client, d, settings);
  let old: KubeObject[] = [];
  let newRS: KubeObject[] = [];
  try {
    const [o, n] = deploymentReplicaSets(client, d);
    old = o;
    newRS = n ? [n] : [];
  } catch {
    // errors listing ReplicaSets leave both lists empty
  }
  return describeDeployment(d, old, newRS, ev, client.now());
}

export function describeDeployment(d: KubeObject, oldRSs: KubeObject[], newRSs: KubeObject[], ev: KubeObject[] | undefined, nowMs: number): string {
  const spec = (d.spec ?? {}) as Obj;
  const status = (d.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w);
    describeControllerConditions(status.conditions, w);
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSetsByLabels(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSetsByLabels(newRSs)}\n`);
    }
    if (ev) describeEvents(ev, w, nowMs);
  });
}

// ---- ReplicaSet / ReplicationController --------------------------------------------------------

export function describeReplicaSetByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const rs = client.get(resourceInfo('replicasets', 'apps'), namespace, name);
  const spec = (rs.spec ?? {}) as Obj;
  let counts: PodCounts | Error;
  try {
    counts = podStatusForController(client, namespace, selectorString(spec.selector), rs.metadata.uid);
  } catch (e) {
    counts = e instanceof Error ? e : new Error(String(e));
  }
  return describeReplicaSet(rs, events(client, rs, settings), counts, client.now());
}

export function describeReplicaSet(rs: KubeObject, ev: KubeObject[] | undefined, counts: PodCounts | Error, nowMs: number): string {
  const spec = (rs.spec ?? {}) as Obj;
  const status = (rs.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector as LabelSelector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    if (counts instanceof Error) w.write(LEVEL_0, `error in fetching pods: ${counts.message}\n`);
    else w.write(LEVEL_0, `${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeControllerConditions(status.conditions, w);
    if (ev) describeEvents(ev, w, nowMs);
  });
}

export function describeReplicationControllerByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const rc = client.get(resourceInfo('replicationcontrollers'), namespace, name);
  const spec = (rc.spec ?? {}) as Obj;
  const selector = Object.keys(spec.selector ?? {})
    .sort()
    .map((k) => `${k}=${spec.selector[k]}`)
    .join(',');
  const counts = podStatusForController(client, namespace, selector, rc.metadata.uid);
  return describeReplicationController(rc, events(client, rc, settings), counts, client.now());
}

export function describeReplicationController(rc: KubeObject, ev: KubeObject[] | undefined, counts: PodCounts, nowMs: number): string {
  const spec = (rc.spec ?? {}) as Obj;
  const status = (rc.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${rc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeControllerConditions(status.conditions, w);
    if (ev) describeEvents(ev, w, nowMs);
  });
}

// ---- DaemonSet ---------------------------------------------------------------------------------

export function describeDaemonSetByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const ds = client.get(resourceInfo('daemonsets', 'apps'), namespace, name);
  const selector = selectorString((ds.spec as Obj | undefined)?.selector);
  const counts = podStatusForController(client, namespace, selector, ds.metadata.uid);
  return describeDaemonSet(ds, selector, events(client, ds, settings), counts, client.now());
}

export function describeDaemonSet(ds: KubeObject, selector: string, ev: KubeObject[] | undefined, counts: PodCounts, nowMs: number): string {
  const spec = (ds.spec ?? {}) as Obj;
  const status = (ds.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    if (ev) describeEvents(ev, w, nowMs);
  });
}

// ---- StatefulSet -------------------------------------------------------------------------------

export function describeStatefulSetByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const sts = client.get(resourceInfo('statefulsets', 'apps'), namespace, name);
  const selector = selectorString((sts.spec as Obj | undefined)?.selector);
  const counts = podStatusForController(client, namespace, selector, sts.metadata.uid);
  const ev = events(client, sts, settings);
  const spec = (sts.spec ?? {}) as Obj;
  const status = (sts.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${sts.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabelsMultiline(w, 'Labels', sts.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${status.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    const templates = (spec.volumeClaimTemplates ?? []) as KubeObject[];
    if (templates.length === 0) w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    else {
      w.write(LEVEL_0, 'Volume Claims:\n');
      for (const pvc of templates) {
        const ps = (pvc.spec ?? {}) as Obj;
        w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
        w.write(LEVEL_1, `StorageClass:\t${pvcClass({ ...pvc, metadata: pvc.metadata ?? {} })}\n`);
        printLabelsMultilineWithIndent(w, '  ', 'Labels', '\t', pvc.metadata?.labels, new Set());
        printLabelsMultilineWithIndent(w, '  ', 'Annotations', '\t', pvc.metadata?.annotations, new Set());
        const storage = ps.resources?.requests?.storage;
        w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantityString(storage) : '<default>'}\n`);
        w.write(LEVEL_1, `Access Modes:\t${goSlice(ps.accessModes)}\n`);
      }
    }
    if (ev) describeEvents(ev, w, client.now());
  });
}

// ---- Job / CronJob -----------------------------------------------------------------------------

export function describeJobByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const job = client.get(resourceInfo('jobs', 'batch'), namespace, name);
  return describeJob(job, events(client, job, settings), client.now());
}

function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  if (ix >= indexes.length) return indexes;
  return `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: KubeObject, ev: KubeObject[] | undefined, nowMs: number): string {
  const spec = (job.spec ?? {}) as Obj;
  const status = (job.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${job.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
    const controlledBy = printController(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined && spec.parallelism !== null) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${spec.completions !== undefined && spec.completions !== null ? spec.completions : '<unset>'}\n`);
    if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined && spec.suspend !== null) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (spec.backoffLimit !== undefined && spec.backoffLimit !== null) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    if (status.startTime && status.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}\n`);
    if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    if (status.ready === undefined || status.ready === null) w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes, 50)}\n`);
    describePodTemplate(spec.template, w);
    if (ev) describeEvents(ev, w, nowMs);
  });
}

export function describeCronJobByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const cj = client.get(resourceInfo('cronjobs', 'batch'), namespace, name);
  return describeCronJob(cj, events(client, cj, settings), client.now());
}

export function describeCronJob(cj: KubeObject, ev: KubeObject[] | undefined, nowMs: number): string {
  const spec = (cj.spec ?? {}) as Obj;
  const status = (cj.status ?? {}) as Obj;
  const set = (v: unknown) => v !== undefined && v !== null;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${cj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${set(spec.successfulJobsHistoryLimit) ? spec.successfulJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${set(spec.failedJobsHistoryLimit) ? spec.failedJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${set(spec.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
    // describeJobTemplate
    const jt = (spec.jobTemplate?.spec ?? {}) as Obj;
    w.write(LEVEL_0, `Selector:\t${jt.selector ? selectorString(jt.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, `Parallelism:\t${set(jt.parallelism) ? jt.parallelism : '<unset>'}\n`);
    w.write(LEVEL_0, `Completions:\t${set(jt.completions) ? jt.completions : '<unset>'}\n`);
    if (set(jt.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
    describePodTemplate(jt.template, w);
    w.write(LEVEL_0, `Last Schedule Time:\t${status.lastScheduleTime ? rfc1123z(status.lastScheduleTime) : '<unset>'}\n`);
    // printActiveJobs
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = (status.active ?? []) as Obj[];
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, `${j.name ?? ''}`);
      });
      w.writeLine('');
    }
    if (ev) describeEvents(ev, w, nowMs);
  });
}
