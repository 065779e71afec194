/**
 * Tab completion for the page terminal, computed next to the simulator (in the worker): command
 * names (the shell's commands and aliases), kubectl verbs and sub-commands, resource types, object
 * names (in the namespace given with -n/--namespace), flags, `sim` sub-commands, and file names.
 * No DOM.
 */
import type { Session } from '../../sim/session.ts';
import { COMMANDS } from '../../sim/kubectl/cmd/index.ts';
import { GLOBAL_FLAGS } from '../../sim/kubectl/kubectl.ts';
import { RESOURCES } from '../../sim/api/resources.ts';
import type { Command } from '../../sim/kubectl/types.ts';
import { res } from '../../sim/apiserver/client.ts';

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  /** Candidates for that word, sorted. */
  candidates: string[];
}

const FILE_COMMANDS = new Set(['cat', 'vi', 'vim', 'nano', 'less', 'rm', 'cp', 'mv', 'ls', 'head', 'tail', 'base64', 'grep', 'wc', 'sed', 'touch', 'mkdir', 'cd', 'diff']);
const SIM_SUBS = ['advance', 'step', 'now', 'fail-node', 'recover-node', 'add-node'];
/** Verbs whose next word is a resource type, then a name. */
const TAKES_RESOURCE = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'explain', 'expose', 'wait', 'rollout', 'set', 'top', 'logs', 'exec', 'cordon', 'uncordon', 'drain', 'taint']);
/** Verbs whose first argument is already a name of a fixed type. */
const FIXED_TYPE: Record<string, string> = { logs: 'pods', exec: 'pods', cordon: 'nodes', uncordon: 'nodes', drain: 'nodes' };

function words(line: string): { words: string[]; from: number } {
  // Simple shell-ish split: good enough for completion (quotes keep spaces).
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      else cur += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (/\s/.test(c)) {
      if (cur || (i > 0 && !/\s/.test(line[i - 1]))) out.push(cur);
      cur = '';
      start = i + 1;
    } else cur += c;
  }
  out.push(cur);
  return { words: out.filter((w, i) => w !== '' || i === out.length - 1), from: start };
}

function flagNames(cmd: Command | undefined): string[] {
  const defs = [...(cmd?.flags ?? []), ...GLOBAL_FLAGS];
  return defs.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
}

function resourceWords(): string[] {
  return [...new Set(RESOURCES.flatMap((r) => [r.resource, r.singular, ...r.shortNames]))];
}

function resolveResource(word: string): string | undefined {
  const w = word.toLowerCase().split('.')[0];
  return RESOURCES.find((r) => r.resource === w || r.singular === w || r.shortNames.includes(w) || r.kind.toLowerCase() === w)?.resource;
}

function namesOf(session: Session, resource: string, ns: string | undefined): string[] {
  const info = RESOURCES.find((r) => r.resource === resource);
  if (!info) return [];
  try {
    return session.cluster.client.list(res(info.resource, info.group), info.namespaced ? ns : undefined).map((o) => o.metadata.name ?? '');
  } catch {
    return [];
  }
}

function fileNames(session: Session, prefix: string): string[] {
  const shell = session.shell;
  const slash = prefix.lastIndexOf('/');
  const dirPart = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const base = dirPart.startsWith('/') ? dirPart : `${shell.cwd.replace(/\/$/, '')}/${dirPart}`;
  const dir = base.length > 1 ? base.replace(/\/$/, '') : '/';
  if (!shell.fs.isDir(dir)) return [];
  return shell.fs.list(dir).map((n) => dirPart + n + (shell.fs.isDir(`${dir === '/' ? '' : dir}/${n}`) ? '/' : ''));
}

/** What -o takes (kubectl get's printer flags; templates take their argument after =). */
const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'wide', 'jsonpath=', 'jsonpath-file=', 'custom-columns=', 'custom-columns-file=', 'go-template=', 'go-template-file=', 'template=', 'templatefile='];

