// The objects `kubectl create <kind>` builds (kubectl pkg/cmd/create/create_*.go, v1.33):
// deployment, service clusterip|nodeport|loadbalancer|externalname, namespace, serviceaccount,
// quota, job (including --from=cronjob/<name>), cronjob. configmap/secret are in ./data.ts,
// role/rolebinding/clusterrole/clusterrolebinding in ./rbac.ts.

import {
  fail,
  goMap,
  isDNS1123Subdomain,
  isValidPortName,
  isValidPortNum,
  objectMeta,
  parsePort,
  quantityJSON,
  type GenResult,
  type Obj,
} from './common.ts';

/** Common to every create subcommand: the object name and an explicitly given namespace. */
export interface CreateBase {
  name: string;
  /** set when -n/--namespace was given explicitly (EnforceNamespace) */
  namespace?: string;
}

// ------------------------------------------------------------------ deployment

export interface CreateDeploymentFlags extends CreateBase {
  /** --image (repeatable, comma-separated values allowed: StringSlice) */
  images: string[];
  /** -r / --replicas (default 1) */
  replicas?: number;
  /** --port (default -1: none) */
  port?: number;
  /** arguments after `--` */
  command?: string[];
  /**
   * utilrand.String(5) for container names that had `_` or `.` (sanitizeAndUniquify);
   * supply the simulator's seeded RNG. Alphabet "bcdfghjklmnpqrstvwxz2456789".
   */
  randomSuffix?: () => string;
}

/** create_deployment.go sanitizeAndUniquify */
function containerNameFromImage(image: string, randomSuffix: () => string): string {
  const parts = image.split('/');
  let name = parts[parts.length - 1];
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (name.includes('_') || name.includes('.')) {
    name = name.replace(/_/g, '-').replace(/\./g, '-');
    name = `${name}-${randomSuffix()}`;
  }
  return name;
}

/** A fixed-alphabet suffix source for tests/callers without an RNG (apimachinery util/rand alphabet). */
export function suffixFrom(next: () => number): () => string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return () => Array.from({ length: 5 }, () => alphabet[Math.floor(next() * alphabet.length) % alphabet.length]).join('');
}

export function createDeployment(f: CreateDeploymentFlags): GenResult {
  if (f.images.length > 1 && f.command && f.command.length > 0) {
    return fail('cannot specify multiple --image options and command');
  }
  const suffix = f.randomSuffix ?? (() => 'xxxxx');
  const labels = { app: f.name };
  const containers: Obj[] = f.images.map((image) => {
    const c: Obj = { name: containerNameFromImage(image, suffix), image };
    if (f.command && f.command.length > 0) c.command = f.command;
    c.resources = {};
    return c;
  });
  const port = f.port ?? -1;
  if (port >= 0 && containers.length > 0) {
    const c = containers[0];
    const rebuilt: Obj = { name: c.name, image: c.image };
    if (c.command) rebuilt.command = c.command;
    rebuilt.ports = [{ containerPort: port }];
    rebuilt.resources = {};
    containers[0] = rebuilt;
  }
  const deploy: Obj = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: objectMeta({ name: f.name, namespace: f.namespace, labels }),
    spec: {
      replicas: f.replicas ?? 1,
      selector: { matchLabels: goMap(labels) },
      template: {
        metadata: objectMeta({ labels }),
        spec: { containers },
      },
      strategy: {},
    },
    status: {},
  };
  return { ok: true, object: deploy };
}

// ------------------------------------------------------------------ service

export type ServiceKind = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface CreateServiceFlags extends CreateBase {
  type: ServiceKind;
  /** --tcp (StringSlice: repeatable, comma-separated) `<port>[:<targetPort>]` */
  tcp?: string[];
  /** --clusterip (clusterip only) */
  clusterIP?: string;
  /** --node-port (nodeport only) */
  nodePort?: number;
  /** --external-name (externalname only) */
  externalName?: string;
}

