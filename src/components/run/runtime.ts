/**
 * The run UI, loaded on first use by loader.ts: runnable blocks (run, edit, reset, output in place),
 * the page's cluster (lab.ts: worker, log, storage), and the dock with the cluster view and the
 * terminal (dock.ts). Everything the cluster says is rendered as text.
 */
import { blockFromDataset, stepsFor, type Action, type BlockSpec } from '../../lib/run/blocks.ts';
import { judge, type RunEntry } from '../../lib/run/outcome.ts';
import { KEY, readEdits, stepOp, trimEntries, type Edits, type SavedOutput } from '../../lib/run/state.ts';
import { copyText, entriesText, h, renderEntries } from './dom.ts';
import { attachEditor, autosize, MAX_TEXT } from './editor.ts';
import { Lab } from './lab.ts';
import { Dock } from './dock.ts';
import { acceptShare } from './share.ts';
import css from './run.css?inline';
import { attachFlow } from './flow-ui.ts';

interface BlockUI {
  el: HTMLElement;
  spec: BlockSpec;
  pre: HTMLElement;
  bar: HTMLElement;
  status: HTMLElement;
  out: HTMLElement | null;
  editor: HTMLTextAreaElement | null;
  edited: string | null;
  /** Saves the editor's pending text now (before a run reads it). */
  flush?: () => void;
  busy: boolean;
}

let lab: Lab | null = null;
let dock: Dock | null = null;
const blocks: BlockUI[] = [];
let edits: Edits = {};
let page: HTMLElement | null = null;

const editsKey = () => KEY + 'edits:' + (page?.dataset.slug ?? '');

function saveEdits() {
  try {
    localStorage.setItem(editsKey(), JSON.stringify(edits));
  } catch {
    lab?.notice('브라우저 저장 공간을 쓸 수 없어 편집 내용을 저장하지 못했습니다.');
  }
}

function codeOf(b: BlockSpec): string {
  return blocks.find((x) => x.spec.n === b.n)?.edited ?? b.code;
}

function outputKey(n: number) {
  return `${page?.dataset.slug ?? ''}#${n}`;
}

/** The verdict shown above a block's output. */
function stateOf(spec: BlockSpec, entries: RunEntry[]): SavedOutput['state'] {
  const v = judge(spec.expect, entries);
  if (spec.mistake || !spec.expect.ok) return v.asExpected ? 'expected' : v.failed ? 'failed' : 'ok';
  return v.failed ? 'failed' : 'ok';
}

const STATE_TEXT: Record<string, string> = {
  running: '실행 중…',
  loading: '시뮬레이터를 불러오는 중…',
  ok: '완료',
  failed: '실패:',
  expected: '예상한 오류입니다. 아래 설명에서 고치는 법을 보세요.',
  stopped: '중단됨',
};

/**
 * Why a block that should succeed failed when what the page's earlier blocks made is in the way (run
 * in page order, the same names meet again), and what to do about it: the cluster is right to refuse.
 */
function leftoverHint(stderr: string): string {
  if (/pod updates may not change fields/.test(stderr)) return ' — 실행 중인 파드는 이미지 같은 몇몇 필드만 바꿀 수 있습니다. 앞 블록이 만든 같은 이름의 파드를 지우고(kubectl delete pod 이름) 다시 실행하세요.';
  if (/provided port is already allocated/.test(stderr)) return ' — 그 nodePort는 이미 다른 서비스가 쓰고 있습니다(앞 블록이 만든 서비스일 수 있습니다). 그 서비스를 지우거나 클러스터를 초기화하세요.';
  if (/already exists/.test(stderr)) return ' — 같은 이름의 오브젝트가 이미 있습니다(앞 블록이 만들었을 수 있습니다). 지우고 다시 실행하거나 클러스터를 초기화하세요.';
  return '';
}

function setState(b: BlockUI, state: string, extra = '') {
  b.el.dataset.state = state;
  b.status.textContent = (STATE_TEXT[state] ?? state) + (extra ? ` ${extra}` : '');
}

function ensureOut(b: BlockUI): HTMLElement {
  if (b.out) return b.out;
  const transcript = h('pre', { class: 'run-transcript', tabindex: '0', 'aria-label': '실행 결과' });
  const copy = h('button', { type: 'button', class: 'run-small' }, '결과 복사');
  const show = h('button', { type: 'button', class: 'run-small' }, '클러스터 보기');
  const close = h('button', { type: 'button', class: 'run-small' }, '결과 지우기');
  const out = h('div', { class: 'run-out' }, transcript, h('div', { class: 'run-out-tools' }, copy, show, close));
  copy.addEventListener('click', async () => {
    const ok = await copyText(transcript.textContent ?? '');
    lab?.notice(ok ? '실행 결과를 복사했습니다.' : '복사하지 못했습니다.');
  });
  show.addEventListener('click', () => void openDock('cluster'));
  close.addEventListener('click', () => {
    out.remove();
    b.out = null;
    delete lab?.saved.outputs[outputKey(b.spec.n)];
    lab?.save();
    b.status.textContent = '';
    delete b.el.dataset.state;
  });
  b.bar.after(out);
  b.out = out;
  return out;
}

