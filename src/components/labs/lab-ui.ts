/**
 * A lab page's working part, loaded after the page by lab-page.ts: the runnable notes' terminal on
 * the lab's cluster (SimClient → worker), 채점 (settle + check, precise Korean messages), 처음부터 다시,
 * the session saved as a log of operations (replayed on return), done-state kept locally.
 * Everything the cluster or the check says is rendered as text.
 */
import { Terminal } from '../run/terminal.ts';
import type { Lab as RunLab } from '../run/lab.ts';
import { h } from '../run/dom.ts';
import { confirmTwice } from './confirm.ts';
import { LIMITS, pushOp, type Op } from '../../lib/run/state.ts';
import { PROGRESS_KEY, failureNotice, labSessionKey, markDone, newLabSave, readLabSave, readProgress, type LabSave } from '../../labs/progress.ts';
import type { Grade } from '../../labs/types.ts';
import { SimClient } from './client.ts';
import { forget, saveLater, storage } from '../run/saved.ts';
import css from '../run/run.css?inline';

export function loadProgressDone(): Record<string, number> {
  return readProgress(storage()?.getItem(PROGRESS_KEY) ?? null).progress.done;
}

function setStyles() {
  if (document.getElementById('kn-run-css')) return;
  document.head.append(Object.assign(document.createElement('style'), { id: 'kn-run-css', textContent: css }));
}

export function mountLab(el: HTMLElement): void {
  setStyles();
  const key = el.dataset.key ?? '';
  const setup = el.dataset.setup ?? '';
  const q = <T extends Element>(sel: string) => el.querySelector<T>(sel);
  const panel = q<HTMLElement>('[data-term]')!;
  const noticeEl = q<HTMLElement>('[data-notice]')!;
  const resultEl = q<HTMLElement>('[data-result]')!;
  const gradeBtn = q<HTMLButtonElement>('[data-act="grade"]')!;
  const resetBtn = q<HTMLButtonElement>('[data-act="reset"]')!;
  const stateText = q<HTMLElement>('[data-state-text]')!;
  const store = storage();
  const sessionKey = labSessionKey(key);

  const notice = (text: string) => {
    noticeEl.textContent = text;
  };

  // The saved session (or a fresh one, with a notice when the saved one was unusable).
  let save: LabSave;
  const read = readLabSave(store?.getItem(sessionKey) ?? null, { key, setup });
  if (read.ok) save = read.save;
  else {
    save = newLabSave(key, setup);
    forget(store, sessionKey, failureNotice(read.reason, '실습 기록'), notice);
  }

  const persist = saveLater(
    () => {
      const json = JSON.stringify(save);
      if (json.length > LIMITS.totalBytes) {
        notice('실습 기록이 너무 커서 더 저장하지 않습니다. 처음부터 다시 하면 다시 저장됩니다.');
        return;
      }
      store?.setItem(sessionKey, json);
    },
    () => notice('브라우저 저장 공간을 쓸 수 없어 실습 기록을 저장하지 못했습니다.'),
  );

  const client = new SimClient({
    init: () => ({ type: 'lab', key, ops: save.ops }),
    ran(ops: Op[]) {
      for (const op of ops) pushOp(save.ops, op);
      if (save.ops.length > LIMITS.ops) notice('실습 기록이 너무 길어졌습니다. 처음부터 다시 하면 새로 기록합니다.');
      persist();
    },
    started(r) {
      if ('failedAt' in r && r.failedAt !== null) {
        save.ops = save.ops.slice(0, r.failedAt);
        persist(true);
        notice(`저장된 실습 기록을 다시 실행하다 오류가 나서 그 앞까지만 복원했습니다 (${r.error ?? ''}).`);
      }
    },
  });
  client.on('notice', notice);
  client.on('busy', (b) => {
    el.toggleAttribute('data-busy', b);
    gradeBtn.disabled = b;
    if (b && !client.booted) stateText.textContent = '클러스터를 띄우는 중입니다…';
    else if (!b && stateText.textContent === '클러스터를 띄우는 중입니다…') stateText.textContent = '';
  });

  panel.replaceChildren();
  // The runnable notes' terminal, on this lab's cluster (it needs only run/ask/prompt/notice/on).
  const terminal = new Terminal(client as unknown as RunLab, panel);

  const showDone = (done: boolean) => {
    el.dataset.done = done ? 'true' : 'false';
    for (const b of document.querySelectorAll<HTMLElement>('[data-lab-done]')) b.hidden = !done;
  };
  showDone(!!loadProgressDone()[key]);

  const showGrade = (g: Grade) => {
    resultEl.hidden = false;
    resultEl.dataset.resultState = g.ok ? 'pass' : 'fail';
    const title = g.ok ? '통과했습니다. 클러스터가 과제의 요구대로 되어 있습니다.' : `아직 안 된 것이 ${g.messages.length}가지 있습니다.`;
    resultEl.replaceChildren(h('p', { class: 'lab-result-title' }, g.ok ? '✓ ' : '✗ ', title));
    if (!g.ok) resultEl.append(h('ul', { class: 'lab-result-list' }, g.messages.map((m) => h('li', {}, m))));
  };

  gradeBtn.addEventListener('click', async () => {
    stateText.textContent = '채점하는 중… (클러스터가 잠시 흘러가게 둔 뒤 상태를 봅니다)';
    try {
      const { grade } = await client.grade();
      persist(true);
      showGrade(grade);
      if (grade.ok) {
        const p = readProgress(store?.getItem(PROGRESS_KEY) ?? null).progress;
        try {
          store?.setItem(PROGRESS_KEY, JSON.stringify(markDone(p, key, Date.now())));
        } catch {
          notice('브라우저 저장 공간을 쓸 수 없어 완료 표시를 저장하지 못했습니다.');
        }
        showDone(true);
      }
      stateText.textContent = '';
    } catch {
      stateText.textContent = '채점하지 못했습니다. 다시 눌러 보세요.';
    }
  });

  const startOver = async () => {
    await client.reset();
    save = newLabSave(key, setup);
    persist(true);
    terminal.clear();
    resultEl.hidden = true;
    resultEl.replaceChildren();
    delete resultEl.dataset.resultState;
    notice('클러스터를 실습 시작 상태로 되돌렸습니다.');
    await client.start();
    terminal.focus();
  };
  confirmTwice(resetBtn, '정말 처음부터? 한 번 더 누르세요', () => void startOver(), () => save.ops.length > 0);

  gradeBtn.disabled = false;
  resetBtn.disabled = false;
  // A saved session comes back at once; otherwise the cluster starts with the first command.
  if (save.ops.length) {
    notice(`저장된 실습을 이어서 불러오는 중… (기록 ${save.ops.length}개)`);
    client.start().then(
      () => {
        if (noticeEl.textContent?.startsWith('저장된 실습을 이어서')) notice('저장된 실습을 이어서 불러왔습니다. 클러스터는 떠난 때의 상태입니다.');
      },
      () => notice('저장된 실습을 불러오지 못했습니다. 처음부터 다시 해 보세요.'),
    );
  }
  window.addEventListener('pagehide', () => persist(true));
}
