/**
 * kubectl config (k8s.io/kubectl pkg/cmd/config): view, current-context, get-contexts, use-context,
 * set-context, get-clusters, get-users, delete-*, rename-context, set-cluster, set-credentials, set,
 * unset — reading and writing the kubeconfig of the machine kubectl runs on (../kubeconfig.ts).
 * Messages follow view.go, get_contexts.go, create_context.go, use_context.go, delete_*.go,
 * rename_context.go, set.go, unset.go; every text was checked against kubectl v1.33.1.
 */
import { CmdError, usageError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { jsonpath } from '../jsonpath.ts';
import { configFileName, loadKubeconfig, saveKubeconfig, toV1, type Kubeconfig, type LoadOptions, type LoadedConfig } from '../kubeconfig.ts';
import { printJSON } from '../printers/json.ts';
import { printYAML } from '../printers/yaml.ts';
import { tabwrite } from '../tabwriter.ts';
import type { Command, KubectlContext } from '../types.ts';
import { helpText } from '../help.ts';

type Obj = Record<string, unknown>;

function loadOptions(ctx: KubectlContext, flags: Flags): LoadOptions {
  return { fs: ctx.fs, env: ctx.env, cwd: ctx.cwd, explicitPath: flags.str('kubeconfig') || undefined };
}

function load(ctx: KubectlContext, flags: Flags): { opts: LoadOptions; loaded: LoadedConfig; config: Kubeconfig } {
  const opts = loadOptions(ctx, flags);
  const loaded = loadKubeconfig(opts);
  return { opts, loaded, config: structuredClone(loaded.config) };
}

/** `error: Unexpected args: [a b]` after the command's help on stdout (helpErrorf in config/helpers.go). */
function helpError(ctx: KubectlContext, help: string, args: string[], lower = false): number {
  ctx.out(help);
  ctx.err(`error: ${lower ? 'unexpected' : 'Unexpected'} args: [${args.join(' ')}]\n`);
  return 1;
}

// ---- view -------------------------------------------------------------------------------------

/** ShortenConfig: certificate/key data → DATA+OMITTED, tokens and passwords → REDACTED. */
function shorten(c: Kubeconfig): void {
  for (const x of c.clusters) if (x.cluster['certificate-authority-data']) x.cluster['certificate-authority-data'] = 'DATA+OMITTED';
  for (const x of c.users) {
    for (const k of ['client-certificate-data', 'client-key-data']) if (x.user[k]) x.user[k] = 'DATA+OMITTED';
    for (const k of ['token', 'password']) if (x.user[k]) x.user[k] = 'REDACTED';
  }
}

/** MinifyConfig (client-go tools/clientcmd/api/helpers.go). */
function minify(c: Kubeconfig): void {
  if (!c.currentContext) throw new CmdError('current-context must exist in order to minify');
  const ctx = c.contexts.find((x) => x.name === c.currentContext);
  if (!ctx) throw new CmdError(`cannot locate context ${c.currentContext}`);
  const user = c.users.find((x) => x.name === ctx.context.user);
  const cluster = c.clusters.find((x) => x.name === ctx.context.cluster);
  if (ctx.context.user && !user) throw new CmdError(`cannot locate user ${ctx.context.user}`);
  if (ctx.context.cluster && !cluster) throw new CmdError(`cannot locate cluster ${ctx.context.cluster}`);
  c.contexts = [ctx];
  c.users = user ? [user] : [];
  c.clusters = cluster ? [cluster] : [];
}

const view: Command = {
  name: 'view',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: 'yaml' },
    { name: 'template', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'merge', type: 'string', default: 'true', noOptDefault: 'true' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'minify', type: 'bool' },
  ],
  run(ctx, args, flags) {
    if (args.length) throw usageError(`unexpected arguments: [${args.join(' ')}]`);
    const explicit = !!flags.str('kubeconfig');
    if (flags.isSet('merge') && flags.str('merge') === 'false' && !explicit) throw new CmdError('if merge==false a precise file must be specified');
    const { config } = load(ctx, flags);
    if (flags.bool('minify')) {
      if (flags.str('context')) config.currentContext = flags.str('context');
      minify(config);
    }
    if (!flags.bool('flatten') && !flags.bool('raw')) shorten(config);
    const v1 = toV1(config);
    const o = flags.str('output');
    if (o === 'yaml') ctx.out(printYAML(v1));
    else if (o === 'json') ctx.out(printJSON(v1, { keyOrder: 'insertion' }));
    else if (o.startsWith('jsonpath=') || o.startsWith('jsonpath-as-json=')) ctx.out(jsonpath(o.slice(o.indexOf('=') + 1), v1, o.startsWith('jsonpath-as-json=')));
    else if (o === 'name') ctx.out('config/\n');
    else throw new CmdError(`unable to match a printer suitable for the output format "${o}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
  },
};

// ---- contexts ---------------------------------------------------------------------------------

const currentContext: Command = {
  name: 'current-context',
  run(ctx, _args, flags) {
    const { config } = load(ctx, flags);
    if (!config.currentContext) throw new CmdError('current-context is not set');
    ctx.out(config.currentContext + '\n');
  },
};

const getContexts: Command = {
  name: 'get-contexts',
  flags: [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(ctx, args, flags) {
    const o = flags.str('output');
    if (o && o !== 'name') throw new CmdError(`--output ${o} is not available in kubectl config get-contexts; resetting to default output format`);
    const { config } = load(ctx, flags);
    const nameOnly = o === 'name';
    const errors: string[] = [];
    const names = args.length ? args.filter((n) => config.contexts.some((c) => c.name === n) || (errors.push(`context ${n} not found`), false)) : config.contexts.map((c) => c.name);
    names.sort();
    const rows: string[][] = [];
    if (!flags.bool('no-headers') && !nameOnly) rows.push(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']);
    for (const n of names) {
      const c = config.contexts.find((x) => x.name === n)!;
      if (nameOnly) rows.push([n]);
      else rows.push([config.currentContext === n ? '*' : ' ', n, c.context.cluster ?? '', c.context.user ?? '', c.context.namespace ?? '']);
    }
    ctx.out(nameOnly ? rows.map((r) => r[0] + '\n').join('') : tabwrite(rows));
    if (errors.length) throw new CmdError(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  },
};

const useContext: Command = {
  name: 'use-context',
  aliases: ['use'],
  run(ctx, args, flags) {
    if (args.length !== 1) return helpError(ctx, helpText('config use-context')!, args);
    const name = args[0];
    const { opts, loaded, config } = load(ctx, flags);
    if (!config.contexts.some((c) => c.name === name)) throw new CmdError(`no context exists with the name: "${name}"`);
    config.currentContext = name;
    saveKubeconfig(opts, loaded, config);
    ctx.out(`Switched to context "${name}".\n`);
  },
};

const setContext: Command = {
  name: 'set-context',
  flags: [
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
    { name: 'namespace', type: 'string' },
  ],
  run(ctx, args, flags) {
    if (args.length > 1) return helpError(ctx, helpText('config set-context')!, args);
    const current = flags.bool('current');
    let name = args[0] ?? '';
    if (!name && !current) throw new CmdError('you must specify a non-empty context name or --current');
    if (name && current) throw new CmdError('you cannot specify both a context name and --current');
    const { opts, loaded, config } = load(ctx, flags);
    if (current) {
      if (!config.currentContext) throw new CmdError('no current context is set');
      name = config.currentContext;
    }
    let entry = config.contexts.find((c) => c.name === name);
    const exists = !!entry;
    if (!entry) config.contexts.push((entry = { name, context: {} }));
    for (const f of ['cluster', 'user', 'namespace'] as const) {
      if (!flags.isSet(f)) continue;
      if (flags.str(f)) entry.context[f] = flags.str(f);
      else delete entry.context[f];
    }
    saveKubeconfig(opts, loaded, config);
    ctx.out(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`);
  },
};

