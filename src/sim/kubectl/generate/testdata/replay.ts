// Test helper: replays a captured kubectl command line (generate.json) through the generators.
// It contains a small cobra/pflag-like argument parser and the printing step so that the whole
// stdout/stderr can be compared with the recording. The real command framework lives elsewhere
// (src/sim/kubectl/cmd); this only exists to drive the generators from the fixtures.

import { printYAML } from '../../printers/yaml.ts';
import { printJSON } from '../../printers/json.ts';
import { nameLine } from '../../printers/name.ts';
import { formatGenError, nameFromArgs, type GenResult, type Obj } from '../common.ts';
import { generateRunPod, generateRunService } from '../run.ts';
import { createDeployment, createService, createNamespace, createServiceAccount, createQuota, createJob, createCronJob, suffixFrom } from '../create.ts';
import { createConfigMap, createSecretGeneric, createSecretDockerRegistry, createSecretTLS, type FileAccess } from '../data.ts';
import { createRole, createClusterRole, createRoleBinding, createClusterRoleBinding, type ResourceFor } from '../rbac.ts';
import { generateExpose } from '../expose.ts';

export interface Captured {
  id: string;
  args: string[];
  files?: Record<string, string>;
  objects?: Record<string, Obj>;
  stdout: string;
  stderr: string;
  code: number;
}

type FlagType = 'string' | 'bool' | 'array' | 'slice' | 'int';
type Spec = Record<string, FlagType>;

const COMMON: Spec = {
  'dry-run': 'string',
  output: 'string',
  namespace: 'string',
  validate: 'string',
  'save-config': 'bool',
  'field-manager': 'string',
  template: 'string',
  'show-managed-fields': 'bool',
  'allow-missing-template-keys': 'bool',
};
const SHORT: Record<string, string> = { o: 'output', n: 'namespace', l: 'labels', i: 'stdin', t: 'tty', r: 'replicas', f: 'filename' };

const SPECS: Record<string, Spec> = {
  'kubectl run': {
    image: 'string', port: 'string', labels: 'string', env: 'array', annotations: 'array', restart: 'string',
    'image-pull-policy': 'string', command: 'bool', privileged: 'bool', stdin: 'bool', tty: 'bool', attach: 'bool', rm: 'bool',
    'leave-stdin-open': 'bool', expose: 'bool', overrides: 'string', 'override-type': 'string', quiet: 'bool',
  },
  'kubectl create deployment': { image: 'slice', replicas: 'int', port: 'int' },
  'kubectl create service clusterip': { tcp: 'slice', clusterip: 'string' },
  'kubectl create service nodeport': { tcp: 'slice', 'node-port': 'int' },
  'kubectl create service loadbalancer': { tcp: 'slice' },
  'kubectl create service externalname': { tcp: 'slice', 'external-name': 'string' },
  'kubectl create namespace': {},
  'kubectl create serviceaccount': {},
  'kubectl create configmap': { 'from-literal': 'array', 'from-file': 'slice', 'from-env-file': 'array', 'append-hash': 'bool' },
  'kubectl create secret generic': { 'from-literal': 'array', 'from-file': 'slice', 'from-env-file': 'array', 'append-hash': 'bool', type: 'string' },
  'kubectl create secret docker-registry': {
    'docker-username': 'string', 'docker-password': 'string', 'docker-email': 'string', 'docker-server': 'string', 'from-file': 'slice', 'append-hash': 'bool',
  },
  'kubectl create secret tls': { cert: 'string', key: 'string', 'append-hash': 'bool' },
  'kubectl create quota': { hard: 'string', scopes: 'string' },
  'kubectl create job': { image: 'string', from: 'string' },
  'kubectl create cronjob': { image: 'string', schedule: 'string', restart: 'string' },
  'kubectl create role': { verb: 'slice', resource: 'slice', 'resource-name': 'array' },
  'kubectl create clusterrole': { verb: 'slice', resource: 'slice', 'resource-name': 'array', 'non-resource-url': 'slice', 'aggregation-rule': 'string' },
  'kubectl create rolebinding': { role: 'string', clusterrole: 'string', user: 'array', group: 'array', serviceaccount: 'array' },
  'kubectl create clusterrolebinding': { clusterrole: 'string', user: 'array', group: 'array', serviceaccount: 'array' },
  'kubectl expose': {
    port: 'string', protocol: 'string', 'target-port': 'string', type: 'string', name: 'string', selector: 'string', labels: 'string',
    'external-ip': 'string', 'load-balancer-ip': 'string', 'session-affinity': 'string', 'cluster-ip': 'string', overrides: 'string',
    'override-type': 'string', filename: 'array',
  },
};
const ALIASES: Record<string, string> = { deploy: 'deployment', svc: 'service', ns: 'namespace', sa: 'serviceaccount', cm: 'configmap', cj: 'cronjob', resourcequota: 'quota' };
const REQUIRED: Record<string, string[]> = {
  'kubectl run': ['image'],
  'kubectl create deployment': ['image'],
  'kubectl create service externalname': ['external-name'],
  'kubectl create cronjob': ['image', 'schedule'],
  'kubectl create clusterrolebinding': ['clusterrole'],
};

