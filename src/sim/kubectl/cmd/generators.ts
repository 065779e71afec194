/**
 * The generator commands: `kubectl run`, `kubectl create <kind> …` and `kubectl expose`
 * (k8s.io/kubectl pkg/cmd/run, pkg/cmd/create/create_*.go, pkg/cmd/expose). Objects are built by
 * ../generate (pinned to real kubectl); here they are printed for --dry-run=client, or sent to the
 * API server and reported as `<kind>/<name> created|exposed`.
 */
import type { KubeObject } from '../../api/object.ts';
import { clone } from '../../api/object.ts';
import { lookupResource, resourceForKind, type ResourceInfo } from '../../api/resources.ts';
import { NAME_ALPHABET } from '../../apiserver/server.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { FileSystem } from '../../shell/fs.ts';
import { targetsFromArgs } from '../builder.ts';
import { CmdError } from '../errors.ts';
import type { FlagDef, Flags } from '../flags.ts';
import * as gen from '../generate/index.ts';
import { createToken } from './createtoken.ts';
import type { Command, KubectlContext } from '../types.ts';
import { DRY_RUN_FLAG, PRINT_FLAGS, call, dryRunOf, getObject, printObjects, type DryRun } from './common.ts';
import { VALIDATE_FLAG, fieldValidation } from './create.ts';
import { waitForDeletion } from './delete.ts';
import { AggregateError, MISSING_RESOURCE, buildInfos } from './visit.ts';

const CREATE_COMMON: FlagDef[] = [...PRINT_FLAGS, DRY_RUN_FLAG, VALIDATE_FLAG, { name: 'save-config', type: 'bool' }, { name: 'field-manager', type: 'string', default: 'kubectl-create' }];

function genOrThrow(r: gen.GenResult): gen.Obj {
  if (!r.ok) throw new CmdError(gen.formatGenError(r), 'raw');
  return r.object;
}

function infoOf(obj: gen.Obj): ResourceInfo {
  const apiVersion = String(obj.apiVersion);
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const info = resourceForKind(group, version, String(obj.kind));
  if (!info) throw new CmdError(`no matches for kind "${String(obj.kind)}" in version "${apiVersion}"`);
  return info;
}

/** Send (or, for client dry-run, only print) one generated object; prints `<kind>/<name> <op>`. */
function submit(ctx: KubectlContext, flags: Flags, obj: gen.Obj, operation: string, dryRun: DryRun, warnings: string[] = [], print = true): KubeObject {
  for (const w of warnings) ctx.err(w.endsWith('\n') ? w : w + '\n');
  const info = infoOf(obj);
  const ns = info.namespaced ? ctx.namespace : undefined;
  if (dryRun === 'client') {
    if (print) printObjects(ctx, [obj as unknown as KubeObject], flags, operation, dryRun, undefined, 'insertion');
    return obj as unknown as KubeObject;
  }
  const body = clone(obj) as unknown as KubeObject;
  const created = call(ctx, info, { verb: 'create', namespace: ns, body, dryRun: dryRun === 'server', fieldValidation: fieldValidation(flags.defs.has('validate') ? flags.str('validate') : 'strict') }) as KubeObject;
  if (print) printObjects(ctx, [created], flags, operation, dryRun);
  return created;
}

function nameArg(args: string[], dashAt: number, usage: string): string {
  const r = gen.nameFromArgs(args, dashAt, usage);
  if (typeof r !== 'string') throw new CmdError(gen.formatGenError(r), 'raw');
  return r;
}

function explicitNamespace(ctx: KubectlContext): string | undefined {
  return ctx.namespaceExplicit ? ctx.namespace : undefined;
}

/** Files of the machine kubectl runs on, for --from-file / --from-env-file. */
function fileAccess(ctx: KubectlContext): gen.FileAccess {
  const abs = (p: string) => FileSystem.normalize(p, ctx.cwd);
  return {
    stat: (p) => (ctx.fs.isDir(abs(p)) ? 'dir' : ctx.fs.isFile(abs(p)) ? 'file' : { error: 'no such file or directory' }),
    readFile: (p) => ctx.fs.read(abs(p)) ?? { error: `open ${p}: no such file or directory` },
    readDir: (p) => (ctx.fs.isDir(abs(p)) ? ctx.fs.list(abs(p)).map((name) => ({ name, regular: ctx.fs.isFile(`${abs(p)}/${name}`) })) : { error: `open ${p}: no such file or directory` }),
  };
}