const deleteContext: Command = {
  name: 'delete-context',
  run(ctx, args, flags) {
    if (args.length !== 1) return helpError(ctx, '', args);
    const name = args[0];
    const { opts, loaded, config } = load(ctx, flags);
    const file = configFileName(loaded, `context:${name}`);
    if (!config.contexts.some((c) => c.name === name)) throw new CmdError(`cannot delete context ${name}, not in ${file}`);
    if (config.currentContext === name) ctx.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    config.contexts = config.contexts.filter((c) => c.name !== name);
    saveKubeconfig(opts, loaded, config);
    ctx.out(`deleted context ${name} from ${file}\n`);
  },
};

const renameContext: Command = {
  name: 'rename-context',
  run(ctx, args, flags) {
    if (args.length !== 2) return helpError(ctx, '', args);
    const [from, to] = args;
    const { opts, loaded, config } = load(ctx, flags);
    const file = configFileName(loaded, `context:${from}`);
    const entry = config.contexts.find((c) => c.name === from);
    if (!entry) throw new CmdError(`cannot rename the context "${from}", it's not in ${file}`);
    if (from !== to && config.contexts.some((c) => c.name === to)) throw new CmdError(`cannot rename the context "${from}", the context "${to}" already exists in ${file}`);
    entry.name = to;
    if (config.currentContext === from) config.currentContext = to;
    loaded.origin.set(`context:${to}`, file);
    saveKubeconfig(opts, loaded, config);
    ctx.out(`Context "${from}" renamed to "${to}".\n`);
  },
};

