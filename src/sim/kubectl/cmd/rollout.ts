/**
 * kubectl rollout (k8s.io/kubectl/pkg/cmd/rollout/*.go with pkg/polymorphichelpers/{rollout_status,
 * history,rollback,objectpauser,objectresumer,objectrestarter}.go; messages checked against the
 * kubectl v1.33 binary):
 * - status: watches the object and prints the status viewer's line on every ADDED/MODIFIED event
 *   (so a line repeats when the object changes without progress, as with real kubectl), while
 *   simulated time passes; --watch=false prints once, --timeout ends with "timed out waiting …";
 * - history: `REVISION  CHANGE-CAUSE` from the Deployment's ReplicaSets, --revision=N the pod template;
 * - undo: copies an old ReplicaSet's template back (JSON patch), `rolled back` / `skipped rollback`;
 * - pause/resume/restart: strategic merge patches of spec.paused / the restartedAt annotation.
 */
import { clone, type KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { res } from '../../apiserver/client.ts';
import { newPrefixWriter } from '../describe/prefixwriter.ts';
import { describePodTemplate } from '../describe/pod.ts';
import { tabbedString, type TabWriter } from '../describe/tabwriter.ts';
import { CmdError, usageError } from '../errors.ts';
import type { FlagDef, Flags } from '../flags.ts';
import { nameLine } from '../printers/name.ts';
import type { Command, KubectlContext } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, printFormatted, printObjects, stripManaged, type DryRun } from './common.ts';
import { durationFlag } from './scale.ts';
import { buildInfos, reportErrors, resourceString, type Info } from './visit.ts';
import { helpText } from '../help.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HASH_LABEL = 'pod-template-hash';

const KUSTOMIZE: FlagDef = { name: 'kustomize', short: 'k', type: 'string' };
const SELECTOR: FlagDef = { name: 'selector', short: 'l', type: 'string' };
const FILE_FLAGS: FlagDef[] = [FILENAME_FLAG, KUSTOMIZE, RECURSIVE_FLAG, SELECTOR];

/** schema.GroupKind.String(): "Deployment.apps", "Pod". */
function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/**
 * apps.GroupKindElement.Accept (pkg/apps/kind_visitor.go): the workload kinds have a visitor method;
 * any other kind is "no visitor method exists for {<group> <kind>}".
 */
function visitable(info: ResourceInfo): boolean {
  const apps = info.group === 'apps' || info.group === 'extensions';
  switch (info.kind) {
    case 'DaemonSet':
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      return apps;
    case 'Pod':
    case 'ReplicationController':
      return info.group === '';
    case 'Job':
    case 'CronJob':
      return info.group === 'batch';
  }
  return false;
}

/** The error HistoryViewerFor / RollbackerFor return for a kind they cannot handle. */
function noVisitor(info: ResourceInfo, what: 'history' | 'rollbacker'): CmdError {
  const gk = JSON.stringify(groupKind(info));
  if (!visitable(info)) return new CmdError(`error retrieving ${what} for ${gk}, no visitor method exists for {${info.group} ${info.kind}}`);
  return new CmdError(what === 'history' ? `no history viewer has been implemented for ${gk}` : `no rollbacker has been implemented for ${gk}`);
}

function requireResource(args: string[], flags: Flags): void {
  if (!args.length && !flags.list('filename').length && !flags.str('kustomize')) throw new CmdError('required resource not specified');
}

function infosFor(ctx: KubectlContext, args: string[], flags: Flags, single = false) {
  return buildInfos(ctx, { args, files: flags.list('filename'), recursive: flags.bool('recursive'), selector: flags.str('selector'), all: true, latest: true, singleResourceType: single });
}

// ---- status ---------------------------------------------------------------------------------------

type Viewer = (o: KubeObject, revision: number) => { status: string; done: boolean };

