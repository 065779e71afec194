/**
 * etcd tools on the nodes: `etcdctl` (v3 API, etcd 3.6.6 — the version of the control plane's etcd
 * image), `etcdutl` (snapshot status/restore) and a standalone `etcd` process started by hand.
 *
 * What answers on an endpoint: on the control plane, 127.0.0.1:2379 and 172.30.1.2:2379 are the
 * kubeadm etcd static pod (TLS with client-certificate auth: --cacert/--cert/--key needed) whose data
 * is the cluster's store (keys /registry/<resource>/<namespace>/<name>); elsewhere, or when started by
 * hand, a standalone etcd on http://127.0.0.1:2379 with its own keys.
 *
 * Sources: etcd v3.6 etcdctl/ctlv3/command (put "OK", get key/value lines, --prefix, --keys-only,
 * --print-value-only, del count, member list / endpoint status / endpoint health printers, snapshot save
 * with its zap JSON lines then "Snapshot saved at …" and "Server version …"; snapshot status/restore
 * removed from etcdctl in 3.6), etcdutl/etcdutl/printer.go (status table with VERSION, cells
 * right-aligned), etcdutl/snapshot/v3_snapshot.go (restore log lines, data-dir not empty error);
 * client errors as etcd-client v3.6.6 logs them (retry_interceptor.go:65 "retrying of unary invoker
 * failed", then `Error: context deadline exceeded` after the 5 s command timeout; `endpoint health`
 * "… is unhealthy: failed to commit proposal: …" + "Error: unhealthy cluster"; `endpoint status`
 * "Failed to get the status of endpoint …"; `snapshot save` without a timeout). Compared with a real
 * etcd/etcdctl 3.4.23 (Debian) started with and without client-cert TLS: put/get (--prefix
 * --keys-only, --print-value-only), del, member list, endpoint health/status (simple and table),
 * snapshot save, v2 `set`, missing/partial TLS flags (exit 128, the TLSInfo messages and their order),
 * unreachable endpoints, a missing snapshot directory (exit 5), group help; 3.4→3.6 differences kept
 * on the 3.6 side from etcd sources: healthy endpoints on stdout (PR #11322, 3.5+), zap JSON logs, the
 * 3.6 status columns, no snapshot status/restore in etcdctl. etcdctl 3.x's
 * unknown-command text (cobra: `Error: unknown command "set" for "etcdctl"` + suggestions, printed
 * twice — observed with etcdctl 3.4.23, whose command set for these suggestions is the same);
 * shared/reference/k8s-fidelity.md §8.
 */
import type { CommandContext } from '../shell/shell.ts';
import { fakeDigest } from '../kubelet/kubelet.ts';
import { SNAPSHOT_MAGIC, DATA_MAGIC, type EtcdData, type MachineState, type NodeWorld, type StandaloneEtcd } from './world.ts';

const ETCD_VERSION = '3.6.6';
const CP_IP = '172.30.1.2';
/** Registration order of etcdctl/ctlv3/ctl.go (cobra suggests in this order). */
const COMMANDS = ['get', 'put', 'del', 'txn', 'compaction', 'alarm', 'defrag', 'endpoint', 'move-leader', 'watch', 'version', 'lease', 'member', 'snapshot', 'make-mirror', 'lock', 'elect', 'auth', 'user', 'role', 'check', 'completion', 'downgrade', 'diagnosis', 'options', 'help'];
const BOOL_FLAGS = new Set(['prefix', 'keys-only', 'print-value-only', 'from-key', 'prev-kv', 'hex', 'debug', 'insecure-skip-tls-verify', 'insecure-transport', 'insecure-discovery', 'cluster', 'count-only', 'consistency', 'ignore-value', 'ignore-lease', 'keepalive-time', 'help', 'h', 'bump-revision', 'mark-compacted', 'skip-hash-check']);

interface Parsed {
  flags: Map<string, string>;
  args: string[];
  error?: string;
}

function parse(argv: string[]): Parsed {
  const flags = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') || (a.startsWith('-') && a.length === 2 && a !== '-')) {
      let name = a.replace(/^--?/, '');
      let value: string | undefined;
      const eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      if (name === 'w') name = 'write-out';
      if (value === undefined) value = BOOL_FLAGS.has(name) ? 'true' : argv[++i] ?? '';
      flags.set(name, value);
    } else args.push(a);
  }
  return { flags, args };
}

function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** tablewriter as etcdctl/etcdutl configure it: centred upper-case header, right-aligned cells. */
export function etcdTable(header: string[], rows: string[][]): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = '+' + w.map((n) => '-'.repeat(n + 2)).join('+') + '+\n';
  const centre = (s: string, n: number) => {
    const pad = n - s.length;
    return ' '.repeat(Math.floor(pad / 2)) + s + ' '.repeat(pad - Math.floor(pad / 2));
  };
  let out = line + '|' + header.map((h, i) => ` ${centre(h, w[i])} `).join('|') + '|\n' + line;
  for (const r of rows) out += '|' + r.map((c, i) => ` ${c.padStart(w[i])} `).join('|') + '|\n';
  return out + line;
}