function randomSuffix(ctx: KubectlContext): () => string {
  return () => ctx.server.rng.stream('names').string(5, NAME_ALPHABET);
}

// ---- kubectl run ------------------------------------------------------------------------------

export const run: Command = {
  name: 'run',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    { name: 'image', type: 'string', required: true },
    { name: 'port', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'restart', type: 'string' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'command', type: 'bool' },
    { name: 'privileged', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'overrides', type: 'string' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
    { name: 'cascade', type: 'string', default: 'background' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'wait', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run(ctx, args, flags, dashAt) {
    const dryRun = dryRunOf(flags, ctx);
    const runFlags: gen.RunFlags = {
      args,
      image: flags.isSet('image') ? flags.str('image') : undefined,
      port: flags.str('port') || undefined,
      labels: flags.str('labels') || undefined,
      env: flags.list('env'),
      annotations: flags.list('annotations'),
      restart: flags.str('restart') || undefined,
      imagePullPolicy: flags.str('image-pull-policy') || undefined,
      command: flags.bool('command'),
      privileged: flags.bool('privileged'),
      stdin: flags.bool('stdin'),
      tty: flags.bool('tty'),
      attach: flags.isSet('attach') ? flags.bool('attach') : undefined,
      rm: flags.bool('rm'),
      leaveStdinOpen: flags.bool('leave-stdin-open'),
      expose: flags.bool('expose'),
      dryRun,
      namespace: explicitNamespace(ctx),
      overrides: flags.str('overrides') || undefined,
      overrideType: flags.str('override-type'),
    };
    void dashAt;
    const pod = genOrThrow(gen.generateRunPod(runFlags));
    // run.go: an attached run prints no "pod/NAME created" (PrintObj only on the detached path).
    const attach = (runFlags.attach ?? runFlags.stdin) && dryRun === 'none';
    // run.go Run: the pod is created first; --expose creates and prints the Service
    // (generateService); the pod's line comes last, and only when not attaching.
    const created = submit(ctx, flags, pod, 'created', dryRun, [], false);
    if (runFlags.expose && pod.metadata) {
      const svc = gen.generateRunService(runFlags);
      if (svc) submit(ctx, flags, genOrThrow(svc), 'created', dryRun);
    }
    if (attach) return attachAndWait(ctx, created, flags);
    printObjects(ctx, [created], flags, 'created', dryRun, undefined, dryRun === 'client' ? 'insertion' : undefined);
    return 0;
  },
};

/**
 * `kubectl run -i/--attach`: waits for the pod to run, then streams its output. A script has no TTY,
 * so interactive shells see end-of-input at once; commands print their output. --rm deletes the pod.
 */
function attachAndWait(ctx: KubectlContext, pod: KubeObject, flags: Flags): number {
  const info = lookupResource('pods')!;
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  const phase = () => ((ctx.server.read(info, ns, name)?.status as { phase?: string } | undefined)?.phase ?? '');
  // run.go waitForPod(podRunningAndReady) watches the pod: the first event with phase Running and
  // Ready=True attaches; Succeeded/Failed first (ErrPodCompleted) goes to the logs.
  type PodStatus = { phase?: string; conditions?: { type: string; status: string }[] };
  let seen: 'attach' | 'completed' | undefined;
  const judge = (o: KubeObject | undefined) => {
    const st = o?.status as PodStatus | undefined;
    if (!st || seen) return;
    if (st.phase === 'Succeeded' || st.phase === 'Failed') seen = 'completed';
    else if (st.phase === 'Running' && st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) seen = 'attach';
  };
  const stop = ctx.server.watch(info, (ev) => {
    if (ev.object.metadata.namespace === ns && ev.object.metadata.name === name) judge(ev.object);
  });
  try {
    judge(ctx.server.read(info, ns, name));
    for (let waited = 0; !seen && waited < 60_000; waited += 500) ctx.wait(500);
  } finally {
    stop();
  }
  if (!seen) {
    ctx.err(`error: timed out waiting for the condition\n`);
    return 1;
  }
  if (flags.bool('tty')) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  // attach.go says so on stderr unless --quiet.
  if (seen === 'attach' && !flags.bool('quiet')) ctx.err("If you don't see a command prompt, try pressing enter.\n");
  let waited = 0;
  // Let a finite command finish (bounded), then show what it printed.
  while (phase() === 'Running' && waited < 120_000 && (pod.spec as { restartPolicy?: string }).restartPolicy !== 'Always') {
    ctx.wait(500);
    waited += 500;
  }
  const logs = call(ctx, info, { verb: 'get', namespace: ns, name, subresource: 'log' } as never) as unknown;
  if (typeof logs === 'string' && logs) ctx.out(logs.endsWith('\n') ? logs : logs + '\n');
  if (flags.bool('rm')) {
    const del = call(ctx, info, { verb: 'delete', namespace: ns, name }) as KubeObject;
    ctx.out(`pod "${name}" deleted from ${ns} namespace\n`);
    waitForDeletion(ctx, [{ info, ns, name, uid: del?.metadata?.uid }]);
  }
  return 0;
}

// ---- kubectl create <kind> --------------------------------------------------------------------

type CreateRun = (ctx: KubectlContext, name: string, flags: Flags, args: string[], dashAt: number) => gen.GenResult;

/**
 * `failedTo`: the text most create_<kind>.go Run functions put before the API error when the create
 * call fails (`fmt.Errorf("failed to create deployment: %v", err)`, so kubectl prints
 * `error: failed to create deployment: deployments.apps "web" already exists`); namespace, role and
 * clusterrole return the API error as is. Checked against kubectl v1.33.1 through kubesim serve.
 */
function createSub(name: string, aliases: string[], flags: FlagDef[], build: CreateRun, failedTo?: string): Command {
  return {
    name,
    aliases,
    flags: [...CREATE_COMMON, ...flags],
    run(ctx, args, f, dashAt) {
      const dryRun = dryRunOf(f, ctx);
      const objName = nameArg(args, dashAt, `kubectl create ${name}`);
      const r = build(ctx, objName, f, args, dashAt);
      const obj = genOrThrow(r);
      try {
        submit(ctx, f, obj, 'created', dryRun, r.ok ? r.warnings : []);
      } catch (e) {
        if (failedTo && e instanceof ApiError) throw new CmdError(`${failedTo}${e.status.message ?? ''}`);
        throw e;
      }
      return 0;
    },
  };
}

const dataFlags: FlagDef[] = [
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-file', type: 'stringSlice' },
  { name: 'from-env-file', type: 'stringSlice' },
  { name: 'append-hash', type: 'bool' },
];

function serviceSub(kind: gen.ServiceKind, name: string): Command {
  const flags: FlagDef[] = [{ name: 'tcp', type: 'stringSlice' }];
  if (kind === 'ClusterIP') flags.push({ name: 'clusterip', type: 'string' });
  if (kind === 'NodePort') flags.push({ name: 'node-port', type: 'int' });
  if (kind === 'ExternalName') flags.push({ name: 'external-name', type: 'string', required: true });
  return createSub(
    name,
    [],
    flags,
    (ctx, n, f) =>
      gen.createService({
      name: n,
      namespace: explicitNamespace(ctx),
      type: kind,
      tcp: f.list('tcp'),
      clusterIP: kind === 'ClusterIP' ? f.str('clusterip') : undefined,
      nodePort: kind === 'NodePort' && f.isSet('node-port') ? f.int('node-port') : undefined,
      externalName: kind === 'ExternalName' ? f.str('external-name') : undefined,
    }),
    // create_service.go: "failed to create %s service: %v" with the Service type
    `failed to create ${kind} service: `,
  );
}

const resourceFor: gen.ResourceFor = (resource, group) => {
  const info = lookupResource(group ? `${resource}.${group}` : resource);
  if (!info) return { error: `the server doesn't have a resource type "${resource}"` };
  return { group: info.group, resource: info.resource };
};

export const createSubcommands: Command[] = [
  createSub('deployment', ['deploy'], [{ name: 'image', type: 'stringSlice', required: true }, { name: 'replicas', short: 'r', type: 'int', default: 1 }, { name: 'port', type: 'int', default: -1 }], (ctx, n, f, args, dashAt) =>
    gen.createDeployment({ name: n, namespace: explicitNamespace(ctx), images: f.list('image'), replicas: f.int('replicas'), port: f.int('port'), command: dashAt >= 0 ? args.slice(dashAt) : undefined, randomSuffix: randomSuffix(ctx) }), 'failed to create deployment: '),
  {
    name: 'service',
    aliases: ['svc'],
    sub: [serviceSub('ClusterIP', 'clusterip'), serviceSub('NodePort', 'nodeport'), serviceSub('LoadBalancer', 'loadbalancer'), serviceSub('ExternalName', 'externalname')],
  },
  createSub('namespace', ['ns'], [], (_ctx, n) => gen.createNamespace({ name: n })),
  createSub('serviceaccount', ['sa'], [], (ctx, n) => gen.createServiceAccount({ name: n, namespace: explicitNamespace(ctx) }), 'failed to create serviceaccount: '),
  createSub('configmap', ['cm'], dataFlags, (ctx, n, f) =>
    gen.createConfigMap({ name: n, namespace: explicitNamespace(ctx), fromLiteral: f.list('from-literal'), fromFile: f.list('from-file'), fromEnvFile: f.list('from-env-file'), appendHash: f.bool('append-hash'), files: fileAccess(ctx), getenv: (k) => ctx.env[k] ?? '' }), 'failed to create configmap: '),
  {
    name: 'secret',
    sub: [
      createSub('generic', [], [...dataFlags, { name: 'type', type: 'string' }], (ctx, n, f) =>
        gen.createSecretGeneric({ name: n, namespace: explicitNamespace(ctx), fromLiteral: f.list('from-literal'), fromFile: f.list('from-file'), fromEnvFile: f.list('from-env-file'), type: f.str('type') || undefined, appendHash: f.bool('append-hash'), files: fileAccess(ctx), getenv: (k) => ctx.env[k] ?? '' }), 'failed to create secret '),
      createSub('tls', [], [{ name: 'cert', type: 'string' }, { name: 'key', type: 'string' }, { name: 'append-hash', type: 'bool' }], (ctx, n, f) =>
        gen.createSecretTLS({ name: n, namespace: explicitNamespace(ctx), cert: f.str('cert'), key: f.str('key'), files: fileAccess(ctx), appendHash: f.bool('append-hash') }), 'failed to create secret '),
      createSub('docker-registry', [], [{ name: 'docker-username', type: 'string' }, { name: 'docker-password', type: 'string' }, { name: 'docker-email', type: 'string' }, { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' }, { name: 'from-file', type: 'stringSlice' }, { name: 'append-hash', type: 'bool' }], (ctx, n, f) =>
        gen.createSecretDockerRegistry({ name: n, namespace: explicitNamespace(ctx), dockerUsername: f.str('docker-username'), dockerPassword: f.str('docker-password'), dockerEmail: f.str('docker-email'), dockerServer: f.str('docker-server'), fromFile: f.list('from-file'), files: fileAccess(ctx), appendHash: f.bool('append-hash') }), 'failed to create secret '),
    ],
  },
  createSub('priorityclass', ['pc'], [{ name: 'value', type: 'int', default: 0 }, { name: 'global-default', type: 'bool' }, { name: 'description', type: 'string' }, { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority' }], (_ctx, n, f) =>
    gen.createPriorityClass({ name: n, value: f.int('value'), globalDefault: f.bool('global-default'), description: f.str('description'), preemptionPolicy: f.str('preemption-policy') }), 'failed to create priorityclass: '),
  createSub('quota', ['resourcequota'], [{ name: 'hard', type: 'string' }, { name: 'scopes', type: 'string' }], (ctx, n, f) => gen.createQuota({ name: n, namespace: explicitNamespace(ctx), hard: f.str('hard'), scopes: f.str('scopes') }), 'failed to create quota: '),
  createSub('job', [], [{ name: 'image', type: 'string' }, { name: 'from', type: 'string' }], (ctx, n, f, args, dashAt) => {
    const from = f.str('from');
    let fromCronJob: gen.Obj | undefined;
    if (from) {
      const { targets } = targetsFromArgs([from], ctx.namespace);
      fromCronJob = getObject(ctx, targets[0].info, ctx.namespace, targets[0].name!) as unknown as gen.Obj;
    }
    return gen.createJob({ name: n, namespace: explicitNamespace(ctx), image: f.str('image'), from, fromCronJob, command: dashAt >= 0 ? args.slice(dashAt) : undefined });
  }, 'failed to create job: '),
  createSub('cronjob', ['cj'], [{ name: 'image', type: 'string', required: true }, { name: 'schedule', type: 'string', required: true }, { name: 'restart', type: 'string' }], (ctx, n, f, args, dashAt) =>
    gen.createCronJob({ name: n, namespace: explicitNamespace(ctx), image: f.str('image'), schedule: f.str('schedule'), restart: f.str('restart') || undefined, command: dashAt >= 0 ? args.slice(dashAt) : undefined } as gen.CreateCronJobFlags), 'failed to create cronjob: '),
  createSub('role', [], [{ name: 'verb', type: 'stringSlice' }, { name: 'resource', type: 'stringSlice' }, { name: 'resource-name', type: 'stringArray' }], (ctx, n, f) =>
    gen.createRole({ name: n, namespace: explicitNamespace(ctx), verbs: f.list('verb'), resources: f.list('resource'), resourceNames: f.list('resource-name'), resourceFor }),
  ),
  createSub('clusterrole', [], [{ name: 'verb', type: 'stringSlice' }, { name: 'resource', type: 'stringSlice' }, { name: 'resource-name', type: 'stringArray' }, { name: 'non-resource-url', type: 'stringSlice' }, { name: 'aggregation-rule', type: 'string' }], (_ctx, n, f) =>
    gen.createClusterRole({ name: n, verbs: f.list('verb'), resources: f.list('resource'), resourceNames: f.list('resource-name'), nonResourceURLs: f.list('non-resource-url'), resourceFor }),
  ),
  createSub('rolebinding', [], [{ name: 'role', type: 'string' }, { name: 'clusterrole', type: 'string' }, { name: 'user', type: 'stringArray' }, { name: 'group', type: 'stringArray' }, { name: 'serviceaccount', type: 'stringArray' }], (ctx, n, f) =>
    gen.createRoleBinding({ name: n, namespace: explicitNamespace(ctx), role: f.str('role'), clusterRole: f.str('clusterrole'), users: f.list('user'), groups: f.list('group'), serviceAccounts: f.list('serviceaccount') }), 'failed to create rolebinding: '),
  createSub('clusterrolebinding', [], [{ name: 'clusterrole', type: 'string', required: true }, { name: 'user', type: 'stringArray' }, { name: 'group', type: 'stringArray' }, { name: 'serviceaccount', type: 'stringArray' }], (_ctx, n, f) =>
    gen.createClusterRoleBinding({ name: n, clusterRole: f.str('clusterrole'), users: f.list('user'), groups: f.list('group'), serviceAccounts: f.list('serviceaccount') }), 'failed to create clusterrolebinding: '),
  createToken,
];

// ---- kubectl expose ---------------------------------------------------------------------------

export const expose: Command = {
  name: 'expose',
  flags: [
    ...CREATE_COMMON,
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'port', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'overrides', type: 'string' },
    { name: 'override-type', type: 'string', default: 'merge' },
  ],
  run(ctx, args, flags) {
    const dryRun = dryRunOf(flags, ctx);
    const files = flags.list('filename');
    if (!args.length && !files.length) {
      throw new CmdError(MISSING_RESOURCE);
    }
    // expose.go Complete: the builder takes -f files as they are (no Latest()), TYPE NAME from the server.
    let sources: gen.Obj[];
    if (files.length) {
      const r = buildInfos(ctx, { args, files, recursive: flags.bool('recursive') });
      if (r.errors.length) throw r.errors.length === 1 ? r.errors[0] : new AggregateError(r.errors);
      sources = r.infos.map((it) => it.object as unknown as gen.Obj);
    } else {
      const { targets, types } = targetsFromArgs(args, ctx.namespace);
      if (types.length) throw new CmdError('resource(s) were provided, but no name was specified');
      sources = targets.map((t) => getObject(ctx, t.info, t.namespace, t.name!) as unknown as gen.Obj);
    }
    for (const source of sources) {
      const r = gen.generateExpose(source, {
        port: flags.str('port') || undefined,
        protocol: flags.str('protocol') || undefined,
        targetPort: flags.str('target-port') || undefined,
        type: flags.str('type') || undefined,
        name: flags.str('name') || undefined,
        selector: flags.str('selector') || undefined,
        labels: flags.str('labels') || undefined,
        externalIp: flags.str('external-ip') || undefined,
        loadBalancerIp: flags.str('load-balancer-ip') || undefined,
        sessionAffinity: flags.str('session-affinity') || undefined,
        clusterIp: flags.str('cluster-ip') || undefined,
        overrides: flags.str('overrides') || undefined,
        overrideType: flags.str('override-type'),
        namespace: explicitNamespace(ctx),
      });
      submit(ctx, flags, genOrThrow(r), 'exposed', dryRun);
    }
    return 0;
  },
};
