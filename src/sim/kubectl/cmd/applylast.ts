/**
 * kubectl apply view-last-applied / set-last-applied / edit-last-applied (k8s.io/kubectl
 * pkg/cmd/apply/apply_view_last_applied.go, apply_set_last_applied.go, apply_edit_last_applied.go,
 * pkg/cmd/util/editor/editoptions.go ApplyEditMode): the kubectl.kubernetes.io/last-applied-configuration
 * annotation that client-side apply keeps.
 *
 * - view-last-applied: -o yaml (default; sigs.k8s.io/yaml JSONToYAML of the annotation) or json
 *   (json.Indent of the annotation as it is, its trailing newline kept); several objects are printed one
 *   after the other without a separator. An object without the annotation is skipped silently when it was
 *   named by argument — cmdutil.AddSourceToErr(msg, "", nil) returns the nil error — and from a file it
 *   is the odd error `error when no last-applied-configuration annotation found on resource: NAME\n
 *   "FILE": <nil>` (AddSourceToErr with a source formats the nil error).
 * - set-last-applied -f FILE: every object of the file is read first (Validate): the live object must
 *   exist (the NotFound error as it is) and carry the annotation unless --create-annotation; an annotation
 *   that already holds the file's object prints `set-last-applied NAME: no changes required.`; then each
 *   changed one is patched (a JSON merge patch of the annotation alone, editor.GetApplyPatch: the file's
 *   object as compact JSON + "\n", its own annotations kept) and printed `… configured` (`(dry run)`,
 *   `(server dry run)`).
 * - edit-last-applied TYPE/NAME | -f FILE: `kubectl edit` on the annotations' contents (the same temp
 *   file, KUBE_EDITOR/EDITOR, "Edit cancelled, no changes made."), the edited object saved back into
 *   the annotation (`… edited`); no annotation on any object is an error.
 */
import type { KubeObject } from '../../api/object.ts';
import { enforceNamespace, readFileTargets } from '../builder.ts';
import { CmdError } from '../errors.ts';
import { marshalJSON } from '../printers/json.ts';
import { printYAML } from '../printers/yaml.ts';
import type { Command } from '../types.ts';
import { LAST_APPLIED } from './apply.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, dryRunOf, printObjects } from './common.ts';
import { editFn } from './edit.ts';
import { RECORD_FLAG } from './record.ts';
import { MISSING_RESOURCE, buildInfos, checkErr, type Info } from './visit.ts';

/** encoding/json Indent with prefix "" and indent "  ", key order and trailing whitespace kept. */
function jsonIndent(src: string): string {
  let out = '';
  let depth = 0;
  let inStr = false;
  const body = src.trimEnd();
  const trailing = src.slice(body.length);
  const nl = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inStr) {
      out += c;
      if (c === '\\') out += body[++i];
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '"') {
      inStr = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      let j = i + 1;
      while (/\s/.test(body[j] ?? '')) j++;
      if (body[j] === close) {
        out += c + close;
        i = j;
        continue;
      }
      depth++;
      out += c + nl();
    } else if (c === '}' || c === ']') {
      depth--;
      out += nl() + c;
    } else if (c === ',') out += ',' + nl();
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out + trailing;
}

export const viewLastApplied: Command = {
  name: 'view-last-applied',
  flags: [{ name: 'output', short: 'o', type: 'string' }, { name: 'selector', short: 'l', type: 'string' }, { name: 'all', type: 'bool' }, FILENAME_FLAG, RECURSIVE_FLAG, { name: 'kustomize', short: 'k', type: 'string' }],
  run(ctx, args, flags) {
    // ValidateOutputArgs
    const o = flags.str('output');
    if (o !== '' && o !== 'yaml' && o !== 'json') throw new CmdError(`Unexpected -o output mode: ${o}, the flag 'output' must be one of yaml|json`, 'usage');
    const r = buildInfos(ctx, { args, files: flags.list('filename'), recursive: flags.bool('recursive'), selector: flags.str('selector'), all: flags.bool('all'), latest: true });
    if (r.errors.length) return checkErr(ctx, r.errors[0]);
    const configs: string[] = [];
    for (const info of r.infos) {
      const config = info.object.metadata.annotations?.[LAST_APPLIED];
      if (config === undefined) {
        if (info.source) throw new CmdError(`error when no last-applied-configuration annotation found on resource: ${info.name}\n ${JSON.stringify(info.source)}: <nil>`);
        continue;
      }
      configs.push(config);
    }
    for (const c of configs) {
      if (o === 'json') ctx.out(jsonIndent(c));
      else ctx.out(printYAML(JSON.parse(c)));
    }
    return 0;
  },
};