/** go-humanize Bytes: 25 kB, 4.1 MB. */
function humanBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  const e = Math.floor(Math.log(n) / Math.log(1000));
  const v = n / 1000 ** e;
  return `${v < 10 ? v.toFixed(1) : Math.floor(v + 0.5)} ${units[e]}`;
}

function zapTs(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_m, f) => `.${f}${String((ms * 7) % 1000).padStart(3, '0')}Z`);
}

/**
 * Where an endpoint leads: the kubeadm etcd (TLS), a standalone one (plain); `bad-config` when the TLS
 * flags cannot make a client (exit 128 before any dial), `down` when the dial or handshake fails (the
 * command then runs into its timeout — what it prints depends on the command).
 */
type Target = { kind: 'cluster' } | { kind: 'standalone'; etcd: StandaloneEtcd } | { kind: 'bad-config'; msg: string } | { kind: 'down'; addr: string; reason: string };

function endpointOf(p: Parsed, ctx: CommandContext): string {
  return (p.flags.get('endpoints') ?? ctx.env.ETCDCTL_ENDPOINTS ?? '127.0.0.1:2379').split(',')[0].trim();
}

function connect(world: NodeWorld, m: MachineState, ctx: CommandContext, p: Parsed): Target {
  const env = ctx.env;
  const endpoint = endpointOf(p, ctx);
  const cacert = p.flags.get('cacert') ?? env.ETCDCTL_CACERT;
  const cert = p.flags.get('cert') ?? env.ETCDCTL_CERT;
  const key = p.flags.get('key') ?? env.ETCDCTL_KEY;
  // transport.TLSInfo.ClientConfig: cert and key both or neither, then the cert/key files, then the CA
  // (observed with etcdctl 3.4.23; the same client/pkg/transport code in 3.6). Exit status 128 (ExitBadArgs).
  const missing = (f: string | undefined) => !!f && m.fs.read(f.startsWith('/') ? f : `${ctx.cwd}/${f}`) === undefined;
  if ((cert || key) && !(cert && key)) return { kind: 'bad-config', msg: `Error: KeyFile and CertFile must both be present[key: ${key ?? ''}, cert: ${cert ?? ''}]\n` };
  for (const f of [cert, key, cacert]) if (missing(f)) return { kind: 'bad-config', msg: `Error: open ${f}: no such file or directory\n` };
  const tls = endpoint.startsWith('https://');
  const hostPort = endpoint.replace(/^\w+:\/\//, '');
  const host = hostPort.split(':')[0];
  const port = hostPort.split(':')[1] ?? '2379';
  const addr = `${host}:${port}`;
  const local = host === '127.0.0.1' || host === 'localhost';
  const cp = world.controlPlaneName();
  const toCluster = port === '2379' && ((local && m.name === cp) || host === CP_IP || host === cp);
  const down = (reason: string): Target => ({ kind: 'down', addr, reason });
  if (toCluster) {
    const etcdUp = world.cluster.kubelets.get(cp)?.runtimeContainers().some((c) => c.static && c.state === 'Running' && (c.argv[0] ?? '').endsWith('etcd'));
    if (!etcdUp) return down(`last connection error: connection error: desc = \\"transport: Error while dialing: dial tcp ${addr}: connect: connection refused\\"`);
    if (!tls) return down('connection error: desc = \\"error reading server preface: EOF\\"');
    if (!cacert && p.flags.get('insecure-skip-tls-verify') !== 'true') return down('last connection error: connection error: desc = \\"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority\\"');
    if (!cert || !key) return down('last connection error: connection error: desc = \\"error reading server preface: remote error: tls: certificate required\\"');
    if (!/etcd\/ca\.crt$/.test(cacert ?? '') && p.flags.get('insecure-skip-tls-verify') !== 'true') return down('last connection error: connection error: desc = \\"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \\\\\\"crypto/rsa: verification error\\\\\\" while trying to verify candidate authority certificate \\\\\\"etcd-ca\\\\\\")\\"');
    return { kind: 'cluster' };
  }
  if (local && m.etcd && port === '2379') {
    if (tls) return down('last connection error: connection error: desc = \\"transport: authentication handshake failed: tls: first record does not look like a TLS handshake\\"');
    return { kind: 'standalone', etcd: m.etcd };
  }
  return down(`last connection error: connection error: desc = \\"transport: Error while dialing: dial tcp ${addr}: connect: connection refused\\"`);
}

/** The client's retry interceptor gives up when the 5 s command timeout ends: its warn line (stderr). */
function retryWarning(world: NodeWorld, ctx: CommandContext, t: { addr: string; reason: string }, method: string): void {
  world.cluster.clock.advance(5000);
  const ts = zapTs(world.cluster.clock.now());
  ctx.err(`{"level":"warn","ts":"${ts}","logger":"etcd-client","caller":"v3@v${ETCD_VERSION}/retry_interceptor.go:65","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xc000${fakeDigest(t.addr + ts).slice(0, 5)}0/${t.addr}","method":"${method}","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: ${t.reason}"}\n`);
}

/** etcdctl 3.6's `endpoint status` columns (printer.go makeEndpointStatusTable). */
const STATUS_HEADER = ['ENDPOINT', 'ID', 'VERSION', 'STORAGE VERSION', 'DB SIZE', 'IN USE', 'PERCENTAGE NOT IN USE', 'QUOTA', 'IS LEADER', 'IS LEARNER', 'RAFT TERM', 'RAFT INDEX', 'RAFT APPLIED INDEX', 'ERRORS', 'DOWNGRADE TARGET VERSION', 'DOWNGRADE ENABLED'];

const METHODS: Record<string, string> = { put: '/etcdserverpb.KV/Put', get: '/etcdserverpb.KV/Range', del: '/etcdserverpb.KV/DeleteRange', member: '/etcdserverpb.Cluster/MemberList', endpoint: '/etcdserverpb.KV/Range' };

interface KV {
  key: string;
  value: string;
  create: number;
  mod: number;
  version: number;
}

/** The key space behind a target, with put/delete. */
function keyspace(world: NodeWorld, t: Target) {
  if (t.kind === 'standalone') {
    const e = t.etcd;
    return {
      revision: () => e.revision,
      list: (): KV[] => [...e.kv].map(([key, v]) => ({ key, value: v.value, create: v.create, mod: v.mod, version: v.version })).sort((a, b) => (a.key < b.key ? -1 : 1)),
      put: (k: string, v: string) => {
        const cur = e.kv.get(k);
        e.revision++;
        e.kv.set(k, { value: v, create: cur?.create ?? e.revision, mod: e.revision, version: (cur?.version ?? 0) + 1 });
      },
      del: (k: string) => {
        if (!e.kv.delete(k)) return false;
        e.revision++;
        return true;
      },
    };
  }
  const store = world.cluster.store;
  return {
    revision: () => store.revision(),
    list: (): KV[] =>
      store.snapshot().entries.map((en) => ({ key: en.key, value: typeof en.value === 'string' ? en.value : storedValue(en.value), create: en.createRevision, mod: en.modRevision, version: en.version })).sort((a, b) => (a.key < b.key ? -1 : 1)),
    put: (k: string, v: string) => void store.put(k, v),
    del: (k: string) => !!store.delete(k),
  };
}

/**
 * How the API server's objects look through etcdctl: the "k8s\0" protobuf envelope (shown as JSON here).
 * The server encodes the object it decoded, not the client's text, so what is stored does not depend on
 * the order the client wrote its fields in (real kubectl sends JSON with sorted keys, a YAML manifest
 * keeps the author's order): TypeMeta (kind, apiVersion) leads, as in the Go struct, and the rest comes
 * with its keys sorted — protobuf's field order is the Go struct's, which the schema here does not carry.
 */
function storedValue(v: unknown): string {
  const o = v as { apiVersion?: string; kind?: string };
  const { kind, apiVersion, ...rest } = v as Record<string, unknown>;
  return `k8s\u0000\n\u000b\n\u0002${o.apiVersion ?? 'v1'}\u0012\u0003${o.kind ?? ''}\u0012` + JSON.stringify({ kind, apiVersion, ...(sortedKeys(rest) as object) });
}

function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortedKeys(o[k])]));
}