interface Parsed {
  cmd: string;
  args: string[];
  argsLenAtDash: number;
  flags: Record<string, string | boolean | string[] | number>;
  changed: Set<string>;
}

function parse(argv: string[]): Parsed | string {
  let rest = argv.slice();
  let cmd = 'kubectl ' + rest.shift();
  if (cmd === 'kubectl create') {
    let sub = rest.shift()!;
    sub = ALIASES[sub] ?? sub;
    cmd += ' ' + sub;
    if (sub === 'service' || sub === 'secret') {
      const idx = rest.findIndex((a) => !a.startsWith('-'));
      cmd += ' ' + rest[idx];
      rest = rest.slice(0, idx).concat(rest.slice(idx + 1));
    }
  }
  const spec: Spec = { ...COMMON, ...SPECS[cmd] };
  const flags: Parsed['flags'] = {};
  const changed = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...rest.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    let name: string;
    let value: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      value = eq < 0 ? undefined : a.slice(eq + 1);
    } else {
      name = SHORT[a[1]] ?? a[1];
      value = a.length > 2 ? a.slice(2) : undefined;
    }
    const type = spec[name];
    if (!type) return `error: unknown flag: ${a.split('=')[0]}\nSee '${cmd} --help' for usage.\n`;
    if (type === 'bool') {
      flags[name] = value === undefined ? true : value === 'true';
    } else {
      if (value === undefined) {
        if (name === 'dry-run') value = 'unchanged';
        else value = rest[++i];
      }
      if (type === 'int') {
        if (!/^[+-]?[0-9]+$/.test(value)) {
          const short = Object.entries(SHORT).find(([, l]) => l === name)?.[0];
          const label = short ? `-${short}, --${name}` : `--${name}`;
          return `error: invalid argument ${JSON.stringify(value)} for ${JSON.stringify(label)} flag: strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax\nSee '${cmd} --help' for usage.\n`;
        }
        flags[name] = Number(value);
      } else if (type === 'array' || type === 'slice') {
        const prev = changed.has(name) ? (flags[name] as string[]) : [];
        flags[name] = prev.concat(type === 'slice' ? (value === '' ? [] : value.split(',')) : [value]);
      } else {
        flags[name] = value;
      }
    }
    changed.add(name);
  }
  for (const r of REQUIRED[cmd] ?? []) if (!changed.has(r)) return `error: required flag(s) "${r}" not set\n`;
  const dr = String(flags['dry-run'] ?? 'none');
  if (!['none', 'client', 'server', 'unchanged'].includes(dr)) {
    return `error: Invalid dry-run value (${dr}). Must be "none", "server", or "client".\n`;
  }
  return { cmd, args, argsLenAtDash, flags, changed };
}

function filesFrom(c: Captured): FileAccess {
  const files = c.files ?? {};
  return {
    stat: (p) => {
      if (p in files) return 'file';
      if (Object.keys(files).some((f) => f.startsWith(p.replace(/\/$/, '') + '/'))) return 'dir';
      return { error: 'no such file or directory' };
    },
    readFile: (p) => (p in files ? files[p] : { error: `open ${p}: no such file or directory` }),
    readDir: (p) => {
      const prefix = p.replace(/\/$/, '') + '/';
      const names = new Map<string, boolean>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const i = rest.indexOf('/');
        names.set(i < 0 ? rest : rest.slice(0, i), i < 0);
      }
      return [...names.keys()].sort().map((name) => ({ name, regular: names.get(name)! }));
    },
  };
}

// The fake apiserver's discovery (oracle/fakeapi.mjs), as the REST mapper sees it.
const RESOURCES: { group: string; resource: string; names: string[] }[] = [
  { group: '', resource: 'pods', names: ['pod', 'po'] },
  { group: '', resource: 'services', names: ['service', 'svc'] },
  { group: '', resource: 'nodes', names: ['node', 'no'] },
  { group: '', resource: 'configmaps', names: ['configmap', 'cm'] },
  { group: '', resource: 'secrets', names: ['secret'] },
  { group: 'apps', resource: 'deployments', names: ['deployment', 'deploy'] },
  { group: 'apps', resource: 'replicasets', names: ['replicaset', 'rs'] },
];
export const resourceFor: ResourceFor = (resource, group) => {
  const r = RESOURCES.find((x) => (x.resource === resource || x.names.includes(resource)) && (group === '' || x.group === group));
  if (!r) return { error: `the server doesn't have a resource type ${JSON.stringify(resource)}` };
  return { group: r.group, resource: r.resource };
};

