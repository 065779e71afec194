/**
 * kubectl's root command (k8s.io/kubectl/pkg/cmd/cmd.go): global flags, locating the sub-command the
 * way cobra does (flags may come first), unknown-command suggestions, and error rendering.
 */
import { FlagError, parseFlags, type FlagDef } from './flags.ts';
import { renderError, usageError } from './errors.ts';
import type { Command, KubectlContext } from './types.ts';
import { COMMANDS } from './cmd/index.ts';
import { ConnectionError, clientSettings, renderConnectionError, serverFor } from './kubeconfig.ts';
import { helpText } from './help.ts';
import { setResolutionWarner } from './builder.ts';
import { printWarnings } from './cmd/common.ts';

export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'as-uid', type: 'string' },
  { name: 'cache-dir', type: 'string' },
  { name: 'certificate-authority', type: 'string' },
  { name: 'client-certificate', type: 'string' },
  { name: 'client-key', type: 'string' },
  { name: 'disable-compression', type: 'bool' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'tls-server-name', type: 'string' },
  { name: 'username', type: 'string' },
  { name: 'password', type: 'string' },
  { name: 'v', short: 'v', type: 'string', default: '0' },
  { name: 'vmodule', type: 'string' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'log-flush-frequency', type: 'string' },
  { name: 'profile', type: 'string', default: 'none' },
  { name: 'profile-output', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
];

/** Cobra's case-insensitive Levenshtein distance. */
function levenshtein(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function suggestions(typed: string, cmds: Command[]): string[] {
  return cmds.filter((c) => levenshtein(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())).map((c) => c.name);
}

function takesValue(defs: FlagDef[], arg: string): boolean {
  if (arg.includes('=')) return false;
  const d = arg.startsWith('--') ? defs.find((f) => f.name === arg.slice(2)) : arg.length === 2 ? defs.find((f) => f.short === arg[1]) : undefined;
  return !!d && d.type !== 'bool' && d.noOptDefault === undefined;
}

/** Find the command path words in argv (cobra Find + stripFlags), down to the deepest sub-command. */
function locate(argv: string[]): { cmd?: Command; path: string[]; rest: string[]; unknown?: string } {
  const words: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-') && a.length > 1) {
      if (takesValue(GLOBAL_FLAGS, a)) i++;
      continue;
    }
    words.push(i);
    if (words.length >= 3) break;
  }
  if (!words.length) return { path: [], rest: argv };
  const first = argv[words[0]];
  const top = COMMANDS.find((c) => c.name === first || c.aliases?.includes(first));
  if (!top) return { path: [], rest: argv, unknown: first };
  let cmd: Command = top;
  const path = [cmd.name];
  const used = new Set([words[0]]);
  for (const w of words.slice(1)) {
    const sub: Command | undefined = cmd.sub?.find((c) => c.name === argv[w] || c.aliases?.includes(argv[w]));
    if (!sub) break;
    cmd = sub;
    path.push(sub.name);
    used.add(w);
  }
  return { cmd, path, rest: argv.filter((_, i) => !used.has(i)) };
}