function memberId(): string {
  return fakeDigest(`https://${CP_IP}:2380`).slice(0, 16).replace(/^0/, 'c');
}

interface Group {
  short: string;
  commands: [string, string][];
  options?: string[];
}

/** etcdctl 3.6's command groups and their sub-commands (etcdctl/ctlv3/command/*_command.go). */
const GROUPS: Record<string, Group> = {
  snapshot: { short: 'Manages etcd node snapshots', commands: [['save', 'Stores an etcd node backend snapshot to a given file']] },
  member: {
    short: 'Membership related commands',
    commands: [
      ['add', 'Adds a member into the cluster'],
      ['list', 'Lists all members in the cluster'],
      ['promote', 'Promotes a non-voting member in the cluster'],
      ['remove', 'Removes a member from the cluster'],
      ['update', 'Updates a member in the cluster'],
    ],
  },
  endpoint: {
    short: 'Endpoint related commands',
    commands: [
      ['hashkv', 'Prints the KV history hash for each endpoint in --endpoints'],
      ['health', 'Checks the healthiness of endpoints specified in `--endpoints` flag'],
      ['status', 'Prints out the status of endpoints specified in `--endpoints` flag'],
    ],
    options: ['      --cluster[=false]\tuse all endpoints from the cluster member list'],
  },
};

/**
 * The global options as etcdctl 3.4.23 prints them; 3.5's ctl.go registers the same set (3.6 may add
 * a few — not verified).
 */
