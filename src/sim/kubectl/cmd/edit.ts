/**
 * kubectl edit (k8s.io/kubectl/pkg/cmd/edit + pkg/cmd/util/editor/editoptions.go): the objects are
 * written (header + YAML, managedFields left out) to /tmp/kubectl-edit-<random>.yaml on the machine
 * kubectl runs on, `$KUBE_EDITOR`, `$EDITOR` or `vi` is run on the file, and the change is patched
 * onto the live object (`deployment.apps/web edited`). No change: "Edit cancelled, no changes made.".
 * A change the API server rejects as invalid re-opens the editor with the errors in the header; when
 * the editor then changes nothing, the file is kept ("A copy of your changes has been stored to …")
 * and the edit ends with "error: Edit cancelled, no valid changes were saved.".
 */
import { isObject, type KubeObject } from '../../api/object.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { parseManifests } from '../builder.ts';
import { CmdError } from '../errors.ts';
import { marshalJSON, printJSON } from '../printers/json.ts';
import { LAST_APPLIED } from './apply.ts';
import { printYAML } from '../printers/yaml.ts';
import { yamlToJSON } from '../yaml/goyaml/decode.ts';
import type { Command, KubectlContext } from '../types.ts';
import { FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, call, printObjects, stripManaged } from './common.ts';
import { VALIDATE_FLAG, fieldValidation } from './create.ts';
import { sameJSON } from './patch.ts';
import { CHANGE_CAUSE, RECORD_FLAG, changeCause, recordDeprecation } from './record.ts';
import { createOrUpdateAnnotation } from './replace.ts';
import { buildInfos, checkErr, errorText, goError, resourceString, type Info } from './visit.ts';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** A real editor is a person; a scripted one (sed) that keeps changing the file would loop forever. */
const MAX_EDIT_ROUNDS = 5;

interface Reason {
  head: string;
  other: string[];
}

/** hashOnLineBreak: continuation lines of a reason become comments too. */
function hashOnLineBreak(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (i + 1 < s.length && ch === '\n' && s[i + 1] !== '#') r += '\n# ';
    else r += ch;
  }
  return r;
}

function headerText(reasons: Reason[]): string {
  let s = HEADER;
  for (const r of reasons) {
    s += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) s += `# * ${hashOnLineBreak(o)}\n`;
    s += '#\n';
  }
  return s;
}

/** cmdutil.ManualStrip: drop comment lines (but not `#!`). */
function manualStrip(file: string): string {
  const lines = file.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    out.push(line + (i < lines.length - 1 ? '\n' : ''));
  });
  return out.join('');
}

/** cmdutil.StripComments: the document as JSON (so formatting does not count), or the manual strip. */
function stripComments(file: string): string {
  const r = yamlToJSON(file);
  return r.ok ? JSON.stringify(canonical(r.value)) : manualStrip(file);
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

/**
 * schema.ValidateBytes(StripComments(edited)) as kubectl v1.33 runs it: the YAML error if the text does not
 * parse, "invalid object to validate" if it holds no object (empty, only comments), else undefined.
 */
function validationError(file: string): string | undefined {
  let r = yamlToJSON(file);
  if (!r.ok) r = yamlToJSON(manualStrip(file));
  if (!r.ok) return r.error;
  return isObject(r.value) ? undefined : 'invalid object to validate';
}

/** hasLines: any line that is neither blank nor a comment. */
function hasLines(file: string): boolean {
  return file.split('\n').some((l) => l.trim().length > 0 && !l.trim().startsWith('#'));
}

/** jsonpatch.CreateMergePatch(original, edited). */
function mergeDiff(a: unknown, b: unknown): unknown {
  if (isObject(a) && isObject(b)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(b)) {
      if (!(k in a)) out[k] = b[k];
      else if (!sameJSON(a[k], b[k])) out[k] = isObject(a[k]) && isObject(b[k]) ? mergeDiff(a[k], b[k]) : b[k];
    }
    for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
    return out;
  }
  return b;
}

function editorCommand(ctx: KubectlContext): string {
  for (const env of ['KUBE_EDITOR', 'EDITOR']) if (ctx.env[env]) return ctx.env[env];
  return 'vi';
}