/** create_service.go parsePorts */
function parsePorts(spec: string): { port: number; target: number | string } | string {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (typeof port === 'string') return port;
  if (parts.length === 1) return { port, target: port };
  const t = parts[1];
  if (/^[+-]?[0-9]+$/.test(t)) {
    const n = Number(t);
    const errs = isValidPortNum(n);
    if (errs.length) return errs.join(',');
    return { port, target: n };
  }
  const errs = isValidPortName(t);
  if (errs.length) return errs.join(',');
  return { port, target: t };
}

export function createService(f: CreateServiceFlags): GenResult {
  const tcp = f.tcp ?? [];
  const clusterIP = f.clusterIP ?? '';
  if (clusterIP === 'None' && f.type !== 'ClusterIP') {
    return fail('ClusterIP=None can only be used with ClusterIP service type');
  }
  if (clusterIP !== 'None' && tcp.length === 0 && f.type !== 'ExternalName') {
    return fail('at least one tcp port specifier must be provided');
  }
  if (f.type === 'ExternalName' && isDNS1123Subdomain(f.externalName ?? '').length !== 0) {
    return fail(`invalid service external name ${f.externalName ?? ''}`);
  }
  const ports: Obj[] = [];
  for (const spec of tcp) {
    const p = parsePorts(spec);
    if (typeof p === 'string') return fail(p);
    const sp: Obj = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port: p.port, targetPort: p.target };
    if (f.nodePort) sp.nodePort = f.nodePort;
    ports.push(sp);
  }
  const labels = { app: f.name };
  const spec: Obj = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = goMap(labels);
  if (clusterIP) spec.clusterIP = clusterIP;
  spec.type = f.type;
  if (f.externalName) spec.externalName = f.externalName;
  return {
    ok: true,
    object: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: objectMeta({ name: f.name, namespace: f.namespace, labels }),
      spec,
      status: { loadBalancer: {} },
    },
  };
}

// ------------------------------------------------------------------ namespace, serviceaccount

export function createNamespace(f: { name: string }): GenResult {
  return {
    ok: true,
    object: { kind: 'Namespace', apiVersion: 'v1', metadata: { name: f.name }, spec: {}, status: {} },
  };
}

export function createServiceAccount(f: CreateBase): GenResult {
  return {
    ok: true,
    object: { kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta({ name: f.name, namespace: f.namespace }) },
  };
}

// ------------------------------------------------------------------ priorityclass

export interface CreatePriorityClassFlags {
  name: string;
  value: number;
  globalDefault: boolean;
  description: string;
  preemptionPolicy: string;
}

/** create_priorityclass.go createPriorityClass: schedulingv1.PriorityClass in struct field order. */
export function createPriorityClass(f: CreatePriorityClassFlags): GenResult {
  const obj: Obj = { kind: 'PriorityClass', apiVersion: 'scheduling.k8s.io/v1', metadata: objectMeta({ name: f.name }), value: f.value };
  if (f.globalDefault) obj.globalDefault = true;
  if (f.description) obj.description = f.description;
  obj.preemptionPolicy = f.preemptionPolicy;
  return { ok: true, object: obj };
}

// ------------------------------------------------------------------ quota

export interface CreateQuotaFlags extends CreateBase {
  /** --hard `key=value,...` */
  hard?: string;
  /** --scopes `Scope1,Scope2` */
  scopes?: string;
}

