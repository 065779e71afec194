/**
 * kubeconfig loading, merging and writing as client-go's clientcmd does it
 * (k8s.io/client-go/tools/clientcmd loader.go, client_config.go, api/v1 types), and the client
 * settings a kubectl command derives from it: the namespace, the context, the API server it talks to.
 *
 * Loading rules (`kubectl config --help`, loader.go ClientConfigLoadingRules):
 *  1. `--kubeconfig FILE`: only that file; a missing file is `error: stat FILE: no such file or directory`.
 *  2. `$KUBECONFIG`: a ':'-separated list, merged; missing files are skipped; the first file that
 *     defines a stanza (cluster, user, context, current-context) wins.
 *  3. otherwise `${HOME}/.kube/config`.
 * With no file at all the config is empty and the server defaults to http://localhost:8080.
 *
 * Writing (clientcmd ModifyConfig): a changed stanza goes back to the file that defined it; a new one to
 * the first existing file of the list, or the last file when none exists. The file is the v1 Config
 * marshalled to JSON and converted to YAML, so keys come out sorted and named lists sorted by name
 * (clientcmd's internal maps).
 */
import type { ApiServer } from '../apiserver/server.ts';
import { FileSystem } from '../shell/fs.ts';
import { CmdError } from './errors.ts';
import { yamlToJSON } from './yaml/goyaml/decode.ts';
import { printYAML } from './printers/yaml.ts';

type Obj = Record<string, unknown>;

export interface NamedCluster {
  name: string;
  cluster: Obj;
}
export interface NamedContext {
  name: string;
  context: { cluster?: string; user?: string; namespace?: string; [k: string]: unknown };
}
export interface NamedUser {
  name: string;
  user: Obj;
}

export interface Kubeconfig {
  preferences: Obj;
  clusters: NamedCluster[];
  users: NamedUser[];
  contexts: NamedContext[];
  currentContext: string;
  extensions?: unknown[];
}

/** The merged config plus where each stanza came from (for writing it back). */
export interface LoadedConfig {
  config: Kubeconfig;
  /** Files in precedence order (the --kubeconfig file, the $KUBECONFIG list or ~/.kube/config). */
  files: string[];
  /** True for --kubeconfig (the file must exist; no merging). */
  explicit: boolean;
  /** Stanza key (`cluster:NAME`, `user:NAME`, `context:NAME`, `current-context`) → file that defines it. */
  origin: Map<string, string>;
}

export class KubeconfigError extends Error {}