/** preservedFile: point at the kept file, then fail with err. */
function preserved(ctx: KubectlContext, err: unknown, path: string | undefined): never {
  if (path && ctx.fs.read(path) !== undefined) ctx.err(`A copy of your changes has been stored to ${JSON.stringify(path)}\n`);
  throw err;
}

export const edit: Command = {
  name: 'edit',
  flags: [
    ...PRINT_FLAGS,
    RECORD_FLAG,
    FILENAME_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    RECURSIVE_FLAG,
    { name: 'output-patch', type: 'bool' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'subresource', type: 'string' },
    VALIDATE_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-edit' },
  ],
  run(ctx, args, flags) {
    recordDeprecation(ctx, flags);
    const output = flags.str('output') || 'yaml';
    if (output !== 'yaml' && output !== 'json') throw new CmdError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,yaml`);
    const validation = fieldValidation(flags.str('validate'));
    const sub = flags.str('subresource');
    const r = buildInfos(ctx, { args, files: flags.list('filename'), recursive: flags.bool('recursive'), all: true, latest: true });
    if (r.errors.length) return checkErr(ctx, r.errors[0]);
    if (!r.infos.length) throw new CmdError('edit cancelled, no objects found');
    const record = flags.bool('record') ? changeCause('kubectl edit', args, flags) : undefined;
    return editFn(ctx, r.infos, { output, validation, sub: sub || undefined, saveConfig: flags.bool('save-config'), outputPatch: flags.bool('output-patch'), record, flags });
  },
};

export interface EditOptions {
  /**
   * ApplyEditMode (kubectl apply edit-last-applied): the objects are the last-applied configurations,
   * and an edited one is saved back into the annotation (visitToApplyEditPatch + annotationPatch).
   */
  apply?: boolean;
  output: string;
  validation: 'Strict' | 'Warn' | 'Ignore';
  sub?: string;
  saveConfig: boolean;
  outputPatch: boolean;
  record?: string;
  flags: Parameters<NonNullable<Command['run']>>[2];
}

/** The edit loop (editFn); returns the exit status (1 for cmdutil.ErrExit). */
export function editFn(ctx: KubectlContext, infos: Info[], o: EditOptions): number {
  const ext = o.output === 'json' ? '.json' : '.yaml';
  const addHeader = o.output !== 'json';
  const original = infos.length === 1 ? stripManaged(infos[0].object) : { kind: 'List', apiVersion: 'v1', metadata: {}, items: infos.map((i) => stripManaged(i.object)) };
  const render = (v: unknown) => (o.output === 'json' ? printJSON(v as object) : printYAML(v));
  let reasons: Reason[] = [];
  let containsError = false;
  let edited = '';
  let originalText = '';
  let resultsFile = '';
  for (let round = 0; ; round++) {
    let buf = addHeader ? headerText(reasons) : '';
    if (!containsError) {
      buf += render(original);
      originalText = buf;
    } else {
      buf += manualStrip(edited);
    }
    // LaunchTempFile
    const file = `/tmp/kubectl-edit-${ctx.tempSuffix()}${ext}`;
    ctx.fs.write(file, buf);
    const editor = editorCommand(ctx);
    const status = ctx.runShell(`${editor} ${file}`);
    if (status !== 0) preserved(ctx, new CmdError(`there was a problem with the editor ${JSON.stringify(editor)}`), resultsFile);
    const editedDiff = edited;
    edited = ctx.fs.read(file) ?? '';
    if (containsError && (stripComments(editedDiff) === stripComments(edited) || round >= MAX_EDIT_ROUNDS)) {
      preserved(ctx, new CmdError('Edit cancelled, no valid changes were saved.'), file);
    }
    if (resultsFile) ctx.fs.remove(resultsFile);
    // Apply validation (schema.ValidateBytes on the comment-stripped text): a YAML syntax error is
    // reported like an invalid object and the file is reopened.
    const syntax = validationError(edited);
    if (syntax !== undefined) {
      resultsFile = file;
      containsError = true;
      const rs = resourceString(infos[0].info);
      reasons = [{ head: `${rs} ${JSON.stringify(infos[0].name)} was not valid`, other: [`<nil>: Invalid value: "The edited file failed validation": ${syntax}`] }];
      ctx.err(`error: ${rs} ${JSON.stringify(infos[0].name)} is invalid\n`);
      continue;
    }
    if (stripComments(originalText) === stripComments(edited)) {
      ctx.fs.remove(file);
      ctx.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      ctx.fs.remove(file);
      ctx.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    resultsFile = file;
    reasons = [];
    let updated: KubeObject[];
    try {
      updated = parseManifests(manualStrip(edited), 'edited-file').map((t) => t.object!);
    } catch (e) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${errorText(e).replace(/^error parsing edited-file: /, '')}`, other: [] });
      continue;
    }
    containsError = false;
    for (const u of updated) {
      const ns = u.metadata?.namespace;
      const info = infos.find((i) => i.object.metadata.uid === u.metadata?.uid);
      if (ns && info?.info.namespaced && ns !== ctx.namespace) {
        preserved(ctx, new CmdError(`the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`), file);
      }
      if (o.saveConfig) createOrUpdateAnnotation(true, u);
      if (o.record) u.metadata.annotations = { ...(u.metadata.annotations ?? {}), [CHANGE_CAUSE]: o.record };
    }
    const results = { retryable: 0, notfound: 0, edit: 0 };
    if (o.apply) {
      for (const u of updated) {
        // visitToApplyEditPatch: matched by UID (a last-applied configuration has none: the first).
        const it = infos.find((i) => i.object.metadata.uid === u.metadata?.uid);
        if (!it) preserved(ctx, new CmdError(`no original object found for ${JSON.stringify(u)}`), resultsFile);
        if (sameJSON(it.object, u)) {
          printObjects(ctx, [u], o.flags, 'skipped');
          continue;
        }
        try {
          // annotationPatch: editor.GetApplyPatch, a merge patch of the annotation alone.
          call(ctx, it.info, { verb: 'patch', patchType: 'merge', namespace: it.info.namespaced ? ctx.namespace : undefined, name: u.metadata?.name, body: { metadata: { annotations: { [LAST_APPLIED]: marshalJSON(u) + '\n' } } }, fieldValidation: o.validation });
        } catch (e) {
          preserved(ctx, e, resultsFile);
        }
        printObjects(ctx, [u], o.flags, 'edited');
      }
      ctx.fs.remove(file);
      return 0;
    }
    for (const u of updated) {
      const it = infos.find((i) => i.object.metadata.uid === u.metadata?.uid);
      if (!it) preserved(ctx, new CmdError(`no original object found for ${JSON.stringify(u)}`), resultsFile);
      const before = stripManaged(it.object);
      if (sameJSON(before, u)) {
        printObjects(ctx, [u], o.flags, 'skipped');
        continue;
      }
      if (u.apiVersion !== before.apiVersion || u.kind !== before.kind || u.metadata?.name !== before.metadata.name) {
        preserved(ctx, new CmdError('At least one of apiVersion, kind and name was changed'), resultsFile);
      }
      const patch = mergeDiff(before, u);
      if (o.outputPatch) ctx.out(`Patch: ${JSON.stringify(patch)}\n`);
      try {
        const out = call(ctx, it.info, { verb: 'patch', patchType: 'merge', namespace: it.namespace, name: it.name, body: patch, subresource: o.sub, fieldValidation: o.validation }) as KubeObject;
        printObjects(ctx, [out], o.flags, 'edited');
      } catch (e) {
        const rs = resourceString(it.info);
        if (e instanceof ApiError && e.status.reason === 'Invalid') {
          results.edit++;
          reasons.push({ head: `${rs} ${JSON.stringify(it.name)} was not valid`, other: (e.status.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`) });
          ctx.err(`error: ${rs} ${JSON.stringify(it.name)} is invalid\n`);
        } else if (e instanceof ApiError && e.status.code === 404) {
          results.notfound++;
          ctx.err(`error: ${rs} ${JSON.stringify(it.name)} could not be found on the server\n`);
        } else {
          results.retryable++;
          ctx.err(`error: ${rs} ${JSON.stringify(it.name)} could not be patched: ${goError(e)}\n`);
        }
      }
    }
    if (results.retryable > 0) {
      ctx.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (results.notfound > 0) {
      ctx.err(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      return 1;
    }
    if (!results.edit) {
      ctx.fs.remove(file);
      return 0;
    }
    if (reasons.length) containsError = true;
  }
}
