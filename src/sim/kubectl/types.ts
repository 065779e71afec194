/** What a kubectl command gets to work with: the API, the files of the machine it runs on, output. */
import type { ApiServer } from '../apiserver/server.ts';
import type { FileSystem } from '../shell/fs.ts';
import type { FlagDef, Flags } from './flags.ts';
import type { ClientSettings } from './kubeconfig.ts';

export interface KubectlContext {
  server: ApiServer;
  fs: FileSystem;
  cwd: string;
  env: Record<string, string>;
  stdin: string;
  out(s: string): void;
  err(s: string): void;
  /** Namespace from -n, or the current context's. */
  namespace: string;
  /** True when -n/--namespace was given explicitly. */
  namespaceExplicit: boolean;
  /** The kubeconfig-derived client settings (context, server); set by the root command. */
  client?: ClientSettings;
  /** Let simulated time pass while a command waits (rollout status, delete --wait). */
  wait(ms: number): void;
  /** Run a shell command line (KUBE_EDITOR for kubectl edit). Returns its exit status. */
  runShell(line: string): number;
  /** Fresh random suffix for temp files (kubectl edit). */
  tempSuffix(): string;
  /**
   * Run a program of the machine kubectl runs on (kubectl diff's `diff`), its output going to
   * kubectl's own; its exit status, or undefined when the machine has no such program.
   */
  exec?(argv: string[]): number | undefined;
  /**
   * The version of the kubectl binary that runs: the kubectl package installed on the machine the
   * shell is on (apt-get install kubectl=1.35.1-1.1 changes it). Default v1.35.0.
   */
  clientVersion?: string;
  /** Warnings already written by this command (each server warning text once). */
  warned?: Set<string>;
}

export interface Command {
  name: string;
  aliases?: string[];
  /** Flags of this command (global flags are added by the root). */
  flags?: FlagDef[];
  /** Sub-commands (create deployment, rollout status, …). */
  sub?: Command[];
  /** The full command path for messages, filled in by the root: "kubectl create deployment". */
  path?: string;
  run?(ctx: KubectlContext, args: string[], flags: Flags, dashAt: number): number | void;
}