export function complete(session: Session, line: string): Completion {
  const { words: ws, from } = words(line);
  const cur = ws[ws.length - 1] ?? '';
  const prev = ws.slice(0, -1);
  const filter = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x.startsWith(cur) && x !== '').sort();
  const shell = session.shell;

  if (prev.length === 0) return { from, candidates: filter([...shell.commands.keys(), ...shell.aliases.keys()].filter((c) => !c.startsWith('__'))) };

  // Expand an alias in the first word (alias k=kubectl).
  let first = prev[0];
  const alias = shell.aliases.get(first);
  if (alias) first = alias.trim().split(/\s+/)[0];

  const last = prev[prev.length - 1];
  if (last === '-f' || last === '--filename' || last === '>' || last === '<' || (FILE_COMMANDS.has(first) && !cur.startsWith('-'))) {
    return { from, candidates: filter(fileNames(session, cur)) };
  }

  if (first === 'sim') return prev.length === 1 ? { from, candidates: filter(SIM_SUBS) } : ['fail-node', 'recover-node'].includes(prev[1]) ? { from, candidates: filter(namesOf(session, 'nodes', undefined)) } : { from, candidates: [] };
  if (first !== 'kubectl') return { from, candidates: [] };

  // kubectl: the verb, its sub-command, then positional words; flags anywhere.
  let ns: string | undefined = 'default';
  const positional: string[] = [];
  for (let i = 1; i < prev.length; i++) {
    const w = prev[i];
    if (w === '-n' || w === '--namespace') ns = prev[++i];
    else if (w.startsWith('--namespace=')) ns = w.slice(12);
    else if (w === '-A' || w === '--all-namespaces') ns = undefined;
    else if (w.startsWith('-')) {
      // A flag that takes a value consumes the next word (kubectl's own flag table).
      const name = w.replace(/^-+/, '').split('=')[0];
      const def = [...GLOBAL_FLAGS, ...COMMANDS.flatMap((c) => c.flags ?? [])].find((f) => f.name === name || f.short === name);
      if (def && def.type !== 'bool' && !w.includes('=')) i++;
    } else positional.push(w);
  }
  if (['-n', '--namespace'].includes(last)) return { from, candidates: filter(namesOf(session, 'namespaces', undefined)) };
  // -o/--output: the printers' formats (kubectl's own completion offers these).
  if (['-o', '--output'].includes(last)) return { from, candidates: filter(OUTPUT_FORMATS) };
  const verb = COMMANDS.find((c) => c.name === positional[0] || c.aliases?.includes(positional[0] ?? ''));
  if (cur.startsWith('-')) {
    const sub = verb?.sub?.find((s) => s.name === positional[1] || s.aliases?.includes(positional[1] ?? ''));
    return { from, candidates: filter(flagNames(sub ?? verb)) };
  }
  if (positional.length === 0) return { from, candidates: filter(COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])])) };
  if (!verb) return { from, candidates: [] };
  const args = positional.slice(1);
  if (verb.sub?.length && args.length === 0) {
    const subs = verb.sub.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
    if (!TAKES_RESOURCE.has(verb.name)) return { from, candidates: filter(subs) };
    if (verb.name === 'rollout' || verb.name === 'set' || verb.name === 'top') return { from, candidates: filter(subs) };
  }
  const rest = verb.sub?.some((s) => s.name === args[0] || s.aliases?.includes(args[0] ?? '')) ? args.slice(1) : args;
  if (!TAKES_RESOURCE.has(verb.name) && verb.name !== 'create') return { from, candidates: [] };
  const fixed = FIXED_TYPE[verb.name];
  if (fixed) return rest.length === 0 ? { from, candidates: filter(namesOf(session, fixed, ns)) } : { from, candidates: [] };
  if (verb.name === 'top') return { from, candidates: filter(namesOf(session, args[0] === 'node' || args[0] === 'nodes' || args[0] === 'no' ? 'nodes' : 'pods', ns)) };
  if (rest.length === 0) {
    // TYPE, or TYPE/NAME
    const slash = cur.indexOf('/');
    if (slash > 0) {
      const r = resolveResource(cur.slice(0, slash));
      return r ? { from, candidates: filter(namesOf(session, r, ns).map((n) => `${cur.slice(0, slash)}/${n}`)) } : { from, candidates: [] };
    }
    return { from, candidates: filter(resourceWords()) };
  }
  const r = resolveResource(rest[0].split('/')[0]);
  return r && !rest[0].includes('/') ? { from, candidates: filter(namesOf(session, r, ns)) } : { from, candidates: [] };
}
