/**
 * What a reading page loads for runnable notes: small custom elements that add run controls to the
 * build-time <run-block>s and the page bar, and load the run UI and the simulator (runtime.ts, the
 * worker) only when the learner uses them — or when there is saved work or a share link to show.
 * The first click answers at once ("불러오는 중…"); a pointer over or focus on a control starts the
 * load ahead of the click.
 */
type Runtime = typeof import('./runtime.ts');

let runtime: Promise<Runtime> | null = null;
let loaded = false;
// The simulator worker starts with the run UI's load, not after it: its code and the cluster's
// boot are most of a first run's wait. Named after the page, it boots the page's cluster at once
// (sim.worker.ts); the run UI (lab.ts) takes it over.
const load = () =>
  (runtime ??= ((self as { kubenoteWorker?: Worker }).kubenoteWorker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: document.querySelector<HTMLElement>('run-page')?.dataset.slug })) &&
    import('./runtime.ts').then((m) => {
      loaded = true;
      return m;
    }));

const FAILED = '실행 도구를 불러오지 못했습니다. 새로 고침해 보세요.';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

function button(text: string, act: string, label?: string, primary?: boolean): HTMLButtonElement {
  const b = el('button', primary ? 'run-btn run-primary' : 'run-btn');
  b.type = 'button';
  b.dataset.act = act;
  b.textContent = text;
  if (label) b.setAttribute('aria-label', label);
  return b;
}

function warm() {
  load().then((m) => m.warm(), () => undefined);
}

/**
 * Intent: a pointer over `hover` (a block's code and controls, or the page bar) or focus on a control
 * of `bar` starts the load; a click on a control hands its act to `onAct`.
 */
function wire(hover: HTMLElement, bar: HTMLElement, onAct: (act: string) => void) {
  hover.addEventListener('pointerenter', warm, { once: true });
  bar.addEventListener('focusin', warm, { once: true });
  bar.addEventListener('click', (ev) => {
    const b = (ev.target as Element).closest<HTMLButtonElement>('button[data-act]');
    if (b) onAct(b.dataset.act!);
  });
}

class RunBlock extends HTMLElement {
  connectedCallback() {
    if (this.querySelector(':scope > .run-bar')) return;
    const d = this.dataset;
    const bar = el('div', 'run-bar');
    if (d.kind === 'manifest') {
      const primary = d.action === 'create' || d.action === 'delete' ? d.action : 'apply';
      for (const a of ['apply', 'create', 'delete']) {
        bar.append(button(a === primary ? `▶ ${a}` : a, a, `kubectl ${a} -f ${d.file ?? ''} 실행`, a === primary));
      }
    } else bar.append(button('▶ 실행', 'run', `블록 ${d.n} 명령 실행`, true));
    const edit = button('편집', 'edit');
    edit.setAttribute('aria-expanded', 'false');
    const reset = button('원래대로', 'reset');
    reset.hidden = true;
    const status = el('span', 'run-status');
    status.setAttribute('role', 'status');
    bar.append(edit, reset, status);
    this.append(bar);
    wire(this, bar, (act) => {
      if (!loaded && act !== 'edit' && act !== 'reset') {
        // Feedback within the frame of the click, before any code has loaded.
        d.state = 'loading';
        status.textContent = '실행 준비 중…';
      }
      load().then(
        (m) => m.blockAction(this, act),
        () => {
          status.textContent = FAILED;
        },
      );
    });
  }
}

class RunPage extends HTMLElement {
  connectedCallback() {
    if (this.querySelector(':scope > .run-page-bar')) return;
    const bar = el('div', 'run-page-bar');
    const text = document.createElement('span');
    text.textContent = '이 페이지의 예제는 브라우저 안의 쿠버네티스 클러스터에서 실행됩니다.';
    bar.append(text, button('클러스터 보기', 'cluster'), button('터미널 열기', 'terminal'));
    this.prepend(bar);
    wire(bar, bar, (act) =>
      load().then(
        (m) => m.openDock(act === 'terminal' ? 'terminal' : 'cluster'),
        () => (text.textContent = FAILED),
      ),
    );
    // Saved work or a share link: bring the run UI up when the page is idle.
    const slug = this.dataset.slug ?? '';
    let saved = location.hash.startsWith('#run=');
    try {
      const ls = localStorage;
      // In "my lab" every page shows the lab's outputs (without reading the whole lab here).
      saved ||= ls.getItem('kubenote:v1:mode') === 'lab' || !!ls.getItem('kubenote:v1:edits:' + slug) || !!ls.getItem('kubenote:v1:page:' + slug);
    } catch {
      /* storage blocked */
    }
    // A share link opened while this page is open: the run UI takes it (runtime.ts init).
    addEventListener('hashchange', () => {
      if (location.hash.startsWith('#run=')) load().then((m) => m.init(), () => undefined);
    });
    if (saved) {
      const go = () => load().then((m) => m.init(), () => undefined);
      if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 2000 });
      else setTimeout(go, 200);
    }
  }
}

customElements.define('run-block', RunBlock);
customElements.define('run-page', RunPage);