export function runKubectl(ctxBase: Omit<KubectlContext, 'namespace' | 'namespaceExplicit'>, argv: string[], defaultNamespace: string): number {
  const { cmd, path, rest, unknown } = locate(argv);
  const fullPath = ['kubectl', ...path].join(' ');
  if (unknown !== undefined) {
    const s = suggestions(unknown, COMMANDS);
    let msg = `error: unknown command "${unknown}" for "kubectl"`;
    if (s.length) msg += `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}`;
    else msg += "\nRun 'kubectl --help' for usage.\n";
    ctxBase.err(msg.endsWith('\n') ? msg : msg + '\n');
    return 1;
  }
  if (!cmd) {
    ctxBase.out(ROOT_HELP);
    return 0;
  }
  const defs = [...GLOBAL_FLAGS, ...(cmd.flags ?? [])];
  let parsed;
  try {
    parsed = parseFlags(rest, defs);
  } catch (e) {
    if (e instanceof FlagError) {
      // kubectl diff's SetFlagErrorFunc: a usage error through CheckDiffErr (exit 2: 1 means "differences").
      if (path[0] === 'diff') {
        ctxBase.err(`error: ${e.message}\nSee '${fullPath} -h' for help and examples\n`);
        return 2;
      }
      ctxBase.err(`error: ${e.message}\nSee '${fullPath} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  const { flags, args, dashAt } = parsed;
  // cobra ValidateRequiredFlags (command.go): after --help, before the command runs; names in pflag's
  // sorted order, joined by `", "`.
  const missing = (cmd.flags ?? []).filter((d) => d.required && !flags.isSet(d.name)).map((d) => d.name).sort();
  if (missing.length && !flags.bool('help')) {
    ctxBase.err(`error: required flag(s) "${missing.join('", "')}" not set\n`);
    return 1;
  }
  const ns = flags.str('namespace');
  // The kubeconfig of the machine kubectl runs on decides the namespace and whether the API server
  // can be reached at all (client-go clientcmd).
  const client = clientSettings(
    { fs: ctxBase.fs, env: ctxBase.env, cwd: ctxBase.cwd, explicitPath: flags.str('kubeconfig') || undefined },
    // A command's own flag shadows the global one of that name (cobra: local flags win), so
    // `create rolebinding --user=jane` names a subject, not a kubeconfig user.
    { context: flags.str('context'), cluster: flags.str('cluster'), user: cmd.flags?.some((d) => d.name === 'user') ? '' : flags.str('user'), namespace: ns, server: flags.str('server') },
  );
  // cobra answers -h/--help before the command runs: no kubeconfig or server is needed for it.
  if (flags.bool('help')) {
    ctxBase.out(helpText(path.join(' ')) ?? `Usage: ${fullPath} [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
    return 0;
  }
  const server = serverFor(ctxBase.server, client, ctxBase.env.HOSTNAME ?? 'controlplane');
  const ctx: KubectlContext = { ...ctxBase, server, namespace: ns || client.namespace || defaultNamespace, namespaceExplicit: !!ns, client };
  if (client.error && !CONFIG_INDEPENDENT.has(path[0]) && !(path[0] === 'version' && flags.bool('client'))) {
    ctx.err(client.error + '\n');
    return 1;
  }
  if (!cmd.run) {
    // A command group without a sub-command (create service, create secret): cmdutil.DefaultSubCommandRun
    // (ErrOut) prints the group's help and fails, or RequireNoArguments' "unknown command".
    if (args.length) {
      ctx.err(renderError(usageError(`unknown command ${JSON.stringify(args.join(' '))}`), fullPath));
      return 1;
    }
    ctx.err(helpText(path.join(' ')) ?? '');
    return 1;
  }
  const outer = setResolutionWarner((m) => printWarnings(ctx, [m]));
  try {
    const r = cmd.run(ctx, args, flags, dashAt);
    return typeof r === 'number' ? r : 0;
  } catch (e) {
    if (e instanceof ConnectionError) ctx.err(renderConnectionError(e, path[0], ctxBase.server.clock.now()));
    else ctx.err(renderError(e, fullPath));
    return 1;
  } finally {
    setResolutionWarner(outer);
  }
}

/** Commands that work without a usable kubeconfig context. */
const CONFIG_INDEPENDENT = new Set(['config', 'completion', 'kustomize', 'plugin', 'options', 'help']);


const ROOT_HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller
  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

Cluster Management Commands:
  certificate     Modify certificate resources
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  attach          Attach to a running container
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  proxy           Run a proxy to the Kubernetes API server
  cp              Copy files and directories to and from containers
  auth            Inspect authorization
  debug           Create debugging sessions for troubleshooting workloads and nodes
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources
  kustomize       Build a kustomization target from a directory or URL

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)

Subcommands provided by plugins:

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  plugin          Provides utilities for interacting with plugins
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