const PLURAL: Record<string, string> = {
  deployment: 'deployments', deploy: 'deployments', deployments: 'deployments', pod: 'pods', po: 'pods', pods: 'pods',
  rs: 'replicasets', replicaset: 'replicasets', rc: 'replicationcontrollers', replicationcontroller: 'replicationcontrollers',
  svc: 'services', service: 'services', services: 'services', daemonset: 'daemonsets', ds: 'daemonsets',
};

function seq(): () => number {
  let x = 0;
  return () => (x = (x + 0.37) % 1);
}

/** Runs one captured command line; returns what kubectl would print. */
export function replay(c: Captured, randomSuffix?: () => string): { stdout: string; stderr: string } {
  const p = parse(c.args);
  if (typeof p === 'string') return { stdout: '', stderr: p };
  const { cmd, args, flags } = p;
  const s = (k: string): string | undefined => (flags[k] as string | undefined);
  const arr = (k: string): string[] | undefined => (flags[k] as string[] | undefined);
  const ns = p.changed.has('namespace') ? s('namespace') : undefined;
  const dryRun = (s('dry-run') === 'unchanged' ? 'client' : (s('dry-run') ?? 'none')) as 'none' | 'client' | 'server';
  const output = s('output') ?? '';
  const files = filesFrom(c);
  const one = (): string | { stderr: string } => {
    const n = nameFromArgs(args, p.argsLenAtDash, cmd);
    return typeof n === 'string' ? n : { stderr: formatGenError(n) };
  };
  let results: GenResult[] = [];
  let operation = 'created';
  switch (cmd) {
    case 'kubectl run': {
      const flagsRun = {
        args,
        image: s('image'),
        port: s('port'),
        labels: s('labels'),
        env: arr('env'),
        annotations: arr('annotations'),
        restart: s('restart'),
        imagePullPolicy: s('image-pull-policy'),
        command: flags.command as boolean | undefined,
        privileged: flags.privileged as boolean | undefined,
        stdin: flags.stdin as boolean | undefined,
        tty: flags.tty as boolean | undefined,
        attach: flags.attach as boolean | undefined,
        rm: flags.rm as boolean | undefined,
        leaveStdinOpen: flags['leave-stdin-open'] as boolean | undefined,
        expose: flags.expose as boolean | undefined,
        dryRun,
        namespace: ns,
        overrides: s('overrides'),
        overrideType: s('override-type'),
      };
      const pod = generateRunPod(flagsRun);
      results = pod.ok && flagsRun.expose ? [generateRunService(flagsRun), pod] : [pod];
      break;
    }
    default: {
      if (cmd === 'kubectl expose') {
        operation = 'exposed';
        let [type, name] = args;
        if (type && type.includes('/')) [type, name] = type.split('/');
        const key = `${PLURAL[type] ?? type}/${name}`;
        const src = c.objects?.[key];
        if (!src) return { stdout: '', stderr: `Error from server (NotFound): ${PLURAL[type]} ${JSON.stringify(name)} not found\n` };
        results = [
          generateExpose(src, {
            port: s('port'), protocol: s('protocol'), targetPort: s('target-port'), type: s('type'), name: s('name'), selector: s('selector'),
            labels: s('labels'), externalIp: s('external-ip'), loadBalancerIp: s('load-balancer-ip'), sessionAffinity: s('session-affinity'),
            clusterIp: s('cluster-ip'), overrides: s('overrides'), overrideType: s('override-type'), namespace: ns,
          }),
        ];
        break;
      }
      const name = one();
      if (typeof name !== 'string') return { stdout: '', ...name };
      const files2 = { files, getenv: () => '' };
      switch (cmd) {
        case 'kubectl create deployment':
          results = [createDeployment({ name, namespace: ns, images: arr('image') ?? [], replicas: flags.replicas as number | undefined, port: flags.port as number | undefined, command: p.argsLenAtDash >= 0 ? args.slice(1) : undefined, randomSuffix: randomSuffix ?? suffixFrom(seq()) })];
          break;
        case 'kubectl create service clusterip':
        case 'kubectl create service nodeport':
        case 'kubectl create service loadbalancer':
        case 'kubectl create service externalname': {
          const type = ({ clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' } as const)[cmd.split(' ')[3] as 'clusterip'];
          results = [createService({ name, namespace: ns, type, tcp: arr('tcp'), clusterIP: s('clusterip'), nodePort: flags['node-port'] as number | undefined, externalName: s('external-name') })];
          break;
        }
        case 'kubectl create namespace':
          results = [createNamespace({ name })];
          break;
        case 'kubectl create serviceaccount':
          results = [createServiceAccount({ name, namespace: ns })];
          break;
        case 'kubectl create configmap':
          results = [createConfigMap({ name, namespace: ns, fromLiteral: arr('from-literal'), fromFile: arr('from-file'), fromEnvFile: arr('from-env-file'), appendHash: flags['append-hash'] as boolean | undefined, ...files2 })];
          break;
        case 'kubectl create secret generic':
          results = [createSecretGeneric({ name, namespace: ns, fromLiteral: arr('from-literal'), fromFile: arr('from-file'), fromEnvFile: arr('from-env-file'), type: s('type'), appendHash: flags['append-hash'] as boolean | undefined, ...files2 })];
          break;
        case 'kubectl create secret docker-registry':
          results = [createSecretDockerRegistry({ name, namespace: ns, dockerUsername: s('docker-username'), dockerPassword: s('docker-password'), dockerEmail: s('docker-email'), dockerServer: s('docker-server'), fromFile: arr('from-file'), files })];
          break;
        case 'kubectl create secret tls':
          results = [createSecretTLS({ name, namespace: ns, cert: s('cert'), key: s('key'), files })];
          break;
        case 'kubectl create quota':
          results = [createQuota({ name, namespace: ns, hard: s('hard'), scopes: s('scopes') })];
          break;
        case 'kubectl create job': {
          const from = s('from');
          let fromCronJob: Obj | undefined;
          if (from && from.includes('/')) {
            const [t, n] = from.split('/');
            fromCronJob = c.objects?.[`${t === 'cronjob' ? 'cronjobs' : PLURAL[t] ?? t}/${n}`];
            if (fromCronJob && t !== 'cronjob') fromCronJob = { ...fromCronJob };
          }
          results = [createJob({ name, namespace: ns, image: s('image'), from, fromCronJob, command: p.argsLenAtDash >= 0 ? args.slice(1) : undefined })];
          break;
        }
        case 'kubectl create cronjob':
          results = [createCronJob({ name, namespace: ns, image: s('image')!, schedule: s('schedule')!, restart: s('restart'), command: p.argsLenAtDash >= 0 ? args.slice(1) : undefined })];
          break;
        case 'kubectl create role':
          results = [createRole({ name, namespace: ns, verbs: arr('verb'), resources: arr('resource'), resourceNames: arr('resource-name'), resourceFor })];
          break;
        case 'kubectl create clusterrole': {
          const agg = s('aggregation-rule');
          const aggregationRule = agg ? Object.fromEntries(agg.split(',').map((kv) => kv.split('=') as [string, string])) : undefined;
          results = [createClusterRole({ name, verbs: arr('verb'), resources: arr('resource'), resourceNames: arr('resource-name'), nonResourceURLs: arr('non-resource-url'), aggregationRule, resourceFor })];
          break;
        }
        case 'kubectl create rolebinding':
          results = [createRoleBinding({ name, namespace: ns, role: s('role'), clusterRole: s('clusterrole'), users: arr('user'), groups: arr('group'), serviceAccounts: arr('serviceaccount') })];
          break;
        case 'kubectl create clusterrolebinding':
          results = [createClusterRoleBinding({ name, clusterRole: s('clusterrole'), users: arr('user'), groups: arr('group'), serviceAccounts: arr('serviceaccount') })];
          break;
        default:
          throw new Error('replay: unsupported ' + cmd);
      }
    }
  }
  let stdout = '';
  let stderr = '';
  let printed = 0;
  for (const r of results) {
    if (!r.ok) {
      stderr += formatGenError(r);
      break;
    }
    for (const w of r.warnings ?? []) stderr += w + '\n';
    const obj = r.object;
    const op = dryRun === 'client' ? `${operation} (dry run)` : operation;
    if (output === 'yaml') stdout += (printed > 0 ? '---\n' : '') + printYAML(obj);
    else if (output === 'json') stdout += printJSON(obj, { keyOrder: 'insertion' });
    else stdout += nameLine(obj as { kind: string }, op, output === 'name');
    printed++;
    // run --expose prints "---" after the service (run.go generateService)
    if (cmd === 'kubectl run' && results.length > 1 && printed === 1 && output === 'yaml') stdout += '---\n';
  }
  return { stdout, stderr };
}
