/**
 * Runnable blocks: which code fences of a note can run, what they run, and what they are declared to
 * do. Pure and DOM-free — the build step (src/lib/remark-runnable.ts), the page runtime
 * (src/components/run) and the test that runs every block of every note (runnable-notes.test.ts)
 * all use this one definition.
 *
 * Fence meta an author can write (see CONTRIBUTING.md):
 *   norun                 not runnable (skeletons, placeholders, files on a node)
 *   mistake               a "흔한 실수" block: expected to fail
 *   title="pod.yaml"      the file a manifest is saved as (else block-N.yaml)
 *   error="unknown field" expected failure whose stderr contains this text
 *   output="Running"      expected success whose stdout contains this text
 *   expect="ok|error"     the outcome, stated explicitly
 *   action="create"       the manifest action the tests use (apply by default)
 *   then="sleep 5; kubectl get pod web"
 *                         commands run after the block (e.g. to show a failure that only shows
 *                         in the pod's status); `;` separates lines
 *   id="web"              a name other blocks can refer to
 *   needs="web, #2"       blocks (id, title or #number) that must have run first on this cluster
 */
import { parseMeta } from './meta.ts';

export type BlockKind = 'manifest' | 'shell';
export type ManifestAction = 'apply' | 'create' | 'delete';
export type Action = 'run' | ManifestAction;

export interface Expectation {
  /** true: every command exits 0; false: at least one fails. */
  ok: boolean;
  /** Text that must appear in stderr (only with ok=false). */
  error?: string;
  /** Text that must appear in stdout. */
  output?: string;
}

export interface BlockSpec {
  /** 1-based number among the page's runnable blocks. */
  n: number;
  /** id meta, else the title, else "#n". */
  id: string;
  kind: BlockKind;
  lang: string;
  code: string;
  /** Manifests: the file the block is saved as. */
  file?: string;
  title?: string;
  mistake: boolean;
  /** The action the tests run (manifests: apply unless action= says otherwise). */
  action: Action;
  expect: Expectation;
  /** Ids, titles or "#n" of blocks that must have run before this one. */
  needs: string[];
  /** Shell lines run after the block's own command(s). */
  then: string[];
  /** FNV-1a of the original code: keys saved edits, so an edit of an older text is not applied. */
  hash: string;
}

const SHELL_LANGS = new Set(['sh', 'bash', 'shell']);
const YAML_LANGS = new Set(['yaml', 'yml']);

/** A YAML text with at least one document that has top-level apiVersion and kind. */
export function isManifest(code: string): boolean {
  return code.split(/^---[ \t]*$/m).some((doc) => /^apiVersion:[ \t]*\S/m.test(doc) && /^kind:[ \t]*\S/m.test(doc));
}

export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The runnable form of one fence, or null when it is not runnable (other language, `norun`, YAML
 * that is not a manifest). `n` is the number it gets among the page's runnable blocks.
 */
export function classify(lang: string | null | undefined, meta: string | null | undefined, code: string, n: number): BlockSpec | null {
  const l = (lang ?? '').toLowerCase();
  const { flags, attrs } = parseMeta(meta);
  if (flags.has('norun')) return null;
  let kind: BlockKind;
  if (SHELL_LANGS.has(l)) kind = 'shell';
  else if (YAML_LANGS.has(l) && isManifest(code)) kind = 'manifest';
  else return null;
  if (!code.trim()) return null;

  const mistake = flags.has('mistake');
  const expect: Expectation = { ok: !mistake };
  if (attrs.expect === 'ok' || attrs.expect === 'success') expect.ok = true;
  if (attrs.expect === 'error' || attrs.expect === 'fail') expect.ok = false;
  if (attrs.error !== undefined) {
    expect.ok = false;
    expect.error = attrs.error;
  }
  if (attrs.output !== undefined) expect.output = attrs.output;

  const title = attrs.title;
  const spec: BlockSpec = {
    n,
    id: attrs.id ?? title ?? `#${n}`,
    kind,
    lang: l,
    code,
    mistake,
    action: 'run',
    expect,
    needs: (attrs.needs ?? '').split(/[\s,]+/).filter(Boolean),
    then: (attrs.then ?? '').split(/\s*;\s*/).filter(Boolean),
    hash: fnv1a(code),
  };
  if (title) spec.title = title;
  if (kind === 'manifest') {
    spec.file = title && /^[\w./-]+$/.test(title) ? title : `block-${n}.yaml`;
    const a = attrs.action;
    spec.action = a === 'create' || a === 'delete' ? a : 'apply';
  }
  return spec;
}