const GLOBAL_OPTIONS = `GLOBAL OPTIONS:
      --cacert=""\t\t\t\tverify certificates of TLS-enabled secure servers using this CA bundle
      --cert=""\t\t\t\t\tidentify secure client using this TLS certificate file
      --command-timeout=5s\t\t\ttimeout for short running command (excluding dial timeout)
      --debug[=false]\t\t\t\tenable client-side debug logging
      --dial-timeout=2s\t\t\t\tdial timeout for client connections
  -d, --discovery-srv=""\t\t\tdomain name to query for SRV records describing cluster endpoints
      --discovery-srv-name=""\t\t\tservice name to query when using DNS discovery
      --endpoints=[127.0.0.1:2379]\t\tgRPC endpoints
      --hex[=false]\t\t\t\tprint byte strings as hex encoded strings
      --insecure-discovery[=true]\t\taccept insecure SRV records describing cluster endpoints
      --insecure-skip-tls-verify[=false]\tskip server certificate verification (CAUTION: this option should be enabled only for testing purposes)
      --insecure-transport[=true]\t\tdisable transport security for client connections
      --keepalive-time=2s\t\t\tkeepalive time for client connections
      --keepalive-timeout=6s\t\t\tkeepalive timeout for client connections
      --key=""\t\t\t\t\tidentify secure client using this TLS key file
      --password=""\t\t\t\tpassword for authentication (if this option is used, --user option shouldn't include password)
      --user=""\t\t\t\t\tusername[:password] for authentication (prompt if password is not supplied)
  -w, --write-out="simple"\t\t\tset the output format (fields, json, protobuf, simple, table)
`;

const GLOBAL_FLAG_NAMES = new Set(['cacert', 'cert', 'command-timeout', 'debug', 'dial-timeout', 'discovery-srv', 'd', 'discovery-srv-name', 'endpoints', 'hex', 'insecure-discovery', 'insecure-skip-tls-verify', 'insecure-transport', 'keepalive-time', 'keepalive-timeout', 'key', 'password', 'user', 'write-out', 'help', 'h']);

/** cobrautl's usage template for a command group (NAME / USAGE / API VERSION / COMMANDS / OPTIONS). */
function groupHelp(name: string, g: Group): string {
  return `NAME:\n\t${name} - ${g.short}\n\nUSAGE:\n\tetcdctl ${name} <subcommand> [flags]\n\nAPI VERSION:\n\t3.6\n\n\nCOMMANDS:\n${g.commands.map(([c, d]) => `\t${c}\t${d}\n`).join('')}\nOPTIONS:\n${(g.options ?? []).map((o) => o + '\n').join('')}  -h, --help[=false]\thelp for ${name}\n\n${GLOBAL_OPTIONS}\n`;
}

