/**
 * The terminal: a shell on the page's cluster (kubectl, sim, node tools) with history (↑/↓,
 * saved), Tab completion, multi-line paste and here-documents, Ctrl+C, Ctrl+L / `clear`,
 * `history` (the shell's own: it pipes), and `vi`/`vim`/`nano FILE` opening the in-page editor (saving writes the file, as the
 * real editors do). Output is text; the scrollback is bounded so it stays fast.
 */
import { h, nextId, renderEntries } from './dom.ts';
import { attachEditor, autosize, MAX_TEXT } from './editor.ts';
import type { Lab } from './lab.ts';
import { commonPrefix, needsMoreLines } from '../../lib/run/editing.ts';
import { KEY, pushHistory, readHistory } from '../../lib/run/state.ts';

const HISTORY_KEY = KEY + 'history';
/** Scrollback kept (characters); older output is dropped from the top. */
const SCROLLBACK = 400_000;

export class Terminal {
  private lab: Lab;
  private out: HTMLElement;
  private input: HTMLTextAreaElement;
  private promptEl: HTMLElement;
  private history: string[];
  private cursor: number;
  private draft = '';
  private busy = false;
  private editorBox: HTMLElement;

  constructor(lab: Lab, panel: HTMLElement) {
    this.lab = lab;
    try {
      this.history = readHistory(localStorage.getItem(HISTORY_KEY));
    } catch {
      this.history = [];
    }
    this.cursor = this.history.length;
    const id = nextId('run-term');
    this.out = h('div', { class: 'term-out', role: 'log', 'aria-label': '터미널 출력', tabindex: '0' });
    this.promptEl = h('label', { class: 'term-prompt', for: `${id}-in` }, lab.prompt);
    this.input = h('textarea', { id: `${id}-in`, class: 'term-in', rows: '1', 'aria-describedby': `${id}-help`, spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off' });
    this.editorBox = h('div', { class: 'term-editor', hidden: true });
    panel.append(
      this.out,
      h('div', { class: 'term-line' }, this.promptEl, this.input),
      // Keyboard shortcuts mean nothing on a touch screen: it gets its own line (run.css, pointer: coarse).
      h(
        'p',
        { class: 'term-help', id: `${id}-help` },
        h('span', { class: 'term-help-keys' }, '↑↓ 이전 명령 · Tab 자동 완성 · Shift+Enter 줄 바꿈 · Ctrl+C 취소 · Ctrl+L 화면 지우기 · vi 파일: 편집기로 열기'),
        h('span', { class: 'term-help-touch' }, '명령을 입력하고 Enter(이동)로 실행 · vi 파일: 편집기로 열기'),
      ),
      this.editorBox,
    );
    autosize(this.input);
    this.input.addEventListener('keydown', (ev) => void this.key(ev));
    this.input.addEventListener('paste', (ev) => {
      const text = ev.clipboardData?.getData('text/plain') ?? '';
      if (text.length + this.input.value.length > MAX_TEXT) {
        ev.preventDefault();
        this.print([{ command: '', output: [{ stream: 'stderr', text: `붙여 넣으려는 내용이 너무 큽니다 (${Math.round(text.length / 1000).toLocaleString()} KB). 1 MB까지 넣을 수 있습니다.\n` }] }]);
      }
    });
    lab.on('state', () => this.setPrompt(lab.prompt));
  }

  focus(): void {
    this.input.focus();
  }

  clear(): void {
    this.out.replaceChildren();
  }

  private setPrompt(p: string) {
    this.promptEl.textContent = p;
  }

  private print(entries: Parameters<typeof renderEntries>[1], prompt = '') {
    renderEntries(this.out, entries, prompt);
    // Bounded scrollback: drop the oldest nodes.
    let size = this.out.textContent?.length ?? 0;
    while (size > SCROLLBACK && this.out.firstChild) {
      size -= this.out.firstChild.textContent?.length ?? 0;
      this.out.firstChild.remove();
    }
    this.out.scrollTop = this.out.scrollHeight;
  }

  private saveHistory() {
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(this.history));
    } catch {
      /* not kept */
    }
  }