export function emptyConfig(): Kubeconfig {
  return { preferences: {}, clusters: [], users: [], contexts: [], currentContext: '' };
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parsed kubeconfig texts: every kubectl call reads the file, which rarely changes. */
const parsedCache = new Map<string, Kubeconfig>();

/** Decode one kubeconfig file (clientcmd.Load). Callers get a fresh copy (they may edit it). */
export function parseKubeconfig(text: string, path: string): Kubeconfig {
  const key = `${path}\u0000${text}`;
  const hit = parsedCache.get(key);
  if (hit) return structuredClone(hit);
  const parsed = parseKubeconfigUncached(text, path);
  if (parsedCache.size > 64) parsedCache.clear();
  parsedCache.set(key, parsed);
  return structuredClone(parsed);
}

function parseKubeconfigUncached(text: string, path: string): Kubeconfig {
  const r = yamlToJSON(text);
  if (!r.ok) throw new KubeconfigError(`error loading config file "${path}": ${r.error}`);
  const v = r.value;
  const out = emptyConfig();
  if (v === null) return out;
  if (!isObj(v)) throw new KubeconfigError(`error loading config file "${path}": couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  if (isObj(v.preferences)) out.preferences = v.preferences;
  const named = <T>(list: unknown, key: string): T[] => (Array.isArray(list) ? list.filter(isObj).map((x) => ({ name: String(x.name ?? ''), [key]: isObj(x[key]) ? x[key] : {} }) as T) : []);
  out.clusters = named<NamedCluster>(v.clusters, 'cluster');
  out.users = named<NamedUser>(v.users, 'user');
  out.contexts = named<NamedContext>(v.contexts, 'context');
  out.currentContext = typeof v['current-context'] === 'string' ? v['current-context'] : '';
  if (Array.isArray(v.extensions)) out.extensions = v.extensions;
  return out;
}

export interface LoadOptions {
  fs: FileSystem;
  env: Record<string, string>;
  cwd: string;
  /** --kubeconfig */
  explicitPath?: string;
}

function precedence(o: LoadOptions): { files: string[]; explicit: boolean } {
  if (o.explicitPath) return { files: [o.explicitPath], explicit: true };
  const env = o.env.KUBECONFIG;
  if (env !== undefined && env !== '') return { files: env.split(':').filter(Boolean), explicit: false };
  const home = o.env.HOME || '/root';
  return { files: [`${home.replace(/\/$/, '')}/.kube/config`], explicit: false };
}

/** Load and merge the kubeconfig files (clientcmd ClientConfigLoadingRules.Load). */
export function loadKubeconfig(o: LoadOptions): LoadedConfig {
  const { files, explicit } = precedence(o);
  const config = emptyConfig();
  const origin = new Map<string, string>();
  for (const f of files) {
    const p = FileSystem.normalize(f, o.cwd);
    const text = o.fs.read(p);
    if (text === undefined) {
      if (explicit) throw new KubeconfigError(`stat ${f}: no such file or directory`);
      continue;
    }
    const c = parseKubeconfig(text, f);
    for (const x of c.clusters) if (!origin.has(`cluster:${x.name}`)) (config.clusters.push(x), origin.set(`cluster:${x.name}`, f));
    for (const x of c.users) if (!origin.has(`user:${x.name}`)) (config.users.push(x), origin.set(`user:${x.name}`, f));
    for (const x of c.contexts) if (!origin.has(`context:${x.name}`)) (config.contexts.push(x), origin.set(`context:${x.name}`, f));
    if (c.currentContext && !origin.has('current-context')) {
      config.currentContext = c.currentContext;
      origin.set('current-context', f);
    }
    if (!origin.has('preferences') && Object.keys(c.preferences).length) {
      config.preferences = c.preferences;
      origin.set('preferences', f);
    }
  }
  sortConfig(config);
  return { config, files, explicit, origin };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function sortConfig(c: Kubeconfig): void {
  c.clusters.sort(byName);
  c.users.sort(byName);
  c.contexts.sort(byName);
}

/** The v1 Config object in its JSON field order (for -o json); `null` lists as Go marshals nil slices. */
export function toV1(c: Kubeconfig): Obj {
  const list = <T>(xs: T[]) => (xs.length ? xs : null);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: c.preferences,
    clusters: list(c.clusters.map((x) => ({ name: x.name, cluster: orderFields(x.cluster, CLUSTER_FIELDS) }))),
    users: list(c.users.map((x) => ({ name: x.name, user: orderFields(x.user, USER_FIELDS) }))),
    contexts: list(c.contexts.map((x) => ({ name: x.name, context: orderFields(x.context, CONTEXT_FIELDS) }))),
    'current-context': c.currentContext,
    ...(c.extensions?.length ? { extensions: c.extensions } : {}),
  };
}

// Field order of clientcmd/api/v1 Cluster, AuthInfo, Context (json tags).
const CLUSTER_FIELDS = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'];
const USER_FIELDS = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'];
const CONTEXT_FIELDS = ['cluster', 'user', 'namespace', 'extensions'];

function orderFields(o: Obj, order: string[]): Obj {
  const out: Obj = {};
  for (const k of order) if (o[k] !== undefined && o[k] !== '' && o[k] !== false) out[k] = o[k];
  for (const k of Object.keys(o)) if (!order.includes(k) && o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The kubeconfig file text kubectl writes (clientcmd.Write: JSON → YAML, keys sorted). */
export function serializeKubeconfig(c: Kubeconfig): string {
  const v1 = toV1(c);
  return printYAML(v1);
}

/** Write the modified config back (clientcmd.ModifyConfig, simplified to whole stanzas). */
export function saveKubeconfig(o: LoadOptions, loaded: LoadedConfig, next: Kubeconfig): void {
  const { files, origin } = loaded;
  const existing = files.filter((f) => o.fs.isFile(FileSystem.normalize(f, o.cwd)));
  const fallback = existing[0] ?? files[files.length - 1];
  if (files.length === 1 || loaded.explicit) {
    write(o, files[0], next);
    return;
  }
  // Several files: each stanza goes to the file that defined it, new ones to the fallback file.
  const perFile = new Map<string, Kubeconfig>();
  for (const f of new Set([...existing, fallback])) {
    const text = o.fs.read(FileSystem.normalize(f, o.cwd));
    perFile.set(f, text === undefined ? emptyConfig() : parseKubeconfig(text, f));
  }
  const place = <T extends { name: string }>(kind: 'cluster' | 'user' | 'context', items: T[], get: (c: Kubeconfig) => T[]) => {
    // Removed stanzas disappear from every file; changed ones go back where they came from.
    for (const c of perFile.values()) {
      const list = get(c);
      list.splice(0, list.length, ...list.filter((x) => items.some((y) => y.name === x.name)));
    }
    for (const item of items) {
      const f = origin.get(`${kind}:${item.name}`) ?? fallback;
      const list = get(perFile.get(f)!);
      const i = list.findIndex((x) => x.name === item.name);
      if (i >= 0) list[i] = item;
      else list.push(item);
    }
  };
  place('cluster', next.clusters, (c) => c.clusters);
  place('user', next.users, (c) => c.users);
  place('context', next.contexts, (c) => c.contexts);
  const ccFile = origin.get('current-context') ?? fallback;
  perFile.get(ccFile)!.currentContext = next.currentContext;
  for (const [f, c] of perFile) write(o, f, c);
}

function write(o: LoadOptions, f: string, c: Kubeconfig): void {
  const copy = { ...c, clusters: [...c.clusters], users: [...c.users], contexts: [...c.contexts] };
  sortConfig(copy);
  o.fs.write(FileSystem.normalize(f, o.cwd), serializeKubeconfig(copy));
}

/** The file kubectl names in messages about the kubeconfig ("deleted context x from FILE"). */
export function configFileName(loaded: LoadedConfig, stanza?: string): string {
  if (stanza && loaded.origin.has(stanza)) return loaded.origin.get(stanza)!;
  return loaded.files[0];
}

// ---- client settings --------------------------------------------------------------------------

export interface ClientOverrides {
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
}

export interface ClientSettings {
  /** The namespace commands default to (context namespace, or "default"). */
  namespace: string;
  contextName: string;
  /** host:port kubectl connects to, as it prints it in connection errors. */
  host: string;
  /** The server URL (https://172.30.1.2:6443). */
  server: string;
  /** The line kubectl prints when the configuration is unusable (`Error in configuration: …`, `error: stat …`). */
  error?: string;
}

/** clientcmd DirectClientConfig: the context, cluster and namespace a command uses. */
export function clientSettings(o: LoadOptions, overrides: ClientOverrides): ClientSettings {
  let loaded: LoadedConfig;
  try {
    loaded = loadKubeconfig(o);
  } catch (e) {
    return { namespace: overrides.namespace || 'default', contextName: '', host: 'localhost:8080', server: 'http://localhost:8080', error: `error: ${(e as Error).message}` };
  }
  const c = loaded.config;
  const contextName = overrides.context || c.currentContext;
  const ctx = c.contexts.find((x) => x.name === contextName);
  const clusterName = overrides.cluster || ctx?.context.cluster || '';
  const cluster = c.clusters.find((x) => x.name === clusterName);
  const userName = overrides.user || ctx?.context.user || '';
  let error: string | undefined;
  // Verified with kubectl v1.33.1: explicit --cluster/--user must exist; a missing context is a
  // configuration error; a context whose cluster is missing silently falls back to localhost:8080.
  if (overrides.cluster && !cluster) error = `error: cluster "${overrides.cluster}" does not exist`;
  else if (overrides.user && !c.users.some((u) => u.name === userName)) error = `error: auth info "${overrides.user}" does not exist`;
  else if (contextName && !ctx) error = `Error in configuration: context was not found for specified context: ${contextName}`;
  const namespace = overrides.namespace || ctx?.context.namespace || 'default';
  const server = overrides.server || (cluster?.cluster.server as string | undefined) || 'http://localhost:8080';
  return { namespace, contextName, server, host: hostOf(server), ...(error ? { error } : {}) };
}

/** "https://172.30.1.2:6443" → "172.30.1.2:6443"; default ports as Go's URL.Host keeps them (none added). */
export function hostOf(server: string): string {
  const m = /^[a-z]+:\/\/([^/]+)/i.exec(server);
  return m ? m[1] : server;
}

// ---- reaching the API server ------------------------------------------------------------------

/** Names the machines resolve (their /etc/hosts), and the API server's one endpoint. */
const HOSTS: Record<string, string> = { controlplane: '172.30.1.2', node01: '172.30.2.2', node02: '172.30.2.3', localhost: '127.0.0.1' };
export const API_SERVER_ENDPOINT = '172.30.1.2:6443';

/** Why a request to `server` from `machine` cannot reach kube-apiserver, or undefined when it can. */
export function dialError(server: string, machine: string, apiserverUp: boolean): { refused: boolean; dial: string } | undefined {
  const m = /^([a-z]+):\/\/\[?([^\]/:]+)\]?(?::(\d+))?/i.exec(server);
  if (!m) return { refused: false, dial: `dial tcp: address ${server}: missing port in address` };
  const [, scheme, host, portStr] = m;
  const port = portStr ?? (scheme === 'https' ? '443' : '80');
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : HOSTS[host];
  if (!ip) return { refused: false, dial: `dial tcp: lookup ${host} on 127.0.0.53:53: no such host` };
  const local = ip === '127.0.0.1';
  const onControlPlane = machine === 'controlplane';
  const isApiServerHost = ip === '172.30.1.2' || (local && onControlPlane);
  if (isApiServerHost && port === '6443' && apiserverUp) return undefined;
  const known = local || Object.values(HOSTS).includes(ip);
  if (!known) return { refused: false, dial: `dial tcp ${ip}:${port}: i/o timeout` };
  return { refused: true, dial: `dial tcp ${ip}:${port}: connect: connection refused` };
}

/**
 * What kubectl prints when the API server cannot be reached: client-go's discovery cache logs
 * `couldn't get current server API group list` (memcache.go) a few times, then kubectl's
 * StandardErrorMessage says `The connection to the server HOST was refused - did you specify the
 * right host or port?` (pkg/cmd/util/helpers.go) or, for other network errors,
 * `Unable to connect to the server: …`.
 */
export class ConnectionError extends CmdError {
  readonly server: string;
  readonly host: string;
  readonly refused: boolean;
  readonly dial: string;
  constructor(server: string, refused: boolean, dial: string) {
    super(refused ? `The connection to the server ${hostOf(server)} was refused - did you specify the right host or port?` : `Unable to connect to the server: ${dial}`, 'raw');
    this.server = server;
    this.host = hostOf(server);
    this.refused = refused;
    this.dial = dial;
  }

  /** The klog line client-go's memcached discovery client writes for each failed attempt. */
  discoveryLine(stamp: string): string {
    const url = `${this.server.replace(/\/$/, '')}/api?timeout=32s`;
    return `E${stamp} memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"${url}\\": ${this.dial}"\n`;
  }
}

/**
 * How many discovery errors each command logs before its own error (counted with kubectl v1.33.1
 * against an unreachable server): commands that resolve resource types through the cached RESTMapper
 * log 4–5, those that call a typed client directly log none.
 */
export const DISCOVERY_ATTEMPTS: Record<string, number> = {
  get: 5, describe: 5, delete: 5, scale: 5, label: 5, annotate: 5, patch: 5, edit: 5, expose: 5, autoscale: 5, 'cluster-info': 5,
  logs: 4, exec: 4, attach: 4, 'port-forward': 4, wait: 4, drain: 4, cordon: 4, uncordon: 4, rollout: 4, set: 4, certificate: 4, debug: 4,
  taint: 2, explain: 2, auth: 2, run: 1, 'api-resources': 1, diff: 1,
  top: 0, events: 0, version: 0, create: 0, cp: 0, 'api-versions': 1,
};

/** klog's header time: `MMDD HH:MM:SS.uuuuuu    PID`. */
export function klogStamp(ms: number, extraMicros = 0): string {
  const d = new Date(ms);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000 + extraMicros, 6)}    1368`;
}

/**
 * The API server as this kubectl invocation sees it: the real one when the kubeconfig's server is
 * reachable from `machine`, otherwise a stand-in whose every request fails to connect.
 */
export function serverFor(server: ApiServer, settings: ClientSettings, machine: string): ApiServer {
  const err = dialError(settings.server, machine, server.up);
  if (!err) return server;
  const fail = () => {
    throw new ConnectionError(settings.server, err.refused, err.dial);
  };
  return new Proxy(server, { get: (t, p, r) => (p === 'handle' ? fail : Reflect.get(t, p, r)) });
}

/** Render a connection failure as command `name` does: discovery log lines, then the message. */
export function renderConnectionError(e: ConnectionError, command: string, now: number): string {
  const n = DISCOVERY_ATTEMPTS[command] ?? 5;
  let out = '';
  for (let i = 0; i < n; i++) out += e.discoveryLine(klogStamp(now, 381 + i * 1437));
  return out + e.message + '\n';
}