export function etcdctl(world: NodeWorld, ctx: CommandContext): number {
  const m = world.machine(ctx.shell.host.name);
  if (!m) return 127;
  const api = ctx.env.ETCDCTL_API;
  const p = parse(ctx.args);
  const [cmd, ...rest] = p.args;
  if (api !== undefined && api !== '3' && api !== '') void api;
  const out = ctx.out;
  if (!cmd || p.flags.get('help') === 'true' || cmd === 'help') {
    out(`NAME:\n\tetcdctl - A simple command line client for etcd3.\n\nUSAGE:\n\tetcdctl [flags]\n\nVERSION:\n\t${ETCD_VERSION}\n\nAPI VERSION:\n\t3.6\n`);
    return 0;
  }
  if (!COMMANDS.includes(cmd)) {
    const sugg = COMMANDS.filter((c) => levenshtein(cmd, c) <= 2 || c.startsWith(cmd));
    const msg = `Error: unknown command "${cmd}" for "etcdctl"${sugg.length ? `\n\nDid you mean this?\n${sugg.map((s) => `\t${s}\n`).join('')}` : '\n'}`;
    ctx.err(`${msg}\nRun 'etcdctl --help' for usage.\n${msg}`);
    return 1;
  }
  if (cmd === 'version') {
    out(`etcdctl version: ${ETCD_VERSION}\nAPI version: 3.6\n`);
    return 0;
  }
  // A command group without (or with an unknown) sub-command is not runnable: cobra prints its help and
  // exits 0 (observed with etcdctl 3.4.23: `etcdctl snapshot foo`, `etcdctl member foo`). In 3.6 the
  // snapshot group has only `save` (status/restore moved to etcdutl).
  const group = GROUPS[cmd];
  if (group && !group.commands.some(([c]) => c === rest[0])) {
    // …unless a flag neither the group nor the root has is given (`etcdctl snapshot restore x.db
    // --data-dir d` on 3.6): cobra's "unknown flag" before and after the help, exit 1 (observed, 3.4.23).
    const bad = [...p.flags.keys()].find((f) => !GLOBAL_FLAG_NAMES.has(f) && !(cmd === 'endpoint' && f === 'cluster'));
    if (bad) {
      const shown = bad.length === 1 ? `unknown shorthand flag: '${bad}' in -${bad}` : `unknown flag: --${bad}`;
      ctx.err(`Error: ${shown}\n`);
      out(groupHelp(cmd, group));
      ctx.err(`\nError: ${shown}\n`);
      return 1;
    }
    out(groupHelp(cmd, group));
    return 0;
  }
  // Argument checks come before any connection.
  if (cmd === 'put' && rest.length < 1) return usage(ctx, 'put command needs 1 argument and input from stdin or 2 arguments');
  if (cmd === 'get' && rest.length < 1) return usage(ctx, 'get command needs one argument as key and an optional argument as range_end');
  if (cmd === 'del' && rest.length < 1) return usage(ctx, 'del command needs one argument as key and an optional argument as range_end');
  if (cmd === 'snapshot' && rest.length < 2) return usage(ctx, 'snapshot save expects one argument');
  const t = connect(world, m, ctx, p);
  if (t.kind === 'bad-config') {
    ctx.err(t.msg);
    return 128;
  }
  if (t.kind === 'down') return unreachable(world, m, ctx, p, cmd, rest, t);
  const ks = keyspace(world, t);
  const w = p.flags.get('write-out') ?? 'simple';
  switch (cmd) {
    case 'put': {
      const value = rest[1] ?? ctx.stdin.replace(/\n$/, '');
      const prev = ks.list().find((kv) => kv.key === rest[0]);
      ks.put(rest[0], value);
      // simplePrinter.Put: "OK", then the previous key and value with --prev-kv (observed, 3.4.23).
      out('OK\n' + (prev && p.flags.get('prev-kv') === 'true' ? `${prev.key}\n${prev.value}\n` : ''));
      return 0;
    }
    case 'get': {
      const key = rest[0];
      const prefix = p.flags.get('prefix') === 'true';
      const all = ks.list().filter((kv) => (prefix ? kv.key.startsWith(key) : rest[1] ? kv.key >= key && kv.key < rest[1] : kv.key === key));
      const limit = Number(p.flags.get('limit') ?? 0);
      const kvs = limit > 0 ? all.slice(0, limit) : all;
      if (p.flags.get('count-only') === 'true') {
        out(`${all.length}\n`);
        return 0;
      }
      if (w === 'json') {
        out(JSON.stringify({ header: { cluster_id: 14841639068965178418n.toString(), member_id: 10276657743932975437n.toString(), revision: ks.revision(), raft_term: 2 }, kvs: kvs.map((k) => ({ key: btoa(k.key), create_revision: k.create, mod_revision: k.mod, version: k.version, value: btoa(unescape(encodeURIComponent(k.value))) })), count: all.length }).replace(/"(\d{10,})"/g, '$1') + '\n');
        return 0;
      }
      let s = '';
      for (const kv of kvs) {
        if (p.flags.get('print-value-only') !== 'true') s += kv.key + '\n';
        if (p.flags.get('keys-only') === 'true') s += '\n';
        else s += kv.value + '\n';
      }
      out(s);
      return 0;
    }
    case 'del': {
      const prefix = p.flags.get('prefix') === 'true';
      const keys = ks.list().filter((kv) => (prefix ? kv.key.startsWith(rest[0]) : kv.key === rest[0]));
      for (const k of keys) ks.del(k.key);
      // simplePrinter.Del: the count, then each deleted key and value with --prev-kv.
      out(`${keys.length}\n` + (p.flags.get('prev-kv') === 'true' ? keys.map((k) => `${k.key}\n${k.value}\n`).join('') : ''));
      return 0;
    }
    case 'member': {
      if (rest[0] !== 'list') {
        ctx.err(`Error: unknown command "${rest[0] ?? ''}" for "etcdctl member"\n`);
        return 1;
      }
      const row = t.kind === 'cluster' ? [memberId(), 'started', world.controlPlaneName(), `https://${CP_IP}:2380`, `https://${CP_IP}:2379`, 'false'] : ['8e9e05c52164694d', 'started', t.kind === 'standalone' ? t.etcd.name : 'default', 'http://localhost:2380', 'http://localhost:2379', 'false'];
      if (w === 'json') {
        // jsonPrinter: the MemberListResponse as JSON, ids as decimal numbers (observed, 3.4.23).
        const id = BigInt('0x' + row[0]).toString();
        out(`{"header":{"cluster_id":14841639068965178418,"member_id":${id},"raft_term":2},"members":[{"ID":${id},"name":"${row[2]}","peerURLs":["${row[3]}"],"clientURLs":["${row[4]}"]}]}\n`);
        return 0;
      }
      out(w === 'table' ? etcdTable(['ID', 'STATUS', 'NAME', 'PEER ADDRS', 'CLIENT ADDRS', 'IS LEARNER'], [row]) : row.join(', ') + '\n');
      return 0;
    }
    case 'endpoint': {
      const ep = (p.flags.get('endpoints') ?? ctx.env.ETCDCTL_ENDPOINTS ?? '127.0.0.1:2379').split(',')[0];
      if (rest[0] === 'health') {
        const took = `${(6 + (world.cluster.clock.now() % 7000) / 1000).toFixed(6)}ms`;
        if (w === 'table') out(etcdTable(['ENDPOINT', 'HEALTH', 'TOOK', 'ERROR'], [[ep, 'true', took, '']]));
        else out(`${ep} is healthy: successfully committed proposal: took = ${took}\n`);
        return 0;
      }
      if (rest[0] === 'status') {
        const data = world.capture();
        world.data.delete(data.id);
        const size = t.kind === 'cluster' ? data.sizeBytes : 20480;
        const inUse = Math.floor(size * 0.83);
        const row = [ep, t.kind === 'cluster' ? memberId() : '8e9e05c52164694d', ETCD_VERSION, '3.6.0', humanBytes(size), humanBytes(inUse), `${Math.round((1 - inUse / size) * 100)}%`, t.kind === 'cluster' ? '2.1 GB' : '0 B', 'true', 'false', '2', String(ks.revision() + 4), String(ks.revision() + 4), '', '', 'false'];
        out(w === 'table' ? etcdTable(STATUS_HEADER, [row]) : row.join(', ') + '\n');
        return 0;
      }
      ctx.err(`Error: unknown command "${rest[0] ?? ''}" for "etcdctl endpoint"\n`);
      return 1;
    }
    case 'snapshot': {
      const path = rest[1].startsWith('/') ? rest[1] : `${ctx.cwd}/${rest[1]}`;
      const clock = world.cluster.clock;
      const t0 = clock.now();
      const ep = (p.flags.get('endpoints') ?? ctx.env.ETCDCTL_ENDPOINTS ?? '127.0.0.1:2379').split(',')[0];
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      if (!m.fs.isDir(parent)) {
        // snapshot.SaveWithVersion's error; snapshotSaveCommandFunc exits with ExitInterrupted (5).
        ctx.err(`Error: could not open ${rest[1]}.part (open ${rest[1]}.part: no such file or directory)\n`);
        return 5;
      }
      const data = t.kind === 'cluster' ? world.capture() : undefined;
      const size = data?.sizeBytes ?? 20480;
      const took = 40 + Math.floor(size / 100_000);
      clock.advance(took);
      m.fs.write(path, data ? `${SNAPSHOT_MAGIC}${data.id}\n` : '\u0000');
      const ts = (off: number) => zapTs(t0 + off);
      ctx.err(
        [
          `{"level":"info","ts":"${ts(0)}","caller":"snapshot/v3_snapshot.go:83","msg":"created temporary db file","path":"${rest[1]}.part"}`,
          `{"level":"info","ts":"${ts(6)}","logger":"client","caller":"v3@v${ETCD_VERSION}/maintenance.go:236","msg":"opened snapshot stream; downloading"}`,
          `{"level":"info","ts":"${ts(6)}","caller":"snapshot/v3_snapshot.go:96","msg":"fetching snapshot","endpoint":"${ep}"}`,
          `{"level":"info","ts":"${ts(took - 8)}","logger":"client","caller":"v3@v${ETCD_VERSION}/maintenance.go:302","msg":"completed snapshot read; closing"}`,
          `{"level":"info","ts":"${ts(took)}","caller":"snapshot/v3_snapshot.go:111","msg":"fetched snapshot","endpoint":"${ep}","size":"${humanBytes(size)}","took":"${took}.${String(t0 % 1000).padStart(3, '0')}412ms","etcd-version":"3.6.0"}`,
          `{"level":"info","ts":"${ts(took)}","caller":"snapshot/v3_snapshot.go:121","msg":"saved","path":"${rest[1]}"}`,
        ].join('\n') + '\n',
      );
      out(`Snapshot saved at ${rest[1]}\nServer version ${ETCD_VERSION}\n`);
      return 0;
    }
  }
  ctx.err(`Error: "${cmd}" is not available in this simulator\n`);
  return 1;
}