// ---- clusters and users -------------------------------------------------------------------------

function nameList(ctx: KubectlContext, names: string[]): void {
  ctx.out(['NAME', ...names.sort()].map((n) => n + '\n').join(''));
}

const getClusters: Command = {
  name: 'get-clusters',
  run(ctx, _args, flags) {
    nameList(ctx, load(ctx, flags).config.clusters.map((c) => c.name));
  },
};

const getUsers: Command = {
  name: 'get-users',
  run(ctx, _args, flags) {
    nameList(ctx, load(ctx, flags).config.users.map((c) => c.name));
  },
};

function deleter(kind: 'cluster' | 'user'): Command {
  return {
    name: `delete-${kind}`,
    run(ctx, args, flags) {
      if (args.length !== 1) return helpError(ctx, '', args);
      const name = args[0];
      const { opts, loaded, config } = load(ctx, flags);
      const file = configFileName(loaded, `${kind}:${name}`);
      const list = kind === 'cluster' ? config.clusters : config.users;
      if (!list.some((c) => c.name === name)) throw new CmdError(`cannot delete ${kind} ${name}, not in ${file}`);
      if (kind === 'cluster') config.clusters = config.clusters.filter((c) => c.name !== name);
      else config.users = config.users.filter((c) => c.name !== name);
      saveKubeconfig(opts, loaded, config);
      ctx.out(`deleted ${kind} ${name} from ${file}\n`);
    },
  };
}

const setCluster: Command = {
  name: 'set-cluster',
  flags: [
    { name: 'server', type: 'string' },
    { name: 'certificate-authority', type: 'string' },
    { name: 'embed-certs', type: 'bool' },
    { name: 'insecure-skip-tls-verify', type: 'bool' },
    { name: 'tls-server-name', type: 'string' },
    { name: 'proxy-url', type: 'string' },
  ],
  run(ctx, args, flags) {
    if (args.length !== 1) return helpError(ctx, '', args);
    const name = args[0];
    const { opts, loaded, config } = load(ctx, flags);
    let entry = config.clusters.find((c) => c.name === name);
    if (!entry) config.clusters.push((entry = { name, cluster: {} }));
    const c = entry.cluster;
    if (flags.isSet('server')) c.server = flags.str('server');
    if (flags.isSet('tls-server-name')) c['tls-server-name'] = flags.str('tls-server-name');
    if (flags.isSet('proxy-url')) c['proxy-url'] = flags.str('proxy-url');
    if (flags.isSet('insecure-skip-tls-verify')) {
      c['insecure-skip-tls-verify'] = flags.bool('insecure-skip-tls-verify');
      if (flags.bool('insecure-skip-tls-verify')) {
        delete c['certificate-authority'];
        delete c['certificate-authority-data'];
      }
    }
    if (flags.isSet('certificate-authority')) {
      const path = flags.str('certificate-authority');
      if (flags.bool('embed-certs')) {
        const data = ctx.fs.read(path);
        if (data === undefined) throw new CmdError(`could not read certificate-authority data from ${path}: open ${path}: no such file or directory`);
        c['certificate-authority-data'] = btoa(data);
        delete c['certificate-authority'];
      } else {
        c['certificate-authority'] = path;
        delete c['certificate-authority-data'];
      }
      delete c['insecure-skip-tls-verify'];
    }
    saveKubeconfig(opts, loaded, config);
    ctx.out(`Cluster "${name}" set.\n`);
  },
};