/** Manifest actions offered on a block, in button order. */
export const MANIFEST_ACTIONS: readonly ManifestAction[] = ['apply', 'create', 'delete'];

export interface Plan {
  /** Files to write on the control-plane machine first (path relative to the shell's home). */
  files: { path: string; content: string }[];
  /** The shell script to run. */
  script: string;
}

/** A block's code as the file it is saved as (ending with a newline, as an editor saves it). */
function asFile(path: string, code: string): { path: string; content: string } {
  return { path, content: code.endsWith('\n') ? code : code + '\n' };
}

/** What running `action` on a block means: the files to lay down and the script. */
export function planFor(block: Pick<BlockSpec, 'kind' | 'file' | 'then'>, action: Action, code: string): Plan {
  const then = action === 'delete' || !block.then?.length ? '' : '\n' + block.then.join('\n');
  if (block.kind === 'shell') return { files: [], script: code + then };
  const file = block.file ?? 'manifest.yaml';
  const verb = action === 'run' ? 'apply' : action;
  return { files: [asFile(file, code)], script: `kubectl ${verb} -f ${file}${then}` };
}

/**
 * The manifest files a page has "on disk" when `block` runs: for each file name, the nearest
 * earlier manifest block of that name that is not a mistake (else the nearest earlier one, else the
 * first later one). A shell block such as `kubectl create -f pod.yaml` finds the file the page
 * showed, as on a lab machine where the learner has just written it. `code` gives the text of a
 * block (the learner's edit or the original).
 */
export function pageFiles(blocks: readonly BlockSpec[], block: Pick<BlockSpec, 'n' | 'file'>, code: (b: BlockSpec) => string = (b) => b.code): { path: string; content: string }[] {
  const byFile = new Map<string, BlockSpec[]>();
  for (const b of blocks) if (b.kind === 'manifest' && b.file) byFile.set(b.file, [...(byFile.get(b.file) ?? []), b]);
  const out: { path: string; content: string }[] = [];
  for (const [file, list] of byFile) {
    if (file === block.file) continue; // the block writes its own file when it runs
    const before = list.filter((b) => b.n < block.n).reverse();
    const after = list.filter((b) => b.n > block.n);
    const pick = before.find((b) => !b.mistake) ?? before[0] ?? after.find((b) => !b.mistake) ?? after[0];
    if (!pick) continue;
    out.push(asFile(file, code(pick)));
  }
  return out;
}

