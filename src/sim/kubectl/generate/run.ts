// `kubectl run` (kubectl pkg/cmd/run/run.go Validate + pkg/generate/versioned/run.go BasicPod,
// as of v1.33): the Pod it creates, its validation errors, and the Service of `--expose`.

import {
  atoi,
  fail,
  isEnvVarName,
  isValidImageReference,
  objectMeta,
  parseLabels,
  type GenError,
  type GenResult,
  type Obj,
  withNamespace,
} from './common.ts';
import { generateService } from './expose.ts';
import { applyOverrides } from './overrides.ts';
import { normalizeTyped } from './normalize.ts';

export interface RunFlags {
  /** Positional arguments: NAME, then the container arguments (before or after `--`). */
  args: string[];
  /** undefined when --image was not given at all */
  image?: string;
  port?: string;
  /** -l / --labels */
  labels?: string;
  env?: string[];
  annotations?: string[];
  restart?: string;
  imagePullPolicy?: string;
  /** --command: the arguments become `command` instead of `args` */
  command?: boolean;
  privileged?: boolean;
  /** -i / --stdin */
  stdin?: boolean;
  /** -t / --tty */
  tty?: boolean;
  /** --attach; undefined when not given (then it follows --stdin) */
  attach?: boolean;
  rm?: boolean;
  leaveStdinOpen?: boolean;
  expose?: boolean;
  dryRun?: 'none' | 'client' | 'server';
  /** set when -n/--namespace was given explicitly (EnforceNamespace) */
  namespace?: string;
  overrides?: string;
  overrideType?: string;
}

const USAGE = 'kubectl run';

/** RunOptions.Validate (in order). */
export function validateRun(f: RunFlags): GenError | null {
  if (f.args.length === 0) return fail('NAME is required for run', USAGE);
  if (f.image === undefined) return fail('required flag(s) "image" not set');
  if (f.image === '') return fail('--image is required');
  if (!isValidImageReference(f.image)) return fail(`Invalid image name ${JSON.stringify(f.image)}: invalid reference format`);
  if (f.tty && !f.stdin) return fail('-i/--stdin is required for containers with -t/--tty=true', USAGE);
  if (f.expose && !f.port) return fail('--port must be set when exposing a service', USAGE);
  const restart = f.restart ?? '';
  if (restart !== '' && restart !== 'Always' && restart !== 'OnFailure' && restart !== 'Never') {
    return fail(`invalid restart policy: ${restart}`, USAGE);
  }
  const attach = f.attach ?? Boolean(f.stdin);
  if (!attach && f.rm) return fail('--rm should only be used for attached containers', USAGE);
  if (attach && (f.dryRun ?? 'none') !== 'none') {
    return fail("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", USAGE);
  }
  const pp = f.imagePullPolicy ?? '';
  if (pp !== '' && pp !== 'Always' && pp !== 'IfNotPresent' && pp !== 'Never') {
    return fail(`invalid image pull policy: ${pp}`, USAGE);
  }
  return null;
}

/** versioned.parseEnvs */
function parseEnvs(envs: string[]): Obj[] | string {
  const out: Obj[] = [];
  for (const env of envs) {
    const pos = env.indexOf('=');
    if (pos === -1) return `invalid env: ${env}`;
    const name = env.slice(0, pos);
    const value = env.slice(pos + 1);
    if (name.length === 0 || isEnvVarName(name).length !== 0) return `invalid env: ${env}`;
    const e: Obj = { name };
    if (value) e.value = value;
    out.push(e);
  }
  return out;
}

/** cmdutil.ParsePairs(annotations, "annotations", false) */
function parseAnnotations(items: string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const item of items) {
    if (item.length === 0) continue;
    if (item.includes('=') && item[0] !== '=') {
      const i = item.indexOf('=');
      out[item.slice(0, i)] = item.slice(i + 1);
    } else {
      invalid.push(item);
    }
  }
  if (invalid.length > 0) return `invalid annotations format: ${invalid.join(', ')}`;
  return out;
}

/** The Pod of `kubectl run` (validation included). */
export function generateRunPod(f: RunFlags): GenResult {
  const invalid = validateRun(f);
  if (invalid) return invalid;
  const name = f.args[0];
  const args = f.args.slice(1);
  let env: Obj[] = [];
  if (f.env && f.env.length > 0) {
    const e = parseEnvs(f.env);
    if (typeof e === 'string') return fail(e);
    env = e;
  }
  let annotations: Record<string, string> | null = null;
  if (f.annotations && f.annotations.length > 0) {
    const a = parseAnnotations(f.annotations);
    if (typeof a === 'string') return fail(a);
    annotations = a;
  }
  let labels: Record<string, string> = { run: name };
  if (f.labels) {
    const l = parseLabels(f.labels);
    if (typeof l === 'string') return fail(l);
    labels = l;
  }
  const container: Obj = { name, image: f.image };
  if (args.length > 0) {
    if (f.command) container.command = args;
    else container.args = args;
  }
  if (f.port) {
    const port = atoi(f.port);
    if (typeof port === 'string') return fail(port);
    container.ports = [{ containerPort: port }];
  }
  if (env.length > 0) container.env = env;
  container.resources = {};
  if (f.imagePullPolicy) container.imagePullPolicy = f.imagePullPolicy;
  if (f.privileged) container.securityContext = { privileged: true };
  if (f.stdin) container.stdin = true;
  if (f.stdin && !f.leaveStdinOpen) container.stdinOnce = true;
  if (f.tty) container.tty = true;
  let pod: Obj = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: objectMeta({ name, labels, annotations }),
    spec: {
      containers: [container],
      restartPolicy: f.restart || 'Always',
      dnsPolicy: 'ClusterFirst',
    },
    status: {},
  };
  if (f.overrides) {
    const o = applyOverrides(pod, f.overrides, f.overrideType);
    if (!o.ok) return o;
    pod = normalizeTyped(o.object);
  }
  if (f.namespace) pod.metadata = withNamespace(pod.metadata as Obj, f.namespace);
  return { ok: true, object: pod };
}

/** The Service `kubectl run --expose` creates (RunOptions.generateService). */
export function generateRunService(f: RunFlags): GenResult {
  const name = f.args[0];
  return generateService({
    name,
    defaultName: name,
    selector: f.labels || `run=${name}`,
    port: f.port,
    labels: f.labels || undefined,
    namespace: f.namespace,
  });
}