export function createQuota(f: CreateQuotaFlags): GenResult {
  const spec: Obj = {};
  if (f.hard) {
    const hard: Record<string, string> = {};
    for (const statement of f.hard.split(',')) {
      const parts = statement.split('=');
      if (parts.length !== 2) return fail(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
      try {
        hard[parts[0]] = quantityJSON(parts[1]);
      } catch (e) {
        return fail((e as Error).message);
      }
    }
    spec.hard = goMap(hard);
  }
  if (f.scopes) {
    const scopes: string[] = [];
    for (const s of f.scopes.split(',')) {
      if (s === '') return fail('invalid resource quota scope ""');
      scopes.push(s);
    }
    spec.scopes = scopes;
  }
  return {
    ok: true,
    object: {
      kind: 'ResourceQuota',
      apiVersion: 'v1',
      metadata: objectMeta({ name: f.name, namespace: f.namespace }),
      spec,
      status: {},
    },
  };
}

// ------------------------------------------------------------------ job, cronjob

export interface CreateJobFlags extends CreateBase {
  image?: string;
  /** --from=cronjob/<name>: pass the fetched CronJob as `fromCronJob` */
  from?: string;
  fromCronJob?: Obj;
  command?: string[];
}

export function createJob(f: CreateJobFlags): GenResult {
  const image = f.image ?? '';
  const from = f.from ?? '';
  if ((image.length === 0 && from.length === 0) || (image.length !== 0 && from.length !== 0)) {
    return fail('either --image or --from must be specified');
  }
  if (f.command && f.command.length !== 0 && from.length !== 0) return fail('cannot specify --from and command');
  if (from) {
    const cj = f.fromCronJob;
    if (!cj) return fail('resource(s) were provided, but no name was specified');
    if (cj.kind !== 'CronJob') return fail(`unknown object type *v1.${String(cj.kind)}`);
    return { ok: true, object: jobFromCronJob(f, cj) };
  }
  const container: Obj = { name: f.name, image };
  if (f.command && f.command.length > 0) container.command = f.command;
  container.resources = {};
  return {
    ok: true,
    object: {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: objectMeta({ name: f.name, namespace: f.namespace }),
      spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } },
      status: {},
    },
  };
}

function jobFromCronJob(f: CreateJobFlags, cj: Obj): Obj {
  const jt = ((cj.spec as Obj | undefined)?.jobTemplate ?? {}) as Obj;
  const jtMeta = (jt.metadata ?? {}) as Obj;
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual' };
  for (const [k, v] of Object.entries((jtMeta.annotations ?? {}) as Record<string, string>)) annotations[k] = v;
  const cjMeta = (cj.metadata ?? {}) as Obj;
  const meta = objectMeta({
    name: f.name,
    namespace: f.namespace,
    labels: (jtMeta.labels as Record<string, string> | undefined) ?? null,
    annotations,
  });
  const ownerRef: Obj = { apiVersion: 'batch/v1', kind: 'CronJob', name: cjMeta.name ?? '' };
  if (cjMeta.uid) ownerRef.uid = cjMeta.uid;
  ownerRef.controller = true;
  meta.ownerReferences = [ownerRef];
  const spec = JSON.parse(JSON.stringify(jt.spec ?? {})) as Obj;
  const template = (spec.template ?? {}) as Obj;
  spec.template = { metadata: template.metadata ?? {}, ...template };
  for (const c of (((spec.template as Obj).spec as Obj | undefined)?.containers as Obj[] | undefined) ?? []) {
    if (c.resources === undefined) c.resources = {};
  }
  return { kind: 'Job', apiVersion: 'batch/v1', metadata: meta, spec, status: {} };
}

export interface CreateCronJobFlags extends CreateBase {
  image: string;
  schedule: string;
  /** --restart, default OnFailure */
  restart?: string;
  command?: string[];
}

export function createCronJob(f: CreateCronJobFlags): GenResult {
  const container: Obj = { name: f.name, image: f.image };
  if (f.command && f.command.length > 0) container.command = f.command;
  container.resources = {};
  return {
    ok: true,
    object: {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: objectMeta({ name: f.name, namespace: f.namespace }),
      spec: {
        schedule: f.schedule,
        jobTemplate: {
          metadata: objectMeta({ name: f.name, namespace: f.namespace }),
          spec: {
            template: { metadata: {}, spec: { containers: [container], restartPolicy: f.restart || 'OnFailure' } },
          },
        },
      },
      status: {},
    },
  };
}