/** Resolves a `needs` reference (id, title or "#n") against the page's blocks. */
export function findBlock(blocks: readonly BlockSpec[], ref: string): BlockSpec | undefined {
  if (/^#\d+$/.test(ref)) return blocks.find((b) => b.n === Number(ref.slice(1)));
  return blocks.find((b) => b.id === ref) ?? blocks.find((b) => b.title === ref);
}

/**
 * The blocks that must run before `block` (transitively, in page order), excluding those in `done`.
 * Unknown references are reported, not thrown.
 */
export function prerequisites(blocks: readonly BlockSpec[], block: BlockSpec, done: ReadonlySet<number> = new Set()): { order: BlockSpec[]; unknown: string[] } {
  const seen = new Set<number>();
  const unknown: string[] = [];
  const visit = (b: BlockSpec) => {
    for (const ref of b.needs) {
      const dep = findBlock(blocks, ref);
      if (!dep || dep.n === b.n) {
        unknown.push(ref);
        continue;
      }
      if (seen.has(dep.n) || done.has(dep.n)) continue;
      seen.add(dep.n);
      visit(dep);
    }
  };
  visit(block);
  return { order: blocks.filter((b) => seen.has(b.n)), unknown };
}

/**
 * The data-* attributes of a block's <run-block> element (written at build time). What
 * `blockFromDataset` reads as the default is left out (a shell block, its kind's own action, an
 * expected success): a page carries dozens of blocks.
 */
export function blockAttributes(b: BlockSpec): Record<string, string> {
  const a: Record<string, string> = { 'data-n': String(b.n) };
  if (b.kind !== 'shell') a['data-kind'] = b.kind;
  if (b.action !== (b.kind === 'shell' ? 'run' : 'apply')) a['data-action'] = b.action;
  if (!b.expect.ok) a['data-expect'] = 'error';
  if (b.id !== `#${b.n}` && b.id !== b.title) a['data-id'] = b.id;
  if (b.file) a['data-file'] = b.file;
  if (b.title) a['data-title'] = b.title;
  if (b.mistake) a['data-mistake'] = '';
  if (b.expect.error !== undefined) a['data-error'] = b.expect.error;
  if (b.expect.output !== undefined) a['data-output'] = b.expect.output;
  if (b.needs.length) a['data-needs'] = b.needs.join(' ');
  if (b.then.length) a['data-then'] = b.then.join('; ');
  return a;
}

/**
 * The block back from its element's dataset (camel-cased data-* names) and the code text the page
 * shows; the inverse of `blockAttributes`. Never throws: a damaged attribute gives a plain block.
 */
export function blockFromDataset(d: Record<string, string | undefined>, code: string): BlockSpec {
  const n = Number(d.n) > 0 ? Math.floor(Number(d.n)) : 0;
  const kind: BlockKind = d.kind === 'manifest' ? 'manifest' : 'shell';
  const expect: Expectation = { ok: d.expect !== 'error' };
  if (d.error !== undefined) expect.error = d.error;
  if (d.output !== undefined) expect.output = d.output;
  const action: Action = kind === 'shell' ? 'run' : d.action === 'create' || d.action === 'delete' ? d.action : 'apply';
  const b: BlockSpec = {
    n,
    id: d.id ?? d.title ?? `#${n}`,
    kind,
    lang: kind === 'manifest' ? 'yaml' : 'sh',
    code,
    mistake: d.mistake !== undefined,
    action,
    expect,
    needs: (d.needs ?? '').split(/[\s,]+/).filter(Boolean),
    then: (d.then ?? '').split(/\s*;\s*/).filter(Boolean),
    hash: fnv1a(code),
  };
  if (d.title !== undefined) b.title = d.title;
  if (kind === 'manifest') b.file = d.file && /^[\w./-]+$/.test(d.file) ? d.file : `block-${n}.yaml`;
  return b;
}

/**
 * One step of running a block on a cluster: lay down the page's files that are missing, write the
 * block's own file, run the script. The page runtime logs these steps (a session is its steps,
 * replayed), so a step carries everything it needs and nothing about the page.
 */
export interface Step {
  /** Files written only when absent (the page's files, see `pageFiles`). */
  lay: { path: string; content: string }[];
  /** Files written always (the block's own manifest). */
  write: { path: string; content: string }[];
  script: string;
  /** The block this step runs (for the UI). */
  n?: number;
  /** A prerequisite of the block the learner ran. */
  pre?: boolean;
  /** Puts the page's good file back after a "흔한 실수" manifest (nothing to show). */
  restore?: boolean;
}

/**
 * The steps of running `action` on `block` on a cluster where the blocks in `done` have run: its
 * prerequisites first (page order), then the block. `codeOf` gives each block's current text.
 */
export function stepsFor(blocks: readonly BlockSpec[], block: BlockSpec, action: Action, done: ReadonlySet<number>, codeOf: (b: BlockSpec) => string = (b) => b.code): { steps: Step[]; unknown: string[] } {
  const { order, unknown } = prerequisites(blocks, block, done);
  const one = (b: BlockSpec, a: Action, pre: boolean): Step => {
    const plan = planFor(b, a, codeOf(b));
    const step: Step = { lay: pageFiles(blocks, b, codeOf), write: plan.files, script: plan.script, n: b.n };
    if (pre) step.pre = true;
    return step;
  };
  const steps = [...order.map((d) => one(d, d.action, true)), one(block, action, false)];
  // A mistake manifest saved under the page's file name would leave its typo for the blocks after it
  // (`kubectl replace -f replicaset.yaml`): the page's good version goes back once it has run.
  if (block.mistake && block.kind === 'manifest' && block.file) {
    const same = blocks.filter((b) => b.kind === 'manifest' && b.file === block.file && !b.mistake);
    const pick = [...same].reverse().find((b) => b.n < block.n) ?? same.find((b) => b.n > block.n);
    if (pick) steps.push({ lay: [], write: [asFile(block.file, codeOf(pick))], script: '', restore: true });
  }
  return { steps, unknown };
}