const setCredentials: Command = {
  name: 'set-credentials',
  flags: [
    { name: 'token', type: 'string' },
    { name: 'username', type: 'string' },
    { name: 'password', type: 'string' },
    { name: 'client-certificate', type: 'string' },
    { name: 'client-key', type: 'string' },
    { name: 'embed-certs', type: 'bool' },
  ],
  run(ctx, args, flags) {
    if (args.length !== 1) return helpError(ctx, '', args, true);
    const name = args[0];
    const basic = flags.isSet('username') || flags.isSet('password');
    if (flags.isSet('token') && basic) throw new CmdError('you cannot specify more than one authentication method at the same time: --token, --username/--password');
    const { opts, loaded, config } = load(ctx, flags);
    let entry = config.users.find((c) => c.name === name);
    if (!entry) config.users.push((entry = { name, user: {} }));
    const u = entry.user;
    if (flags.isSet('token')) u.token = flags.str('token');
    if (flags.isSet('username')) u.username = flags.str('username');
    if (flags.isSet('password')) u.password = flags.str('password');
    for (const k of ['client-certificate', 'client-key'] as const) {
      if (!flags.isSet(k)) continue;
      const path = flags.str(k);
      if (flags.bool('embed-certs')) {
        const data = ctx.fs.read(path);
        if (data === undefined) throw new CmdError(`error reading ${k} data from ${path}: open ${path}: no such file or directory`);
        u[`${k}-data`] = btoa(data);
        delete u[k];
      } else {
        u[k] = path;
        delete u[`${k}-data`];
      }
    }
    saveKubeconfig(opts, loaded, config);
    ctx.out(`User "${name}" set.\n`);
  },
};

// ---- set / unset ------------------------------------------------------------------------------

/** Navigate `current-context`, `contexts.NAME.field`, `clusters.NAME.field`, `users.NAME.field` (set.go). */
function propertyTarget(config: Kubeconfig, path: string): { list?: { name: string }[]; listKey?: 'context' | 'cluster' | 'user'; name?: string; field?: string } {
  const parts = path.split('.');
  if (parts[0] === 'current-context' && parts.length === 1) return {};
  const lists: Record<string, ['context' | 'cluster' | 'user', { name: string }[]]> = { contexts: ['context', config.contexts], clusters: ['cluster', config.clusters], users: ['user', config.users] };
  const l = lists[parts[0]];
  if (!l || parts.length < 2) throw new CmdError(`unable to parse ${path} after [] at api.Config`);
  return { list: l[1], listKey: l[0], name: parts[1], field: parts.slice(2).join('.') || undefined };
}

const set: Command = {
  name: 'set',
  flags: [{ name: 'set-raw-bytes', type: 'bool' }],
  run(ctx, args, flags) {
    if (args.length !== 2) return helpError(ctx, '', args);
    const [path, value] = args;
    const { opts, loaded, config } = load(ctx, flags);
    const t = propertyTarget(config, path);
    if (!t.list) config.currentContext = value;
    else {
      if (!t.field) throw new CmdError(`can't set a map to a value: map[string]*api.${t.listKey === 'user' ? 'AuthInfo' : t.listKey === 'cluster' ? 'Cluster' : 'Context'}`);
      let entry = t.list.find((x) => x.name === t.name) as { name: string; [k: string]: unknown } | undefined;
      if (!entry) {
        entry = { name: t.name!, [t.listKey!]: {} };
        t.list.push(entry);
      }
      const body = entry[t.listKey!] as Obj;
      body[t.field] = t.field === 'insecure-skip-tls-verify' ? value === 'true' : value;
    }
    saveKubeconfig(opts, loaded, config);
    ctx.out(`Property "${path}" set.\n`);
  },
};

const unset: Command = {
  name: 'unset',
  run(ctx, args, flags) {
    if (args.length !== 1) return helpError(ctx, '', args);
    const [path] = args;
    const { opts, loaded, config } = load(ctx, flags);
    const t = propertyTarget(config, path);
    if (!t.list) config.currentContext = '';
    else {
      const i = t.list.findIndex((x) => x.name === t.name);
      if (i >= 0) {
        if (!t.field) t.list.splice(i, 1);
        else delete ((t.list[i] as unknown as Obj)[t.listKey!] as Obj)[t.field];
      }
    }
    saveKubeconfig(opts, loaded, config);
    ctx.out(`Property "${path}" unset.\n`);
  },
};

const SUBCOMMANDS: Command[] = [currentContext, deleter('cluster'), deleteContext, deleter('user'), getClusters, getContexts, getUsers, renameContext, set, setCluster, setContext, setCredentials, unset, useContext, view];

/**
 * `kubectl config`: alone it prints its help to stderr and fails (cobra with no Run, as kubectl
 * v1.33.1 does); an unknown sub-command is `error: unknown command "x"`.
 */
export const config: Command = {
  name: 'config',
  sub: SUBCOMMANDS,
  run(ctx, args) {
    if (!args.length) {
      ctx.err(helpText('config')!);
      return 1;
    }
    ctx.err(`error: unknown command "${args[0]}"\nSee 'kubectl config -h' for help and examples\n`);
    return 1;
  },
};
