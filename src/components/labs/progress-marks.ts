/**
 * Done marks from the locally saved lab progress (src/labs/done.ts), for the lab index and the
 * home page's section map: `[data-lab-key]` items get data-done and their `[data-done-mark]`
 * shown; `[data-lab-count]` (data-section, data-total) says "실습 N개 중 M개 완료". Nothing leaves
 * the browser; damaged data just shows nothing done.
 */
import { PROGRESS_KEY, readProgress } from '../../labs/done.ts';

function mark(root: ParentNode) {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(PROGRESS_KEY);
  } catch {
    /* storage blocked: nothing done */
  }
  const done = readProgress(raw).progress.done;
  for (const el of root.querySelectorAll<HTMLElement>('[data-lab-key]')) {
    const ok = !!done[el.dataset.labKey ?? ''];
    el.toggleAttribute('data-done', ok);
    const m = el.querySelector<HTMLElement>('[data-done-mark]');
    if (m) m.hidden = !ok;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-lab-count]')) {
    const section = el.dataset.section ?? '';
    const total = Number(el.dataset.total) || 0;
    const n = Math.min(total, Object.keys(done).filter((k) => k.startsWith(section + '/')).length);
    el.textContent = n > 0 ? `실습 ${total}개 중 ${n}개 완료` : `실습 ${total}개`;
    el.toggleAttribute('data-all-done', n > 0 && n === total);
  }
}

class KnLabProgress extends HTMLElement {
  connectedCallback() {
    mark(this);
    window.addEventListener('storage', (e) => {
      if (e.key === PROGRESS_KEY) mark(this);
    });
    window.addEventListener('pageshow', () => mark(this));
  }
}
if (!customElements.get('kn-lab-progress')) customElements.define('kn-lab-progress', KnLabProgress);