/**
 * A command against an endpoint it cannot reach or authenticate to: unary calls give up after the
 * 5 s --command-timeout ("Error: context deadline exceeded", exit 1; observed with etcdctl 3.4.23);
 * `endpoint health` reports the endpoint unhealthy and fails with "unhealthy cluster"; `endpoint
 * status` prints "Failed to get the status of endpoint …" (ep_command.go). `snapshot save` has no
 * timeout unless --command-timeout is given (snapshot_command.go: context.WithCancel; with the flag a
 * deadline: "Error: context deadline exceeded", exit 5): it creates the .part file, logs so,
 * and waits for a connection until the user presses Ctrl+C — modelled as the terminal's ^C after 60 s,
 * exit status 130 (SIGINT), the .part file left behind as a killed etcdctl leaves it.
 */
function unreachable(world: NodeWorld, m: MachineState, ctx: CommandContext, p: Parsed, cmd: string, rest: string[], t: { addr: string; reason: string }): number {
  const ep = endpointOf(p, ctx);
  if (cmd === 'snapshot') {
    const part = `${rest[1]}.part`;
    const abs = part.startsWith('/') ? part : `${ctx.cwd}/${part}`;
    const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (!m.fs.isDir(parent)) {
      ctx.err(`Error: could not open ${part} (open ${part}: no such file or directory)\n`);
      return 5;
    }
    m.fs.write(abs, '');
    ctx.err(`{"level":"info","ts":"${zapTs(world.cluster.clock.now())}","caller":"snapshot/v3_snapshot.go:83","msg":"created temporary db file","path":"${part}"}\n`);
    // "if user does not specify "--command-timeout" flag, there will be no timeout for snapshot save".
    const timeout = p.flags.has('command-timeout') ? goDuration(p.flags.get('command-timeout')!) : undefined;
    if (timeout !== undefined) {
      world.cluster.clock.advance(timeout);
      m.fs.remove(abs);
      // The client's stream interceptor logs the failed stream (observed with 3.4.23, which adds a
      // stack trace; the 3.6 caller line is not observed).
      ctx.err(`{"level":"error","ts":"${zapTs(world.cluster.clock.now())}","logger":"etcd-client","caller":"v3@v${ETCD_VERSION}/retry_interceptor.go:120","msg":"streamer failed to create ClientStream","error":"rpc error: code = DeadlineExceeded desc = latest balancer error: ${t.reason}"}\n`);
      ctx.err('Error: context deadline exceeded\n');
      return 5;
    }
    world.cluster.clock.advance(60_000);
    ctx.err('^C\n');
    return 130;
  }
  const table = (p.flags.get('write-out') ?? 'simple') === 'table';
  if (cmd === 'endpoint' && rest[0] === 'status') {
    retryWarning(world, ctx, t, '/etcdserverpb.Maintenance/Status');
    ctx.err(`Failed to get the status of endpoint ${ep} (context deadline exceeded)\n`);
    // The (empty) list is still displayed: a table of headers only (observed, 3.4.23).
    if (table) ctx.out(etcdTable(STATUS_HEADER, []));
    return 1;
  }
  retryWarning(world, ctx, t, METHODS[cmd] ?? '/etcdserverpb.KV/Range');
  if (cmd === 'endpoint' && rest[0] === 'health') {
    // The failed check is a row of its own in the table (HEALTH false, TOOK ≈ the timeout, ERROR).
    if (table) ctx.out(etcdTable(['ENDPOINT', 'HEALTH', 'TOOK', 'ERROR'], [[ep, 'false', `5.00${String(world.cluster.clock.now() % 1000).padStart(3, '0')}412s`, 'context deadline exceeded']]));
    else ctx.err(`${ep} is unhealthy: failed to commit proposal: context deadline exceeded\n`);
    ctx.err('Error: unhealthy cluster\n');
    return 1;
  }
  ctx.err('Error: context deadline exceeded\n');
  return 1;
}