const deploymentStatus: Viewer = (d, revision) => {
  const name = d.metadata.name!;
  const spec = (d.spec ?? {}) as Obj;
  const st = (d.status ?? {}) as Obj;
  if (revision > 0) {
    const rev = Number(d.metadata.annotations?.[REVISION] ?? 0);
    if (revision !== rev) throw new CmdError(`desired revision (${revision}) is different from the running revision (${rev})`);
  }
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = (st.conditions ?? []).find((c: Obj) => c.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') throw new CmdError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
    const replicas = spec.replicas as number | undefined;
    const updated = st.updatedReplicas ?? 0;
    if (replicas !== undefined && updated < replicas) return { status: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((st.replicas ?? 0) > updated) return { status: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((st.availableReplicas ?? 0) < updated) return { status: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { status: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  return { status: 'Waiting for deployment spec update to be observed...\n', done: false };
};

const daemonSetStatus: Viewer = (ds) => {
  const name = ds.metadata.name!;
  const spec = (ds.spec ?? {}) as Obj;
  const st = (ds.status ?? {}) as Obj;
  if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new CmdError('rollout status is only available for RollingUpdate strategy type');
  if ((ds.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const desired = st.desiredNumberScheduled ?? 0;
    if ((st.updatedNumberScheduled ?? 0) < desired) return { status: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    if ((st.numberAvailable ?? 0) < desired) return { status: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    return { status: `daemon set ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  return { status: 'Waiting for daemon set spec update to be observed...\n', done: false };
};

const statefulSetStatus: Viewer = (sts) => {
  const spec = (sts.spec ?? {}) as Obj;
  const st = (sts.status ?? {}) as Obj;
  if ((spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new CmdError('rollout status is only available for RollingUpdate strategy type');
  if (!st.observedGeneration || (sts.metadata.generation ?? 0) > st.observedGeneration) return { status: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = spec.replicas as number | undefined;
  if (replicas !== undefined && (st.readyReplicas ?? 0) < replicas) return { status: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru) {
    if (replicas !== undefined && ru.partition !== undefined) {
      if ((st.updatedReplicas ?? 0) < replicas - ru.partition) return { status: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - ru.partition} new pods have been updated...\n`, done: false };
    }
    return { status: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) return { status: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
  return { status: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
};

function statusViewerFor(info: ResourceInfo): Viewer {
  if (info.group === 'apps' && info.kind === 'Deployment') return deploymentStatus;
  if (info.group === 'apps' && info.kind === 'DaemonSet') return daemonSetStatus;
  if (info.group === 'apps' && info.kind === 'StatefulSet') return statefulSetStatus;
  throw new CmdError(`no status viewer has been implemented for ${groupKind(info)}`);
}

/** How long `rollout status` may watch without --timeout before the simulated user presses Ctrl-C. */
export const STATUS_WATCH_LIMIT_MS = 30 * 60_000;

const status: Command = {
  name: 'status',
  flags: [...FILE_FLAGS, { name: 'revision', type: 'int', default: 0 }, { name: 'timeout', type: 'duration', default: '0s' }, { name: 'watch', short: 'w', type: 'bool', default: true }],
  run(ctx, args, flags) {
    requireResource(args, flags);
    const revision = flags.int('revision');
    if (revision < 0) throw new CmdError(`revision must be a positive integer: ${revision}`);
    const r = infosFor(ctx, args, flags, true);
    if (r.errors.length) throw r.errors[0];
    const timeoutMs = durationFlag(flags, 'timeout');
    const watch = flags.bool('watch');
    // kubectl v1.33 watches each object in turn (the older "only supported on individual
    // resources" refusal is gone); errors are reported together at the end.
    const deadline = ctx.server.clock.now() + (timeoutMs > 0 ? timeoutMs : STATUS_WATCH_LIMIT_MS);
    const errs: unknown[] = [];
    for (const it of r.infos) {
      let viewer: Viewer;
      try {
        viewer = statusViewerFor(it.info);
      } catch (e) {
        errs.push(e);
        continue;
      }
      try {
        const code = watchStatus(ctx, it, viewer, revision, watch, deadline, timeoutMs > 0);
        if (code) return code;
      } catch (e) {
        errs.push(e);
      }
    }
    return reportErrors(ctx, errs);
  },
};

/** UntilWithSync on one object: its status line on every ADDED/MODIFIED event until done. */
function watchStatus(ctx: KubectlContext, it: Info, viewer: Viewer, revision: number, watch: boolean, deadline: number, hasTimeout: boolean): number {
  const events: { type: string; object: KubeObject }[] = [];
  const stop = ctx.server.watch(it.info, (ev) => {
    if (ev.object.metadata.namespace === it.namespace && ev.object.metadata.name === it.name) events.push({ type: ev.type, object: ev.object });
  });
  try {
    // The initial list is an ADDED event for the current object.
    const cur = ctx.server.read(it.info, it.namespace, it.name);
    if (cur) events.unshift({ type: 'ADDED', object: cur });
    for (;;) {
      while (events.length) {
        const ev = events.shift()!;
        if (ev.type === 'DELETED') throw new CmdError('object has been deleted');
        const { status, done } = viewer(ev.object, revision);
        ctx.out(status);
        if (done || !watch) return 0;
      }
      const left = deadline - ctx.server.clock.now();
      if (left <= 0) {
        if (hasTimeout) throw new CmdError('timed out waiting for the condition');
        // No --timeout: real kubectl would keep watching; the simulated user gives up (Ctrl-C).
        ctx.err('^C\n');
        return 130;
      }
      ctx.wait(Math.min(1000, left));
    }
  } finally {
    stop();
  }
}

// ---- history --------------------------------------------------------------------------------------

/** deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment controls. */
function ownedReplicaSets(ctx: KubectlContext, d: KubeObject): KubeObject[] {
  return ctx.server.list(res('replicasets', 'apps'), d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

const revisionOf = (o: KubeObject) => {
  const v = o.metadata.annotations?.[REVISION];
  if (v === undefined) return 0;
  const n = Number(v);
  return Number.isInteger(n) ? n : NaN;
};

/** history.go printTemplate: DescribePodTemplate into a plain buffer (no tabwriter: the tabs stay). */
function printTemplate(template: Obj | undefined): string {
  let buf = '';
  const raw = { write: (s: string) => void (buf += s), flush: () => {} } as unknown as TabWriter;
  describePodTemplate(template, newPrefixWriter(raw));
  return buf;
}

/** The revision → ReplicaSet map of a Deployment (HistoryViewer.GetHistory). */
function deploymentHistory(ctx: KubectlContext, it: Info): Map<number, KubeObject> {
  const d = ctx.server.read(it.info, it.namespace, it.name);
  if (!d) throw new CmdError(`failed to retrieve deployment ${it.name}: deployments.apps ${JSON.stringify(it.name)} not found`);
  const out = new Map<number, KubeObject>();
  for (const rs of ownedReplicaSets(ctx, d)) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    out.set(v, rs);
  }
  return out;
}

function historyFor(ctx: KubectlContext, it: Info): Map<number, KubeObject> {
  if (it.info.group === 'apps' && it.info.kind === 'Deployment') return deploymentHistory(ctx, it);
  if (it.info.group === 'apps' && (it.info.kind === 'DaemonSet' || it.info.kind === 'StatefulSet')) {
    // ControllerRevisions are not simulated: no history to show.
    return new Map();
  }
  throw noVisitor(it.info, 'history');
}

/** ViewHistory: the table, or one revision's pod template. */
function viewHistory(ctx: KubectlContext, it: Info, revision: number): string {
  const h = historyFor(ctx, it);
  if (!h.size) return 'No rollout history found.';
  if (revision > 0) {
    const rs = h.get(revision);
    if (!rs) throw new CmdError('unable to find the specified revision');
    const t = clone(((rs.spec ?? {}) as Obj).template ?? {});
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    if (cause) t.metadata = { ...(t.metadata ?? {}), annotations: { ...(t.metadata?.annotations ?? {}), [CHANGE_CAUSE]: cause } };
    return printTemplate(t);
  }
  const revisions = [...h.keys()].sort((a, b) => a - b);
  return tabbedString((out) => {
    out.write('REVISION\tCHANGE-CAUSE\n');
    for (const r of revisions) out.write(`${r}\t${h.get(r)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  });
}

const history: Command = {
  name: 'history',
  flags: [...PRINT_FLAGS, ...FILE_FLAGS, { name: 'revision', type: 'int', default: 0 }],
  run(ctx, args, flags) {
    requireResource(args, flags);
    const revision = flags.int('revision');
    if (revision < 0) throw new CmdError(`revision must be a positive integer: ${revision}`);
    const r = infosFor(ctx, args, flags);
    const errs: unknown[] = [...r.errors];
    const output = flags.str('output');
    for (const it of r.infos) {
      try {
        if (output) {
          const h = historyFor(ctx, it);
          if (revision > 0) {
            const rs = h.get(revision);
            if (!rs) throw new CmdError(`unable to find the specified revision`);
            printFormatted(ctx, [stripManaged(rs)], output);
          } else {
            for (const k of [...h.keys()].sort((a, b) => a - b)) printFormatted(ctx, [stripManaged(h.get(k)!)], output);
          }
          continue;
        }
        const info = viewHistory(ctx, it, revision);
        const withRevision = revision > 0 ? `with revision #${revision}` : '';
        ctx.out(nameLine(it.object as never, `${withRevision}\n${info}`));
      } catch (e) {
        errs.push(e);
      }
    }
    return reportErrors(ctx, errs);
  },
};

// ---- undo -----------------------------------------------------------------------------------------

const ANNOTATIONS_TO_SKIP = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);

function stripHash(t: Obj): Obj {
  const c = clone(t ?? {});
  if (c.metadata?.labels) delete c.metadata.labels[HASH_LABEL];
  return c;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Obj;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined && !(o[k] && typeof o[k] === 'object' && !Array.isArray(o[k]) && !Object.keys(o[k]).length)).sort().map((k) => JSON.stringify(k) + ':' + canonical(o[k])).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** DeploymentRollbacker.Rollback: the operation word for the printer. */
function rollbackDeployment(ctx: KubectlContext, it: Info, toRevision: number, dryRun: DryRun): string {
  if (toRevision < 0) throw new CmdError(`unable to find specified revision ${toRevision} in history`);
  const d = ctx.server.read(it.info, it.namespace, it.name);
  if (!d) throw new CmdError(`failed to retrieve Deployment ${it.name}: deployments.apps ${JSON.stringify(it.name)} not found`);
  // deploymentRevision
  let latest: KubeObject | undefined;
  let latestRev = -1;
  let previous: KubeObject | undefined;
  let previousRev = -1;
  let target: KubeObject | undefined;
  for (const rs of ownedReplicaSets(ctx, d)) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    if (toRevision === 0) {
      if (latestRev < v) {
        previousRev = latestRev;
        previous = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      target = rs;
      break;
    }
  }
  if (toRevision > 0 && !target) throw new CmdError(`unable to find specified revision ${toRevision} in history`);
  if (toRevision === 0) {
    if (!previous) throw new CmdError(`no rollout history found for deployment ${JSON.stringify(d.metadata.name)}`);
    target = previous;
  }
  const template = ((target!.spec ?? {}) as Obj).template as Obj;
  if (dryRun === 'client') return printTemplate(template);
  if ((d.spec as Obj).paused) throw new CmdError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (canonical(stripHash(template)) === canonical(stripHash((d.spec as Obj).template))) return `skipped rollback (current template already matches revision ${toRevision})`;
  const t = stripHash(template);
  if (t.metadata?.labels && !Object.keys(t.metadata.labels).length) delete t.metadata.labels;
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k];
  for (const [k, v] of Object.entries(target!.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  try {
    call(ctx, it.info, {
      verb: 'patch',
      patchType: 'json',
      namespace: it.namespace,
      name: it.name,
      body: [
        { op: 'replace', path: '/spec/template', value: t },
        { op: 'replace', path: '/metadata/annotations', value: annotations },
      ],
      dryRun: dryRun === 'server',
    });
  } catch (e) {
    throw new CmdError(`failed restoring revision ${toRevision}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return 'rolled back';
}

const undo: Command = {
  name: 'undo',
  flags: [...PRINT_FLAGS, ...FILE_FLAGS, DRY_RUN_FLAG, { name: 'to-revision', type: 'int', default: 0 }],
  run(ctx, args, flags) {
    const dryRun = dryRunOf(flags, ctx);
    requireResource(args, flags);
    const toRevision = flags.int('to-revision');
    const r = infosFor(ctx, args, flags);
    const errs: unknown[] = [...r.errors];
    for (const it of r.infos) {
      try {
        let result: string;
        if (it.info.group === 'apps' && it.info.kind === 'Deployment') result = rollbackDeployment(ctx, it, toRevision, dryRun);
        else if (it.info.group === 'apps' && (it.info.kind === 'DaemonSet' || it.info.kind === 'StatefulSet')) {
          // ControllerRevisions are not simulated, so there is never a previous revision.
          if (toRevision < 0) throw new CmdError(`unable to find specified revision ${toRevision} in history`);
          if (toRevision === 0) throw new CmdError('no last revision to roll back to');
          throw new CmdError(`unable to find specified revision ${toRevision} in history`);
        } else throw noVisitor(it.info, 'rollbacker');
        printObjects(ctx, [it.object], flags, result, dryRun);
      } catch (e) {
        errs.push(e);
      }
    }
    return reportErrors(ctx, errs);
  },
};

// ---- pause / resume / restart ---------------------------------------------------------------------

type Mutator = (o: KubeObject) => string | undefined; // an error text, or undefined after changing o

function patchCommand(name: 'pause' | 'resume' | 'restart', mutate: (ctx: KubectlContext) => Mutator, done: string, already?: string): Command {
  return {
    name,
    flags: [...PRINT_FLAGS, ...FILE_FLAGS, { name: 'field-manager', type: 'string', default: 'kubectl-rollout' }],
    run(ctx, args, flags) {
      requireResource(args, flags);
      const r = infosFor(ctx, args, flags);
      const errs: unknown[] = [...r.errors];
      if (!r.infos.length && !r.errors.length && flags.str('selector')) {
        ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
        return 0;
      }
      const m = mutate(ctx);
      for (const it of r.infos) {
        const next = clone(it.object);
        const err = m(next);
        if (err) {
          errs.push(new CmdError(`error: ${resourceString(it.info)} ${JSON.stringify(it.name)} ${err}`));
          continue;
        }
        const patch = strategicDiff(it.object, next);
        if (!patch) {
          if (name === 'restart') {
            errs.push(new CmdError(`failed to create patch for ${it.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
            continue;
          }
          printObjects(ctx, [it.object], flags, already!);
          continue;
        }
        try {
          const out = call(ctx, it.info, { verb: 'patch', patchType: 'strategic', namespace: it.namespace, name: it.name, body: patch }) as KubeObject;
          printObjects(ctx, [out], flags, done);
        } catch (e) {
          errs.push(new CmdError(`failed to patch: ${e instanceof Error ? e.message : String(e)}`));
        }
      }
      return reportErrors(ctx, errs);
    },
  };
}

/** The part of a two-way strategic merge patch these commands produce: spec.paused, template annotations. */
function strategicDiff(before: KubeObject, after: KubeObject): object | undefined {
  const b = (before.spec ?? {}) as Obj;
  const a = (after.spec ?? {}) as Obj;
  const spec: Obj = {};
  if (!!b.paused !== !!a.paused) spec.paused = a.paused ? true : null;
  const ba = (b.template?.metadata?.annotations ?? {}) as Record<string, string>;
  const aa = (a.template?.metadata?.annotations ?? {}) as Record<string, string>;
  const ann: Obj = {};
  for (const [k, v] of Object.entries(aa)) if (ba[k] !== v) ann[k] = v;
  if (Object.keys(ann).length) spec.template = { metadata: { annotations: ann } };
  return Object.keys(spec).length ? { spec } : undefined;
}

const isDeployment = (o: KubeObject) => o.apiVersion === 'apps/v1' && o.kind === 'Deployment';

const pause = patchCommand(
  'pause',
  () => (o) => {
    if (!isDeployment(o)) return 'pausing is not supported';
    if ((o.spec as Obj).paused) return 'is already paused';
    (o.spec as Obj).paused = true;
    return undefined;
  },
  'paused',
  'already paused',
);

const resume = patchCommand(
  'resume',
  () => (o) => {
    if (!isDeployment(o)) return 'resuming is not supported';
    if (!(o.spec as Obj).paused) return 'is not paused';
    (o.spec as Obj).paused = false;
    return undefined;
  },
  'resumed',
  'already resumed',
);

const restart = patchCommand(
  'restart',
  (ctx) => (o) => {
    const restartable = o.apiVersion === 'apps/v1' && ['Deployment', 'DaemonSet', 'StatefulSet'].includes(o.kind);
    if (!restartable) return 'restarting is not supported';
    if (o.kind === 'Deployment' && (o.spec as Obj).paused) return "can't restart paused deployment (run rollout resume first)";
    const t = ((o.spec as Obj).template ??= {});
    t.metadata ??= {};
    t.metadata.annotations = { ...(t.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': ctx.server.clock.rfc3339() };
    return undefined;
  },
  'restarted',
);

export const rollout: Command = {
  name: 'rollout',
  sub: [history, pause, restart, resume, status, undo],
  // cmdutil.DefaultSubCommandRun: help (exit 1), or "unknown command" for other words.
  run(ctx, args) {
    if (args.length) throw usageError(`unknown command ${JSON.stringify(args.join(' '))}`);
    ctx.out(helpText('rollout')!);
    return 1;
  },
};