function showOutput(b: BlockUI, parts: { label?: string; entries: RunEntry[] }[]) {
  const out = ensureOut(b);
  const pre = out.querySelector('pre')!;
  pre.replaceChildren();
  for (const p of parts) {
    if (p.label) pre.append(h('span', { class: 'run-note' }, `# ${p.label}\n`));
    renderEntries(pre, p.entries);
  }
  if (!pre.textContent) pre.append(h('span', { class: 'run-note' }, '(출력 없음)\n'));
}

async function runBlock(b: BlockUI, action: Action) {
  if (b.busy || !lab || !page) return;
  // Every editor's text as it is on screen (a run also lays down the files other blocks define).
  for (const x of blocks) x.flush?.();
  b.busy = true;
  b.bar.setAttribute('aria-busy', 'true');
  setState(b, lab.started ? 'running' : 'loading');
  try {
    const all = blocks.map((x) => x.spec);
    const doneKey = lab.mode === 'lab' ? page.dataset.slug ?? '' : '';
    const done = new Set(lab.saved.done[doneKey] ?? []);
    const { steps, unknown } = stepsFor(all, b.spec, action, done, codeOf);
    await lab.start();
    setState(b, 'running');
    const results = await lab.run(steps.map(stepOp));
    for (const s of steps) if (s.n !== undefined) done.add(s.n);
    lab.saved.done[doneKey] = [...done].sort((x, y) => x - y);
    const parts = steps.flatMap((s, i) => (s.restore ? [] : [{ label: s.pre ? `먼저 필요한 블록 #${s.n}을 실행합니다` : undefined, entries: results[i]?.entries ?? [] }]));
    const mine = parts[parts.length - 1].entries;
    showOutput(b, parts);
    const state = action === 'delete' ? (mine.some((e) => (e.status ?? 0) !== 0) ? 'failed' : 'ok') : stateOf(b.spec, mine);
    // A non-zero status with nothing on stderr is a result, not an error message (grep found nothing).
    const quiet = !mine.some((e) => e.output.some((o) => o.stream === 'stderr' && o.text.trim()));
    const status = [...mine].reverse().find((e) => (e.status ?? 0) !== 0)?.status ?? 1;
    const stderr = mine.flatMap((e) => e.output.filter((o) => o.stream === 'stderr').map((o) => o.text)).join('');
    const why = state !== 'failed' ? '' : quiet ? `종료 코드 ${status} (오류 메시지는 없습니다)` : `오류가 났습니다${b.spec.expect.ok ? leftoverHint(stderr) : ''}`;
    const note = [why, unknown.length ? `(찾을 수 없는 선행 블록: ${unknown.join(', ')})` : ''].filter(Boolean).join(' ');
    setState(b, state, note);
    lab.saved.outputs[outputKey(b.spec.n)] = { entries: trimEntries(parts.flatMap((p) => (p.label ? [{ command: `# ${p.label}`, output: [] }, ...p.entries] : p.entries))), state, ...(note ? { note } : {}) };
    lab.save(true);
  } catch (e) {
    setState(b, 'stopped', e instanceof Error && e.message !== 'timeout' ? `(${e.message})` : '');
  } finally {
    b.busy = false;
    b.bar.removeAttribute('aria-busy');
  }
}

function openEditor(b: BlockUI) {
  if (b.editor) {
    b.editor.focus();
    return;
  }
  const ta = h('textarea', { class: 'run-editor', rows: '6', 'aria-label': `${b.spec.title ?? `블록 ${b.spec.n}`} 편집`, 'aria-describedby': 'run-editor-help' });
  ta.value = b.edited ?? b.spec.code;
  attachEditor(ta, {
    yaml: b.spec.kind === 'manifest',
    onTooBig: (n) => lab?.notice(`붙여 넣으려는 내용이 너무 큽니다 (${Math.round(n / 1000).toLocaleString()} KB). 1 MB까지 넣을 수 있습니다.`),
    onSubmit: () => void runBlock(b, b.spec.action),
  });
  autosize(ta);
  let timer = 0;
  // Saved a moment after typing stops; a run takes the text as it is on screen (flushEdit).
  const save = () => {
    clearTimeout(timer);
    timer = 0;
    const v = ta.value.slice(0, MAX_TEXT);
    b.edited = v === b.spec.code ? null : v;
    if (b.edited === null) delete edits[b.spec.n];
    else edits[b.spec.n] = { hash: b.spec.hash, code: b.edited };
    saveEdits();
    markEdited(b);
  };
  ta.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(save, 200);
  });
  b.flush = () => {
    if (timer) save();
  };
  b.editor = ta;
  b.pre.hidden = true;
  b.pre.parentElement?.classList.add('run-editing');
  b.pre.after(ta);
  if (!document.getElementById('run-editor-help')) document.body.append(h('p', { id: 'run-editor-help', hidden: true }, 'Tab은 들여쓰기, Shift+Tab은 내어쓰기, Esc 다음 Tab은 편집기 밖으로 이동, Ctrl+Enter는 실행입니다.'));
  markEdited(b);
  ta.focus();
}