  private async key(ev: KeyboardEvent) {
    const ta = this.input;
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      if (needsMoreLines(ta.value)) return; // a here-document or continuation: keep typing
      ev.preventDefault();
      await this.submit();
    } else if (ev.key === 'ArrowUp' && !ta.value.slice(0, ta.selectionStart).includes('\n')) {
      if (this.cursor === 0) return;
      ev.preventDefault();
      if (this.cursor === this.history.length) this.draft = ta.value;
      this.cursor--;
      this.setInput(this.history[this.cursor]);
    } else if (ev.key === 'ArrowDown' && !ta.value.slice(ta.selectionEnd).includes('\n')) {
      if (this.cursor >= this.history.length) return;
      ev.preventDefault();
      this.cursor++;
      this.setInput(this.cursor === this.history.length ? this.draft : this.history[this.cursor]);
    } else if (ev.key === 'Tab' && !ev.shiftKey && !ev.ctrlKey && !ev.altKey && ta.value.trim() !== '') {
      ev.preventDefault();
      await this.completeLine();
    } else if (ev.ctrlKey && (ev.key === 'c' || ev.key === 'C') && ta.selectionStart === ta.selectionEnd) {
      ev.preventDefault();
      this.print([{ command: ta.value + '^C', output: [] }], this.lab.prompt);
      this.setInput('');
      this.cursor = this.history.length;
    } else if (ev.ctrlKey && (ev.key === 'l' || ev.key === 'L')) {
      ev.preventDefault();
      this.clear();
    }
  }

  private setInput(v: string) {
    this.input.value = v;
    this.input.setSelectionRange(v.length, v.length);
    this.input.dispatchEvent(new Event('input'));
  }

  private async completeLine() {
    const ta = this.input;
    const before = ta.value.slice(0, ta.selectionStart);
    const after = ta.value.slice(ta.selectionStart);
    const lineStart = before.lastIndexOf('\n') + 1;
    let r;
    try {
      r = await this.lab.ask({ type: 'complete', line: before.slice(lineStart) });
    } catch {
      return;
    }
    if (r.candidates.length === 0) return;
    const word = before.slice(lineStart + r.from);
    const insert = r.candidates.length === 1 ? r.candidates[0] + (/[/=]$/.test(r.candidates[0]) ? '' : ' ') : commonPrefix(r.candidates);
    if (insert.length > word.length) {
      const head = before.slice(0, lineStart + r.from) + insert;
      ta.value = head + after;
      ta.setSelectionRange(head.length, head.length);
      ta.dispatchEvent(new Event('input'));
    } else if (r.candidates.length > 1) {
      const shown = r.candidates.slice(0, 200);
      this.print([{ command: ta.value, output: [{ stream: 'stdout', text: shown.join('  ') + (r.candidates.length > shown.length ? `  …(${r.candidates.length}개)` : '') + '\n' }] }], this.lab.prompt);
    }
  }

  private async submit() {
    if (this.busy) return;
    const text = this.input.value.replace(/\n+$/, '');
    this.setInput('');
    this.history = pushHistory(this.history, text);
    this.cursor = this.history.length;
    this.draft = '';
    this.saveHistory();
    const trimmed = text.trim();
    if (!trimmed) {
      this.out.append(h('span', { class: 'run-cmd' }, this.lab.prompt + '\n'));
      return;
    }
    if (trimmed === 'clear') {
      this.clear();
      return;
    }
    if (isKubectlEdit(trimmed) && !/\s(-h|--help)\b/.test(trimmed)) {
      this.print([{ command: text, output: [] }], this.lab.prompt);
      await this.kubectlEdit(trimmed);
      return;
    }
    const vi = /^(vi|vim|nano)\s+(\S+)\s*$/.exec(trimmed);
    if (vi) {
      this.print([{ command: text, output: [] }], this.lab.prompt);
      await this.edit(vi[1], vi[2]);
      return;
    }
    this.busy = true;
    this.input.setAttribute('aria-busy', 'true');
    try {
      const [r] = await this.lab.run([{ t: 'r', s: text }]);
      const entries = r.entries.length ? r.entries : [{ command: text, output: [] }];
      this.print(entries, this.promptEl.textContent ?? '');
      this.setPrompt(r.prompt);
      // kubectl exec -it POD -- sh: the shell would wait for input this terminal cannot give it.
      if (/\bexec\b.*\s-[a-z]*[it][a-z]*\b.*\s--\s+(\/bin\/)?(sh|bash|ash)\s*$/.test(trimmed)) {
        this.lab.notice('이 터미널에서는 컨테이너 안의 대화형 셸을 열 수 없습니다. kubectl exec POD -- sh -c "명령"처럼 실행할 명령을 함께 주세요.');
      }
    } catch {
      this.print([{ command: text, output: [{ stream: 'stderr', text: '명령을 끝내지 못했습니다(시뮬레이터를 다시 시작했습니다).\n' }] }], this.lab.prompt);
    } finally {
      this.busy = false;
      this.input.removeAttribute('aria-busy');
      this.input.focus();
    }
  }

  /**
   * kubectl edit: the in-page editor on the buffer kubectl would open; saving hands the text to
   * kubectl as its editor's result (so its checks, patch and error messages are kubectl's own).
   */
  private async kubectlEdit(line: string) {
    let r;
    try {
      r = await this.lab.ask({ type: 'editBuffer', line });
    } catch {
      return;
    }
    if (r.text === null) {
      this.print(r.entries.map((e) => ({ ...e, command: '' })));
      return;
    }
    const original = r.text;
    this.openEditor(line, original, false, async (text) => {
      if (text === original) {
        this.print([{ command: '', output: [{ stream: 'stderr', text: 'Edit cancelled, no changes made.\n' }] }]);
        return;
      }
      const [res] = await this.lab.run([{ t: 'e', s: line, content: text }]);
      // kubectl reopened its editor with the reasons on top; this terminal cannot keep it open, so
      // the reasons are shown here (then kubectl's own lines, as when the editor is closed unchanged).
      const reopened = res.reopened ? [{ command: '', output: [{ stream: 'stdout' as const, text: `# (kubectl edit가 편집기를 다시 열며 맨 위에 보여 준 내용)\n${res.reopened}` }] }] : [];
      this.print([...reopened, ...res.entries.map((e) => ({ ...e, command: '' }))]);
    }, () => this.print([{ command: '', output: [{ stream: 'stderr', text: 'Edit cancelled, no changes made.\n' }] }]));
  }

  /** The editor panel under the prompt. */
  private openEditor(title: string, content: string, isNew: boolean, onSave: (text: string) => Promise<void>, onQuit: () => void) {
    const ta = h('textarea', { class: 'run-editor', rows: '14', 'aria-label': title });
    ta.value = content;
    const save = h('button', { type: 'button', class: 'run-small' }, '저장하고 닫기 (:wq)');
    const quit = h('button', { type: 'button', class: 'run-small' }, '저장하지 않고 닫기 (:q!)');
    const close = () => {
      this.editorBox.hidden = true;
      this.editorBox.replaceChildren();
      this.input.focus();
    };
    attachEditor(ta, {
      yaml: true,
      onTooBig: (n) => this.lab.notice(`붙여 넣으려는 내용이 너무 큽니다 (${Math.round(n / 1000).toLocaleString()} KB).`),
      onSubmit: () => save.click(),
    });
    autosize(ta);
    save.addEventListener('click', async () => {
      close();
      await onSave(ta.value);
    });
    quit.addEventListener('click', () => {
      close();
      onQuit();
    });
    this.editorBox.replaceChildren(h('p', { class: 'term-editor-title' }, `${title}${isNew ? ' (새 파일)' : ''}`), ta, h('div', { class: 'run-out-tools' }, save, quit));
    this.editorBox.hidden = false;
    // As vi opens a file: at its first line, with the buttons in view.
    ta.setSelectionRange(0, 0);
    ta.scrollTop = 0;
    ta.focus();
    this.editorBox.scrollIntoView({ block: 'nearest' });
  }

  /** vi/vim/nano FILE: the in-page editor on the file; saving writes it (an op, so it replays). */
  private async edit(editor: string, path: string) {
    let content: string | null = null;
    try {
      content = await this.lab.ask({ type: 'read', path });
    } catch {
      return;
    }
    this.openEditor(`${editor} ${path}`, content ?? '', content === null, async (value) => {
      const text = value.endsWith('\n') || value === '' ? value : value + '\n';
      await this.lab.run([{ t: 'w', path, content: text }]);
      const lines = text ? text.split('\n').length - 1 : 0;
      this.print([{ command: '', output: [{ stream: 'stdout', text: `"${path}" ${content === null ? '[New] ' : ''}${lines}L, ${new TextEncoder().encode(text).length}B written\n` }] }]);
    }, () => undefined);
  }
}

/** Global kubectl flags that take the next word as their value (`kubectl -n web edit pod x`). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--as', '--as-group', '--token', '--request-timeout', '-v', '--v']);

/** Whether a line is `kubectl edit …` (or `k edit …`), the subcommand after any global flags. */
export function isKubectlEdit(line: string): boolean {
  const words = line.split(/\s+/);
  if (words[0] !== 'kubectl' && words[0] !== 'k') return false;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('-')) return w === 'edit';
    if (VALUE_FLAGS.has(w)) i++;
  }
  return false;
}