/** A Go duration flag value (5s, 1m30s, 500ms) in ms; 5 s when it does not parse. */
function goDuration(v: string): number {
  let ms = 0;
  let used = '';
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    ms += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's'];
    used += m[0];
  }
  return used === v && v ? ms : 5000;
}

function usage(ctx: CommandContext, msg: string): number {
  ctx.err(`Error: ${msg}\n`);
  return 128;
}

export function etcdutl(world: NodeWorld, ctx: CommandContext): number {
  const m = world.machine(ctx.shell.host.name);
  if (!m) return 127;
  const p = parse(ctx.args);
  const [cmd, sub, file] = p.args;
  if (cmd === 'version') {
    ctx.out(`etcdutl version: ${ETCD_VERSION}\nAPI version: 3.6\n`);
    return 0;
  }
  if (cmd !== 'snapshot' || (sub !== 'status' && sub !== 'restore')) {
    ctx.err(cmd && cmd !== 'snapshot' ? `Error: unknown command "${cmd}" for "etcdutl"\nRun 'etcdutl --help' for usage.\n` : 'Error: snapshot requires a subcommand: status or restore\n');
    return 1;
  }
  if (!file) {
    ctx.err(`Error: snapshot ${sub} requires exactly one argument\n`);
    return 1;
  }
  const path = file.startsWith('/') ? file : `${ctx.cwd}/${file}`;
  const content = m.fs.read(path);
  if (content === undefined) {
    ctx.err(`Error: stat ${file}: no such file or directory\n`);
    return 1;
  }
  const data: EtcdData | undefined = world.snapshotIn(content);
  if (!data) {
    ctx.err(`Error: snapshot file integrity check failed. 0 errors found.\n`);
    return 1;
  }
  if (sub === 'status') {
    const row = [data.hash.padStart(8, '0'), String(data.revision), String(data.totalKeys), humanBytes(data.sizeBytes), '3.6.0'];
    const w = p.flags.get('write-out') ?? 'simple';
    if (w === 'table') ctx.out(etcdTable(['HASH', 'REVISION', 'TOTAL KEYS', 'TOTAL SIZE', 'VERSION'], [row]));
    else if (w === 'json') ctx.out(JSON.stringify({ hash: parseInt(data.hash, 16), revision: data.revision, totalKey: data.totalKeys, totalSize: data.sizeBytes, version: '3.6.0' }) + '\n');
    else ctx.out(row.join(', ') + '\n');
    return 0;
  }
  // restore
  const name = p.flags.get('name') ?? 'default';
  const dataDir = p.flags.get('data-dir') ?? `${name}.etcd`;
  const abs = dataDir.startsWith('/') ? dataDir : `${ctx.cwd}/${dataDir}`;
  if (m.fs.exists(abs) && m.fs.walk(abs).length) {
    ctx.err(`Error: data-dir "${dataDir}" not empty or could not be read\n`);
    return 1;
  }
  const peer = p.flags.get('initial-advertise-peer-urls') ?? 'http://localhost:2380';
  const ts = new Date(world.cluster.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const fields = `{"path": "${file}", "wal-dir": "${dataDir}/member/wal", "data-dir": "${dataDir}", "snap-dir": "${dataDir}/member/snap", "initial-memory-map-size": 10737418240}`;
  ctx.err(
    [
      `${ts}\tinfo\tsnapshot/v3_snapshot.go:305\trestoring snapshot\t${fields}`,
      `${ts}\tinfo\tmembership/store.go:138\tTrimming membership information from the backend...`,
      `${ts}\tinfo\tmembership/cluster.go:421\tadded member\t{"cluster-id": "cdf818194e3a8c32", "local-member-id": "0", "added-peer-id": "8e9e05c52164694d", "added-peer-peer-urls": ["${peer}"], "added-peer-is-learner": false}`,
      `${ts}\tinfo\tsnapshot/v3_snapshot.go:333\trestored snapshot\t${fields}`,
    ].join('\n') + '\n',
  );
  m.fs.write(`${abs}/member/snap/db`, `${DATA_MAGIC}${data.id}\n`);
  m.fs.write(`${abs}/member/wal/0000000000000000-0000000000000000.wal`, '\u0000');
  return 0;
}

/** `etcd [--data-dir DIR] [--name N]` started by hand: a member on http://127.0.0.1:2379. */
export function etcdProcess(world: NodeWorld, ctx: CommandContext): number {
  const m = world.machine(ctx.shell.host.name);
  if (!m) return 127;
  const p = parse(ctx.args);
  if (p.flags.has('version')) {
    ctx.out(`etcd Version: ${ETCD_VERSION}\nGit SHA: 0f3ef2c\nGo Version: go1.24.9\nGo OS/Arch: linux/amd64\n`);
    return 0;
  }
  const now = world.cluster.clock.now();
  const ts = zapTs(now);
  const name = p.flags.get('name') ?? 'default';
  const dataDir = p.flags.get('data-dir') ?? `${name}.etcd`;
  if (m.controlPlane || m.etcd) {
    ctx.err(`{"level":"info","ts":"${ts}","caller":"etcdmain/etcd.go:64","msg":"Running: ","args":${JSON.stringify(['etcd', ...ctx.args])}}\n{"level":"fatal","ts":"${ts}","caller":"etcdmain/etcd.go:183","msg":"discovery failed","error":"listen tcp 127.0.0.1:2379: bind: address already in use","stacktrace":"go.etcd.io/etcd/server/v3/etcdmain.startEtcdOrProxyV2\\n\\tgo.etcd.io/etcd/server/v3/etcdmain/etcd.go:183\\ngo.etcd.io/etcd/server/v3/etcdmain.Main\\n\\tgo.etcd.io/etcd/server/v3/etcdmain/main.go:40\\nmain.main\\n\\tgo.etcd.io/etcd/server/v3/main.go:31\\nruntime.main\\n\\truntime/proc.go:283"}\n`);
    return 1;
  }
  m.etcd = { pid: world.nextPid(), started: now, name, dataDir, kv: new Map(), revision: 1 };
  m.fs.write(`${dataDir.startsWith('/') ? dataDir : `${ctx.cwd}/${dataDir}`}/member/snap/db`, '\u0000');
  ctx.err(
    [
      `{"level":"info","ts":"${ts}","caller":"etcdmain/etcd.go:64","msg":"Running: ","args":${JSON.stringify(['etcd', ...ctx.args])}}`,
      `{"level":"warn","ts":"${ts}","caller":"embed/config.go:1209","msg":"Running http and grpc server on single port. This is not recommended for production."}`,
      `{"level":"info","ts":"${ts}","caller":"embed/etcd.go:140","msg":"configuring peer listeners","listen-peer-urls":["http://localhost:2380"]}`,
      `{"level":"info","ts":"${ts}","caller":"embed/etcd.go:148","msg":"configuring client listeners","listen-client-urls":["http://localhost:2379"]}`,
      `{"level":"info","ts":"${ts}","caller":"etcdserver/server.go:1806","msg":"published local member to cluster through raft","local-member-id":"8e9e05c52164694d","local-member-attributes":"{Name:${name} ClientURLs:[http://localhost:2379]}","cluster-id":"cdf818194e3a8c32","publish-timeout":"7s"}`,
      `{"level":"info","ts":"${ts}","caller":"embed/serve.go:137","msg":"ready to serve client requests"}`,
      `{"level":"info","ts":"${ts}","caller":"embed/serve.go:220","msg":"serving client traffic insecurely; this is strongly discouraged!","traffic":"grpc+http","address":"127.0.0.1:2379"}`,
    ].join('\n') + '\n',
  );
  return 0;
}