export const setLastApplied: Command = {
  name: 'set-last-applied',
  flags: [...PRINT_FLAGS, DRY_RUN_FLAG, { name: 'create-annotation', type: 'bool' }, FILENAME_FLAG],
  run(ctx, args, flags) {
    const dryRun = dryRunOf(flags, ctx);
    void args;
    const files = flags.list('filename');
    if (!files.length) throw new CmdError(MISSING_RESOURCE);
    // Validate: every object, before anything is patched.
    const todo: { info: Info; patch: unknown }[] = [];
    for (const t of readFileTargets(ctx, files)) {
      const ns = enforceNamespace(t, ctx);
      const local = { ...t.object!, metadata: { ...t.object!.metadata } } as KubeObject;
      if (t.info.namespaced && ns && !local.metadata.namespace) local.metadata.namespace = ns;
      const name = local.metadata.name;
      // editor.GetApplyPatch
      const before = marshalJSON(local) + '\n';
      const live = call(ctx, t.info, { verb: 'get', namespace: ns, name }) as KubeObject;
      const original = live.metadata.annotations?.[LAST_APPLIED];
      if (original === undefined && !flags.bool('create-annotation')) {
        throw new CmdError(`no last-applied-configuration annotation found on resource: ${name}, to create the annotation, run the command with --create-annotation`);
      }
      if (original === before) {
        ctx.out(`set-last-applied ${name}: no changes required.\n`);
        continue;
      }
      todo.push({ info: { info: t.info, namespace: ns, name: name ?? '', object: live, source: t.source }, patch: { metadata: { annotations: { [LAST_APPLIED]: before } } } });
    }
    for (const { info, patch } of todo) {
      let obj = info.object;
      if (dryRun !== 'client') obj = call(ctx, info.info, { verb: 'patch', patchType: 'merge', namespace: info.namespace, name: info.name, body: patch, dryRun: dryRun === 'server' }) as KubeObject;
      printObjects(ctx, [obj], flags, 'configured', dryRun);
    }
    return 0;
  },
};

export const editLastApplied: Command = {
  name: 'edit-last-applied',
  flags: [...PRINT_FLAGS, RECORD_FLAG, FILENAME_FLAG, { name: 'kustomize', short: 'k', type: 'string' }, RECURSIVE_FLAG, { name: 'windows-line-endings', type: 'bool' }, { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' }],
  run(ctx, args, flags) {
    const output = flags.str('output') || 'yaml';
    if (output !== 'yaml' && output !== 'json') throw new CmdError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,yaml`);
    const r = buildInfos(ctx, { args, files: flags.list('filename'), recursive: flags.bool('recursive'), all: true, latest: true });
    if (r.errors.length) return checkErr(ctx, r.errors[0]);
    // Run, ApplyEditMode: the objects to edit are the last-applied configurations.
    const infos: Info[] = [];
    for (const i of r.infos) {
      const data = i.object.metadata.annotations?.[LAST_APPLIED];
      if (data === undefined) continue;
      let obj: KubeObject;
      try {
        obj = JSON.parse(data) as KubeObject;
      } catch (e) {
        throw new CmdError(`error parsing : ${(e as Error).message}`);
      }
      infos.push({ info: i.info, namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? i.name, object: obj });
    }
    if (!infos.length) throw new CmdError('no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`');
    return editFn(ctx, infos, { apply: true, output, validation: 'Strict', saveConfig: false, outputPatch: false, flags });
  },
};

export const applySubcommands: Command[] = [editLastApplied, setLastApplied, viewLastApplied];