function closeEditor(b: BlockUI) {
  b.editor?.remove();
  b.editor = null;
  b.pre.hidden = false;
  b.pre.parentElement?.classList.remove('run-editing');
}

function markEdited(b: BlockUI) {
  b.el.toggleAttribute('data-edited', b.edited !== null);
  const reset = b.bar.querySelector<HTMLButtonElement>('[data-act="reset"]');
  if (reset) reset.hidden = b.edited === null && !b.editor;
  const edit = b.bar.querySelector<HTMLButtonElement>('[data-act="edit"]');
  if (edit) edit.setAttribute('aria-expanded', String(!!b.editor));
}

function resetBlock(b: BlockUI) {
  b.edited = null;
  delete edits[b.spec.n];
  saveEdits();
  closeEditor(b);
  markEdited(b);
  b.bar.querySelector<HTMLButtonElement>('[data-act="edit"]')?.focus();
  lab?.notice('블록을 원래 내용으로 되돌렸습니다.');
}

function uiOf(el: HTMLElement): BlockUI | undefined {
  return blocks.find((b) => b.el === el);
}

function adopt(el: HTMLElement): BlockUI | null {
  const pre = el.querySelector('pre');
  const bar = el.querySelector<HTMLElement>('.run-bar');
  if (!pre || !bar) return null;
  const code = (pre.querySelector('code') ?? pre).textContent?.replace(/\n$/, '') ?? '';
  const spec = blockFromDataset({ ...el.dataset }, code);
  const saved = edits[spec.n];
  const b: BlockUI = { el, spec, pre, bar, status: bar.querySelector('.run-status') ?? bar, out: null, editor: null, edited: saved && saved.hash === spec.hash ? saved.code : null, busy: false };
  if (saved && saved.hash !== spec.hash) delete edits[spec.n];
  blocks.push(b);
  if (b.edited !== null) openEditor(b);
  markEdited(b);
  return b;
}

function restoreOutputs() {
  if (!lab) return;
  for (const b of blocks) {
    const o = lab.saved.outputs[outputKey(b.spec.n)];
    if (b.out) {
      b.out.remove();
      b.out = null;
      b.status.textContent = '';
      delete b.el.dataset.state;
    }
    if (!o) continue;
    showOutput(b, [{ entries: o.entries }]);
    setState(b, o.state, o.note || (o.state === 'failed' ? '오류가 났습니다' : ''));
  }
}

/** Called by the loader for a toolbar button. */
export async function blockAction(el: HTMLElement, act: string): Promise<void> {
  init();
  const b = uiOf(el) ?? adopt(el);
  if (!b) return;
  if (act === 'edit') openEditor(b);
  else if (act === 'reset') resetBlock(b);
  else if (act === 'run' || act === 'apply' || act === 'create' || act === 'delete') await runBlock(b, act);
}

export async function openDock(tab: 'cluster' | 'terminal' = 'cluster'): Promise<void> {
  init();
  dock!.open(tab);
}

/** Start the simulator ahead of a click that is about to come (pointer over or focus on a run button). */
export function warm(): void {
  init();
  void lab!.start().catch(() => undefined);
}

let initialised = false;

/** Sets up the page once: the lab, saved edits and outputs, the dock, a share link in the URL. */
export function init(): void {
  if (initialised) return;
  initialised = true;
  // The run UI's styles come with it (the reading page does not carry them).
  document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
  page = document.querySelector<HTMLElement>('run-page');
  const slug = page?.dataset.slug ?? location.pathname;
  lab = new Lab(slug, page?.dataset.setup ?? '');
  // Note 15's pod-creation diagram lights up as the cluster creates a pod (flow-ui.ts). A dynamic
  // import here would bring back Vite's preload helper (astro.config.mjs smallPreloadHelper).
  if (attachFlow(lab)) lab.trace = true;
  try {
    edits = readEdits(localStorage.getItem(editsKey()));
  } catch {
    edits = {};
  }
  for (const el of document.querySelectorAll<HTMLElement>('run-block')) adopt(el);
  dock = new Dock(lab, page);
  lab.on('state', restoreOutputs);
  restoreOutputs();
  if (location.hash.startsWith('#run=')) void acceptShare(lab, dock, location.hash.slice(5));
  // A share link opened on a page that is already open (the hash changes, the page does not reload).
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#run=') && lab && dock) void acceptShare(lab, dock, location.hash.slice(5));
  });
}
